# size_average and reduce in torch 2.13: both default to None; passing either warns and overrides reduction.
# 'elementwise_mean', the name 0.4.1 gave the mean, still works and warns.
import warnings

import torch
import torch.nn as nn

print("size_average  reduce  → reduction   warning")
for size_average in (None, True, False):
    for reduce in (None, True, False):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            loss = nn.CrossEntropyLoss(size_average=size_average, reduce=reduce)
        said = str(caught[0].message) if caught else "(none)"
        print(f"{size_average!s:12}  {reduce!s:6}  → {loss.reduction!r:9}   {said}")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    overridden = nn.CrossEntropyLoss(size_average=False, reduction="mean").reduction
print(f"size_average=False, reduction='mean' → {overridden!r}")
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    old_name = nn.CrossEntropyLoss(reduction="elementwise_mean")
    value = old_name(torch.zeros(2, 3), torch.tensor([0, 1])).item()
print(f"reduction='elementwise_mean' (0.4.1's name): {value:.4f}, warns: {caught[0].message}")
