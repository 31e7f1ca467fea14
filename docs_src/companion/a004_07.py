# The lost KL formula on the article's own example: p = [1,0,0,0] (the label), q = [0.7,0.1,0.1,0.1] (nats).
import numpy as np

from docs_src.companion.matching import verdict
from snippets.information import kl_divergence

p, q = np.array([1.0, 0, 0, 0]), np.array([0.7, 0.1, 0.1, 0.1])
terms = [pi * np.log(pi / qi) if pi > 0 else 0.0 for pi, qi in zip(p, q)]  # 0 log 0 = 0
kl = float(kl_divergence(p, q))
print(f"Σ p log(p/q) = {sum(terms):.4f} nats, snippets kl_divergence = {kl:.4f} nats, -ln 0.7 = {-np.log(0.7):.4f}")
print(f"only the labelled class counts: {verdict(f'{-np.log(0.7):.4f}', kl)}")
