r"""Label smoothing: mix the targets with the uniform distribution so the model is never asked for certainty.

Szegedy et al. (2016, "Rethinking the Inception Architecture for Computer Vision", §7) replace a one-hot target
$y$ over $K$ classes by $\tilde{y} = (1 - \alpha)\, y + \alpha / K$. The model can then never drive the loss to 0
by pushing one logit to $+\infty$; the best it can do is predict the smoothed distribution itself.

There are two forms, and they differ only in what K is:

- [`smooth_labels`][snippets.smoothing.smooth_labels] smooths a distribution over the $K$ classes along `axis`
  (softmax losses): $\tilde{y} = (1 - \alpha)\, y + \alpha / K$. This is PyTorch's
  `cross_entropy(label_smoothing=α)`, optax's `smooth_labels` and Keras's
  `CategoricalCrossentropy(label_smoothing=α)`.
- [`smooth_binary_labels`][snippets.smoothing.smooth_binary_labels] smooths each entry on its own (sigmoid
  losses): $\tilde{y} = (1 - \alpha)\, y + \alpha / 2$. Every entry is the probability of class 1 in its own
  two-class problem $\{0, 1\}$, so $K = 2$ whatever the width of the label array. This is Keras 3's
  `BinaryCrossentropy(label_smoothing=α)` (keras 3.15, `keras/src/losses/losses.py`:
  `y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing`).

Applying the categorical form to a multi-label array of width $K$ would use $\alpha / K$ and smooth the entries
as if they were one distribution; that is wrong for sigmoid losses, whose $K$ entries are $K$ independent binary
problems. A variant found in some code puts $1 - \alpha$ on the label and $\alpha / (K - 1)$ on each other class;
it is a different distribution from the one PyTorch, optax (`optax.smooth_labels`) and Keras compute.
"""

from __future__ import annotations

from snippets._checks import as_float_array, check_axis, check_distribution, check_number, check_probabilities


def smooth_labels(targets, alpha, *, axis: int = -1):
    r"""Mix a categorical target distribution with the uniform distribution over its K classes.

    $$\tilde{y} = (1 - \alpha)\, y + \frac{\alpha}{K}, \qquad K = \texttt{targets.shape[axis]}$$

    The result still sums to 1; a one-hot target becomes $1 - \alpha + \alpha / K$ on its class and $\alpha / K$
    elsewhere.

    Args:
        targets: one-hot or soft targets, summing to 1 along `axis`.
        alpha: smoothing weight in $[0, 1]$; 0 leaves the targets unchanged, 1 gives the uniform distribution.
        axis: the class axis.

    Returns:
        Smoothed targets, same shape and floating dtype as `targets`.

    References:
        Szegedy et al. 2016, §7; `torch.nn.functional.cross_entropy(label_smoothing=α)` (torch 2.13).

    Examples:
        >>> smooth_labels([0.0, 1.0, 0.0, 0.0], 0.2)
        array([0.05, 0.85, 0.05, 0.05])
    """
    alpha = check_number(alpha, "alpha", 0, 1)
    targets = as_float_array(targets, "targets")
    if targets.ndim == 0:
        raise ValueError("targets must have at least one dimension (the classes), got a scalar")
    axis = check_axis(targets, axis, "targets")
    check_distribution(targets, "targets", axis=axis)
    return (1 - alpha) * targets + alpha / targets.shape[axis]


def smooth_binary_labels(labels, alpha):
    r"""Pull each binary label towards 1/2, the uniform distribution over {0, 1}.

    $$\tilde{y} = (1 - \alpha)\, y + \frac{\alpha}{2}$$

    This is [`smooth_labels`][snippets.smoothing.smooth_labels] with $K = 2$ applied to the pair $(1 - y, y)$,
    entry by entry: a label 1 becomes $1 - \alpha / 2$ and a label 0 becomes $\alpha / 2$.

    Args:
        labels: probabilities of class 1 in $[0, 1]$, any shape.
        alpha: smoothing weight in $[0, 1]$.

    Returns:
        Smoothed labels, same shape and floating dtype as `labels`.

    References:
        `keras.losses.BinaryCrossentropy(label_smoothing=α)` (Keras 3.15).

    Examples:
        >>> smooth_binary_labels([0.0, 1.0], 0.2)
        array([0.1, 0.9])
    """
    alpha = check_number(alpha, "alpha", 0, 1)
    labels = as_float_array(labels, "labels")
    check_probabilities(labels, "labels")
    return (1 - alpha) * labels + alpha / 2
