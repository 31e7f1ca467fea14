# Cross-entropy is not a distance: H(p, p) is not 0 and H(p, q) differs from H(q, p).
from snippets.information import cross_entropy, entropy, kl_divergence

from docs_src.companion.matching import verdict

p, q = [0.7, 0.2, 0.1], [0.5, 0.3, 0.2]
self_ce = float(cross_entropy(p, p))
print(f"H(p, p) = {self_ce:.4f} nats = H(p) {float(entropy(p)):.4f}; a distance would be 0 → {verdict('0.0000', self_ce)}")
pq, qp = float(cross_entropy(p, q)), float(cross_entropy(q, p))
print(f"H(p, q) = {pq:.4f}, H(q, p) = {qp:.4f} nats; symmetric → {verdict(f'{pq:.4f}', qp)}")
gap = pq - float(entropy(p))
print(f"H(p, q) - H(p) = {gap:.4f} = KL(p || q) {float(kl_divergence(p, q)):.4f} nats → {verdict(f'{gap:.4f}', float(kl_divergence(p, q)))}")
