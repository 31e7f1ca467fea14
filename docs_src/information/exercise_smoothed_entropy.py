# Exercise 3: H(ỹ) of a one-hot label smoothed with α over K classes, in closed form and by the definition.
import numpy as np

from snippets.information import entropy


def smoothed_label_entropy(alpha, K):
    """H(ỹ) = −(1 − α + α/K) log(1 − α + α/K) − (K − 1)(α/K) log(α/K), in nats (0 < α ≤ 1)."""
    top, rest = 1 - alpha + alpha / K, alpha / K
    return -top * np.log(top) - (K - 1) * rest * np.log(rest)


for alpha, K in [(0.1, 3), (0.1, 4), (0.1, 1000), (1.0, 4)]:
    y_tilde = (1 - alpha) * np.eye(K)[0] + alpha / K
    print(f"alpha = {alpha}, K = {K:<4}  closed form {smoothed_label_entropy(alpha, K):.4f}"
          f"  definition {float(entropy(y_tilde)):.4f} nats")
print(f"alpha = 1 gives the uniform label: log 4 = {np.log(4):.4f} nats")
