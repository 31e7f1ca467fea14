r"""Binary cross-entropy: on probabilities, on logits (with PyTorch's `pos_weight`) and α-balanced.

Labels are hard (0 or 1) or soft (any value in $[0, 1]$) and have exactly the shape of the predictions. Every loss
is per element (reduce it with [`reduce`][snippets.reduction.reduce]). Each loss on logits has its analytic
gradient with respect to the logits beside it, under the same name with `_grad`.

Logits must be finite: ±inf and NaN are refused with a `ValueError` (PyTorch returns nan or inf for them).
"""

from __future__ import annotations

import numpy as np

from snippets._checks import as_float_array, as_labels_like, as_logits_and_labels, check_number, check_probabilities
from snippets.activations import sigmoid

LOG_FLOOR = -100.0
"""The floor on each logarithm in [`binary_cross_entropy`][snippets.binary.binary_cross_entropy] (PyTorch's)."""

BLOCK = 1 << 16
"""Elements per tile in `sigmoid_binary_cross_entropy`: a tile of each operand and temporary stays in cache."""


def _pos_weight(pos_weight, logits: np.ndarray):
    """``pos_weight`` as a number or a float array of shape (K,), K = logits.shape[-1] (None means 1)."""
    if pos_weight is None or np.ndim(pos_weight) == 0:
        return check_number(1.0 if pos_weight is None else pos_weight, "pos_weight", low=0.0)
    weights = as_float_array(pos_weight, "pos_weight")
    classes = logits.shape[-1:] if logits.ndim else ()
    if weights.shape != classes:
        raise ValueError(f"pos_weight must be a number or have shape {classes} (the last axis of logits), "
                         f"got shape {weights.shape}")
    if not (np.isfinite(weights).all() and weights.min() >= 0):
        raise ValueError(f"pos_weight must be finite and ≥ 0, got values in [{weights.min()}, {weights.max()}]")
    return weights


def _tiles(rows: int, cols: int):
    """Index tiles of about BLOCK elements that cover a rows × cols array, row-major."""
    row_step, col_step = max(1, BLOCK // cols), min(cols, BLOCK)
    for row in range(0, rows, row_step):
        for col in range(0, cols, col_step):
            yield np.s_[row:row + row_step, col:col + col_step]


def binary_cross_entropy(probs, labels):
    r"""Binary cross-entropy of probabilities, element-wise, each logarithm floored at −100 as in PyTorch.

    $$\mathrm{BCE}(p, y) = -\big[y \max(\log p, -100) + (1 - y) \max(\log(1 - p), -100)\big]$$

    The floor is the one of `torch.nn.functional.binary_cross_entropy` (torch 2.13): $p = 0$ or $p = 1$ gives a
    finite loss, 100 for a certain wrong prediction, and 0 for a certain right one. Keras 3.15
    (`keras.losses.binary_crossentropy`) instead clips $p$ into $[10^{-7}, 1 - 10^{-7}]$ before the logarithms:
    its loss is at most $-\log 10^{-7} \approx 16.12$ (15.94 for $p = 1, y = 0$ in float32) and is not 0 for a
    certain right prediction ($\approx 1.2 \cdot 10^{-7}$ for $p = y = 1$). $\log(1 - p)$ is computed as
    $\operatorname{log1p}(-p)$, exact also for tiny $p$. Losses on logits need no floor: prefer
    [`sigmoid_binary_cross_entropy`][snippets.binary.sigmoid_binary_cross_entropy].

    Args:
        probs: predicted probabilities of the positive class, in $[0, 1]$, any shape.
        labels: targets in $[0, 1]$ (hard 0/1 or soft), the shape of `probs`.

    Returns:
        The loss $\ge 0$ per element, the shape and floating dtype of `probs`.

    Reference:
        https://pytorch.org/docs/stable/generated/torch.nn.BCELoss.html (the clamp of the log at −100).

    Examples:
        >>> np.round(binary_cross_entropy([0.5, 0.0], [1, 1]), 4)
        array([  0.6931, 100.    ])
    """
    probs = as_float_array(probs, "probs")
    check_probabilities(probs, "probs")
    labels = as_labels_like(labels, probs, "probs")
    with np.errstate(divide="ignore"):  # log 0 = −inf, then floored
        log_p = np.maximum(np.log(probs), LOG_FLOOR)
        log_not_p = np.maximum(np.log1p(-probs), LOG_FLOOR)
    return 0.0 - (labels * log_p + (1 - labels) * log_not_p)  # 0.0 − turns −0.0 into 0.0


def sigmoid_binary_cross_entropy(logits, labels, *, pos_weight=None):
    r"""Binary cross-entropy of logits, element-wise, with an optional weight on the positive term.

    $$\ell(z, y) = w\, y \operatorname{softplus}(-z) + (1 - y) \operatorname{softplus}(z)$$

    with $\operatorname{softplus}(x) = \log(1 + e^x)$, since $-\log \sigma(z) = \operatorname{softplus}(-z)$ and $-\log(1 - \sigma(z)) = \operatorname{softplus}(z)$;
    $w$ is `pos_weight` (1 when None). $\operatorname{softplus}(\pm z)$ is evaluated as
    $\max(\pm z, 0) + \operatorname{log1p}(e^{-|z|})$, which never overflows. Without `pos_weight` the two terms
    merge into

    $$\ell = z\,([z > 0] - y) + \operatorname{log1p}(e^{-|z|})$$

    (that is $(1 - y)\,z$ or $-y\,z$, plus the tail), a sum of two non-negative terms, as are the two terms with
    `pos_weight`: no cancellation, so the loss keeps its relative precision in both tails.
    $\ell(-20, 0) = 2.06 \cdot 10^{-9}$ in float32, where PyTorch's $(1 - y)\,z - \log \sigma(z)$ cancels to 0.
    Otherwise equals `torch.nn.functional.binary_cross_entropy_with_logits` with `reduction="none"`
    (torch 2.13); negative `pos_weight` and ±inf logits are refused.

    Args:
        logits: real scores $z$, any shape.
        labels: targets in $[0, 1]$ (hard 0/1 or soft), the shape of `logits`.
        pos_weight: weight $w \ge 0$ of the positive term: a number, or an array of shape $(K,)$ with one weight
            per class along the last axis of `logits` ($K$ = `logits.shape[-1]`), broadcast as in PyTorch.

    Returns:
        The loss $\ge 0$ per element, the shape of `logits`, dtype that of `logits` and float `labels`
        together (integer or bool labels keep the logits' dtype).

    Reference:
        https://pytorch.org/docs/stable/generated/torch.nn.BCEWithLogitsLoss.html

    Examples:
        >>> np.round(sigmoid_binary_cross_entropy([0.0, 0.0], [1, 1], pos_weight=[1, 3]), 4)
        array([0.6931, 2.0794])
    """
    z, y = np.asarray(logits), np.asarray(labels)
    if not (np.issubdtype(z.dtype, np.floating) and np.issubdtype(y.dtype, np.floating) and z.shape == y.shape):
        z, y = as_logits_and_labels(z, y)  # converts integer or bool input, or raises the precise error
    weight = _pos_weight(pos_weight, z)
    out = np.empty(z.shape, np.result_type(z, y))
    if out.size == 0:
        return out
    # Speed: the loss is computed tile by tile (BLOCK elements), so each pass below reads and writes a tile that
    # is still in the CPU cache instead of streaming whole arrays through memory once per pass; every operation
    # writes into an `out=` buffer (the output itself or a tile-sized temporary), so nothing input-sized is
    # allocated besides the output (for contiguous float input). NaN and ±inf are not scanned for beforehand:
    # they make the loss non-finite, which a max() over each tile, still in cache, detects.
    cols = z.shape[-1] if z.ndim else 1
    z2, y2, out2 = z.reshape(-1, cols), y.reshape(-1, cols), out.reshape(-1, cols)
    tail_buffer = np.empty(min(z.size, BLOCK), out.dtype)
    weighted = np.any(weight != 1)
    positive_buffer = np.empty_like(tail_buffer) if weighted else None
    weight_row = np.broadcast_to(np.asarray(weight, out.dtype), (cols,))
    suspect = False  # NaN or ±inf in the input, or labels outside [0, 1], seen in a tile
    with np.errstate(invalid="ignore"):  # 0·inf from ±inf logits: refused after the loop
        for tile in _tiles(*z2.shape):
            zt, yt, loss = z2[tile], y2[tile], out2[tile]
            tail = tail_buffer[:zt.size].reshape(zt.shape)
            np.abs(zt, out=tail)
            np.negative(tail, out=tail)
            np.exp(tail, out=tail)
            np.log1p(tail, out=tail)  # log1p(e^(−|z|)) = softplus(±z) − max(±z, 0)
            if weighted:
                positive = positive_buffer[:zt.size].reshape(zt.shape)
                np.negative(zt, out=positive)
                np.maximum(positive, 0, out=positive)
                positive += tail  # softplus(−z)
                positive *= yt
                positive *= weight_row[tile[1]]  # w·y·softplus(−z)
                np.maximum(zt, 0, out=loss)
                loss += tail  # softplus(z)
                np.subtract(1, yt, out=tail)
                loss *= tail  # (1 − y)·softplus(z)
                loss += positive
            else:
                np.greater(zt, 0, out=loss)
                loss -= yt
                loss *= zt  # z·([z > 0] − y): (1 − y)·z or −y·z, one rounding
                loss += tail
            suspect = suspect or not (yt.min() >= 0 and yt.max() <= 1 and np.isfinite(loss.max()))
    if suspect:
        as_logits_and_labels(z, y)  # raises the precise error (an inf loss from huge finite input passes)
    return out


def sigmoid_binary_cross_entropy_grad(logits, labels, *, pos_weight=None):
    r"""Gradient of `sigmoid_binary_cross_entropy` with respect to the logits, element-wise.

    $$\frac{\partial \ell}{\partial z} = (1 - y)\,\sigma(z) - w\, y\, \sigma(-z)
    \qquad (= \sigma(z) - y \text{ when } w = 1)$$

    Each sigmoid is evaluated directly, so the gradient of a confident right prediction is tiny but not
    rounded to 0 ($\sigma(20) - 1$ would be 0 in float32; $-\sigma(-20) = -2.06 \cdot 10^{-9}$ is not).

    Args:
        logits: real scores $z$, any shape.
        labels: targets in $[0, 1]$, the shape of `logits`.
        pos_weight: as in `sigmoid_binary_cross_entropy`.

    Returns:
        $\partial \ell / \partial z$, the shape and dtype of `sigmoid_binary_cross_entropy`'s result.

    Examples:
        >>> np.round(sigmoid_binary_cross_entropy_grad([0.0, 0.0], [1, 0]), 4)
        array([-0.5,  0.5])
    """
    z, y = as_logits_and_labels(logits, labels)
    weight = _pos_weight(pos_weight, z)
    return (1 - y) * sigmoid(z) - weight * y * sigmoid(-z)


def _balancing(labels: np.ndarray, alpha) -> np.ndarray:
    """α_t = α·y + (1 − α)·(1 − y): α for the positive class, 1 − α for the negative; interpolated for soft y."""
    alpha = check_number(alpha, "alpha", low=0.0, high=1.0)
    return alpha * labels + (1 - alpha) * (1 - labels)


def balanced_binary_cross_entropy(logits, labels, *, alpha):
    r"""α-balanced binary cross-entropy of logits, element-wise (Lin et al. 2017, section 3.1).

    $$\ell(z, y) = \alpha_t \operatorname{BCE}(z, y), \qquad \alpha_t = \alpha\, y + (1 - \alpha)(1 - y)$$

    $\alpha$ weights the positive class and $1 - \alpha$ the negative one; for soft labels $\alpha_t$ interpolates,
    as Keras 3.15's `binary_focal_crossentropy(apply_class_balancing=True)` does. $\alpha = 1/2$ gives half the
    plain loss. BCE is [`sigmoid_binary_cross_entropy`][snippets.binary.sigmoid_binary_cross_entropy]; this is
    [`sigmoid_focal_loss`][snippets.focal.sigmoid_focal_loss] with $\gamma = 0$.

    Args:
        logits: real scores $z$, any shape.
        labels: targets in $[0, 1]$, the shape of `logits`.
        alpha: weight $\alpha \in [0, 1]$ of the positive class.

    Returns:
        The loss $\ge 0$ per element, the shape and dtype of `sigmoid_binary_cross_entropy`'s result.

    Reference:
        T.-Y. Lin et al., "Focal Loss for Dense Object Detection", 2017, https://arxiv.org/abs/1708.02002

    Examples:
        >>> np.round(balanced_binary_cross_entropy([0.0, 0.0], [1, 0], alpha=0.25), 4)
        array([0.1733, 0.5199])
    """
    z, y = as_logits_and_labels(logits, labels)
    return _balancing(y, alpha) * sigmoid_binary_cross_entropy(z, y)


def balanced_binary_cross_entropy_grad(logits, labels, *, alpha):
    r"""Gradient of `balanced_binary_cross_entropy` with respect to the logits, element-wise.

    $$\frac{\partial \ell}{\partial z} = \alpha_t\,(\sigma(z) - y)$$

    Args:
        logits: real scores $z$, any shape.
        labels: targets in $[0, 1]$, the shape of `logits`.
        alpha: weight $\alpha \in [0, 1]$ of the positive class.

    Returns:
        $\partial \ell / \partial z$, the shape and dtype of `balanced_binary_cross_entropy`'s result.

    Examples:
        >>> np.round(balanced_binary_cross_entropy_grad([0.0, 0.0], [1, 0], alpha=0.25), 4)
        array([-0.125,  0.375])
    """
    z, y = as_logits_and_labels(logits, labels)
    return _balancing(y, alpha) * sigmoid_binary_cross_entropy_grad(z, y)
