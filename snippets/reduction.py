"""Reduction of per-example losses to the number an optimiser minimises: mean, sum or none, optionally weighted."""

from __future__ import annotations

import numpy as np

from snippets._checks import as_float_array, check_same_shape

REDUCTIONS = ("mean", "sum", "none")


def reduce(losses, reduction: str = "mean", *, weights=None):
    r"""Reduce per-example losses: their (weighted) mean, their (weighted) sum, or the losses themselves.

    $$\text{mean} = \frac{\sum_i w_i \ell_i}{\sum_i w_i}, \qquad \text{sum} = \sum_i w_i \ell_i,
    \qquad \text{none} = w_i \ell_i \qquad (w_i = 1 \text{ without } \texttt{weights})$$

    The weighted mean divides by the total weight, not by the number of examples: it is PyTorch's mean for
    class weights (`torch.nn.functional.cross_entropy(weight=...)`), where $w_i$ is the weight of each
    example's class. An empty batch has sum 0 and no mean: "mean" raises `ValueError`, as it does when the
    weights sum to 0 (PyTorch 2.13 returns nan in both cases).

    Args:
        losses: per-example losses, any shape (every element is one term).
        reduction: "mean", "sum" or "none".
        weights: optional weights $\ge 0$ of exactly the shape of `losses` (no broadcasting).

    Returns:
        A 0-d array for "mean" and "sum", an array of the shape of `losses` for "none"; the floating dtype of
        `losses` (and `weights`) either way.

    Raises:
        ValueError: for an unknown `reduction`, weights of another shape or with a negative or non-finite
            entry, and "mean" of an empty batch or of weights that sum to 0.

    Examples:
        >>> float(reduce([1.0, 2.0, 3.0], "mean", weights=[1.0, 1.0, 2.0]))
        2.25
    """
    if not isinstance(reduction, str) or reduction not in REDUCTIONS:
        raise ValueError(f"reduction must be one of {', '.join(map(repr, REDUCTIONS))}; got {reduction!r}")
    losses = as_float_array(losses, "losses")
    if weights is not None:
        weights = as_float_array(weights, "weights")
        check_same_shape(losses, weights, "losses", "weights")
        if weights.size and not (np.isfinite(weights).all() and weights.min() >= 0):
            raise ValueError(f"weights must be finite and ≥ 0, got values in [{weights.min()}, {weights.max()}]")
        losses = weights * losses
    if reduction == "none":
        return losses
    if reduction == "sum":
        return np.asarray(losses.sum())
    if losses.size == 0:
        raise ValueError(f"the mean of an empty batch is undefined: losses has shape {losses.shape}")
    total_weight = losses.size if weights is None else weights.sum()
    if total_weight == 0:
        raise ValueError("the weighted mean is undefined: weights sum to 0")
    return np.asarray(losses.sum() / total_weight)
