# Independent outputs (multi-label) are something one softmax cannot express: why BCE is not just a faster CE.
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import sigmoid, softmax

logits = np.array([3.0, 3.0, -3.0])  # labels 1 and 2 present, label 3 absent
independent, one_distribution = sigmoid(logits), softmax(logits)
print(f"sigmoid per output {np.round(independent, 4)} (sum {independent.sum():.4f})")
print(f"softmax over outputs {np.round(one_distribution, 4)} (sum {one_distribution.sum():.4f})")
print(f"softmax can give both present labels 0.95: {verdict('0.95', one_distribution[0])}")
