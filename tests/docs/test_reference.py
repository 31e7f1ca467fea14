"""The generated API reference (hooks/reference.py) covers every public function and class, each with its formula."""

from __future__ import annotations

import inspect

import pytest

from hooks.reference import MARKER, public_members, public_modules, reference_markdown
from tests.docs.pages import DOCS

MEMBERS = [(module, name, member) for module in public_modules() for name, member in public_members(module)]


def test_both_languages_have_the_generated_reference():
    for language in ("zh", "en"):
        assert MARKER in (DOCS / language / "reference.md").read_text("utf8")


def test_reference_lists_every_public_member():
    text = reference_markdown()
    missing = [f"{module.__name__}.{name}" for module, name, _ in MEMBERS if f"`{module.__name__}.{name}`" not in text]
    assert not missing


@pytest.mark.parametrize("module, name, member", MEMBERS, ids=[f"{m.__name__}.{n}" for m, n, _ in MEMBERS])
def test_docstring_states_a_formula_and_an_example(module, name, member):
    doc = inspect.getdoc(member) or ""
    description = doc.split("Args:")[0].splitlines()[1:]  # below the one-line summary, above the arguments
    assert any("=" in line or "≈" in line for line in description), f"{module.__name__}.{name}: no formula in the docstring"
    assert ">>>" in doc, f"{module.__name__}.{name}: no example in the docstring"
