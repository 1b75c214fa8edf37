"""Convolution layers and ops on every backend row, against torch and against each other.

* Every layer (`Conv1d/2d/3d`, `ConvTranspose1d/2d`) with torch.nn's weights copied in: forward
  and the gradients of input, weight and bias, in float64 (tight) and float32, across stride /
  padding (Valid, Explicit, asymmetric, Same with odd and even kernels) / dilation / groups, with
  batch 1 and odd sizes. torch gets asymmetric padding as an explicit ``F.pad`` with the pairs
  Burn's rules give (written out here, so the padding rules are checked too).
* The native kernels (NumPy/CuPy im2col, Torch aten) against the composite default of the same
  op, forward and backward, and both against central differences in float64.
* Records and configs round-trip; bad input fails with the layer, the expected and the actual
  shape in the message.
"""

from __future__ import annotations

import dataclasses
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from gradcheck import gradcheck
from torch_compare import force_composite
from pyburn import Tensor
from pyburn.module import Module, Param
from pyburn.nn import (Conv1d, Conv1dConfig, Conv2d, Conv2dConfig, Conv3d, Conv3dConfig,
                       ConvTranspose1d, ConvTranspose1dConfig, ConvTranspose2d,
                       ConvTranspose2dConfig, PaddingConfig1d, PaddingConfig2d, PaddingConfig3d)
from pyburn.record import (DoublePrecisionSettings, FullPrecisionSettings, HalfPrecisionSettings,
                           NamedMpkFileRecorder, SafetensorsFileRecorder)
from pyburn.tensor import RankError, ShapeError
from pyburn.tensor.module_ops import (conv1d, conv2d, conv3d, conv_transpose1d,
                                      conv_transpose2d, conv_transpose3d)

torch = pytest.importorskip("torch")
F = torch.nn.functional

# (id, pyburn config, torch module, input shape, torch pad pairs (before, after) per dim or None)
P1, P2, P3 = PaddingConfig1d, PaddingConfig2d, PaddingConfig3d
LAYERS: list[tuple[str, Any, Any, list[int], Any]] = [
    ("c1-stride2-explicit", Conv1dConfig(3, 4, 3).with_stride(2).with_padding(P1.Explicit(1)),
     lambda: torch.nn.Conv1d(3, 4, 3, stride=2, padding=1), [1, 3, 9], None),
    ("c1-groups-dil-asym", Conv1dConfig(4, 6, 2).with_groups(2).with_dilation(2)
     .with_padding(P1.Explicit(2, 1)),
     lambda: torch.nn.Conv1d(4, 6, 2, groups=2, dilation=2), [2, 4, 7], [(2, 1)]),
    ("c1-same-even", Conv1dConfig(2, 3, 4).with_padding(P1.Same()),
     lambda: torch.nn.Conv1d(2, 3, 4), [1, 2, 7], [(1, 2)]),
    ("c2-stride-dil-explicit", Conv2dConfig([3, 4], [3, 2]).with_stride([2, 1])
     .with_dilation([1, 2]).with_padding(P2.Explicit(1, 0)),
     lambda: torch.nn.Conv2d(3, 4, (3, 2), stride=(2, 1), dilation=(1, 2), padding=(1, 0)),
     [1, 3, 7, 6], None),
    ("c2-groups-same", Conv2dConfig([4, 6], [3, 3]).with_groups(2).with_padding(P2.Same()),
     lambda: torch.nn.Conv2d(4, 6, 3, groups=2, padding=1), [2, 4, 5, 5], None),
    ("c2-same-even-kernel", Conv2dConfig([2, 3], [4, 2]).with_padding(P2.Same()),
     lambda: torch.nn.Conv2d(2, 3, (4, 2)), [1, 2, 6, 5], [(1, 2), (0, 1)]),
    ("c2-same-stride2", Conv2dConfig([2, 3], [3, 4]).with_stride([2, 2])
     .with_padding(P2.Same()),
     lambda: torch.nn.Conv2d(2, 3, (3, 4), stride=2), [1, 2, 7, 6], [(1, 1), (1, 2)]),
    ("c2-asymmetric", Conv2dConfig([3, 2], [2, 3]).with_stride([2, 2])
     .with_padding(P2.Explicit(1, 0, 2, 1)),
     lambda: torch.nn.Conv2d(3, 2, (2, 3), stride=2), [2, 3, 7, 5], [(1, 2), (0, 1)]),
    ("c2-depthwise-nobias", Conv2dConfig([3, 3], [3, 3]).with_groups(3).with_stride([2, 2])
     .with_bias(False),
     lambda: torch.nn.Conv2d(3, 3, 3, groups=3, stride=2, bias=False), [1, 3, 7, 7], None),
    ("c3-groups-explicit", Conv3dConfig([2, 4], [2, 3, 2]).with_stride([1, 2, 1]).with_groups(2)
     .with_padding(P3.Explicit(1, 0, 1)),
     lambda: torch.nn.Conv3d(2, 4, (2, 3, 2), stride=(1, 2, 1), groups=2, padding=(1, 0, 1)),
     [1, 2, 4, 5, 3], None),
    ("t1-stride-padout", ConvTranspose1dConfig([3, 4], 3).with_stride(2).with_padding(1)
     .with_padding_out(1),
     lambda: torch.nn.ConvTranspose1d(3, 4, 3, stride=2, padding=1, output_padding=1),
     [1, 3, 5], None),
    ("t2-groups-padout", ConvTranspose2dConfig([4, 6], [3, 2]).with_stride([2, 3])
     .with_padding([1, 0]).with_padding_out([1, 2]).with_groups(2),
     lambda: torch.nn.ConvTranspose2d(4, 6, (3, 2), stride=(2, 3), padding=(1, 0),
                                      output_padding=(1, 2), groups=2), [2, 4, 4, 3], None),
    ("t2-dilation-nobias", ConvTranspose2dConfig([2, 3], [2, 3]).with_dilation([2, 1])
     .with_padding([1, 1]).with_bias(False),
     lambda: torch.nn.ConvTranspose2d(2, 3, (2, 3), dilation=(2, 1), padding=1, bias=False),
     [1, 2, 5, 4], None),
]


def _torch_forward(module: Any, x: Any, pairs: Any) -> Any:
    if pairs is not None:
        flat: list[int] = []
        for lo, hi in reversed(pairs):
            flat += [lo, hi]
        x = F.pad(x, flat)
    return module(x)


def _load(layer: Any, tmod: Any, case: Any) -> Any:
    """The layer with torch's weights (same layout) as its parameters."""
    T: Any = Tensor.of(case.B)
    weight = Param(T.from_data(tmod.weight.detach().numpy(), case.device))
    bias = None if tmod.bias is None else Param(T.from_data(tmod.bias.detach().numpy(),
                                                            case.device))
    return dataclasses.replace(layer, weight=weight, bias=bias)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("name, config, make, shape, pairs", LAYERS, ids=[c[0] for c in LAYERS])
def test_layer_matches_torch(backend: Any, dtype: str, name: str, config: Any, make: Any,
                             shape: list[int], pairs: Any) -> None:
    case = backend.with_float(dtype)
    torch.manual_seed(0)
    tmod = make().double()
    layer = _load(config.init(case.device), tmod, case)
    x_np = np.random.default_rng(1).standard_normal(shape)
    tx = torch.tensor(x_np, requires_grad=True)
    ty = _torch_forward(tmod, tx, pairs)
    x = case.tensor(x_np)
    if case.autodiff:
        x = x.require_grad()
    y = layer(x)
    tol = dict(rtol=1e-10, atol=1e-10) if dtype == "float64" else dict(rtol=2e-4, atol=2e-5)
    assert y.dims() == list(ty.shape)
    np.testing.assert_allclose(y.to_numpy(), ty.detach().numpy(), **tol)
    if not case.autodiff:
        return
    cot = np.random.default_rng(2).standard_normal(tuple(ty.shape))
    (ty * torch.tensor(cot)).sum().backward()
    grads = (y * case.tensor(cot)).sum().backward()
    pairs_to_check = [(x, tx), (layer.weight.val(), tmod.weight)]
    if tmod.bias is not None:
        pairs_to_check.append((layer.bias.val(), tmod.bias))
    for ours, theirs in pairs_to_check:
        g = ours.grad(grads)
        assert g is not None
        np.testing.assert_allclose(g.to_numpy(), theirs.grad.numpy(), **tol)


# --- ops: native kernels vs composite default vs finite differences -----------------------------
# (id, op, x shape, weight shape, bias?, attributes)
OPS: list[tuple[str, Any, list[int], list[int], bool, dict[str, Any]]] = [
    ("conv1d", conv1d, [1, 4, 5], [6, 2, 3], True,
     dict(stride=2, padding=1, dilation=1, groups=2)),
    ("conv2d-asym", conv2d, [1, 2, 5, 5], [2, 2, 2, 3], True,
     dict(stride=(2, 1), padding=(1, 0), padding_end=(2, 1), dilation=(1, 2))),
    ("conv2d-groups", conv2d, [1, 4, 4, 4], [4, 2, 2, 2], False,
     dict(stride=1, padding=1, dilation=2, groups=2)),
    ("conv3d", conv3d, [1, 2, 2, 4, 2], [2, 2, 2, 2, 2], True,
     dict(stride=(1, 2, 1), padding=(1, 0, 1))),
    ("tconv1d", conv_transpose1d, [2, 4, 4], [4, 3, 3], True,
     dict(stride=2, padding=1, padding_out=1, groups=2)),
    ("tconv1d-crop", conv_transpose1d, [1, 2, 4], [2, 2, 2], True,
     dict(stride=3, padding=2, padding_out=1)),          # padding > dilation * (k - 1)
    ("tconv2d", conv_transpose2d, [1, 2, 3, 4], [2, 3, 2, 3], True,
     dict(stride=(2, 3), padding=(0, 1), padding_out=(1, 0), dilation=(2, 1))),
    ("tconv3d", conv_transpose3d, [1, 2, 2, 3, 2], [2, 2, 2, 2, 2], False,
     dict(stride=2, padding=(1, 0, 0), padding_out=(0, 1, 0))),
]


def _run_op(case: Any, op: Any, arrays: list[Any], attrs: dict[str, Any]) -> list[np.ndarray]:
    tensors = [case.tensor(a).require_grad() for a in arrays]
    y = op.apply(*tensors, *([None] * (3 - len(tensors))), **attrs)
    cot = case.tensor(np.random.default_rng(4).standard_normal(y.dims()))
    grads = (y * cot).sum().backward()
    return [y.to_numpy()] + [t.grad(grads).to_numpy() for t in tensors]


def _bias_size(op: Any, x_shape: list[int], w_shape: list[int], attrs: dict[str, Any]) -> int:
    transposed = op.name.startswith("conv_transpose")
    return w_shape[1] * attrs.get("groups", 1) if transposed else w_shape[0]


@pytest.mark.parametrize("name, op, x_shape, w_shape, bias, attrs", OPS, ids=[o[0] for o in OPS])
def test_native_kernel_matches_composite(backend: Any, monkeypatch: pytest.MonkeyPatch,
                                         name: str, op: Any, x_shape: list[int],
                                         w_shape: list[int], bias: bool,
                                         attrs: dict[str, Any]) -> None:
    """Forward on the plain row; forward and every gradient on its Autodiff twin."""
    case = backend.f64.ad
    rng = np.random.default_rng(3)
    arrays = [rng.standard_normal(x_shape), rng.standard_normal(w_shape)]
    if bias:
        arrays.append(rng.standard_normal(_bias_size(op, x_shape, w_shape, attrs)))
    assert op.has_native(case.inner), f"{op.name}: no native kernel on {case.inner}"
    native = _run_op(case, op, arrays, attrs)
    plain = op.apply(*[backend.f64.tensor(a) for a in arrays],
                     *([None] * (3 - len(arrays))), **attrs).to_numpy()
    force_composite(monkeypatch, op)
    assert not op.has_native(case.inner)
    composite = _run_op(case, op, arrays, attrs)
    np.testing.assert_allclose(plain, composite[0], rtol=1e-12, atol=1e-12)
    for a, b in zip(native, composite):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("name, op, x_shape, w_shape, bias, attrs", OPS, ids=[o[0] for o in OPS])
def test_batch_chunks_give_the_same_result(backend: Any, monkeypatch: pytest.MonkeyPatch,
                                           name: str, op: Any, x_shape: list[int],
                                           w_shape: list[int], bias: bool,
                                           attrs: dict[str, Any]) -> None:
    """The array kernels cut the batch into chunks to bound their im2col buffer: one sample
    per chunk gives what one chunk for the whole batch gives."""
    import pyburn_numpy.conv_kernel as array_kernel
    case = backend.f64.ad
    rng = np.random.default_rng(8)
    arrays = [rng.standard_normal([3, *x_shape[1:]]), rng.standard_normal(w_shape)]
    if bias:
        arrays.append(rng.standard_normal(_bias_size(op, x_shape, w_shape, attrs)))
    whole = _run_op(case, op, arrays, attrs)
    monkeypatch.setattr(array_kernel, "CHUNK_ELEMENTS", 1)
    chunked = _run_op(case, op, arrays, attrs)
    for a, b in zip(whole, chunked):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize("path", ["native", "composite"])
@pytest.mark.parametrize("name, op, x_shape, w_shape, bias, attrs", OPS, ids=[o[0] for o in OPS])
def test_gradients_match_finite_differences(ad_backend: Any, monkeypatch: pytest.MonkeyPatch,
                                            path: str, name: str, op: Any, x_shape: list[int],
                                            w_shape: list[int], bias: bool,
                                            attrs: dict[str, Any]) -> None:
    if path == "composite":
        force_composite(monkeypatch, op)
    rng = np.random.default_rng(5)
    arrays = [rng.standard_normal(x_shape), rng.standard_normal(w_shape)]
    if bias:
        arrays.append(rng.standard_normal(_bias_size(op, x_shape, w_shape, attrs)))

    def fn(x: Any, w: Any, b: Any = None) -> Any:
        return op.apply(x, w, b, **attrs)

    gradcheck(ad_backend.f64, fn, *arrays)


def test_only_the_needed_gradients_are_computed(ad_backend: Any) -> None:
    """A frozen weight gets no gradient and the input's is still right (output_mask path)."""
    case = ad_backend.f64
    rng = np.random.default_rng(6)
    x_np, w_np = rng.standard_normal([1, 2, 5, 5]), rng.standard_normal([3, 2, 3, 3])
    x = case.tensor(x_np).require_grad()
    w = case.tensor(w_np)
    grads = conv2d.apply(x, w, None, padding=1).sum().backward()
    assert w.grad(grads) is None
    expected = torch.nn.grad.conv2d_input(list(x_np.shape), torch.tensor(w_np),
                                          torch.ones(1, 3, 5, 5, dtype=torch.float64), padding=1)
    np.testing.assert_allclose(x.grad(grads).to_numpy(), expected.numpy(), rtol=1e-12)


# --- configs, initialization, records ------------------------------------------------------------
def test_burn_defaults_and_display(backend: Any) -> None:
    d = backend.device
    conv = Conv2dConfig([5, 1], [5, 5]).init(d)
    bound = 1.0 / math.sqrt(5 * 25)        # Burn's test: within sqrt(groups / (c_in * k))
    assert np.abs(conv.weight.val().to_numpy()).max() <= bound
    assert list(conv.weight.shape) == [1, 5, 5, 5]
    assert str(conv) == ("Conv2d {ch_in: 5, ch_out: 1, stride: [1, 1], kernel_size: [5, 5], "
                         "dilation: [1, 1], groups: 1, padding: Valid, params: 126}")
    assert str(Conv1dConfig(5, 5, 5).init(d)) == (
        "Conv1d {ch_in: 5, ch_out: 5, stride: 1, kernel_size: 5, dilation: 1, groups: 1, "
        "padding: Valid, params: 130}")
    assert str(ConvTranspose1dConfig([5, 2], 5).init(d)) == (
        "ConvTranspose1d {channels: [5, 2], stride: 1, kernel_size: 5, dilation: 1, groups: 1, "
        "padding: 0, padding_out: 0, params: 52}")
    assert str(Conv3dConfig([5, 1], [5, 5, 5]).init(d)) == (
        "Conv3d {ch_in: 5, ch_out: 1, stride: [1, 1, 1], kernel_size: [5, 5, 5], "
        "dilation: [1, 1, 1], groups: 1, padding: Valid, params: 626}")
    t = ConvTranspose2dConfig([4, 6], [3, 3]).with_groups(2).init(d)
    assert list(t.weight.shape) == [4, 3, 3, 3]
    assert np.abs(t.weight.val().to_numpy()).max() <= 1.0 / math.sqrt(3 * 9)


def test_same_padding_keeps_the_size_with_even_kernels(backend: Any) -> None:
    """Burn pads an even kernel's odd pixel at the end (1 before, 2 after for kernel 4)."""
    x = backend.tensor(np.ones([1, 1, 7, 6]))
    for k in ([4, 4], [2, 3], [5, 2]):
        conv = Conv2dConfig([1, 2], k).with_padding(P2.Same()).init(backend.device)
        assert conv(x).dims() == [1, 2, 7, 6]
    conv1 = Conv1dConfig(1, 1, 4).with_padding(P1.Same()).with_stride(2).init(backend.device)
    assert conv1(backend.tensor(np.ones([1, 1, 9]))).dims() == [1, 1, 5]
    assert P1.Same().pairs([9], [4], [2]) == [(1, 2)]


def test_padding_configs_serialize_as_burn(tmp_path: Path) -> None:
    cfg = Conv2dConfig([1, 8], [3, 3]).with_padding(P2.Explicit(1, 2, 3, 4))
    cfg.save(str(tmp_path / "c.json"))
    text = (tmp_path / "c.json").read_text()
    assert '"Explicit"' in text and Conv2dConfig.load(str(tmp_path / "c.json")) == cfg
    assert P2.Explicit(1, 2) == P2.Explicit(1, 2, 1, 2)     # Explicit(height, width): symmetric
    assert P1.Explicit(3) == P1.Explicit(3, 3)
    assert Conv1dConfig.from_json(Conv1dConfig(2, 3, 3).with_padding(P1.Same()).to_json()) \
        == Conv1dConfig(2, 3, 3).with_padding(P1.Same())


class ConvNet(Module):
    c1: Conv1d
    c2: Conv2d
    c3: Conv3d
    t1: ConvTranspose1d
    t2: ConvTranspose2d


def _net(case: Any) -> ConvNet:
    d = case.device
    return ConvNet(Conv1dConfig(2, 4, 3).with_groups(2).init(d),
                   Conv2dConfig([2, 3], [3, 2]).with_bias(False).init(d),
                   Conv3dConfig([1, 2], [2, 2, 2]).init(d),
                   ConvTranspose1dConfig([2, 4], 3).with_stride(2).init(d),
                   ConvTranspose2dConfig([3, 2], [2, 2]).with_groups(1).init(d))


@pytest.mark.parametrize("recorder_cls", [NamedMpkFileRecorder, SafetensorsFileRecorder])
@pytest.mark.parametrize("precision", [FullPrecisionSettings, HalfPrecisionSettings,
                                       DoublePrecisionSettings], ids=lambda p: p.__name__)
def test_record_round_trip(backend: Any, tmp_path: Path, recorder_cls: Any,
                           precision: Any) -> None:
    source = _net(backend)
    record = source.into_record()
    assert list(record["c2"]) == ["weight"]
    assert list(record["t2"]) == ["weight", "bias"]
    assert [p.shape for p in _net(backend).load_record(record).params()] == \
        [p.shape for p in source.params()]
    source.save_file(str(tmp_path / "net"), recorder_cls(precision))
    loaded = _net(backend).load_file(str(tmp_path / "net"), recorder_cls(precision),
                                     backend.device)
    tol = 1e-3 if precision is HalfPrecisionSettings else 1e-7
    for (name, a), (_, b) in zip(source.named_params(), loaded.named_params()):
        np.testing.assert_allclose(b.val().to_numpy(), a.val().to_numpy(), rtol=tol, atol=tol,
                                   err_msg=name)
    x = backend.tensor(np.random.default_rng(0).standard_normal([1, 2, 5, 4]))
    np.testing.assert_allclose(loaded.c2(x).to_numpy(), source.c2(x).to_numpy(), rtol=tol * 10,
                               atol=tol * 10)


# --- torch interop -------------------------------------------------------------------------------
INTEROP = [c for c in LAYERS if c[4] is None or c[0] == "c1-same-even"]


@pytest.mark.filterwarnings("ignore:Using padding='same' with even kernel")
@pytest.mark.parametrize("name, config, make, shape, pairs", INTEROP, ids=[c[0] for c in INTEROP])
def test_from_torch_and_back(backend: Any, name: str, config: Any, make: Any, shape: list[int],
                             pairs: Any) -> None:
    """``from_torch`` rebuilds the layer (config and weights); ``to_torch_state_dict`` gives
    torch's state dict back; a torch ``padding="same"`` layer maps to ``Same``."""
    from pyburn.nn import from_torch, load_torch_state_dict, to_torch_state_dict
    case = backend.f64
    torch.manual_seed(0)
    tmod = make().double()
    if pairs is not None:          # torch's "same" (stride 1) pads an even kernel as Burn does
        tmod = torch.nn.Conv1d(2, 3, 4, padding="same").double()
    layer = from_torch(tmod, case.device)
    x_np = np.random.default_rng(1).standard_normal(shape)
    np.testing.assert_allclose(layer(case.tensor(x_np)).to_numpy(),
                               tmod(torch.tensor(x_np)).detach().numpy(), rtol=1e-10, atol=1e-10)
    exported = to_torch_state_dict(layer)
    assert sorted(exported) == sorted(tmod.state_dict())
    for key, value in tmod.state_dict().items():
        np.testing.assert_array_equal(exported[key], value.numpy())
    reloaded = load_torch_state_dict(config.init(case.device), tmod.state_dict())
    np.testing.assert_allclose(reloaded(case.tensor(x_np)).to_numpy(),
                               layer(case.tensor(x_np)).to_numpy(), rtol=1e-6, atol=1e-6)


def test_torch_state_dict_mismatches_are_named(backend: Any) -> None:
    from pyburn.nn import from_torch, load_torch_state_dict
    from pyburn.record import RecordError
    conv = Conv2dConfig([3, 4], [3, 3]).with_bias(False).init(backend.device)
    with pytest.raises(RecordError, match=r"Conv2d state dict: unexpected bias"):
        load_torch_state_dict(conv, torch.nn.Conv2d(3, 4, 3).state_dict())
    with pytest.raises(ShapeError, match=r"'weight': expected \[4, 3, 3, 3\] for Conv2d, got "
                                         r"\[4, 3, 2, 2\]"):
        load_torch_state_dict(conv, torch.nn.Conv2d(3, 4, 2, bias=False).state_dict())
    with pytest.raises(ValueError, match=r"padding_mode='reflect' has no pyburn"):
        from_torch(torch.nn.Conv2d(3, 4, 3, padding=1, padding_mode="reflect"), backend.device)


# --- errors ------------------------------------------------------------------------------------
def test_wrong_input_names_layer_expected_and_actual(backend: Any) -> None:
    d = backend.device
    conv = Conv2dConfig([3, 4], [3, 3]).init(d)
    with pytest.raises(RankError, match=r"Conv2d\.forward.*rank 4.*\[batch, 3, height, width\]"
                                        r".*\[3, 8, 8\]"):
        conv(backend.tensor(np.zeros([3, 8, 8])))
    with pytest.raises(ShapeError, match=r"Conv2d\.forward: expected 3 input channels.*"
                                         r"\[1, 2, 8, 8\]"):
        conv(backend.tensor(np.zeros([1, 2, 8, 8])))
    grouped = Conv1dConfig(4, 6, 3).with_groups(2).init(d)
    with pytest.raises(ShapeError, match=r"Conv1d\.forward: expected 4 input channels.*"
                                         r"\[1, 2, 9\]"):
        grouped(backend.tensor(np.zeros([1, 2, 9])))
    t = ConvTranspose2dConfig([4, 6], [3, 3]).init(d)
    with pytest.raises(ShapeError, match=r"ConvTranspose2d\.forward: expected 4 input channels"):
        t(backend.tensor(np.zeros([1, 6, 4, 4])))
    with pytest.raises(ShapeError, match=r"conv2d: input of shape \[1, 3, 2, 2\] is too small"):
        conv(backend.tensor(np.zeros([1, 3, 2, 2])))


def test_bad_configs_are_refused(backend: Any) -> None:
    d = backend.device
    with pytest.raises(ValueError, match=r"Conv2dConfig\.init: both channels must be divisible "
                                         r"by the number of groups.*channels_in=3.*groups=2"):
        Conv2dConfig([3, 4], [3, 3]).with_groups(2).init(d)
    with pytest.raises(ValueError, match=r"Conv1dConfig\.init: stride must be positive"):
        Conv1dConfig(2, 2, 3).with_stride(0).init(d)
    with pytest.raises(ValueError, match=r"PaddingConfig2d\.Explicit: paddings must be ints"):
        P2.Explicit(-1, 0)
    with pytest.raises(ShapeError, match=r"conv_transpose1d: padding_out must be smaller"):
        ConvTranspose1dConfig([2, 2], 3).with_padding_out(1).init(d)(
            backend.tensor(np.zeros([1, 2, 4])))
    with pytest.raises(ValueError, match=r"Conv3dConfig\.init: Same padding with an even kernel "
                                         r"size is not supported.*\[2, 3, 3\]"):
        Conv3dConfig([1, 1], [2, 3, 3]).with_padding(P3.Same()).init(d)
    conv3 = Conv3dConfig([1, 1], [3, 3, 3]).with_stride([2, 1, 1]).with_padding(P3.Same()).init(d)
    with pytest.raises(ValueError, match=r"asymmetric 3-D 'Same' padding is not supported"):
        conv3(backend.tensor(np.zeros([1, 1, 4, 4, 4])))     # odd kernel, stride 2: (0, 1)


# (config, fan_in, fan_out): Burn's fans; transposed fan_out = channels_in / groups * kernel.
FAN_CASES = [
    (Conv1dConfig(4, 8, 5), 20, 40),
    (Conv2dConfig([4, 6], [3, 3]).with_groups(2), 18, 27),
    (Conv3dConfig([2, 4], [3, 3, 3]), 54, 108),
    (ConvTranspose1dConfig([6, 4], 5).with_groups(2), 10, 15),
    (ConvTranspose2dConfig([4, 8], [3, 3]), 72, 36),
]


@pytest.mark.parametrize("config,fan_in,fan_out", FAN_CASES,
                         ids=[type(c).__name__ for c, _, _ in FAN_CASES])
def test_fan_out_initializers_work_on_every_conv(backend: Any, config: Any, fan_in: int,
                                                 fan_out: int) -> None:
    """Weight and bias of every convolution get the weight's fan_out (Burn's `Conv1d` bias and
    transposed convolutions get none, so these initializers panic there on first use)."""
    from pyburn.nn import Initializer
    backend.B.seed(0)
    for init, bound in [(Initializer.XavierUniform(gain=1.0), math.sqrt(6.0 / (fan_in + fan_out))),
                        (Initializer.KaimingUniform(gain=1.0, fan_out_only=True),
                         math.sqrt(3.0 / fan_out))]:
        layer = config.with_initializer(init).init(backend.device)
        w = np.abs(layer.weight.val().to_data().as_numpy())
        b = np.abs(layer.bias.val().to_data().as_numpy())
        assert w.max() <= bound * (1 + 1e-6) and b.max() <= bound * (1 + 1e-6)
        assert w.max() > 0.8 * bound        # the bound is this one, not a looser one


def test_op_checks_weight_and_bias_shapes(backend: Any) -> None:
    x = backend.tensor(np.zeros([1, 4, 5, 5]))
    with pytest.raises(ShapeError, match=r"conv2d: weight of shape \[2, 3, 3, 3\] does not fit "
                                         r"an input of shape \[1, 4, 5, 5\]"):
        conv2d.apply(x, backend.tensor(np.zeros([2, 3, 3, 3])), None)
    with pytest.raises(ShapeError, match=r"conv2d: expected a bias of shape \[2\], got \[3\]"):
        conv2d.apply(x, backend.tensor(np.zeros([2, 4, 3, 3])), backend.tensor(np.zeros(3)))
    with pytest.raises(TypeError, match=r"conv2d: unknown option\(s\) \['padding_out'\]"):
        conv2d.apply(x, backend.tensor(np.zeros([2, 4, 3, 3])), None, padding_out=1)

