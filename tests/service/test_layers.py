"""The layers of the service, read from its import statements (issue 8, "Layers").

    engine      neutral of language and site: imports nothing of the product's knowledge
    site        CrowdWorks' names and notices            -> engine
    lang        vocabulary and grammar of each language  -> engine, site
    detectors   the category specs                       -> engine, lang, site
    model       the trained model                        -> engine, lang, site
    the rest    http, cli, api, pipeline (composition)   -> anything

Checked on every import, at the top of a module or inside a function, so a cycle cannot hide in a
lazy import (the command line still imports the server lazily, to start fast: that is no cycle).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import cwguard

ROOT = Path(cwguard.__file__).resolve().parent

ALLOWED = {
    "engine": {"engine"},
    "site": {"engine", "site"},
    "lang": {"engine", "site", "lang"},
    "detectors": {"engine", "lang", "site", "detectors"},
    "model": {"engine", "lang", "site", "model"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[str, bool]]:
    """(imported cwguard module, inside a function?) for every import of a file."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    lazy_nodes = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
                  for n in ast.walk(f)}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            targets = [target] + [f"{target}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            continue
        for t in targets:
            if t.startswith("cwguard") and (ROOT.parent / Path(*t.split("."))).with_suffix(".py").exists() \
                    or (ROOT.parent / Path(*t.split(".")) / "__init__.py").exists():
                found.append((t, id(node) in lazy_nodes))
    return found


FILES = sorted(ROOT.rglob("*.py"))
GRAPH = {module_name(p): imports(p) for p in FILES}


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ALLOWED else None


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if layer(m)))
def test_each_layer_imports_only_the_layers_below_it(module):
    own = layer(module)
    wrong = sorted({t for t, _ in GRAPH[module] if t != "cwguard" and (layer(t) or t) not in ALLOWED[own]
                    and not (t.startswith("cwguard.") and layer(t) in ALLOWED[own])})
    assert wrong == [], f"{module} ({own}) imports {wrong}"


def test_the_module_graph_has_no_cycle():
    edges = {m: {t for t, _ in targets if t in GRAPH and t != m} for m, targets in GRAPH.items()}
    # a package's __init__ imported by its own modules is not a cycle of code
    state: dict[str, int] = {}
    cycle: list[str] = []

    def visit(m: str, path: list[str]) -> bool:
        state[m] = 1
        for t in edges[m]:
            if t == m.rsplit(".", 1)[0] or m.startswith(t + "."):
                continue
            if state.get(t) == 1:
                cycle.extend(path[path.index(t):] + [t] if t in path else [m, t])
                return True
            if t not in state and visit(t, path + [t]):
                return True
        state[m] = 2
        return False

    for m in sorted(edges):
        if m not in state and visit(m, [m]):
            break
    assert cycle == []


JAPANESE_WORD = re.compile(r"[\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff]{2,}")


def test_the_engine_knows_no_language_or_site_words():
    """Japanese words belong to lang/ja or site/: the engine's code holds none outside comments
    and docstrings (its user-facing texts live in site/texts.py). Single script characters (the
    separators and kana folding of the normaliser) are Unicode facts, not words."""
    offenders = []
    for path in (ROOT / "engine").glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(n.body[0].value) for n in ast.walk(tree)
                      if isinstance(n, ast.Module | ast.FunctionDef | ast.ClassDef) and n.body
                      and isinstance(n.body[0], ast.Expr) and isinstance(n.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings \
                    and JAPANESE_WORD.search(node.value):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []
