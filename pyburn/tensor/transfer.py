"""Moving tensors between backends: DLPack when both libraries speak it (zero-copy on the same
device), host memory otherwise. Autodiff tensors move their values (the graph stays behind)."""

from __future__ import annotations

from typing import Any

from .data import TensorData
from .device import Device


def to_backend(tensor: Any, backend: Any, device: "Device | str | None" = None) -> Any:
    from .ops_basic import _resolve_device
    source = type(tensor).backend
    target_cls = type(tensor).of(backend, tensor.kind)
    if backend is source:
        return tensor if device is None else tensor.to_device(device)
    dev = _resolve_device(backend, device if device is not None else _same_device(tensor, backend))
    prim = tensor.primitive
    src_inner = source
    while src_inner.is_autodiff():
        if tensor.kind.prefix == "float":
            prim = src_inner.ad_inner(prim)
        src_inner = src_inner.inner
    dst_inner = backend
    while dst_inner.is_autodiff():
        dst_inner = dst_inner.inner
    out = None
    importer = getattr(dst_inner, "from_dlpack", None)
    if importer is not None:
        out = importer(prim, tensor.kind.prefix, dev)
    if out is None:
        data: TensorData = getattr(src_inner, f"{tensor.kind.prefix}_to_data")(prim)
        out = getattr(dst_inner, f"{tensor.kind.prefix}_from_data")(data, dev)
    wrapper = backend
    if wrapper.is_autodiff() and tensor.kind.prefix == "float":
        out = wrapper.ad_from_inner(out)
    return target_cls.from_primitive(out)


def _same_device(tensor: Any, backend: Any) -> Device | None:
    dev = tensor.device
    return dev if dev.kind in backend.device_kinds() else None
