# Where the loss comes from at the start of training in the paper's setting (Lin et al. 2017): 1 positive per 1000
# negatives, every output initialised to x = π = 0.01 (bias b = -log((1 - π)/π), section 4.1).
import numpy as np

from snippets.focal import sigmoid_focal_loss

pi = 0.01
b = -np.log((1 - pi) / pi)
logits, labels = np.full(1001, b), np.r_[1.0, np.zeros(1000)]
shares = {}
for name, alpha, gamma in [("CE", None, 0.0), ("CE, α = 0.75 (paper's best for CE)", 0.75, 0.0),
                           ("CE, α = 0.999 (inverse frequency)", 0.999, 0.0), ("FL γ = 2", None, 2.0),
                           ("FL γ = 2, α = 0.25 (paper's choice)", 0.25, 2.0)]:
    loss = sigmoid_focal_loss(logits, labels, alpha=alpha, gamma=gamma)
    shares[name] = loss[0] / loss.sum()
    print(f"{name:36}: positive {loss[0]:.4f}, 1000 negatives {loss[1:].sum():.4f} nats; positive's share {shares[name]:.4f}")
fl, inverse = shares["FL γ = 2, α = 0.25 (paper's choice)"], shares["CE, α = 0.999 (inverse frequency)"]
print(f"FL with α = 0.25 gives the rare class at least the share inverse-frequency CE gives → "
      f"{'match' if fl >= inverse else 'no match'}")
