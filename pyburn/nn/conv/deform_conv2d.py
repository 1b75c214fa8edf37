"""`DeformConv2d` (Burn's ``burn::nn::conv::DeformConv2d``): a 2-D convolution whose kernel taps
read the input at learned fractional offsets (bilinear interpolation), optionally scaled by a
learned mask (Deformable ConvNets v1/v2), as ``torchvision.ops.DeformConv2d``. The offsets (and
mask) are inputs of `forward`, usually computed by another convolution of the same input.
The weight is ``[channels_out, channels_in / weight_groups, k1, k2]``, as `Conv2d`'s."""

from __future__ import annotations

import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.tensor import Device, Tensor
from pyburn.tensor.module_ops.deform_conv import deform_conv2d

from .._types import B
from ..initializer import Initializer
from ._common import check_config, check_input, init_params, kernel_numel, padding_text
from .padding import PaddingConfig2d

__all__ = ["DeformConv2dConfig", "DeformConv2d"]


class DeformConv2dConfig(Config):
    """Burn's defaults: stride and dilation 1, one weight group and one offset group, ``Valid``
    padding, a bias, and Kaiming-uniform with gain ``1/sqrt(3)`` over ``fan_in = channels_in /
    weight_groups * k1 * k2``. Only symmetric padding is supported (as in Burn), so ``Same``
    needs odd kernel sizes."""

    channels: list[int]
    kernel_size: list[int]
    stride: list[int] = [1, 1]
    dilation: list[int] = [1, 1]
    weight_groups: int = 1
    offset_groups: int = 1
    padding: PaddingConfig2d = PaddingConfig2d.Valid()
    bias: bool = True
    initializer: Initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0),
                                                           fan_out_only=False)

    def init(self, device: Device | str | None = None, backend: Any = None) -> "DeformConv2d":
        """Weight ``[channels_out, channels_in / weight_groups, k1, k2]``, bias
        ``[channels_out]``, both drawn with the weight's fans (Burn's)."""
        op = "DeformConv2dConfig.init"
        check_config(op, self.channels, self.kernel_size, self.stride, self.dilation,
                     self.weight_groups)
        if isinstance(self.padding, PaddingConfig2d.Same) and any(
                k % 2 == 0 for k in self.kernel_size):
            raise ValueError(f"{op}: 'Same' padding with an even kernel size is not supported "
                             f"(only symmetric padding, as in Burn), got kernel_size "
                             f"{list(self.kernel_size)}")
        c_in, c_out = self.channels
        og = self.offset_groups
        if not isinstance(og, int) or isinstance(og, bool) or og < 1 or c_in % og:
            raise ValueError(f"{op}: channels_in must be divisible by the number of offset "
                             f"groups; got channels_in={c_in}, offset_groups={og}")
        k = kernel_numel(self.kernel_size)
        wg = self.weight_groups
        fan_out = c_out // wg * k
        weight, bias = init_params(op, self.initializer, [c_out, c_in // wg, *self.kernel_size],
                                   self.bias, c_out, c_in // wg * k, fan_out, fan_out, device,
                                   backend)
        return DeformConv2d(weight, bias, list(self.stride), list(self.kernel_size),
                            list(self.dilation), wg, og, self.padding)


class DeformConv2d(Module):
    """Applies a deformable 2-D convolution: the output size is a `Conv2d`'s with the same
    kernel, stride, padding and dilation."""

    weight: Param[Any]
    bias: Param[Any] | None
    stride: list[int]
    kernel_size: list[int]
    dilation: list[int]
    weight_groups: int
    offset_groups: int
    padding: PaddingConfig2d

    def forward(self, x: "Tensor[B]", offset: "Tensor[B]",
                mask: "Tensor[B] | None" = None) -> "Tensor[B]":
        """``x [batch, channels_in, height, width]``, ``offset [batch, 2 * offset_groups * k1 *
        k2, h_out, w_out]`` (a ``(dy, dx)`` pair per offset group and kernel tap), ``mask
        [batch, offset_groups * k1 * k2, h_out, w_out]`` or None ->
        ``[batch, channels_out, h_out, w_out]``."""
        dims = check_input("DeformConv2d", x, 2,
                           int(self.weight.shape[1]) * self.weight_groups)
        pairs = self.padding.pairs(dims[2:], self.kernel_size, self.stride)
        if any(lo != hi for lo, hi in pairs):
            raise ValueError(f"DeformConv2d.forward: asymmetric padding {pairs} is not supported "
                             f"(as in Burn); use symmetric Explicit padding or odd kernels with "
                             f"Same")
        out: Tensor[B] = deform_conv2d.apply(
            x, offset, self.weight.val(), mask, None if self.bias is None else self.bias.val(),
            stride=tuple(self.stride), padding=tuple(lo for lo, _ in pairs),
            dilation=tuple(self.dilation), weight_groups=self.weight_groups,
            offset_groups=self.offset_groups)
        return out

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"stride": list(self.stride), "kernel_size": list(self.kernel_size),
                "dilation": list(self.dilation), "weight_groups": self.weight_groups,
                "offset_groups": self.offset_groups, "padding": padding_text(self.padding)}
