"""A reader's visit of one page in Debian's chromium: what loaded, what the page shows, what its controls do.

:func:`read_page` loads a page once and records everything the end-to-end tests and ``tools/page_weight.py``
judge: every request (URL, kind, bytes, failure), console and page errors, the time until the formulas are
rendered, the formulas' glyphs, TeX left in visible text, the language selector, links, images, notebook plots,
what each code block's copy button puts on the clipboard, and axe-core's serious and critical violations (all
default rules in the light palette, the contrast rules again in the dark one).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from tests.e2e.site import ROOT, Page

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CONTRAST_RULES = ["color-contrast", "link-in-text-block"]
DESKTOP = {"width": 1280, "height": 800}
SEARCH_INDEX = "search/search_index.json"
# Bytes transferred (gzip-compressed, as GitHub Pages serves text) by a first visit of one page: HTML, CSS, JS, fonts
# and images; the search index is counted apart. Notebook pages carry their plots as PNG in the HTML.
MAX_PAGE_BYTES = 250_000
MAX_NOTEBOOK_PAGE_BYTES = 350_000
KINDS = {
    ".html": "html",
    ".css": "css",
    ".js": "js",
    ".woff2": "font",
    ".woff": "font",
    ".ttf": "font",
    ".png": "image",
    ".svg": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".gif": "image",
    ".webp": "image",
    ".ico": "image",
}
# The moment formulas can be seen: the load event has fired and every font the page asked for has arrived. And the
# page's cumulative layout shift (as Lighthouse counts it: shifts not caused by the reader's input), from the start.
RENDER_CLOCK = """
addEventListener("load", () => document.fonts.ready.then(() => { window.__e2eRenderedAt = performance.now(); }));
window.__e2eLayoutShift = 0;
new PerformanceObserver((entries) => {
  for (const shift of entries.getEntries()) if (!shift.hadRecentInput) window.__e2eLayoutShift += shift.value;
}).observe({type: "layout-shift", buffered: true});
"""
# Show what a reader can open: collapsed <details> and inactive content tabs, so that their formulas, code and
# images are measured and checked like the rest.
REVEAL = """() => {
  for (const details of document.querySelectorAll("details")) details.open = true;
  const style = document.createElement("style");
  style.textContent = ".tabbed-set > .tabbed-content > .tabbed-block { display: block !important; }";
  document.head.append(style);
}"""
PAGE_FACTS = """() => {
  const shown = (element) => element.checkVisibility({visibilityProperty: true});
  const seen = [document.title];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!node.data.trim() || parent.closest("pre, code, .katex, script, style, noscript, template")) continue;
    if (shown(parent)) seen.push(node.data);
  }

  const weight = (w) => ({normal: "400", bold: "700"})[w] ?? String(w);
  const loaded = new Set([...document.fonts].filter((f) => f.status === "loaded")
    .map((f) => `${f.family.replaceAll('"', "")} ${weight(f.weight)} ${f.style}`));
  const canvas = document.createElement("canvas").getContext("2d");
  const formulas = [...document.querySelectorAll(".katex")].map((katex) => {
    const box = katex.getBoundingClientRect();
    const problems = [];
    if (box.width <= 0 || box.height <= 0) problems.push(`size ${box.width}x${box.height}`);
    if (katex.querySelector(".katex-error")) problems.push("KaTeX error");
    for (const element of katex.querySelectorAll(".katex-html *")) {
      const text = [...element.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.data)
        .join("").replace(/[\\s\\u200b]/g, "");
      if (!text) continue;
      const style = getComputedStyle(element);
      const family = style.fontFamily.split(",")[0].trim().replaceAll('"', "");
      const face = `${family} ${weight(style.fontWeight)} ${style.fontStyle}`;
      if (!loaded.has(face)) { problems.push(`font ${face} not loaded for ${JSON.stringify(text)}`); continue; }
      // Drawn from the KaTeX font, the text is as wide whatever the fallback; a missing glyph falls back.
      const font = `${style.fontStyle} ${style.fontWeight} 40px "${family}"`;
      canvas.font = `${font}, monospace`;
      const withMonospace = canvas.measureText(text).width;
      canvas.font = `${font}, serif`;
      if (Math.abs(canvas.measureText(text).width - withMonospace) > 0.01) {
        problems.push(`${JSON.stringify(text)} has glyphs missing from ${face}`);
      }
    }
    return {tex: katex.querySelector("annotation")?.textContent ?? "", problems};
  });

  const wrapper = document.querySelector(".jupyter-wrapper");
  const notebook = wrapper && {
    plots: [...wrapper.querySelectorAll(".jp-OutputArea img")].map((img) => ({
      alt: img.alt, width: img.naturalWidth, height: img.naturalHeight, shownWidth: img.getBoundingClientRect().width,
    })),
    formulas: wrapper.querySelectorAll(".katex").length,
  };

  const blocks = [...document.querySelectorAll(".md-content pre")].filter((pre) => !pre.closest(".jp-OutputArea"));
  const code = blocks.map((pre, index) => {
    const control = pre.querySelector("button[data-clipboard-target]")
      ?? pre.closest(".jp-InputArea-editor")?.querySelector("clipboard-copy");
    if (control) control.dataset.e2eCopy = String(index);
    return {text: (pre.querySelector("code") ?? pre).textContent, hasButton: Boolean(control)};
  });

  return {
    lang: document.documentElement.lang,
    visibleText: seen.join("\\n"),
    fonts: [...loaded].filter((face) => face.startsWith("KaTeX_")).sort(),
    formulas,
    notebook,
    code,
    switcher: Object.fromEntries([...document.querySelectorAll(".md-select__link[hreflang]")]
      .map((a) => [a.hreflang, a.href])),
    links: [...document.querySelectorAll("a[href]")].map((a) => a.href),
    scripts: [...document.scripts].map((script) => script.src || script.textContent),
    images: [...document.images].map((img) => ({
      src: img.src.slice(0, 100), alt: img.getAttribute("alt"), complete: img.complete,
      width: img.naturalWidth, height: img.naturalHeight,
    })),
  };
}"""
AXE_SERIOUS = """(options) => axe.run(document, options).then((result) => result.violations
  .filter((v) => v.impact === "serious" || v.impact === "critical")
  .map((v) => `${v.id} (${v.impact}, ${v.nodes.length}x): ${v.help}; e.g. ${v.nodes.slice(0, 3)
    .map((n) => n.target.join(" ") + (n.any[0]?.data?.contrastRatio ? ` contrast ${n.any[0].data.contrastRatio}` : ""))
    .join(" | ")}`))"""
# Switch material's palette (the scheme attribute on <body>, as its palette button does), wait for the colour
# transitions to end, return the scheme it replaced.
SWITCH_SCHEME = """async (scheme) => {
  const previous = document.body.dataset.mdColorScheme;
  document.body.dataset.mdColorScheme = scheme;
  await Promise.all(document.getAnimations().map((animation) => animation.finished));
  return previous;
}"""
CLIPBOARD_SENTINEL = "(clipboard not written by the copy button)"
READ_AND_RESET_CLIPBOARD = """async (sentinel) => {
  const text = await navigator.clipboard.readText();
  await navigator.clipboard.writeText(sentinel);
  return text;
}"""


@dataclass(frozen=True)
class Transfer:
    """One request of a page load."""

    url: str
    kind: str
    status: int | None
    bytes: int  # transferred: compressed when the server compressed it
    failure: str | None
    uncompressed: int = 0  # the body as the page uses it


@dataclass(frozen=True)
class CodeCopy:
    """One code block: its text, and what its copy button put on the clipboard (None: no button)."""

    index: int
    code: str
    copied: str | None


@dataclass
class Visit:
    page: Page
    url: str
    rendered_ms: float
    facts: dict
    transfers: list[Transfer] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    copies: list[CodeCopy] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)
    axe_dark: list[str] = field(default_factory=list)
    layout_shift: float = 0.0  # cumulative, until the page was read (before anything was opened or clicked)

    def bytes_by_kind(self, *, uncompressed: bool = False) -> dict[str, int]:
        totals: dict[str, int] = {}
        for transfer in self.transfers:
            size = transfer.uncompressed if uncompressed else transfer.bytes
            totals[transfer.kind] = totals.get(transfer.kind, 0) + size
        return totals

    @property
    def page_bytes(self) -> int:
        """Everything the page transferred except the search index, in bytes on the wire (compressed)."""
        return sum(t.bytes for t in self.transfers if t.kind != "search index")

    @property
    def page_bytes_uncompressed(self) -> int:
        """The same responses' bodies, decompressed."""
        return sum(t.uncompressed for t in self.transfers if t.kind != "search index")

    @property
    def is_notebook(self) -> bool:
        return bool(self.facts.get("notebook"))

    @property
    def budget(self) -> int:
        return MAX_NOTEBOOK_PAGE_BYTES if self.is_notebook else MAX_PAGE_BYTES


def chromium_executable() -> str | None:
    return shutil.which("chromium")


def launch(playwright, executable: str):
    """Debian's chromium, headless, with nothing that reaches the network on its own."""
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)


def new_reader_context(browser, base_url: str, **options):
    """A browser context for reading the site: desktop size unless told, clipboard allowed, the render clock set."""
    context = browser.new_context(**{"viewport": DESKTOP, "color_scheme": "light", **options})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    context.add_init_script(RENDER_CLOCK)
    context.set_default_timeout(20_000)
    return context


def kind_of(url: str, resource_type: str) -> str:
    path = urlsplit(url).path
    if path.endswith(SEARCH_INDEX):
        return "search index"
    if resource_type == "document" or path.endswith("/"):
        return "html"
    return KINDS.get(PurePosixPath(path).suffix.lower(), "other")


def _transfer(request) -> Transfer:
    response = request.response()
    failure = request.failure
    if response is None:
        return Transfer(request.url, kind_of(request.url, request.resource_type), None, 0, failure or "no response")
    length = response.headers.get("content-length")
    body = len(response.body()) if 200 <= response.status < 300 else 0
    size = int(length) if length is not None else body
    if response.status >= 400:
        failure = failure or f"HTTP {response.status}"
    return Transfer(request.url, kind_of(request.url, request.resource_type), response.status, size, failure, body)


def read_page(context, base_url: str, page: Page, *, interact: bool = True) -> Visit:
    """Load ``page`` once in ``context`` and record what a reader gets (see the module docstring).

    With ``interact=False`` only what the page transfers and shows is recorded: no copy button is clicked and
    axe-core does not run.
    """
    tab = context.new_page()
    requests, console_errors, page_errors = [], [], []
    tab.on("request", lambda request: requests.append(request))
    tab.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    tab.on("pageerror", lambda error: page_errors.append(str(error)))
    try:
        url = base_url + page.path
        tab.goto(url, wait_until="load")
        tab.wait_for_function("window.__e2eRenderedAt !== undefined")
        rendered_ms = tab.evaluate("window.__e2eRenderedAt")
        tab.wait_for_load_state("networkidle")  # the search index and the search worker's scripts, too
        layout_shift = tab.evaluate("window.__e2eLayoutShift")
        tab.evaluate(REVEAL)
        visit = Visit(page, url, rendered_ms, tab.evaluate(PAGE_FACTS), layout_shift=layout_shift)
        if interact:
            visit.axe = axe_violations(tab)
            # The dark palette as material applies it when the reader picks it: the attribute on <body>.
            light = tab.evaluate(SWITCH_SCHEME, "slate")
            visit.axe_dark = axe_violations(tab, runOnly=CONTRAST_RULES)
            tab.evaluate(SWITCH_SCHEME, light)
            tab.evaluate("text => navigator.clipboard.writeText(text)", CLIPBOARD_SENTINEL)
            visit.copies = [_copy(tab, index, block) for index, block in enumerate(visit.facts["code"])]
        visit.transfers = [_transfer(request) for request in requests]
        visit.console_errors, visit.page_errors = console_errors, page_errors
        return visit
    finally:
        tab.close()


def _copy(tab, index: int, block: dict) -> CodeCopy:
    """Click a code block's copy button, as a reader does, and read the clipboard (then reset it for the next)."""
    if not block["hasButton"]:
        return CodeCopy(index, block["text"], None)
    tab.click(f'[data-e2e-copy="{index}"]', force=True)
    return CodeCopy(index, block["text"], tab.evaluate(READ_AND_RESET_CLIPBOARD, CLIPBOARD_SENTINEL))


def axe_violations(tab, **options) -> list[str]:
    """axe-core's serious and critical violations on the page open in ``tab`` (default rules unless told)."""
    if not tab.evaluate("typeof axe !== 'undefined'"):
        tab.add_script_tag(path=str(AXE))
    return tab.evaluate(AXE_SERIOUS, {"resultTypes": ["violations"], **options})


def problems(visits: dict[Page, Visit], find) -> list[str]:
    """``find(visit)``'s problems on every page, each line naming its page, for an assertion message."""
    return [f"{page}: {problem}" for page, visit in sorted(visits.items()) for problem in find(visit)]
