"""An import-linter contract type for submodules of an external package (``PySide6.QtWidgets``).

import-linter sees an external package only as a whole (``PySide6``), so its ``forbidden`` contract cannot say
"workers may use QtCore but no widgets". This contract takes each import of the external package that the graph
reports (importer and line) and reads the import statement at that line to see which submodules it names.
Registered in pyproject.toml under ``[tool.importlinter] contract_types``; ``lint-imports`` runs from the
repository root, so this file is importable as ``tests.layer_contracts``.
"""

from __future__ import annotations

import ast
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from grimp import ImportGraph
from importlinter.application import output
from importlinter.domain import fields
from importlinter.domain.contract import Contract, ContractCheck
from importlinter.domain.helpers import module_expressions_to_modules


def imported_names(node: ast.stmt) -> Iterator[str]:
    """Full module names an import statement may bring in (``from a import b`` names both ``a`` and ``a.b``)."""
    if isinstance(node, ast.Import):
        yield from (alias.name for alias in node.names)
    elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        yield node.module
        yield from (f"{node.module}.{alias.name}" for alias in node.names)


def is_within(name: str, package: str) -> bool:
    return name == package or name.startswith(f"{package}.")


class ForbiddenExternalSubmodulesContract(Contract):
    """Source modules (and their descendants) must not import the given submodules of external packages."""

    type_name = "forbidden_external_submodules"

    source_modules = fields.SetField(subfield=fields.ModuleExpressionField())
    forbidden_modules = fields.SetField(subfield=fields.StringField())

    def check(self, graph: ImportGraph, verbose: bool) -> ContractCheck:
        forbidden = sorted(self.forbidden_modules)  # type: ignore[call-overload]
        roots = sorted({name.split(".")[0] for name in forbidden})
        missing = [root for root in roots if root not in graph.modules]
        if missing:
            raise ValueError(f"{', '.join(missing)} not in the graph: set include_external_packages = true")
        sources: set[str] = set()
        for module in module_expressions_to_modules(graph, self.source_modules):  # type: ignore[arg-type]
            sources |= {module.name, *graph.find_descendants(module.name)}
        violations: list[dict[str, Any]] = []
        for importer in sorted(sources):
            for root in roots:
                for detail in graph.get_import_details(importer=importer, imported=root):
                    names = self._names_at(importer, detail["line_number"])
                    banned = next((name for name in names if any(is_within(name, f) for f in forbidden)), None)
                    if banned is not None:
                        violations.append({**detail, "imported": banned})
        return ContractCheck(kept=not violations, metadata={"violations": violations})

    @staticmethod
    def _names_at(module: str, line_number: int) -> list[str]:
        spec = importlib.util.find_spec(module)
        if spec is None or spec.origin is None or not spec.origin.endswith(".py"):
            return []
        tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
        return [
            name
            for node in ast.walk(tree)
            if isinstance(node, ast.Import | ast.ImportFrom) and node.lineno == line_number
            for name in imported_names(node)
        ]

    def render_broken_contract(self, check: ContractCheck) -> None:
        for violation in check.metadata["violations"]:
            output.print_error(
                f"{violation['importer']} -> {violation['imported']} (l.{violation['line_number']})", bold=False
            )
            output.new_line()
