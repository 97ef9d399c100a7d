"""The end-to-end check suites as data: which Go package, which checks, how a check's script
starts. The per-interpreter tests (``test_pythons.py``) and the abi3 tests run the same checks
the extension tests of each suite run, against other interpreters and builds.

A suite's script is exactly what its own extension test runs (``MODE = 'extension'``, the
import, the suite's prelude, the check), so the checks cannot drift apart.
"""

from __future__ import annotations

import importlib
import textwrap
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Suite:
    """One e2e package and where its checks live (``module.CHECKS``, ``module.PRELUDE``)."""

    name: str
    checks_module: str
    imports: str
    has_prelude: bool = False

    @property
    def package_dir(self) -> Path:
        """The Go package the suite binds (tests/e2e/<name>)."""
        return HERE / self.name

    @property
    def checks(self) -> dict[str, str]:
        """Check name -> source (indented as written)."""
        return importlib.import_module(self.checks_module).CHECKS  # type: ignore[no-any-return]

    def script(self, check: str) -> str:
        """The Python source that runs ``check`` against the extension module."""
        module = importlib.import_module(self.checks_module)
        prelude = textwrap.dedent(module.PRELUDE) if self.has_prelude else ""
        return f"MODE = 'extension'\n{self.imports}\n{prelude}{textwrap.dedent(module.CHECKS[check])}"


SUITES = {s.name: s for s in (
    Suite("kitchen", "tests.e2e.kitchen_checks", "import kitchen"),
    Suite("classes", "tests.e2e.test_classes", "import classes"),
    Suite("callbacks", "tests.e2e.callbacks_checks", "import callbacks"),
    Suite("containers", "tests.e2e.containers_checks", "import containers as c", has_prelude=True),
    Suite("named", "tests.e2e.named_checks", "import named"),
    Suite("extras", "tests.e2e.extras_checks", "import extras as e"),
    Suite("idioms", "tests.e2e.idioms_checks", "", has_prelude=True),
    Suite("foreign", "tests.e2e.foreign_checks", "import foreign as f", has_prelude=True),
    Suite("interfaces", "tests.e2e.test_interfaces", "", has_prelude=True),
    Suite("vectorized", "tests.e2e.vectorized_checks", "", has_prelude=True),
)}

#: Suites every other interpreter runs in the default pytest (the rest with ``--all-suites``).
DEFAULT_SUITES = ("kitchen", "classes", "callbacks")
