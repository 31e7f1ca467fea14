"""A figure drawn at build time (hooks/executed.py): binary entropy in bits, labelled in the page's language."""

import matplotlib.pyplot as plt
import numpy as np

from snippets.information import binary_entropy

LABELS = {
    "zh": {"x": "取 1 的概率 p", "y": "二元熵 H(p)（比特）"},
    "en": {"x": "probability p of a 1", "y": "binary entropy H(p) (bits)"},
}


def figure(language: str):
    p = np.linspace(0.001, 0.999, 199)
    fig, ax = plt.subplots(figsize=(4, 2.5))
    ax.plot(p, binary_entropy(p, base=2))
    ax.set_xlabel(LABELS[language]["x"])
    ax.set_ylabel(LABELS[language]["y"])
    fig.tight_layout()
    return fig
