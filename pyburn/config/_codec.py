"""Field types: how each annotation converts, validates and serializes its values.

A config's annotations are compiled once into `Codec` objects. One `convert` serves both
construction (Python values: numpy ints are accepted, lists become tuples where a tuple is
declared) and loading (JSON values: a str where an int is declared is an error), so the two can't
drift apart. Errors carry the path inside the config; the public entry points turn them into a
`ConfigError` that names the root class.
"""

from __future__ import annotations

import enum
import math
import numbers
import operator
import types
import typing
from typing import Any, Protocol, Union

Path = tuple[Union[str, int], ...]

_JSON_LEAVES = (str, int, float, bool, type(None))

MAX_NESTING = 256
"""How deep lists, dicts and nested configs may go in a config's JSON, checked on save and on
load: a hostile file nested 100000 levels deep gets a `ConfigError`, not a `RecursionError`."""


class ConfigError(ValueError):
    """A config could not be built, loaded or saved; the message names the class and the field."""


class Invalid(Exception):
    """Internal: a bad value at `at`; turned into a `ConfigError` by the entry point."""

    def __init__(self, at: Path, reason: str, owner: str | None = None) -> None:
        super().__init__(reason)
        self.at = at
        self.reason = reason
        self.owner = owner  # the nested config class the reason is about, if any


def check_strict_json(value: Any) -> None:
    """Raise `Invalid` at the first non-finite float (strict JSON, as serde_json, jq and
    ``JSON.parse`` read it, has no NaN or Infinity) or container nested deeper than
    `MAX_NESTING`. Iterative, so the check itself cannot exhaust the stack."""
    stack: list[tuple[Any, Path]] = [(value, ())]
    while stack:
        node, at = stack.pop()
        if isinstance(node, float) and not math.isfinite(node):
            raise Invalid(at, f"{node!r} is not a finite number, and strict JSON (serde_json, "
                              "jq, JSON.parse) has no NaN or Infinity")
        if isinstance(node, (list, tuple, dict)):
            if len(at) >= MAX_NESTING:
                raise Invalid((), f"nested deeper than {MAX_NESTING} levels (at "
                                  f"'{format_path(at[:8])}...')")
            items = list(node.items() if isinstance(node, dict) else enumerate(node))
            stack.extend((v, (*at, k)) for k, v in reversed(items))


def format_path(at: Path) -> str:
    """`('layers', 0, 'size')` -> `layers[0].size`, the way a user would index it."""
    out = ""
    for part in at:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def error_message(root: str, err: Invalid, source: str | None = None) -> str:
    msg = root
    if err.at:
        msg += f": field '{format_path(err.at)}'"
        if err.owner is not None:
            msg += f": {err.owner}"
    msg += f": {err.reason}"
    if source is not None:
        msg += f" (in '{source}')"
    return msg


def describe(value: object) -> str:
    """A short 'type value' for error messages, cut so a huge list doesn't flood the terminal."""
    if value is None:
        return "None"
    text = repr(value)
    if len(text) > 60:
        text = text[:57] + "..."
    return f"{type(value).__name__} {text}"


class Codec(Protocol):
    """How one annotation converts a value (from Python or from JSON) and encodes it to JSON."""

    name: str

    def convert(self, value: Any, at: Path, from_json: bool) -> Any: ...

    def encode(self, value: Any, at: Path) -> Any: ...

    def exact(self, value: Any) -> bool: ...


class Nested(Protocol):
    """What a Config / EnumConfig class offers so it can be the type of a field."""

    @classmethod
    def _config_convert(cls, value: Any, at: Path, from_json: bool) -> Any: ...

    @classmethod
    def _config_encode(cls, value: Any, at: Path) -> Any: ...


class _Base:
    name = "?"

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        raise NotImplementedError

    def fail(self, value: object, at: Path) -> typing.NoReturn:
        raise Invalid(at, f"expected {self.name}, got {describe(value)}")

    def exact(self, value: Any) -> bool:
        return False

    def encode(self, value: Any, at: Path) -> Any:
        return self.convert(value, at, from_json=False)


class _Int(_Base):
    name = "int"

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        if type(value) is int:
            return value
        if isinstance(value, bool) or from_json:
            self.fail(value, at)
        try:  # numpy integers and other __index__ types: a shape computed with numpy is fine
            return operator.index(value)
        except TypeError:
            self.fail(value, at)

    def exact(self, value: Any) -> bool:
        return type(value) is int


class _Float(_Base):
    name = "float"

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        if type(value) is float:
            return value
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            self.fail(value, at)
        return float(value)

    def exact(self, value: Any) -> bool:
        return type(value) is float


class _Exact(_Base):
    """bool, str and None: no conversion is ever implied."""

    def __init__(self, kind: type) -> None:
        self.kind = kind
        self.name = "None" if kind is type(None) else kind.__name__

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        if not isinstance(value, self.kind):
            self.fail(value, at)
        return value

    def exact(self, value: Any) -> bool:
        return type(value) is self.kind


class _Any(_Base):
    name = "Any"

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        return value

    def encode(self, value: Any, at: Path) -> Any:
        return encode_untyped(value, at)


def encode_untyped(value: Any, at: Path) -> Any:
    """Encode a value with no declared type, failing with its path if JSON can't hold it."""
    if isinstance(value, _JSON_LEAVES):
        return value
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, (list, tuple)):
        return [encode_untyped(v, (*at, i)) for i, v in enumerate(value)]
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        return {k: encode_untyped(v, (*at, k)) for k, v in value.items()}
    encoder = getattr(type(value), "_config_encode", None)
    if encoder is not None:
        return encoder(value, at)
    raise Invalid(at, f"value of type {type(value).__name__} is not JSON serializable")


class _Literal(_Base):
    def __init__(self, values: tuple[Any, ...]) -> None:
        self.values = values
        self.name = "Literal[" + ", ".join(repr(v) for v in values) + "]"

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        for v in self.values:
            if type(v) is type(value) and v == value:
                return v
        self.fail(value, at)

    def exact(self, value: Any) -> bool:
        return any(type(v) is type(value) and v == value for v in self.values)


class _Union(_Base):
    """`A | B`: an exact match wins, then members are tried in declaration order."""

    def __init__(self, members: list[Codec]) -> None:
        self.members = members
        self.name = " | ".join(m.name for m in members)

    def _pick(self, value: Any, at: Path, attempt: typing.Callable[[Codec], Any]) -> Any:
        others = [m for m in self.members if m.name != "None"]
        if value is not None and len(others) == 1:
            return attempt(others[0])  # Optional[X]: X's own, more precise error
        for m in self.members:
            if m.exact(value):
                return attempt(m)
        for m in self.members:
            try:
                return attempt(m)
            except Invalid:
                continue
        self.fail(value, at)

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        return self._pick(value, at, lambda m: m.convert(value, at, from_json))

    def encode(self, value: Any, at: Path) -> Any:
        return self._pick(value, at, lambda m: m.encode(value, at))

    def exact(self, value: Any) -> bool:
        return any(m.exact(value) for m in self.members)


class _Sequence(_Base):
    """`list[X]` and `tuple[X, ...]`; JSON has only arrays, so either accepts a list or tuple."""

    def __init__(self, item: Codec, container: type) -> None:
        self.item, self.container = item, container
        suffix = ", ..." if container is tuple else ""
        self.name = f"{container.__name__}[{item.name}{suffix}]"

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        if not isinstance(value, (list, tuple)):
            self.fail(value, at)
        return self.container(
            self.item.convert(v, (*at, i), from_json) for i, v in enumerate(value)
        )

    def encode(self, value: Any, at: Path) -> Any:
        if not isinstance(value, (list, tuple)):
            self.fail(value, at)
        return [self.item.encode(v, (*at, i)) for i, v in enumerate(value)]


class _FixedTuple(_Base):
    """`tuple[X, Y]`: Burn's fixed-size arrays like `kernel_size: [usize; 2]`."""

    def __init__(self, items: list[Codec]) -> None:
        self.items = items
        self.name = "tuple[" + ", ".join(c.name for c in items) + "]"

    def _check_len(self, value: Any, at: Path) -> None:
        if not isinstance(value, (list, tuple)) or len(value) != len(self.items):
            raise Invalid(
                at, f"expected {self.name} ({len(self.items)} items), got {describe(value)}"
            )

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        self._check_len(value, at)
        pairs = enumerate(zip(self.items, value))
        return tuple(c.convert(v, (*at, i), from_json) for i, (c, v) in pairs)

    def encode(self, value: Any, at: Path) -> Any:
        self._check_len(value, at)
        return [c.encode(v, (*at, i)) for i, (c, v) in enumerate(zip(self.items, value))]


class _Dict(_Base):
    """`dict[str, X]`: JSON object keys are strings, so only str keys are supported."""

    def __init__(self, value: Codec) -> None:
        self.value = value
        self.name = f"dict[str, {value.name}]"

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        if not isinstance(value, dict):
            self.fail(value, at)
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise Invalid(at, f"expected str keys, got key {describe(k)}")
            out[k] = self.value.convert(v, (*at, k), from_json)
        return out

    def encode(self, value: Any, at: Path) -> Any:
        checked = self.convert(value, at, False)
        return {k: self.value.encode(v, (*at, k)) for k, v in checked.items()}


class _Enum(_Base):
    """A Python `enum.Enum`, stored by member name so renumbering values can't corrupt a file."""

    def __init__(self, cls: type[enum.Enum]) -> None:
        self.cls = cls
        self.name = cls.__name__

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        if isinstance(value, self.cls):
            return value
        if from_json and isinstance(value, str) and value in self.cls.__members__:
            return self.cls[value]
        names = ", ".join(repr(n) for n in self.cls.__members__)
        raise Invalid(at, f"expected {self.name} (one of {names}), got {describe(value)}")

    def encode(self, value: Any, at: Path) -> Any:
        return self.convert(value, at, from_json=False).name

    def exact(self, value: Any) -> bool:
        return isinstance(value, self.cls)


class _Nested(_Base):
    """A field whose type is a Config, an EnumConfig or one of its variants."""

    def __init__(self, cls: type[Nested]) -> None:
        self.cls = cls
        self.name = getattr(cls, "__config_name__", cls.__name__)

    def convert(self, value: Any, at: Path, from_json: bool) -> Any:
        return self.cls._config_convert(value, at, from_json)

    def encode(self, value: Any, at: Path) -> Any:
        return self.cls._config_encode(value, at)

    def exact(self, value: Any) -> bool:
        return isinstance(value, self.cls)


_SCALARS: dict[Any, Codec] = {
    int: _Int(),
    float: _Float(),
    bool: _Exact(bool),
    str: _Exact(str),
    type(None): _Exact(type(None)),
    None: _Exact(type(None)),
    Any: _Any(),
    object: _Any(),
}

SUPPORTED = (
    "int, float, bool, str, None, Any, Literal, Optional/Union, list[X], tuple[X, ...], "
    "tuple[X, Y], dict[str, X], enum.Enum, Config, EnumConfig"
)


def compile_type(tp: Any) -> Codec:
    """Build the codec for a resolved annotation; `TypeError` names what is unsupported."""
    try:
        if tp in _SCALARS:
            return _SCALARS[tp]
    except TypeError:  # an unhashable annotation is simply not a scalar
        pass
    origin, args = typing.get_origin(tp), typing.get_args(tp)
    if origin is typing.Literal:
        return _Literal(args)
    if origin is Union or origin is types.UnionType:
        return _Union([compile_type(a) for a in args])
    if tp is list or origin is list:
        return _Sequence(compile_type(args[0]) if args else _SCALARS[Any], list)
    if tp is tuple or origin is tuple:
        if not args or (len(args) == 2 and args[1] is Ellipsis):
            return _Sequence(compile_type(args[0]) if args else _SCALARS[Any], tuple)
        if args == ((),):  # tuple[()]
            return _FixedTuple([])
        return _FixedTuple([compile_type(a) for a in args])
    if tp is dict or origin is dict:
        if args and args[0] is not str:
            raise TypeError(f"dict keys must be str (JSON object keys), got {args[0]!r}")
        return _Dict(compile_type(args[1]) if args else _SCALARS[Any])
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return _Enum(tp)
    if isinstance(tp, type) and hasattr(tp, "_config_convert"):
        return _Nested(tp)
    raise TypeError(f"unsupported field type {tp!r} (supported: {SUPPORTED})")
