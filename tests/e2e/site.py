"""The built site as files: build it, serve it on 127.0.0.1, list its pages and their anchors.

Nothing here needs a browser; :mod:`tests.e2e.reader` reads the served pages in one.
"""

from __future__ import annotations

import functools
import gzip
import os
import re
import subprocess
import sys
import threading
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
# Each language's book: where its pages live on the site, its MkDocs config and its page sources.
PREFIX = {"zh": "", "en": "en/"}
CONFIG = {"zh": ROOT / "mkdocs.yml", "en": ROOT / "mkdocs.en.yml"}
SOURCES = {"zh": ROOT / "docs" / "zh", "en": ROOT / "docs" / "en"}
SITE_URL = re.compile(r"^site_url:\s*(\S+)\s*$", re.MULTILINE)
build_seconds: list[float] = []  # every build() of this process, for the time budgets at the end of a test run


@dataclass(frozen=True, order=True)
class Page:
    """One page of the site: its language and its path from the site root ("", "information/", "en/glossary/")."""

    language: str
    path: str

    @property
    def name(self) -> str:
        """The path inside its language's book, the same in both languages ("information/")."""
        return self.path.removeprefix(PREFIX[self.language])

    def counterpart(self) -> Page:
        """The same page in the other language."""
        other = "en" if self.language == "zh" else "zh"
        return Page(other, PREFIX[other] + self.name)

    def source(self, suffix: str) -> Path:
        """The page's source file with ``suffix`` (".md", ".ipynb") under docs/<language>/."""
        stem = self.name.rstrip("/") or "index"
        return SOURCES[self.language] / (stem + suffix)

    def __str__(self) -> str:
        return f"/{self.path}"


@dataclass(frozen=True)
class BuiltSite:
    directory: Path
    build_seconds: float
    pages: tuple[Page, ...]


def build(directory: Path) -> BuiltSite:
    """Build both languages with ``mkdocs build --strict -d directory``, timing the whole command."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(directory)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    build_seconds.append(seconds)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed ({result.returncode}):\n{result.stderr[-4000:]}")
    return BuiltSite(directory, seconds, discover_pages(directory))


def discover_pages(directory: Path) -> tuple[Page, ...]:
    """Every HTML page of both languages (404.html excluded), so that a new chapter is covered without a change."""
    pages = []
    for html in directory.rglob("*.html"):
        relative = html.relative_to(directory).as_posix()
        if html.name == "404.html":
            continue
        path = relative.removesuffix("index.html")
        pages.append(Page("en" if path.startswith(PREFIX["en"]) else "zh", path))
    return tuple(sorted(pages))


def sitemap_pages(directory: Path) -> set[Page]:
    """The pages the two sitemaps list, as paths from the site root."""
    pages = set()
    for language, prefix in PREFIX.items():
        site_url = SITE_URL.search(CONFIG[language].read_text("utf8"))[1]
        tree = ElementTree.parse(directory / prefix / "sitemap.xml")
        for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
            pages.add(Page(language, prefix + loc.text.strip().removeprefix(site_url)))
    return pages


class _Anchors(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)


@functools.cache
def anchors(html_file: Path) -> frozenset[str]:
    """The ids (and <a name>s) of a built HTML file."""
    parser = _Anchors()
    parser.feed(html_file.read_text("utf8"))
    return frozenset(parser.ids)


def broken_link(directory: Path, base_url: str, href: str) -> str | None:
    """Why an internal link of the served site does not resolve (missing file or missing #id); None when it does."""
    parts = urlsplit(href)
    path = unquote(parts.path).removeprefix(urlsplit(base_url).path)
    target = directory / path
    if path == "" or path.endswith("/"):
        target = target / "index.html"
    if not target.is_file():
        return f"{href}: no file {target.relative_to(directory)}"
    fragment = unquote(parts.fragment)
    if fragment and target.suffix == ".html" and fragment not in anchors(target):
        return f"{href}: no id {fragment!r} in {target.relative_to(directory)}"
    return None


# What GitHub Pages sends gzip-compressed to a browser that accepts it: text types (fonts and PNGs are compressed
# already). The level is gzip's default; Pages' own may differ by a few percent.
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


@functools.lru_cache(maxsize=512)
def gzipped(path: Path, modified: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


class _Handler(SimpleHTTPRequestHandler):
    """Static files as GitHub Pages serves them (text gzip-compressed) with ``Cache-Control: no-store``: every page
    load transfers all it needs, as a first visit does."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".woff2": "font/woff2", ".json": "application/json"}

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED or not path.is_file():
            return super().do_GET()
        body = gzipped(path, path.stat().st_mtime)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        return None

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format, *args):
        """Quiet: failed requests are seen (and reported) by the browser."""


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A response the browser stopped reading (it navigated on) is not an error of the site; others are."""
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port from a thread; yield the base URL ("http://127.0.0.1:PORT/")."""
    server = _Server(("127.0.0.1", 0), functools.partial(_Handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
