"""The metadata envelope around every record, like Burn's ``BurnRecord { metadata, item }``.

Storing how a record was written (float/int dtype, format, pyburn version, settings) makes a
file self-describing: a loader can tell a pyburn record from any other data, report what
precision it holds, and fail with a clear message instead of mis-reading a foreign file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .errors import RecordError
from .precision import PrecisionSettings
from .tree import Item

_FIELDS = ("float", "int", "format", "version", "settings")


@lru_cache(maxsize=1)
def pyburn_version() -> str:
    """The running pyburn's version: the package's ``__version__``, else the installed
    distribution's."""
    import pyburn  # at call time: pyburn's __init__ may still be importing this package

    version = getattr(pyburn, "__version__", None)
    if isinstance(version, str):
        return version
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed_version
    try:
        return installed_version("pyburn")
    except PackageNotFoundError:
        return "0+unknown"


@dataclass(frozen=True)
class RecordMetadata:
    """What Burn calls ``BurnMetadata``: how a record was stored."""

    float_dtype: str
    int_dtype: str
    format: str
    version: str
    settings: str

    @classmethod
    def for_save(cls, settings: PrecisionSettings, format_name: str) -> "RecordMetadata":
        return cls(settings.float_dtype.value, settings.int_dtype.value, format_name,
                   pyburn_version(), settings.name())

    def to_item(self) -> dict[str, Item]:
        values = (self.float_dtype, self.int_dtype, self.format, self.version, self.settings)
        return dict(zip(_FIELDS, values))


def wrap(item: Item, metadata: RecordMetadata) -> dict[str, Item]:
    """The envelope tree a format serializes."""
    return {"metadata": metadata.to_item(), "item": item}


def unwrap(tree: Item, expected_format: str) -> tuple[RecordMetadata, Item]:
    """Split a decoded envelope into its metadata and item, checking both are present and the
    record was written in the format this recorder reads."""
    if not isinstance(tree, dict) or "metadata" not in tree or "item" not in tree:
        found = sorted(tree) if isinstance(tree, dict) else type(tree).__name__
        raise RecordError("not a pyburn record: expected a {'metadata', 'item'} envelope, "
                          f"found {found}")
    meta = tree["metadata"]
    if not isinstance(meta, dict) or any(not isinstance(meta.get(k), str) for k in _FIELDS):
        raise RecordError(f"malformed record metadata {meta!r}: expected string fields "
                          f"{list(_FIELDS)}")
    metadata = RecordMetadata(*(str(meta[k]) for k in _FIELDS))
    if metadata.format != expected_format:
        raise RecordError(f"record was written in format {metadata.format!r}, but this "
                          f"recorder reads {expected_format!r}; load it with the recorder that "
                          "saved it")
    return metadata, tree["item"]
