# An accidental double softmax: the model already ends in softmax, and its probabilities p are passed to a loss
# that applies softmax again (torch's cross_entropy). K = 10 classes, logits z = (m, 0, ..., 0).
import math

import numpy as np
import torch
import torch.nn.functional as F

from snippets.activations import softmax
from snippets.categorical import softmax_cross_entropy
from snippets.gradients import numerical_gradient

K = 10
print(f"smallest possible loss, p one-hot on the true class: log(e + K - 1) - 1 = {math.log(math.e + K - 1) - 1:.4f} nats")
print(f"largest possible loss, p one-hot on a wrong class:   log(e + K - 1)     = {math.log(math.e + K - 1):.4f} nats")
print(" margin m | true class | CE: loss    |grad|   | double softmax: loss    |grad|")
for m in [0.0, 2.0, 5.0, 10.0, 20.0]:
    for true, name in [(0, "right"), (1, "wrong")]:
        z = torch.zeros(1, K, dtype=torch.float64)
        z[0, 0] = m
        z.requires_grad_(True)
        rows = []
        for probabilities in [lambda v: v, lambda v: F.softmax(v, dim=1)]:  # logits as meant / probabilities
            loss = F.cross_entropy(probabilities(z), torch.tensor([true]))
            (grad,) = torch.autograd.grad(loss, z)
            rows.append((loss.item(), grad.norm().item()))
        print(f" {m:>8} | {name:<10} | {rows[0][0]:9.4f} {rows[0][1]:8.1e} | {rows[1][0]:21.4f} {rows[1][1]:8.1e}")

# The same with snippets: softmax cross-entropy of softmax(z), its gradient by central differences (float64).
z, y = np.zeros(K), np.eye(K)[1]
z[0] = 10.0
double = lambda v: softmax_cross_entropy(softmax(v), y)
print(f"snippets, m = 10, wrong: loss = {float(double(z)):.4f} nats, |grad| = {np.linalg.norm(numerical_gradient(double, z)):.1e}")
