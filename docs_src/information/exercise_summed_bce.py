# Exercise 4: the summed per-output BCE of q with itself is the sum of the outputs' binary entropies.
import numpy as np

from snippets.binary import binary_cross_entropy
from snippets.information import binary_entropy, entropy

q = np.array([0.1, 0.9])  # Xiaoming's hit and miss probabilities, read as two independent outputs
print(f"summed BCE(q, q)         = {float(binary_cross_entropy(q, q).sum()):.4f} nats")
print(f"H_b(0.1) + H_b(0.9)      = {float(binary_entropy(0.1) + binary_entropy(0.9)):.4f} nats")
print(f"H(q), one distribution   = {float(entropy(q)):.4f} nats")
