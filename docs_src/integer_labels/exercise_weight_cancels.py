# Class weights rescale examples against each other: if every example has the same class, the weight cancels.
import torch
import torch.nn.functional as F

logits = torch.tensor([[2.0, 0.5, -1.0], [0.0, 1.0, 3.0], [1.0, 1.0, 1.0]])
labels = torch.tensor([1, 1, 1])
for weight in (None, torch.tensor([1.0, 10.0, 1.0])):
    print(f"weight {None if weight is None else weight.tolist()}: mean {F.cross_entropy(logits, labels, weight=weight).item():.4f}, "
          f"sum {F.cross_entropy(logits, labels, weight=weight, reduction='sum').item():.4f}")
