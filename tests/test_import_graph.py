"""The import graph of bot/: no cycle anywhere, and the domain and the backends never import
each other both ways: bot/core imports nothing of bot/llm (nor of the Coach above both, nor
of any other package in bot/); bot/llm builds on the domain's types and never calls back up.

Every import counts, also those inside functions and under TYPE_CHECKING: a cycle hidden
there is still a back-reference a reader has to untangle.
"""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
# The domain (bot/core) sits below everything else in bot/: it imports only itself and these.
CORE_MAY_IMPORT = ("bot.core", "bot.resources")


def module_names(root: Path, package: str = "bot") -> dict[str, Path]:
    names = {}
    for path in (root / package).rglob("*.py"):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names[".".join(parts)] = path
    return names


def _imported(node: ast.AST, module: str, is_package: bool, known: dict) -> set[str]:
    if isinstance(node, ast.Import):
        return {alias.name for alias in node.names}
    if not isinstance(node, ast.ImportFrom):
        return set()
    target = node.module or ""
    if node.level:  # relative: from the module's package, one level up per extra dot
        base = module.split(".") if is_package else module.split(".")[:-1]
        base = base[: len(base) - (node.level - 1)]
        target = ".".join(base + ([node.module] if node.module else []))
    # `from bot.core import playbooks` imports the submodule bot.core.playbooks
    return {f"{target}.{a.name}" if f"{target}.{a.name}" in known else target for a in node.names}


def import_graph(root: Path, package: str = "bot") -> dict[str, set[str]]:
    """Each module of `package` under `root` -> the modules of `package` it imports."""
    known = module_names(root, package)
    graph = {}
    for module, path in known.items():
        is_package = path.name == "__init__.py"
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            found |= _imported(node, module, is_package, known)
        graph[module] = {m for m in found if m in known and m != module}
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in graph:
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            child = next(edges, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def _inside(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def layer_violations(graph: dict[str, set[str]]) -> list[str]:
    """Imports that point the wrong way between the domain and what is built on it."""
    wrong = []
    for module, imports in sorted(graph.items()):
        for target in sorted(imports):
            if _inside(module, "bot.core") and not any(_inside(target, p) for p in CORE_MAY_IMPORT):
                wrong.append(f"{module} -> {target}")
            # the backends serve the Coach; they never call back into it
            if _inside(module, "bot.llm") and _inside(target, "bot.coach"):
                wrong.append(f"{module} -> {target}")
    return wrong


def test_bot_has_no_import_cycle():
    assert cycles(import_graph(REPO)) == []


def test_core_and_llm_import_in_one_direction_only():
    graph = import_graph(REPO)
    assert layer_violations(graph) == []
    # the check sees the real graph: the backends do build on the domain's types
    assert "bot.core.conversation" in graph["bot.llm.base"]


def _package(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_checks_catch_a_cycle_and_a_back_reference(tmp_path):
    root = _package(
        tmp_path,
        {
            "bot/__init__.py": "",
            "bot/core/__init__.py": "",
            "bot/core/a.py": "from typing import TYPE_CHECKING\n"
            "if TYPE_CHECKING:\n    from bot.core import b\n",
            "bot/core/b.py": "def f():\n    from .a import x\n",
            "bot/core/c.py": "import bot.llm.base\n",
            "bot/llm/__init__.py": "",
            "bot/llm/base.py": "from bot.core.c import y\n",
        },
    )
    graph = import_graph(root)
    assert sorted(map(sorted, cycles(graph))) == [
        ["bot.core.a", "bot.core.b"],
        ["bot.core.c", "bot.llm.base"],
    ]
    assert layer_violations(graph) == ["bot.core.c -> bot.llm.base"]
