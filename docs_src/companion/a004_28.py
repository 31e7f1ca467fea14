# Nielsen's neuron (input 1, target 0, η = 0.15): the starting weights give the article's 0.82 and 0.98, and with the
# quadratic cost the badly wrong neuron learns slowly at first, with cross-entropy it does not.
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import sigmoid


def train(w, b, cost, epochs=300, eta=0.15):
    outputs = []
    for _ in range(epochs):
        a = float(sigmoid(w + b))
        delta = a * a * (1 - a) if cost == "quadratic" else a  # ∂C/∂b with y = 0: aσ'(z) or σ(z) - y
        w, b = w - eta * delta, b - eta * delta  # input 1: ∂C/∂w = ∂C/∂b
        outputs.append(float(sigmoid(w + b)))
    return outputs


for printed, (w, b) in {"0.82": (0.6, 0.9), "0.98": (2.0, 2.0)}.items():
    a = float(sigmoid(w + b))
    print(f"w = {w}, b = {b}: output {a:.4f} → {verdict(printed, a)}; first gradient (quadratic) aσ'(z) = {a * a * (1 - a):.4f}")
    for cost in ("quadratic", "cross-entropy"):
        out = train(w, b, cost)
        print(f"  {cost:<13} output after 50, 150, 300 epochs: {out[49]:.3f}, {out[149]:.3f}, {out[299]:.3f}")
faster = {printed: float(sigmoid(w + b)) ** 2 * (1 - float(sigmoid(w + b))) for printed, (w, b) in {"0.82": (0.6, 0.9), "0.98": (2.0, 2.0)}.items()}
print(f"with the quadratic cost 0.82 starts faster than 0.98: {'match' if faster['0.82'] > faster['0.98'] else 'no match'}")
