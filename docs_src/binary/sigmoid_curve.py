# The sigmoid σ(z) and its derivative σ'(z) = σ(z)(1 − σ(z)); the labels 0 and 1 are asymptotes, never reached.
import matplotlib.pyplot as plt
import numpy as np

from snippets.activations import sigmoid

LABELS = {
    "zh": {"s": "$\\sigma(z)$", "ds": "$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$", "y": "标签的取值 0 和 1"},
    "en": {"s": "$\\sigma(z)$", "ds": "$\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$", "y": "the label values 0 and 1"},
}


def figure(language):
    text = LABELS[language]
    z = np.linspace(-8, 8, 400)
    s = sigmoid(z)
    fig, ax = plt.subplots(figsize=(6, 3.2))
    ax.axhline(0, color="tab:red", linestyle=":", linewidth=1, label=text["y"])
    ax.axhline(1, color="tab:red", linestyle=":", linewidth=1)
    ax.plot(z, s, color="black", label=text["s"])
    ax.plot(z, s * (1 - s), color="tab:blue", linestyle="--", label=text["ds"])
    ax.plot([0], [0.5], "o", color="black", markersize=4)
    ax.annotate("$\\sigma(0) = 1/2$", (0, 0.5), xytext=(0.6, 0.42), fontsize=9)
    ax.annotate("$\\sigma'(0) = 1/4$", (0, 0.25), xytext=(0.6, 0.2), fontsize=9)
    ax.set_xlabel("$z$")
    ax.set_ylim(-0.08, 1.08)
    ax.legend(fontsize=8, loc="center left", bbox_to_anchor=(0.0, 0.72))
    fig.tight_layout()
    return fig
