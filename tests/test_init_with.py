"""`Config.init_with(record, device)` (the Burn Book's "Initialization from Recorded Weights") on
every backend row, for every module config in ``pyburn.nn``: the module holds the record's
values and ids, no initializer draws from the RNG, and a record that does not fit the config is a
RecordError naming the field."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import pyburn.nn as nn
from pyburn import Distribution, Tensor, TensorData
from pyburn.config import Config, EnumConfig
from pyburn.module import Module
from pyburn.nn import ActivationConfig, Initializer, LinearConfig, Relu
from pyburn.nn.attention import CrossAttentionConfig, MultiHeadAttentionConfig
from pyburn.nn.transformer import (PositionWiseFeedForwardConfig, TransformerDecoderConfig,
                                   TransformerEncoderConfig)
from pyburn.record import HalfPrecisionSettings, NamedMpkFileRecorder, RecordError

# One small instance of every module config in pyburn.nn (a new config must be added here).
EXAMPLES: dict[str, Any] = {
    "ActivationConfig": ActivationConfig.PRelu(num_parameters=3),
    "HardSigmoidConfig": nn.HardSigmoidConfig(),
    "LeakyReluConfig": nn.LeakyReluConfig(),
    "PReluConfig": nn.PReluConfig(num_parameters=3),
    "SoftplusConfig": nn.SoftplusConfig(),
    "MultiHeadAttentionConfig": MultiHeadAttentionConfig(4, 2),
    "CrossAttentionConfig": CrossAttentionConfig(4, 3, 2, 1, 2),
    "Conv1dConfig": nn.Conv1dConfig(2, 3, 3),
    "Conv2dConfig": nn.Conv2dConfig([2, 4], [3, 2], groups=2),
    "Conv3dConfig": nn.Conv3dConfig([1, 2], [2, 2, 2]),
    "ConvTranspose1dConfig": nn.ConvTranspose1dConfig([2, 3], 3),
    "ConvTranspose2dConfig": nn.ConvTranspose2dConfig([2, 3], [2, 3]),
    "DropoutConfig": nn.DropoutConfig(0.5),
    "EmbeddingConfig": nn.EmbeddingConfig(5, 3),
    "Interpolate1dConfig": nn.Interpolate1dConfig(output_size=4),
    "Interpolate2dConfig": nn.Interpolate2dConfig(output_size=[4, 4]),
    "LinearConfig": LinearConfig(3, 2),
    "BinaryCrossEntropyLossConfig": nn.BinaryCrossEntropyLossConfig(),
    "CrossEntropyLossConfig": nn.CrossEntropyLossConfig(),
    "HuberLossConfig": nn.HuberLossConfig(0.5),
    "LpLossConfig": nn.LpLossConfig(3.0),
    "SmoothL1LossConfig": nn.SmoothL1LossConfig(0.5),
    "PoissonNllLossConfig": nn.PoissonNllLossConfig(full=True),
    "GaussianNLLLossConfig": nn.GaussianNLLLossConfig(full=True),
    "KLDivLossConfig": nn.KLDivLossConfig(log_target=True),
    "BatchNormConfig": nn.BatchNormConfig(3),
    "GroupNormConfig": nn.GroupNormConfig(2, 4),
    "InstanceNormConfig": nn.InstanceNormConfig(3),
    "LayerNormConfig": nn.LayerNormConfig(4),
    "RmsNormConfig": nn.RmsNormConfig(4),
    "AdaptiveAvgPool1dConfig": nn.AdaptiveAvgPool1dConfig(2),
    "AdaptiveAvgPool2dConfig": nn.AdaptiveAvgPool2dConfig([2, 2]),
    "AvgPool1dConfig": nn.AvgPool1dConfig(2),
    "AvgPool2dConfig": nn.AvgPool2dConfig([2, 2]),
    "MaxPool1dConfig": nn.MaxPool1dConfig(2),
    "MaxPool2dConfig": nn.MaxPool2dConfig([2, 2]),
    "PositionalEncodingConfig": nn.PositionalEncodingConfig(4, max_sequence_size=8),
    "RotaryEncodingConfig": nn.RotaryEncodingConfig(8, 4),
    "BiLstmConfig": nn.BiLstmConfig(2, 3, True),
    "BiGruConfig": nn.BiGruConfig(2, 3, True),
    "GruConfig": nn.GruConfig(2, 3, True),
    "LstmConfig": nn.LstmConfig(2, 3, True),
    "RnnConfig": nn.RnnConfig(2, 3, True),
    "BiRnnConfig": nn.BiRnnConfig(2, 3, True, nonlinearity="relu"),
    "StackedLstmConfig": nn.StackedLstmConfig(2, 3, 2, dropout=0.5),
    "StackedGruConfig": nn.StackedGruConfig(2, 3, 2, bidirectional=True),
    "StackedRnnConfig": nn.StackedRnnConfig(2, 3, 2, bias=False),
    "SequenceAttentionConfig": nn.SequenceAttentionConfig(3, d_query=2),
    "TransformerDecoderConfig": TransformerDecoderConfig(4, 8, 2, 1),
    "TransformerEncoderConfig": TransformerEncoderConfig(4, 8, 2, 1),
    "PositionWiseFeedForwardConfig": PositionWiseFeedForwardConfig(4, 8),
    # activation_modules_extra.py, rrelu.py, swiglu.py, noise.py
    "CeluConfig": nn.CeluConfig(2.0),
    "EluConfig": nn.EluConfig(),
    "HardShrinkConfig": nn.HardShrinkConfig(),
    "SoftShrinkConfig": nn.SoftShrinkConfig(),
    "ShrinkConfig": nn.ShrinkConfig(0.5, 0.25),
    "ThresholdedReluConfig": nn.ThresholdedReluConfig(),
    "ThresholdConfig": nn.ThresholdConfig(0.5, -1.0),
    "HardtanhConfig": nn.HardtanhConfig(),
    "RReluConfig": nn.RReluConfig(),
    "SwiGluConfig": nn.SwiGluConfig(3, 2, bias=True),
    "GaussianNoiseConfig": nn.GaussianNoiseConfig(0.5),
    # margin/embedding losses and distance layers
    "CosineEmbeddingLossConfig": nn.CosineEmbeddingLossConfig(margin=0.2),
    "HingeEmbeddingLossConfig": nn.HingeEmbeddingLossConfig(),
    "MarginRankingLossConfig": nn.MarginRankingLossConfig(0.5),
    "MultiMarginLossConfig": nn.MultiMarginLossConfig(p=2, weight=[1.0, 2.0]),
    "TripletMarginLossConfig": nn.TripletMarginLossConfig(),
    "CosineSimilarityConfig": nn.CosineSimilarityConfig(dim=-1),
    "PairwiseDistanceConfig": nn.PairwiseDistanceConfig(p=1.0),
    # sequence losses, 3-D/deformable convs, local response norm, normalization enum, folds
    "CTCLossConfig": nn.CTCLossConfig(),
    "RNNTLossConfig": nn.RNNTLossConfig(),
    "AdaptiveAvgPool3dConfig": nn.AdaptiveAvgPool3dConfig([2, 2, 2]),
    "ConvTranspose3dConfig": nn.ConvTranspose3dConfig([2, 3], [2, 2, 2]),
    "DeformConv2dConfig": nn.DeformConv2dConfig([2, 3], [3, 3]),
    "Fold4dConfig": nn.Fold4dConfig([4, 4], [2, 2]),
    "Unfold4dConfig": nn.Unfold4dConfig([2, 2]),
    "LocalResponseNormConfig": nn.LocalResponseNormConfig(3),
    "NormalizationConfig": nn.NormalizationConfig.from_(nn.LayerNormConfig(4)),
    "PixelShuffleConfig": nn.PixelShuffleConfig(2),
    "PixelUnshuffleConfig": nn.PixelUnshuffleConfig(2),
}
# Configs in pyburn.nn whose ``init`` builds no module (Initializer.init draws a tensor).
NOT_MODULE_CONFIGS = {"Initializer"}


def _nn_configs() -> set[str]:
    """Every Config / EnumConfig class defined anywhere in pyburn.nn that has an ``init``."""
    found: set[str] = set()
    for info in pkgutil.walk_packages(nn.__path__, "pyburn.nn."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if (isinstance(obj, type) and issubclass(obj, (Config, EnumConfig))
                    and obj.__module__.startswith("pyburn.nn")
                    and callable(getattr(obj, "init", None))):
                found.add(obj.__name__)
    return found


def test_every_nn_config_is_covered() -> None:
    """A module config added to pyburn.nn must get an example here (and so an init_with test)."""
    assert _nn_configs() - NOT_MODULE_CONFIGS == set(EXAMPLES)


def _leaves(record: Any, path: str = "") -> list[tuple[str, Any]]:
    """(path, parameter record) of every parameter in a record tree."""
    if isinstance(record, dict) and "param" in record and isinstance(record["param"], TensorData):
        return [(path, record)]
    if isinstance(record, dict):
        return [x for k, v in record.items() for x in _leaves(v, f"{path}.{k}" if path else k)]
    if isinstance(record, list):
        return [x for i, v in enumerate(record) for x in _leaves(v, f"{path}.{i}")]
    return []


def _draws(case: Any) -> np.ndarray:
    return Tensor[case.B].random([6], Distribution.Default, device=case.device) \
        .to_data().to_numpy()


@pytest.mark.parametrize("name", sorted(EXAMPLES))
def test_init_with_holds_the_record_and_draws_nothing(backend: Any, name: str) -> None:
    config = EXAMPLES[name]
    source = config.init(backend.device) if _takes_device(config) else config.init()
    record = source.into_record()  # draws the source's weights
    backend.B.seed(7)
    module = config.init_with(record, backend.device)
    after = _draws(backend)
    backend.B.seed(7)
    np.testing.assert_array_equal(after, _draws(backend))  # the RNG stream was not touched
    assert type(module) is type(source)
    assert module.num_params() == source.num_params()
    loaded = dict(_leaves(module.into_record()))
    for path, leaf in _leaves(record):
        assert loaded[path]["id"] == leaf["id"], path
        loaded[path]["param"].assert_eq(leaf["param"])
    for path, param in module.named_params():
        assert param.is_initialized(), f"{path} was left to its initializer"
        assert param.device == backend.device


def _takes_device(config: Any) -> bool:
    import inspect
    return "device" in inspect.signature(config.init).parameters


@pytest.mark.parametrize("name", sorted(n for n in EXAMPLES if n not in (
    "DropoutConfig", "HardSigmoidConfig", "LeakyReluConfig", "SoftplusConfig",
    "BinaryCrossEntropyLossConfig", "CrossEntropyLossConfig", "HuberLossConfig",
    "LpLossConfig", "SmoothL1LossConfig", "PoissonNllLossConfig", "GaussianNLLLossConfig",
    "KLDivLossConfig", "Interpolate1dConfig", "Interpolate2dConfig", "PositionalEncodingConfig",
    "RotaryEncodingConfig", "CeluConfig", "EluConfig", "HardShrinkConfig", "SoftShrinkConfig",
    "ShrinkConfig", "ThresholdedReluConfig", "ThresholdConfig", "HardtanhConfig", "RReluConfig",
    "GaussianNoiseConfig", "CosineEmbeddingLossConfig", "HingeEmbeddingLossConfig",
    "MarginRankingLossConfig", "MultiMarginLossConfig", "TripletMarginLossConfig",
    "CosineSimilarityConfig", "PairwiseDistanceConfig", "CTCLossConfig", "RNNTLossConfig",
    "Fold4dConfig", "Unfold4dConfig", "LocalResponseNormConfig", "PixelShuffleConfig",
    "PixelUnshuffleConfig") and "Pool" not in n))
def test_init_with_rejects_a_record_of_another_shape(backend: Any, name: str) -> None:
    config = EXAMPLES[name]
    record = config.init(backend.device).into_record()
    path, leaf = _leaves(record)[-1]
    data = leaf["param"].to_numpy()
    leaf["param"] = TensorData.from_numpy(np.concatenate([data, data], axis=0))
    with pytest.raises(RecordError, match=rf"{type(config).__name__}.init_with: .*"
                                          rf"{path.split('.')[-1]}: shape mismatch"):
        config.init_with(record, backend.device)


def test_init_with_names_a_missing_field(backend: Any) -> None:
    record = LinearConfig(3, 2).init(backend.device).into_record()
    del record["bias"]
    with pytest.raises(RecordError, match=r"LinearConfig.init_with: .*missing field.*bias"):
        LinearConfig(3, 2).init_with(record, backend.device)
    with pytest.raises(RecordError, match=r"unexpected field.*bias"):  # a record with a bias
        LinearConfig(3, 2, bias=False).init_with(
            LinearConfig(3, 2).init(backend.device).into_record(), backend.device)


def test_init_with_needs_a_device_or_backend_for_tensors(backend: Any) -> None:
    """Records hold TensorData without a device: the caller says which backend and device."""
    record = LinearConfig(3, 2).init(backend.device).into_record()
    with pytest.raises(ValueError, match=r"LinearConfig.init_with: .*no device.*backend=B"):
        LinearConfig(3, 2).init_with(record)
    module = LinearConfig(3, 2).init_with(record, backend=backend.B)
    assert module.devices() == [backend.B.default_device()]
    assert type(module.weight.val()).backend is backend.B
    # a record without tensors needs neither
    assert nn.DropoutConfig(0.1).init_with({}).prob == 0.1


class NeedsShape(Config):
    value: float = 1.0

    def init(self, shape: list[int], device: Any = None) -> Any:
        return Initializer.Constant(value=self.value).init(shape, device)


class BuildsATensor(Config):
    def init(self, device: Any = None) -> Any:
        return Initializer.Ones().init([2], device)


def test_init_with_refuses_configs_that_build_no_module(backend: Any) -> None:
    with pytest.raises(TypeError, match=r"NeedsShape.init_with: NeedsShape.init needs shape"):
        NeedsShape().init_with({}, backend.device)
    with pytest.raises(TypeError, match=r"BuildsATensor.init_with: .*returned Tensor.*not a "
                                        r"Module"):
        BuildsATensor().init_with({}, backend.device)


# The Book's example: a model whose init_with is assembled from its layers' init_with ...
class Model(Module):
    linear_in: Any
    linear_out: Any
    activation: Relu

    def forward(self, x: Any) -> Any:
        return self.linear_out(self.activation(self.linear_in(x)))


def book_init_with(record: dict[str, Any], device: Any) -> Model:
    return Model(LinearConfig(10, 64).init_with(record["linear_in"], device),
                 LinearConfig(64, 2).init_with(record["linear_out"], device), Relu())


# ... and pyburn's shortcut: any config whose init(device) builds a module has init_with.
class ModelConfig(Config):
    d_hidden: int = 64

    def init(self, device: Any) -> Model:
        return Model(LinearConfig(10, self.d_hidden).init(device),
                     LinearConfig(self.d_hidden, 2).init(device), Relu())


def test_the_books_model_from_a_saved_file(backend: Any, tmp_path: Path) -> None:
    model = ModelConfig().init(backend.device)
    path = model.save_file(str(tmp_path / "model"), NamedMpkFileRecorder(HalfPrecisionSettings))
    record = NamedMpkFileRecorder(HalfPrecisionSettings).load(path)
    x = backend.tensor(np.linspace(-1, 1, 30).reshape(3, 10))
    expected = model.load_record(record)(x).to_data()  # the half-precision weights
    backend.B.seed(3)
    by_hand = book_init_with(record, backend.device)
    generic = ModelConfig().init_with(record, backend.device)
    after = _draws(backend)
    backend.B.seed(3)
    np.testing.assert_array_equal(after, _draws(backend))
    by_hand(x).to_data().assert_eq(expected)
    generic(x).to_data().assert_eq(expected)
    # backend=B alone: an init(device) without a backend parameter gets B's default device
    on_default = ModelConfig().init_with(record, backend=backend.B)
    assert on_default.devices() == [backend.B.default_device()]
    with pytest.raises(RecordError, match=r"ModelConfig.init_with: .*linear_in.weight: shape"):
        ModelConfig(d_hidden=32).init_with(record, backend.device)


def test_init_with_under_autodiff_tracks_the_loaded_weights(ad_backend: Any) -> None:
    record = LinearConfig(3, 2).init(ad_backend.device).into_record()
    module = LinearConfig(3, 2).init_with(record, ad_backend.device)
    x = ad_backend.tensor([[1.0, 2.0, 3.0]])
    grads = module(x).sum().backward()
    np.testing.assert_allclose(module.weight.val().grad(grads).to_data().to_numpy(),
                               [[1.0, 1.0], [2.0, 2.0], [3.0, 3.0]])
