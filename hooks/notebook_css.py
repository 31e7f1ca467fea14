"""MkDocs hook: notebook pages get only the JupyterLab CSS they use, in one stylesheet linked from <head>.

mkdocs-jupyter puts JupyterLab's whole stylesheet (575 kB) and its theme and code colours as ``<style>`` elements
into the content of every notebook page: the page carries it and the browser lays the page out again when it
reaches them. This hook takes them out of the content, links ``assets/stylesheets/jupyter.css`` from the head of
the notebook pages instead, and writes that file after the build from the pages as they were written: a rule is
kept when one of its selectors matches an element of a notebook page (states such as ``:hover`` or the palette
the reader picks, and pseudo-elements, set aside), custom properties when a kept declaration uses them (directly
or through another one), keyframes when a kept rule names them. A new kind of output (a table, stderr, an image)
brings its elements, so its rules are kept without a change here. The result is cached in .cache/ under the hash
of the CSS and of the pages' markup without their text, so zh and en, and a rebuild, usually compute it once.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import soupsieve
import tinycss2
from bs4 import BeautifulSoup
from mkdocs.utils import get_relative_url

STYLESHEET = "assets/stylesheets/jupyter.css"
CACHE = Path(__file__).resolve().parents[1] / ".cache" / "notebook-css"
TEXT = re.compile(r">[^<]+<")
DATA_URI = re.compile(r'(src|href)="data:[^"]*"')
STYLE = re.compile(r"<style[^>]*>(?P<css>.*?)</style>", re.DOTALL)
# States the page is not in while it is parsed (a reader's pointer and focus, the palette the reader picks, which
# material sets as data-md-color-* on <body>) and pseudo-elements: the rule is kept when the rest matches.
DYNAMIC = re.compile(
    r"::?(?:hover|focus(?:-visible|-within)?|active|visited|before|after|placeholder|selection|marker|backdrop"
    r"|first-line|first-letter|-(?:webkit|moz|ms)-[\w-]+)(?![\w-])"
    r"|\[data-md-color-[\w-]+(?:[~|^$*]?=[^\]]*)?\]"
)
VARIABLE_USE = re.compile(r"var\(\s*(--[\w-]+)")
collected: dict[str, dict[str, None]] = {}  # site_dir → the notebook pages' CSS, in order, once each
notebook_pages: dict[str, list[str]] = {}  # site_dir → the written notebook pages


def is_notebook(page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


def take_styles(html: str, css: dict[str, None]) -> str:
    """Remove the ``<style>`` elements of ``html``, adding their CSS to ``css``.

    mkdocs-jupyter 0.26 appends the code colours a second time as a Python list's repr; that one is dropped.
    """

    def take(match):
        text = match["css"].strip()
        if not text.startswith("['"):
            css.setdefault(text.replace("@charset \"UTF-8\";", ""), None)
        return ""

    return STYLE.sub(take, html)


def selectors(prelude: list) -> list[list]:
    """The selectors of a rule's selector list, as token lists (commas inside ``:not(…)`` are nested tokens)."""
    out: list[list] = [[]]
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            out.append([])
        else:
            out[-1].append(token)
    return out


class Pages:
    """The written notebook pages as one parsed document, and the classes it uses (a selector naming another class
    cannot match): the first page, with the notebook content of the others appended to its body."""

    def __init__(self, pages_html: list[str]):
        first, *others = [BeautifulSoup(html, "html.parser") for html in pages_html]
        into = first.body or first
        for other in others:
            for part in other.select(".jupyter-wrapper") or [other]:
                into.append(part)
        self.document = first
        self.classes = {c for t in first.find_all(class_=True) for c in t.get("class", [])}

    def match(self, selector: list) -> bool:
        """Whether ``selector`` matches an element, its state and pseudo-element aside (True when soupsieve cannot tell)."""
        required = {b.value for a, b in zip(selector, selector[1:]) if a.type == "literal" and a.value == "." and b.type == "ident"}
        if not required <= self.classes:
            return False
        static = DYNAMIC.sub("", tinycss2.serialize(selector)).strip()
        static = re.sub(r"(^|\s|>|\+|~)\s*$", r"\1*", static)  # a selector that was only a pseudo-element
        try:
            compiled = soupsieve.compile(static)
        except Exception:  # noqa: BLE001 - a selector soupsieve does not know: keep it rather than break a page
            return True
        return compiled.select_one(self.document) is not None


def used_rules(rules: list, pages: Pages) -> list:
    """The rules (recursing into @media and @supports) with the selectors that match something in ``pages``."""
    kept = []
    for rule in rules:
        if rule.type == "qualified-rule":
            used = [tinycss2.serialize(s).strip() for s in selectors(rule.prelude) if pages.match(s)]
            if used:
                rule.prelude = tinycss2.parse_component_value_list(",".join(used))
                kept.append(rule)
        elif rule.type == "at-rule" and rule.lower_at_keyword in ("media", "supports") and rule.content is not None:
            inner = used_rules(tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), pages)
            if inner:
                kept.append((rule, inner))
        elif rule.type == "at-rule" and rule.lower_at_keyword not in ("charset", "font-face"):
            kept.append(rule)  # @keyframes: filtered below, once the used rules are known
    return kept


def declarations(rule) -> list:
    return [
        d for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
        if d.type == "declaration"
    ]


def flatten(kept: list) -> list:
    for item in kept:
        if isinstance(item, tuple):
            yield from flatten(item[1])
        elif item.type == "qualified-rule":
            yield item


def used_variables(kept: list, also_used: str) -> set[str]:
    """Custom properties read by a kept declaration (or by ``also_used``), through other custom properties too."""
    defined: dict[str, list[str]] = {}
    needed = set(VARIABLE_USE.findall(also_used))
    for rule in flatten(kept):
        for declaration in declarations(rule):
            value = tinycss2.serialize(declaration.value)
            if declaration.name.startswith("--"):
                defined.setdefault(declaration.name, []).append(value)
            else:
                needed.update(VARIABLE_USE.findall(value))
    pending = list(needed)
    while pending:
        for value in defined.get(pending.pop(), []):
            for name in VARIABLE_USE.findall(value):
                if name not in needed:
                    needed.add(name)
                    pending.append(name)
    return needed


def serialize(kept: list, variables: set[str], animations: str) -> str:
    out = []
    for item in kept:
        if isinstance(item, tuple):
            rule, inner = item
            body = serialize(inner, variables, animations)
            if body:
                out.append(f"@{rule.at_keyword} {tinycss2.serialize(rule.prelude).strip()}{{{body}}}")
        elif item.type == "qualified-rule":
            kept_declarations = [
                f"{d.name}:{tinycss2.serialize(d.value).strip()}{' !important' if d.important else ''}"
                for d in declarations(item)
                if not d.name.startswith("--") or d.name in variables
            ]
            if kept_declarations:
                out.append(f"{tinycss2.serialize(item.prelude).strip()}{{{';'.join(kept_declarations)}}}")
        elif not item.lower_at_keyword.endswith("keyframes") or tinycss2.serialize(item.prelude).strip() in animations:
            out.append(tinycss2.serialize([item]))
    return "\n".join(out)


def used_css(css: str, pages_html: list[str]) -> str:
    """The part of ``css`` that the pages in ``pages_html`` use (see the module docstring)."""
    pages = Pages(pages_html)
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    kept = used_rules(rules, pages)
    inline_styles = " ".join(str(t.get("style", "")) for t in pages.document.find_all(style=True))
    variables = used_variables(kept, inline_styles)
    animations = serialize([k for k in kept if isinstance(k, tuple) or k.type == "qualified-rule"], variables, "")
    return serialize(kept, variables, animations) + "\n"


def skeleton(html: str) -> str:
    """What selectors can see of a page: its markup without text and without the data of data: URIs."""
    return TEXT.sub("><", DATA_URI.sub(r'\1=""', html))


def cached_used_css(css: str, pages_html: list[str]) -> str:
    """:func:`used_css`, from .cache/ when the CSS and the pages' markup (text aside) are those of an earlier build."""
    digest = hashlib.sha256(css.encode())
    for html in pages_html:
        digest.update(b"\0" + skeleton(html).encode())
    cached = CACHE / f"{digest.hexdigest()}.css"
    if not cached.exists():
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(used_css(css, [skeleton(html) for html in pages_html]), "utf8")
    return cached.read_text("utf8")


def on_pre_build(config):
    collected[config.site_dir], notebook_pages[config.site_dir] = {}, []


def on_page_content(html, page, config, files):
    if not is_notebook(page):
        return html
    return take_styles(html, collected[config.site_dir])


def on_post_page(output, page, config):
    if not is_notebook(page):
        return output
    notebook_pages[config.site_dir].append(page.file.abs_dest_path)
    link = f'<link rel="stylesheet" href="{get_relative_url(STYLESHEET, page.url)}">'
    return output.replace("</head>", link + "\n</head>", 1)


def on_post_build(config):
    pages = notebook_pages.pop(config.site_dir, [])
    css = "\n".join(collected.pop(config.site_dir, {}))
    if not pages:
        return
    target = Path(config.site_dir) / STYLESHEET
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(cached_used_css(css, [Path(page).read_text("utf8") for page in pages]), "utf8")
