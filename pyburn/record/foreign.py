"""Recognising payloads pyburn will not read, to explain the refusal.

Safety does not depend on this module: no record decoder ever calls `pickle` (or numpy with
``allow_pickle``), and the PyTorch reader (`pyburn.record.pytorch`) only uses an unpickler that
resolves nothing but tensor-rebuild names, so a malicious file cannot run code. Spotting a pickle or a ``torch.save``
archive after a decoder failed only turns an obscure "corrupted data" error into an actionable
one.
"""

from __future__ import annotations

import zlib

from .compression import GZIP_MAGIC

_PICKLE_V0_START = frozenset(b"(c]}")  # MARK, GLOBAL, EMPTY_LIST, EMPTY_DICT
_PICKLE = ("this is a Python pickle (e.g. torch.save in its legacy format, or pickle.dump); "
           "pyburn never unpickles, because unpickling runs arbitrary code. A PyTorch state "
           "dict loads with PyTorchFileRecorder (pyburn.record), which reads only tensors; "
           "otherwise export the weights as safetensors and use load_safetensors")
_ZIP = ("this is a zip archive, as torch.save writes (a pickle inside a zip file); pyburn never "
        "unpickles. Load a PyTorch state dict with PyTorchFileRecorder (pyburn.record), which "
        "reads only tensors, or export the weights as safetensors and use load_safetensors")


def looks_like_pickle(data: bytes | bytearray, complete: bool = True) -> bool:
    """Protocol 2+ pickles start with PROTO (0x80, version); protocol 0/1 ones usually start
    with MARK or GLOBAL and (when `complete`) end with STOP (``.``)."""
    if len(data) >= 2 and data[0] == 0x80 and 2 <= data[1] <= 5:
        return True
    return len(data) >= 2 and data[0] in _PICKLE_V0_START and (not complete
                                                                or data.endswith(b"."))


def describe_foreign(data: bytes | bytearray, gzip_expected: bool = False) -> str | None:
    """Why `data` is refused, when it is a pickle or a zip archive (``torch.save``), possibly
    gzipped, or gzip data given to a recorder without gzip; None otherwise. Only consulted
    after a decoder failed, so a valid record whose first bytes happen to look like a pickle
    header (a safetensors header length of 640 starts with ``80 02``) is never refused."""
    if looks_like_pickle(data):
        return _PICKLE
    if data.startswith(b"PK\x03\x04"):
        return _ZIP
    if data.startswith(GZIP_MAGIC):
        try:  # only the first bytes are inflated: enough to recognise the payload
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data, 64)
        except zlib.error:
            return None
        if looks_like_pickle(head, complete=False):
            return "gzip-compressed pickle: " + _PICKLE
        if head.startswith(b"PK\x03\x04"):
            return "gzip-compressed zip: " + _ZIP
        if not gzip_expected:
            return ("this is gzip-compressed data; load it with the matching *Gz recorder "
                    "(NamedMpkGzFileRecorder, BinGzFileRecorder or JsonGzFileRecorder)")
    return None
