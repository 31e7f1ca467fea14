"""Every page of both languages, as a reader gets it in chromium: formulas, errors, requests, language selector,
copy buttons, links, images, notebooks and accessibility. Each test judges the visits of all pages and names
every page that fails it."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.e2e.reader import problems
from tests.e2e.site import PREFIX, broken_link, sitemap_pages

# TeX a reader must never see: \( \) \[ \] delimiters, commands, $$ and $…$ pairs, sub/superscript groups.
RAW_TEX = re.compile(r"\\[()\[\]]|\\[A-Za-z]{2,}|\$\$|\$[^$\s][^$]*?\$|[_^]\{")
LOCAL_HOST = "127.0.0.1"


def test_both_languages_have_the_same_pages(site):
    names = {language: {page.name for page in site.pages if page.language == language} for language in PREFIX}
    assert names["zh"], f"no zh page found in {site.directory}"
    assert names["zh"] == names["en"], f"only zh: {names['zh'] - names['en']}, only en: {names['en'] - names['zh']}"


def test_sitemaps_list_every_built_page(site):
    listed = sitemap_pages(site.directory)
    built = set(site.pages)
    assert listed == built, f"built, not in a sitemap: {built - listed}; in a sitemap, not built: {listed - built}"


def test_formulas_are_drawn_with_katex_fonts_and_size(visits):
    assert sum(len(visit.facts["formulas"]) for visit in visits.values()) > 0, "no page shows a formula"
    found = problems(
        visits,
        lambda visit: [
            f"formula {index} ${formula['tex']}$: {'; '.join(formula['problems'])}"
            for index, formula in enumerate(visit.facts["formulas"])
            if formula["problems"]
        ],
    )
    assert not found, "\n".join(found)


def test_no_tex_source_in_visible_text(visits):
    def leftovers(visit):
        text = visit.facts["visibleText"]
        return [f"TeX left in the text: …{text[max(0, m.start() - 30) : m.end() + 30]!r}…" for m in RAW_TEX.finditer(text)]

    found = problems(visits, leftovers)
    assert not found, "\n".join(found)


def test_no_page_errors_and_no_console_errors(visits):
    found = problems(
        visits,
        lambda visit: [f"page error: {e}" for e in visit.page_errors] + [f"console: {e}" for e in visit.console_errors],
    )
    assert not found, "\n".join(found)


def test_every_request_succeeds_and_stays_on_127_0_0_1(visits):
    assert all(visit.transfers for visit in visits.values()), "a page recorded no request at all"

    def bad(visit):
        for transfer in visit.transfers:
            if urlsplit(transfer.url).hostname != LOCAL_HOST:
                yield f"request to another host: {transfer.url}"
            elif transfer.failure:
                yield f"{transfer.failure}: {transfer.url}"

    found = problems(visits, lambda visit: list(bad(visit)))
    assert not found, "\n".join(found)


def test_language_selector_links_each_page_to_itself_in_the_other_language(visits, base_url):
    def wrong(visit):
        expected = {visit.page.language: visit.page, visit.page.counterpart().language: visit.page.counterpart()}
        links = visit.facts["switcher"]
        return [
            f"{language} link is {links.get(language)}, expected {base_url + page.path}"
            for language, page in expected.items()
            if links.get(language) != base_url + page.path
        ]

    found = problems(visits, wrong)
    assert not found, "\n".join(found)


def test_language_selector_clicks_lead_to_the_other_language_and_back(site, base_url, contexts):
    tab = contexts["zh"].new_page()
    wrong = []
    try:
        for page in (page for page in site.pages if page.language == "zh"):
            tab.goto(base_url + page.path, wait_until="domcontentloaded")
            for target in (page.counterpart(), page):
                tab.hover(".md-header .md-select")
                with tab.expect_navigation(wait_until="domcontentloaded"):
                    tab.click(f'.md-header .md-select__link[hreflang="{target.language}"]')
                lang = tab.evaluate("document.documentElement.lang")
                if tab.url != base_url + target.path or lang != target.language:
                    wrong.append(f"from {page} to {target.language}: landed on {tab.url} (lang {lang!r})")
    finally:
        tab.close()
    assert not wrong, "\n".join(wrong)


def test_copy_buttons_copy_exactly_the_code(visits):
    if not any(visit.copies for visit in visits.values()):
        pytest.skip("the site has no code block yet")

    def wrong(visit):
        for copy in visit.copies:
            expected = copy.code.removesuffix("\n")
            if copy.copied is None:
                yield f"code block {copy.index} has no copy button: {expected[:60]!r}"
            elif copy.copied != expected:
                at = next((i for i, (a, b) in enumerate(zip(copy.copied, expected)) if a != b), None)
                at = min(len(copy.copied), len(expected)) if at is None else at
                yield (
                    f"code block {copy.index}: the clipboard differs from the code at character {at}: "
                    f"{copy.copied[at : at + 40]!r} instead of {expected[at : at + 40]!r}"
                )

    found = problems(visits, lambda visit: list(wrong(visit)))
    assert not found, "\n".join(found)


def test_internal_links_and_anchors_resolve(site, base_url, visits):
    def broken(visit):
        internal = {href for href in visit.facts["links"] if href.startswith(base_url)}
        return [reason for href in sorted(internal) if (reason := broken_link(site.directory, base_url, href))]

    found = problems(visits, broken)
    assert not found, "\n".join(found)


def test_images_load_with_a_size_and_have_alt_text(visits):
    if not any(visit.facts["images"] for visit in visits.values()):
        pytest.skip("the site has no image yet")

    def wrong(visit):
        for image in visit.facts["images"]:
            if not (image["complete"] and image["width"] > 0 and image["height"] > 0):
                yield f"image did not load ({image['width']}x{image['height']}): {image['src']}"
            if not (image["alt"] or "").strip():
                yield f"image without alt text: {image['src']}"

    found = problems(visits, lambda visit: list(wrong(visit)))
    assert not found, "\n".join(found)


def drawn_by_notebook(source: Path) -> tuple[int, int]:
    """(plots, formulas) a notebook shows: its code cells' ``.show()`` calls, its Markdown cells' $…$ and $$…$$."""
    cells = json.loads(source.read_text("utf8"))["cells"]
    code = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")
    markdown = "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "markdown")
    display = re.findall(r"\$\$.+?\$\$", markdown, re.DOTALL)
    inline = re.findall(r"\$[^$\n]+?\$", re.sub(r"\$\$.+?\$\$", "", markdown, flags=re.DOTALL))
    return code.count(".show()"), len(display) + len(inline)


def test_notebook_pages_show_their_plots_and_formulas(visits):
    notebooks = {page: visit for page, visit in visits.items() if visit.facts["notebook"]}
    if not notebooks:
        pytest.skip("the site has no notebook page yet")

    def wrong(visit):
        source = visit.page.source(".ipynb")
        if not source.is_file():
            return [f"jupyter markup but no notebook {source}"]
        plots, formulas = drawn_by_notebook(source)
        shown = visit.facts["notebook"]
        found = [
            f"plot {plot['alt']!r} is not shown ({plot['width']}x{plot['height']}, {plot['shownWidth']} px wide)"
            for plot in shown["plots"]
            if not (plot["width"] > 0 and plot["height"] > 0 and plot["shownWidth"] > 0)
        ]
        if len(shown["plots"]) < plots:
            found.append(f"{len(shown['plots'])} plots shown, {source.name} calls .show() {plots} times")
        if shown["formulas"] != formulas:
            found.append(f"{shown['formulas']} formulas rendered, {source.name}'s Markdown cells have {formulas}")
        return found

    found = problems(notebooks, wrong)
    assert not found, "\n".join(found)


def test_no_serious_or_critical_accessibility_violations(visits):
    found = problems(visits, lambda visit: visit.axe)
    assert not found, "\n".join(found)


def test_dark_palette_has_no_serious_contrast_violations(visits):
    """axe-core's contrast rules on every page again after switching to material's dark palette (slate)."""
    found = problems(visits, lambda visit: visit.axe_dark)
    assert not found, "\n".join(found)
