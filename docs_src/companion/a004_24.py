# The lost gradients of C = (y - a)²/2, a = σ(wx + b): ∂C/∂w = (a - y)σ'(z)x, ∂C/∂b = (a - y)σ'(z).
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import sigmoid
from snippets.gradients import numerical_gradient

x, y = 1.0, 0.0  # the textbook's neuron: input 1, desired output 0
for w, b in [(0.6, 0.9), (2.0, 2.0)]:
    z = w * x + b
    a = float(sigmoid(z))
    formula = np.array([(a - y) * a * (1 - a) * x, (a - y) * a * (1 - a)])
    numeric = numerical_gradient(lambda v: 0.5 * (y - sigmoid(v[0] * x + v[1])) ** 2, [w, b])
    print(f"w={w}, b={b}: a = {a:.4f}; formula (∂C/∂w, ∂C/∂b) = {np.round(formula, 4)}, central differences "
          f"{np.round(numeric, 4)} → {verdict(f'{formula[0]:.4f}', numeric[0])}, {verdict(f'{formula[1]:.4f}', numeric[1])}")
