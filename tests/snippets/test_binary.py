"""snippets.binary against closed forms, 50-digit mpmath, PyTorch and extreme float32 logits."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import snippets.binary
from snippets.binary import balanced_binary_cross_entropy, balanced_binary_cross_entropy_grad, binary_cross_entropy
from snippets.binary import sigmoid_binary_cross_entropy, sigmoid_binary_cross_entropy_grad
from snippets.gradients import numerical_gradient
from tests.frameworks import require
from tests.snippets.references import elementwise, mp_bce_logits, mp_log_sigmoid, torch_gradient

EXTREMES = np.array([-1e4, -100.0, -20.0, -1.0, 0.0, 1.0, 20.0, 100.0, 1e4])
LOGITS_32 = hnp.arrays(np.float32, hnp.array_shapes(max_dims=2, max_side=6),
                       elements=st.floats(-1e4, 1e4, width=32))


def labels_for(logits, seed=0):
    return np.random.default_rng(seed).random(logits.shape).astype(logits.dtype)


@pytest.mark.parametrize("label", [0.0, 0.3, 1.0])
def test_bce_of_probability_one_half_is_ln_2_for_every_label(label):
    assert float(binary_cross_entropy(0.5, label)) == pytest.approx(math.log(2), rel=1e-15), label


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_bce_of_probabilities_matches_torch_including_the_floor_at_certainty(dtype):
    torch = require("torch")
    probs = np.array([0.0, 1e-30, 1e-8, 0.2, 0.5, 0.9, 1.0 - 1e-7, 1.0], dtype=dtype)
    for label in (0.0, 0.25, 1.0):
        labels = np.full_like(probs, label)
        expected = torch.nn.functional.binary_cross_entropy(torch.tensor(probs), torch.tensor(labels),
                                                            reduction="none").numpy()
        got = binary_cross_entropy(probs, labels)
        assert got.dtype == dtype
        np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-7, err_msg=f"label {label}")


def test_bce_of_a_certain_wrong_probability_is_100_and_of_a_certain_right_one_is_0():
    np.testing.assert_array_equal(binary_cross_entropy([0.0, 1.0, 1.0, 0.0], [1, 0, 1, 0]), [100.0, 100.0, 0.0, 0.0])
    assert not np.signbit(binary_cross_entropy([1.0, 0.0], [1, 0])).any()


@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-14), (np.float32, 1e-6)])
@pytest.mark.parametrize("label", [0.0, 1.0, 0.3])
def test_sigmoid_bce_matches_mpmath_in_both_tails(dtype, rtol, label):
    z = EXTREMES.astype(dtype)
    y = np.full_like(z, label)
    expected = elementwise(mp_bce_logits, z, y)
    got = sigmoid_binary_cross_entropy(z, y)
    assert got.dtype == dtype and np.isfinite(got).all()
    np.testing.assert_allclose(got, expected, rtol=rtol, atol=np.finfo(dtype).tiny, err_msg=f"label {label}")


def test_sigmoid_bce_keeps_the_tiny_loss_of_a_right_negative_where_torch_rounds_it_to_zero():
    torch = require("torch")
    z, y = np.float32(-20.0), np.float32(0.0)
    expected = float(elementwise(mp_bce_logits, z, y))  # softplus(−20) = 2.06e-9
    assert float(sigmoid_binary_cross_entropy(z, y)) == pytest.approx(expected, rel=1e-6)
    torch_loss = torch.nn.functional.binary_cross_entropy_with_logits(torch.tensor(z), torch.tensor(y))
    assert float(torch_loss) == 0.0  # PyTorch 2.13 cancels (1 − y)·z − log σ(z) to 0 in float32


def test_softplus_identities():
    z = np.linspace(-30, 30, 13)
    expected_positive = elementwise(lambda v: -mp_log_sigmoid(v), z)  # −log σ(z) = softplus(−z)
    np.testing.assert_allclose(sigmoid_binary_cross_entropy(z, np.ones_like(z)), expected_positive, rtol=1e-14)
    np.testing.assert_array_equal(sigmoid_binary_cross_entropy(z, np.zeros_like(z)),
                                  sigmoid_binary_cross_entropy(-z, np.ones_like(z)))
    np.testing.assert_allclose(sigmoid_binary_cross_entropy(np.zeros(5), np.linspace(0, 1, 5)), math.log(2),
                               rtol=1e-15)


@pytest.mark.parametrize("pos_weight", [None, 2.5, [0.5, 1.0, 4.0]])
def test_sigmoid_bce_and_its_gradient_match_torch_with_soft_labels(pos_weight):
    torch = require("torch")
    rng = np.random.default_rng(1)
    z, y = rng.normal(size=(5, 3)) * 10, rng.random((5, 3))
    weight = None if pos_weight is None else torch.tensor(np.asarray(pos_weight, dtype=np.float64))

    def torch_loss(logits, labels):
        return torch.nn.functional.binary_cross_entropy_with_logits(logits, labels, pos_weight=weight,
                                                                    reduction="none")

    expected = torch_loss(torch.tensor(z), torch.tensor(y)).numpy()
    np.testing.assert_allclose(sigmoid_binary_cross_entropy(z, y, pos_weight=pos_weight), expected, rtol=1e-12)
    np.testing.assert_allclose(sigmoid_binary_cross_entropy_grad(z, y, pos_weight=pos_weight),
                               torch_gradient(torch_loss, z, y), rtol=1e-12, atol=1e-15)


def test_pos_weight_one_equals_no_pos_weight():
    z, y = np.linspace(-5, 5, 12).reshape(4, 3), np.linspace(0, 1, 12).reshape(4, 3)
    unweighted = sigmoid_binary_cross_entropy(z, y)
    np.testing.assert_array_equal(sigmoid_binary_cross_entropy(z, y, pos_weight=1.0), unweighted)
    np.testing.assert_array_equal(sigmoid_binary_cross_entropy(z, y, pos_weight=np.ones(3)), unweighted)


def test_pos_weight_scales_only_the_positive_term():
    z = np.array([[-2.0, 0.5, 3.0]])
    w = np.array([2.0, 3.0, 0.0])
    expected = elementwise(mp_bce_logits, z, np.ones_like(z), w)
    np.testing.assert_allclose(sigmoid_binary_cross_entropy(z, np.ones_like(z), pos_weight=w), expected, rtol=1e-14)
    np.testing.assert_array_equal(sigmoid_binary_cross_entropy(z, np.zeros_like(z), pos_weight=w),
                                  sigmoid_binary_cross_entropy(z, np.zeros_like(z)))


@pytest.mark.parametrize("block", [1000, snippets.binary.BLOCK])
@pytest.mark.parametrize("shape", [(3, 2500), (70, 30), (10_001,), (), (2, 70_000)])
def test_tiled_computation_covers_every_element(monkeypatch, block, shape):
    """Tiles split a last axis longer than a tile, hold many rows, end ragged, or hold a scalar."""
    monkeypatch.setattr(snippets.binary, "BLOCK", block)
    rng = np.random.default_rng(2)
    z, y = rng.normal(size=shape) * 8, rng.random(shape)
    w = rng.random(shape[-1:]) * 3 if shape else 2.0
    positive, negative = y * np.logaddexp(0, -z), (1 - y) * np.logaddexp(0, z)  # the formula, in float64
    np.testing.assert_allclose(sigmoid_binary_cross_entropy(z, y, pos_weight=w), w * positive + negative, rtol=1e-12,
                               atol=1e-15)
    np.testing.assert_allclose(sigmoid_binary_cross_entropy(z, y), positive + negative, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("position", [0, 2999, -1])
def test_nan_in_any_tile_is_refused(monkeypatch, position):
    monkeypatch.setattr(snippets.binary, "BLOCK", 1000)
    z, y = np.zeros(3000), np.zeros(3000)
    y[position] = np.nan
    with pytest.raises(ValueError, match="labels contains NaN"):
        sigmoid_binary_cross_entropy(z, y)
    y[position], z[position] = 0.0, np.nan
    with pytest.raises(ValueError, match="logits contains NaN"):
        sigmoid_binary_cross_entropy(z, y)


def test_non_contiguous_and_empty_inputs():
    z = np.arange(12.0).reshape(3, 4).T - 5
    y = np.full((4, 3), 0.25)
    np.testing.assert_allclose(sigmoid_binary_cross_entropy(z, y),
                               0.75 * np.logaddexp(0, z) + 0.25 * np.logaddexp(0, -z), rtol=1e-14)
    assert sigmoid_binary_cross_entropy(np.zeros((0, 3), np.float32), np.zeros((0, 3))).shape == (0, 3)


@pytest.mark.parametrize("logits_dtype, labels_dtype, expected", [
    (np.float32, np.float32, np.float32), (np.float32, np.int64, np.float32), (np.float32, bool, np.float32),
    (np.int64, np.int64, np.float64), (np.float64, np.float32, np.float64), (np.float16, np.float16, np.float16),
])
def test_dtype_is_preserved(logits_dtype, labels_dtype, expected):
    z, y = np.array([-2, 0, 3], dtype=logits_dtype), np.array([1, 0, 1], dtype=labels_dtype)
    for function in (sigmoid_binary_cross_entropy, sigmoid_binary_cross_entropy_grad):
        assert function(z, y).dtype == expected, function.__name__
    assert balanced_binary_cross_entropy(z, y, alpha=0.25).dtype == expected


def test_extreme_float32_logits_give_finite_exact_losses_and_gradients():
    z = np.array([-1e4, 1e4, -1e4, 1e4], dtype=np.float32)
    y = np.array([1, 1, 0, 0], dtype=np.float32)
    np.testing.assert_array_equal(sigmoid_binary_cross_entropy(z, y), [1e4, 0.0, 0.0, 1e4])
    np.testing.assert_array_equal(sigmoid_binary_cross_entropy_grad(z, y), [-1.0, 0.0, 0.0, 1.0])
    np.testing.assert_array_equal(balanced_binary_cross_entropy(z, y, alpha=0.25), [2500.0, 0.0, 0.0, 7500.0])


@settings(max_examples=60, deadline=None)
@given(LOGITS_32, st.floats(0, 4))
def test_float32_loss_and_gradient_are_finite_and_match_float64(z, pos_weight):
    y = labels_for(z)
    loss = sigmoid_binary_cross_entropy(z, y, pos_weight=pos_weight)
    grad = sigmoid_binary_cross_entropy_grad(z, y, pos_weight=pos_weight)
    assert loss.dtype == grad.dtype == np.float32
    assert np.isfinite(loss).all() and (loss >= 0).all() and np.isfinite(grad).all(), z
    z64, y64 = z.astype(np.float64), y.astype(np.float64)
    expected = pos_weight * y64 * np.logaddexp(0, -z64) + (1 - y64) * np.logaddexp(0, z64)
    np.testing.assert_allclose(loss, expected, rtol=2e-5, atol=1e-6, err_msg=str(z))
    assert np.all(np.abs(grad) <= max(1.0, pos_weight) + 1e-6), z


@pytest.mark.parametrize("pos_weight", [None, 3.0, [0.5, 2.0]])
def test_sigmoid_bce_gradient_equals_numerical_gradient(pos_weight):
    z = np.array([[-3.0, 0.2], [1.5, 8.0], [-0.7, -12.0]])
    y = np.array([[1.0, 0.0], [0.3, 1.0], [0.0, 0.9]])
    numerical = numerical_gradient(lambda v: sigmoid_binary_cross_entropy(v, y, pos_weight=pos_weight).sum(), z)
    np.testing.assert_allclose(sigmoid_binary_cross_entropy_grad(z, y, pos_weight=pos_weight), numerical,
                               rtol=1e-6, atol=1e-9)


def test_sigmoid_bce_gradient_is_sigmoid_minus_label():
    z, y = np.array([-2.0, 0.0, 0.5, 4.0]), np.array([1.0, 0.5, 0.0, 0.8])
    np.testing.assert_allclose(sigmoid_binary_cross_entropy_grad(z, y), 1 / (1 + np.exp(-z)) - y, rtol=1e-14)


def test_balanced_bce_with_alpha_one_half_is_half_of_bce():
    z, y = np.linspace(-6, 6, 9), np.linspace(0, 1, 9)
    np.testing.assert_allclose(balanced_binary_cross_entropy(z, y, alpha=0.5), 0.5 * sigmoid_binary_cross_entropy(z, y),
                               rtol=1e-15)
    np.testing.assert_allclose(balanced_binary_cross_entropy_grad(z, y, alpha=0.5),
                               0.5 * sigmoid_binary_cross_entropy_grad(z, y), rtol=1e-15)


def test_balanced_bce_weights_positives_by_alpha_and_negatives_by_one_minus_alpha():
    z = np.array([-1.0, 2.0])
    for label, weight in ((1.0, 0.2), (0.0, 0.8)):
        y = np.full_like(z, label)
        np.testing.assert_allclose(balanced_binary_cross_entropy(z, y, alpha=0.2),
                                   weight * elementwise(mp_bce_logits, z, y), rtol=1e-14, err_msg=f"label {label}")


@pytest.mark.parametrize("alpha", [0.0, 0.25, 1.0])
def test_balanced_bce_gradient_equals_numerical_gradient_and_torch(alpha):
    z, y = np.array([-3.0, 0.2, 1.5, 6.0]), np.array([1.0, 0.4, 0.0, 1.0])
    numerical = numerical_gradient(lambda v: balanced_binary_cross_entropy(v, y, alpha=alpha).sum(), z)
    got = balanced_binary_cross_entropy_grad(z, y, alpha=alpha)
    np.testing.assert_allclose(got, numerical, rtol=1e-6, atol=1e-9)
    torch = require("torch")

    def torch_loss(logits, labels):
        weight = alpha * labels + (1 - alpha) * (1 - labels)
        return weight * torch.nn.functional.binary_cross_entropy_with_logits(logits, labels, reduction="none")

    np.testing.assert_allclose(got, torch_gradient(torch_loss, z, y), rtol=1e-12, atol=1e-15)


BAD_INPUTS = [
    (sigmoid_binary_cross_entropy, ([np.nan, 0.0], [1.0, 0.0]), {}, "logits contains NaN"),
    (sigmoid_binary_cross_entropy, ([np.inf, 0.0], [1.0, 0.0]), {}, "logits must be finite"),
    (sigmoid_binary_cross_entropy, ([-np.inf, 0.0], [0.0, 0.0]), {}, "logits must be finite"),
    (sigmoid_binary_cross_entropy, ([0.0, 1.0], [np.nan, 0.0]), {}, "labels contains NaN"),
    (sigmoid_binary_cross_entropy, ([0.0, 1.0], [1.5, 0.0]), {}, r"labels must lie in \[0, 1\]"),
    (sigmoid_binary_cross_entropy, ([0.0, 1.0], [-0.5, 0.0]), {}, r"labels must lie in \[0, 1\]"),
    (sigmoid_binary_cross_entropy, (np.zeros(3), np.zeros((3, 1))), {}, "logits and labels must have the same shape"),
    (sigmoid_binary_cross_entropy, (["a", "b"], [1, 0]), {}, "logits must be numeric"),
    (sigmoid_binary_cross_entropy, (np.zeros((2, 3)), np.zeros((2, 3))), {"pos_weight": -1.0}, "pos_weight"),
    (sigmoid_binary_cross_entropy, (np.zeros((2, 3)), np.zeros((2, 3))), {"pos_weight": np.ones(2)},
     r"pos_weight must be a number or have shape \(3,\)"),
    (sigmoid_binary_cross_entropy, (np.zeros((2, 3)), np.zeros((2, 3))), {"pos_weight": [1.0, np.inf, 1.0]},
     "pos_weight must be finite"),
    (sigmoid_binary_cross_entropy_grad, ([0.0], [2.0]), {}, r"labels must lie in \[0, 1\]"),
    (sigmoid_binary_cross_entropy_grad, ([0.0], [1.0]), {"pos_weight": "2"}, "pos_weight"),
    (binary_cross_entropy, ([1.2], [1.0]), {}, r"probs must lie in \[0, 1\]"),
    (binary_cross_entropy, ([np.nan], [1.0]), {}, "probs contains NaN"),
    (binary_cross_entropy, ([0.5, 0.5], [1.0]), {}, "probs and labels must have the same shape"),
    (balanced_binary_cross_entropy, ([0.0], [1.0]), {"alpha": 1.5}, r"alpha must be a number in \[0, 1\]"),
    (balanced_binary_cross_entropy, ([0.0], [1.0]), {"alpha": np.nan}, "alpha"),
    (balanced_binary_cross_entropy_grad, ([0.0], [1.0]), {"alpha": -0.1}, "alpha"),
    (balanced_binary_cross_entropy_grad, ([np.inf], [1.0]), {"alpha": 0.5}, "logits must be finite"),
]


@pytest.mark.parametrize("function, args, kwargs, message", BAD_INPUTS,
                         ids=[f"{f.__name__}-{m}" for f, _, _, m in BAD_INPUTS])
def test_bad_input_raises_a_value_error_naming_the_argument(function, args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        function(*args, **kwargs)
