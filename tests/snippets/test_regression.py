"""snippets.regression: mean squared error, and the vanishing gradient of squared error through a sigmoid."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from snippets.binary import sigmoid_binary_cross_entropy_grad
from snippets.gradients import numerical_gradient
from snippets.regression import mean_squared_error, mean_squared_error_through_sigmoid_grad
from tests.snippets.references import mp_derivative, mp_sigmoid, torch_gradient


def mp_half_squared_error_through_sigmoid(z, y):
    return (mp_sigmoid(z) - y) ** 2 / 2


def test_mean_squared_error_averages_over_the_last_axis_like_keras():
    """Each row has one error of 1 among two entries: (1² + 0²)/2 = 0.5 per example."""
    got = mean_squared_error([[1.0, 1.0], [1.0, 0.0]], [[0.0, 1.0], [0.0, 0.0]])
    np.testing.assert_array_equal(got, [0.5, 0.5])


def test_mean_squared_error_along_another_axis_and_dtype():
    predictions = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]], dtype=np.float32)
    targets = np.zeros_like(predictions)
    np.testing.assert_allclose(mean_squared_error(predictions, targets, axis=0), [5.0, 4.0, 5.0], rtol=1e-7)
    assert mean_squared_error(predictions, targets).dtype == np.float32


def test_gradient_equals_numerical_gradient_and_torch_autograd():
    z = np.array([-8.0, -2.0, -0.1, 0.0, 0.7, 3.0, 12.0])
    y = np.array([1.0, 0.0, 0.5, 1.0, 0.2, 0.0, 1.0])
    got = mean_squared_error_through_sigmoid_grad(z, y)
    numerical = numerical_gradient(lambda v: (0.5 * (1 / (1 + np.exp(-v)) - y) ** 2).sum(), z)
    np.testing.assert_allclose(got, numerical, rtol=1e-6, atol=1e-10)
    np.testing.assert_allclose(got, torch_gradient(lambda v, t: 0.5 * (v.sigmoid() - t) ** 2, z, y), rtol=1e-12,
                               atol=1e-16)


@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-12), (np.float32, 1e-5)])
def test_gradient_matches_mpmath_in_the_saturated_tails(dtype, rtol):
    z = np.array([-1e4, -30.0, -10.0, 10.0, 30.0, 1e4], dtype=dtype)
    y = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 1.0], dtype=dtype)
    expected = mp_derivative(mp_half_squared_error_through_sigmoid, z, y)
    got = mean_squared_error_through_sigmoid_grad(z, y)
    assert got.dtype == dtype and np.isfinite(got).all()
    np.testing.assert_allclose(got, expected, rtol=rtol, atol=np.finfo(dtype).tiny)


def test_gradient_vanishes_for_a_confidently_wrong_prediction_unlike_cross_entropy():
    z, y = np.array([-30.0, 30.0]), np.array([1.0, 0.0])
    squared = mean_squared_error_through_sigmoid_grad(z, y)
    cross_entropy = sigmoid_binary_cross_entropy_grad(z, y)
    assert np.all(np.abs(squared) < 1e-12), squared
    np.testing.assert_allclose(cross_entropy, [-1.0, 1.0], rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.float32, hnp.array_shapes(max_dims=2, max_side=6), elements=st.floats(-1e4, 1e4, width=32)))
def test_float32_gradient_is_finite_and_bounded(z):
    y = np.random.default_rng(0).random(z.shape).astype(np.float32)
    grad = mean_squared_error_through_sigmoid_grad(z, y)
    assert grad.dtype == np.float32 and np.isfinite(grad).all(), z
    assert np.all(np.abs(grad) <= 0.25 + 1e-7), z  # |σ − y| ≤ 1 and σ(1 − σ) ≤ 1/4


BAD_INPUTS = [
    (mean_squared_error, ([1.0, 2.0], [[1.0, 2.0]]), {}, "predictions and targets must have the same shape"),
    (mean_squared_error, ([1.0, np.nan], [1.0, 2.0]), {}, "predictions contains NaN"),
    (mean_squared_error, ([1.0, 2.0], [1.0, np.nan]), {}, "targets contains NaN"),
    (mean_squared_error, ([1.0, 2.0], [1.0, 2.0]), {"axis": 1}, "axis 1 is out of range for predictions"),
    (mean_squared_error, (1.0, 1.0), {}, "axis -1 is out of range for predictions"),
    (mean_squared_error, (np.zeros((2, 0)), np.zeros((2, 0))), {}, "at least one entry"),
    (mean_squared_error_through_sigmoid_grad, ([0.0], [1.5]), {}, r"labels must lie in \[0, 1\]"),
    (mean_squared_error_through_sigmoid_grad, ([np.inf], [1.0]), {}, "logits must be finite"),
    (mean_squared_error_through_sigmoid_grad, (np.zeros(2), np.zeros((2, 1))), {}, "same shape"),
]


@pytest.mark.parametrize("function, args, kwargs, message", BAD_INPUTS,
                         ids=[f"{f.__name__}-{m}" for f, _, _, m in BAD_INPUTS])
def test_bad_input_raises_a_value_error_naming_the_argument(function, args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        function(*args, **kwargs)
