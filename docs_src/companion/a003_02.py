# Per-element sigmoid: the largest output is the predicted class of a single-label problem, not a multi-label answer.
import numpy as np

from snippets.activations import sigmoid

z = np.array([2.0, 0.5, -1.0])
x = sigmoid(z)
print(f"z = {z}, sigmoid(z) = {np.round(x, 4)}")
same = "match" if np.argmax(x) == np.argmax(z) else "no match"
print(f"single label: argmax sigmoid(z) = {np.argmax(x)}, argmax z = {np.argmax(z)} → {same}")
labels = {0, 1}  # a multi-label example: classes 0 and 1 both present
by_max, by_threshold = {int(np.argmax(x))}, {int(i) for i in np.flatnonzero(x >= 0.5)}
print(f"multi-label, labels {sorted(labels)}: largest element {sorted(by_max)}"
      f" → {'match' if by_max == labels else 'no match'}; every sigmoid(z) >= 0.5 {sorted(by_threshold)}"
      f" → {'match' if by_threshold == labels else 'no match'}")
