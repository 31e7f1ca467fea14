r"""Kullback–Leibler divergence as a loss, on predicted log-probabilities (what a network's log-softmax gives).

$$D_{\mathrm{KL}}(t \,\Vert\, p) = \sum_c t_c (\log t_c - \log p_c)$$

With targets $t$ fixed, $D_{\mathrm{KL}}(t \,\Vert\, p) = H(t, p) - H(t)$: it differs from the cross-entropy only
by the targets' entropy, a constant, so both have the same gradient, and KL is 0 for a perfect prediction where
cross-entropy stays at $H(t) > 0$ for soft (e.g. smoothed) targets.

The argument order is optax's (`kl_divergence(log_predictions, targets)`) and PyTorch's
(`kl_div(input, target)`), predictions first; [`information.kl_divergence`][snippets.information.kl_divergence]
`(p, q)` is the textbook $D_{\mathrm{KL}}(p \,\Vert\, q)$ on probabilities, true distribution first.

A class with $t_c = 0$ contributes 0 ($0 \log 0 = 0$, whatever $p_c$ is); one with $t_c > 0 = p_c$ makes the
divergence $+\infty$, as it is mathematically.
"""

from __future__ import annotations

import numpy as np

from snippets._checks import as_float_array, check_axis, check_distribution, check_log_distribution, check_same_shape


def _log_predictions(log_predictions, axis: int) -> tuple[np.ndarray, int]:
    log_predictions = as_float_array(log_predictions, "log_predictions")
    if log_predictions.ndim == 0:
        raise ValueError("log_predictions must have at least one dimension (the classes), got a scalar")
    axis = check_axis(log_predictions, axis, "log_predictions")
    check_log_distribution(log_predictions, "log_predictions", axis=axis)
    return log_predictions, axis


def kl_divergence(log_predictions, targets, *, axis: int = -1):
    r"""KL divergence of predicted log-probabilities from target probabilities, per example.

    $$D_{\mathrm{KL}}(t \,\Vert\, p) = \sum_c t_c (\log t_c - \log p_c),
    \qquad \text{with } 0 \cdot (\log 0 - \log p) = 0$$

    Args:
        log_predictions: $\log p$, shape `(..., K, ...)`; $\le 0$ ($-\infty$ for an impossible class), exp sums
            to 1.
        targets: $t$, the same shape, in $[0, 1]$, summing to 1 along `axis`.
        axis: the class axis.

    Returns:
        KL $\ge 0$ (up to rounding) per example: the input shape without `axis`, in `log_predictions`'s
        floating dtype; $+\infty$ where $t_c > 0 = p_c$.

    References:
        `optax.losses.kl_divergence`; `torch.nn.functional.kl_div(log_target=False)` summed over classes
        (torch 2.13).

    Examples:
        >>> round(float(kl_divergence(np.log([0.5, 0.5]), [1.0, 0.0])), 6)  # log 2
        0.693147
    """
    log_predictions, axis = _log_predictions(log_predictions, axis)
    targets = as_float_array(targets, "targets")
    check_same_shape(log_predictions, targets, "log_predictions", "targets")
    targets = targets.astype(log_predictions.dtype, copy=False)
    check_distribution(targets, "targets", axis=axis)
    terms = np.zeros_like(log_predictions)
    present = targets > 0
    terms[present] = targets[present] * (np.log(targets[present]) - log_predictions[present])
    return terms.sum(axis=axis)


def kl_divergence_with_log_targets(log_predictions, log_targets, *, axis: int = -1):
    r"""KL divergence of predicted log-probabilities from target log-probabilities, per example.

    $$D_{\mathrm{KL}}(t \,\Vert\, p) = \sum_c e^{\log t_c} (\log t_c - \log p_c),
    \qquad \text{with a term 0 where } \log t_c = -\infty$$

    For targets that arrive as log-probabilities (a teacher's log-softmax in distillation): no exp–log round
    trip, and a target of probability 0 is written $\log t = -\infty$.

    Args:
        log_predictions: $\log p$, shape `(..., K, ...)`; $\le 0$, exp sums to 1 along `axis`.
        log_targets: $\log t$, the same shape; $\le 0$, exp sums to 1 along `axis`.
        axis: the class axis.

    Returns:
        KL $\ge 0$ (up to rounding) per example: the input shape without `axis`, in `log_predictions`'s
        floating dtype; $+\infty$ where $\log t_c > -\infty = \log p_c$.

    References:
        `optax.losses.kl_divergence_with_log_targets`; `torch.nn.functional.kl_div(log_target=True)`
        summed over classes (torch 2.13).

    Examples:
        >>> float(kl_divergence_with_log_targets(np.log([0.5, 0.5]), np.log([0.5, 0.5])))
        0.0
    """
    log_predictions, axis = _log_predictions(log_predictions, axis)
    log_targets = as_float_array(log_targets, "log_targets")
    check_same_shape(log_predictions, log_targets, "log_predictions", "log_targets")
    log_targets = log_targets.astype(log_predictions.dtype, copy=False)
    check_log_distribution(log_targets, "log_targets", axis=axis)
    terms = np.zeros_like(log_predictions)
    present = log_targets > -np.inf
    terms[present] = np.exp(log_targets[present]) * (log_targets[present] - log_predictions[present])
    return terms.sum(axis=axis)
