# The printed 4.5418e-05 is PyTorch's float32 result; the exact value ln(1 + e^-10 + e^-20) is 4.5401e-05.
import mpmath
import torch
from torch import nn

from docs_src.companion.matching import verdict

y_pred = torch.tensor([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]])
y_true = torch.tensor([0, 2])
exact = float(mpmath.log(1 + mpmath.exp(-10) + mpmath.exp(-20)))
for name, dtype in [("torch 2.13 float32", torch.float32), ("torch 2.13 float64", torch.float64)]:
    ce = nn.CrossEntropyLoss(reduction="none")(y_pred.to(dtype), y_true)
    print(f"{name}: {ce[0].item():.4e}, {ce[1].item():.4e} → {verdict('4.5418e-05', ce[0].item())}, {verdict('1.0986e+00', ce[1].item())}")
print(f"exact (mpmath): {exact:.4e}, ln 3 = {float(mpmath.log(3)):.4e} → {verdict('4.5418e-05', exact)}, {verdict('1.0986e+00', mpmath.log(3))}")
