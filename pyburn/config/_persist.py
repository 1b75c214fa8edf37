"""JSON text and files for configs: `to_json`/`from_json`, and an atomic `save` with `load`.

`save` writes a temporary file next to the target and renames it over the target, so a crash
or an unserializable value never leaves a half-written config where the last good one was:
an experiment's `config.json` is the record of how a model was trained.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import stat
from typing import Any, Union

from typing_extensions import Self

from ._codec import ConfigError, Invalid, Path, error_message

StrPath = Union[str, "os.PathLike[str]"]


def atomic_write_text(path: StrPath, text: str) -> None:
    """Write `text` to `path` via a same-directory temp file and `os.replace`; missing parent
    folders are created, as the recorders do."""
    target = os.fspath(path)
    directory = os.path.dirname(os.path.abspath(target))
    os.makedirs(directory, exist_ok=True)
    base = os.path.basename(target)
    while True:
        tmp = os.path.join(directory, f".{base}.{secrets.token_hex(6)}.tmp")
        try:  # mode 0o666 lets the umask decide, as for any new file
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(text.encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
        with contextlib.suppress(OSError):  # keep the permissions of the file being replaced
            os.chmod(tmp, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


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
            return type(self)._config_encode(self, ())
        except Invalid as e:
            raise ConfigError(error_message(type(self).__config_name__, e)) from None

    @classmethod
    def _config_from_data(cls, data: Any, source: str | None = None) -> Self:
        try:
            result: Self = cls._config_convert(data, (), True)
            return result
        except Invalid as e:
            raise ConfigError(error_message(cls.__config_name__, e, source)) from None

    def to_json(self, indent: int | None = 2) -> str:
        """Pretty JSON with keys in field order, the format `save` writes."""
        return json.dumps(self._config_to_data(), indent=indent, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str | bytes) -> Self:
        """Parse and validate JSON produced by `to_json` (or by hand)."""
        try:
            data = json.loads(text)
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
        with open(source, "rb") as f:
            raw = f.read()
        try:
            data = json.loads(raw)
        except ValueError as e:  # JSONDecodeError and UnicodeDecodeError
            message = f"{cls.__config_name__}: cannot parse '{source}' as JSON: {e}"
            raise ConfigError(message) from None
        return cls._config_from_data(data, source)
