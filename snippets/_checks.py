"""Input validation shared by every function in :mod:`snippets`.

Each check raises ``ValueError`` (or ``IndexError`` where the frameworks do) with a message that names the
argument and what was expected, so that bad input never turns into a silent wrong answer (for example numpy
broadcasting an ``(N,)`` array against an ``(N, 1)`` one into an ``(N, N)`` result).
"""

from __future__ import annotations

import numpy as np


def as_float_array(x, name: str) -> np.ndarray:
    """Return ``x`` as a floating-point array (float32 stays float32, integers become float64), rejecting NaN."""
    array = np.asarray(x)
    if array.dtype == object or not (np.issubdtype(array.dtype, np.number) or array.dtype == bool):
        raise ValueError(f"{name} must be numeric, got dtype {array.dtype}")
    if not np.issubdtype(array.dtype, np.floating):
        array = array.astype(np.float64)
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


def check_distribution(p: np.ndarray, name: str, axis: int = -1, atol: float = 1e-6) -> None:
    """Refuse values outside [0, 1] and rows along ``axis`` that do not sum to 1 (within ``atol``)."""
    check_probabilities(p, name)
    totals = p.sum(axis=axis)
    if not np.allclose(totals, 1.0, rtol=0.0, atol=atol):
        raise ValueError(f"{name} must sum to 1 along axis {axis}, got sums {totals}")


def check_axis(x: np.ndarray, axis: int, name: str) -> int:
    """Return ``axis`` as a non-negative index into ``x.shape``; refuse an axis ``x`` does not have."""
    if not isinstance(axis, (int, np.integer)) or not -x.ndim <= axis < x.ndim:
        raise ValueError(f"axis {axis!r} is out of range for {name} with {x.ndim} dimension(s)")
    return int(axis) % x.ndim


def check_base(base) -> None:
    """Refuse a logarithm base that is not a positive number other than 1 (``None`` means e)."""
    if base is not None and (not np.isscalar(base) or not base > 0 or base == 1):
        raise ValueError(f"base must be a positive number other than 1, or None for e; got {base!r}")


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
