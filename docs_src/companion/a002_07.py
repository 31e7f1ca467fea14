# Xiaoming (hit probability 0.1): the sum of the self-informations against their expectation, in bits.
import numpy as np

from docs_src.companion.matching import verdict
from snippets.information import entropy, self_information

p = np.array([0.1, 0.9])
info = self_information(p, base=2)
total, expected = float(info.sum()), float(entropy(p, base=2))
print(f"I(hit) = {info[0]:.4f} bits, I(miss) = {info[1]:.4f} bits")
print(f"article 0.4690  sum of the self-informations {total:.4f} → {verdict('0.4690', total)}")
print(f"article 0.4690  expectation Σ p I = {expected:.4f} → {verdict('0.4690', expected)}")
