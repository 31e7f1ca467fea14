"""The API reference (mkdocstrings, docs/*/reference/, a page per module) covers every public module of ``snippets``,
and every public function and class there states its formula in TeX, documents each of its parameters and shows
an example.

The docstrings are parsed with griffe's Google-style parser, the one mkdocstrings renders them with: a section it
does not recognise ("Example:" instead of "Examples:", a misspelt parameter) fails here, not only in the build.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest
import yaml
from griffe import Docstring, DocstringSectionKind, Parser

import snippets
from tests.docs.pages import DOCS, ROOT

DIRECTIVE = re.compile(r"^::: (snippets(?:\.\w+)+)$", re.MULTILINE)
SPHINX_ROLE = re.compile(r":(?:func|mod|class|data|meth|attr):`")  # mkdocstrings shows these as typed; link [`x`][id]
TEX = re.compile(r"\$\$.+?\$\$|\$[^$\n]+\$", re.DOTALL)  # display $$…$$ or inline $…$: arithmatex, then KaTeX


def public_modules() -> list:
    """Every module of the package whose dotted name has no part with a leading underscore, in name order."""
    names = sorted(
        info.name
        for info in pkgutil.walk_packages(snippets.__path__, prefix="snippets.")
        if not any(part.startswith("_") for part in info.name.split("."))
    )
    return [importlib.import_module(name) for name in names]


def public_members(module) -> list[tuple[str, object]]:
    """Functions and classes defined in ``module`` (not imported into it), without a leading underscore."""
    return [
        (name, member)
        for name, member in inspect.getmembers(module, lambda m: inspect.isfunction(m) or inspect.isclass(m))
        if not name.startswith("_") and member.__module__ == module.__name__
    ]


# Members whose docstring has no formula to state, and why. Everything else states one.
WITHOUT_FORMULA = {
    "snippets.forensics.Explanation": "a record of conventions, not a computation",
    "snippets.forensics.report": "prints explain()'s results as text",
}
MODULES = public_modules()
MEMBERS = [(f"{module.__name__}.{name}", member) for module in MODULES for name, member in public_members(module)]


def sections(member) -> dict:
    """The docstring's sections by kind, as griffe parses them (Google style, like mkdocs.yml says)."""
    parsed = Docstring(inspect.getdoc(member) or "", parser=Parser.google).parse()
    found: dict = {}
    for section in parsed:
        found.setdefault(section.kind, []).append(section)
    return found


@pytest.mark.parametrize("language", ["zh", "en"])
def test_reference_pages_document_every_public_module_once(language):
    listed = [
        module
        for page in sorted((DOCS / language / "reference").glob("*.md"))
        for module in DIRECTIVE.findall(page.read_text("utf8"))
    ]
    assert sorted(listed) == sorted({module.__name__ for module in MODULES})


def test_both_books_configure_mkdocstrings_alike():
    """mkdocs.en.yml repeats the plugin list (INHERIT does not merge lists): the two must not drift apart."""

    def plugin(config_file: str, name: str):
        plugins = yaml.safe_load((ROOT / config_file).read_text("utf8"))["plugins"]
        return next(entry[name] for entry in plugins if isinstance(entry, dict) and name in entry)

    assert plugin("mkdocs.yml", "mkdocstrings") == plugin("mkdocs.en.yml", "mkdocstrings")


@pytest.mark.parametrize("module", MODULES, ids=[module.__name__ for module in MODULES])
def test_module_docstring_links_by_identifier_not_by_sphinx_role(module):
    members = [member for _, member in public_members(module)]
    roles = [doc for doc in map(inspect.getdoc, [module, *members]) if doc and SPHINX_ROLE.search(doc)]
    assert not roles, f"{module.__name__}: a Sphinx role (:func:`…`) where Markdown needs [`name`][identifier]"


@pytest.mark.parametrize(("qualified", "member"), MEMBERS, ids=[qualified for qualified, _ in MEMBERS])
def test_docstring_states_a_formula_its_parameters_and_an_example(qualified, member):
    found = sections(member)
    description = "\n".join(section.value for section in found.get(DocstringSectionKind.text, []))
    if qualified not in WITHOUT_FORMULA:
        assert TEX.search(description), f"{qualified}: no TeX formula ($…$) in the docstring's description"
    examples = found.get(DocstringSectionKind.examples, [])
    assert any(kind == DocstringSectionKind.examples for section in examples for kind, _ in section.value), (
        f"{qualified}: no doctest in an 'Examples:' section"
    )
    signature = inspect.signature(member)
    wanted = [name for name in signature.parameters if name != "self"]
    documented = [parameter.name for section in found.get(DocstringSectionKind.parameters, []) for parameter in section.value]
    assert documented == wanted, f"{qualified}: Args: documents {documented}, the signature has {wanted}"
    if not inspect.isclass(member):
        assert DocstringSectionKind.returns in found, f"{qualified}: no 'Returns:' section"
