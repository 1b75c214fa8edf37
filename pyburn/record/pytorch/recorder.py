"""`PyTorchFileRecorder`: PyTorch weight files in and out (Burn's ``burn-import`` recorder)."""

from __future__ import annotations

import collections
import io
import os
import warnings
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from pyburn.module import Module
from pyburn.tensor.data import TensorData

from ..atomic import atomic_write
from ..precision import FullPrecisionSettings, SettingsLike, resolve_settings
from ..safetensors_format import save_safetensors
from .adapter import LoadReport, load_into, state_dict_of
from .load_args import LoadArgs, debug_print, remap_keys
from .reader import read_pytorch_file, torch_or_none

M = TypeVar("M", bound=Module)


class PyTorchFileRecorder:
    """Loads ``.pt``/``.pth`` state dicts (and safetensors files) into pyburn modules, safely:
    ``torch.load(weights_only=True)`` when torch is installed, else pyburn's restricted
    reader; nothing in the file can run. Floats come out in the settings' precision.

        model = PyTorchFileRecorder().load_into(model, LoadArgs("net.pt"))

    `use_torch`: True/False forces torch's reader or pyburn's; None picks torch when installed.
    """

    def __init__(self, settings: SettingsLike = FullPrecisionSettings, *,
                 use_torch: bool | None = None) -> None:
        self.settings = resolve_settings(settings)
        self.use_torch = use_torch

    def load(self, args: LoadArgs | str | os.PathLike[str]) -> dict[str, TensorData]:
        """The file's state dict, keys remapped as `args` says (printed with
        ``with_debug_print``), floats in the settings' precision."""
        if not isinstance(args, LoadArgs):
            args = LoadArgs(args)
        tensors = read_pytorch_file(args.file, top_level_key=args.top_level_key,
                                    use_torch=self.use_torch)
        tensors, origin = remap_keys(tensors, args.key_remap)
        if args.debug:
            debug_print(tensors, origin)
        float_dtype = self.settings.float_dtype
        return {k: v.convert(float_dtype) if v.dtype.is_float and v.dtype != float_dtype else v
                for k, v in tensors.items()}

    def load_into(self, module: M, args: LoadArgs | str | os.PathLike[str], *,
                  strict: bool = True) -> M:
        """`module` (a new one, same parameter ids) with the file's weights, each layer's
        PyTorch layout converted (`Linear` transposed, LSTM gates split, ...). `strict=False`
        loads what matches and warns about the rest (see `load_into_with_report`)."""
        loaded, report = self.load_into_with_report(module, args, strict=strict)
        if report.missing or report.unused:
            warnings.warn(f"PyTorchFileRecorder: partial load of {args}: {report}",
                          stacklevel=2)
        return loaded

    def load_into_with_report(self, module: M, args: LoadArgs | str | os.PathLike[str], *,
                              strict: bool = False) -> tuple[M, LoadReport]:
        """Like `load_into`, returning the keys left out instead of warning."""
        return load_into(module, self.load(args), strict=strict)

    def record(self, module: Module, path: str | os.PathLike[str], *,
               strict: bool = True) -> Path:
        """Write the module's weights as the state dict of the matching ``torch.nn.Module``:
        a ``.safetensors`` file (always possible), or a ``torch.save`` file for any other
        suffix (``.pt``/``.pth``; needs torch). Written atomically, floats in the settings'
        precision; PyTorch reads it with ``model.load_state_dict(torch.load(path))``."""
        path = Path(path)
        arrays = state_dict_of(module, strict=strict)
        tensors = {k: TensorData(v) for k, v in arrays.items()}
        float_dtype = self.settings.float_dtype
        tensors = {k: v.convert(float_dtype) if v.dtype.is_float else v
                   for k, v in tensors.items()}
        if path.suffix == ".safetensors":
            return save_safetensors(path, tensors)
        torch = torch_or_none() if self.use_torch is not False else None
        if torch is None:
            raise ImportError(f"PyTorchFileRecorder.record: writing {str(path)!r} with "
                              "torch.save needs torch installed; write a .safetensors file "
                              "instead (PyTorch reads it with safetensors.torch.load_file)")
        state = collections.OrderedDict(
            (k, _to_torch(torch, v)) for k, v in tensors.items())
        buffer = io.BytesIO()
        torch.save(state, buffer)
        return atomic_write(path, buffer.getvalue())

    def __repr__(self) -> str:
        return f"PyTorchFileRecorder({type(self.settings).__name__})"


def _to_torch(torch: Any, data: TensorData) -> Any:
    if data.dtype.value == "bfloat16":
        return torch.from_numpy(np.ascontiguousarray(data.as_numpy())).to(torch.bfloat16)
    return torch.from_numpy(np.ascontiguousarray(data.as_numpy()).copy())
