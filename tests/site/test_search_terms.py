"""hooks/search_terms.py: jieba learns the glossary's terms that its own dictionary would cut into a lone character."""

from __future__ import annotations

import jieba

from hooks.search_terms import GLOSSARY, glossary_terms, on_config, words_to_add

TABLE = """| 中文 | English | 记号 / Notation |
| --- | --- | --- |
| 信息量（自信息） | self-information, surprisal | $I(x)$ |
| 相对熵、KL 散度 | relative entropy, KL divergence | |
| 哈特莱（又称 ban） | hartley (ban) | |
| 交叉熵 | cross-entropy | |
| 二元交叉熵 | binary cross-entropy | |
| 阅读对照（逐篇勘误） | reading companion | |
"""


def test_each_chinese_alternative_of_the_first_column_is_a_term():
    assert glossary_terms(TABLE) == ["信息量", "自信息", "相对熵", "散度", "哈特莱", "交叉熵", "二元交叉熵", "阅读对照", "逐篇勘误"]


def test_only_terms_cut_into_a_lone_character_and_containing_no_other_term_are_added():
    # jieba 0.42.1's own dictionary: 自/信息, 相对/熵, 交叉/熵 leave a lone character; 信息量, 散度, 哈特莱 stay whole;
    # 逐篇/勘误 and 阅读/对照 are two words; 二元交叉熵 contains 交叉熵.
    assert words_to_add(glossary_terms(TABLE)) == ["自信息", "相对熵", "交叉熵"]


def test_after_the_hook_the_index_keeps_the_books_terms_whole():
    on_config(None)
    assert "交叉熵" in jieba.lcut("交叉熵损失函数")
    assert jieba.lcut("二元交叉熵") == ["二元", "交叉熵"]  # 交叉熵 is found inside it, so the query 交叉熵 finds it
    assert "勘误" in jieba.lcut("逐篇勘误")


def test_the_real_glossary_gives_terms():
    assert "交叉熵" in words_to_add(glossary_terms(GLOSSARY.read_text("utf8")))
