# One positive in ten, pos_weight w: the constant prediction p that minimises the mean weighted BCE.
import numpy as np
import torch

from snippets.activations import sigmoid
from snippets.binary import sigmoid_binary_cross_entropy

y = np.array([1.0] + [0.0] * 9)  # fraction of positives π = 0.1
pi = y.mean()
z = np.linspace(-6, 6, 120_001)  # candidate constant logits, step 1e-4
for w in [1.0, 9.0]:
    mean_loss = [sigmoid_binary_cross_entropy(np.full_like(y, c), y, pos_weight=w).mean() for c in z[::100]]
    coarse = z[::100][np.argmin(mean_loss)]  # then refine around the coarse minimum
    fine = z[np.abs(z - coarse) <= 0.01]
    best = fine[np.argmin([sigmoid_binary_cross_entropy(np.full_like(y, c), y, pos_weight=w).mean() for c in fine])]
    torch_loss = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor(w))(torch.full((10,), float(best)), torch.tensor(y))
    print(f"pos_weight {w}: best constant p = {sigmoid(best):.4f}, closed form w·π / (w·π + 1 - π) = "
          f"{w * pi / (w * pi + 1 - pi):.4f}; loss there {sigmoid_binary_cross_entropy(np.full_like(y, best), y, pos_weight=w).mean():.4f} nats "
          f"(torch {torch_loss.item():.4f})")
