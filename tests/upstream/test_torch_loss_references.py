"""PyTorch's own loss reference functions and test inputs, ported to :mod:`snippets.mirrors.torch`.

Source: the torch 2.13.0 wheel pinned in requirements-frameworks.txt (``torch.version.git_version``
cf30153c4c131c8164ee7798e5022d810682e2cb, the v2.13.0 release), files
``torch/testing/_internal/common_nn.py`` (the reference functions ``kldivloss_reference``, ``nllloss_reference``,
``nlllossNd_reference``, ``cross_entropy_loss_prob_target_reference``,
``cross_entropy_loss_indices_target_reference``, ``cross_entropy_loss_reference``, copied verbatim below, and the
criterion tests ``kldivloss_*_test``, ``nllloss*_no_reduce*_test`` and ``NLLLoss_no_batch_dim_*``) and
``torch/testing/_internal/common_modules.py`` (the inputs of ``module_inputs_torch_nn_CrossEntropyLoss``,
``module_inputs_torch_nn_NLLLoss`` and ``module_inputs_torch_nn_KLDivLoss``). Copyright the PyTorch
contributors, BSD 3-Clause licence (see NOTICE). The modules cannot be imported without PyTorch's test
dependencies (expecttest), hence the copies.

Every expected value is the reference function evaluated by torch on the same float64 tensors, which upstream
draws with ``torch.testing.make_tensor`` (floats from [-9, 9), so class weights can be negative) or
``torch.rand``; here each case draws them after ``torch.manual_seed`` of its index. The tolerance is that of
PyTorch's ``assertEqual`` for float64 (rtol = atol = 1e-7). Unbatched cases follow upstream's
``no_batch_dim_reference_fn``: the reference gets the input as a batch of one.

No expected failures: the mirror computes what torch computes, so upstream's inputs are ported as drawn, also
where they are not what the loss is meant for: the ``nllloss*_no_reduce`` inputs ``torch.rand(...).log()`` are
not log-probabilities (torch and the mirror evaluate −input[y] anyway), and ``module_inputs_torch_nn_KLDivLoss``
takes the log of draws from [-9, 9), NaN wherever the draw is negative (NaN in the same places in both).
"""

from __future__ import annotations

from functools import partial
from itertools import product

import numpy as np
import pytest

from tests.frameworks import require

torch = require("torch")
F = torch.nn.functional
make_tensor = torch.testing.make_tensor

from snippets.mirrors import torch as mirror  # noqa: E402  (after the framework check above)

UPSTREAM = "torch/testing/_internal/common_nn.py, common_modules.py @ v2.13.0 (cf30153c4c131c8164ee7798e5022d810682e2cb)"
DOUBLE = torch.float64


def assert_equal(ours, theirs):
    """PyTorch's TestCase.assertEqual for float64 tensors: rtol = atol = 1e-7, NaN equal to NaN."""
    theirs = theirs.detach().numpy() if isinstance(theirs, torch.Tensor) else np.asarray(theirs)
    np.testing.assert_allclose(np.asarray(ours, np.float64), np.asarray(theirs, np.float64), rtol=1e-7, atol=1e-7,
                               equal_nan=True)


# --- reference functions, verbatim from torch/testing/_internal/common_nn.py (torch 2.13.0) ------------------------
# fmt: off

def kldivloss_reference(input, target, reduction='mean', log_target=False):
    if log_target:
        result = torch.exp(target) * (target - input)
    else:
        result = target * (target.log() - input)
    if reduction == 'mean':
        return result.mean()
    elif reduction == 'sum':
        return result.sum()
    elif reduction == 'batchmean' and result.dim() != 0:
        return result.sum() / result.size(0)
    return result


def nlllossNd_reference(input, target, weight=None, ignore_index=-100,
                        reduction='mean'):
    if input.dim() < 3:
        raise AssertionError(f"Expected input.dim() >= 3, got {input.dim()}")
    N = input.size(0)
    C = input.size(1)
    out_size = (N,) + input.size()[2:]
    output = torch.zeros(out_size).type_as(input)

    if weight is None:
        weight = torch.ones(C).type_as(input)
    total_weight = 0
    for tup in product(*[range(size) for size in out_size]):
        t_nx = target[tup]
        norm = 0. if ignore_index == t_nx else weight[t_nx].item()
        input_index = list(tup)
        input_index.insert(1, t_nx)
        output[tup] = -input[tuple(input_index)] * norm
        total_weight += norm

    if reduction == 'mean':
        return output.sum() / total_weight
    elif reduction == 'sum':
        return output.sum()
    return output


def cross_entropy_loss_prob_target_reference(input, target, weight=None, reduction='mean',
                                             label_smoothing=0.0):
    if input.dim() < 2:
        raise AssertionError(f"Expected input.dim() >= 2, got {input.dim()}")

    input = torch.log_softmax(input, 1)
    C = input.size(1)
    if weight is None:
        weight = torch.ones(C).type_as(input)
    weight = weight.view(1, C, *(1 for _ in input.shape[2:]))

    if label_smoothing > 0.0:
        if label_smoothing > 1.0:
            raise AssertionError(f"Expected label_smoothing <= 1.0, got {label_smoothing}")
        target = (target * (1 - label_smoothing) + label_smoothing / C)

    output = -(input * target * weight).sum(dim=1)
    if reduction == 'mean':
        return output.mean()
    elif reduction == 'sum':
        return output.sum()
    return output


def cross_entropy_loss_indices_target_reference(input, target, weight=None, ignore_index=-100,
                                                reduction='mean', label_smoothing=0.0):
    log_softmax_input = torch.log_softmax(input, 1)
    nllloss = F.nll_loss(
        log_softmax_input,
        target,
        weight,
        ignore_index=ignore_index,
        reduction=reduction)

    if label_smoothing == 0.0:
        return nllloss

    if not (0.0 < label_smoothing <= 1.0):
        raise AssertionError(f"Expected 0.0 < label_smoothing <= 1.0, got {label_smoothing}")

    input = torch.log_softmax(input, 1)
    C = input.size(1)
    if weight is not None:
        input = input * weight.view(1, C, *(1 for _ in input.shape[2:]))

    smooth_loss = -torch.sum(input, 1)

    ignore_mask = target == ignore_index
    smooth_loss.masked_fill_(ignore_mask, 0.0)

    if reduction == 'mean':
        if weight is not None:
            # TODO: This code can path can be removed if #61309 is resolved
            # loss is normalized by the weights to be consistent with nll_loss_nd
            ret = torch.sum(smooth_loss) / weight.gather(0, target.masked_select(ignore_mask.logical_not()).flatten()).sum()
        else:
            ret = torch.mean(smooth_loss.masked_select(ignore_mask.logical_not()))
    elif reduction == 'sum':
        ret = torch.sum(smooth_loss)
    else:
        ret = smooth_loss

    return (1 - label_smoothing) * nllloss + ret * (label_smoothing / C)


def cross_entropy_loss_reference(input, target, weight=None, ignore_index=-100, reduction='mean',
                                 label_smoothing=0.0):
    if input.shape == target.shape:
        return cross_entropy_loss_prob_target_reference(
            input,
            target,
            weight=weight,
            reduction=reduction,
            label_smoothing=label_smoothing)
    else:
        return cross_entropy_loss_indices_target_reference(
            input, target, weight=weight, reduction=reduction,
            ignore_index=ignore_index, label_smoothing=label_smoothing
        )


def nllloss_reference(input, target, weight=None, ignore_index=-100,
                      reduction='mean'):

    def nll_loss_helper(input, target, weight, ignore_index):
        if target == ignore_index:
            return (0, 0)
        norm = 1 if weight is None else weight[target]
        result = -input[target] * norm
        return (result, norm)

    losses_and_weights = [nll_loss_helper(i, t, weight, ignore_index)
                          for i, t in zip(input, target, strict=True)]
    losses, weights = zip(*losses_and_weights, strict=True)
    losses_tensor = input.new_tensor(losses)
    if reduction == 'mean':
        return sum(losses_tensor) / sum(weights)
    elif reduction == 'sum':
        return sum(losses_tensor)
    else:
        return losses_tensor

# fmt: on


def _np(tensor):
    return None if tensor is None else tensor.detach().numpy()


def _numpy_kwargs(kwargs):
    return {key: _np(value) if isinstance(value, torch.Tensor) else value for key, value in kwargs.items()}


def _no_batch_dim_reference(reference, input, target, **kwargs):
    """common_modules.no_batch_dim_reference_fn for a criterion: a batch of one, squeezed back for "none"."""
    output = reference(input.unsqueeze(0), target.unsqueeze(0), **kwargs)
    return output.squeeze(0) if kwargs.get("reduction", "mean") == "none" else output


# --- common_modules.py: module_inputs_torch_nn_CrossEntropyLoss ---------------------------------------------------

CE_CASES = [("", {}), ("weights", {"weight": "make_weight((3,))"}), ("ignore_index", {"ignore_index": 1}),
            ("label_smoothing", {"label_smoothing": 0.15}),
            ("ignore_index_label_smoothing", {"ignore_index": 1, "label_smoothing": 0.15})]
CE_INDEX_SHAPES = {"4d": (2, 3, 5, 5), "3d": (2, 3, 5), "2d": (2, 3), "higher_dim": (2, 3, 5, 5, 2, 2)}
CE_PROB_SHAPES = {"4d_prob_target": (5, 3, 4, 2), "3d_prob_target": (5, 3, 4), "2d_prob_target": (5, 3),
                  "higher_dim_prob_target": (2, 3, 5, 5, 2, 2)}


def _cross_entropy_inputs():
    """(desc, input shape, target kind, constructor kwargs) in upstream's order."""
    for reduction, (desc, kwargs) in product(["mean", "sum", "none"], CE_CASES):
        for name, shape in CE_INDEX_SHAPES.items():
            yield f"{name}_{desc}_{reduction}", shape, "indices", {"reduction": reduction, **kwargs}
        if kwargs.get("ignore_index") is None:
            for name, shape in CE_PROB_SHAPES.items():
                yield f"{name}_{desc}_{reduction}", shape, "probabilities", {"reduction": reduction, **kwargs}
            yield f"no_batch_dim_{desc}_{reduction}", (3,), "no batch", {"reduction": reduction, **kwargs}


CE_INPUTS = list(_cross_entropy_inputs())


@pytest.mark.parametrize("index", range(len(CE_INPUTS)), ids=[case[0] for case in CE_INPUTS])
def test_module_inputs_torch_nn_CrossEntropyLoss(index):
    desc, shape, target_kind, kwargs = CE_INPUTS[index]
    torch.manual_seed(index)
    make_input = partial(make_tensor, device="cpu", dtype=DOUBLE)
    make_target = partial(make_tensor, device="cpu", dtype=torch.long)
    kwargs = dict(kwargs)
    if "weight" in kwargs:
        kwargs["weight"] = make_input((3,))  # make_weight((3,)): floats from [-9, 9), negative ones included
    input = make_input(shape)
    if target_kind == "probabilities":
        target = make_input(shape).softmax(dim=1)
    else:
        target = make_target(shape[:1] + shape[2:] if len(shape) > 1 else (), low=0, high=3)
    if target_kind == "no batch":
        expected = _no_batch_dim_reference(cross_entropy_loss_reference, input, target, **kwargs)
    else:
        expected = cross_entropy_loss_reference(input, target, **kwargs)
    ours = mirror.cross_entropy(_np(input), _np(target), **_numpy_kwargs(kwargs))
    assert_equal(ours, expected)


# --- common_modules.py: module_inputs_torch_nn_NLLLoss ------------------------------------------------------------

NLL_CASES = [("", {}), ("reduction_sum", {"reduction": "sum"}), ("reduction_none", {"reduction": "none"}),
             ("ignore_index", {"ignore_index": 2}), ("weights", {"weight": "abs"}),
             ("weights_ignore_index", {"weight": "abs", "ignore_index": 2}),
             ("weights_ignore_index_neg", {"weight": "abs", "ignore_index": -1})]
NLL_SHAPES = {"": (15, 4), "nd_": (2, 4, 5, 5), "higher_dim_": (2, 4, 5, 5, 2, 2), "3d_": (2, 4, 5)}
NLL_INPUTS = [(f"{prefix}{desc}", shape, kwargs) for desc, kwargs in NLL_CASES for prefix, shape in NLL_SHAPES.items()]


@pytest.mark.parametrize("index", range(len(NLL_INPUTS)), ids=[case[0] or "default" for case in NLL_INPUTS])
def test_module_inputs_torch_nn_NLLLoss(index):
    _, shape, kwargs = NLL_INPUTS[index]
    torch.manual_seed(index)
    kwargs = dict(kwargs)
    if "weight" in kwargs:
        kwargs["weight"] = make_tensor(4, device="cpu", dtype=DOUBLE).abs()
    input = make_tensor(shape, device="cpu", dtype=DOUBLE).log_softmax(dim=1)
    target = torch.empty(shape[:1] + shape[2:]).uniform_().mul(4).floor().long()
    reference = nllloss_reference if len(shape) == 2 else nlllossNd_reference
    assert_equal(mirror.nll_loss(_np(input), _np(target), **_numpy_kwargs(kwargs)), reference(input, target, **kwargs))


# --- common_modules.py: module_inputs_torch_nn_KLDivLoss ----------------------------------------------------------

KL_CASES = [("", {}), ("reduction_sum", {"reduction": "sum"}), ("reduction_batchmean", {"reduction": "batchmean"}),
            ("reduction_none", {"reduction": "none"}), ("log_target", {"log_target": True})]


def _kl_div(input, target, kwargs):
    return mirror.kl_div(_np(input), _np(target), **kwargs)


@pytest.mark.parametrize("index", range(len(KL_CASES)), ids=[desc or "default" for desc, _ in KL_CASES])
def test_module_inputs_torch_nn_KLDivLoss(index):
    _, kwargs = KL_CASES[index]
    torch.manual_seed(index)
    input = make_tensor((10, 10), device="cpu", dtype=DOUBLE).log()
    target = make_tensor((10, 10), device="cpu", dtype=DOUBLE).log()
    assert_equal(_kl_div(input, target, kwargs), kldivloss_reference(input, target, **kwargs))


@pytest.mark.parametrize("index", range(len(KL_CASES)), ids=[f"scalar_{desc}" for desc, _ in KL_CASES])
def test_module_inputs_torch_nn_KLDivLoss_scalar(index):
    """Upstream's scalar case: log x as both input and target, x drawn from [-9, 9) (NaN for x < 0)."""
    _, kwargs = KL_CASES[index]
    torch.manual_seed(index)
    scalar_input = make_tensor((), device="cpu", dtype=DOUBLE).log()
    assert_equal(_kl_div(scalar_input, scalar_input, kwargs), kldivloss_reference(scalar_input, scalar_input, **kwargs))


# --- common_nn.py: kldivloss_*_test -------------------------------------------------------------------------------

KL_CRITERION_TESTS = {  # fullname: (target, input shape, log_target)
    "KLDivLoss_with_target_no_reduce": ((10, 10), False),
    "KLDivLoss_no_reduce": ((10, 10), False),
    "KLDivLoss_no_reduce_scalar": ((), False),
    "KLDivLoss_with_log_target_no_reduce": ((10, 10), True),
    "KLDivLoss_no_reduce_log_target": ((10, 10), True),
    "KLDivLoss_no_reduce_scalar_log_target": ((), True),
}


@pytest.mark.parametrize("fullname", KL_CRITERION_TESTS)
def test_common_nn_kldivloss_no_reduce(fullname):
    shape, log_target = KL_CRITERION_TESTS[fullname]
    torch.manual_seed(len(fullname))
    t = torch.rand(shape, dtype=torch.double)
    t = t.log() if log_target else t
    i = torch.rand(shape, dtype=torch.double).log()
    name = "KLDivLoss_log_target" if log_target else "KLDivLoss"
    reference = {"KLDivLoss": kldivloss_reference,
                 "KLDivLoss_log_target": partial(kldivloss_reference, log_target=True)}[name]
    ours = mirror.kl_div(_np(i), _np(t), reduction="none", log_target=log_target)
    assert_equal(ours, reference(i, t.type_as(i), reduction="none"))


# --- common_nn.py: nllloss*_no_reduce*_test -----------------------------------------------------------------------

NLL_CRITERION_TESTS = {  # fullname: (input shape, number of classes in the targets, kwargs; "rand" = torch.rand(C))
    "NLLLoss_no_reduce": ((15, 10), 10, {}),
    "NLLLoss_no_reduce_ignore_index": ((15, 10), 10, {"ignore_index": 2}),
    "NLLLoss_no_reduce_weights": ((15, 10), 10, {"weight": "rand"}),
    "NLLLoss_no_reduce_weights_ignore_index": ((15, 10), 10, {"weight": "rand", "ignore_index": 2}),
    "NLLLoss_no_reduce_weights_ignore_index_neg": ((15, 10), 10, {"weight": "rand", "ignore_index": -1}),
    "NLLLoss2d_no_reduce": ((2, 3, 5, 5), 3, {}),
    "NLLLoss2d_no_reduce_ignore_index": ((2, 3, 5, 5), 3, {"ignore_index": 1}),
    "NLLLoss2d_no_reduce_weights": ((2, 3, 5, 5), 3, {"weight": "rand"}),
    "NLLLossNd_no_reduce": ((2, 3, 5, 5, 2, 2), 3, {}),
    "NLLLossNd_no_reduce_ignore_index": ((2, 3, 5, 5, 2, 2), 3, {"ignore_index": 1}),
    "NLLLossNd_no_reduce_weights": ((2, 3, 5, 5, 2, 2), 3, {"weight": "rand"}),
}


def _nll_criterion_case(fullname):
    shape, classes, kwargs = NLL_CRITERION_TESTS[fullname]
    torch.manual_seed(len(fullname))
    target_shape = shape[:1] + shape[2:]
    if len(shape) == 2:
        t = torch.empty(target_shape[0]).uniform_().mul(classes).floor().long()
    else:
        t = torch.rand(target_shape).mul(classes).floor().long()
    kwargs = {"reduction": "none", **kwargs}
    if kwargs.get("weight") == "rand":
        kwargs["weight"] = torch.rand(classes, dtype=torch.double)
    offset = 1e-2 if "weight" in kwargs and len(shape) == 2 else 0.0  # torch.rand(15, 10).add(1e-2).log()
    i = torch.rand(shape, dtype=torch.double).add(offset).log()
    reference = nllloss_reference if len(shape) == 2 else nlllossNd_reference
    return i, t, kwargs, reference


@pytest.mark.parametrize("fullname", NLL_CRITERION_TESTS)
def test_common_nn_nllloss_no_reduce(fullname):
    """torch.rand(...).log() as upstream draws it: not log-probabilities, and −input[y] all the same."""
    i, t, kwargs, reference = _nll_criterion_case(fullname)
    assert_equal(mirror.nll_loss(_np(i), _np(t), **_numpy_kwargs(kwargs)), reference(i, t, **kwargs))


def test_the_upstream_cross_entropy_weights_include_negative_ones():
    """The "weights" cases above exercise negative class weights, as PyTorch's own tests do."""
    drawn = []
    for index, (desc, *_) in enumerate(CE_INPUTS):
        if "weights" in desc:
            torch.manual_seed(index)
            drawn.append(make_tensor((3,), device="cpu", dtype=DOUBLE))
    assert min(float(w.min()) for w in drawn) < 0


# --- common_nn.py: classification_criterion_no_batch, NLLLoss ------------------------------------------------------


@pytest.mark.parametrize("reduction", ["none", "mean", "sum"])
def test_common_nn_NLLLoss_no_batch_dim(reduction):
    """NLLLoss_no_batch_dim_{reduction}: log_softmax of randn(3) and target 1; the reference gets a batch of one."""
    torch.manual_seed(3)
    input = F.log_softmax(torch.randn(3, dtype=torch.double), dim=0)
    target = torch.tensor(1)
    expected = _no_batch_dim_reference(nllloss_reference, input, target, reduction=reduction)
    assert_equal(mirror.nll_loss(_np(input), _np(target), reduction=reduction), expected)
