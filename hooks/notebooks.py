"""MkDocs hook: make mkdocs-jupyter's notebook pages self-contained, and hand their formulas to hooks/math.py.

nbconvert's page template loads MathJax (and, for diagrams, mermaid) from a CDN and leaves the TeX of Markdown
cells as ``$…$`` text for MathJax to find. This hook removes those scripts and wraps each formula of a rendered
Markdown cell the way pymdownx.arithmatex wraps them in Markdown pages, so that math.py (listed after this hook)
renders notebooks' formulas with KaTeX at build time like every other page's. nbconvert also gives every plot the
same placeholder alt text; each plot gets the title of the section it is in instead. Code cells that scroll
sideways become reachable by keyboard (tabindex), as material does for its own code blocks.

Notebook headings are HTML written in Markdown cells, which mkdocs-jupyter's table of contents does not see: the
hook reads them from the rendered page into the page's table of contents (the right sidebar of Markdown pages) and
gives them the same permalinks. Each PNG plot gets its pixel size as width and height, so that the browser reserves
its space before it decodes it (no layout shift).
"""

from __future__ import annotations

import base64
import re
import struct

from mkdocs.structure.toc import get_toc

CDN_SCRIPTS = re.compile(
    r'<script src="(?:[^"]*mathjax[^"]*)?">\s*</script>'  # MathJax, or an empty src (the page itself, as a script)
    r'|<script type="text/x-mathjax-config">.*?</script>'
    r'|<script type="module">(?:(?!</script>).)*mermaid(?:(?!</script>).)*</script>',
    re.DOTALL,
)
MARKDOWN_CELL = re.compile(r'(<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown[^"]*"[^>]*>)(.*?)(</div>)', re.DOTALL)
DISPLAY = re.compile(r"(?:<p>)?\$\$(.+?)\$\$(?:</p>)?", re.DOTALL)
INLINE = re.compile(r"(?<![\\$])\$(?!\$)([^$\n]+?)(?<!\\)\$")


def wrap_formulas(cell_html: str) -> str:
    cell_html = DISPLAY.sub(lambda m: f'<div class="arithmatex">\\[{m[1].strip()}\\]</div>', cell_html)
    return INLINE.sub(lambda m: f'<span class="arithmatex">\\({m[1]}\\)</span>', cell_html)


PLACEHOLDER_ALT = 'alt="No description has been provided for this image"'
HEADING_OR_PLACEHOLDER = re.compile(r"<h2[^>]*>(?P<heading>.*?)</h2>|" + re.escape(PLACEHOLDER_ALT), re.DOTALL)


def describe_plots(html: str, page_title: str) -> str:
    """Replace nbconvert's placeholder alt text of each plot with the heading of its section."""
    section = page_title

    def replace(match):
        nonlocal section
        if match["heading"] is not None:
            section = re.sub(r"<[^>]+>", "", match["heading"]).strip()
            return match[0]
        return f'alt="{section}"'

    return HEADING_OR_PLACEHOLDER.sub(replace, html)


HEADING = re.compile(r'<h(?P<level>[1-6]) id="(?P<id>[^"]+)"(?P<attributes>[^>]*)>(?P<text>.*?)</h(?P=level)>', re.DOTALL)
PNG = re.compile(r'<img (?P<attributes>[^>]*?)src="data:image/png;base64,(?P<data>[A-Za-z0-9+/=]{32})')


def table_of_contents(html: str) -> tuple[str, list[dict]]:
    """Give each heading with an id a permalink (as Markdown pages have); return the page and the nested headings."""
    roots: list[dict] = []
    open_headings: list[dict] = []

    def heading(match):
        level, text = int(match["level"]), match["text"]
        token = {"level": level, "id": match["id"], "name": re.sub(r"<[^>]+>", "", text).strip(), "children": []}
        while open_headings and open_headings[-1]["level"] >= level:
            open_headings.pop()
        (open_headings[-1]["children"] if open_headings else roots).append(token)
        open_headings.append(token)
        link = f'<a class="headerlink" href="#{match["id"]}" title="Permanent link">&para;</a>'
        return f'<h{level} id="{match["id"]}"{match["attributes"]}>{text}{link}</h{level}>'

    return HEADING.sub(heading, html), roots


def png_size(match) -> str:
    """An ``<img>`` of a base64 PNG with its width and height (read from the PNG's header) unless it has them."""
    if re.search(r"\b(?:width|height)=", match["attributes"]):
        return match[0]
    width, height = struct.unpack(">II", base64.b64decode(match["data"])[16:24])
    return f'<img width="{width}" height="{height}" {match["attributes"]}src="data:image/png;base64,{match["data"]}'


def on_page_content(html: str, page, config, files) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    html = CDN_SCRIPTS.sub("", html)
    html = describe_plots(html, page.title or "")
    html = html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    html = PNG.sub(png_size, html)
    html, headings = table_of_contents(html)
    page.toc = get_toc(headings)
    return MARKDOWN_CELL.sub(lambda m: m[1] + wrap_formulas(m[2]) + m[3], html)
