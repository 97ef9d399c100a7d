"""AddressSanitizer and LeakSanitizer over the C runtime (issue 5, point 3).

* The runtime's Go tests (``runtime/*_test.go``: embedding, calls, conversions, containers,
  capsules, exceptions, modules, the Go-side fuzz seeds) built with ``go test -asan``, so the
  C runtime and cgo's glue are instrumented; Python is embedded and finalized.
* The e2e check scripts of every bound test package (kitchen, containers, callbacks, classes,
  named, extras, interfaces, foreign: scalar and container conversions, errors and panics, Go func
  callbacks both ways, classes, enums, complex numbers, sentinel errors, Python objects
  behind Go interfaces, datetime/timedelta/int/Fraction/Decimal for Go's time and math/big
  types, error values, io.Reader from files) against the package built by ``bindc build`` with ``-asan``, imported by a
  plain ``python`` with libasan preloaded.
* The README-level checks of the published libraries (``tests/e2e/published``), built into
  one directory with ``-asan``.
* The callbacks and kitchen checks again in a Go program that embeds Python with the module
  registered (``tests/e2e/hosts.py``, built with ``-asan``).
* ``asan_canary/`` proves the check can fail: the same build and run settings catch a heap
  overflow, a use of a str's buffer after its last ``Py_DECREF`` and a leaked ``malloc``.

A run passes when the process exits 0 and the sanitizers report nothing (leaks kept on purpose
are suppressed in ``lsan.supp``, each with its reason). ``sanitizers.py`` explains the choice
of ASan over valgrind and the settings. ``--stress`` adds, under ASan, the hypothesis fuzzing
of the kitchen module (500 examples per function), ``go test -fuzz`` of the runtime's four
conversion targets (30 s each), the runtime tests three times over, and the
100,000-iteration classes check left out by default.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bindc.build import build_extension
from bindc.interpreter import find_interpreter
from bindc.resources import find_go, go_env, runtime_c_dir
from tests.conftest import run
from tests.e2e.hosts import build_host
from tests.reliability import sanitizers as san

HERE = Path(__file__).parent
REPO = HERE.parents[1]
E2E = REPO / "tests" / "e2e"

needs_asan = pytest.mark.skipif(san.skip_reason() is not None, reason=san.skip_reason() or "")
needs_objdump = pytest.mark.skipif(shutil.which("objdump") is None, reason="objdump (binutils) not found")
pytestmark = pytest.mark.go

#: Suppression patterns a run may use (lsan.supp explains each).
KEPT_ON_PURPOSE = {"py4go_module_add_function"}


def sanitized(cmd: list[str], *, env: dict[str, str], cwd: Path, timeout: float) -> tuple[
        subprocess.CompletedProcess[str], san.Report]:
    """Run a sanitized command; its result and what the sanitizers reported."""
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    return proc, san.read_report(proc.stderr)


def assert_clean(what: str, proc: subprocess.CompletedProcess[str], report: san.Report) -> None:
    """Exit 0, no sanitizer error, and only the suppressions we expect."""
    assert proc.returncode == 0 and report.clean, san.describe(what, proc)
    used = {row.split()[-1] for row in report.suppressed}
    assert used <= KEPT_ON_PURPOSE, f"unexpected suppressions used: {report.suppressed}"


def go_build_env(*, embed: bool) -> dict[str, str]:
    """The Go environment for an ASan build against this interpreter."""
    return san.build_env(go_env(find_interpreter().cgo_env(runtime_c_dir(), embed=embed)))


def assert_instrumented(binary: Path, function: str) -> None:
    """``function`` in ``binary`` calls into ASan (a check that the build really used -asan:
    without it every run would pass and prove nothing)."""
    code = subprocess.run(["objdump", "-d", f"--disassemble={function}", str(binary)], capture_output=True,
                          text=True).stdout
    assert f"<{function}>:" in code and "__asan_" in code, f"{function} in {binary} is not built with ASan"


# ---- the runtime's Go tests ------------------------------------------------------------------

# One C function per runtime source file: each must contain ASan checks in the test binary,
# or the run would prove nothing about that file.
INSTRUMENTED = {"py4go.c": "py4go_str", "py4go_bind.c": "py4go_bind_bytes",
                "py4go_bind_values.c": "py4go_bind_coerce", "py4go_callback.c": "py4go_bind_iface_missing"}


@needs_asan
@needs_objdump
def test_runtime_go_tests_under_asan(tmp_path: Path, stress: bool) -> None:
    """The runtime's Go tests, built with ``go test -asan``, pass with no sanitizer report."""
    binary = tmp_path / "runtime_asan.test"
    run([find_go(), "test", "-asan", "-c", "-o", str(binary), "."], cwd=runtime_c_dir(),
        env=go_build_env(embed=True), timeout=900)
    for source, fn in INSTRUMENTED.items():
        assert source in {p.name for p in runtime_c_dir().glob("*.c")}, f"{source} is gone: update INSTRUMENTED"
        assert_instrumented(binary, fn)
    count = "3" if stress else "1"
    proc, report = sanitized([str(binary), f"-test.count={count}", "-test.v"], cwd=runtime_c_dir(),
                             env=san.run_env(go_env(), preload=False), timeout=1800 if stress else 300)
    assert_clean("runtime tests (go test -asan)", proc, report)
    passed = len(re.findall(r"^--- PASS: \w+", proc.stdout, re.M))
    assert passed >= 20 and "\n--- FAIL" not in proc.stdout and proc.stdout.rstrip().endswith("PASS"), proc.stdout
    print(f"runtime go tests under ASan: {passed} top-level tests passed (count={count}); "
          f"suppressed: {report.suppressed}")


# ---- bound extension modules ---------------------------------------------------------------

def _scripts(package: str, mode: str = "extension") -> dict[str, str]:
    """The e2e check scripts of ``package``, complete (imports and prelude), by name, built
    the way the e2e tests build them."""
    from tests.e2e import (buffers_checks, callbacks_checks, concurrency_checks, containers_checks, extras_checks,
                           foreign_checks, generics_checks,
                           idioms_checks, kitchen_checks, named_checks, objects_checks, streams_checks, test_classes,
                           test_interfaces, vectorized_checks)

    checks, alias, prelude = {
        "callbacks": (callbacks_checks.CHECKS, "callbacks", ""),
        "classes": (test_classes.CHECKS, "classes", ""),
        "concurrency": (concurrency_checks.CHECKS, "c", concurrency_checks.PRELUDE),
        "containers": (containers_checks.CHECKS, "c", containers_checks.PRELUDE),
        "extras": (extras_checks.CHECKS, "e", ""),
        "foreign": (foreign_checks.CHECKS, "f", foreign_checks.PRELUDE),
        "idioms": (idioms_checks.CHECKS, "m", idioms_checks.PRELUDE),
        "interfaces": (test_interfaces.CHECKS, "m", test_interfaces.PRELUDE),
        "kitchen": (kitchen_checks.CHECKS, "kitchen", ""),
        "named": (named_checks.CHECKS, "named", ""),
        "objects": (objects_checks.CHECKS, "o", objects_checks.PRELUDE),
        "streams": (streams_checks.CHECKS, "s", streams_checks.PRELUDE),
        "generics": (generics_checks.CHECKS, "g", generics_checks.PRELUDE),
        "buffers": (buffers_checks.CHECKS, "b", buffers_checks.PRELUDE),
        "vectorized": (vectorized_checks.CHECKS, "v", vectorized_checks.PRELUDE),
    }[package]
    head = f"MODE = {mode!r}\nimport {package} as {alias}\n" + textwrap.dedent(prelude)
    return {name: head + textwrap.dedent(src) for name, src in checks.items()}


#: Checks left out of the default run, with why; ``--stress`` runs them.
SLOW = {
    # 100,000 create/drop cycles counting live Go handles: 7 s under ASan, and its calls are
    # the same ones the other classes checks make (the handle count itself is checked, without
    # ASan, by tests/e2e/test_classes.py).
    "values_are_freed_when_python_drops_them",
}

PACKAGES = ["buffers", "callbacks", "classes", "concurrency", "containers", "extras", "foreign", "generics", "idioms",
            "interfaces", "kitchen", "named", "objects", "streams", "vectorized"]


def _instantiations(package: str) -> tuple[str, ...]:
    """The command-line instantiations a package's e2e build uses (``--instantiate``)."""
    from tests.e2e import generics_checks

    return generics_checks.INSTANTIATE if package == "generics" else ()


@needs_asan
@needs_objdump
@pytest.mark.parametrize("package", PACKAGES)
def test_extension_checks_under_asan(package: str, tmp_path: Path, stress: bool,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Every e2e check of ``package`` passes in one python (libasan preloaded) importing the
    module built with ``-asan``, with no sanitizer report."""
    src = E2E / package
    build = go_build_env(embed=False)
    # bindc build runs `go build` with the environment it inherits plus the interpreter's CGO
    # flags; GOFLAGS carries -asan through.
    monkeypatch.setenv("GOFLAGS", build["GOFLAGS"])
    built = build_extension(str(src), tmp_path / "ext", cwd=src, instantiate=_instantiations(package))
    assert not built.result.sink.has_errors
    (so,) = (tmp_path / "ext").glob(f"{package}.*.so")
    assert_instrumented(so, f"PyInit_{package}")  # generated C
    assert_instrumented(so, "py4go_bind_bytes")  # the runtime's C
    scripts = {n: s for n, s in _scripts(package).items() if stress or n not in SLOW}
    (tmp_path / "checks.json").write_text(json.dumps(scripts))
    env = san.run_env(dict(go_env(), PYTHONPATH=str(tmp_path / "ext"), PYTHONFAULTHANDLER="1"), preload=True)
    proc, report = sanitized([sys.executable, str(HERE / "run_checks.py"), str(tmp_path / "checks.json")],
                             env=env, cwd=tmp_path, timeout=900 if stress else 300)
    assert_clean(f"{package} checks under ASan", proc, report)
    assert proc.stdout.split().count("ok") == len(scripts), proc.stdout
    print(f"{package}: {len(scripts)} checks passed under ASan")


@needs_asan
@needs_objdump
def test_published_checks_under_asan(tmp_path: Path, stress: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README-level checks of five published libraries (``tests/e2e/published``:
    value classes in containers, ``sort()`` by ``sort.Interface`` including a panicking
    ``Less``, sentinel errors, ``[]error`` results, pickling through ``MarshalText``; golang-lru's
    and cron's callbacks, options and Python-implemented interfaces) against
    the libraries built with ``-asan`` into one directory, each with its own Go runtime."""
    from tests.e2e import test_published_idioms as more
    from tests.e2e import test_published_versions as pub

    monkeypatch.setenv("GOFLAGS", go_build_env(embed=False)["GOFLAGS"])
    out = tmp_path / "ext"
    for package, module, inst in (("uuid", "go_uuid", ()), ("semver", "semver", ()), ("goversion", "version", ()),
                                  ("golang-lru", "lru", more.LRU_INSTANCES), ("cron", "cron", ())):
        src = pub.PUBLISHED / package
        built = build_extension(str(src), out, cwd=src, module=module, instantiate=inst)
        assert not built.result.sink.has_errors
        (so,) = out.glob(f"{module}.*.so")
        assert_instrumented(so, f"PyInit_{module}")
    # golang-lru and cron: None for a nil-checked func, func options as variadic elements,
    # eviction callbacks, Python Job/Schedule objects called from Go's goroutines with datetimes
    scripts = {"uuid": textwrap.dedent(pub.UUID_README), "semver": textwrap.dedent(pub.SEMVER_README),
               "goversion": textwrap.dedent(pub.GOVERSION_README), "lru": textwrap.dedent(more.LRU),
               "cron": textwrap.dedent(more.CRON)}
    (tmp_path / "checks.json").write_text(json.dumps(scripts))
    env = san.run_env(dict(go_env(), PYTHONPATH=str(out), PYTHONFAULTHANDLER="1"), preload=True)
    proc, report = sanitized([sys.executable, str(HERE / "run_checks.py"), str(tmp_path / "checks.json")],
                             env=env, cwd=tmp_path, timeout=900 if stress else 300)
    assert_clean("published checks under ASan", proc, report)
    assert proc.stdout.split().count("ok") == len(scripts), proc.stdout


@needs_asan
@needs_objdump
@pytest.mark.parametrize("package", ["kitchen", "classes", "callbacks", "vectorized"])
def test_abi3_extension_checks_under_asan(package: str, tmp_path: Path, stress: bool,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The same, for the abi3 build (``--abi3``: the runtime's limited-API code paths, such
    as the handle slot found through PyType_GetSlot and vectorcall through tuples)."""
    src = E2E / package
    monkeypatch.setenv("GOFLAGS", go_build_env(embed=False)["GOFLAGS"])
    built = build_extension(str(src), tmp_path / "ext", cwd=src, abi3=True)
    assert not built.result.sink.has_errors
    so = tmp_path / "ext" / f"{package}.abi3.so"
    assert_instrumented(so, f"PyInit_{package}")
    assert_instrumented(so, "py4go_bind_bytes")
    scripts = {n: s for n, s in _scripts(package).items() if stress or n not in SLOW}
    (tmp_path / "checks.json").write_text(json.dumps(scripts))
    env = san.run_env(dict(go_env(), PYTHONPATH=str(tmp_path / "ext"), PYTHONFAULTHANDLER="1"), preload=True)
    proc, report = sanitized([sys.executable, str(HERE / "run_checks.py"), str(tmp_path / "checks.json")],
                             env=env, cwd=tmp_path, timeout=900 if stress else 300)
    assert_clean(f"{package} checks under ASan (abi3)", proc, report)
    assert proc.stdout.split().count("ok") == len(scripts), proc.stdout
    print(f"{package} (abi3): {len(scripts)} checks passed under ASan")


@needs_asan
@needs_objdump
def test_bundle_checks_under_asan(tmp_path: Path, stress: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """A bundle (tests/e2e/bundle: two modules, one library, classes crossing between them)
    built with ``-asan``: its e2e checks and kitchen's, from a bundle of kitchen and callbacks."""
    from bindc.bundle import build_bundle
    from tests.e2e.test_bundle import CHECKS as BUNDLE_CHECKS

    monkeypatch.setenv("GOFLAGS", go_build_env(embed=False)["GOFLAGS"])
    shapes = build_bundle([str(E2E / "bundle" / "geom"), str(E2E / "bundle" / "measure")], tmp_path / "ext",
                          "shapes", cwd=E2E / "bundle")
    pair = build_bundle([str(E2E / "kitchen"), str(E2E / "callbacks")], tmp_path / "ext", "pair", cwd=E2E)
    assert_instrumented(shapes.library, "PyInit_measure")
    assert_instrumented(pair.library, "py4go_bind_bytes")
    scripts = {f"shapes_{n}": textwrap.dedent(src) for n, src in BUNDLE_CHECKS.items()}
    for package in ("kitchen", "callbacks"):
        # The checks import the module by its own name: alias the bundle's submodule.
        scripts.update({f"{package}_{n}": f"import sys, pair\nsys.modules[{package!r}] = pair.{package}\n" + src
                        for n, src in _scripts(package).items() if stress or n not in SLOW})
    (tmp_path / "checks.json").write_text(json.dumps(scripts))
    env = san.run_env(dict(go_env(), PYTHONPATH=str(tmp_path / "ext"), PYTHONFAULTHANDLER="1"), preload=True)
    proc, report = sanitized([sys.executable, str(HERE / "run_checks.py"), str(tmp_path / "checks.json")],
                             env=env, cwd=tmp_path, timeout=900 if stress else 300)
    assert_clean("bundle checks under ASan", proc, report)
    assert proc.stdout.split().count("ok") == len(scripts), proc.stdout
    print(f"bundles: {len(scripts)} checks passed under ASan")


@needs_asan
def test_kitchen_fuzzing_under_asan(tmp_path: Path, stress: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hypothesis values (huge ints, lone surrogates, buffers of every kind...) through every
    kitchen wrapper under ASan: 15 s for 20 examples per function, so only under --stress."""
    if not stress:
        pytest.skip("under --stress only (hypothesis under ASan takes ~0.8 s per function per 20 examples)")
    monkeypatch.setenv("GOFLAGS", go_build_env(embed=False)["GOFLAGS"])
    kitchen = E2E / "kitchen"
    built = build_extension(str(kitchen), tmp_path / "ext", cwd=kitchen)
    assert not built.result.sink.has_errors
    env = san.run_env(dict(go_env(), PYTHONPATH=f"{tmp_path / 'ext'}:{REPO}"), preload=True)
    proc, report = sanitized([sys.executable, str(HERE / "fuzz_kitchen.py"), "500"], env=env, cwd=tmp_path,
                             timeout=3600)
    assert_clean("fuzz_kitchen.py under ASan", proc, report)
    assert "failures=0" in proc.stdout, proc.stdout
    print(proc.stdout)


GO_FUZZ_TARGETS = ["FuzzStringBytes", "FuzzInts", "FuzzFloats", "FuzzContainers", "FuzzTypedFastInts"]


@needs_asan
@pytest.mark.parametrize("target", GO_FUZZ_TARGETS)
def test_go_fuzzing_under_asan(target: str, stress: bool) -> None:
    """``go test -asan -fuzz`` on one runtime conversion target (one worker); under --stress only,
    since the default run already fuzzes each target without ASan in test_fuzz_boundary.py."""
    if not stress:
        pytest.skip("under --stress only (30 s per target)")
    env = san.run_env(go_build_env(embed=True), preload=False)
    proc, report = sanitized([find_go(), "test", "-asan", "-count=1", "-run", "^$", "-fuzz", f"^{target}$",
                              "-fuzztime", "30s", "-parallel", "1", "."], env=env, cwd=runtime_c_dir(), timeout=900)
    assert_clean(f"go test -asan -fuzz {target}", proc, report)
    execs = [int(n) for n in re.findall(r"execs: (\d+)", proc.stdout + proc.stderr)]
    assert execs and max(execs) > 100, proc.stdout + proc.stderr
    print(f"{target} under ASan: {max(execs)} execs in 30s")


#: Packages also run in a Go host that embeds Python with the module registered (embedded
#: mode: RegisterPythonModule, Go-started interpreter, goroutines calling back into Python).
EMBEDDED = ["callbacks", "kitchen"]


@needs_asan
@needs_objdump
@pytest.mark.parametrize("package", EMBEDDED)
def test_embedded_checks_under_asan(package: str, tmp_path: Path) -> None:
    """The e2e checks of ``package`` pass in an ASan-built Go host embedding Python."""
    host = build_host(tmp_path / "host", E2E / package, find_go(), go_build_env(embed=True))
    assert_instrumented(host, f"PyInit_{package}")
    assert_instrumented(host, "py4go_str")
    scripts = {n: s for n, s in _scripts(package, "embedded").items() if n not in SLOW}
    (tmp_path / "checks.json").write_text(json.dumps(scripts))
    (tmp_path / "main.py").write_text(f"import sys\nsys.path.insert(0, {str(HERE)!r})\nimport run_checks\n"
                                      f"run_checks.run_all({str(tmp_path / 'checks.json')!r})\n")
    proc, report = sanitized([str(host), str(tmp_path / "main.py")], env=san.run_env(go_env(), preload=False),
                             cwd=tmp_path, timeout=300)
    assert_clean(f"{package} checks in an embedded host under ASan", proc, report)
    assert proc.stdout.split().count("ok") == len(scripts), proc.stdout
    print(f"{package} (embedded): {len(scripts)} checks passed under ASan")


# ---- the check can fail ----------------------------------------------------------------------

CANARY = HERE / "asan_canary"
EXPECTED = {
    "overflow": ("AddressSanitizer: heap-buffer-overflow", "canary_overflow"),
    "use_after_decref": ("AddressSanitizer: heap-use-after-free", "canary_use_after_decref"),
    "leak": ("LeakSanitizer: detected memory leaks", "canary_leak"),
}


@pytest.fixture(scope="module")
def canary(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """asan_canary built both ways: a program embedding Python, and a c-shared library."""
    if san.skip_reason():
        pytest.skip(san.skip_reason() or "")
    out = tmp_path_factory.mktemp("asan_canary")
    go = find_go()
    run([go, "build", "-o", str(out / "canary"), "."], cwd=CANARY, env=go_build_env(embed=True))
    run([go, "build", "-buildmode=c-shared", "-o", str(out / "canary.so"), "."], cwd=CANARY,
        env=go_build_env(embed=False))
    return {"embedded": out / "canary", "extension": out / "canary.so"}


def run_canary(canary: dict[str, Path], host: str, mode: str) -> tuple[subprocess.CompletedProcess[str], san.Report]:
    """Run one canary mode as a program (``embedded``) or through ctypes in python (``extension``)."""
    if host == "embedded":
        return sanitized([str(canary["embedded"]), mode], env=san.run_env(go_env(), preload=False),
                         cwd=canary["embedded"].parent, timeout=120)
    code = f"import ctypes, sys\nsys.exit(ctypes.PyDLL({str(canary['extension'])!r}).asan_canary({mode.encode()!r}))"
    return sanitized([sys.executable, "-c", code], env=san.run_env(go_env(), preload=True),
                     cwd=canary["extension"].parent, timeout=120)


@pytest.mark.parametrize("host", ["embedded", "extension"])
@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_asan_notices_an_injected_bug(canary: dict[str, Path], host: str, mode: str) -> None:
    """Each deliberate bug fails the run, and the report names the C function that made it."""
    proc, report = run_canary(canary, host, mode)
    kind, function = EXPECTED[mode]
    assert proc.returncode != 0 and not report.clean, san.describe(f"canary {mode}", proc)
    assert kind in report.errors[0] and function in report.errors[0], report.errors[0]


@pytest.mark.parametrize("host", ["embedded", "extension"])
def test_canary_without_a_bug_is_clean(canary: dict[str, Path], host: str) -> None:
    """The control: the canary's setup alone (Python up and down, the Go runtime) reports nothing."""
    proc, report = run_canary(canary, host, "clean")
    assert_clean("canary clean", proc, report)


def test_read_report_splits_errors_and_suppressions() -> None:
    """read_report finds every error report (ending at its SUMMARY) and the suppressions table."""
    stderr = textwrap.dedent("""\
        some output
        =================================================================
        ==12==ERROR: AddressSanitizer: heap-use-after-free on address 0x6080 at pc 0x53
        READ of size 1 at 0x6080 thread T0
            #0 0x537c79 in f /src/x.c:34
        SUMMARY: AddressSanitizer: heap-use-after-free /src/x.c:34 in f
        Shadow bytes around the buggy address:
        ==12==ERROR: LeakSanitizer: detected memory leaks

        Direct leak of 64 byte(s) in 1 object(s) allocated from:
            #1 0x537b4c in g /src/x.c:39

        -----------------------------------------------------
        Suppressions used:
          count      bytes template
              3         55 py4go_module_add_function
        -----------------------------------------------------

        SUMMARY: AddressSanitizer: 64 byte(s) leaked in 1 allocation(s).
        """)
    report = san.read_report(stderr)
    assert len(report.errors) == 2 and not report.clean
    assert report.errors[0].startswith("==12==ERROR: AddressSanitizer: heap-use-after-free")
    assert report.errors[0].endswith("in f") and "Shadow" not in report.errors[0]
    assert "in g /src/x.c:39" in report.errors[1]
    assert report.suppressed == ("3 55 py4go_module_add_function",)
    assert san.read_report("PASS\n").clean
