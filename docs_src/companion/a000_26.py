# Softmax cross-entropy with a multi-hot target divided by its sum: every output gets a gradient, the negatives too.
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import softmax

t = np.array([1.0, 1.0, 0.0]) / 2  # labels 1 and 2 present, label 3 absent
z = np.array([0.5, -0.5, 1.0])
gradient = softmax(z) - t  # d/dz of -Σ t_i log softmax(z)_i
print(f"gradient {np.round(gradient, 4)}: the absent label is pushed down, gradient {gradient[2]:.4f} "
      f"→ zero as the article says: {verdict('0.0000', gradient[2])}")
