"""The MkDocs hooks: KaTeX at build time, notebook pages made self-contained, both languages or no build."""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

from hooks import executed, i18n, katex_fonts, math, notebook_css, notebooks


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


# --- hooks/executed.py: notebooks and figures run once, cached on their code and the snippets modules they import


def fake_package(root, **modules):
    (root / "snippets").mkdir(exist_ok=True)
    for name, source in {"__init__": "", **modules}.items():
        (root / "snippets" / f"{name}.py").write_text(source)


def test_the_cache_key_follows_the_snippets_modules_a_notebook_imports_and_nothing_else(tmp_path, monkeypatch):
    monkeypatch.setattr(executed, "ROOT", tmp_path)
    fake_package(tmp_path, a="from .b import g\n", b="def g(): return 1\n", c="def h(): return 2\n")
    code = "%matplotlib inline\nimport numpy as np\nfrom snippets.a import g\nprint(g())"
    key = executed.cache_key(code)
    (tmp_path / "snippets" / "c.py").write_text("def h(): return 3\n")  # not imported
    assert executed.cache_key(code) == key
    (tmp_path / "snippets" / "b.py").write_text("def g(): return 2\n")  # imported through snippets.a
    assert executed.cache_key(code) != key
    assert executed.cache_key(code + "\n") != executed.cache_key(code)
    assert any(v.startswith("numpy==") for v in executed.versions(executed.dependencies(code)[1]))


def notebook(markdown: str, code: str) -> dict:
    return {
        "cells": [
            {"cell_type": "markdown", "id": "m", "metadata": {}, "source": [markdown]},
            {"cell_type": "code", "id": "c", "metadata": {}, "execution_count": None, "outputs": [], "source": [code]},
        ],
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def build_files(docs: Path, language: str, monkeypatch):
    """What a build of one language does with its notebooks: on_files, then the pages mkdocs-jupyter would render."""
    files = Files([File(p.name, str(docs), str(docs.parent / "site"), True) for p in sorted(docs.iterdir())])
    config = SimpleNamespace(theme={"language": language}, docs_dir=str(docs))
    return executed.on_files(files, config)


def test_a_notebook_runs_once_for_both_languages_and_again_when_its_code_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(executed, "CACHE", tmp_path / "cache")
    runs = []
    real = executed.execute_notebook
    monkeypatch.setattr(executed, "execute_notebook", lambda *args: runs.append(args[0].name) or real(*args))
    for language, words in (("zh", "# 图"), ("en", "# Plot")):
        (tmp_path / language).mkdir()
        (tmp_path / language / "plots.ipynb").write_text(json.dumps(notebook(words, "print(6 * 7)")))
    pages = {language: build_files(tmp_path / language, language, monkeypatch) for language in ("zh", "en")}
    assert runs == ["plots.ipynb"]  # the zh build executed it; the en build found its outputs cached
    for language, words in (("zh", "# 图"), ("en", "# Plot")):
        rendered = json.loads(Path(pages[language].get_file_from_path("plots.ipynb").abs_src_path).read_text())
        assert rendered["cells"][0]["source"] == [words]  # the language's own Markdown
        assert rendered["cells"][1]["outputs"][0]["text"] == "42\n"
    build_files(tmp_path / "zh", "zh", monkeypatch)
    assert runs == ["plots.ipynb"]  # a second build: nothing executed
    (tmp_path / "zh" / "plots.ipynb").write_text(json.dumps(notebook("# 图", "print(6 * 8)")))
    build_files(tmp_path / "zh", "zh", monkeypatch)
    assert runs == ["plots.ipynb", "plots.ipynb"]


def test_a_cell_that_raises_fails_the_build_naming_the_notebook(tmp_path, monkeypatch):
    monkeypatch.setattr(executed, "CACHE", tmp_path / "cache")
    (tmp_path / "zh").mkdir()
    (tmp_path / "zh" / "broken.ipynb").write_text(json.dumps(notebook("# x", "1 / 0")))
    with pytest.raises(PluginError, match=r"broken\.ipynb: a cell raised(?s:.*)ZeroDivisionError"):
        build_files(tmp_path / "zh", "zh", monkeypatch)


def test_a_figure_without_alt_text_fails_the_build():
    with pytest.raises(PluginError, match=r"chapter\.md: the figure docs_src/x/plot\.py has no alt text"):
        executed.figures_of("Text\n\n![ ](docs_src/x/plot.py)\n", "chapter.md")


def test_figures_are_drawn_once_per_language_with_chinese_labels_and_their_size_reserved(tmp_path, monkeypatch):
    monkeypatch.setattr(executed, "CACHE", tmp_path / "cache")
    script = executed.ROOT / "tests" / "site" / "figures" / "binary_entropy.py"
    monkeypatch.setattr(executed, "FIGURE", re.compile(r"!\[(?P<alt>[^\]]*)\]\((?P<script>tests/site/figures/[^)\s]+\.py)\)"))
    svgs = {}
    for language, alt in (("zh", "二元熵曲线"), ("en", "The binary entropy curve")):
        docs = tmp_path / language
        docs.mkdir()
        (docs / "chapter.md").write_text(f"# C\n\n![{alt}](tests/site/figures/binary_entropy.py)\n")
        config = SimpleNamespace(theme={"language": language}, docs_dir=str(docs), site_dir=str(tmp_path / "site"),
                                 use_directory_urls=True, plugins=SimpleNamespace(_current_plugin="executed"))
        files = executed.on_files(Files([File("chapter.md", str(docs), config.site_dir, True)]), config)
        chapter = files.get_file_from_path("chapter.md")
        markdown = executed.on_page_markdown(chapter.content_string, SimpleNamespace(file=chapter), config, files)
        image = re.search(r'!\[(?P<alt>[^\]]+)\]\((?P<url>assets/figures/\w+\.svg)\)\{ width="(\d+)" height="(\d+)" \}',
                          markdown)
        assert image and image["alt"] == alt, markdown
        assert (image[3], image[4]) == ("384", "240")  # 4 x 2.5 inches at 96 CSS px per inch
        svgs[language] = Path(files.get_file_from_path(image["url"]).abs_src_path).read_text()
    assert "NotoSansCJK" in svgs["zh"] and "NotoSansCJK" not in svgs["en"]  # the Chinese labels' glyphs, as paths
    assert "<text" not in svgs["zh"]  # text drawn as paths: the reader needs no font
    assert script.is_file()


# --- notebook pages: table of contents, reserved plot sizes, only the CSS they use


def test_notebook_headings_become_the_table_of_contents_with_permalinks():
    html = '<h1 id="plots">Plots</h1><p>x</p><h2 id="a">A <em>b</em></h2><h3 id="a1">A1</h3><h2 id="c">C</h2>'
    page_ = page("plots.ipynb", "Plots")
    out = notebooks.on_page_content(html, page_, None, None)
    [top] = page_.toc
    assert (top.id, top.title) == ("plots", "Plots")
    assert [(h.id, h.title, [c.id for c in h.children]) for h in top.children] == [("a", "A b", ["a1"]), ("c", "C", [])]
    assert '<h2 id="a">A <em>b</em><a class="headerlink" href="#a" title="Permanent link">&para;</a></h2>' in out


def test_a_plot_gets_its_pixel_size_so_that_its_space_is_reserved():
    import base64
    import io

    import matplotlib

    matplotlib.use("agg")
    from matplotlib import pyplot

    figure = pyplot.figure(figsize=(3, 2), dpi=50)
    png = io.BytesIO()
    figure.savefig(png, format="png")
    data = base64.b64encode(png.getvalue()).decode()
    out = notebooks.on_page_content(f'<img alt="x" src="data:image/png;base64,{data}"/>', page("n.ipynb"), None, None)
    assert out.startswith('<img width="150" height="100" alt="x" src="data:image/png')


JUPYTER_CSS = """
.jupyter-wrapper{--jp-a:red;--jp-b:var(--jp-c);--jp-c:blue;--jp-unused:green}
.jupyter-wrapper .jp-RenderedText pre{color:var(--jp-b);animation:blink 1s}
.jupyter-wrapper .jp-RenderedHTMLCommon table,.jupyter-wrapper .jp-Toolbar{border:1px solid var(--jp-a)}
.jupyter-wrapper .jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]{background:pink}
.jupyter-wrapper .jp-RenderedText pre:hover::before{content:"x"}
@media print{.jupyter-wrapper .jp-Toolbar{display:none}.jupyter-wrapper .jp-RenderedText{color:black}}
[data-md-color-scheme=slate] .jupyter-wrapper{--jp-c:white}
@keyframes blink{50%{opacity:0}}
@keyframes unused{50%{opacity:0}}
"""


def test_notebook_pages_keep_only_the_css_their_elements_use():
    text_output = '<div class="jupyter-wrapper"><div class="jp-RenderedText"><pre>1</pre></div></div>'
    css = notebook_css.used_css(JUPYTER_CSS, [f"<html><body>{text_output}</body></html>"])
    assert "--jp-b:var(--jp-c)" in css and "--jp-c:blue" in css  # used through another custom property
    assert "--jp-unused" not in css and "--jp-a" not in css and "table" not in css and "stderr" not in css
    assert "pre:hover::before" in css and "@keyframes blink" in css and "unused" not in css
    assert "@media print{.jupyter-wrapper .jp-RenderedText{color:black}}" in css
    assert "[data-md-color-scheme=slate] .jupyter-wrapper{--jp-c:white}" in css  # the dark palette, chosen later


def test_a_new_kind_of_output_keeps_its_styles():
    table = (
        '<div class="jupyter-wrapper"><div class="jp-RenderedHTMLCommon"><table><tr><td>1</td></tr></table></div>'
        '<div class="jp-OutputArea-output" data-mime-type="application/vnd.jupyter.stderr"><pre>w</pre></div></div>'
    )
    css = notebook_css.used_css(JUPYTER_CSS, [table])
    assert ".jupyter-wrapper .jp-RenderedHTMLCommon table{border:1px solid var(--jp-a)}" in css  # not .jp-Toolbar
    assert "--jp-a:red" in css and "background:pink" in css


def test_notebook_styles_leave_the_content_for_one_stylesheet_in_the_head():
    css = {}
    html = notebook_css.take_styles('<style type="text/css">a{b:c}</style><p>x</p><style>[\'a{b:c}\']</style>', css)
    assert html == "<p>x</p>" and list(css) == ["a{b:c}"]
    page_ = SimpleNamespace(file=SimpleNamespace(src_uri="n.ipynb", abs_dest_path="/s/n/index.html"), url="n/")
    notebook_css.notebook_pages["/s"] = []
    out = notebook_css.on_post_page("<head><title>t</title></head><p>x</p>", page_, SimpleNamespace(site_dir="/s"))
    assert out == '<head><title>t</title><link rel="stylesheet" href="../assets/stylesheets/jupyter.css">\n</head><p>x</p>'


def test_a_page_with_formulas_preloads_the_katex_fonts_they_use_and_no_other():
    html = math.on_page_content('<p><span class="arithmatex">\\(x_2 + \\sum_i p_i\\)</span></p>', page("a.md"), None, None)
    out = katex_fonts.on_post_page(f"<head></head><body>{html}</body>", SimpleNamespace(url="chapter/"), None)
    preloaded = re.findall(r'<link rel="preload" href="\.\./assets/katex/fonts/KaTeX_([\w-]+)\.woff2" as="font"', out)
    assert preloaded == ["Main-Regular", "Math-Italic", "Size1-Regular"]  # x, p, i italic; 2 upright; inline sum
    assert katex_fonts.on_post_page("<head></head><p>x</p>", SimpleNamespace(url=""), None) == "<head></head><p>x</p>"


def test_the_notebook_css_is_computed_again_only_when_the_markup_or_the_css_changes(tmp_path, monkeypatch):
    monkeypatch.setattr(notebook_css, "CACHE", tmp_path)
    calls = []
    real = notebook_css.used_css
    monkeypatch.setattr(notebook_css, "used_css", lambda *args: calls.append(1) or real(*args))
    zh = '<div class="jupyter-wrapper"><div class="jp-RenderedText"><pre>熵</pre></div></div>'
    en = zh.replace("熵", "entropy")
    first = notebook_css.cached_used_css(JUPYTER_CSS, [zh])
    assert notebook_css.cached_used_css(JUPYTER_CSS, [en]) == first and len(calls) == 1  # text aside, the same markup
    notebook_css.cached_used_css(JUPYTER_CSS, [en.replace("<pre>", '<pre class="new">')])
    notebook_css.cached_used_css(JUPYTER_CSS + ".x{color:red}", [en])
    assert len(calls) == 3


def test_cache_entries_unused_for_a_month_are_removed(tmp_path, monkeypatch):
    import os
    import time

    monkeypatch.setattr(executed, "CACHE", tmp_path)
    (tmp_path / "figures").mkdir()
    old, recent = tmp_path / "figures" / "old.svg", tmp_path / "figures" / "recent.svg"
    for entry in (old, recent):
        entry.write_text("<svg/>")
        os.utime(entry, (time.time() - 31 * 86400,) * 2)
    assert executed.used(recent)  # a build used it: it is young again
    executed.on_post_build(None)
    assert recent.exists() and not old.exists()
