# The lost coin-toss formula H_b(p) = -p log p - (1-p) log(1-p): the entropy of [p, 1-p], the same for p and 1-p.
from docs_src.companion.matching import verdict
from snippets.information import binary_entropy, entropy

for p in (0.1, 0.5, 0.9):
    formula = float(binary_entropy(p))
    print(f"p = {p}: H_b(p) = {formula:.4f}, H([p, 1-p]) = {float(entropy([p, 1 - p])):.4f}, "
          f"H_b(1-p) = {float(binary_entropy(1 - p)):.4f} nats → {verdict(f'{formula:.4f}', binary_entropy(1 - p))}")
