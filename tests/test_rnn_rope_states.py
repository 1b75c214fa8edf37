"""Burn's state helpers of the recurrent layers (`LstmState`: ``new``'s shape check,
``initial``, ``shape``/``device``, ``map_state``, ``stack``/``chunk``; `RnnState` returned by
`Rnn`/`BiRnn` and taken back) and RoPE's ``freq_complex`` with Llama 3's
``apply_freq_scaling_by_parts`` against a NumPy reference of Meta's formula."""

from __future__ import annotations

import functools
import math
from typing import Any

import numpy as np
import pytest

from pyburn import Tensor
from pyburn.nn import (BiRnnConfig, LstmConfig, LstmState, RnnConfig, RnnState,
                       RotaryEncodingConfig, apply_freq_scaling_by_parts)
from pyburn.tensor import Shape, ShapeError

from test_positional import burn_freq_complex, burn_theta


def test_lstm_state_new_checks_shapes(backend: Any) -> None:
    T, d = Tensor[backend.B], backend.device
    state = LstmState.new(T.ones([2, 3], d), T.zeros([2, 3], d))
    assert state.shape() == Shape([2, 3]) and state.device() == d
    cell, hidden = state.unpack()
    assert cell.to_numpy().sum() == 6 and hidden.to_numpy().sum() == 0
    with pytest.raises(ShapeError, match=r"LstmState: cell shape \[2, 3\] and hidden shape "
                                         r"\[2, 4\] must be equal"):
        LstmState(T.zeros([2, 3], d), T.zeros([2, 4], d))


def test_lstm_state_initial_feeds_an_lstm(backend: Any) -> None:
    T, d = Tensor[backend.B], backend.device
    lstm = LstmConfig(3, 4, True).init(d)
    x = T.ones([2, 5, 3], d)
    initial = LstmState.initial([2, 4], d)
    assert initial.shape() == Shape([2, 4]) and not initial.cell.to_numpy().any()
    with_initial, _ = lstm.forward(x, initial)
    np.testing.assert_array_equal(with_initial.to_numpy(), lstm.forward(x)[0].to_numpy())


def test_lstm_state_stack_chunk_map(backend: Any) -> None:
    T, d = Tensor[backend.B], backend.device
    a = LstmState(T.full([2, 3], 1.0, d), T.full([2, 3], 2.0, d))
    b = LstmState(T.full([2, 3], 3.0, d), T.full([2, 3], 4.0, d))
    stacked = LstmState.stack([a, b], 0)
    assert stacked.shape() == Shape([2, 2, 3])
    first, second = stacked.chunk(2, 0)
    np.testing.assert_array_equal(second.squeeze_dim(0).hidden.to_numpy(), np.full((2, 3), 4.0))
    assert first.unsqueeze_dim(0).shape() == Shape([1, 1, 2, 3])
    assert a.map_state(lambda t: t.reshape([3, 2])).shape() == Shape([3, 2])
    assert a.slice([slice(0, 1)]).shape() == Shape([1, 3])


def test_rnn_returns_and_takes_an_rnn_state(backend: Any) -> None:
    T, d = Tensor[backend.B], backend.device
    rnn = RnnConfig(3, 4, True).init(d)
    x = T.ones([2, 5, 3], d)
    out, state = rnn.forward(x)
    assert isinstance(state, RnnState) and state.shape() == Shape([2, 4])
    np.testing.assert_array_equal(out.to_numpy()[:, -1], state.hidden.to_numpy())
    again, _ = rnn.forward(x, state)
    bare, _ = rnn.forward(x, state.hidden)      # a bare hidden-state tensor works too
    np.testing.assert_array_equal(again.to_numpy(), bare.to_numpy())
    _, bi_state = BiRnnConfig(3, 4, True).init(d).forward(x, RnnState.new(T.zeros([2, 2, 4], d)))
    assert bi_state.hidden.dims() == [2, 2, 4]
    with pytest.raises(TypeError, match=r"Rnn.forward: state must be an RnnState\(hidden\)"):
        rnn.forward(x, (state.hidden,))  # type: ignore[arg-type]


def llama3_scaling(freqs: np.ndarray, scale_factor: float = 8.0, low_freq_factor: float = 1.0,
                   high_freq_factor: float = 4.0, old_context_len: float = 8192.0) -> np.ndarray:
    """Meta's ``apply_scaling`` (llama3 reference model.py), element by element."""
    low_freq_wavelen = old_context_len / low_freq_factor
    high_freq_wavelen = old_context_len / high_freq_factor
    out = []
    for freq in freqs:
        wavelen = 2 * math.pi / freq
        if wavelen < high_freq_wavelen:
            out.append(freq)
        elif wavelen > low_freq_wavelen:
            out.append(freq / scale_factor)
        else:
            smooth = (old_context_len / wavelen - low_freq_factor) / \
                (high_freq_factor - low_freq_factor)
            out.append((1 - smooth) * freq / scale_factor + smooth * freq)
    return np.array(out)


@pytest.mark.parametrize("d_model,theta", [(8, 10000.0), (16, 500000.0), (64, 10000.0)])
def test_freq_scaling_by_parts_is_llama3s(backend: Any, d_model: int, theta: float) -> None:
    """All three regimes (kept, divided, blended) for Llama 3's theta 500000 and d_model 64."""
    case = backend.f64
    base = burn_theta(d_model, theta)
    got = apply_freq_scaling_by_parts(Tensor[case.B].from_data(base, case.device)).to_numpy()
    np.testing.assert_allclose(got, llama3_scaling(base), rtol=1e-6)
    partial = functools.partial(apply_freq_scaling_by_parts, scale_factor=4.0,
                                old_context_len=1024.0)
    got = partial(Tensor[case.B].from_data(base, case.device)).to_numpy()
    np.testing.assert_allclose(got, llama3_scaling(base, 4.0, old_context_len=1024.0),
                               rtol=1e-6)


def test_freq_complex_follows_the_window(backend: Any) -> None:
    case = backend.f64
    rope = RotaryEncodingConfig(6, 4).init(case.device)
    theta = burn_theta(4)
    np.testing.assert_allclose(rope.freq_complex.to_numpy(), burn_freq_complex(0, 6, theta),
                               rtol=1e-12, atol=1e-15)
    rope.shift(3)
    np.testing.assert_allclose(rope.freq_complex.to_numpy(), burn_freq_complex(3, 9, theta),
                               rtol=1e-12, atol=1e-15)
    scaled = RotaryEncodingConfig(6, 64, theta=500000.0).init_with_frequency_scaling(
        apply_freq_scaling_by_parts, case.device)
    want = burn_freq_complex(0, 6, llama3_scaling(burn_theta(64, 500000.0)))
    np.testing.assert_allclose(scaled.freq_complex.to_numpy(), want, rtol=1e-6, atol=1e-9)


def test_freq_scaling_rejects_bad_factors(backend: Any) -> None:
    freqs = Tensor[backend.B].ones([2], backend.device)
    with pytest.raises(ValueError, match="apply_freq_scaling_by_parts: expected scale_factor"):
        apply_freq_scaling_by_parts(freqs, high_freq_factor=1.0)
