"""The seed articles' worked examples, recomputed in nats, bits and bans.

Shown on the page "Information, entropy and cross-entropy" (docs/*/information.md, section #seed-examples).
Each row is one quantity evaluated with the same formula in the three logarithm bases.
"""

import numpy as np

from snippets.information import binary_entropy, cross_entropy, kl_divergence, self_information

BASES = {"nats": None, "bits": 2, "bans": 10}


def summed_binary_cross_entropy(p, q, base):
    """−Σ_i [p_i log q_i + (1 − p_i) log(1 − q_i)]: one two-outcome cross-entropy per component, added up."""
    p, q = np.asarray(p), np.asarray(q)
    return cross_entropy(np.stack([p, 1 - p], axis=-1), np.stack([q, 1 - q], axis=-1), base=base).sum()


# 002 「2 信息量与熵」: the expected output p (lost in extraction) is (1, 0, 0), as the article's terms show.
p, q1, q2 = [1.0, 0.0, 0.0], [0.5, 0.2, 0.3], [0.8, 0.1, 0.1]
# 004 「2.3 相对熵」: a one-hot label and a prediction; the same label smoothed with α = 0.1 over 4 classes.
label, prediction = np.array([1.0, 0.0, 0.0, 0.0]), np.array([0.7, 0.1, 0.1, 0.1])
smoothed = 0.9 * label + 0.1 / 4
# 001 「CategoricalCrossentropy 交叉熵」: two examples each, categorical (3 classes) and binary (2 classes).
y_true, y_pred = [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]]
b_true, b_pred = [[0.0, 1.0], [0.0, 1.0]], [[0.05, 0.95], [0.8, 0.2]]

rows = {
    "002 H_b(0.1), Xiaoming": lambda base: binary_entropy(0.1, base=base),
    "002 H_b(0.999), Xiaowang": lambda base: binary_entropy(0.999, base=base),
    "002 I(x0) with p(x0) = 1": lambda base: self_information(1.0, base=base),
    "002 summed BCE (p, q1)": lambda base: summed_binary_cross_entropy(p, q1, base),
    "002 summed BCE (p, q2)": lambda base: summed_binary_cross_entropy(p, q2, base),
    "002 H(p, q1) = -log 0.5": lambda base: cross_entropy(p, q1, base=base),
    "002 H(p, q2) = -log 0.8": lambda base: cross_entropy(p, q2, base=base),
    "000 -f log f alone, f = 0.1": lambda base: 0.1 * self_information(0.1, base=base),
    "004 H(label, prediction)": lambda base: cross_entropy(label, prediction, base=base),
    "004 KL(label || prediction)": lambda base: kl_divergence(label, prediction, base=base),
    "004 smoothed: min CE = H(p)": lambda base: cross_entropy(smoothed, smoothed, base=base),
    "004 smoothed: min KL": lambda base: kl_divergence(smoothed, smoothed, base=base),
    "001 categorical, sum of 2": lambda base: cross_entropy(y_true, y_pred, base=base).sum(),
    "001 categorical, mean of 2": lambda base: cross_entropy(y_true, y_pred, base=base).mean(),
    "001 binary, sum of 2": lambda base: cross_entropy(b_true, b_pred, base=base).sum(),
    "001 binary, mean of 2": lambda base: cross_entropy(b_true, b_pred, base=base).mean(),
}

print(f"{'quantity':<30}" + "".join(f"{unit:>8}" for unit in BASES))
for name, value in rows.items():
    print(f"{name:<30}" + "".join(f"{float(value(base)):>8.4f}" for base in BASES.values()))
