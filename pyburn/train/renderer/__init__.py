"""Renderers (Burn's ``burn_train::renderer``): the live terminal dashboard, plain lines for
logs and pipes, or nothing. The Learner only knows the ``MetricsRenderer`` protocol."""

from __future__ import annotations

import sys

from rich.console import Console

from .base import EpochSummary, MetricsRenderer, MetricState, Split, TrainingProgress
from .none import NoneRenderer
from .plain import PlainRenderer
from .tui import TuiMetricsRenderer

__all__ = ["EpochSummary", "MetricState", "MetricsRenderer", "NoneRenderer", "PlainRenderer",
           "Split", "TrainingProgress", "TuiMetricsRenderer", "default_renderer",
           "is_interactive"]


def is_interactive(console: Console | None = None) -> bool:
    """Whether a live dashboard can be drawn: a real terminal, not a pipe, a file, a CI log,
    Jupyter or ``TERM=dumb``. Without a `console`, stdout itself must be a TTY (``FORCE_COLOR``
    asks for colours, not for a full-screen display)."""
    if console is None:
        try:
            if not sys.stdout.isatty():
                return False
        except (AttributeError, ValueError):  # replaced by an object without isatty, or closed
            return False
        console = Console()
    return console.is_terminal and not console.is_dumb_terminal and not console.is_jupyter


def default_renderer(console: Console | None = None) -> MetricsRenderer:
    """Burn's ``default_renderer``: the dashboard on an interactive terminal, one plain line per
    split and epoch everywhere else, so logs never fill with terminal control codes."""
    if is_interactive(console):
        return TuiMetricsRenderer(console)
    return PlainRenderer(console.file if console is not None else None)
