# The lost rewriting: KL(p || q) = Σ p log p - Σ p log q = -H(p) + H(p, q), with a smoothed label p (nats).
import numpy as np

from docs_src.companion.matching import verdict
from snippets.information import cross_entropy, entropy, kl_divergence

p = np.array([0.925, 0.025, 0.025, 0.025])  # [1,0,0,0] smoothed with α = 0.1
q = np.array([0.7, 0.1, 0.1, 0.1])
first, second = float(np.sum(p * np.log(p))), float(-np.sum(p * np.log(q)))
kl = float(kl_divergence(p, q))
print(f"Σ p log p = {first:.4f}, -Σ p log q = {second:.4f}, their sum {first + second:.4f}; KL(p || q) = {kl:.4f} nats")
print(f"sum = KL: {verdict(f'{kl:.4f}', first + second)}; "
      f"-H(p) + H(p, q) = {float(-entropy(p) + cross_entropy(p, q)):.4f} → {verdict(f'{kl:.4f}', -entropy(p) + cross_entropy(p, q))}")
