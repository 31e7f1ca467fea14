# Sequence logits (N, T, C) passed without the transpose: an error when T != C, a silent wrong number when T == C.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
N, T, C = 2, 3, 3
logits = torch.randn(N, T, C)
labels = torch.randint(0, C, (N, T))
right = F.cross_entropy(logits.transpose(1, 2), labels)
wrong = F.cross_entropy(logits, labels)  # softmax over the T axis, labels read as positions
print(f"transposed: {right.item():.4f}   as given: {wrong.item():.4f}   (no error, T = C = {C})")
