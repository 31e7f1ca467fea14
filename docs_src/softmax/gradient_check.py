# The gradient of softmax cross-entropy with respect to the logits, three ways: the formula softmax(z) - y,
# central differences in float64 (snippets.gradients) and torch's autograd.
import numpy as np
import torch
import torch.nn.functional as F

from snippets.activations import softmax
from snippets.categorical import softmax_cross_entropy, softmax_cross_entropy_grad
from snippets.gradients import numerical_gradient

z = np.array([2.0, 0.5, -1.0, 0.0])
for y in [np.array([0.0, 1.0, 0.0, 0.0]), np.array([0.1, 0.6, 0.3, 0.0])]:  # one-hot, soft
    formula = softmax(z) - y
    numerical = numerical_gradient(lambda v: softmax_cross_entropy(v, y), z)
    z_torch = torch.tensor(z, requires_grad=True)
    F.cross_entropy(z_torch[None], torch.tensor(y)[None]).backward()
    print(f"y = {y}")
    print(f"  softmax(z) - y            = {np.round(formula, 6)}  (sums to 0: {abs(formula.sum()) < 1e-12})")
    print(f"  central differences       = {np.round(numerical, 6)}")
    print(f"  torch autograd            = {np.round(z_torch.grad.numpy(), 6)}")
    print(f"  softmax_cross_entropy_grad = {np.round(softmax_cross_entropy_grad(z, y), 6)}")
    print(f"  central differences within 1e-9 of the formula: {np.abs(numerical - formula).max() < 1e-9}")
