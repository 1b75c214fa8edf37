"""Records: saving and loading module state, independent of the backend (Burn's ``record``).

A *record tree* (dicts, lists, `TensorData`, ints, floats, bools, strings, None) is what the
module layer produces; a *recorder* writes it in a format (Named MessagePack, Bin, JSON,
safetensors), optionally gzipped, with tensors stored in the precision its
*precision settings* choose. Nothing here ever unpickles: loading a record cannot run code.

    from pyburn.record import NamedMpkFileRecorder, FullPrecisionSettings
    recorder = NamedMpkFileRecorder(FullPrecisionSettings)
    recorder.record(tree, "model")        # writes model.mpk atomically
    tree = recorder.load("model")
"""

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
]
