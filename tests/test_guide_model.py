"""The Burn Book's guide model ("Basic Workflow", "Model"; `examples.guide.model`), on every
backend row: its display and parameter count are the Book's, a [batch, 28, 28] image batch gives
[batch, 10] logits equal to torch's on copied weights, gradients reach every parameter under
Autodiff, and it supports every method of the Book's "Module" methods table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from examples.guide.model import Model, ModelConfig
from pyburn import Tensor
from pyburn.module import Param
from pyburn.nn import AdaptiveAvgPool2dConfig, Conv2dConfig, DropoutConfig, LinearConfig, Relu
from pyburn.record import FullPrecisionSettings, NamedMpkFileRecorder
from pyburn.tensor import BackendError


def init_with_by_hand(config: ModelConfig, record: Any, device: Any) -> Model:
    """The Book's "Inference" section, layer by layer (`init_with` does this generically)."""
    return Model(
        conv1=Conv2dConfig([1, 8], [3, 3]).init_with(record["conv1"], device),
        conv2=Conv2dConfig([8, 16], [3, 3]).init_with(record["conv2"], device),
        pool=AdaptiveAvgPool2dConfig([8, 8]).init(),
        dropout=DropoutConfig(config.dropout).init(),
        linear1=LinearConfig(16 * 8 * 8, config.hidden_size).init_with(record["linear1"], device),
        linear2=LinearConfig(config.hidden_size, config.num_classes).init_with(record["linear2"],
                                                                                device),
        activation=Relu(),
    )


# burn-book/src/basic-workflow/model.md prints exactly this for ModelConfig::new(10, 512).
BOOK_DISPLAY = """Model {
  conv1: Conv2d {ch_in: 1, ch_out: 8, stride: [1, 1], kernel_size: [3, 3], dilation: [1, 1], groups: 1, padding: Valid, params: 80}
  conv2: Conv2d {ch_in: 8, ch_out: 16, stride: [1, 1], kernel_size: [3, 3], dilation: [1, 1], groups: 1, padding: Valid, params: 1168}
  pool: AdaptiveAvgPool2d {output_size: [8, 8]}
  dropout: Dropout {prob: 0.5}
  linear1: Linear {d_input: 1024, d_output: 512, bias: true, params: 524800}
  linear2: Linear {d_input: 512, d_output: 10, bias: true, params: 5130}
  activation: Relu
  params: 531178
}"""  # noqa: E501


def images(case: Any, batch: int = 2) -> Any:
    values = np.random.default_rng(0).standard_normal((batch, 28, 28))
    return case.tensor(values)


def test_display_and_parameter_count_are_the_books(backend: Any) -> None:
    model = ModelConfig(10, 512).init(backend.device)
    assert model.num_params() == 531178
    assert repr(model) == BOOK_DISPLAY
    assert not any(p.is_initialized() for p in model.params())  # counting draws nothing
    x = images(backend, batch=3)
    assert model.valid()(x.inner() if backend.autodiff else x).dims() == [3, 10]


def test_logits_equal_torch_on_copied_weights(backend: Any) -> None:
    torch = pytest.importorskip("torch")
    case = backend.f64
    model = ModelConfig(10, 32).init(case.device)
    x = images(case, batch=3)
    out = model.valid()(x.inner() if case.autodiff else x)
    assert out.dims() == [3, 10]

    def t(p: Param[Any], transpose: bool = False) -> Any:
        value = torch.from_numpy(p.to_data().to_numpy().astype(np.float64))
        return value.T if transpose else value

    F = torch.nn.functional
    with torch.no_grad():
        y = torch.from_numpy(np.random.default_rng(0).standard_normal((3, 28, 28)))
        y = F.conv2d(y.reshape(3, 1, 28, 28), t(model.conv1.weight), t(model.conv1.bias))
        y = F.relu(F.conv2d(y, t(model.conv2.weight), t(model.conv2.bias)))
        y = F.adaptive_avg_pool2d(y, [8, 8]).reshape(3, 1024)
        y = F.relu(F.linear(y, t(model.linear1.weight, True), t(model.linear1.bias)))
        y = F.linear(y, t(model.linear2.weight, True), t(model.linear2.bias))
    out.to_data().assert_approx_eq(y.numpy(), 1e-10)


def test_gradients_reach_every_parameter(ad_backend: Any) -> None:
    model = ModelConfig(10, 16).init(ad_backend.device)
    x = images(ad_backend, batch=2)
    logits = model(x)
    assert logits.dims() == [2, 10]
    grads = (logits * logits).sum().backward()
    for path, param in model.named_params():
        grad = param.val().grad(grads)
        assert grad is not None, path
        assert grad.dims() == list(param.shape), path
        assert float(grad.abs().sum().into_scalar()) > 0.0, path


# --- the Book's "Module" methods table, on the guide model ---------------------------------------

class Counter:
    def __init__(self) -> None:
        self.paths: list[str] = []

    def visit_param(self, path: str, param: Param[Any]) -> None:
        self.paths.append(path)


PATHS = ["conv1.weight", "conv1.bias", "conv2.weight", "conv2.bias", "linear1.weight",
         "linear1.bias", "linear2.weight", "linear2.bias"]


def test_devices_fork_to_device_no_grad_visit_map(backend: Any) -> None:
    model = ModelConfig(10, 16).init(backend.device)
    assert model.devices() == [backend.device]
    assert model.collect_devices([backend.device]) == [backend.device]
    counter = Counter()
    model.visit(counter)
    assert counter.paths == PATHS
    assert model.num_params() == 80 + 1168 + 1024 * 16 + 16 + 16 * 10 + 10
    moved = model.to_device(backend.device)
    forked = model.fork(backend.device)
    x = images(backend)
    expected = model.valid()(x.inner() if backend.autodiff else x).to_data()
    for other in (moved, forked):
        assert [p.id for p in other.params()] == [p.id for p in model.params()]
        other.valid()(x.inner() if backend.autodiff else x).to_data().assert_eq(expected)
    frozen = model.no_grad()
    assert not any(p.require_grad for p in frozen.params())
    assert all(p.require_grad for p in model.params())
    zeroed = model.map(lambda path, p: p.map(lambda t: t.zeros_like()))
    out = zeroed.valid()(x.inner() if backend.autodiff else x)
    assert float(out.abs().sum().into_scalar()) == 0.0


def test_records_and_files(backend: Any, tmp_path: Path) -> None:
    config = ModelConfig(10, 16)
    model = config.init(backend.device)
    x = images(backend)
    run = (lambda m: m.valid()(x.inner())) if backend.autodiff else (lambda m: m(x))
    expected = run(model).to_data()
    record = model.into_record()
    assert list(record) == ["conv1", "conv2", "pool", "dropout", "linear1", "linear2",
                            "activation"]
    assert record["pool"] == record["dropout"] == record["activation"] == {}  # no parameters
    run(config.init(backend.device).load_record(record)).to_data().assert_eq(expected)
    recorder = NamedMpkFileRecorder(FullPrecisionSettings)
    path = model.save_file(str(tmp_path / "model"), recorder)
    loaded = config.init(backend.device).load_file(path, recorder, backend.device)
    run(loaded).to_data().assert_eq(expected)
    backend.B.seed(5)
    generic = config.init_with(recorder.load(path), backend.device)
    by_hand = init_with_by_hand(config, recorder.load(path), backend.device)
    after = Tensor[backend.B].random([4], device=backend.device).to_data()
    backend.B.seed(5)
    after.assert_eq(Tensor[backend.B].random([4], device=backend.device).to_data())
    run(generic).to_data().assert_eq(expected)
    run(by_hand).to_data().assert_eq(expected)


def test_valid_then_train(ad_backend: Any) -> None:
    """`valid()` (Burn's AutodiffModule) drops the tape and dropout; `train()` brings both back
    with the same parameter ids."""
    model = ModelConfig(10, 16).init(ad_backend.device)
    x = images(ad_backend)
    inference = model.valid()
    out = inference(x.inner())
    assert type(out).backend is ad_backend.inner
    inference(x.inner()).to_data().assert_eq(out.to_data())  # dropout is off
    trained = inference.train()
    assert [p.id for p in trained.params()] == [p.id for p in model.params()]
    assert all(type(p.val()).backend is ad_backend.B for p in trained.params())
    grads = trained(x).sum().backward()
    assert all(p.val().grad(grads) is not None for p in trained.params())
    with pytest.raises(BackendError, match=r"Model.train: the parameter conv1.weight is "
                                           r"already on the Autodiff backend"):
        trained.train()
