"""zh and en are one book: the same pages, headings' anchors, code blocks and formulas, in the same order."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
import yaml

from tests.docs.pages import DOCS, ROOT, display_formulas, fences, headings, inline_formulas, relative_pages

PAGES = sorted(p for p in relative_pages("zh") if p.endswith(".md"))


def read(language: str, page: str) -> str:
    return (DOCS / language / page).read_text("utf8")


def nav_files(config: str) -> list[str]:
    """The page files of a MkDocs nav, in order (a loader that ignores MkDocs' !ENV-style tags)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    nav = yaml.load((ROOT / config).read_text("utf8"), Loader=Loader)["nav"]

    def walk(items):
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            yield from walk(value) if isinstance(value, list) else [value]

    return list(walk(nav))


def test_same_pages_in_both_languages():
    assert relative_pages("zh") == relative_pages("en")


def test_same_navigation_in_both_languages():
    assert nav_files("mkdocs.yml") == nav_files("mkdocs.en.yml")
    assert set(nav_files("mkdocs.yml")) == relative_pages("zh"), "every page is in the navigation, and only pages"


@pytest.mark.parametrize("page", PAGES)
def test_every_heading_has_an_explicit_anchor(page):
    for language in ("zh", "en"):
        missing = [title for _, title, anchor in headings(read(language, page)) if anchor is None]
        assert not missing, f"{language}/{page}: headings without {{ #anchor }}: {missing}"


@pytest.mark.parametrize("page", PAGES)
def test_same_heading_anchors(page):
    zh = [(level, anchor) for level, _, anchor in headings(read("zh", page))]
    en = [(level, anchor) for level, _, anchor in headings(read("en", page))]
    assert zh == en


@pytest.mark.parametrize("page", PAGES)
def test_same_code_blocks(page):
    zh = [(f.language, f.content) for f in fences(read("zh", page))]
    en = [(f.language, f.content) for f in fences(read("en", page))]
    assert zh == en


@pytest.mark.parametrize("page", PAGES)
def test_same_formulas(page):
    assert display_formulas(read("zh", page)) == display_formulas(read("en", page)), "display formulas, in order"
    assert Counter(inline_formulas(read("zh", page))) == Counter(inline_formulas(read("en", page))), "inline formulas"


NOTEBOOKS = sorted(p for p in relative_pages("zh") if p.endswith(".ipynb"))


def cells(language: str, notebook: str, cell_type: str) -> list[str]:
    cells = json.loads((DOCS / language / notebook).read_text("utf8"))["cells"]
    return ["".join(cell["source"]) for cell in cells if cell["cell_type"] == cell_type]


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_same_notebook_code_and_anchors(notebook):
    assert cells("zh", notebook, "code") == cells("en", notebook, "code")
    anchors = {language: re.findall(r'<h\d id="([\w-]+)"', "".join(cells(language, notebook, "markdown")))
               for language in ("zh", "en")}
    assert anchors["zh"] == anchors["en"]
    markdown = {language: "\n\n".join(cells(language, notebook, "markdown")) for language in ("zh", "en")}
    assert display_formulas(markdown["zh"]) == display_formulas(markdown["en"])
    assert Counter(inline_formulas(markdown["zh"])) == Counter(inline_formulas(markdown["en"]))


@pytest.mark.parametrize("notebook", NOTEBOOKS)
def test_notebooks_are_stored_without_outputs(notebook):
    """They are executed when the site is built; stored outputs would be numbers no build produced."""
    for language in ("zh", "en"):
        code = [c for c in json.loads((DOCS / language / notebook).read_text("utf8"))["cells"] if c["cell_type"] == "code"]
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), f"{language}/{notebook}"
