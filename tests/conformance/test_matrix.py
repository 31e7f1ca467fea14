"""The framework behaviour matrix (docs/*/frameworks.md) against the installed libraries, cell by cell.

``docs_src/frameworks/cells.json`` holds every cell the page shows; each test re-runs one row's probes
(docs_src/frameworks/probes.py) on torch, TensorFlow, Keras, optax and snippets and asserts the same cells. A
library that changes behaviour fails here until ``make matrix`` has rewritten cells.json and the diff has been
reviewed. The expected cells come from the libraries themselves, recorded when the matrix was last written.
The page's side needs no framework: its surprises link to rows where the libraries disagree, and
hooks/frameworks.py renders every recorded row of both languages.
"""

from __future__ import annotations

import json
import os
import re

import pytest

from docs_src.frameworks import probes  # imports the libraries only when Frameworks() is called
from hooks import frameworks as hook
from tests.frameworks import require

RECORDED = json.loads(probes.cells_file().read_text(encoding="utf-8"))
PAGES = {language: probes.cells_file().parents[2] / "docs" / language / "frameworks.md" for language in ("zh", "en")}


@pytest.fixture(scope="module")
def frameworks():
    """The libraries (skipped without them, an error under CI=true), Keras on the TensorFlow backend."""
    os.environ["KERAS_BACKEND"] = "tensorflow"
    for module in ("torch", "tensorflow", "keras", "jax", "optax"):
        require(module)
    return probes.Frameworks()


def test_every_row_is_recorded_and_every_record_has_a_probe(frameworks):
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


def surprises(language: str) -> list[str]:
    """The row anchors the page's "surprises" list links to (links to sections are left out; the build checks them)."""
    page = PAGES[language].read_text(encoding="utf-8")
    section = page.split("{ #surprises }", 1)[1].split("\n## ", 1)[0]
    return [anchor for anchor in re.findall(r"\]\(#([a-z0-9-]+)\)", section) if anchor in RECORDED["cells"]]


@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_surprise_links_to_a_row_where_the_libraries_disagree(language):
    linked = surprises(language)
    assert linked, "the surprises list links to rows"
    unanimous = []
    for anchor in linked:
        cells = RECORDED["cells"][anchor]
        present = {cell for cell in cells.values() if cell not in ("[[absent]]", "[[no-param]]")}
        if len(present) < 2:
            unanimous.append(anchor)
    assert not unanimous, f"{language}: surprises linking to rows where the libraries agree: {unanimous}"


@pytest.mark.parametrize("language", ["zh", "en"])
def test_hook_renders_every_recorded_row_with_its_anchor_and_translated_words(language):
    page = PAGES[language].read_text(encoding="utf-8")
    rendered = hook.on_page_markdown(page, None, {"theme": {"language": language}}, None)
    missing = [anchor for anchor in RECORDED["cells"] if f"{{ #{anchor} }} |" not in rendered]
    assert not missing, f"{language}: rows without a table line: {missing}"
    assert "<!-- matrix" not in rendered and "[[" not in rendered, "every block rendered, every word translated"


def test_hook_refuses_a_page_that_leaves_out_a_recorded_row():
    first, *others = RECORDED["families"]["kl"]["rows"]
    block = "<!-- matrix: kl\n" + "\n".join(f"{anchor}: label" for anchor in others) + "\n-->"
    with pytest.raises(ValueError, match=first):
        hook.on_page_markdown(block, None, {"theme": {"language": "en"}}, None)
