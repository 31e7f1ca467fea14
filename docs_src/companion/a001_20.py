# One sigmoid output is a two-way softmax with the second logit fixed at 0: σ(z) = softmax([z, 0])[0].
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import sigmoid, softmax

for z in (-2.0, 0.3, 4.0):
    one_unit, two_units = float(sigmoid(z)), float(softmax(np.array([z, 0.0]))[0])
    print(f"z = {z:4}: sigmoid {one_unit:.6f}, softmax([z, 0])[0] {two_units:.6f} → {verdict(f'{one_unit:.6f}', two_units)}")
