# The article's six terms for q1 and q2, p = (1, 0, 0), evaluated with the logarithm in three bases.
import numpy as np

from docs_src.companion.matching import verdict

p = np.array([1.0, 0.0, 0.0])
for printed, q in [("0.55", np.array([0.5, 0.2, 0.3])), ("0.19", np.array([0.8, 0.1, 0.1]))]:
    row = []
    for unit, log in [("nats", np.log), ("bits", np.log2), ("hartleys", np.log10)]:
        value = -np.sum(p * log(q) + (1 - p) * log(1 - q))
        row.append(f"{value:.4f} {unit} ({verdict(printed, value)})")
    print(f"article {printed}: " + ", ".join(row))
