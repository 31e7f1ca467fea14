"""Access to the real frameworks for conformance tests.

Conformance tests import the real PyTorch, TensorFlow or Keras through :func:`require`. On a
contributor's machine without the framework they are skipped with the reason; under ``CI=true`` a missing
framework is an error, so CI can never count a skipped conformance test as passing.
"""

from __future__ import annotations

import importlib
import os

import pytest


def require(module_name: str):
    """Import ``module_name`` or skip the calling test module (fail instead when the CI variable is "true")."""
    try:
        return importlib.import_module(module_name)
    except ImportError as error:
        if os.environ.get("CI") == "true":
            raise RuntimeError(f"CI=true but {module_name} is not installed: {error}") from error
        pytest.skip(f"{module_name} is not installed ({error}); `make test` installs it", allow_module_level=True)
