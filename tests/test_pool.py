"""Pooling layers and ops against torch, on every backend row.

Each case builds a pyburn layer and the torch layer it stands for, runs both on the same input in
float64 (tight) and float32, and compares the output; Autodiff rows also compare the input
gradient of a random weighting of the output. Cases cover kernel/stride/padding/dilation,
``ceil_mode``, ``count_include_pad`` both ways, odd sizes, batch 1, Burn's asymmetric ``Same``
padding (torch on an explicitly padded input), and ties in max pooling (the gradient goes to the
window's first maximum, as torch). Then: the composite default equals the native kernels,
finite differences hold on both paths, records round-trip, and bad input names the layer."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from gradcheck import gradcheck
from torch_compare import compare_with_torch, force_composite, values_and_grad
from pyburn import Tensor
from pyburn.module import Module
from pyburn.nn import (AdaptiveAvgPool1dConfig, AdaptiveAvgPool2dConfig, AvgPool1dConfig,
                       AvgPool2dConfig, Linear, LinearConfig, MaxPool1dConfig, MaxPool2d,
                       MaxPool2dConfig, PaddingConfig1d, PaddingConfig2d)
from pyburn.record import (BinBytesRecorder, DoublePrecisionSettings, FullPrecisionSettings,
                           NamedMpkBytesRecorder)
from pyburn.tensor.errors import RankError, ShapeError
from pyburn.tensor.module_ops import (adaptive_avg_pool2d, avg_pool2d, max_pool1d_with_indices,
                                      max_pool2d, max_pool2d_with_indices)
from pyburn.tensor.module_ops.pool import (adaptive_avg_pool2d_op, avg_pool2d_op,
                                           max_pool2d_with_indices_op)

TOL = {"float64": (1e-12, 1e-12), "float32": (1e-5, 1e-6)}


def _pad_torch(value: float, pads: tuple[int, ...], layer: Any) -> Callable[[Any], Any]:
    return lambda t: layer(F.pad(t, pads, value=value))


# (id, input shape, pyburn layer, torch layer)
CASES: list[tuple[str, tuple[int, ...], Any, Any]] = [
    ("avg2d-k3x2-s2x1-p1x0-cip", (2, 3, 7, 6),
     AvgPool2dConfig([3, 2]).with_strides([2, 1]).with_padding(PaddingConfig2d.Explicit(1, 0)),
     torch.nn.AvgPool2d((3, 2), (2, 1), (1, 0))),
    ("avg2d-k3-s2-p1-nocip-ceil", (1, 2, 6, 7),
     AvgPool2dConfig([3, 3]).with_strides([2, 2]).with_padding(PaddingConfig2d.Explicit(1, 1))
     .with_count_include_pad(False).with_ceil_mode(True),
     torch.nn.AvgPool2d(3, 2, 1, ceil_mode=True, count_include_pad=False)),
    ("avg2d-k3-s2-p1-cip-ceil", (1, 1, 6, 6),
     AvgPool2dConfig([3, 3]).with_strides([2, 2]).with_padding(PaddingConfig2d.Explicit(1, 1))
     .with_ceil_mode(True),
     torch.nn.AvgPool2d(3, 2, 1, ceil_mode=True, count_include_pad=True)),
    ("avg2d-default-stride", (2, 2, 5, 5), AvgPool2dConfig([2, 2]), torch.nn.AvgPool2d(2)),
    ("avg2d-same-k2", (1, 2, 5, 4),
     AvgPool2dConfig([2, 2]).with_strides([1, 1]).with_padding(PaddingConfig2d.Same()),
     _pad_torch(0.0, (0, 1, 0, 1), torch.nn.AvgPool2d(2, 1))),
    ("avg1d-k3-s2-p1-nocip", (2, 3, 9),
     AvgPool1dConfig(3).with_stride(2).with_padding(PaddingConfig1d.Explicit(1))
     .with_count_include_pad(False),
     torch.nn.AvgPool1d(3, 2, 1, count_include_pad=False)),
    ("avg1d-k2-ceil", (1, 2, 7), AvgPool1dConfig(2).with_ceil_mode(True),
     torch.nn.AvgPool1d(2, ceil_mode=True)),
    ("max2d-k3x2-s2x1-p1-d2x1", (2, 3, 9, 6),
     MaxPool2dConfig([3, 2]).with_strides([2, 1]).with_padding(PaddingConfig2d.Explicit(1, 1))
     .with_dilation([2, 1]),
     torch.nn.MaxPool2d((3, 2), (2, 1), 1, (2, 1))),
    ("max2d-k3-s2-p1-ceil", (1, 2, 6, 7),
     MaxPool2dConfig([3, 3]).with_strides([2, 2]).with_padding(PaddingConfig2d.Explicit(1, 1))
     .with_ceil_mode(True),
     torch.nn.MaxPool2d(3, 2, 1, ceil_mode=True)),
    ("max2d-default-stride", (2, 2, 5, 5), MaxPool2dConfig([2, 2]), torch.nn.MaxPool2d(2)),
    ("max2d-same-k4-s1", (1, 2, 6, 5),
     MaxPool2dConfig([4, 4]).with_strides([1, 1]).with_padding(PaddingConfig2d.Same()),
     _pad_torch(float("-inf"), (1, 2, 1, 2), torch.nn.MaxPool2d(4, 1))),
    ("max1d-k3-s1-p1-d2", (2, 3, 8),
     MaxPool1dConfig(3).with_stride(1).with_padding(PaddingConfig1d.Explicit(1)).with_dilation(2),
     torch.nn.MaxPool1d(3, 1, 1, 2)),
    ("max1d-k2-ceil", (1, 1, 7), MaxPool1dConfig(2).with_ceil_mode(True),
     torch.nn.MaxPool1d(2, ceil_mode=True)),
    ("adaptive2d-down", (2, 3, 7, 6), AdaptiveAvgPool2dConfig([3, 4]),
     torch.nn.AdaptiveAvgPool2d((3, 4))),
    ("adaptive2d-up", (1, 2, 3, 5), AdaptiveAvgPool2dConfig([5, 7]),
     torch.nn.AdaptiveAvgPool2d((5, 7))),
    ("adaptive2d-1x1", (2, 2, 5, 5), AdaptiveAvgPool2dConfig([1, 1]),
     torch.nn.AdaptiveAvgPool2d(1)),
    ("adaptive1d", (2, 3, 10), AdaptiveAvgPool1dConfig(4), torch.nn.AdaptiveAvgPool1d(4)),
]


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("shape,config,reference", [c[1:] for c in CASES],
                         ids=[c[0] for c in CASES])
def test_pool_matches_torch(backend: Any, dtype: str, shape: tuple[int, ...], config: Any,
                            reference: Any) -> None:
    x = np.random.default_rng(0).standard_normal(shape)
    compare_with_torch(backend, dtype, config.init(), reference, x, TOL)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
def test_max_pool_ties_match_torch(backend: Any, dtype: str) -> None:
    """Windows full of equal values (and overlapping windows sharing a maximum): torch gives the
    whole gradient to the first maximum of each window, and so must every backend."""
    x = np.random.default_rng(1).integers(0, 2, (2, 2, 6, 7)).astype(np.float64)
    x[0, 0] = 1.0
    for config, reference in [
        (MaxPool2dConfig([2, 2]), torch.nn.MaxPool2d(2)),
        (MaxPool2dConfig([3, 3]).with_strides([1, 2]).with_padding(PaddingConfig2d.Explicit(1, 1)),
         torch.nn.MaxPool2d(3, (1, 2), 1)),
        (MaxPool2dConfig([2, 3]).with_strides([1, 1]).with_dilation([2, 2]),
         torch.nn.MaxPool2d((2, 3), 1, 0, 2)),
    ]:
        compare_with_torch(backend, dtype, config.init(), reference, x, TOL)


def test_max_pool_indices_match_torch(backend: Any) -> None:
    """The backend-level op returns torch's flat ``h * width + w`` indices, ties included."""
    rng = np.random.default_rng(2)
    for x_np in (rng.standard_normal((2, 3, 7, 8)), rng.integers(0, 2, (1, 2, 6, 6)) * 1.0):
        x = backend.f64.tensor(x_np)
        values, index = max_pool2d_with_indices(x, (3, 2), (2, 1), (1, 1), (1, 2), True)
        v_t, i_t = F.max_pool2d(torch.tensor(x_np), (3, 2), (2, 1), (1, 1), (1, 2), True,
                                return_indices=True)
        assert index.kind.prefix == "int"
        np.testing.assert_array_equal(index.to_data().as_numpy(), i_t.numpy())
        np.testing.assert_array_equal(values.to_data().as_numpy(), v_t.numpy())
    x_np = rng.standard_normal((2, 3, 9))
    values, index = max_pool1d_with_indices(backend.f64.tensor(x_np), 3, 2, 1, 2)
    v_t, i_t = F.max_pool1d(torch.tensor(x_np), 3, 2, 1, 2, return_indices=True)
    np.testing.assert_array_equal(index.to_data().as_numpy(), i_t.numpy())
    np.testing.assert_array_equal(values.to_data().as_numpy(), v_t.numpy())


# --- composite default vs native kernels -------------------------------------------------------
OPS = [
    ("avg", lambda x: avg_pool2d(x, (3, 2), (2, 1), (1, 1), False, True)),
    ("avg-cip", lambda x: avg_pool2d(x, 2, 2, 0, True, False)),
    ("max", lambda x: max_pool2d(x, (3, 2), (2, 1), (1, 1), (2, 1), True)),
    ("max-ties", lambda x: max_pool2d(x, 2, 1)),          # on a rounded input: ties
    ("adaptive", lambda x: adaptive_avg_pool2d(x, (4, 3))),
]


@pytest.fixture
def composite_only(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    return lambda: force_composite(monkeypatch, avg_pool2d_op, max_pool2d_with_indices_op,
                                   adaptive_avg_pool2d_op)


@pytest.mark.parametrize("name,fn", OPS, ids=[o[0] for o in OPS])
def test_composite_equals_native(backend: Any, composite_only: Callable[[], None], name: str,
                                 fn: Callable[[Any], Any]) -> None:
    case = backend.f64
    assert avg_pool2d_op.has_native(case.inner)
    x_np = np.random.default_rng(4).standard_normal((2, 2, 7, 6)) * 2.0
    if name == "max-ties":
        x_np = np.round(x_np)
    native = values_and_grad(case, fn, x_np)
    composite_only()
    assert not avg_pool2d_op.has_native(case.inner)
    composite = values_and_grad(case, fn, x_np)
    for a, b in zip(native, composite):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-13)


@pytest.mark.parametrize("path", ["native", "composite"])
@pytest.mark.parametrize("name,fn", [o for o in OPS if o[0] != "max-ties"],
                         ids=[o[0] for o in OPS if o[0] != "max-ties"])
def test_finite_differences(ad_backend: Any, composite_only: Callable[[], None], path: str,
                            name: str, fn: Callable[[Any], Any]) -> None:
    if path == "composite":
        composite_only()
    x = np.random.default_rng(6).permutation(30).reshape(1, 1, 6, 5) / 7.0   # no ties
    gradcheck(ad_backend.f64, fn, x)


# --- modules: records, display, errors ---------------------------------------------------------
class PoolNet(Module):
    pool: MaxPool2d
    linear: Linear

    def forward(self, x: Any) -> Any:
        return self.linear(self.pool(x).reshape([x.shape[0], -1]))


def test_record_round_trip(backend: Any) -> None:
    """Pools have no parameters: their record is empty and loading keeps the layer's config."""
    case = backend
    net = PoolNet(MaxPool2dConfig([2, 2]).init(), LinearConfig(4, 3).init(case.device))
    x = case.tensor(np.random.default_rng(7).standard_normal((2, 1, 4, 4)))
    for recorder in (NamedMpkBytesRecorder(FullPrecisionSettings),
                     BinBytesRecorder(DoublePrecisionSettings)):
        blank = PoolNet(MaxPool2dConfig([2, 2]).init(), LinearConfig(4, 3).init(case.device))
        loaded = blank.load_record(recorder.load(recorder.record(net.into_record())))
        assert loaded.into_record()["pool"] == {}
        np.testing.assert_allclose(loaded(x).to_data().as_numpy(), net(x).to_data().as_numpy(),
                                   rtol=1e-6)
    assert str(net.pool) == ("MaxPool2d {kernel_size: [2, 2], stride: [2, 2], padding: Valid, "
                             "dilation: [1, 1], ceil_mode: false}")


def test_configs_follow_burn() -> None:
    assert AvgPool2dConfig([3, 2]).strides == [3, 2]          # strides default to the kernel
    assert MaxPool1dConfig(3).stride == 3
    cfg = AvgPool2dConfig([2, 2]).with_padding(PaddingConfig2d.Explicit(1, 1))
    assert AvgPool2dConfig.from_json(cfg.to_json()) == cfg
    assert cfg.count_include_pad and not cfg.ceil_mode
    assert MaxPool2dConfig([2, 2]).dilation == [1, 1]


@pytest.mark.parametrize("config,shape,layer", [
    (AvgPool2dConfig([2, 2]), (2, 3, 4), "AvgPool2d"),
    (MaxPool2dConfig([2, 2]), (1, 2, 3, 4, 5), "MaxPool2d"),
    (AvgPool1dConfig(2), (2, 3), "AvgPool1d"),
    (MaxPool1dConfig(2), (1, 2, 3, 4), "MaxPool1d"),
    (AdaptiveAvgPool2dConfig([2, 2]), (3, 4), "AdaptiveAvgPool2d"),
    (AdaptiveAvgPool1dConfig(2), (1, 3, 4, 4), "AdaptiveAvgPool1d"),
])
def test_wrong_rank_names_the_layer(backend: Any, config: Any, shape: tuple[int, ...],
                                    layer: str) -> None:
    x = backend.tensor(np.zeros(shape))
    with pytest.raises(RankError, match=rf"{layer}\.forward: expected an input of rank "
                                        rf".*got shape \[{', '.join(map(str, shape))}\]"):
        config.init()(x)


def test_bad_windows_name_the_op(backend: Any) -> None:
    x = backend.tensor(np.zeros((1, 1, 4, 4)))
    with pytest.raises(ShapeError, match=r"max_pool2d_with_indices: the \(dilated\) kernel 5 is "
                                         r"larger than the padded input 4"):
        max_pool2d(x, 5, 1)
    with pytest.raises(ValueError, match=r"avg_pool2d: padding must be at most half the kernel "
                                         r"size \(1\), got 2"):
        avg_pool2d(x, 3, 1, 2)
    with pytest.raises(ValueError, match=r"avg_pool2d: kernel, stride and dilation must be >= 1"):
        avg_pool2d(x, 2, 0)
    with pytest.raises(ValueError, match=r"AdaptiveAvgPool2dConfig.init: output_size must be two "
                                         r"sizes >= 1, got \[0, 2\]"):
        AdaptiveAvgPool2dConfig([0, 2]).init()
    with pytest.raises(RankError, match=r"adaptive_avg_pool2d: expected a rank-4 input"):
        adaptive_avg_pool2d(backend.tensor(np.zeros((2, 2))), 1)
