"""Whole PyTorch models into pyburn in one call (`PyTorchFileRecorder` + `LoadArgs`), on every
backend row: a small CNN (Conv2d + BatchNorm2d + Linear), an LSTM language model (Embedding +
LSTM + Linear, with a training step's gradients) and a transformer encoder block give torch's
outputs; key remapping, top-level keys, debug printing and partial loading behave like Burn's;
and the export back to ``.pt``/safetensors round-trips through torch."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pyburn import Int, Tensor
from pyburn.module import Module
from pyburn.nn import (ActivationConfig, BatchNorm, BatchNormConfig, Conv2d, Conv2dConfig, Embedding,
                       EmbeddingConfig, Linear, LinearConfig, Lstm, LstmConfig,
                       PaddingConfig2d, to_torch_state_dict)
from pyburn.nn.transformer import TransformerEncoderConfig, TransformerEncoderLayer
from pyburn.record import (HalfPrecisionSettings, LoadArgs, PyTorchFileRecorder, RecordError,
                           load_safetensors)
from pyburn.tensor.activation import relu

torch = pytest.importorskip("torch")


# --- the models, twice ---------------------------------------------------------------------


class TorchCnn(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv = torch.nn.Conv2d(2, 4, 3, padding=1)
        self.norm = torch.nn.BatchNorm2d(4)
        self.head = torch.nn.Linear(4 * 5 * 5, 3)

    def forward(self, x: Any) -> Any:
        return self.head(torch.relu(self.norm(self.conv(x))).flatten(1))


class Cnn(Module):
    conv: Conv2d
    norm: BatchNorm
    head: Linear

    def forward(self, x: Any) -> Any:
        return self.head(relu(self.norm(self.conv(x))).flatten(1))


def cnn(device: Any) -> Cnn:
    return Cnn(Conv2dConfig([2, 4], [3, 3]).with_padding(PaddingConfig2d.Explicit(1, 1))
               .init(device), BatchNormConfig(4).init(device), LinearConfig(100, 3).init(device))


class TorchLm(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.embedding = torch.nn.Embedding(11, 6)
        self.lstm = torch.nn.LSTM(6, 8, batch_first=True)
        self.output = torch.nn.Linear(8, 11)

    def forward(self, tokens: Any) -> Any:
        return self.output(self.lstm(self.embedding(tokens))[0])


class Lm(Module):
    embedding: Embedding
    lstm: Lstm
    output: Linear

    def forward(self, tokens: Any) -> Any:
        return self.output(self.lstm(self.embedding(tokens))[0])


def lm(device: Any) -> Lm:
    return Lm(EmbeddingConfig(11, 6).init(device), LstmConfig(6, 8, bias=True).init(device),
              LinearConfig(8, 11).init(device))


class TorchBlock(torch.nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.proj = torch.nn.Linear(3, 8)
        self.block = torch.nn.TransformerEncoderLayer(8, 2, 16, dropout=0.0, batch_first=True)

    def forward(self, x: Any) -> Any:
        return self.block(self.proj(x))


class Block(Module):
    proj: Linear
    block: TransformerEncoderLayer

    def forward(self, x: Any) -> Any:
        return self.block(self.proj(x))


def block(device: Any) -> Block:
    config = TransformerEncoderConfig(d_model=8, d_ff=16, n_heads=2, n_layers=1, dropout=0.0,
                                      activation=ActivationConfig.Relu())  # torch's default
    return Block(LinearConfig(3, 8).init(device), config.init(device).layers[0])


def trained_cnn() -> Any:
    """A CNN whose BatchNorm has non-trivial running statistics."""
    torch.manual_seed(0)
    net = TorchCnn()
    with torch.no_grad():
        net(torch.randn(8, 2, 5, 5) * 3 + 1)  # train mode: updates running_mean/var
    return net.eval()


def save(net: Any, path: Path) -> Path:
    torch.save(net.state_dict(), path)
    return path


def close(got: Any, expected: Any, tol: float = 1e-5) -> None:
    np.testing.assert_allclose(np.asarray(got.to_numpy()), expected.detach().numpy(),
                               rtol=tol, atol=tol)


# --- whole models -------------------------------------------------------------------------------


@pytest.mark.parametrize("use_torch", [True, False], ids=["torch.load", "restricted-reader"])
def test_cnn_with_batch_norm_matches_torch(backend: Any, tmp_path: Path, use_torch: bool) -> None:
    net = trained_cnn()
    model = PyTorchFileRecorder(use_torch=use_torch).load_into(
        cnn(backend.device), save(net, tmp_path / "cnn.pt"))
    x = np.random.default_rng(1).normal(size=(2, 2, 5, 5)).astype(np.float32)
    # Inference: BatchNorm uses its running statistics (an Autodiff model trains, as in Burn)
    inference = model.valid() if backend.autodiff else model
    close(inference(Tensor[backend.inner].from_data(x, backend.device)), net(torch.from_numpy(x)))
    running = model.norm.running_mean.val().to_numpy()
    np.testing.assert_allclose(running, net.norm.running_mean.numpy(), rtol=1e-6)


def test_lstm_language_model_matches_torch_forward_and_gradients(ad_backend: Any,
                                                                  tmp_path: Path) -> None:
    torch.manual_seed(1)
    net = TorchLm()
    model = PyTorchFileRecorder().load_into(lm(ad_backend.device), save(net, tmp_path / "lm.pt"))
    tokens = np.random.default_rng(2).integers(0, 11, size=(3, 5))
    targets = np.random.default_rng(3).integers(0, 11, size=(3, 5))
    logits = model(Tensor[ad_backend.B, Int].from_data(tokens, ad_backend.device))
    expected = net(torch.from_numpy(tokens))
    close(logits, expected)
    # A training step: the same loss gives the same gradients, in torch's layout.
    onehot = np.eye(11, dtype=np.float32)[targets]
    log_probs = logits - logits.exp().sum(2, keepdim=True).log()
    loss = -(log_probs * ad_backend.tensor(onehot)).sum() / 15
    grads = loss.backward()
    torch.nn.functional.cross_entropy(expected.reshape(15, 11),
                                      torch.from_numpy(targets).reshape(15)).backward()
    ours = {**to_torch_state_dict(model.lstm, prefix="lstm.", grads=grads),
            **to_torch_state_dict(model.output, prefix="output.", grads=grads),
            "embedding.weight": model.embedding.weight.val().grad(grads).to_numpy()}
    for name, param in net.named_parameters():
        np.testing.assert_allclose(ours[name], param.grad.numpy(), rtol=1e-4, atol=1e-6,
                                   err_msg=name)


def test_transformer_encoder_block_matches_torch(backend: Any, tmp_path: Path) -> None:
    torch.manual_seed(2)
    net = TorchBlock().eval()
    model = PyTorchFileRecorder().load_into(block(backend.device),
                                            save(net, tmp_path / "block.pth"))
    x = np.random.default_rng(4).normal(size=(2, 4, 3)).astype(np.float32)
    with torch.no_grad():
        close(model(backend.tensor(x)), net(torch.from_numpy(x)), tol=1e-4)


# --- LoadArgs ---------------------------------------------------------------------------------


def test_key_remap_top_level_key_and_debug_print(backend: Any, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Burn's example: a checkpoint whose layers sit under ``backbone.`` and another name."""
    net = trained_cnn()
    renamed = {k.replace("conv.", "backbone.features.").replace("head.", "classifier."): v
               for k, v in net.state_dict().items()}
    path = tmp_path / "ckpt.pt"
    torch.save({"model_state_dict": renamed, "epoch": 7}, path)
    args = (LoadArgs(path).with_top_level_key("model_state_dict")
            .with_key_remap(r"backbone\.features\.(.*)", "conv.$1")
            .with_key_remap(r"^classifier", r"head").with_debug_print())
    model = PyTorchFileRecorder().load_into(cnn(backend.device), args)
    out = capsys.readouterr().out
    assert out.startswith("Debug information of keys and tensor shapes:")
    assert "Original Key: backbone.features.weight\nRemapped Key: conv.weight\n" \
           "Shape: [4, 2, 3, 3]\nDtype: float32" in out
    np.testing.assert_array_equal(model.conv.weight.val().to_numpy(),
                                  net.conv.weight.detach().numpy())
    np.testing.assert_array_equal(model.head.weight.val().to_numpy(),
                                  net.head.weight.detach().numpy().T)  # [out,in] -> [in,out]
    with pytest.raises(RecordError, match=r"no top-level key 'state_dict'.*'epoch'"):
        PyTorchFileRecorder().load(LoadArgs(path).with_top_level_key("state_dict"))
    with pytest.raises(RecordError, match=r"'a\.weight' and 'b\.weight' are both renamed"):
        torch.save({"a.weight": torch.ones(1), "b.weight": torch.ones(1)}, tmp_path / "x.pt")
        PyTorchFileRecorder().load(LoadArgs(tmp_path / "x.pt").with_key_remap("^[ab]", "c"))


def test_partial_loading_reports_missing_and_unused_keys(backend: Any, tmp_path: Path) -> None:
    """Load an encoder's weights only: the head keeps its initialization."""
    net = trained_cnn()
    state = {k: v for k, v in net.state_dict().items() if not k.startswith("head.")}
    state["decoder.weight"] = torch.ones(2)
    torch.save(state, tmp_path / "enc.pt")
    fresh = cnn(backend.device)
    with pytest.raises(RecordError, match=r"missing keys.*'head\.bias', 'head\.weight'.*unused "
                                          r"keys in the file: \['decoder\.weight'\].*strict"):
        PyTorchFileRecorder().load_into(fresh, tmp_path / "enc.pt")
    model, report = PyTorchFileRecorder().load_into_with_report(fresh, tmp_path / "enc.pt")
    assert report.missing == ("head.bias", "head.weight")
    assert report.unused == ("decoder.weight",)
    np.testing.assert_array_equal(model.head.weight.val().to_numpy(),
                                  fresh.head.weight.val().to_numpy())
    np.testing.assert_array_equal(model.conv.bias.val().to_numpy(), net.conv.bias.detach().numpy())
    assert model.conv.weight.id == fresh.conv.weight.id
    with pytest.warns(UserWarning, match="partial load"):
        PyTorchFileRecorder().load_into(fresh, tmp_path / "enc.pt", strict=False)


def test_mismatched_architecture_names_the_layer(backend: Any, tmp_path: Path) -> None:
    net = TorchCnn()
    net.head = torch.nn.Linear(100, 5)
    with pytest.raises(RecordError, match=r"head \(Linear\).*\[5, 100\]"):
        PyTorchFileRecorder().load_into(cnn(backend.device), save(net, tmp_path / "m.pt"))


# --- export -------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".pt", ".safetensors"])
def test_export_round_trips_through_torch(backend: Any, tmp_path: Path, suffix: str) -> None:
    model = cnn(backend.device)
    path = PyTorchFileRecorder().record(model, tmp_path / f"out{suffix}")
    net = TorchCnn().eval()
    if suffix == ".pt":
        state = torch.load(path, weights_only=True)
    else:
        state = {k: torch.from_numpy(v.to_numpy()) for k, v in load_safetensors(path)[0].items()}
    net.load_state_dict(state, strict=True)  # every key torch expects, nothing else
    back = PyTorchFileRecorder().load_into(cnn(backend.device), path)
    for (name, a), (_, b) in zip(model.named_params(), back.named_params()):
        np.testing.assert_array_equal(a.val().to_numpy(), b.val().to_numpy(), err_msg=name)
    np.testing.assert_array_equal(net.head.weight.detach().numpy(),
                                  model.head.weight.val().to_numpy().T)


def test_export_in_half_precision(backend: Any, tmp_path: Path) -> None:
    path = PyTorchFileRecorder(HalfPrecisionSettings).record(lm(backend.device),
                                                             tmp_path / "lm.pt")
    state = torch.load(path, weights_only=True)
    assert state["lstm.weight_ih_l0"].dtype == torch.float16
    assert set(state) == set(TorchLm().state_dict())


class TorchZoo(torch.nn.Module):
    """One of each layer kind the walker dispatches, nested in lists and sub-modules."""

    def __init__(self) -> None:
        super().__init__()
        self.attn = torch.nn.MultiheadAttention(8, 2, batch_first=True)
        self.rnn = torch.nn.GRU(8, 4, num_layers=2, batch_first=True, bidirectional=True)
        self.blocks = torch.nn.ModuleList([torch.nn.Sequential(torch.nn.Conv1d(3, 3, 2),
                                                               torch.nn.GroupNorm(1, 3))
                                           for _ in range(2)])
        self.norm = torch.nn.LayerNorm(8)
        self.up = torch.nn.ConvTranspose2d(2, 3, 2, stride=2)
        self.scale = torch.nn.Parameter(torch.randn(5))


class Stage(Module):
    conv: Any
    norm: Any


class Zoo(Module):
    attn: Any
    rnn: Any
    blocks: list[Any]
    norm: Any
    up: Any
    scale: Any


def zoo(case: Any) -> Zoo:
    from pyburn.module import Param
    from pyburn.nn import Conv1dConfig, ConvTranspose2dConfig, GroupNormConfig, LayerNormConfig
    from pyburn.nn.attention import MultiHeadAttentionConfig
    from pyburn.nn.rnn.stacked import StackedGruConfig
    device = case.device
    stage = [Stage(Conv1dConfig(3, 3, 2).init(device), GroupNormConfig(1, 3).init(device))
             for _ in range(2)]
    return Zoo(MultiHeadAttentionConfig(8, 2).init(device),
               StackedGruConfig(8, 4, 2, bidirectional=True).init(device), stage,
               LayerNormConfig(8).init(device),
               ConvTranspose2dConfig([2, 3], [2, 2]).with_stride([2, 2]).init(device),
               Param(case.tensor(np.zeros(5, np.float32))))


def test_every_layer_kind_loads_and_exports_bit_for_bit(backend: Any, tmp_path: Path) -> None:
    """Load then export gives back exactly the torch state dict: every converter is used in
    both directions, through lists and plain sub-modules."""
    torch.manual_seed(3)
    net = TorchZoo()
    torch.save(net.state_dict(), tmp_path / "zoo.pt")
    args = (LoadArgs(tmp_path / "zoo.pt").with_key_remap(r"^blocks\.(\d+)\.0\.", "blocks.$1.conv.")
            .with_key_remap(r"^blocks\.(\d+)\.1\.", r"blocks.\1.norm."))  # Sequential indices
    model = PyTorchFileRecorder().load_into(zoo(backend), args)
    state = {re.sub(r"^blocks\.(\d)\.0", r"blocks.\1.conv", k): v
             for k, v in net.state_dict().items()}
    state = {re.sub(r"^blocks\.(\d)\.1", r"blocks.\1.norm", k): v for k, v in state.items()}
    exported = PyTorchFileRecorder().record(model, tmp_path / "back.safetensors")
    back, _ = load_safetensors(exported)
    assert set(back) == set(state)
    for name, value in state.items():
        np.testing.assert_array_equal(back[name].as_numpy(), value.detach().numpy(),
                                      err_msg=name)


def test_per_layer_loader_reads_pt_files_too(backend: Any, tmp_path: Path) -> None:
    """`load_torch_state_dict(layer, path)` takes a ``.pt`` file through the same safe reader
    (it used to accept only safetensors paths)."""
    from pyburn.nn import load_torch_state_dict
    torch.manual_seed(4)
    net = TorchLm()
    layer = load_torch_state_dict(LinearConfig(8, 11).init(backend.device),
                                  save(net, tmp_path / "lm.pt"), prefix="output.")
    np.testing.assert_array_equal(layer.weight.val().to_numpy(),
                                  net.output.weight.detach().numpy().T)
