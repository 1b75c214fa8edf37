"""`Record`: what a Config and an EnumConfig variant share — a frozen dataclass with typed fields.

Setting a class up happens once, in `setup_record`, when the subclass is created: defaults that
Burn users expect are filled in (Optional -> None, mutable values copied per instance), the class
becomes a frozen dataclass, and a `with_<field>` builder is generated for every field. Types are
resolved lazily because a field may name a config class defined further down the module.
"""

from __future__ import annotations

import ast
import copy
import dataclasses
import difflib
import functools
import re
import sys
import types
import typing
from collections.abc import Mapping
from typing import Any, Callable, ClassVar, Union

from typing_extensions import Self

from ._codec import Codec, ConfigError, Invalid, Path, compile_type, error_message

_PSEUDO_FIELD = re.compile(r"^\s*(typing\.|dataclasses\.)?(ClassVar|InitVar|KW_ONLY)\b")


def _quoted(names: typing.Iterable[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


def _module_globals(owner: type) -> dict[str, Any]:
    module = sys.modules.get(owner.__module__)
    return dict(vars(module)) if module is not None else {}


def _is_pseudo_field(ann: Any) -> bool:
    """ClassVar / InitVar / KW_ONLY annotations declare no stored, serialized field."""
    if isinstance(ann, str):
        return bool(_PSEUDO_FIELD.match(ann))
    return (
        ann is ClassVar
        or typing.get_origin(ann) is ClassVar
        or ann is dataclasses.InitVar
        or isinstance(ann, dataclasses.InitVar)
        or ann is dataclasses.KW_ONLY
    )


def _looks_optional(source: str) -> bool:
    """Tell `X | None` / `Optional[X]` apart without evaluating a not-yet-defined name."""
    try:
        node = ast.parse(source, mode="eval").body
    except SyntaxError:
        return False

    def is_none(n: ast.expr) -> bool:
        return isinstance(n, ast.Constant) and n.value is None

    def members(n: ast.expr) -> list[ast.expr]:
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.BitOr):
            return members(n.left) + members(n.right)
        return [n]

    if isinstance(node, ast.Subscript):
        head = ast.unparse(node.value).split(".")[-1]
        if head == "Optional":
            return True
        if head == "Union":
            args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
            return any(is_none(a) for a in args)
    return any(is_none(m) for m in members(node))


def _is_optional(ann: Any, owner: type) -> bool:
    if isinstance(ann, str):
        try:
            ann = eval(ann, _module_globals(owner), {owner.__name__: owner})  # noqa: S307
        except Exception:
            return _looks_optional(ann)
    if ann is None or ann is type(None):
        return True
    origin = typing.get_origin(ann)
    return (origin is Union or origin is types.UnionType) and type(None) in typing.get_args(ann)


def record_fields(obj: Any) -> tuple[dataclasses.Field[Any], ...]:
    """`dataclasses.fields` for a class or instance that type checkers can't see is a dataclass."""
    return dataclasses.fields(obj)


def _is_unhashable(value: object) -> bool:
    try:
        hash(value)
    except TypeError:
        return True
    return False


def _framework_attribute(cls: type, name: str) -> bool:
    return any(
        name in vars(base) for base in cls.__mro__ if base.__module__.startswith(__package__ or "")
    )


def setup_record(cls: type[Record]) -> None:
    """Turn a freshly created subclass into a frozen dataclass with Burn's conveniences."""
    own = cls.__dict__.get("__annotations__", {})
    for name, ann in own.items():
        if _is_pseudo_field(ann):
            continue
        if _framework_attribute(cls, name):
            raise TypeError(f"{cls.__name__}: field name '{name}' would hide {name}() of the base")
        default = cls.__dict__.get(name, dataclasses.MISSING)
        if default is dataclasses.MISSING:
            if _is_optional(ann, cls):
                setattr(cls, name, None)  # Burn's Option<T> fields default to None
        elif not isinstance(default, dataclasses.Field) and _is_unhashable(default):
            # A list default would otherwise be shared by every instance (or rejected by dataclass).
            factory = functools.partial(copy.deepcopy, default)
            setattr(cls, name, dataclasses.field(default_factory=factory))
    user_post_init = cls.__dict__.get("__post_init__")
    if user_post_init is not None and not getattr(user_post_init, "_config_wrapped", False):
        setattr(cls, "__post_init__", _validated_first(user_post_init))
    try:
        dataclasses.dataclass(cls, frozen=True, eq=True, repr=False)
    except TypeError as e:
        raise TypeError(
            f"{cls.__name__}: {e}. Declare required fields before fields with defaults "
            "(Optional fields default to None), or put later ones after `_: dataclasses.KW_ONLY`."
        ) from None
    cls.__config_codecs__ = None
    if "__config_name__" not in cls.__dict__:
        cls.__config_name__ = cls.__name__
    for f in record_fields(cls):
        if f.init:
            _add_builder(cls, f.name)
    try:  # report an unsupported type now; a name defined later in the module is fine
        cls._config_codecs()
    except NameError:
        pass


def _validated_first(user_post_init: Callable[..., None]) -> Callable[..., None]:
    """A user's __post_init__ sees already converted values (ints made floats, lists tuples)."""

    @functools.wraps(user_post_init)
    def __post_init__(self: Record, *init_vars: Any) -> None:
        self._config_validate()
        user_post_init(self, *init_vars)

    __post_init__._config_wrapped = True  # type: ignore[attr-defined]
    return __post_init__


def _add_builder(cls: type, name: str) -> None:
    builder_name = f"with_{name}"
    existing = getattr(cls, builder_name, None)
    if existing is not None and not getattr(existing, "_config_builder", False):
        return  # the user wrote their own

    def builder(self: Record, value: Any) -> Any:
        return dataclasses.replace(self, **{name: value})  # type: ignore[type-var]

    builder.__name__ = builder_name
    builder.__qualname__ = f"{cls.__qualname__}.{builder_name}"
    builder.__doc__ = (
        f"A copy with `{name}` set to `value`, like Burn's builder; the original is unchanged."
    )
    builder._config_builder = True  # type: ignore[attr-defined]
    setattr(cls, builder_name, builder)


class Record:
    """Shared behaviour of `Config` and `EnumConfig.Variant`; not used directly."""

    __config_name__: ClassVar[str] = "Record"
    __config_codecs__: ClassVar[dict[str, Codec] | None] = None

    def __post_init__(self) -> None:
        self._config_validate()

    def _config_validate(self) -> None:
        """Convert and check every field, so a bad value fails where it was written."""
        cls = type(self)
        for name, codec in cls._config_codecs().items():
            old = getattr(self, name)
            try:
                new = codec.convert(old, (name,), False)
            except Invalid as e:
                raise ConfigError(error_message(cls.__config_name__, e)) from None
            if new is not old:
                object.__setattr__(self, name, new)

    @classmethod
    def _config_localns(cls) -> dict[str, Any]:
        """Names a string annotation may use besides its module's globals."""
        return {cls.__name__: cls}

    @classmethod
    def _config_codecs(cls) -> dict[str, Codec]:
        cached: dict[str, Codec] | None = cls.__dict__.get("__config_codecs__")
        if cached is not None:
            return cached
        codecs: dict[str, Codec] = {}
        fields = [f for f in record_fields(cls) if f.init]
        hints = cls._config_hints({f.name for f in fields})
        for f in fields:
            try:
                codecs[f.name] = compile_type(hints[f.name])
            except TypeError as e:
                raise TypeError(f"{cls.__config_name__}.{f.name}: {e}") from None
        cls.__config_codecs__ = codecs
        return codecs

    @classmethod
    def _config_hints(cls, names: set[str]) -> dict[str, Any]:
        """Resolve each field's annotation in the module of the class that declared it."""
        hints: dict[str, Any] = {}
        for owner in reversed(cls.__mro__):
            own = {k: v for k, v in owner.__dict__.get("__annotations__", {}).items() if k in names}
            if not own:
                continue
            shim = types.SimpleNamespace(__annotations__=own)
            localns = {owner.__name__: owner, **cls._config_localns()}
            try:
                hints.update(typing.get_type_hints(shim, _module_globals(owner), localns))
            except NameError as e:
                raise NameError(
                    f"{cls.__config_name__}: cannot resolve a field type ({e}); "
                    "names used in annotations must exist at run time"
                ) from None
        return hints

    @classmethod
    def _config_from_fields(cls, data: Mapping[str, Any], at: Path) -> Self:
        """Build from a JSON object, reporting every unknown and missing key at once."""
        codecs = cls._config_codecs()
        problems = []
        unknown = [k for k in data if k not in codecs]
        if unknown:
            close = [m for k in unknown for m in difflib.get_close_matches(str(k), codecs, 1)]
            hint = f" (did you mean {_quoted(close)}?)" if close else ""
            problems.append(f"unknown field(s) {_quoted(map(str, unknown))}{hint}")
        required = [
            f.name
            for f in record_fields(cls)
            if f.init
            and f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
        ]
        missing = [n for n in required if n not in data]
        if missing:
            problems.append(f"missing required field(s) {_quoted(missing)}")
        if problems:
            raise Invalid(at, "; ".join(problems), owner=cls.__config_name__)
        kwargs = {k: codecs[k].convert(v, (*at, k), True) for k, v in data.items()}
        return cls(**kwargs)

    def _config_fields_to_data(self, at: Path) -> dict[str, Any]:
        codecs = type(self)._config_codecs()
        return {name: c.encode(getattr(self, name), (*at, name)) for name, c in codecs.items()}

    def __repr__(self) -> str:
        parts = [
            f"{f.name}={getattr(self, f.name)!r}"
            for f in record_fields(self)
            if f.repr
        ]
        return f"{type(self).__config_name__}({', '.join(parts)})"
