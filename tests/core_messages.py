"""Every English message template the core (and the UI) can show a user, read from the source.

Walks the code with ``ast`` and derives a Qt-style template from each message expression:
each formatted value of an f-string becomes ``%1``, ``%2``, … in order. It finds

- ``raise SomeError(<message>)`` for every ``ReaderError`` subclass;
- an importer refusal: ``FileResult(path, outcome, <reason>)`` or ``reason=<reason>``;
- a notes-import skip: ``….skipped.append((where, <reason>))``;
- the phrases that reason builders return or map to (``REASON_SOURCES``);

and follows a message held in a local or module-level name to the strings assigned to it.
A template with no letters outside its placeholders (``%1: %2``) is a composition, not a
message: the UI translates its parts.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src" / "reader"

# (file under src/reader, function or module-level name): where reasons are built as data
REASON_SOURCES = (
    ("core/text/files.py", "_REASONS"),  # os_reason: errno → words
    ("core/text/files.py", "kind_of"),  # what a non-regular file is
    ("core/exchange/notes_schema.py", "_TYPE_WORDS"),
    ("core/exchange/notes_schema.py", "_PATTERN_WORDS"),
    ("core/exchange/notes_schema.py", "problem"),
    ("core/exchange/notes_schema.py", "describe"),
    ("core/exchange/bridge_common.py", "check"),
    (
        "core/library/sqlite_errors.py",
        "_classify",
    ),  # SQLite's errors → (LibraryError class, message)
    ("core/exchange/export_folder.py", "not_an_export"),
)


@dataclass(frozen=True)
class Found:
    template: str
    where: str  # file:line

    def __str__(self) -> str:
        return f"{self.where}: {self.template!r}"


def _files() -> list[Path]:
    return sorted(p for part in ("core", "ui") for p in (SRC / part).rglob("*.py"))


def error_classes(trees: dict[str, ast.Module]) -> set[str]:
    """ReaderError and the names of all its subclasses, in the core and the UI."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                bases[node.name] = {b.id for b in node.bases if isinstance(b, ast.Name)}
    found = {"ReaderError"}
    while True:
        more = {name for name, parents in bases.items() if parents & found} - found
        if not more:
            return found
        found |= more


def _template(parts: list[str | None]) -> str:
    """Literal text and placeholders (None) → ``"… %1 … %2"``."""
    out, number = [], 0
    for part in parts:
        if part is None:
            number += 1
            out.append(f"%{number}")
        else:
            out.append(part)
    return "".join(out)


class _Scope:
    """Resolves a name to the string expressions assigned to it in a function or module."""

    def __init__(self, module: ast.Module, function: ast.AST | None) -> None:
        self.places = [p for p in (function, module) if p is not None]

    def assigned(self, name: str) -> list[ast.expr]:
        for place in self.places:
            values = [
                node.value
                for node in ast.walk(place)
                if isinstance(node, (ast.Assign, ast.AnnAssign))
                and node.value is not None
                and any(
                    isinstance(t, ast.Name) and t.id == name
                    for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
                )
            ]
            if values:
                return values
        return []


def pieces(node: ast.expr, scope: _Scope, depth: int = 0) -> list[list[str | None]]:
    """The possible texts of a message expression, as literal parts and placeholders."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [[node.value]]
    if isinstance(node, ast.JoinedStr):
        out: list[str | None] = []
        for value in node.values:
            if isinstance(value, ast.Constant):
                out.append(str(value.value))
            else:
                out.append(None)
        return [out]
    if isinstance(node, ast.IfExp):
        return pieces(node.body, scope, depth) + pieces(node.orelse, scope, depth)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return [a + b for a in pieces(node.left, scope, depth) for b in pieces(node.right, scope)]
    if isinstance(node, ast.Name) and depth < 3:
        return [p for v in scope.assigned(node.id) for p in pieces(v, scope, depth + 1)]
    return []  # a call or other computed value: its phrases come from REASON_SOURCES


def is_message(template: str) -> bool:
    return re.search(r"[A-Za-z]", re.sub(r"%\d+", "", template)) is not None


def _functions(tree: ast.Module) -> Iterator[tuple[ast.AST | None, ast.AST]]:
    """(enclosing function or None, node) for every node of a module."""

    def visit(node: ast.AST, function: ast.AST | None) -> Iterator[tuple[ast.AST | None, ast.AST]]:
        for child in ast.iter_child_nodes(node):
            inner = (
                child if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            )
            yield inner, child
            yield from visit(child, inner)

    yield from visit(tree, None)


def _message_args(node: ast.AST, errors: set[str]) -> list[ast.expr]:
    if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
        func = node.exc.func
        if isinstance(func, ast.Name) and func.id in errors and node.exc.args:
            return [node.exc.args[0]]
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "FileResult"
    ):
        return node.args[2:3] + [k.value for k in node.keywords if k.arg == "reason"]
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "append"
        and isinstance(node.func.value, ast.Attribute)
        and node.func.value.attr == "skipped"
        and node.args
        and isinstance(node.args[0], ast.Tuple)
    ):
        return node.args[0].elts[1:2]
    return []


def _reason_source(tree: ast.Module, name: str) -> Iterator[tuple[ast.expr, _Scope]]:
    """The phrases a reason builder returns, assigns or maps to."""
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name == name:
            scope = _Scope(tree, node)
            for inner in ast.walk(node):
                if isinstance(inner, ast.Return) and isinstance(inner.value, ast.Tuple):
                    yield from ((v, scope) for v in inner.value.elts)
                elif isinstance(inner, ast.Return) and inner.value is not None:
                    yield inner.value, scope
                elif isinstance(inner, ast.Call) and len(inner.args) == 2:
                    if isinstance(inner.func, ast.Attribute) and inner.func.attr == "get":
                        yield inner.args[1], scope  # a default: words.get(key, "…")
                elif isinstance(inner, ast.Assign):
                    yield inner.value, scope
                elif isinstance(inner, ast.Dict):
                    yield from ((v, scope) for v in inner.values if v is not None)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)) and isinstance(node.value, ast.Dict):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if any(isinstance(t, ast.Name) and t.id == name for t in targets):
                yield from ((v, _Scope(tree, None)) for v in node.value.values if v is not None)


def core_messages() -> list[Found]:
    """Every message template of the core and the UI, with where it was found."""
    return messages_in(
        {str(p.relative_to(SRC)): p.read_text(encoding="utf-8") for p in _files()},
        reason_sources=REASON_SOURCES,
    )


def messages_in(
    sources: dict[str, str], reason_sources: tuple[tuple[str, str], ...] = ()
) -> list[Found]:
    """The message templates of ``sources`` (file name under src/reader → its code)."""
    trees = {name: ast.parse(code) for name, code in sources.items()}
    errors = error_classes(trees)
    found: set[Found] = set()

    def add(expr: ast.expr, scope: _Scope, name: str) -> None:
        for parts in pieces(expr, scope):
            template = _template(parts)
            if is_message(template):
                found.add(Found(template, f"{name}:{expr.lineno}"))

    for name, tree in trees.items():
        for function, node in _functions(tree):
            for expr in _message_args(node, errors):
                add(expr, _Scope(tree, function), name)
    for name, symbol in reason_sources:
        for expr, scope in _reason_source(trees[name], symbol):
            add(expr, scope, name)
    return sorted(found, key=lambda f: (f.template, f.where))
