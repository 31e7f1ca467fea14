# ignore_index (default -100): ignored targets add 0 and leave the denominator of the mean (torch 2.13, nats).
import numpy as np
import torch
import torch.nn.functional as F

from snippets.categorical import softmax_cross_entropy_with_integer_labels
from snippets.reduction import reduce

logits = torch.tensor([[2.0, 0.5, -1.0], [0.0, 1.0, 3.0], [1.0, 1.0, 1.0]])
labels = torch.tensor([0, -100, 1])
print("reduction='none':", F.cross_entropy(logits, labels, reduction="none").numpy().round(4))
print(f"mean: {F.cross_entropy(logits, labels).item():.4f}  sum: {F.cross_entropy(logits, labels, reduction='sum').item():.4f}")
losses = softmax_cross_entropy_with_integer_labels(logits.numpy(), labels.numpy(), ignore_index=-100)
kept = (labels != -100).numpy().astype(float)
print(f"snippets: sum / 2 kept = {float(reduce(losses, 'mean', weights=kept)):.4f}; sum / 3 = {losses.sum() / 3:.4f}")
print("every target ignored:", F.cross_entropy(logits, torch.full((3,), -100)).item())
try:
    F.cross_entropy(logits, torch.tensor([0, -1, 1]))
except IndexError as error:
    print(f"label -1 is not ignored: IndexError: {error}")
