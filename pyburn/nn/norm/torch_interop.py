"""PyTorch state-dict layouts of the normalization layers (used by
``pyburn.nn.rnn.torch_interop.load_torch_state_dict`` / ``to_torch_state_dict``).

torch names ``gamma`` ``weight`` and ``beta`` ``bias``; BatchNorm's running statistics keep
their names. torch's ``num_batches_tracked`` is accepted and ignored on load (Burn keeps no
counter: it only matters to torch's ``momentum=None`` cumulative average, which Burn lacks)
and left out on export (torch's ``load_state_dict`` fills it in).
"""

from __future__ import annotations

from typing import Any

import numpy as np

from pyburn.record import RecordError
from pyburn.tensor import ShapeError

from .batch_norm import BatchNorm
from .group_norm import GroupNorm
from .instance_norm import InstanceNorm
from .layer_norm import LayerNorm
from .rms_norm import RmsNorm

__all__ = ["NORM_LAYERS", "norm_from_torch", "norm_to_torch"]

NORM_LAYERS = (BatchNorm, GroupNorm, InstanceNorm, LayerNorm, RmsNorm)
_TORCH = {BatchNorm: "nn.BatchNorm1d/2d/3d", GroupNorm: "nn.GroupNorm",
          InstanceNorm: "nn.InstanceNorm1d/2d/3d(affine=True)", LayerNorm: "nn.LayerNorm",
          RmsNorm: "nn.RMSNorm"}
_IGNORED = ("num_batches_tracked",)


def _layout(module: Any) -> dict[str, str]:
    """torch key -> pyburn parameter path, for the parameters this module has."""
    keys = {"weight": "gamma", "bias": "beta"}
    if isinstance(module, BatchNorm):
        keys.update(running_mean="running_mean", running_var="running_var")
    present = {path for path, _ in module.named_params()}
    return {k: p for k, p in keys.items() if p in present}


def norm_from_torch(module: Any, tensors: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The arrays of a torch normalization layer's state dict, by pyburn parameter path."""
    layout = _layout(module)
    name = _TORCH[type(module)]
    given = {k: v for k, v in tensors.items()
             if not (isinstance(module, BatchNorm) and k in _IGNORED)}
    missing = sorted(set(layout) - set(given))
    extra = sorted(set(given) - set(layout))
    if missing or extra:
        parts = ([f"missing {', '.join(missing)}"] if missing else []) + \
            ([f"unexpected {', '.join(extra)}"] if extra else [])
        raise RecordError(f"load_torch_state_dict: keys do not match a {name} state dict for "
                          f"{type(module).__name__}: {'; '.join(parts)} (torch's affine=False, "
                          "elementwise_affine=False or track_running_stats change the keys)")
    out: dict[str, np.ndarray] = {}
    for key, path in layout.items():
        want = list(dict(module.named_params())[path].shape)
        if list(given[key].shape) != want:
            raise ShapeError(f"load_torch_state_dict: {key!r}: expected {want} for "
                             f"{type(module).__name__}, got {list(given[key].shape)}")
        out[path] = given[key]
    return out


def norm_to_torch(module: Any, arrays: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """The module's arrays (by parameter path) under torch's keys."""
    return {key: arrays[path].copy() for key, path in _layout(module).items()}
