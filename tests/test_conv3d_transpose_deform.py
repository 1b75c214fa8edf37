"""`ConvTranspose3d` and `DeformConv2d` (and the ``deform_conv2d`` op) on every backend row.

* `ConvTranspose3d` with ``torch.nn.ConvTranspose3d``'s weights copied in: forward and the
  gradients of input, weight and bias, float64 (tight) and float32, across stride / padding /
  dilation / groups / padding_out; Burn's defaults, display, records, torch interop, errors.
* ``deform_conv2d`` against a NumPy reference written from the papers' definition (Dai et al.
  2017; Zhu et al. 2019 for the mask), and against ``torchvision.ops.deform_conv2d`` when
  torchvision is importable; zero offsets without a mask give ``conv2d``, integer offsets give
  a shifted ``conv2d``; every gradient (input, offset, weight, mask, bias) against central
  differences; `DeformConv2d`'s defaults, display, records and errors.
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
from pyburn.nn import (Conv2dConfig, ConvTranspose3d, ConvTranspose3dConfig, DeformConv2d,
                       DeformConv2dConfig, Initializer, PaddingConfig2d)
from pyburn.record import (DoublePrecisionSettings, FullPrecisionSettings, NamedMpkFileRecorder,
                           SafetensorsFileRecorder)
from pyburn.tensor import RankError, ShapeError
from pyburn.tensor.module import deform_conv2d
from pyburn.tensor.module_ops import conv2d, conv_transpose3d

torch = pytest.importorskip("torch")

P2 = PaddingConfig2d

# --- ConvTranspose3d --------------------------------------------------------------------------
# (id, pyburn config, torch module, input shape)
TRANSPOSED: list[tuple[str, Any, Any, list[int]]] = [
    ("stride-padding-padout", ConvTranspose3dConfig([3, 4], [3, 2, 3]).with_stride([2, 1, 3])
     .with_padding([1, 0, 1]).with_padding_out([1, 0, 2]),
     lambda: torch.nn.ConvTranspose3d(3, 4, (3, 2, 3), stride=(2, 1, 3), padding=(1, 0, 1),
                                      output_padding=(1, 0, 2)), [2, 3, 3, 4, 2]),
    ("groups-dilation", ConvTranspose3dConfig([4, 6], [2, 2, 3]).with_groups(2)
     .with_dilation([2, 1, 2]).with_stride([1, 2, 1]).with_padding_out([0, 1, 1]),
     lambda: torch.nn.ConvTranspose3d(4, 6, (2, 2, 3), groups=2, dilation=(2, 1, 2),
                                      stride=(1, 2, 1), output_padding=(0, 1, 1)),
     [1, 4, 3, 3, 4]),
    ("crop-nobias", ConvTranspose3dConfig([2, 3], [2, 2, 2]).with_stride([3, 3, 3])
     .with_padding([2, 1, 0]).with_bias(False),
     lambda: torch.nn.ConvTranspose3d(2, 3, 2, stride=3, padding=(2, 1, 0), bias=False),
     [1, 2, 3, 2, 3]),
    ("depthwise", ConvTranspose3dConfig([3, 3], [3, 1, 2]).with_groups(3),
     lambda: torch.nn.ConvTranspose3d(3, 3, (3, 1, 2), groups=3), [2, 3, 2, 3, 3]),
]


def _load(layer: Any, tmod: Any, case: Any) -> Any:
    """The layer with torch's weights (same layout) as its parameters."""
    T: Any = Tensor.of(case.B)
    weight = Param(T.from_data(tmod.weight.detach().numpy(), case.device))
    bias = None if tmod.bias is None else Param(T.from_data(tmod.bias.detach().numpy(),
                                                            case.device))
    return dataclasses.replace(layer, weight=weight, bias=bias)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("name, config, make, shape", TRANSPOSED, ids=[c[0] for c in TRANSPOSED])
def test_conv_transpose3d_matches_torch(backend: Any, dtype: str, name: str, config: Any,
                                        make: Any, shape: list[int]) -> None:
    case = backend.with_float(dtype)
    torch.manual_seed(0)
    tmod = make().double()
    layer = _load(config.init(case.device), tmod, case)
    x_np = np.random.default_rng(1).standard_normal(shape)
    tx = torch.tensor(x_np, requires_grad=True)
    ty = tmod(tx)
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
    pairs = [(x, tx), (layer.weight.val(), tmod.weight)]
    if tmod.bias is not None:
        pairs.append((layer.bias.val(), tmod.bias))
    for ours, theirs in pairs:
        g = ours.grad(grads)
        assert g is not None
        np.testing.assert_allclose(g.to_numpy(), theirs.grad.numpy(), **tol)


@pytest.mark.parametrize("path", ["native", "composite"])
def test_conv_transpose3d_gradients_match_finite_differences(
        ad_backend: Any, monkeypatch: pytest.MonkeyPatch, path: str) -> None:
    if path == "composite":
        force_composite(monkeypatch, conv_transpose3d)
    rng = np.random.default_rng(5)
    arrays = [rng.standard_normal([1, 4, 2, 3, 2]), rng.standard_normal([4, 1, 2, 2, 3]),
              rng.standard_normal(2)]

    def fn(x: Any, w: Any, b: Any) -> Any:
        return conv_transpose3d.apply(x, w, b, stride=(2, 1, 2), padding=(0, 1, 1),
                                      padding_out=(1, 0, 1), dilation=(1, 2, 1), groups=2)

    gradcheck(ad_backend.f64, fn, *arrays)


def test_conv_transpose3d_defaults_and_display(backend: Any) -> None:
    d = backend.device
    cfg = ConvTranspose3dConfig([4, 6], [3, 2, 2])
    assert (cfg.stride, cfg.dilation, cfg.groups, cfg.padding, cfg.padding_out, cfg.bias) == \
        ([1, 1, 1], [1, 1, 1], 1, [0, 0, 0], [0, 0, 0], True)
    t = cfg.with_groups(2).init(d)
    assert list(t.weight.shape) == [4, 3, 3, 2, 2] and list(t.bias.shape) == [6]
    bound = 1.0 / math.sqrt(3 * 12)          # fan_in = channels_out / groups * prod(kernel)
    assert np.abs(t.weight.val().to_numpy()).max() <= bound
    assert np.abs(t.bias.val().to_numpy()).max() <= bound
    assert str(ConvTranspose3dConfig([5, 2], [5, 5, 5]).init(d)) == (
        "ConvTranspose3d {channels: [5, 2], stride: [1, 1, 1], kernel_size: [5, 5, 5], "
        "dilation: [1, 1, 1], groups: 1, padding: [0, 0, 0], padding_out: [0, 0, 0], "
        "params: 1252}")
    x = backend.tensor(np.ones([1, 4, 3, 4, 5]))
    up = ConvTranspose3dConfig([4, 2], [3, 3, 3]).with_stride([2, 2, 2]) \
        .with_padding([1, 1, 1]).with_padding_out([1, 0, 1]).init(d)
    assert up(x).dims() == [1, 2, 6, 7, 10]     # (n - 1) * 2 - 2 + 2 + padding_out + 1


def test_conv_transpose3d_config_round_trips(tmp_path: Path) -> None:
    cfg = ConvTranspose3dConfig([2, 4], [1, 2, 3]).with_stride([2, 2, 1]).with_groups(2) \
        .with_initializer(Initializer.Zeros())
    cfg.save(str(tmp_path / "c.json"))
    assert ConvTranspose3dConfig.load(str(tmp_path / "c.json")) == cfg
    assert ConvTranspose3dConfig.from_json(cfg.to_json()) == cfg


# --- deform_conv2d: references -----------------------------------------------------------------
def _bilinear(img: np.ndarray, y: float, x: float) -> float:
    """The papers' bilinear read, zero outside the image (torchvision's and Burn's rule)."""
    h, w = img.shape
    if y <= -1 or y >= h or x <= -1 or x >= w:
        return 0.0
    y0, x0 = math.floor(y), math.floor(x)
    total = 0.0
    for yc, wy in ((y0, 1 - (y - y0)), (y0 + 1, y - y0)):
        for xc, wx in ((x0, 1 - (x - x0)), (x0 + 1, x - x0)):
            if 0 <= yc < h and 0 <= xc < w:
                total += wy * wx * img[yc, xc]
    return total


def deform_conv2d_reference(x: np.ndarray, offset: np.ndarray, weight: np.ndarray,
                            mask: np.ndarray | None, bias: np.ndarray | None,
                            stride: tuple[int, int], padding: tuple[int, int],
                            dilation: tuple[int, int], weight_groups: int,
                            offset_groups: int) -> np.ndarray:
    """``y[b, o, p, q] = sum_{c, i, j} W[o, c, i, j] * m * x_c(p0 + pk + dp)`` per weight group,
    written out loop by loop."""
    n, c, h, w = x.shape
    c_out, c_group, kh, kw = weight.shape
    ho = (h + 2 * padding[0] - dilation[0] * (kh - 1) - 1) // stride[0] + 1
    wo = (w + 2 * padding[1] - dilation[1] * (kw - 1) - 1) // stride[1] + 1
    cols = np.zeros([n, c, kh, kw, ho, wo])
    per_offset_group = c // offset_groups
    for b in range(n):
        for ch in range(c):
            g = ch // per_offset_group
            for i in range(kh):
                for j in range(kw):
                    tap = g * kh * kw + i * kw + j
                    for p in range(ho):
                        for q in range(wo):
                            y = p * stride[0] - padding[0] + i * dilation[0] \
                                + offset[b, 2 * tap, p, q]
                            xx = q * stride[1] - padding[1] + j * dilation[1] \
                                + offset[b, 2 * tap + 1, p, q]
                            m = 1.0 if mask is None else mask[b, tap, p, q]
                            cols[b, ch, i, j, p, q] = m * _bilinear(x[b, ch], y, xx)
    out = np.zeros([n, c_out, ho, wo])
    per_out = c_out // weight_groups
    for gw in range(weight_groups):
        wslice = weight[gw * per_out:(gw + 1) * per_out]
        cslice = cols[:, gw * c_group:(gw + 1) * c_group]
        out[:, gw * per_out:(gw + 1) * per_out] = np.einsum("ocij,bcijpq->bopq", wslice, cslice)
    if bias is not None:
        out += bias.reshape(1, -1, 1, 1)
    return out


# (id, x shape, weight shape, mask?, bias?, attributes)
DEFORM: list[tuple[str, list[int], list[int], bool, bool, dict[str, Any]]] = [
    ("plain", [2, 3, 5, 4], [2, 3, 3, 2], False, True, {}),
    ("mask-stride-padding", [1, 4, 6, 5], [3, 4, 3, 3], True, True,
     dict(stride=(2, 1), padding=(1, 2), dilation=1)),
    ("groups-dilation", [2, 4, 6, 6], [6, 2, 2, 3], True, False,
     dict(stride=1, padding=1, dilation=(2, 1), weight_groups=2, offset_groups=2)),
    ("offset-groups-only", [1, 6, 4, 5], [2, 6, 2, 2], False, True,
     dict(padding=(0, 1), offset_groups=3)),
]


def _deform_arrays(x_shape: list[int], w_shape: list[int], mask: bool, bias: bool,
                   attrs: dict[str, Any], seed: int = 0,
                   spread: float = 1.7) -> dict[str, np.ndarray | None]:
    """Random inputs; offsets spread so that some taps land outside the image."""
    rng = np.random.default_rng(seed)
    n, _, h, w = x_shape
    c_out, _, kh, kw = w_shape
    s, p, d = (attrs.get(k, v) for k, v in (("stride", 1), ("padding", 0), ("dilation", 1)))
    s, p, d = ((v, v) if isinstance(v, int) else v for v in (s, p, d))
    ho = (h + 2 * p[0] - d[0] * (kh - 1) - 1) // s[0] + 1
    wo = (w + 2 * p[1] - d[1] * (kw - 1) - 1) // s[1] + 1
    og = attrs.get("offset_groups", 1)
    return {"x": rng.standard_normal(x_shape),
            "offset": rng.standard_normal([n, 2 * og * kh * kw, ho, wo]) * spread,
            "weight": rng.standard_normal(w_shape),
            "mask": rng.uniform(0.2, 1.0, [n, og * kh * kw, ho, wo]) if mask else None,
            "bias": rng.standard_normal(c_out) if bias else None}


def _norm_attrs(attrs: dict[str, Any]) -> dict[str, Any]:
    pair = lambda v: (v, v) if isinstance(v, int) else tuple(v)  # noqa: E731
    return {"stride": pair(attrs.get("stride", 1)), "padding": pair(attrs.get("padding", 0)),
            "dilation": pair(attrs.get("dilation", 1)),
            "weight_groups": attrs.get("weight_groups", 1),
            "offset_groups": attrs.get("offset_groups", 1)}


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("name, x_shape, w_shape, mask, bias, attrs", DEFORM,
                         ids=[c[0] for c in DEFORM])
def test_deform_conv2d_matches_reference(backend: Any, dtype: str, name: str,
                                         x_shape: list[int], w_shape: list[int], mask: bool,
                                         bias: bool, attrs: dict[str, Any]) -> None:
    case = backend.with_float(dtype)
    arrays = _deform_arrays(x_shape, w_shape, mask, bias, attrs)
    expected = deform_conv2d_reference(*arrays.values(), **_norm_attrs(attrs))
    tensors = [None if a is None else case.tensor(a) for a in arrays.values()]
    y = deform_conv2d.apply(*tensors, **attrs)
    tol = dict(rtol=1e-10, atol=1e-10) if dtype == "float64" else dict(rtol=2e-4, atol=2e-4)
    assert y.dims() == list(expected.shape)
    np.testing.assert_allclose(y.to_numpy(), expected, **tol)


@pytest.mark.parametrize("name, x_shape, w_shape, mask, bias, attrs", DEFORM,
                         ids=[c[0] for c in DEFORM])
def test_deform_conv2d_matches_torchvision(backend: Any, name: str, x_shape: list[int],
                                           w_shape: list[int], mask: bool, bias: bool,
                                           attrs: dict[str, Any]) -> None:
    """Forward and every gradient against ``torchvision.ops.deform_conv2d`` (float64)."""
    tv = pytest.importorskip("torchvision.ops")
    case = backend.f64
    arrays = _deform_arrays(x_shape, w_shape, mask, bias, attrs)
    a = _norm_attrs(attrs)
    tt = {k: None if v is None else torch.tensor(v, requires_grad=True)
          for k, v in arrays.items()}
    ty = tv.deform_conv2d(tt["x"], tt["offset"], tt["weight"], tt["bias"], stride=a["stride"],
                          padding=a["padding"], dilation=a["dilation"], mask=tt["mask"])
    ours = {k: None if v is None else case.tensor(v) for k, v in arrays.items()}
    if case.autodiff:
        ours = {k: None if v is None else v.require_grad() for k, v in ours.items()}
    y = deform_conv2d.apply(*ours.values(), **attrs)
    np.testing.assert_allclose(y.to_numpy(), ty.detach().numpy(), rtol=1e-10, atol=1e-10)
    if not case.autodiff:
        return
    cot = np.random.default_rng(2).standard_normal(tuple(ty.shape))
    (ty * torch.tensor(cot)).sum().backward()
    grads = (y * case.tensor(cot)).sum().backward()
    for key, t in ours.items():
        if t is not None:
            np.testing.assert_allclose(t.grad(grads).to_numpy(), tt[key].grad.numpy(),
                                       rtol=1e-9, atol=1e-9, err_msg=key)


# Small versions of DEFORM for central differences (two forwards per input element).
DEFORM_FD: list[tuple[str, list[int], list[int], bool, bool, dict[str, Any]]] = [
    ("plain", [1, 2, 3, 4], [2, 2, 2, 2], False, True, {}),
    ("mask-stride-padding", [1, 2, 4, 3], [2, 2, 2, 2], True, True,
     dict(stride=(2, 1), padding=(1, 0))),
    ("groups-dilation", [1, 4, 3, 3], [2, 2, 2, 2], True, False,
     dict(padding=1, dilation=(1, 2), weight_groups=2, offset_groups=2)),
]


@pytest.mark.parametrize("name, x_shape, w_shape, mask, bias, attrs", DEFORM_FD,
                         ids=[c[0] for c in DEFORM_FD])
def test_deform_conv2d_gradients_match_finite_differences(
        ad_backend: Any, name: str, x_shape: list[int], w_shape: list[int], mask: bool,
        bias: bool, attrs: dict[str, Any]) -> None:
    """Input, offset, weight, mask and bias gradients (offsets away from the kinks of the
    bilinear read: fractional, not within 1e-3 of an integer)."""
    arrays = _deform_arrays(x_shape, w_shape, mask, bias, attrs, seed=7)
    offset = arrays["offset"]
    assert offset is not None
    frac = offset - np.round(offset)
    arrays["offset"] = np.where(np.abs(frac) < 1e-3, offset + 0.01, offset)
    present = [v for v in arrays.values() if v is not None]
    names = [k for k, v in arrays.items() if v is not None]

    def fn(*tensors: Any) -> Any:
        given = dict(zip(names, tensors))
        return deform_conv2d.apply(given["x"], given["offset"], given["weight"],
                                   given.get("mask"), given.get("bias"), **attrs)

    gradcheck(ad_backend.f64, fn, *present)


def test_zero_offsets_without_mask_are_conv2d(backend: Any) -> None:
    """With zero offsets every tap reads its grid point: the op is ``conv2d`` (any groups)."""
    case = backend.f64
    rng = np.random.default_rng(3)
    x, w, b = (rng.standard_normal(s) for s in ([2, 4, 7, 6], [6, 2, 3, 2], [6]))
    attrs = dict(stride=(2, 1), padding=(1, 1), dilation=(1, 2))
    expected = conv2d.apply(case.tensor(x), case.tensor(w), case.tensor(b), groups=2, **attrs)
    zeros = case.tensor(np.zeros([2, 2 * 2 * 6, *expected.dims()[2:]]))
    y = deform_conv2d.apply(case.tensor(x), zeros, case.tensor(w), None, case.tensor(b),
                            weight_groups=2, offset_groups=2, **attrs)
    np.testing.assert_allclose(y.to_numpy(), expected.to_numpy(), rtol=1e-12, atol=1e-12)
    ones = case.tensor(np.ones([2, 2 * 6, *expected.dims()[2:]]))
    masked = deform_conv2d.apply(case.tensor(x), zeros, case.tensor(w), ones, case.tensor(b),
                                 weight_groups=2, offset_groups=2, **attrs)
    np.testing.assert_allclose(masked.to_numpy(), expected.to_numpy(), rtol=1e-12, atol=1e-12)


def test_integer_offsets_shift_the_input(backend: Any) -> None:
    """An offset of (+1, -2) on every tap reads the image 1 row down and 2 columns left: a
    valid ``conv2d`` of the zero-padded image, its window moved by (1, -2)."""
    case = backend.f64
    rng = np.random.default_rng(4)
    x, w = rng.standard_normal([1, 2, 6, 7]), rng.standard_normal([3, 2, 3, 3])
    padded = np.pad(x, [(0, 0), (0, 0), (3, 3), (3, 3)])
    full = conv2d.apply(case.tensor(padded), case.tensor(w), None).to_numpy()
    expected = full[:, :, 3:9, 0:7]          # out[p, q] reads x[p + i, q + j - 3]
    offset = np.zeros([1, 18, 6, 7])
    offset[:, 0::2], offset[:, 1::2] = 1.0, -2.0
    y = deform_conv2d.apply(case.tensor(x), case.tensor(offset), case.tensor(w), None, None,
                            padding=1)
    np.testing.assert_allclose(y.to_numpy(), expected, rtol=1e-12, atol=1e-12)


# --- DeformConv2d -------------------------------------------------------------------------------
def test_deform_layer_forward_is_the_op(ad_backend: Any) -> None:
    """The layer resolves its padding config and passes weight, bias, offsets and mask on;
    every parameter and the offsets get a gradient."""
    case = ad_backend.f64
    layer = DeformConv2dConfig([4, 6], [3, 3]).with_padding(P2.Same()).with_stride([2, 1]) \
        .with_weight_groups(2).with_offset_groups(2).init(case.device)
    arrays = _deform_arrays([2, 4, 5, 6], [6, 2, 3, 3], True, True,
                            dict(stride=(2, 1), padding=1, offset_groups=2))
    x, offset, mask = (case.tensor(arrays[k]).require_grad() for k in ("x", "offset", "mask"))
    y = layer(x, offset, mask)
    assert y.dims() == [2, 6, 3, 6]
    expected = deform_conv2d_reference(
        arrays["x"], arrays["offset"], layer.weight.val().to_numpy(), arrays["mask"],
        layer.bias.val().to_numpy(), (2, 1), (1, 1), (1, 1), 2, 2)
    np.testing.assert_allclose(y.to_numpy(), expected, rtol=1e-10, atol=1e-10)
    grads = y.sum().backward()
    for t in (x, offset, mask, layer.weight.val(), layer.bias.val()):
        assert t.grad(grads) is not None


def test_deform_defaults_init_and_display(backend: Any) -> None:
    d = backend.device
    cfg = DeformConv2dConfig([4, 6], [3, 3])
    assert (cfg.stride, cfg.dilation, cfg.weight_groups, cfg.offset_groups, cfg.padding,
            cfg.bias) == ([1, 1], [1, 1], 1, 1, P2.Valid(), True)
    layer = cfg.with_weight_groups(2).init(d)
    assert list(layer.weight.shape) == [6, 2, 3, 3] and list(layer.bias.shape) == [6]
    bound = 1.0 / math.sqrt(2 * 9)           # fan_in = channels_in / weight_groups * k
    assert np.abs(layer.weight.val().to_numpy()).max() <= bound
    assert str(DeformConv2dConfig([5, 1], [5, 5]).init(d)) == (
        "DeformConv2d {stride: [1, 1], kernel_size: [5, 5], dilation: [1, 1], weight_groups: 1, "
        "offset_groups: 1, padding: Valid, params: 126}")
    assert DeformConv2dConfig([2, 2], [1, 1]).with_bias(False).init(d).bias is None


class DeformNet(Module):
    deform: DeformConv2d
    up: ConvTranspose3d


def _net(case: Any) -> DeformNet:
    return DeformNet(DeformConv2dConfig([2, 4], [3, 3]).with_padding(P2.Explicit(1, 1))
                     .init(case.device),
                     ConvTranspose3dConfig([2, 4], [2, 2, 2]).with_groups(2).init(case.device))


@pytest.mark.parametrize("recorder_cls", [NamedMpkFileRecorder, SafetensorsFileRecorder])
@pytest.mark.parametrize("precision", [FullPrecisionSettings, DoublePrecisionSettings],
                         ids=lambda p: p.__name__)
def test_record_round_trip(backend: Any, tmp_path: Path, recorder_cls: Any,
                           precision: Any) -> None:
    source = _net(backend)
    record = source.into_record()
    assert list(record["deform"]) == ["weight", "bias"]
    assert list(record["up"]) == ["weight", "bias"]
    source.save_file(str(tmp_path / "net"), recorder_cls(precision))
    loaded = _net(backend).load_file(str(tmp_path / "net"), recorder_cls(precision),
                                     backend.device)
    for (name, a), (_, b) in zip(source.named_params(), loaded.named_params()):
        np.testing.assert_allclose(b.val().to_numpy(), a.val().to_numpy(), rtol=1e-7,
                                   atol=1e-7, err_msg=name)
    cfg = DeformConv2dConfig([2, 4], [3, 3]).with_padding(P2.Same()).with_offset_groups(2)
    assert DeformConv2dConfig.from_json(cfg.to_json()) == cfg


def test_conv_transpose3d_from_torch_and_back(backend: Any) -> None:
    from pyburn.nn import from_torch, load_torch_state_dict, to_torch_state_dict
    case = backend.f64
    torch.manual_seed(0)
    tmod = torch.nn.ConvTranspose3d(4, 6, (2, 3, 2), stride=(2, 1, 2), padding=(1, 0, 0),
                                    output_padding=(1, 0, 0), groups=2, dilation=(1, 2, 1))
    tmod = tmod.double()
    layer = from_torch(tmod, case.device)
    assert isinstance(layer, ConvTranspose3d)
    x_np = np.random.default_rng(1).standard_normal([1, 4, 3, 4, 2])
    np.testing.assert_allclose(layer(case.tensor(x_np)).to_numpy(),
                               tmod(torch.tensor(x_np)).detach().numpy(), rtol=1e-10,
                               atol=1e-10)
    exported = to_torch_state_dict(layer)
    for key, value in tmod.state_dict().items():
        np.testing.assert_array_equal(exported[key], value.numpy())
    fresh = ConvTranspose3dConfig([4, 6], [2, 3, 2]).with_groups(2).init(case.device)
    reloaded = load_torch_state_dict(fresh, tmod.state_dict())
    np.testing.assert_array_equal(reloaded.weight.val().to_numpy(), tmod.weight.detach().numpy())


# --- errors ------------------------------------------------------------------------------------
def test_bad_configs_are_refused(backend: Any) -> None:
    d = backend.device
    with pytest.raises(ValueError, match=r"ConvTranspose3dConfig\.init: both channels must be "
                                         r"divisible.*channels_in=3.*groups=2"):
        ConvTranspose3dConfig([3, 4], [2, 2, 2]).with_groups(2).init(d)
    with pytest.raises(ValueError, match=r"DeformConv2dConfig\.init: both channels must be "
                                         r"divisible.*channels_in=1, channels_out=4, groups=4"):
        DeformConv2dConfig([1, 4], [1, 1]).with_weight_groups(4).init(d)
    with pytest.raises(ValueError, match=r"DeformConv2dConfig\.init: 'Same' padding with an "
                                         r"even kernel size.*\[2, 3\]"):
        DeformConv2dConfig([4, 4], [2, 3]).with_padding(P2.Same()).init(d)
    with pytest.raises(ValueError, match=r"DeformConv2dConfig\.init: channels_in must be "
                                         r"divisible by the number of offset groups; got "
                                         r"channels_in=4, offset_groups=3"):
        DeformConv2dConfig([4, 4], [3, 3]).with_offset_groups(3).init(d)


def test_wrong_inputs_name_layer_expected_and_actual(backend: Any) -> None:
    d = backend.device
    t = ConvTranspose3dConfig([4, 2], [2, 2, 2]).init(d)
    with pytest.raises(ShapeError, match=r"ConvTranspose3d\.forward: expected 4 input channels.*"
                                         r"\[1, 3, 2, 2, 2\]"):
        t(backend.tensor(np.zeros([1, 3, 2, 2, 2])))
    with pytest.raises(RankError, match=r"ConvTranspose3d\.forward.*rank 5.*"
                                        r"\[batch, 4, depth, height, width\]"):
        t(backend.tensor(np.zeros([1, 4, 2, 2])))
    layer = DeformConv2dConfig([3, 2], [3, 3]).init(d)
    x = backend.tensor(np.zeros([1, 3, 6, 6]))
    with pytest.raises(ShapeError, match=r"DeformConv2d\.forward: expected 3 input channels"):
        layer(backend.tensor(np.zeros([1, 4, 6, 6])), backend.tensor(np.zeros([1, 18, 4, 4])))
    with pytest.raises(ShapeError, match=r"deform_conv2d: expected offset of shape "
                                         r"\[1, 18, 4, 4\].*got \[1, 18, 6, 6\]"):
        layer(x, backend.tensor(np.zeros([1, 18, 6, 6])))
    with pytest.raises(ShapeError, match=r"deform_conv2d: expected mask of shape "
                                         r"\[1, 9, 4, 4\].*got \[1, 18, 4, 4\]"):
        layer(x, backend.tensor(np.zeros([1, 18, 4, 4])), backend.tensor(np.zeros([1, 18, 4, 4])))
    with pytest.raises(RankError, match=r"deform_conv2d: expected offset of rank 4"):
        layer(x, backend.tensor(np.zeros([18, 4, 4])))
    asym = DeformConv2dConfig([3, 2], [3, 3]).with_padding(P2.Explicit(1, 1, 2, 1)).init(d)
    with pytest.raises(ValueError, match=r"DeformConv2d\.forward: asymmetric padding"):
        asym(x, backend.tensor(np.zeros([1, 18, 5, 4])))


def test_op_checks_shapes_and_options(backend: Any) -> None:
    x = backend.tensor(np.zeros([1, 4, 5, 5]))
    off = backend.tensor(np.zeros([1, 18, 3, 3]))
    with pytest.raises(ShapeError, match=r"deform_conv2d: the input's 4 channels must equal.*"
                                         r"weight_groups \(1\) = 3"):
        deform_conv2d.apply(x, off, backend.tensor(np.zeros([2, 3, 3, 3])), None, None)
    w = backend.tensor(np.zeros([3, 2, 3, 3]))
    with pytest.raises(ShapeError, match=r"deform_conv2d: channels_out \(3\) must be divisible "
                                         r"by weight_groups \(2\)"):
        deform_conv2d.apply(x, off, w, None, None, weight_groups=2)
    w = backend.tensor(np.zeros([2, 4, 3, 3]))
    with pytest.raises(ShapeError, match=r"deform_conv2d: channels_in \(4\) must be divisible "
                                         r"by offset_groups \(3\)"):
        deform_conv2d.apply(x, off, w, None, None, offset_groups=3)
    with pytest.raises(ShapeError, match=r"deform_conv2d: expected a bias of shape \[2\]"):
        deform_conv2d.apply(x, off, w, None, backend.tensor(np.zeros(3)))
    with pytest.raises(ShapeError, match=r"deform_conv2d: input of shape \[1, 4, 5, 5\] is "
                                         r"too small"):
        deform_conv2d.apply(x, off, w, None, None, dilation=3)
    with pytest.raises(ShapeError, match=r"deform_conv2d: `stride` must be an int >= 1"):
        deform_conv2d.apply(x, off, w, None, None, stride=0)
    with pytest.raises(TypeError, match=r"deform_conv2d: unknown option\(s\) \['groups'\]"):
        deform_conv2d.apply(x, off, w, None, None, groups=2)
