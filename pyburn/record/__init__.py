"""Records: saving and loading module state, independent of the backend (Burn's ``record``).

A *record tree* (dicts, lists, `TensorData`, ints, floats, bools, strings, None) is what the
module layer produces; a *recorder* writes it in a format (Named MessagePack, Bin, JSON,
safetensors), optionally gzipped, with tensors stored in the precision its
*precision settings* choose. Nothing here ever runs a full unpickle: loading a record (or a
PyTorch file, through `PyTorchFileRecorder`) cannot run code.

    from pyburn.record import NamedMpkFileRecorder, FullPrecisionSettings
    recorder = NamedMpkFileRecorder(FullPrecisionSettings)
    recorder.record(tree, "model")        # writes model.mpk atomically
    tree = recorder.load("model")
"""

from typing import TYPE_CHECKING, Any

from .atomic import atomic_write
from .envelope import RecordMetadata
from .errors import PrecisionOverflowError, RecordError, RecordTypeError
from .precision import (DoublePrecisionSettings, FullPrecisionSettings, HalfPrecisionSettings,
                        PrecisionSettings, resolve_settings)
from .recorder import (BinBytesRecorder, BinFileRecorder, BinGzFileRecorder, BytesRecorder,
                       CompactRecorder, DefaultFileRecorder, FileRecorder, JsonGzFileRecorder,
                       NamedMpkBytesRecorder, NamedMpkFileRecorder, NamedMpkGzFileRecorder,
                       PrettyJsonFileRecorder, Recorder, SafetensorsFileRecorder)
from .safetensors_format import (decode_safetensors, encode_safetensors, load_safetensors,
                                 save_safetensors)
from .tree import Item, ItemLike, TreePath, is_param_node, trees_equal

if TYPE_CHECKING:
    from .pytorch import LoadArgs, LoadReport, PyTorchFileRecorder, TorchFileError

_PYTORCH = ("PyTorchFileRecorder", "LoadArgs", "LoadReport", "TorchFileError")


def __getattr__(name: str) -> Any:
    """The PyTorch import (`pyburn.record.pytorch`) loads on first use: it walks
    `pyburn.nn` modules, which themselves import this package."""
    if name in _PYTORCH:
        from . import pytorch
        return getattr(pytorch, name)
    raise AttributeError(f"module 'pyburn.record' has no attribute {name!r}")

__all__ = [
    "Recorder", "FileRecorder", "BytesRecorder",
    "NamedMpkFileRecorder", "NamedMpkGzFileRecorder", "BinFileRecorder", "BinGzFileRecorder",
    "JsonGzFileRecorder", "PrettyJsonFileRecorder", "SafetensorsFileRecorder",
    "BinBytesRecorder", "NamedMpkBytesRecorder", "DefaultFileRecorder", "CompactRecorder",
    "PrecisionSettings", "FullPrecisionSettings", "HalfPrecisionSettings",
    "DoublePrecisionSettings", "resolve_settings",
    "RecordMetadata", "RecordError", "RecordTypeError", "PrecisionOverflowError",
    "Item", "ItemLike", "TreePath", "is_param_node", "trees_equal", "atomic_write",
    "save_safetensors", "load_safetensors", "encode_safetensors", "decode_safetensors",
    "PyTorchFileRecorder", "LoadArgs", "LoadReport", "TorchFileError",
]
