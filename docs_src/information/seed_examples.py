"""The numbers the seed articles print for the concepts of this chapter, recomputed: an audit table.

Shown on the page "Information, entropy and cross-entropy" (docs/*/information.md, section #seed-examples).
Each row: the article, the number it prints, the quantity its formula states, evaluated in nats, whether that
reproduces the printed digits, and, when it does not, the reading that does (another log base, a mean instead of a
sum). Only numbers printed by the articles appear here; the chapter's own illustrations are on the chapter.
"""

import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import log_softmax
from snippets.binary import binary_cross_entropy
from snippets.information import binary_entropy, cross_entropy


# 002 「2 信息量与熵」: the expected output is blank in the text; the printed terms (1 log 0.5, 0 log 0.2, ...)
# are those of p = (1, 0, 0). The second prediction is printed as "q1" a second time; we call it q2.
p, q1, q2 = np.array([1.0, 0.0, 0.0]), np.array([0.5, 0.2, 0.3]), np.array([0.8, 0.1, 0.1])
# The article's formula: -Σ_i [p_i log q_i + (1 - p_i) log(1 - q_i)], one binary cross-entropy per output, summed.
summed_bce_1, summed_bce_2 = binary_cross_entropy(q1, p).sum(), binary_cross_entropy(q2, p).sum()
# 001 「CategoricalCrossentropy 交叉熵」 and 「BinaryCrossentropy」: two examples each.
y_true, y_pred = [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]]
b_true, b_pred = [[0.0, 1.0], [0.0, 1.0]], [[0.05, 0.95], [0.8, 0.2]]
# 004 「2.4 交叉熵」: PyTorch's CrossEntropyLoss(reduction="none") on two rows of logits, labels 0 and 2.
logits, labels = np.array([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]]), [0, 2]
per_example = -log_softmax(logits)[np.arange(2), labels]
# torch 2.13 in float32 subtracts the max and takes log(sum(exp)) of 1 + e^-10 + e^-20, which float32 rounds.
shifted = np.float32(logits[0] - logits[0].max())
float32_first = np.log(np.sum(np.exp(shifted))) - shifted[0]

# (article, printed, what its formula states, its value in nats, the reading that reproduces it, that value)
rows = [
    ("002", "0.4690", "H_b(0.1)", binary_entropy(0.1), "bits (log2)", binary_entropy(0.1, base=2)),
    ("002", "0.0114", "H_b(0.999)", binary_entropy(0.999), "bits (log2)", binary_entropy(0.999, base=2)),
    ("002", "0.55", "summed BCE(p, q1)", summed_bce_1, "hartleys (log10)", summed_bce_1 / np.log(10)),
    ("002", "0.19", "summed BCE(p, q2)", summed_bce_2, "hartleys (log10)", summed_bce_2 / np.log(10)),
    ("001", "1.177", "H_1 + H_2", cross_entropy(y_true, y_pred).sum(), "mean of the two",
     cross_entropy(y_true, y_pred).mean()),
    ("001", "0.8304", "H_1 + H_2", cross_entropy(b_true, b_pred).sum(), "mean of the two",
     cross_entropy(b_true, b_pred).mean()),
    ("004", "4.5418e-05", "-log softmax(z_1)[0]", per_example[0], "float32 log-sum-exp",
     float32_first),
    ("004", "1.0986e+00", "-log softmax(z_2)[2]", per_example[1], "", None),
]

print(f"{'article':<8}{'printed':<12}{'as written, in nats':<36}{'reproduces?':<13}why")
for article, printed, quantity, nats, reading, value in rows:
    as_written = f"{quantity} = {float(nats):.6g}"
    found = verdict(printed, nats)
    why = "" if value is None else f"{reading}: {float(value):.6g} -> {verdict(printed, value)}"
    print(f"{article:<8}{printed:<12}{as_written:<36}{found:<13}{why}".rstrip())
