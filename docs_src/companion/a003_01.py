# The activation as its own layer, then the log of its output, against the loss computed from the logits
# (torch 2.13, float32).
import torch
import torch.nn.functional as F

from docs_src.companion.matching import verdict

z, y = torch.tensor([-200.0], requires_grad=True), torch.tensor([1.0])
x = torch.sigmoid(z)  # σ(−200) underflows to 0 in float32
separate = F.binary_cross_entropy(x, y)  # log 0 = −inf, floored at −100 by torch
separate.backward()
grad_separate, z.grad = z.grad.item() + 0.0, None
fused = F.binary_cross_entropy_with_logits(z, y)  # softplus(−z): the sigmoid inside the loss
fused.backward()
print(f"sigmoid: exact -log σ(-200) = {fused.item():.1f} nats, gradient {z.grad.item():.1f}")
print(f"  sigmoid layer + BCELoss: {separate.item():.1f} nats, gradient {grad_separate:.1f}"
      f" → {verdict(f'{fused.item():.1f}', separate.item())}")

logits, label = torch.tensor([[0.0, 200.0]]), torch.tensor([0])
q = torch.softmax(logits, dim=1)  # [0, 1] in float32
separate = -torch.log(q[0, 0]).item()
fused = F.cross_entropy(logits, label).item()  # log-softmax inside the loss
print(f"softmax: exact -log softmax(z)_0 = {fused:.1f} nats")
print(f"  softmax layer + log: {separate} → {verdict(f'{fused:.1f}', separate)}")
