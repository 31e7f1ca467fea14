"""Numerical gradients by central differences, to check analytic gradients against."""

from __future__ import annotations

import numpy as np

from snippets._checks import as_float_array, check_number


def numerical_gradient(f, x, *, eps: float = 1e-6):
    r"""Gradient of the scalar function `f` at `x` by central differences, in float64.

    $$\frac{\partial f}{\partial x_i} \approx \frac{f(x + \varepsilon e_i) - f(x - \varepsilon e_i)}{2 \varepsilon}$$

    The error is $O(\varepsilon^2)$ from truncation plus about $10^{-16} |f| / \varepsilon$ from rounding: with
    the default $\varepsilon = 10^{-6}$, a few $10^{-10} |f|$ for a smooth $f$ of order-1 derivatives. `x` is
    copied to float64 and `f` is called `2 * x.size` times, so this is for small arrays (tests), not for training.

    Args:
        f: function of an array of the shape of `x` returning a scalar (a Python or numpy number, or 0-d array).
        x: the point, any shape.
        eps: the step $\varepsilon > 0$.

    Returns:
        The gradient, float64 of the shape of `x`.

    Raises:
        ValueError: if `f` is not callable or returns an array, or `eps` is not a number $> 0$.

    Examples:
        >>> np.round(numerical_gradient(lambda v: (v ** 2).sum(), [1.0, -2.0]), 6)
        array([ 2., -4.])
    """
    if not callable(f):
        raise ValueError(f"f must be a callable returning a scalar, got {type(f).__name__}")
    eps = check_number(eps, "eps")
    if eps <= 0:
        raise ValueError(f"eps must be > 0, got {eps}")
    point = as_float_array(x, "x").astype(np.float64)
    gradient = np.empty_like(point)
    for index in np.ndindex(point.shape):
        saved = point[index]
        point[index] = saved + eps
        above = _scalar(f(point))
        point[index] = saved - eps
        below = _scalar(f(point))
        point[index] = saved
        gradient[index] = (above - below) / (2 * eps)
    return gradient


def _scalar(value) -> float:
    if np.ndim(value) != 0:
        raise ValueError(f"f must return a scalar, got an array of shape {np.shape(value)}")
    return float(value)
