"""snippets.mirrors.tf against the real tf.nn (installed tensorflow-cpu 2.21, TF 2 names).

Every expected value is computed by TensorFlow itself on the same arrays. The TF 1.x names that survive in
``tf.compat.v1.nn`` are checked to compute the same values, which is what the mirror's docstrings claim.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.conformance import assert_matches
from tests.frameworks import require

tf = require("tensorflow")

from snippets.mirrors import tf as mirror  # noqa: E402  (after the framework check above)

SEEDS = [0, 1, 2]
EXTREME = np.float32(1e4)


def _random_case(seed: int):
    """Float32 logits (N, d1, ..., dK, C) with K = seed % 3, ±1e4 in places, soft labels and class indices."""
    rng = np.random.default_rng(seed)
    n, c = int(rng.integers(1, 6)), int(rng.integers(2, 6))
    shape = (n, *(int(d) for d in rng.integers(1, 4, size=seed % 3)), c)
    logits = (3 * rng.standard_normal(shape)).astype(np.float32)
    logits.flat[::5] = EXTREME
    logits.flat[2::5] = -EXTREME
    raw = rng.random(shape)
    soft_labels = (raw / raw.sum(axis=-1, keepdims=True)).astype(np.float32)
    indices = rng.integers(0, c, size=shape[:-1])
    return rng, logits, soft_labels, indices


@pytest.mark.parametrize("seed", SEEDS)
def test_sigmoid_cross_entropy_with_logits_matches_tf(seed):
    rng, logits, _, _ = _random_case(seed)
    labels = rng.random(logits.shape).astype(np.float32)
    labels.flat[::2] = np.round(labels.flat[::2])
    theirs = tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits).numpy()
    ours = mirror.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits)
    assert_matches(ours, theirs, f"seed={seed} shape={logits.shape}")
    assert_matches(tf.compat.v1.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=logits).numpy(), theirs,
                   "tf.compat.v1 name")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("pos_weight_kind", ["number", "per class"])
def test_weighted_cross_entropy_with_logits_matches_tf(seed, pos_weight_kind):
    rng, logits, _, _ = _random_case(seed)
    labels = rng.integers(0, 2, size=logits.shape).astype(np.float32)
    if pos_weight_kind == "number":
        pos_weight = float(rng.uniform(0.2, 5.0))
    else:
        pos_weight = rng.uniform(0.2, 5.0, logits.shape[-1]).astype(np.float32)
    theirs = tf.nn.weighted_cross_entropy_with_logits(labels=labels, logits=logits, pos_weight=pos_weight).numpy()
    ours = mirror.weighted_cross_entropy_with_logits(labels=labels, logits=logits, pos_weight=pos_weight)
    assert_matches(ours, theirs, f"seed={seed} shape={logits.shape} pos_weight={pos_weight}")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("axis", [-1, 0, 1])
def test_softmax_cross_entropy_with_logits_matches_tf(seed, axis):
    _, logits, soft_labels, _ = _random_case(seed)
    labels = soft_labels / soft_labels.sum(axis=axis, keepdims=True)  # distributions along the class axis
    theirs = tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits, axis=axis).numpy()
    ours = mirror.softmax_cross_entropy_with_logits(labels=labels, logits=logits, axis=axis)
    assert_matches(ours, theirs, f"seed={seed} shape={logits.shape} axis={axis}")
    v1 = tf.compat.v1.nn.softmax_cross_entropy_with_logits_v2(labels=labels, logits=logits, axis=axis)
    assert_matches(v1.numpy(), theirs, "tf.compat.v1 softmax_cross_entropy_with_logits_v2")


@pytest.mark.parametrize("seed", SEEDS)
def test_sparse_softmax_cross_entropy_with_logits_matches_tf(seed):
    _, logits, _, indices = _random_case(seed)
    theirs = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=indices, logits=logits).numpy()
    ours = mirror.sparse_softmax_cross_entropy_with_logits(labels=indices, logits=logits)
    assert_matches(ours, theirs, f"seed={seed} labels={indices.tolist()} shape={logits.shape}")


def test_integer_and_soft_labels_agree_in_tf_and_in_the_mirror():
    _, logits, _, indices = _random_case(7)
    one_hot = np.eye(logits.shape[-1], dtype=np.float32)[indices]
    sparse = tf.nn.sparse_softmax_cross_entropy_with_logits(labels=indices, logits=logits).numpy()
    dense = mirror.softmax_cross_entropy_with_logits(labels=one_hot, logits=logits)
    assert_matches(dense, sparse, f"one-hot of {indices.tolist()} against class indices")


def test_float64_logits_give_float64_losses_like_tf():
    _, logits, soft_labels, indices = _random_case(4)
    logits, soft_labels = logits.astype(np.float64), soft_labels.astype(np.float64)
    pairs = [
        (tf.nn.softmax_cross_entropy_with_logits(labels=soft_labels, logits=logits),
         mirror.softmax_cross_entropy_with_logits(labels=soft_labels, logits=logits)),
        (tf.nn.sparse_softmax_cross_entropy_with_logits(labels=indices, logits=logits),
         mirror.sparse_softmax_cross_entropy_with_logits(labels=indices, logits=logits)),
    ]
    for theirs, ours in pairs:
        assert_matches(ours, theirs.numpy(), "float64 logits", rtol=1e-12, atol=1e-12)


# --- errors ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("label", [3, -1])
def test_sparse_softmax_refuses_a_label_out_of_range_like_tf(label):
    labels, logits = np.array([1, label]), np.zeros((2, 3), np.float32)
    words = f"Received a label value of {label} which is outside the valid range of \\[0, 3\\)"
    with pytest.raises(tf.errors.InvalidArgumentError, match=words):
        tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    with pytest.raises(IndexError, match=words):
        mirror.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)


SPARSE_ERRORS = {
    "labels (N, 1) for logits (N, C)": (np.array([[1], [2]]), np.zeros((2, 3), np.float32), ValueError),
    "float labels": (np.array([1.0, 2.0]), np.zeros((2, 3), np.float32), tf.errors.InvalidArgumentError),
}


@pytest.mark.parametrize("case", SPARSE_ERRORS, ids=str)
def test_sparse_softmax_refuses_what_tf_refuses(case):
    labels, logits, tf_error = SPARSE_ERRORS[case]
    with pytest.raises(tf_error):
        tf.nn.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    with pytest.raises(ValueError, match="labels"):
        mirror.sparse_softmax_cross_entropy_with_logits(labels=labels, logits=logits)


@pytest.mark.parametrize("name", ["sigmoid_cross_entropy_with_logits", "weighted_cross_entropy_with_logits"])
def test_elementwise_losses_refuse_a_shape_mismatch_like_tf(name):
    options = {"labels": np.ones(3, np.float32), "logits": np.zeros((2, 3), np.float32)}
    if name == "weighted_cross_entropy_with_logits":
        options["pos_weight"] = 2.0
    with pytest.raises(ValueError):
        getattr(tf.nn, name)(**options)
    with pytest.raises(ValueError, match="labels"):
        getattr(mirror, name)(**options)


def test_sigmoid_cross_entropy_needs_both_labels_and_logits_like_tf():
    with pytest.raises(ValueError):
        tf.nn.sigmoid_cross_entropy_with_logits(logits=np.zeros(2, np.float32))
    with pytest.raises(ValueError, match="labels"):
        mirror.sigmoid_cross_entropy_with_logits(logits=np.zeros(2, np.float32))


def test_softmax_refuses_labels_that_do_not_broadcast_like_tf():
    labels, logits = np.array([0.0, 1.0], np.float32), np.zeros((2, 3), np.float32)
    with pytest.raises(tf.errors.InvalidArgumentError, match="must be broadcastable"):
        tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=logits)
    with pytest.raises(ValueError, match="must be broadcastable"):
        mirror.softmax_cross_entropy_with_logits(labels=labels, logits=logits)


NAN, INF = np.float32(np.nan), np.float32(np.inf)
SPECIAL_LOGITS = np.array([[1, NAN, 0], [INF, 0, 0], [1, 2, -INF], [-INF, 0, 0], [-INF, -INF, -INF], [-INF, 1, 2]],
                          np.float32)

COMPUTED_BY_TF = {
    # name: (function, keyword arguments); TF 2.21 gives a number, NaN or ±inf for each
    "sigmoid, NaN and ±inf logits": ("sigmoid_cross_entropy_with_logits", {
        "labels": np.array([1, 1, 1, 0, 0], np.float32), "logits": np.array([NAN, INF, -INF, INF, -INF])}),
    "sigmoid, labels outside [0, 1] and NaN": ("sigmoid_cross_entropy_with_logits", {
        "labels": np.array([1.5, -0.5, NAN, 5], np.float32), "logits": np.array([0.3, -2, 1, 2], np.float32)}),
    "weighted, NaN and ±inf logits": ("weighted_cross_entropy_with_logits", {
        "labels": np.array([1, 1, 1, 0, 0], np.float32), "logits": np.array([NAN, INF, -INF, INF, -INF], np.float32),
        "pos_weight": 2.0}),
    "weighted, labels outside [0, 1]": ("weighted_cross_entropy_with_logits", {
        "labels": np.array([1.5, -0.5], np.float32), "logits": np.array([0.3, -2], np.float32), "pos_weight": 2.0}),
    "weighted, negative pos_weight": ("weighted_cross_entropy_with_logits", {
        "labels": np.array([1, 0.5], np.float32), "logits": np.array([0.3, -2], np.float32), "pos_weight": -2.0}),
    "weighted, negative, NaN and inf pos_weight per class": ("weighted_cross_entropy_with_logits", {
        "labels": np.array([[1, 0.5, 1], [0, 1, 0.5]], np.float32),
        "logits": np.array([[0.3, -2, 1], [1, 2, 3]], np.float32), "pos_weight": np.array([-2, NAN, INF], np.float32)}),
    "weighted, pos_weight per row": ("weighted_cross_entropy_with_logits", {
        "labels": np.array([[1, 0.5], [0, 1]], np.float32), "logits": np.array([[0.3, -2], [1, 2]], np.float32),
        "pos_weight": np.array([[2], [-3]], np.float32)}),
    "softmax, NaN and ±inf logits": ("softmax_cross_entropy_with_logits", {
        "labels": np.array([[1, 0, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0], [1, 0, 0], [0, 0.5, 0.5]], np.float32),
        "logits": SPECIAL_LOGITS}),
    "softmax, labels not summing to 1, negative or NaN": ("softmax_cross_entropy_with_logits", {
        "labels": np.array([[0.5, 0.7, 0.2], [-0.5, 1.7, 0.2], [NAN, 1, 0]], np.float32),
        "logits": np.array([[1, 2, 3], [0, 1, 2], [1, 2, 3]], np.float32)}),
    "softmax, labels (C,) broadcast against logits (N, C)": ("softmax_cross_entropy_with_logits", {
        "labels": np.array([0, 1, 0], np.float32), "logits": np.array([[1, 2, 3], [0, 1, 2]], np.float32)}),
    "softmax, labels (1, C) broadcast along axis 0": ("softmax_cross_entropy_with_logits", {
        "labels": np.array([[0, 1, 0]], np.float32), "logits": np.array([[1, 2, 3], [0, 1, 2]], np.float32),
        "axis": 0}),
    "softmax, integer labels": ("softmax_cross_entropy_with_logits", {
        "labels": np.array([[0, 1]]), "logits": np.array([[1, 2]], np.float32)}),
    "sparse, NaN and ±inf logits": ("sparse_softmax_cross_entropy_with_logits", {
        "labels": np.array([0, 0, 2, 1, 0, 1]), "logits": SPECIAL_LOGITS}),
    "sparse, one example (C,)": ("sparse_softmax_cross_entropy_with_logits", {
        "labels": np.array(0, np.int32), "logits": np.array([1, 2, 3], np.float32)}),
}


@pytest.mark.parametrize("case", COMPUTED_BY_TF, ids=str)
def test_inputs_tf_computes_with_the_mirror_computes_the_same(case):
    name, options = COMPUTED_BY_TF[case]
    theirs = getattr(tf.nn, name)(**options).numpy()
    assert_matches(getattr(mirror, name)(**options), theirs, case)  # equal_nan: NaN in the same places
