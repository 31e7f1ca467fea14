"""Budgets: the build's wall time, each page's bytes on a first visit, and no math JavaScript at all.

Measured on 127.0.0.1 with the server's ``Cache-Control: no-store`` (every page load transfers all it needs) and
without compression; ``python tools/page_weight.py`` prints the whole table.
"""

from __future__ import annotations

import re

from tests.e2e.reader import problems

MAX_BUILD_SECONDS = 60
MATH_SCRIPT = re.compile(r"katex|mathjax|mathml|arithmatex|tex-(?:chtml|svg|mml)", re.IGNORECASE)


def test_whole_site_builds_in_under_a_minute(site):
    assert site.build_seconds < MAX_BUILD_SECONDS, f"mkdocs build --strict took {site.build_seconds:.1f} s"


def test_every_page_stays_within_its_budget_besides_the_search_index(visits):
    """700 kB for a chapter page; notebook pages, which carry JupyterLab's stylesheet, have a budget of their own."""

    def heavy(visit):
        by_kind = visit.bytes_by_kind()
        if not by_kind.get("html"):
            return ["its own HTML was not measured"]
        if visit.page_bytes <= visit.budget:
            return []
        kinds = ", ".join(f"{kind} {size / 1000:.0f} kB" for kind, size in sorted(by_kind.items()))
        return [f"{visit.page_bytes / 1000:.0f} kB > {visit.budget / 1000:.0f} kB ({kinds})"]

    found = problems(visits, heavy)
    assert not found, "\n".join(found)


def test_no_page_loads_math_javascript(visits):
    """KaTeX's stylesheet and fonts are expected; a script of a math renderer, requested or inline, is not."""

    def math_scripts(visit):
        requested = [t.url for t in visit.transfers if t.kind not in ("css", "font") and MATH_SCRIPT.search(t.url)]
        inline = [script[:80] for script in visit.facts["scripts"] if MATH_SCRIPT.search(script)]
        return [f"math script requested: {url}" for url in requested] + [f"math script: {s!r}" for s in inline]

    found = problems(visits, math_scripts)
    assert not found, "\n".join(found)
