"""MkDocs hook: teach the search's Chinese word segmentation the book's terms, read from the glossary's table.

Material's search plugin cuts Chinese text into words with jieba at build time, and jieba's general dictionary
splits some of the book's terms into a word and a lone character (交叉熵 → 交叉 / 熵, 自信息 → 自 / 信息): the index
then has no word 交叉熵, and the query 交叉熵 matches every 熵. This hook adds those terms of
``docs/glossary-terms.md`` (its first column, each alternative in it, such as 信息量 and 自信息 in
"信息量（自信息）") to jieba's dictionary before any page is indexed, so the dictionary cannot drift from the
table the pages use. It leaves alone a term that jieba cuts into words only (逐篇勘误 → 逐篇 / 勘误, 标签平滑 → 标签
/ 平滑) and a term that contains another term (二元交叉熵 ⊃ 交叉熵, 多标签分类 ⊃ 标签): a word is indexed whole or
not at all, so adding 逐篇勘误 would hide it from the query 勘误 and 二元交叉熵 from the query 交叉熵.

It does in-process what the plugin's ``jieba_dict_user`` option does with a file (``jieba.load_userdict`` adds
each line with ``jieba.add_word``), without a generated file to keep or a path relative to the working directory.
A word added without a frequency gets the one jieba computes so that the word is never split.

The browser needs nothing more: material cuts a Chinese query greedily into the words of the index it loads, so
the query 交叉熵损失函数 finds the word 交叉熵 once the index has it.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import jieba

GLOSSARY = Path(__file__).resolve().parent.parent / "docs" / "glossary-terms.md"
HAN = re.compile(r"^[\u3400-\u9fff]{2,}$")  # a word of two or more Chinese characters
NOTE = re.compile(r"[（(][^）)]*[A-Za-z][^）)]*[）)]")  # a parenthesis with Latin letters explains, it is no term
SEPARATORS = re.compile(r"[（）()、，,\s]+")


def glossary_terms(table: str) -> list[str]:
    """The Chinese words of the glossary table's first column, in table order, each once.

    A cell holds one term or several ("相对熵、KL 散度", "信息量（自信息）"); each all-Chinese part of two
    characters or more is a word. A parenthesis with Latin letters in it is a note ("哈特莱（又称 ban）") and
    is left out.
    """
    words: list[str] = []
    for line in table.splitlines()[2:]:  # below the header row and the --- row
        cells = line.strip().strip("|").split("|")
        if len(cells) < 2:
            continue
        for part in SEPARATORS.split(NOTE.sub(" ", cells[0].strip())):
            if HAN.match(part) and part not in words:
                words.append(part)
    return words


@functools.cache
def _general() -> jieba.Tokenizer:
    """A tokenizer with jieba's default dictionary only (loaded once per process: about a second)."""
    return jieba.Tokenizer()


def words_to_add(terms: list[str]) -> list[str]:
    """The terms that jieba's own dictionary cuts into pieces one of which is a lone character, and that contain
    no other term of the list. Judged by a tokenizer of its own, which no earlier build has taught any word."""
    general = _general()  # the search plugin cuts with jieba.cut, as here
    return [
        term
        for term in terms
        if any(len(piece) == 1 for piece in general.cut(term))
        and not any(other != term and other in term for other in terms)
    ]


def on_config(config):
    for word in words_to_add(glossary_terms(GLOSSARY.read_text("utf8"))):
        jieba.add_word(word)
    return config
