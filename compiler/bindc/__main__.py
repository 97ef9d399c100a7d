"""``python -m bindc``: the same as the ``bindc`` command."""

from bindc.cli import main

main()
