# weight=w: the mean divides by the total weight of the examples' classes, Σ w[y], not by N (torch 2.13, nats).
import numpy as np
import torch
import torch.nn.functional as F

from snippets.categorical import softmax_cross_entropy_with_integer_labels
from snippets.reduction import reduce

logits = np.array([[2.0, 0.5, -1.0], [0.0, 1.0, 3.0], [1.0, 1.0, 1.0]])
labels = np.array([0, 2, 1])
w = np.array([1.0, 4.0, 0.5])  # one weight per class
losses = softmax_cross_entropy_with_integer_labels(logits, labels)
z, y, wt = torch.tensor(logits), torch.tensor(labels), torch.tensor(w)
print("per example, reduction='none':", F.cross_entropy(z, y, weight=wt, reduction="none").numpy().round(4),
      "= w[y] * loss:", (w[labels] * losses).round(4))
print(f"torch mean:              {F.cross_entropy(z, y, weight=wt).item():.4f}")
print(f"Σ w[y] loss / Σ w[y]:    {np.sum(w[labels] * losses) / np.sum(w[labels]):.4f}   (Σ w[y] = {np.sum(w[labels])})")
print(f"Σ w[y] loss / N:         {np.sum(w[labels] * losses) / len(labels):.4f}")
print(f"snippets reduce(losses, 'mean', weights=w[y]): {float(reduce(losses, 'mean', weights=w[labels])):.4f}")
