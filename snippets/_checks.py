"""Input validation shared by every function in :mod:`snippets`.

Each check raises ``ValueError`` (or ``IndexError`` where the frameworks do) with a message that names the
argument and what was expected, so that bad input never turns into a silent wrong answer (for example numpy
broadcasting an ``(N,)`` array against an ``(N, 1)`` one into an ``(N, N)`` result).
"""

from __future__ import annotations

import numpy as np


def float_array(x, name: str) -> np.ndarray:
    """Return ``x`` as a floating-point array (float32 stays float32, integers become float64), not scanning for NaN.

    For a caller that finds NaN in a pass over the data it makes anyway (a maximum propagates NaN); everyone else
    uses :func:`as_float_array`.
    """
    array = np.asarray(x)
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise ValueError(f"{name} must be numeric, got dtype {array.dtype}")
    if not np.issubdtype(array.dtype, np.floating):
        array = array.astype(np.float64)
    return array


def as_float_array(x, name: str) -> np.ndarray:
    """Return ``x`` as a floating-point array (float32 stays float32, integers become float64), rejecting NaN."""
    array = float_array(x, name)
    if np.isnan(array).any():
        raise ValueError(f"{name} contains NaN")
    return array


def check_same_shape(a: np.ndarray, b: np.ndarray, name_a: str, name_b: str) -> None:
    """Refuse arrays of different shapes instead of letting numpy broadcast them."""
    if a.shape != b.shape:
        raise ValueError(f"{name_a} and {name_b} must have the same shape, got {a.shape} and {b.shape}")


def check_probabilities(p: np.ndarray, name: str) -> None:
    """Refuse values outside [0, 1]."""
    if p.size and (p.min() < 0 or p.max() > 1):
        raise ValueError(f"{name} must lie in [0, 1], got values in [{p.min()}, {p.max()}]")


def check_distribution(p: np.ndarray, name: str, axis: int = -1, *, atol: float | None = None) -> None:
    r"""Refuse values outside [0, 1] and rows along ``axis`` whose sum is farther than ``atol`` from 1.

    Args:
        p: the probabilities.
        name: the argument's name, for the message.
        axis: the class axis.
        atol: the largest accepted $|\sum_c p_c - 1|$; None means :func:`distribution_atol` of ``p``'s dtype and
            number of classes, which accepts probabilities printed to 4 decimals.

    Raises:
        ValueError: naming ``name``, the worst sum and the tolerance.

    Examples:
        >>> check_distribution(np.array([0.3333, 0.3333, 0.3333]), "probs")  # sum 0.9999, rounded
        >>> check_distribution(np.array([0.5, 0.6]), "probs")
        Traceback (most recent call last):
        ...
        ValueError: probs must sum to 1 along axis -1, got a sum of 1.1 (tolerance 0.0001)
    """
    check_probabilities(p, name)
    if atol is None:
        atol = distribution_atol(p.dtype, p.shape[axis] if p.ndim else 1)
    totals = p.sum(axis=axis)
    errors = np.abs(totals - 1.0)
    if errors.size and not errors.max() <= atol:
        worst = np.asarray(totals).flat[np.argmax(errors)]
        raise ValueError(f"{name} must sum to 1 along axis {axis}, got a sum of {worst:.10g} (tolerance {atol:.3g})")


def check_axis(x: np.ndarray, axis: int, name: str) -> int:
    """Return ``axis`` as a non-negative index into ``x.shape``; refuse an axis ``x`` does not have."""
    if isinstance(axis, bool) or not isinstance(axis, (int, np.integer)):
        raise ValueError(f"axis must be an integer here, got {axis!r} (only the integer-label losses of "
                         "snippets.categorical take a tuple of class axes)")
    if not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis {axis!r} is out of range for {name} with {x.ndim} dimension(s)")
    return int(axis) % x.ndim


def check_base(base) -> None:
    """Refuse a logarithm base that is not a positive number other than 1 (``None`` means e)."""
    if base is not None and (not np.isscalar(base) or not base > 0 or base == 1):
        raise ValueError(f"base must be a positive number other than 1, or None for e; got {base!r}")


def distribution_atol(dtype, num_classes: int = 1) -> float:
    r"""The default tolerance of "sums to 1" for $K$ classes in ``dtype``.

    $$\mathrm{atol} = \max\left(100\,\varepsilon_{\mathrm{dtype}},\ \min(5 \cdot 10^{-5} K,\ 10^{-2})\right)$$

    Probabilities printed to 4 decimals are each off by at most $5 \cdot 10^{-5}$, so their sum by at most
    $5 \cdot 10^{-5} K$; log-probabilities printed to 4 decimals put the sum of their exponentials within
    $e^{5 \cdot 10^{-5}} - 1 \approx 5 \cdot 10^{-5}$ of 1 whatever $K$. Both are accepted. Rounding error of
    the dtype is covered by 100 ulps of 1 ($2.2 \cdot 10^{-14}$ in float64, $1.2 \cdot 10^{-5}$ in float32,
    0.098 in float16). The cap of $10^{-2}$ keeps refusing rows more than 1 % away from 1 in float32 and float64,
    whatever the number of classes.

    Args:
        dtype: the floating dtype of the probabilities.
        num_classes: $K$, the length of the class axis.

    Returns:
        The tolerance, a float.

    Examples:
        >>> distribution_atol(np.float64, 2)
        0.0001
        >>> distribution_atol(np.float16, 2)
        0.09765625
        >>> distribution_atol(np.float64, 1000)
        0.01
    """
    rounding = min(5e-5 * num_classes, 1e-2)
    return max(100 * float(np.finfo(dtype).eps), rounding)


def check_log_distribution(log_p: np.ndarray, name: str, axis: int = -1) -> None:
    """Refuse log-probabilities above 0 and rows along ``axis`` whose probabilities do not sum to 1."""
    if log_p.size and log_p.max() > 0:
        raise ValueError(f"{name} must be log-probabilities (≤ 0), got a maximum of {log_p.max()}")
    check_distribution(np.exp(log_p), f"exp({name})", axis=axis)


def check_integer_labels(labels, num_classes: int, name: str, ignore_index=None) -> np.ndarray:
    """Return ``labels`` as an integer array after refusing other dtypes and classes outside [0, num_classes).

    Entries equal to ``ignore_index`` are exempt from the range check. An out-of-range class raises
    ``IndexError``, as ``torch.nn.functional.cross_entropy`` and ``nll_loss`` do (torch 2.13: "Target 3 is out of
    bounds."); everything else raises ``ValueError``.
    """
    labels = np.asarray(labels)
    if labels.dtype == bool or not np.issubdtype(labels.dtype, np.integer):
        raise ValueError(f"{name} must be integer class indices, got dtype {labels.dtype}")
    if ignore_index is not None and (isinstance(ignore_index, bool) or not isinstance(ignore_index, (int, np.integer))):
        raise ValueError(f"ignore_index must be an integer or None, got {ignore_index!r}")
    counted = labels if ignore_index is None else labels[labels != ignore_index]
    if counted.size and (counted.min() < 0 or counted.max() >= num_classes):
        bad = counted[(counted < 0) | (counted >= num_classes)][0]
        raise IndexError(f"{name} must lie in [0, {num_classes}), got class {bad}")
    return labels


def check_finite(x: np.ndarray, name: str) -> None:
    """Refuse ±inf (NaN is refused by :func:`as_float_array`): a logit must be a real number."""
    if not np.isfinite(x).all():
        raise ValueError(f"{name} must be finite, got ±inf")


def check_number(value, name: str, low: float = -np.inf, high: float = np.inf) -> float:
    """Return the hyperparameter ``value`` as a float; refuse a non-number, NaN, ±inf or a value outside [low, high]."""
    if low > -np.inf and high < np.inf:
        expected = f"a number in [{low:g}, {high:g}]"
    elif low > -np.inf:
        expected = f"a finite number ≥ {low:g}"
    else:
        expected = "a finite number"
    is_real = np.ndim(value) == 0 and np.issubdtype(np.asarray(value).dtype, np.number)
    if isinstance(value, (bool, np.bool_)) or not is_real or np.iscomplexobj(value):
        raise ValueError(f"{name} must be {expected}, got {value!r}")
    number = float(value)
    if not (np.isfinite(number) and low <= number <= high):
        raise ValueError(f"{name} must be {expected}, got {value!r}")
    return number


def as_labels_like(labels, predictions: np.ndarray, name_predictions: str) -> np.ndarray:
    """Return binary ``labels`` (hard 0/1 or soft in [0, 1]) as a float array of the shape of ``predictions``.

    Integer and bool labels take the dtype of ``predictions`` (float32 logits with 0/1 integer labels give a
    float32 loss); NaN, values outside [0, 1] and any other shape are refused.
    """
    labels = np.asarray(labels)
    if labels.dtype == bool or np.issubdtype(labels.dtype, np.integer):
        labels = labels.astype(predictions.dtype)
    labels = as_float_array(labels, "labels")
    check_same_shape(predictions, labels, name_predictions, "labels")
    check_probabilities(labels, "labels")
    return labels


def as_logits_and_labels(logits, labels) -> tuple[np.ndarray, np.ndarray]:
    """Return finite ``logits`` and binary ``labels`` (see :func:`as_labels_like`) as float arrays of one shape."""
    logits = as_float_array(logits, "logits")
    check_finite(logits, "logits")
    return logits, as_labels_like(labels, logits, "logits")
