"""Tests for `pyburn.config`: Burn's `#[derive(Config)]` and config enums in Python."""

import copy
import dataclasses
import enum
import json
import os
import pickle
import re
from typing import Any, Literal, Optional, Union

import pytest

from pyburn.config import Config, ConfigError, EnumConfig

def fails_with(message: str) -> Any:
    """`pytest.raises(ConfigError)` whose message must contain `message` literally."""
    return pytest.raises(ConfigError, match=re.escape(message))


# ----------------------------------------------------------------------------- module-level types
# (module level so pickle can find them and string annotations can resolve)


class Initializer(EnumConfig):
    """Burn's `Initializer`, trimmed: unit, struct and defaulted struct variants."""

    class Ones(EnumConfig.Variant):
        pass

    class Constant(EnumConfig.Variant):
        value: float

    class KaimingUniform(EnumConfig.Variant):
        gain: float
        fan_out_only: bool = False

    def describe(self) -> str:
        return f"init:{type(self).__name__}"


class LeakyReluConfig(Config):
    negative_slope: float = 0.01


class ActivationConfig(EnumConfig):
    class Relu(EnumConfig.Variant):
        pass

    class Sigmoid(EnumConfig.Variant):
        pass

    class LeakyRelu(EnumConfig.TupleVariant):
        config: LeakyReluConfig

    class Clamp(EnumConfig.TupleVariant):
        low: float
        high: float


class Mode(enum.Enum):
    TRAIN = 1
    EVAL = 2


class LinearConfig(Config):
    d_input: int
    d_output: int
    bias: bool = True
    initializer: Initializer = Initializer.KaimingUniform(gain=1 / 3**0.5)


class ModelConfig(Config):
    input_size: int
    hidden_size: int
    output_size: int
    dropout: float = 0.1
    name: Optional[str] = None

    def init(self, device: str) -> dict[str, Any]:
        """Burn's convention: the config builds the module."""
        return {
            "device": device,
            "layers": [
                LinearConfig(self.input_size, self.hidden_size),
                LinearConfig(self.hidden_size, self.output_size),
            ],
        }


class TrainingConfig(Config):
    model: ModelConfig
    layers: list[LinearConfig] = []
    activation: ActivationConfig = ActivationConfig.Relu()
    head: Optional[LinearConfig] = None
    mode: Mode = Mode.TRAIN
    kernel: tuple[int, int] = (3, 3)
    milestones: tuple[int, ...] = ()
    scales: dict[str, float] = {}
    seed: int = 42


class Outer(Config):
    inner: "Inner"  # defined below: resolved lazily
    children: "list[Outer]" = []


class Inner(Config):
    size: int = 1


class Loose(Config):
    extra: Any = None


# ------------------------------------------------------------------------------- construction


def test_required_fields_positional_and_keyword() -> None:
    a = ModelConfig(1, 32, 1)
    b = ModelConfig(input_size=1, hidden_size=32, output_size=1)
    assert (a.input_size, a.hidden_size, a.output_size) == (1, 32, 1)
    assert a == b
    with pytest.raises(TypeError, match="output_size"):
        ModelConfig(1, 32)  # type: ignore[call-arg]


def test_defaults_and_optional_defaults_to_none() -> None:
    class Cfg(Config):
        a: int
        label: Optional[str]  # no "= None" written
        tag: "str | None"
        other: Union[int, None]
        rate: float = 0.5

    cfg = Cfg(3)  # type: ignore[call-arg]
    assert cfg.label is None and cfg.tag is None and cfg.other is None
    assert cfg.rate == 0.5
    assert ModelConfig(1, 2, 3).dropout == 0.1
    assert ModelConfig(1, 2, 3).name is None


def test_mutable_defaults_are_not_shared() -> None:
    class Cfg(Config):
        sizes: list[int] = [1, 2]
        table: dict[str, int] = {"a": 1}

    first, second = Cfg(), Cfg()
    first.sizes.append(3)
    first.table["b"] = 2
    assert second.sizes == [1, 2]
    assert second.table == {"a": 1}
    assert Cfg().sizes == [1, 2]


def test_values_are_converted_on_construction() -> None:
    class Index:
        def __index__(self) -> int:  # like numpy.int64
            return 7

    cfg = TrainingConfig(ModelConfig(Index(), 2, 3, dropout=1), kernel=[5, 5])  # type: ignore
    assert cfg.model.input_size == 7 and type(cfg.model.input_size) is int
    assert cfg.model.dropout == 1.0 and type(cfg.model.dropout) is float
    assert cfg.kernel == (5, 5)


def test_wrong_types_rejected_on_construction() -> None:
    with fails_with("ModelConfig: field 'hidden_size': expected int, got str '32'"):
        ModelConfig(1, "32", 1)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="expected int, got bool True"):
        ModelConfig(1, True, 1)
    with fails_with("field 'kernel': expected tuple[int, int] (2 items)"):
        TrainingConfig(ModelConfig(1, 2, 3), kernel=(1, 2, 3))  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="field 'activation': expected ActivationConfig"):
        TrainingConfig(ModelConfig(1, 2, 3), activation=Initializer.Ones())
    with fails_with("field 'mode': expected Mode (one of 'TRAIN', 'EVAL'), got str 'EVAL'"):
        TrainingConfig(ModelConfig(1, 2, 3), mode="EVAL")  # type: ignore[arg-type]


def test_configs_are_frozen_values() -> None:
    cfg = ModelConfig(1, 32, 1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        cfg.dropout = 0.5  # type: ignore[misc]
    assert cfg == ModelConfig(1, 32, 1)
    assert cfg != ModelConfig(1, 33, 1)
    assert hash(cfg) == hash(ModelConfig(1, 32, 1))
    assert len({cfg, ModelConfig(1, 32, 1), ModelConfig(2, 32, 1)}) == 2
    assert LeakyReluConfig() != Inner()


def test_repr_and_str() -> None:
    cfg = LinearConfig(2, 3)
    expected = (
        "LinearConfig(d_input=2, d_output=3, bias=True, "
        "initializer=Initializer.KaimingUniform(gain=0.5773502691896258, fan_out_only=False))"
    )
    assert repr(cfg) == expected
    assert str(cfg) == expected
    assert repr(Initializer.Ones()) == "Initializer.Ones()"
    leaky = ActivationConfig.LeakyRelu(LeakyReluConfig(0.2))
    assert repr(leaky) == "ActivationConfig.LeakyRelu(LeakyReluConfig(negative_slope=0.2))"


def test_config_method_init() -> None:
    module = ModelConfig(4, 8, 2).init("cpu")
    assert module["device"] == "cpu"
    assert [(l.d_input, l.d_output) for l in module["layers"]] == [(4, 8), (8, 2)]


def test_inheritance_adds_fields_after_parent_fields() -> None:
    class Base(Config):
        width: int
        depth: int = 2

    class Derived(Base):
        heads: int = 4

    cfg = Derived(16, heads=8)
    assert (cfg.width, cfg.depth, cfg.heads) == (16, 2, 8)
    assert list(cfg.to_dict()) == ["width", "depth", "heads"]
    assert cfg.with_depth(3).depth == 3


def test_post_init_sees_converted_values() -> None:
    seen = []

    class Checked(Config):
        rate: float

        def __post_init__(self) -> None:
            seen.append(type(self.rate))
            if self.rate < 0:
                raise ValueError("rate must be >= 0")

    assert Checked(1).rate == 1.0
    assert seen == [float]
    with pytest.raises(ValueError, match="rate must be >= 0"):
        Checked(-1.0)


# ---------------------------------------------------------------------------------- builders


def test_builders_return_new_objects_and_leave_original_unchanged() -> None:
    cfg = ModelConfig(1, 32, 1)
    changed = cfg.with_dropout(0.2)
    assert changed is not cfg
    assert changed.dropout == 0.2 and cfg.dropout == 0.1
    assert cfg.with_hidden_size(64).hidden_size == 64  # required fields get builders too
    assert cfg.with_name("lstm").name == "lstm"
    chained = cfg.with_input_size(2).with_output_size(3).with_dropout(0.0)
    assert chained == ModelConfig(2, 32, 3, dropout=0.0)
    assert cfg == ModelConfig(1, 32, 1)


def test_builders_exist_for_every_field_and_validate() -> None:
    for name in ("model", "layers", "activation", "head", "mode", "kernel", "scales", "seed"):
        assert callable(getattr(TrainingConfig, f"with_{name}"))
    with pytest.raises(ConfigError, match="field 'dropout': expected float, got str"):
        ModelConfig(1, 2, 3).with_dropout("high")


def test_user_defined_builder_is_kept() -> None:
    class Cfg(Config):
        size: int = 1

        def with_size(self, value: int) -> "Cfg":
            return dataclasses.replace(self, size=value * 10)

    assert Cfg().with_size(2).size == 20


# --------------------------------------------------------------------------------- enum configs


def test_variants_are_instances_of_their_enum() -> None:
    init = Initializer.KaimingUniform(gain=1 / 3**0.5, fan_out_only=False)
    assert isinstance(init, Initializer)
    assert isinstance(init, Initializer.KaimingUniform)
    assert not isinstance(init, Initializer.Ones)
    assert init.gain == pytest.approx(0.57735, abs=1e-5)
    assert init.describe() == "init:KaimingUniform"  # enum methods serve every variant
    variants = (Initializer.Ones, Initializer.Constant, Initializer.KaimingUniform)
    assert Initializer.variants() == variants


def test_variants_compare_and_hash_by_value() -> None:
    assert Initializer.Ones() == Initializer.Ones()
    assert Initializer.Constant(0.5) == Initializer.Constant(value=0.5)
    assert Initializer.Constant(0.5) != Initializer.Constant(0.6)
    assert ActivationConfig.Relu() != ActivationConfig.Sigmoid()
    assert len({Initializer.Ones(), Initializer.Ones(), Initializer.Constant(1.0)}) == 2
    with pytest.raises(dataclasses.FrozenInstanceError):
        Initializer.Constant(1.0).value = 2.0


def test_enum_itself_cannot_be_constructed() -> None:
    with pytest.raises(TypeError, match="Initializer is an enum config"):
        Initializer()


def test_unit_variant_class_without_call_is_accepted() -> None:
    sigmoid: Any = ActivationConfig.Sigmoid  # the class, not an instance
    cfg = TrainingConfig(ModelConfig(1, 2, 3), activation=sigmoid)
    assert cfg.activation == ActivationConfig.Sigmoid()


def test_variant_fields_are_validated() -> None:
    assert Initializer.Constant(1).value == 1.0
    with fails_with("Initializer.Constant: field 'value': expected float"):
        Initializer.Constant("one")


def test_enum_json_format_follows_serde_external_tagging() -> None:
    assert Initializer.Ones().to_json() == '"Ones"'
    assert json.loads(Initializer.KaimingUniform(gain=0.5).to_json()) == {
        "KaimingUniform": {"gain": 0.5, "fan_out_only": False}
    }
    leaky = ActivationConfig.LeakyRelu(LeakyReluConfig(0.2))
    assert json.loads(leaky.to_json()) == {"LeakyRelu": {"negative_slope": 0.2}}
    assert json.loads(ActivationConfig.Clamp(-1, 1).to_json()) == {"Clamp": [-1.0, 1.0]}


def test_enum_round_trip_from_json() -> None:
    for value in (
        Initializer.Ones(),
        Initializer.Constant(0.25),
        Initializer.KaimingUniform(gain=2.0, fan_out_only=True),
    ):
        back = Initializer.from_json(value.to_json())
        assert back == value and type(back) is type(value)
    leaky = ActivationConfig.LeakyRelu(LeakyReluConfig(0.3))
    assert ActivationConfig.from_json(leaky.to_json()) == leaky
    assert ActivationConfig.from_json('{"Clamp": [0, 6]}') == ActivationConfig.Clamp(0.0, 6.0)
    # a struct variant with defaults may omit them; a unit variant may be {"Name": null}
    kaiming = Initializer.from_json('{"KaimingUniform": {"gain": 1}}')
    assert kaiming == Initializer.KaimingUniform(1.0)
    assert Initializer.from_json('{"Ones": null}') == Initializer.Ones()


def test_enum_errors() -> None:
    expected = "(expected 'Ones', 'Constant', 'KaimingUniform')"
    with fails_with(f"unknown variant 'Zeros' of Initializer {expected}"):
        Initializer.from_json('"Zeros"')
    with pytest.raises(ConfigError, match="variant 'Constant' carries data"):
        Initializer.from_json('"Constant"')
    with fails_with("'Constant': Initializer.Constant: missing required field(s) 'value'"):
        Initializer.from_json('{"Constant": {}}')
    with fails_with('expected Initializer ("Variant" or'):
        Initializer.from_json('{"Ones": null, "Constant": {"value": 1}}')
    with pytest.raises(ConfigError, match="field 'Clamp': expected a list of 2 values"):
        ActivationConfig.from_json('{"Clamp": [1]}')
    with pytest.raises(ConfigError, match="unknown variant 'Ones' of Initializer.Constant"):
        Initializer.Constant.from_json('"Ones"')


# ------------------------------------------------------------------------------ serialization


def full_training_config() -> TrainingConfig:
    return TrainingConfig(
        model=ModelConfig(1, 32, 1).with_dropout(0.2).with_name("lstm"),
        layers=[LinearConfig(4, 8), LinearConfig(8, 2, bias=False, initializer=Initializer.Ones())],
        activation=ActivationConfig.LeakyRelu(LeakyReluConfig(0.05)),
        head=LinearConfig(2, 1, initializer=Initializer.Constant(0.5)),
        mode=Mode.EVAL,
        kernel=(5, 7),
        milestones=(10, 20),
        scales={"lr": 0.5, "wd": 2},
    )


def test_save_load_round_trip_with_nested_configs(tmp_path: Any) -> None:
    cfg = full_training_config()
    path = tmp_path / "config.json"
    cfg.save(path)
    loaded = TrainingConfig.load(path)
    assert loaded == cfg
    assert isinstance(loaded.model, ModelConfig)
    assert [type(l) for l in loaded.layers] == [LinearConfig, LinearConfig]
    assert type(loaded.layers[1].initializer) is Initializer.Ones
    assert type(loaded.activation) is ActivationConfig.LeakyRelu
    assert loaded.activation.config.negative_slope == 0.05
    assert loaded.head is not None and loaded.head.initializer == Initializer.Constant(0.5)
    assert loaded.mode is Mode.EVAL
    assert loaded.kernel == (5, 7) and loaded.milestones == (10, 20)
    assert loaded.scales == {"lr": 0.5, "wd": 2.0}
    assert TrainingConfig.load(str(path)) == cfg  # str paths too


def test_saved_file_is_pretty_json_in_field_order(tmp_path: Any) -> None:
    path = tmp_path / "config.json"
    ModelConfig(1, 32, 1).with_dropout(0.2).save(path)
    assert path.read_text() == (
        "{\n"
        '  "input_size": 1,\n'
        '  "hidden_size": 32,\n'
        '  "output_size": 1,\n'
        '  "dropout": 0.2,\n'
        '  "name": null\n'
        "}\n"
    )


def test_to_dict_and_json_shapes() -> None:
    data = full_training_config().to_dict()
    assert list(data) == [
        "model", "layers", "activation", "head", "mode", "kernel", "milestones", "scales", "seed"
    ]
    assert data["model"] == {
        "input_size": 1, "hidden_size": 32, "output_size": 1, "dropout": 0.2, "name": "lstm"
    }
    assert data["layers"][1]["initializer"] == "Ones"
    assert data["layers"][0]["initializer"] == {
        "KaimingUniform": {"gain": 1 / 3**0.5, "fan_out_only": False}
    }
    assert data["activation"] == {"LeakyRelu": {"negative_slope": 0.05}}
    assert data["mode"] == "EVAL"
    assert data["kernel"] == [5, 7]
    assert json.loads(full_training_config().to_json()) == data
    assert TrainingConfig.from_dict(data) == full_training_config()
    assert TrainingConfig.from_json(json.dumps(data)) == full_training_config()


def test_defaults_fill_in_missing_optional_keys() -> None:
    cfg = TrainingConfig.from_dict({"model": {"input_size": 1, "hidden_size": 2, "output_size": 3}})
    assert cfg == TrainingConfig(ModelConfig(1, 2, 3))
    assert cfg.model.name is None and cfg.seed == 42


def test_int_for_float_is_converted_on_load() -> None:
    text = '{"input_size": 1, "hidden_size": 2, "output_size": 3, "dropout": 1}'
    cfg = ModelConfig.from_json(text)
    assert cfg.dropout == 1.0 and type(cfg.dropout) is float


def test_forward_references_and_recursive_configs() -> None:
    tree = Outer(Inner(2), children=[Outer(Inner(3))])
    back = Outer.from_json(tree.to_json())
    assert back == tree
    assert type(back.children[0].inner) is Inner


FUTURE_MODULE = """
from __future__ import annotations

from typing import Optional

from pyburn.config import Config, EnumConfig


class Expr(EnumConfig):
    class Leaf(EnumConfig.Variant):
        value: float

    class Sum(EnumConfig.Variant):
        terms: list[Expr]  # the enum itself, by its bare name
        scale: Optional[Leaf]  # a sibling variant


class Net(Config):
    width: int
    label: Optional[str]
    head: Head | None  # defined below, and Optional: defaults to None
    expr: Expr = Expr.Leaf(1.0)


class Head(Config):
    size: int = 2
"""


def test_string_annotations_from_future_import(tmp_path: Any, monkeypatch: Any) -> None:
    (tmp_path / "future_configs.py").write_text(FUTURE_MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    mod = __import__("future_configs")
    net = mod.Net(4)
    assert net.label is None and net.head is None
    expr = mod.Expr.Sum([mod.Expr.Leaf(1), mod.Expr.Leaf(2.5)])
    assert expr.scale is None and expr.terms[0].value == 1.0
    full = net.with_head(mod.Head()).with_expr(expr)
    assert json.loads(full.to_json())["expr"] == {
        "Sum": {"terms": [{"Leaf": {"value": 1.0}}, {"Leaf": {"value": 2.5}}], "scale": None}
    }
    back = mod.Net.from_json(full.to_json())
    assert back == full and type(back.head) is mod.Head
    with fails_with("field 'expr.Sum.terms[0]': expected Expr"):
        mod.Net.from_json('{"width": 1, "label": null, "expr": {"Sum": {"terms": [3]}}}')


def test_pickle_and_deepcopy() -> None:
    cfg = full_training_config()
    assert pickle.loads(pickle.dumps(cfg)) == cfg
    assert copy.deepcopy(cfg) == cfg
    variant = pickle.loads(pickle.dumps(Initializer.KaimingUniform(gain=2.0)))
    assert type(variant) is Initializer.KaimingUniform and isinstance(variant, Initializer)


def test_literal_and_union_fields() -> None:
    class Cfg(Config):
        reduction: Literal["mean", "sum"] = "mean"
        size: Union[int, str] = 1

    assert Cfg.from_json('{"reduction": "sum", "size": "auto"}') == Cfg("sum", "auto")
    assert Cfg.from_json('{"size": 3}').size == 3
    with fails_with("'reduction': expected Literal['mean', 'sum'], got str 'max'"):
        Cfg.from_json('{"reduction": "max"}')
    with fails_with("field 'size': expected int | str, got float 1.5"):
        Cfg.from_json('{"size": 1.5}')


# ------------------------------------------------------------------------------------- errors


def test_unknown_key_error_names_class_and_key() -> None:
    text = '{"input_size": 1, "hiden_size": 2, "hidden_size": 2, "output_size": 3}'
    with pytest.raises(ConfigError) as info:
        ModelConfig.from_json(text)
    assert str(info.value) == (
        "ModelConfig: unknown field(s) 'hiden_size' (did you mean 'hidden_size'?)"
    )


def test_missing_key_error_names_class_and_keys() -> None:
    with pytest.raises(ConfigError) as info:
        ModelConfig.from_dict({"input_size": 1})
    assert str(info.value) == "ModelConfig: missing required field(s) 'hidden_size', 'output_size'"
    assert isinstance(info.value, ValueError)


def test_unknown_and_missing_reported_together() -> None:
    with pytest.raises(ConfigError) as info:
        ModelConfig.from_dict({"input_size": 1, "hiden_size": 2, "output_size": 3})
    assert str(info.value) == (
        "ModelConfig: unknown field(s) 'hiden_size' (did you mean 'hidden_size'?); "
        "missing required field(s) 'hidden_size'"
    )


def test_wrong_type_error_names_field_expected_and_got() -> None:
    with pytest.raises(ConfigError) as info:
        ModelConfig.from_json('{"input_size": 1, "hidden_size": "32", "output_size": 3}')
    assert str(info.value) == "ModelConfig: field 'hidden_size': expected int, got str '32'"
    with pytest.raises(ConfigError, match="field 'input_size': expected int, got float 1.0"):
        ModelConfig.from_json('{"input_size": 1.0, "hidden_size": 2, "output_size": 3}')
    with pytest.raises(ConfigError, match="field 'dropout': expected float, got bool True"):
        ModelConfig.from_dict(dict(input_size=1, hidden_size=2, output_size=3, dropout=True))
    with pytest.raises(ConfigError, match="field 'name': expected str, got int 5"):
        ModelConfig.from_json('{"input_size": 1, "hidden_size": 2, "output_size": 3, "name": 5}')


def test_nested_errors_carry_the_path() -> None:
    data = full_training_config().to_dict()
    data["layers"][1]["d_output"] = "two"
    with pytest.raises(ConfigError) as info:
        TrainingConfig.from_dict(data)
    assert str(info.value) == (
        "TrainingConfig: field 'layers[1].d_output': expected int, got str 'two'"
    )
    data = full_training_config().to_dict()
    del data["model"]["hidden_size"]
    with pytest.raises(ConfigError) as info:
        TrainingConfig.from_dict(data)
    assert str(info.value) == (
        "TrainingConfig: field 'model': ModelConfig: missing required field(s) 'hidden_size'"
    )
    data = full_training_config().to_dict()
    data["head"]["initializer"] = {"Constant": {"value": "x"}}
    with fails_with("'head.initializer.Constant.value': expected float, got str 'x'"):
        TrainingConfig.from_dict(data)
    data["head"] = {"d_input": 1}
    with fails_with("field 'head': LinearConfig: missing required field(s) 'd_output'"):
        TrainingConfig.from_dict(data)


def test_python_enum_error_lists_names() -> None:
    data = full_training_config().to_dict()
    data["mode"] = "TEST"
    with fails_with("'mode': expected Mode (one of 'TRAIN', 'EVAL'), got str 'TEST'"):
        TrainingConfig.from_dict(data)


def test_malformed_json_file_names_the_path(tmp_path: Any) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"input_size": 1,, }')
    with pytest.raises(ConfigError) as info:
        ModelConfig.load(path)
    message = str(info.value)
    assert message.startswith("ModelConfig: cannot parse ")
    assert str(path) in message
    with pytest.raises(ConfigError, match="ModelConfig: invalid JSON"):
        ModelConfig.from_json("{nope")


def test_invalid_content_in_file_names_the_path(tmp_path: Any) -> None:
    path = tmp_path / "config.json"
    path.write_text('{"input_size": 1}')
    with fails_with(f"missing required field(s) 'hidden_size', 'output_size' (in '{path}')"):
        ModelConfig.load(path)
    path.write_text("[1, 2]")
    with fails_with("ModelConfig: expected ModelConfig (a JSON object), got list"):
        ModelConfig.load(path)


def test_missing_file_is_file_not_found(tmp_path: Any) -> None:
    with pytest.raises(FileNotFoundError):
        ModelConfig.load(tmp_path / "absent.json")


# --------------------------------------------------------------------------------- atomic save


def test_save_failure_on_unserializable_value_leaves_target_untouched(tmp_path: Any) -> None:
    path = tmp_path / "config.json"
    Loose(extra={"ok": [1, 2]}).save(path)
    before = path.read_text()
    with fails_with("Loose: field 'extra.bad[1]': value of type object is not JSON serial"):
        Loose(extra={"bad": [1, object()]}).save(path)
    assert path.read_text() == before
    assert sorted(os.listdir(tmp_path)) == ["config.json"]


def test_save_failure_while_replacing_leaves_target_and_no_temp(
    tmp_path: Any, monkeypatch: Any
) -> None:
    path = tmp_path / "config.json"
    ModelConfig(1, 2, 3).save(path)
    before = path.read_text()
    written = []

    def failing_replace(src: str, dst: str) -> None:
        written.append(open(src).read())  # the new content was fully written to the temp file
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="disk full"):
        ModelConfig(9, 9, 9).save(path)
    assert path.read_text() == before
    assert json.loads(written[0])["input_size"] == 9
    assert sorted(os.listdir(tmp_path)) == ["config.json"]


def test_save_overwrites_existing_file(tmp_path: Any) -> None:
    path = tmp_path / "config.json"
    ModelConfig(1, 2, 3).save(path)
    ModelConfig(4, 5, 6).save(path)
    assert ModelConfig.load(path) == ModelConfig(4, 5, 6)
    assert sorted(os.listdir(tmp_path)) == ["config.json"]


# ------------------------------------------------------------------------- class definition


def test_unsupported_field_type_fails_at_class_definition() -> None:
    with pytest.raises(TypeError, match=r"Bad.callback: unsupported field type"):

        class Bad(Config):
            callback: complex = 1j


def test_dict_with_non_str_keys_is_rejected() -> None:
    with pytest.raises(TypeError, match="dict keys must be str"):

        class Bad(Config):
            table: dict[int, int] = {}


def test_required_after_default_gets_a_clear_error() -> None:
    with pytest.raises(TypeError, match=r"^Bad: .*Declare required fields before"):

        class Bad(Config):
            a: int = 1
            b: int  # type: ignore[misc]


def test_field_names_may_not_hide_the_api() -> None:
    with pytest.raises(TypeError, match="field name 'save' would hide save"):

        class Bad(Config):
            save: bool = True  # type: ignore[assignment]


# ------------------------------------------------------------------------------------- typing


def test_mypy_understands_configs(tmp_path: Any, monkeypatch: Any) -> None:
    api = pytest.importorskip("mypy.api")
    source = tmp_path / "user_code.py"
    source.write_text(
        "from typing import Optional\n"
        "from pyburn.config import Config, EnumConfig\n"
        "class Init(EnumConfig):\n"
        "    class Ones(EnumConfig.Variant): pass\n"
        "    class Scaled(EnumConfig.TupleVariant):\n"
        "        factor: float\n"
        "class Cfg(Config):\n"
        "    size: int\n"
        "    rate: float = 0.1\n"
        "    init: Init = Init.Ones()\n"
        "    name: Optional[str] = None\n"
        "ok: Cfg = Cfg(3).with_rate(0.2).with_name('x').with_init(Init.Scaled(2.0))\n"
        "bad = Cfg('three')\n"
        "ok.size = 4\n"
        "if isinstance(ok.init, Init.Scaled):\n"
        "    f: float = ok.init.factor\n"
    )
    monkeypatch.setenv("MYPYPATH", os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    args = ["--python-version", "3.11", "--follow-imports", "silent", "--no-incremental"]
    out, _, _ = api.run([*args, "--cache-dir", os.devnull, str(source)])
    lines = [line for line in out.splitlines() if "user_code.py" in line]
    errors = [line.split(":")[1] for line in lines if ": error: " in line]
    assert errors == ["13", "14"], out  # the bad call and the assignment to a frozen field


def test_save_creates_missing_parent_folders(tmp_path: Any) -> None:
    path = tmp_path / "runs" / "exp-1" / "config.json"
    Inner(3).save(path)
    assert Inner.load(path) == Inner(3)


def test_save_keeps_the_permissions_of_the_replaced_file(tmp_path: Any) -> None:
    path = tmp_path / "config.json"
    ModelConfig(1, 2, 3).save(path)
    os.chmod(path, 0o640)
    ModelConfig(4, 5, 6).save(path)
    assert os.stat(path).st_mode & 0o777 == 0o640


# ------------------------------------------------------------------------- strict JSON


class Hyper(Config):
    lr: float = 0.1
    schedule: dict[str, float] = {}
    extra: Any = None


@pytest.mark.parametrize("config, field", [
    (Hyper(lr=float("nan")), "lr"),
    (Hyper(schedule={"warmup": 1.0, "decay": float("inf")}), "schedule.decay"),
    (Hyper(extra={"history": [1.0, [2.0, -float("inf")]]}), "extra.history[1][1]"),
])
def test_saving_a_non_finite_float_names_the_field(config: Hyper, field: str,
                                                    tmp_path: Any) -> None:
    """Strict JSON readers (serde_json, jq, JSON.parse) reject NaN/Infinity tokens, so a config
    that holds one is refused on save, naming the field, and nothing is written."""
    path = tmp_path / "config.json"
    with fails_with(f"Hyper: field '{field}': "):
        config.save(path)
    with fails_with("is not a finite number"):
        config.to_json()
    assert os.listdir(tmp_path) == []


def test_what_save_writes_is_strict_json(tmp_path: Any) -> None:
    def strict(token: str) -> None:
        raise AssertionError(f"non-strict token {token}")

    config = Hyper(lr=1e-300, schedule={"a": 1.7976931348623157e308}, extra=[-0.0, 5e-324])
    config.save(tmp_path / "config.json")
    text = (tmp_path / "config.json").read_text()
    assert json.loads(text, parse_constant=strict) == json.loads(config.to_json())
    assert Hyper.load(tmp_path / "config.json") == config


@pytest.mark.parametrize("text, reason", [
    ('{"lr": NaN}', "NaN is not strict JSON"),
    ('{"lr": Infinity}', "Infinity is not strict JSON"),
    ('{"schedule": {"a": -Infinity}}', "-Infinity is not strict JSON"),
    ('{"extra": [1e999]}', "number 1e999 does not fit a float64"),
])
def test_loading_non_strict_json_names_the_file(text: str, reason: str, tmp_path: Any) -> None:
    path = tmp_path / "config.json"
    path.write_text(text)
    with fails_with(f"Hyper: cannot parse '{path}' as JSON: {reason}"):
        Hyper.load(path)
    with fails_with(f"Hyper: invalid JSON: {reason}"):
        Hyper.from_json(text)


def test_a_deeply_nested_config_file_is_a_config_error(tmp_path: Any) -> None:
    path = tmp_path / "config.json"
    path.write_text("[" * 100_000)
    with fails_with(f"Hyper: cannot parse '{path}' as JSON: nested deeper than the parser "
                    "allows (configs allow 256 levels)"):
        Hyper.load(path)
    # Parseable, but deeper than the limit: refused on load and on save alike.
    path.write_text('{"extra": ' + "[" * 300 + "]" * 300 + "}")
    with fails_with("Hyper: nested deeper than 256 levels (at 'extra[0][0][0][0][0][0][0]...')"
                    f" (in '{path}')"):
        Hyper.load(path)
    deep: Any = []
    for _ in range(300):
        deep = [deep]
    with fails_with("Hyper: nested deeper than 256 levels"):
        Hyper(extra=deep).save(path)
    shallow: Any = []
    for _ in range(200):
        shallow = [shallow]
    Hyper(extra=shallow).save(path)
    assert Hyper.load(path) == Hyper(extra=shallow)
