"""Gzip for the ``*Gz`` recorders.

Besides the size, gzip's CRC-32 is a checksum: the Burn Book recommends a Gzip recorder when
storage may corrupt data. Output is deterministic (mtime 0), so the same model gives the same
bytes.
"""

from __future__ import annotations

import gzip
import zlib

from .errors import RecordError

GZIP_MAGIC = b"\x1f\x8b"


def compress(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def decompress(data: bytes) -> bytes:
    """Inflate gzip data, turning every gzip failure (bad header, truncation, CRC mismatch)
    into a `RecordError`."""
    if not data.startswith(GZIP_MAGIC):
        raise RecordError(f"not gzip data (starts with {data[:8]!r})")
    try:
        return gzip.decompress(data)
    except (OSError, EOFError, zlib.error) as exc:
        raise RecordError(f"gzip: truncated or corrupted data ({type(exc).__name__}: {exc})") \
            from exc
