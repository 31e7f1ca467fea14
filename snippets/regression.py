"""Squared error, and why it trains a sigmoid classifier badly: its gradient through the sigmoid vanishes.

For a sigmoid output p = σ(z) and a label y, the loss ½(σ(z) − y)² has the gradient (σ(z) − y)·σ(z)·(1 − σ(z)):
it carries the factor σ'(z) = σ(z)(1 − σ(z)), which is about 0 wherever the sigmoid saturates, also when the
prediction is confidently wrong. Binary cross-entropy has the gradient σ(z) − y, which is about ±1 there
(:func:`snippets.binary.sigmoid_binary_cross_entropy_grad`), so the worst mistakes are corrected fastest.
"""

from __future__ import annotations

import numpy as np

from snippets._checks import as_float_array, as_logits_and_labels, check_axis, check_same_shape
from snippets.activations import log_sigmoid
from snippets.binary import sigmoid_binary_cross_entropy_grad


def mean_squared_error(predictions, targets, *, axis: int = -1):
    """Mean squared error along ``axis``, like ``keras.losses.mean_squared_error`` (mean over the last axis).

    MSE(ŷ, y) = (1/n) · Σ_i (ŷ_i − y_i)²   over the n entries along ``axis``

    Args:
        predictions: predicted values ŷ, at least one dimension.
        targets: true values y, the shape of ``predictions``.
        axis: the axis to average over.

    Returns:
        MSE ≥ 0 per example: the shape of ``predictions`` without ``axis``, their floating dtype.

    Reference:
        https://keras.io/api/losses/regression_losses/#meansquarederror-function

    Example:
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
    """Gradient with respect to the logit of the squared error of a sigmoid output, element-wise.

    ℓ(z, y) = ½ · (σ(z) − y)²,   ∂ℓ/∂z = (σ(z) − y) · σ(z) · (1 − σ(z))

    The ½ makes the gradient the error times σ'(z). Evaluated as ((1 − y)·σ(z) − y·σ(−z)) · exp(log σ(z) +
    log σ(−z)), accurate in both tails. For a confidently wrong prediction (y = 1, z = −10) it is about
    −4.5e-5, where binary cross-entropy's σ(z) − y is about −1.

    Args:
        logits: real scores z, any shape.
        labels: targets in [0, 1], the shape of ``logits``.

    Returns:
        ∂ℓ/∂z, the shape of ``logits``, dtype that of ``logits`` and float ``labels`` together.

    Example:
        >>> grad = mean_squared_error_through_sigmoid_grad([0.0, -10.0], [1, 1])
        >>> [round(float(g), 6) for g in grad]
        [-0.125, -4.5e-05]
    """
    z, y = as_logits_and_labels(logits, labels)
    error = sigmoid_binary_cross_entropy_grad(z, y)  # σ(z) − y, computed as (1 − y)·σ(z) − y·σ(−z)
    return error * np.exp(log_sigmoid(z) + log_sigmoid(-z))
