"""snippets.information against closed forms, 50-digit mpmath sums and the identities of information theory."""

from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from snippets.information import binary_entropy, cross_entropy, entropy, kl_divergence, self_information

mpmath.mp.dps = 50


def mp_cross_entropy(p, q, base=None):
    """−Σ p log q in 50-digit arithmetic, skipping p = 0 terms (0 · log q = 0)."""
    total = -sum(mpmath.mpf(pi) * mpmath.log(mpmath.mpf(qi)) for pi, qi in zip(p, q) if pi != 0)
    return float(total / (mpmath.log(base) if base else 1))


distributions = st.integers(2, 8).flatmap(
    lambda n: st.tuples(
        arrays(np.float64, n, elements=st.floats(0, 1)), arrays(np.float64, n, elements=st.floats(1e-3, 1))
    )
).filter(lambda pq: pq[0].sum() > 0).map(lambda pq: (pq[0] / pq[0].sum(), pq[1] / pq[1].sum()))


@pytest.mark.parametrize("base, expected", [(None, math.log(2)), (2, 1.0), (10, math.log10(2))])
def test_fair_coin_carries_one_bit(base, expected):
    assert entropy([0.5, 0.5], base=base) == pytest.approx(expected, rel=1e-15)
    assert binary_entropy(0.5, base=base) == pytest.approx(expected, rel=1e-15)
    assert self_information(0.5, base=base) == pytest.approx(expected, rel=1e-15)


def test_certain_outcome_carries_no_information():
    assert self_information(1.0) == 0.0
    assert entropy([0.0, 1.0, 0.0]) == 0.0
    assert binary_entropy(np.array([0.0, 1.0])).tolist() == [0.0, 0.0]


def test_impossible_outcome_carries_infinite_information():
    assert self_information(0.0) == math.inf


def test_self_information_adds_for_independent_events():
    p, q = 0.3, 0.45
    assert self_information(p * q) == pytest.approx(self_information(p) + self_information(q), rel=1e-14)


@pytest.mark.parametrize("n", [2, 3, 10, 1000])
def test_uniform_distribution_has_the_largest_entropy_log_n(n):
    assert entropy(np.full(n, 1 / n), base=2) == pytest.approx(math.log2(n), rel=1e-12)


@pytest.mark.parametrize("p", [0.1, 0.999, 0.25])
def test_binary_entropy_matches_mpmath(p):
    expected = mp_cross_entropy([p, 1 - p], [p, 1 - p], base=2)
    assert binary_entropy(p, base=2) == pytest.approx(expected, rel=1e-13)


def test_shooting_example_of_article_002_is_in_bits():
    """002_c3f073eeb47da12d.txt, 「2 信息量与熵」 prints H = 0.4690 and 0.0114 for p = 0.1 and 0.999: bits."""
    assert round(float(binary_entropy(0.1, base=2)), 4) == 0.4690
    assert round(float(binary_entropy(0.999, base=2)), 4) == 0.0114
    assert round(float(binary_entropy(0.1)), 4) != 0.4690  # not nats


def test_cross_entropy_with_one_hot_p_is_minus_log_q_of_the_label():
    assert cross_entropy([0.0, 1.0, 0.0], [0.2, 0.7, 0.1]) == pytest.approx(-math.log(0.7), rel=1e-15)


def test_cross_entropy_is_infinite_where_q_misses_an_outcome_of_p():
    assert cross_entropy([0.5, 0.5], [1.0, 0.0]) == math.inf
    assert kl_divergence([0.5, 0.5], [1.0, 0.0]) == math.inf


@settings(max_examples=200, deadline=None)
@given(distributions)
def test_cross_entropy_is_entropy_plus_kl_and_matches_mpmath(pq):
    p, q = pq
    h, ce, kl = entropy(p), cross_entropy(p, q), kl_divergence(p, q)
    assert ce == pytest.approx(mp_cross_entropy(p, q), rel=1e-12, abs=1e-15), (p, q)
    assert ce == pytest.approx(h + kl, rel=1e-12, abs=1e-12), (p, q)
    assert kl >= 0, (p, q)  # Gibbs' inequality


def test_kl_is_zero_only_for_equal_distributions_and_not_symmetric():
    p, q = np.array([0.5, 0.5]), np.array([0.9, 0.1])
    assert kl_divergence(p, p) == 0.0
    assert kl_divergence(p, q) > 0
    assert kl_divergence(p, q) != pytest.approx(kl_divergence(q, p))


def test_kl_breaks_the_triangle_inequality():
    p, m, q = np.array([0.5, 0.5]), np.array([0.75, 0.25]), np.array([0.99, 0.01])
    assert kl_divergence(p, q) > kl_divergence(p, m) + kl_divergence(m, q)


@pytest.mark.parametrize("base", [None, 2, 10])
def test_bases_differ_by_a_constant_factor(base):
    p = np.array([0.2, 0.3, 0.5])
    factor = 1 / math.log(base) if base else 1.0
    assert entropy(p, base=base) == pytest.approx(entropy(p) * factor, rel=1e-14)


def test_axis_reduces_the_named_axis():
    p = np.array([[0.2, 0.8], [0.5, 0.5]])
    np.testing.assert_allclose(entropy(p.T, axis=0), entropy(p, axis=-1), rtol=1e-15)
    assert entropy(p).shape == (2,)


def test_float32_in_float32_out():
    p = np.array([0.25, 0.75], dtype=np.float32)
    assert entropy(p).dtype == np.float32
    assert binary_entropy(p).dtype == np.float32
    assert cross_entropy(p, p).dtype == np.float32


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: entropy([0.5, 0.6]), "p must sum to 1"),
        (lambda: entropy([1.5, -0.5]), r"p must lie in \[0, 1\]"),
        (lambda: entropy([np.nan, 1.0]), "p contains NaN"),
        (lambda: entropy(1.0), "at least one dimension"),
        (lambda: entropy([0.5, 0.5], axis=1), "axis 1 is out of range"),
        (lambda: entropy([0.5, 0.5], base=1), "base must be"),
        (lambda: entropy([0.5, 0.5], base=-2), "base must be"),
        (lambda: cross_entropy([0.5, 0.5], [0.2, 0.3, 0.5]), "same shape"),
        (lambda: cross_entropy(np.full((3,), 1 / 3), np.full((3, 1), 1.0)), "q must sum to 1|same shape"),
        (lambda: kl_divergence([0.5, 0.5], [0.7, 0.7]), "q must sum to 1"),
        (lambda: self_information(1.2), r"p must lie in \[0, 1\]"),
        (lambda: binary_entropy(["a"]), "numeric"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, message):
    with pytest.raises(ValueError, match=message):
        call()
