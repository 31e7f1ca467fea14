# The article's "cross-entropy" (a sum of per-class binary cross-entropies) against -Σ y_i log f_i, 10 classes.
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import softmax
from snippets.information import cross_entropy

y = np.eye(10)[3]  # MNIST-like: the label is the digit 3
f = softmax(np.array([0.2, -1.0, 0.5, 2.0, 0.0, -0.3, 1.1, 0.4, -2.0, 0.7]))
article = -np.sum(y * np.log(f) + (1 - y) * np.log(1 - f))
categorical = float(cross_entropy(y, f))
print(f"article's formula {article:.4f} nats, categorical cross-entropy -ln f_3 {categorical:.4f} nats "
      f"→ {verdict(f'{categorical:.4f}', article)}")
