# The two terms of binary cross-entropy: against the probability p (left) and against the logit z (right).
import matplotlib.pyplot as plt
import numpy as np

from snippets.activations import log_sigmoid

LABELS = {
    # A label mixing CJK with $…$ is typeset by mathtext, which has no CJK glyphs: Chinese labels stay plain text.
    "zh": {"p": "正类概率 p", "loss": "损失（奈特）", "z": "logit $z$",
           "y1": "$y = 1$: $-\\log p$", "y0": "$y = 0$: $-\\log(1 - p)$",
           "z1": "$y = 1$: $-\\log \\sigma(z)$", "z0": "$y = 0$: $-\\log(1 - \\sigma(z))$",
           "clip": "Keras 的上限 −log 10⁻⁷ ≈ 16.1"},
    "en": {"p": "probability of the positive class $p$", "loss": "loss (nats)", "z": "logit $z$",
           "y1": "$y = 1$: $-\\log p$", "y0": "$y = 0$: $-\\log(1 - p)$",
           "z1": "$y = 1$: $-\\log \\sigma(z)$", "z0": "$y = 0$: $-\\log(1 - \\sigma(z))$",
           "clip": "Keras's cap $-\\log 10^{-7} \\approx 16.1$"},
}


def figure(language):
    text = LABELS[language]
    p = np.linspace(1e-9, 1 - 1e-9, 2000)
    z = np.linspace(-8, 8, 400)
    fig, (left, right) = plt.subplots(1, 2, figsize=(8, 3.2))
    left.plot(p, -np.log(p), color="black", label=text["y1"])
    left.plot(p, -np.log1p(-p), color="tab:blue", linestyle="--", label=text["y0"])
    left.axhline(-np.log(1e-7), color="tab:red", linestyle=":", linewidth=1, label=text["clip"])
    left.set_ylim(0, 18)
    left.set_xlabel(text["p"])
    left.set_ylabel(text["loss"])
    left.legend(fontsize=8, loc="upper center")
    right.plot(z, -log_sigmoid(z), color="black", label=text["z1"])
    right.plot(z, -log_sigmoid(-z), color="tab:blue", linestyle="--", label=text["z0"])
    right.set_xlabel(text["z"])
    right.set_ylim(0, 9)
    right.legend(fontsize=8, loc="upper center")
    fig.tight_layout()
    return fig
