"""No import circles inside an app: each module can be read knowing only what it imports.

An import inside a function still counts (it is how a circle hides), so this reads every
import statement of every module, at any depth. A subpackage (stories/models/) counts as one
module: its __init__ runs before any of its modules."""

import ast
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[2]
APPS = {
    "home": "home",
    "stories": "stories",
    "guides": "guides",
    "referents": "referents",
}
APPS["chorus_site"] = "site"


def module_name(app, path):
    parts = list(path.relative_to(ROOT / APPS[app]).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join([app, *parts])


def node_of(app, module):
    """The unit a circle is counted between: the app's module or subpackage."""
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else app


def imported_modules(app, path):
    name = module_name(app, path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for statement in ast.walk(ast.parse(path.read_text())):
        if isinstance(statement, ast.Import):
            yield from (alias.name for alias in statement.names)
        elif isinstance(statement, ast.ImportFrom):
            if statement.level:
                base = package.split(".")
                base = base[: len(base) - statement.level + 1]
                origin = ".".join(
                    base + ([statement.module] if statement.module else [])
                )
            else:
                origin = statement.module
            yield origin
            # `from . import receivers`: the names may be modules themselves.
            yield from (f"{origin}.{alias.name}" for alias in statement.names)


def is_module(app, node):
    path = ROOT / APPS[app] / Path(*node.split(".")[1:])
    return path.is_dir() or path.with_suffix(".py").exists()


def import_graph(app):
    graph = {}
    for path in (ROOT / APPS[app]).rglob("*.py"):
        if "migrations" in path.parts or "bench_ceiling" in path.parts:
            continue
        source = node_of(app, module_name(app, path))
        for module in imported_modules(app, path):
            if not module.startswith(app + "."):
                continue
            target = node_of(app, module)
            if target != source and is_module(app, target):
                graph.setdefault(source, set()).add(target)
    return graph


def circles(graph):
    found, done = [], set()

    def visit(node, trail):
        if node in trail:
            found.append(trail[trail.index(node) :] + [node])
            return
        if node in done:
            return
        for target in sorted(graph.get(node, ())):
            visit(target, trail + [node])
        done.add(node)

    for node in sorted(graph):
        visit(node, [])
    return found


@pytest.mark.parametrize("app", sorted(APPS))
def test_no_import_circle_inside_an_app(app):
    assert circles(import_graph(app)) == []


def test_the_check_sees_a_circle_hidden_in_a_function():
    graph = {"stories.a": {"stories.b"}, "stories.b": {"stories.a"}}
    assert circles(graph) == [["stories.a", "stories.b", "stories.a"]]
