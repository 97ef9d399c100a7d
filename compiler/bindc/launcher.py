"""The ``bindc`` console script: the CLI, or one line saying what is wrong with the installation.

Imports only the standard library before the CLI itself, so that a missing dependency
(typer, tree-sitter, libclang) is reported as one line with the fix, not a traceback.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Run the CLI; exit 2 with one line when bindc is not installed completely."""
    try:
        from bindc.cli import main as cli_main
    except ImportError as e:
        missing = e.name or str(e)
        sys.stderr.write(f"bindc: broken installation: cannot import {missing} "
                         f"(reinstall: pip install --force-reinstall py4go)\n")
        raise SystemExit(2) from None
    cli_main()
