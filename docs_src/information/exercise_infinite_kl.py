# Exercise 2: KL(p || q) finite, KL(q || p) infinite: q puts mass where p has none.
import numpy as np

from snippets.information import kl_divergence

p = np.array([1.0, 0.0])  # a certain outcome, e.g. a one-hot label
q = np.array([0.5, 0.5])  # a model that hedges
print(f"KL(p || q) = {float(kl_divergence(p, q)):.4f} nats  (only the term with p_i > 0 counts: log 2)")
print(f"KL(q || p) = {float(kl_divergence(q, p)):.4f} nats  (q_2 > 0 where p_2 = 0)")
