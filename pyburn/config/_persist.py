"""JSON text and files for configs: `to_json`/`from_json`, and an atomic `save` with `load`.

`save` writes a temporary file next to the target and renames it over the target, so a crash
or an unserializable value never leaves a half-written config where the last good one was:
an experiment's `config.json` is the record of how a model was trained.

The JSON is strict both ways, so any JSON tool (serde_json in a Rust service, jq, a browser)
reads what `save` writes: a non-finite float is refused on save and on load, and so is nesting
deeper than `MAX_NESTING`.
"""

from __future__ import annotations

import json
import math
import os
from typing import Any, NoReturn, Union

from typing_extensions import Self

from pyburn.record.atomic import atomic_write, remove_stale_temps

from ._codec import MAX_NESTING, ConfigError, Invalid, Path, check_strict_json, error_message

StrPath = Union[str, "os.PathLike[str]"]


def atomic_write_text(path: StrPath, text: str) -> None:
    """Write `text` to `path` atomically (the records' `atomic_write`: same-directory temp
    file, fsync, rename; leftovers of killed writers swept); missing parent folders are
    created and a replaced file keeps its permissions."""
    atomic_write(path, text.encode("utf-8"), keep_mode=True)


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not strict JSON (configs hold finite numbers only)")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"number {text} does not fit a float64 (configs hold finite numbers "
                         "only)")
    return value


def parse_json(text: str | bytes) -> Any:
    """`json.loads`, strict: NaN, Infinity and overflowing numbers are a `ValueError`, and so
    is nesting beyond what the parser can recurse into (a `RecursionError` otherwise)."""
    try:
        return json.loads(text, parse_constant=_reject_constant, parse_float=_finite_float)
    except RecursionError:
        raise ValueError(f"nested deeper than the parser allows (configs allow {MAX_NESTING} "
                         "levels)") from None


class Persist:
    """Text and file round trips shared by `Config` and `EnumConfig`."""

    __config_name__: str = "Persist"

    @classmethod
    def _config_convert(cls, value: Any, at: Path, from_json: bool) -> Any:
        raise NotImplementedError

    @classmethod
    def _config_encode(cls, value: Any, at: Path) -> Any:
        raise NotImplementedError

    def _config_to_data(self) -> Any:
        """The JSON-ready value (dicts, lists, str, numbers) of this config."""
        try:
            data = type(self)._config_encode(self, ())
            check_strict_json(data)
            return data
        except Invalid as e:
            raise ConfigError(error_message(type(self).__config_name__, e)) from None

    @classmethod
    def _config_from_data(cls, data: Any, source: str | None = None) -> Self:
        try:
            check_strict_json(data)
            result: Self = cls._config_convert(data, (), True)
            return result
        except Invalid as e:
            raise ConfigError(error_message(cls.__config_name__, e, source)) from None

    def to_json(self, indent: int | None = 2) -> str:
        """Pretty JSON with keys in field order, the format `save` writes."""
        return json.dumps(self._config_to_data(), indent=indent, ensure_ascii=False,
                          allow_nan=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        """Parse and validate JSON produced by `to_json` (or by hand)."""
        try:
            data = parse_json(text)
        except ValueError as e:
            raise ConfigError(f"{cls.__config_name__}: invalid JSON: {e}") from None
        return cls._config_from_data(data)

    def save(self, path: StrPath) -> None:
        """Write the config as JSON; the target is replaced atomically or left untouched."""
        atomic_write_text(path, self.to_json() + "\n")

    @classmethod
    def load(cls, path: StrPath) -> Self:
        """Read a config written by `save`; errors name the class, the field and the file."""
        source = os.fspath(path)
        remove_stale_temps(source)
        with open(source, "rb") as f:
            raw = f.read()
        try:
            data = parse_json(raw)
        except ValueError as e:  # JSONDecodeError and UnicodeDecodeError
            message = f"{cls.__config_name__}: cannot parse '{source}' as JSON: {e}"
            raise ConfigError(message) from None
        return cls._config_from_data(data, source)
