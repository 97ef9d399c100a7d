"""A model of ``.pyi`` stubs that mirrors Python's ``ast`` and renders itself.

Emitters build these values; :func:`render_module` is the one place that decides layout.
Imports are tracked by the module (like mypy's ``stubutil.ImportTracker``): an annotation
that needs ``typing.Any`` records it, and the renderer writes the import block.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Argument:
    """One parameter: name, annotation (empty for ``self``) and whether it has a default
    (rendered ``= ...``, or ``= default`` when the literal is known: ``x: float = 0.0``)."""

    name: str
    annotation: str
    has_default: bool = False
    default: str = ""


@dataclass(frozen=True)
class Arguments:
    """A parameter list with the same parts as ``ast.arguments``."""

    posonly: tuple[Argument, ...] = ()
    args: tuple[Argument, ...] = ()
    vararg: Argument | None = None
    kwonly: tuple[Argument, ...] = ()
    kwarg: Argument | None = None


@dataclass(frozen=True)
class Function:
    """A ``def``; an empty ``returns`` renders no return annotation."""

    name: str
    arguments: Arguments
    returns: str
    doc: str = ""
    decorators: tuple[str, ...] = ()
    #: A ``# type: ignore[...]`` code for the ``def`` line (``override``), or empty.
    type_ignore: str = ""


@dataclass(frozen=True)
class Attribute:
    """An annotated name (``x: int``), optionally with a value (``X: Final = 3``); an empty
    annotation renders a bare assignment (``RED = 1``, how enum members are written)."""

    name: str
    annotation: str
    value: str | None = None


@dataclass(frozen=True)
class Class:
    """A ``class`` with bases, decorators and a body of functions and attributes."""

    name: str
    bases: tuple[str, ...] = ()
    body: tuple[Function | Attribute, ...] = ()
    doc: str = ""
    decorators: tuple[str, ...] = ()


@dataclass
class StubModule:
    """A whole stub file."""

    header: tuple[str, ...] = ()
    doc: str = ""
    body: list[Class | Function | Attribute] = field(default_factory=list)
    imports: set[tuple[str, str]] = field(default_factory=set)

    def need(self, module: str, name: str) -> str:
        """Record ``from module import name`` and return the name to use in annotations."""
        self.imports.add((module, name))
        return name


def render_module(stub: StubModule) -> str:
    """Render ``stub`` as ``.pyi`` source text."""
    out: list[str] = [f"# {line}" if line else "#" for line in stub.header]
    if stub.doc:
        out.append(_docstring(stub.doc, ""))
    if stub.imports:
        if out:
            out.append("")
        by_module: dict[str, list[str]] = {}
        for module, name in sorted(stub.imports):
            by_module.setdefault(module, []).append(name)
        out += [f"from {m} import {', '.join(names)}" for m, names in by_module.items()]
    previous: Class | Function | Attribute | None = None
    for item in stub.body:
        # Black's .pyi style: one blank line between functions, two around classes.
        if isinstance(item, Attribute) and isinstance(previous, Attribute):
            pass  # a run of module attributes (constants) stays together
        else:
            out += ["", ""] if isinstance(item, Class) or isinstance(previous, Class) else [""]
        out += _render_item(item, "")
        previous = item
    return "\n".join(out).lstrip("\n") + "\n"


def _render_item(item: Class | Function | Attribute, indent: str) -> list[str]:
    if isinstance(item, Attribute):
        value = f" = {item.value}" if item.value is not None else ""
        if not item.annotation:
            return [f"{indent}{item.name}{value}"]
        return [f"{indent}{item.name}: {item.annotation}{value}"]
    if isinstance(item, Function):
        returns = f" -> {item.returns}" if item.returns else ""  # none: unannotated (run-time source)
        head = f"{indent}def {item.name}({_render_arguments(item.arguments)}){returns}:"
        if item.type_ignore:
            head += f"  # type: ignore[{item.type_ignore}]"
            if not item.doc:
                return [f"{indent}@{d}" for d in item.decorators] + [head, f"{indent}    ..."]
        decorators = [f"{indent}@{d}" for d in item.decorators]
        if not item.doc:
            return decorators + [head + " ..."]
        return decorators + [head, _docstring(item.doc, indent + "    ")]
    bases = f"({', '.join(item.bases)})" if item.bases else ""
    lines = [f"{indent}@{d}" for d in item.decorators] + [f"{indent}class {item.name}{bases}:"]
    inner = indent + "    "
    if item.doc:
        lines.append(_docstring(item.doc, inner))
    for member in item.body:
        lines += _render_item(member, inner)
    if not item.doc and not item.body:
        lines[-1] += " ..."
    return lines


def _render_arguments(a: Arguments) -> str:
    def one(arg: Argument, prefix: str = "") -> str:
        default = f" = {arg.default or '...'}" if arg.has_default else ""
        annotation = f": {arg.annotation}" if arg.annotation else ""
        return f"{prefix}{arg.name}{annotation}{default}"

    parts = [one(x) for x in a.posonly]
    if a.posonly:
        parts.append("/")
    parts += [one(x) for x in a.args]
    if a.vararg is not None:
        parts.append(one(a.vararg, "*"))
    elif a.kwonly:
        parts.append("*")
    parts += [one(x) for x in a.kwonly]
    if a.kwarg is not None:
        parts.append(one(a.kwarg, "**"))
    return ", ".join(parts)


def _docstring(text: str, indent: str) -> str:
    """A triple-quoted docstring that is valid whatever ``text`` holds."""
    body = text.strip().replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if body.endswith('"'):
        body += " "
    lines = body.splitlines()
    if len(lines) <= 1:
        return f'{indent}"""{body}"""'
    rest = [(indent + line) if line.strip() else "" for line in lines[1:]]
    return "\n".join([f'{indent}"""{lines[0]}', *rest, f'{indent}"""'])
