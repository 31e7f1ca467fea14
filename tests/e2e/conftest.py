"""Fixtures of the end-to-end tests: one strict build of the whole site, served on 127.0.0.1, read in chromium.

The build, the server, the browser and one browser context per language are made once per session, and every
page of both languages is read once (:func:`tests.e2e.reader.read_page`); the tests judge those visits. Without
chromium or playwright the browser tests are skipped with the reason, except under ``CI=true``, where a missing
browser is an error (as for the frameworks in :mod:`tests.frameworks`).
"""

from __future__ import annotations

import os

import pytest

from tests.e2e.reader import chromium_executable, launch, new_reader_context, read_page
from tests.e2e.site import PREFIX, BuiltSite, build, serve
from tests.frameworks import require

LOCALES = {"zh": "zh-CN", "en": "en-US"}
BUILT = pytest.StashKey[BuiltSite]()
VISITS = pytest.StashKey[dict]()


def require_chromium() -> str:
    """Debian's chromium, or skip the calling test (fail instead when the CI variable is "true")."""
    executable = chromium_executable()
    if executable is not None:
        return executable
    if os.environ.get("CI") == "true":
        raise RuntimeError("CI=true but chromium is not installed: `make browser` installs Debian's chromium")
    pytest.skip("chromium is not installed; `make browser` installs Debian's chromium (apt)")


@pytest.fixture(scope="session")
def site(tmp_path_factory, pytestconfig) -> BuiltSite:
    built = build(tmp_path_factory.mktemp("e2e") / "site")
    pytestconfig.stash[BUILT] = built
    return built


@pytest.fixture(scope="session")
def base_url(site):
    with serve(site.directory) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    sync_api = require("playwright.sync_api")
    executable = require_chromium()
    with sync_api.sync_playwright() as playwright:
        browser = launch(playwright, executable)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def contexts(browser, base_url):
    """One browser context per language, desktop size, light palette, clipboard allowed."""
    opened = {language: new_reader_context(browser, base_url, locale=LOCALES[language]) for language in PREFIX}
    yield opened
    for context in opened.values():
        context.close()


@pytest.fixture(scope="session")
def visits(site, base_url, contexts, pytestconfig):
    """Every page of both languages, read once."""
    read = {}
    for page in site.pages:
        try:
            read[page] = read_page(contexts[page.language], base_url, page)
        except Exception as error:
            raise RuntimeError(f"reading {page} failed: {error}") from error
    pytestconfig.stash[VISITS] = read
    return read


def pytest_terminal_summary(terminalreporter, config):
    built = config.stash.get(BUILT, None)
    if built is None:
        return
    visits = config.stash.get(VISITS, {})
    per_language = {language: sum(page.language == language for page in visits) for language in PREFIX}
    terminalreporter.write_sep("-", "end-to-end")
    terminalreporter.write_line(
        f"site built in {built.build_seconds:.1f} s; {len(visits)} of {len(built.pages)} pages visited in chromium "
        f"({', '.join(f'{language}: {count}' for language, count in per_language.items())})"
    )
    if visits:
        heaviest = max(visits.values(), key=lambda visit: visit.page_bytes)
        slowest = max(visits.values(), key=lambda visit: visit.rendered_ms)
        terminalreporter.write_line(
            f"heaviest page {heaviest.page} {heaviest.page_bytes / 1000:.0f} kB transferred "
            f"({heaviest.page_bytes_uncompressed / 1000:.0f} kB uncompressed, search index excluded); "
            f"slowest formulas {slowest.page} {slowest.rendered_ms:.0f} ms; `python tools/page_weight.py` prints all"
        )
