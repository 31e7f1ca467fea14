# torch 2.13: KLDivLoss of soft targets t, summed over classes, is CE minus H(t): the extra term is -H(t) (nats).
import torch
import torch.nn.functional as F
from torch import nn

from docs_src.companion.matching import verdict

logits = torch.tensor([[10.0, 0.0, -10.0]], dtype=torch.float64)
t = torch.tensor([[0.8, 0.1, 0.1]], dtype=torch.float64)
log_q = F.log_softmax(logits, dim=-1)
kl = nn.KLDivLoss(reduction="sum")(log_q, t).item()
ce = nn.CrossEntropyLoss()(logits, t).item()  # probability targets (PyTorch ≥ 1.10)
h = -(t * t.log()).sum().item()
print(f"KLDivLoss {kl:.4f}, CrossEntropyLoss {ce:.4f}, H(t) {h:.4f} nats; KLDivLoss - CE = {kl - ce:.4f}")
print(f"extra term = +H(t): {verdict(f'{h:.4f}', kl - ce)}; extra term = -H(t): {verdict(f'{-h:.4f}', kl - ce)}")
