r"""Categorical cross-entropy: one example belongs to one of K classes.

Four inputs, four functions, one loss $-\log p(\text{true class})$ (or its expectation under soft targets):

- [`categorical_cross_entropy`][snippets.categorical.categorical_cross_entropy]: probabilities and a target
  distribution (Keras `categorical_crossentropy`).
- [`softmax_cross_entropy`][snippets.categorical.softmax_cross_entropy]: logits and a target distribution,
  one-hot or soft, optionally smoothed (optax `softmax_cross_entropy`, PyTorch `cross_entropy` with probability
  targets).
- [`softmax_cross_entropy_with_integer_labels`][snippets.categorical.softmax_cross_entropy_with_integer_labels]:
  logits and class indices (optax `softmax_cross_entropy_with_integer_labels`, PyTorch `cross_entropy` with
  class-index targets).
- [`nll_loss`][snippets.categorical.nll_loss]: log-probabilities and class indices (PyTorch `nll_loss`).

Two relatives from optax: [`safe_softmax_cross_entropy`][snippets.categorical.safe_softmax_cross_entropy] (a
logit of $-\infty$ marks a masked class) and [`poly_loss_cross_entropy`][snippets.categorical.poly_loss_cross_entropy]
(cross-entropy plus $\epsilon (1 - p_t)$). The logit losses take optax's `where` mask; the integer-label ones also
take a tuple of class axes.

Every loss is per example (the class axis is reduced, nothing else); reduce with
[`reduce`][snippets.reduction.reduce]. The logit forms never take the log of a softmax: they compute
$\operatorname{logsumexp}(z) - z_y$ with the maximum subtracted first, so any finite float32 logit, ±1e4
included, gives a finite loss. NaN and ±inf logits raise ValueError
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


def _flatten_class_axes(x: np.ndarray, axes: tuple, name: str) -> tuple[np.ndarray, tuple[int, ...]]:
    """``x`` with the axes ``axes`` moved last, in the order given, and flattened into one class axis.

    A label is then a flat (row-major) index into a slice of shape ``tuple(x.shape[a] for a in axes)``, as in
    optax. Also returns the permutation applied, which :func:`_unflatten_class_axes` undoes.
    """
    if not axes:
        raise ValueError(f"axis must name at least one class axis, got the empty tuple {axes!r}")
    class_axes = tuple(check_axis(x, a, name) for a in axes)
    if len(set(class_axes)) != len(class_axes):
        raise ValueError(f"axis {axes!r} names an axis of {name} twice")
    batch_axes = tuple(a for a in range(x.ndim) if a not in class_axes)
    moved = x.transpose(batch_axes + class_axes)
    num_classes = int(np.prod([x.shape[a] for a in class_axes]))
    return moved.reshape(moved.shape[: len(batch_axes)] + (num_classes,)), batch_axes + class_axes


def _unflatten_class_axes(flat: np.ndarray, shape: tuple, permutation: tuple[int, ...]) -> np.ndarray:
    """Undo :func:`_flatten_class_axes` on an array of the flattened shape: back to ``shape``."""
    return flat.reshape(tuple(shape[a] for a in permutation)).transpose(np.argsort(permutation))


def _several_class_axes(axis, logits, where, name: str = "logits"):
    """For a tuple ``axis``: ``logits`` and a per-class ``where`` flattened (see :func:`_flatten_class_axes`)."""
    logits = as_float_array(logits, name)
    flat, permutation = _flatten_class_axes(logits, axis, name)
    if where is not None and np.shape(where) == logits.shape:
        where = _flatten_class_axes(np.asarray(where), axis, "where")[0]
    return flat, where, permutation


def _where_mask(where, logits: np.ndarray, axis: int) -> np.ndarray:
    """optax's ``where`` as a boolean mask of ``logits``'s shape.

    ``where`` has ``logits``'s shape (a mask per class) or its shape without ``axis`` (a mask per example,
    spread over the classes).
    """
    mask = np.asarray(where)
    if mask.dtype != bool:
        raise ValueError(f"where must be a boolean mask, got dtype {mask.dtype}")
    if mask.shape == logits.shape[:axis] + logits.shape[axis + 1 :] and mask.shape != logits.shape:
        return np.broadcast_to(np.expand_dims(mask, axis), logits.shape)
    if mask.shape != logits.shape:
        raise ValueError(f"where must have the shape of logits {logits.shape} or that shape without the class "
                         f"axis {axis}, got {np.shape(where)}")
    return mask


def _masked_log_softmax(logits: np.ndarray, kept: np.ndarray, axis: int) -> np.ndarray:
    """log softmax(z) over the classes ``kept`` along ``axis``; −inf at the other classes.

    log p_c = (z_c − m) − log1p(Σ_{c' kept, c' ≠ argmax} e^(z_{c'} − m)),   m = the largest kept logit

    A row that keeps no class is −inf throughout; the callers give it loss 0.
    """
    masked = np.where(kept, logits, -np.inf)
    maxima = masked.max(axis=axis, keepdims=True)
    shifted = masked - np.where(np.isfinite(maxima), maxima, 0)
    exps = np.exp(shifted)
    np.put_along_axis(exps, np.argmax(shifted, axis=axis, keepdims=True), 0, axis=axis)
    return shifted - np.log1p(exps.sum(axis=axis, keepdims=True))


def _expected_negative_log(targets: np.ndarray, log_p: np.ndarray, axis: int) -> np.ndarray:
    """−Σ_c t_c log p_c with 0 · log 0 = 0; a class with t_c > 0 and p_c = 0 gives +inf."""
    terms = np.multiply(targets, log_p, out=np.zeros(np.broadcast_shapes(targets.shape, log_p.shape), log_p.dtype),
                        where=targets > 0)
    return 0.0 - terms.sum(axis=axis)  # 0.0 − 0 is +0, where −0 would print as -0.0


def _targets_over_kept(targets, logits: np.ndarray, kept: np.ndarray, axis: int) -> np.ndarray:
    """Targets of ``logits``'s shape, 0 outside ``kept``, summing to 1 over the kept classes of each example.

    Examples that keep no class are not checked (their loss is 0); target mass outside ``kept`` is ignored, as
    optax ignores it, so it must leave a distribution over the kept classes.
    """
    targets = as_float_array(targets, "targets")
    check_same_shape(logits, targets, "logits", "targets")
    targets = np.where(kept, targets.astype(logits.dtype, copy=False), 0)
    rows = np.moveaxis(targets, axis, -1)[kept.any(axis=axis)]
    check_distribution(rows, "targets over the classes where keeps", axis=-1)
    return targets


def categorical_cross_entropy(probs, targets, *, axis: int = -1):
    r"""Cross-entropy of predicted class probabilities against target distributions, per example.

    $$\ell = -\sum_c y_c \log p_c, \qquad \text{with } 0 \log p = 0$$

    This is $H(y, p)$ of [`information.cross_entropy`][snippets.information.cross_entropy], with loss argument
    order. There is no clipping: a class with $p_c = 0 < y_c$ gives $+\infty$, the true value. Keras's
    `categorical_crossentropy` instead divides `probs` by their sum and clips them to $[10^{-7}, 1 - 10^{-7}]$,
    so it caps the loss at $-\log 10^{-7} \approx 16.12$ (keras 3.15 gives 16.118095 for $p = (1, 0)$,
    $y = (0, 1)$) and silently accepts rows that do not sum to 1; here such rows raise `ValueError`.
    Prefer [`softmax_cross_entropy`][snippets.categorical.softmax_cross_entropy] on logits, which never needs a
    clip.

    Args:
        probs: predicted probabilities, shape `(..., K, ...)`, summing to 1 along `axis`.
        targets: target probabilities of the same shape, one-hot or soft, summing to 1 along `axis`.
        axis: the class axis.

    Returns:
        Per-example losses $\ge 0$: `probs`'s shape without `axis`, in `probs`'s floating dtype.

    References:
        ``keras.losses.categorical_crossentropy`` (Keras 3.15, which clips as described above).

    Examples:
        >>> round(float(categorical_cross_entropy([0.05, 0.95, 0.0], [0.0, 1.0, 0.0])), 4)
        0.0513
    """
    probs = as_float_array(probs, "probs")
    axis = _class_axis(probs, "probs", axis)
    check_distribution(probs, "probs", axis=axis)
    targets = _targets_like(targets, probs, "probs", axis)
    return cross_entropy(targets, probs, axis=axis)


def softmax_cross_entropy(logits, targets, *, axis: int = -1, label_smoothing: float = 0.0, where=None):
    r"""Softmax cross-entropy of logits against target distributions (one-hot or soft), per example.

    $$\ell = -\sum_c y_c \log \operatorname{softmax}(z)_c = \operatorname{logsumexp}(z) - \sum_c y_c z_c,
    \qquad \text{since } \sum_c y_c = 1$$

    Both terms are computed with $m = \max_c z_c$ subtracted, $\log \sum_c e^{z_c - m} - \sum_c y_c (z_c - m)$, so
    nothing overflows; the first is log1p of the sum without the maximum's own term $e^0 = 1$, so a confident
    correct prediction keeps its small loss to full relative precision ($\log(1 + 4.54 \cdot 10^{-5})$ would not).
    With `label_smoothing` $= \alpha$ the targets are first replaced by $(1 - \alpha)\, y + \alpha / K$
    ([`smooth_labels`][snippets.smoothing.smooth_labels]), as in PyTorch and optax.

    Args:
        logits: unnormalised log-probabilities, shape `(..., K, ...)`, any finite values.
        targets: target probabilities of the same shape, summing to 1 along `axis`.
        axis: the class axis.
        label_smoothing: $\alpha$ in $[0, 1]$.
        where: optax's mask, or None: booleans of ``logits``'s shape (the softmax and the sum run over the
            classes it keeps; the targets must sum to 1 over them) or of its shape without ``axis`` (examples
            left out). An example that keeps no class gets loss 0. Not combined with ``label_smoothing``.

    Returns:
        Per-example losses: ``logits``'s shape without ``axis``, in ``logits``'s floating dtype.

    References:
        ``optax.losses.softmax_cross_entropy``; ``torch.nn.functional.cross_entropy`` with probability targets
        and ``label_smoothing`` (torch 2.13).

    Examples:
        >>> round(float(softmax_cross_entropy([8.0, 8.0, 8.0], [0.0, 0.0, 1.0])), 6)  # ln 3
        1.098612
    """
    label_smoothing = check_number(label_smoothing, "label_smoothing", 0, 1)
    if where is not None:
        if label_smoothing:
            raise ValueError("label_smoothing cannot be combined with where: smooth the targets over the kept "
                             "classes yourself")
        return _masked_softmax_cross_entropy(logits, targets, axis, where)
    logits, axis = _finite_logits(logits, axis)
    targets = _targets_like(targets, logits, "logits", axis)
    if label_smoothing:
        targets = smooth_labels(targets, label_smoothing, axis=axis)
    shifted = logits - logits.max(axis=axis, keepdims=True)
    exps = np.exp(shifted)
    # The largest logit's term is e^0 = 1: summing the others and adding 1 with log1p keeps a tiny loss precise.
    np.put_along_axis(exps, np.argmax(shifted, axis=axis, keepdims=True), 0, axis=axis)
    return np.log1p(exps.sum(axis=axis)) - (targets * shifted).sum(axis=axis)


def _masked_softmax_cross_entropy(logits, targets, axis: int, where) -> np.ndarray:
    """:func:`softmax_cross_entropy` over the classes ``where`` keeps (0 for an example that keeps none)."""
    logits = as_float_array(logits, "logits")
    axis = _class_axis(logits, "logits", axis)
    kept = _where_mask(where, logits, axis)
    check_finite(logits[kept], "logits")
    targets = _targets_over_kept(targets, logits, kept, axis)
    losses = _expected_negative_log(targets, _masked_log_softmax(logits, kept, axis), axis)
    return np.where(kept.any(axis=axis), losses, 0).astype(logits.dtype, copy=False)


def safe_softmax_cross_entropy(logits, targets, *, axis: int = -1):
    r"""Softmax cross-entropy in which a logit of $-\infty$ marks a masked class, per example.

    $$\ell = -\sum_{c:\, y_c > 0} y_c \log \operatorname{softmax}(z)_c, \qquad 0 \cdot \log 0 = 0$$

    A class with $z_c = -\infty$ has probability 0: with $y_c = 0$ it contributes nothing, with $y_c > 0$ the
    loss is $+\infty$, the true value. This is optax's ``safe_softmax_cross_entropy``; the other logit losses
    here refuse $\pm\infty$ (``where`` masks classes without infinities). $+\infty$, NaN and an example whose
    logits are all $-\infty$ (optax gives nan) raise ``ValueError``.

    Args:
        logits: finite logits or $-\infty$, shape (..., K, ...), at least one finite logit per example.
        targets: target probabilities of the same shape, summing to 1 along ``axis``.
        axis: the class axis.

    Returns:
        Per-example losses $\ge 0$ ($+\infty$ where a masked class has target mass): ``logits``'s shape without
        ``axis``, in ``logits``'s floating dtype.

    References:
        ``optax.losses.safe_softmax_cross_entropy`` (optax 0.2.8).

    Examples:
        >>> safe_softmax_cross_entropy([-np.inf, 0.0, 0.0], [0.0, 0.5, 0.5]).round(6)  # ln 2
        np.float64(0.693147)
        >>> safe_softmax_cross_entropy([-np.inf, 0.0, 0.0], [0.4, 0.3, 0.3])
        np.float64(inf)
    """
    logits = as_float_array(logits, "logits")
    axis = _class_axis(logits, "logits", axis)
    if logits.size and logits.max() == np.inf:
        raise ValueError("logits must be finite or −inf (a masked class), got +inf")
    kept = logits > -np.inf
    if not kept.any(axis=axis).all():
        raise ValueError(f"logits must have a finite entry in every example along axis {axis}; an example whose "
                         "logits are all −inf has no softmax (optax gives nan)")
    targets = _targets_like(targets, logits, "logits", axis)
    return _expected_negative_log(targets, _masked_log_softmax(logits, kept, axis), axis)


def poly_loss_cross_entropy(logits, targets, *, epsilon: float = 2.0, axis: int = -1, where=None):
    r"""Poly-1 loss: softmax cross-entropy plus $\epsilon$ times the first term of its Taylor series, per example.

    $$\ell = -\sum_c y_c \log p_c + \epsilon \sum_c y_c (1 - p_c), \qquad p = \operatorname{softmax}(z)$$

    With one-hot targets the added term is $\epsilon (1 - p_t)$; $\epsilon = 0$ gives
    [`softmax_cross_entropy`][snippets.categorical.softmax_cross_entropy]. Leng et al. use $\epsilon = 2$ for
    ImageNet classification and $\epsilon = -1$ for detection. $1 - p_c$ is computed as
    $-\operatorname{expm1}(\log p_c)$, exact for $p_c$ near 1.

    Args:
        logits: unnormalised log-probabilities, shape (..., K, ...), any finite values.
        targets: target probabilities of the same shape, summing to 1 along ``axis``.
        epsilon: $\epsilon$, any finite number.
        axis: the class axis.
        where: optax's mask, as for `softmax_cross_entropy`: both terms run over the kept classes.

    Returns:
        Per-example losses: ``logits``'s shape without ``axis``, in ``logits``'s floating dtype (negative
        values are possible when $\epsilon < 0$).

    References:
        Z. Leng et al., "PolyLoss: A Polynomial Expansion Perspective of Classification Loss Functions", ICLR
        2022, https://arxiv.org/abs/2204.12511; ``optax.losses.poly_loss_cross_entropy`` (optax 0.2.8).

    Examples:
        >>> poly_loss_cross_entropy([0.0, 0.0], [1.0, 0.0], epsilon=2.0).round(6)  # ln 2 + 2 · (1 − 1/2)
        np.float64(1.693147)
    """
    epsilon = check_number(epsilon, "epsilon")
    logits = as_float_array(logits, "logits")
    axis = _class_axis(logits, "logits", axis)
    cross_entropy_losses = softmax_cross_entropy(logits, targets, axis=axis, where=where)
    kept = np.ones(logits.shape, bool) if where is None else _where_mask(where, logits, axis)
    targets = _targets_over_kept(targets, logits, kept, axis)
    log_p = _masked_log_softmax(logits, kept, axis)
    one_minus_p = -np.expm1(log_p)
    return cross_entropy_losses + epsilon * (targets * one_minus_p).sum(axis=axis)


def softmax_cross_entropy_grad(logits, targets, *, axis: int = -1, label_smoothing: float = 0.0):
    r"""Gradient of `softmax_cross_entropy` with respect to the logits, per example.

    $$\frac{\partial \ell}{\partial z_c} = \operatorname{softmax}(z)_c - y_c$$

    with $y$ the (smoothed) targets; it holds because $\sum_c y_c = 1$.

    Args:
        logits: as for [`softmax_cross_entropy`][snippets.categorical.softmax_cross_entropy].
        targets: as for `softmax_cross_entropy`.
        axis: as for `softmax_cross_entropy`.
        label_smoothing: as for `softmax_cross_entropy`.

    Returns:
        The gradient, same shape and floating dtype as `logits`; it sums to 0 along `axis`.

    Examples:
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


def softmax_cross_entropy_with_integer_labels(logits, labels, *, axis: int | tuple[int, ...] = -1, ignore_index=None,
                                              class_weight=None, where=None):
    r"""Softmax cross-entropy of logits against integer class labels, per example.

    $$\ell = w_y \big(\operatorname{logsumexp}(z) - z_y\big), \qquad w_y = \texttt{class\_weight}[y]
    \ (1 \text{ if None})$$

    Equal to [`softmax_cross_entropy`][snippets.categorical.softmax_cross_entropy] with one-hot targets, without
    building them, and computed as $\log\big(1 + \sum_{c \ne y} e^{z_c - z_y}\big)$ so that a tiny loss keeps its
    relative precision (within $10^{-5}$ in float32 in the tests, where PyTorch 2.13's float32 rounds a loss of
    $10^{-8}$ to 0). Rows are processed in cache-sized
    blocks (the source comments say how), with no temporary of the input's size when ``axis`` is the last axis.

    Ignored examples (``labels == ignore_index``) get loss 0 and gradient 0. A mean over examples must then
    leave them out of the denominator too: PyTorch's ``cross_entropy(weight=w, ignore_index=i)`` with
    ``reduction="mean"`` is $\sum w_y \ell / \sum w_y$ over the examples not ignored, that is
    ``reduce(softmax_cross_entropy_with_integer_labels(z, y, ignore_index=i), "mean", weights=v)``
    ([`reduce`][snippets.reduction.reduce], the weighted mean $\sum v \ell / \sum v$) with $v = w[y]$ for the
    examples kept and 0 for the ignored ones. PyTorch's ``reduction="none"`` output is this function's output.

    Args:
        logits: unnormalised log-probabilities, shape (..., K, ...), any finite values.
        labels: integer classes in [0, K) (or ``ignore_index``), ``logits``'s shape without ``axis``. A shape
            that differs, such as (N, 1) for (N, K) logits, raises ``ValueError``; a class outside [0, K)
            raises ``IndexError``, as in PyTorch.
        axis: the class axis, or a tuple of class axes (optax): their slice of shape
            ``tuple(logits.shape[a] for a in axis)`` holds K classes, and a label is a row-major flat index
            into it, with the axes in the order given.
        ignore_index: a label value whose examples are ignored, or None (PyTorch's default is −100).
        class_weight: non-negative weight per class, shape (K,), or None.
        where: optax's mask, or None: booleans of ``logits``'s shape (the softmax runs over the classes it
            keeps; a label on a class it drops raises ``ValueError``) or of ``labels``'s shape (examples left
            out). An example that keeps no class gets loss 0.

    Returns:
        Per-example losses ≥ 0: ``labels``'s shape, in ``logits``'s floating dtype.

    References:
        ``optax.losses.softmax_cross_entropy_with_integer_labels``; ``torch.nn.functional.cross_entropy``
        (torch 2.13) with ``reduction="none"``.

    Examples:
        >>> losses = softmax_cross_entropy_with_integer_labels([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]], [0, 2])
        >>> [f"{loss:.4g}" for loss in losses]  # log(1 + e^-10 + e^-20) and ln 3
        ['4.54e-05', '1.099']
    """
    if isinstance(axis, tuple):
        flat, where, _ = _several_class_axes(axis, logits, where)
        return softmax_cross_entropy_with_integer_labels(flat, labels, axis=-1, ignore_index=ignore_index,
                                                         class_weight=class_weight, where=where)
    if where is not None:
        return _masked_integer_label_losses(logits, labels, axis, ignore_index, class_weight, where)
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


def _masked_integer_label_losses(logits, labels, axis: int, ignore_index, class_weight, where) -> np.ndarray:
    """:func:`softmax_cross_entropy_with_integer_labels` over the classes ``where`` keeps."""
    logits = as_float_array(logits, "logits")
    axis = _class_axis(logits, "logits", axis)
    labels = _labels_for(labels, logits, axis, ignore_index)
    kept = _where_mask(where, logits, axis)
    check_finite(logits[kept], "logits")
    counted = kept.any(axis=axis) & (labels != ignore_index if ignore_index is not None else True)
    labels, weights = _weighted_labels(labels, ignore_index, class_weight, logits.shape[axis], logits.dtype)
    label_kept = np.take_along_axis(kept, np.expand_dims(labels, axis), axis=axis).squeeze(axis)
    if (counted & ~label_kept).any():
        bad = labels[counted & ~label_kept].flat[0]
        raise ValueError(f"labels name class {bad}, which where masks out in that example; a label must be one of "
                         "the kept classes (optax would return logsumexp over the kept classes minus its logit)")
    log_p = np.take_along_axis(_masked_log_softmax(logits, kept, axis), np.expand_dims(labels, axis), axis=axis)
    losses = np.where(counted, 0.0 - log_p.squeeze(axis), 0).astype(logits.dtype, copy=False)
    return losses if weights is None else losses * weights


def softmax_cross_entropy_with_integer_labels_grad(logits, labels, *, axis: int | tuple[int, ...] = -1,
                                                   ignore_index=None, class_weight=None):
    r"""Gradient of `softmax_cross_entropy_with_integer_labels` with respect to the logits, per example.

    $$\frac{\partial \ell}{\partial z_c} = w_y \big(\operatorname{softmax}(z)_c - [c = y]\big)$$

    and 0 for ignored examples.

    Args:
        logits: as for
            [`softmax_cross_entropy_with_integer_labels`][snippets.categorical.softmax_cross_entropy_with_integer_labels].
        labels: as for `softmax_cross_entropy_with_integer_labels`.
        axis: as for `softmax_cross_entropy_with_integer_labels`.
        ignore_index: as for `softmax_cross_entropy_with_integer_labels`.
        class_weight: as for `softmax_cross_entropy_with_integer_labels`.

    Returns:
        The gradient, same shape and floating dtype as `logits`.

    Examples:
        >>> softmax_cross_entropy_with_integer_labels_grad([0.0, 0.0], 1)
        array([ 0.5, -0.5])
    """
    if isinstance(axis, tuple):
        flat, _, permutation = _several_class_axes(axis, logits, None)
        gradient = softmax_cross_entropy_with_integer_labels_grad(flat, labels, axis=-1, ignore_index=ignore_index,
                                                                  class_weight=class_weight)
        return _unflatten_class_axes(gradient, np.shape(logits), permutation)
    logits, axis = _finite_logits(logits, axis)
    labels = _labels_for(labels, logits, axis, ignore_index)
    num_classes = logits.shape[axis]
    labels, weights = _weighted_labels(labels, ignore_index, class_weight, num_classes, logits.dtype)
    one_hot = labels[..., None] == np.arange(num_classes)
    gradient = softmax(np.moveaxis(logits, axis, -1), axis=-1) - one_hot
    if weights is not None:
        gradient *= weights[..., None]
    return np.moveaxis(gradient, -1, axis)


def nll_loss(log_probs, labels, *, axis: int | tuple[int, ...] = -1, ignore_index=None, class_weight=None):
    r"""Negative log-likelihood of integer class labels under predicted log-probabilities, per example.

    $$\ell = -w_y \log p_y, \qquad w_y = \texttt{class\_weight}[y] \ (1 \text{ if None})$$

    `nll_loss(log_softmax(z), y)` equals
    [`softmax_cross_entropy_with_integer_labels`][snippets.categorical.softmax_cross_entropy_with_integer_labels]
    `(z, y)`. Ignored examples get loss 0; see `softmax_cross_entropy_with_integer_labels` for the mean that
    excludes them.

    Args:
        log_probs: log-probabilities (≤ 0, whose exponentials sum to 1 along ``axis``), shape (..., K, ...).
        labels: integer classes in [0, K) (or ``ignore_index``), ``log_probs``'s shape without ``axis``.
        axis: the class axis, or a tuple of class axes whose slice holds the K classes, labels being flat
            indices into it (as for `softmax_cross_entropy_with_integer_labels`).
        ignore_index: a label value whose examples are ignored, or None.
        class_weight: non-negative weight per class, shape (K,), or None.

    Returns:
        Per-example losses ≥ 0: ``labels``'s shape, in ``log_probs``'s floating dtype.

    References:
        ``torch.nn.functional.nll_loss`` (torch 2.13) with ``reduction="none"``.

    Examples:
        >>> round(float(nll_loss(np.log([0.25, 0.75]), 1)), 6)
        0.287682
    """
    if isinstance(axis, tuple):
        flat = _several_class_axes(axis, log_probs, None, "log_probs")[0]
        return nll_loss(flat, labels, axis=-1, ignore_index=ignore_index, class_weight=class_weight)
    log_probs = as_float_array(log_probs, "log_probs")
    axis = _class_axis(log_probs, "log_probs", axis)
    check_log_distribution(log_probs, "log_probs", axis=axis)
    labels = _labels_for(labels, log_probs, axis, ignore_index)
    labels, weights = _weighted_labels(labels, ignore_index, class_weight, log_probs.shape[axis], log_probs.dtype)
    losses = -np.take_along_axis(log_probs, np.expand_dims(labels, axis), axis=axis).squeeze(axis) + 0.0
    return losses if weights is None else losses * weights
