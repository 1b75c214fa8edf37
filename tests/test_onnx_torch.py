"""Models exported from torch and imported with pyburn.onnx: a CNN (BatchNorm kept), an MLP
(GELU, dropout), an LSTM/GRU sequence model with initial states, and a transformer block
(``nn.MultiheadAttention``, LayerNorm, GELU feed-forward), through the TorchScript exporter
(``dynamo=False``: fast, needs only ``onnx``), and the CNN through the default (dynamo) one as
well. Outputs equal torch's within 1e-5 on every backend row."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("onnx")
torch = pytest.importorskip("torch")

from pyburn.onnx import load  # noqa: E402
from pyburn.optim import GradientsParams, SgdConfig  # noqa: E402

nn = torch.nn
TOL = 1e-5


class Cnn(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.bn = nn.BatchNorm2d(4)
        self.conv2 = nn.Conv2d(4, 6, 3, stride=2, groups=2)
        self.up = nn.ConvTranspose2d(6, 4, 2, stride=2)
        self.fc = nn.Linear(4, 3)

    def forward(self, x: Any) -> Any:
        x = torch.relu(self.bn(self.conv1(x)))
        x = nn.functional.max_pool2d(x, 2)
        x = torch.sigmoid(self.conv2(x))
        x = nn.functional.avg_pool2d(self.up(x), 2)
        x = torch.flatten(nn.functional.adaptive_avg_pool2d(x, 1), 1)
        return torch.log_softmax(self.fc(x), -1)


class Mlp(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.l1, self.drop, self.l2 = nn.Linear(5, 8), nn.Dropout(0.1), nn.Linear(8, 3)

    def forward(self, x: Any) -> Any:
        return torch.softmax(self.l2(self.drop(nn.functional.gelu(self.l1(x)))), dim=1)


class Recurrent(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.lstm = nn.LSTM(3, 4, batch_first=True, bidirectional=True)
        self.gru = nn.GRU(8, 5, batch_first=True)

    def forward(self, x: Any, h0: Any, c0: Any) -> Any:
        y, (h, c) = self.lstm(x, (h0, c0))
        z, hg = self.gru(y)
        return z, h, c, hg


class Block(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        self.attn = nn.MultiheadAttention(8, 2, batch_first=True)
        self.norm1, self.norm2 = nn.LayerNorm(8), nn.LayerNorm(8)
        self.ff1, self.ff2 = nn.Linear(8, 16), nn.Linear(16, 8)

    def forward(self, x: Any) -> Any:
        a, _ = self.attn(x, x, x, need_weights=False)
        x = self.norm1(x + a)
        return self.norm2(x + self.ff2(nn.functional.gelu(self.ff1(x))))


def _randomize_bn(model: Any) -> None:
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.running_mean.uniform_(-0.5, 0.5)
            m.running_var.uniform_(0.5, 1.5)


MODELS = {
    "cnn": (Cnn, [[2, 1, 16, 16]]),
    "mlp": (Mlp, [[4, 5]]),
    "lstm-gru": (Recurrent, [[2, 6, 3], [2, 2, 4], [2, 2, 4]]),
    "transformer-block": (Block, [[2, 5, 8]]),
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Each model exported once: (path, inputs, torch's outputs)."""
    torch.manual_seed(0)
    folder = tmp_path_factory.mktemp("onnx_torch")
    out = {}
    for name, (cls, shapes) in MODELS.items():
        model = cls().eval()
        _randomize_bn(model)
        inputs = [torch.randn(*s) for s in shapes]
        path = folder / f"{name}.onnx"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            # do_constant_folding=False keeps BatchNorm a node (folding merges it into the conv)
            torch.onnx.export(model, tuple(inputs), str(path), dynamo=False, opset_version=17,
                              do_constant_folding=False)
        with torch.no_grad():
            expected = model(*inputs)
        expected = expected if isinstance(expected, tuple) else (expected,)
        out[name] = (path, [i.numpy() for i in inputs], [e.numpy() for e in expected], model)
    return out


@pytest.fixture(scope="module")
def dynamo_exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Any, Any]:
    """The CNN through torch's default exporter (``dynamo=True``, opset 20, needs onnxscript):
    other patterns than the TorchScript one (``ReduceMean`` for the adaptive pool)."""
    pytest.importorskip("onnxscript")
    torch.manual_seed(0)
    model = Cnn().eval()
    _randomize_bn(model)
    x = torch.randn(2, 1, 16, 16)
    path = tmp_path_factory.mktemp("onnx_dynamo") / "cnn.onnx"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (x,), str(path), dynamo=True, verbose=False)
    with torch.no_grad():
        return path, x.numpy(), model(x).numpy()


def test_dynamo_exported_cnn_matches_torch(backend: Any,
                                           dynamo_exported: tuple[Path, Any, Any]) -> None:
    path, x, expected = dynamo_exported
    model = load(path, backend.device)
    if backend.autodiff:
        model = model.valid()
        from conftest import BackendCase
        backend = BackendCase(backend.id, backend.inner, backend.device, False)
    np.testing.assert_allclose(model(backend.tensor(x)).to_numpy(), expected, rtol=TOL, atol=TOL)


@pytest.mark.parametrize("name", list(MODELS))
def test_exported_model_matches_torch(backend: Any, exported: dict[str, Any], name: str) -> None:
    path, inputs, expected, _ = exported[name]
    model = load(path, backend.device)
    if backend.autodiff and name in ("cnn", "mlp"):   # BatchNorm / Dropout: inference
        model = model.valid()
        from conftest import BackendCase
        backend = BackendCase(backend.id, backend.inner, backend.device, False)
    got = model(*[backend.tensor(a) for a in inputs])
    got = got if isinstance(got, tuple) else (got,)
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g.to_numpy(), e, rtol=TOL, atol=TOL)


def test_exported_zero_initial_state_is_not_frozen_to_the_export_batch(
        backend: Any, exported: dict[str, Any]) -> None:
    """torch writes the GRU's default state as a zeros constant of the export's batch size;
    imported as "no state", the model runs on other batch sizes, as the torch module does."""
    from pyburn.onnx import generate_source
    path, _, _, torch_model = exported["lstm-gru"]
    assert "constant" not in generate_source(path)
    torch.manual_seed(1)
    inputs = [torch.randn(3, 6, 3), torch.randn(2, 3, 4), torch.randn(2, 3, 4)]   # batch 3
    with torch.no_grad():
        expected = torch_model(*inputs)
    got = load(path, backend.device)(*[backend.tensor(a.numpy()) for a in inputs])
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g.to_numpy(), e.numpy(), rtol=TOL, atol=TOL)


def test_exported_transformer_block_trains(ad_backend: Any, exported: dict[str, Any]) -> None:
    path, inputs, _, _ = exported["transformer-block"]
    model = load(path, ad_backend.device)
    x = ad_backend.tensor(inputs[0])

    def loss_of(m: Any) -> Any:
        return (m(x) * x).sum()

    before = loss_of(model)
    grads = GradientsParams.from_grads(before.backward(), model)
    trained = [p for _, p in model.named_params() if p.require_grad]
    assert trained and all(grads.get(p.id) is not None for p in trained)
    model = SgdConfig().init().step(0.01, model, grads)
    assert float(loss_of(model).into_scalar()) < float(before.into_scalar())


def test_example_imports_checks_and_fine_tunes(plain_backend: Any, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    from examples.onnx_import.__main__ import main
    name = plain_backend.id.split("-")[0]
    assert main(["--backend", name, "--out", str(tmp_path), "--steps", "1"]) == 0
    printed = capsys.readouterr().out
    assert "max |pyburn - torch|" in printed and "step   1" in printed
    assert (tmp_path / "model" / "classifier.py").exists()
    assert (tmp_path / "model" / "classifier_finetuned.mpk").exists()
