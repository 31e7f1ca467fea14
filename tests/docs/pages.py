"""Reading the book's Markdown pages for the documentation tests: pages, fences, headings and formulas.

The fence scanner here is deliberately independent of pytest-markdown-docs: it finds fences at any indentation
(inside admonitions, content tabs, lists), so the tests can compare what a reader sees with what the plugin runs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LANGUAGES = ("zh", "en")

FENCE_OPEN = re.compile(r"^(?P<indent>[ \t>]*)(?P<marks>`{3,}|~{3,})(?P<info>.*)$")
HEADING = re.compile(r"^(?P<level>#{1,6})\s+(?P<title>.*?)\s*(?:\{\s*#(?P<anchor>[\w-]+)\s*\})?\s*$")
DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.DOTALL)
INLINE_MATH = re.compile(r"(?<![\\$])\$(?!\$)(?P<tex>[^$\n]+?)(?<![\\\s])\$(?!\$)")
INLINE_CODE = re.compile(r"`[^`\n]*`")


@dataclass(frozen=True)
class Fence:
    line: int  # 1-based line of the opening fence
    indent: str
    info: str
    content: str

    @property
    def language(self) -> str:
        """The language as superfences reads it: ``python`` from ``python``, ``{.python continuation}`` …"""
        info = self.info.strip()
        if info.startswith("{"):
            classes = [word[1:] for word in info.strip("{}").split() if word.startswith(".")]
            return classes[0] if classes else ""
        return info.split()[0] if info else ""

    @property
    def options(self) -> set[str]:
        words = self.info.strip().strip("{}").split()
        return {word.lstrip(".") for word in words} - {self.language}


def page_files(language: str) -> list[Path]:
    """The Markdown pages of one language, sorted."""
    return sorted((DOCS / language).rglob("*.md"))


def relative_pages(language: str) -> set[str]:
    root = DOCS / language
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.suffix in (".md", ".ipynb")}


def fences(text: str) -> list[Fence]:
    """Every fenced block of a page, at any indentation (a fence closes with the same marks at the same indent)."""
    found, lines, i = [], text.splitlines(), 0
    while i < len(lines):
        opening = FENCE_OPEN.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, marks = opening["indent"], opening["marks"]
        body, j = [], i + 1
        while j < len(lines) and not re.match(rf"^{re.escape(indent)}{marks[0]}{{{len(marks)},}}\s*$", lines[j]):
            body.append(lines[j][len(indent):] if lines[j].startswith(indent) else lines[j].lstrip())
            j += 1
        found.append(Fence(line=i + 1, indent=indent, info=opening["info"], content="\n".join(body)))
        i = j + 1
    return found


def prose(text: str) -> str:
    """The page without its fenced blocks and inline code (where formulas and headings live)."""
    lines, keep, inside = text.splitlines(), [], None
    for line in lines:
        opening = FENCE_OPEN.match(line)
        if inside is None and opening:
            inside = (opening["indent"], opening["marks"])
        elif inside is not None and re.match(rf"^{re.escape(inside[0])}{inside[1][0]}{{{len(inside[1])},}}\s*$", line):
            inside = None
        elif inside is None:
            keep.append(INLINE_CODE.sub("", line))
    return "\n".join(keep)


def headings(text: str) -> list[tuple[int, str, str | None]]:
    """(level, title, explicit anchor or None) of every Markdown heading outside code."""
    return [
        (len(m["level"]), m["title"], m["anchor"])
        for m in map(HEADING.match, prose(text).splitlines())
        if m
    ]


def display_formulas(text: str) -> list[str]:
    return [" ".join(tex.split()) for tex in DISPLAY_MATH.findall(prose(text))]


def inline_formulas(text: str) -> list[str]:
    without_display = DISPLAY_MATH.sub("", prose(text))
    return [" ".join(m["tex"].split()) for m in INLINE_MATH.finditer(without_display)]
