"""Conformance tests: the numpy mirrors in :mod:`snippets.mirrors` against the real PyTorch, TensorFlow and Keras.

Every expected value here comes from the framework itself (imported through :func:`tests.frameworks.require`),
or, where the framework is not installable beside the pinned torch (torchvision), from the published formula
evaluated independently in float64.
"""

from __future__ import annotations

import numpy as np

def assert_matches(ours, theirs, context: str, *, rtol: float = 1e-5, atol: float = 1e-6) -> None:
    """Assert that a mirror's result equals the framework's in value, shape and dtype; ``context`` names the input."""
    ours = np.asarray(ours)
    theirs = np.asarray(theirs)
    assert ours.shape == theirs.shape, f"shape {ours.shape} != framework's {theirs.shape} for {context}"
    assert ours.dtype == theirs.dtype, f"dtype {ours.dtype} != framework's {theirs.dtype} for {context}"
    np.testing.assert_allclose(ours, theirs, rtol=rtol, atol=atol, equal_nan=True, err_msg=context)
