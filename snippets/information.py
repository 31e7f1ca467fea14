r"""Information theory of discrete distributions: self-information, entropy, cross-entropy, KL divergence.

Every function takes a ``base`` for the logarithm: ``None`` (the default) means e and gives nats, ``2`` gives
bits (shannons), ``10`` gives hartleys (also called bans). A number without its base is not an answer: the same
entropy is 0.693 nats, 1 bit or 0.301 hartleys.

Distributions are arrays of probabilities along `axis` that sum to 1. Terms with $p = 0$ contribute 0, by the
convention $0 \log 0 = 0$ (the limit of $p \log p$ as $p \to 0$). A term with $p > 0$ and $q = 0$ makes
cross-entropy and KL divergence infinite, as they are mathematically.
"""

from __future__ import annotations

import numpy as np

from snippets._checks import as_float_array, check_axis, check_base, check_distribution, check_probabilities
from snippets._checks import check_same_shape


def _log(x, base):
    """log_base(x) for x ≥ 0 (−inf at 0, without a warning); natural log when ``base`` is None."""
    with np.errstate(divide="ignore"):
        natural = np.log(x)
    return natural if base is None else natural / np.log(base)


def _xlogy(x, y, base):
    """x · log_base(y), with 0 wherever x = 0 (so 0 · log 0 = 0)."""
    with np.errstate(invalid="ignore"):
        return np.where(x == 0, 0.0, x * _log(y, base)).astype(np.result_type(x, y))


def _probabilities(p) -> np.ndarray:
    p = as_float_array(p, "p")
    check_probabilities(p, "p")
    return p


def _distribution(p, name: str, axis: int) -> tuple[np.ndarray, int]:
    p = as_float_array(p, name)
    if p.ndim == 0:
        raise ValueError(f"{name} must have at least one dimension (the outcomes), got a scalar")
    axis = check_axis(p, axis, name)
    check_distribution(p, name, axis=axis)
    return p, axis


def self_information(p, *, base=None):
    r"""Self-information (surprisal) of an outcome of probability `p`, element-wise.

    $$I(x) = -\log_b p(x)$$

    A certain outcome ($p = 1$) carries 0; an impossible one ($p = 0$) carries $+\infty$.

    Args:
        p: probabilities in $[0, 1]$, any shape.
        base: logarithm base; None for $e$ (nats), 2 for bits, 10 for hartleys.

    Returns:
        $I \ge 0$, same shape and floating dtype as `p`.

    Examples:
        >>> float(self_information(0.5, base=2))
        1.0
    """
    check_base(base)
    p = _probabilities(p)
    return -_log(p, base) + 0.0  # + 0.0 turns −0.0 (for p = 1) into 0.0


def entropy(p, *, axis: int = -1, base=None):
    r"""Shannon entropy of the distribution `p` along `axis`: the expected self-information.

    $$H(p) = -\sum_x p(x) \log_b p(x), \qquad \text{with } 0 \log 0 = 0$$

    $0 \le H(p) \le \log_b K$ for $K$ outcomes; 0 exactly when one outcome is certain, $\log_b K$ for the uniform
    distribution.

    Args:
        p: probabilities that sum to 1 along `axis`.
        axis: the axis of outcomes.
        base: logarithm base; None for $e$ (nats), 2 for bits, 10 for hartleys.

    Returns:
        $H(p)$, `p`'s shape without `axis`.

    Examples:
        >>> float(entropy([0.5, 0.5], base=2))
        1.0
    """
    check_base(base)
    p, axis = _distribution(p, "p", axis)
    return -_xlogy(p, p, base).sum(axis=axis) + 0.0


def binary_entropy(p, *, base=None):
    r"""Entropy of a Bernoulli variable that is 1 with probability `p`, element-wise.

    $$H_b(p) = -p \log_b p - (1 - p) \log_b (1 - p)$$

    Args:
        p: probabilities in $[0, 1]$, any shape.
        base: logarithm base; None for $e$ (nats), 2 for bits, 10 for hartleys.

    Returns:
        $H_b(p)$ in $[0, \log_b 2]$, same shape and floating dtype as `p`.

    Examples:
        >>> float(binary_entropy(0.5, base=2))
        1.0
    """
    check_base(base)
    p = _probabilities(p)
    return -(_xlogy(p, p, base) + _xlogy(1 - p, 1 - p, base)) + 0.0


def cross_entropy(p, q, *, axis: int = -1, base=None):
    r"""Cross-entropy of the distribution `q` relative to the true distribution `p` along `axis`.

    $$H(p, q) = -\sum_x p(x) \log_b q(x) = H(p) + D_{\mathrm{KL}}(p \,\Vert\, q), \qquad \text{with } 0 \log q = 0$$

    The expected code length when outcomes follow `p` but the code was built for `q`. It is not symmetric,
    and it is smallest, equal to $H(p)$, exactly when $q = p$.

    Args:
        p: true probabilities, summing to 1 along `axis`.
        q: model probabilities, same shape as `p`, summing to 1 along `axis`.
        axis: the axis of outcomes.
        base: logarithm base; None for $e$ (nats), 2 for bits, 10 for hartleys.

    Returns:
        $H(p, q) \ge H(p)$, `p`'s shape without `axis`; $+\infty$ where $q(x) = 0 < p(x)$.

    Examples:
        >>> round(float(cross_entropy([1.0, 0.0], [0.5, 0.5], base=2)), 6)
        1.0
    """
    check_base(base)
    p, axis = _distribution(p, "p", axis)
    q, _ = _distribution(q, "q", axis)
    check_same_shape(p, q, "p", "q")
    return -_xlogy(p, q, base).sum(axis=axis) + 0.0


def kl_divergence(p, q, *, axis: int = -1, base=None):
    r"""Kullback–Leibler divergence of `q` from `p` along `axis`.

    $$D_{\mathrm{KL}}(p \,\Vert\, q) = \sum_x p(x) \log_b \frac{p(x)}{q(x)} = H(p, q) - H(p),
    \qquad \text{with } 0 \log \frac{0}{q} = 0$$

    $D_{\mathrm{KL}}(p \,\Vert\, q) \ge 0$ with equality exactly when $p = q$ (Gibbs' inequality). It is not
    symmetric and does not satisfy the triangle inequality, so it is not a distance.

    Args:
        p: true probabilities, summing to 1 along `axis`.
        q: model probabilities, same shape as `p`, summing to 1 along `axis`.
        axis: the axis of outcomes.
        base: logarithm base; None for $e$ (nats), 2 for bits, 10 for hartleys.

    Returns:
        $D_{\mathrm{KL}}(p \,\Vert\, q) \ge 0$, `p`'s shape without `axis`; $+\infty$ where $q(x) = 0 < p(x)$.

    Examples:
        >>> float(kl_divergence([0.5, 0.5], [0.5, 0.5]))
        0.0
    """
    check_base(base)
    p, axis = _distribution(p, "p", axis)
    q, _ = _distribution(q, "q", axis)
    check_same_shape(p, q, "p", "q")
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = _xlogy(p, p, base) - _xlogy(p, q, base)
    # Rounding can leave a tiny negative total when q ≈ p; KL is ≥ 0 by Gibbs' inequality.
    return np.maximum(terms.sum(axis=axis), 0.0)
