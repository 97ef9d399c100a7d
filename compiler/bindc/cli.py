"""The ``bindc`` command line (typer).

Exit codes are part of the contract: 0 ok, 1 ``check`` found stale output, 2 usage or input
errors (with ``file:line:col`` diagnostics on stderr).
"""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Annotated, Optional

import typer

from bindc import __version__
from bindc.driver import Request, Result, generate_files
from bindc.interpreter import InterpreterError, find_interpreter
from bindc.resources import runtime_dir
from bindc.writer import stale_files, write_all

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


def _progress(message: str) -> None:
    """Progress on stderr, so stdout stays clean for scripts (``bindc env``)."""
    typer.secho(f"bindc: {message}", err=True, fg=typer.colors.BRIGHT_BLACK)


def _report(result: Result) -> None:
    if result.sink.items:
        typer.echo(result.sink.render_all(), err=True)


def _run(package: str, out: Path | None, module: str | None, python: str | None) -> Result:
    _progress(f"reading {package}")
    return generate_files(Request(package=package, out=out, module=module, python=python, cwd=Path.cwd()))


@app.command()
def generate(package: PackageArg = ".", out: OutOpt = None, module: ModuleOpt = None,
             python: PythonOpt = None) -> None:
    """Generate the cgo wrappers (.c, .go) and the .pyi stub for a Go package."""
    result = _run(package, out, module, python)
    _report(result)
    if result.sink.has_errors:
        raise typer.Exit(EXIT_ERROR)
    written = write_all(result.files)
    for path in written:
        _progress(f"wrote {path}")
    if not written:
        _progress("everything up to date")


@app.command()
def check(package: PackageArg = ".", out: OutOpt = None, module: ModuleOpt = None,
          python: PythonOpt = None) -> None:
    """Check that generated files on disk are fresh: exit 0 fresh, 1 stale (with a diff), 2 errors.

    Writes nothing.
    """
    result = _run(package, out, module, python)
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
def build(package: PackageArg = ".",
          out: Annotated[Path, typer.Option("--out", help="Directory for NAME<EXT_SUFFIX> and NAME.pyi.")] = ...,  # type: ignore[assignment]
          module: ModuleOpt = None, python: PythonOpt = None) -> None:
    """Build a Go package as a CPython extension module importable from --out."""
    from bindc.build import BuildError, build_extension

    try:
        built = build_extension(package, out, module=module, python=python, progress=_progress)
    except BuildError as e:
        if e.result is not None:
            _report(e.result)
        typer.echo(f"bindc build: {e}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    _report(built.result)
    for path in built.outputs:
        _progress(f"wrote {path}")


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
    for key, value in interp.cgo_env(runtime_dir(), embed=not extension).items():
        typer.echo(f"export {key}={shlex.quote(value)}")


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
    """Console-script entry point; usage errors exit with status 2 (click's convention too)."""
    app()
