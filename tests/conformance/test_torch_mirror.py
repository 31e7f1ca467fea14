"""snippets.mirrors.torch against the real torch.nn.functional (torch 2.13.0, CPU).

Every expected value is computed by torch itself on the same arrays. The one exception is
``sigmoid_focal_loss``: torchvision is not installed (no torchvision release imports beside this torch), so its
expected values come from torchvision's published formula (torchvision/ops/focal_loss.py) evaluated
independently with float64 torch ops in :func:`_torchvision_sigmoid_focal_loss`.
"""

from __future__ import annotations

import numpy as np
import pytest

from tests.conformance import assert_matches
from tests.frameworks import require

torch = require("torch")
F = torch.nn.functional

from snippets.mirrors import torch as mirror  # noqa: E402  (after the framework check above)

SEEDS = [0, 1, 2]
REDUCTIONS = ["none", "mean", "sum"]
EXTREME = np.float32(1e4)


def _tensor(array):
    return torch.from_numpy(np.array(array))  # a contiguous copy that keeps 0-d arrays 0-d


def _random_case(seed: int):
    """Logits (N, C, d1, ..., dK) in float32 with K = seed % 3, and class indices (N, d1, ..., dK)."""
    rng = np.random.default_rng(seed)
    n, c = int(rng.integers(1, 6)), int(rng.integers(2, 6))
    spatial = tuple(int(d) for d in rng.integers(1, 4, size=seed % 3))
    logits = (3 * rng.standard_normal((n, c, *spatial))).astype(np.float32)
    labels = rng.integers(0, c, size=(n, *spatial))
    return rng, logits, labels


def _probabilities_along(rng, shape, axis: int) -> np.ndarray:
    raw = rng.random(shape)
    return (raw / raw.sum(axis=axis, keepdims=True)).astype(np.float32)


def _optional_tensor(array):
    return None if array is None else _tensor(array)


# --- cross_entropy -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("target_kind", ["class indices", "probabilities"])
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("label_smoothing", [0.0, 0.2])
@pytest.mark.parametrize("weighted", [False, True])
def test_cross_entropy_matches_torch(seed, target_kind, reduction, label_smoothing, weighted):
    rng, logits, labels = _random_case(seed)
    if target_kind == "class indices":
        target = labels
        target.flat[1::3] = -100  # every third target ignored; the first one never is, so "mean" is defined
    else:
        target = _probabilities_along(rng, logits.shape, axis=1)
    weight = rng.uniform(0.5, 2.0, logits.shape[1]).astype(np.float32) if weighted else None
    options = {"reduction": reduction, "label_smoothing": label_smoothing}
    ours = mirror.cross_entropy(logits, target, weight, **options)
    theirs = F.cross_entropy(_tensor(logits), _tensor(target), _optional_tensor(weight), **options)
    assert_matches(ours, theirs.numpy(), f"seed={seed} shape={logits.shape} {target_kind} weighted={weighted} "
                                         f"{options}")


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_cross_entropy_ignore_index_inside_the_class_range_matches_torch(reduction):
    rng, logits, labels = _random_case(4)
    labels[:] = rng.integers(0, logits.shape[1], size=labels.shape)
    labels.flat[0] = 0  # class 1 is ignored; class 0 keeps the mean defined
    weight = np.array([0.5, 2.0, 1.5, 1.0, 3.0], np.float32)[: logits.shape[1]]
    options = {"ignore_index": 1, "reduction": reduction, "label_smoothing": 0.3}
    ours = mirror.cross_entropy(logits, labels, weight, **options)
    theirs = F.cross_entropy(_tensor(logits), _tensor(labels), _tensor(weight), **options)
    assert_matches(ours, theirs.numpy(), f"labels={labels.tolist()} {options}")


@pytest.mark.parametrize("label_smoothing", [0.0, 0.1])
def test_cross_entropy_with_extreme_logits_matches_torch(label_smoothing):
    logits = np.array([[EXTREME, -EXTREME, 0.0], [-EXTREME, EXTREME, 0.0], [0.0, 0.0, -EXTREME]], np.float32)
    labels = np.array([1, 1, 2])
    targets = np.array([[0.0, 1.0, 0.0], [0.5, 0.5, 0.0], [0.0, 0.0, 1.0]], np.float32)
    for target in (labels, targets):
        ours = mirror.cross_entropy(logits, target, reduction="none", label_smoothing=label_smoothing)
        theirs = F.cross_entropy(_tensor(logits), _tensor(target), reduction="none", label_smoothing=label_smoothing)
        assert np.isfinite(ours).all(), f"non-finite loss for logits ±1e4, target {target.tolist()}"
        assert_matches(ours, theirs.numpy(), f"logits ±1e4, target {target.tolist()}, ε={label_smoothing}")


def test_cross_entropy_keeps_float64():
    _, logits, labels = _random_case(5)
    logits = logits.astype(np.float64)
    theirs = F.cross_entropy(_tensor(logits), _tensor(labels), reduction="none", label_smoothing=0.1)
    ours = mirror.cross_entropy(logits, labels, reduction="none", label_smoothing=0.1)
    assert_matches(ours, theirs.numpy(), "float64 logits", rtol=1e-12, atol=1e-12)


def test_cross_entropy_of_an_unbatched_input_matches_torch():
    logits = np.array([1.0, 2.0, 3.0], np.float32)
    for target in (np.array(2), np.array([0.2, 0.3, 0.5], np.float32)):
        for reduction in REDUCTIONS:
            ours = mirror.cross_entropy(logits, target, reduction=reduction, label_smoothing=0.1)
            theirs = F.cross_entropy(_tensor(logits), _tensor(target), reduction=reduction, label_smoothing=0.1)
            assert_matches(ours, theirs.numpy(), f"input (C,), target {target.tolist()}, {reduction}")


@pytest.mark.parametrize("label_smoothing", [0.0, 0.1])
def test_cross_entropy_mean_over_only_ignored_targets_is_nan_as_in_torch(label_smoothing):
    logits = np.zeros((2, 3), np.float32)
    labels = np.array([-100, -100])
    theirs = F.cross_entropy(_tensor(logits), _tensor(labels), label_smoothing=label_smoothing)
    ours = mirror.cross_entropy(logits, labels, label_smoothing=label_smoothing)
    assert np.isnan(theirs.item()), "torch 2.13 is expected to give nan for a mean over no targets"
    assert_matches(ours, theirs.numpy(), f"all targets ignored, ε={label_smoothing}")


LOGITS_2x3 = np.arange(6, dtype=np.float32).reshape(2, 3)

CROSS_ENTROPY_ERRORS = {
    "index above the classes": (LOGITS_2x3, np.array([0, 3]), {}, IndexError, IndexError),
    "negative index": (LOGITS_2x3, np.array([0, -1]), {}, IndexError, IndexError),
    "index above the classes, K-dimensional": (
        np.zeros((1, 3, 2), np.float32), np.array([[0, 5]]), {}, IndexError, IndexError),
    "float indices": (LOGITS_2x3, np.array([0.0, 1.0], np.float32), {}, RuntimeError, ValueError),
    "integer targets of the input's shape": (LOGITS_2x3, np.ones((2, 3), np.int64), {}, RuntimeError, ValueError),
    "batch size mismatch": (LOGITS_2x3, np.array([0, 1, 2]), {}, ValueError, ValueError),
    "targets (N, 1)": (LOGITS_2x3, np.array([[0], [1]]), {}, RuntimeError, ValueError),
    "label_smoothing above 1": (LOGITS_2x3, np.array([0, 1]), {"label_smoothing": 1.5}, RuntimeError, ValueError),
    "weight of the wrong length": (
        LOGITS_2x3, np.array([0, 1]), {"weight": np.ones(4, np.float32)}, RuntimeError, ValueError),
    "unknown reduction": (LOGITS_2x3, np.array([0, 1]), {"reduction": "avg"}, ValueError, ValueError),
    "integer targets of the input's shape, one example": (
        np.zeros(3, np.float32), np.ones(3, np.int64), {}, RuntimeError, ValueError),
    "ignore_index with probability targets": (
        LOGITS_2x3, np.full((2, 3), 1 / 3, np.float32), {"ignore_index": 0}, RuntimeError, ValueError),
}


@pytest.mark.parametrize("case", CROSS_ENTROPY_ERRORS, ids=str)
def test_cross_entropy_refuses_what_torch_refuses(case):
    logits, target, options, torch_error, our_error = CROSS_ENTROPY_ERRORS[case]
    torch_options = {k: _tensor(v) if isinstance(v, np.ndarray) else v for k, v in options.items()}
    with pytest.raises(torch_error):
        F.cross_entropy(_tensor(logits), _tensor(target), **torch_options)
    with pytest.raises(our_error):
        mirror.cross_entropy(logits, target, **options)


@pytest.mark.parametrize("label_smoothing", [-0.1, -np.inf, np.nan])
@pytest.mark.parametrize("target_kind", ["class indices", "probabilities"])
def test_label_smoothing_below_0_or_nan_is_ignored_like_torch(label_smoothing, target_kind):
    rng, logits, labels = _random_case(0)
    target = labels if target_kind == "class indices" else _probabilities_along(rng, logits.shape, axis=1)
    smoothed = F.cross_entropy(_tensor(logits), _tensor(target), label_smoothing=label_smoothing)
    plain = F.cross_entropy(_tensor(logits), _tensor(target))
    assert smoothed.item() == plain.item(), "torch 2.13 treats label_smoothing < 0 (and NaN) as 0 without an error"
    assert_matches(mirror.cross_entropy(logits, target, label_smoothing=label_smoothing), smoothed.numpy(),
                   f"label_smoothing={label_smoothing} {target_kind}")


@pytest.mark.parametrize("label_smoothing", [1.5, np.inf])
def test_label_smoothing_above_1_raises_with_torchs_words(label_smoothing):
    words = "label_smoothing must be between 0.0 and 1.0"
    with pytest.raises(RuntimeError, match=words):
        F.cross_entropy(_tensor(LOGITS_2x3), _tensor(np.array([0, 1])), label_smoothing=label_smoothing)
    with pytest.raises(ValueError, match=words):
        mirror.cross_entropy(LOGITS_2x3, np.array([0, 1]), label_smoothing=label_smoothing)


NAN, INF = np.float32(np.nan), np.float32(np.inf)

COMPUTED_BY_TORCH = {
    # name: (function, positional arguments, keyword arguments); torch gives a number, NaN or ±inf for each
    "cross_entropy, NaN and ±inf logits": ("cross_entropy", (
        np.array([[1, NAN, 0], [INF, 0, 0], [1, 2, -INF], [-INF, 0, 0], [-INF, -INF, -INF]], np.float32),
        np.array([0, 0, 2, 1, 0])), {}),
    "cross_entropy, NaN logit of an ignored target": ("cross_entropy", (
        np.array([[1, NAN, 0], [1, 2, 3]], np.float32), np.array([-100, 1])), {"label_smoothing": 0.2}),
    "cross_entropy, ±inf logits smoothed and weighted": ("cross_entropy", (
        np.array([[1, 2, -INF], [0, 1, 2]], np.float32), np.array([0, 1])),
        {"label_smoothing": 0.1, "weight": np.array([1, 2, 0.5], np.float32)}),
    "cross_entropy, NaN class weight": ("cross_entropy", (
        np.array([[1, 2, 3], [0, 1, 2]], np.float32), np.array([1, 0])),
        {"weight": np.array([1, NAN, 1], np.float32)}),
    "cross_entropy, probabilities not summing to 1": ("cross_entropy", (
        np.array([[1, 2, 3], [0, 1, 2]], np.float32), np.array([[0.5, 0.7, 0.2], [0.5, 0.5, 0.5]], np.float32)),
        {"weight": np.array([1, 2, 0.5], np.float32), "label_smoothing": 0.1}),
    "cross_entropy, negative and NaN probabilities": ("cross_entropy", (
        np.array([[1, 2, 3], [0, 1, 2]], np.float32), np.array([[-0.5, 1.7, 0.2], [NAN, 1, 0]], np.float32)),
        {"reduction": "none"}),
    "cross_entropy, −inf logit with probability 0": ("cross_entropy", (
        np.array([[-INF, 1, 2]], np.float32), np.array([[0, 0.5, 0.5]], np.float32)), {"reduction": "none"}),
    "nll_loss, input that is not log-probabilities": ("nll_loss", (
        np.array([[1, 2, 3], [0.5, -1, 7]], np.float32), np.array([1, 2])), {"reduction": "none"}),
    "nll_loss, NaN and −inf": ("nll_loss", (
        np.array([[1, NAN, 3], [0.5, -INF, 7], [NAN, 0, 0]], np.float32), np.array([1, 1, -100])), {}),
    "binary_cross_entropy, NaN weight": ("binary_cross_entropy", (
        np.array([0.3, 0.6], np.float32), np.array([1, 0], np.float32), np.array([NAN, 2], np.float32)),
        {"reduction": "none"}),
    "binary_cross_entropy_with_logits, NaN and ±inf logits": ("binary_cross_entropy_with_logits", (
        np.array([NAN, INF, -INF, INF, -INF, 0], np.float32), np.array([1, 1, 1, 0, 0, 1], np.float32)),
        {"reduction": "none"}),
    "binary_cross_entropy_with_logits, targets outside [0, 1]": ("binary_cross_entropy_with_logits", (
        np.array([0.3, -2, 1], np.float32), np.array([1.5, -0.5, 3], np.float32)), {"reduction": "none"}),
    "binary_cross_entropy_with_logits, negative, NaN and inf pos_weight": ("binary_cross_entropy_with_logits", (
        np.array([[0.3, -2, 1], [1, 2, 3]], np.float32), np.array([[1, 0.5, 1], [0, 1, 0.5]], np.float32)),
        {"reduction": "none", "pos_weight": np.array([-2, NAN, INF], np.float32)}),
    "binary_cross_entropy_with_logits, pos_weight (N, 1)": ("binary_cross_entropy_with_logits", (
        np.array([[0.3, -2], [1, 2]], np.float32), np.array([[1, 0.5], [0, 1]], np.float32)),
        {"pos_weight": np.array([[2], [-3]], np.float32)}),
    "kl_div, negative, NaN and inf targets": ("kl_div", (
        np.array([[-1, -2, -0.5], [-1, -2, -0.5]], np.float32), np.array([[-0.5, 0, 0.5], [NAN, INF, 2]], np.float32)),
        {"reduction": "none"}),
    "kl_div, target 0 where input is −inf or NaN": ("kl_div", (
        np.array([[-INF, -2], [NAN, -1]], np.float32), np.array([[0, 0.5], [0, 0.5]], np.float32)),
        {"reduction": "batchmean"}),
    "kl_div, target (2, 2) broadcast against input (1, 2)": ("kl_div", (
        np.array([[1, 0]], np.float32), np.array([[1, 2], [3, 4]], np.float32)), {"reduction": "batchmean"}),
    "kl_div, log_target with NaN": ("kl_div", (
        np.array([-1, -2], np.float32), np.array([NAN, 0.5], np.float32)), {"reduction": "none", "log_target": True}),
    "mse_loss, NaN and inf": ("mse_loss", (
        np.array([NAN, INF, 2], np.float32), np.array([1, 0, 0], np.float32)), {"reduction": "none"}),
    "mse_loss, negative weights": ("mse_loss", (
        np.array([1, 2], np.float32), np.array([3, 3], np.float32)), {"weight": np.array([-1, 3], np.float32)}),
    "mse_loss, weights summing to 0": ("mse_loss", (
        np.array([1, 2], np.float32), np.array([3, 3], np.float32)), {"weight": np.array([-1, 1], np.float32)}),
    "mse_loss, zero weights": ("mse_loss", (
        np.array([1, 2], np.float32), np.array([3, 3], np.float32)), {"weight": np.array([0, 0], np.float32)}),
    "softmax, NaN, +inf and a row of −inf": ("softmax", (
        np.array([[1, NAN], [1, INF], [-INF, -INF], [-INF, 0]], np.float32), 1), {}),
    "log_softmax, NaN, +inf and a row of −inf": ("log_softmax", (
        np.array([[1, NAN], [1, INF], [-INF, -INF], [-INF, 0]], np.float32), 1), {}),
}


@pytest.mark.filterwarnings("ignore:reduction. 'mean' divides")
@pytest.mark.parametrize("case", COMPUTED_BY_TORCH, ids=str)
def test_inputs_torch_computes_with_the_mirror_computes_the_same(case):
    name, arguments, options = COMPUTED_BY_TORCH[case]
    theirs = getattr(F, name)(*(_tensor(a) if isinstance(a, np.ndarray) else a for a in arguments),
                              **{k: _tensor(v) if isinstance(v, np.ndarray) else v for k, v in options.items()})
    ours = getattr(mirror, name)(*arguments, **options)
    assert_matches(ours, theirs.numpy(), case)  # equal_nan: NaN in the same places, ±inf equal


# --- nll_loss ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_nll_loss_matches_torch(seed, reduction, weighted):
    rng, logits, labels = _random_case(seed)
    log_probabilities = np.log(_probabilities_along(rng, logits.shape, axis=1))
    labels.flat[2::4] = -100
    weight = rng.uniform(0.5, 2.0, logits.shape[1]).astype(np.float32) if weighted else None
    ours = mirror.nll_loss(log_probabilities, labels, weight, reduction=reduction)
    theirs = F.nll_loss(_tensor(log_probabilities), _tensor(labels), _optional_tensor(weight), reduction=reduction)
    assert_matches(ours, theirs.numpy(), f"seed={seed} shape={logits.shape} weighted={weighted} {reduction}")


@pytest.mark.parametrize("function", ["nll_loss", "cross_entropy"])
def test_a_non_integer_ignore_index_raises_type_error_like_torch(function):
    with pytest.raises(TypeError, match="ignore_index"):
        getattr(F, function)(_tensor(LOGITS_2x3), _tensor(np.array([0, 1])), ignore_index=1.5)
    with pytest.raises(TypeError, match="ignore_index"):
        getattr(mirror, function)(LOGITS_2x3, np.array([0, 1]), ignore_index=1.5)


@pytest.mark.parametrize("function", ["nll_loss", "cross_entropy"])
def test_an_index_above_the_classes_raises_with_torchs_words(function):
    with pytest.raises(IndexError, match="Target 9 is out of bounds"):
        getattr(F, function)(_tensor(LOGITS_2x3), _tensor(np.array([0, 9])))
    with pytest.raises(IndexError, match="Target 9 is out of bounds"):
        getattr(mirror, function)(LOGITS_2x3, np.array([0, 9]))


# --- binary_cross_entropy ----------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weight_shape", [None, "last", "full"])
def test_binary_cross_entropy_matches_torch(seed, reduction, weight_shape):
    rng, logits, _ = _random_case(seed)
    probabilities = rng.random(logits.shape).astype(np.float32)
    probabilities.flat[::5] = 0.0  # log 0 is clamped to −100 by torch
    probabilities.flat[1::5] = 1.0
    targets = rng.random(logits.shape).astype(np.float32)
    targets.flat[::3] = np.round(targets.flat[::3])
    weight = {None: None, "last": rng.random(logits.shape[-1:]), "full": rng.random(logits.shape)}[weight_shape]
    weight = None if weight is None else weight.astype(np.float32)
    ours = mirror.binary_cross_entropy(probabilities, targets, weight, reduction=reduction)
    theirs = F.binary_cross_entropy(
        _tensor(probabilities), _tensor(targets), _optional_tensor(weight), reduction=reduction)
    assert_matches(ours, theirs.numpy(), f"seed={seed} shape={logits.shape} weight={weight_shape} {reduction}")


def test_binary_cross_entropy_clamps_the_log_at_minus_100_like_torch():
    probabilities = np.array([0.0, 1e-50, 1.0, 0.5], np.float64)
    targets = np.array([1.0, 1.0, 0.0, 0.3])
    theirs = F.binary_cross_entropy(_tensor(probabilities), _tensor(targets), reduction="none").numpy()
    assert theirs[0] == 100.0, "torch 2.13 clamps log(0) to −100"
    assert_matches(mirror.binary_cross_entropy(probabilities, targets, reduction="none"), theirs, "p = 0, 1e-50, 1")


BINARY_CROSS_ENTROPY_ERRORS = {
    "probability above 1": (np.array([1.5], np.float32), np.array([1.0], np.float32), RuntimeError, ValueError),
    "probability below 0": (np.array([-0.5], np.float32), np.array([1.0], np.float32), RuntimeError, ValueError),
    "NaN probability": (np.array([np.nan], np.float32), np.array([1.0], np.float32), RuntimeError, ValueError),
    "target above 1": (np.array([0.5], np.float32), np.array([1.5], np.float32), RuntimeError, ValueError),
    "target below 0": (np.array([0.5], np.float32), np.array([-1.0], np.float32), RuntimeError, ValueError),
    "NaN target": (np.array([0.5], np.float32), np.array([np.nan], np.float32), RuntimeError, ValueError),
    "target (N, 1) for input (N,)": (
        np.array([0.5, 0.5], np.float32), np.array([[1.0], [0.0]], np.float32), ValueError, ValueError),
}


@pytest.mark.parametrize("case", BINARY_CROSS_ENTROPY_ERRORS, ids=str)
def test_binary_cross_entropy_refuses_what_torch_refuses(case):
    probabilities, targets, torch_error, our_error = BINARY_CROSS_ENTROPY_ERRORS[case]
    words = "should be between 0 and 1" if torch_error is RuntimeError else "target size"
    with pytest.raises(torch_error, match=words):
        F.binary_cross_entropy(_tensor(probabilities), _tensor(targets))
    with pytest.raises(our_error, match=words):
        mirror.binary_cross_entropy(probabilities, targets)


# --- binary_cross_entropy_with_logits ----------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
@pytest.mark.parametrize("pos_weighted", [False, True])
def test_binary_cross_entropy_with_logits_matches_torch(seed, reduction, weighted, pos_weighted):
    rng, logits, _ = _random_case(seed)
    logits.flat[::7] = EXTREME
    logits.flat[3::7] = -EXTREME
    targets = rng.random(logits.shape).astype(np.float32)
    targets.flat[::2] = np.round(targets.flat[::2])
    weight = rng.random(logits.shape[-1:]).astype(np.float32) if weighted else None
    pos_weight = rng.uniform(0.5, 4.0, logits.shape[-1:]).astype(np.float32) if pos_weighted else None
    ours = mirror.binary_cross_entropy_with_logits(logits, targets, weight, reduction=reduction, pos_weight=pos_weight)
    theirs = F.binary_cross_entropy_with_logits(
        _tensor(logits), _tensor(targets), _optional_tensor(weight), reduction=reduction,
        pos_weight=_optional_tensor(pos_weight))
    assert_matches(ours, theirs.numpy(), f"seed={seed} shape={logits.shape} weighted={weighted} "
                                         f"pos_weighted={pos_weighted} {reduction}")


def test_binary_cross_entropy_with_logits_refuses_a_shape_mismatch_like_torch():
    logits, targets = np.zeros((2, 3), np.float32), np.ones(3, np.float32)
    with pytest.raises(ValueError):
        F.binary_cross_entropy_with_logits(_tensor(logits), _tensor(targets))
    with pytest.raises(ValueError):
        mirror.binary_cross_entropy_with_logits(logits, targets)


# --- kl_div ------------------------------------------------------------------------------------------------


@pytest.mark.filterwarnings("ignore:reduction. 'mean' divides")
@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", ["none", "sum", "mean", "batchmean"])
@pytest.mark.parametrize("log_target", [False, True])
def test_kl_div_matches_torch(seed, reduction, log_target):
    rng, logits, _ = _random_case(seed)
    log_predictions = np.log(_probabilities_along(rng, logits.shape, axis=1))
    targets = _probabilities_along(rng, logits.shape, axis=1)
    if not log_target:
        targets.flat[::4] = 0.0  # 0 · log 0 = 0 in torch
    target = np.log(targets) if log_target else targets
    ours = mirror.kl_div(log_predictions, target, reduction=reduction, log_target=log_target)
    theirs = F.kl_div(_tensor(log_predictions), _tensor(target), reduction=reduction, log_target=log_target)
    assert_matches(ours, theirs.numpy(), f"seed={seed} shape={logits.shape} {reduction} log_target={log_target}")


def test_kl_div_refuses_an_unknown_reduction_like_torch():
    with pytest.raises(ValueError):
        F.kl_div(_tensor(LOGITS_2x3), _tensor(LOGITS_2x3), reduction="bogus")
    with pytest.raises(ValueError):
        mirror.kl_div(LOGITS_2x3, LOGITS_2x3, reduction="bogus")


# --- mse_loss ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("weighted", [False, True])
def test_mse_loss_matches_torch(seed, reduction, weighted):
    rng, predictions, _ = _random_case(seed)
    targets = rng.standard_normal(predictions.shape).astype(np.float32)
    weight = rng.random(predictions.shape).astype(np.float32) if weighted else None
    ours = mirror.mse_loss(predictions, targets, reduction=reduction, weight=weight)
    theirs = F.mse_loss(_tensor(predictions), _tensor(targets), reduction=reduction, weight=_optional_tensor(weight))
    assert_matches(ours, theirs.numpy(), f"seed={seed} shape={predictions.shape} weighted={weighted} {reduction}")


def test_mse_loss_refuses_a_weight_of_another_shape_like_torch():
    predictions, targets = np.array([1.0, 2.0], np.float32), np.array([3.0, 3.0], np.float32)
    weight = np.array([1.0], np.float32)
    with pytest.raises(ValueError):
        F.mse_loss(_tensor(predictions), _tensor(targets), weight=_tensor(weight))
    with pytest.raises(ValueError):
        mirror.mse_loss(predictions, targets, weight=weight)


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_mse_loss_broadcasts_a_target_of_another_shape_with_torchs_warning(reduction):
    predictions, targets = np.array([1.0, 2.0], np.float32), np.array([[1.0], [3.0]], np.float32)
    with pytest.warns(UserWarning, match="that is different to the input size"):
        broadcast = F.mse_loss(_tensor(predictions), _tensor(targets), reduction=reduction)
    with pytest.warns(UserWarning, match="that is different to the input size"):
        ours = mirror.mse_loss(predictions, targets, reduction=reduction)
    assert_matches(ours, broadcast.numpy(), f"(2,) against (2, 1) {reduction}")


def test_mse_loss_refuses_shapes_that_do_not_broadcast_like_torch():
    predictions, targets = np.ones((2, 2), np.float32), np.ones(3, np.float32)
    with pytest.raises(RuntimeError, match="must match the size"), pytest.warns(UserWarning):
        F.mse_loss(_tensor(predictions), _tensor(targets))
    with pytest.raises(ValueError, match="must match the size"), pytest.warns(UserWarning):
        mirror.mse_loss(predictions, targets)


# --- softmax, log_softmax, one_hot -------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
def test_softmax_and_log_softmax_match_torch_along_every_dim(seed, name):
    _, logits, _ = _random_case(seed)
    logits.flat[::5] = EXTREME
    logits.flat[2::5] = -EXTREME
    for dim in range(-logits.ndim, logits.ndim):
        ours = getattr(mirror, name)(logits, dim)
        theirs = getattr(F, name)(_tensor(logits), dim)
        assert_matches(ours, theirs.numpy(), f"{name} shape={logits.shape} dim={dim}")


@pytest.mark.filterwarnings("ignore:Implicit dimension choice")
@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
@pytest.mark.parametrize("shape", [(4,), (2, 3), (2, 3, 4), (2, 3, 4, 2)])
def test_softmax_without_dim_takes_torchs_implicit_dim(name, shape):
    logits = np.random.default_rng(len(shape)).standard_normal(shape).astype(np.float32)
    theirs = getattr(F, name)(_tensor(logits))
    with pytest.warns(UserWarning, match="dim"):
        ours = getattr(mirror, name)(logits)
    assert_matches(ours, theirs.numpy(), f"{name} shape={shape} dim=None")


def test_softmax_dtype_argument_casts_first_like_torch():
    logits = np.array([1.0, 2.0, 3.0], np.float32)
    theirs = F.log_softmax(_tensor(logits), 0, dtype=torch.float64)
    assert_matches(mirror.log_softmax(logits, 0, dtype=np.float64), theirs.numpy(), "dtype=float64", rtol=1e-12)


def test_softmax_refuses_a_dim_out_of_range_like_torch():
    with pytest.raises(IndexError):
        F.softmax(_tensor(LOGITS_2x3), 2)
    with pytest.raises(IndexError):
        mirror.softmax(LOGITS_2x3, 2)


@pytest.mark.parametrize("name", ["softmax", "log_softmax"])
@pytest.mark.parametrize("dim", [0, -1])
def test_softmax_of_a_0d_input_matches_torch(name, dim):
    """A softmax over a single element: torch 2.13 gives 1 (log: 0), with dim 0 or -1."""
    x = np.array(3.5, np.float32)
    theirs = getattr(F, name)(_tensor(x), dim)
    assert_matches(getattr(mirror, name)(x, dim), theirs.numpy(), f"{name} of a 0-d input, dim={dim}")
    with pytest.raises(IndexError):
        getattr(F, name)(_tensor(x), 1)
    with pytest.raises(IndexError, match=r"\[-1, 0\]"):
        getattr(mirror, name)(x, 1)


# --- class weights: unbatched input, negative weights --------------------------------------------------------

# torch's own no-batch-dimension cases (common_nn.py) pass a (C,) input with a () target.
UNBATCHED_LOGITS = np.array([1.0, 2.0, 0.5], np.float32)
UNBATCHED_WEIGHT = np.array([0.5, 2.0, 1.0], np.float32)


@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("label_smoothing", [0.0, 0.3])
def test_unbatched_cross_entropy_with_weight_matches_torch(reduction, label_smoothing):
    options = {"reduction": reduction, "label_smoothing": label_smoothing}
    for label in range(3):
        ours = mirror.cross_entropy(UNBATCHED_LOGITS, np.array(label), UNBATCHED_WEIGHT, **options)
        theirs = F.cross_entropy(_tensor(UNBATCHED_LOGITS), _tensor(np.array(label)), _tensor(UNBATCHED_WEIGHT),
                                 **options)
        assert_matches(ours, theirs.numpy(), f"(C,) input, label {label}, {options}")
    ignored = mirror.cross_entropy(UNBATCHED_LOGITS, np.array(1), UNBATCHED_WEIGHT, ignore_index=1, **options)
    theirs = F.cross_entropy(_tensor(UNBATCHED_LOGITS), _tensor(np.array(1)), _tensor(UNBATCHED_WEIGHT),
                             ignore_index=1, **options)
    assert_matches(ignored, theirs.numpy(), f"(C,) input, its label ignored, {options}")


@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_unbatched_nll_loss_with_weight_matches_torch(reduction):
    log_probabilities = F.log_softmax(_tensor(UNBATCHED_LOGITS), 0).numpy()
    for label in range(3):
        ours = mirror.nll_loss(log_probabilities, np.array(label), UNBATCHED_WEIGHT, reduction=reduction)
        theirs = F.nll_loss(_tensor(log_probabilities), _tensor(np.array(label)), _tensor(UNBATCHED_WEIGHT),
                            reduction=reduction)
        assert_matches(ours, theirs.numpy(), f"(C,) input, label {label}, {reduction}")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("target_kind", ["class indices", "probabilities"])
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize("label_smoothing", [0.0, 0.2])
def test_cross_entropy_with_negative_class_weights_matches_torch(seed, target_kind, reduction, label_smoothing):
    """torch computes with any real class weights; its own tests draw them from [-9, 9)."""
    rng, logits, labels = _random_case(seed)
    weight = rng.uniform(-9, 9, logits.shape[1]).astype(np.float32)
    weight[0] = -abs(weight[0]) - 0.5  # at least one negative weight
    target = labels if target_kind == "class indices" else _probabilities_along(rng, logits.shape, 1)
    options = {"reduction": reduction, "label_smoothing": label_smoothing}
    ours = mirror.cross_entropy(logits, target, weight, **options)
    theirs = F.cross_entropy(_tensor(logits), _tensor(target), _tensor(weight), **options)
    # A mean divided by a sum of weights of both signs can be large: compare relative to the sum's magnitude.
    assert_matches(ours, theirs.numpy(), f"seed={seed} {target_kind} weight={weight} {options}", rtol=1e-4,
                   atol=1e-4)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
def test_nll_loss_with_negative_class_weights_matches_torch(seed, reduction):
    rng, logits, labels = _random_case(seed)
    log_probabilities = F.log_softmax(_tensor(logits), 1).numpy()
    weight = rng.uniform(-9, 9, logits.shape[1]).astype(np.float32)
    ours = mirror.nll_loss(log_probabilities, labels, weight, reduction=reduction)
    theirs = F.nll_loss(_tensor(log_probabilities), _tensor(labels), _tensor(weight), reduction=reduction)
    assert_matches(ours, theirs.numpy(), f"seed={seed} weight={weight} {reduction}", rtol=1e-4, atol=1e-4)


@pytest.mark.parametrize("weighted", [False, True])
def test_probability_targets_that_are_not_a_distribution_are_computed_like_torch(weighted):
    target, weight = np.full((2, 3), 0.5, np.float32), np.array([1, -2, 0.5], np.float32) if weighted else None
    theirs = F.cross_entropy(_tensor(LOGITS_2x3), _tensor(target), _optional_tensor(weight))
    assert_matches(mirror.cross_entropy(LOGITS_2x3, target, weight), theirs.numpy(), f"weight={weight}")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("num_classes", [-1, 7])
def test_one_hot_matches_torch(seed, num_classes):
    _, _, labels = _random_case(seed)
    theirs = F.one_hot(_tensor(labels), num_classes)
    assert_matches(mirror.one_hot(labels, num_classes), theirs.numpy(), f"labels={labels.tolist()} {num_classes}")


ONE_HOT_ERRORS = {
    "negative class": (np.array([0, -1]), 3),
    "class equal to num_classes": (np.array([0, 3]), 3),
    "float labels": (np.array([0.0, 1.0]), 3),
    "empty labels without num_classes": (np.array([], np.int64), -1),
}


@pytest.mark.parametrize("case", ONE_HOT_ERRORS, ids=str)
def test_one_hot_refuses_what_torch_refuses(case):
    labels, num_classes = ONE_HOT_ERRORS[case]
    with pytest.raises(RuntimeError):
        F.one_hot(_tensor(labels), num_classes)
    with pytest.raises(ValueError):
        mirror.one_hot(labels, num_classes)


# --- torchvision.ops.sigmoid_focal_loss --------------------------------------------------------------------


def _torchvision_sigmoid_focal_loss(inputs, targets, alpha, gamma, reduction):
    """torchvision.ops.sigmoid_focal_loss as published in torchvision/ops/focal_loss.py, in float64 torch ops."""
    inputs, targets = _tensor(inputs.astype(np.float64)), _tensor(targets.astype(np.float64))
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        loss = (alpha * targets + (1 - alpha) * (1 - targets)) * loss
    return {"none": loss, "mean": loss.mean(), "sum": loss.sum()}[reduction].numpy()


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("reduction", REDUCTIONS)
@pytest.mark.parametrize(("alpha", "gamma"), [(0.25, 2), (-1, 2), (0.75, 0), (0.5, 1.5)])
def test_sigmoid_focal_loss_matches_the_torchvision_formula(seed, reduction, alpha, gamma):
    rng, logits, _ = _random_case(seed)
    logits.flat[::6] = EXTREME
    logits.flat[1::6] = -EXTREME
    targets = rng.integers(0, 2, size=logits.shape).astype(np.float32)
    expected = _torchvision_sigmoid_focal_loss(logits, targets, alpha, gamma, reduction)
    context = f"seed={seed} shape={logits.shape} alpha={alpha} gamma={gamma} {reduction}"
    in_float64 = mirror.sigmoid_focal_loss(logits.astype(np.float64), targets.astype(np.float64), alpha, gamma,
                                           reduction)
    assert_matches(in_float64, expected, context + " (float64)", rtol=1e-10, atol=1e-12)
    in_float32 = mirror.sigmoid_focal_loss(logits, targets, alpha, gamma, reduction)
    assert_matches(in_float32, expected.astype(np.float32), context + " (float32)")


@pytest.mark.parametrize(("alpha", "gamma"), [(1.5, 2), (0.25, -0.5), (-1, 0)])
def test_sigmoid_focal_loss_computes_what_the_torchvision_formula_computes(alpha, gamma):
    """NaN and ±inf logits, targets outside [0, 1], α > 1, γ < 0: torchvision raises for none of them."""
    logits = np.array([np.nan, np.inf, -np.inf, np.inf, -np.inf, 0.5, -1.0])
    targets = np.array([1.0, 1.0, 1.0, 0.0, 0.0, 1.5, -0.5])
    expected = _torchvision_sigmoid_focal_loss(logits, targets, alpha, gamma, "none")
    assert_matches(mirror.sigmoid_focal_loss(logits, targets, alpha, gamma), expected, f"alpha={alpha} gamma={gamma}",
                   rtol=1e-10, atol=1e-12)
