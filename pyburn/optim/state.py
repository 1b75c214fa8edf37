"""Per-parameter optimizer state and its record form.

A state holds tensors of the inner backend (moments, velocities) and plain numbers (step
counts). Its record is a small tree of `TensorData` and ints that any recorder can save; a state
read back from a record holds `TensorData` until the next step turns it into tensors on the
gradient's backend and device (as Burn moves loaded state to the gradient's device), so loading
needs no device and a record saved on one backend resumes on another.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping

from typing_extensions import Self

from pyburn.record import RecordError
from pyburn.tensor import TensorData

TensorFn = Callable[[Any], Any]
"""Applied to every tensor of a state: a tensor (or `TensorData`) in, a tensor out."""


class OptimizerState:
    """Base of the state classes. Subclasses are small frozen dataclasses that say how to map
    their tensors and how to read/write their record."""

    def map_tensors(self, fn: TensorFn) -> Self:
        raise NotImplementedError

    def to_record(self) -> dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_record(cls, record: Any, where: str) -> Self:
        raise NotImplementedError


def data_of(value: Any) -> TensorData:
    """The record form of a state tensor (a state loaded but not yet stepped holds TensorData)."""
    return value if isinstance(value, TensorData) else value.to_data()


def fields_of(record: Any, where: str, *names: str) -> Mapping[str, Any]:
    """`record` checked to be a dict holding at least `names`."""
    if not isinstance(record, Mapping):
        raise RecordError(f"optimizer record {where}: expected a dict of state fields, got "
                          f"{type(record).__name__}")
    missing = [n for n in names if n not in record]
    if missing:
        raise RecordError(f"optimizer record {where}: missing field(s) {', '.join(missing)}")
    return record


def tensor_field(record: Mapping[str, Any], name: str, where: str,
                 optional: bool = False) -> Any:
    value = record.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, TensorData):
        raise RecordError(f"optimizer record {where}.{name}: expected tensor data, got "
                          f"{type(value).__name__}")
    return value


def int_field(record: Mapping[str, Any], name: str, where: str) -> int:
    value = record.get(name)
    if isinstance(value, bool) or not isinstance(value, int):
        raise RecordError(f"optimizer record {where}.{name}: expected an int, got "
                          f"{type(value).__name__}")
    return value
