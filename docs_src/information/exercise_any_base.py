# Exercise 1: H(p, q) = H(p) + KL(p || q) in bits and in hartleys. Every term is a log divided by the same ln b.
import numpy as np

from snippets.information import cross_entropy, entropy, kl_divergence

p, q = np.array([0.7, 0.2, 0.1]), np.array([0.5, 0.3, 0.2])
for base, unit in [(2, "bits"), (10, "hartleys")]:
    left = float(cross_entropy(p, q, base=base))
    right = float(entropy(p, base=base) + kl_divergence(p, q, base=base))
    print(f"{unit:<8}  H(p, q) = {left:.4f}  H(p) + KL(p || q) = {right:.4f}  equal: {np.isclose(left, right)}")
print(f"ratio of nats to bits: {float(cross_entropy(p, q)) / float(cross_entropy(p, q, base=2)):.4f} = ln 2 = {np.log(2):.4f}")
