"""The package's layers import only downward (README 'Layout'), and no module imports itself
back through others. The graph is read from the source (every import, also those inside
functions and under TYPE_CHECKING), so a hidden import inside a function counts too."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "reportlib"

#: The layers, lowest first: a module may import from its own layer and from the layers before it.
LAYERS: list[tuple[str, ...]] = [
    ("errors", "paths", "version"),
    ("lang",),
    ("read",),
    ("parse",),
    ("tables",),
    ("io",),
    ("corpus",),
    ("scale",),
    ("load",),
    ("analysis", "datasets"),
    ("show",),
    ("run",),
    ("__init__", "__main__"),
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def module_name(path: Path) -> str:
    parts = ["reportlib", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer(module: str) -> str:
    """``reportlib.lang.numbers`` -> ``lang``; the package itself -> ``__init__``."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def imports_of(module: str) -> set[str]:
    """The reportlib modules that ``module`` imports, resolved to module names."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            # `from pkg import name`: name is a module when pkg.name is one
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for t in targets:
            while t and t not in MODULES and "." in t:
                t = t.rpartition(".")[0]
            if t in MODULES and t != module:
                out.add(t)
    return out


GRAPH = {m: imports_of(m) for m in MODULES}


def test_every_module_is_in_a_layer():
    unknown = sorted({layer(m) for m in MODULES} - set(RANK))
    assert not unknown, f"modules outside the table of layers: {unknown}; add them to LAYERS and the README"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_no_upward_import(module):
    upward = sorted(t for t in GRAPH[module] if RANK[layer(t)] > RANK[layer(module)])
    assert not upward, f"{module} (layer {layer(module)}) imports from layers above it: {upward}"


def test_no_import_circle():
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(m: str, path: list[str]) -> None:
        state[m] = 1
        for t in sorted(GRAPH[m]):
            if state.get(t) == 1:
                circle = path[path.index(t):] + [t]
                pytest.fail("import circle: " + " -> ".join(circle))
            if t not in state:
                visit(t, path + [t])
        state[m] = 2

    for m in sorted(GRAPH):
        if m not in state:
            visit(m, [m])


def test_the_graph_is_read():
    # the reader resolves relative, parent-package and function-level imports
    assert "reportlib.corpus" in GRAPH["reportlib.load"]
    assert "reportlib.errors" in GRAPH["reportlib.scale.cache"]        # from .. import errors
    assert "reportlib.scale.parallel" in GRAPH["reportlib.load"]       # inside load_corpus
    assert "reportlib.lang.numbers" in GRAPH["reportlib.tables.targets"]
