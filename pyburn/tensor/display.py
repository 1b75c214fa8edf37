"""Printing a tensor as Burn does (``impl Display for Tensor``, Burn Book "Getting Started").

Floats print as Rust's ``{:?}`` does, the shortest text that reads back to the same value
(``3.0``, ``0.1``, ``1e-5``, ``NaN``, ``inf``), bools as ``true``/``false``. Above
``PrintOptions.threshold`` elements only ``edge_items`` entries at each end of every dim are
shown, around ``...``; only those entries leave the device. ``f"{t:.3}"`` fixes the decimals, as
Burn's ``{:.3}``.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from .dtype import DType


@dataclass(frozen=True)
class PrintOptions:
    """Burn's ``PrintOptions``: summarize above `threshold` elements to `edge_items` entries at
    each end of every dim; `precision` fixes the decimals of floats (None: shortest)."""

    threshold: int = 1000
    edge_items: int = 3
    precision: int | None = None


_OPTIONS = [PrintOptions()]

# Burn's ``DType::name``
_DTYPE_NAMES = {DType.F64: "f64", DType.F32: "f32", DType.F16: "f16", DType.BF16: "bf16",
                DType.I64: "i64", DType.I32: "i32", DType.I16: "i16", DType.I8: "i8",
                DType.U8: "u8", DType.BOOL: "bool"}


def set_print_options(options: PrintOptions) -> None:
    """Burn's ``set_print_options``: how every tensor prints from now on."""
    if not isinstance(options, PrintOptions):
        raise TypeError(f"set_print_options: expected a PrintOptions, got "
                        f"{type(options).__name__}")
    if options.edge_items < 1 or options.threshold < 0 or (options.precision or 0) < 0:
        raise ValueError(f"set_print_options: edge_items must be >= 1, threshold and precision "
                         f">= 0, got {options}")
    _OPTIONS[0] = options


def print_options() -> PrintOptions:
    """The options in effect."""
    return _OPTIONS[0]


def format_tensor(t: Any, spec: str = "") -> str:
    """The text of Burn's ``Display`` for `t`; `spec` is a format spec such as ``".3"``."""
    options = _OPTIONS[0]
    precision = options.precision
    if spec:
        match = re.fullmatch(r"\.(\d+)", spec)
        if match is None:
            raise ValueError(f"format: unsupported format spec {spec!r} for a tensor; use '.N' "
                             "for N decimals")
        precision = int(match[1])
    shape = list(t.shape)
    edge = options.edge_items if math.prod(shape) > options.threshold else 0
    values, cut = _host_values(t, shape, edge)
    body = _render(values, cut, edge, _formatter(t.kind.prefix, precision))
    dtype = t.dtype
    return (f"Tensor {{\n  data:\n{body},\n  shape:  {shape},\n  device:  {t.device},\n"
            f"  backend:  \"{type(t).backend.name()}\",\n  kind:  \"{t.kind.__name__}\",\n"
            f"  dtype:  \"{_DTYPE_NAMES.get(dtype, str(dtype))}\",\n}}")


def _host_values(t: Any, shape: list[int], edge: int) -> tuple[np.ndarray, list[bool]]:
    """The values to print, and for each dim whether it was cut to its 2 * `edge` ends."""
    cut = [edge > 0 and n > 2 * edge for n in shape]
    if any(cut):
        t = t.detach()
        for d, n in enumerate(shape):
            if cut[d]:
                t = type(t).cat([t.narrow(d, 0, edge), t.narrow(d, n - edge, edge)], d)
    return t.to_data().as_numpy(), cut


def _formatter(prefix: str, precision: int | None) -> Callable[[Any], str]:
    if prefix == "bool":
        return lambda v: "true" if v else "false"
    if prefix == "int":
        return lambda v: str(int(v))
    return lambda v: _float(v, precision)


def _float(v: Any, precision: int | None) -> str:
    """Rust's ``{:?}`` (or ``{:.p}``) of a float."""
    if np.isnan(v):
        return "NaN"
    if np.isinf(v):
        return "inf" if v > 0 else "-inf"
    if precision is not None:
        return f"{float(v):.{precision}f}"
    magnitude, of_type = abs(v), type(v)  # compared in the value's own precision, as Rust
    if magnitude != 0 and (magnitude < of_type(1e-4) or magnitude >= of_type(1e16)):
        return np.format_float_scientific(v, unique=True, trim="-", exp_digits=1).replace("e+", "e")
    return np.format_float_positional(v, unique=True, trim="0")


def _render(a: np.ndarray, cut: list[bool], edge: int, fmt: Callable[[Any], str]) -> str:
    """Burn's layout: rows of the last dim joined by ", ", blocks by ",\\n" and one more space
    of indent per depth; a cut dim shows ``...`` between its two ends."""
    if a.ndim == 0:
        return fmt(a[()])

    def spans(depth: int) -> list[range | None]:
        n = a.shape[depth]
        return [range(0, edge), None, range(n - edge, n)] if cut[depth] else [range(n)]

    def rec(index: tuple[int, ...], depth: int) -> str:
        if depth == a.ndim - 1:
            row = a[index]
            return ", ".join("..." if r is None else ", ".join(fmt(row[i]) for i in r)
                             for r in spans(depth) if r is None or len(r))
        newline = "\n" + " " * (depth + 1)
        parts = []
        for r in spans(depth):
            if r is None:
                parts.append("," + newline + "..." + newline)  # Burn: no comma after it
                continue
            blocks = [f"[{rec(index + (i,), depth + 1)}]" for i in r]
            parts.append(("," + newline).join(blocks))
        return "".join(parts)

    return f"[{rec((), 0)}]"
