"""Padding configs of the convolution layers (Burn's ``PaddingConfig1d/2d/3d`` enums).

``Valid`` pads nothing, ``Explicit(...)`` pads what it says, ``Same`` pads so that the output
length is ``ceil(length / stride)`` (the input's length at stride 1). As in Burn, ``Same`` works
out the total from the kernel size and stride (not the dilation), and puts the odd pixel of an
even kernel's padding at the end: ``Same`` with kernel 4 pads 1 before and 2 after.
Explicit paddings are Burn's: ``PaddingConfig1d.Explicit(left, right)`` and
``PaddingConfig2d.Explicit(top, left, bottom, right)``; the short forms ``Explicit(p)`` and
``Explicit(height, width)`` mean the same padding on both sides.
"""

from __future__ import annotations

from typing import Any, Sequence

from pyburn.config import EnumConfig

__all__ = ["PaddingConfig1d", "PaddingConfig2d", "PaddingConfig3d", "same_padding"]


def same_padding(kernel_size: int, stride: int, size: int) -> tuple[int, int]:
    """Burn's ``calculate_same_padding``: (before, after) keeping ``ceil(size / stride)``."""
    size_out = -(-size // stride)
    total = max((size_out - 1) * stride + kernel_size - size, 0) if size_out > 0 else 0
    return total // 2, total - total // 2


def _check(name: str, values: Sequence[Any]) -> None:
    for v in values:
        if not isinstance(v, int) or isinstance(v, bool) or v < 0:
            raise ValueError(f"{name}: paddings must be ints >= 0, got {list(values)}")


class PaddingConfig1d(EnumConfig):
    """Padding of `Conv1d`: ``Same``, ``Valid`` or ``Explicit(left, right)``."""

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

    def pairs(self, size: Sequence[int], kernel_size: Sequence[int],
              stride: Sequence[int]) -> list[tuple[int, int]]:
        """``[(left, right)]`` for an input of length ``size[0]``."""
        if isinstance(self, PaddingConfig1d.Explicit):
            return [(int(self.left), int(self.right or 0))]
        if isinstance(self, PaddingConfig1d.Same):
            return [same_padding(kernel_size[0], stride[0], size[0])]
        return [(0, 0)]


class PaddingConfig2d(EnumConfig):
    """Padding of `Conv2d`: ``Same``, ``Valid`` or ``Explicit(top, left, bottom, right)``."""

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

    def pairs(self, size: Sequence[int], kernel_size: Sequence[int],
              stride: Sequence[int]) -> list[tuple[int, int]]:
        """``[(top, bottom), (left, right)]`` for an input of ``size = [height, width]``."""
        if isinstance(self, PaddingConfig2d.Explicit):
            return [(int(self.top), int(self.bottom or 0)), (int(self.left), int(self.right or 0))]
        if isinstance(self, PaddingConfig2d.Same):
            return [same_padding(k, s, n) for k, s, n in zip(kernel_size, stride, size)]
        return [(0, 0), (0, 0)]


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

    def pairs(self, size: Sequence[int], kernel_size: Sequence[int],
              stride: Sequence[int]) -> list[tuple[int, int]]:
        """``[(front, back), (top, bottom), (left, right)]`` for ``size = [d, h, w]``."""
        if isinstance(self, PaddingConfig3d.Explicit):
            return [(int(p), int(p)) for p in (self.depth, self.height, self.width)]
        if isinstance(self, PaddingConfig3d.Same):
            pairs = [same_padding(k, s, n) for k, s, n in zip(kernel_size, stride, size)]
            if any(lo != hi for lo, hi in pairs):
                raise ValueError(f"PaddingConfig3d.Same: asymmetric 3-D 'Same' padding is not "
                                 f"supported (as in Burn); use odd kernel sizes, got kernel "
                                 f"{list(kernel_size)}, stride {list(stride)}, input size "
                                 f"{list(size)}")
            return pairs
        return [(0, 0)] * 3
