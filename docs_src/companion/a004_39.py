# The lost figure: logistic regression with one weight w, on four points; the squared error of σ(wx) against w is not
# convex (its second differences change sign), the cross-entropy (nats) is.
import matplotlib.pyplot as plt
import numpy as np

from snippets.activations import log_sigmoid, sigmoid

x, y = np.array([-2.0, -1.0, 1.0, 3.0]), np.array([0.0, 1.0, 0.0, 1.0])
w = np.linspace(-6, 6, 241)
a = sigmoid(np.outer(w, x))
losses = {
    "MSE": np.mean((a - y) ** 2, axis=1),
    "CE": -np.mean(y * log_sigmoid(np.outer(w, x)) + (1 - y) * log_sigmoid(-np.outer(w, x)), axis=1),
}
for name, loss in losses.items():
    curvature = np.diff(loss, 2)
    print(f"{name:>3} at w = -6, 0, 6: {loss[0]:.4f}, {loss[120]:.4f}, {loss[-1]:.4f}; smallest second difference "
          f"{curvature.min():.2e} → convex: {'match' if curvature.min() >= -1e-12 else 'no match'}")


def figure(language):
    fig, axes = plt.subplots(1, 2, figsize=(6, 2.6))
    titles = {"zh": {"MSE": "平方误差", "CE": "交叉熵"}, "en": {"MSE": "squared error", "CE": "cross-entropy"}}
    for ax, (name, loss) in zip(axes, losses.items()):
        ax.plot(w, loss, color="black")
        ax.set_title(titles[language][name], fontsize=10)
        ax.set_xlabel("$w$")
    fig.tight_layout()
    return fig
