# torch 2.13: KLDivLoss (summed over classes) equals CrossEntropyLoss for one-hot targets only; with smoothed targets
# they differ by the targets' entropy H(t) (nats, float64).
import torch
import torch.nn.functional as F
from torch import nn

from docs_src.companion.matching import verdict

logits = torch.tensor([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]], dtype=torch.float64)
labels = torch.tensor([0, 2])
log_q = F.log_softmax(logits, dim=-1)
for alpha in (0.0, 0.1):
    targets = F.one_hot(labels, num_classes=3).double() * (1 - alpha) + alpha / 3
    ce = nn.CrossEntropyLoss(reduction="none", label_smoothing=alpha)(logits, labels)
    kl = nn.KLDivLoss(reduction="none")(log_q, targets).sum(dim=-1)
    h = -(targets * targets.log()).nan_to_num().sum(dim=-1) + 0.0  # 0 log 0 = 0
    print(f"label_smoothing={alpha}: CE {[f'{v:.4f}' for v in ce.tolist()]}, KL {[f'{v:.4f}' for v in kl.tolist()]}")
    print(f"  KL = CE: {verdict(f'{ce[1]:.4f}', kl[1])}; CE - KL = H(t) = {h[1]:.4f}: {verdict(f'{h[1]:.4f}', ce[1] - kl[1])}")
