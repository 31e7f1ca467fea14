# -y log σ(z) keeps only the positive term of BCE: its gradient vanishes for every negative example.
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import sigmoid

for y, z in [(1.0, -1.0), (0.0, 2.0), (0.0, -2.0)]:
    only_positive = -y * (1 - sigmoid(z)) + 0.0  # d/dz of -y log σ(z)
    bce = sigmoid(z) - y  # d/dz of BCE
    print(f"y = {y:.0f}, z = {z:4}: gradient of -y log σ {only_positive:.4f}, of BCE {bce:.4f} "
          f"→ {verdict(f'{bce:.4f}', only_positive)}")
