r"""numpy mirrors of ``torch.nn.functional``'s losses (torch 2.13.0) and of ``torchvision.ops.sigmoid_focal_loss``.

Each function has torch's name, parameter names, order and defaults, and gives torch's shapes, dtypes and
values on numpy arrays (``tests/conformance/test_torch_mirror.py`` runs each against torch 2.13.0). The loss
itself comes from the core of `snippets`; this module adds what torch does on top: the class axis 1 of
(N, C, d1, ..., dK) inputs, the reductions and their weighted means, label smoothing combined with class weights
and ``ignore_index``, the legacy implicit ``dim`` of softmax. Shapes keep torch's notation: C is the number of
classes, the book's K, and d1, ..., dK are extra dimensions (torch's K is not a number of classes).

Signatures: torch's deprecated ``size_average`` and ``reduce`` arguments (replaced by ``reduction`` since torch
0.4.1) are omitted. torch places them between other parameters, so every parameter after them is keyword-only
here: a positional call written for torch, such as ``cross_entropy(x, y, w, None, 0)``, raises ``TypeError``
instead of binding a value to the wrong parameter. ``softmax`` and ``log_softmax`` omit the private
``_stacklevel`` and take ``dtype`` by keyword.

Errors: where torch raises, the mirror raises, and only there. torch's ``IndexError`` (a class index out of range,
"Target 3 is out of bounds."; a ``dim`` out of range) stays ``IndexError``; torch's ``ValueError`` and
``RuntimeError`` (target of the wrong dtype or shape, ``label_smoothing`` above 1, a ``weight`` of the wrong
length, an unknown ``reduction``, ``binary_cross_entropy`` input or target outside [0, 1] or NaN, shapes that do
not broadcast, ``one_hot`` classes out of range) become ``ValueError``, with torch's words in the message;
its ``TypeError`` for an ``ignore_index`` or ``label_smoothing`` of the wrong type stays ``TypeError``.
Everything torch computes, the mirror computes with torch's formula, NaN and ±inf included: NaN and ±inf logits
(NaN or ±inf losses where torch has them), ``label_smoothing`` below 0 or NaN (no smoothing, as in torch),
probability targets that are negative or do not sum to 1, ``nll_loss`` input that is not log-probabilities
(−input[y]), negative or NaN class weights, targets outside [0, 1] and negative or broadcast ``pos_weight`` in
``binary_cross_entropy_with_logits``, negative ``kl_div`` targets (NaN), ``mse_loss`` targets of another shape
(broadcast, with torch's UserWarning) and weights that are negative or sum to 0. The core of `snippets` refuses
these inputs by design; a mirror only reproduces the framework.
"""

from __future__ import annotations

import warnings

import numpy as np

from snippets import binary
from snippets._checks import float_array
from snippets.mirrors import framework_log_softmax as _log_softmax

_REDUCTIONS = ("none", "mean", "sum")


def _check_reduction(reduction, allowed=_REDUCTIONS) -> None:
    if not isinstance(reduction, str) or reduction not in allowed:
        raise ValueError(f"{reduction} is not a valid value for reduction; expected one of {allowed}")


def _softmax(x: np.ndarray, axis: int) -> np.ndarray:
    """torch's softmax, e^(x − m) / Σ e^(x − m), with NaN where `framework_log_softmax` has NaN."""
    with np.errstate(invalid="ignore"):
        e = np.exp(x - x.max(axis=axis, keepdims=True))
        return e / e.sum(axis=axis, keepdims=True)


def _log_sigmoid(x: np.ndarray) -> np.ndarray:
    """torch's log_sigmoid, min(x, 0) − log1p(e^(−|x|)): 0 at +inf, −inf at −inf, NaN for NaN."""
    return np.minimum(x, 0) - np.log1p(np.exp(-np.abs(x)))


def _label_smoothing(value) -> float:
    """torch's check of ``label_smoothing`` (RuntimeError above 1, as ValueError here); ≤ 0 and NaN mean 0."""
    if isinstance(value, str) or np.ndim(value) != 0 or not np.isrealobj(value) or value is None:
        raise TypeError(f"label_smoothing must be float, not {type(value).__name__}")
    number = float(value)
    if number > 1:
        raise ValueError(f"label_smoothing must be between 0.0 and 1.0. Got: {value}")
    return number if number > 0 else 0.0


def _reduce(losses: np.ndarray, reduction: str, *, total_weight=None):
    """torch's reduction: the losses, their sum, or their sum over ``total_weight`` (default: their count).

    A mean over nothing (no element, or only ignored targets) is 0/0 = nan, as in torch.
    """
    if reduction == "none":
        return losses
    total = np.asarray(losses.sum())
    if reduction == "sum":
        return total
    count = np.asarray(losses.size if total_weight is None else total_weight, losses.dtype)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(total / count)


def _class_axis(scores: np.ndarray) -> int:
    """torch's class axis: 0 for an unbatched input (C,), else 1 in (N, C, d1, ..., dK)."""
    if scores.ndim == 0:
        raise ValueError("input must have a class dimension: shape (C,) or (N, C, d1, ..., dK), got a scalar")
    return 0 if scores.ndim == 1 else 1


def _per_class(weight, num_classes: int, class_axis: int, ndim: int):
    """``weight`` of shape (C,), reshaped to broadcast along ``class_axis`` of an ``ndim``-dimensional input."""
    weight = float_array(weight, "weight")
    if weight.shape != (num_classes,):
        raise ValueError(f"weight tensor should be defined either for all {num_classes} classes or no classes but "
                         f"got weight tensor of shape: {list(weight.shape)}")
    return weight.reshape((num_classes,) + (1,) * (ndim - 1 - class_axis))


def _class_indices(target, scores: np.ndarray, class_axis: int, ignore_index) -> np.ndarray:
    """``target`` as class indices for ``scores``: integer, of the shape of ``scores`` without the class axis."""
    target = np.asarray(target)
    expected = scores.shape[:class_axis] + scores.shape[class_axis + 1 :]
    if target.dtype == bool or not np.issubdtype(target.dtype, np.integer):
        raise ValueError(f"target must hold class indices (an integer dtype) of shape {expected}, or class "
                         f"probabilities of input's shape {scores.shape}; got dtype {target.dtype}")
    if scores.ndim >= 2 and target.ndim >= 1 and target.shape[0] != scores.shape[0]:
        raise ValueError(f"Expected input batch_size ({scores.shape[0]}) to match target batch_size "
                         f"({target.shape[0]})")
    if target.shape != expected:
        raise ValueError(f"target must have shape {expected} (input's shape without the class axis {class_axis}), "
                         f"got {target.shape}")
    if isinstance(ignore_index, bool) or not isinstance(ignore_index, (int, np.integer)):
        raise TypeError(f"argument 'ignore_index' must be int, not {type(ignore_index).__name__}")
    kept = target[target != ignore_index]
    outside = kept[(kept < 0) | (kept >= scores.shape[class_axis])]
    if outside.size:
        raise IndexError(f"Target {outside[0]} is out of bounds.")
    return target


def _target_weights(target: np.ndarray, weight, ignore_index, dtype) -> np.ndarray:
    """w[y] per target, 0 where y = ignore_index (1 for every kept target without ``weight``).

    Their sum is the divisor of torch's mean. Any real weights are used as given, negative ones included (torch
    2.13 computes with them; its own tests draw class weights from [-9, 9)); the core refuses those by design.
    """
    kept = target != ignore_index
    if weight is None:
        return kept.astype(dtype)
    return np.where(kept, weight.reshape(-1)[np.where(kept, target, 0)], 0).astype(dtype)


def cross_entropy(input, target, weight=None, *, ignore_index=-100, reduction="mean", label_smoothing=0.0):
    r"""``torch.nn.functional.cross_entropy``: softmax cross-entropy with class indices or class probabilities.

    The function behind `torch.nn.CrossEntropyLoss`. Class indices $y$ (integer target, input's shape without the
    class axis), weight $w$ (1 without `weight`), smoothing $\varepsilon$ over $C$ classes,
    $p = \operatorname{softmax}(\text{input})$ along the class axis:

    $$\ell_n = (1 - \varepsilon)\, w_{y_n} (-\log p_{n, y_n}) + \frac{\varepsilon}{C} \sum_c w_c (-\log p_{n, c}),
    \qquad \text{mean} = \frac{\sum_n \ell_n}{\sum_n w_{y_n}}$$

    with $\ell_n = 0$ where $y_n$ = `ignore_index`, and the mean over the targets not ignored (nan if there are
    none). The smoothing term carries every class's weight while the mean divides by the weights of the targets
    only (torch 2.13, `cross_entropy_loss_label_smoothing` in aten/src/ATen/native/LossNLL.cpp).

    Class probabilities $t$ (floating target of input's shape), $t' = (1 - \varepsilon)\, t + \varepsilon / C$:

    $$\ell_n = -\sum_c w_c\, t'_{n, c} \log p_{n, c}, \qquad \text{mean} = \frac{1}{N} \sum_n \ell_n$$

    over the $N$ losses: not divided by the weights, unlike the index form.

    Args:
        input: logits, shape $(C,)$, $(N, C)$ or $(N, C, d_1, \dots, d_K)$; the class axis is 1 (0 for $(C,)$).
        target: class indices of shape $()$, $(N,)$ or $(N, d_1, \dots, d_K)$, or class probabilities of input's
            shape.
        weight: per-class weights, shape $(C,)$, or None; any real numbers, negative ones included, as in torch
            (the core refuses those).
        ignore_index: index target whose loss is 0 and which the mean leaves out; with probability targets
            only the default -100 is accepted, as in torch.
        reduction: "none" (per-example losses), "mean" or "sum".
        label_smoothing: $\varepsilon \le 1$ (above 1 raises, as in torch); a value $\le 0$ or NaN means no
            smoothing, as in torch 2.13.

    Returns:
        Per-example losses (input's shape without the class axis) for "none", otherwise a 0-d array; input's
        floating dtype.

    Reference:
        https://pytorch.org/docs/stable/generated/torch.nn.functional.cross_entropy.html

    Examples:
        >>> logits = np.array([[2.0, 0.0, 0.0], [0.0, 0.0, 0.0]])
        >>> round(float(cross_entropy(logits, np.array([0, -100]), label_smoothing=0.1)), 4)
        0.3729
    """
    _check_reduction(reduction)
    label_smoothing = _label_smoothing(label_smoothing)
    logits = float_array(input, "input")
    class_axis = _class_axis(logits)
    num_classes = logits.shape[class_axis]
    weight = None if weight is None else _per_class(weight, num_classes, class_axis, logits.ndim)
    log_probs = _log_softmax(logits, class_axis)
    if np.shape(target) == logits.shape:
        losses = _cross_entropy_with_probabilities(log_probs, np.asarray(target), weight, ignore_index,
                                                   label_smoothing, class_axis)
        return _reduce(losses, reduction)
    target = _class_indices(target, logits, class_axis, ignore_index)
    target_weights = _target_weights(target, weight, ignore_index, logits.dtype)
    losses = _negative_log_likelihood(log_probs, target, target_weights, class_axis, ignore_index)
    if label_smoothing:
        with np.errstate(invalid="ignore"):  # 0 · (−inf) is NaN, as in torch
            uniform = -(log_probs * (1 if weight is None else weight)).sum(axis=class_axis)
        losses = (1 - label_smoothing) * losses + label_smoothing / num_classes * np.where(
            target != ignore_index, uniform, 0)
    return _reduce(losses, reduction, total_weight=target_weights.sum())


def _negative_log_likelihood(log_probs, target, target_weights, class_axis, ignore_index):
    """Per-example −w[y] · log_probs[y] along the class axis, exactly 0 where y = ``ignore_index`` (even for NaN)."""
    kept = target != ignore_index
    picked = np.take_along_axis(log_probs, np.expand_dims(np.where(kept, target, 0), class_axis), axis=class_axis)
    with np.errstate(invalid="ignore"):  # 0 · (−inf) is NaN, as in torch
        return np.where(kept, -target_weights * np.squeeze(picked, axis=class_axis), 0).astype(log_probs.dtype)


def _cross_entropy_with_probabilities(log_probs, target, weight, ignore_index, label_smoothing, class_axis):
    """Per-example −Σ_c w_c t'_c log p_c for probability targets, any real t (see :func:`cross_entropy`)."""
    if ignore_index != -100:
        raise ValueError("ignore_index is not supported for floating point target (torch 2.13 raises RuntimeError)")
    if not np.issubdtype(target.dtype, np.floating):
        raise ValueError(f"Expected floating point type for target with class probabilities, got {target.dtype}")
    target = target.astype(log_probs.dtype, copy=False)
    if label_smoothing:
        target = target * (1 - label_smoothing) + label_smoothing / log_probs.shape[class_axis]
    with np.errstate(invalid="ignore"):  # 0 · (−inf) is NaN, as in torch
        if weight is not None:
            log_probs = log_probs * weight
        return -(log_probs * target).sum(axis=class_axis)


def nll_loss(input, target, weight=None, *, ignore_index=-100, reduction="mean"):
    r"""``torch.nn.functional.nll_loss``: negative log-likelihood of class indices under log-probabilities.

    $$\ell_n = -w_{y_n}\, \text{input}[n, y_n], \qquad \text{mean} = \frac{\sum_n \ell_n}{\sum_n w_{y_n}}$$

    with $\ell_n = 0$ where $y_n$ = `ignore_index` and the mean over the targets not ignored. The function behind
    `torch.nn.NLLLoss`.

    Args:
        input: log-probabilities, shape $(C,)$, $(N, C)$ or $(N, C, d_1, \dots, d_K)$; class axis 1 (0 for
            $(C,)$). Any real numbers are used as given, as in torch (the core refuses non-log-probabilities).
        target: class indices of input's shape without the class axis.
        weight: per-class weights, shape $(C,)$, or None; any real numbers, negative ones included, as in torch
            (the core refuses those).
        ignore_index: target value whose loss is 0 and which the mean leaves out.
        reduction: "none", "mean" or "sum".

    Returns:
        Per-example losses for "none", otherwise a 0-d array; input's floating dtype.

    Reference:
        https://pytorch.org/docs/stable/generated/torch.nn.functional.nll_loss.html

    Examples:
        >>> float(nll_loss(np.log([[0.5, 0.5], [0.25, 0.75]]), np.array([0, 1]), reduction="sum").round(4))
        0.9808
    """
    _check_reduction(reduction)
    log_probs = float_array(input, "input")
    class_axis = _class_axis(log_probs)
    weight = None if weight is None else _per_class(weight, log_probs.shape[class_axis], class_axis, log_probs.ndim)
    target = _class_indices(target, log_probs, class_axis, ignore_index)
    target_weights = _target_weights(target, weight, ignore_index, log_probs.dtype)
    losses = _negative_log_likelihood(log_probs, target, target_weights, class_axis, ignore_index)
    return _reduce(losses, reduction, total_weight=target_weights.sum())


def _element_weighted(losses: np.ndarray, weight) -> np.ndarray:
    """``losses`` times ``weight`` broadcast to their shape (torch refuses a weight that would enlarge them)."""
    if weight is None:
        return losses
    weight = float_array(weight, "weight")
    try:
        weight = np.broadcast_to(weight, losses.shape)
    except ValueError:
        raise ValueError(f"weight of shape {weight.shape} does not broadcast to input's shape {losses.shape}") from None
    return losses * weight


def _check_unit_interval(x: np.ndarray, name: str) -> None:
    """torch's check of binary_cross_entropy's arguments: every element in [0, 1] (NaN fails it)."""
    outside = ~((x >= 0) & (x <= 1))
    if outside.any():
        raise ValueError(f"all elements of {name} should be between 0 and 1 (torch 2.13 raises RuntimeError), "
                         f"got {x[outside].flat[0]}")


def binary_cross_entropy(input, target, weight=None, *, reduction="mean"):
    r"""``torch.nn.functional.binary_cross_entropy``: binary cross-entropy of probabilities, log clamped at −100.

    $$\ell = -w \big[t \max(\log p, -100) + (1 - t) \max(\log(1 - p), -100)\big]$$

    and the mean is $\sum \ell$ over the number of elements. The function behind `torch.nn.BCELoss`. The clamp
    makes $p = 0$ or 1 give a finite loss (100 for a certain wrong prediction). `weight` rescales each element
    and broadcasts to input's shape; the mean still divides by the number of elements.

    Args:
        input: probabilities $p$ in $[0, 1]$, any shape (outside, or NaN, raises as in torch).
        target: targets $t$ in $[0, 1]$, input's shape (outside, or NaN, raises as in torch).
        weight: per-element weights broadcastable to input's shape, or None.
        reduction: "none", "mean" or "sum".

    Returns:
        Element-wise losses for "none", otherwise a 0-d array; input's floating dtype.

    Reference:
        https://pytorch.org/docs/stable/generated/torch.nn.BCELoss.html

    Examples:
        >>> binary_cross_entropy(np.array([0.0, 0.5]), np.array([1.0, 1.0]), reduction="none").round(4)
        array([100.    ,   0.6931])
    """
    _check_reduction(reduction)
    probs = float_array(input, "input")
    target = float_array(target, "target")
    if target.shape != probs.shape:
        raise ValueError(f"Using a target size ({target.shape}) that is different to the input size "
                         f"({probs.shape}) is refused, as in torch")
    _check_unit_interval(probs, "input")
    _check_unit_interval(target, "target")
    return _reduce(_element_weighted(binary.binary_cross_entropy(probs, target), weight), reduction)


def binary_cross_entropy_with_logits(input, target, weight=None, *, reduction="mean", pos_weight=None):
    r"""``torch.nn.functional.binary_cross_entropy_with_logits``: binary cross-entropy of logits.

    $$\ell = w \big[q\, t \operatorname{softplus}(-x) + (1 - t) \operatorname{softplus}(x)\big],
    \qquad q = \texttt{pos\_weight}$$

    and the mean is $\sum \ell$ over the number of elements. The function behind `torch.nn.BCEWithLogitsLoss`,
    computed as torch 2.13 computes it, $(1 - t)\,x - (1 + (q - 1)\,t) \log \sigma(x)$ (NaN for $t = 1$ at
    $x = +\infty$, as in torch); [`sigmoid_binary_cross_entropy`][snippets.binary.sigmoid_binary_cross_entropy]
    is the core's version, which refuses what torch computes here.

    Args:
        input: logits $x$, any shape.
        target: targets $t$, input's shape; values outside $[0, 1]$ are used as given, as in torch.
        weight: per-element weights broadcastable to input's shape, or None.
        reduction: "none", "mean" or "sum".
        pos_weight: weight $q$ of the positive term, broadcast against input (a number, one per class along the
            last axis, ...), any real value as in torch; None means 1.

    Returns:
        Element-wise losses for "none", otherwise a 0-d array; input's floating dtype.

    Reference:
        https://pytorch.org/docs/stable/generated/torch.nn.BCEWithLogitsLoss.html

    Examples:
        >>> binary_cross_entropy_with_logits(np.array([0.0, 0.0]), np.array([1.0, 1.0]), pos_weight=np.array([1.0, 3.0]),
        ...                                  reduction="none").round(4)
        array([0.6931, 2.0794])
    """
    _check_reduction(reduction)
    logits = float_array(input, "input")
    target = float_array(target, "target")
    if target.shape != logits.shape:
        raise ValueError(f"Target size ({target.shape}) must be the same as input size ({logits.shape})")
    log_sigmoid = _log_sigmoid(logits)
    if pos_weight is not None:
        pos_weight = float_array(pos_weight, "pos_weight")
        try:
            log_sigmoid = log_sigmoid * ((pos_weight - 1) * target + 1)
        except ValueError:
            raise ValueError(f"pos_weight of shape {pos_weight.shape} does not broadcast against input's shape "
                             f"{logits.shape} (torch 2.13 raises RuntimeError: the size of tensor a must match "
                             "the size of tensor b)") from None
    with np.errstate(invalid="ignore"):  # 0 · ±inf is NaN, as in torch
        losses = (1 - target) * logits - log_sigmoid
    return _reduce(_element_weighted(losses, weight), reduction)


def kl_div(input, target, *, reduction="mean", log_target=False):
    r"""``torch.nn.functional.kl_div``: the pointwise terms of KL(target ‖ exp(input)), then a reduction.

    $$\ell = t \log t - t\,x \quad (t \log t = 0 \text{ where } t = 0), \qquad
    \text{or with } \texttt{log\_target}\text{: } \ell = e^t (t - x)$$

    The function behind `torch.nn.KLDivLoss`. torch's terms are element-wise with no class axis, so this writes
    them out; the per-example sum over a class axis is
    [`divergence.kl_divergence`][snippets.divergence.kl_divergence]. "batchmean" divides the sum by
    `input.shape[0]` (the KL divergence per example); "mean" divides by the number of elements, which torch 2.13
    warns is not the KL divergence and will change to "batchmean" in its next major release.

    Args:
        input: log-probabilities $x$, any shape.
        target: probabilities $t$ (or their logarithms with `log_target`), input's shape or one that broadcasts
            against it, as in torch; negative $t$ give NaN, as in torch.
        reduction: "none", "mean", "sum" or "batchmean".
        log_target: whether ``target`` holds log t.

    Returns:
        Element-wise terms for "none", otherwise a 0-d array; input's floating dtype.

    Reference:
        https://pytorch.org/docs/stable/generated/torch.nn.KLDivLoss.html

    Examples:
        >>> float(kl_div(np.log([[0.5, 0.5]]), np.array([[1.0, 0.0]]), reduction="batchmean").round(6))
        0.693147
    """
    _check_reduction(reduction, _REDUCTIONS + ("batchmean",))
    log_predictions = float_array(input, "input")
    target = float_array(target, "target")
    try:
        np.broadcast_shapes(log_predictions.shape, target.shape)
    except ValueError:
        raise ValueError(f"target of shape {target.shape} does not broadcast against input's shape "
                         f"{log_predictions.shape} (torch 2.13 raises RuntimeError: the size of tensor a must match "
                         "the size of tensor b)") from None
    with np.errstate(invalid="ignore", divide="ignore"):
        if log_target:
            terms = np.exp(target) * (target - log_predictions)
        else:  # torch's xlogy(t, t) − t·x: 0·log 0 = 0, but 0·(−inf) and t < 0 give NaN
            terms = np.where(target == 0, 0, target * np.log(target)) - target * log_predictions
    if reduction == "batchmean":
        total = np.asarray(terms.sum())
        return total if log_predictions.ndim == 0 else np.asarray(total / terms.dtype.type(log_predictions.shape[0]))
    return _reduce(terms, reduction)


def mse_loss(input, target, *, reduction="mean", weight=None):
    r"""``torch.nn.functional.mse_loss``: squared error, element-wise, then a reduction.

    $$\ell = w\,(x - y)^2$$

    and the mean is $\sum \ell / \sum w$ with `weight` (torch 2.13), $\sum \ell$ over the number of elements
    without. The function behind `torch.nn.MSELoss`.

    Args:
        input: predictions $x$, any shape.
        target: targets $y$, input's shape; another shape is broadcast with torch's UserWarning.
        reduction: "none", "mean" or "sum".
        weight: per-element weights of input's shape, or None; any real values (weights summing to 0 give
            ±inf or NaN for "mean", as in torch).

    Returns:
        Element-wise losses for "none", otherwise a 0-d array; input's floating dtype.

    Reference:
        https://pytorch.org/docs/stable/generated/torch.nn.functional.mse_loss.html

    Examples:
        >>> float(mse_loss(np.array([1.0, 2.0]), np.array([3.0, 3.0]), weight=np.array([1.0, 3.0])))
        1.75
    """
    _check_reduction(reduction)
    predictions = float_array(input, "input")
    target = float_array(target, "target")
    if target.shape != predictions.shape:
        warnings.warn(f"Using a target size ({target.shape}) that is different to the input size "
                      f"({predictions.shape}). This will likely lead to incorrect results due to broadcasting. "
                      "Please ensure they have the same size.", UserWarning, stacklevel=2)
    try:
        squared = np.square(predictions - target)
    except ValueError:
        raise ValueError(f"target of shape {target.shape} does not broadcast against input's shape "
                         f"{predictions.shape} (torch 2.13 raises RuntimeError: the size of tensor a must match "
                         "the size of tensor b)") from None
    if weight is not None and np.shape(weight) != predictions.shape:
        raise ValueError(f"Weights and input must have the same size: {np.shape(weight)} and {predictions.shape}")
    if weight is None:
        return _reduce(squared, reduction)
    weighted = squared * float_array(weight, "weight")
    if reduction == "mean":
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.asarray(weighted.sum() / np.asarray(weight, weighted.dtype).sum())
    return _reduce(weighted, reduction)


def _softmax_dim(x: np.ndarray, dim, name: str) -> int:
    """``dim`` checked like torch (IndexError), or torch's legacy implicit choice for ``dim=None``, with its warning."""
    if dim is None:
        dim = 0 if x.ndim in (0, 1, 3) else 1
        warnings.warn(f"Implicit dimension choice for {name} has been deprecated. Change the call to include "
                      f"dim=X as an argument.", UserWarning, stacklevel=3)
    if isinstance(dim, bool) or not isinstance(dim, (int, np.integer)):
        raise ValueError(f"dim must be an integer or None, got {dim!r}")
    if not -max(x.ndim, 1) <= dim < max(x.ndim, 1):
        raise IndexError(f"Dimension out of range (expected to be in range of [{-max(x.ndim, 1)}, "
                         f"{max(x.ndim, 1) - 1}], but got {dim})")
    return int(dim)


def _softmax_input(input, dtype) -> np.ndarray:
    return float_array(input if dtype is None else np.asarray(input).astype(dtype), "input")


def softmax(input, dim=None, *, dtype=None):
    r"""``torch.nn.functional.softmax`` along ``dim``, by [`softmax`][snippets.activations.softmax].

    $$\operatorname{softmax}(x)_i = \frac{e^{x_i}}{\sum_j e^{x_j}}$$

    along `dim`.

    Args:
        input: any real array; a 0-d input gives 1, as in torch (a softmax over its one element).
        dim: the axis. None takes torch's deprecated implicit choice, with torch's UserWarning: 0 for inputs of
            0, 1 or 3 dimensions, otherwise 1.
        dtype: cast the input to this dtype first (torch's ``dtype``), or None.

    Returns:
        Probabilities summing to 1 along ``dim``, input's shape and floating dtype.

    Reference:
        https://pytorch.org/docs/stable/generated/torch.nn.functional.softmax.html

    Examples:
        >>> softmax(np.array([0.0, 0.0]), 0)
        array([0.5, 0.5])
    """
    x = _softmax_input(input, dtype)
    dim = _softmax_dim(x, dim, "softmax")
    return _softmax(x.reshape(1), 0).reshape(()) if x.ndim == 0 else _softmax(x, dim)


def log_softmax(input, dim=None, *, dtype=None):
    r"""``torch.nn.functional.log_softmax`` along ``dim``, by [`log_softmax`][snippets.activations.log_softmax].

    $$\log \operatorname{softmax}(x)_i = x_i - \operatorname{logsumexp}(x)$$

    along `dim`.

    Args:
        input: any real array; a 0-d input gives 0, as in torch.
        dim: the axis; None as in [`softmax`][snippets.mirrors.torch.softmax].
        dtype: cast the input to this dtype first, or None.

    Returns:
        Log-probabilities, input's shape and floating dtype.

    Reference:
        https://pytorch.org/docs/stable/generated/torch.nn.functional.log_softmax.html

    Examples:
        >>> log_softmax(np.array([0.0, 0.0]), 0).round(6)
        array([-0.693147, -0.693147])
    """
    x = _softmax_input(input, dtype)
    dim = _softmax_dim(x, dim, "log_softmax")
    return _log_softmax(x.reshape(1), 0).reshape(()) if x.ndim == 0 else _log_softmax(x, dim)


def one_hot(tensor, num_classes=-1):
    r"""``torch.nn.functional.one_hot``: class indices of shape (*) to int64 one-hot rows of shape (*, C).

    $$\operatorname{one\_hot}(y)_{\dots, c} = [c = y] = \begin{cases} 1 & c = y \\ 0 & \text{otherwise} \end{cases}$$

    Args:
        tensor: non-negative integer class indices, any shape.
        num_classes: $C$; -1 infers it as the largest index plus one (refused for an empty input, as in torch).

    Returns:
        An int64 array of shape ``tensor.shape + (C,)``.

    Reference:
        https://pytorch.org/docs/stable/generated/torch.nn.functional.one_hot.html

    Examples:
        >>> one_hot(np.array([0, 2]))
        array([[1, 0, 0],
               [0, 0, 1]])
    """
    labels = np.asarray(tensor)
    if labels.dtype == bool or not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"one_hot is only applicable to integer class indices, got dtype {labels.dtype}")
    if isinstance(num_classes, bool) or not isinstance(num_classes, (int, np.integer)) or num_classes < -1:
        raise ValueError(f"num_classes must be -1 or a number of classes ≥ 0, got {num_classes!r}")
    if num_classes == -1:
        if labels.size == 0:
            raise ValueError("Can not infer total number of classes from empty tensor.")
        num_classes = int(labels.max()) + 1
    if labels.size and labels.min() < 0:
        raise ValueError(f"Class values must be non-negative, got {labels.min()}")
    if labels.size and labels.max() >= num_classes:
        raise ValueError(f"Class values must be smaller than num_classes ({num_classes}), got {labels.max()}")
    return (labels[..., None] == np.arange(num_classes)).astype(np.int64)


def sigmoid_focal_loss(inputs, targets, alpha=0.25, gamma=2, reduction="none"):
    r"""``torchvision.ops.sigmoid_focal_loss``: the focal loss of RetinaNet, element-wise, then a reduction.

    $$\ell = \alpha_t (1 - p_t)^\gamma \operatorname{BCE}(x, t), \qquad p_t = t\,\sigma(x) + (1 - t)(1 - \sigma(x)),
    \qquad \alpha_t = \alpha\, t + (1 - \alpha)(1 - t)$$

    A negative `alpha` (torchvision documents -1) turns the balancing off: $\alpha_t = 1$. The default reduction
    is "none", unlike torch's losses. Computed as torchvision writes it (sigmoid, then
    [`binary_cross_entropy_with_logits`][snippets.mirrors.torch.binary_cross_entropy_with_logits]);
    [`sigmoid_focal_loss`][snippets.focal.sigmoid_focal_loss] is the core's version, in log space.

    Args:
        inputs: logits $x$, any shape.
        targets: targets $t$ in $[0, 1]$, inputs' shape (another shape raises, as in torchvision).
        alpha: $\alpha$, or negative for no balancing.
        gamma: $\gamma$.
        reduction: "none", "mean" or "sum".

    Returns:
        Element-wise losses for "none", otherwise a 0-d array; inputs' floating dtype.

    Reference:
        torchvision/ops/focal_loss.py; T.-Y. Lin et al., "Focal Loss for Dense Object Detection", 2017,
        https://arxiv.org/abs/1708.02002

    Examples:
        >>> sigmoid_focal_loss(np.array([0.0, 2.0]), np.array([1.0, 1.0])).round(5)
        array([0.04332, 0.00045])
    """
    if reduction not in _REDUCTIONS:
        raise ValueError(f"Invalid Value for arg 'reduction': '{reduction}'; supported: 'none', 'mean', 'sum'")
    logits = float_array(inputs, "inputs")
    targets = float_array(targets, "targets")
    cross_entropy = binary_cross_entropy_with_logits(logits, targets, reduction="none")
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        p = 1 / (1 + np.exp(-logits))
        p_t = p * targets + (1 - p) * (1 - targets)
        losses = cross_entropy * (1 - p_t) ** gamma
    if alpha >= 0:
        losses = (alpha * targets + (1 - alpha) * (1 - targets)) * losses
    return _reduce(losses, reduction)
