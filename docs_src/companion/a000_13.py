# Logistic regression trained on -y log σ(z) alone, and on BCE: accuracy on the positives and on the negatives.
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import sigmoid

rng = np.random.default_rng(0)
x = np.concatenate([rng.normal(1.0, 1.0, (200, 2)), rng.normal(-1.0, 1.0, (200, 2))])
y = np.concatenate([np.ones(200), np.zeros(200)])
for name, grad in [("-y log σ(z)", lambda p: -y * (1 - p)), ("BCE", lambda p: p - y)]:
    w, b = np.zeros(2), 0.0
    for _ in range(500):  # plain gradient descent, step 0.5, on the mean loss
        g = grad(sigmoid(x @ w + b))
        w, b = w - 0.5 * x.T @ g / len(y), b - 0.5 * g.mean()
    predicted = sigmoid(x @ w + b) > 0.5
    positives, negatives = predicted[y == 1].mean(), (~predicted[y == 0]).mean()
    print(f"{name:12} accuracy on positives {positives:.2f}, on negatives {negatives:.2f} "
          f"→ negatives at chance (0.5): {verdict('0.5', negatives)}")
