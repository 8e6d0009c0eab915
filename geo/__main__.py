"""``python -m geo`` runs the command-line interface (``geo.fast_cli``, else Typer's ``geo.cli``)."""

from geo.fast_cli import main

main()
