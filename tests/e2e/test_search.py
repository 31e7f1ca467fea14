"""Search as a reader uses it: type into material's search box, read the result list.

Each language has its own index, so a query finds pages of the reader's language only.
"""

from __future__ import annotations

import re
import time
from urllib.parse import urlsplit

import pytest

from tests.e2e.site import PREFIX, Page

# (language, query, the page it must find, as its path in that language's book). A chapter adds its rows when it
# is written; queries waiting for their chapters: 标签平滑, "label smoothing", focal, from_logits.
SEARCHES = [
    ("zh", "交叉熵", "information/"),
    ("zh", "熵", "information/"),
    ("zh", "术语", "glossary/"),
    ("en", "entropy", "information/"),
    ("en", "cross entropy", "information/"),
    ("en", "glossary", "glossary/"),
    ("zh", "数值对不上", "forensics/"),
    ("en", "number doesn't match", "forensics/"),
    ("zh", "整数标签", "integer-labels/"),
    ("zh", "NLLLoss", "integer-labels/"),
    ("zh", "size_average", "integer-labels/"),
    ("zh", "梯度累积", "integer-labels/"),
    ("zh", "one_hot num_classes", "integer-labels/"),
    ("en", "integer labels", "integer-labels/"),
    ("en", "NLLLoss", "integer-labels/"),
    ("en", "size_average", "integer-labels/"),
    ("en", "gradient accumulation", "integer-labels/"),
    ("en", "one_hot num_classes", "integer-labels/"),
    ("zh", "sigmoid 导数", "binary/"),
    ("zh", "伯努利 似然", "binary/"),
    ("zh", "二元交叉熵 梯度", "binary/"),
    ("zh", "BCELoss 100", "binary/"),
    ("en", "sigmoid derivative", "binary/"),
    ("en", "log-odds", "binary/"),
    ("en", "Bernoulli likelihood", "binary/"),
    ("en", "BCELoss clamp -100", "binary/"),
    ("zh", "多分类交叉熵", "softmax/"),
    ("zh", "softmax 上溢", "softmax/"),
    ("zh", "平移不变性", "softmax/"),
    ("zh", "softmax 梯度", "softmax/"),
    ("zh", "两次 softmax", "softmax/"),
    ("zh", "softmax dim", "softmax/"),
    ("en", "log-softmax", "softmax/"),
    ("en", "softmax overflow", "softmax/"),
    ("en", "shift invariance", "softmax/"),
    ("en", "softmax gradient", "softmax/"),
    ("en", "double softmax", "softmax/"),
    ("en", "softmax dim", "softmax/"),
]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
RESULTS = """() => [...document.querySelectorAll(".md-search-result__list .md-search-result__link")].map((a) => ({
  href: a.href, title: a.querySelector("h1, h2")?.innerText ?? "",
}))"""


def type_query(tab, query: str) -> None:
    """Type as a reader does: key by key, or, for Chinese, as an input method commits a word (the composed text at
    once, then the release of the key that chose it; material searches on keyup)."""
    if query.isascii():
        tab.keyboard.type(query)
    else:
        tab.keyboard.insert_text(query)
        tab.keyboard.up("Space")


def settled_results(tab, timeout: float = 15.0, steady_reads: int = 3) -> list[dict]:
    """The result list once it has stopped changing (material searches again at each keystroke)."""
    deadline = time.monotonic() + timeout
    reads: list = []
    while time.monotonic() < deadline:
        reads = [*reads[-(steady_reads - 1) :], tab.evaluate(RESULTS)]
        if len(reads) == steady_reads and reads[0] and all(read == reads[0] for read in reads):
            return reads[0]
        tab.wait_for_timeout(300)
    return reads[-1] if reads else []


@pytest.mark.parametrize(
    ("language", "query", "expected"), SEARCHES, ids=[f"{language}-{query}" for language, query, _ in SEARCHES]
)
def test_search_finds_the_page_in_the_readers_language(base_url, contexts, language, query, expected):
    tab = contexts[language].new_page()
    try:
        tab.goto(base_url + PREFIX[language], wait_until="load")
        box = tab.locator("input.md-search__input")
        box.click()
        type_query(tab, query)
        results = settled_results(tab)
    finally:
        tab.close()
    pages = {urlsplit(result["href"]).path for result in results}
    wanted = Page(language, PREFIX[language] + expected)
    assert f"/{wanted.path}" in pages, f"{query!r} on /{PREFIX[language]} found {sorted(pages)}, not {wanted}"
    if language == "en":
        chinese = [r for r in results if not urlsplit(r["href"]).path.startswith("/en/") or CJK.search(r["title"])]
        assert not chinese, f"{query!r} on /en/ returned Chinese pages: {chinese}"
    else:
        english = [r["href"] for r in results if urlsplit(r["href"]).path.startswith("/en/")]
        assert not english, f"{query!r} on / returned English pages: {english}"
