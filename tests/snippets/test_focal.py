"""snippets.focal against 50-digit mpmath, PyTorch autograd, numerical gradients and its BCE special cases."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from snippets.binary import balanced_binary_cross_entropy, sigmoid_binary_cross_entropy
from snippets.focal import sigmoid_focal_loss, sigmoid_focal_loss_grad, softmax_focal_loss, softmax_focal_loss_grad
from snippets.gradients import numerical_gradient
from tests.frameworks import require
from tests.snippets.references import DIGITS, elementwise, mp_derivative, mp_sigmoid_focal, mp_softmax_focal
from tests.snippets.references import torch_gradient

EXTREMES = np.array([-1e4, -100.0, -20.0, -1.0, 0.0, 1.0, 20.0, 100.0, 1e4])
SOFT_ROWS = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0], [0.2, 0.5, 0.3], [0.0, 0.9, 0.1]])


def mp_softmax_focal_rows(z, y, alpha, gamma, axis=-1):
    """The mpmath reference for each example (row along ``axis``) of float arrays z and y."""
    z, y = np.moveaxis(np.asarray(z, np.float64), axis, -1), np.moveaxis(np.asarray(y, np.float64), axis, -1)
    classes = z.shape[-1]
    alpha_row = np.broadcast_to(1.0 if alpha is None else np.asarray(alpha, np.float64), (classes,))
    with mpmath.workdps(DIGITS):
        mp = [mpmath.mpf(float(a)) for a in alpha_row]
        values = [float(mp_softmax_focal([mpmath.mpf(float(v)) for v in z[i]], [mpmath.mpf(float(v)) for v in y[i]],
                                         mp, mpmath.mpf(gamma)))
                  for i in np.ndindex(z.shape[:-1])]
    return np.array(values).reshape(z.shape[:-1])


@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-13), (np.float32, 1e-5)])
@pytest.mark.parametrize("label", [0.0, 1.0, 0.3])
@pytest.mark.parametrize("alpha, gamma", [(None, 2.0), (0.25, 2.0), (0.25, 0.5), (0.8, 5.0)])
def test_sigmoid_focal_loss_matches_mpmath_in_both_tails(dtype, rtol, label, alpha, gamma):
    z = EXTREMES.astype(dtype)
    y = np.full_like(z, label)
    expected = elementwise(mp_sigmoid_focal, z, y, alpha=alpha, gamma=gamma)
    got = sigmoid_focal_loss(z, y, alpha=alpha, gamma=gamma)
    assert got.dtype == dtype and np.isfinite(got).all()
    np.testing.assert_allclose(got, expected, rtol=rtol, atol=np.finfo(dtype).tiny, err_msg=f"z {z}, y {label}")


def test_focal_loss_with_gamma_zero_equals_bce_and_balanced_bce():
    z = np.linspace(-20, 20, 11)
    y = np.linspace(0, 1, 11)
    np.testing.assert_array_equal(sigmoid_focal_loss(z, y, gamma=0.0), sigmoid_binary_cross_entropy(z, y))
    np.testing.assert_allclose(sigmoid_focal_loss(z, y, alpha=0.3, gamma=0.0),
                               balanced_binary_cross_entropy(z, y, alpha=0.3), rtol=1e-15)


def test_focal_loss_of_a_hard_label_is_minus_alpha_t_times_one_minus_p_t_to_gamma_times_log_p_t():
    z, gamma, alpha = np.array([-2.0, 0.0, 1.5]), 2.0, 0.25
    p = 1 / (1 + np.exp(-z))
    np.testing.assert_allclose(sigmoid_focal_loss(z, np.ones(3), alpha=alpha, gamma=gamma),
                               -alpha * (1 - p) ** gamma * np.log(p), rtol=1e-14)
    np.testing.assert_allclose(sigmoid_focal_loss(z, np.zeros(3), alpha=alpha, gamma=gamma),
                               -(1 - alpha) * p ** gamma * np.log(1 - p), rtol=1e-14)


def test_focal_loss_down_weights_easy_examples_more_than_hard_ones():
    easy, hard = sigmoid_focal_loss([3.0, -1.0], [1, 1], gamma=2.0) / sigmoid_binary_cross_entropy([3.0, -1.0], [1, 1])
    assert easy < 0.01 < 0.5 < hard < 1


@pytest.mark.parametrize("alpha, gamma", [(None, 0.0), (None, 2.0), (0.25, 2.0), (0.6, 0.5), (0.25, 0.2)])
def test_sigmoid_focal_gradient_equals_numerical_gradient_and_torch(alpha, gamma):
    z = np.array([[-6.0, -0.3, 0.0], [0.8, 2.5, 9.0]])
    y = np.array([[1.0, 0.0, 1.0], [0.35, 1.0, 0.0]])
    got = sigmoid_focal_loss_grad(z, y, alpha=alpha, gamma=gamma)
    numerical = numerical_gradient(lambda v: sigmoid_focal_loss(v, y, alpha=alpha, gamma=gamma).sum(), z)
    np.testing.assert_allclose(got, numerical, rtol=1e-6, atol=1e-9)
    torch = require("torch")

    def torch_loss(logits, labels):
        p = torch.sigmoid(logits)
        miss = labels * (1 - p) + (1 - labels) * p
        weight = 1 if alpha is None else alpha * labels + (1 - alpha) * (1 - labels)
        return weight * miss ** gamma * torch.nn.functional.binary_cross_entropy_with_logits(logits, labels,
                                                                                             reduction="none")

    np.testing.assert_allclose(got, torch_gradient(torch_loss, z, y), rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("gamma", [0.25, 0.5, 2.0])
def test_sigmoid_focal_gradient_matches_mpmath_where_the_prediction_is_certain(gamma):
    """For γ < 1, (1 − p_t)^(γ−1) is unbounded as p_t → 1; the gradient itself goes to 0 and stays finite."""
    z = np.array([15.0, 40.0, 300.0, -15.0, -40.0])
    y = np.array([1.0, 1.0, 1.0, 0.0, 0.0])
    expected = mp_derivative(mp_sigmoid_focal, z, y, alpha=0.25, gamma=gamma)
    np.testing.assert_allclose(sigmoid_focal_loss_grad(z, y, alpha=0.25, gamma=gamma), expected, rtol=1e-10,
                               atol=1e-300)


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.float32, hnp.array_shapes(max_dims=2, max_side=6), elements=st.floats(-1e4, 1e4, width=32)),
       st.floats(0, 5), st.sampled_from([None, 0.25, 0.9]), st.booleans())
def test_float32_sigmoid_focal_loss_and_gradient_are_finite(z, gamma, alpha, hard):
    y = np.random.default_rng(0).random(z.shape).astype(np.float32)
    y = np.round(y) if hard else y
    loss = sigmoid_focal_loss(z, y, alpha=alpha, gamma=gamma)
    grad = sigmoid_focal_loss_grad(z, y, alpha=alpha, gamma=gamma)
    assert loss.dtype == grad.dtype == np.float32
    assert np.isfinite(loss).all() and (loss >= 0).all() and np.isfinite(grad).all(), (z, y, gamma)


@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-12), (np.float32, 2e-5)])
@pytest.mark.parametrize("alpha, gamma", [(None, 2.0), (0.25, 0.0), ([0.2, 1.0, 3.0], 0.5)])
def test_softmax_focal_loss_matches_mpmath(dtype, rtol, alpha, gamma):
    z = np.array([[1.0, 2.0, 3.0], [1e4, -1e4, 0.0], [-1e4, 1e4, 0.0], [20.0, 0.0, -20.0]], dtype=dtype)
    y = SOFT_ROWS.astype(dtype)
    got = softmax_focal_loss(z, y, alpha=alpha, gamma=gamma)
    assert got.dtype == dtype and np.isfinite(got).all()
    expected = mp_softmax_focal_rows(z, y, alpha, gamma)
    np.testing.assert_allclose(got, expected, rtol=rtol, atol=1e-30, err_msg=f"alpha {alpha}, gamma {gamma}")


def test_softmax_focal_loss_of_two_classes_equals_sigmoid_focal_loss_for_hard_labels():
    z = np.linspace(-30, 30, 13)
    y = (np.arange(13) % 2).astype(float)
    two_class_logits = np.stack([np.zeros_like(z), z], axis=-1)
    two_class_labels = np.stack([1 - y, y], axis=-1)
    np.testing.assert_allclose(
        softmax_focal_loss(two_class_logits, two_class_labels, alpha=[0.75, 0.25], gamma=1.5),
        sigmoid_focal_loss(z, y, alpha=0.25, gamma=1.5), rtol=1e-12, atol=1e-300)


def test_softmax_focal_loss_with_gamma_zero_is_softmax_cross_entropy():
    z = np.array([[2.0, -1.0, 0.5], [0.0, 0.0, 0.0]])
    y = SOFT_ROWS[2:]
    log_p = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    np.testing.assert_allclose(softmax_focal_loss(z, y, gamma=0.0), -(y * log_p).sum(axis=-1), rtol=1e-14)


def test_softmax_focal_scalar_alpha_scales_the_loss_as_in_keras():
    z, y = np.array([[1.0, 2.0, 3.0]]), np.array([[0.0, 1.0, 0.0]])
    np.testing.assert_allclose(softmax_focal_loss(z, y, alpha=0.25), 0.25 * softmax_focal_loss(z, y), rtol=1e-15)


def test_softmax_focal_loss_along_axis_zero_equals_the_transposed_problem():
    z = np.random.default_rng(3).normal(size=(3, 5)) * 4
    y = np.eye(3)[[0, 2, 1, 1, 0]].T
    np.testing.assert_allclose(softmax_focal_loss(z, y, axis=0, alpha=[1.0, 2.0, 0.5]),
                               softmax_focal_loss(z.T, y.T, alpha=[1.0, 2.0, 0.5]), rtol=1e-15)
    np.testing.assert_allclose(softmax_focal_loss_grad(z, y, axis=0), softmax_focal_loss_grad(z.T, y.T).T, rtol=1e-15)


@pytest.mark.parametrize("alpha, gamma", [(None, 0.0), (None, 2.0), ([0.5, 2.0, 1.0], 2.0), (0.25, 0.3)])
def test_softmax_focal_gradient_equals_numerical_gradient_and_torch(alpha, gamma):
    z = np.array([[1.0, 2.0, 3.0], [8.0, -3.0, 0.5], [0.0, 0.0, 0.0], [-2.0, 4.0, 1.0]])
    y = SOFT_ROWS
    got = softmax_focal_loss_grad(z, y, alpha=alpha, gamma=gamma)
    numerical = numerical_gradient(lambda v: softmax_focal_loss(v, y, alpha=alpha, gamma=gamma).sum(), z)
    np.testing.assert_allclose(got, numerical, rtol=1e-6, atol=1e-9)
    torch = require("torch")
    weights = torch.tensor(np.broadcast_to(1.0 if alpha is None else np.asarray(alpha, float), (3,)).copy())

    def torch_loss(logits, labels):
        log_p = torch.log_softmax(logits, dim=-1)
        return -(weights * (1 - log_p.exp()) ** gamma * labels * log_p).sum(dim=-1)

    np.testing.assert_allclose(got, torch_gradient(torch_loss, z, y), rtol=1e-10, atol=1e-14)


@pytest.mark.parametrize("gamma", [0.3, 2.0])
def test_softmax_focal_gradient_is_exact_where_one_class_is_certain(gamma):
    """p_1 = 1 − 2e-9 (1 − p_1 is lost in 1 − p): the top-class term must come from the logits."""
    z = np.array([[0.0, 20.0, 0.0]])
    y = np.array([[0.0, 1.0, 0.0]])

    def mp_loss(z0, z1):  # called by mp_derivative at 50 digits (and above, inside mpmath.diff)
        return mp_softmax_focal([z0, z1, mpmath.mpf(0)], [0, 1, 0], [1, 1, 1], mpmath.mpf(gamma))

    dz0 = float(mp_derivative(mp_loss, 0.0, 20.0))
    dz1 = float(mp_derivative(lambda z1, z0: mp_loss(z0, z1), 20.0, 0.0))
    got = softmax_focal_loss_grad(z, y, gamma=gamma)
    np.testing.assert_allclose(got, [[dz0, dz1, dz0]], rtol=1e-12)


@settings(max_examples=60, deadline=None)
@given(hnp.arrays(np.float32, st.tuples(st.integers(1, 4), st.integers(2, 5)), elements=st.floats(-1e4, 1e4, width=32)),
       st.floats(0, 5))
def test_float32_softmax_focal_loss_and_gradient_are_finite(z, gamma):
    y = np.eye(z.shape[1], dtype=np.float32)[np.arange(z.shape[0]) % z.shape[1]]
    loss, grad = softmax_focal_loss(z, y, gamma=gamma), softmax_focal_loss_grad(z, y, gamma=gamma)
    assert loss.dtype == grad.dtype == np.float32
    assert np.isfinite(loss).all() and (loss >= 0).all() and np.isfinite(grad).all(), (z, gamma)
    np.testing.assert_allclose(grad.sum(axis=-1), 0, atol=1e-5 * max(1.0, float(np.abs(grad).max())), err_msg=str(z))


def test_integer_one_hot_labels_keep_the_logits_dtype():
    z = np.array([[1.0, 2.0]], dtype=np.float32)
    assert softmax_focal_loss(z, np.array([[0, 1]])).dtype == np.float32
    assert sigmoid_focal_loss(z, np.array([[0, 1]])).dtype == np.float32


BAD_INPUTS = [
    (sigmoid_focal_loss, ([0.0], [1.0]), {"gamma": -1.0}, "gamma must be a finite number ≥ 0"),
    (sigmoid_focal_loss, ([0.0], [1.0]), {"gamma": np.inf}, "gamma"),
    (sigmoid_focal_loss, ([0.0], [1.0]), {"alpha": 1.5}, r"alpha must be a number in \[0, 1\]"),
    (sigmoid_focal_loss, ([0.0], [1.0]), {"alpha": [0.25]}, "alpha"),
    (sigmoid_focal_loss, ([np.nan], [1.0]), {}, "logits contains NaN"),
    (sigmoid_focal_loss, ([0.0], [1.2]), {}, r"labels must lie in \[0, 1\]"),
    (sigmoid_focal_loss_grad, (np.zeros(2), np.zeros((2, 1))), {}, "same shape"),
    (sigmoid_focal_loss_grad, ([np.inf], [1.0]), {}, "logits must be finite"),
    (softmax_focal_loss, ([[0.0, 1.0]], [[0.5, 0.6]]), {}, "labels must sum to 1"),
    (softmax_focal_loss, ([[0.0, 1.0]], [[1.5, -0.5]]), {}, r"labels must lie in \[0, 1\]"),
    (softmax_focal_loss, ([[0.0], [1.0]], [[1.0], [1.0]]), {}, "at least 2 classes"),
    (softmax_focal_loss, ([[0.0, 1.0]], [[1.0, 0.0]]), {"axis": 2}, "axis 2 is out of range for logits"),
    (softmax_focal_loss, ([[0.0, 1.0]], [[1.0, 0.0]]), {"alpha": [1.0, 2.0, 3.0]},
     r"alpha must be a number or have shape \(2,\)"),
    (softmax_focal_loss, ([[0.0, 1.0]], [[1.0, 0.0]]), {"alpha": [1.0, -2.0]}, "alpha must be finite and ≥ 0"),
    (softmax_focal_loss, ([[0.0, 1.0]], [[1.0, 0.0]]), {"alpha": -0.5}, "alpha must be a finite number ≥ 0"),
    (softmax_focal_loss_grad, ([[0.0, 1.0]], [[1.0, 0.0]]), {"gamma": -0.1}, "gamma"),
    (softmax_focal_loss_grad, ([[0.0, -np.inf]], [[1.0, 0.0]]), {}, "logits must be finite"),
    (softmax_focal_loss_grad, ([[0.0, 1.0]], [[1.0, 0.0], [0.0, 1.0]]), {}, "same shape"),
]


@pytest.mark.parametrize("function, args, kwargs, message", BAD_INPUTS,
                         ids=[f"{f.__name__}-{m}" for f, _, _, m in BAD_INPUTS])
def test_bad_input_raises_a_value_error_naming_the_argument(function, args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        function(*args, **kwargs)
