"""Burn's op-option structs (``burn::tensor::ops::{ConvOptions, PaddedConvOptions,
ConvTransposeOptions, DeformConvOptions, InterpolateOptions}``) and Burn's call form of the
module ops: ``module.conv2d(x, weight, bias, ConvOptions.new([1, 1], [1, 1], [1, 1], 1))``.

pyburn's ops are `CustomOp`s whose attributes are keywords (``conv2d.apply(x, w, b, stride=2)``);
an options value here is the same attributes as one object, in Burn's field names and argument
order. `ModuleFunction` gives an op Burn's signature (the tensors, then an options value) and
keeps the op's own ``apply`` form. The kernels normalize and check the attributes, so these
structs only refuse what Burn's constructors refuse (a zero stride, dilation or group count).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Sequence

from ..backend import CustomOp

__all__ = ["ConvOptions", "PaddedConvOptions", "ConvTransposeOptions", "DeformConvOptions",
           "InterpolateOptions", "ModuleFunction"]


def _ints(owner: str, name: str, value: Any, minimum: int) -> tuple[int, ...]:
    values = (value,) if isinstance(value, int) else tuple(value)
    if not values or any(not isinstance(v, int) or isinstance(v, bool) or v < minimum
                         for v in values):
        raise ValueError(f"{owner}: `{name}` must be ints >= {minimum} (one per spatial dim), "
                         f"got {value!r}")
    return values


def _count(owner: str, name: str, value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{owner}: `{name}` must be an int >= 1, got {value!r}")
    return value


@dataclass(frozen=True)
class ConvOptions:
    """Burn's ``ConvOptions::new(stride, padding, dilation, groups)``: one value per spatial
    dim for the first three (``padding`` is added on both sides)."""

    stride: Sequence[int]
    padding: Sequence[int]
    dilation: Sequence[int]
    groups: int = 1

    def __post_init__(self) -> None:
        object.__setattr__(self, "stride", _ints("ConvOptions", "stride", self.stride, 1))
        object.__setattr__(self, "padding", _ints("ConvOptions", "padding", self.padding, 0))
        object.__setattr__(self, "dilation",
                           _ints("ConvOptions", "dilation", self.dilation, 1))
        object.__setattr__(self, "groups", _count("ConvOptions", "groups", self.groups))

    @staticmethod
    def new(stride: Sequence[int], padding: Sequence[int], dilation: Sequence[int],
            groups: int) -> "ConvOptions":
        return ConvOptions(stride, padding, dilation, groups)

    def attrs(self) -> dict[str, Any]:
        """The op's keyword attributes."""
        return {"stride": self.stride, "padding": self.padding, "dilation": self.dilation,
                "groups": self.groups}


@dataclass(frozen=True)
class PaddedConvOptions:
    """Burn's ``PaddedConvOptions``: `options` plus a `padding_end` (after the data) when it
    differs from the padding before it; ``asymmetric(..)`` builds one, ``from_(options)`` wraps
    symmetric `ConvOptions`."""

    options: ConvOptions
    padding_end: Sequence[int] | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.options, ConvOptions):
            raise TypeError(f"PaddedConvOptions: `options` must be ConvOptions, got "
                            f"{type(self.options).__name__}")
        if self.padding_end is not None:
            object.__setattr__(self, "padding_end", _ints("PaddedConvOptions", "padding_end",
                                                          self.padding_end, 0))

    @staticmethod
    def asymmetric(stride: Sequence[int], padding_start: Sequence[int],
                   padding_end: Sequence[int], dilation: Sequence[int],
                   groups: int) -> "PaddedConvOptions":
        options = ConvOptions(stride, padding_start, dilation, groups)
        end = _ints("PaddedConvOptions", "padding_end", padding_end, 0)
        return PaddedConvOptions(options, None if end == options.padding else end)

    @staticmethod
    def from_(options: ConvOptions) -> "PaddedConvOptions":
        return PaddedConvOptions(options)

    def is_asymmetric(self) -> bool:
        return self.padding_end is not None

    def attrs(self) -> dict[str, Any]:
        out = self.options.attrs()
        if self.padding_end is not None:
            out["padding_end"] = self.padding_end
        return out


@dataclass(frozen=True)
class ConvTransposeOptions:
    """Burn's ``ConvTransposeOptions::new(stride, padding, padding_out, dilation, groups)``."""

    stride: Sequence[int]
    padding: Sequence[int]
    padding_out: Sequence[int]
    dilation: Sequence[int]
    groups: int = 1

    def __post_init__(self) -> None:
        name = "ConvTransposeOptions"
        object.__setattr__(self, "stride", _ints(name, "stride", self.stride, 1))
        object.__setattr__(self, "padding", _ints(name, "padding", self.padding, 0))
        object.__setattr__(self, "padding_out", _ints(name, "padding_out", self.padding_out, 0))
        object.__setattr__(self, "dilation", _ints(name, "dilation", self.dilation, 1))
        object.__setattr__(self, "groups", _count(name, "groups", self.groups))

    @staticmethod
    def new(stride: Sequence[int], padding: Sequence[int], padding_out: Sequence[int],
            dilation: Sequence[int], groups: int) -> "ConvTransposeOptions":
        return ConvTransposeOptions(stride, padding, padding_out, dilation, groups)

    def attrs(self) -> dict[str, Any]:
        return {"stride": self.stride, "padding": self.padding, "padding_out": self.padding_out,
                "dilation": self.dilation, "groups": self.groups}


@dataclass(frozen=True)
class DeformConvOptions:
    """Burn's ``DeformConvOptions::new(stride, padding, dilation, weight_groups,
    offset_groups)`` for ``deform_conv2d``."""

    stride: Sequence[int]
    padding: Sequence[int]
    dilation: Sequence[int]
    weight_groups: int = 1
    offset_groups: int = 1

    def __post_init__(self) -> None:
        name = "DeformConvOptions"
        object.__setattr__(self, "stride", _ints(name, "stride", self.stride, 1))
        object.__setattr__(self, "padding", _ints(name, "padding", self.padding, 0))
        object.__setattr__(self, "dilation", _ints(name, "dilation", self.dilation, 1))
        object.__setattr__(self, "weight_groups",
                           _count(name, "weight_groups", self.weight_groups))
        object.__setattr__(self, "offset_groups",
                           _count(name, "offset_groups", self.offset_groups))

    @staticmethod
    def new(stride: Sequence[int], padding: Sequence[int], dilation: Sequence[int],
            weight_groups: int, offset_groups: int) -> "DeformConvOptions":
        return DeformConvOptions(stride, padding, dilation, weight_groups, offset_groups)

    def attrs(self) -> dict[str, Any]:
        return {"stride": self.stride, "padding": self.padding, "dilation": self.dilation,
                "weight_groups": self.weight_groups, "offset_groups": self.offset_groups}


def interpolate_mode_name(mode: Any) -> str:
    """An interpolation mode as the op's string: ``"bilinear"``, an enum member whose value or
    name is one (``GridSampleMode.Nearest``), or Burn's CamelCase name (``NearestExact``)."""
    if not isinstance(mode, str):
        value = getattr(mode, "value", None)
        mode = value if isinstance(value, str) else getattr(mode, "name", mode)
    if not isinstance(mode, str):
        raise TypeError(f"interpolate: mode must be a mode name or an InterpolateMode, got "
                        f"{mode!r}")
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", mode).lower()


@dataclass(frozen=True)
class InterpolateOptions:
    """Burn's ``InterpolateOptions::new(mode)``: the mode and ``align_corners`` (True, as in
    Burn); ``with_align_corners(False)`` for torch's default."""

    mode: Any
    align_corners: bool = field(default=True)

    @staticmethod
    def new(mode: Any) -> "InterpolateOptions":
        return InterpolateOptions(mode)

    def with_align_corners(self, align_corners: bool) -> "InterpolateOptions":
        return InterpolateOptions(self.mode, bool(align_corners))

    @property
    def mode_name(self) -> str:
        return interpolate_mode_name(self.mode)


class ModuleFunction:
    """A module op in Burn's call form: ``conv2d(x, weight, bias, options)`` where `options` is
    one of `option_types` (its fields become the op's attributes; keywords still work and win).
    ``.apply(..)`` and every other attribute are the wrapped `CustomOp`'s."""

    def __init__(self, op: CustomOp, *option_types: type) -> None:
        self.op = op
        self.option_types = option_types
        self.__name__ = op.name
        self.__doc__ = (f"Burn's ``burn::tensor::module::{op.name}``: the tensors (None for an "
                        f"absent optional one), then a "
                        f"{' or '.join(t.__name__ for t in option_types)} (or the attributes as "
                        f"keywords).")

    def __call__(self, *args: Any, **attrs: Any) -> Any:
        if args and isinstance(args[-1], self.option_types):
            options: Any = args[-1]
            attrs = {**options.attrs(), **attrs}
            args = args[:-1]
        for a in args:
            if a is not None and not hasattr(a, "primitive"):
                raise TypeError(f"{self.op.name}: expected tensors (or None), then a "
                                f"{' or '.join(t.__name__ for t in self.option_types)}; got "
                                f"{type(a).__name__}")
        return self.op.apply(*args, **attrs)

    def apply(self, *inputs: Any, **attrs: Any) -> Any:
        return self.op.apply(*inputs, **attrs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.op, name)

    def __repr__(self) -> str:
        return f"ModuleFunction({self.op.name!r})"
