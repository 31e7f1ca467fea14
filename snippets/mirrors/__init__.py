r"""numpy mirrors of the loss APIs of PyTorch, Keras 3 and TensorFlow, built on the core of `snippets`.

- [`snippets.mirrors.torch`][snippets.mirrors.torch]: `torch.nn.functional` (torch 2.13.0) and
  `torchvision.ops.sigmoid_focal_loss`.
- [`snippets.mirrors.keras`][snippets.mirrors.keras]: `keras.losses` (Keras 3.15, TensorFlow backend), functions
  and classes.
- [`snippets.mirrors.tf`][snippets.mirrors.tf]: the cross-entropies of `tf.nn` (TensorFlow 2.21), TF 2 names.

A mirror has the framework's name, parameter names, parameter order and defaults, takes and returns numpy
arrays, and gives the framework's shapes, dtypes and values; no framework is imported. The conformance tests in
``tests/conformance/`` compare every mirror with the real framework.

A mirror computes the loss with the core ([`snippets.binary`][snippets.binary],
[`snippets.categorical`][snippets.categorical], [`snippets.focal`][snippets.focal], ...) and adds only what the framework does on top: argument order, class axis, reductions,
clamps, clips, renormalisation, epsilons, shapes. Where the framework computes something the core refuses by
design (Keras's cross-entropy of clipped probabilities that no longer sum to 1), the mirror writes that one
expression itself and says so.

A mirror raises where the framework raises, and only there: ``ValueError`` (``IndexError`` where the framework
raises an IndexError or, for a class index out of range, TensorFlow's ``InvalidArgumentError``), with the
framework's words in the message. Where the framework computes a number, nan or ±inf, the mirror computes the
same; refusing such input is the core's job. Each module lists its errors.
"""

from __future__ import annotations

import numpy as np

from snippets._checks import as_float_array
from snippets.categorical import softmax_cross_entropy


def framework_log_softmax(x: np.ndarray, axis: int) -> np.ndarray:
    r"""Log-softmax as PyTorch, TensorFlow and Keras compute it, NaN and ±inf included.

    $$\log \operatorname{softmax}(x)_i = (x_i - m) - \log \sum_j e^{x_j - m}, \qquad m = \max_j x_j$$

    NaN anywhere in a row, +inf in a row, or a row of only −inf give a row of NaN, as in the frameworks; a
    −inf entry among finite ones gives −inf. The core's
    [`log_softmax`][snippets.activations.log_softmax] refuses NaN instead.

    Args:
        x: a floating array with at least one entry along `axis`.
        axis: the class axis.

    Returns:
        Log-probabilities, the shape and dtype of `x`.

    Examples:
        >>> framework_log_softmax(np.array([[0.0, 0.0], [np.inf, 0.0], [-np.inf, 0.0]]), axis=1).round(6)
        array([[-0.693147, -0.693147],
               [      nan,       nan],
               [     -inf,  0.      ]])
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        shifted = x - x.max(axis=axis, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))


def cross_entropy_of_weighted_targets(logits, targets, *, axis: int):
    r"""Softmax cross-entropy against non-negative targets that need not sum to 1, per example.

    $$\ell = -\sum_c t_c \log \operatorname{softmax}(z)_c = T \cdot H\big(t / T, \operatorname{softmax}(z)\big),
    \qquad T = \sum_c t_c$$

    Cross-entropy is linear in the targets, so a weighted target vector (PyTorch's class weights times a
    target distribution, Keras's labels smoothed along another axis) is its total $T$ times the cross-entropy
    against the distribution $t / T$, which
    [`softmax_cross_entropy`][snippets.categorical.softmax_cross_entropy] computes. A row with $T = 0$ gives 0.

    Args:
        logits: finite scores, shape `(..., K, ...)`.
        targets: $t \ge 0$, the shape of `logits`.
        axis: the class axis.

    Returns:
        Per-example losses: `logits`'s shape without `axis`, in `logits`'s floating dtype.

    Examples:
        >>> round(float(cross_entropy_of_weighted_targets([0.0, 0.0], [2.0, 0.0], axis=-1)), 6)  # 2 ln 2
        1.386294
    """
    logits = as_float_array(logits, "logits")
    targets = as_float_array(targets, "targets").astype(logits.dtype, copy=False)
    if targets.size and targets.min() < 0:
        raise ValueError(f"targets must be non-negative, got a minimum of {targets.min()}")
    totals = targets.sum(axis=axis, keepdims=True)
    empty = totals == 0
    distributions = np.where(empty, 1 / targets.shape[axis], targets / np.where(empty, 1, totals))
    return np.squeeze(totals, axis=axis) * softmax_cross_entropy(logits, distributions, axis=axis)
