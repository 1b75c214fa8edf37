"""A line chart drawn with braille characters (Burn's TUI plots with ratatui's braille marker;
rich has no chart, so this is a small rich renderable of its own).

Each terminal cell holds a 2x4 grid of braille dots, so a ``w x h`` cell area is a ``2w x 4h``
dot canvas: enough resolution to read a loss curve in a corner of the terminal. The chart fills
whatever width and height rich gives it (a Layout region, a Panel), so a terminal resize simply
redraws it at the new size; below a couple of cells it degrades to a one-line text summary.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rich.console import Console, ConsoleOptions
from rich.segment import Segment
from rich.style import Style

__all__ = ["ChartLine", "LineChart", "format_axis_value"]

BRAILLE_BASE = 0x2800
# Dot bit of (column, row) inside one braille cell (Unicode braille patterns, dots 1-8).
_DOT_BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
DEFAULT_HEIGHT = 8  # lines, when no height is imposed (inline rendering)


@dataclass(frozen=True)
class ChartLine:
    """One series: points ``(x, y)`` joined by straight segments, drawn in `style`. Later lines
    are drawn over earlier ones (their colour wins in a shared cell)."""

    points: Sequence[tuple[float, float]]
    style: str | Style = ""


def format_axis_value(value: float) -> str:
    """Four significant digits: an axis label, not a report (the metrics table has those)."""
    if value != 0 and (abs(value) < 1e-3 or abs(value) >= 1e5):
        return f"{value:.2e}"
    return f"{value:.4g}"


class LineChart:
    """A braille line chart of `lines` with a y axis (max, min) on the left and the x range
    (in `x_unit`) below."""

    def __init__(self, lines: Sequence[ChartLine], *, height: int | None = None,
                 x_unit: str = "epoch") -> None:
        self.lines = [line for line in lines if line.points]
        self.height = height
        self.x_unit = x_unit

    def bounds(self) -> tuple[float, float, float, float]:
        """(x_min, x_max, y_min, y_max) over every line, widened when flat so a constant metric
        still draws a line in the middle."""
        xs = [x for line in self.lines for x, _ in line.points]
        ys = [y for line in self.lines for _, y in line.points]
        x_min, x_max, y_min, y_max = math.floor(min(xs)), max(xs), min(ys), max(ys)
        if x_max <= x_min:
            x_max = x_min + 1.0
        if y_max <= y_min:
            pad = abs(y_min) * 0.05 or 1.0
            y_min, y_max = y_min - pad, y_max + pad
        return x_min, x_max, y_min, y_max

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        width = options.max_width
        height = options.height or self.height or DEFAULT_HEIGHT
        if width <= 0 or height <= 0:
            return
        if not self.lines:
            yield from _text_lines(["waiting for values…"], width, height, Style(dim=True))
            return
        x_min, x_max, y_min, y_max = self.bounds()
        top, bottom = format_axis_value(y_max), format_axis_value(y_min)
        label_width = max(len(top), len(bottom))
        plot_width, plot_height = width - label_width - 1, height - 1
        if plot_width < 4 or plot_height < 1:
            # Too small for a canvas: the y range still says something.
            fits = [text for text in (f"{bottom} … {top}", f"{bottom}…{top}", f"…{top}")
                    if len(text) <= width]
            yield from _text_lines(fits[:1] or [top], width, height, Style(dim=True))
            return
        canvas = _Canvas(plot_width, plot_height)
        for index, line in enumerate(self.lines):
            canvas.draw(line.points, index, (x_min, x_max, y_min, y_max))
        styles = [console.get_style(line.style) if isinstance(line.style, str) else line.style
                  for line in self.lines]
        axis = Style(dim=True)
        for row in range(plot_height):
            label = top if row == 0 else bottom if row == plot_height - 1 else ""
            yield Segment(label.rjust(label_width), axis)
            yield Segment("┤" if label else "│", axis)
            yield from canvas.row_segments(row, styles)
            yield Segment.line()
        left, right = _x_label(x_min, self.x_unit), _x_label(x_max, self.x_unit)
        gap = plot_width - len(left) - len(right)
        footer = left + " " * gap + right if gap >= 1 else left
        yield Segment(" " * label_width + "└", axis)
        yield Segment(footer[:plot_width], axis)
        yield Segment.line()


def _x_label(value: float, unit: str) -> str:
    return f"{unit} {value:.3g}" if unit else f"{value:.3g}"


def _text_lines(texts: list[str], width: int, height: int, style: Style) -> Iterator[Segment]:
    for row in range(height):
        text = texts[row] if row < len(texts) else ""
        if len(text) > width:
            text = text[: max(width - 1, 0)] + "…" if width > 1 else text[:width]
        yield Segment(text.ljust(width), style)
        yield Segment.line()


class _Canvas:
    """Braille cells with one colour (the index of the last line drawn there) per cell."""

    def __init__(self, width: int, height: int) -> None:
        self.width, self.height = width, height
        self.bits = [[0] * width for _ in range(height)]
        self.owner = [[-1] * width for _ in range(height)]

    def draw(self, points: Sequence[tuple[float, float]], owner: int,
             bounds: tuple[float, float, float, float]) -> None:
        x_min, x_max, y_min, y_max = bounds
        dots_x, dots_y = self.width * 2 - 1, self.height * 4 - 1
        previous: tuple[int, int] | None = None
        for x, y in points:
            if not (math.isfinite(x) and math.isfinite(y)):
                previous = None  # a gap, not a line through nowhere
                continue
            dot = (round((x - x_min) / (x_max - x_min) * dots_x),
                   round((y_max - y) / (y_max - y_min) * dots_y))
            if previous is None:
                self._set(dot, owner)
            else:
                for step in _segment(previous, dot):
                    self._set(step, owner)
            previous = dot

    def _set(self, dot: tuple[int, int], owner: int) -> None:
        dx, dy = dot
        column, row = dx // 2, dy // 4
        if 0 <= column < self.width and 0 <= row < self.height:
            self.bits[row][column] |= _DOT_BITS[dx % 2][dy % 4]
            self.owner[row][column] = owner

    def row_segments(self, row: int, styles: list[Style]) -> Iterator[Segment]:
        """The row as few segments as possible: runs of cells that share a colour."""
        bits, owner = self.bits[row], self.owner[row]
        start = 0
        for column in range(1, self.width + 1):
            if column == self.width or owner[column] != owner[start]:
                text = "".join(chr(BRAILLE_BASE + b) if b else " " for b in bits[start:column])
                yield Segment(text, styles[owner[start]] if owner[start] >= 0 else None)
                start = column


def _segment(start: tuple[int, int], end: tuple[int, int]) -> Iterator[tuple[int, int]]:
    """Bresenham's line from `start` to `end`, both included."""
    (x0, y0), (x1, y1) = start, end
    dx, dy = abs(x1 - x0), -abs(y1 - y0)
    sx, sy = (1 if x0 < x1 else -1), (1 if y0 < y1 else -1)
    error = dx + dy
    while True:
        yield x0, y0
        if x0 == x1 and y0 == y1:
            return
        doubled = 2 * error
        if doubled >= dy:
            error += dy
            x0 += sx
        if doubled <= dx:
            error += dx
            y0 += sy
