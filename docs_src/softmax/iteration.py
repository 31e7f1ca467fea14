# Softmax applied again and again: p(0) = z, p(n + 1) = softmax(p(n)). Every iterate is a distribution; the
# spread max - min shrinks by a factor that tends to 1/K, and the iterates approach the uniform distribution.
import matplotlib.pyplot as plt
import numpy as np

from snippets.activations import softmax


def iterates(z, steps):
    """[softmax(z), softmax(softmax(z)), ...]: `steps` distributions."""
    out, p = [], np.asarray(z, dtype=np.float64)
    for _ in range(steps):
        p = softmax(p)
        out.append(p)
    return np.array(out)


z = np.array([2.0, 0.5, -1.0])
for n, p in enumerate(iterates(z, 6), start=1):
    print(f"n = {n}: {np.round(p, 4)}  spread = {p.max() - p.min():.4f}")
for K in [2, 3, 10]:
    spreads = np.ptp(iterates(np.linspace(3, -3, K), 12), axis=1)
    print(f"K = {K:>2}: spread ratio after 12 steps = {spreads[-1] / spreads[-2]:.4f}, 1/K = {1 / K:.4f}")


def figure(language):
    labels = {
        "zh": ("迭代次数 $n$", "概率", "最大值与最小值之差", "均匀分布 $1/3$"),
        "en": ("iteration $n$", "probability", "spread max $-$ min", "uniform $1/3$"),
    }[language]
    steps = 10
    n = np.arange(1, steps + 1)  # n = 1 is the ordinary softmax output
    fig, (left, right) = plt.subplots(1, 2, figsize=(7.5, 3.0))
    first = iterates(z, steps)
    for k, style in zip(range(3), ("-o", "-s", "-^")):
        left.plot(n, first[:, k], style, markersize=3, label=f"$p_{k + 1}$")
    left.axhline(1 / 3, color="grey", linestyle=":", label=labels[3])
    left.set_xlabel(labels[0])
    left.set_ylabel(labels[1])
    left.set_title("$z = (2, 0.5, -1)$", fontsize=9)
    left.legend(fontsize=8)
    for K, colour in zip([2, 3, 10], ("tab:blue", "tab:orange", "tab:green")):
        spreads = np.ptp(iterates(np.linspace(3, -3, K), steps), axis=1)
        right.semilogy(n, spreads, "-o", markersize=3, color=colour, label=f"$K = {K}$")
    right.set_xlabel(labels[0])
    right.set_ylabel(labels[2])
    right.legend(fontsize=8)
    fig.tight_layout()
    return fig
