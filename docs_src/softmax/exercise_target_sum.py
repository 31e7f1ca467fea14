import numpy as np
import torch
import torch.nn.functional as F

from snippets.activations import softmax
from snippets.categorical import softmax_cross_entropy

z = np.array([2.0, 0.5, -1.0])
y = np.array([1.0, 1.0, 0.0])  # two classes marked "present": not a distribution, it sums to 2
z_torch = torch.tensor(z, requires_grad=True)
loss = F.cross_entropy(z_torch[None], torch.tensor(y)[None])
loss.backward()
print(f"torch loss = {loss.item():.4f} nats, gradient = {np.round(z_torch.grad.numpy(), 4)}")
print(f"softmax(z) - y              = {np.round(softmax(z) - y, 4)}")
print(f"sum(y) * softmax(z) - y     = {np.round(y.sum() * softmax(z) - y, 4)}")
try:
    softmax_cross_entropy(z, y)
except ValueError as error:
    print(f"snippets: ValueError: {error}")
