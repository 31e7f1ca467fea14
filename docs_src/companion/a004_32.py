# The lost property of the sigmoid: σ'(z) = σ(z)(1 - σ(z)).
from docs_src.companion.matching import verdict
from snippets.activations import sigmoid
from snippets.gradients import numerical_gradient

for z in (-3.0, 0.0, 1.5, 4.0):
    numeric = float(numerical_gradient(lambda v: sigmoid(v).sum(), [z])[0])
    s = float(sigmoid(z))
    print(f"z = {z:>4}: σ'(z) by differences {numeric:.6f}, σ(1 - σ) = {s * (1 - s):.6f} → {verdict(f'{s * (1 - s):.6f}', numeric)}")
