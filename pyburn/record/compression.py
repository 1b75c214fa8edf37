"""Gzip for the ``*Gz`` recorders.

Besides the size, gzip's CRC-32 is a checksum: the Burn Book recommends a Gzip recorder when
storage may corrupt data. Output is deterministic (mtime 0), so the same model gives the same
bytes.

Inflating is streamed under a size limit, because a small file can expand a thousandfold (a
1 MB file can hold 1 GB of zeros): a *decompression bomb* must be refused with a `RecordError`
while memory use is still near the limit, not end in a `MemoryError` or the OOM killer. The
limit defaults to what the record itself declares it holds: the uncompressed size in the gzip
trailer (``ISIZE``, exact for every record below 4 GiB), tightened by the format's own header
where it states the size (Bin). The first bytes are also checked against the format, so a
stream that cannot be a record is refused after the first chunk.
"""

from __future__ import annotations

import gzip
import io
import struct
import zlib
from typing import Callable

from .errors import RecordError

GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 1 << 20
"""Bytes inflated per step: the most a refused stream can allocate beyond its limit."""
HEAD = 64
"""Decompressed bytes handed to a format's head check."""

_BOMB = ("refused as a possible decompression bomb. If the file is trusted, pass a larger "
         "max_decompressed_size to the recorder")

HeadCheck = Callable[[bytes], "int | None"]
"""Inspects the first decompressed bytes: raises `RecordError` when they cannot start a record
of the format, returns the exact decompressed size when the format's header states it."""


def compress(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)


def declared_size(data: bytes) -> int:
    """The uncompressed size a gzip stream's trailer declares (its last member's ``ISIZE``,
    the size modulo 2**32)."""
    value: int = struct.unpack_from("<I", data, len(data) - 4)[0]
    return value


def decompress(data: bytes, limit: int | None = None,
               check_head: HeadCheck | None = None) -> bytearray:
    """Inflate gzip data without ever holding more than the limit (plus one `CHUNK`).

    The limit is `limit` when given, else `declared_size`; a stream that produces more, or
    whose format header declares more, is refused. Every gzip failure (bad header, truncation,
    CRC mismatch) and running out of memory become a `RecordError`."""
    if not data.startswith(GZIP_MAGIC):
        raise RecordError(f"not gzip data (starts with {data[:8]!r})")
    if len(data) < 18:  # 10-byte header + 8-byte trailer
        raise RecordError(f"gzip: truncated data ({len(data)} bytes)")
    cap, what = ((limit, f"the limit max_decompressed_size={limit}") if limit is not None else
                 (declared_size(data), "what its gzip trailer declares"))
    out = bytearray()
    checked = check_head is None
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data), mode="rb") as stream:
            while True:
                chunk = stream.read(min(CHUNK, cap + 1 - len(out)))
                out += chunk
                if not checked and (len(out) >= HEAD or not chunk):
                    assert check_head is not None
                    checked = True
                    exact = check_head(bytes(out[:HEAD]))
                    if exact is not None and exact > cap:
                        raise RecordError(f"gzip: the payload declares {exact} bytes, over "
                                          f"{cap} bytes ({what}); " + _BOMB)
                    if exact is not None:
                        cap, what = exact, "what the format's header declares"
                if len(out) > cap:
                    raise RecordError(f"gzip: the payload inflates to more than {cap} bytes "
                                      f"({what}); " + _BOMB)
                if not chunk:
                    return out
    except MemoryError:
        size = len(out)
        del out
        raise RecordError(f"gzip: out of memory after inflating {size} bytes (limit {cap}, "
                          f"{what}); pass a smaller max_decompressed_size to the recorder to "
                          "refuse such files sooner") from None
    except (OSError, EOFError, zlib.error) as exc:
        raise RecordError(f"gzip: truncated or corrupted data ({type(exc).__name__}: {exc})") \
            from exc

