"""PyTorch state-dict layouts of the convolution layers (for
``pyburn.nn.rnn.torch_interop.load_torch_state_dict`` / ``to_torch_state_dict``).

Nothing to convert: ``nn.Conv*`` and ``nn.ConvTranspose*`` name their parameters ``weight`` and
``bias`` and lay them out as Burn does (``[c_out, c_in / groups, *k]``, transposed
``[c_in, c_out / groups, *k]``), so loading only checks keys and shapes.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from pyburn.record import RecordError
from pyburn.tensor import ShapeError

from .conv1d import Conv1d, Conv1dConfig
from .conv2d import Conv2d, Conv2dConfig
from .conv3d import Conv3d, Conv3dConfig
from .conv_transpose1d import ConvTranspose1d, ConvTranspose1dConfig
from .conv_transpose2d import ConvTranspose2d, ConvTranspose2dConfig
from .conv_transpose3d import ConvTranspose3d, ConvTranspose3dConfig
from .padding import PaddingConfig1d, PaddingConfig2d, PaddingConfig3d

__all__ = ["CONV_LAYERS", "conv_from_torch", "conv_to_torch", "conv_config_from_torch"]

CONV_LAYERS = (Conv1d, Conv2d, Conv3d, ConvTranspose1d, ConvTranspose2d, ConvTranspose3d)


def conv_from_torch(module: Any, tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The arrays of a torch convolution's state dict, by pyburn parameter path."""
    params = dict(module.named_params())
    missing = sorted(set(params) - set(tensors))
    extra = sorted(set(tensors) - set(params))
    if missing or extra:
        parts = ([f"missing {', '.join(missing)}"] if missing else []) + \
            ([f"unexpected {', '.join(extra)}"] if extra else [])
        raise RecordError(f"load_torch_state_dict: keys do not match a torch "
                          f"{type(module).__name__} state dict: {'; '.join(parts)} (a layer "
                          f"built with bias={'bias' in params} expects "
                          f"{sorted(params)})")
    for key, param in params.items():
        if list(tensors[key].shape) != list(param.shape):
            raise ShapeError(f"load_torch_state_dict: {key!r}: expected {list(param.shape)} "
                             f"for {type(module).__name__}, got {list(tensors[key].shape)}")
    return {key: tensors[key] for key in params}


def conv_to_torch(module: Any, arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The module's arrays (by parameter path) under torch's keys (the same names)."""
    return {key: value.copy() for key, value in arrays.items()}


_PADDINGS: dict[int, Any] = {1: PaddingConfig1d, 2: PaddingConfig2d, 3: PaddingConfig3d}


def conv_config_from_torch(torch_module: Any) -> Any:
    """The config of the pyburn layer computing what a ``torch.nn.Conv1d/2d/3d`` or
    ``ConvTranspose1d/2d/3d`` computes (zero padding only, as Burn's layers)."""
    kind = type(torch_module).__name__
    nd = len(torch_module.kernel_size)
    if getattr(torch_module, "padding_mode", "zeros") != "zeros":
        raise ValueError(f"from_torch: nn.{kind} with padding_mode="
                         f"{torch_module.padding_mode!r} has no pyburn (or Burn) equivalent; "
                         "only 'zeros' padding is supported")
    c_in, c_out = int(torch_module.in_channels), int(torch_module.out_channels)
    k, s, d = (list(map(int, getattr(torch_module, a)))
               for a in ("kernel_size", "stride", "dilation"))
    groups, bias = int(torch_module.groups), torch_module.bias is not None
    if kind.startswith("ConvTranspose"):
        p, po = list(map(int, torch_module.padding)), list(map(int, torch_module.output_padding))
        if nd == 1:
            return ConvTranspose1dConfig([c_in, c_out], k[0], s[0], d[0], groups, p[0], po[0],
                                         bias)
        return (ConvTranspose2dConfig if nd == 2 else ConvTranspose3dConfig)(
            [c_in, c_out], k, s, d, groups, p, po, bias)
    if not kind.startswith("Conv") or kind.startswith("ConvTranspose"):
        raise TypeError(f"from_torch: expected a torch.nn.Conv1d/2d/3d or "
                        f"ConvTranspose1d/2d/3d, got {kind}")
    padding_cfg = _PADDINGS[nd]
    if torch_module.padding == "same":
        padding = padding_cfg.Same()
    elif torch_module.padding == "valid" or not any(torch_module.padding):
        padding = padding_cfg.Valid()
    else:
        padding = padding_cfg.Explicit(*map(int, torch_module.padding))
    if nd == 1:
        return Conv1dConfig(c_in, c_out, k[0], s[0], d[0], groups, padding, bias)
    return (Conv2dConfig if nd == 2 else Conv3dConfig)([c_in, c_out], k, s, d, groups, padding,
                                                       bias)
