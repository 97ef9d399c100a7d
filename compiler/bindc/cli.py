"""The ``bindc`` command line (typer).

Exit codes are part of the contract: 0 ok, 1 ``check`` found stale output, 2 usage or input
errors (with ``file:line:col`` diagnostics on stderr).
"""

from __future__ import annotations

import shlex
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Optional

import typer

from bindc import __version__
from bindc.interpreter import InterpreterError, find_interpreter
from bindc.resources import runtime_c_dir, runtime_dir
from bindc.writer import stale_files, write_all

if TYPE_CHECKING:  # the driver pulls in tree-sitter and libclang: imported when a command needs it
    from bindc.driver import Result

EXIT_OK, EXIT_STALE, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    name="bindc",
    help="Bind Go packages to Python: cgo wrappers, typed .pyi stubs, extension modules.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

PackageArg = Annotated[str, typer.Argument(
    help="Package directory (default: current directory) or Go import path (e.g. strings, net/url).")]
OutOpt = Annotated[Optional[Path], typer.Option(
    "--out", help="Generate a separate wrapper package in this directory (exported API only) "
                  "instead of generating into the package itself.")]
ModuleOpt = Annotated[Optional[str], typer.Option("--module", help="Python module name (default: the Go package name).")]
PythonOpt = Annotated[Optional[str], typer.Option(
    "--python", help="Target Python interpreter (path or command; default: the one running bindc).")]
StrictOpt = Annotated[bool, typer.Option(
    "--strict", help="Make every skipped exported declaration an error (for CI).")]

InstantiateOpt = Annotated[Optional[list[str]], typer.Option(
    "--instantiate", help="Bind an instantiation of a generic function, e.g. 'pkg.Map[int,string]' or "
                          "'Map[int,string]=map_is' (repeatable; see docs/generics.md).")]


def _progress(message: str) -> None:
    """Progress on stderr, so stdout stays clean for scripts (``bindc env``)."""
    typer.secho(f"bindc: {message}", err=True, fg=typer.colors.BRIGHT_BLACK)


def _report(result: Result) -> None:
    if result.sink.items:
        typer.echo(result.sink.render_all(), err=True)


def _summary(result: Result) -> None:
    """The one line saying how much of the package is bound and why the rest is not."""
    if result.module is not None:
        _progress(result.module.summary.line())


def _run(package: str, out: Path | None, module: str | None, python: str | None, strict: bool = False,
         instantiate: list[str] | None = None) -> Result:
    from bindc.driver import Request, generate_files

    _progress(f"reading {package}")
    return generate_files(Request(package=package, out=out, module=module, python=python, cwd=Path.cwd(),
                                  strict=strict, instantiate=tuple(instantiate or ())))


@app.command()
def generate(package: PackageArg = ".", out: OutOpt = None, module: ModuleOpt = None,
             python: PythonOpt = None, strict: StrictOpt = False, instantiate: InstantiateOpt = None) -> None:
    """Generate the cgo wrappers (.c, .go) and the .pyi stub for a Go package."""
    result = _run(package, out, module, python, strict, instantiate)
    _report(result)
    _summary(result)
    if result.sink.has_errors:
        raise typer.Exit(EXIT_ERROR)
    written = write_all(result.files)
    for path in written:
        _progress(f"wrote {path}")
    if not written:
        _progress("everything up to date")


@app.command()
def check(package: PackageArg = ".", out: OutOpt = None, module: ModuleOpt = None,
          python: PythonOpt = None, strict: StrictOpt = False, instantiate: InstantiateOpt = None) -> None:
    """Check that generated files on disk are fresh: exit 0 fresh, 1 stale (with a diff), 2 errors.

    Writes nothing.
    """
    result = _run(package, out, module, python, strict, instantiate)
    _report(result)
    if result.sink.has_errors:
        raise typer.Exit(EXIT_ERROR)
    stale = stale_files(result.files)
    if stale:
        for path, diff in stale:
            typer.echo(f"stale: {path}", err=True)
            typer.echo(diff, err=True)
        typer.echo(f"bindc check: {len(stale)} generated file(s) are stale; run `bindc generate`", err=True)
        raise typer.Exit(EXIT_STALE)
    _progress(f"{len(result.files)} generated file(s) are fresh")


@app.command()
def build(packages: Annotated[Optional[list[str]], typer.Argument(
              help="Package directories or Go import paths (default: the current directory); several "
                   "need --package.")] = None,
          out: Annotated[Path, typer.Option("--out", help="Directory for NAME<EXT_SUFFIX> and NAME.pyi.")] = ...,  # type: ignore[assignment]
          module: ModuleOpt = None, python: PythonOpt = None, strict: StrictOpt = False,
          instantiate: InstantiateOpt = None,
          quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print errors only.")] = False,
          abi3: Annotated[bool, typer.Option(
              "--abi3", help="Use only the limited API of CPython 3.11 (checked with libclang) and write "
                             "NAME.abi3.so, which imports on 3.11 and every later CPython.")] = False,
          package: Annotated[Optional[str], typer.Option(
              "--package", help="Link every package into one library (one Go runtime) as submodules of "
                                "the Python package DIR/NAME; types cross between them.")] = None) -> None:
    """Build a Go package as a CPython extension module importable from --out.

    With several packages and --package NAME, one shared library holds them all (DIR/NAME/).

    Shows each phase with its elapsed time (a spinner on a terminal), diagnostics before
    `go build` starts, and a summary line last.
    """
    from bindc.build import BuildError, build_extension
    from bindc.progress import ConsoleReporter, QuietReporter

    reporter = QuietReporter() if quiet else ConsoleReporter()
    packages = packages or ["."]
    try:
        if package is not None:
            from bindc.bundle import build_bundle

            if module is not None:
                raise BuildError("--module names one module; with --package each submodule is named after its Go package")
            if instantiate:
                raise BuildError("--instantiate is not supported with --package yet: build the generic package on its "
                                 "own, or use //py4go:instantiate directives")
            build_bundle(packages, out, package, python=python, strict=strict, reporter=reporter, abi3=abi3)
            return
        if len(packages) > 1:
            raise BuildError(f"{len(packages)} packages given: link them into one library with --package NAME")
        build_extension(packages[0], out, module=module, python=python, strict=strict, reporter=reporter, abi3=abi3,
                        instantiate=tuple(instantiate or ()))
    except BuildError as e:
        if e.result is not None and e.result.module is not None:
            reporter.info(e.result.module.summary.line())
        reporter.error(f"bindc build: {e}")
        raise typer.Exit(EXIT_ERROR) from None


@app.command()
def env(python: PythonOpt = None,
        extension: Annotated[bool, typer.Option(
            "--extension", help="Flags for an extension module (c-shared; libpython not linked).")] = False) -> None:
    """Print the CGO_* variables a Go build needs for the target Python, as shell exports.

    Use as: eval "$(bindc env)"
    """
    try:
        interp = find_interpreter(python)
    except InterpreterError as e:
        typer.echo(f"bindc env: {e}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    for key, value in interp.cgo_env(runtime_c_dir(), embed=not extension).items():
        typer.echo(f"export {key}={shlex.quote(value)}")


@app.command("init-go")
def init_go(directory: Annotated[Path, typer.Argument(help="The Go module's directory (holds go.mod).")] = Path(".")) -> None:
    """Make a Go module use the py4go runtime shipped with this bindc (a require + replace in go.mod).

    Then: eval "$(bindc env)" && go run .
    """
    from bindc.resources import RUNTIME_IMPORT_PATH, find_go, go_env

    gomod = directory.resolve() / "go.mod"
    if not gomod.is_file():
        typer.echo(f"bindc init-go: {gomod} does not exist (create the module first: go mod init NAME)", err=True)
        raise typer.Exit(EXIT_ERROR)
    runtime = runtime_dir()
    proc = subprocess.run([find_go(), "mod", "edit", f"-require={RUNTIME_IMPORT_PATH}@v0.0.0",
                           f"-replace={RUNTIME_IMPORT_PATH}={runtime}", str(gomod)],
                          capture_output=True, text=True, env=go_env())
    if proc.returncode != 0:
        typer.echo(f"bindc init-go: go mod edit failed: {proc.stderr.strip()}", err=True)
        raise typer.Exit(EXIT_ERROR)
    _progress(f"{gomod}: {RUNTIME_IMPORT_PATH} => {runtime}")
    _progress('build and run with: eval "$(bindc env)" && go run .')


@app.command(name="go")
def go_cmd(source: Annotated[str, typer.Argument(
               help="A .py file (its annotations), a .pyi stub, a directory of them, or a module name "
                    "(its stub found as a type checker would: own .pyi / py.typed, else mypy's typeshed).")],
           out: Annotated[Path, typer.Option("--out", help="Directory of the generated Go package.")] = ...,  # type: ignore[assignment]
           package: Annotated[Optional[str], typer.Option("--package", help="Go package name (default: from SOURCE).")] = None,
           check_only: Annotated[bool, typer.Option("--check", help="Compare with the files on disk instead of "
                                                    "writing: exit 0 fresh, 1 stale (with a diff), 2 errors.")] = False) -> None:
    """Generate typed Go wrappers calling a Python module (Go calls Python), from its signatures."""
    from bindc.pygo.driver import GoRequest, generate_go

    result = generate_go(GoRequest(source=source, out=out, package=package, cwd=Path.cwd()))
    if result.sink.items:
        typer.echo(result.sink.render_all(), err=True)
    if result.sink.has_errors:
        raise typer.Exit(EXIT_ERROR)
    if check_only:
        stale = stale_files(result.files)
        for path, diff in stale:
            typer.echo(f"stale: {path}", err=True)
            typer.echo(diff, err=True)
        if stale:
            typer.echo(f"bindc go --check: {len(stale)} generated file(s) are stale; run `bindc go` again", err=True)
            raise typer.Exit(EXIT_STALE)
        _progress(f"{len(result.files)} generated file(s) are fresh")
        return
    for path in write_all(result.files):
        _progress(f"wrote {path}")


@app.callback(invoke_without_command=True)
def _main(version: Annotated[bool, typer.Option("--version", help="Show bindc's version.")] = False) -> None:
    if version:
        typer.echo(f"bindc {__version__}")
        raise typer.Exit(EXIT_OK)


def main() -> None:
    """Console-script entry point; usage errors exit with status 2 (click's convention too).

    A broken installation or a missing Go toolchain is one line on stderr, not a traceback.
    """
    from bindc.resources import GoToolchainError, InstallationError

    try:
        app()
    except (InstallationError, GoToolchainError) as e:
        typer.echo(f"bindc: {e}", err=True)
        raise SystemExit(EXIT_ERROR) from None
