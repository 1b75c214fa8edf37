"""Precision settings: the element types a record is *stored* in, decoupled from the dtype
used for training or inference (Burn's ``PrecisionSettings``).

Only storage changes: a model trained in f32 can be shipped in f16 (half the bytes) and loaded
back into an f32 or f64 backend; the module layer converts on load.
"""

from __future__ import annotations

from typing import ClassVar, TypeAlias

from pyburn.tensor.dtype import DType


class PrecisionSettings:
    """The float and int dtypes a recorder converts tensors to before writing them.

    Subclass it (setting ``float_dtype`` and ``int_dtype``) for a custom storage precision.
    Settings carry no state, so the class and any instance mean the same thing.
    """

    float_dtype: ClassVar[DType]
    int_dtype: ClassVar[DType]

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if not DType.of(cls.float_dtype).is_float:
            raise TypeError(f"{cls.__name__}.float_dtype must be a float dtype, "
                            f"got {cls.float_dtype}")
        if not DType.of(cls.int_dtype).is_int:
            raise TypeError(f"{cls.__name__}.int_dtype must be an int dtype, got {cls.int_dtype}")

    @classmethod
    def name(cls) -> str:
        """The name stored in a record's metadata."""
        return cls.__name__

    def __eq__(self, other: object) -> bool:
        return type(self) is type(other)

    def __hash__(self) -> int:
        return hash(type(self))

    def __repr__(self) -> str:
        return f"{type(self).__name__}()"


class FullPrecisionSettings(PrecisionSettings):
    """f32 floats, i32 ints: the default, lossless for f32 training."""

    float_dtype = DType.F32
    int_dtype = DType.I32


class HalfPrecisionSettings(PrecisionSettings):
    """f16 floats, i16 ints: half the size; floats beyond ±65504 become ±inf, ints beyond
    ±32767 are refused."""

    float_dtype = DType.F16
    int_dtype = DType.I16


class DoublePrecisionSettings(PrecisionSettings):
    """f64 floats, i64 ints: for models trained in double precision."""

    float_dtype = DType.F64
    int_dtype = DType.I64


SettingsLike: TypeAlias = "PrecisionSettings | type[PrecisionSettings]"


def resolve_settings(settings: SettingsLike) -> PrecisionSettings:
    """Accept a settings class (Burn writes ``NamedMpkFileRecorder::<FullPrecisionSettings>``)
    or an instance, and return an instance."""
    if isinstance(settings, type) and issubclass(settings, PrecisionSettings):
        if settings is PrecisionSettings:
            raise TypeError("PrecisionSettings is abstract; use FullPrecisionSettings, "
                            "HalfPrecisionSettings, DoublePrecisionSettings or a subclass")
        return settings()
    if isinstance(settings, PrecisionSettings) and type(settings) is not PrecisionSettings:
        return settings
    raise TypeError(f"expected precision settings such as FullPrecisionSettings, got {settings!r}")
