"""optax's own classification-loss tests, ported to the core of :mod:`snippets`.

Source: ``optax/losses/_classification_test.py`` of https://github.com/google-deepmind/optax at tag v0.2.8
(commit 107e9ad20ca62bcbee1a8c016daab71c690a678c; optax 0.2.8 is the newest release on PyPI). Copyright 2019
DeepMind Technologies Limited, Apache License 2.0 (see NOTICE). Inputs, expected numbers and tolerances are
copied exactly; each test names its upstream class and method. optax is not needed: ``jax.jit(f)`` is ``f``
here, ``jaxtest.check_grads`` becomes a comparison of the analytic gradient (``*_grad``, or the closed form
softmax(z) − y) with :func:`snippets.gradients.numerical_gradient`, and the tests that draw inputs with
``np.random`` or ``jax.random`` draw them from a seeded numpy generator (they check relations, not numbers).

The core is stricter than optax by design (targets must be distributions, log-predictions log-probabilities,
a label must be a class the mask keeps). Where an upstream input is refused for that reason, the upstream test
is an expected failure (``xfail(strict=True)``, reason given) and a ``_valid_variant`` beside it runs the same
check on input that is valid. Ported classes: SoftmaxCrossEntropyTest, SafeSoftmaxCrossEntropyTest,
SoftmaxCrossEntropyWithIntegerLabelsTest, SigmoidCrossEntropyTest, PolyLossTest, KLDivergenceTest,
KLDivergenceWithLogTargetsTest, SigmoidFocalLossTest. Not ported: the losses snippets does not implement
(hinge, perceptron, sparsemax, generalized KL, CTC).
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets.activations import log_softmax, softmax
from snippets.binary import sigmoid_binary_cross_entropy
from snippets.categorical import poly_loss_cross_entropy, safe_softmax_cross_entropy, softmax_cross_entropy
from snippets.categorical import softmax_cross_entropy_grad, softmax_cross_entropy_with_integer_labels
from snippets.categorical import softmax_cross_entropy_with_integer_labels_grad
from snippets.divergence import kl_divergence, kl_divergence_with_log_targets
from snippets.focal import sigmoid_focal_loss, sigmoid_focal_loss_grad
from snippets.gradients import numerical_gradient

UPSTREAM = "optax/losses/_classification_test.py @ v0.2.8 (107e9ad20ca62bcbee1a8c016daab71c690a678c)"


def refused(reason: str):
    """An upstream input the core refuses by design: a strict expected failure (ValueError)."""
    return pytest.mark.xfail(strict=True, raises=ValueError, reason=f"by design: {reason}")


TARGETS_SUBSET = ("targets[mask] is part of a distribution that no longer sums to 1; softmax_cross_entropy "
                  "takes target distributions")
TARGETS_OTHER_AXIS = ("the targets are distributions along the last axis, the loss is taken along another, "
                      "where they do not sum to 1")
NOT_LOG_PROBS = "kl_divergence takes log-probabilities; np.random.normal values are not"


def _one_hot(labels, num_classes):
    """jax.nn.one_hot."""
    return np.eye(num_classes)[np.asarray(labels)]


def _dirichlet_over(mask, rng):
    """A distribution that puts all its mass on the kept entries of ``mask``."""
    targets = np.where(mask, rng.dirichlet(np.ones(mask.size)), 0.0)
    return targets / targets.sum()


def _mask(rng, size):
    """np.random.randint(2, size=size, dtype=bool), with at least one entry kept."""
    mask = rng.integers(0, 2, size=size).astype(bool)
    mask[0] = True
    return mask


# --- SoftmaxCrossEntropyTest -------------------------------------------------------------------------------------

SCE_YS = np.array([[10.0, 1.0, -2.0], [1.0, 4.0, 0.2]], dtype=np.float32)
SCE_TS = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0]], dtype=np.float32)
SCE_EXP = np.array([9.00013, 3.0696733], dtype=np.float32)
SCE_MASK = np.array([True, False])
SCE_PER_LOGIT_MASK = np.array([[1, 0, 0], [0, 0, 0]]).astype(bool)


def test_SoftmaxCrossEntropyTest_test_scalar():
    np.testing.assert_allclose(softmax_cross_entropy(SCE_YS[0], SCE_TS[0]), SCE_EXP[0], atol=1e-4)


def test_SoftmaxCrossEntropyTest_test_batched():
    np.testing.assert_allclose(softmax_cross_entropy(SCE_YS, SCE_TS), SCE_EXP, atol=1e-4)


@refused("row 0 keeps class 0 only, where its target is 0: the targets over the kept classes sum to 0, not 1")
def test_SoftmaxCrossEntropyTest_test_per_logit_mask():
    out = softmax_cross_entropy(SCE_YS, SCE_TS, where=SCE_PER_LOGIT_MASK)
    np.testing.assert_array_equal(np.where(np.any(SCE_PER_LOGIT_MASK, -1), 0.0, out), 0)


def test_SoftmaxCrossEntropyTest_test_per_logit_mask_valid_variant():
    targets = np.array([[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]], dtype=np.float32)  # row 0: all mass on its kept class
    out = softmax_cross_entropy(SCE_YS, targets, where=SCE_PER_LOGIT_MASK)
    np.testing.assert_array_equal(np.where(np.any(SCE_PER_LOGIT_MASK, -1), 0.0, out), 0)


def test_SoftmaxCrossEntropyTest_test_gradient():
    logits, targets = SCE_YS[:2].astype(np.float64), SCE_TS[:2].astype(np.float64)
    numerical = numerical_gradient(lambda z: softmax_cross_entropy(z, targets).sum(), logits)
    np.testing.assert_allclose(softmax_cross_entropy_grad(logits, targets), numerical, rtol=1e-6, atol=1e-8)
    gs = numerical_gradient(lambda z: softmax_cross_entropy(z, SCE_TS, where=SCE_MASK).sum(), SCE_YS)
    assert np.all(np.isfinite(gs))


def _check_mask(loss, size, valid):
    """The loss of the kept entries alone equals the loss with ``where``; ``valid``: targets only on kept ones."""
    rng = np.random.default_rng(size)
    preds, targets, mask = rng.normal(size=size), rng.dirichlet(np.ones(size)), _mask(rng, size)
    if valid:
        targets = _dirichlet_over(mask, rng)
    x = loss(preds[mask], targets[mask])
    y = loss(preds, targets, where=mask)
    np.testing.assert_allclose(x, y, atol=1e-4)


@pytest.mark.parametrize("size", [5, 10])
@refused(TARGETS_SUBSET)
def test_SoftmaxCrossEntropyTest_test_mask(size):
    _check_mask(softmax_cross_entropy, size, valid=False)


@pytest.mark.parametrize("size", [5, 10])
def test_SoftmaxCrossEntropyTest_test_mask_valid_variant(size):
    _check_mask(softmax_cross_entropy, size, valid=True)


def _axis_case(shape, axis, valid):
    rng = np.random.default_rng(axis)
    preds = rng.normal(size=shape)
    along = axis if valid else -1
    targets = np.moveaxis(rng.dirichlet(np.ones(shape[along]), size=shape[:along] + shape[along + 1:]
                                        if along != -1 else shape[:-1]), -1, along)
    return preds, targets


AXIS_CASES = [pytest.param(4, 5, 6, 0, marks=refused(TARGETS_OTHER_AXIS), id="axis=0"),
              pytest.param(4, 5, 6, 1, marks=refused(TARGETS_OTHER_AXIS), id="axis=1"),
              pytest.param(4, 5, 6, 2, id="axis=2")]
AXIS_VARIANTS = [pytest.param(4, 5, 6, axis, id=f"axis={axis}") for axis in (0, 1, 2)]


def _check_axis(loss, preds, targets, axis):
    x = loss(preds, targets, axis=axis)
    y = loss(np.moveaxis(preds, axis, -1), np.moveaxis(targets, axis, -1))
    np.testing.assert_allclose(x, y, atol=1e-4)


@pytest.mark.parametrize("d0, d1, d2, axis", AXIS_CASES)
def test_SoftmaxCrossEntropyTest_test_axis(d0, d1, d2, axis):
    _check_axis(softmax_cross_entropy, *_axis_case((d0, d1, d2), axis, valid=False), axis)


@pytest.mark.parametrize("d0, d1, d2, axis", AXIS_VARIANTS)
def test_SoftmaxCrossEntropyTest_test_axis_valid_variant(d0, d1, d2, axis):
    """Targets drawn as distributions along the loss's axis."""
    _check_axis(softmax_cross_entropy, *_axis_case((d0, d1, d2), axis, valid=True), axis)


# --- SafeSoftmaxCrossEntropyTest ---------------------------------------------------------------------------------

SAFE_YS = np.array([[10.0, 1.0, -2.0], [1.0, 4.0, 0.2], [-np.inf, 0.0, 0.0], [-np.inf, 0.0, 0.0],
                    [-np.inf, 0.0, -np.inf]], dtype=np.float32)
SAFE_TS = np.array([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.5, 0.5], [0.4, 0.3, 0.3], [0.0, 1.0, 0.0]],
                   dtype=np.float32)
SAFE_EXP = np.array([9.00013, 3.0696733, 0.693147, np.inf, 0.0], dtype=np.float32)


def test_SafeSoftmaxCrossEntropyTest_test_scalar():
    np.testing.assert_allclose(safe_softmax_cross_entropy(SAFE_YS[0], SAFE_TS[0]), SAFE_EXP[0], atol=1e-4)


def test_SafeSoftmaxCrossEntropyTest_test_batched():
    np.testing.assert_allclose(safe_softmax_cross_entropy(SAFE_YS, SAFE_TS), SAFE_EXP, atol=1e-4)


def test_SafeSoftmaxCrossEntropyTest_test_gradient():
    logits, targets = SAFE_YS[:2].astype(np.float64), SAFE_TS[:2].astype(np.float64)
    numerical = numerical_gradient(lambda z: safe_softmax_cross_entropy(z, targets).sum(), logits)
    np.testing.assert_allclose(softmax(logits, axis=-1) - targets, numerical, rtol=1e-6, atol=1e-8)


def test_SafeSoftmaxCrossEntropyTest_test_against_plain_implementation():
    logits, targets = SAFE_YS[0].astype(np.float64), SAFE_TS[0].astype(np.float64)
    plain = softmax_cross_entropy(logits, targets), softmax_cross_entropy_grad(logits, targets)
    safe = (safe_softmax_cross_entropy(logits, targets),
            numerical_gradient(lambda z: safe_softmax_cross_entropy(z, targets), logits))
    for ours, theirs in zip(safe, plain):
        np.testing.assert_allclose(ours, theirs, atol=1e-4)


# --- SoftmaxCrossEntropyWithIntegerLabelsTest --------------------------------------------------------------------

INT_TS = np.array([1, 0], dtype=np.int32)


def test_SoftmaxCrossEntropyWithIntegerLabelsTest_test_consistent_with_softmax_cross_entropy_scalar():
    exp = softmax_cross_entropy(SCE_YS[0], _one_hot(INT_TS[0], 3).astype(np.float32))
    np.testing.assert_allclose(softmax_cross_entropy_with_integer_labels(SCE_YS[0], INT_TS[0]), exp, rtol=1e-6)


def test_SoftmaxCrossEntropyWithIntegerLabelsTest_test_consistent_with_softmax_cross_entropy_batched():
    exp = softmax_cross_entropy(SCE_YS, _one_hot(INT_TS, 3).astype(np.float32))
    np.testing.assert_allclose(softmax_cross_entropy_with_integer_labels(SCE_YS, INT_TS), exp, rtol=1e-6)


def test_SoftmaxCrossEntropyWithIntegerLabelsTest_test_gradient():
    logits = SCE_YS.astype(np.float64)
    numerical = numerical_gradient(lambda z: softmax_cross_entropy_with_integer_labels(z, INT_TS).sum(), logits)
    np.testing.assert_allclose(softmax_cross_entropy_with_integer_labels_grad(logits, INT_TS), numerical,
                               rtol=1e-6, atol=1e-8)
    gs = numerical_gradient(
        lambda z: softmax_cross_entropy_with_integer_labels(z, INT_TS, where=SCE_MASK).sum(), SCE_YS)
    assert np.all(np.isfinite(gs))


@refused("row 0's label 1 is a class the mask drops; optax returns logsumexp over the kept classes minus "
         "that logit, which is no cross-entropy")
def test_SoftmaxCrossEntropyWithIntegerLabelsTest_test_per_logit_mask():
    out = softmax_cross_entropy_with_integer_labels(SCE_YS, INT_TS, where=SCE_PER_LOGIT_MASK)
    np.testing.assert_array_equal(np.where(np.any(SCE_PER_LOGIT_MASK, -1), 0.0, out), 0)


def test_SoftmaxCrossEntropyWithIntegerLabelsTest_test_per_logit_mask_valid_variant():
    labels = np.array([0, 0], dtype=np.int32)  # row 0 labelled with the class its mask keeps
    out = softmax_cross_entropy_with_integer_labels(SCE_YS, labels, where=SCE_PER_LOGIT_MASK)
    np.testing.assert_array_equal(np.where(np.any(SCE_PER_LOGIT_MASK, -1), 0.0, out), 0)


@pytest.mark.parametrize("axis", [0, 1, 2])
def test_SoftmaxCrossEntropyWithIntegerLabelsTest_test_axis(axis):
    shape = [4, 5, 6]
    rng = np.random.default_rng(axis)
    preds = rng.normal(size=shape)
    targets = rng.integers(shape[axis], size=shape[:axis] + shape[axis + 1:])
    x = softmax_cross_entropy_with_integer_labels(preds, targets, axis=axis)
    y = softmax_cross_entropy_with_integer_labels(np.moveaxis(preds, axis, -1), targets)
    np.testing.assert_allclose(x, y, atol=1e-4)


@pytest.mark.parametrize("axis", [(1, 3), (3, 2), (2, 3), (-3, -1), (-1, -2), (-2, -1), (0, 1, 3), (-4, -3, -1)],
                         ids=str)
def test_SoftmaxCrossEntropyWithIntegerLabelsTest_test_axes(axis):
    shape = (2, 3, 4, 5)
    ndim = len(shape)
    logits_axis = tuple((x + ndim) % ndim for x in axis)
    labels_axis = tuple(x for x in range(ndim) if x not in logits_axis)
    logits_shape = tuple(shape[x] for x in logits_axis)
    labels_shape = tuple(shape[x] for x in labels_axis)
    num_classes = np.prod(logits_shape).item()
    rng = np.random.default_rng(42)  # upstream: jax.random.key(42)
    logits = rng.uniform(size=labels_shape + (num_classes,)).astype(np.float32)
    labels = rng.integers(0, num_classes - 1, size=labels_shape)
    desired = softmax_cross_entropy_with_integer_labels(logits, labels)
    perm = labels_axis + logits_axis
    perm_inv = tuple(i for i, _ in sorted(enumerate(perm), key=lambda x: x[1]))
    logits = logits.reshape(labels_shape + logits_shape).transpose(perm_inv)
    assert logits.shape == shape
    actual = softmax_cross_entropy_with_integer_labels(logits, labels, axis=axis)
    np.testing.assert_allclose(actual, desired)


# --- SigmoidCrossEntropyTest -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "preds, labels, expected",
    [
        ([-1e09, -1e-09], [1.0, 0.0], 5e08),
        ([-1e09, -1e-09], [0.0, 1.0], 0.3465736),
        ([1e09, 1e-09], [1.0, 0.0], 0.3465736),
        ([1e09, 1e-09], [0.0, 1.0], 5e08),
        ([-1e09, 1e-09], [1.0, 0.0], 5e08),
        ([-1e09, 1e-09], [0.0, 1.0], 0.3465736),
        ([1e09, -1e-09], [1.0, 0.0], 0.3465736),
        ([1e09, -1e-09], [0.0, 1.0], 5e08),
        ([0.0, 0.0], [1.0, 0.0], 0.6931472),
        ([0.0, 0.0], [0.0, 1.0], 0.6931472),
    ],
)
def test_SigmoidCrossEntropyTest_test_sigmoid_cross_entropy(preds, labels, expected):
    tested = np.mean(sigmoid_binary_cross_entropy(np.array(preds), np.array(labels)))
    np.testing.assert_allclose(tested, expected, rtol=1e-6, atol=1e-6)


# --- PolyLossTest ------------------------------------------------------------------------------------------------

POLY_LOGITS = np.array([0.14, 1.456, 2.356, -0.124, -2.47])
POLY_LABELS = np.array([0.1, 0.15, 0.2, 0.25, 0.3])
POLY_BATCHED_LOGITS = np.array([[4.0, 2.0, 1.0], [0.0, 5.0, 1.0]])
POLY_BATCHED_LABELS = np.array([[1.0, 0.0, 0.0], [0.0, 0.8, 0.2]])


@pytest.mark.parametrize("eps, expected", [(2, 4.5317), (1, 3.7153), (-1, 2.0827), (0, 2.8990), (-0.5, 2.4908),
                                           (1.15, 3.8378), (1.214, 3.8900), (5.45, 7.3480)])
def test_PolyLossTest_test_scalar(eps, expected):
    np.testing.assert_allclose(poly_loss_cross_entropy(POLY_LOGITS, POLY_LABELS, epsilon=eps), expected, atol=1e-4)


@pytest.mark.parametrize("eps, expected", [(2, [0.4823, 1.2567]), (1, [0.3261, 1.0407]), (0, [0.1698, 0.8247]),
                                           (-0.5, [0.0917, 0.7168]), (1.15, [0.3495, 1.0731]),
                                           (1.214, [0.3595, 1.0870]), (5.45, [1.0211, 2.0018])])
def test_PolyLossTest_test_batched(eps, expected):
    loss = poly_loss_cross_entropy(POLY_BATCHED_LOGITS, POLY_BATCHED_LABELS, epsilon=eps)
    np.testing.assert_allclose(loss, np.array(expected), atol=1e-4)


@pytest.mark.parametrize(
    "logits, labels",
    [
        ([[4.0, 2.0, 1.0], [0.0, 5.0, 1.0], [0.134, 1.234, 3.235]], [[1.0, 0.0, 0.0], [0.0, 0.8, 0.2],
                                                                     [0.34, 0.33, 0.33]]),
        ([[4.0, 2.0, 1.0], [0.0, 5.0, 1.0]], [[1.0, 0.0, 0.0], [0.0, 0.8, 0.2]]),
        ([[4.0, 2.0, 1.0, 0.134, 1.3515], [0.0, 5.0, 1.0, 0.5215, 5.616]],
         [[0.5, 0.0, 0.0, 0.0, 0.5], [0.0, 0.12, 0.2, 0.56, 0.12]]),
        ([1.89, 2.39], [0.34, 0.66]),
        ([0.314], [1.0]),
    ],
)
def test_PolyLossTest_test_equals_to_cross_entropy_when_eps0(logits, labels):
    logits, labels = np.array(logits), np.array(labels)
    np.testing.assert_allclose(poly_loss_cross_entropy(logits, labels, epsilon=0.0),
                               softmax_cross_entropy(logits, labels), atol=1e-4)


@pytest.mark.parametrize("size", [5, 10])
@refused(TARGETS_SUBSET)
def test_PolyLossTest_test_mask(size):
    _check_mask(poly_loss_cross_entropy, size, valid=False)


@pytest.mark.parametrize("size", [5, 10])
def test_PolyLossTest_test_mask_valid_variant(size):
    _check_mask(poly_loss_cross_entropy, size, valid=True)


@pytest.mark.parametrize("d0, d1, d2, axis", AXIS_CASES)
def test_PolyLossTest_test_axis(d0, d1, d2, axis):
    _check_axis(poly_loss_cross_entropy, *_axis_case((d0, d1, d2), axis, valid=False), axis)


@pytest.mark.parametrize("d0, d1, d2, axis", AXIS_VARIANTS)
def test_PolyLossTest_test_axis_valid_variant(d0, d1, d2, axis):
    _check_axis(poly_loss_cross_entropy, *_axis_case((d0, d1, d2), axis, valid=True), axis)


# --- KLDivergenceTest --------------------------------------------------------------------------------------------

KL_LOG_PS = np.array([[-2.9957, -3.5066, -3.9120, -1.2040, -0.6931, -2.3026],
                      [-1.6094, -1.6094, -1.6094, -2.3026, -1.8971, -1.8971]])
KL_QS = np.array([[0.2, 0.2, 0.2, 0.1, 0.15, 0.15], [0.05, 0.03, 0.02, 0.3, 0.5, 0.0]])
KL_EXP = np.array([0.8875577, 0.7592807])


def test_KLDivergenceTest_test_scalar():
    """The log-probabilities are printed to 4 decimals: their exponentials sum to 1 + 1.5e-5, accepted."""
    np.testing.assert_allclose(kl_divergence(KL_LOG_PS[0], KL_QS[0]), KL_EXP[0], atol=1e-4)


@refused("the second row of targets sums to 0.9: not a distribution")
def test_KLDivergenceTest_test_batched():
    np.testing.assert_allclose(kl_divergence(KL_LOG_PS, KL_QS), KL_EXP, atol=1e-4)


def test_KLDivergenceTest_test_batched_valid_variant():
    """Second row divided by its sum 0.9: Σ (q/s)(log(q/s) − log p) = KL/s − log s, from upstream's number."""
    s = KL_QS[1].sum()
    expected = np.array([KL_EXP[0], KL_EXP[1] / s - np.log(s)])
    np.testing.assert_allclose(kl_divergence(KL_LOG_PS, KL_QS / KL_QS.sum(axis=1, keepdims=True)), expected,
                               atol=1e-4)


@pytest.mark.parametrize("size", [5, 10])
@refused(f"{NOT_LOG_PROBS}; targets[mask] does not sum to 1; snippets.divergence has no where=")
def test_KLDivergenceTest_test_mask(size):
    rng = np.random.default_rng(size)
    preds, targets, mask = rng.normal(size=size), rng.dirichlet(np.ones(size)), _mask(rng, size)
    x = kl_divergence(preds[mask], targets[mask])
    y = kl_divergence(preds, targets, where=mask)
    np.testing.assert_allclose(x, y, atol=1e-4)


@pytest.mark.parametrize("size", [5, 10])
def test_KLDivergenceTest_test_mask_valid_variant(size):
    """Masking by zero target mass: classes without target mass add nothing, whatever their prediction."""
    rng = np.random.default_rng(size)
    mask = _mask(rng, size)
    log_preds, targets = log_softmax(rng.normal(size=size)), _dirichlet_over(mask, rng)
    subset = log_preds[mask] - np.log(np.exp(log_preds[mask]).sum())  # the prediction renormalised on the subset
    x = kl_divergence(subset, targets[mask]) - np.log(np.exp(log_preds[mask]).sum())
    y = kl_divergence(log_preds, targets)
    np.testing.assert_allclose(x, y, atol=1e-4)


@pytest.mark.parametrize("axis", [pytest.param(a, marks=refused(NOT_LOG_PROBS)) for a in (0, 1, 2)])
def test_KLDivergenceTest_test_axis(axis):
    shape = [4, 5, 6]
    rng = np.random.default_rng(axis)
    preds, targets = rng.normal(size=shape), rng.dirichlet(np.ones(shape[-1]), size=shape[:-1])
    _check_axis(kl_divergence, preds, targets, axis)


@pytest.mark.parametrize("axis", [0, 1, 2])
def test_KLDivergenceTest_test_axis_valid_variant(axis):
    preds, targets = _axis_case((4, 5, 6), axis, valid=True)
    _check_axis(kl_divergence, log_softmax(preds, axis=axis), targets, axis)


# --- KLDivergenceWithLogTargetsTest ------------------------------------------------------------------------------

KLL_QS = np.array([[-1.6094, -1.6094, -1.6094, -2.3026, -1.8971, -1.8971],
                   [-2.9957, -3.5066, -3.9120, -1.2040, -0.6931, -2.3026]])
KLL_EXP = np.array([0.8875625, 0.7187435584901326])


def test_KLDivergenceWithLogTargetsTest_test_scalar():
    np.testing.assert_allclose(kl_divergence_with_log_targets(KL_LOG_PS[0], KLL_QS[0]), KLL_EXP[0], atol=1e-4)


def test_KLDivergenceWithLogTargetsTest_test_batched():
    np.testing.assert_allclose(kl_divergence_with_log_targets(KL_LOG_PS, KLL_QS), KLL_EXP, atol=1e-4)


@pytest.mark.parametrize("size", [5, 10])
@refused(f"{NOT_LOG_PROBS}; snippets.divergence has no where=")
def test_KLDivergenceWithLogTargetsTest_test_mask(size):
    rng = np.random.default_rng(size)
    preds, targets, mask = rng.normal(size=size), np.log(rng.dirichlet(np.ones(size))), _mask(rng, size)
    x = kl_divergence_with_log_targets(preds[mask], targets[mask])
    y = kl_divergence_with_log_targets(preds, targets, where=mask)
    np.testing.assert_allclose(x, y, atol=1e-4)


@pytest.mark.parametrize("axis", [pytest.param(a, marks=refused(NOT_LOG_PROBS)) for a in (0, 1, 2)])
def test_KLDivergenceWithLogTargetsTest_test_axis(axis):
    shape = [4, 5, 6]
    rng = np.random.default_rng(axis)
    preds, targets = rng.normal(size=shape), np.log(rng.dirichlet(np.ones(shape[-1]), size=shape[:-1]))
    _check_axis(kl_divergence_with_log_targets, preds, targets, axis)


@pytest.mark.parametrize("axis", [0, 1, 2])
def test_KLDivergenceWithLogTargetsTest_test_axis_valid_variant(axis):
    preds, targets = _axis_case((4, 5, 6), axis, valid=True)
    _check_axis(kl_divergence_with_log_targets, log_softmax(preds, axis=axis), np.log(targets), axis)


# --- SigmoidFocalLossTest ----------------------------------------------------------------------------------------

FOCAL_YS = np.array([[2.0, 0.1, -2.0], [0.3, -0.1, 1.2]], dtype=np.float32)
FOCAL_TS = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
FOCAL_RTOL = 2e-5  # upstream's CPU tolerance


def _logit(x):
    return np.log(x / (1.0 - x))


def _sigmoid(x):
    return 1 / (1 + np.exp(-x))


LARGE_YS = _logit(np.array([0.9, 0.98, 0.3, 0.99], dtype=np.float32))
SMALL_YS = _logit(np.array([0.1, 0.02, 0.09, 0.15], dtype=np.float32))
ONES_TS = np.array([1.0, 1.0, 1.0, 1.0], dtype=np.float32)


def test_SigmoidFocalLossTest_test_focal_equals_ce():
    np.testing.assert_allclose(sigmoid_focal_loss(FOCAL_YS, FOCAL_TS, gamma=0.0),
                               sigmoid_binary_cross_entropy(FOCAL_YS, FOCAL_TS), rtol=FOCAL_RTOL)


def test_SigmoidFocalLossTest_test_focal_gamma_zero_matches_binary_cross_entropy():
    test_logits = np.array([[-1.0, 0.0, 1.0], [2.0, -2.0, 0.5]], dtype=np.float32)
    test_labels = np.array([[0.0, 1.0, 1.0], [1.0, 0.0, 0.0]], dtype=np.float32)
    np.testing.assert_allclose(sigmoid_focal_loss(test_logits, test_labels, gamma=0.0),
                               sigmoid_binary_cross_entropy(test_logits, test_labels), rtol=FOCAL_RTOL)


def test_SigmoidFocalLossTest_test_scale():
    gamma = 2
    focal_loss = sigmoid_focal_loss(FOCAL_YS, FOCAL_TS, gamma=gamma)
    p = _sigmoid(FOCAL_YS)
    ce_loss = sigmoid_binary_cross_entropy(FOCAL_YS, FOCAL_TS)
    p_t = p * FOCAL_TS + (1 - p) * (1 - FOCAL_TS)
    np.testing.assert_allclose(focal_loss / ce_loss, (1 - p_t) ** gamma, rtol=FOCAL_RTOL)


def test_SigmoidFocalLossTest_test_large_logit_fl_less_than_ce():
    focal_loss = sigmoid_focal_loss(LARGE_YS, ONES_TS, gamma=2, alpha=0.5)
    ce_loss = sigmoid_binary_cross_entropy(LARGE_YS, ONES_TS)
    np.testing.assert_allclose(ce_loss / focal_loss, 2.0 / ((1.0 - _sigmoid(LARGE_YS)) ** 2), rtol=FOCAL_RTOL)


def test_SigmoidFocalLossTest_test_small_logit_fl_less_than_ce():
    focal_loss = sigmoid_focal_loss(SMALL_YS, ONES_TS, gamma=2)
    ce_loss = sigmoid_binary_cross_entropy(SMALL_YS, ONES_TS)
    np.testing.assert_allclose(ce_loss / focal_loss, 1.0 / ((1.0 - _sigmoid(SMALL_YS)) ** 2), rtol=FOCAL_RTOL)


def test_SigmoidFocalLossTest_test_alpha_one():
    np.testing.assert_allclose(sigmoid_focal_loss(FOCAL_YS, FOCAL_TS, gamma=0.0, alpha=1),
                               sigmoid_binary_cross_entropy(FOCAL_YS, FOCAL_TS) * FOCAL_TS, rtol=FOCAL_RTOL)


def test_SigmoidFocalLossTest_test_ignore_positive():
    focal_loss = sigmoid_focal_loss(FOCAL_YS, FOCAL_TS, alpha=0)
    ce_loss = sigmoid_binary_cross_entropy(FOCAL_YS, FOCAL_TS)
    assert all(ce_loss[FOCAL_TS == 1] > 0)
    assert all(focal_loss[FOCAL_TS == 1] == 0)


def test_SigmoidFocalLossTest_test_ignore_negative():
    focal_loss = sigmoid_focal_loss(FOCAL_YS, FOCAL_TS, alpha=1)
    ce_loss = sigmoid_binary_cross_entropy(FOCAL_YS, FOCAL_TS)
    assert all(ce_loss[FOCAL_TS == 0] > 0)
    assert all(focal_loss[FOCAL_TS == 0] == 0)


def test_SigmoidFocalLossTest_test_extreme_logits_finite_gradients():
    """Loss and gradient from the core; the Hessian (diagonal here) by differentiating the gradient numerically."""
    extreme_logits = np.array([100.0, -100.0, 75.0, -75.0, 50.0, -50.0])
    labels = np.array([0.9, 0.1, 0.8, 0.2, 1.0, 0.0])
    gamma = 0.5
    loss_value = np.sum(sigmoid_focal_loss(extreme_logits, labels, gamma=gamma))
    gradients = sigmoid_focal_loss_grad(extreme_logits, labels, gamma=gamma)
    assert np.isfinite(loss_value), f"Loss should be finite for {gamma=}, got {loss_value}"
    assert np.all(np.isfinite(gradients)), f"Gradients should be finite for {gamma=}, got {gradients}"
    hessian_diagonal = [numerical_gradient(lambda z, i=i: sigmoid_focal_loss_grad(z, labels, gamma=gamma)[i],
                                           extreme_logits)[i] for i in range(extreme_logits.size)]
    assert np.all(np.isfinite(hessian_diagonal)), f"Hessians should be finite for {gamma=}"
