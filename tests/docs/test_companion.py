"""The reading companion (docs/*/companion/) follows its format: every item complete, zh and en the same items, the
overview's counts equal to the items, every quote found in its article in order, and no passage without a verdict.

The format is specified in docs_src/companion/README.md and read by hooks/companion.py (the same parser the build
uses). The checks against the articles need ../shared/seeds/; the articles are not redistributed with the book, so
where that folder is absent (a clone on GitHub) those checks alone are skipped, by design, even under CI=true.
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from hooks import companion
from hooks.companion import CATEGORIES, FIELDS, GLOSS, REQUIRED, SEVERITIES, VERDICTS, normalise
from tests.docs.pages import DOCS, LANGUAGES, ROOT

SEEDS = ROOT.parent / "shared" / "seeds"
NO_SEEDS = "../shared/seeds/ is absent (the articles are not part of the repository): quotes cannot be located"
PAGES = {language: companion.pages(DOCS / language, language) for language in LANGUAGES}
ARTICLES = sorted({page.article for language in LANGUAGES for page in PAGES[language]})
MAX_QUOTE = 40


def page(language: str, article: str) -> companion.Page:
    found = [p for p in PAGES[language] if p.article == article]
    if not found:
        pytest.fail(f"article {article} has no companion page in {language}")
    return found[0]


def all_items(language: str) -> list[companion.Item]:
    return [item for p in PAGES[language] for item in p.items]


# ---- the parser finds what is wrong (so the checks below can fail) ----------------------------------------------

SAMPLE = """---
seed: 000_x.txt
---

# T — gloss { #a000 }

## 1. A { #a }

- ✓ `holds here` fine.
- ✗ `no item` a cross without an item
### ✗ a000-01 · bad { #a000-02 }

- **Quote**: `q`
- **Category**: sign · **Severity**: serious
- **Problem**: p
  continued
- **Correction**: c
- **Explained in**: [x](../information.md#units)

```python
--8<-- "docs_src/companion/a000_01.py"
```

```output
article 1  recomputed 2  → no match
```
"""


def test_parser_reads_a_sample_page_and_reports_its_faults(tmp_path):
    path = tmp_path / "companion" / "a000.md"
    path.parent.mkdir()
    path.write_text(SAMPLE, "utf8")
    parsed = companion.parse(path, "en")
    assert parsed.seed == "000_x.txt" and parsed.title == "T — gloss" and [s.anchor for s in parsed.sections] == ["a"]
    (item,) = parsed.items
    assert (item.id, item.verdict, item.quote, item.category, item.severity) == ("a000-01", "✗", "q", "sign", None)
    assert item.fields["problem"] == "p continued" and item.home == "information.md#units" and item.home_is_link
    assert item.proof == "docs_src/companion/a000_01.py" and "no match" in item.output
    assert [p.verdict for p in parsed.passages] == ["✓", "✗", "✗"] and parsed.passages[0].quote == "holds here"
    problems = " | ".join(parsed.problems)
    assert "must be an item" in problems and "anchor #a000-02" in problems and "unknown severity 'serious'" in problems


def test_code_spans_follow_commonmark():
    assert companion.code_spans("`a` and `` `b` c ``") == ["a", "`b` c"]


def test_normalisation_is_nfc_and_collapsed_whitespace():
    assert normalise("e\u0301  a\n b ") == "\u00e9 a b"


# ---- every page and item follows the format -----------------------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_follow_the_format(language):
    problems = [f"{p.path.name}: {problem}" for p in PAGES[language] for problem in p.problems]
    assert not problems


def test_same_articles_in_both_languages():
    assert [p.article for p in PAGES["en"]] == ARTICLES


@pytest.mark.parametrize("article", ARTICLES)
def test_page_names_its_article(article):
    for language in LANGUAGES:
        p = page(language, article)
        assert p.seed and p.seed.startswith(article + "_"), f"{language}: front matter 'seed' must be the article's file"
        assert f"`{p.seed}`" in p.path.read_text("utf8"), f"{language}: the file name is shown as the secondary id"
        assert p.title, f"{language}: no H1 title"
    assert GLOSS in page("en", article).title, "the English title is the original title — an English gloss"
    zh, en = page("zh", article), page("en", article)
    assert (zh.seed, zh.not_audited) == (en.seed, en.not_audited)
    assert zh.title.split(GLOSS)[0] == en.title.split(GLOSS)[0]
    assert [s.anchor for s in zh.sections] == [s.anchor for s in en.sections]
    originals = {language: [s.original for s in p.sections if s.anchor != "lead"] for language, p in (("zh", zh), ("en", en))}
    assert originals["zh"] == originals["en"], "sections quote the same headings of the article"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_has_every_field(language):
    missing = []
    for p in PAGES[language]:
        for item in p.items:
            absent = [f for f in REQUIRED if not (item.quote if f == "quote" else item.fields.get(f))]
            if not item.proof and not item.fields.get("proof"):
                absent.append("proof (a fence, or 'none — why')")
            if not item.id.startswith(f"a{p.article}-"):
                absent.append(f"an id of article {p.article}")
            if item.verdict == "✓":
                absent.append("a verdict other than ✓")
            if absent:
                missing.append(f"{p.path.name} {item.id}: {', '.join(absent)}")
    assert not missing


@pytest.mark.parametrize("language", LANGUAGES)
def test_item_ids_are_unique(language):
    repeated = [i for i, n in Counter(item.id for item in all_items(language)).items() if n > 1]
    assert not repeated


@pytest.mark.parametrize("article", ARTICLES)
def test_zh_and_en_have_the_same_passages_and_items(article):
    def facts(language):
        return [
            (p.verdict, p.quote, p.section)
            + ((p.id, p.category, p.severity, p.home, p.proof) if isinstance(p, companion.Item) else ())
            for p in page(language, article).passages
        ]

    assert facts("zh") == facts("en")
    for zh, en in zip(page("zh", article).items, page("en", article).items):
        assert zh.fields["problem"] != en.fields["problem"], f"{zh.id}: the explanation is written in each language"


@pytest.mark.parametrize("language", LANGUAGES)
def test_quotes_are_short(language):
    long = [
        f"{p.path.name} line {x.line}: {len(normalise(x.quote))} characters"
        for p in PAGES[language]
        for x in p.passages
        if x.quote and len(normalise(x.quote)) > MAX_QUOTE
    ]
    missing = [f"{p.path.name} line {x.line}" for p in PAGES[language] for x in p.passages if not x.quote]
    assert not long and not missing, f"too long: {long}; without a quote: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_proofs_are_named_after_their_item_and_compute_a_verdict(language):
    wrong = []
    for item in all_items(language):
        if not item.proof:
            continue
        if item.proof != f"docs_src/companion/{item.id.replace('-', '_')}.py" or not (ROOT / item.proof).is_file():
            wrong.append(f"{item.id}: proof file {item.proof} (expected docs_src/companion/{item.id.replace('-', '_')}.py)")
        elif item.output is None or not re.search(r"\bmatch\b", item.output):
            wrong.append(f"{item.id}: the output fence must follow and print 'match' or 'no match'")
        elif item.verdict == "✗" and "no match" not in item.output:
            wrong.append(f"{item.id}: a ✗ item's proof prints no 'no match'")
    assert not wrong


def test_every_proof_file_belongs_to_an_item():
    used = {item.proof for item in all_items("zh")}
    files = {f"docs_src/companion/{p.name}" for p in (ROOT / "docs_src" / "companion").glob("a*.py")}
    assert files <= used, f"proof files no item includes: {sorted(files - used)}"


# ---- the overview: counts from the items, the topic map ---------------------------------------------------------

@pytest.mark.parametrize("language", LANGUAGES)
def test_overview_counts_equal_the_items(language):
    """The generated tables against counts taken from the raw pages with plain regular expressions."""
    tables = companion.counts_markdown(PAGES[language], language)
    rows = {m[1]: m[2] for m in re.finditer(r"^\| \[(\d{3})\]\([^)]*\)[^|]*\|(.*)$", tables, re.M)}
    assert sorted(rows) == [p.article for p in PAGES[language]]
    for p in PAGES[language]:
        text = p.path.read_text("utf8")
        verdicts = [len(re.findall(rf"^- {v} `", text, re.M)) + len(re.findall(rf"^### {v} a\d{{3}}-\d\d ", text, re.M)) for v in VERDICTS]
        items = len(re.findall(r"^### [≈✗∅] a\d{3}-\d\d ", text, re.M))
        severity_label = FIELDS["severity"][language]
        severities = [len(re.findall(rf"\*\*{severity_label}\*\*[:：]\s*{SEVERITIES[s][language]}\s*$", text, re.M)) for s in SEVERITIES]
        shown = [int(c) for c in rows[p.article].strip(" |").split("|")]
        assert shown == verdicts + [items] + severities, f"{p.article}: table {shown}, pages {verdicts + [items] + severities}"
    for category, names in CATEGORIES.items():
        label = FIELDS["category"][language]
        expected = sum(len(re.findall(rf"\*\*{label}\*\*[:：]\s*{re.escape(names[language])}\s*·", p.path.read_text("utf8"), re.M)) for p in PAGES[language])
        row = re.search(rf"^\| {re.escape(names[language])} \|.*\| (\d+) \|$", tables, re.M)
        assert (int(row[1]) if row else 0) == expected, f"category {category}"


def overview(language: str) -> str:
    return (DOCS / language / "companion" / "index.md").read_text("utf8")


def test_overview_is_generated_by_the_hook():
    config = yaml.load((ROOT / "mkdocs.yml").read_text("utf8"), Loader=yaml.BaseLoader)
    assert "hooks/companion.py" in config["hooks"]
    for language in LANGUAGES:
        assert companion.COUNTS_MARKER in overview(language) and companion.TOPICS_MARKER in overview(language)


def test_topic_map_is_the_same_in_both_languages_and_names_each_home_once():
    homes = {language: [home for _, home, _ in companion.topic_rows(overview(language))] for language in LANGUAGES}
    assert homes["zh"] == homes["en"]
    assert None not in homes["zh"], "every topic names its home: a link, or the planned page#anchor in code"
    repeated = [h for h, n in Counter(homes["zh"]).items() if n > 1]
    assert not repeated, "a topic is explained in one place: one row per home"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_item_home_is_in_the_topic_map(language):
    homes = {home for _, home, _ in companion.topic_rows(overview(language))}
    absent = [f"{item.id}: {item.home}" for item in all_items(language) if item.home not in homes]
    assert not absent


def home_exists(home: str) -> bool:
    path, _, anchor = home.partition("#")
    file = DOCS / "zh" / path
    if not file.is_file():
        return False
    text = file.read_text("utf8")
    explicit = rf"(\{{[^}}]*#{re.escape(anchor)}\b|id=[\"']{re.escape(anchor)}[\"'])"
    matrix_row = rf"(?m)^{re.escape(anchor)}: "  # a row of the framework matrix (hooks/frameworks.py gives it the id)
    return not anchor or re.search(explicit, text) is not None or re.search(matrix_row, text) is not None


def test_homes_not_written_yet():
    """Informational: items whose home section does not exist yet (each chapter issue leaves none of its own)."""
    rows = companion.topic_rows(overview("zh"))
    assert all(home and re.fullmatch(r"[\w./-]+\.md#[\w-]+", home) for _, home, _ in rows), "homes are page.md#anchor"
    broken = [home for _, home, kind in rows if kind == "link" and not home_exists(home)]
    assert not broken, f"linked homes that do not exist: {broken}"
    planned = sorted({item.home for item in all_items("zh") if not home_exists(item.home)})
    written = sorted(home for _, home, kind in rows if kind == "planned" and home_exists(home))
    if planned:
        warnings.warn(UserWarning(f"companion homes not written yet: {planned}"))
    if written:
        warnings.warn(UserWarning(f"planned homes that now exist, make them links: {written}"))


# ---- against the articles (needs ../shared/seeds/) ---------------------------------------------------------------

@dataclass
class Paragraph:
    index: int
    text: str  # normalised
    kind: str  # "title", "heading" or "text"

    @property
    def has_content(self) -> bool:
        return re.search(r"\w", re.sub(r"<!--.*?-->|<[^>]+>", "", self.text)) is not None


def article(name: str, declared: list[str]) -> tuple[str, list[Paragraph], bool]:
    """The article's title, its paragraphs and whether it uses Markdown headings (front matter and fences handled)."""
    text = (SEEDS / name).read_text("utf8")
    title = None
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        title = str(yaml.load(text[4:end], Loader=yaml.BaseLoader).get("title", "")) or None
        text = text[end + 5 :]
    lines = text.splitlines()
    markdown = any(re.match(r"^#{1,6}\s", line) for line in lines)
    wanted = {normalise(d) for d in declared}
    blocks, current, fence = [], [], False
    for line in lines:
        if fence or line.lstrip().startswith("```"):  # a fenced block is one paragraph, blank lines and all
            fence = fence != line.lstrip().startswith("```")
            current.append(line)
            continue
        is_heading = (markdown and re.match(r"^#{1,6}\s", line)) or normalise(line) in wanted
        if not line.strip() or is_heading:
            if current:
                blocks.append(("text", current))
            current = []
            if is_heading:
                blocks.append(("heading", [line]))
            continue
        current.append(line)
    if current:
        blocks.append(("text", current))
    paragraphs = [Paragraph(i, normalise("\n".join(b)), kind) for i, (kind, b) in enumerate(blocks)]
    if title is None:  # a plain-text article starts with its title
        title, paragraphs[0].kind = paragraphs[0].text, "title"
    for p in paragraphs:
        if p.kind == "heading" and normalise(p.text.lstrip("#")) == normalise(title):
            p.kind = "title"
    return title, paragraphs, markdown


def heading_text(p: Paragraph) -> str:
    return normalise(p.text.lstrip("#"))


def located(article_page: companion.Page):
    """Each section's paragraph span, and each passage's paragraph (in order) — with the problems found."""
    title, paragraphs, markdown = article(article_page.seed, [s.original for s in article_page.sections if s.anchor != "lead"])
    problems, spans, cursor = [], {}, 0
    for section in article_page.sections:
        if section.anchor == "lead":
            spans[section.anchor] = 0
            continue
        found = next((p.index for p in paragraphs[cursor:] if p.kind == "heading" and heading_text(p) == normalise(section.original)), None)
        if found is None:
            problems.append(f"section #{section.anchor}: {section.original!r} is not a heading of the article after the previous one")
            continue
        spans[section.anchor], cursor = found, found
    starts = sorted(spans.values()) + [len(paragraphs)]
    ranges = {a: (s, next(x for x in starts if x > s)) for a, s in spans.items()}
    covered, cursor = set(), 0
    for passage in article_page.passages:
        quote = normalise(passage.quote or "")
        hit = next((p.index for p in paragraphs[cursor:] if quote and quote in p.text), None)
        if hit is None:
            earlier = any(quote and quote in p.text for p in paragraphs[:cursor])
            problems.append(f"line {passage.line}: {passage.quote!r} " + ("is out of the article's order" if earlier else "does not occur in the article"))
            continue
        cursor = hit
        low, high = ranges.get(passage.section, (0, 0))
        if not low <= hit < high:
            problems.append(f"line {passage.line}: {passage.quote!r} is not in the article's section #{passage.section}")
        covered.add(hit)
    for quote in article_page.not_audited:
        hits = [p.index for p in paragraphs if normalise(quote) in p.text]
        covered.update(hits) if hits else problems.append(f"not_audited {quote!r} does not occur in the article")
    return title, paragraphs, markdown, ranges, covered, problems


def needs_seeds():
    if not SEEDS.is_dir():
        pytest.skip(NO_SEEDS)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("article_id", ARTICLES)
def test_quotes_occur_in_the_article_in_order(article_id, language):
    needs_seeds()
    title, *_, problems = located(page(language, article_id))
    assert not problems
    assert normalise(page(language, article_id).title.split(GLOSS)[0]) == normalise(title), "the H1 is the article's title"


@pytest.mark.parametrize("article_id", ARTICLES)
def test_every_passage_has_a_verdict(article_id):
    """Checked by section: every paragraph with text, in every section of the article, holds a verdict's quote."""
    needs_seeds()
    p = page("zh", article_id)
    title, paragraphs, markdown, ranges, covered, _ = located(p)
    declared = {normalise(s.original) for s in p.sections if s.anchor != "lead"}
    derived = [
        x.text for x in paragraphs
        if x.kind == "heading" and (markdown or re.fullmatch(r"\d+(\.\d+)*\.?\s+[^。，,：:]{1,30}", x.text))
    ]
    assert not [h for h in derived if heading_text(Paragraph(0, h, "heading")) not in declared], "article sections without a page section"
    first = min((s for s, _ in ranges.values()), default=len(paragraphs))
    assert "lead" in ranges or not any(x.has_content and x.kind == "text" and x.index not in covered for x in paragraphs[:first]), "text before the first section needs a #lead section"
    gaps = {}
    for anchor, (low, high) in ranges.items():
        for x in paragraphs[low:high]:
            if x.kind == "text" and x.has_content and x.index not in covered:
                gaps.setdefault(anchor, []).append(x.text[:60])
    assert not gaps, f"paragraphs without a verdict, by section: {gaps}"


def test_passages_after_an_item_without_proof_are_not_merged_into_its_field_list():
    page_text = "- **Proof**: none —\n  why\n\n- ✓ `q` holds\n  still\n- ✓ `r` holds\n"
    expected = "- **Proof**: none —\n  why\n\n<!-- -->\n\n- ✓ `q` holds\n  still\n- ✓ `r` holds\n"
    assert companion.separate_lists(page_text) == expected
