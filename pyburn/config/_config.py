"""`Config`: Burn's `#[derive(Config)]` struct as a Python base class."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Callable

from typing_extensions import Self, dataclass_transform

from ._codec import Invalid, Path, describe
from ._init_with import init_with
from ._persist import Persist
from ._record import Record, setup_record


@dataclass_transform(
    eq_default=True,
    frozen_default=True,
    field_specifiers=(dataclasses.field, dataclasses.Field),
)
class Config(Record, Persist):
    """Hyperparameters as an immutable, serializable value; subclass it and annotate fields.

    Required fields (no default) are the constructor's positional arguments, like Burn's
    `Config::new`; `with_<field>(value)` returns a modified copy. `save`/`load` round-trip
    through JSON so an experiment can be reproduced from its `config.json`.
    """

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        setup_record(cls)

    if TYPE_CHECKING:
        # The builders are generated at run time; this tells type checkers `with_x(v)` -> Self.
        def __getattr__(self, name: str) -> Callable[[Any], Self]: ...

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict `save` writes: nested configs as dicts, enums as names."""
        data: dict[str, Any] = self._config_to_data()
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Self:
        """Validate and build from a dict shaped like `to_dict()`'s result."""
        return cls._config_from_data(data)

    def init_with(self, record: Any, device: Any = None, backend: Any = None) -> Any:
        """Burn's ``init_with(record)``: the module `init` builds, holding the record's weights.

        No initializer runs (parameters are lazy), and the record is validated against the
        config: a missing field or another shape is a `RecordError` naming the parameter. A
        record with tensors needs `device` or `backend` (records hold no device); see
        ``docs/nn.md``, "Initialization from recorded weights"."""
        return init_with(self, record, device, backend)

    @classmethod
    def _config_convert(cls, value: Any, at: Path, from_json: bool) -> Any:
        if isinstance(value, cls):
            return value
        if from_json and isinstance(value, Mapping):
            return cls._config_from_fields(value, at)
        what = "a JSON object" if from_json else "an instance"
        raise Invalid(at, f"expected {cls.__config_name__} ({what}), got {describe(value)}")

    @classmethod
    def _config_encode(cls, value: Any, at: Path) -> Any:
        if not isinstance(value, cls):
            raise Invalid(at, f"expected {cls.__config_name__}, got {describe(value)}")
        return value._config_fields_to_data(at)
