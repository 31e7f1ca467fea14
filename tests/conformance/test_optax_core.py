"""The core's optax counterparts against the real optax 0.2.8 (jax 0.10.2, CPU, float64).

snippets.categorical follows optax for ``where`` masks, −inf logits (``safe_softmax_cross_entropy``),
``poly_loss_cross_entropy`` and integer labels over a tuple of class axes. Every expected value is optax's own
output on the same float64 arrays; the inputs are ones the core accepts (targets that are distributions over
the kept classes, labels on kept classes). optax's published tests are ported in tests/upstream/.
"""

from __future__ import annotations

import os

import numpy as np
import pytest

from tests.frameworks import require

os.environ.setdefault("JAX_PLATFORMS", "cpu")
jax = require("jax")
optax = require("optax")
jax.config.update("jax_enable_x64", True)

from snippets import categorical  # noqa: E402  (after the framework check above)

SEEDS = [0, 1, 2]


def _case(seed: int):
    """Logits (5, 4), soft targets, labels, a per-class mask keeping class 0 and an example mask.

    One shape for every seed: jax compiles each operation once per shape, and the seeds reuse it.
    """
    rng = np.random.default_rng(seed)
    n, k = 5, 4
    logits = 3 * rng.standard_normal((n, k))
    targets = rng.dirichlet(np.ones(k), size=n)
    labels = rng.integers(0, k, n)
    kept = rng.integers(0, 2, (n, k)).astype(bool)
    kept[:, 0] = True
    kept[0] = False  # one example keeps no class
    kept_targets = np.where(kept, targets, 0)
    totals = kept_targets.sum(axis=1, keepdims=True)
    kept_targets = np.where(totals > 0, kept_targets / np.where(totals > 0, totals, 1), 0)
    kept_labels = np.where(kept[np.arange(n), labels] | ~kept.any(axis=1), labels, 0)
    examples = rng.integers(0, 2, n).astype(bool)
    return rng, logits, targets, labels, kept, kept_targets, kept_labels, examples


def _assert_close(ours, theirs, context):
    np.testing.assert_allclose(ours, np.asarray(theirs), rtol=1e-12, atol=1e-13, err_msg=context)


@pytest.mark.parametrize("seed", SEEDS)
def test_where_masks_match_optax(seed):
    _, logits, targets, labels, kept, kept_targets, kept_labels, examples = _case(seed)
    losses = optax.losses
    _assert_close(categorical.softmax_cross_entropy(logits, kept_targets, where=kept),
                  losses.softmax_cross_entropy(logits, kept_targets, where=kept), "per class, soft targets")
    _assert_close(categorical.softmax_cross_entropy(logits, targets, where=examples),
                  losses.softmax_cross_entropy(logits, targets, where=examples), "per example, soft targets")
    _assert_close(categorical.softmax_cross_entropy_with_integer_labels(logits, kept_labels, where=kept),
                  losses.softmax_cross_entropy_with_integer_labels(logits, kept_labels, where=kept),
                  "per class, integer labels")
    _assert_close(categorical.softmax_cross_entropy_with_integer_labels(logits, labels, where=examples),
                  losses.softmax_cross_entropy_with_integer_labels(logits, labels, where=examples),
                  "per example, integer labels")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("epsilon", [-1.0, 2.0])
def test_poly_loss_matches_optax(seed, epsilon):
    _, logits, targets, _, kept, kept_targets, _, _ = _case(seed)
    _assert_close(categorical.poly_loss_cross_entropy(logits, targets, epsilon=epsilon),
                  optax.losses.poly_loss_cross_entropy(logits, targets, epsilon=epsilon), f"ε={epsilon}")
    _assert_close(categorical.poly_loss_cross_entropy(logits, kept_targets, epsilon=epsilon, where=kept),
                  optax.losses.poly_loss_cross_entropy(logits, kept_targets, epsilon=epsilon, where=kept),
                  f"ε={epsilon}, where")


@pytest.mark.parametrize("seed", SEEDS)
def test_safe_softmax_cross_entropy_matches_optax(seed):
    """−inf logits: without target mass they add nothing, with target mass the loss is +inf in both."""
    rng, logits, targets, _, _, _, _, _ = _case(seed)
    masked = rng.random(logits.shape) < 0.4
    masked[:, 0] = False
    logits = np.where(masked, -np.inf, logits)
    targets = np.where(masked, 0, targets)
    targets /= targets.sum(axis=1, keepdims=True)
    targets[-1] = np.full(logits.shape[1], 1 / logits.shape[1])  # mass on every class, masked ones included
    ours = categorical.safe_softmax_cross_entropy(logits, targets)
    theirs = np.asarray(optax.losses.safe_softmax_cross_entropy(logits, targets))
    _assert_close(ours, theirs, f"masked {masked.tolist()}")


@pytest.mark.parametrize("axis", [(1, 3), (3, 2), (-1, -2), (0, 1, 3)], ids=str)
def test_several_class_axes_match_optax(axis):
    rng = np.random.default_rng(len(axis))
    logits = rng.standard_normal((2, 3, 4, 5))
    class_axes = [a % logits.ndim for a in axis]
    batch_shape = tuple(d for i, d in enumerate(logits.shape) if i not in class_axes)
    labels = rng.integers(0, int(np.prod([logits.shape[a] for a in axis])), batch_shape)
    _assert_close(categorical.softmax_cross_entropy_with_integer_labels(logits, labels, axis=axis),
                  optax.losses.softmax_cross_entropy_with_integer_labels(logits, labels, axis=axis), str(axis))
