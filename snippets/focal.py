r"""Focal loss (Lin et al. 2017): cross-entropy scaled down by (1 − p_t)^γ where the prediction is already right.

The modulating factor $(1 - p_t)^\gamma$ is evaluated as $\exp(\gamma \log(1 - p_t))$, with $\log(1 - p_t)$
computed from the logits in log space. That form is finite for every finite logit and every $\gamma \ge 0$,
including $\gamma < 1$, where $(1 - p_t)^{\gamma - 1}$ in the derivative would blow up as $p_t \to 1$: the
gradients below are written so that this power never appears alone. Losses are per example; each has its analytic gradient with respect to the logits beside it.

Reference: T.-Y. Lin, P. Goyal, R. Girshick, K. He, P. Dollár, "Focal Loss for Dense Object Detection", 2017,
https://arxiv.org/abs/1708.02002
"""

from __future__ import annotations

import numpy as np

from snippets._checks import as_float_array, check_axis, check_distribution, check_finite, check_number
from snippets._checks import as_labels_like, as_logits_and_labels
from snippets.activations import log_sigmoid, logsumexp
from snippets.binary import sigmoid_binary_cross_entropy, sigmoid_binary_cross_entropy_grad


def _sigmoid_parts(logits, labels, alpha, gamma):
    """Validated z, y, γ, the class weight α_t and log(1 − p_t) for the sigmoid focal loss."""
    z, y = as_logits_and_labels(logits, labels)
    gamma = check_number(gamma, "gamma", low=0.0)
    if alpha is None:
        alpha_t = np.ones_like(y)
    else:
        alpha = check_number(alpha, "alpha", low=0.0, high=1.0)
        alpha_t = alpha * y + (1 - alpha) * (1 - y)
    with np.errstate(divide="ignore"):  # log 0 = −inf for hard labels: that term then drops out of logaddexp
        log_miss = np.logaddexp(np.log(y) + log_sigmoid(-z), np.log1p(-y) + log_sigmoid(z))
    return z, y, gamma, alpha_t, log_miss


def sigmoid_focal_loss(logits, labels, *, alpha=None, gamma: float = 2.0):
    r"""Sigmoid focal loss, element-wise.

    $$\operatorname{FL}(z, y) = \alpha_t (1 - p_t)^\gamma \operatorname{BCE}(z, y)$$

    with $p = \sigma(z)$, $p_t = y\,p + (1 - y)(1 - p)$ (the probability given to the label),
    $\alpha_t = \alpha\, y + (1 - \alpha)(1 - y)$ ($\alpha$ weights the positive class; $\alpha_t = 1$ when `alpha`
    is None) and BCE the binary cross-entropy of logits. For hard labels this is
    $-\alpha_t (1 - p_t)^\gamma \log p_t$, the loss of the paper; for soft labels $p_t$ and $\alpha_t$ interpolate.
    It is the formula of `torchvision.ops.sigmoid_focal_loss` and of Keras 3.15's `binary_focal_crossentropy`
    (which evaluates it on clipped probabilities). $\gamma = 0$ gives α-balanced BCE.

    $1 - p_t = y\,\sigma(-z) + (1 - y)\,\sigma(z)$, so
    $\log(1 - p_t) = \operatorname{logaddexp}\big(\log y + \log \sigma(-z),\ \log(1 - y) + \log \sigma(z)\big)$.

    Args:
        logits: real scores $z$, any shape.
        labels: targets in $[0, 1]$ (hard 0/1 or soft), the shape of `logits`.
        alpha: None, or the weight $\alpha \in [0, 1]$ of the positive class (the paper uses 0.25).
        gamma: focusing parameter $\gamma \ge 0$ (the paper uses 2).

    Returns:
        The loss $\ge 0$ per element, the shape of `logits`, dtype that of `logits` and float `labels` together.

    Examples:
        >>> np.round(sigmoid_focal_loss([0.0, 2.0], [1, 1], gamma=2.0), 4)
        array([0.1733, 0.0018])
    """
    z, y, gamma, alpha_t, log_miss = _sigmoid_parts(logits, labels, alpha, gamma)
    return alpha_t * np.exp(gamma * log_miss) * sigmoid_binary_cross_entropy(z, y)


def sigmoid_focal_loss_grad(logits, labels, *, alpha=None, gamma: float = 2.0):
    r"""Gradient of `sigmoid_focal_loss` with respect to the logits, element-wise.

    With $q = 1 - p_t$, $\partial q / \partial z = (1 - 2y)\,\sigma(z)\,\sigma(-z)$, so

    $$\frac{\partial \operatorname{FL}}{\partial z} = \alpha_t\, q^\gamma \Big[\gamma (1 - 2y)
    \frac{\sigma(z)\,\sigma(-z)}{q} \operatorname{BCE}(z, y) + \sigma(z) - y\Big]$$

    where $\sigma(z)\,\sigma(-z) / q = \exp(\log \sigma(z) + \log \sigma(-z) - \log q) \le 1$: no $q^{\gamma - 1}$
    appears, so the gradient is finite for $\gamma < 1$ too, and it goes to 0 as a prediction becomes certainly
    right.

    Args:
        logits: real scores $z$, any shape.
        labels: targets in $[0, 1]$, the shape of `logits`.
        alpha: None, or the weight $\alpha \in [0, 1]$ of the positive class.
        gamma: focusing parameter $\gamma \ge 0$.

    Returns:
        $\partial \operatorname{FL} / \partial z$, the shape and dtype of
        [`sigmoid_focal_loss`][snippets.focal.sigmoid_focal_loss]'s result.

    Examples:
        >>> np.round(sigmoid_focal_loss_grad([0.0, 0.0], [1, 0], gamma=2.0), 4)
        array([-0.2983,  0.2983])
    """
    z, y, gamma, alpha_t, log_miss = _sigmoid_parts(logits, labels, alpha, gamma)
    slope = np.exp(log_sigmoid(z) + log_sigmoid(-z) - log_miss)  # σ(z)σ(−z)/q
    focus = gamma * (1 - 2 * y) * slope * sigmoid_binary_cross_entropy(z, y)
    return alpha_t * np.exp(gamma * log_miss) * (focus + sigmoid_binary_cross_entropy_grad(z, y))


def _softmax_parts(logits, labels, axis, alpha, gamma):
    """Validated z, y, axis, γ, α_c broadcast along ``axis``, log p, log(1 − p) and p·log p/(1 − p).

    For every class but the most probable one, p ≤ 1/2 and log1p(−p) is accurate. For the most probable class m,
    1 − p_m = s/(1 + s) with s = Σ_{j≠m} e^(z_j − z_m), so log(1 − p_m) = log s − log1p(s) and
    p_m·log p_m/(1 − p_m) = −log1p(s)/s (→ −1 as s → 0): both exact where p_m rounds to 1.
    """
    z = as_float_array(logits, "logits")
    check_finite(z, "logits")
    axis = check_axis(z, axis, "logits")
    if z.shape[axis] < 2:
        raise ValueError(f"logits must have at least 2 classes along axis {axis}, got shape {z.shape}; "
                         "for one class use sigmoid_focal_loss")
    y = as_labels_like(labels, z, "logits")
    check_distribution(y, "labels", axis=axis)
    gamma = check_number(gamma, "gamma", low=0.0)
    alpha_c = _class_weights(alpha, z, axis)

    shifted = z - z.max(axis, keepdims=True)  # z_j − z_m ≤ 0
    top = np.arange(z.shape[axis]).reshape((-1,) + (1,) * (z.ndim - 1 - axis)) == z.argmax(axis, keepdims=True)
    log_s = logsumexp(np.where(top, -np.inf, shifted), axis=axis, keepdims=True)
    s = np.exp(log_s)
    log_p = shifted - np.log1p(s)  # log softmax; unlike z − logsumexp(z), exact where p_m rounds to 1
    others_p = np.exp(np.where(top, -np.inf, log_p))  # p, with 0 at the most probable class
    log_miss = np.where(top, log_s - np.log1p(s), np.log1p(-others_p))
    top_ratio = np.where(s > 0, -np.log1p(s) / np.where(s > 0, s, 1), -1.0)
    ratio = np.where(top, top_ratio, others_p * log_p / (1 - others_p))
    return z, y, axis, gamma, alpha_c, log_p, log_miss, ratio


def _class_weights(alpha, z: np.ndarray, axis: int):
    """α as a number (None means 1) or as K per-class weights shaped to broadcast along ``axis``."""
    if alpha is None or np.ndim(alpha) == 0:
        return check_number(1.0 if alpha is None else alpha, "alpha", low=0.0)
    weights = as_float_array(alpha, "alpha")
    classes = z.shape[axis]
    if weights.shape != (classes,):
        raise ValueError(f"alpha must be a number or have shape ({classes},) (one weight per class), "
                         f"got shape {weights.shape}")
    if not (np.isfinite(weights).all() and weights.min() >= 0):
        raise ValueError(f"alpha must be finite and ≥ 0, got values in [{weights.min()}, {weights.max()}]")
    return weights.reshape((-1,) + (1,) * (z.ndim - 1 - axis)).astype(z.dtype)


def softmax_focal_loss(logits, labels, *, axis: int = -1, alpha=None, gamma: float = 2.0):
    r"""Softmax (categorical) focal loss of one-hot or soft targets.

    $$\operatorname{FL}(z, y) = -\sum_c \alpha_c (1 - p_c)^\gamma\, y_c \log p_c,
    \qquad p = \operatorname{softmax}(z)$$

    `alpha` is Keras's (`keras.losses.categorical_focal_crossentropy`, Keras 3.15): a number multiplies
    every class (Keras's default is 0.25; here None, meaning 1), an array gives one weight $\alpha_c$ per class.
    Unlike the sigmoid loss, a number $\alpha$ does not balance positives against negatives here: it scales the
    loss. Keras clips $p$ into $[10^{-7}, 1 - 10^{-7}]$; here nothing is clipped. With $m$ the most probable class
    and $s = \sum_{j \ne m} e^{z_j - z_m}$: $\log p_c = (z_c - z_m) - \operatorname{log1p}(s)$,
    $\log(1 - p_m) = \log s - \operatorname{log1p}(s)$ (exact even where $p_m$ rounds to 1),
    $\log(1 - p_c) = \operatorname{log1p}(-p_c)$ for $c \ne m$ ($p_c \le 1/2$), and
    $(1 - p_c)^\gamma = \exp(\gamma \log(1 - p_c))$. With two classes and logits $(0, z)$, this is
    [`sigmoid_focal_loss`][snippets.focal.sigmoid_focal_loss] of $z$ with $\alpha_c = (1 - \alpha, \alpha)$ for
    hard labels. $\gamma = 0$ gives (weighted) softmax cross-entropy.

    Args:
        logits: real scores, at least 2 classes along `axis`.
        labels: targets of the shape of `logits`, in $[0, 1]$ and summing to 1 along `axis` (one-hot or soft).
        axis: the class axis.
        alpha: None, a number $\ge 0$, or an array of shape $(K,)$ of per-class weights $\ge 0$ ($K$ classes along
            `axis`).
        gamma: focusing parameter $\gamma \ge 0$.

    Returns:
        The loss $\ge 0$ per example: `logits`' shape without `axis`, its floating dtype.

    Examples:
        >>> np.round(softmax_focal_loss([[0.0, 0.0]], [[1.0, 0.0]], gamma=2.0), 4)
        array([0.1733])
    """
    z, y, axis, gamma, alpha_c, log_p, log_miss, _ = _softmax_parts(logits, labels, axis, alpha, gamma)
    return 0.0 - (alpha_c * np.exp(gamma * log_miss) * y * log_p).sum(axis=axis)


def softmax_focal_loss_grad(logits, labels, *, axis: int = -1, alpha=None, gamma: float = 2.0):
    r"""Gradient of `softmax_focal_loss` with respect to the logits.

    With $g_c = \alpha_c\, y_c (1 - p_c)^\gamma \big(1 - \gamma\, p_c \log p_c / (1 - p_c)\big)$,

    $$\frac{\partial \operatorname{FL}}{\partial z_k} = p_k \sum_c g_c - g_k
    = p_k \sum_{c \ne k} g_c - (1 - p_k)\, g_k$$

    (from $\partial p_c / \partial z_k = p_c(\delta_{ck} - p_k)$); the right-hand form is the one evaluated, with
    $1 - p_k$ from the logits. The ratio $p \log p / (1 - p)$ lies in $[-1, 0)$: it replaces
    $(1 - p)^{\gamma - 1}$, which is infinite at $p = 1$ for $\gamma < 1$, so the gradient is finite for every
    $\gamma \ge 0$.

    Args:
        logits: real scores, at least 2 classes along `axis`.
        labels: targets of the shape of `logits`, summing to 1 along `axis`.
        axis: the class axis.
        alpha: None, a number $\ge 0$, or an array of shape $(K,)$ of per-class weights $\ge 0$.
        gamma: focusing parameter $\gamma \ge 0$.

    Returns:
        $\partial \operatorname{FL} / \partial z$, the shape and floating dtype of `logits`.

    Examples:
        >>> np.round(softmax_focal_loss_grad([[0.0, 0.0]], [[1.0, 0.0]], gamma=2.0), 4)
        array([[-0.2983,  0.2983]])
    """
    z, y, axis, gamma, alpha_c, log_p, log_miss, ratio = _softmax_parts(logits, labels, axis, alpha, gamma)
    g = alpha_c * y * np.exp(gamma * log_miss) * (1 - gamma * ratio)
    others = g.sum(axis=axis, keepdims=True) - g  # Σ_{c≠k} g_c, exactly 0 for one-hot labels
    return np.exp(log_p) * others - np.exp(log_miss) * g  # p_k·Σ g − g_k, with 1 − p_k from the logits
