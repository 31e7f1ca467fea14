"""The "sums to 1" checks of snippets._checks: rounded printouts accepted, what is not a distribution refused.

Expected tolerances come from the rounding bound (a number printed to d decimals is off by at most 0.5·10^-d,
so K of them sum to within K·0.5·10^-d) and from the dtype's machine epsilon, not from the code under test.
"""

from __future__ import annotations

import numpy as np
import pytest

from snippets._checks import check_distribution, check_log_distribution
from snippets.categorical import categorical_cross_entropy, nll_loss, softmax_cross_entropy
from snippets.information import cross_entropy

# The example: log-probabilities printed to 4 decimals. Their exponentials sum to 1 + 1.5e-5.
ROUNDED_LOG_PROBS = np.round(np.log([0.2, 0.3, 0.5]), 4)


def test_log_probabilities_rounded_to_4_decimals_are_accepted():
    total = np.exp(ROUNDED_LOG_PROBS).sum()
    assert 1e-6 < abs(total - 1) < 5e-5  # beyond the old tolerance, within the rounding bound
    check_log_distribution(ROUNDED_LOG_PROBS, "log_probs")
    assert float(nll_loss(ROUNDED_LOG_PROBS, 1)) == pytest.approx(1.204, abs=5e-5)  # the printed −log 0.3


@pytest.mark.parametrize("num_classes", [2, 3, 7, 10, 100])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_probabilities_rounded_to_4_decimals_are_accepted(num_classes, seed):
    rng = np.random.default_rng(seed)
    printed = np.round(rng.dirichlet(np.ones(num_classes), size=50), 4)
    assert np.abs(printed.sum(axis=1) - 1).max() <= num_classes * 5e-5  # the rounding bound itself
    check_distribution(printed, "probs")
    targets = np.eye(num_classes)[rng.integers(0, num_classes, 50)]
    assert np.isfinite(softmax_cross_entropy(rng.standard_normal((50, num_classes)), printed)).all()
    assert np.all(categorical_cross_entropy(np.clip(printed, 1e-4, 1), targets) >= 0)


@pytest.mark.parametrize("dtype, tolerance", [(np.float64, 5e-5 * 3), (np.float32, 5e-5 * 3),
                                              (np.float16, 100 * 2.0**-10)])
def test_the_default_tolerance_fits_the_dtype_and_the_number_of_classes(dtype, tolerance):
    """K = 3 classes: 4-decimal rounding allows 1.5e-4; float16's own rounding (100 ulps of 1) is coarser."""
    check_distribution(np.array([0.5, 0.25, 0.25 + 0.9 * tolerance], dtype), "probs")
    with pytest.raises(ValueError, match="probs must sum to 1"):
        check_distribution(np.array([0.5, 0.25, 0.25 - 1.1 * tolerance], dtype), "probs")


@pytest.mark.parametrize(
    "probs",
    [[0.5, 0.6], [0.3, 0.3, 0.3], [0.25, 0.25], np.full(1000, 1e-3 * 0.98), np.full(1000, 1e-3 * 1.02)],
    ids=["1.1", "0.9", "0.5", "0.98 over 1000 classes", "1.02 over 1000 classes"],
)
def test_what_is_clearly_not_a_distribution_is_still_refused(probs):
    with pytest.raises(ValueError, match=r"probs must sum to 1 along axis -1, got a sum of .* \(tolerance .*\)"):
        check_distribution(np.asarray(probs), "probs")
    with pytest.raises(ValueError, match="must sum to 1"):
        cross_entropy(np.asarray(probs), np.asarray(probs))


def test_the_message_states_the_worst_sum_and_the_tolerance():
    rows = np.array([[0.5, 0.5], [0.5, 0.52], [0.5, 0.5]])
    with pytest.raises(ValueError) as error:
        check_distribution(rows, "targets")
    assert str(error.value) == "targets must sum to 1 along axis -1, got a sum of 1.02 (tolerance 0.0001)"


def test_an_explicit_atol_overrides_the_default():
    printed = np.array([0.3333, 0.3333, 0.3333])
    check_distribution(printed, "probs")
    with pytest.raises(ValueError, match=r"got a sum of 0.9999 \(tolerance 1e-06\)"):
        check_distribution(printed, "probs", atol=1e-6)
    check_distribution(np.array([0.5, 0.6]), "probs", atol=0.2)
    with pytest.raises(TypeError):
        check_distribution(printed, "probs", -1, 1e-6)  # atol is keyword-only
