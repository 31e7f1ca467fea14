# The lost sigmoid figure: σ(z) and its slope σ'(z) at the two starting points of the example, z = 1.5 and z = 4.
import matplotlib.pyplot as plt
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import sigmoid

starts = {"0.82": 0.6 + 0.9, "0.98": 2.0 + 2.0}  # z = w + b with input 1
for printed, z in starts.items():
    a = float(sigmoid(z))
    print(f"z = {z}: σ(z) = {a:.4f} → {verdict(printed, a)}; slope σ'(z) = {a * (1 - a):.4f}")
print(f"largest slope σ'(0) = {float(sigmoid(0.0)) * (1 - float(sigmoid(0.0))):.4f}")


def figure(language):
    z = np.linspace(-6, 6, 300)
    fig, ax = plt.subplots(figsize=(4.5, 2.8))
    ax.plot(z, sigmoid(z), color="black", label="$\\sigma(z)$")
    ax.plot(z, sigmoid(z) * (1 - sigmoid(z)), color="grey", linestyle="--", label="$\\sigma'(z)$")
    for (printed, start), colour in zip(starts.items(), ("tab:red", "tab:green")):
        ax.plot([start], [sigmoid(start)], "o", color=colour, label=f"$\\sigma({start}) \\approx {printed}$")
    ax.set_xlabel("$z = wx + b$")
    ax.legend(fontsize=8, loc="center left")
    fig.tight_layout()
    return fig
