"""The import edges between mapping's packages (and top-level modules), read with Python's ast:
every `import` and `from … import`, also those inside functions, which the import-linter
contracts (pyproject.toml, `lint-imports`) see too but a reader easily misses.

    python scripts/import_edges.py          # package -> package, a cycle marked
    python scripts/import_edges.py -v       # with the module imports behind each edge

It exits 1 when two or more packages import one another (a cycle, however long).
"""

import ast
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "mapping"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_of(module: str) -> str:
    """`mapping.survey.api` -> `mapping.survey`; `mapping.access` stays itself."""
    return ".".join(module.split(".")[:2])


def imported(node: ast.AST, importer: str, is_package: bool) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level:
        base = importer.split(".")[: None if is_package else -1]
        base = base[: len(base) - node.level + 1]
        module = ".".join([*base, node.module] if node.module else base)
    else:
        module = node.module or ""
    if module == PACKAGE:  # from mapping import photo_storage
        return [f"{PACKAGE}.{alias.name}" for alias in node.names]
    return [module]


def module_edges() -> dict[tuple[str, str], set[str]]:
    edges: dict[tuple[str, str], set[str]] = defaultdict(set)
    for path in sorted((ROOT / PACKAGE).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        importer = module_name(path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            for target in imported(node, importer, path.name == "__init__.py"):
                if not target.startswith(f"{PACKAGE}."):
                    continue
                source, destination = package_of(importer), package_of(target)
                if source != destination:
                    edges[(source, destination)].add(f"{importer} -> {target}")
    return edges


def cycles(edges) -> list[list[str]]:
    """The strongly connected components of more than one package (Tarjan)."""
    graph: dict[str, set[str]] = defaultdict(set)
    for source, destination in edges:
        graph[source].add(destination)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def main() -> int:
    edges = module_edges()
    for (source, destination), why in sorted(edges.items()):
        mark = "  <-> CYCLE" if (destination, source) in edges else ""
        sys.stdout.write(f"{source} -> {destination}{mark}\n")
        if "-v" in sys.argv:
            for line in sorted(why):
                sys.stdout.write(f"      {line}\n")
    found = cycles(edges)
    for component in found:
        sys.stderr.write(f"cycle: {' -> '.join(component)}\n")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
