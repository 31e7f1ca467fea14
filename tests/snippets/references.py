"""Independent references for the loss tests: 50-digit mpmath formulas and PyTorch autograd.

Nothing here imports :mod:`snippets`. Each mpmath formula is written from its definition, with the complements
1 − σ(z) and 1 − p_t formed directly (σ(−z), Σ_{j≠c} p_j) so that 50 digits are enough even for logits of ±1e4.
"""

from __future__ import annotations

import mpmath
import numpy as np

from tests.frameworks import require

DIGITS = 50


def mp_sigmoid(z):
    return 1 / (1 + mpmath.exp(-z))


def mp_log_sigmoid(z):
    return -mpmath.log1p(mpmath.exp(-z))


def mp_bce_logits(z, y, w=1):
    """−[w·y·log σ(z) + (1 − y)·log σ(−z)]."""
    return -(w * y * mp_log_sigmoid(z) + (1 - y) * mp_log_sigmoid(-z))


def mp_sigmoid_focal(z, y, alpha, gamma):
    """α_t (1 − p_t)^γ BCE with 1 − p_t = y·σ(−z) + (1 − y)·σ(z); α_t = 1 when alpha is None."""
    alpha_t = 1 if alpha is None else alpha * y + (1 - alpha) * (1 - y)
    miss = y * mp_sigmoid(-z) + (1 - y) * mp_sigmoid(z)
    return alpha_t * miss ** gamma * mp_bce_logits(z, y)


def mp_softmax_focal(z_row, y_row, alpha_row, gamma):
    """−Σ_c α_c (1 − p_c)^γ y_c log p_c for one example, with 1 − p_c = Σ_{j≠c} p_j."""
    top = max(z_row)
    lse = top + mpmath.log(sum(mpmath.exp(v - top) for v in z_row))
    total = 0
    for c, (z_c, y_c, a_c) in enumerate(zip(z_row, y_row, alpha_row)):
        miss = sum(mpmath.exp(v - lse) for j, v in enumerate(z_row) if j != c)
        total -= a_c * miss ** gamma * y_c * (z_c - lse)
    return total


def elementwise(formula, *arrays, **constants):
    """Apply a formula of mpf numbers to each position of equally shaped arrays; float64 result."""
    with mpmath.workdps(DIGITS):
        constants = {k: v if v is None else mpmath.mpf(v) for k, v in constants.items()}
        columns = [np.asarray(a, dtype=np.float64) for a in np.broadcast_arrays(*arrays)]
        values = [float(formula(*(mpmath.mpf(float(c[i])) for c in columns), **constants))
                  for i in np.ndindex(columns[0].shape)]
    return np.array(values).reshape(columns[0].shape)


def mp_derivative(formula, z, *args, **constants):
    """d formula / dz at each z (other arguments held), by mpmath's high-precision differentiation."""
    def derivative(z_value, *rest, **kw):
        return mpmath.diff(lambda t: formula(t, *rest, **kw), z_value)
    return elementwise(derivative, z, *args, **constants)


def torch_gradient(loss, z, *tensors):
    """Gradient of loss(z, *tensors).sum() with respect to z by PyTorch autograd, in float64."""
    torch = require("torch")
    z = torch.tensor(np.asarray(z, dtype=np.float64), requires_grad=True)
    others = [torch.tensor(np.asarray(t, dtype=np.float64)) for t in tensors]
    loss(z, *others).sum().backward()
    return z.grad.numpy()
