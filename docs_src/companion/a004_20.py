# F.softmax without dim: torch 2.13 warns and picks dim=1 for a 2-D input; the printed zeros hold for any input.
import warnings

import torch
import torch.nn.functional as F
from torch import nn

x = torch.randn(2, 3, generator=torch.Generator().manual_seed(0))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    a = F.softmax(x)
print(f"warning: {caught[0].category.__name__}: {str(caught[0].message)[:58]}")
same = torch.equal(a, F.softmax(x, dim=-1))
print(f"implicit dim equals dim=-1 here: {'match' if same else 'no match'}")
zeros = nn.KLDivLoss(reduction="none")(torch.log(a), a)
print(f"KLDivLoss(log a, a) all zero: {'match' if torch.count_nonzero(zeros) == 0 else 'no match'}")
