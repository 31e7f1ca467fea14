"""Budgets: the build's wall time, each page's bytes on a first visit, and no math JavaScript at all.

Measured on 127.0.0.1 from a server that compresses text with gzip as GitHub Pages does and sends
``Cache-Control: no-store`` (every page load transfers all it needs): the budgets count the bytes a reader
downloads. ``python tools/page_weight.py`` prints the whole table, transferred and uncompressed.
"""

from __future__ import annotations

import re

from tests.e2e.reader import problems

MAX_BUILD_SECONDS = 60
MAX_LAYOUT_SHIFT = 0.005  # Lighthouse calls < 0.1 good; material's own header shifts ~0.001 on every page
MATH_SCRIPT = re.compile(r"katex|mathjax|mathml|arithmatex|tex-(?:chtml|svg|mml)", re.IGNORECASE)


def test_whole_site_builds_in_under_a_minute(site):
    assert site.build_seconds < MAX_BUILD_SECONDS, f"mkdocs build --strict took {site.build_seconds:.1f} s"


def test_every_page_stays_within_its_budget_besides_the_search_index(visits):
    """Transferred bytes of a first visit: 250 kB for a chapter page, 350 kB for a notebook page (its plots)."""

    def heavy(visit):
        by_kind = visit.bytes_by_kind()
        if not by_kind.get("html"):
            return ["its own HTML was not measured"]
        if visit.page_bytes <= visit.budget:
            return []
        kinds = ", ".join(f"{kind} {size / 1000:.0f} kB" for kind, size in sorted(by_kind.items()))
        return [
            f"{visit.page_bytes / 1000:.0f} kB transferred > {visit.budget / 1000:.0f} kB ({kinds}; "
            f"{visit.page_bytes_uncompressed / 1000:.0f} kB uncompressed)"
        ]

    found = problems(visits, heavy)
    assert not found, "\n".join(found)


def test_notebook_pages_do_not_move_while_they_load(visits):
    """Cumulative layout shift of a notebook page until it is idle: with its plots' sizes reserved, its styles in the
    head and its formulas' fonts preloaded it stays as still as a Markdown page (material's header: ~0.001). Before,
    it was 0.009-0.011 here (Lighthouse: 0.04-0.16). Every page's shift is in ``tools/page_weight.py``'s table."""

    def moved(visit):
        shift = visit.layout_shift
        return [f"cumulative layout shift {shift:.4f} > {MAX_LAYOUT_SHIFT}"] if shift > MAX_LAYOUT_SHIFT else []

    found = problems({page: visit for page, visit in visits.items() if visit.is_notebook}, moved)
    assert not found, "\n".join(found)


def test_every_katex_font_a_page_loads_is_used(visits):
    """hooks/katex_fonts.py preloads the fonts a page's formulas need: none of them may be one the page never uses."""

    def face(url):  # .../KaTeX_Main-BoldItalic.woff2 -> "KaTeX_Main 700 italic", as PAGE_FACTS names loaded faces
        family, variant = url.rsplit("/", 1)[1].removesuffix(".woff2").rsplit("-", 1)
        return f"{family} {'700' if 'Bold' in variant else '400'} {'italic' if 'Italic' in variant else 'normal'}"

    def unused(visit):
        loaded = {face(t.url) for t in visit.transfers if t.kind == "font" and "/KaTeX_" in t.url}
        return [f"{name} transferred but no formula uses it" for name in sorted(loaded - set(visit.facts["fonts"]))]

    found = problems(visits, unused)
    assert not found, "\n".join(found)


def test_text_arrives_compressed_as_github_pages_sends_it(visits):
    """HTML, CSS, JS and the search index come gzip-compressed: fewer bytes transferred than the page receives."""

    def uncompressed(visit):
        text = [t for t in visit.transfers if t.kind in ("html", "css", "js", "search index") and t.uncompressed > 1000]
        return [f"{t.url}: {t.bytes} bytes transferred for {t.uncompressed}" for t in text if t.bytes >= t.uncompressed]

    found = problems(visits, uncompressed)
    assert not found, "\n".join(found)


def test_no_page_loads_math_javascript(visits):
    """KaTeX's stylesheet and fonts are expected; a script of a math renderer, requested or inline, is not."""

    def math_scripts(visit):
        requested = [t.url for t in visit.transfers if t.kind not in ("css", "font") and MATH_SCRIPT.search(t.url)]
        inline = [script[:80] for script in visit.facts["scripts"] if MATH_SCRIPT.search(script)]
        return [f"math script requested: {url}" for url in requested] + [f"math script: {s!r}" for s in inline]

    found = problems(visits, math_scripts)
    assert not found, "\n".join(found)
