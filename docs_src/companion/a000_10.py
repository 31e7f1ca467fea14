# Two classes are C = 2: the cross-entropy of (f, 1 - f) is BCE. With C = 1 the softmax output is 1 and the loss 0.
import numpy as np

from docs_src.companion.matching import verdict
from snippets.activations import softmax
from snippets.information import cross_entropy

f, y = 0.3, 1.0
two_classes = float(cross_entropy([y, 1 - y], [f, 1 - f]))
bce = -(y * np.log(f) + (1 - y) * np.log(1 - f))
print(f"classes in a binary problem: 2; the article's C = 1 → {verdict('1', 2)}")
print(f"C = 2: H((y, 1-y), (f, 1-f)) = {two_classes:.4f}, BCE = {bce:.4f} nats → {verdict(f'{bce:.4f}', two_classes)}")
for z in (-3.0, 0.0, 3.0):
    q = softmax(np.array([z]))
    print(f"C = 1: logit {z:4}: softmax {q[0]:.1f}, loss -ln q = {-np.log(q[0]) + 0.0:.1f} nats")
