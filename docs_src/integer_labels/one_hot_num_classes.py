# F.one_hot(labels) takes K from the batch: max(labels) + 1 (torch 2.13).
import torch
import torch.nn.functional as F

K = 4
for labels in ([0, 3, 1], [0, 1, 1], [2, 2, 2]):
    print(f"labels {labels}: F.one_hot shape {tuple(F.one_hot(torch.tensor(labels)).shape)}, "
          f"with num_classes={K}: {tuple(F.one_hot(torch.tensor(labels), num_classes=K).shape)}")
counts = F.one_hot(torch.tensor([0, 1, 1])).sum(dim=0)
print(f"class counts of [0, 1, 1] from F.one_hot: {counts.tolist()} (classes 2 and 3 are missing, not 0)")
try:
    F.one_hot(torch.tensor([0, 4]), num_classes=K)
except RuntimeError as error:
    print(f"label 4 with num_classes={K}: RuntimeError: {error}")
try:
    F.one_hot(torch.tensor([0, -100]))
except RuntimeError as error:
    print(f"label -100 (an ignore_index): RuntimeError: {error}")
