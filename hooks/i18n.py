"""MkDocs hook: build the English book under en/ together with the Chinese one, and refuse to publish half a book.

The site is two MkDocs builds of the same page files: ``mkdocs.yml`` (简体中文, ``docs/zh`` → ``site/``) and
``mkdocs.en.yml`` (English, ``docs/en`` → ``site/en``). Each has its own search index, navigation titles and
``theme.language``, so a reader on ``/en/`` only gets English search results. ``mkdocs build`` and ``mkdocs serve``
on ``mkdocs.yml`` run the English build too (with the same ``--strict``), so one command makes the whole site.

Why not mkdocs-static-i18n: it publishes mkdocs-jupyter notebooks as raw JSON, its search index mixes both
languages, and its contextual language switcher conflicts with ``navigation.instant``.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.i18n")
PAGE_SUFFIXES = {".md", ".ipynb"}


def pages(docs_dir: str) -> set[str]:
    """The page files of one language, relative to its docs directory."""
    root = Path(docs_dir)
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.suffix in PAGE_SUFFIXES}


def check_same_pages(config, other) -> None:
    """Fail the build when a page exists in one language only."""
    ours, theirs = pages(config.docs_dir), pages(other.docs_dir)
    if ours != theirs:
        raise PluginError(
            "zh and en must have the same pages; "
            f"only in {config.docs_dir}: {sorted(ours - theirs)}, only in {other.docs_dir}: {sorted(theirs - ours)}"
        )


def on_post_build(config) -> None:
    other_config_file = config.extra.get("also_build")
    if not other_config_file:
        return
    other = load_config(
        str(Path(config.config_file_path).parent / other_config_file),
        site_dir=str(Path(config.site_dir) / "en"),
        strict=config.strict,
    )
    check_same_pages(config, other)
    log.info("Building the English book into %s", other.site_dir)
    build(other)


def on_serve(server, config, builder):
    """Rebuild (both languages) when an English page changes, too."""
    other_config_file = config.extra.get("also_build")
    if other_config_file:
        server.watch(load_config(str(Path(config.config_file_path).parent / other_config_file)).docs_dir)
    return server
