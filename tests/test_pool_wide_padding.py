"""Pooling layers with a symmetric padding wider than half the kernel (Burn accepts it, torch and
pyburn's pool ops refuse it; the layers pad the input themselves on that path).

Each case runs on every backend row against a plain NumPy loop over windows (Burn's semantics:
``-inf`` padding for max, zeros for average, the divisor with or without the padding, torch's
ceil-mode window rule) and against torch on the explicitly padded input (output and, on Autodiff
rows, the input gradient). Gradients are also checked by finite differences, windows that see
only padding give Burn's values (``-inf`` for max, NaN = 0/0 for an average without the padding)
with a finite input gradient, and the narrow path is left to the op."""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np
import pytest
import torch.nn.functional as F

from gradcheck import gradcheck
from torch_compare import compare_with_torch
from pyburn.nn import (AvgPool1dConfig, AvgPool2dConfig, MaxPool1dConfig, MaxPool2dConfig,
                       PaddingConfig1d, PaddingConfig2d)
from pyburn.nn.pool.wide_padding import is_wide
from pyburn.tensor.errors import ShapeError

TOL = {"float64": (1e-12, 1e-12), "float32": (1e-5, 1e-6)}


# --- the NumPy reference ------------------------------------------------------------------------
def _out_size(size: int, k: int, s: int, p: int, d: int, ceil: bool) -> int:
    span = size + 2 * p - d * (k - 1) - 1
    out = (math.ceil(span / s) if ceil else span // s) + 1
    if ceil and (out - 1) * s >= size + p:
        out -= 1
    return out


def reference_pool(x: np.ndarray, kind: str, k: list[int], s: list[int], p: list[int],
                   d: list[int], cip: bool, ceil: bool) -> np.ndarray:
    """Pooling of ``[n, c, h, w]`` window by window, reading the unpadded input."""
    n, c, h, w = x.shape
    oh, ow = (_out_size(size, k[i], s[i], p[i], d[i], ceil) for i, size in enumerate((h, w)))
    out = np.empty((n, c, oh, ow))
    for i in range(oh):
        for j in range(ow):
            rows = [i * s[0] - p[0] + a * d[0] for a in range(k[0])]
            cols = [j * s[1] - p[1] + b * d[1] for b in range(k[1])]
            inside = [(r, q) for r in rows for q in cols if 0 <= r < h and 0 <= q < w]
            values = [x[:, :, r, q] for r, q in inside]
            if kind == "max":
                out[:, :, i, j] = (np.max(values, axis=0) if values else -np.inf)
                continue
            total = np.sum(values, axis=0) if values else np.zeros((n, c))
            if cip:      # the window clipped to the padded input (ceil-mode overhang excluded)
                count = (sum(1 for r in rows if r < h + p[0])
                         * sum(1 for q in cols if q < w + p[1]))
            else:
                count = len(inside)
            out[:, :, i, j] = total / count if count else np.nan
    return out


def reference(kind: str, nd: int, k: list[int], s: list[int], p: list[int], d: list[int],
              cip: bool, ceil: bool) -> Callable[[np.ndarray], np.ndarray]:
    if nd == 2:
        return lambda x: reference_pool(x, kind, k, s, p, d, cip, ceil)
    return lambda x: reference_pool(x[..., None], kind, [k[0], 1], [s[0], 1], [p[0], 0],
                                    [d[0], 1], cip, ceil)[..., 0]


def layer(kind: str, nd: int, k: list[int], s: list[int], p: list[int], d: list[int],
          cip: bool, ceil: bool) -> Any:
    if nd == 1:
        pad1 = PaddingConfig1d.Explicit(p[0], p[0])
        if kind == "max":
            return (MaxPool1dConfig(k[0]).with_stride(s[0]).with_padding(pad1)
                    .with_dilation(d[0]).with_ceil_mode(ceil).init())
        return (AvgPool1dConfig(k[0]).with_stride(s[0]).with_padding(pad1)
                .with_count_include_pad(cip).with_ceil_mode(ceil).init())
    pad2 = PaddingConfig2d.Explicit(p[0], p[1], p[0], p[1])
    if kind == "max":
        return (MaxPool2dConfig(k).with_strides(s).with_padding(pad2).with_dilation(d)
                .with_ceil_mode(ceil).init())
    return (AvgPool2dConfig(k).with_strides(s).with_padding(pad2).with_count_include_pad(cip)
            .with_ceil_mode(ceil).init())


# (id, kind, input shape, kernel, stride, padding, dilation, count_include_pad, ceil_mode)
CASES: list[tuple[str, str, tuple[int, ...], list[int], list[int], list[int], list[int], bool,
                  bool]] = [
    ("max1d-k3-s1-p2", "max", (1, 2, 4), [3], [1], [2], [1], True, False),
    ("max1d-k2-s2-p2-ceil", "max", (2, 1, 7), [2], [2], [2], [1], True, True),
    ("max1d-k3-s2-p2-d2", "max", (1, 2, 9), [3], [2], [2], [2], True, False),
    ("max2d-k3-s1-p2", "max", (1, 2, 4, 5), [3, 3], [1, 1], [2, 2], [1, 1], True, False),
    ("max2d-k3x2-s2x1-p2x1-ceil", "max", (2, 1, 6, 5), [3, 2], [2, 1], [2, 1], [1, 1], True,
     True),
    ("max2d-k2-s3-p2-ceil", "max", (1, 1, 7, 8), [2, 2], [3, 3], [2, 2], [1, 1], True, True),
    ("avg1d-k3-s1-p2-cip", "avg", (1, 2, 4), [3], [1], [2], [1], True, False),
    ("avg1d-k3-s2-p2-nocip-ceil", "avg", (2, 1, 8), [3], [2], [2], [1], False, True),
    ("avg2d-k3-s1-p2-cip", "avg", (1, 2, 4, 5), [3, 3], [1, 1], [2, 2], [1, 1], True, False),
    ("avg2d-k3x2-s2x1-p2x1-nocip", "avg", (2, 1, 6, 5), [3, 2], [2, 1], [2, 1], [1, 1], False,
     False),
    ("avg2d-k2-s3-p2-cip-ceil", "avg", (1, 2, 7, 8), [2, 2], [3, 3], [2, 2], [1, 1], True,
     True),
    ("avg2d-k4-s2-p3-nocip-ceil", "avg", (1, 1, 5, 6), [4, 4], [2, 2], [3, 3], [1, 1], False,
     True),
]
IDS = [c[0] for c in CASES]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_wide_padding_matches_a_window_loop(backend: Any, case: Any) -> None:
    _, kind, shape, k, s, p, d, cip, ceil = case
    nd = len(k)
    assert is_wide([(v, v) for v in p], k)
    x_np = np.random.default_rng(0).standard_normal(shape)
    y = layer(kind, nd, k, s, p, d, cip, ceil)(backend.f64.tensor(x_np)).to_data().as_numpy()
    np.testing.assert_allclose(y, reference(kind, nd, k, s, p, d, cip, ceil)(x_np),
                               rtol=1e-12, atol=1e-13)


def _torch_reference(kind: str, nd: int, k: list[int], s: list[int], p: list[int],
                     d: list[int], ceil: bool, out: list[int]) -> Callable[[Any], Any]:
    """torch on the input padded by hand (the path torch itself refuses), cut to pyburn's
    output size (torch may keep a ceil-mode window that starts in the right padding)."""
    fill = float("-inf") if kind == "max" else 0.0
    pads = tuple(v for q in reversed(p) for v in (q, q))

    def run(t: Any) -> Any:
        padded = F.pad(t, pads, value=fill)
        if kind == "max":
            pool = F.max_pool1d if nd == 1 else F.max_pool2d
            y = pool(padded, k, s, 0, d, ceil)
        else:
            avg = F.avg_pool1d if nd == 1 else F.avg_pool2d
            y = avg(padded, k, s, 0, ceil, True)
        return y[..., : out[0]] if nd == 1 else y[..., : out[0], : out[1]]
    return run


# A max window of only padding is -inf: the weighted loss sums +-inf (NumPy warns), its gradient
# is finite.
@pytest.mark.filterwarnings("ignore:invalid value encountered:RuntimeWarning")
@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("case", [c for c in CASES if c[7]], ids=[c[0] for c in CASES if c[7]])
def test_wide_padding_matches_torch_on_a_padded_input(backend: Any, dtype: str,
                                                      case: Any) -> None:
    """Max, and average counting the padding, are torch's pools of the padded input."""
    _, kind, shape, k, s, p, d, cip, ceil = case
    nd = len(k)
    x_np = np.random.default_rng(1).standard_normal(shape)
    out = [_out_size(n, k[i], s[i], p[i], d[i], ceil) for i, n in enumerate(shape[2:])]
    compare_with_torch(backend, dtype, layer(kind, nd, k, s, p, d, cip, ceil),
                       _torch_reference(kind, nd, k, s, p, d, ceil, out), x_np, TOL)


def _all_finite(case: Any) -> bool:
    _, kind, shape, k, s, p, d, cip, ceil = case
    return bool(np.isfinite(reference(kind, len(k), k, s, p, d, cip, ceil)(np.ones(shape))).all())


FINITE = [c for c in CASES if _all_finite(c)]


@pytest.mark.parametrize("case", FINITE, ids=[c[0] for c in FINITE])
def test_wide_padding_finite_differences(ad_backend: Any, case: Any) -> None:
    """Every case whose windows all see the input (the others: `test_windows_of_only_padding`)."""
    _, kind, shape, k, s, p, d, cip, ceil = case
    x = np.random.default_rng(2).permutation(int(np.prod(shape))).reshape(shape) / 7.0  # no ties
    gradcheck(ad_backend.f64, layer(kind, len(k), k, s, p, d, cip, ceil), x)


def test_windows_of_only_padding(ad_backend: Any) -> None:
    """Burn's values where a window sees no input: max -inf, average without the padding NaN
    (0/0), with the padding 0; the input gradient stays finite and is torch's elsewhere."""
    case = ad_backend.f64
    x_np = np.random.default_rng(3).standard_normal((1, 1, 3))
    cases = [(MaxPool1dConfig(2).with_stride(1).with_padding(PaddingConfig1d.Explicit(3, 3)),
              -np.inf),
             (AvgPool1dConfig(2).with_stride(1).with_padding(PaddingConfig1d.Explicit(3, 3))
              .with_count_include_pad(False), np.nan),
             (AvgPool1dConfig(2).with_stride(1).with_padding(PaddingConfig1d.Explicit(3, 3)), 0.0)]
    for config, edge in cases:
        x = case.tensor(x_np).require_grad()
        y = config.init()(x)
        values = y.to_data().as_numpy()[0, 0]
        assert values.shape == (8,)
        np.testing.assert_array_equal(values[[0, -1]], [edge, edge])
        assert np.isfinite(values[2:-2]).all()
        weights = np.zeros(8)
        weights[1:-1] = np.random.default_rng(4).standard_normal(6)
        inner = y[:, :, 1:7] * case.tensor(weights[None, None, 1:7])
        g = x.grad(inner.sum().backward())
        assert g is not None and np.isfinite(g.to_data().as_numpy()).all()


def test_narrow_and_asymmetric_paddings_keep_their_path() -> None:
    """Only a symmetric padding wider than half the kernel takes the wide path."""
    assert not is_wide([(1, 1)], [3])
    assert not is_wide([(1, 1), (2, 2)], [3, 4])
    assert not is_wide([(2, 3)], [3])      # asymmetric: padded by the layer already
    assert is_wide([(0, 0), (2, 2)], [1, 3])


def test_wide_padding_display_and_errors(backend: Any) -> None:
    """The layer keeps Burn's display and shapes; a dilated kernel larger than the padded input
    is refused by the op, which names itself."""
    pool = MaxPool2dConfig([3, 3]).with_strides([1, 1]).with_padding(
        PaddingConfig2d.Explicit(2, 2, 2, 2)).init()
    assert str(pool) == ("MaxPool2d {kernel_size: [3, 3], stride: [1, 1], padding: "
                         "Explicit(2, 2, 2, 2), dilation: [1, 1], ceil_mode: false}")
    assert pool(backend.tensor(np.ones((1, 2, 4, 5)))).dims() == [1, 2, 6, 7]
    big = (MaxPool1dConfig(3).with_stride(1).with_padding(PaddingConfig1d.Explicit(2, 2))
           .with_dilation(4).init())
    with pytest.raises(ShapeError, match=r"max_pool2d_with_indices: the \(dilated\) kernel 9 is "
                                         r"larger than the padded input 5"):
        big(backend.tensor(np.ones((1, 1, 1))))
