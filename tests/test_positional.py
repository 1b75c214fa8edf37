"""`PositionalEncoding` and `RotaryEncoding` against NumPy references that implement Burn's own
formulas (``generate_sinusoids``'s loop; RoPE's sign-matrix matmul and ``freq_complex`` layout),
on every backend row in float64 (tight) and float32, plus gradients (finite differences in
float64 on the Autodiff rows), Burn's ``shift``/frequency-scaling API, records and errors."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest

from pyburn import Tensor
from pyburn.nn import PositionalEncodingConfig, RotaryEncodingConfig, generate_sinusoids
from pyburn.tensor import RankError, ShapeError

from gradcheck import gradcheck


def burn_sinusoids(length: int, d_model: int, max_timescale: int) -> np.ndarray:
    """Burn's ``generate_sinusoids``, loop for loop (in float64)."""
    increment = -math.log(max_timescale) / d_model
    rows = []
    for i in range(length):
        row = []
        for k in range(0, d_model, 2):
            div_term = math.exp(k * increment)
            row += [math.sin(div_term * i), math.cos(div_term * i)]
        rows.append(row)
    return np.array(rows)


def burn_freq_complex(start: int, end: int, theta: np.ndarray) -> np.ndarray:
    """Burn's ``compute_rotary_frequencies``: ``[n, d_model, 2]`` of (cos, sin)."""
    n, half = end - start, theta.shape[0]
    freqs = np.arange(start, end, dtype=np.float64)[:, None].repeat(half, 1) * theta[None]
    out = np.concatenate([np.cos(freqs), np.sin(freqs)], 1).reshape(n, 2, half)
    out = out.transpose(0, 2, 1)[:, :, None, :].repeat(2, 2)
    return out.reshape(n, 2 * half, 2)


def burn_theta(d_model: int, theta: float = 10000.0) -> np.ndarray:
    exponent = np.arange(0, d_model, 2, dtype=np.float64) / d_model
    return 1.0 / np.exp(exponent * math.log(theta))


def burn_rope(x: np.ndarray, freq: np.ndarray, start: int) -> np.ndarray:
    """Burn's ``RotaryEncoding::apply``: pairs times the sign matrix, times the frequencies."""
    shape = x.shape
    seq, d = shape[-2], shape[-1]
    sign = np.array([[1.0, 0.0, 0.0, 1.0], [0.0, -1.0, 1.0, 0.0]])
    out = (x.reshape(-1, seq, d // 2, 2) @ sign).reshape(-1, seq, d, 2)
    out = out * freq[start:start + seq][None]
    return out.sum(-1).reshape(shape)


TOL = {"float64": dict(rtol=1e-12, atol=1e-12), "float32": dict(rtol=1e-5, atol=2e-5)}


# --- PositionalEncoding ------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("shape", [(2, 7, 6), (1, 1, 2), (3, 12, 16)], ids=str)
def test_positional_encoding_adds_burns_sinusoids(backend: Any, dtype: str,
                                                  shape: tuple[int, int, int]) -> None:
    case = backend.with_float(dtype)
    layer = PositionalEncodingConfig(shape[2]).init(case.device)
    x = np.random.default_rng(0).normal(size=shape)
    out = layer.forward(Tensor[case.B].from_data(x, case.device))
    want = x + burn_sinusoids(shape[1], shape[2], 10000)[None]
    np.testing.assert_allclose(out.to_numpy(), want, **TOL[dtype])


def test_generate_sinusoids_and_config(backend: Any) -> None:
    case = backend.f64
    cfg = PositionalEncodingConfig(8)
    assert (cfg.max_sequence_size, cfg.max_timescale) == (5000, 10000)
    table = generate_sinusoids(20, 8, 50, case.device)
    np.testing.assert_allclose(table.to_numpy(), burn_sinusoids(20, 8, 50), rtol=1e-12,
                               atol=1e-12)
    layer = cfg.with_max_timescale(50).with_max_sequence_size(20).init(case.device)
    x = Tensor[case.B].zeros([1, 20, 8], device=case.device)
    np.testing.assert_allclose(layer(x).to_numpy()[0], burn_sinusoids(20, 8, 50), atol=1e-12)
    assert layer.num_params() == 0 and layer.into_record() == {}
    assert str(layer) == "PositionalEncoding {d_model: 8, max_sequence_size: 20, max_timescale: 50}"


def test_positional_encoding_gradient(ad_backend: Any) -> None:
    """The table is a constant: the input's gradient is the cotangent (finite differences)."""
    layer = PositionalEncodingConfig(4).init(ad_backend.f64.device)
    gradcheck(ad_backend.f64, layer.forward, np.random.default_rng(1).normal(size=(2, 3, 4)))


def test_positional_encoding_errors(backend: Any) -> None:
    d = backend.device
    with pytest.raises(ValueError, match="d_model must be even"):
        PositionalEncodingConfig(5).init(d)
    with pytest.raises(ValueError, match="max_timescale \\(10\\) must be >= the sequence size \\(20\\)"):
        PositionalEncodingConfig(4, max_sequence_size=20, max_timescale=10).init(d)
    layer = PositionalEncodingConfig(4, max_sequence_size=3).init(d)
    with pytest.raises(ShapeError, match="sequence length 4 exceeds max_sequence_size=3"):
        layer.forward(backend.tensor(np.zeros((1, 4, 4))))
    with pytest.raises(ShapeError, match="d_model=4\\], got shape \\[1, 2, 6\\]"):
        layer.forward(backend.tensor(np.zeros((1, 2, 6))))
    with pytest.raises(RankError, match="PositionalEncoding.forward"):
        layer.forward(backend.tensor(np.zeros((2, 4))))


# --- RotaryEncoding ------------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", ["float64", "float32"])
@pytest.mark.parametrize("shape", [(2, 5, 8), (2, 3, 4, 6), (4, 2), (1, 1, 1, 2)], ids=str)
def test_rope_matches_burns_formula(backend: Any, dtype: str, shape: tuple[int, ...]) -> None:
    case = backend.with_float(dtype)
    d_model = shape[-1]
    rope = RotaryEncodingConfig(16, d_model).init(case.device)
    x = np.random.default_rng(2).normal(size=shape)
    freq = burn_freq_complex(0, 16, burn_theta(d_model))
    xt = Tensor[case.B].from_data(x, case.device)
    np.testing.assert_allclose(rope.forward(xt).to_numpy(), burn_rope(x, freq, 0), **TOL[dtype])
    np.testing.assert_allclose(rope.apply(xt, 3).to_numpy(), burn_rope(x, freq, 3), **TOL[dtype])


def test_rope_frequencies_are_burns_freq_complex(backend: Any) -> None:
    case = backend.f64
    rope = RotaryEncodingConfig(10, 6, theta=500.0).init(case.device)
    np.testing.assert_allclose(rope.frequencies(2, 5, case.device).to_numpy(),
                               burn_freq_complex(2, 7, burn_theta(6, 500.0)), rtol=1e-12,
                               atol=1e-12)
    assert RotaryEncodingConfig(4, 4).theta == 10000.0
    assert rope.num_params() == 0 and rope.into_record() == {}
    assert str(rope) == "RotaryEncoding {d_model: 6, max_sequence_length: 10}"


def test_rope_shift_and_reset(backend: Any) -> None:
    """After ``shift(s)`` position ``p`` of `apply` is the absolute position ``s + p`` (Burn's
    moving window); ``reset`` goes back to 0."""
    case = backend.f64
    rope = RotaryEncodingConfig(8, 4).init(case.device)
    x = np.random.default_rng(3).normal(size=(1, 2, 4))
    xt = Tensor[case.B].from_data(x, case.device)
    freq = burn_freq_complex(0, 40, burn_theta(4))
    rope.shift(10)
    np.testing.assert_allclose(rope.apply(xt, 3).to_numpy(), burn_rope(x, freq, 13), atol=1e-12)
    with pytest.raises(ValueError, match="must increase, got 5 after 10"):
        rope.shift(5)
    rope.reset()
    np.testing.assert_allclose(rope.apply(xt, 3).to_numpy(), burn_rope(x, freq, 3), atol=1e-12)


def test_rope_frequency_scaling(backend: Any) -> None:
    case = backend.f64
    rope = RotaryEncodingConfig(8, 4).init_with_frequency_scaling(lambda t: t * 0.5, case.device)
    np.testing.assert_allclose(rope.theta, burn_theta(4) * 0.5, rtol=1e-12)
    with pytest.raises(ShapeError, match="must return \\[d_model / 2\\] = \\[2\\]"):
        RotaryEncodingConfig(8, 4).init_with_frequency_scaling(lambda t: t.reshape([1, 2]),
                                                               case.device)


def test_rope_is_relative(backend: Any) -> None:
    """RoPE's point: ``<rope(q)_m, rope(k)_n>`` depends on ``m - n`` only."""
    case = backend.f64
    rope = RotaryEncodingConfig(32, 8).init(case.device)
    rng = np.random.default_rng(4)
    q, k = rng.normal(size=(1, 1, 8)), rng.normal(size=(1, 1, 8))

    def dot(m: int, n: int) -> float:
        a = rope.apply(Tensor[case.B].from_data(q, case.device), m).to_numpy()
        b = rope.apply(Tensor[case.B].from_data(k, case.device), n).to_numpy()
        return float((a * b).sum())

    assert dot(5, 2) == pytest.approx(dot(20, 17), rel=1e-10)
    assert dot(5, 2) != pytest.approx(dot(5, 3), rel=1e-3)


def test_rope_gradient(ad_backend: Any) -> None:
    rope = RotaryEncodingConfig(8, 4).init(ad_backend.f64.device)
    gradcheck(ad_backend.f64, lambda x: rope.apply(x, 2),
              np.random.default_rng(5).normal(size=(2, 3, 4)))


def test_rope_errors(backend: Any) -> None:
    d = backend.device
    with pytest.raises(ValueError, match="d_model must be even"):
        RotaryEncodingConfig(8, 3).init(d)
    with pytest.raises(ValueError, match="theta must be positive"):
        RotaryEncodingConfig(8, 4, theta=0.0).init(d)
    rope = RotaryEncodingConfig(4, 4).init(d)
    with pytest.raises(ShapeError, match="positions \\[2, 5\\) do not fit max_sequence_length=4"):
        rope.apply(backend.tensor(np.zeros((1, 3, 4))), 2)
    with pytest.raises(ShapeError, match="d_model=4\\], got shape \\[1, 3, 6\\]"):
        rope.forward(backend.tensor(np.zeros((1, 3, 6))))
    with pytest.raises(RankError, match="rank >= 2"):
        rope.forward(backend.tensor(np.zeros(4)))
