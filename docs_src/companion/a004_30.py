# The lost cross-entropy gradients: ∂C/∂w_j = (1/n) Σ_x x_j (σ(z) - y), ∂C/∂b = (1/n) Σ_x (σ(z) - y).
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import sigmoid
from snippets.gradients import numerical_gradient

rng = np.random.default_rng(0)
X, y = rng.normal(size=(5, 2)), np.array([0.0, 1, 1, 0, 1])  # n = 5 inputs x with two features


def cost(v):
    a = sigmoid(X @ v[:2] + v[2])
    return -np.mean(y * np.log(a) + (1 - y) * np.log(1 - a))


v = np.array([0.3, -0.7, 0.1])
error = sigmoid(X @ v[:2] + v[2]) - y
formula = np.append(X.T @ error / len(y), error.mean())
numeric = numerical_gradient(cost, v)
print(f"formula {np.round(formula, 5)}, central differences {np.round(numeric, 5)}")
print("→ " + ", ".join(verdict(f"{f:.5f}", g) for f, g in zip(formula, numeric)))
