"""snippets.activations against 50-digit mpmath values, PyTorch, and extreme inputs."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest

from snippets.activations import log_sigmoid, log_softmax, logsumexp, sigmoid, softmax
from tests.frameworks import require

mpmath.mp.dps = 50
EXTREMES = np.array([-1e4, -100.0, -20.0, -1.0, 0.0, 1.0, 20.0, 100.0, 1e4])


def mp_sigmoid(x):
    return 1 / (1 + mpmath.exp(-mpmath.mpf(float(x))))


def mp_log_sigmoid(x):
    """−log(1 + e^(−x)) with log1p: 1 + e^(−100) would lose the tiny part even at 50 digits."""
    return -mpmath.log1p(mpmath.exp(-mpmath.mpf(float(x))))


@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-14), (np.float32, 1e-6)])
def test_sigmoid_and_log_sigmoid_match_mpmath_in_both_tails(dtype, rtol):
    x = EXTREMES.astype(dtype)
    expected = [mp_sigmoid(v) for v in x]
    tiny = np.finfo(dtype).tiny
    for value, got, want in zip(x, sigmoid(x), expected):
        if float(want) > tiny:  # below the smallest normal number a float cannot hold the value
            assert float(got) == pytest.approx(float(want), rel=rtol), value
    np.testing.assert_allclose(log_sigmoid(x), [float(mp_log_sigmoid(v)) for v in x], rtol=rtol, atol=tiny)
    assert sigmoid(x).dtype == dtype and log_sigmoid(x).dtype == dtype


def test_logsumexp_matches_mpmath_and_does_not_overflow():
    x = np.array([[1000.0, 1000.0, -1000.0], [-1e4, 0.0, 1e4]])
    expected = [float(mpmath.log(sum(mpmath.exp(mpmath.mpf(v)) for v in row))) for row in x]
    np.testing.assert_allclose(logsumexp(x), expected, rtol=1e-15)


def test_logsumexp_of_all_minus_infinity_is_minus_infinity():
    assert logsumexp(np.array([-np.inf, -np.inf])) == -np.inf


@pytest.mark.parametrize("axis", [0, 1, -1])
def test_softmax_sums_to_one_and_equals_exp_log_softmax(axis):
    x = np.random.default_rng(0).normal(size=(4, 5)) * 30
    np.testing.assert_allclose(softmax(x, axis=axis).sum(axis=axis), 1.0, rtol=1e-14)
    np.testing.assert_allclose(np.exp(log_softmax(x, axis=axis)), softmax(x, axis=axis), rtol=1e-13)


def test_softmax_is_invariant_to_shifting_the_logits():
    x = np.array([1.0, 2.0, 3.0])
    np.testing.assert_allclose(softmax(x + 1e4), softmax(x), rtol=1e-12)


def test_extreme_logits_stay_finite_in_float32():
    x = np.array([[1e4, -1e4, 0.0]], dtype=np.float32)
    assert np.isfinite(log_softmax(x)).all() and log_softmax(x).dtype == np.float32
    assert np.isfinite(softmax(x)).all()


def test_activations_match_torch():
    torch = require("torch")
    x = np.random.default_rng(1).normal(size=(8, 6)).astype(np.float32) * 50
    t = torch.from_numpy(x)
    np.testing.assert_allclose(sigmoid(x), torch.sigmoid(t).numpy(), rtol=1e-6, atol=1e-30)
    np.testing.assert_allclose(log_sigmoid(x), torch.nn.functional.logsigmoid(t).numpy(), rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(softmax(x, axis=1), torch.softmax(t, dim=1).numpy(), rtol=1e-5, atol=1e-30)
    np.testing.assert_allclose(log_softmax(x, axis=0), torch.log_softmax(t, dim=0).numpy(), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(logsumexp(x, axis=1), torch.logsumexp(t, dim=1).numpy(), rtol=1e-6)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: softmax(np.zeros((2, 3)), axis=2), "axis 2 is out of range"),
        (lambda: softmax(np.zeros((2, 0))), "at least one entry"),
        (lambda: logsumexp(np.zeros((2, 0))), "at least one entry"),
        (lambda: logsumexp([1.0, np.nan]), "x contains NaN"),
        (lambda: sigmoid("abc"), "numeric"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_log_softmax_keeps_float32_precision_for_large_logits():
    """x − logsumexp(x) would be off by about eps·512 here; the exact answer is −ln 2 for both entries."""
    np.testing.assert_allclose(log_softmax(np.array([512.0, 512.0], dtype=np.float32)), -np.log(2), rtol=1e-7)


def test_logsumexp_keeps_tiny_terms_beside_the_maximum():
    """log(e^0 + e^−30) = log1p(e^−30) ≈ 9.3576e-14: log(1 + 9.36e-14) would round it to 9.34e-14."""
    expected = float(mpmath.log1p(mpmath.exp(-30)))
    assert float(-log_softmax(np.array([0.0, -30.0]))[0]) == pytest.approx(expected, rel=1e-14)
    assert float(logsumexp(np.array([0.0, -30.0]))) == pytest.approx(expected, rel=1e-14)
