"""MkDocs hook: the tables of the framework behaviour matrix, rendered from docs_src/frameworks/cells.json.

A page block

    <!-- matrix: binary
    binary-probabilities: Function on probabilities
    ...
    -->

becomes the family's table: one row per line (the anchor and the row's label in the page's language, in the
order and number of the recorded rows), one column per library, the cells as recorded by
``python -m docs_src.frameworks.probes --write``, with the words in double brackets translated. The hook reads
only cells.json: building the site needs no framework.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CELLS = ROOT / "docs_src" / "frameworks" / "cells.json"
BLOCK = re.compile(r"<!-- matrix: (?P<family>[a-z0-9]+)\n(?P<rows>.*?)\n-->", re.S)
TOKEN = re.compile(r"\[\[([a-z-]+)\]\]")

WORDS = {
    "zh": {
        "behaviour": "行为",
        "absent": "无此函数",
        "no-param": "无此参数",
        "index": "类别索引",
        "one-hot": "独热编码",
        "soft": "软标签",
        "probabilities": "概率",
        "logits": "logits",
        "not-applied": "不使用",
        "clipped": "截断到",
        "off-class": "（非目标类）",
        "empty": "空数组",
    },
    "en": {
        "behaviour": "Behaviour",
        "absent": "no such function",
        "no-param": "no such parameter",
        "index": "class index",
        "one-hot": "one-hot",
        "soft": "soft",
        "probabilities": "probabilities",
        "logits": "logits",
        "not-applied": "not applied",
        "clipped": "clipped to",
        "off-class": "(other classes)",
        "empty": "empty array",
    },
}


def headers(versions: dict) -> dict:
    """Column headings: library, version, device."""
    return {
        "torch": f"PyTorch {versions['torch'].split('+')[0]} (CPU)",
        "tf": f"TensorFlow {versions['tensorflow-cpu']} `tf.nn` (CPU)",
        "keras": f"Keras {versions['keras']}, TF backend (CPU)",
        "optax": f"optax {versions['optax']}, jax {versions['jax']} (CPU)",
        "snippets": "snippets (numpy)",
        "tf1": f"TensorFlow {versions['tensorflow-cpu']} `tf.compat.v1` (CPU)",
    }


def translate(cell: str, language: str) -> str:
    return TOKEN.sub(lambda m: WORDS[language][m.group(1)], cell)


def table(family: str, labels: str, recorded: dict, language: str) -> str:
    rows = dict(line.split(": ", 1) for line in labels.strip().splitlines())
    family_record = recorded["families"][family]
    if list(rows) != family_record["rows"]:
        raise ValueError(f"matrix {family}: the page lists rows {list(rows)}, cells.json has {family_record['rows']}")
    names = headers(recorded["versions"])
    columns = family_record["columns"]
    heads = [names["tf1" if family == "tf1" else c] for c in columns]
    lines = [f"| {WORDS[language]['behaviour']} | " + " | ".join(heads) + " |", "| --- " * (len(columns) + 1) + "|"]
    for anchor, label in rows.items():
        cells = [translate(recorded["cells"][anchor][c], language) for c in columns]
        lines.append(f"| [{label}](#{anchor}){{ #{anchor} }} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def on_page_markdown(markdown: str, page, config, files) -> str:
    if "<!-- matrix" not in markdown:
        return markdown
    language = config["theme"]["language"]
    recorded = json.loads(CELLS.read_text(encoding="utf-8"))
    return BLOCK.sub(lambda m: table(m["family"], m["rows"], recorded, language), markdown)
