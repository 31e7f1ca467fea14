"""How the Python code blocks of docs/ are executed, and what is counted.

pytest-markdown-docs collects every ```python fence of docs/ (superfences syntax, see pyproject.toml). The
runner below replaces its default runner so that executing a block also checks what the page shows:

- A block whose only lines are ``--8<-- "docs_src/…"`` is the page including a file (pymdownx.snippets);
  the runner executes that file, so included code is tested like any other block.
- Whatever a block prints must appear, exactly, in the ```output fence right after it; a block that prints
  nothing must not be followed by one. Every number in a page's output blocks was therefore printed by code
  that ran in this test session.
- ``UPDATE_OUTPUTS=1`` (``make outputs``) rewrites instead: each ```output fence that differs from what its block
  prints gets the printed text (a missing fence is added, a fence after a silent block removed) when the session
  ends, so a framework upgrade is one command and a diff to read. Without it a difference fails the test.

The summary at the end says how many blocks ran, how many outputs were compared and how many files were included,
how many tests of each suite passed (property-based, bad-input and gradient tests counted apart), and, last, the
time budgets: the strict build of the site (timed by the end-to-end fixture) and the whole test run.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import re
import sys
import time
from pathlib import Path

import pytest
from hypothesis import settings
from markdown_it import MarkdownIt
from pytest_markdown_docs._runners import DefaultRunner, register_runner  # private API: pinned version

# CI replays the same examples on every run, so a red build always means a change broke something; on a
# contributor's machine hypothesis keeps exploring new examples (and its .hypothesis/ database keeps failures).
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI") == "true":
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent
INCLUDE = re.compile(r'^--8<-- "(?P<path>[^"]+)"$')
executed = {"blocks": 0, "outputs": 0, "included": 0}
UPDATE_OUTPUTS = os.environ.get("UPDATE_OUTPUTS") == "1"
rewrites: dict[Path, dict[int, str | None]] = {}  # page → code fence's start line → its new output (None: no fence)
MAX_BUILD_SECONDS, MAX_TEST_SECONDS = 60, 15 * 60
started = time.perf_counter()


@functools.cache
def fences(path: Path) -> list:
    """The markdown-it tokens of a page (the parser pytest-markdown-docs uses), cached per file."""
    return MarkdownIt("commonmark").parse(path.read_text("utf8"))


def expected_output(path: Path, start_line: int) -> str | None:
    """The content of the ```output fence that directly follows the code fence starting at ``start_line``."""
    tokens = fences(path)
    for index, token in enumerate(tokens):
        if token.type == "fence" and token.map and token.map[0] + 1 == start_line:
            following = tokens[index + 1] if index + 1 < len(tokens) else None
            if following is not None and following.type == "fence" and following.info.strip() == "output":
                return following.content
            return None
    raise LookupError(f"no code fence starts at line {start_line} of {path}")


def included_files(code: str) -> list[Path] | None:
    """The files a block includes, when the block is nothing but ``--8<--`` lines; None for ordinary code."""
    lines = [line.strip() for line in code.splitlines() if line.strip()]
    matches = [INCLUDE.match(line) for line in lines]
    if lines and all(matches):
        return [ROOT / m["path"] for m in matches]
    if any(matches):
        raise ValueError("a block either includes files (only --8<-- lines) or holds code, not both")
    return None


def normalised(text: str) -> str:
    return "\n".join(line.rstrip() for line in text.strip("\n").splitlines())


@register_runner(default=True)
class CheckedOutputRunner(DefaultRunner):
    """Executes a block (or the files it includes) and compares what it prints with the page's output fence."""

    def runtest(self, test, args, *, asyncio_runner=None):
        lines = test.source.split("\n")
        earlier, own = "\n".join(lines[: test.start_line]), "\n" * test.start_line + "\n".join(lines[test.start_line :])
        printed = io.StringIO()
        if earlier.strip():  # blocks this one continues: already checked on their own, run them silently
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(earlier, str(test.source_path), "exec", dont_inherit=True), args)
        files = included_files(own)
        with contextlib.redirect_stdout(printed):
            if files is None:
                exec(compile(own, str(test.source_path), "exec", dont_inherit=True), args)
            else:
                for file in files:
                    exec(compile(file.read_text("utf8"), str(file), "exec", dont_inherit=True), args)
                executed["included"] += len(files)
        executed["blocks"] += 1
        shown = expected_output(Path(test.source_path), test.start_line)
        actual = normalised(printed.getvalue())
        if UPDATE_OUTPUTS and (actual != normalised(shown) if shown is not None else actual):
            rewrites.setdefault(Path(test.source_path), {})[test.start_line] = actual or None
            return
        if shown is None:
            assert not actual, f"the block prints output the page does not show; add after it:\n```output\n{actual}\n```"
            return
        assert actual == normalised(shown), (
            f"the page's output block differs from what the code prints.\nprinted:\n{actual}\nshown:\n{normalised(shown)}"
        )
        executed["outputs"] += 1


def rewrite_outputs(path: Path, outputs: dict[int, str | None]) -> None:
    """Give the code fences of ``path`` starting at the given lines these outputs (see the module docstring)."""
    lines = path.read_text("utf8").split("\n")
    tokens = fences(path)
    for start_line in sorted(outputs, reverse=True):  # from the end: earlier line numbers stay valid
        index = next(i for i, t in enumerate(tokens) if t.type == "fence" and t.map and t.map[0] + 1 == start_line)
        code, following = tokens[index], tokens[index + 1] if index + 1 < len(tokens) else None
        indent = re.match(r"\s*", lines[code.map[0]])[0]
        new = [] if outputs[start_line] is None else [
            f"{indent}```output", *(f"{indent}{line}".rstrip() for line in outputs[start_line].split("\n")), f"{indent}```"
        ]
        if following is not None and following.type == "fence" and following.info.strip() == "output":
            lines[following.map[0] : following.map[1]] = new
            if not new and lines[following.map[0] - 1 : following.map[0]] == [""]:
                del lines[following.map[0] - 1]
        elif new:
            after = lines[code.map[1] : code.map[1] + 1]
            lines[code.map[1] : code.map[1]] = ["", *new] + ([""] if after not in ([""], []) else [])
    path.write_text("\n".join(lines), "utf8")
    fences.cache_clear()


def pytest_sessionfinish(session):
    for path, outputs in rewrites.items():
        rewrite_outputs(path, outputs)


SUITES = {
    "tests/snippets/": "snippets unit tests",
    "tests/conformance/": "conformance with torch, TensorFlow, Keras",
    "tests/upstream/": "upstream test suites ported (Keras, optax, PyTorch)",
    "tests/docs/": "documentation checks",
    "tests/site/": "site hooks",
    "tests/e2e/": "browser (end-to-end)",
    "docs/": "code blocks of the pages",
    "snippets/": "docstring examples",
}
KINDS = {
    "property-based (hypothesis)": lambda item: getattr(getattr(item, "obj", None), "is_hypothesis_test", False),
    "bad input": lambda item: re.search(r"bad_input|refuse|reject|raise", item.name) is not None,
    "gradients": lambda item: "grad" in item.name,
}
kind_of_test: dict[str, list[str]] = {}
passed: dict[str, list[str]] = {}


def pytest_collection_modifyitems(items):
    for item in items:
        if item.nodeid.startswith(("tests/snippets/", "tests/conformance/")):
            kind_of_test[item.nodeid] = [kind for kind, test in KINDS.items() if test(item)]


def pytest_runtest_logreport(report):
    if report.when == "call" and report.passed:
        suite = next((name for prefix, name in SUITES.items() if report.nodeid.startswith(prefix)), "other")
        passed.setdefault(suite, []).extend(kind_of_test.get(report.nodeid, []) + ["all"])


@pytest.hookimpl(trylast=True)  # after the end-to-end summary: the time budgets are the last lines
def pytest_terminal_summary(terminalreporter):
    terminalreporter.section("passed, by suite")
    for suite in [*SUITES.values(), "other"]:
        kinds = passed.get(suite, [])
        if kinds:
            detail = ", ".join(f"{kinds.count(kind)} {kind}" for kind in KINDS if kinds.count(kind))
            terminalreporter.write_line(f"{suite}: {kinds.count('all')}" + (f" (of which {detail})" if detail else ""))
    if executed["blocks"]:
        terminalreporter.write_line(
            f"docs: executed {executed['blocks']} Python code blocks ({executed['included']} included from files), "
            f"compared {executed['outputs']} printed outputs with the pages"
        )
    if UPDATE_OUTPUTS:
        terminalreporter.write_line(
            f"UPDATE_OUTPUTS=1: rewrote {sum(map(len, rewrites.values()))} output blocks in {len(rewrites)} pages"
            + "".join(f"\n  {path.relative_to(ROOT)}" for path in sorted(rewrites))
            + ("; read `git diff docs/` before committing" if rewrites else "")
        )
    write_time_budgets(terminalreporter)


def write_time_budgets(terminalreporter) -> None:
    """The last lines of every run: the strict build (timed by the end-to-end tests' fixture) and the whole run."""
    site = sys.modules.get("tests.e2e.site")
    builds = getattr(site, "build_seconds", [])
    terminalreporter.section("time budgets")
    terminalreporter.write_line(
        f"strict build of the site (both languages): {builds[-1]:.1f} s (budget {MAX_BUILD_SECONDS} s)"
        if builds else "strict build of the site: not run in this session (the end-to-end tests build it)"
    )
    total = time.perf_counter() - started
    terminalreporter.write_line(f"whole test run: {total:.0f} s = {total / 60:.1f} min (budget {MAX_TEST_SECONDS // 60} min)")
