"""``bindc build``: a Go package as a CPython extension module.

The bindings are generated as a wrapper package (``--out`` mode: exported API) inside a build
module whose ``main`` package imports it, and linked with ``go build -buildmode=c-shared``
without libpython (the interpreter that imports the module provides it).

The build module lives in a stable directory of bindc's cache (:mod:`bindc.cache`), keyed by
package, interpreter and options, so a rebuild with nothing changed rewrites no file and hits
Go's build cache. Its ``go.mod`` (:mod:`bindc.gomod`) carries over the bound module's own
``require`` and ``replace`` lines and points the bound module and the py4go runtime at their
directories, so nothing is fetched and nothing is written into the bound package.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Union

from bindc.cache import build_dir, locked
from bindc.capi.limited import LIMITED_API_3_11
from bindc.gomod import BuildModule, GoModError, read_go_mod
from bindc.interpreter import Interpreter, InterpreterError, find_interpreter
from bindc.progress import Reporter, SilentReporter, human_size
from bindc.resources import RUNTIME_IMPORT_PATH, GoToolchainError, find_go, go_env, runtime_c_dir, runtime_dir
from bindc.uptodate import Stamp
from bindc.writer import GeneratedFile, write_all, write_if_changed

if TYPE_CHECKING:
    from bindc.diagnostics import DiagnosticSink
    from bindc.driver import Result

#: Module path of the build module (its ``main`` package imports ``<path>/bindings``).
BUILD_MODULE_PATH = "bindc.build/extension"


class BuildError(Exception):
    """The extension could not be built; ``result`` holds diagnostics when there are any."""

    def __init__(self, message: str, result: "Result | None" = None) -> None:
        super().__init__(message)
        self.result = result


@dataclass(frozen=True)
class Built:
    """What ``bindc build`` produced."""

    result: "Union[Result, UpToDate]"
    outputs: list[Path]
    #: The extension module file (``NAME<EXT_SUFFIX>``) and its stub.
    extension: Path | None = None
    stub: Path | None = None
    #: What was bound and skipped (the summary line of ``bindc build``), up to date or not.
    summary: str = ""


#: The file name suffix of an abi3 module on this platform (PEP 384, PEP 3149).
ABI3_SUFFIX = ".abi3.so"


def build_extension(package: str, out: Path, *, module: str | None = None, python: str | None = None,
                    strict: bool = False, cwd: Path | None = None, reporter: Reporter | None = None,
                    abi3: bool = False, instantiate: tuple[str, ...] = ()) -> Built:
    """Generate bindings for ``package`` and build them into ``out/NAME<EXT_SUFFIX>`` + ``NAME.pyi``.

    With ``abi3`` the module uses only the limited API of CPython 3.11 (proven before building,
    see :mod:`bindc.limited_check`), is compiled with ``Py_LIMITED_API`` and is named
    ``NAME.abi3.so``: one file for CPython 3.11 and every later version. ``instantiate`` lists
    instantiations of generic functions to bind (``pkg.Map[int,string]``, as ``--instantiate``).

    Diagnostics go to ``reporter`` before ``go build`` starts; a failure raises
    :class:`BuildError`. Only ``out/NAME<EXT_SUFFIX>`` and ``out/NAME.pyi`` are written (each
    only when its content changed), plus bindc's cache directory. A package given as a
    directory whose inputs did not change since its last build is not rebuilt at all
    (:mod:`bindc.uptodate`): its last extension and stub, kept in the build directory, are
    installed into ``out`` (any ``out``: the build does not depend on where it goes).
    """
    reporter = reporter or SilentReporter()
    cwd = cwd or Path.cwd()
    out = out.resolve()
    try:
        interp = find_interpreter(python)
    except InterpreterError as e:
        raise BuildError(str(e)) from None
    if abi3 and interp.version_tuple < (3, 11):
        raise BuildError(f"--abi3 builds for the limited API of CPython 3.11, but {interp.executable} is "
                         f"Python {interp.version}: build with Python 3.11 or later")
    # What the built files depend on; not ``out``, where they are only copied.
    target = (interp.executable, interp.version, interp.ext_suffix, module or "",
              "strict" if strict else "", "abi3" if abi3 else "", *instantiate)
    directory = _package_directory(package, cwd)
    if directory is None:  # an import path: the go command says where it is
        return _build(package, out, module, python, strict, cwd, reporter, interp, target, stamp=None, abi3=abi3,
                      instantiate=instantiate)
    root = build_dir(module or directory.name, "dir", str(directory), *target)
    inputs = _inputs(directory, target)
    with locked(root):
        stamp = Stamp(root / "stamp.json")
        record = stamp.matches(inputs)
        if record is None:
            stamp.clear()
            return _build(package, out, module, python, strict, cwd, reporter, interp, target, stamp=(stamp, inputs),
                          abi3=abi3, instantiate=instantiate)
        # Installed under the lock: a build into another out must not replace them meanwhile.
        so, stub = _install(Path(record["extension"]), out), _install(Path(record["stub"]), out)
    if record["diagnostics"]:
        reporter.diagnostics(record["diagnostics"])
    reporter.done(f"{record['summary']} -> {_display(so, cwd)} ({human_size(so.stat().st_size)}) (up to date)")
    return Built(UpToDate(interp), [so, stub], so, stub, record.get("bound", ""))


@dataclass
class UpToDate:
    """The :class:`~bindc.driver.Result` stand-in of a build that was up to date: nothing was
    generated, so there are no files and no new diagnostics (the recorded ones were replayed)."""

    interpreter: Interpreter
    files: list[GeneratedFile] = field(default_factory=list)
    module: None = None

    @property
    def sink(self) -> "DiagnosticSink":
        """An empty sink (the diagnostics API callers expect)."""
        from bindc.diagnostics import DiagnosticSink

        return DiagnosticSink()


def _package_directory(package: str, cwd: Path) -> Path | None:
    """``package`` as a directory, by :func:`bindc.frontend.locate_package`'s rule; None for an import path."""
    from bindc.frontend.locate import PackageNotFoundError, package_dir_of

    try:
        return package_dir_of(package, cwd)
    except PackageNotFoundError as e:
        raise BuildError(str(e)) from None


def _inputs(directory: Path, target: tuple[str, ...]) -> str:
    """The fingerprint of everything a build of the package in ``directory`` reads."""
    import bindc
    from bindc import uptodate
    from bindc.resources import grammar_dir

    module_root = next((d for d in [directory, *directory.parents] if (d / "go.mod").is_file()), directory)
    go_trees = [module_root, *uptodate.local_replacements(module_root / "go.mod"), runtime_dir()]
    return uptodate.fingerprint([bindc.__version__, str(directory), *target], go_trees,
                                [Path(bindc.__file__).parent, grammar_dir()])


def _build(package: str, out: Path, module: str | None, python: str | None, strict: bool, cwd: Path, reporter: Reporter,
           interp: Interpreter, target: tuple[str, ...], stamp: tuple[Stamp, str] | None, abi3: bool = False,
           instantiate: tuple[str, ...] = ()) -> Built:
    """The full build: locate, generate, write the build module, go build, install the outputs."""
    from bindc.driver import Request, generate_files
    from bindc.frontend import PackageNotFoundError, locate_package

    try:
        located = locate_package(package, cwd=cwd)
    except (PackageNotFoundError, GoToolchainError) as e:
        raise BuildError(str(e)) from None
    root = build_dir(module or located.dir.name, "dir", str(located.dir), *target) if stamp \
        else build_dir(module or located.name or located.dir.name, "import", located.import_path or "", *target)
    # A directory build already holds the lock (taken around its up-to-date check).
    with contextlib.nullcontext(root) if stamp else locked(root):
        wrapper_dir = root / "bindings"
        result = generate_files(Request(package=package, out=wrapper_dir, module=module, python=python, cwd=cwd,
                                        strict=strict, abi3=abi3, instantiate=instantiate, on_phase=reporter.phase))
        diagnostics = result.sink.render_all() if result.sink.items else ""
        if diagnostics:
            reporter.diagnostics(diagnostics)
        if result.sink.has_errors or result.module is None:
            raise BuildError("no extension built: fix the errors above", result)
        if located.name == "main" or result.module.package.name == "main":
            raise BuildError(f"{located.dir} is package main, which Go cannot import; move the API to its own package")
        name = result.module.name
        _write_build_module(root, located.import_path, located.module_root)
        _remove_stale(wrapper_dir, {f.path for f in result.files})
        write_all(result.files)

        reporter.phase("go build")
        so_built = root / f"{name}{ABI3_SUFFIX if abi3 else interp.ext_suffix}"
        env = go_env(interp.cgo_env(runtime_c_dir(), embed=False))
        if abi3:  # the runtime's C and the wrappers, compiled against the stable ABI only
            env["CGO_CFLAGS"] += f" -DPy_LIMITED_API=0x{LIMITED_API_3_11:08x}"
        env["CGO_CFLAGS"] += "".join(f" -ffile-prefix-map={d}={alias}" for d, alias in (
            (interp.include_dir, "/python/include"), (runtime_dir(), "/py4go/runtime")))
        env["GOWORK"] = "off"  # the build module is the whole build: no go.work of the caller applies
        proc = subprocess.run([find_go(), "build", "-mod=mod", "-trimpath", "-buildmode=c-shared",
                               "-o", str(so_built), "."], cwd=root, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise BuildError(f"go build failed:\n{real_paths(proc.stderr.strip(), root, cwd)}", result)

        so_path = _install(so_built, out)
        stub = next(f for f in result.files if f.path.suffix == ".pyi")  # written in wrapper_dir
        stub_path = _install(stub.path, out)
        summary = f"{name}: {result.module.summary.line()}"
        if stamp is not None:  # the build directory's own copies: what an up-to-date build installs
            stamp[0].save(stamp[1], [so_built, stub.path], diagnostics=diagnostics, summary=summary,
                          bound=result.module.summary.line(), extension=str(so_built), stub=str(stub.path))
    reporter.done(f"{summary} -> {_display(so_path, cwd)} ({human_size(so_path.stat().st_size)})")
    return Built(result, [so_path, stub_path], so_path, stub_path, result.module.summary.line())


def _install(built: Path, out: Path) -> Path:
    """Copy ``built`` into ``out`` unless an identical file is there (its mtime then stays).

    Copy next to the target, then rename: a Python process that has the old module mapped
    keeps its inode, and nobody sees a half-written library.
    """
    out.mkdir(parents=True, exist_ok=True)
    target = out / built.name
    if target.exists() and target.stat().st_size == built.stat().st_size and target.read_bytes() == built.read_bytes():
        return target
    staged = out / f".{built.name}.tmp"
    shutil.copyfile(built, staged)
    os.replace(staged, target)
    return target


def _write_build_module(root: Path, import_path: str | None, module_root: Path | None,
                        bindings: tuple[str, ...] = ("bindings",), more_roots: tuple[Path, ...] = ()) -> None:
    """go.mod, go.sum and main.go of the build module, whose main imports every wrapper
    package in ``bindings`` (folders of ``root``; several for a bundle, whose bound packages
    may come from ``more_roots`` modules too)."""
    build = BuildModule(BUILD_MODULE_PATH)
    runtime = runtime_dir()
    go_sum = ""
    roots = [r for r in dict.fromkeys([module_root, *more_roots]) if r is not None and (r / "go.mod").exists()]
    for mroot in roots:
        try:
            bound = read_go_mod(mroot)
        except GoModError as e:
            raise BuildError(str(e)) from None
        build.carry_over(bound, mroot, keep={RUNTIME_IMPORT_PATH, bound.path})
        build.use_directory(bound.path, mroot)
        if (mroot / "go.sum").exists():
            go_sum += (mroot / "go.sum").read_text()
    build.use_directory(RUNTIME_IMPORT_PATH, runtime)
    _link_directories(root, build)
    _write_owned_by_go(root / "go.mod", build.render())
    _write_owned_by_go(root / "go.sum", go_sum)
    write_if_changed(GeneratedFile(root / "main.go", (
        "// Code generated by bindc. DO NOT EDIT.\n\n"
        "// Command extension is linked with -buildmode=c-shared; Python loads it as a module.\n"
        "package main\n\n"
        + "".join(f'import _ "{BUILD_MODULE_PATH}/{b}"\n' for b in bindings) + "\n"
        "func main() {}\n"
    )))


def _link_directories(root: Path, build: BuildModule) -> None:
    """Point every directory replacement at a symlink ``./deps/<module path>`` in the build dir.

    Go records replacement paths in the binary's build info, which -trimpath leaves alone; a
    link keeps the build machine's directories out of the extension (wheels ship it), and
    :func:`real_paths` resolves it back in error messages.
    """
    deps = root / "deps"
    deps.mkdir(exist_ok=True)
    wanted: dict[str, str] = {}
    for key, (new_path, new_version) in sorted(build.replaces.items()):
        if new_version or not Path(new_path).is_absolute():
            continue
        name = re.sub(r"[^A-Za-z0-9_.-]", "_", key[0]) + (f"_{key[1]}" if key[1] else "")
        wanted[name] = new_path
        build.replaces[key] = (f"./deps/{name}", "")
    for link in deps.iterdir():
        if link.name not in wanted:
            link.unlink()
    for name, target in wanted.items():
        link = deps / name
        if link.is_symlink() and os.readlink(link) == target:
            continue
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(target, target_is_directory=True)


def _write_owned_by_go(path: Path, content: str) -> None:
    """Write a go.mod/go.sum that ``go build -mod=mod`` may reformat or extend.

    What bindc meant to write is kept beside it (``.bindc``): the file is rewritten only when
    that changes, so go's own edits do not make every build look like a change.
    """
    intent = path.with_name(path.name + ".bindc")
    if path.exists() and intent.exists() and intent.read_text() == content:
        return
    write_if_changed(GeneratedFile(path, content))
    write_if_changed(GeneratedFile(intent, content))


def _remove_stale(directory: Path, keep: set[Path]) -> None:
    """Delete generated files of an earlier build (another module name) from ``directory``."""
    if directory.is_dir():
        for path in directory.iterdir():
            if path.is_file() and path not in keep:
                path.unlink()


_RELATIVE_PATH = re.compile(r"(?<![\w/.~-])((?:\.\.?/)+[^\s:()\"']+|(?:\./)?deps/[^\s:()\"']+)")


def real_paths(text: str, build_root: Path, cwd: Path) -> str:
    """Rewrite paths in go's output that are relative to the build directory (``../../x.go``,
    ``deps/<module>/x.go``) as real paths: relative to ``cwd`` when below it, absolute otherwise."""

    def fix(match: re.Match[str]) -> str:
        resolved = (build_root / match.group(1)).resolve()
        if not resolved.exists():
            return match.group(1)
        return _display(resolved, cwd)

    return _RELATIVE_PATH.sub(fix, text)


def _display(path: Path, cwd: Path) -> str:
    """``path`` relative to ``cwd`` when below it (shorter in messages), else absolute."""
    try:
        return str(path.relative_to(cwd.resolve()))
    except ValueError:
        return str(path)
