"""snippets.reduction: closed forms, PyTorch's class-weighted mean, the empty batch and bad input."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from snippets.reduction import reduce
from tests.frameworks import require

LOSSES = np.array([[0.5, 2.0], [1.0, 4.5]])


def test_mean_sum_and_none_of_unweighted_losses():
    assert float(reduce(LOSSES, "mean")) == 2.0
    assert float(reduce(LOSSES, "sum")) == 8.0
    np.testing.assert_array_equal(reduce(LOSSES, "none"), LOSSES)


def test_weighted_mean_divides_by_the_total_weight_not_the_count():
    weights = np.array([[1.0, 0.0], [3.0, 0.0]])
    assert float(reduce(LOSSES, "mean", weights=weights)) == (0.5 + 3.0) / 4
    assert float(reduce(LOSSES, "sum", weights=weights)) == 3.5
    np.testing.assert_array_equal(reduce(LOSSES, "none", weights=weights), [[0.5, 0.0], [3.0, 0.0]])


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_class_weighted_reductions_equal_torch_cross_entropy_with_weight(reduction):
    torch = require("torch")
    rng = np.random.default_rng(0)
    logits, labels = rng.normal(size=(7, 4)), np.array([0, 3, 1, 1, 2, 3, 3])
    class_weight = np.array([0.2, 1.0, 3.0, 0.5])
    cross_entropy = torch.nn.functional.cross_entropy
    per_example = cross_entropy(torch.tensor(logits), torch.tensor(labels), reduction="none").numpy()
    expected = cross_entropy(torch.tensor(logits), torch.tensor(labels), weight=torch.tensor(class_weight),
                             reduction=reduction).numpy()
    got = reduce(per_example, reduction, weights=class_weight[labels])
    np.testing.assert_allclose(got, expected, rtol=1e-14, err_msg=reduction)


def test_sum_of_an_empty_batch_is_zero_and_its_mean_is_refused():
    assert float(reduce(np.zeros(0), "sum")) == 0.0
    assert reduce(np.zeros((0, 3)), "none").shape == (0, 3)
    with pytest.raises(ValueError, match="mean of an empty batch"):
        reduce(np.zeros(0), "mean")
    with pytest.raises(ValueError, match="mean of an empty batch"):
        reduce(np.zeros(0), "mean", weights=np.zeros(0))


def test_weighted_mean_with_weights_summing_to_zero_is_refused():
    with pytest.raises(ValueError, match="weights sum to 0"):
        reduce([1.0, 2.0], "mean", weights=[0.0, 0.0])


@pytest.mark.parametrize("reduction", ["mean", "sum", "none"])
def test_float32_stays_float32(reduction):
    losses = np.array([0.25, 0.5], dtype=np.float32)
    assert reduce(losses, reduction).dtype == np.float32
    assert reduce(losses, reduction, weights=np.array([1.0, 2.0], dtype=np.float32)).dtype == np.float32


@settings(max_examples=100, deadline=None)
# Subnormal losses are left out: w · l underflows to 0 there (0.5 · 5e-324 = 0), a limit of floats, not of reduce.
@given(hnp.arrays(np.float64, st.integers(1, 20), elements=st.floats(0, 1e6, allow_subnormal=False)), st.data())
def test_weighted_mean_lies_between_the_smallest_and_largest_weighted_loss(losses, data):
    weights = data.draw(hnp.arrays(np.float64, losses.shape, elements=st.floats(0.01, 100)))
    mean = float(reduce(losses, "mean", weights=weights))
    assert losses.min() * (1 - 1e-12) <= mean <= losses.max() * (1 + 1e-12), (losses, weights)
    assert float(reduce(losses, "mean", weights=np.full_like(losses, 7.0))) == pytest.approx(losses.mean(), rel=1e-12)


BAD_INPUTS = [
    (([1.0], "avg"), {}, "reduction must be one of 'mean', 'sum', 'none'; got 'avg'"),
    (([1.0], None), {}, "reduction must be one of"),
    (([1.0], "Mean"), {}, "reduction must be one of"),
    (([np.nan, 1.0], "sum"), {}, "losses contains NaN"),
    ((["a"], "sum"), {}, "losses must be numeric"),
    (([1.0, 2.0], "mean"), {"weights": [[1.0], [1.0]]}, "losses and weights must have the same shape"),
    (([1.0, 2.0], "mean"), {"weights": [1.0]}, "losses and weights must have the same shape"),
    (([1.0, 2.0], "mean"), {"weights": [1.0, -1.0]}, "weights must be finite and ≥ 0"),
    (([1.0, 2.0], "sum"), {"weights": [1.0, np.inf]}, "weights must be finite and ≥ 0"),
    (([1.0, 2.0], "none"), {"weights": [1.0, np.nan]}, "weights contains NaN"),
]


@pytest.mark.parametrize("args, kwargs, message", BAD_INPUTS, ids=[m for _, _, m in BAD_INPUTS])
def test_bad_input_raises_a_value_error_naming_the_argument(args, kwargs, message):
    with pytest.raises(ValueError, match=message):
        reduce(*args, **kwargs)
