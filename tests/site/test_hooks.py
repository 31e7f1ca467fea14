"""The MkDocs hooks: KaTeX at build time, notebook pages made self-contained, both languages or no build."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from hooks import i18n, math, notebooks


def page(src_uri: str, title: str = "") -> SimpleNamespace:
    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri), title=title)


def test_formulas_become_katex_html_with_the_tex_kept_for_screen_readers():
    html = '<p>x <span class="arithmatex">\\(p &lt; q\\)</span></p><div class="arithmatex">\\[\\sum_i p_i\\]</div>'
    out = math.on_page_content(html, page("a.md"), None, None)
    assert "arithmatex" not in out
    assert out.count('class="katex"') == 2 and 'class="katex-display"' in out
    assert "<annotation encoding=\"application/x-tex\">p &lt; q</annotation>" in out  # the TeX, unescaped then re-escaped
    assert out.count("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" data-search-exclude") == 2  # indexed once


def test_search_indexes_each_formula_once():
    from material.plugins.search.plugin import Parser

    html = math.on_page_content('<p>sum <span class="arithmatex">\\(\\sqrt{x_i}\\)</span></p>', page("a.md"), None, None)
    parser = Parser()
    parser.feed(html)
    parser.close()
    text = "".join("".join(section.text) for section in parser.data)
    assert text.count("x") == 1 and "sqrt" not in text, text


def test_a_formula_katex_cannot_parse_fails_the_build_naming_page_and_formula():
    with pytest.raises(PluginError, match=r"chapter\.md: KaTeX cannot render .*frac\{1\}\{2"):
        math.on_page_content('<span class="arithmatex">\\(\\frac{1}{2\\)</span>', page("chapter.md"), None, None)


def test_unknown_macros_are_errors_not_red_text():
    with pytest.raises(PluginError, match="notamacro"):
        math.render([("\\notamacro{x}", False)], "page.md")


def test_notebook_pages_lose_cdn_scripts_and_get_their_formulas_wrapped():
    html = (
        '<script src="https://cdn.example/mathjax/2.7.7/latest.js"> </script>'
        '<script src=""> </script>'
        '<script type="text/x-mathjax-config">init_mathjax();</script>'
        '<h2 id="s">Section</h2>'
        '<div class="jp-RenderedHTMLCommon jp-RenderedMarkdown jp-MarkdownOutput" data-mime-type="text/markdown">'
        "<p>Inline $H(p)$ and</p>\n<p>$$\nx^2\n$$</p></div>"
        '<img alt="No description has been provided for this image" src="data:image/png;base64,AA">'
    )
    out = notebooks.on_page_content(html, page("plots.ipynb", "Plots"), None, None)
    assert "<script" not in out
    assert '<span class="arithmatex">\\(H(p)\\)</span>' in out
    assert '<div class="arithmatex">\\[x^2\\]</div>' in out
    assert 'alt="Section"' in out


def test_markdown_pages_are_left_to_arithmatex():
    html = "<p>costs $5 and $6</p>"
    assert notebooks.on_page_content(html, page("a.md"), None, None) == html


def test_a_page_in_one_language_only_fails_the_build(tmp_path):
    for language, names in (("zh", ["index.md", "extra.md"]), ("en", ["index.md"])):
        (tmp_path / language).mkdir()
        for name in names:
            (tmp_path / language / name).write_text("# x\n")
    zh, en = SimpleNamespace(docs_dir=str(tmp_path / "zh")), SimpleNamespace(docs_dir=str(tmp_path / "en"))
    with pytest.raises(PluginError, match=r"only in .*zh: \['extra\.md'\]"):
        i18n.check_same_pages(zh, en)
