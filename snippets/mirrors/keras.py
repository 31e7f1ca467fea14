"""numpy mirrors of ``keras.losses`` (Keras 3.15.1, TensorFlow backend): functions and classes, (y_true, y_pred).

Each function and class has Keras's name, parameter names, order and defaults, and gives Keras's shapes, dtypes
and values on numpy arrays (``tests/conformance/test_keras_mirror.py`` runs each against Keras 3.15.1 with
``KERAS_BACKEND=tensorflow``). What Keras 3 does on top of the textbook losses, and the mirror with it:

- Probabilities are clipped into [ε, 1 − ε], ε = 1e-7 (``keras.backend.epsilon()``), before any logarithm, so
  a loss from probabilities never exceeds −log 1e-7 ≈ 16.12 and a perfect prediction costs 1.2e-7 in float32.
- ``categorical_crossentropy`` and ``categorical_focal_crossentropy`` first divide ``y_pred`` by its sum along
  ``axis``: unnormalised scores are silently accepted (y_pred = (5, 7) is read as (5/12, 7/12)).
- ``sparse_categorical_crossentropy`` clips first and renormalises after (it feeds log(clip(p)) to a softmax
  cross-entropy); the categorical one renormalises first and clips after.
- Label smoothing pulls binary labels towards 1/2 (K = 2) and categorical ones towards 1/K with K the size of
  the LAST axis, even when ``axis`` names another one.
- ``binary_focal_crossentropy(from_logits=True)`` reads as if it took the sigmoid and clipped, but with the
  TensorFlow backend ``keras.ops.sigmoid`` tags its result with the logits (``_keras_logits``) and the
  cross-entropy term is computed from them, unclipped (logit 1e4 of a negative costs 1e4, not 16.12); on
  another backend the clip would apply. ``kl_divergence`` clips both arguments into [ε, 1], so y_true = 0
  contributes ε·log(ε/p) and the divergence can come out slightly negative.
- The classes cast y_true and y_pred to their dtype (float32 unless ``dtype`` says otherwise), align ranks
  differing by a trailing axis of size 1, weight by ``sample_weight`` (broadcast as numpy and TF broadcast) and
  reduce: "sum_over_batch_size" and "mean" divide the weighted sum by the number of loss elements (not by the
  total weight), "mean_with_sample_weight" by the sum of the weights, "sum" does not divide, None and "none"
  keep the losses. With ``ignore_class`` the mean is over the entries not ignored, and 0 when all are.

Every loss is written here as Keras 3's TensorFlow backend writes it (the logit paths by the
[`snippets.mirrors.tf`][snippets.mirrors.tf] mirrors of the ``tf.nn`` functions Keras calls), so NaN and ±inf
come out where Keras has them. The core ([`snippets.binary`][snippets.binary],
[`snippets.categorical`][snippets.categorical]) computes the same losses on valid input and refuses the rest.
In the shapes below, C is the number of classes, the book's K.

Old tf.keras (Keras 2, TF ≤ 2.15; ``tf_keras/backend.py`` of keras-team/tf-keras, read for this module):

- ``binary_crossentropy`` of probabilities clipped into [ε, 1 − ε] and then added ε inside both logarithms:
  −[y·log(p + ε) + (1 − y)·log(1 − p + ε)]; Keras 3 only clips.
- ``sparse_categorical_crossentropy`` accepted any ``axis`` (it transposed the class axis last); Keras 3's
  TensorFlow backend raises ``ValueError`` for an axis other than the last. The categorical renormalisation and
  clip are the same in both.
- Keras 2 read the logits back from a tensor made by a softmax or sigmoid layer (op type or ``_keras_logits``)
  and used the logit path; Keras 3 keeps ``_keras_logits``. A numpy array never takes that path, nor does the
  mirror. How Keras 2's reduction treated the ``ignore_class`` mask was not checked (unverified).

Errors: Keras's ``ValueError`` (shapes or ranks that differ, an unknown reduction, a class axis other than the
last in ``sparse_categorical_crossentropy``) stays ``ValueError``; TensorFlow's ``InvalidArgumentError`` for a
class index out of range becomes ``IndexError``, as in PyTorch, with TF's words; integer predictions raise
``TypeError``, as in Keras (whose categorical losses raise ``InvalidArgumentError`` for them). Everything else
Keras computes, the mirror computes too: non-integer class indices (truncated, 1.7 is class 1), predictions
whose sum along the class axis is 0 (NaN), negative predictions or labels, probabilities above 1 (clipped),
labels outside [0, 1], any ``label_smoothing``, ``alpha`` or ``gamma``, negative or NaN sample weights, NaN
and ±inf.
"""

from __future__ import annotations

import numpy as np

from snippets._checks import check_axis, check_same_shape, float_array
from snippets.mirrors import framework_log_softmax
from snippets.mirrors import tf as tf_nn

EPSILON = 1e-7
"""``keras.backend.epsilon()``: the clip of probabilities into [ε, 1 − ε]."""

FLOATX = np.float32
"""``keras.backend.floatx()``: the dtype of Python numbers and of the loss classes by default."""

REDUCTIONS = ("sum_over_batch_size", "sum", None, "none", "mean", "mean_with_sample_weight")


def _prediction(y_pred) -> np.ndarray:
    """``keras.ops.convert_to_tensor(y_pred)``: an array keeps its floating dtype, Python numbers become float32."""
    array = np.asarray(y_pred)
    if not np.issubdtype(array.dtype, np.floating):
        raise TypeError(f"y_pred must hold floating-point numbers, got dtype {array.dtype} (Keras 3 raises "
                        "TypeError, InvalidArgumentError in the categorical losses)")
    if not isinstance(y_pred, np.ndarray):
        array = array.astype(FLOATX)
    return array


def _labels_like(y_true, y_pred: np.ndarray) -> np.ndarray:
    """``ops.cast(y_true, y_pred.dtype)``, refusing a shape that differs from y_pred's (Keras's ValueError)."""
    y_true = float_array(y_true, "y_true").astype(y_pred.dtype, copy=False)
    check_same_shape(y_true, y_pred, "y_true", "y_pred")
    return y_true


def _clip(probabilities: np.ndarray, high: float = 1 - EPSILON) -> np.ndarray:
    """Keras's clip into [ε, high], with the bounds in the array's dtype."""
    dtype = probabilities.dtype.type
    return np.clip(probabilities, dtype(EPSILON), dtype(high))


def _smooth_binary(y_true: np.ndarray, label_smoothing) -> np.ndarray:
    """Keras 3's binary smoothing (1 − α)·y + α/2, for any α (Keras does not check it)."""
    if not label_smoothing:
        return y_true
    return y_true * (1 - label_smoothing) + 0.5 * label_smoothing


def _smooth_categorical(y_true: np.ndarray, label_smoothing) -> np.ndarray:
    """Keras 3's categorical smoothing (1 − α)·y + α/K, K the size of the last axis whatever the class axis."""
    if not label_smoothing:
        return y_true
    return y_true * (1 - label_smoothing) + label_smoothing / y_true.shape[-1]


def _categorical_inputs(y_true, y_pred, label_smoothing, axis):
    """y_true (smoothed) and y_pred of one shape, and ``axis`` checked, for the categorical losses."""
    if isinstance(axis, bool):
        raise ValueError(f"`axis` must be of type `int`. Received: axis={axis} of type {type(axis)}")
    y_pred = _prediction(y_pred)
    y_true = _labels_like(y_true, y_pred)
    check_axis(y_pred, axis, "y_pred")
    return _smooth_categorical(y_true, label_smoothing), y_pred


def _renormalised_and_clipped(y_pred: np.ndarray, axis: int) -> np.ndarray:
    """Keras's y_pred / Σ y_pred along ``axis``, clipped into [ε, 1 − ε] (NaN for a sum of 0, as in Keras)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        return _clip(y_pred / y_pred.sum(axis=axis, keepdims=True))


def _binary_crossentropy(y_true: np.ndarray, y_pred: np.ndarray) -> np.ndarray:
    """Keras 3's element-wise −[y log p + (1 − y) log(1 − p)] of p clipped into [ε, 1 − ε]."""
    p = _clip(y_pred)
    return -(y_true * np.log(p) + (1 - y_true) * np.log(1 - p))


def _log(x: np.ndarray) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):  # log of a negative or 0: NaN or −inf, as in TF
        return np.log(x)


def binary_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    r"""``keras.losses.binary_crossentropy``: binary cross-entropy averaged over ``axis``.

    $$\ell = \operatorname{mean}_{\text{axis}} -\big[y \log p + (1 - y) \log(1 - p)\big],
    \qquad p = \operatorname{clip}(y_{\text{pred}}, \varepsilon, 1 - \varepsilon)$$

    With `from_logits`, the element-wise loss is that of the logits, unclipped
    ([`sigmoid_cross_entropy_with_logits`][snippets.mirrors.tf.sigmoid_cross_entropy_with_logits], which Keras
    calls); otherwise that of the clipped probabilities. `label_smoothing` $\alpha$ replaces $y$ by
    $(1 - \alpha)\, y + \alpha / 2$.

    Args:
        y_true: labels in $[0, 1]$, the shape of `y_pred`.
        y_pred: probabilities in $[0, 1]$, or logits with `from_logits`.
        from_logits: whether `y_pred` holds logits.
        label_smoothing: $\alpha$ in $[0, 1]$.
        axis: the axis averaged over.

    Returns:
        The loss with ``axis`` removed, in ``y_pred``'s floating dtype (float32 for Python lists).

    Reference:
        https://keras.io/api/losses/probabilistic_losses/#binary_crossentropy-function

    Examples:
        >>> binary_crossentropy([[0.0], [1.0]], [[0.2], [0.7]], from_logits=True).round(4)
        array([0.7981, 0.4032], dtype=float32)
    """
    y_pred = _prediction(y_pred)
    y_true = _smooth_binary(_labels_like(y_true, y_pred), label_smoothing)
    if from_logits:
        losses = tf_nn.sigmoid_cross_entropy_with_logits(labels=y_true, logits=y_pred)
    else:
        losses = _binary_crossentropy(y_true, y_pred)
    return losses.mean(axis=axis)


def categorical_crossentropy(y_true, y_pred, from_logits=False, label_smoothing=0.0, axis=-1):
    r"""``keras.losses.categorical_crossentropy``, with Keras's silent renormalisation of ``y_pred`` and its clip.

    $$\ell = -\sum_c y_c \log q_c, \qquad
    q = \operatorname{clip}\Big(\frac{y_{\text{pred}}}{\sum_c y_{\text{pred}, c}}, \varepsilon, 1 - \varepsilon\Big)$$

    along `axis`. With `from_logits`: $\ell = -\sum_c y_c \log \operatorname{softmax}(y_{\text{pred}})_c$,
    unclipped. `label_smoothing` $\alpha$ replaces $y$ by $(1 - \alpha)\, y + \alpha / K$, $K$ =
    `y_true.shape[-1]` (the last axis, whatever `axis` is).

    Args:
        y_true: one-hot or soft labels $\ge 0$, the shape of `y_pred`.
        y_pred: non-negative scores with a positive sum along `axis` (renormalised), or logits.
        from_logits: whether `y_pred` holds logits.
        label_smoothing: $\alpha$ in $[0, 1]$.
        axis: the class axis.

    Returns:
        The loss per example (``axis`` removed), in ``y_pred``'s floating dtype (float32 for Python lists).

    Reference:
        https://keras.io/api/losses/probabilistic_losses/#categorical_crossentropy-function

    Examples:
        >>> categorical_crossentropy([[0, 1]], [[5.0, 7.0]]).round(4)  # −log(7/12)
        array([0.539], dtype=float32)
    """
    y_true, y_pred = _categorical_inputs(y_true, y_pred, label_smoothing, axis)
    if from_logits:
        return tf_nn.softmax_cross_entropy_with_logits(labels=y_true, logits=y_pred, axis=axis)
    return -(y_true * np.log(_renormalised_and_clipped(y_pred, axis))).sum(axis=axis)


def _class_indices(y_true, y_pred: np.ndarray, ignore_class, axis) -> np.ndarray:
    """Keras's sparse labels: a trailing axis of size 1 squeezed, cast to int64 (1.7 truncated to 1, as Keras does)."""
    y_true = np.asarray(y_true)
    if y_true.ndim == y_pred.ndim and y_true.shape[axis] == 1:
        y_true = np.squeeze(y_true, axis=axis)
    if y_true.dtype == bool or not np.issubdtype(y_true.dtype, np.number):
        raise ValueError(f"y_true must hold class indices, got dtype {y_true.dtype}")
    if np.issubdtype(y_true.dtype, np.floating):
        if not np.isfinite(y_true).all():
            raise IndexError("y_true holds NaN or ±inf, no class index (Keras 3's cast to int64 gives a label "
                             "outside the valid range, and TensorFlow raises InvalidArgumentError)")
        y_true = y_true.astype(np.int64)
    if y_true.shape != y_pred.shape[:-1]:
        raise ValueError(f"y_true must have the shape of y_pred without its last axis, {y_pred.shape[:-1]}, "
                         f"got {y_true.shape}")
    return y_true


def _sparse_losses_and_mask(y_true, y_pred, from_logits, ignore_class, axis):
    """The per-example losses of ``sparse_categorical_crossentropy`` and the mask of entries not ignored."""
    y_pred = _prediction(y_pred)
    if y_pred.ndim == 0 or axis not in (-1, y_pred.ndim - 1):
        raise ValueError(f"Only axis=-1 is currently supported. Received: axis={axis} (Keras 3.15, TensorFlow backend)")
    labels = _class_indices(y_true, y_pred, ignore_class, axis)
    valid = None if ignore_class is None else labels != ignore_class
    if valid is not None:  # Keras: class 0 and y_pred 0 where ignored, then loss 0 there
        labels, y_pred = np.where(valid, labels, 0), np.where(valid[..., None], y_pred, 0).astype(y_pred.dtype)
    logits = y_pred if from_logits else _log(_clip(y_pred))
    try:
        losses = tf_nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    except IndexError as error:
        raise IndexError(f"y_true: {error} (TensorFlow raises InvalidArgumentError)") from None
    return (losses, None) if valid is None else (np.where(valid, losses, 0).astype(losses.dtype), valid)


def sparse_categorical_crossentropy(y_true, y_pred, from_logits=False, ignore_class=None, axis=-1):
    r"""``keras.losses.sparse_categorical_crossentropy``: cross-entropy of integer labels.

    $$\ell = -\log \operatorname{softmax}(\log q)_y = -\log \frac{q_y}{\sum_c q_c},
    \qquad q = \operatorname{clip}(y_{\text{pred}}, \varepsilon, 1 - \varepsilon)$$

    The probabilities are clipped, then renormalised by the softmax of their logarithm; with `from_logits`,
    $\ell = -\log \operatorname{softmax}(y_{\text{pred}})_y$. Entries whose label is ``ignore_class`` get loss 0.

    Args:
        y_true: integer class indices, y_pred's shape without the last axis (or with a last axis of size 1);
            floats are truncated to int64, as Keras casts them (1.7 is class 1).
        y_pred: non-negative scores or logits, shape (..., C).
        from_logits: whether ``y_pred`` holds logits.
        ignore_class: a label value to ignore (its entries get loss 0), or None.
        axis: the class axis; only the last is supported, as in Keras 3's TensorFlow backend.

    Returns:
        The loss per example, y_pred's shape without the last axis, in y_pred's floating dtype.

    Reference:
        https://keras.io/api/losses/probabilistic_losses/#sparse_categorical_crossentropy-function

    Examples:
        >>> sparse_categorical_crossentropy(np.array([1, 2]), np.array([[0.05, 0.95, 0], [0.1, 0.8, 0.1]])).round(4)
        array([0.0513, 2.3026])
    """
    return _sparse_losses_and_mask(y_true, y_pred, from_logits, ignore_class, axis)[0]


def binary_focal_crossentropy(y_true, y_pred, apply_class_balancing=False, alpha=0.25, gamma=2.0, from_logits=False,
                              label_smoothing=0.0, axis=-1):
    r"""``keras.losses.binary_focal_crossentropy``: binary cross-entropy times (1 − p_t)^γ, averaged over ``axis``.

    $$\ell = \operatorname{mean}_{\text{axis}} \alpha_t (1 - p_t)^\gamma
    \operatorname{BCE}\big(y, \operatorname{clip}(p, \varepsilon, 1 - \varepsilon)\big),
    \qquad p_t = y\, p + (1 - y)(1 - p)$$

    With `from_logits`, $p = \sigma(y_{\text{pred}})$ and BCE is that of the logits, unclipped (the TensorFlow
    backend passes the logits on, see the module docstring). $\alpha_t = \alpha\, y + (1 - \alpha)(1 - y)$ with
    `apply_class_balancing`, else 1. $p_t$ uses the unclipped $p$.

    Args:
        y_true: labels in $[0, 1]$, the shape of `y_pred`.
        y_pred: probabilities in $[0, 1]$, or logits with `from_logits`.
        apply_class_balancing: whether to weight by $\alpha_t$.
        alpha: $\alpha$ in $[0, 1]$.
        gamma: $\gamma \ge 0$.
        from_logits: whether `y_pred` holds logits.
        label_smoothing: $\alpha_s$ in $[0, 1]$; $y$ becomes $(1 - \alpha_s)\, y + \alpha_s / 2$.
        axis: the axis averaged over.

    Returns:
        The loss with ``axis`` removed, in ``y_pred``'s floating dtype (float32 for Python lists).

    Reference:
        https://keras.io/api/losses/probabilistic_losses/#binary_focal_crossentropy-function

    Examples:
        >>> binary_focal_crossentropy([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]], gamma=2).round(3)
        array([0.33 , 0.206], dtype=float32)
    """
    y_pred = _prediction(y_pred)
    y_true = _smooth_binary(_labels_like(y_true, y_pred), label_smoothing)
    if from_logits:
        cross_entropy = tf_nn.sigmoid_cross_entropy_with_logits(labels=y_true, logits=y_pred)
        with np.errstate(over="ignore"):
            y_pred = (1 / (1 + np.exp(-y_pred))).astype(y_pred.dtype)
    else:
        cross_entropy = _binary_crossentropy(y_true, y_pred)
    p_t = y_true * y_pred + (1 - y_true) * (1 - y_pred)
    with np.errstate(invalid="ignore", divide="ignore"):  # a negative base or 0 to a negative γ, as in TF
        losses = (1 - p_t) ** y_pred.dtype.type(gamma) * cross_entropy
    if apply_class_balancing:
        losses = (y_true * alpha + (1 - y_true) * (1 - alpha)) * losses
    return losses.mean(axis=axis)


def categorical_focal_crossentropy(y_true, y_pred, alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0,
                                   axis=-1):
    r"""``keras.losses.categorical_focal_crossentropy``, with the renormalisation and clip of the categorical loss.

    $$\ell = -\sum_c \alpha_c (1 - q_c)^\gamma\, y_c \log q_c, \qquad
    q = \operatorname{clip}\Big(\frac{p}{\sum_c p_c}, \varepsilon, 1 - \varepsilon\Big)$$

    along `axis`. $p$ is `y_pred`, or $\operatorname{softmax}(y_{\text{pred}})$ with `from_logits`. `alpha` is a
    number that scales every class (not a positive/negative balance) or a list of $C$ weights, broadcast along
    the LAST axis as Keras does. Smoothing as in
    [`categorical_crossentropy`][snippets.mirrors.keras.categorical_crossentropy].

    Args:
        y_true: one-hot or soft labels $\ge 0$, the shape of `y_pred`.
        y_pred: non-negative scores with a positive sum along `axis`, or logits.
        alpha: a number or a list of per-class weights.
        gamma: $\gamma \ge 0$.
        from_logits: whether `y_pred` holds logits.
        label_smoothing: $\alpha_s$ in $[0, 1]$.
        axis: the class axis.

    Returns:
        The loss per example (``axis`` removed), in ``y_pred``'s floating dtype (float32 for Python lists).

    Reference:
        https://keras.io/api/losses/probabilistic_losses/#categorical_focal_crossentropy-function

    Examples:
        >>> losses = categorical_focal_crossentropy([[0, 1, 0], [0, 0, 1]], [[0.05, 0.9, 0.05], [0.1, 0.85, 0.05]])
        >>> [f"{loss:.4g}" for loss in losses]
        ['0.0002634', '0.6759']
    """
    y_true, y_pred = _categorical_inputs(y_true, y_pred, label_smoothing, axis)
    weights = float_array(alpha, "alpha").astype(y_pred.dtype)
    if from_logits:
        y_pred = np.exp(framework_log_softmax(y_pred, axis))
    q = _renormalised_and_clipped(y_pred, axis)
    with np.errstate(invalid="ignore", divide="ignore"):
        return -((1 - q) ** y_pred.dtype.type(gamma) * weights * (y_true * np.log(q))).sum(axis=axis)


def kl_divergence(y_true, y_pred):
    r"""``keras.losses.kl_divergence``: Σ y·log(y/p) over the last axis, after clipping both into [ε, 1].

    $$\ell = \sum_c t_c \log \frac{t_c}{p_c}, \qquad t = \operatorname{clip}(y_{\text{true}}, \varepsilon, 1),
    \qquad p = \operatorname{clip}(y_{\text{pred}}, \varepsilon, 1)$$

    The clip makes $y_{\text{true}} = 0$ contribute $\varepsilon \log(\varepsilon / p)$ instead of 0, so the
    result can be slightly negative ($-1.6 \cdot 10^{-6}$ for `y_true = (0, 1)`, `y_pred = (5, 1)`); values above
    1 are clipped to 1, not renormalised.

    Args:
        y_true: target probabilities ≥ 0, the shape of ``y_pred``.
        y_pred: predicted probabilities ≥ 0.

    Returns:
        The divergence per example (last axis removed), in ``y_pred``'s floating dtype.

    Reference:
        https://keras.io/api/losses/probabilistic_losses/#kldivergence-function

    Examples:
        >>> kl_divergence(np.array([[0.0, 1.0]]), np.array([[0.5, 0.5]])).round(6)
        array([0.693146])
    """
    y_pred = _prediction(y_pred)
    y_true = _labels_like(y_true, y_pred)
    t, p = _clip(y_true, high=1.0), _clip(y_pred, high=1.0)
    return (t * np.log(t / p)).sum(axis=-1)


def _squeeze_or_expand_to_same_rank(x1: np.ndarray, x2: np.ndarray):
    """Keras's alignment of two arrays whose ranks differ by a trailing axis of size 1 (keras/src/losses/loss.py).

    The longer one loses that axis, except that a rank-1 partner gains one instead.
    """
    if x1.ndim == x2.ndim + 1 and x1.shape[-1] == 1:
        return (x1, x2[..., None]) if x2.ndim == 1 else (np.squeeze(x1, axis=-1), x2)
    if x2.ndim == x1.ndim + 1 and x2.shape[-1] == 1:
        return (x1[..., None], x2) if x1.ndim == 1 else (x1, np.squeeze(x2, axis=-1))
    return x1, x2


def _divide_no_nan(numerator, denominator):
    """x / y, and 0 where y = 0 (``ops.divide_no_nan``)."""
    return np.where(denominator == 0, 0, numerator / np.where(denominator == 0, 1, denominator))


def _reduce_weighted_values(values: np.ndarray, sample_weight, mask, reduction, dtype) -> np.ndarray:
    """Keras 3's ``reduce_weighted_values``: merge the mask into the sample weights, weight, reduce."""
    if sample_weight is not None:
        sample_weight = float_array(sample_weight, "sample_weight").astype(dtype, copy=False)
    if mask is not None:
        if reduction in ("mean", "sum_over_batch_size"):  # valid entries weigh total/valid: the mean is over them
            float_mask = np.where(mask, _divide_no_nan(dtype(mask.size), dtype(mask.sum())), 0).astype(dtype)
        else:
            float_mask = mask.astype(dtype)
        if sample_weight is None:
            sample_weight = float_mask
        else:
            float_mask, sample_weight = _squeeze_or_expand_to_same_rank(float_mask, sample_weight)
            sample_weight = sample_weight * float_mask
    if sample_weight is not None:
        values, sample_weight = _squeeze_or_expand_to_same_rank(values, sample_weight)
        try:
            values = values * sample_weight
        except ValueError:
            raise ValueError(f"sample_weight of shape {sample_weight.shape} does not broadcast against the losses "
                             f"of shape {values.shape}") from None
    if reduction in (None, "none") or values.shape in ((), (0,)):
        return values
    total = np.asarray(values.sum())
    if reduction == "sum":
        return total
    if reduction == "mean_with_sample_weight" and sample_weight is not None:
        divisor = sample_weight.sum(dtype=dtype)
    else:
        divisor = dtype(values.size)
    return np.asarray(_divide_no_nan(total, divisor), dtype)


class _Loss:
    """Keras 3's ``LossFunctionWrapper``: cast to ``dtype``, align ranks, per-example losses, weight and reduce."""

    def __init__(self, reduction, name, dtype):
        if reduction not in REDUCTIONS:
            raise ValueError(f"Invalid value for argument `reduction`. Expected one of {REDUCTIONS}. "
                             f"Received: reduction={reduction}")
        self.reduction = reduction
        self.name = name
        self.dtype = np.dtype(FLOATX if dtype is None else dtype).type

    def __call__(self, y_true, y_pred, sample_weight=None):
        y_pred = float_array(np.asarray(y_pred, dtype=self.dtype), "y_pred")
        y_true = float_array(np.asarray(y_true, dtype=self.dtype), "y_true")
        y_true, y_pred = _squeeze_or_expand_to_same_rank(y_true, y_pred)
        losses, mask = self._losses_and_mask(y_true, y_pred)
        return _reduce_weighted_values(losses, sample_weight, mask, self.reduction, self.dtype)

    def _losses_and_mask(self, y_true, y_pred):
        raise NotImplementedError


class _SmoothedCrossentropy(_Loss):
    """A loss class over a function of (y_true, y_pred, from_logits, label_smoothing, axis)."""

    def __init__(self, function, from_logits, label_smoothing, axis, reduction, name, dtype):
        super().__init__(reduction, name, dtype)
        self._function = function
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis

    def _losses_and_mask(self, y_true, y_pred):
        return self._function(y_true, y_pred, self.from_logits, self.label_smoothing, self.axis), None


class BinaryCrossentropy(_SmoothedCrossentropy):
    r"""``keras.losses.BinaryCrossentropy``: `binary_crossentropy`, weighted by sample and reduced.

    $$L = \frac{1}{N} \sum_n w_n \ell_n \quad \text{for "sum\_over\_batch\_size"}, \qquad
    \ell_n = \texttt{binary\_crossentropy}(y_n, \hat y_n)$$

    over the $N$ losses $\ell_n$.

    Args:
        from_logits: as for [`binary_crossentropy`][snippets.mirrors.keras.binary_crossentropy].
        label_smoothing: as for `binary_crossentropy`.
        axis: as for `binary_crossentropy`.
        reduction: "sum_over_batch_size" (default), "sum", "mean", "mean_with_sample_weight", None or "none".
        name: the loss's name (kept as an attribute).
        dtype: the dtype y_true and y_pred are cast to; None means float32.

    Examples:
        >>> BinaryCrossentropy()([[0, 1], [0, 1]], [[0.05, 0.95], [0.8, 0.2]]).round(4)
        np.float32(0.8304)
    """

    def __init__(self, from_logits=False, label_smoothing=0.0, axis=-1, reduction="sum_over_batch_size",
                 name="binary_crossentropy", dtype=None):
        super().__init__(binary_crossentropy, from_logits, label_smoothing, axis, reduction, name, dtype)


class CategoricalCrossentropy(_SmoothedCrossentropy):
    r"""``keras.losses.CategoricalCrossentropy``: `categorical_crossentropy`, weighted by sample and reduced.

    $$L = \frac{1}{N} \sum_n w_n \ell_n \quad \text{for "sum\_over\_batch\_size"}, \qquad
    \ell_n = \texttt{categorical\_crossentropy}(y_n, \hat y_n)$$

    over the $N$ losses $\ell_n$.

    Args:
        from_logits: as for [`categorical_crossentropy`][snippets.mirrors.keras.categorical_crossentropy].
        label_smoothing: as for `categorical_crossentropy`.
        axis: as for `categorical_crossentropy`.
        reduction: "sum_over_batch_size" (default), "sum", "mean", "mean_with_sample_weight", None or "none".
        name: the loss's name (kept as an attribute).
        dtype: the dtype y_true and y_pred are cast to; None means float32.

    Examples:
        >>> CategoricalCrossentropy()([[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]).round(3)
        np.float32(1.177)
    """

    def __init__(self, from_logits=False, label_smoothing=0.0, axis=-1, reduction="sum_over_batch_size",
                 name="categorical_crossentropy", dtype=None):
        super().__init__(categorical_crossentropy, from_logits, label_smoothing, axis, reduction, name, dtype)


class SparseCategoricalCrossentropy(_Loss):
    r"""``keras.losses.SparseCategoricalCrossentropy``: `sparse_categorical_crossentropy`, reduced.

    $$L = \frac{\sum_n w_n \ell_n}{\#\{n \text{ not ignored}\}}$$

    for "sum_over_batch_size" and "mean" (0 if all are ignored).

    Args:
        from_logits: as for [`sparse_categorical_crossentropy`][snippets.mirrors.keras.sparse_categorical_crossentropy].
        ignore_class: as for `sparse_categorical_crossentropy`.
        reduction: "sum_over_batch_size" (default), "sum", "mean", "mean_with_sample_weight", None or "none".
        axis: the class axis (only the last).
        name: the loss's name (kept as an attribute).
        dtype: the dtype y_true and y_pred are cast to; None means float32.

    Examples:
        >>> SparseCategoricalCrossentropy(ignore_class=-1)([1, -1, 2], [[0.05, 0.95, 0], [0.1, 0.8, 0.1], [0.1, 0.8, 0.1]]).round(4)
        np.float32(1.1769)
    """

    def __init__(self, from_logits=False, ignore_class=None, reduction="sum_over_batch_size", axis=-1,
                 name="sparse_categorical_crossentropy", dtype=None):
        super().__init__(reduction, name, dtype)
        self.from_logits = from_logits
        self.ignore_class = ignore_class
        self.axis = axis

    def _losses_and_mask(self, y_true, y_pred):
        return _sparse_losses_and_mask(y_true, y_pred, self.from_logits, self.ignore_class, self.axis)


class BinaryFocalCrossentropy(_Loss):
    r"""``keras.losses.BinaryFocalCrossentropy``: `binary_focal_crossentropy`, weighted by sample and reduced.

    $$L = \frac{1}{N} \sum_n w_n \ell_n \quad \text{for "sum\_over\_batch\_size"}, \qquad
    \ell_n = \texttt{binary\_focal\_crossentropy}(y_n, \hat y_n)$$

    Args:
        apply_class_balancing: whether to weight by $\alpha_t$, as for
            [`binary_focal_crossentropy`][snippets.mirrors.keras.binary_focal_crossentropy].
        alpha: $\alpha \in [0, 1]$.
        gamma: $\gamma \ge 0$.
        from_logits: whether ``y_pred`` holds logits.
        label_smoothing: $\alpha_s \in [0, 1]$.
        axis: the axis averaged over.
        reduction: "sum_over_batch_size" (default), "sum", "mean", "mean_with_sample_weight", None or "none".
        name: the loss's name (kept as an attribute).
        dtype: the dtype y_true and y_pred are cast to; None means float32.

    Examples:
        >>> BinaryFocalCrossentropy(gamma=2)([[0, 1], [0, 0]], [[0.6, 0.4], [0.4, 0.6]]).round(3)
        np.float32(0.268)
    """

    def __init__(self, apply_class_balancing=False, alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0,
                 axis=-1, reduction="sum_over_batch_size", name="binary_focal_crossentropy", dtype=None):
        super().__init__(reduction, name, dtype)
        self.apply_class_balancing = apply_class_balancing
        self.alpha = alpha
        self.gamma = gamma
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis

    def _losses_and_mask(self, y_true, y_pred):
        return binary_focal_crossentropy(y_true, y_pred, self.apply_class_balancing, self.alpha, self.gamma,
                                         self.from_logits, self.label_smoothing, self.axis), None


class CategoricalFocalCrossentropy(_Loss):
    r"""``keras.losses.CategoricalFocalCrossentropy``: `categorical_focal_crossentropy`, weighted and reduced.

    $$L = \frac{1}{N} \sum_n w_n \ell_n \quad \text{for "sum\_over\_batch\_size"}, \qquad
    \ell_n = \texttt{categorical\_focal\_crossentropy}(y_n, \hat y_n)$$

    Args:
        alpha: a number or a list of per-class weights, as for
            [`categorical_focal_crossentropy`][snippets.mirrors.keras.categorical_focal_crossentropy].
        gamma: $\gamma \ge 0$.
        from_logits: whether ``y_pred`` holds logits.
        label_smoothing: $\alpha_s \in [0, 1]$.
        axis: the class axis.
        reduction: "sum_over_batch_size" (default), "sum", "mean", "mean_with_sample_weight", None or "none".
        name: the loss's name (kept as an attribute).
        dtype: the dtype y_true and y_pred are cast to; None means float32.

    Examples:
        >>> loss = CategoricalFocalCrossentropy()
        >>> loss([[0, 1, 0], [0, 0, 1]], [[0.05, 0.9, 0.05], [0.1, 0.85, 0.05]]).round(4)
        np.float32(0.3381)
    """

    def __init__(self, alpha=0.25, gamma=2.0, from_logits=False, label_smoothing=0.0, axis=-1,
                 reduction="sum_over_batch_size", name="categorical_focal_crossentropy", dtype=None):
        super().__init__(reduction, name, dtype)
        self.alpha = alpha
        self.gamma = gamma
        self.from_logits = from_logits
        self.label_smoothing = label_smoothing
        self.axis = axis

    def _losses_and_mask(self, y_true, y_pred):
        return categorical_focal_crossentropy(y_true, y_pred, self.alpha, self.gamma, self.from_logits,
                                              self.label_smoothing, self.axis), None


class KLDivergence(_Loss):
    r"""``keras.losses.KLDivergence``: `kl_divergence` over the last axis, weighted by sample and reduced.

    $$L = \frac{1}{N} \sum_n w_n \sum_c t_{n,c} \log \frac{t_{n,c}}{p_{n,c}} \quad \text{for
    "sum\_over\_batch\_size"}, \qquad t, p \text{ clipped into } [\varepsilon, 1]$$

    Args:
        reduction: "sum_over_batch_size" (default), "sum", "mean", "mean_with_sample_weight", None or "none".
        name: the loss's name (kept as an attribute).
        dtype: the dtype y_true and y_pred are cast to; None means float32.

    Examples:
        >>> KLDivergence()([[0.0, 1.0], [0.5, 0.5]], [[0.5, 0.5], [0.5, 0.5]]).round(4)
        np.float32(0.3466)
    """

    def __init__(self, reduction="sum_over_batch_size", name="kl_divergence", dtype=None):
        super().__init__(reduction, name, dtype)

    def _losses_and_mask(self, y_true, y_pred):
        return kl_divergence(y_true, y_pred), None
