"""Errors raised while recording or loading a record.

They subclass the built-in errors users already catch (`ValueError`, `TypeError`,
`OverflowError`), and every message names the recorder, the file and the field path, so a bad
checkpoint points at its cause instead of failing deep inside a decoder.
"""

from __future__ import annotations


class RecordError(ValueError):
    """A record that cannot be written or read: corrupted or truncated bytes, a wrong magic
    header, an unknown dtype, a tensor whose shape does not match its bytes, a missing or
    malformed metadata envelope, or a foreign payload such as a pickle."""


class RecordTypeError(RecordError, TypeError):
    """A record tree holding something that is not an item (dict with str keys, list,
    TensorData, int, float, bool, str, None), or a tree that cannot be laid out (a cycle, a
    name collision in a flat format)."""


class PrecisionOverflowError(RecordError, OverflowError):
    """An integer tensor whose values do not fit the precision settings' integer type.

    Floats saturate to infinity instead (IEEE semantics); integers would silently wrap, so
    they are refused."""
