# KL divergence is not symmetric and breaks the triangle inequality: not a distance.
import numpy as np

from snippets.information import kl_divergence

p, q, r = np.array([0.9, 0.1]), np.array([0.5, 0.5]), np.array([0.1, 0.9])
pq, qp = float(kl_divergence(p, q)), float(kl_divergence(q, p))
pr, qr = float(kl_divergence(p, r)), float(kl_divergence(q, r))
print(f"KL(p||q) = {pq:.4f}, KL(q||p) = {qp:.4f} nats → symmetric: {'match' if np.isclose(pq, qp) else 'no match'}")
print(f"KL(p||r) = {pr:.4f} ≤ KL(p||q) + KL(q||r) = {pq + qr:.4f}? {'match' if pr <= pq + qr else 'no match'}")
