# The first part of the rewritten KL, Σ p log p, is the entropy with a minus sign (smoothed label, nats).
import numpy as np

from docs_src.companion.matching import verdict
from snippets.information import entropy

p = np.array([0.925, 0.025, 0.025, 0.025])
first = float(np.sum(p * np.log(p)))
print(f"first part Σ p log p = {first:.4f} nats, H(p) = {float(entropy(p)):.4f} nats")
print(f"first part = H(p): {verdict(f'{first:.4f}', entropy(p))}; first part = -H(p): {verdict(f'{first:.4f}', -entropy(p))}")
