"""`Interpolate1d/2d` and the ``interpolate`` op against ``torch.nn.functional.interpolate``.

Every mode (Burn's Nearest, NearestExact, Linear, Cubic = torch's nearest, nearest-exact,
bilinear, bicubic) with align_corners both ways, up- and downsampling to odd sizes, batch 1, in
float64 (tight) and float32 on every backend row; Autodiff rows also compare the input gradient.
Then: scale factors become Burn's ``floor(size * factor)``, the composite default equals the
native kernels, finite differences hold on both paths, and bad configs/inputs name the layer."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from gradcheck import gradcheck
from torch_compare import compare_with_torch, force_composite, values_and_grad
from pyburn.nn import (Interpolate1dConfig, Interpolate2dConfig, InterpolateMode)
from pyburn.tensor.errors import RankError
from pyburn.tensor.module_ops import interpolate
from pyburn.tensor.module_ops.interpolate import interpolate_op

TOL = {"float64": (1e-12, 1e-12), "float32": (2e-5, 2e-6)}
MODES = [(InterpolateMode.Nearest(), "nearest"), (InterpolateMode.NearestExact(), "nearest-exact"),
         (InterpolateMode.Linear(), "bilinear"), (InterpolateMode.Cubic(), "bicubic")]
SIZES = [((2, 3, 5, 4), [9, 7]), ((1, 2, 7, 6), [3, 4]), ((1, 1, 4, 5), [1, 8])]


def _torch_resize(x: Any, size: list[int], mode: str, align_corners: bool) -> Any:
    corners = None if mode.startswith("nearest") else align_corners
    return F.interpolate(x, size=size, mode=mode, align_corners=corners)


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("align_corners", [True, False], ids=["corners", "half-pixel"])
@pytest.mark.parametrize("mode,torch_mode", MODES, ids=[m[1] for m in MODES])
def test_interpolate2d_matches_torch(backend: Any, dtype: str, align_corners: bool, mode: Any,
                                     torch_mode: str) -> None:
    for shape, size in SIZES:
        layer = (Interpolate2dConfig(output_size=size).with_mode(mode)
                 .with_align_corners(align_corners).init())
        x = np.random.default_rng(0).standard_normal(shape)
        compare_with_torch(backend, dtype, layer,
                           lambda t: _torch_resize(t, size, torch_mode, align_corners), x, TOL)


@pytest.mark.parametrize("align_corners", [True, False], ids=["corners", "half-pixel"])
@pytest.mark.parametrize("mode,torch_mode", MODES, ids=[m[1] for m in MODES])
def test_interpolate1d_matches_torch(backend: Any, align_corners: bool, mode: Any,
                                     torch_mode: str) -> None:
    """Burn's 1-D layer is the 2-D op on ``[batch, channels, 1, length]``; torch's 1-D modes are
    the same maps (``linear`` = bilinear on one row; torch has no 1-D cubic, so bicubic on the
    unsqueezed input is the reference)."""
    x = np.random.default_rng(1).standard_normal((2, 3, 7))
    for size in (12, 4):
        layer = (Interpolate1dConfig(output_size=size).with_mode(mode)
                 .with_align_corners(align_corners).init())
        compare_with_torch(backend, "float64", layer,
                           lambda t: _torch_resize(t.unsqueeze(2), [1, size], torch_mode,
                                                   align_corners).squeeze(2), x, TOL)


def test_scale_factor_sets_the_size(backend: Any) -> None:
    """Burn computes ``floor(size * factor)`` and resizes to that size."""
    x = np.random.default_rng(2).standard_normal((1, 2, 5, 3))
    layer = Interpolate2dConfig(scale_factor=[1.5, 2.5]).with_mode(InterpolateMode.Linear()).init()
    compare_with_torch(backend, "float64", layer,
                       lambda t: _torch_resize(t, [7, 7], "bilinear", True), x, TOL)
    y = Interpolate1dConfig(scale_factor=0.5).init()(backend.tensor(x[0]))
    assert list(y.shape) == [2, 5, 1]


@pytest.fixture
def composite_only(monkeypatch: pytest.MonkeyPatch) -> Callable[[], None]:
    return lambda: force_composite(monkeypatch, interpolate_op)


OP_MODES = ["nearest", "nearest_exact", "bilinear", "bicubic"]


@pytest.mark.parametrize("align_corners", [True, False], ids=["corners", "half-pixel"])
@pytest.mark.parametrize("mode", OP_MODES)
def test_composite_equals_native(backend: Any, composite_only: Callable[[], None], mode: str,
                                 align_corners: bool) -> None:
    case = backend.f64
    x_np = np.random.default_rng(4).standard_normal((2, 2, 5, 6))

    def run() -> list[np.ndarray]:
        return values_and_grad(case, lambda x: interpolate(x, [7, 4], mode, align_corners), x_np)

    assert interpolate_op.has_native(case.inner)
    native = run()
    composite_only()
    assert not interpolate_op.has_native(case.inner)
    for a, b in zip(native, run()):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-13)


@pytest.mark.parametrize("path", ["native", "composite"])
@pytest.mark.parametrize("mode", OP_MODES)
def test_finite_differences(ad_backend: Any, composite_only: Callable[[], None], path: str,
                            mode: str) -> None:
    if path == "composite":
        composite_only()
    x = np.random.default_rng(6).standard_normal((1, 1, 4, 5))
    gradcheck(ad_backend.f64, lambda t: interpolate(t, [6, 3], mode, False), x)


def test_infinities_pass_through_nearest(backend: Any) -> None:
    """Nearest modes gather, so an infinite input gives infinities, not NaNs."""
    x = np.array([[[[1.0, np.inf], [-np.inf, 2.0]]]])
    y = Interpolate2dConfig(output_size=[4, 4]).init()(backend.tensor(x)).to_data().as_numpy()
    np.testing.assert_array_equal(y, F.interpolate(torch.tensor(x), size=[4, 4]).numpy())


def test_errors_name_the_layer(backend: Any) -> None:
    with pytest.raises(ValueError, match=r"Interpolate2dConfig.init: give exactly one of "
                                         r"output_size and scale_factor"):
        Interpolate2dConfig().init()
    with pytest.raises(ValueError, match=r"Interpolate1dConfig.init: give exactly one"):
        Interpolate1dConfig(output_size=3, scale_factor=2.0).init()
    with pytest.raises(ValueError, match=r"Interpolate2dConfig.init: output_size must be two "
                                         r"positive values, got \[3\]"):
        Interpolate2dConfig(output_size=[3]).init()
    with pytest.raises(RankError, match=r"Interpolate2d.forward: expected an input of rank 4 .*"
                                        r"got shape \[2, 3, 4\]"):
        Interpolate2dConfig(output_size=[2, 2]).init()(backend.tensor(np.zeros((2, 3, 4))))
    with pytest.raises(RankError, match=r"Interpolate1d.forward: expected an input of rank 3 .*"
                                        r"got shape \[2, 3, 4, 4\]"):
        Interpolate1dConfig(output_size=2).init()(backend.tensor(np.zeros((2, 3, 4, 4))))
    with pytest.raises(ValueError, match=r"interpolate: mode must be one of nearest, "
                                         r"nearest_exact, bilinear, bicubic, got 'area'"):
        interpolate(backend.tensor(np.zeros((1, 1, 2, 2))), [3, 3], "area")
    with pytest.raises(ValueError, match=r"Interpolate2d.forward: scale factor 0.1 turns size 5 "
                                         r"into 0"):
        Interpolate2dConfig(scale_factor=[0.1, 1.0]).init()(backend.tensor(np.zeros((1, 1, 5, 5))))


def test_config_round_trip() -> None:
    cfg = Interpolate2dConfig(output_size=[3, 4]).with_mode(InterpolateMode.Cubic())
    assert Interpolate2dConfig.from_json(cfg.to_json()) == cfg
    assert cfg.align_corners is True                   # Burn's default (torch's is False)
    assert str(cfg.init()) == "Interpolate2d {mode: Cubic, output_size: Some([3, 4]), scale_factor: None}"


def test_calculate_output_size() -> None:
    """Burn's ``calculate_output_size``: rank 3 is `Interpolate1d`'s form, rank 4
    `Interpolate2d`'s; a scale factor gives ``floor(size * factor)``."""
    from pyburn.nn.interpolate import calculate_output_size
    assert calculate_output_size([1, 1, 4], 2, None) == 2
    assert calculate_output_size([1, 1, 4], None, 1.5) == 6
    assert calculate_output_size([1, 1, 7], None, 0.5) == 3
    assert calculate_output_size([1, 1, 4, 5], [2, 3], None) == [2, 3]
    assert calculate_output_size([1, 1, 4, 5], None, [2.0, 1.5]) == [8, 7]
    assert calculate_output_size([1, 1, 4, 5], None, [0.1, 0.5]) == [0, 2]  # the layer refuses 0
    big = 2 ** 64 - 2                                                       # usize::MAX - 1
    assert calculate_output_size([1, 1, big], None, 0.5) == 2 ** 63
    cases = [
        (([1, 1, 4], None, None), r"calculate_output_size: either output_size or scale_factor "
                                  r"must be provided \(exactly one\)"),
        (([1, 1, 4, 4], [2, 2], [2.0, 2.0]), r"either output_size or scale_factor"),
        (([1, 1, big], None, 2.0), r"calculate_output_size: the scale factor is too large: "
                                   r"18446744073709551614 \* 2.0"),
        (([1, 1, big, 4], None, [2.0, 1.0]), r"the scale factor for height is too large"),
        (([1, 1, 4, big], None, [1.0, 2.0]), r"the scale factor for width is too large"),
        (([1, 1, 4], None, float("nan")), r"the scale factor must be >= 0, got nan"),
        (([1, 1, 4, 4], None, [1.0, -2.0]), r"the scale factor for width must be >= 0"),
        (([1, 4], 2, None), r"expected input_dims of rank 3 .* or rank 4 .*, got \[1, 4\]"),
        (([1, 1, 4, 4], [2], None), r"output_size must be \[height, width\], got \[2\]"),
    ]
    for args, message in cases:
        with pytest.raises(ValueError, match=message):
            calculate_output_size(*args)


def test_layers_size_their_output_with_calculate_output_size(backend: Any) -> None:
    x = backend.tensor(np.zeros((1, 2, 7, 5)))
    assert Interpolate2dConfig(scale_factor=[1.5, 0.5]).init()(x).dims() == [1, 2, 10, 2]
    assert Interpolate1dConfig(scale_factor=0.5).init()(x[:, :, :, 0]).dims() == [1, 2, 3]
    with pytest.raises(ValueError, match=r"Interpolate1d.forward: scale factor 0.1 turns size 7 "
                                         r"into 0"):
        Interpolate1dConfig(scale_factor=0.1).init()(x[:, :, :, 0])
