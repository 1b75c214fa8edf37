"""What the convolution layers share: Burn's parameter shapes and fans, input checks that name
the layer, and the call into the backend's conv ops (`pyburn.tensor.module_ops.conv`)."""

from __future__ import annotations

import math
from typing import Any, Sequence

from pyburn.module import Param
from pyburn.tensor import RankError, ShapeError
from pyburn.tensor.module_ops.conv import CONV_OPS

from ..initializer import Initializer, resolve_device

_SPATIAL = {1: "length", 2: "height, width", 3: "depth, height, width"}


def check_config(op: str, channels: Sequence[int], kernel_size: Sequence[int],
                 stride: Sequence[int], dilation: Sequence[int], groups: int) -> None:
    """Burn's ``checks_channels_div_groups`` and positive sizes, as a ValueError naming `op`."""
    for name, values in (("channels", channels), ("kernel_size", kernel_size),
                         ("stride", stride), ("dilation", dilation), ("groups", [groups])):
        if any(not isinstance(v, int) or isinstance(v, bool) or v < 1 for v in values):
            raise ValueError(f"{op}: {name} must be positive ints, got {list(values)}")
    c_in, c_out = channels
    if c_in % groups or c_out % groups:
        raise ValueError(f"{op}: both channels must be divisible by the number of groups; got "
                         f"channels_in={c_in}, channels_out={c_out}, groups={groups}")


def init_params(op: str, initializer: Initializer, shape: Sequence[int], bias: bool,
                bias_size: int, fan_in: int, fan_out: int | None, bias_fan_out: int | None,
                device: Any, backend: Any) -> tuple[Param[Any], Param[Any] | None]:
    """Weight and optional bias drawn with the weight's fans, as Burn does (lazily)."""
    backend, dev = resolve_device(device, backend, op)
    weight = initializer.init_param(list(shape), dev, backend, fan_in=fan_in, fan_out=fan_out)
    b = None
    if bias:
        b = initializer.init_param([bias_size], dev, backend, fan_in=fan_in, fan_out=bias_fan_out)
    return weight, b


def conv_params(op: str, c: Any, channels: Sequence[int], kernel_size: Sequence[int],
                stride: Sequence[int], dilation: Sequence[int], device: Any, backend: Any, *,
                transposed: bool = False) -> tuple[Param[Any], Param[Any] | None]:
    """A config's ``init``: `check_config`, then the weight (``[c_out, c_in / groups, *kernel]``,
    transposed ``[c_in, c_out / groups, *kernel]``) and the bias ``[c_out]``, both drawn with
    `c.initializer` over the weight's fans.

    Burn's fans: ``fan_in = c_in / groups * kernel`` and ``fan_out = c_out / groups * kernel``
    (transposed: ``fan_in = c_out / groups * kernel``, the fan in of each output). Burn gives the
    transposed convolutions and `Conv1d`'s bias no fan_out, so a fan_out initializer
    (``XavierUniform``, ``KaimingUniform(fan_out_only=True)``) panics on their first use; pyburn
    gives every one its fan_out (transposed: ``c_in / groups * kernel``, torch's for one group),
    so those initializers work on every convolution. Initializers that read only fan_in draw
    exactly Burn's values."""
    groups = c.groups
    check_config(op, channels, kernel_size, stride, dilation, groups)
    c_in, c_out = channels
    k = kernel_numel(kernel_size)
    if transposed:
        shape, fan_in, fan_out = [c_in, c_out // groups, *kernel_size], c_out // groups * k, \
            c_in // groups * k
    else:
        shape, fan_in, fan_out = [c_out, c_in // groups, *kernel_size], c_in // groups * k, \
            c_out // groups * k
    return init_params(op, c.initializer, shape, c.bias, c_out, fan_in, fan_out, fan_out, device,
                       backend)


def check_input(layer: str, x: Any, nd: int, channels: int) -> list[int]:
    """The dims of a ``[batch, channels, *spatial]`` input, or an error naming `layer`."""
    dims = list(x.dims())
    layout = f"[batch, {channels}, {_SPATIAL[nd]}]"
    if len(dims) != nd + 2:
        raise RankError(f"{layer}.forward: expected an input of rank {nd + 2} shaped {layout}, "
                        f"got shape {dims} (rank {len(dims)})")
    if dims[1] != channels:
        raise ShapeError(f"{layer}.forward: expected {channels} input channels (dim 1) in an "
                         f"input shaped {layout}, got shape {dims}")
    return dims


def conv(x: Any, weight: Param[Any], bias: Param[Any] | None, nd: int,
         pairs: Sequence[tuple[int, int]], stride: Sequence[int], dilation: Sequence[int],
         groups: int) -> Any:
    """The backend's ``conv{nd}d`` with (before, after) padding pairs."""
    before = tuple(p for p, _ in pairs)
    after = tuple(p for _, p in pairs)
    attrs: dict[str, Any] = {"stride": tuple(stride), "padding": before,
                             "dilation": tuple(dilation), "groups": groups}
    if after != before:
        attrs["padding_end"] = after
    return CONV_OPS[(nd, False)].apply(x, weight.val(), None if bias is None else bias.val(),
                                       **attrs)


def conv_transpose(x: Any, weight: Param[Any], bias: Param[Any] | None, nd: int,
                   stride: Sequence[int], padding: Sequence[int], padding_out: Sequence[int],
                   dilation: Sequence[int], groups: int) -> Any:
    """The backend's ``conv_transpose{nd}d``."""
    return CONV_OPS[(nd, True)].apply(
        x, weight.val(), None if bias is None else bias.val(), stride=tuple(stride),
        padding=tuple(padding), padding_out=tuple(padding_out), dilation=tuple(dilation),
        groups=groups)


def conv_forward(layer: str, m: Any, x: Any, nd: int, kernel_size: Sequence[int],
                 stride: Sequence[int], dilation: Sequence[int]) -> Any:
    """A ``Conv{nd}d.forward``: the input checked against the weight's channels, then `conv`
    with the layer's padding config resolved for this input's size."""
    dims = check_input(layer, x, nd, int(m.weight.shape[1]) * m.groups)
    pairs = m.padding.pairs(dims[2:], kernel_size, stride)
    return conv(x, m.weight, m.bias, nd, pairs, stride, dilation, m.groups)


def conv_transpose_forward(layer: str, m: Any, x: Any, nd: int, stride: Sequence[int],
                           padding: Sequence[int], padding_out: Sequence[int],
                           dilation: Sequence[int]) -> Any:
    """A ``ConvTranspose{nd}d.forward``: the input checked, then `conv_transpose`."""
    check_input(layer, x, nd, int(m.weight.shape[0]))
    return conv_transpose(x, m.weight, m.bias, nd, stride, padding, padding_out, dilation,
                          m.groups)


def conv_display(m: Any, stride: Any, kernel_size: Any, dilation: Any) -> dict[str, Any]:
    """A ``Conv{nd}d``'s display fields (Burn's ``ch_in``/``ch_out`` and sizes)."""
    return {"ch_in": int(m.weight.shape[1]) * m.groups, "ch_out": int(m.weight.shape[0]),
            "stride": stride, "kernel_size": kernel_size, "dilation": dilation,
            "groups": m.groups, "padding": padding_text(m.padding)}


def kernel_numel(kernel_size: Sequence[int]) -> int:
    return math.prod(kernel_size)


def padding_text(padding: Any) -> str:
    """Burn's debug form of a padding config: ``Valid``, ``Explicit(1, 1, 1, 1)``."""
    return repr(padding).split(".", 1)[-1].replace("()", "")
