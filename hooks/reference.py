"""MkDocs hook: the API reference page, generated from the docstrings of ``snippets`` at build time.

A page that contains the line ``<!-- snippets-reference -->`` gets, in its place, one section per public module of
the package and one entry per public function or class: its signature and its docstring (formula, shapes,
reference, example). Docstrings are written once, in English, and shown the same in both languages, like code.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import snippets

MARKER = "<!-- snippets-reference -->"


def public_modules() -> list:
    """Every module of the package whose name has no leading underscore, in name order."""
    names = sorted(
        info.name
        for info in pkgutil.walk_packages(snippets.__path__, prefix="snippets.")
        if not any(part.startswith("_") for part in info.name.split("."))
    )
    return [importlib.import_module(name) for name in names]


def public_members(module) -> list[tuple[str, object]]:
    """Functions and classes defined in ``module`` (not imported into it), without a leading underscore."""
    return [
        (name, member)
        for name, member in inspect.getmembers(module, lambda m: inspect.isfunction(m) or inspect.isclass(m))
        if not name.startswith("_") and member.__module__ == module.__name__
    ]


def anchor(qualified_name: str) -> str:
    return qualified_name.replace(".", "-").replace("_", "-").lower()


def entry(module, name: str, member) -> str:
    qualified = f"{module.__name__}.{name}"
    signature = f"{name}{inspect.signature(member)}"
    doc = inspect.getdoc(member) or ""
    return f"### `{qualified}` {{ #{anchor(qualified)} }}\n\n```text\n{signature}\n\n{doc}\n```\n"


def reference_markdown() -> str:
    sections = []
    for module in public_modules():
        members = public_members(module)
        if not members:
            continue
        summary = (inspect.getdoc(module) or "").split("\n\n")[0]
        body = "\n".join(entry(module, name, member) for name, member in members)
        sections.append(f"## `{module.__name__}` {{ #{anchor(module.__name__)} }}\n\n{summary}\n\n{body}")
    return "\n".join(sections)


def on_page_markdown(markdown: str, page, config, files) -> str:
    if MARKER not in markdown:
        return markdown
    return markdown.replace(MARKER, reference_markdown())
