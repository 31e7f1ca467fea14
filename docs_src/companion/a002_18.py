# x_input = torch.randn(3, 3) without a seed; what the printed 4-decimal inputs still reproduce (torch 2.13, float32).
from itertools import product

import numpy as np
import torch
import torch.nn as nn

from docs_src.companion.matching import verdict

printed_x = [[-0.5215, -0.4240, 0.8907], [-0.2820, 0.0445, 1.3734], [-1.0393, 0.8725, 0.1539]]
printed_soft = [[0.1611, 0.1776, 0.6613], [0.1312, 0.1819, 0.6869], [0.0904, 0.6115, 0.2981]]
printed_logsoft = [[-1.8258, -1.7282, -0.4135], [-2.0309, -1.7044, -0.3756], [-2.4036, -0.4918, -1.2104]]

found = []
for seed in range(1000):
    torch.manual_seed(seed)
    if torch.allclose(torch.randn(3, 3), torch.tensor(printed_x), atol=5e-5):
        found.append(seed)
print(f"torch.manual_seed(0 … 999) then randn(3, 3) prints the article's x_input: {found or 'none'}")

x, y = torch.tensor(printed_x), torch.tensor([1, 2, 0])
soft, logsoft = nn.Softmax(dim=1)(x), nn.LogSoftmax(dim=1)(x)
soft_hits = [verdict(f"{a:.4f}", b) for a, b in zip(np.ravel(printed_soft), soft.flatten().tolist())]
print(f"soft_output from the printed x_input: {soft_hits.count('match')} of 9 digits → "
      f"{'match' if soft_hits.count('match') == 9 else 'no match'}")


def reachable(i, j):
    """Range of log_softmax(x)[i, j] over inputs within ±0.00005 of the printed x_input (it is monotone in each)."""
    row = np.array(printed_x[i], dtype=np.float64)
    values = []
    for signs in product([-1, 1], repeat=3):
        z = row + 5e-5 * np.array(signs)
        values.append(z[j] - np.log(np.exp(z).sum()))
    return min(values), max(values)


for (i, j), printed in np.ndenumerate(np.array(printed_logsoft)):
    value = float(logsoft[i, j])
    if verdict(f"{printed:.4f}", value) == "no match":
        low, high = reachable(i, j)
        nearest = min(max(printed, low), high)
        print(f"logsoftmax_output[{i}, {j}]: article {printed:.4f}, from the printed inputs {value:.4f} → no match; "
              f"inputs within their rounding reach [{low:.5f}, {high:.5f}] → {verdict(f'{printed:.4f}', nearest)}")
nll, ce = float(nn.NLLLoss()(logsoft, y)), float(nn.CrossEntropyLoss()(x, y))
print(f"NLLLoss article 1.5025, torch 2.13 {nll:.6f} → {verdict('1.5025', nll)}; "
      f"CrossEntropyLoss article 1.5025, torch 2.13 {ce:.6f} → {verdict('1.5025', ce)}")
