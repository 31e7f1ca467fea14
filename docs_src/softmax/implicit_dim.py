# torch.nn.functional.softmax without dim (torch 2.13): which axis it normalises for inputs of 0 to 4 dimensions,
# and the warning it gives. The snippets mirror makes the same choice, with the same warning.
import warnings

import numpy as np
import torch
import torch.nn.functional as F

from snippets.mirrors import torch as torch_mirror


def with_warnings(f, x):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        return f(x), [f"{w.category.__name__}: {w.message}" for w in caught]


for shape in [(), (5,), (2, 5), (2, 3, 5), (2, 5, 4, 4)]:
    x = torch.randn(shape, generator=torch.Generator().manual_seed(0))
    implicit, torch_warnings = with_warnings(F.softmax, x)
    mirrored, mirror_warnings = with_warnings(torch_mirror.softmax, x.numpy())
    picked = [d for d in range(max(x.dim(), 1)) if torch.equal(implicit, F.softmax(x, dim=d))]
    print(f"{x.dim()}-d {str(tuple(shape)):<14} dim picked: {picked}  "
          f"mirror agrees: {np.allclose(mirrored, implicit.numpy()) and mirror_warnings == torch_warnings}")
print(f"torch {torch.__version__.split('+')[0]}: {torch_warnings[0]}")
