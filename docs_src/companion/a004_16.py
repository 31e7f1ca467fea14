# F.one_hot(y_true) without num_classes takes the number of classes from the largest label in the batch.
import torch
import torch.nn.functional as F
from torch import nn

y_pred = torch.tensor([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]])
for y_true in (torch.tensor([0, 2]), torch.tensor([0, 1])):
    one_hot = F.one_hot(y_true)
    try:
        nn.KLDivLoss(reduction="none")(F.log_softmax(y_pred, dim=-1), one_hot.float())
        outcome = "runs"
    except RuntimeError as error:
        outcome = f"RuntimeError: {str(error)[:60]}"
    print(f"labels {y_true.tolist()}: one_hot shape {tuple(one_hot.shape)}, logits (2, 3) → "
          f"{'match' if one_hot.shape == y_pred.shape else 'no match'}; KLDivLoss {outcome}")
print(f"F.one_hot(y_true, num_classes=3) shape: {tuple(F.one_hot(torch.tensor([0, 1]), num_classes=3).shape)}")
