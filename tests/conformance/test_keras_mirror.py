"""snippets.mirrors.keras against the real Keras 3 (TensorFlow backend; installed keras 3.15.1, tensorflow 2.21).

Every expected value is computed by Keras itself on the same arrays, including the examples of the seed articles
and of the Keras documentation. The backend is forced to TensorFlow before Keras is imported, so these tests never
need jax.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from tests.conformance import assert_matches
from tests.frameworks import require

os.environ["KERAS_BACKEND"] = "tensorflow"
tf = require("tensorflow")
keras = require("keras")

from snippets.mirrors import keras as mirror  # noqa: E402  (after the framework check above)

SEEDS = [0, 1, 2]
EXTREME = np.float32(1e4)


def test_keras_runs_on_the_tensorflow_backend():
    assert keras.backend.backend() == "tensorflow", "KERAS_BACKEND must be read before any other keras import"


def _numpy(tensor) -> np.ndarray:
    return keras.ops.convert_to_numpy(tensor)


def _random_case(seed: int):
    """A float32 batch (N, d1, ..., dK, C) with K = seed % 2, soft labels and class indices for it."""
    rng = np.random.default_rng(seed)
    n, c = int(rng.integers(1, 6)), int(rng.integers(2, 6))
    shape = (n, *(int(d) for d in rng.integers(1, 4, size=seed % 2)), c)
    logits = (3 * rng.standard_normal(shape)).astype(np.float32)
    raw = rng.random(shape)
    soft_labels = (raw / raw.sum(axis=-1, keepdims=True)).astype(np.float32)
    indices = rng.integers(0, c, size=shape[:-1])
    return rng, logits, soft_labels, indices


def _sigmoid(x):
    """Probabilities for inputs (not expected values): σ(x) = (1 + tanh(x/2)) / 2, without overflow."""
    return ((1 + np.tanh(x.astype(np.float64) / 2)) / 2).astype(np.float32)


def _softmax(x):
    """Probabilities for inputs (not expected values) along the last axis."""
    e = np.exp(x.astype(np.float64) - x.max(axis=-1, keepdims=True))
    return (e / e.sum(axis=-1, keepdims=True)).astype(np.float32)


# --- the seed articles' examples, run through the real Keras --------------------------------------------------


def test_categorical_crossentropy_documentation_example():
    y_true, y_pred = [[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]]
    theirs = _numpy(keras.losses.CategoricalCrossentropy()(y_true, y_pred))
    assert theirs == pytest.approx(1.177, abs=1e-3), "Keras documents 1.177 for this example"
    assert_matches(mirror.CategoricalCrossentropy()(y_true, y_pred), theirs, f"{y_true} {y_pred}")


def test_categorical_crossentropy_silently_renormalises_unnormalised_predictions():
    y_true, y_pred = [[0, 1]], [[5.0, 7.0]]
    theirs = _numpy(keras.losses.CategoricalCrossentropy()(y_true, y_pred))
    assert theirs == pytest.approx(-np.log(7 / 12), rel=1e-6), "Keras 3 divides y_pred by its sum: −log(7/12)"
    assert_matches(mirror.CategoricalCrossentropy()(y_true, y_pred), theirs, f"{y_true} {y_pred}")


def test_categorical_crossentropy_from_logits_example():
    y_true, y_pred = [[0, 1]], [[5.0, 7.0]]
    theirs = _numpy(keras.losses.CategoricalCrossentropy(from_logits=True)(y_true, y_pred))
    assert theirs == pytest.approx(np.log1p(np.exp(-2.0)), rel=1e-6), "softmax([5, 7])[1] = 1 / (1 + e^−2)"
    assert_matches(mirror.CategoricalCrossentropy(from_logits=True)(y_true, y_pred), theirs, f"{y_true} {y_pred}")


def test_binary_crossentropy_from_logits_example():
    y_true, y_pred = [[0.0], [1.0]], [[0.2], [0.7]]
    theirs = _numpy(keras.losses.binary_crossentropy(y_true, y_pred, from_logits=True))
    assert_matches(mirror.binary_crossentropy(y_true, y_pred, from_logits=True), theirs, f"{y_true} {y_pred}")


def test_binary_crossentropy_class_is_the_batch_mean_of_the_function():
    y_true, y_pred = [[0, 1], [0, 1]], [[0.05, 0.95], [0.8, 0.2]]
    per_example = _numpy(keras.losses.binary_crossentropy(y_true, y_pred))
    batch = _numpy(keras.losses.BinaryCrossentropy()(y_true, y_pred))
    assert batch == pytest.approx(per_example.mean(), rel=1e-6), "class = mean of the per-example function values"
    assert_matches(mirror.binary_crossentropy(y_true, y_pred), per_example, f"function {y_true} {y_pred}")
    assert_matches(mirror.BinaryCrossentropy()(y_true, y_pred), batch, f"class {y_true} {y_pred}")


def test_categorical_crossentropy_of_a_perfect_prediction_is_the_clip_floor():
    y_true = np.array([[0.0, 1.0, 0.0]], np.float32)
    theirs = _numpy(keras.losses.categorical_crossentropy(y_true, y_true))
    assert theirs[0] == pytest.approx(-np.log(np.float32(1 - 1e-7)), rel=1e-6), "clipped at 1 − 1e-7 in float32"
    assert_matches(mirror.categorical_crossentropy(y_true, y_true), theirs, "perfect prediction")


# --- loss functions ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["binary_crossentropy", "categorical_crossentropy"])
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("from_logits", [False, True])
@pytest.mark.parametrize("label_smoothing", [0.0, 0.2])
@pytest.mark.parametrize("axis", [-1, 1])
def test_crossentropy_functions_match_keras(name, seed, from_logits, label_smoothing, axis):
    rng, logits, soft_labels, _ = _random_case(seed)
    if from_logits:
        logits.flat[::5] = EXTREME
        logits.flat[1::5] = -EXTREME
        y_pred = logits
    elif name == "binary_crossentropy":
        y_pred = _sigmoid(logits)
        y_pred.flat[::5] = 0.0  # clipped to 1e-7 by Keras
        y_pred.flat[1::5] = 1.0
    else:
        y_pred = 5 * rng.random(logits.shape).astype(np.float32)  # not normalised: Keras renormalises
        if axis == -1:
            y_pred[..., 0] = 0.0  # clipped up to 1e-7 after renormalising; the other classes keep the sum positive
    options = {"from_logits": from_logits, "label_smoothing": label_smoothing, "axis": axis}
    theirs = _numpy(getattr(keras.losses, name)(soft_labels, y_pred, **options))
    ours = getattr(mirror, name)(soft_labels, y_pred, **options)
    assert_matches(ours, theirs, f"{name} seed={seed} shape={y_pred.shape} {options}")


def test_categorical_crossentropy_keeps_float64():
    _, logits, soft_labels, _ = _random_case(3)
    y_pred = _sigmoid(logits).astype(np.float64)
    theirs = _numpy(keras.losses.categorical_crossentropy(soft_labels.astype(np.float64), y_pred))
    ours = mirror.categorical_crossentropy(soft_labels.astype(np.float64), y_pred)
    assert_matches(ours, theirs, "float64 y_pred", rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("from_logits", [False, True])
@pytest.mark.parametrize("ignore_class", [None, -1, 0])
@pytest.mark.parametrize("trailing_unit_axis", [False, True])
def test_sparse_categorical_crossentropy_matches_keras(seed, from_logits, ignore_class, trailing_unit_axis):
    rng, logits, _, indices = _random_case(seed)
    if ignore_class is not None:
        indices.flat[1::3] = ignore_class
    y_true = indices[..., None] if trailing_unit_axis else indices
    y_pred = logits if from_logits else np.exp(logits)  # unnormalised: clipped, then renormalised by log-softmax
    options = {"from_logits": from_logits, "ignore_class": ignore_class}
    theirs = _numpy(keras.losses.sparse_categorical_crossentropy(y_true, y_pred, **options))
    ours = mirror.sparse_categorical_crossentropy(y_true, y_pred, **options)
    assert_matches(ours, theirs, f"seed={seed} y_true={y_true.tolist()} shape={y_pred.shape} {options}")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("from_logits", [False, True])
@pytest.mark.parametrize("apply_class_balancing", [False, True])
@pytest.mark.parametrize("label_smoothing", [0.0, 0.1])
def test_binary_focal_crossentropy_matches_keras(seed, from_logits, apply_class_balancing, label_smoothing):
    rng, logits, _, _ = _random_case(seed)
    logits.flat[::6] = EXTREME  # from_logits: the TF backend computes the cross-entropy from the logits, unclipped
    logits.flat[1::6] = -EXTREME
    y_true = rng.integers(0, 2, size=logits.shape).astype(np.float32)
    y_pred = logits if from_logits else _sigmoid(logits)
    options = {"apply_class_balancing": apply_class_balancing, "alpha": float(rng.uniform(0.1, 0.9)),
               "gamma": float(rng.uniform(0.0, 3.0)), "from_logits": from_logits, "label_smoothing": label_smoothing}
    theirs = _numpy(keras.losses.binary_focal_crossentropy(y_true, y_pred, **options))
    ours = mirror.binary_focal_crossentropy(y_true, y_pred, **options)
    assert_matches(ours, theirs, f"seed={seed} shape={y_pred.shape} {options}")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("from_logits", [False, True])
@pytest.mark.parametrize("per_class_alpha", [False, True])
@pytest.mark.parametrize("label_smoothing", [0.0, 0.1])
def test_categorical_focal_crossentropy_matches_keras(seed, from_logits, per_class_alpha, label_smoothing):
    rng, logits, soft_labels, _ = _random_case(seed)
    y_pred = logits if from_logits else 5 * rng.random(logits.shape).astype(np.float32)
    alpha = rng.uniform(0.1, 0.9, logits.shape[-1]).tolist() if per_class_alpha else 0.25
    options = {"alpha": alpha, "gamma": float(rng.uniform(0.0, 3.0)), "from_logits": from_logits,
               "label_smoothing": label_smoothing}
    theirs = _numpy(keras.losses.categorical_focal_crossentropy(soft_labels, y_pred, **options))
    ours = mirror.categorical_focal_crossentropy(soft_labels, y_pred, **options)
    assert_matches(ours, theirs, f"seed={seed} shape={y_pred.shape} {options}")


@pytest.mark.parametrize("seed", SEEDS)
def test_kl_divergence_matches_keras_including_its_clipping(seed):
    rng, logits, soft_labels, _ = _random_case(seed)
    soft_labels.flat[::3] = 0.0  # clipped up to 1e-7 by Keras
    y_pred = 1.5 * rng.random(logits.shape).astype(np.float32)  # entries above 1 are clipped down to 1
    y_pred.flat[1::4] = 0.0
    theirs = _numpy(keras.losses.kl_divergence(soft_labels, y_pred))
    assert_matches(mirror.kl_divergence(soft_labels, y_pred), theirs, f"seed={seed} shape={y_pred.shape}")


def test_kl_divergence_can_be_negative_in_keras():
    y_true, y_pred = np.array([[0.0, 1.0]]), np.array([[5.0, 1.0]])
    theirs = _numpy(keras.losses.kl_divergence(y_true, y_pred))
    assert theirs[0] < 0, "Keras 3 clips y_true = 0 up to 1e-7, which gives a small negative divergence"
    assert_matches(mirror.kl_divergence(y_true, y_pred), theirs, "y_true=[0, 1] y_pred=[5, 1]", rtol=1e-12)


# --- loss classes: reductions and sample weights ----------------------------------------------------------------

REDUCTIONS = ["sum_over_batch_size", "sum", None, "none", "mean", "mean_with_sample_weight"]
SAMPLE_WEIGHTS = [None, "per example", "per example (N, 1)", "per element"]


def _sample_weight(rng, kind, loss_shape):
    if kind is None:
        return None
    shape = {"per example": loss_shape[:1], "per example (N, 1)": (loss_shape[0], 1), "per element": loss_shape}
    return rng.uniform(0.0, 2.0, shape[kind]).astype(np.float32)


def _class_case(name, seed, from_logits):
    """(y_true, y_pred, constructor options) for the loss class ``name``."""
    rng, logits, soft_labels, indices = _random_case(seed)
    y_pred = logits if from_logits else 5 * rng.random(logits.shape).astype(np.float32)
    if name == "BinaryCrossentropy":
        y_pred = y_pred if from_logits else _sigmoid(logits)
        return rng, soft_labels, y_pred, {"from_logits": from_logits, "label_smoothing": 0.1}
    if name == "CategoricalCrossentropy":
        return rng, soft_labels, y_pred, {"from_logits": from_logits, "label_smoothing": 0.1}
    if name == "BinaryFocalCrossentropy":
        y_pred = y_pred if from_logits else _sigmoid(logits)
        return rng, soft_labels, y_pred, {"from_logits": from_logits, "label_smoothing": 0.1, "gamma": 1.5,
                                          "apply_class_balancing": True, "alpha": 0.3}
    if name == "CategoricalFocalCrossentropy":
        alpha = rng.uniform(0.1, 1.0, logits.shape[-1]).astype(np.float32).tolist()
        return rng, soft_labels, y_pred, {"from_logits": from_logits, "label_smoothing": 0.1, "alpha": alpha}
    if name == "KLDivergence":
        return rng, soft_labels, _softmax(logits), {}
    indices.flat[::4] = 2
    return rng, indices, y_pred, {"from_logits": from_logits, "ignore_class": 2}


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["BinaryCrossentropy", "CategoricalCrossentropy", "SparseCategoricalCrossentropy",
                                  "BinaryFocalCrossentropy", "CategoricalFocalCrossentropy", "KLDivergence"])
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("sample_weight_kind", SAMPLE_WEIGHTS)
def test_loss_classes_match_keras(seed, name, reduction, sample_weight_kind):
    rng, y_true, y_pred, options = _class_case(name, seed, from_logits=seed == 1)
    sample_weight = _sample_weight(rng, sample_weight_kind, y_pred.shape[:-1])
    theirs = _numpy(getattr(keras.losses, name)(reduction=reduction, **options)(y_true, y_pred, sample_weight))
    ours = getattr(mirror, name)(reduction=reduction, **options)(y_true, y_pred, sample_weight)
    assert_matches(ours, theirs, f"{name} seed={seed} shape={y_pred.shape} {options} reduction={reduction} "
                                 f"sample_weight={sample_weight_kind}")


def test_sparse_categorical_crossentropy_averages_over_the_classes_it_does_not_ignore():
    y_true = np.array([1, -1, 2])
    y_pred = np.array([[0.05, 0.95, 0], [0.1, 0.8, 0.1], [0.1, 0.8, 0.1]], np.float32)
    theirs = _numpy(keras.losses.SparseCategoricalCrossentropy(ignore_class=-1)(y_true, y_pred))
    expected = -(np.log(0.95) + np.log(0.1)) / 2
    assert theirs == pytest.approx(expected, rel=1e-5), "mean over the 2 valid targets, not over all 3"
    assert_matches(mirror.SparseCategoricalCrossentropy(ignore_class=-1)(y_true, y_pred), theirs, "ignore -1")


def test_loss_class_with_every_target_ignored_gives_zero_like_keras():
    y_true, y_pred = np.array([-1, -1]), np.full((2, 3), 1 / 3, np.float32)
    theirs = _numpy(keras.losses.SparseCategoricalCrossentropy(ignore_class=-1)(y_true, y_pred))
    assert theirs == 0.0, "Keras 3 divides with divide_no_nan: 0 / 0 = 0"
    assert_matches(mirror.SparseCategoricalCrossentropy(ignore_class=-1)(y_true, y_pred), theirs, "all ignored")


def test_binary_crossentropy_class_expands_labels_of_rank_one_like_keras():
    y_true, y_pred = np.array([0.0, 1.0], np.float32), np.array([[0.3], [0.6]], np.float32)
    theirs = _numpy(keras.losses.BinaryCrossentropy()(y_true, y_pred))
    assert_matches(mirror.BinaryCrossentropy()(y_true, y_pred), theirs, "y_true (2,), y_pred (2, 1)")


def test_loss_classes_compute_in_float32_like_keras():
    y_true, y_pred = np.array([[0.0, 1.0]]), np.array([[0.3, 0.7]])
    theirs = _numpy(keras.losses.CategoricalCrossentropy(reduction=None)(y_true, y_pred))
    assert theirs.dtype == np.float32, "Keras 3 classes cast to floatx (float32) whatever the input dtype"
    assert_matches(mirror.CategoricalCrossentropy(reduction=None)(y_true, y_pred), theirs, "float64 input")


# --- errors ----------------------------------------------------------------------------------------------------


def test_categorical_crossentropy_refuses_a_shape_mismatch_like_keras():
    y_true, y_pred = np.zeros((2, 2), np.float32), np.ones((2, 3), np.float32)
    with pytest.raises(ValueError):
        keras.losses.categorical_crossentropy(y_true, y_pred)
    with pytest.raises(ValueError):
        mirror.categorical_crossentropy(y_true, y_pred)


def test_binary_crossentropy_function_refuses_a_rank_mismatch_like_keras():
    y_true, y_pred = np.array([0.0, 1.0], np.float32), np.array([[0.3], [0.6]], np.float32)
    with pytest.raises(ValueError):
        keras.losses.binary_crossentropy(y_true, y_pred)
    with pytest.raises(ValueError):
        mirror.binary_crossentropy(y_true, y_pred)


@pytest.mark.parametrize("label", [3, -1])
def test_sparse_categorical_crossentropy_refuses_a_label_out_of_range_like_keras(label):
    y_true, y_pred = np.array([1, label]), np.full((2, 3), 1 / 3, np.float32)
    with pytest.raises(tf.errors.InvalidArgumentError):
        keras.losses.sparse_categorical_crossentropy(y_true, y_pred)
    with pytest.raises(IndexError, match="y_true"):
        mirror.sparse_categorical_crossentropy(y_true, y_pred)


def test_sparse_categorical_crossentropy_refuses_a_class_axis_other_than_the_last_like_keras():
    y_true, y_pred = np.zeros((2, 4), np.int64), np.full((2, 3, 4), 1 / 3, np.float32)
    with pytest.raises(ValueError):
        keras.losses.sparse_categorical_crossentropy(y_true, y_pred, axis=1)
    with pytest.raises(ValueError):
        mirror.sparse_categorical_crossentropy(y_true, y_pred, axis=1)


def test_loss_classes_refuse_an_unknown_reduction_like_keras():
    with pytest.raises(ValueError):
        keras.losses.CategoricalCrossentropy(reduction="bogus")
    with pytest.raises(ValueError):
        mirror.CategoricalCrossentropy(reduction="bogus")


def test_non_integer_labels_are_truncated_like_keras():
    y_true, y_pred = np.array([1.7, 2.0]), np.array([[2.0, 2.0, 0.0], [0.1, 0.8, 0.1]], np.float32)
    truncated = _numpy(keras.losses.sparse_categorical_crossentropy(y_true, y_pred))
    assert truncated[0] == pytest.approx(np.log(2), rel=1e-6), "Keras 3 casts 1.7 to class 1 without a word"
    assert_matches(mirror.sparse_categorical_crossentropy(y_true, y_pred), truncated, "labels 1.7 and 2.0")


@pytest.mark.parametrize("name", ["binary_crossentropy", "kl_divergence", "binary_focal_crossentropy"])
def test_integer_predictions_raise_type_error_like_keras(name):
    with pytest.raises(TypeError):
        getattr(keras.losses, name)(np.array([[0, 1]]), np.array([[1, 2]]))
    with pytest.raises(TypeError, match="y_pred"):
        getattr(mirror, name)(np.array([[0, 1]]), np.array([[1, 2]]))


NAN, INF = np.float32(np.nan), np.float32(np.inf)
LOGITS = np.array([[1, NAN, 0], [INF, 0, 0], [1, 2, -INF], [-INF, 0, 0]], np.float32)
ONE_HOT = np.array([[1, 0, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]], np.float32)
SCORES = np.array([[0, 0, 0], [NAN, 0.5, 0.5], [-0.5, 1, 0.5], [2, 3, 0]], np.float32)  # sum 0, NaN, < 0, > 1
ODD_LABELS = np.array([[0, 1, 0], [0.5, 0.7, 0.2], [-0.5, 1.5, 0], [NAN, 1, 0]], np.float32)

COMPUTED_BY_KERAS = {
    # name: (function, positional arguments, keyword arguments); Keras 3.15.1 gives a number, NaN or ±inf for each
    "binary_crossentropy, NaN and ±inf logits": ("binary_crossentropy", (
        np.array([[1, 1, 1, 0, 0, 1]], np.float32), np.array([[NAN, INF, -INF, INF, -INF, 0]], np.float32)),
        {"from_logits": True, "axis": 0}),
    "binary_crossentropy, probabilities outside [0, 1] and NaN": ("binary_crossentropy", (
        np.array([[1, 0], [1, 1], [0, 1]], np.float32), np.array([[1.5, -0.5], [NAN, 0.5], [2, 0]], np.float32)), {}),
    "binary_crossentropy, labels outside [0, 1] and label_smoothing 1.5": ("binary_crossentropy", (
        np.array([[1.5, -0.5], [NAN, 3]], np.float32), np.array([[0.3, 0.6], [0.2, 0.9]], np.float32)),
        {"label_smoothing": 1.5}),
    "binary_crossentropy, label_smoothing -0.2 from logits": ("binary_crossentropy", (
        np.array([[1, 0], [0, 1]], np.float32), np.array([[0.3, -2], [1, 4]], np.float32)),
        {"from_logits": True, "label_smoothing": -0.2}),
    "categorical_crossentropy, NaN and ±inf logits": ("categorical_crossentropy", (ONE_HOT, LOGITS),
                                                      {"from_logits": True}),
    "categorical_crossentropy, scores summing to 0, NaN, negative": ("categorical_crossentropy", (ONE_HOT, SCORES),
                                                                      {}),
    "categorical_crossentropy, labels not summing to 1, negative, NaN": ("categorical_crossentropy", (
        ODD_LABELS, np.full((4, 3), 1 / 3, np.float32)), {"label_smoothing": -0.3}),
    "categorical_crossentropy, labels not summing to 1, from logits": ("categorical_crossentropy", (
        ODD_LABELS, np.array([[1, 2, 3]] * 4, np.float32)), {"from_logits": True, "label_smoothing": 2.0}),
    "sparse_categorical_crossentropy, NaN and ±inf logits": ("sparse_categorical_crossentropy", (
        np.array([0, 0, 2, 1]), LOGITS), {"from_logits": True}),
    "sparse_categorical_crossentropy, scores summing to 0, NaN, negative": ("sparse_categorical_crossentropy", (
        np.array([1, 1, 0, 1]), SCORES), {}),
    "sparse_categorical_crossentropy, NaN logits of an ignored entry": ("sparse_categorical_crossentropy", (
        np.array([-1, 1, 2, 1]), LOGITS), {"from_logits": True, "ignore_class": -1}),
    "binary_focal_crossentropy, NaN and ±inf logits": ("binary_focal_crossentropy", (
        np.array([[1, 1, 1, 0, 0, 1]], np.float32), np.array([[NAN, INF, -INF, INF, -INF, 0]], np.float32)),
        {"from_logits": True, "axis": 0}),
    "binary_focal_crossentropy, α outside [0, 1], γ < 0, odd probabilities": ("binary_focal_crossentropy", (
        np.array([[1, 0], [1, 1], [0, 1.5]], np.float32), np.array([[1.5, -0.5], [NAN, 0.5], [0.2, 0.3]], np.float32)),
        {"apply_class_balancing": True, "alpha": 1.5, "gamma": -0.5}),
    "categorical_focal_crossentropy, NaN and ±inf logits": ("categorical_focal_crossentropy", (ONE_HOT, LOGITS),
                                                            {"from_logits": True}),
    "categorical_focal_crossentropy, negative α and γ, odd scores": ("categorical_focal_crossentropy", (
        ODD_LABELS, SCORES), {"alpha": [-1.0, 0.5, 2.0], "gamma": -1.0}),
    "kl_divergence, negative, NaN and inf": ("kl_divergence", (
        np.array([[-0.5, 1.5], [NAN, 1], [INF, 0]], np.float32), np.array([[0.5, 0.5], [0.5, -1], [0.5, INF]],
                                                                          np.float32)), {}),
}


@pytest.mark.parametrize("case", COMPUTED_BY_KERAS, ids=str)
def test_inputs_keras_computes_with_the_mirror_computes_the_same(case):
    name, arguments, options = COMPUTED_BY_KERAS[case]
    theirs = _numpy(getattr(keras.losses, name)(*arguments, **options))
    assert_matches(getattr(mirror, name)(*arguments, **options), theirs, case)  # equal_nan: NaN in the same places


@pytest.mark.parametrize("reduction", ["sum_over_batch_size", "mean_with_sample_weight", None])
def test_loss_classes_weigh_by_negative_and_nan_sample_weights_like_keras(reduction):
    y_true, y_pred = np.array([[0, 1], [1, 0], [1, 1]], np.float32), np.array([[0.3, 0.6], [0.2, 0.9], [0.5, 0.5]])
    sample_weight = np.array([-1.0, 2.0, NAN], np.float32)
    theirs = _numpy(keras.losses.BinaryCrossentropy(reduction=reduction)(y_true, y_pred, sample_weight))
    ours = mirror.BinaryCrossentropy(reduction=reduction)(y_true, y_pred, sample_weight)
    assert_matches(ours, theirs, f"sample_weight={sample_weight} {reduction}")
