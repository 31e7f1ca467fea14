# One probability ŷ per example comes from a sigmoid; a softmax over that single logit is always 1.
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import sigmoid, softmax

z = 1.3
sig = float(sigmoid(z))
print(f"sigmoid({z}) = {sig:.4f}")
print(f"softmax([{z}]) = {float(softmax(np.array([z]))[0]):.4f} → {verdict(f'{sig:.4f}', softmax(np.array([z]))[0])}")
print(f"softmax([{z}, 0])[0] = {float(softmax(np.array([z, 0.0]))[0]):.4f} → {verdict(f'{sig:.4f}', softmax(np.array([z, 0.0]))[0])}")
