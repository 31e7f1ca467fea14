# One sigmoid unit with binary cross-entropy and two softmax units with cross-entropy on the logits [z, 0]:
# the same losses and, for z, the same gradient, also at extreme logits (torch 2.13, float32).
import torch
import torch.nn.functional as F

z = torch.tensor([-100.0, -3.0, 0.0, 1.5, 100.0], requires_grad=True)
y = torch.tensor([1.0, 0.3, 0.5, 0.0, 0.0])  # probability of the first class; soft labels allowed

bce = F.binary_cross_entropy_with_logits(z, y, reduction="none")
two_logits = torch.stack([z, torch.zeros_like(z)], dim=1)  # [z, 0]
two_targets = torch.stack([y, 1 - y], dim=1)  # [y, 1 - y]
ce = F.cross_entropy(two_logits, two_targets, reduction="none")
(grad_bce,) = torch.autograd.grad(bce.sum(), z)
(grad_ce,) = torch.autograd.grad(ce.sum(), z)
print(f"z                     = {z.tolist()}")
print(f"BCE with logits       = {[round(v, 4) for v in bce.tolist()]} nats")
print(f"CE on [z, 0]          = {[round(v, 4) for v in ce.tolist()]} nats")
print(f"d BCE / dz            = {[round(v, 4) for v in grad_bce.tolist()]}")
print(f"d CE / dz             = {[round(v, 4) for v in grad_ce.tolist()]}")
print(f"sigmoid(z) - y        = {[round(v, 4) for v in (torch.sigmoid(z) - y).tolist()]}")
shifted = F.cross_entropy(two_logits + 7.0, two_targets, reduction="none")  # [z + 7, 7]: only z - 0 counts
print(f"CE on [z + 7, 7]      = {[round(v, 4) for v in shifted.tolist()]} nats")
