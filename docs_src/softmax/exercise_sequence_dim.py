import warnings

import numpy as np
import torch
import torch.nn.functional as F

scores = torch.randn(2, 3, 4, generator=torch.Generator().manual_seed(0))  # (batch N, time T, classes K)
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # the deprecation warning is not the point here
    probs = F.softmax(scores)
print(f"sums over the classes (dim=-1): {np.round(probs.sum(dim=-1).double().numpy(), 4).tolist()}")
print(f"sums over the batch (dim=0):    {np.round(probs.sum(dim=0).double().numpy(), 4).tolist()}")
print(f"with dim=-1: {np.round(F.softmax(scores, dim=-1).sum(dim=-1).double().numpy(), 4).tolist()}")
