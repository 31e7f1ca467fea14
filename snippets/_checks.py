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


def distribution_atol(dtype) -> float:
    """Tolerance for "sums to 1" at the precision of ``dtype``: 1e-6, or 100 ulps of 1 for float32 and coarser."""
    return max(1e-6, 100 * float(np.finfo(dtype).eps))


def check_log_distribution(log_p: np.ndarray, name: str, axis: int = -1) -> None:
    """Refuse log-probabilities above 0 and rows along ``axis`` whose probabilities do not sum to 1."""
    if log_p.size and log_p.max() > 0:
        raise ValueError(f"{name} must be log-probabilities (≤ 0), got a maximum of {log_p.max()}")
    check_distribution(np.exp(log_p), f"exp({name})", axis=axis, atol=distribution_atol(log_p.dtype))


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
