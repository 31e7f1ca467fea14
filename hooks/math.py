"""MkDocs hook: render every formula to HTML with KaTeX at build time.

pymdownx.arithmatex (generic mode) leaves each formula in the page as ``<span class="arithmatex">\\(…\\)</span>``
or ``<div class="arithmatex">\\[…\\]</div>``. This hook sends a page's formulas to ``katex_render.cjs`` (KaTeX from
the npm registry, pinned in package-lock.json) and puts the returned HTML in their place. Pages therefore ship
no math JavaScript, only KaTeX's stylesheet and fonts, served from the site itself, and a formula KaTeX cannot
parse fails the build with the page and the formula named. The search index keeps each formula once, as the text
a reader sees: the MathML (and its TeX annotation) that KaTeX adds for screen readers is marked
``data-search-exclude`` for material's search, which can only skip an element whose tag does not nest inside
itself (it tells elements apart by tag), as <math> never does.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
KATEX_DIST = ROOT / "node_modules" / "katex" / "dist"
RENDERER = Path(__file__).with_name("katex_render.cjs")

FORMULA = re.compile(
    r'<span class="arithmatex">\\\((?P<inline>.*?)\\\)</span>'
    r'|<div class="arithmatex">\\\[(?P<display>.*?)\\\]</div>',
    re.DOTALL,
)


MATHML = '<math xmlns="http://www.w3.org/1998/Math/MathML"'
MATHML_UNSEARCHED = MATHML + " data-search-exclude"
# A display formula wider than the page scrolls sideways (extra.css), so, like material's code blocks, it can be
# reached and scrolled with the keyboard.
DISPLAY_BOX = '<span class="katex-display">'
DISPLAY_BOX_FOCUSABLE = '<span class="katex-display" tabindex="0">'


def render(formulas: list[tuple[str, bool]], where: str) -> list[str]:
    """Render ``(tex, display)`` pairs to HTML in one KaTeX process; raise PluginError naming ``where`` on failure."""
    if not KATEX_DIST.is_dir():
        raise PluginError(f"KaTeX is not installed ({KATEX_DIST} is missing): run `npm ci`")
    request = json.dumps([{"tex": tex, "display": display} for tex, display in formulas])
    result = subprocess.run(
        ["node", str(RENDERER)], input=request, capture_output=True, text=True, cwd=ROOT, check=False
    )
    if result.returncode != 0:
        raise PluginError(f"{where}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def on_page_content(html_text: str, page, config, files) -> str:
    matches = list(FORMULA.finditer(html_text))
    if not matches:
        return html_text
    formulas = [
        (html.unescape(m["inline"] if m["inline"] is not None else m["display"]), m["display"] is not None)
        for m in matches
    ]
    rendered = iter(
        markup.replace(MATHML, MATHML_UNSEARCHED).replace(DISPLAY_BOX, DISPLAY_BOX_FOCUSABLE)
        for markup in render(formulas, page.file.src_uri)
    )
    return FORMULA.sub(lambda m: next(rendered), html_text)


def on_post_build(config) -> None:
    """Serve KaTeX's stylesheet and its woff2 fonts (the only format current browsers fetch) from the site."""
    target = Path(config.site_dir) / "assets" / "katex"
    (target / "fonts").mkdir(parents=True, exist_ok=True)
    shutil.copy2(KATEX_DIST / "katex.min.css", target / "katex.min.css")
    for font in (KATEX_DIST / "fonts").glob("*.woff2"):
        shutil.copy2(font, target / "fonts" / font.name)
