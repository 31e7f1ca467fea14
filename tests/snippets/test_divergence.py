"""snippets.divergence against 50-digit mpmath, PyTorch's kl_div, and cross-entropy = KL + entropy."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest

from snippets.activations import log_softmax
from snippets.categorical import softmax_cross_entropy
from snippets.divergence import kl_divergence, kl_divergence_with_log_targets
from snippets.information import entropy
from tests.frameworks import require

mpmath.mp.dps = 50


def mp_kl(log_predictions_row, targets_row):
    """Σ t (log t − log p) in 50 digits, skipping t = 0."""
    return float(sum(mpmath.mpf(float(t)) * (mpmath.log(mpmath.mpf(float(t))) - mpmath.mpf(float(lp)))
                     for lp, t in zip(log_predictions_row, targets_row) if t != 0))


def random_pair(seed, shape=(6, 5)):
    rng = np.random.default_rng(seed)
    targets = rng.dirichlet(np.ones(shape[-1]), shape[:-1])
    targets[0] = np.eye(shape[-1])[2]  # a one-hot row: zeros contribute nothing
    return log_softmax(rng.normal(size=shape) * 3), targets


def test_kl_matches_mpmath():
    log_predictions, targets = random_pair(1)
    expected = [mp_kl(lp, t) for lp, t in zip(log_predictions, targets)]
    np.testing.assert_allclose(kl_divergence(log_predictions, targets), expected, rtol=1e-12, atol=1e-15)
    with np.errstate(divide="ignore"):
        log_targets = np.log(targets)
    np.testing.assert_allclose(kl_divergence_with_log_targets(log_predictions, log_targets), expected,
                               rtol=1e-12, atol=1e-15)


def test_kl_matches_torch_kl_div_summed_over_classes():
    torch = require("torch")
    log_predictions, targets = random_pair(2)
    kl_div = torch.nn.functional.kl_div
    expected = kl_div(torch.from_numpy(log_predictions), torch.from_numpy(targets), reduction="none").sum(-1)
    np.testing.assert_allclose(kl_divergence(log_predictions, targets), expected.numpy(), rtol=1e-12, atol=1e-15)
    log_targets = log_softmax(np.random.default_rng(3).normal(size=targets.shape))
    expected = kl_div(torch.from_numpy(log_predictions), torch.from_numpy(log_targets), reduction="none",
                      log_target=True).sum(-1)
    np.testing.assert_allclose(kl_divergence_with_log_targets(log_predictions, log_targets), expected.numpy(),
                               rtol=1e-12)


def test_seed_004_kl_with_one_hot_targets_equals_cross_entropy():
    """004_b9c6710fa04bb857.txt, 「2.4 交叉熵」: KLDivLoss(log_softmax(z), one_hot) equals CrossEntropyLoss."""
    logits = np.array([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]])
    one_hot = np.eye(3)[[0, 2]]
    expected = [math.log1p(math.exp(-10) + math.exp(-20)), math.log(3)]
    np.testing.assert_allclose(kl_divergence(log_softmax(logits), one_hot), expected, rtol=1e-9)


def test_kl_of_a_distribution_from_itself_is_zero():
    """004_b9c6710fa04bb857.txt, 「2.4 交叉熵」: KLDivLoss(log a, a) printed zeros."""
    a = np.exp(log_softmax(np.random.default_rng(4).normal(size=(2, 3))))
    assert (kl_divergence(np.log(a), a) == 0).all()
    assert (kl_divergence_with_log_targets(np.log(a), np.log(a)) == 0).all()


def test_cross_entropy_is_kl_plus_the_entropy_of_the_targets():
    rng = np.random.default_rng(5)
    logits, targets = rng.normal(size=(10, 4)) * 4, rng.dirichlet(np.ones(4), 10)
    np.testing.assert_allclose(softmax_cross_entropy(logits, targets),
                               kl_divergence(log_softmax(logits), targets) + entropy(targets), rtol=1e-12)


def test_zero_target_contributes_nothing_even_where_the_prediction_is_zero():
    assert kl_divergence([0.0, -np.inf], [1.0, 0.0]) == 0.0
    assert kl_divergence_with_log_targets([0.0, -np.inf], [0.0, -np.inf]) == 0.0


def test_positive_target_on_an_impossible_prediction_is_infinite():
    assert kl_divergence([0.0, -np.inf], [0.5, 0.5]) == math.inf
    assert kl_divergence_with_log_targets([0.0, -np.inf], np.log([0.5, 0.5])) == math.inf


def test_kl_is_not_symmetric():
    p, q = np.array([0.5, 0.5]), np.array([0.9, 0.1])
    assert kl_divergence(np.log(q), p) != pytest.approx(kl_divergence(np.log(p), q))


def test_axis_k_equals_moving_that_axis_last():
    log_predictions, targets = random_pair(6, shape=(3, 4, 5))
    np.testing.assert_allclose(kl_divergence(np.moveaxis(log_predictions, -1, 0), np.moveaxis(targets, -1, 0), axis=0),
                               kl_divergence(log_predictions, targets), rtol=1e-14)
    np.testing.assert_allclose(
        kl_divergence_with_log_targets(np.moveaxis(log_predictions, -1, 1), np.moveaxis(log_predictions[::-1], -1, 1),
                                       axis=1),
        kl_divergence_with_log_targets(log_predictions, log_predictions[::-1]), rtol=1e-14)


def test_dtype_follows_the_log_predictions():
    log_p = np.log(np.array([0.25, 0.75], np.float32))
    assert kl_divergence(log_p, [0.5, 0.5]).dtype == np.float32
    assert kl_divergence_with_log_targets(log_p, np.log([0.5, 0.5])).dtype == np.float32
    assert kl_divergence(np.log([0.25, 0.75]), np.array([0.5, 0.5], np.float32)).dtype == np.float64


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: kl_divergence([0.2, 0.8], [0.5, 0.5]), r"log_predictions must be log-probabilities \(≤ 0\)"),
        (lambda: kl_divergence(np.log([0.2, 0.2]), [0.5, 0.5]), r"exp\(log_predictions\) must sum to 1"),
        (lambda: kl_divergence(np.log([0.2, 0.8]), [0.5, 0.6]), "targets must sum to 1"),
        (lambda: kl_divergence(np.log([0.2, 0.8]), [1.5, -0.5]), r"targets must lie in \[0, 1\]"),
        (lambda: kl_divergence(np.log([0.2, 0.8]), [np.nan, 1.0]), "targets contains NaN"),
        (lambda: kl_divergence([np.nan, 0.0], [0.0, 1.0]), "log_predictions contains NaN"),
        (lambda: kl_divergence(np.log(np.full((2,), 0.5)), np.full((2, 1), 0.5)), "same shape"),
        (lambda: kl_divergence(0.0, 1.0), "at least one dimension"),
        (lambda: kl_divergence(np.log([0.2, 0.8]), [0.5, 0.5], axis=1), "axis 1 is out of range"),
        (lambda: kl_divergence_with_log_targets(np.log([0.2, 0.8]), np.log([0.2, 0.2])), r"exp\(log_targets\)"),
        (lambda: kl_divergence_with_log_targets(np.log([0.2, 0.8]), [0.1, -0.1]), "log_targets must be log-prob"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()
