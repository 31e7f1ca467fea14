# The lost figure of 2.1: the self-information -log(x) of a probability x in (0, 1], natural log (nats).
import matplotlib.pyplot as plt
import numpy as np

from docs_src.companion.matching import verdict
from snippets.information import self_information

x = np.array([1e-3, 0.01, 0.1, 0.5, 0.9, 1.0])
for p, info in zip(x, self_information(x)):
    print(f"x = {p:<5}  -ln x = {info:.4f} nats")
decreasing = bool(np.all(np.diff(self_information(x)) < 0))
print(f"-ln 1 = 0: {verdict('0', self_information(1.0))}; decreasing in x: {'match' if decreasing else 'no match'}")


def figure(language):
    grid = np.linspace(0.005, 1, 400)
    fig, ax = plt.subplots(figsize=(4, 2.6))
    ax.plot(grid, self_information(grid))
    ax.set_xlabel({"zh": "概率 $x$", "en": "probability $x$"}[language])
    ax.set_ylabel({"zh": "$-\\ln x$（奈特）", "en": "$-\\ln x$ (nats)"}[language])
    fig.tight_layout()
    return fig
