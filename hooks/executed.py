"""MkDocs hook: code that runs at build time (notebooks, figure scripts) runs once, cached on what it executes.

Cache key of a notebook or a figure script (:func:`cache_key`)::

    sha256(code cells or script source, the snippets/ modules it imports (transitively), the versions of the
           other installed distributions they import, the Python version, the page language for a figure)

so an edit to a notebook's code or to a snippets module it imports re-executes it, and nothing else does: not a
Markdown cell, not the other language's copy (zh and en notebooks have the same code, tests/docs/test_parity.py),
not a second build. Results live in ``.cache/`` (gitignored; CI restores it between runs); an entry no build has
used for 30 days is removed, and ``make clean`` removes them all.

Notebooks. Before the pages are read, every notebook of the build whose key is not cached is executed with
nbclient, several at a time (one kernel per CPU); a cell that raises fails the build, naming notebook and cell.
The cache holds the code cells' outputs; the page is rendered from a copy of the language's own notebook with
those outputs filled in, so mkdocs-jupyter runs with ``execute: false``. The Chinese build executes, the English
build (run from it by hooks/i18n.py) finds every key cached.

Figures. On a Markdown page ``![alt text](docs_src/<chapter>/<script>.py)`` is a figure drawn at build time: the
script defines ``figure(language) -> matplotlib.figure.Figure``; it runs in a fresh Python (so an edited snippets
module is the one imported), its SVG (text as paths: no font needed by the reader) is cached and published under
``assets/figures/``, and the image gets the SVG's width and height so that its space is reserved before it loads.
A figure without alt text fails the build. A CJK label needs the Noto Sans CJK font (Debian: fonts-noto-cjk);
without it the build fails instead of drawing empty boxes.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import importlib.metadata
import json
import logging
import os
import posixpath
import re
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

log = logging.getLogger("mkdocs.hooks.executed")
ROOT = Path(__file__).resolve().parents[1]
CACHE = ROOT / ".cache"
PACKAGE = "snippets"
KEY_VERSION = "1"  # bump when what is cached changes shape
UNUSED_DAYS = 30
FIGURE = re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<script>docs_src/[^)\s]+\.py)\)")
FIGURE_URL = "assets/figures/{key}.svg"
# Run in a fresh interpreter: draw ``figure(language)`` of the script and save it as SVG.
DRAW = """
import runpy, sys
import matplotlib
matplotlib.use("svg")
from matplotlib import font_manager, pyplot
script, language, target, salt = sys.argv[1:]
matplotlib.rcParams.update({"svg.hashsalt": salt, "font.family": ["DejaVu Sans", "Noto Sans CJK SC"]})
figure = runpy.run_path(script)["figure"](language)
text = "".join(t.get_text() for t in figure.findobj(matplotlib.text.Text))
if any(ord(c) >= 0x2E80 for c in text):
    try:
        font_manager.findfont("Noto Sans CJK SC", fallback_to_default=False)
    except ValueError:  # installed after matplotlib cached its font list?
        for path in font_manager.findSystemFonts():
            if "NotoSansCJK" in path.replace("-", ""):
                font_manager.fontManager.addfont(path)
        try:
            font_manager.findfont("Noto Sans CJK SC", fallback_to_default=False)
        except ValueError:
            sys.exit("a label has CJK characters but matplotlib finds no Noto Sans CJK font: install fonts-noto-cjk")
figure.savefig(target, format="svg", metadata={"Date": None})
"""


def imported_modules(source: str, package: str | None = None) -> set[str]:
    """Absolute names of the modules ``source`` imports (relative imports resolved against ``package``)."""
    names = set()
    source = re.sub(r"(?m)^\s*[%!].*$", "", source)  # IPython magics and shell lines are not Python
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = (package or "").split(".")
                base = ".".join(parts[: len(parts) - node.level + 1] + ([base] if base else []))
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)  # `from snippets import information`
    return names


def module_file(name: str) -> Path | None:
    """The source file of a module of the snippets package, None for other modules (or names that are not modules)."""
    path = ROOT.joinpath(*name.split("."))
    for candidate in (path / "__init__.py", path.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def dependencies(source: str) -> tuple[list[Path], set[str]]:
    """The snippets files ``source`` imports, directly or through them, and the top-level names of other imports."""
    files: dict[Path, None] = {}
    others: set[str] = set()
    pending = [(source, None)]
    while pending:
        code, package = pending.pop()
        for name in imported_modules(code, package):
            top = name.split(".")[0]
            if top != PACKAGE:
                others.add(top)
                continue
            parts = name.split(".")
            for depth in range(1, len(parts) + 1):  # importing a.b.c runs a/__init__.py and a/b/__init__.py
                file = module_file(".".join(parts[:depth]))
                if file is not None and file not in files:
                    files[file] = None
                    parent = ".".join(parts[:depth]) if file.name == "__init__.py" else ".".join(parts[: depth - 1])
                    pending.append((file.read_text("utf8"), parent))
    return sorted(files), others


@functools.cache
def distributions_of_modules() -> dict[str, list[str]]:
    return importlib.metadata.packages_distributions()


def versions(top_level_names: set[str]) -> list[str]:
    """``distribution==version`` of every installed distribution providing one of the names (stdlib left out)."""
    providers = distributions_of_modules()
    distributions = {d for name in top_level_names - set(sys.stdlib_module_names) for d in providers.get(name, [])}
    return sorted(f"{d}=={importlib.metadata.version(d)}" for d in distributions)


def cache_key(code: str, *extra: str) -> str:
    """The hash of ``code``, the snippets sources it imports, the versions of what else it imports, and ``extra``."""
    files, others = dependencies(code)
    digest = hashlib.sha256()
    for part in (KEY_VERSION, sys.version, code, *extra, *versions(others)):
        digest.update(part.encode() + b"\0")
    for file in files:
        digest.update(file.relative_to(ROOT).as_posix().encode() + b"\0" + file.read_bytes() + b"\0")
    return digest.hexdigest()


# --- notebooks ----------------------------------------------------------------------------------------------------


def notebook_code(notebook: dict) -> str:
    """The code cells of a notebook, in order, as one text (what the cache key of a notebook hashes)."""
    cells = ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]
    return "\n# ---- next cell ----\n".join(cells)


def execute_notebook(source: Path, cached: Path) -> None:
    """Execute ``source`` in a fresh kernel and store its code cells' outputs in ``cached``."""
    import nbclient
    import nbformat

    notebook = nbformat.read(source, as_version=4)
    kernel = notebook.metadata.get("kernelspec", {}).get("name", "python3")
    client = nbclient.NotebookClient(
        notebook, kernel_name=kernel, timeout=600, allow_errors=False, resources={"metadata": {"path": str(source.parent)}}
    )
    try:
        client.execute()
    except nbclient.exceptions.CellExecutionError as error:
        raise PluginError(f"{source}: a cell raised while the notebook was executed:\n{error}") from None
    results = [
        {"outputs": cell.outputs, "execution_count": cell.execution_count}
        for cell in notebook.cells
        if cell.cell_type == "code"
    ]
    cached.parent.mkdir(parents=True, exist_ok=True)
    temporary = cached.with_suffix(".tmp")
    temporary.write_text(json.dumps(results), "utf8")
    temporary.replace(cached)


def executed_copy(source: Path, cached: Path, target: Path) -> None:
    """Write ``source`` with the outputs stored in ``cached`` filled into its code cells, to ``target``."""
    notebook = json.loads(source.read_text("utf8"))
    results = iter(json.loads(cached.read_text("utf8")))
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            cell.update(next(results))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(notebook, ensure_ascii=False, indent=1), "utf8")


# --- figures ------------------------------------------------------------------------------------------------------


def draw_figure(script: Path, language: str, target: Path) -> None:
    """Run ``script``'s ``figure(language)`` in a fresh Python and save the figure as SVG in ``target``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".tmp")
    result = subprocess.run(
        [sys.executable, "-c", DRAW, str(script), language, str(temporary), target.stem],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise PluginError(f"{script.relative_to(ROOT)}: the figure could not be drawn:\n{result.stderr[-3000:]}")
    temporary.replace(target)


def figure_size(svg: Path) -> tuple[int, int]:
    """Width and height in CSS pixels of a matplotlib SVG (which states them in points)."""
    head = svg.read_text("utf8")[:2000]
    width, height = (float(re.search(rf'{name}="([\d.]+)pt"', head)[1]) * 4 / 3 for name in ("width", "height"))
    return round(width), round(height)


def figures_of(markdown: str, page: str) -> list[tuple[str, Path]]:
    """The (alt text, script) of each figure of a page; a figure without alt text or without its script fails."""
    found = []
    for match in FIGURE.finditer(markdown):
        script = ROOT / match["script"]
        if not match["alt"].strip():
            raise PluginError(f"{page}: the figure {match['script']} has no alt text: ![what it shows]({match['script']})")
        if not script.is_file():
            raise PluginError(f"{page}: no figure script {match['script']}")
        found.append((match["alt"], script))
    return found


def figure_key(script: Path, language: str) -> str:
    return cache_key(script.read_text("utf8"), "figure", language)


# --- the hook -----------------------------------------------------------------------------------------------------


def used(entry: Path) -> bool:
    """Whether ``entry`` of the cache exists; if so, mark it used now (entries unused for a while are removed)."""
    if not entry.exists():
        return False
    os.utime(entry)
    return True


def on_post_build(config):
    """Remove cache entries no build has used for ``UNUSED_DAYS`` (a notebook or figure since changed or deleted)."""
    too_old = time.time() - UNUSED_DAYS * 86400
    for entry in [*CACHE.glob("notebooks/*.json"), *CACHE.glob("figures/*.svg")]:
        if entry.stat().st_mtime < too_old:
            entry.unlink()


def run_all(jobs: list) -> None:
    """Run the callables in ``jobs``, one per CPU at a time; the first error is raised after all have finished."""
    if not jobs:
        return
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        futures = [pool.submit(job) for job in jobs]
    for future in futures:
        future.result()


def on_files(files, config):
    language = config.theme["language"]
    executed_dir = CACHE / "notebooks" / "pages" / Path(config.docs_dir).name
    jobs, copies, seen = [], [], set()
    for file in list(files):
        if file.src_uri.endswith(".ipynb"):  # a page through mkdocs-jupyter
            source = Path(file.abs_src_path)
            cached = CACHE / "notebooks" / (cache_key(notebook_code(json.loads(source.read_text("utf8")))) + ".json")
            if not used(cached) and cached not in seen:
                seen.add(cached)
                log.info("Executing %s (its code or a snippets module it imports changed)", file.src_uri)
                jobs.append(lambda source=source, cached=cached: execute_notebook(source, cached))
            copies.append((file, source, cached, executed_dir / file.src_uri))
        elif file.is_documentation_page():
            for _alt, script in figures_of(file.content_string, file.src_uri):
                key = figure_key(script, language)
                svg = CACHE / "figures" / f"{key}.svg"
                if not used(svg) and svg not in seen:
                    seen.add(svg)
                    log.info("Drawing %s (%s)", script.relative_to(ROOT), language)
                    jobs.append(lambda script=script, svg=svg: draw_figure(script, language, svg))
                if files.get_file_from_path(FIGURE_URL.format(key=key)) is None:
                    files.append(File.generated(config, FIGURE_URL.format(key=key), abs_src_path=str(svg)))
    run_all(jobs)
    for file, source, cached, target in copies:
        executed_copy(source, cached, target)
        file.abs_src_path = str(target)  # what mkdocs-jupyter renders (execute: false)
    return files


def on_page_markdown(markdown, page, config, files):
    language = config.theme["language"]

    def image(match):
        key = figure_key(ROOT / match["script"], language)
        # A path from the page's source file to the figure's, as Markdown links are written; MkDocs makes it a URL.
        url = posixpath.relpath(FIGURE_URL.format(key=key), posixpath.dirname(page.file.src_uri) or ".")
        width, height = figure_size(CACHE / "figures" / f"{key}.svg")
        return f'![{match["alt"]}]({url}){{ width="{width}" height="{height}" }}'

    figures_of(markdown, page.file.src_uri)  # the checks, for a page whose Markdown a plugin changed
    return FIGURE.sub(image, markdown)


def on_serve(server, config, builder):
    """Rebuild when a snippets module or a figure script changes: notebooks and figures may import it."""
    for directory in (ROOT / PACKAGE, ROOT / "docs_src"):
        server.watch(str(directory))
    return server
