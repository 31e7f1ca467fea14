# The multi-label formula as printed, -Σ y_i log x_i - (1 - y_i) log(1 - x_i), read with the sum over both terms,
# against the binary cross-entropy summed over the C outputs (torch 2.13, float64).
import numpy as np
import torch
import torch.nn.functional as F

from docs_src.companion.matching import verdict

y, x = np.array([1.0, 0.0, 1.0]), np.array([0.9, 0.2, 0.3])
as_printed = -np.sum(y * np.log(x) - (1 - y) * np.log(1 - x))  # the leading minus flips the second term
bracketed = -np.sum(y * np.log(x) + (1 - y) * np.log(1 - x))
torch_sum = F.binary_cross_entropy(torch.tensor(x), torch.tensor(y), reduction="sum").item()
print(f"torch BCE, sum over the 3 outputs: {torch_sum:.4f} nats")
print(f"as printed, -Σ[y log x - (1-y) log(1-x)]: {as_printed:.4f} → {verdict(f'{torch_sum:.4f}', as_printed)}")
print(f"bracketed, -Σ[y log x + (1-y) log(1-x)]: {bracketed:.4f} → {verdict(f'{torch_sum:.4f}', bracketed)}")
for p in (0.1, 0.9):  # one negative output (y = 0): the printed reading's term is +log(1 - x)
    print(f"y = 0, x = {p}: as printed {np.log(1 - p):+.4f}, bracketed {-np.log(1 - p):+.4f}")
