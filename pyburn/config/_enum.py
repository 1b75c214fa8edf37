"""`EnumConfig`: Burn's config enums (`Initializer`, `ActivationConfig`) as tagged unions.

Variants are declared as nested classes; when the enclosing enum class is created each one is
re-created as a subclass of both its declaration and the enum, so `isinstance(v, Initializer)`
holds and methods written on the enum (`Initializer.init(...)`) work on every variant.
Serialization is serde's externally tagged form, so files match what Burn writes.
"""

from __future__ import annotations

import types
from typing import (TYPE_CHECKING, Any, Callable, ClassVar, Concatenate, Generic, ParamSpec,
                    TypeVar, cast)

from typing_extensions import Self

from ._codec import Invalid, Path, describe
from ._persist import Persist
from ._record import Record, _framework_attribute, _quoted, record_fields, setup_record


class _Variant(Record):
    """Runtime base of `EnumConfig.Variant`: one alternative, a frozen dataclass."""

    __config_enum__: ClassVar[type[EnumConfig] | None] = None
    __config_tuple__: ClassVar[bool] = False

    def __init_subclass__(
        cls, _bind_to: type[EnumConfig] | None = None, _base: bool = False, **kwargs: Any
    ) -> None:
        super().__init_subclass__(**kwargs)
        if _bind_to is not None:  # the copy made by the enclosing EnumConfig: already set up
            cls.__config_enum__ = _bind_to
            cls.__config_name__ = f"{_bind_to.__name__}.{cls.__name__}"
            cls.__config_codecs__ = None
            return
        if not _base:
            setup_record(cls)

    @classmethod
    def _config_localns(cls) -> dict[str, Any]:
        names: dict[str, Any] = {cls.__name__: cls}
        enum = cls.__config_enum__
        if enum is not None:  # sibling variants and the enum itself, by their bare names
            names.update(enum.__config_variants__)
            names[enum.__name__] = enum
        return names

    @classmethod
    def _config_tag(cls) -> str:
        return cls.__name__

    def _config_encode_variant(self, at: Path) -> Any:
        cls = type(self)
        tag = cls._config_tag()
        codecs = cls._config_codecs()
        if not codecs:
            return tag  # unit variant: serde writes just the name
        if cls.__config_tuple__:
            values = [
                c.encode(getattr(self, n), (*at, tag, i)) for i, (n, c) in enumerate(codecs.items())
            ]
            return {tag: values[0] if len(values) == 1 else values}
        return {tag: self._config_fields_to_data((*at, tag))}

    @classmethod
    def _config_decode_payload(cls, payload: Any, has_payload: bool, at: Path) -> Self:
        codecs = cls._config_codecs()
        tag = cls._config_tag()
        inner = (*at, tag)
        make = cast(Any, cls)
        if not codecs:
            if has_payload and payload not in (None, {}, []):
                raise Invalid(inner, f"unit variant takes no value, got {describe(payload)}")
            return cast(Self, make())
        if not has_payload:
            expected = f'{{"{tag}": ...}}'
            raise Invalid(at, f"variant '{tag}' carries data; expected {expected}, got its name")
        if not cls.__config_tuple__:
            if not isinstance(payload, dict):
                raise Invalid(inner, f"expected a JSON object of fields, got {describe(payload)}")
            return cls._config_from_fields(payload, inner)
        items = list(codecs.values())
        if len(items) == 1:
            return cast(Self, make(items[0].convert(payload, inner, True)))
        if not isinstance(payload, list) or len(payload) != len(items):
            raise Invalid(inner, f"expected a list of {len(items)} values, got {describe(payload)}")
        values = [c.convert(v, (*inner, i), True) for i, (c, v) in enumerate(zip(items, payload))]
        return cast(Self, make(*values))

    def __repr__(self) -> str:
        if not type(self).__config_tuple__:
            return super().__repr__()
        values = ", ".join(repr(getattr(self, f.name)) for f in record_fields(self))
        return f"{type(self).__config_name__}({values})"


class _TupleVariant(_Variant, _base=True):
    """Runtime base of `EnumConfig.TupleVariant`: fields are positional, stored without names."""

    __config_tuple__ = True


class EnumConfig(Persist):
    """Base of config enums: declare each alternative as a nested `EnumConfig.Variant` class.

    A variant with fields serializes as `{"Name": {...fields}}`, one without as `"Name"`; an
    `EnumConfig.TupleVariant` (Rust's `LeakyRelu(LeakyReluConfig)`) as `{"Name": value}`.
    """

    __config_variants__: ClassVar[dict[str, type[Any]]] = {}

    if TYPE_CHECKING:
        # Type checkers can't see that a nested variant becomes a subclass of its enum; typing
        # the bases as Any makes `x: Initializer = Initializer.Ones()` check. Variant constructor
        # arguments are validated at run time instead.
        Variant: Any
        TupleVariant: Any
    else:
        Variant = _Variant
        TupleVariant = _TupleVariant

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if issubclass(cls, _Variant):
            return  # a variant being bound to this enum
        if any(getattr(b, "__config_variants__", None) for b in cls.__mro__[1:]):
            raise TypeError(f"{cls.__name__}: an EnumConfig with variants cannot be extended")
        cls.__config_name__ = cls.__name__
        variants: dict[str, type[Any]] = {}
        for name, value in list(vars(cls).items()):
            is_variant = isinstance(value, type) and issubclass(value, _Variant)
            if is_variant and value.__config_enum__ is None:
                for f in record_fields(value):
                    if _framework_attribute(cls, f.name):
                        raise TypeError(f"{cls.__name__}.{name}: field name '{f.name}' is reserved")
                namespace = {
                    "__module__": value.__module__,
                    "__qualname__": value.__qualname__,
                    "__doc__": value.__doc__,
                }
                bound: type[_Variant] = cast(Any, type(value))(
                    value.__name__, (value, cls), namespace, _bind_to=cls
                )
                setattr(cls, name, bound)
                variants[bound._config_tag()] = bound
        cls.__config_variants__ = variants

    def __init__(self) -> None:
        raise TypeError(
            f"{type(self).__name__} is an enum config: construct one of its variants "
            f"({', '.join(f'{type(self).__name__}.{n}' for n in type(self).__config_variants__)})"
        )

    @classmethod
    def variants(cls) -> tuple[type[Self], ...]:
        """The variant classes, in declaration order."""
        return tuple(cls.__config_variants__.values())

    @classmethod
    def from_(cls, value: Any) -> Self:
        """Burn's ``From<X> for Enum`` (``config.into()``): a variant as it is, or the newtype
        variant (``Layer(LayerNormConfig)``) whose one field takes `value` as it is."""
        if isinstance(value, cls):
            return value
        takes = []
        for variant in cls.__config_variants__.values():
            codecs = variant._config_codecs()
            if variant.__config_tuple__ and len(codecs) == 1:
                (codec,) = codecs.values()
                if codec.exact(value):
                    return cast(Self, cast(Any, variant)(value))
                takes.append(codec.name)
        raise TypeError(f"{cls.__config_name__}.from_: expected one of {', '.join(takes)}, got "
                        f"{type(value).__name__}")

    @classmethod
    def _config_convert(cls, value: Any, at: Path, from_json: bool) -> Any:
        if isinstance(value, cls):
            return value
        if (
            isinstance(value, type)
            and issubclass(value, cls)
            and issubclass(value, _Variant)
            and not value._config_codecs()
        ):
            return cast(Any, value)()  # `ActivationConfig.Relu` without the call, as in Rust
        if not from_json:
            raise Invalid(at, f"expected {cls.__config_name__}, got {describe(value)}")
        if isinstance(value, str):
            tag, payload, has_payload = value, None, False
        elif isinstance(value, dict) and len(value) == 1:
            ((tag, payload),) = value.items()
            has_payload = True
        else:
            raise Invalid(
                at,
                f"expected {cls.__config_name__} (\"Variant\" or {{\"Variant\": ...}}), "
                f"got {describe(value)}",
            )
        enum = getattr(cls, "__config_enum__", None) or cls
        known: dict[str, type[Any]] = enum.__config_variants__
        variant = known.get(tag)
        if variant is None or not issubclass(variant, cls):
            expected = [n for n, v in known.items() if issubclass(v, cls)]
            raise Invalid(
                at,
                f"unknown variant '{tag}' of {cls.__config_name__} (expected {_quoted(expected)})",
            )
        return cast(Any, variant)._config_decode_payload(payload, has_payload, at)

    @classmethod
    def _config_encode(cls, value: Any, at: Path) -> Any:
        if not isinstance(value, cls) or not isinstance(value, _Variant):
            raise Invalid(at, f"expected {cls.__config_name__}, got {describe(value)}")
        return value._config_encode_variant(at)


_P = ParamSpec("_P")
_R = TypeVar("_R")


class unit_variant_method(Generic[_P, _R]):
    """A method of an enum config that also runs on a unit variant's class. In Rust
    ``PaddingConfig1d::Valid`` or ``NormalizationConfig::Identity`` is a value; pyburn accepts the
    bare class for it (``with_padding(PaddingConfig1d.Valid)``), so the enum's methods must work
    there too: the class stands for its only value."""

    def __init__(self, fn: Callable[Concatenate[Any, _P], _R]) -> None:
        self.fn = fn
        self.__doc__ = fn.__doc__
        self.__name__ = fn.__name__

    def __get__(self, obj: Any, owner: type | None = None) -> Callable[_P, _R]:
        if obj is None and owner is not None and issubclass(owner, EnumConfig) \
                and owner in owner.variants() and not cast(Any, owner)._config_codecs():
            obj = owner()
        if obj is None:
            return self.fn      # type: ignore[return-value]   # unbound: called with self
        return types.MethodType(self.fn, obj)
