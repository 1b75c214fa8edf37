"""Per-class weights of the cross-entropy losses, as a tensor that follows the logits.

Burn creates the weight tensor once, at ``init(device)``, on the model's backend. pyburn does
too, but a model evaluated with ``model.valid()`` produces logits on the *inner* backend; rather
than fail there, the weights are converted to the logits' backend and device when they differ.
"""

from __future__ import annotations

from typing import Any, Sequence

import numpy as np

from pyburn.tensor import Device, Tensor


def weights_tensor(values: Sequence[float] | None, device: Device | None) -> "Tensor[Any] | None":
    """The weights on `device`'s backend, or None when there are none or the device names no
    backend (they are then built from the first logits)."""
    if values is None or device is None or getattr(device, "backend", None) is None:
        return None
    cls: Any = Tensor.of(device.backend)
    return cls.from_data([float(v) for v in values], device)


def weights_like(values: Sequence[float], tensor: "Tensor[Any] | None",
                 logits: "Tensor[Any]") -> "Tensor[Any]":
    """The weights as a float tensor of `logits`' backend and device."""
    cls = type(logits)
    if tensor is None:
        return cls.from_data([float(v) for v in values], logits.device)
    if type(tensor) is not cls:
        return cls.from_data(tensor.to_data(), logits.device)
    if tensor.device != logits.device:
        return tensor.to_device(logits.device)
    return tensor


def min_positive_sqrt(t: "Tensor[Any]") -> float:
    """``sqrt`` of the dtype's smallest positive normal number: Burn clamps probabilities to
    it before ``log`` (about 1.1e-19 in float32), so a zero probability gives a large finite
    loss instead of infinity."""
    return float(np.sqrt(np.finfo(t.dtype.numpy()).tiny))
