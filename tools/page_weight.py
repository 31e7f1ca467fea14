"""Print what each page of the site costs a first-time reader: bytes by type and the time until formulas show.

Usage: ``python tools/page_weight.py [--site DIR]``. Without ``--site`` it builds the whole site (both languages)
with ``mkdocs build --strict`` into a temporary directory and reports the build's wall time too. Every page is
loaded once in Debian's chromium from a server on 127.0.0.1 that forbids caching, so each row is a first visit,
and that compresses text with gzip as GitHub Pages does: the columns by type are the bytes transferred, followed by
the total transferred and the total uncompressed. The search index, fetched by every page of a language, is
reported on its own line. "render" is the time from navigation start until the load event has fired and every
font the page asked for has arrived; "CLS" is the cumulative layout shift until the page is idle. The same
measurement backs the budget tests in tests/e2e/test_performance.py.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.e2e.reader import MAX_NOTEBOOK_PAGE_BYTES, MAX_PAGE_BYTES, chromium_executable, launch, new_reader_context, read_page  # noqa: E402
from tests.e2e.site import PREFIX, build, discover_pages, serve  # noqa: E402

COLUMNS = ["html", "css", "js", "font", "image", "other"]


def kilobytes(size: int) -> str:
    return f"{size / 1000:.0f}"


def measure(site: Path) -> list:
    executable = chromium_executable()
    if executable is None:
        sys.exit("chromium is not installed: `make browser` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with serve(site) as base_url, sync_playwright() as playwright:
        browser = launch(playwright, executable)
        contexts = {language: new_reader_context(browser, base_url) for language in PREFIX}
        visits = [read_page(contexts[page.language], base_url, page, interact=False) for page in discover_pages(site)]
        browser.close()
    return visits


def print_table(visits: list) -> None:
    width = max(len(str(visit.page)) for visit in visits)
    print(f"{'page (kB transferred)':<{width}}  " + "".join(f"{column:>7}" for column in COLUMNS)
          + f"{'total':>8}{'uncompr.':>10}{'render ms':>11}{'CLS':>8}")
    for visit in visits:
        by_kind = visit.bytes_by_kind()
        over = "  over budget" if visit.page_bytes > visit.budget else ""
        over += "  (notebook)" if visit.is_notebook else ""
        print(
            f"{str(visit.page):<{width}}  "
            + "".join(f"{kilobytes(by_kind.get(column, 0)):>7}" for column in COLUMNS)
            + f"{kilobytes(visit.page_bytes):>8}{kilobytes(visit.page_bytes_uncompressed):>10}"
            + f"{visit.rendered_ms:>11.0f}{visit.layout_shift:>8.4f}{over}"
        )
    indexes = {
        visit.page.language: (visit.bytes_by_kind().get("search index", 0),
                              visit.bytes_by_kind(uncompressed=True).get("search index", 0))
        for visit in visits
    }
    print("search index (fetched by every page of its language, not in the totals): " + ", ".join(
        f"{language} {kilobytes(sent)} kB ({kilobytes(size)} kB uncompressed)" for language, (sent, size) in indexes.items()
    ))
    largest = sorted(visits, key=lambda visit: visit.page_bytes, reverse=True)[:3]
    print("largest pages: " + ", ".join(f"{visit.page} {kilobytes(visit.page_bytes)} kB" for visit in largest))
    print(f"budget (transferred): {kilobytes(MAX_PAGE_BYTES)} kB per page, {kilobytes(MAX_NOTEBOOK_PAGE_BYTES)} kB "
          "per notebook page, search index excluded")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="an already built site (default: build one now)")
    arguments = parser.parse_args()
    if arguments.site is not None:
        print_table(measure(arguments.site))
        return
    with tempfile.TemporaryDirectory() as directory:
        built = build(Path(directory) / "site")
        print_table(measure(built.directory))
        print(f"build: mkdocs build --strict (both languages) took {built.build_seconds:.1f} s")


if __name__ == "__main__":
    main()
