"""snippets.gradients.numerical_gradient against derivatives known in closed form."""

from __future__ import annotations

import numpy as np
import pytest

from snippets.gradients import numerical_gradient


def test_gradient_of_a_quadratic_form_is_a_plus_a_transpose_times_x():
    a = np.array([[2.0, 1.0], [-1.0, 3.0]])
    x = np.array([0.5, -2.0])
    np.testing.assert_allclose(numerical_gradient(lambda v: v @ a @ v, x), (a + a.T) @ x, rtol=1e-9)


def test_gradient_of_a_sum_of_sines_is_the_cosines_of_a_matrix():
    x = np.linspace(-3, 3, 12).reshape(3, 4)
    got = numerical_gradient(lambda v: np.sin(v).sum(), x)
    assert got.shape == (3, 4)
    np.testing.assert_allclose(got, np.cos(x), rtol=1e-8, atol=1e-10)


def test_float32_point_is_evaluated_in_float64():
    seen = []

    def f(v):
        seen.append(v.dtype)
        return np.exp(v).sum()

    got = numerical_gradient(f, np.array([1.0, 2.0], dtype=np.float32))
    assert got.dtype == np.float64 and set(seen) == {np.dtype(np.float64)}
    np.testing.assert_allclose(got, np.exp([1.0, 2.0]), rtol=1e-9)


def test_the_point_is_left_unchanged_and_a_scalar_point_works():
    x = np.array([1.0, 2.0])
    numerical_gradient(lambda v: (v ** 3).sum(), x)
    np.testing.assert_array_equal(x, [1.0, 2.0])
    assert float(numerical_gradient(lambda v: float(v) ** 2, 3.0)) == pytest.approx(6.0, rel=1e-9)


def test_a_larger_step_is_less_accurate_on_a_cubic():
    """Central differences err by ε²·f'''/6: 1e-2² for x³ (f''' = 6), as the formula predicts."""
    error = float(numerical_gradient(lambda v: float(v) ** 3, 1.0, eps=1e-2)) - 3.0
    assert error == pytest.approx(1e-4, rel=1e-6)


@pytest.mark.parametrize("f, x, kwargs, message", [
    (lambda v: v ** 2, [1.0, 2.0], {}, r"f must return a scalar, got an array of shape \(2,\)"),
    ("not a function", [1.0], {}, "f must be a callable"),
    (np.sum, [1.0], {"eps": 0.0}, "eps must be > 0"),
    (np.sum, [1.0], {"eps": -1e-6}, "eps must be > 0"),
    (np.sum, [1.0], {"eps": np.nan}, "eps must be a finite number"),
    (np.sum, [np.nan], {}, "x contains NaN"),
], ids=["array result", "not callable", "zero eps", "negative eps", "NaN eps", "NaN point"])
def test_bad_input_raises_a_value_error_naming_the_argument(f, x, kwargs, message):
    with pytest.raises(ValueError, match=message):
        numerical_gradient(f, x, **kwargs)
