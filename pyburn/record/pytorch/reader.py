"""One front door for PyTorch weight files: ``torch.save`` archives (``.pt``/``.pth``) and
safetensors files, read into a flat ``{dotted name: TensorData}`` state dict without ever
running code from the file.

With torch installed, ``.pt`` files go through ``torch.load(weights_only=True)`` (torch's own
allow-list unpickler, never a full unpickle); without it, through pyburn's restricted reader
(`pickle_reader`). Either way the archive's structure is checked first, so a bad file gets the
same explanation on every machine.
"""

from __future__ import annotations

import os
import pickle
import re
import struct
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from pyburn.tensor.data import TensorData
from pyburn.tensor.dtype import DType

from ..errors import RecordError
from ..safetensors_format import load_safetensors
from ..tensor_bytes import tensor_from_bytes
from .errors import TorchFileError, refused_global_message
from .pickle_reader import TorchArchive, read_torch_zip

ZIP_MAGIC = b"PK\x03\x04"
MAX_DEPTH = 64  # a checkpoint nests a few levels; a recursion bomb nests thousands


def torch_or_none() -> Any:
    """The torch module when it is installed, else None (pyburn never needs it)."""
    try:
        import torch
    except ImportError:
        return None
    return torch


def file_kind(path: Path) -> str:
    """``"zip"`` (``torch.save``), ``"pickle"`` (torch's legacy format or any pickle),
    ``"safetensors"`` or ``"unknown"``, from the first bytes."""
    with open(path, "rb") as f:
        head = f.read(9)
    size = path.stat().st_size
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if len(head) >= 2 and head[0] == 0x80 and 2 <= head[1] <= 5:
        return "pickle"
    if len(head) == 9 and head[8:9] == b"{" and 8 + struct.unpack("<Q", head[:8])[0] <= size:
        return "safetensors"
    if path.suffix == ".safetensors":
        return "safetensors"  # let the safetensors reader explain what is wrong with it
    return "unknown"


def read_pytorch_file(path: str | os.PathLike[str], *, top_level_key: str | None = None,
                      use_torch: bool | None = None) -> dict[str, TensorData]:
    """The tensors of a ``.pt``/``.pth``/``.safetensors`` file as a flat state dict.

    - `top_level_key`: the entry that holds the state dict in a checkpoint
      (``torch.save({"model_state_dict": ..., "epoch": 3})``); Burn's ``with_top_level_key``.
      Nested dicts and lists are flattened with dots (``layers.0.weight``); non-tensor values
      (an epoch counter) are skipped.
    - `use_torch`: read ``.pt`` files with ``torch.load(weights_only=True)`` (True), with
      pyburn's restricted reader (False), or with torch when it is installed (None).
    """
    path = Path(path)
    if not path.is_file():
        raise TorchFileError(f"PyTorchFileRecorder: no file at {str(path)!r}")
    kind = file_kind(path)
    if kind == "safetensors":
        tensors, _ = load_safetensors(path)
        if top_level_key is None:
            return tensors
        head = top_level_key + "."
        found = {k[len(head):]: v for k, v in tensors.items() if k.startswith(head)}
        if not found:
            raise TorchFileError(f"{str(path)!r}: no tensor under the top-level key "
                                 f"{top_level_key!r} (names start with "
                                 f"{sorted({k.split('.')[0] for k in tensors})[:10]})")
        return found
    if kind == "unknown":
        with open(path, "rb") as f:
            first = f.read(16)
        raise TorchFileError(f"{str(path)!r} is not a PyTorch file: it is neither a torch.save "
                             f"zip archive nor a pickle nor safetensors (it starts with "
                             f"{first!r}). Save the weights in PyTorch with "
                             "torch.save(model.state_dict(), 'model.pt') or "
                             "safetensors.torch.save_file(model.state_dict(), path)")
    torch = torch_or_none() if use_torch is not False else None
    if use_torch and torch is None:
        raise ImportError("read_pytorch_file(use_torch=True) needs torch installed; "
                          "use_torch=None reads .pt files without it")
    if kind == "zip":
        with TorchArchive(path).zip:  # checks it is a complete torch archive first
            pass
        obj = _torch_load(torch, path) if torch is not None else read_torch_zip(path)
    elif torch is not None:
        obj = _torch_load(torch, path)
    else:
        raise TorchFileError(f"{str(path)!r} is a pickle, not a zip archive: either the legacy "
                             "torch.save format (_use_new_zipfile_serialization=False) or a "
                             "plain pickle. Without torch installed pyburn reads only the zip "
                             "format; install torch (it is then read with weights_only=True) "
                             "or save it again with a current torch.save")
    return flatten_state_dict(obj, top_level_key, str(path))


def _torch_load(torch: Any, path: Path) -> Any:
    """``torch.load`` with ``weights_only=True`` (never anything else), errors explained."""
    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        found = re.search(r"GLOBAL ([\w.]+)", str(exc))
        if found:
            raise TorchFileError(refused_global_message(found.group(1), str(path))) from exc
        raise TorchFileError(f"{str(path)!r}: torch.load(weights_only=True) refused it: "
                             f"{str(exc).splitlines()[0]}") from exc
    except (RuntimeError, EOFError, ValueError, OSError) as exc:
        raise TorchFileError(f"truncated or corrupted torch file {str(path)!r}: "
                             f"{type(exc).__name__}: {str(exc).splitlines()[0]}") from exc


def flatten_state_dict(obj: Any, top_level_key: str | None, source: str) -> dict[str, TensorData]:
    """Nested dicts/lists of tensors as ``{dotted name: TensorData}``."""
    if top_level_key is not None:
        if not isinstance(obj, Mapping) or top_level_key not in obj:
            keys = sorted(map(str, obj)) if isinstance(obj, Mapping) else type(obj).__name__
            raise TorchFileError(f"{source!r}: no top-level key {top_level_key!r} "
                                 f"(the file holds {keys})")
        obj = obj[top_level_key]
    out: dict[str, TensorData] = {}

    def walk(value: Any, name: str, depth: int = 0) -> None:
        if depth > MAX_DEPTH:
            raise TorchFileError(f"{source!r}: containers nested deeper than {MAX_DEPTH} "
                                 f"levels at {name[:200]!r}; not a state dict")
        if isinstance(value, Mapping):
            for k, v in value.items():
                walk(v, f"{name}.{k}" if name else str(k), depth + 1)
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                walk(v, f"{name}.{i}" if name else str(i), depth + 1)
        elif isinstance(value, TensorData):
            out[name] = value
        elif hasattr(value, "detach") and hasattr(value, "dtype"):  # a torch.Tensor
            out[name] = torch_to_data(value, name)

    walk(obj, "")
    if not out:
        keys = sorted(map(str, obj))[:10] if isinstance(obj, Mapping) else type(obj).__name__
        raise TorchFileError(f"{source!r} holds no tensors (top level: {keys}); if the state "
                             "dict is stored under a key, pass it with with_top_level_key")
    return out


def torch_to_data(tensor: Any, name: str) -> TensorData:
    """A CPU torch tensor as `TensorData`, bit for bit (bfloat16 included)."""
    import torch

    if tensor.layout != torch.strided or tensor.is_quantized:
        raise RecordError(f"tensor {name!r}: {tensor.layout} / quantized tensors are not "
                          "supported; convert it to a dense tensor in PyTorch")
    host = tensor.detach().cpu().contiguous()
    if host.dtype == torch.bfloat16:
        bits = host.view(torch.int16).numpy().view(np.uint16)
        return tensor_from_bytes(bits.astype("<u2").tobytes(), DType.BF16, tuple(host.shape),
                                 (name,))
    try:
        dtype = DType.of(np.dtype(str(host.dtype).removeprefix("torch.")))
    except (TypeError, ValueError) as exc:
        raise RecordError(f"tensor {name!r}: dtype {host.dtype} has no pyburn equivalent "
                          f"(pyburn reads {[d.value for d in DType]})") from exc
    return TensorData(host.numpy().copy(), dtype=dtype)
