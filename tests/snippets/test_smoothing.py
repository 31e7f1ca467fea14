"""snippets.smoothing against its closed forms, PyTorch's label_smoothing and Keras 3's BinaryCrossentropy."""

from __future__ import annotations

import numpy as np
import pytest

from snippets.smoothing import smooth_binary_labels, smooth_labels
from tests.frameworks import require


def test_one_hot_becomes_one_minus_alpha_plus_alpha_over_k_and_alpha_over_k():
    smoothed = smooth_labels(np.eye(5)[[1, 4]], 0.1)
    np.testing.assert_allclose(smoothed, np.where(np.eye(5)[[1, 4]] == 1, 0.9 + 0.02, 0.02), rtol=1e-15)
    np.testing.assert_allclose(smoothed.sum(axis=-1), 1.0, rtol=1e-15)


def test_binary_label_becomes_one_minus_half_alpha_or_half_alpha():
    np.testing.assert_allclose(smooth_binary_labels([1.0, 0.0, 0.5], 0.2), [0.9, 0.1, 0.5], rtol=1e-15)


@pytest.mark.parametrize("alpha", [0.0, 0.3, 1.0])
def test_binary_form_is_the_categorical_form_with_two_classes(alpha):
    labels = np.array([0.0, 0.25, 1.0])
    pairs = np.stack([1 - labels, labels], axis=-1)
    np.testing.assert_allclose(smooth_binary_labels(labels, alpha), smooth_labels(pairs, alpha)[:, 1], rtol=1e-15)


def test_binary_smoothing_uses_half_alpha_whatever_the_width():
    """A width-4 one-hot smoothed as one distribution gets α/4 off-label; as 4 binary labels, α/2."""
    y = np.array([0.0, 1.0, 0.0, 0.0])
    assert smooth_labels(y, 0.2)[0] == pytest.approx(0.05)
    assert smooth_binary_labels(y, 0.2)[0] == pytest.approx(0.1)


def test_alpha_zero_is_the_identity_and_alpha_one_the_uniform_distribution():
    soft = np.array([[0.2, 0.3, 0.5]])
    np.testing.assert_array_equal(smooth_labels(soft, 0.0), soft)
    np.testing.assert_allclose(smooth_labels(soft, 1.0), np.full((1, 3), 1 / 3), rtol=1e-15)
    np.testing.assert_allclose(smooth_binary_labels([0.0, 1.0], 1.0), [0.5, 0.5])


def test_axis_selects_the_class_axis():
    y = np.eye(3)  # rows and columns are both one-hot
    np.testing.assert_allclose(smooth_labels(y[:, :2], 0.5, axis=0), 0.5 * y[:, :2] + 0.5 / 3)


def test_dtype_is_preserved():
    assert smooth_labels(np.array([0.0, 1.0], np.float32), 0.1).dtype == np.float32
    assert smooth_binary_labels(np.array([0.0, 1.0], np.float32), 0.1).dtype == np.float32
    assert smooth_binary_labels(np.array([0, 1]), 0.1).dtype == np.float64


@pytest.mark.parametrize("alpha", [0.1, 0.4])
def test_torch_label_smoothing_is_cross_entropy_with_smoothed_targets(alpha):
    torch = require("torch")
    rng = np.random.default_rng(5)
    logits, labels = rng.normal(size=(8, 6)) * 3, rng.integers(0, 6, 8)
    expected = torch.nn.functional.cross_entropy(torch.from_numpy(logits), torch.from_numpy(labels),
                                                 label_smoothing=alpha, reduction="none").numpy()
    log_probs = torch.log_softmax(torch.from_numpy(logits), dim=-1).numpy()
    by_hand = -(smooth_labels(np.eye(6)[labels], alpha) * log_probs).sum(axis=-1)
    np.testing.assert_allclose(by_hand, expected, rtol=1e-12)


@pytest.mark.parametrize("alpha", [0.1, 0.4])
def test_keras_binary_crossentropy_smooths_towards_one_half(alpha):
    keras = require("keras")
    y = np.array([[1.0, 0.0, 1.0, 0.0]], np.float32)
    p = np.array([[0.9, 0.2, 0.6, 0.3]], np.float32)  # inside Keras's clip [1e-7, 1 − 1e-7]
    expected = float(keras.losses.BinaryCrossentropy(label_smoothing=alpha)(y, p))
    smoothed = smooth_binary_labels(y.astype(np.float64), alpha)
    by_hand = -(smoothed * np.log(p) + (1 - smoothed) * np.log(1 - p)).mean()
    assert by_hand == pytest.approx(expected, rel=1e-6)
    two_classes = np.array([[0.7, 0.3]], np.float32)
    categorical = float(keras.losses.CategoricalCrossentropy(label_smoothing=alpha)(y[:, :2], two_classes))
    by_hand = -(smooth_labels(y[:, :2].astype(np.float64), alpha) * np.log(two_classes)).sum()
    assert by_hand == pytest.approx(categorical, rel=1e-6)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: smooth_labels([0.0, 1.0], 1.5), r"alpha must be a number in \[0, 1\]"),
        (lambda: smooth_labels([0.0, 1.0], -0.1), r"alpha must be a number in \[0, 1\]"),
        (lambda: smooth_labels([0.0, 1.0], float("nan")), "alpha"),
        (lambda: smooth_labels([0.0, 1.0], "0.1"), "alpha"),
        (lambda: smooth_labels([0.0, 1.0], [0.1]), "alpha"),
        (lambda: smooth_binary_labels([0.0, 1.0], 2.0), "alpha"),
        (lambda: smooth_labels([1.0, 1.0], 0.1), "targets must sum to 1"),
        (lambda: smooth_labels(1.0, 0.1), "at least one dimension"),
        (lambda: smooth_labels([0.0, 1.0], 0.1, axis=1), "axis 1 is out of range"),
        (lambda: smooth_binary_labels([0.0, 1.5], 0.1), r"labels must lie in \[0, 1\]"),
        (lambda: smooth_binary_labels([np.nan], 0.1), "labels contains NaN"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()
