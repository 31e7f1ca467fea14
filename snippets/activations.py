"""Numerically stable activations: sigmoid, log-sigmoid, softmax, log-softmax and log-sum-exp.

Every function accepts any real input, including ±1e4 in float32, and returns a finite result of the input's
floating dtype (integers are computed in float64). None of them takes the logarithm of a probability.
"""

from __future__ import annotations

import numpy as np

from snippets._checks import as_float_array, check_axis


def sigmoid(x):
    r"""Logistic sigmoid, element-wise.

    $$\sigma(x) = \frac{1}{1 + e^{-x}} = \frac{e^x}{1 + e^x}$$

    Evaluated with $e = e^{-|x|} \in (0, 1]$ as $1 / (1 + e)$ for $x \ge 0$ and $e / (1 + e)$ for $x < 0$: no
    overflow, and full relative precision in both tails ($\sigma(-20)$ is about 2e-9, not 0, in float32).

    Args:
        x: array of any shape.

    Returns:
        $\sigma(x)$, same shape and floating dtype as `x`.

    Examples:
        >>> float(sigmoid(0.0))
        0.5
    """
    x = as_float_array(x, "x")
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0, e) / (1.0 + e)


def log_sigmoid(x):
    r"""Logarithm of the sigmoid, element-wise.

    $$\log \sigma(x) = -\log(1 + e^{-x}) = -\operatorname{softplus}(-x) = \min(x, 0) - \log(1 + e^{-|x|})$$

    The right-hand form has no overflow and no $\log 0$: it is about $x$ for very negative $x$ and about
    $-e^{-x}$ for very positive $x$. Use `log_sigmoid(-x)` for $\log(1 - \sigma(x))$.

    Args:
        x: array of any shape.

    Returns:
        $\log \sigma(x) \le 0$, same shape and floating dtype as `x`.

    Examples:
        >>> round(float(log_sigmoid(0.0)), 6)
        -0.693147
    """
    x = as_float_array(x, "x")
    return np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))


def _max_and_log_sum(x: np.ndarray, axis: int) -> tuple[np.ndarray, np.ndarray]:
    """m = max_j x_j and log Σ_j e^(x_j − m) along ``axis`` (kept with size 1), the latter to full precision.

    The maximum's own term is exactly e^0 = 1, so the sum is 1 + s with s the sum over the other entries, and
    log1p(s) keeps s even when it is far below float epsilon (log(1 + s) would round it away).
    """
    if x.shape[axis] == 0:
        raise ValueError(f"need at least one entry along axis {axis}, got shape {x.shape}")
    m = x.max(axis=axis, keepdims=True)
    finite_m = np.where(np.isfinite(m), m, 0)  # a row of −inf (or with +inf): the where() below gives the limit
    e = np.exp(x - finite_m)
    np.put_along_axis(e, x.argmax(axis=axis, keepdims=True), 0, axis=axis)  # drop the max's own term, 1
    return m, np.where(np.isfinite(m), np.log1p(e.sum(axis=axis, keepdims=True)), 0)


def logsumexp(x, axis: int = -1, keepdims: bool = False):
    r"""Log of the sum of exponentials along `axis`.

    $$\operatorname{logsumexp}(x) = \log \sum_j e^{x_j} = m + \operatorname{log1p}\Big(\sum_{j \ne k} e^{x_j - m}\Big),
    \qquad m = x_k = \max_j x_j$$

    Subtracting the maximum keeps every exponent $\le 0$, so nothing overflows; the maximum's own term is exactly
    1, and log1p of the rest keeps full precision when the other entries are far below the maximum.

    Args:
        x: array with at least one dimension.
        axis: the axis to reduce.
        keepdims: keep the reduced axis with size 1.

    Returns:
        Array of `x`'s floating dtype with `axis` removed (or kept with size 1).

    Examples:
        >>> round(float(logsumexp([0.0, 0.0])), 6)
        0.693147
    """
    x = as_float_array(x, "x")
    axis = check_axis(x, axis, "x")
    m, log_sum = _max_and_log_sum(x, axis)
    out = m + log_sum
    return out if keepdims else np.squeeze(out, axis=axis)


def log_softmax(x, axis: int = -1):
    r"""Logarithm of the softmax along `axis`.

    $$\log \operatorname{softmax}(x)_i = x_i - \operatorname{logsumexp}(x)
    = (x_i - m) - \operatorname{log1p}\Big(\sum_{j \ne k} e^{x_j - m}\Big), \qquad m = x_k = \max_j x_j$$

    Subtracting $m$ before adding the log of the sum keeps float32 precision for large logits: for `[512, 512]`
    the direct $x - \operatorname{logsumexp}(x)$ is off by about $512\,\varepsilon$.

    Args:
        x: array with at least one dimension.
        axis: the class axis.

    Returns:
        Log-probabilities, same shape and floating dtype as `x`; `exp` of them sums to 1 along `axis`.

    Examples:
        >>> np.round(log_softmax([0.0, 0.0]), 6)
        array([-0.693147, -0.693147])
    """
    x = as_float_array(x, "x")
    axis = check_axis(x, axis, "x")
    m, log_sum = _max_and_log_sum(x, axis)
    return (x - m) - log_sum


def softmax(x, axis: int = -1):
    r"""Softmax along `axis`.

    $$\operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}} = \frac{e^{x_i - m}}{\sum_j e^{x_j - m}},
    \qquad m = \max_j x_j$$

    Args:
        x: array with at least one dimension.
        axis: the class axis.

    Returns:
        Probabilities in $[0, 1]$ that sum to 1 along `axis`, same shape and floating dtype as `x`.

    Examples:
        >>> softmax([1.0, 1.0, 1.0, 1.0])
        array([0.25, 0.25, 0.25, 0.25])
    """
    x = as_float_array(x, "x")
    axis = check_axis(x, axis, "x")
    if x.shape[axis] == 0:
        raise ValueError(f"softmax needs at least one entry along axis {axis}, got shape {x.shape}")
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)
