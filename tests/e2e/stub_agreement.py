"""Does a built module return what its stub says? A generic check for the e2e packages.

mypy's stubtest compares names and signatures, not values: it cannot see that a function
annotated ``-> Duration`` returns a plain ``int``. This script, run in a fresh interpreter
with the module importable (``python stub_agreement.py MODULE STUB [SKIP...]``), calls every function of
the stub that takes no arguments (results, variable getters) and reads every attribute of a
zero-value instance of every class constructible without arguments, and checks each value
against its annotation: classes, ``X | Y``, ``None``, ``list[T]``, ``dict[K, V]``,
``tuple[...]``, ``Callable`` (callable), ``Any``/``object``. A function that raises is
skipped (a Go error or panic is behaviour, not a typing question). It prints one line per
mismatch and exits 1 if there was any.
"""

from __future__ import annotations

import ast
import importlib
import sys
from pathlib import Path
from typing import Any

_BUILTIN = {"int": int, "float": (int, float), "complex": (int, float, complex), "str": str, "bytes": bytes,
            "bool": bool, "bytearray": bytearray, "memoryview": memoryview}


def conforms(value: Any, ann: ast.expr, module: Any) -> bool:
    """Whether ``value`` has the type the stub annotation ``ann`` names (unknown forms pass)."""
    if isinstance(ann, ast.Constant) and ann.value is None:
        return value is None
    if isinstance(ann, ast.BinOp) and isinstance(ann.op, ast.BitOr):
        return conforms(value, ann.left, module) or conforms(value, ann.right, module)
    if isinstance(ann, ast.Name):
        if ann.id in ("Any", "object"):
            return True
        if ann.id in _BUILTIN:
            return isinstance(value, _BUILTIN[ann.id])  # type: ignore[arg-type]
        cls = getattr(module, ann.id, None)
        return isinstance(value, cls) if isinstance(cls, type) else True
    if isinstance(ann, ast.Subscript) and isinstance(ann.value, ast.Name):
        name, args = ann.value.id, ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
        if name in ("list", "Sequence"):
            return isinstance(value, list if name == "list" else (list, tuple)) and \
                all(conforms(v, args[0], module) for v in value)
        if name in ("dict", "Mapping"):
            return isinstance(value, dict) and all(conforms(k, args[0], module) and conforms(v, args[1], module)
                                                   for k, v in value.items())
        if name == "tuple":
            return isinstance(value, tuple) and len(value) == len(args) and \
                all(conforms(v, a, module) for v, a in zip(value, args))
        if name == "Callable":
            return callable(value)
        if name == "ClassVar":
            return True
    return True


def check(module_name: str, stub_path: str, skip: frozenset[str] = frozenset()) -> list[str]:
    """The mismatches between the module's values and its stub; functions named in ``skip``
    are not called (one that crashes a goroutine by design, say)."""
    module = importlib.import_module(module_name)
    tree = ast.parse(open(stub_path).read())
    problems: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.returns is not None and not node.args.args \
                and not node.args.posonlyargs and not node.args.vararg and node.name not in skip:
            try:
                value = getattr(module, node.name)()
            except Exception:
                continue
            if not conforms(value, node.returns, module):
                problems.append(f"{node.name}() returned {value!r} ({type(value).__name__}), "
                                f"the stub says {ast.unparse(node.returns)}")
        if isinstance(node, ast.ClassDef):
            cls = getattr(module, node.name, None)
            try:
                instance = cls()  # type: ignore[misc]
            except Exception:
                continue
            for item in node.body:
                if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                    attr = item.target.id
                    try:
                        value = getattr(instance, attr)
                    except Exception:
                        continue
                    if not conforms(value, item.annotation, module):
                        problems.append(f"{node.name}().{attr} is {value!r} ({type(value).__name__}), "
                                        f"the stub says {ast.unparse(item.annotation)}")
    return problems


if __name__ == "__main__":
    found = check(sys.argv[1], sys.argv[2], frozenset(sys.argv[3:]))
    print("\n".join(found) or "agree")
    sys.exit(1 if found else 0)


def assert_agrees(ext_dir: Path, module: str, skip: tuple[str, ...] = ()) -> None:
    """Run this script against ``module`` built in ``ext_dir`` (in a fresh interpreter),
    not calling the functions named in ``skip``."""
    import os

    from tests.conftest import run

    env = dict(os.environ, PYTHONPATH=str(ext_dir))
    proc = run([sys.executable, __file__, module, str(ext_dir / f"{module}.pyi"), *skip], env=env, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
