"""The reading companion: parse its pages (``companion/aNNN.md``) and render the overview's counts at build time.

One module reads the companion's structured Markdown; this hook (the overview's tables) and the tests
(tests/docs/test_companion.py) both use it, so the format has exactly one definition. The format is specified in
docs_src/companion/README.md. In short, a page is::

    ---
    seed: 000_a79a5d6b32400dd7.txt        # the article's file in ../shared/seeds/
    not_audited: ["tags:"]                # quotes of boilerplate paragraphs (optional)
    ---
    # <article title>[ — English gloss] { #a000 }
    ## <article's section heading, verbatim>[ — gloss] { #anchor }      (or any title { #lead } before the first)
    - ✓ `quote` why it holds                                             (a passage that holds)
    ### ✗ a000-05 · short title { #a000-05 }                              (an item: ≈, ✗ or ∅)
    - **Quote**: `quote`
    - **Category**: formula · **Severity**: major
    - **Problem**: …
    - **Correction**: …
    - **Explained in**: [link](../information.md#x)  or  `planned-page.md#anchor`
    - **Proof**: none — why            (or, after the fields, a python fence including docs_src/companion/a000_05.py,
                                        then its output fence, which prints "match" / "no match")

Quotes are inline code spans (the article's text verbatim, no Markdown or TeX processing); they are located in the
article after :func:`normalise`.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import yaml

VERDICTS = ("✓", "≈", "✗", "∅")
SEVERITIES = {"major": {"zh": "严重", "en": "major"}, "minor": {"zh": "次要", "en": "minor"}}
CATEGORIES = {
    "sign": {"zh": "符号", "en": "sign"},
    "formula": {"zh": "公式", "en": "formula"},
    "log base": {"zh": "对数底数", "en": "log base"},
    "arithmetic": {"zh": "算术", "en": "arithmetic"},
    "reduction": {"zh": "归约", "en": "reduction"},
    "API behaviour": {"zh": "框架行为", "en": "API behaviour"},
    "concept": {"zh": "概念", "en": "concept"},
    "notation": {"zh": "记号", "en": "notation"},
    "code defect": {"zh": "代码缺陷", "en": "code defect"},
    "not reproducible": {"zh": "无法复现", "en": "not reproducible"},
    "provenance": {"zh": "出处", "en": "provenance"},
    "missing content": {"zh": "内容缺失", "en": "missing content"},
    "typo": {"zh": "笔误", "en": "typo"},
}
FIELDS = {  # field -> its label on each language's pages
    "quote": {"zh": "原文", "en": "Quote"},
    "category": {"zh": "类别", "en": "Category"},
    "severity": {"zh": "程度", "en": "Severity"},
    "problem": {"zh": "问题", "en": "Problem"},
    "correction": {"zh": "更正", "en": "Correction"},
    "home": {"zh": "详见", "en": "Explained in"},
    "proof": {"zh": "证明", "en": "Proof"},
}
REQUIRED = ("quote", "category", "severity", "problem", "correction", "home")
PAGE = re.compile(r"^a(?P<article>\d{3})\.md$")
ITEM_ID = re.compile(r"^a\d{3}-\d{2}$")
HEADING = re.compile(r"^(?P<marks>#{1,3})\s+(?P<title>.*?)\s*\{\s*#(?P<anchor>[\w-]+)\s*\}\s*$")
ITEM_HEADING = re.compile(rf"^(?P<verdict>[{''.join(VERDICTS)}])\s+(?P<id>a\d{{3}}-\d{{2}})\s*·\s*(?P<title>.+)$")
PASSAGE = re.compile(rf"^- (?P<verdict>[{''.join(VERDICTS)}])\s+(?P<rest>.*)$")
FIELD = re.compile(r"^- \*\*(?P<label>[^*]+)\*\*\s*[:：]\s*(?P<value>.*)$")
CODE_SPAN = re.compile(r"(?<!`)(?P<ticks>`+)(?!`)(?P<code>.+?)(?<!`)(?P=ticks)(?!`)")
LINK = re.compile(r"\[[^\]]*\]\((?P<target>[^)\s]+)\)")
FENCE = re.compile(r"^(`{3,})(?P<info>.*)$")
INCLUDE = re.compile(r'^--8<-- "(?P<path>docs_src/companion/[^"]+)"$')
GLOSS = " — "  # separates an original title from its English gloss


def normalise(text: str) -> str:
    """How quotes and the article are compared: Unicode NFC, every run of whitespace one space, ends stripped."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def code_spans(text: str) -> list[str]:
    """Inline code spans' contents as CommonMark reads them (one space stripped from each end when both have one)."""
    spans = []
    for m in CODE_SPAN.finditer(text):
        code = m["code"]
        if len(code) > 1 and code[0] == code[-1] == " " and code.strip():
            code = code[1:-1]
        spans.append(code)
    return spans


@dataclass
class Passage:
    verdict: str
    quote: str | None
    line: int
    section: str  # the anchor of the page section it is in


@dataclass
class Item(Passage):
    id: str = ""
    title: str = ""
    fields: dict[str, str] = field(default_factory=dict)
    proof: str | None = None  # the included file, docs_src/companion/<id>.py
    output: str | None = None  # what the page shows it prints

    @property
    def category(self) -> str | None:
        return self.fields.get("category")

    @property
    def severity(self) -> str | None:
        return self.fields.get("severity")

    @property
    def home(self) -> str | None:
        return self.fields.get("home")

    @property
    def home_is_link(self) -> bool:
        return self.fields.get("home_kind") == "link"


@dataclass
class Section:
    anchor: str
    title: str  # as on the page
    line: int

    @property
    def original(self) -> str:
        """The article's own heading that the section follows (the title up to an English gloss)."""
        return self.title.split(GLOSS)[0].strip()


@dataclass
class Page:
    path: Path
    language: str
    seed: str | None
    not_audited: list[str]
    title: str | None
    sections: list[Section]
    passages: list[Passage]
    problems: list[str]  # what does not follow the format, with line numbers

    @property
    def article(self) -> str:
        return PAGE.match(self.path.name)["article"]

    @property
    def items(self) -> list[Item]:
        return [p for p in self.passages if isinstance(p, Item)]


def _value_of(label: str, language: str, table: dict) -> str | None:
    return next((key for key, names in table.items() if names[language] == label.strip()), None)


def _home(value: str, page_dir: PurePosixPath) -> tuple[str | None, str]:
    """A home as a path from the docs root (``information.md#units``), and whether it is a link or planned (code)."""
    link = LINK.search(value)
    if link:
        target = link["target"]
        path, _, anchor = target.partition("#")
        parts = []
        for part in (page_dir / path).parts:
            parts = parts[:-1] if part == ".." else parts + ([] if part == "." else [part])
        return f"{'/'.join(parts)}#{anchor}", "link"
    spans = code_spans(value)
    return (spans[0], "planned") if spans else (None, "")


def _field(item: Item, label: str, value: str, language: str, page_dir: PurePosixPath, problems: list, line: int):
    key = _value_of(label, language, FIELDS)
    if key is None:
        problems.append(f"line {line}: unknown field {label!r}")
    elif key == "quote":
        spans = code_spans(value)
        item.quote = spans[0] if spans else None
    elif key == "category":  # "formula · **Severity**: major" on one line
        category, _, rest = value.partition("·")
        item.fields["category"] = _value_of(category, language, {k: v for k, v in CATEGORIES.items()})
        if item.fields["category"] is None:
            problems.append(f"line {line}: unknown category {category.strip()!r}")
        severity = FIELD.match("- " + rest.strip())
        if severity:
            _field(item, severity["label"], severity["value"], language, page_dir, problems, line)
    elif key == "severity":
        item.fields["severity"] = _value_of(value, language, SEVERITIES)
        if item.fields["severity"] is None:
            problems.append(f"line {line}: unknown severity {value.strip()!r}")
    elif key == "home":
        item.fields["home"], item.fields["home_kind"] = _home(value, page_dir)
    else:
        item.fields[key] = value.strip()


def parse(path: Path, language: str) -> Page:
    """Read one companion page: its sections, passages with their verdicts, and items with their fields."""
    text = path.read_text("utf8")
    meta, body, offset = {}, text, 0
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        meta, body, offset = yaml.safe_load(text[4:end]) or {}, text[end + 5 :], text[: end + 5].count("\n")
    page = Page(path, language, meta.get("seed"), list(meta.get("not_audited") or []), None, [], [], [])
    page_dir = PurePosixPath(path.parent.name)
    lines, item, fence, in_fence, expect = body.splitlines(), None, None, False, None
    for number, line in enumerate(lines, offset + 1):
        opening = FENCE.match(line)
        if in_fence:
            if re.fullmatch(r"`{3,}\s*", line):
                in_fence = False
                if expect == "proof" and fence is not None:
                    found = [INCLUDE.match(x.strip()) for x in fence if x.strip()]
                    if item is not None and len(found) == 1 and found[0] and not item.output:
                        item.proof, expect = found[0]["path"], "output"
                    else:
                        expect = None
                elif expect == "output" and item is not None:
                    item.output, expect = "\n".join(fence), None
            else:
                fence.append(line)
            continue
        if opening:
            in_fence, fence = True, []
            info = opening["info"].strip()
            expect = "proof" if info == "python" else ("output" if info == "output" and expect == "output" else None)
            continue
        if line.strip():
            expect = None
        heading = HEADING.match(line)
        if heading:
            level, title, anchor = len(heading["marks"]), heading["title"], heading["anchor"]
            item = None
            if level == 1:
                page.title = title
            elif level == 2:
                page.sections.append(Section(anchor, title, number))
            else:
                found = ITEM_HEADING.match(title)
                if not found:
                    page.problems.append(f"line {number}: an item heading is '### <verdict> <id> · <title> {{ #<id> }}'")
                    continue
                section = page.sections[-1].anchor if page.sections else ""
                item = Item(found["verdict"], None, number, section, id=found["id"], title=found["title"])
                if anchor != item.id:
                    page.problems.append(f"line {number}: item {item.id} has the anchor #{anchor}")
                page.passages.append(item)
            continue
        if line.startswith("#"):
            page.problems.append(f"line {number}: heading without an explicit {{ #anchor }}")
            continue
        passage = PASSAGE.match(line)
        if passage:
            item = None
            spans = code_spans(passage["rest"])
            quote = spans[0] if spans and passage["rest"].startswith("`") else None
            section = page.sections[-1].anchor if page.sections else ""
            page.passages.append(Passage(passage["verdict"], quote, number, section))
            if passage["verdict"] != "✓":
                page.problems.append(f"line {number}: a {passage['verdict']} passage must be an item (### heading)")
            continue
        found = FIELD.match(line)
        if found and item is not None:
            _field(item, found["label"], found["value"], language, page_dir, page.problems, number)
        elif item is not None and line.startswith("  ") and item.fields:  # a field continued on the next line
            last = list(item.fields)[-1]
            if last in ("problem", "correction", "proof"):
                item.fields[last] += " " + line.strip()
    return page


def pages(docs_dir: Path, language: str) -> list[Page]:
    """Every article page of one language's companion, in article order."""
    folder = Path(docs_dir) / "companion"
    return [parse(p, language) for p in sorted(folder.glob("a*.md")) if PAGE.match(p.name)]


# ---- rendering the overview (on_page_markdown) ----------------------------------------------------------------

COUNTS_MARKER = "<!-- companion-counts -->"
TOPICS_MARKER = "<!-- companion-topics -->"
LABELS = {
    "zh": {"article": "文章", "items": "条目", "category": "类别", "total": "合计"},
    "en": {"article": "Article", "items": "Items", "category": "Category", "total": "Total"},
}


def verdict_counts(page: Page) -> Counter:
    return Counter(p.verdict for p in page.passages)


def counts_markdown(all_pages: list[Page], language: str) -> str:
    """Two tables: verdicts and severities per article; items per category × article (major in bold), linked."""
    label = LABELS[language]
    head = f"| {label['article']} | " + " | ".join(VERDICTS) + f" | {label['items']} | "
    head += " | ".join(SEVERITIES[s][language] for s in SEVERITIES) + " |"
    rows = [head, "|" + " --- |" * (len(VERDICTS) + 4)]
    for page in all_pages:
        verdicts, items = verdict_counts(page), page.items
        severities = Counter(i.severity for i in items)
        rows.append(
            f"| [{page.article}](a{page.article}.md) {page.title.split(GLOSS)[-1] if page.title else ''} | "
            + " | ".join(str(verdicts[v]) for v in VERDICTS)
            + f" | {len(items)} | "
            + " | ".join(str(severities[s]) for s in SEVERITIES)
            + " |"
        )
    grid = [f"| {label['category']} | " + " | ".join(p.article for p in all_pages) + f" | {label['total']} |"]
    grid.append("|" + " --- |" * (len(all_pages) + 2))
    for category, names in CATEGORIES.items():
        cells, total = [], 0
        for page in all_pages:
            these = [i for i in page.items if i.category == category]
            total += len(these)
            links = [
                f"**[{i.id[5:]}](a{page.article}.md#{i.id})**" if i.severity == "major" else f"[{i.id[5:]}](a{page.article}.md#{i.id})"
                for i in these
            ]
            cells.append(f"{len(these)}: " + ", ".join(links) if these else "")
        if total:
            grid.append(f"| {names[language]} | " + " | ".join(cells) + f" | {total} |")
    return "\n".join(rows) + "\n\n" + "\n".join(grid) + "\n"


def topic_rows(markdown: str) -> list[tuple[int, str | None, str]]:
    """(line index, home, kind) of each row of the topic map: the table right after TOPICS_MARKER."""
    lines, rows = markdown.splitlines(), []
    start = next((i for i, line in enumerate(lines) if line.strip() == TOPICS_MARKER), None)
    if start is None:
        return rows
    for index in range(start + 1, len(lines)):
        line = lines[index].strip()
        if not line.startswith("|"):
            if rows or index > start + 1:
                break
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) < 2 or set(cells[0]) <= set("-: "):
            continue
        home, kind = _home(cells[1], PurePosixPath("companion"))
        rows.append((index, home, kind))
    return rows[1:]  # the first row is the header


def topics_markdown(markdown: str, all_pages: list[Page]) -> str:
    """Fill the last (empty) cell of each topic-map row with links to the items whose home it is."""
    lines = markdown.splitlines()
    for index, home, _ in topic_rows(markdown):
        links = [f"[{i.id}](a{p.article}.md#{i.id})" for p in all_pages for i in p.items if i.home == home]
        lines[index] = lines[index].rstrip().rstrip("|").rstrip() + " " + ", ".join(links) + " |"
    return "\n".join(lines) + "\n"


def separate_lists(markdown: str) -> str:
    """End an item's field list before the passages that follow it, so that Markdown does not merge the two lists."""
    out, in_fields = [], False
    for line in markdown.splitlines():
        if PASSAGE.match(line) and in_fields:
            out += ["<!-- -->", ""]
        out.append(line)
        if line.strip():  # a field's continuation lines keep us in the field list; anything else ends it
            in_fields = bool(FIELD.match(line)) or (in_fields and line.startswith("  "))
    return "\n".join(out) + "\n"


def on_page_markdown(markdown, page, config, files):
    if PAGE.match(PurePosixPath(page.file.src_uri).name) and page.file.src_uri.startswith("companion/"):
        return separate_lists(markdown)
    if page.file.src_uri != "companion/index.md":
        return markdown
    language = config.theme["language"]
    all_pages = pages(Path(config.docs_dir), language)
    markdown = markdown.replace(COUNTS_MARKER, counts_markdown(all_pages, language))
    return topics_markdown(markdown, all_pages)
