"""The framework behaviour matrix (docs/*/frameworks.md) against the installed libraries, cell by cell.

``docs_src/frameworks/cells.json`` holds every cell the page shows; each test re-runs one row's probes
(docs_src/frameworks/probes.py) on torch, TensorFlow, Keras, optax and snippets and asserts the same cells. A
library that changes behaviour fails here until ``make matrix`` has rewritten cells.json and the diff has been
reviewed. The expected cells come from the libraries themselves, recorded when the matrix was last written.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.frameworks import require

os.environ["KERAS_BACKEND"] = "tensorflow"
for module in ("torch", "tensorflow", "keras", "jax", "optax"):
    require(module)

from docs_src.frameworks import probes  # noqa: E402  (after the framework checks above)

RECORDED = json.loads(probes.cells_file().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def frameworks():
    return probes.Frameworks()


def test_every_row_is_recorded_and_every_record_has_a_probe():
    assert list(RECORDED["cells"]) == list(probes.ROWS), "run `make matrix` to rewrite cells.json"
    assert RECORDED["versions"] == probes.versions(), "cells.json was written with other library versions"


@pytest.mark.parametrize("anchor", list(RECORDED["cells"]))
def test_row_matches_the_libraries(anchor, frameworks):
    row = probes.ROWS[anchor]
    recorded = RECORDED["cells"][anchor]
    found = {library: probes.run_cell(row, frameworks, library) for library in probes.columns(row.family)}
    assert list(found) == list(recorded), f"row {anchor}: columns {list(recorded)} recorded, {list(found)} probed"
    changed = {library: (recorded[library], cell) for library, cell in found.items() if cell != recorded[library]}
    assert not changed, f"row {anchor}: recorded -> probed now {changed}; review and run `make matrix`"
