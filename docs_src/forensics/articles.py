"""The seed articles' puzzling numbers, each traced by snippets.forensics to its simplest convention.

Shown on the page "Why doesn't my number match?" (docs/*/forensics.md, section #summary). Each row: the article
(file name id), the numbers as printed, the simplest explanation's value and its non-default conventions.
The inputs are the articles' own, except for 000, which prints none (see the section #one-column).
"""

import numpy as np

from snippets.forensics import explain_together

one_column_labels = np.zeros((10000, 1))
one_column_labels[:4996] = 1  # 49.96 % positive labels
one_column_predictions = np.random.default_rng(0).uniform(0.01, 0.99, (10000, 1))
torch_logits = [[-0.5215, -0.4240, 0.8907], [-0.2820, 0.0445, 1.3734], [-1.0393, 0.8725, 0.1539]]

rows = [  # (article, kind, cases: one (printed, predictions, targets) per number the same convention produced)
    ("000", "probabilities", [("5.9557e-08", one_column_predictions, one_column_labels)]),
    ("001", "probabilities", [("1.177", [[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]], [1, 2])]),
    ("001", "probabilities", [("0.8304", [[0.05, 0.95], [0.8, 0.2]], [1, 1])]),
    ("001", "logits", [("0.5389965", [[5.0, 7.0]], [1])]),
    ("002", "probabilities", [("0.4690", [0.1], [0.1]), ("0.0114", [0.999], [0.999])]),
    ("002", "probabilities", [("0.55", [0.5, 0.2, 0.3], [1, 0, 0]), ("0.19", [0.8, 0.1, 0.1], [1, 0, 0])]),
    ("002", "logits", [("1.5025", torch_logits, [1, 2, 0])]),
    ("004", "logits", [("4.5418e-05", [[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]], [0, 2])]),
]
for article, kind, cases in rows:
    best = explain_together(cases, kind=kind)[0]
    printed = ", ".join(case[0] for case in cases)
    print(f"{article}  {printed:<14} {best.value:<12.6g} {'; '.join(best.conventions)}")
