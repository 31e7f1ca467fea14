"""MkDocs hook: a page with formulas asks for KaTeX's fonts from its <head>, before the browser lays the formulas out.

Without it the browser discovers a KaTeX font only when it lays out a formula that needs it (the fonts are
``font-display: block``): the formula is first measured in a fallback font, then again when the font arrives, and
the text around it moves (layout shift, worst on slow connections and on notebook pages, whose plots come before
their formulas). Each font that the page's KaTeX markup needs, judged by the classes KaTeX gives its spans, is
preloaded with ``<link rel="preload">``; fonts the page does not use are not requested.
"""

from __future__ import annotations

import re

from mkdocs.utils import get_relative_url

FONTS = "assets/katex/fonts/KaTeX_{}.woff2"
# KaTeX's class on a span → the font that span is drawn in (KaTeX's katex.css). "sizeN" alone is a font size;
# with "delimsizing" it is a big delimiter drawn in the SizeN font.
FONT_OF_CLASS = {
    "mord": "Main-Regular",
    "mathnormal": "Math-Italic",
    "mathit": "Main-Italic",
    "mathbf": "Main-Bold",
    "boldsymbol": "Math-BoldItalic",
    "amsrm": "AMS-Regular",
    "mathbb": "AMS-Regular",
    "mathcal": "Caligraphic-Regular",
    "small-op": "Size1-Regular",
    "large-op": "Size2-Regular",
    "delim-size1": "Size1-Regular",
    "delim-size4": "Size4-Regular",
}
SPAN_CLASSES = re.compile(r'<span class="([^"]*)"')


def fonts_used(html: str) -> list[str]:
    """The KaTeX fonts the formulas of ``html`` are drawn in, in name order."""
    if 'class="katex"' not in html:
        return []
    fonts = set()
    for match in SPAN_CLASSES.finditer(html):
        classes = match[1].split()
        fonts.update(FONT_OF_CLASS[name] for name in classes if name in FONT_OF_CLASS)
        if "delimsizing" in classes:
            fonts.update(f"Size{n}-Regular" for n in range(1, 5) if f"size{n}" in classes)
    return sorted(fonts)


def on_post_page(output, page, config):
    links = [
        f'<link rel="preload" href="{get_relative_url(FONTS.format(font), page.url)}" as="font" type="font/woff2" crossorigin>'
        for font in fonts_used(output)
    ]
    if not links:
        return output
    return output.replace("</head>", "\n".join(links) + "\n</head>", 1)
