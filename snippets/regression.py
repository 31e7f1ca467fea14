r"""Squared error, and why it trains a sigmoid classifier badly: its gradient through the sigmoid vanishes.

For a sigmoid output $p = \sigma(z)$ and a label $y$, the loss $\frac{1}{2}(\sigma(z) - y)^2$ has the gradient
$(\sigma(z) - y)\,\sigma(z)\,(1 - \sigma(z))$: it carries the factor $\sigma'(z) = \sigma(z)(1 - \sigma(z))$, which
is about 0 wherever the sigmoid saturates, also when the prediction is confidently wrong. Binary cross-entropy has
the gradient $\sigma(z) - y$, which is about $\pm 1$ there
([`sigmoid_binary_cross_entropy_grad`][snippets.binary.sigmoid_binary_cross_entropy_grad]), so the worst mistakes
are corrected fastest.
"""

from __future__ import annotations

import numpy as np

from snippets._checks import as_float_array, as_logits_and_labels, check_axis, check_same_shape
from snippets.activations import log_sigmoid
from snippets.binary import sigmoid_binary_cross_entropy_grad


def mean_squared_error(predictions, targets, *, axis: int = -1):
    r"""Mean squared error along `axis`, like `keras.losses.mean_squared_error` (mean over the last axis).

    $$\operatorname{MSE}(\hat y, y) = \frac{1}{n} \sum_{i=1}^{n} (\hat y_i - y_i)^2$$

    over the $n$ entries along `axis`.

    Args:
        predictions: predicted values $\hat y$, at least one dimension.
        targets: true values $y$, the shape of `predictions`.
        axis: the axis to average over.

    Returns:
        $\operatorname{MSE} \ge 0$ per example: the shape of `predictions` without `axis`, their floating dtype.

    Reference:
        https://keras.io/api/losses/regression_losses/#meansquarederror-function

    Examples:
        >>> mean_squared_error([[1.0, 2.0], [3.0, 4.0]], [[0.0, 0.0], [0.0, 0.0]])
        array([ 2.5, 12.5])
    """
    predictions = as_float_array(predictions, "predictions")
    targets = as_float_array(targets, "targets")
    check_same_shape(predictions, targets, "predictions", "targets")
    axis = check_axis(predictions, axis, "predictions")
    if predictions.shape[axis] == 0:
        raise ValueError(f"the mean along axis {axis} needs at least one entry, got shape {predictions.shape}")
    return np.square(predictions - targets).mean(axis=axis)


def mean_squared_error_through_sigmoid_grad(logits, labels):
    r"""Gradient with respect to the logit of the squared error of a sigmoid output, element-wise.

    $$\ell(z, y) = \tfrac{1}{2} (\sigma(z) - y)^2, \qquad
    \frac{\partial \ell}{\partial z} = (\sigma(z) - y)\, \sigma(z)\, (1 - \sigma(z))$$

    The $\frac{1}{2}$ makes the gradient the error times $\sigma'(z)$. Evaluated as
    $\big((1 - y)\,\sigma(z) - y\,\sigma(-z)\big) \exp\big(\log \sigma(z) + \log \sigma(-z)\big)$, accurate in both
    tails. For a confidently wrong prediction ($y = 1$, $z = -10$) it is about $-4.5 \cdot 10^{-5}$, where binary
    cross-entropy's $\sigma(z) - y$ is about $-1$.

    Args:
        logits: real scores $z$, any shape.
        labels: targets in $[0, 1]$, the shape of `logits`.

    Returns:
        $\partial \ell / \partial z$, the shape of `logits`, dtype that of `logits` and float `labels` together.

    Examples:
        >>> grad = mean_squared_error_through_sigmoid_grad([0.0, -10.0], [1, 1])
        >>> [round(float(g), 6) for g in grad]
        [-0.125, -4.5e-05]
    """
    z, y = as_logits_and_labels(logits, labels)
    error = sigmoid_binary_cross_entropy_grad(z, y)  # σ(z) − y, computed as (1 − y)·σ(z) − y·σ(−z)
    return error * np.exp(log_sigmoid(z) + log_sigmoid(-z))
