"""Config fields whose Burn name is a Python keyword (Burn's ``lambda``).

Python spells such a field with a trailing underscore (``lambda_``), but the config's JSON keeps
Burn's key, so a ``config.json`` written by Burn loads here and ours loads in Burn; and the
builder keeps Burn's name, ``with_lambda`` (``with_lambda_`` works too).
"""

from __future__ import annotations

import keyword
from collections.abc import Mapping
from typing import Any

from typing_extensions import Self

__all__ = ["KeywordFields"]


def _json_name(field: str) -> str:
    """``lambda_`` -> ``lambda``; any other field name is its own JSON key."""
    bare = field[:-1]
    return bare if field.endswith("_") and keyword.iskeyword(bare) else field


class KeywordFields:
    """Mixin for a `Config` or an `EnumConfig.Variant`: JSON keys without the underscore."""

    def with_lambda(self, value: float) -> Self:
        """Burn's ``with_lambda``: a copy with `lambda_` set to `value`."""
        builder: Any = getattr(self, "with_lambda_")
        result: Self = builder(value)
        return result

    def _config_fields_to_data(self, at: Any) -> dict[str, Any]:
        data: dict[str, Any] = super()._config_fields_to_data(at)  # type: ignore[misc]
        return {_json_name(k): v for k, v in data.items()}

    @classmethod
    def _config_from_fields(cls, data: Mapping[str, Any], at: Any) -> Self:
        names = {_json_name(f): f for f in cls._config_codecs()}  # type: ignore[attr-defined]
        renamed = {names.get(k, k): v for k, v in data.items()}
        result: Self = super()._config_from_fields(renamed, at)  # type: ignore[misc]
        return result
