"""Recognising payloads pyburn will not read, to explain the refusal.

Safety does not depend on this module: no pyburn decoder ever calls `pickle` (or numpy with
``allow_pickle``), so a malicious file cannot run code. Spotting a pickle or a ``torch.save``
archive early only turns an obscure "corrupted data" error into an actionable one.
"""

from __future__ import annotations

_PICKLE_V0_START = frozenset(b"(c]}")  # MARK, GLOBAL, EMPTY_LIST, EMPTY_DICT


def looks_like_pickle(data: bytes) -> bool:
    """Protocol 2+ pickles start with PROTO (0x80, version); protocol 0/1 ones usually start
    with MARK or GLOBAL and always end with STOP (``.``)."""
    if len(data) >= 2 and data[0] == 0x80 and 2 <= data[1] <= 5:
        return True
    return len(data) >= 2 and data[0] in _PICKLE_V0_START and data.endswith(b".")


def describe_foreign(data: bytes) -> str | None:
    """Why `data` is refused, when it is a pickle or a zip archive (``torch.save``); None when
    it is neither. Only consulted after a decoder failed, so a valid record whose first bytes
    happen to look like a pickle header (a safetensors header length of 640 starts with
    ``80 02``) is never refused."""
    if looks_like_pickle(data):
        return ("this is a Python pickle (e.g. torch.save or pickle.dump); pyburn never "
                "unpickles, because unpickling runs arbitrary code. Export the weights as "
                "safetensors and use load_safetensors")
    if data.startswith(b"PK\x03\x04"):
        return ("this is a zip archive (torch.save writes pickles inside zip files); pyburn "
                "never unpickles. Export the weights as safetensors and use load_safetensors")
    return None
