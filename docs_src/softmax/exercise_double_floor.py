import math

import numpy as np
import torch
import torch.nn.functional as F

for K in [2, 10, 1000]:
    perfect = torch.full((1, K), -1e4, dtype=torch.float64)
    perfect[0, 0] = 1e4  # logits of a model that is certain of the true class 0
    double = F.cross_entropy(F.softmax(perfect, dim=1), torch.tensor([0])).item()
    print(f"K = {K:>4}: double softmax loss = {double:.4f}, log(e + K - 1) - 1 = {math.log(math.e + K - 1) - 1:.4f}, "
          f"log K = {math.log(K):.4f} nats")
