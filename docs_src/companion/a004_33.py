# Cross-entropy is convex in the weights of logistic regression (one linear layer), not in those of a network with a
# hidden layer: swapping two hidden units gives an equally good network, and their midpoint is worse than both.
import numpy as np

from snippets.activations import sigmoid

rng = np.random.default_rng(0)
X = rng.normal(size=(20, 2))


def cross_entropy(a):
    return float(-np.mean(y * np.log(a) + (1 - y) * np.log(1 - a)))


y = (rng.random(20) < 0.5).astype(float)  # random labels for the logistic regression
# logistic regression: Hessian (1/n) Xᵀ diag(a(1-a)) X at random weights
smallest = min(
    np.linalg.eigvalsh(X.T @ (X * (a * (1 - a))[:, None]) / len(y)).min()
    for a in (sigmoid(X @ rng.normal(size=2) * 3) for _ in range(1000))
)
print(f"logistic regression: smallest Hessian eigenvalue over 1000 random weights {smallest:.2e} (≥ 0: convex) → "
      f"{'match' if smallest >= 0 else 'no match'}")


def network(W, v):  # two hidden sigmoid units, one sigmoid output
    return sigmoid(sigmoid(X @ W) @ v)


W, v = np.array([[3.0, -3.0], [1.0, 2.0]]), np.array([4.0, -4.0])
y = (network(W, v) > 0.5).astype(float)  # labels this network fits well
swapped = cross_entropy(network(W[:, ::-1], v[::-1]))
midpoint = cross_entropy(network((W + W[:, ::-1]) / 2, (v + v[::-1]) / 2))
print(f"one hidden layer: loss {cross_entropy(network(W, v)):.4f}, units swapped {swapped:.4f}, midpoint {midpoint:.4f}")
print(f"midpoint ≤ average of the two (convexity): {'match' if midpoint <= swapped else 'no match'}")
