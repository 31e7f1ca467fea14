# Probability targets (float, the logits' shape): -Σ_c w_c t_c log q_c per example, and the mean divides by N
# even with weights; ignore_index is refused (torch 2.13, nats).
import numpy as np
import torch
import torch.nn.functional as F

logits = torch.tensor([[2.0, 0.5, -1.0], [0.0, 1.0, 3.0]], dtype=torch.float64)
targets = torch.tensor([[0.7, 0.2, 0.1], [0.0, 0.0, 1.0]], dtype=torch.float64)
w = torch.tensor([1.0, 4.0, 0.5], dtype=torch.float64)
log_q = F.log_softmax(logits, dim=1)
per_example = -(w * targets * log_q).sum(dim=1)
print("reduction='none':", F.cross_entropy(logits, targets, weight=w, reduction="none").numpy().round(4),
      " -Σ w t log q:", per_example.numpy().round(4))
print(f"mean: {F.cross_entropy(logits, targets, weight=w).item():.4f} = sum / N {per_example.sum().item() / 2:.4f}")
try:
    F.cross_entropy(logits, targets, ignore_index=0)
except RuntimeError as error:
    print(f"ignore_index=0: RuntimeError: {error}")
try:
    F.nll_loss(log_q, targets)
except RuntimeError as error:
    print(f"nll_loss with probability targets: RuntimeError: {error}")
