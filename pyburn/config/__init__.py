"""Burn's `#[derive(Config)]` for Python: typed, immutable, JSON-serializable hyperparameters.

Why: a model's hyperparameters should be one value that can be written next to its weights and
read back exactly, with defaults that live in code (not scattered over function signatures).

Structs — subclass `Config` and annotate fields::

    class ModelConfig(Config):
        input_size: int                 # required: positional (or keyword) constructor argument
        hidden_size: int
        dropout: float = 0.1            # a default, like #[config(default = 0.1)]
        name: Optional[str] = None      # Optional fields default to None even without "= None"
        layers: list[int] = [64, 64]    # mutable defaults are copied for every instance

        def init(self, device): ...     # Burn's convention: build the module from its config

    model = ModelConfig(1, 32).init_with(record, device)  # the module, weights from a record

    cfg = ModelConfig(1, 32).with_dropout(0.2)   # with_<field>() for every field, returns a copy
    cfg.save("config.json"); ModelConfig.load("config.json")

Instances are frozen dataclasses: they compare and hash by value and `dataclasses.replace`
works. Values are checked and converted when built (an int for a float field becomes a float,
a list for a tuple field a tuple, a numpy integer an int) and again when loaded (where a str for
an int is an error). Field types: int, float, bool, str, Any, Literal, Optional/Union, list[X],
tuple[X, ...], tuple[X, Y], dict[str, X], enum.Enum (stored by name), Config, EnumConfig.

Enums — Burn's `Initializer::KaimingUniform { gain, fan_out_only }` or
`ActivationConfig::LeakyRelu(LeakyReluConfig)` are `EnumConfig`s whose variants are nested
classes; each variant becomes a subclass of its enum, so methods on the enum serve all variants::

    class Initializer(EnumConfig):
        class Ones(EnumConfig.Variant): pass      # unit:   "Ones"
        class Constant(EnumConfig.Variant):       # struct: {"Constant": {"value": 0.5}}
            value: float
        class Scaled(EnumConfig.TupleVariant):    # tuple:  {"Scaled": 0.5}
            value: float

    init = Initializer.Constant(value=0.5)
    isinstance(init, Initializer)  # True

JSON follows serde's externally tagged enums so files read like Burn's, and is strict both
ways (no NaN/Infinity, at most `MAX_NESTING` levels) so any JSON tool can read a saved config.
Errors (unknown or missing keys, wrong types, malformed files) raise `ConfigError`, a
`ValueError` whose message names the config class, the field path and what was expected.

Typing: `Config` is a `dataclass_transform` base, so checkers see the generated `__init__`, and
`with_<field>` builders type as returning the config. Checkers can't see that a nested variant
subclasses its enum, so `EnumConfig.Variant` is typed as `Any` for them (variant arguments are
checked at run time). Write `= None` on Optional fields to keep checkers aware of the default.
"""

from ._codec import MAX_NESTING, ConfigError
from ._config import Config
from ._enum import EnumConfig

__all__ = ["Config", "ConfigError", "EnumConfig", "MAX_NESTING"]
