"""The demo content of the content apps: each app's `demo` module (e.g. news/demo.py) defines
`DEMO = DemoPart(...)`, and the demo loader asks every installed app for it. The core builds
what is its own (home, themes, standard pages, contact page, site settings) and names no app.

A part's `indexes(loader)` creates its listing pages under the home page; parts do this in
the order of INSTALLED_APPS, which is their order in the menu. Its `content(loader)` builds
the pages under them, after the parts named in `after` (whose pages it links to, through
`loader.ref`); a name in `after` that is not installed is ignored."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from wagtail.utils.apps import get_app_submodules


@dataclass(frozen=True)
class DemoPart:
    name: str
    content: Callable[[Any], None]
    indexes: Callable[[Any], None] | None = None
    after: tuple[str, ...] = ()


def installed_parts() -> list[DemoPart]:
    """The apps' parts, in the order of INSTALLED_APPS."""
    return [module.DEMO for _app, module in get_app_submodules("demo") if hasattr(module, "DEMO")]


def in_dependency_order(parts) -> list[DemoPart]:
    """`parts` with each after the parts it names in `after` (otherwise in their order)."""
    by_name = {part.name: part for part in parts}
    ordered, placed = [], set()

    def place(part, waiting=()):
        if part.name in placed:
            return
        if part.name in waiting:
            chain = " -> ".join((*waiting, part.name))
            raise ImproperlyConfigured(f"Demo parts wait for each other: {chain}")
        for name in part.after:
            if name in by_name:
                place(by_name[name], (*waiting, part.name))
        placed.add(part.name)
        ordered.append(part)

    for part in parts:
        place(part)
    return ordered
