r"""numpy mirrors of the cross-entropies of ``tf.nn`` (TensorFlow 2.21, TF 2 names), called as ``f(labels=, logits=)``.

Each function has the TF 2 name, parameter names, order and defaults (``name`` is accepted and unused: there is
no graph to name an op in), and gives TF's shapes, dtypes and values on numpy arrays
(``tests/conformance/test_tf_mirror.py`` runs each against TensorFlow 2.21). None of them reduces: every
result is per element or per example, like TF's. Each is computed with TF's own formula
($\max(x, 0) - x z + \operatorname{log1p}(e^{-|x|})$ for the sigmoid, a log-softmax for the softmax), so NaN
and ±inf come out where TF has them; the core's [`snippets.binary`][snippets.binary] and
[`snippets.categorical`][snippets.categorical] compute the same losses and refuse such input.

TF 1.x names:

- ``softmax_cross_entropy_with_logits_v2(labels, logits, axis=None, name=None, dim=None)`` (TF 1.5 to 1.15, and
  ``tf.compat.v1.nn`` in TF 2) is TF 2's `softmax_cross_entropy_with_logits`; ``dim`` is the deprecated
  alias of ``axis``. TF 1's ``softmax_cross_entropy_with_logits`` computed the same value but stopped gradients
  into ``labels`` (its only difference, and deprecated for it); a numpy value has no gradient, so both map to
  `softmax_cross_entropy_with_logits` here.
- ``_sentinel``: in TF 1.x, ``sigmoid_cross_entropy_with_logits``, ``softmax_cross_entropy_with_logits`` and
  ``sparse_softmax_cross_entropy_with_logits`` took ``_sentinel=None`` as their first parameter, only to reject
  positional calls ("Only call `softmax_cross_entropy_with_logits` with named arguments (labels=...,
  logits=..., ...)"). TF 2 dropped it (the ``tf.compat.v1.nn`` versions in TF 2.21 have it no more); so does the
  mirror, and ``f(labels=..., logits=...)`` works with both.
- ``weighted_cross_entropy_with_logits`` took ``targets`` for ``labels`` in TF 1 (deprecated alias).

Errors: TF's ``ValueError`` (shape mismatch, missing labels or logits) stays ``ValueError``; its
``InvalidArgumentError`` for a class index out of range becomes ``IndexError``, as in PyTorch, and for
non-integer class indices or shapes that do not broadcast ``ValueError``, with TF's words. What TF computes,
the mirror computes: NaN and ±inf logits, labels outside [0, 1] or not summing to 1, any ``pos_weight`` that
broadcasts (negative, NaN, one per row), and softmax labels broadcast against the logits (labels (C,) against
logits (N, C) in TF 2.21). In the shapes, C is the number of classes, the book's K.
"""

from __future__ import annotations

import numpy as np

from snippets._checks import check_axis, float_array
from snippets.mirrors import framework_log_softmax


def _require(function: str, labels, logits) -> None:
    if labels is None or logits is None:
        raise ValueError(f"Both `labels` and `logits` must be provided for {function}; received labels={labels!r} "
                         f"and logits={logits!r}")


def _logits_and_labels(labels, logits):
    """Float logits and labels of their dtype and shape (TF's ValueError for another shape)."""
    logits = float_array(logits, "logits")
    labels = float_array(labels, "labels").astype(logits.dtype, copy=False)
    if labels.shape != logits.shape:
        raise ValueError(f"`logits` and `labels` must have the same shape, received ({logits.shape} vs "
                         f"{labels.shape}).")
    return logits, labels


def sigmoid_cross_entropy_with_logits(labels=None, logits=None, name=None):
    r"""``tf.nn.sigmoid_cross_entropy_with_logits``: binary cross-entropy of logits, element-wise.

    $$\ell = -z \log \sigma(x) - (1 - z) \log(1 - \sigma(x)) = \max(x, 0) - x z + \log(1 + e^{-|x|})$$

    Args:
        labels: targets $z$ in $[0, 1]$, the shape of `logits`.
        logits: logits $x$, any shape.
        name: unused (TF's op name).

    Returns:
        The loss per element, the shape and floating dtype of ``logits``.

    Reference:
        https://www.tensorflow.org/api_docs/python/tf/nn/sigmoid_cross_entropy_with_logits

    Examples:
        >>> import numpy as np
        >>> sigmoid_cross_entropy_with_logits(labels=np.array([1.0, 1.0, 0.0]), logits=np.array([1.0, -1.0, 0.0])).round(4)
        array([0.3133, 1.3133, 0.6931])
    """
    _require("sigmoid_cross_entropy_with_logits", labels, logits)
    x, z = _logits_and_labels(labels, logits)
    with np.errstate(invalid="ignore", over="ignore"):  # inf − inf and 0 · inf are NaN, as in TF
        return np.maximum(x, 0) - x * z + np.log1p(np.exp(-np.abs(x)))


def weighted_cross_entropy_with_logits(labels, logits, pos_weight, name=None):
    r"""``tf.nn.weighted_cross_entropy_with_logits``: binary cross-entropy of logits with a weight on positives.

    $$\ell = -q\, z \log \sigma(x) - (1 - z) \log(1 - \sigma(x)), \qquad q = \texttt{pos\_weight}$$

    $q > 1$ raises the cost of a false negative (recall up), $q < 1$ that of a false positive (precision up).

    Args:
        labels: targets $z$ in $[0, 1]$, the shape of `logits`.
        logits: logits $x$, any shape.
        pos_weight: $q \ge 0$, a number or one per class along the last axis, shape $(C,)$.
        name: unused (TF's op name).

    Returns:
        The loss per element, the shape and floating dtype of ``logits``.

    Reference:
        https://www.tensorflow.org/api_docs/python/tf/nn/weighted_cross_entropy_with_logits

    Examples:
        >>> import numpy as np
        >>> weighted_cross_entropy_with_logits(labels=np.array([1.0, 0.5, 0.0]), logits=np.array([1.5, -0.1, -10.0]),
        ...                                    pos_weight=1.5).round(4)
        array([0.3021, 0.8805, 0.    ])
    """
    x, z = _logits_and_labels(labels, logits)
    pos_weight = float_array(pos_weight, "pos_weight")
    with np.errstate(invalid="ignore", over="ignore"):  # inf − inf and 0 · inf are NaN, as in TF
        try:
            log_weight = 1 + (pos_weight - 1) * z
        except ValueError:
            raise ValueError(f"Incompatible shapes: pos_weight {pos_weight.shape} vs. labels {z.shape} "
                             "(TF 2.21 raises InvalidArgumentError)") from None
        return ((1 - z) * x + log_weight * (np.log1p(np.exp(-np.abs(x))) + np.maximum(-x, 0))).astype(x.dtype)


def softmax_cross_entropy_with_logits(labels, logits, axis=-1, name=None):
    r"""``tf.nn.softmax_cross_entropy_with_logits``: softmax cross-entropy against class distributions, per example.

    $$\ell = -\sum_c y_c \log \operatorname{softmax}(x)_c$$

    over the classes along `axis`.

    Args:
        labels: class distributions (one-hot or soft, summing to 1 along ``axis``), the shape of ``logits``.
        logits: logits, with the classes along ``axis``.
        axis: the class axis.
        name: unused (TF's op name).

    Returns:
        The loss per example: the shape of ``logits`` without ``axis``, its floating dtype.

    Reference:
        https://www.tensorflow.org/api_docs/python/tf/nn/softmax_cross_entropy_with_logits

    Examples:
        >>> import numpy as np
        >>> softmax_cross_entropy_with_logits(labels=np.array([[0.0, 1.0]]), logits=np.array([[5.0, 7.0]])).round(4)
        array([0.1269])
    """
    logits = float_array(logits, "logits")
    labels = float_array(labels, "labels").astype(logits.dtype, copy=False)
    axis = check_axis(logits, axis, "logits")
    logits = np.moveaxis(logits, axis, -1)
    labels = np.moveaxis(labels, axis if labels.ndim == logits.ndim else -1, -1)
    try:
        labels = np.broadcast_to(labels, logits.shape)
    except ValueError:
        raise ValueError(f"logits and labels must be broadcastable: logits_size={list(logits.shape)} "
                         f"labels_size={list(labels.shape)} (TF 2.21 raises InvalidArgumentError)") from None
    with np.errstate(invalid="ignore"):  # 0 · (−inf) is NaN, as in TF
        return -(labels * framework_log_softmax(logits, -1)).sum(axis=-1)


def sparse_softmax_cross_entropy_with_logits(labels, logits, name=None):
    r"""``tf.nn.sparse_softmax_cross_entropy_with_logits``: softmax cross-entropy against class indices.

    $$\ell = -\log \operatorname{softmax}(x)_y = \operatorname{logsumexp}(x) - x_y$$

    over the last axis.

    Args:
        labels: integer class indices in $[0, C)$, the shape of `logits` without its last axis.
        logits: logits of shape (..., C).
        name: unused (TF's op name).

    Returns:
        The loss per example, the shape of ``labels`` and the floating dtype of ``logits``.

    Reference:
        https://www.tensorflow.org/api_docs/python/tf/nn/sparse_softmax_cross_entropy_with_logits

    Examples:
        >>> import numpy as np
        >>> sparse_softmax_cross_entropy_with_logits(labels=np.array([1]), logits=np.array([[5.0, 7.0]])).round(4)
        array([0.1269])
    """
    logits = float_array(logits, "logits")
    labels = np.asarray(labels)
    if labels.dtype == bool or not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"labels must hold class indices of an integer dtype (TF 2.21: Value for attr 'Tlabels' "
                         f"of {labels.dtype} is not in the list of allowed values: int32, int64)")
    if logits.ndim == 0 or labels.shape != logits.shape[:-1]:
        raise ValueError(f"labels must have the shape of logits without the last axis, {logits.shape[:-1]}, "
                         f"got {labels.shape}")
    if labels.size and (labels.min() < 0 or labels.max() >= logits.shape[-1]):
        bad = labels[(labels < 0) | (labels >= logits.shape[-1])].flat[0]
        raise IndexError(f"Received a label value of {bad} which is outside the valid range of "
                         f"[0, {logits.shape[-1]}).")
    picked = np.take_along_axis(framework_log_softmax(logits, -1), labels[..., None], axis=-1)
    return -np.squeeze(picked, axis=-1)
