"""Padding configs of the convolution and pooling layers (Burn's ``PaddingConfig1d/2d/3d``).

``Valid`` pads nothing, ``Explicit(...)`` pads what it says, ``Same`` pads so that the output
length is ``ceil(length / stride)`` (the input's length at stride 1). As in Burn, ``Same`` works
out the total from the kernel size and stride (not the dilation), and puts the odd pixel of an
even kernel's padding at the end: ``Same`` with kernel 4 pads 1 before and 2 after.
Explicit paddings are Burn's: ``PaddingConfig1d.Explicit(left, right)`` and
``PaddingConfig2d.Explicit(top, left, bottom, right)``; the short forms ``Explicit(p)`` and
``Explicit(height, width)`` mean the same padding on both sides.

Burn's helpers that turn a config into numbers for an input are here under Burn's names:
``calculate_padding_1d_pair``, ``calculate_padding_2d_pairs``, ``calculate_padding_2d`` and
``calculate_padding_3d``. A unit variant works bare, as in Rust:
``PaddingConfig1d.Valid.calculate_padding_1d_pair(10, 3, 1)`` is ``(0, 0)``.
"""

from __future__ import annotations

from typing import Any, Sequence

from pyburn.config import EnumConfig
from pyburn.config._enum import unit_variant_method

__all__ = ["PaddingConfig1d", "PaddingConfig2d", "PaddingConfig3d", "same_padding",
           "check_same_padding_support"]

def same_padding(kernel_size: int, stride: int, size: int) -> tuple[int, int]:
    """Burn's ``calculate_same_padding``: (before, after) keeping ``ceil(size / stride)``."""
    size_out = -(-size // stride)
    total = max((size_out - 1) * stride + kernel_size - size, 0) if size_out > 0 else 0
    return total // 2, total - total // 2


def check_same_padding_support(op: str, kernel_size: Sequence[int]) -> None:
    """Burn's ``check_same_padding_support``: layers whose padding is symmetric per axis
    (`Conv3d`) refuse ``Same`` with an even kernel, which would need one pixel more at the end."""
    if any(k % 2 == 0 for k in kernel_size):
        raise ValueError(f"{op}: Same padding with an even kernel size is not supported (its "
                         f"padding is symmetric, as in Burn); use an odd kernel size or "
                         f"Explicit padding, got kernel_size {list(kernel_size)}")


def _check(name: str, values: Sequence[Any]) -> None:
    for v in values:
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise ValueError(f"{name}: paddings must be ints >= 0, got {list(values)}")


def _sizes(op: str, n: int, **values: Sequence[int]) -> None:
    for name, value in values.items():
        if len(value) != n:
            raise ValueError(f"{op}: {name} must have {n} values, got {list(value)}")


class PaddingConfig1d(EnumConfig):
    """Padding of `Conv1d` and the 1-D pools: ``Same``, ``Valid`` or ``Explicit(left, right)``."""

    class Same(EnumConfig.Variant):
        pass

    class Valid(EnumConfig.Variant):
        pass

    class Explicit(EnumConfig.TupleVariant):
        left: int
        right: int | None = None

        def __post_init__(self) -> None:
            if self.right is None:
                object.__setattr__(self, "right", self.left)
            _check("PaddingConfig1d.Explicit", [self.left, self.right])

    @unit_variant_method
    def calculate_padding_1d_pair(self, length: int, kernel_size: int,
                                  stride: int) -> tuple[int, int]:
        """``(left, right)`` for an input of `length` (``Same`` may be asymmetric)."""
        if isinstance(self, PaddingConfig1d.Explicit):
            return int(self.left), int(self.right or 0)
        if isinstance(self, PaddingConfig1d.Same):
            return same_padding(kernel_size, stride, length)
        return 0, 0

    def pairs(self, size: Sequence[int], kernel_size: Sequence[int],
              stride: Sequence[int]) -> list[tuple[int, int]]:
        """``[(left, right)]`` for an input of length ``size[0]`` (the layers' common form)."""
        return [self.calculate_padding_1d_pair(size[0], kernel_size[0], stride[0])]


class PaddingConfig2d(EnumConfig):
    """Padding of `Conv2d` and the 2-D pools: ``Same``, ``Valid`` or
    ``Explicit(top, left, bottom, right)``."""

    class Same(EnumConfig.Variant):
        pass

    class Valid(EnumConfig.Variant):
        pass

    class Explicit(EnumConfig.TupleVariant):
        top: int
        left: int
        bottom: int | None = None
        right: int | None = None

        def __post_init__(self) -> None:
            if self.bottom is None:
                object.__setattr__(self, "bottom", self.top)
            if self.right is None:
                object.__setattr__(self, "right", self.left)
            _check("PaddingConfig2d.Explicit", [self.top, self.left, self.bottom, self.right])

    @unit_variant_method
    def calculate_padding_2d_pairs(self, height: int, width: int, kernel_size: Sequence[int],
                                   stride: Sequence[int]
                                   ) -> tuple[tuple[int, int], tuple[int, int]]:
        """``((top, bottom), (left, right))`` for a ``height x width`` input."""
        _sizes("PaddingConfig2d.calculate_padding_2d_pairs", 2, kernel_size=kernel_size,
               stride=stride)
        if isinstance(self, PaddingConfig2d.Explicit):
            return ((int(self.top), int(self.bottom or 0)),
                    (int(self.left), int(self.right or 0)))
        if isinstance(self, PaddingConfig2d.Same):
            return (same_padding(kernel_size[0], stride[0], height),
                    same_padding(kernel_size[1], stride[1], width))
        return (0, 0), (0, 0)

    @unit_variant_method
    def calculate_padding_2d(self, height: int, width: int, kernel_size: Sequence[int],
                             stride: Sequence[int]) -> list[int]:
        """``[height, width]`` padding, the same on both sides; an asymmetric padding (an
        asymmetric ``Explicit``, ``Same`` with an even kernel) is refused, as in Burn."""
        (top, bottom), (left, right) = self.calculate_padding_2d_pairs(height, width,
                                                                       kernel_size, stride)
        if top != bottom or left != right:
            raise ValueError(f"PaddingConfig2d.calculate_padding_2d: the padding of {self!r} "
                             f"is asymmetric ((top, bottom) = {(top, bottom)}, (left, right) = "
                             f"{(left, right)}); use calculate_padding_2d_pairs()")
        return [top, left]

    def pairs(self, size: Sequence[int], kernel_size: Sequence[int],
              stride: Sequence[int]) -> list[tuple[int, int]]:
        """``[(top, bottom), (left, right)]`` for ``size = [height, width]``."""
        return list(self.calculate_padding_2d_pairs(size[0], size[1], kernel_size, stride))


class PaddingConfig3d(EnumConfig):
    """Padding of `Conv3d`: ``Same``, ``Valid`` or ``Explicit(depth, height, width)``
    (symmetric, as Burn's)."""

    class Same(EnumConfig.Variant):
        pass

    class Valid(EnumConfig.Variant):
        pass

    class Explicit(EnumConfig.TupleVariant):
        depth: int
        height: int
        width: int

        def __post_init__(self) -> None:
            _check("PaddingConfig3d.Explicit", [self.depth, self.height, self.width])

    @unit_variant_method
    def calculate_padding_3d(self, depth: int, height: int, width: int,
                             kernel_size: Sequence[int], stride: Sequence[int]) -> list[int]:
        """``[depth, height, width]`` padding, the same on both sides. ``Same`` that would need
        an asymmetric padding (an even kernel, or a stride that does not divide evenly) is
        refused, as in Burn."""
        _sizes("PaddingConfig3d.calculate_padding_3d", 3, kernel_size=kernel_size,
               stride=stride)
        if isinstance(self, PaddingConfig3d.Explicit):
            return [int(self.depth), int(self.height), int(self.width)]
        if isinstance(self, PaddingConfig3d.Same):
            size = [depth, height, width]
            pairs = [same_padding(k, s, n) for k, s, n in zip(kernel_size, stride, size)]
            if any(lo != hi for lo, hi in pairs):
                raise ValueError(f"PaddingConfig3d.calculate_padding_3d: asymmetric 3-D 'Same' "
                                 f"padding is not supported (as in Burn); use odd kernel sizes, "
                                 f"got kernel {list(kernel_size)}, stride {list(stride)}, input "
                                 f"size {size}")
            return [lo for lo, _ in pairs]
        return [0, 0, 0]

    def pairs(self, size: Sequence[int], kernel_size: Sequence[int],
              stride: Sequence[int]) -> list[tuple[int, int]]:
        """``[(front, back), (top, bottom), (left, right)]`` for ``size = [d, h, w]``."""
        return [(p, p) for p in self.calculate_padding_3d(size[0], size[1], size[2],
                                                          kernel_size, stride)]
