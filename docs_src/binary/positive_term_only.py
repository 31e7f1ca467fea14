# Logistic regression p = σ(w·x + b) on one feature, trained by gradient descent with two losses:
# the positive term alone, −y log σ(z), and the full binary cross-entropy. Gradients from snippets.
import numpy as np

from snippets.activations import log_sigmoid, sigmoid
from snippets.binary import sigmoid_binary_cross_entropy_grad

rng = np.random.default_rng(0)
x = np.concatenate([rng.normal(2.0, 1.0, 200), rng.normal(-2.0, 1.0, 200)])  # 200 positives, 200 negatives
y = np.concatenate([np.ones(200), np.zeros(200)])


def positive_term_grad(z, y):
    """d/dz of −y log σ(z) = −y σ(−z): never positive, and 0 for every negative example."""
    return -y * sigmoid(-z)


for name, grad in [("-y log σ(z)", positive_term_grad), ("BCE", sigmoid_binary_cross_entropy_grad)]:
    w, b = 0.0, 0.0
    for step in range(1, 10_001):
        g = grad(w * x + b, y)  # ∂loss/∂z per example; the chain rule gives w's and b's (batch mean)
        w, b = w - 0.1 * np.mean(g * x), b - 0.1 * np.mean(g)
        if step in (100, 1000, 10_000):
            negatives_called_positive = np.mean(sigmoid(w * x[y == 0] + b) > 0.5)
            print(f"{name:<12} step {step:>6}: threshold x = -b/w = {-b / w:5.2f}, "
                  f"negatives called positive {negatives_called_positive:.3f}")

always_positive = -np.mean(y * log_sigmoid(np.full_like(x, 20.0)))  # w = 0, b = 20: "positive" for every x
print(f"-y log σ(z) of the model that calls everything positive (z = 20): {always_positive:.1e} nats")
