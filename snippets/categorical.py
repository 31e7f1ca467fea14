"""Categorical cross-entropy: one example belongs to one of K classes.

Four inputs, four functions, one loss −log p(true class) (or its expectation under soft targets):

- :func:`categorical_cross_entropy`: probabilities and a target distribution (Keras ``categorical_crossentropy``).
- :func:`softmax_cross_entropy`: logits and a target distribution, one-hot or soft, optionally smoothed
  (optax ``softmax_cross_entropy``, PyTorch ``cross_entropy`` with probability targets).
- :func:`softmax_cross_entropy_with_integer_labels`: logits and class indices (optax
  ``softmax_cross_entropy_with_integer_labels``, PyTorch ``cross_entropy`` with class-index targets).
- :func:`nll_loss`: log-probabilities and class indices (PyTorch ``nll_loss``).

Every loss is per example (the class axis is reduced, nothing else); reduce with ``snippets.reduction.reduce``.
The logit forms never take the log of a softmax: they compute logsumexp(z) − z_y with the maximum subtracted
first, so any finite float32 logit, ±1e4 included, gives a finite loss. NaN and ±inf logits raise ValueError
(PyTorch returns nan or inf for them). Beside each logit loss is its gradient with respect to the logits, under
the same name with ``_grad``: softmax(z) − y.
"""

from __future__ import annotations

import numpy as np

from snippets._checks import as_float_array, check_axis, check_distribution, check_finite, check_integer_labels
from snippets._checks import check_log_distribution, check_number, check_same_shape
from snippets._checks import float_array
from snippets.activations import softmax
from snippets.information import cross_entropy
from snippets.smoothing import smooth_labels

# Rows are processed in blocks of about this many bytes: a block of logits and its buffer of exponentials
# (2 × 256 KiB) stay in a 1 MiB or larger L2 cache through the block's passes (min, max, subtract, exp, matmul).
_BLOCK_BYTES = 1 << 18


def _class_axis(x: np.ndarray, name: str, axis: int) -> int:
    """``axis`` as a non-negative index, after refusing a scalar ``x`` or one without any class along ``axis``."""
    if x.ndim == 0:
        raise ValueError(f"{name} must have at least one dimension (the classes), got a scalar")
    axis = check_axis(x, axis, name)
    if x.shape[axis] == 0:
        raise ValueError(f"{name} must have at least one class along axis {axis}, got shape {x.shape}")
    return axis


def _finite_logits(logits, axis: int) -> tuple[np.ndarray, int]:
    """``logits`` as a float array without NaN or ±inf, and the class axis as a non-negative index."""
    logits = as_float_array(logits, "logits")
    check_finite(logits, "logits")
    return logits, _class_axis(logits, "logits", axis)


def _targets_like(targets, scores: np.ndarray, name: str, axis: int) -> np.ndarray:
    """Target distributions of the shape of ``scores`` (named ``name``), in its dtype, summing to 1 along ``axis``."""
    targets = as_float_array(targets, "targets")
    check_same_shape(scores, targets, name, "targets")
    targets = targets.astype(scores.dtype, copy=False)
    check_distribution(targets, "targets", axis=axis)
    return targets


def _labels_for(labels, scores: np.ndarray, axis: int, ignore_index) -> np.ndarray:
    """Integer ``labels`` with the shape of ``scores`` minus ``axis``, in range except for ``ignore_index``."""
    labels = check_integer_labels(labels, scores.shape[axis], "labels", ignore_index)
    expected = scores.shape[:axis] + scores.shape[axis + 1 :]
    if labels.shape != expected:
        raise ValueError(
            f"labels must have the shape of the scores without the class axis {axis}, {expected}, got {labels.shape}"
        )
    return labels


def _weighted_labels(labels: np.ndarray, ignore_index, class_weight, num_classes: int, dtype):
    """The labels with ignored entries replaced by class 0, and the per-example factor w_y.

    w_y is class_weight[y] (1 if None) and 0 for ignored examples; it is None when every factor is 1.
    """
    ignored = labels == ignore_index if ignore_index is not None else np.zeros(labels.shape, bool)
    if class_weight is None and not ignored.any():
        return labels, None
    labels = np.where(ignored, 0, labels)
    per_class = np.ones(num_classes, dtype) if class_weight is None else _class_weight(class_weight, num_classes)
    # np.where, not item assignment: a single unbatched example gives 0-d labels and a 0-d weight.
    return labels, np.where(ignored, 0, per_class[labels]).astype(dtype, copy=False)


def _class_weight(class_weight, num_classes: int) -> np.ndarray:
    """``class_weight`` as a float array of shape (num_classes,) with finite, non-negative entries."""
    class_weight = as_float_array(class_weight, "class_weight")
    if class_weight.shape != (num_classes,):
        raise ValueError(f"class_weight must have shape ({num_classes},), one per class, got {class_weight.shape}")
    check_finite(class_weight, "class_weight")
    if class_weight.min() < 0:
        raise ValueError(f"class_weight must be non-negative, got a minimum of {class_weight.min()}")
    return class_weight


def categorical_cross_entropy(probs, targets, *, axis: int = -1):
    """Cross-entropy of predicted class probabilities against target distributions, per example.

    loss = −Σ_c y_c log p_c,   with 0 · log p = 0

    This is H(y, p) of :func:`snippets.information.cross_entropy`, with loss argument order. There is no
    clipping: a class with p_c = 0 < y_c gives +inf, the true value. Keras's ``categorical_crossentropy``
    instead divides ``probs`` by their sum and clips them to [1e-7, 1 − 1e-7], so it caps the loss at
    −log 1e-7 ≈ 16.12 (keras 3.15 gives 16.118095 for p = (1, 0), y = (0, 1)) and silently accepts rows that
    do not sum to 1; here such rows raise ``ValueError``.
    Prefer :func:`softmax_cross_entropy` on logits, which never needs a clip.

    Args:
        probs: predicted probabilities, shape (..., K, ...), summing to 1 along ``axis``.
        targets: target probabilities of the same shape, one-hot or soft, summing to 1 along ``axis``.
        axis: the class axis.

    Returns:
        Per-example losses ≥ 0: ``probs``'s shape without ``axis``, in ``probs``'s floating dtype.

    References:
        ``keras.losses.categorical_crossentropy`` (Keras 3.15, which clips as described above).

    Example:
        >>> round(float(categorical_cross_entropy([0.05, 0.95, 0.0], [0.0, 1.0, 0.0])), 4)
        0.0513
    """
    probs = as_float_array(probs, "probs")
    axis = _class_axis(probs, "probs", axis)
    check_distribution(probs, "probs", axis=axis)
    targets = _targets_like(targets, probs, "probs", axis)
    return cross_entropy(targets, probs, axis=axis)


def softmax_cross_entropy(logits, targets, *, axis: int = -1, label_smoothing: float = 0.0):
    """Softmax cross-entropy of logits against target distributions (one-hot or soft), per example.

    loss = −Σ_c y_c log softmax(z)_c = logsumexp(z) − Σ_c y_c z_c,   since Σ_c y_c = 1

    Both terms are computed with m = max_c z_c subtracted, log Σ_c e^(z_c − m) − Σ_c y_c (z_c − m), so nothing
    overflows; the first is log1p of the sum without the maximum's own term e^0 = 1, so a confident correct
    prediction keeps its small loss to full relative precision (log of 1 + 4.54e-5 would not). With
    ``label_smoothing`` = α the targets are first replaced by (1 − α)·y + α/K
    (:func:`snippets.smoothing.smooth_labels`), as in PyTorch and optax.

    Args:
        logits: unnormalised log-probabilities, shape (..., K, ...), any finite values.
        targets: target probabilities of the same shape, summing to 1 along ``axis``.
        axis: the class axis.
        label_smoothing: α in [0, 1].

    Returns:
        Per-example losses: ``logits``'s shape without ``axis``, in ``logits``'s floating dtype.

    References:
        ``optax.losses.softmax_cross_entropy``; ``torch.nn.functional.cross_entropy`` with probability targets
        and ``label_smoothing`` (torch 2.13).

    Example:
        >>> round(float(softmax_cross_entropy([8.0, 8.0, 8.0], [0.0, 0.0, 1.0])), 6)  # ln 3
        1.098612
    """
    label_smoothing = check_number(label_smoothing, "label_smoothing", 0, 1)
    logits, axis = _finite_logits(logits, axis)
    targets = _targets_like(targets, logits, "logits", axis)
    if label_smoothing:
        targets = smooth_labels(targets, label_smoothing, axis=axis)
    shifted = logits - logits.max(axis=axis, keepdims=True)
    exps = np.exp(shifted)
    # The largest logit's term is e^0 = 1: summing the others and adding 1 with log1p keeps a tiny loss precise.
    np.put_along_axis(exps, np.argmax(shifted, axis=axis, keepdims=True), 0, axis=axis)
    return np.log1p(exps.sum(axis=axis)) - (targets * shifted).sum(axis=axis)


def softmax_cross_entropy_grad(logits, targets, *, axis: int = -1, label_smoothing: float = 0.0):
    """Gradient of :func:`softmax_cross_entropy` with respect to the logits, per example.

    ∂loss/∂z_c = softmax(z)_c − y_c,   y the (smoothed) targets; it holds because Σ_c y_c = 1

    Args:
        logits, targets, axis, label_smoothing: as for :func:`softmax_cross_entropy`.

    Returns:
        The gradient, same shape and floating dtype as ``logits``; it sums to 0 along ``axis``.

    Example:
        >>> softmax_cross_entropy_grad([0.0, 0.0], [1.0, 0.0])
        array([-0.5,  0.5])
    """
    label_smoothing = check_number(label_smoothing, "label_smoothing", 0, 1)
    logits, axis = _finite_logits(logits, axis)
    targets = _targets_like(targets, logits, "logits", axis)
    if label_smoothing:
        targets = smooth_labels(targets, label_smoothing, axis=axis)
    return softmax(logits, axis=axis) - targets


def _rows_cross_entropy(rows: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """logsumexp(z) − z_y for each row z of the C-contiguous (N, K) array ``rows`` and its label y.

    The loss is computed as log(1 + Σ_{c≠y} e^(z_c − z_y)): log1p keeps the relative precision of a tiny loss
    (a confident correct prediction), which logsumexp(z) − z_y would lose to cancellation.

    Speed: the textbook shift by each row's maximum costs a per-row maximum and a per-row broadcast subtraction,
    which numpy runs about 3× slower than a scalar one on short rows. Instead, rows are visited in cache-sized
    blocks and each block is shifted by its single largest logit M (every exponent ≤ 0, nothing overflows):

        r = Σ_{c≠y} e^(z_c − M)   scalar subtraction, in-place exp, label entry zeroed, BLAS row sums
        loss = log1p(r · e^(M − z_y))

    - A row whose own maximum lies far below M has its exponentials near the underflow threshold, where they lose
      precision; its total r + e^(z_y − M) < √tiny gives it away, and it is recomputed with its own maximum.
    - Where r · e^(M − z_y) overflows, the loss exceeds log(largest float) − log(1/√tiny) (45 in float32) and
      log r + (M − z_y) is accurate.
    - The block's minimum and maximum, which propagate NaN, check every logit for NaN and ±inf on the way, so the
      input is never scanned separately.
    """
    n, k = rows.shape
    index = np.arange(n)
    block = max(1, _BLOCK_BYTES // (k * rows.itemsize))
    shifts = np.empty(n, rows.dtype)
    others = np.empty(n, rows.dtype)
    exps = np.empty((min(block, n), k), rows.dtype)
    ones = np.ones(k, rows.dtype)
    for start in range(0, n, block):
        stop = min(start + block, n)
        z, e = rows[start:stop], exps[: stop - start]
        lowest, highest = z.min(), z.max()
        if not (np.isfinite(lowest) and np.isfinite(highest)):
            raise ValueError("logits contains NaN" if np.isnan(highest) else "logits must be finite, got ±inf")
        shifts[start:stop] = highest
        np.subtract(z, highest, out=e)
        np.exp(e, out=e)
        e[index[: stop - start], labels[start:stop]] = 0
        np.matmul(e, ones, out=others[start:stop])  # row sums through BLAS, faster than e.sum(axis=1)
    label_logits = rows[index, labels]
    gaps = shifts - label_logits
    far = others + np.exp(-gaps) < np.sqrt(np.finfo(rows.dtype).tiny)
    if far.any():
        z = rows[far]
        row_maxima = z.max(axis=1)
        e = np.exp(z - row_maxima[:, None])
        e[np.arange(len(z)), labels[far]] = 0
        others[far] = e.sum(axis=1)
        gaps[far] = row_maxima - label_logits[far]
    with np.errstate(over="ignore"):
        scaled = others * np.exp(gaps)
    losses = np.log1p(scaled)
    huge = np.isinf(scaled)
    losses[huge] = np.log(others[huge]) + gaps[huge]
    return losses


def softmax_cross_entropy_with_integer_labels(logits, labels, *, axis: int = -1, ignore_index=None,
                                              class_weight=None):
    """Softmax cross-entropy of logits against integer class labels, per example.

    loss = w_y · (logsumexp(z) − z_y),   w_y = class_weight[y] (1 if None)

    Equal to :func:`softmax_cross_entropy` with one-hot targets, without building them, and computed as
    log(1 + Σ_{c≠y} e^(z_c − z_y)) so that a tiny loss keeps its relative precision (within 1e-5 in float32 in
    the tests, where PyTorch 2.13's float32 rounds a loss of 1e-8 to 0). Rows are processed in cache-sized
    blocks (the source comments say how), with no temporary of the input's size when ``axis`` is the last axis.

    Ignored examples (``labels == ignore_index``) get loss 0 and gradient 0. A mean over examples must then
    leave them out of the denominator too: PyTorch's ``cross_entropy(weight=w, ignore_index=i)`` with
    ``reduction="mean"`` is Σ w_y·loss / Σ w_y over the examples not ignored, that is
    ``reduce(softmax_cross_entropy_with_integer_labels(z, y, ignore_index=i), "mean", weights=v)``
    (``snippets.reduction.reduce``, the weighted mean Σ v·loss / Σ v) with v = w[y] for the examples kept and
    0 for the ignored ones. PyTorch's ``reduction="none"`` output is this function's output.

    Args:
        logits: unnormalised log-probabilities, shape (..., K, ...), any finite values.
        labels: integer classes in [0, K) (or ``ignore_index``), ``logits``'s shape without ``axis``. A shape
            that differs, such as (N, 1) for (N, K) logits, raises ``ValueError``; a class outside [0, K)
            raises ``IndexError``, as in PyTorch.
        axis: the class axis.
        ignore_index: a label value whose examples are ignored, or None (PyTorch's default is −100).
        class_weight: non-negative weight per class, shape (K,), or None.

    Returns:
        Per-example losses ≥ 0: ``labels``'s shape, in ``logits``'s floating dtype.

    References:
        ``optax.losses.softmax_cross_entropy_with_integer_labels``; ``torch.nn.functional.cross_entropy``
        (torch 2.13) with ``reduction="none"``.

    Example:
        >>> losses = softmax_cross_entropy_with_integer_labels([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]], [0, 2])
        >>> [f"{loss:.4g}" for loss in losses]  # log(1 + e^-10 + e^-20) and ln 3
        ['4.54e-05', '1.099']
    """
    logits = float_array(logits, "logits")  # NaN and ±inf are caught block by block in _rows_cross_entropy
    axis = _class_axis(logits, "logits", axis)
    labels = _labels_for(labels, logits, axis, ignore_index)
    num_classes = logits.shape[axis]
    labels, weights = _weighted_labels(labels, ignore_index, class_weight, num_classes, logits.dtype)
    # One row per example (a copy only when axis is not last); float16 is computed in float32.
    classes_last = logits if axis == logits.ndim - 1 else np.moveaxis(logits, axis, -1)
    rows = classes_last.reshape(-1, num_classes)
    rows = rows.astype(np.promote_types(rows.dtype, np.float32), copy=False)
    losses = _rows_cross_entropy(rows, labels.reshape(-1)).reshape(labels.shape).astype(logits.dtype, copy=False)
    return losses if weights is None else losses * weights


def softmax_cross_entropy_with_integer_labels_grad(logits, labels, *, axis: int = -1, ignore_index=None,
                                                       class_weight=None):
    """Gradient of :func:`softmax_cross_entropy_with_integer_labels` with respect to the logits, per example.

    ∂loss/∂z_c = w_y · (softmax(z)_c − [c = y]),   0 for ignored examples

    Args:
        logits, labels, axis, ignore_index, class_weight: as for :func:`softmax_cross_entropy_with_integer_labels`.

    Returns:
        The gradient, same shape and floating dtype as ``logits``.

    Example:
        >>> softmax_cross_entropy_with_integer_labels_grad([0.0, 0.0], 1)
        array([ 0.5, -0.5])
    """
    logits, axis = _finite_logits(logits, axis)
    labels = _labels_for(labels, logits, axis, ignore_index)
    num_classes = logits.shape[axis]
    labels, weights = _weighted_labels(labels, ignore_index, class_weight, num_classes, logits.dtype)
    one_hot = labels[..., None] == np.arange(num_classes)
    gradient = softmax(np.moveaxis(logits, axis, -1), axis=-1) - one_hot
    if weights is not None:
        gradient *= weights[..., None]
    return np.moveaxis(gradient, -1, axis)


def nll_loss(log_probs, labels, *, axis: int = -1, ignore_index=None, class_weight=None):
    """Negative log-likelihood of integer class labels under predicted log-probabilities, per example.

    loss = −w_y · log p_y,   w_y = class_weight[y] (1 if None)

    ``nll_loss(log_softmax(z), y)`` equals :func:`softmax_cross_entropy_with_integer_labels` ``(z, y)``. Ignored
    examples get loss 0; see :func:`softmax_cross_entropy_with_integer_labels` for the mean that excludes them.

    Args:
        log_probs: log-probabilities (≤ 0, whose exponentials sum to 1 along ``axis``), shape (..., K, ...).
        labels: integer classes in [0, K) (or ``ignore_index``), ``log_probs``'s shape without ``axis``.
        axis: the class axis.
        ignore_index: a label value whose examples are ignored, or None.
        class_weight: non-negative weight per class, shape (K,), or None.

    Returns:
        Per-example losses ≥ 0: ``labels``'s shape, in ``log_probs``'s floating dtype.

    References:
        ``torch.nn.functional.nll_loss`` (torch 2.13) with ``reduction="none"``.

    Example:
        >>> round(float(nll_loss(np.log([0.25, 0.75]), 1)), 6)
        0.287682
    """
    log_probs = as_float_array(log_probs, "log_probs")
    axis = _class_axis(log_probs, "log_probs", axis)
    check_log_distribution(log_probs, "log_probs", axis=axis)
    labels = _labels_for(labels, log_probs, axis, ignore_index)
    labels, weights = _weighted_labels(labels, ignore_index, class_weight, log_probs.shape[axis], log_probs.dtype)
    losses = -np.take_along_axis(log_probs, np.expand_dims(labels, axis), axis=axis).squeeze(axis) + 0.0
    return losses if weights is None else losses * weights
