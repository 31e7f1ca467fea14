# torch 2.13: KLDivLoss's default reduction "mean" divides by every element (N·K), not by the batch size N.
import warnings

import torch
import torch.nn.functional as F
from torch import nn

from docs_src.companion.matching import verdict

y_pred = torch.tensor([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]], dtype=torch.float64)
y_true = torch.tensor([0, 2])
log_q, one_hot = F.log_softmax(y_pred, dim=-1), F.one_hot(y_true, num_classes=3).double()
ce = nn.CrossEntropyLoss()(y_pred, y_true).item()  # default: mean over the batch
print(f"CrossEntropyLoss() = {ce:.4f} nats")
for reduction in ("mean", "batchmean", "sum"):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        kl = nn.KLDivLoss(reduction=reduction)(log_q, one_hot).item()
    note = " (UserWarning: 'mean' divides ... by both the batch size and the support size)" if caught else ""
    print(f'KLDivLoss(reduction="{reduction}") = {kl:.4f} → {verdict(f"{ce:.4f}", kl)}{note}')
