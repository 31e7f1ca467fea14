r"""numpy mirrors of the loss APIs of PyTorch, Keras 3 and TensorFlow, beside the core of `snippets`.

- [`snippets.mirrors.torch`][snippets.mirrors.torch]: `torch.nn.functional` (torch 2.13.0) and
  `torchvision.ops.sigmoid_focal_loss`.
- [`snippets.mirrors.keras`][snippets.mirrors.keras]: `keras.losses` (Keras 3.15, TensorFlow backend), functions
  and classes.
- [`snippets.mirrors.tf`][snippets.mirrors.tf]: the cross-entropies of `tf.nn` (TensorFlow 2.21), TF 2 names.

A mirror has the framework's name, parameter names, parameter order and defaults, takes and returns numpy
arrays, and gives the framework's shapes, dtypes and values; no framework is imported. The conformance tests in
``tests/conformance/`` compare every mirror with the real framework.

A mirror computes the loss with the framework's own formula (the framework's argument order, class axis,
reductions, clamps, clips, renormalisation, epsilons, shapes), numpy operation for numpy operation, so that it
also gives the framework's nan and ±inf. The core ([`snippets.binary`][snippets.binary],
[`snippets.categorical`][snippets.categorical], [`snippets.focal`][snippets.focal], ...) computes the same
losses on valid input and refuses the rest by design.

A mirror raises where the framework raises, and only there: ``ValueError`` (``IndexError`` where the framework
raises an IndexError or, for a class index out of range, TensorFlow's ``InvalidArgumentError``), with the
framework's words in the message. Where the framework computes a number, nan or ±inf, the mirror computes the
same; refusing such input is the core's job. Each module lists its errors.
"""

from __future__ import annotations

import numpy as np


def framework_log_softmax(x: np.ndarray, axis: int) -> np.ndarray:
    r"""Log-softmax as PyTorch, TensorFlow and Keras compute it, NaN and ±inf included.

    $$\log \operatorname{softmax}(x)_i = (x_i - m) - \log \sum_j e^{x_j - m}, \qquad m = \max_j x_j$$

    NaN anywhere in a row, +inf in a row, or a row of only −inf give a row of NaN, as in the frameworks; a
    −inf entry among finite ones gives −inf. The core's
    [`log_softmax`][snippets.activations.log_softmax] refuses NaN instead.

    Args:
        x: a floating array with at least one entry along `axis`.
        axis: the class axis.

    Returns:
        Log-probabilities, the shape and dtype of `x`.

    Examples:
        >>> framework_log_softmax(np.array([[0.0, 0.0], [np.inf, 0.0], [-np.inf, 0.0]]), axis=1).round(6)
        array([[-0.693147, -0.693147],
               [      nan,       nan],
               [     -inf,  0.      ]])
    """
    with np.errstate(invalid="ignore", divide="ignore"):
        shifted = x - x.max(axis=axis, keepdims=True)
        return shifted - np.log(np.exp(shifted).sum(axis=axis, keepdims=True))

