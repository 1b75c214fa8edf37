"""Runnable pyburn examples (``python -m examples.<name> --help``)."""
