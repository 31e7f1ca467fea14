"""MkDocs hook: make mkdocs-jupyter's notebook pages self-contained, and hand their formulas to hooks/math.py.

nbconvert's page template loads MathJax (and, for diagrams, mermaid) from a CDN and leaves the TeX of Markdown
cells as ``$…$`` text for MathJax to find. This hook removes those scripts and wraps each formula of a rendered
Markdown cell the way pymdownx.arithmatex wraps them in Markdown pages, so that math.py (listed after this hook)
renders notebooks' formulas with KaTeX at build time like every other page's. nbconvert also gives every plot the
same placeholder alt text; each plot gets the title of the section it is in instead. Code cells that scroll
sideways become reachable by keyboard (tabindex), as material does for its own code blocks.
"""

from __future__ import annotations

import re

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


def on_page_content(html: str, page, config, files) -> str:
    if not page.file.src_uri.endswith(".ipynb"):
        return html
    html = CDN_SCRIPTS.sub("", html)
    html = describe_plots(html, page.title or "")
    html = html.replace('<div class="highlight-ipynb', '<div tabindex="0" class="highlight-ipynb')
    return MARKDOWN_CELL.sub(lambda m: m[1] + wrap_formulas(m[2]) + m[3], html)
