"""snippets.categorical against closed forms, 50-digit mpmath, the seed articles' numbers and PyTorch."""

from __future__ import annotations

import math
import tracemalloc

import mpmath
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from snippets.activations import log_softmax
from snippets.categorical import categorical_cross_entropy, nll_loss, softmax_cross_entropy
from snippets.categorical import softmax_cross_entropy_grad, softmax_cross_entropy_with_integer_labels
from snippets.categorical import softmax_cross_entropy_with_integer_labels_grad
from snippets.gradients import numerical_gradient
from snippets.reduction import reduce
from tests.frameworks import require

mpmath.mp.dps = 50
SEED_LOGITS = np.array([[10.0, 0.0, -10.0], [8.0, 8.0, 8.0]])
SEED_LABELS = np.array([0, 2])


def mp_cross_entropy(z_row, target_row):
    """log Σ_c e^(z_c) − Σ_c y_c z_c in 50 digits, for one example."""
    z = [mpmath.mpf(float(v)) for v in z_row]
    return mpmath.log(sum(mpmath.exp(v) for v in z)) - sum(mpmath.mpf(float(t)) * v for t, v in zip(target_row, z))


def mp_integer_label_losses(logits, labels):
    """log(1 + Σ_{c≠y} e^(z_c − z_y)) per row in 50 digits: log1p keeps tiny losses exact."""
    losses = []
    for row, label in zip(np.asarray(logits, np.float64), labels):
        others = sum(mpmath.exp(mpmath.mpf(float(v)) - mpmath.mpf(float(row[label])))
                     for c, v in enumerate(row) if c != label)
        losses.append(float(mpmath.log1p(others)))
    return np.array(losses)


def float64_integer_label_losses(logits, labels):
    """The same in float64 numpy, for arrays too large for mpmath: log1p(Σ e^r) or t + log(e^-t + Σ e^(r − t)).

    r_c = z_c − z_y for c ≠ y and t = max_c r_c; log1p where t ≤ 0 (a small loss), the shifted form elsewhere.
    """
    z = np.asarray(logits, np.float64)
    rest = z - np.take_along_axis(z, np.asarray(labels)[:, None], axis=1)
    rest[np.arange(len(z)), labels] = -np.inf
    top = rest.max(axis=1)
    losses = np.empty(len(z))
    small = top <= 0
    losses[small] = np.log1p(np.exp(rest[small]).sum(axis=1))
    big = ~small
    losses[big] = top[big] + np.log(np.exp(-top[big]) + np.exp(rest[big] - top[big, None]).sum(axis=1))
    return losses


def one_hot(labels, num_classes):
    return (np.asarray(labels)[..., None] == np.arange(num_classes)).astype(np.float64)


def torch_cross_entropy(logits, targets, weight=None, **options):
    """torch.nn.functional.cross_entropy on class indices or probabilities, as numpy."""
    torch = require("torch")
    if weight is not None:
        options["weight"] = torch.from_numpy(np.asarray(weight))
    logits, targets = torch.from_numpy(np.asarray(logits)), torch.from_numpy(np.asarray(targets))
    return torch.nn.functional.cross_entropy(logits, targets, **options).numpy()


# --- The seed articles' numbers, recomputed -------------------------------------------------------------------


@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-14), (np.float32, 1e-6)])
def test_seed_004_losses_are_log_1_plus_e10_e20_and_ln3(dtype, rtol):
    """004_b9c6710fa04bb857.txt, 「2.4 交叉熵」: CrossEntropyLoss of these logits, labels [0, 2].

    The closed forms are log(1 + e^-10 + e^-20) = 4.5401e-05 and ln 3; the article's 4.5418e-05 is PyTorch's
    float32 rounding (see test_seed_004_printed_value_is_torch_float32_rounding).
    """
    expected = [math.log1p(math.exp(-10) + math.exp(-20)), math.log(3)]
    losses = softmax_cross_entropy_with_integer_labels(SEED_LOGITS.astype(dtype), SEED_LABELS)
    np.testing.assert_allclose(losses, expected, rtol=rtol)
    assert [f"{loss:.4e}" for loss in losses] == ["4.5401e-05", "1.0986e+00"]
    targets = one_hot(SEED_LABELS, 3)
    np.testing.assert_allclose(softmax_cross_entropy(SEED_LOGITS.astype(dtype), targets), expected, rtol=rtol)
    np.testing.assert_allclose(nll_loss(log_softmax(SEED_LOGITS.astype(dtype)), SEED_LABELS), expected, rtol=rtol)


def test_seed_004_printed_value_is_torch_float32_rounding():
    """torch 2.13 float32 gives the article's 4.5418e-05, 0.04 % above the closed form; float64 gives 4.5401e-05."""
    assert f"{float(torch_cross_entropy(SEED_LOGITS.astype(np.float32), SEED_LABELS, reduction='none')[0]):.4e}" \
        == "4.5418e-05"
    assert f"{float(torch_cross_entropy(SEED_LOGITS, SEED_LABELS, reduction='none')[0]):.4e}" == "4.5401e-05"


def test_seed_001_keras_example_is_minus_log_of_the_label_probability():
    """001_d753abb2380ca222.txt, 「CategoricalCrossentropy 交叉熵」: Keras prints a mean of 1.1769392."""
    probs = np.array([[0.05, 0.95, 0.0], [0.1, 0.8, 0.1]], np.float32)
    losses = categorical_cross_entropy(probs, [[0, 1, 0], [0, 0, 1]])
    np.testing.assert_allclose(losses, [-math.log(0.95), -math.log(0.1)], rtol=1e-6)
    assert float(reduce(losses)) == pytest.approx(1.1769392, rel=1e-6)
    sparse = nll_loss(np.log(probs, where=probs > 0, out=np.full_like(probs, -np.inf)), [1, 2])
    np.testing.assert_allclose(sparse, losses, rtol=1e-6)


def test_seed_001_from_logits_example_is_log_1_plus_e_minus_2():
    """001_d753abb2380ca222.txt, 「设置from_logits=True」: logits [5, 7], class 1, prints 0.12692805."""
    loss = softmax_cross_entropy(np.array([[5.0, 7.0]], np.float32), [[0.0, 1.0]])
    assert float(loss[0]) == pytest.approx(math.log1p(math.exp(-2)), rel=1e-6)
    assert float(loss[0]) == pytest.approx(0.12692805, rel=5e-7)  # Keras's float32 print, 5 float32 ulps away


def test_seed_002_pytorch_example_has_mean_1_5025():
    """002_c3f073eeb47da12d.txt, 「3 Pytorch中的交叉熵损失函数」: CrossEntropyLoss of its printed inputs is 1.5025."""
    x_input = np.array([[-0.5215, -0.4240, 0.8907], [-0.2820, 0.0445, 1.3734], [-1.0393, 0.8725, 0.1539]])
    y_target = np.array([1, 2, 0])
    mean = float(reduce(softmax_cross_entropy_with_integer_labels(x_input, y_target)))
    assert mean == pytest.approx(1.5025, abs=5e-5)
    # Its log-softmax table, row 0: [-1.8258, -1.7282, -0.4135].
    np.testing.assert_allclose(log_softmax(x_input)[0], [-1.8258, -1.7282, -0.4135], atol=1e-4)


# --- Closed forms and independent references -------------------------------------------------------------------


@pytest.mark.parametrize("num_classes", [1, 2, 3, 10, 1000, 32000])
@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_uniform_logits_give_log_k(num_classes, dtype):
    logits = np.full((2, num_classes), 7.5, dtype)
    expected = math.log(num_classes)
    rtol = 1e-6 if dtype == np.float32 else 1e-13
    atol = 1e-7 if dtype == np.float32 else 1e-15
    labels = np.array([0, num_classes - 1])
    uniform = np.full((2, num_classes), 1 / num_classes)
    for losses in (
        softmax_cross_entropy_with_integer_labels(logits, labels),
        softmax_cross_entropy(logits, one_hot(labels, num_classes)),
        nll_loss(log_softmax(logits), labels),
        categorical_cross_entropy(uniform.astype(dtype), one_hot(labels, num_classes)),
    ):
        np.testing.assert_allclose(losses, expected, rtol=rtol, atol=atol, err_msg=f"K = {num_classes}")


@pytest.mark.parametrize("shape, scale", [((5, 1), 3.0), ((7, 4), 3.0), ((6, 10), 30.0), ((3, 50), 300.0)])
def test_losses_match_mpmath(shape, scale):
    rng = np.random.default_rng(sum(shape))
    logits = rng.normal(size=shape) * scale
    labels = rng.integers(0, shape[1], shape[0])
    soft = rng.dirichlet(np.ones(shape[1]), shape[0])
    np.testing.assert_allclose(softmax_cross_entropy_with_integer_labels(logits, labels),
                               mp_integer_label_losses(logits, labels), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(softmax_cross_entropy(logits, soft),
                               [float(mp_cross_entropy(z, t)) for z, t in zip(logits, soft)], rtol=1e-12, atol=1e-12)


def test_many_blocks_match_the_float64_reference():
    """Enough rows for many cache blocks, with row offsets spread over ±3000 so some rows take the far-row path."""
    rng = np.random.default_rng(7)
    logits = rng.normal(size=(20000, 10)) * rng.uniform(0.1, 30, (20000, 1)) + rng.uniform(-3000, 3000, (20000, 1))
    labels = rng.integers(0, 10, 20000)
    np.testing.assert_allclose(softmax_cross_entropy_with_integer_labels(logits, labels),
                               float64_integer_label_losses(logits, labels), rtol=1e-12, atol=1e-300)


@pytest.mark.parametrize(
    "name, logits",
    [
        ("N(0, 3)", lambda rng: rng.normal(size=(3000, 100)) * 3),
        ("row scales and offsets", lambda rng: rng.normal(size=(3000, 100)) * rng.uniform(0.1, 30, (3000, 1))
         + rng.uniform(-50, 50, (3000, 1))),
        ("confident rows", lambda rng: np.where(np.arange(100) == 0, 20.0, 0.0) + rng.normal(size=(3000, 100))
         + rng.uniform(-40, 0, (3000, 1))),
        ("rows far apart", lambda rng: rng.normal(size=(3000, 100)) + rng.uniform(-3000, 3000, (3000, 1))),
        ("uniform in ±1e4", lambda rng: rng.uniform(-1e4, 1e4, (3000, 10))),
    ],
)
def test_float32_losses_have_small_relative_error(name, logits):
    """Relative error ≤ 1e-5 even for losses of 1e-8: torch 2.13 rounds those to 0 in float32 (error 100 %)."""
    rng = np.random.default_rng(3)
    z = logits(rng).astype(np.float32)
    for labels in (rng.integers(0, z.shape[1], len(z)), z.argmax(axis=1)):
        exact = float64_integer_label_losses(z, labels)
        got = softmax_cross_entropy_with_integer_labels(z, labels)
        assert got.dtype == np.float32
        np.testing.assert_allclose(got, exact, rtol=1e-5, atol=np.finfo(np.float32).tiny, err_msg=name)


def test_small_loss_in_a_block_with_a_larger_maximum_keeps_its_precision():
    """Row 1's loss log(1 + e^-10 + e^-20) shares a block with a logit of 40: no cancellation against 40 − 10."""
    logits = np.array([[40.0, 0.0, 0.0], [10.0, 0.0, -10.0]], np.float32)
    losses = softmax_cross_entropy_with_integer_labels(logits, np.array([0, 0]))
    assert float(losses[1]) == pytest.approx(math.log1p(math.exp(-10) + math.exp(-20)), rel=1e-6)


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_extreme_logits_give_the_closed_forms(dtype):
    logits = np.array([[1e4, -1e4, 0.0]] * 3 + [[-1e4, -1e4 + 5, -1e4 - 5]], dtype)
    labels = np.array([0, 1, 2, 0])
    losses = softmax_cross_entropy_with_integer_labels(logits, labels)
    assert losses.dtype == dtype and np.isfinite(losses).all()
    expected = [0.0, 2e4, 1e4, float(mpmath.log(1 + mpmath.exp(5) + mpmath.exp(-5)))]
    np.testing.assert_allclose(losses, expected, rtol=1e-6, atol=0)
    grad = softmax_cross_entropy_with_integer_labels_grad(logits, labels)
    np.testing.assert_allclose(grad[:3], [[0, 0, 0], [1, -1, 0], [1, 0, -1]], atol=1e-30)
    soft = softmax_cross_entropy(logits, one_hot(labels, 3))
    np.testing.assert_allclose(soft, expected, rtol=1e-6)


def test_label_far_below_the_maximum_uses_the_additive_form():
    """e^(M − z_y) overflows float32 here; the loss is exactly the gap: 1e4 + log(1 + e^-1e4)."""
    losses = softmax_cross_entropy_with_integer_labels(np.array([[0.0, -1e4], [0.0, -100.0]], np.float32), [1, 1])
    np.testing.assert_allclose(losses, [1e4, 100.0], rtol=1e-7)


def test_float16_is_computed_in_float32_and_returned_as_float16():
    losses = softmax_cross_entropy_with_integer_labels(SEED_LOGITS.astype(np.float16), SEED_LABELS)
    assert losses.dtype == np.float16
    np.testing.assert_allclose(losses, [math.log1p(math.exp(-10)), math.log(3)], rtol=1e-3)


def test_integer_logits_are_computed_in_float64():
    assert softmax_cross_entropy_with_integer_labels(np.array([[1, 2, 3]]), [0]).dtype == np.float64
    assert softmax_cross_entropy(np.array([[1, 2, 3]]), [[1, 0, 0]]).dtype == np.float64
    assert categorical_cross_entropy(np.array([[0, 1]]), [[0, 1]]).dtype == np.float64


def test_float32_in_float32_out_with_float64_targets():
    z = SEED_LOGITS.astype(np.float32)
    assert softmax_cross_entropy(z, one_hot(SEED_LABELS, 3)).dtype == np.float32
    assert softmax_cross_entropy_grad(z, one_hot(SEED_LABELS, 3)).dtype == np.float32
    weight = [1.0, 2.0, 3.0]
    assert softmax_cross_entropy_with_integer_labels_grad(z, SEED_LABELS, class_weight=weight).dtype == np.float32
    assert softmax_cross_entropy_with_integer_labels(z, SEED_LABELS, class_weight=weight).dtype == np.float32
    assert nll_loss(log_softmax(z), SEED_LABELS).dtype == np.float32
    assert categorical_cross_entropy(np.array([[0.25, 0.75]], np.float32), [[0.0, 1.0]]).dtype == np.float32


def test_no_clipping_a_zero_probability_for_the_label_is_infinite():
    assert categorical_cross_entropy([1.0, 0.0], [0.0, 1.0]) == math.inf
    assert categorical_cross_entropy([1.0, 0.0], [1.0, 0.0]) == 0.0


def test_integer_label_loss_needs_no_input_sized_temporary():
    logits = np.random.default_rng(0).normal(size=(2048, 1000)).astype(np.float32)
    labels = np.zeros(2048, np.int64)
    tracemalloc.start()
    softmax_cross_entropy_with_integer_labels(logits, labels)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert peak < 0.1 * logits.nbytes, f"peak {peak} bytes for an input of {logits.nbytes} bytes"


# --- Invariants ------------------------------------------------------------------------------------------------


def test_integer_labels_equal_one_hot():
    rng = np.random.default_rng(11)
    logits = rng.normal(size=(40, 7)) * 5
    labels = rng.integers(0, 7, 40)
    losses = softmax_cross_entropy_with_integer_labels(logits, labels)
    np.testing.assert_allclose(losses, softmax_cross_entropy(logits, one_hot(labels, 7)), rtol=1e-13)
    np.testing.assert_allclose(losses, nll_loss(log_softmax(logits), labels), rtol=1e-13)
    np.testing.assert_allclose(softmax_cross_entropy_with_integer_labels_grad(logits, labels),
                               softmax_cross_entropy_grad(logits, one_hot(labels, 7)), atol=1e-15)


def test_label_smoothing_zero_equals_plain_cross_entropy():
    rng = np.random.default_rng(12)
    logits, soft = rng.normal(size=(10, 5)), rng.dirichlet(np.ones(5), 10)
    np.testing.assert_array_equal(softmax_cross_entropy(logits, soft, label_smoothing=0.0),
                                  softmax_cross_entropy(logits, soft))


def test_label_smoothing_one_gives_the_mean_negative_log_softmax():
    logits = np.array([[2.0, -1.0, 0.5]])
    expected = -log_softmax(logits).mean(axis=-1)
    np.testing.assert_allclose(softmax_cross_entropy(logits, [[1.0, 0.0, 0.0]], label_smoothing=1.0), expected)


@pytest.mark.parametrize("shape, axis", [((4, 5, 3), 1), ((4, 5, 3), 0), ((2, 3, 4, 6), 2), ((6, 4), 0)])
def test_axis_k_equals_moving_that_axis_last(shape, axis):
    rng = np.random.default_rng(len(shape) + axis)
    logits = rng.normal(size=shape) * 4
    num_classes = shape[axis]
    labels = rng.integers(0, num_classes, shape[:axis] + shape[axis + 1:])
    soft = np.moveaxis(rng.dirichlet(np.ones(num_classes), labels.shape), -1, axis)
    last = np.moveaxis(logits, axis, -1)
    weight = rng.uniform(0.5, 2, num_classes)
    soft_last = np.moveaxis(soft, axis, -1)
    np.testing.assert_allclose(
        softmax_cross_entropy_with_integer_labels(logits, labels, axis=axis, class_weight=weight),
        softmax_cross_entropy_with_integer_labels(last, labels, class_weight=weight), rtol=1e-14)
    np.testing.assert_allclose(softmax_cross_entropy(logits, soft, axis=axis, label_smoothing=0.1),
                               softmax_cross_entropy(last, soft_last, label_smoothing=0.1), rtol=1e-14)
    np.testing.assert_allclose(nll_loss(log_softmax(logits, axis=axis), labels, axis=axis),
                               nll_loss(log_softmax(last), labels), rtol=1e-14)
    np.testing.assert_allclose(categorical_cross_entropy(np.exp(log_softmax(logits, axis=axis)), soft, axis=axis),
                               categorical_cross_entropy(np.exp(log_softmax(last)), np.moveaxis(soft, axis, -1)),
                               rtol=1e-14)
    np.testing.assert_allclose(
        np.moveaxis(softmax_cross_entropy_with_integer_labels_grad(logits, labels, axis=axis), axis, -1),
        softmax_cross_entropy_with_integer_labels_grad(last, labels), atol=1e-15)
    np.testing.assert_allclose(np.moveaxis(softmax_cross_entropy_grad(logits, soft, axis=axis), axis, -1),
                               softmax_cross_entropy_grad(last, np.moveaxis(soft, axis, -1)), atol=1e-15)


def test_an_ignored_entry_equals_removing_it_from_the_weighted_mean():
    rng = np.random.default_rng(13)
    logits, labels = rng.normal(size=(12, 4)), rng.integers(0, 4, 12)
    labels[[2, 7]] = -100
    kept = labels != -100
    weight = np.array([0.5, 1.0, 2.0, 4.0])
    for class_weight in (None, weight):
        losses = softmax_cross_entropy_with_integer_labels(logits, labels, ignore_index=-100, class_weight=class_weight)
        assert (losses[~kept] == 0).all()
        removed = softmax_cross_entropy_with_integer_labels(logits[kept], labels[kept], class_weight=class_weight)
        np.testing.assert_allclose(losses[kept], removed, rtol=1e-15)
        assert float(reduce(losses, "mean", weights=kept.astype(float))) == pytest.approx(float(reduce(removed)))
        nll = nll_loss(log_softmax(logits), labels, ignore_index=-100, class_weight=class_weight)
        np.testing.assert_allclose(nll, losses, rtol=1e-13, atol=0)
    grad = softmax_cross_entropy_with_integer_labels_grad(logits, labels, ignore_index=-100)
    assert (grad[~kept] == 0).all()


def test_ignore_index_may_be_a_real_class():
    logits = np.array([[1.0, 2.0, 3.0], [3.0, 2.0, 1.0]])
    losses = softmax_cross_entropy_with_integer_labels(logits, [0, 1], ignore_index=0)
    assert losses[0] == 0 and losses[1] == pytest.approx(float(mp_integer_label_losses(logits[1:], [1])[0]))


def test_gradient_rows_sum_to_zero():
    rng = np.random.default_rng(14)
    logits = rng.normal(size=(8, 6)) * 10
    np.testing.assert_allclose(softmax_cross_entropy_with_integer_labels_grad(logits, rng.integers(0, 6, 8)).sum(-1),
                               0, atol=1e-15)
    smoothed = softmax_cross_entropy_grad(logits, rng.dirichlet(np.ones(6), 8), label_smoothing=0.3)
    np.testing.assert_allclose(smoothed.sum(-1), 0, atol=1e-15)


# --- PyTorch ---------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype, rtol", [(np.float64, 1e-12), (np.float32, 2e-5)])
def test_integer_labels_match_torch_with_weights_and_ignore_index(dtype, rtol):
    rng = np.random.default_rng(21)
    logits = (rng.normal(size=(64, 9)) * 4).astype(dtype)
    labels = rng.integers(0, 9, 64)
    labels[::5] = -100
    weight = rng.uniform(0.2, 3.0, 9).astype(dtype)
    all_counted = np.where(labels < 0, 0, labels)
    np.testing.assert_allclose(softmax_cross_entropy_with_integer_labels(logits, all_counted),
                               torch_cross_entropy(logits, all_counted, reduction="none"), rtol=rtol, atol=1e-6)
    ours = softmax_cross_entropy_with_integer_labels(logits, labels, ignore_index=-100, class_weight=weight)
    theirs = torch_cross_entropy(logits, labels, weight=weight, reduction="none")  # ignore_index=-100 by default
    np.testing.assert_allclose(ours, theirs, rtol=rtol, atol=1e-6)
    # torch's reduction="mean" is the weighted mean Σ w_y·loss / Σ w_y over the examples not ignored.
    unweighted = softmax_cross_entropy_with_integer_labels(logits, labels, ignore_index=-100)
    example_weights = np.where(labels == -100, 0.0, weight[np.where(labels < 0, 0, labels)])
    torch_mean = torch_cross_entropy(logits, labels, weight=weight, reduction="mean")
    assert float(reduce(unweighted, "mean", weights=example_weights)) == pytest.approx(float(torch_mean), rel=rtol)


def test_class_index_targets_with_spatial_axis_match_torch():
    """torch takes (N, C, d1) logits with (N, d1) targets: our axis=1."""
    rng = np.random.default_rng(22)
    logits, labels = rng.normal(size=(3, 5, 4)) * 3, rng.integers(0, 5, (3, 4))
    np.testing.assert_allclose(softmax_cross_entropy_with_integer_labels(logits, labels, axis=1),
                               torch_cross_entropy(logits, labels, reduction="none"), rtol=1e-12)


@pytest.mark.parametrize("alpha", [0.0, 0.1, 0.5, 1.0])
def test_label_smoothing_matches_torch(alpha):
    rng = np.random.default_rng(23)
    logits, labels = rng.normal(size=(16, 6)) * 3, rng.integers(0, 6, 16)
    soft = rng.dirichlet(np.ones(6), 16)
    expected = torch_cross_entropy(logits, labels, label_smoothing=alpha, reduction="none")
    np.testing.assert_allclose(softmax_cross_entropy(logits, one_hot(labels, 6), label_smoothing=alpha), expected,
                               rtol=1e-12)
    expected_soft = torch_cross_entropy(logits, soft, label_smoothing=alpha, reduction="none")
    np.testing.assert_allclose(softmax_cross_entropy(logits, soft, label_smoothing=alpha), expected_soft, rtol=1e-12)


def torch_autograd(logits, loss):
    torch = require("torch")
    z = torch.tensor(logits, requires_grad=True)
    loss(torch, z).sum().backward()
    return z.grad.numpy()


def test_integer_label_gradient_matches_torch_autograd():
    rng = np.random.default_rng(24)
    logits, labels = rng.normal(size=(10, 5)) * 3, rng.integers(0, 5, 10)
    labels[3] = -100
    weight = rng.uniform(0.5, 2.0, 5)

    def torch_loss(torch, z):
        return torch.nn.functional.cross_entropy(z, torch.from_numpy(labels), weight=torch.from_numpy(weight),
                                                 reduction="none")

    np.testing.assert_allclose(
        softmax_cross_entropy_with_integer_labels_grad(logits, labels, ignore_index=-100, class_weight=weight),
        torch_autograd(logits, torch_loss), atol=1e-14)


@pytest.mark.parametrize("alpha", [0.0, 0.2])
def test_soft_target_gradient_matches_torch_autograd(alpha):
    rng = np.random.default_rng(25)
    logits, soft = rng.normal(size=(6, 4)) * 3, rng.dirichlet(np.ones(4), 6)

    def torch_loss(torch, z):
        return torch.nn.functional.cross_entropy(z, torch.from_numpy(soft), label_smoothing=alpha, reduction="none")

    np.testing.assert_allclose(softmax_cross_entropy_grad(logits, soft, label_smoothing=alpha),
                               torch_autograd(logits, torch_loss), atol=1e-14)


# --- Numerical gradients ---------------------------------------------------------------------------------------


def test_integer_label_gradient_equals_numerical_gradient():
    rng = np.random.default_rng(26)
    logits, labels = rng.normal(size=(5, 4)) * 3, np.array([0, 3, 1, 7, 2])
    weight = np.array([0.5, 1.0, 2.0, 3.0])

    def total(z):
        return softmax_cross_entropy_with_integer_labels(z, labels, ignore_index=7, class_weight=weight).sum()

    np.testing.assert_allclose(
        softmax_cross_entropy_with_integer_labels_grad(logits, labels, ignore_index=7, class_weight=weight),
        numerical_gradient(total, logits), atol=1e-8)


def test_soft_target_gradient_equals_numerical_gradient():
    rng = np.random.default_rng(27)
    logits, soft = rng.normal(size=(4, 5)) * 3, rng.dirichlet(np.ones(5), 4)
    np.testing.assert_allclose(softmax_cross_entropy_grad(logits, soft, label_smoothing=0.15),
                               numerical_gradient(lambda z: softmax_cross_entropy(z, soft, label_smoothing=0.15).sum(),
                                                  logits), atol=1e-8)


# --- Properties ------------------------------------------------------------------------------------------------

float32_logits = st.integers(1, 12).flatmap(
    lambda k: arrays(np.float32, st.tuples(st.integers(1, 6), st.just(k)),
                     elements=st.floats(-1e4, 1e4, width=32, allow_nan=False))
)


@settings(max_examples=150, deadline=None)
@given(float32_logits, st.data())
def test_float32_logits_up_to_1e4_give_finite_losses_and_gradients(logits, data):
    labels = np.array(data.draw(st.lists(st.integers(0, logits.shape[1] - 1), min_size=len(logits),
                                         max_size=len(logits))))
    losses = softmax_cross_entropy_with_integer_labels(logits, labels)
    grad = softmax_cross_entropy_with_integer_labels_grad(logits, labels)
    assert np.isfinite(losses).all() and (losses >= 0).all(), (logits, labels)
    assert np.isfinite(grad).all() and losses.dtype == grad.dtype == np.float32, (logits, labels)
    np.testing.assert_allclose(losses, float64_integer_label_losses(logits, labels), rtol=1e-5,
                               atol=np.finfo(np.float32).tiny, err_msg=f"{logits!r}, {labels!r}")
    targets = one_hot(labels, logits.shape[1])
    soft = softmax_cross_entropy(logits, targets, label_smoothing=0.1)
    assert np.isfinite(soft).all() and np.isfinite(softmax_cross_entropy_grad(logits, targets)).all(), logits


# --- Bad input -------------------------------------------------------------------------------------------------

Z = np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])
P = np.array([[0.2, 0.3, 0.5], [1.0, 0.0, 0.0]])
NAN_IN_A_LATER_BLOCK = np.zeros((40000, 10))
NAN_IN_A_LATER_BLOCK[39999, 3] = np.nan


@pytest.mark.parametrize(
    "call, error, message",
    [
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [0, 3]), IndexError,
         r"labels must lie in \[0, 3\), got class 3"),
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [-1, 0]), IndexError, "got class -1"),
        (lambda: nll_loss(log_softmax(Z), [0, 5]), IndexError, "got class 5"),
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [0.0, 1.0]), ValueError, "labels must be integer"),
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [True, False]), ValueError, "labels must be integer"),
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [[0], [1]]), ValueError, r"shape .* got \(2, 1\)"),
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [0, 1], ignore_index=0.5), ValueError, "ignore_index"),
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [0, 1], class_weight=[1.0, 2.0]), ValueError,
         r"class_weight must have shape \(3,\)"),
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [0, 1], class_weight=[1.0, -2.0, 1.0]), ValueError,
         "non-negative"),
        (lambda: softmax_cross_entropy_with_integer_labels([[np.nan, 0.0]], [0]), ValueError, "logits contains NaN"),
        (lambda: softmax_cross_entropy_with_integer_labels(NAN_IN_A_LATER_BLOCK, np.zeros(40000, int)), ValueError,
         "logits contains NaN"),
        (lambda: softmax_cross_entropy_with_integer_labels([[-np.inf, 0.0]], [1]), ValueError, "finite"),
        (lambda: softmax_cross_entropy_with_integer_labels([[np.inf, 0.0]], [1]), ValueError, "finite"),
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [0, 1], axis=2), ValueError, "axis 2 is out of range"),
        (lambda: softmax_cross_entropy_with_integer_labels(3.0, 0), ValueError, "at least one dimension"),
        (lambda: softmax_cross_entropy_with_integer_labels(np.zeros((2, 0)), [0, 0]), ValueError, "at least one class"),
        (lambda: softmax_cross_entropy_with_integer_labels([["a", "b"]], [0]), ValueError, "numeric"),
        (lambda: softmax_cross_entropy(Z, P, label_smoothing=1.5), ValueError,
         r"label_smoothing must be a number in \[0, 1\]"),
        (lambda: softmax_cross_entropy(Z, P, label_smoothing=-0.1), ValueError, "label_smoothing"),
        (lambda: softmax_cross_entropy(Z, P[:, :2]), ValueError, "same shape"),
        (lambda: softmax_cross_entropy(Z, P * 2), ValueError, "targets must"),
        (lambda: softmax_cross_entropy([[np.inf, 0.0]], [[1.0, 0.0]]), ValueError, "finite"),
        (lambda: softmax_cross_entropy_grad(Z, P, axis=-3), ValueError, "axis -3 is out of range"),
        (lambda: categorical_cross_entropy([[1.2, -0.2]], [[1.0, 0.0]]), ValueError, r"probs must lie in \[0, 1\]"),
        (lambda: categorical_cross_entropy([[0.5, 0.6]], [[1.0, 0.0]]), ValueError, "probs must sum to 1"),
        (lambda: categorical_cross_entropy([[0.5, 0.5]], [[np.nan, 1.0]]), ValueError, "targets contains NaN"),
        (lambda: categorical_cross_entropy(np.full((2,), 0.5), np.full((2, 1), 0.5)), ValueError, "same shape"),
        (lambda: nll_loss(Z, [0, 1]), ValueError, r"log_probs must be log-probabilities"),
        (lambda: nll_loss(np.log(np.full((1, 2), 0.4)), [0]), ValueError, "sum to 1"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(call, error, message):
    with pytest.raises(error, match=message):
        call()


def test_out_of_range_labels_raise_index_error_like_torch():
    torch = require("torch")
    with pytest.raises(IndexError, match="out of bounds"):
        torch.nn.functional.cross_entropy(torch.from_numpy(Z), torch.tensor([0, 3]))
    with pytest.raises(IndexError):
        softmax_cross_entropy_with_integer_labels(Z, [0, 3])


# --- one unbatched example with class weights (torch's no-batch-dimension case) -------------------------------

UNBATCHED_Z = [1.0, 2.0, 0.5]
UNBATCHED_W = [0.5, 2.0, 1.0]


def test_one_unbatched_example_with_class_weights_meets_the_closed_form():
    """w_y · (log Σ_c e^(z_c) − z_y) for a (K,) logit vector and a 0-d label."""
    log_normaliser = math.log(math.exp(1.0) + math.exp(2.0) + math.exp(0.5))
    for label, weight in enumerate(UNBATCHED_W):
        loss = softmax_cross_entropy_with_integer_labels(UNBATCHED_Z, label, class_weight=UNBATCHED_W)
        assert np.shape(loss) == ()
        assert float(loss) == pytest.approx(weight * (log_normaliser - UNBATCHED_Z[label]), rel=1e-14)
        probabilities = [math.exp(z - log_normaliser) for z in UNBATCHED_Z]
        assert float(nll_loss(np.log(probabilities), label, class_weight=UNBATCHED_W)) == pytest.approx(
            -weight * math.log(probabilities[label]), rel=1e-14)
        gradient = softmax_cross_entropy_with_integer_labels_grad(UNBATCHED_Z, label, class_weight=UNBATCHED_W)
        expected = [weight * (p - (c == label)) for c, p in enumerate(probabilities)]
        np.testing.assert_allclose(gradient, expected, rtol=1e-14)
    ignored = softmax_cross_entropy_with_integer_labels(UNBATCHED_Z, 1, class_weight=UNBATCHED_W, ignore_index=1)
    assert float(ignored) == 0.0
    assert not softmax_cross_entropy_with_integer_labels_grad(UNBATCHED_Z, 1, class_weight=UNBATCHED_W,
                                                              ignore_index=1).any()


def test_one_unbatched_example_with_class_weights_matches_torch():
    torch = require("torch")
    logits, weight = torch.tensor(UNBATCHED_Z, dtype=torch.float64), torch.tensor(UNBATCHED_W, dtype=torch.float64)
    for label in range(3):
        theirs = torch.nn.functional.cross_entropy(logits, torch.tensor(label), weight, reduction="none")
        ours = softmax_cross_entropy_with_integer_labels(UNBATCHED_Z, label, class_weight=UNBATCHED_W)
        assert float(ours) == pytest.approx(theirs.item(), rel=1e-14)
        log_probs = torch.log_softmax(logits, 0)
        theirs = torch.nn.functional.nll_loss(log_probs, torch.tensor(label), weight, reduction="none")
        assert float(nll_loss(log_probs.numpy(), label, class_weight=UNBATCHED_W)) == pytest.approx(theirs.item(),
                                                                                                    rel=1e-14)


# --- optax's relatives: where masks, −inf logits, poly loss, several class axes -------------------------------

from snippets.categorical import poly_loss_cross_entropy, safe_softmax_cross_entropy  # noqa: E402


def test_where_per_class_equals_the_loss_over_the_kept_classes_alone():
    """Masking classes is dropping them: the closed form log Σ_{kept} e^(z_c) − z_y on the kept ones."""
    logits = np.array([[2.0, -1.0, 0.5, 3.0], [0.0, 1.0, 2.0, 3.0]])
    kept = np.array([[True, False, True, False], [False, True, True, True]])
    labels = np.array([2, 3])
    expected = [math.log(math.exp(2.0) + math.exp(0.5)) - 0.5, math.log(math.exp(1) + math.exp(2) + math.exp(3)) - 3]
    got = softmax_cross_entropy_with_integer_labels(logits, labels, where=kept)
    np.testing.assert_allclose(got, expected, rtol=1e-14)
    targets = np.eye(4)[labels]
    np.testing.assert_allclose(softmax_cross_entropy(logits, targets, where=kept), expected, rtol=1e-14)


def test_where_per_example_gives_zero_to_the_examples_left_out():
    logits, labels = SEED_LOGITS, SEED_LABELS
    got = softmax_cross_entropy_with_integer_labels(logits, labels, where=np.array([False, True]))
    assert got[0] == 0.0 and got[1] == pytest.approx(math.log(3), rel=1e-14)
    soft = softmax_cross_entropy(logits, np.eye(3)[labels], where=np.array([False, True]))
    assert soft[0] == 0.0 and soft[1] == pytest.approx(math.log(3), rel=1e-14)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [1, 0], where=np.array([[1, 0, 0], [1, 1, 1]], bool)),
         "labels name class 1, which where masks out"),
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [0, 0], where=np.ones((2, 2), bool)),
         "where must have the shape of logits"),
        (lambda: softmax_cross_entropy_with_integer_labels(Z, [0, 0], where=np.ones((2, 3))), "boolean mask"),
        (lambda: softmax_cross_entropy(Z, P, where=np.array([[1, 1, 0], [1, 1, 1]], bool)),
         "targets over the classes where keeps must sum to 1"),
        (lambda: softmax_cross_entropy(Z, P, where=np.ones((2, 3), bool), label_smoothing=0.1),
         "label_smoothing cannot be combined with where"),
        (lambda: softmax_cross_entropy_with_integer_labels(np.zeros((2, 3, 4)), np.zeros(2, int), axis=(1, 1)),
         r"axis \(1, 1\) names an axis of logits twice"),
        (lambda: softmax_cross_entropy_with_integer_labels(np.zeros((2, 3, 4)), np.zeros(2, int), axis=(1, 5)),
         "axis 5 is out of range"),
        (lambda: softmax_cross_entropy_with_integer_labels(np.zeros((2, 3, 4)), np.zeros(2, int), axis=()),
         "at least one class axis"),
        (lambda: softmax_cross_entropy(np.zeros((2, 3, 4)), np.full((2, 3, 4), 1 / 12), axis=(1, 2)),
         r"axis must be an integer here, got \(1, 2\)"),
        (lambda: safe_softmax_cross_entropy([[np.inf, 0.0]], [[1.0, 0.0]]), r"finite or −inf"),
        (lambda: safe_softmax_cross_entropy([[-np.inf, -np.inf]], [[0.5, 0.5]]), "a finite entry in every example"),
        (lambda: safe_softmax_cross_entropy([[np.nan, 0.0]], [[0.5, 0.5]]), "logits contains NaN"),
        (lambda: poly_loss_cross_entropy(Z, P, epsilon=np.inf), "epsilon must be a finite number"),
    ],
)
def test_bad_input_to_the_optax_relatives_is_refused(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_safe_softmax_cross_entropy_treats_minus_infinity_as_a_masked_class():
    """0 · log 0 = 0 for a masked class without target mass; +inf with; finite rows as softmax_cross_entropy."""
    assert float(safe_softmax_cross_entropy([-np.inf, 1.0, 1.0], [0.0, 0.5, 0.5])) == pytest.approx(math.log(2),
                                                                                                   rel=1e-15)
    assert float(safe_softmax_cross_entropy([-np.inf, 1.0, 1.0], [0.2, 0.4, 0.4])) == np.inf
    assert float(safe_softmax_cross_entropy([-np.inf, 5.0, -np.inf], [0.0, 1.0, 0.0])) == 0.0
    np.testing.assert_allclose(safe_softmax_cross_entropy(Z, P), softmax_cross_entropy(Z, P), rtol=1e-14)


def test_poly_loss_is_cross_entropy_plus_epsilon_times_one_minus_p_t():
    logits, target = [2.0, 0.0, -1.0], [0.0, 1.0, 0.0]
    normaliser = math.exp(2.0) + 1.0 + math.exp(-1.0)
    p_t = 1.0 / normaliser
    for epsilon in (-1.0, 0.0, 2.0, 5.45):
        assert float(poly_loss_cross_entropy(logits, target, epsilon=epsilon)) == pytest.approx(
            -math.log(p_t) + epsilon * (1 - p_t), rel=1e-14)
    confident = poly_loss_cross_entropy([40.0, 0.0], [1.0, 0.0], epsilon=1.0)  # 1 − p_t = e^-40 / (1 + e^-40)
    assert float(confident) == pytest.approx(2 * math.exp(-40), rel=1e-12)


def test_several_class_axes_equal_one_flattened_class_axis():
    """A tuple axis flattens the class axes row-major in the order given, like optax's docstring example."""
    shape = (1, 2, 3, 4)
    logits = np.arange(np.prod(shape), dtype=np.float64).reshape(shape)
    labels = np.ravel_multi_index((np.array([[1, 2]]), np.array([[1, 3]])), shape[2:])
    got = softmax_cross_entropy_with_integer_labels(logits, labels, axis=(2, 3))
    row = np.arange(12.0)  # each example's 12 logits are consecutive: the loss is log Σ e^(c) − label
    expected = [[math.log(sum(math.exp(c) for c in row)) - label for label in (5, 11)]]
    np.testing.assert_allclose(got, expected, rtol=1e-14)
    reversed_axes = softmax_cross_entropy_with_integer_labels(logits, np.ravel_multi_index(
        (np.array([[1, 3]]), np.array([[1, 2]])), (4, 3)), axis=(3, 2))
    np.testing.assert_allclose(reversed_axes, expected, rtol=1e-14)
    log_probs = log_softmax(logits.reshape(1, 2, 12), axis=-1).reshape(shape)
    np.testing.assert_allclose(nll_loss(log_probs, labels, axis=(2, 3)), expected, rtol=1e-13)
    gradient = softmax_cross_entropy_with_integer_labels_grad(logits, labels, axis=(-2, -1))
    flat = softmax_cross_entropy_with_integer_labels_grad(logits.reshape(1, 2, 12), labels)
    np.testing.assert_array_equal(gradient, flat.reshape(shape))
