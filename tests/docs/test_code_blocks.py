"""No Python code on a page escapes execution.

pytest-markdown-docs runs top-level ```python fences only: a fence nested in an admonition or a content tab, a
language typo (```pyhton), a ``notest`` option or an included file outside a Python fence would be shown to
readers without ever running. These tests find every fence with their own scanner (tests/docs/pages.py) and
compare with what the plugin actually collects.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pytest_markdown_docs.plugin import FenceSyntax, extract_fence_tests

from tests.docs.pages import DOCS, LANGUAGES, ROOT, fences, page_files

PYTHON_ALIASES = {"python", "py", "python3", "py3", "pycon", "ipython", "python2", "sage", "pyi"}
NOT_EXECUTED = {"output", "text", "bash", "console", "yaml", "toml", "json"}
INCLUDE_MARK = "--8<--"
EXAMPLES = ROOT / "docs_src"
FIGURE = re.compile(r"!\[[^\]]*\]\((docs_src/[^)\s]+\.py)\)")  # a figure script, drawn by the build (hooks/executed.py)
PAGES = [p for language in LANGUAGES for p in page_files(language)]


def looks_like_python(language: str) -> bool:
    return language.lower() in PYTHON_ALIASES or bool(difflib.get_close_matches(language.lower(), ["python"], cutoff=0.6))


def escapes(text: str) -> list[str]:
    """Why each code block of a page would be shown without being executed (empty when none would)."""
    problems = []
    for fence in fences(text):
        where = f"line {fence.line}"
        if not fence.language:
            problems.append(f"{where}: fence without a language")
        elif looks_like_python(fence.language):
            if fence.language != "python":
                problems.append(f"{where}: language {fence.language!r} is not collected; write python")
            if fence.indent:
                problems.append(f"{where}: Python fence nested in a block (indent {fence.indent!r}) is not collected")
            if "notest" in fence.options:
                problems.append(f"{where}: notest fence is shown but never run")
        elif fence.language not in NOT_EXECUTED:
            problems.append(f"{where}: unknown fence language {fence.language!r}")
        elif INCLUDE_MARK in fence.content:
            problems.append(f"{where}: file included into a {fence.language} fence is never run")
    outside = [
        n
        for n, line in enumerate(text.splitlines(), 1)
        if line.lstrip().startswith(INCLUDE_MARK) and not line.rstrip().endswith('.md"')  # Markdown: prose, not code
    ]
    inside = {f.line + k for f in fences(text) for k, line in enumerate(f.content.splitlines(), 1) if INCLUDE_MARK in line}
    problems += [f"line {n}: file included outside a code fence" for n in outside if n not in inside]
    return problems


def collected_by_plugin(text: str, path: Path) -> int:
    parser = MarkdownIt("commonmark")
    return sum(1 for _ in extract_fence_tests(parser, text, 0, path, fence_syntax=FenceSyntax.superfences))


@pytest.mark.parametrize(
    "markdown, problem",
    [
        ('!!! note\n\n    ```python\n    print(1)\n    ```\n', "nested in a block"),
        ('=== "Tab"\n\n    ```python\n    print(1)\n    ```\n', "nested in a block"),
        ("```pyhton\nprint(1)\n```\n", "is not collected"),
        ("```py\nprint(1)\n```\n", "is not collected"),
        ("```{.python notest}\nprint(1)\n```\n", "notest"),
        ("```\nprint(1)\n```\n", "without a language"),
        ("```rust\nfn main() {}\n```\n", "unknown fence language"),
        ('```text\n--8<-- "docs_src/x.py"\n```\n', "never run"),
        ('--8<-- "docs_src/x.py"\n', "outside a code fence"),
    ],
)
def test_escape_detector_catches(markdown, problem):
    found = escapes(markdown)
    assert any(problem in p for p in found), f"{markdown!r} gave {found}"


def test_escape_detector_accepts_top_level_python_continuations_and_included_prose():
    markdown = '```python\nx = 1\n```\n\n```output\n1\n```\n\n```{.python continuation}\nprint(x)\n```\n'
    markdown += '\n--8<-- "docs/glossary-terms.md"\n'
    assert escapes(markdown) == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(DOCS).as_posix())
def test_every_code_block_is_executed(page):
    text = page.read_text("utf8")
    assert escapes(text) == [], f"{page}: code that would escape execution"
    python_fences = [f for f in fences(text) if f.language == "python"]
    assert collected_by_plugin(text, page) == len(python_fences), f"{page}: pytest-markdown-docs misses a Python fence"


def test_every_example_file_is_included_by_both_languages():
    examples = {p.relative_to(ROOT).as_posix() for p in EXAMPLES.rglob("*.py")}
    for language in LANGUAGES:
        included = {
            line.split('"')[1]
            for page in page_files(language)
            for fence in fences(page.read_text("utf8"))
            for line in fence.content.splitlines()
            if line.startswith(INCLUDE_MARK)
        }
        figures = {script for page in page_files(language) for script in FIGURE.findall(page.read_text("utf8"))}
        assert included <= examples, f"{language}: included files missing from docs_src/: {included - examples}"
        shown = included | figures
        assert examples <= shown, f"{language}: example files no page shows (and no test runs): {examples - shown}"
