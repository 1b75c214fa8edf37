"""`Module`: Burn's ``#[derive(Module)]`` for Python — a plain container of parameters.

A module is a dataclass whose fields are found by value: a `Module`, a `Param`, a list/tuple of
them, or None (an absent optional) is part of the module; anything else is a constant (sizes,
flags). From that one rule come visiting, mapping, device moves, parameter counts, records and
display. Modules are values: `map`, `to_device`, `to_backend`, `no_grad`, `valid`, `load_record`
return new modules and leave the original as it was. Initialization lives on configs, not here.

Python idioms on top of Burn's API: ``model(x)`` calls ``model.forward(x)``; ``copy.deepcopy``
is Burn's ``clone`` with copied storage (same `ParamId`s); pickling is refused with a pointer to
the recorders, because loading a pickle can run code.
"""

from __future__ import annotations

import copy
import dataclasses
from decimal import Decimal
from typing import Any, Callable, ClassVar, Iterator, Protocol, TypeVar, cast

from typing_extensions import Self, dataclass_transform

from pyburn.record.errors import RecordError
from pyburn.tensor import BackendError, Device, DeviceError, TensorData
from pyburn.tensor.device import same_storage
from pyburn.tensor.errors import a_or_an

from .module_record import ModuleRecord
from .param import Param, ParamId

M = TypeVar("M", bound="Module")


class ModuleVisitor(Protocol):
    """Sees every parameter with its dotted record path (``lstm.input_gate.input_transform.weight``)."""

    def visit_param(self, path: str, param: Param[Any]) -> None: ...


class ModuleMapper(Protocol):
    """Returns a replacement for every parameter (keep the id for optimizer state to follow)."""

    def map_param(self, path: str, param: Param[Any]) -> Param[Any]: ...


def _call_forward(self: Any, *args: Any, **kwargs: Any) -> Any:
    """``model(x)``, as in PyTorch and Keras: Burn's ``forward`` stays the name to define.
    A subclass that defines ``forward`` gets it as ``__call__`` directly (``__init_subclass__``)."""
    forward = getattr(self, "forward", None)
    if forward is None:
        raise TypeError(f"{type(self).__name__}(...): this module has no forward() method to call")
    return forward(*args, **kwargs)


@dataclass_transform(eq_default=False)
class Module:
    """Base of every module. Subclasses declare fields with annotations (they become a dataclass
    with ``eq=False``, so modules compare and hash by identity).

    ``record_names`` renames fields in records, for fields whose Burn name cannot be a Python
    attribute (``BiLstm`` keeps Burn's record names ``forward``/``reverse``)."""

    record_names: ClassVar[dict[str, str]] = {}

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "__init__" not in cls.__dict__:
            cast(Any, dataclasses.dataclass)(cls, eq=False, repr=False)
        # ``model(x)`` is ``model.forward(x)`` with no extra call frame. A class that writes
        # ``__call__ = forward`` itself also gives type checkers forward's signature.
        if "forward" in cls.__dict__ and "__call__" not in cls.__dict__:
            cls.__call__ = cls.__dict__["forward"]  # type: ignore[method-assign]

    # An assignment, not a ``def``: a subclass's ``__call__ = forward`` then keeps forward's own
    # signature for pyright too (it would otherwise inherit this declaration's type).
    __call__ = _call_forward

    # --- Python copying and pickling ---------------------------------------------------------------
    def __copy__(self) -> Self:
        out = object.__new__(type(self))
        out.__dict__.update(self.__dict__)
        return out

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        """Burn's ``clone`` with copied storage: every parameter keeps its `ParamId` and
        require-grad flag, so the copy's record is the original's and optimizer state keyed by
        id follows it; the tensors are new (a lazy parameter stays lazy and shares its first
        draw with the original). For fresh ids, map the copy:
        ``clone.map(lambda _, p: Param(p.val(), require_grad=p.require_grad))``."""
        out = object.__new__(type(self))
        memo[id(self)] = out
        for name, value in self.__dict__.items():
            out.__dict__[name] = copy.deepcopy(value, memo)
        return out

    def __reduce_ex__(self, protocol: Any) -> Any:
        raise TypeError(
            f"pickle: cannot pickle a {type(self).__name__} module: pyburn never saves or loads "
            "modules with pickle, because loading a pickle can run code. Save it with a "
            "recorder: model.save_file(path, NamedMpkFileRecorder(FullPrecisionSettings)) and "
            "model.load_file(path, recorder) (or into_record()/load_record()); "
            "copy.deepcopy(model) copies it in memory")

    # --- structure -----------------------------------------------------------------------------
    def _fields(self) -> Iterator[tuple[str, str, Any]]:
        """(attribute, record name, value) of every module/param field, in declaration order."""
        names = self.record_names
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name, None)
            if _is_part(value):
                yield f.name, names.get(f.name, f.name), value

    def named_params(self, prefix: str = "") -> Iterator[tuple[str, Param[Any]]]:
        """Every parameter with its dotted record path."""
        for _, name, value in self._fields():
            yield from _named_params(value, f"{prefix}{name}")

    def params(self) -> list[Param[Any]]:
        return [p for _, p in self.named_params()]

    def visit(self, visitor: ModuleVisitor) -> None:
        for path, param in self.named_params():
            visitor.visit_param(path, param)

    def map(self, mapper: "ModuleMapper | Callable[[str, Param[Any]], Param[Any]]") -> Self:
        """A new module with every parameter replaced by the mapper's result."""
        fn = mapper.map_param if hasattr(mapper, "map_param") else mapper
        return self._map(cast(Any, fn), "")

    def _map(self, fn: Callable[[str, Param[Any]], Param[Any]], prefix: str) -> Self:
        out = copy.copy(self)
        for attr, name, value in self._fields():
            object.__setattr__(out, attr, _map_value(value, fn, f"{prefix}{name}"))
        return out

    def map_tensors(self, fn: Callable[[Any], Any]) -> Self:
        return self.map(lambda _, p: p.map(fn))

    # --- Burn's module API -------------------------------------------------------------------------
    def num_params(self) -> int:
        return sum(p.num_params() for p in self.params())

    def devices(self) -> list[Device]:
        return self.collect_devices([])

    def collect_devices(self, devices: list[Device]) -> list[Device]:
        """Burn's ``collect_devices``: `devices` extended with this module's, no duplicates
        (gathering the devices of several modules into one list)."""
        found = list(devices)
        for p in self.params():
            d = p.device
            if d is not None and d not in found:
                found.append(d)
        return found

    def to_device(self, device: Device | str) -> Self:
        """The module on `device`; a lazy parameter stays lazy and is drawn there.

        As in Burn, a device move never changes the backend: a device of another backend
        (``Torch.default_device()`` for a NumPy module) raises a `BackendError` that points
        to `to_backend`. Autodiff and dtype variants of the same backend count as the same."""
        self._check_device_backend("to_device", device)
        return self.map(lambda _, p: p.map_lazy(lambda t: t.to_device(device), device=device))

    def fork(self, device: Device | str) -> Self:
        """Burn's ``fork``: the module on `device`, parameters detached from any graph and
        tracked again (for data-parallel copies). Same backend rule as `to_device`."""
        self._check_device_backend("fork", device)
        return self.map(lambda _, p: p.with_value(p.val().detach().to_device(device)))

    def to_backend(self, backend: Any, device: Device | str | None = None) -> Self:
        """The module on another backend ``B`` (NumPy -> Torch, Autodiff[NumPy] -> NumPy, ...).

        Parameter ids and require-grad flags are kept; whether the parameters are tracked is
        what `backend` says (an ``Autodiff[...]`` target tracks them). Tensors travel through
        DLPack when both sides allow it (zero-copy on one device), else through host memory.
        `device` defaults to the parameter's own device when `backend` supports its kind
        (``cuda:1`` stays ``cuda:1``), else to ``backend.default_device()``. Lazy parameters
        stay lazy."""
        from pyburn.tensor import Backend, Tensor
        if not (isinstance(backend, type) and issubclass(backend, Backend)):
            raise TypeError(f"Module.to_backend: expected a backend type such as Torch or "
                            f"Autodiff[NumPy], got {backend!r}")
        target = _target_device(backend, device, True) if device is not None else None

        def move(_: str, p: Param[Any]) -> Param[Any]:
            cls = p.tensor_cls
            if cls is None:
                return p
            dev = target if target is not None else _target_device(backend, p.device, False)
            return p.map_lazy(lambda t: t.to_backend(backend, dev), device=dev,
                              tensor_cls=Tensor.of(backend, cls.kind))
        return self.map(move)

    def _check_device_backend(self, op: str, device: Device | str) -> None:
        target = device.backend if isinstance(device, Device) else None
        if target is None:
            return
        for path, p in self.named_params():
            cls = p.tensor_cls
            if cls is not None and not same_storage(cls.backend, target):
                raise BackendError(
                    f"{type(self).__name__}.{op}: the device {device} belongs to {target!r}, but "
                    f"the module's parameters ({path}) are on {cls.backend!r}; a device move "
                    f"never changes the backend. Use module.to_backend({target!r}, device)")

    def no_grad(self) -> Self:
        """The same module whose parameters no longer require gradients."""
        return self.map(lambda _, p: p.set_require_grad(False))

    def valid(self) -> Self:
        """The module on its Autodiff backend's inner backend (validation/inference):
        no tape, and dropout is off."""
        def inner(_: str, p: Param[Any]) -> Param[Any]:
            cls = p.tensor_cls
            if cls is None or not cls.backend.is_autodiff():
                return p
            return p.map_lazy(_inner, tensor_cls=cls.of(cls.backend.inner))
        return self.map(inner)

    def train(self) -> Self:
        """Burn's ``train()`` (``AutodiffModule::from_inner``), the inverse of `valid`: the
        module on the Autodiff backend that wraps its own, so a tape is recorded and dropout
        acts again. Ids and require-grad flags are kept; lazy parameters stay lazy. As in Burn
        (a type error there), a module already on an Autodiff backend is refused."""
        from pyburn.backend import Autodiff
        from pyburn.tensor import Tensor

        def outer(path: str, p: Param[Any]) -> Param[Any]:
            cls = p.tensor_cls
            if cls is None:
                return p
            if cls.backend.is_autodiff():
                raise BackendError(
                    f"{type(self).__name__}.train: the parameter {path} is already on the "
                    f"Autodiff backend {cls.backend!r}; train() wraps a module of a plain "
                    "backend (as valid() returns)")
            wrap: Any = Autodiff  # a run-time backend, not a type checkers can index
            target = Tensor.of(wrap[cls.backend], cls.kind)
            return p.map_lazy(target.from_inner, tensor_cls=target)
        return self.map(outer)

    # --- records -------------------------------------------------------------------------------------
    def into_record(self) -> ModuleRecord:
        """The module's state as a record tree: parameters as ``{"id", "param": TensorData}``;
        a `ModuleRecord` (a dict, with Burn's ``into_bytes``/``from_bytes``/``save``/``load``)."""
        return ModuleRecord((name, _record_of(value)) for _, name, value in self._fields())

    def load_record(self, record: Any, *, strict: bool = True) -> Self:
        """A new module with the record's values (validated: a missing or unexpected field, or
        a shape that does not match, raises a RecordError naming the parameter path)."""
        return self._load(record, "", strict)

    def _load(self, record: Any, prefix: str, strict: bool) -> Self:
        where = prefix.rstrip(".") or type(self).__name__
        if not isinstance(record, dict):
            raise RecordError(f"load_record: {where}: expected a record of fields, got "
                              f"{type(record).__name__}")
        fields = list(self._fields())
        expected = {name for _, name, _ in fields}
        missing = [n for n in expected if n not in record]
        if missing:
            raise RecordError(f"load_record: {where}: missing field(s) "
                              f"{', '.join(prefix + m for m in missing)}")
        extra = [k for k in record if k not in expected]
        if extra and strict:
            raise RecordError(f"load_record: {where}: unexpected field(s) "
                              f"{', '.join(prefix + e for e in extra)}")
        out = copy.copy(self)
        for attr, name, value in fields:
            object.__setattr__(out, attr, _load_value(value, record[name], f"{prefix}{name}", strict))
        return out

    def save_file(self, path: str, recorder: Any) -> Any:
        """Save with a file recorder (the recorder adds its extension); returns the path."""
        return recorder.record(self.into_record(), path)

    def load_file(self, path: str, recorder: Any, device: Device | str | None = None) -> Self:
        """Load a record file into this module (onto `device` when given)."""
        module = self.load_record(recorder.load(path))
        return module.to_device(device) if device is not None else module

    # --- display ---------------------------------------------------------------------------------
    def display_fields(self) -> dict[str, Any] | None:
        """Fields for the one-line display (``Lstm {d_input: 2, ...}``); None lists the
        sub-modules instead. Modules override this, as Burn's ``ModuleDisplay``."""
        return None

    def __repr__(self) -> str:
        fields = self.display_fields()
        name = type(self).__name__
        if fields is not None:
            items = [f"{k}: {_display_value(v)}" for k, v in fields.items()]
            if self.num_params():  # Burn leaves the count out of parameterless modules
                items.append(f"params: {self.num_params()}")
            return f"{name} {{{', '.join(items)}}}" if items else name  # Burn: "Relu"
        lines = [f"{name} {{"]
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name, None)
            text = _display_value(value) if not isinstance(value, (list, tuple)) else \
                "[" + ", ".join(_display_value(v) for v in value) + "]"
            lines.append("  " + f"{f.name}: {text}".replace("\n", "\n  "))
        lines.append(f"  params: {self.num_params()}")
        lines.append("}")
        return "\n".join(lines)


def _is_part(value: Any) -> bool:
    if isinstance(value, (Module, Param)):
        return True
    if isinstance(value, (list, tuple)) and value and all(
            isinstance(v, (Module, Param)) or v is None for v in value):
        return True
    return False


def _named_params(value: Any, path: str) -> Iterator[tuple[str, Param[Any]]]:
    if isinstance(value, Param):
        yield path, value
    elif isinstance(value, Module):
        yield from value.named_params(path + ".")
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            if v is not None:
                yield from _named_params(v, f"{path}.{i}")


def _map_value(value: Any, fn: Callable[[str, Param[Any]], Param[Any]], path: str) -> Any:
    if isinstance(value, Param):
        return fn(path, value)
    if isinstance(value, Module):
        return value._map(fn, path + ".")
    if isinstance(value, (list, tuple)):
        return type(value)(None if v is None else _map_value(v, fn, f"{path}.{i}")
                           for i, v in enumerate(value))
    return value


def _record_of(value: Any) -> Any:
    if isinstance(value, Param):
        return {"id": str(value.id), "param": value.to_data()}
    if isinstance(value, Module):
        return value.into_record()
    if isinstance(value, (list, tuple)):
        return [None if v is None else _record_of(v) for v in value]
    return None


def _load_value(value: Any, record: Any, path: str, strict: bool) -> Any:
    if isinstance(value, Module):
        return value._load(record, path + ".", strict)
    if isinstance(value, (list, tuple)):
        if not isinstance(record, list) or len(record) != len(value):
            got = f"{len(record)} items" if isinstance(record, list) else type(record).__name__
            raise RecordError(f"load_record: {path}: expected a list of {len(value)} items, got {got}")
        return type(value)(None if v is None else _load_value(v, r, f"{path}.{i}", strict)
                           for i, (v, r) in enumerate(zip(value, record)))
    assert isinstance(value, Param)
    if not isinstance(record, dict) or "param" not in record:
        raise RecordError(f"load_record: {path}: expected a parameter record "
                          f"{{'id', 'param'}}, got {type(record).__name__}")
    data = record["param"]
    if not isinstance(data, TensorData):
        raise RecordError(f"load_record: {path}: expected tensor data, got {type(data).__name__}")
    if tuple(data.shape) != tuple(value.shape):
        raise RecordError(f"load_record: {path}: shape mismatch: the module expects "
                          f"{list(value.shape)}, the record has {list(data.shape)}")
    cls = value.tensor_cls
    if cls is None:
        raise RecordError(f"load_record: {path}: the parameter has no tensor type to load into")
    _check_kind(cls.kind.prefix, data, path)
    tensor = cls.from_data(data, value.device)
    # type(value): a `RunningState` loads as a running state, not as a trainable parameter
    return type(value)(tensor, record.get("id") or value.id, value.require_grad)


def _check_kind(kind: str, data: TensorData, path: str) -> None:
    """A record's tensor must have the parameter's kind: a bool mask loaded as weights 1.0/0.0
    (or floats truncated into ints) would be a silently wrong model. Ints into a float
    parameter stay allowed, a widening any framework does (exact below 2**24 in f32)."""
    stored = "float" if data.dtype.is_float else "int" if data.dtype.is_int else "bool"
    if stored == kind or (kind == "float" and stored == "int"):
        return
    raise RecordError(f"load_record: {path}: kind mismatch: the module expects "
                      f"{a_or_an(kind)} tensor, the record has {a_or_an(stored)} tensor "
                      f"({data.dtype})")


def _target_device(backend: Any, device: Device | str | None, explicit: bool) -> Device:
    """`device` as a device of `backend`. An asked-for device of a kind the backend lacks is
    an error; a parameter's own device that the backend lacks gives way to its default."""
    if isinstance(device, str):
        return cast(Device, backend.device(device))
    if device is None or device.kind not in backend.device_kinds():
        if explicit and device is not None:
            raise DeviceError(f"Module.to_backend: {backend!r} has no device {device}; it "
                              f"supports {', '.join(backend.device_kinds())}")
        return cast(Device, backend.default_device())
    return device.on(backend)


def _inner(tensor: Any) -> Any:
    return tensor.inner() if type(tensor).backend.is_autodiff() else tensor


def _display_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "None"
    if isinstance(value, Param):
        return f"Param{{shape: {list(value.shape)}}}"
    if isinstance(value, float):
        return _rust_float(value)
    return str(value)


def _rust_float(value: float) -> str:
    """A float as Rust's ``Display`` writes it (``0.00001``, ``1``, ``0.5``), so displays read
    exactly like Burn's (``LayerNorm {d_model: 6, epsilon: 0.00001, ...}``)."""
    if value != value:
        return "NaN"
    if value in (float("inf"), float("-inf")):
        return "inf" if value > 0 else "-inf"
    text = format(Decimal(repr(value)), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def list_param_ids(module: Module) -> list[ParamId]:
    """The id of every parameter of `module` (running states included), in declaration order:
    Burn's ``burn::module::list_param_ids``."""
    return [p.id for p in module.params()]
