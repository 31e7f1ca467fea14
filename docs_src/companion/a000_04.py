# Entropy of one binary prediction f = P(positive): the article's -f log f against -[f log f + (1 - f) log(1 - f)].
import numpy as np

from docs_src.companion.matching import verdict
from snippets.information import entropy

for f in (0.1, 0.5, 0.9):
    positive_term = -f * np.log(f)
    binary_entropy = float(entropy([f, 1 - f]))
    print(f"f = {f}: -f ln f = {positive_term:.4f}, H_b(f) = {binary_entropy:.4f} nats "
          f"→ {verdict(f'{binary_entropy:.4f}', positive_term)}")
