"""`Lstm`, `BiLstm`, `LstmState` and `GateController` on every backend row.

The first block ports every test of Burn's ``lstm.rs`` (seeds/004) with its inputs, expected
values and tolerances; the rest covers what those tests leave out — ``batch_first``,
``reverse``, ``clip``, ``input_forget``, custom activations, state passing, records, configs,
display and errors — against a NumPy reference of the same equations."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import numpy as np
import pytest

from pyburn import Distribution, Tensor, TensorData
from pyburn.config import ConfigError
from pyburn.module import Param
from pyburn.nn import (ActivationConfig, BiLstm, BiLstmConfig, GateController, Initializer,
                       Linear, LinearConfig, Lstm, LstmConfig, LstmState)
from pyburn.record import FullPrecisionSettings, NamedMpkFileRecorder
from pyburn.tensor import RankError, ShapeError, Tolerance


def data(values: Any) -> TensorData:
    return TensorData(np.asarray(values, dtype=np.float32))


# --- Burn's lstm.rs tests, ported ---------------------------------------------------------------


def test_with_uniform_initializer(backend: Any) -> None:
    backend.B.seed(0)
    config = LstmConfig(5, 5, False).with_initializer(Initializer.Uniform(min=0.0, max=1.0))
    lstm = config.init(backend.device)
    for gate in (lstm.input_gate, lstm.forget_gate, lstm.output_gate, lstm.cell_gate):
        gate.input_transform.weight.val().to_data().assert_within_range(0.0, 1.0)


def _scalar_gate(case: Any, weight: float, bias: float, d_input: int, d_output: int,
                 use_bias: bool, initializer: Initializer) -> GateController:
    """Burn's ``create_gate_controller`` of ``test_forward_single_input_single_feature``."""
    d = case.device
    record_1 = {"weight": Param.from_data([[weight]], d),
                "bias": Param.from_data([bias], d)}
    record_2 = {"weight": Param.from_data([[weight]], d),
                "bias": Param.from_data([bias], d)}
    return GateController.create_with_weights(d_input, d_output, use_bias, initializer,
                                              record_1, record_2)


def test_forward_single_input_single_feature(backend: Any) -> None:
    """i = sigmoid(0.05), f = sigmoid(0.07), o = sigmoid(0.11), g = tanh(0.09);
    c = i * g = 0.0460, h = o * tanh(c) = 0.0242."""
    backend.B.seed(0)
    lstm = LstmConfig(1, 1, False).init(backend.device)
    xavier = Initializer.XavierUniform(gain=1.0)
    lstm.input_gate = _scalar_gate(backend, 0.5, 0.0, 1, 1, False, xavier)
    lstm.forget_gate = _scalar_gate(backend, 0.7, 0.0, 1, 1, False, xavier)
    lstm.cell_gate = _scalar_gate(backend, 0.9, 0.0, 1, 1, False, xavier)
    lstm.output_gate = _scalar_gate(backend, 1.1, 0.0, 1, 1, False, xavier)

    x = Tensor[backend.B].from_data([[[0.1]]], backend.device)
    output, state = lstm.forward(x, None)

    tolerance = Tolerance.default()
    state.cell.to_data().assert_approx_eq(TensorData([[0.046]]), tolerance)
    state.hidden.to_data().assert_approx_eq(TensorData([[0.0242]]), tolerance)
    index = Tensor[backend.B].from_data(np.arange(1), backend.device).int()
    output.select(0, index).squeeze_dim(0).to_data().assert_approx_eq(state.hidden.to_data(),
                                                                      tolerance)


def test_batched_forward_pass(backend: Any) -> None:
    lstm = LstmConfig(64, 1024, True).init(backend.device)
    x = Tensor[backend.B].random([8, 10, 64], Distribution.Default, backend.device)
    output, state = lstm.forward(x, None)
    assert output.dims() == [8, 10, 1024]
    assert state.cell.dims() == [8, 1024]
    assert state.hidden.dims() == [8, 1024]


def test_batched_forward_pass_batch_of_one(backend: Any) -> None:
    lstm = LstmConfig(64, 1024, True).init(backend.device)
    x = Tensor[backend.B].random([1, 2, 64], Distribution.Default, backend.device)
    output, state = lstm.forward(x, None)
    assert output.dims() == [1, 2, 1024]
    assert state.cell.dims() == [1, 1024]
    assert state.hidden.dims() == [1, 1024]


def test_batched_backward_pass(ad_backend: Any) -> None:
    lstm = LstmConfig(64, 32, True).init(ad_backend.device)
    x = Tensor[ad_backend.B].random([8, 10, 64], Distribution.Default, ad_backend.device)
    output, _ = lstm.forward(x, None)
    fake_loss = output
    grads = fake_loss.backward()
    some_gradient = lstm.output_gate.hidden_transform.weight.val().grad(grads)
    assert some_gradient is not None
    assert bool(some_gradient.any().into_scalar())


def _gate(case: Any, input_weights: list[list[float]], input_biases: list[float],
          hidden_weights: list[list[float]], hidden_biases: list[float]) -> GateController:
    """Burn's ``create_gate_controller`` of ``test_bidirectional``. Burn's helper passes
    ``d_input = input_weights[0].len()`` and ``d_output = input_weights.len()`` (swapped;
    harmless there because the record replaces the tensors wholesale); pyburn checks the
    record shapes, so the port passes them the right way round."""
    d = case.device
    d_input, d_output = len(input_weights), len(input_weights[0])
    input_record = {"weight": Param.from_data(data(input_weights), d),
                    "bias": Param.from_data(data(input_biases), d)}
    hidden_record = {"weight": Param.from_data(data(hidden_weights), d),
                     "bias": Param.from_data(data(hidden_biases), d)}
    return GateController.create_with_weights(d_input, d_output, True,
                                              Initializer.XavierUniform(gain=1.0),
                                              input_record, hidden_record)


BI_INPUT = [[[0.949, -0.861], [0.892, 0.927], [-0.173, -0.301], [-0.081, 0.992]]]
BI_H0 = [[[0.280, 0.360, -1.242]], [[-0.588, 0.729, -0.788]]]
BI_C0 = [[[0.723, 0.397, -0.262]], [[0.471, 0.613, 1.885]]]
BI_EXPECTED = {
    "output_with_init_state": [[
        [0.23764, -0.03442, 0.04414, -0.15635, -0.03366, -0.05798],
        [0.00473, -0.02254, 0.02988, -0.16510, -0.00306, 0.08742],
        [0.06210, -0.06509, -0.05339, -0.01710, 0.02091, 0.16012],
        [-0.03420, 0.07774, -0.09774, -0.02604, 0.12584, 0.20872]]],
    "output_without_init_state": [[
        [0.08679, -0.08776, -0.00528, -0.15969, -0.05322, -0.08863],
        [-0.02577, -0.05057, 0.00033, -0.17558, -0.03679, 0.03142],
        [0.02942, -0.07411, -0.06044, -0.03601, -0.09998, 0.04846],
        [-0.04026, 0.07178, -0.10189, -0.07349, -0.04576, 0.05550]]],
    "hn_with_init_state": [[[-0.03420, 0.07774, -0.09774]], [[-0.15635, -0.03366, -0.05798]]],
    "cn_with_init_state": [[[-0.13593, 0.17125, -0.22395]], [[-0.45425, -0.11206, -0.12908]]],
    "hn_without_init_state": [[[-0.04026, 0.07178, -0.10189]],
                              [[-0.15969, -0.05322, -0.08863]]],
    "cn_without_init_state": [[[-0.15839, 0.15923, -0.23569]],
                              [[-0.47407, -0.17493, -0.19643]]],
}


def _seed_bilstm(case: Any, batch_first: bool = True) -> BiLstm:
    """``test_bidirectional``'s BiLstm with its hand-set weights."""
    case.B.seed(0)
    lstm = BiLstmConfig(2, 3, True).with_batch_first(batch_first).init(case.device)
    f, r = lstm.forward_lstm, lstm.reverse_lstm
    f.input_gate = _gate(case, [[0.367, 0.091, 0.342], [0.322, 0.533, 0.059]],
                         [-0.196, 0.354, 0.209],
                         [[-0.320, 0.232, -0.165], [0.093, -0.572, -0.315],
                          [-0.467, 0.325, 0.046]],
                         [0.181, -0.190, -0.245])
    f.forget_gate = _gate(case, [[-0.342, -0.084, -0.420], [-0.432, 0.119, 0.191]],
                          [0.315, -0.413, -0.041],
                          [[0.453, 0.063, 0.561], [0.211, 0.149, 0.213],
                           [-0.499, -0.158, 0.068]],
                          [-0.431, -0.535, 0.125])
    f.cell_gate = _gate(case, [[-0.046, -0.382, 0.321], [-0.533, 0.558, 0.004]],
                        [-0.358, 0.282, -0.078],
                        [[-0.358, 0.109, 0.139], [-0.345, 0.091, -0.368],
                         [-0.508, 0.221, -0.507]],
                        [0.502, -0.509, -0.247])
    f.output_gate = _gate(case, [[-0.577, -0.359, 0.216], [-0.550, 0.268, 0.243]],
                          [-0.227, -0.274, 0.039],
                          [[-0.383, 0.449, 0.222], [-0.357, -0.093, 0.449],
                           [-0.106, 0.236, 0.360]],
                          [-0.361, -0.209, -0.454])
    r.input_gate = _gate(case, [[-0.055, 0.506, 0.247], [-0.369, 0.178, -0.258]],
                         [0.540, -0.164, 0.033],
                         [[0.159, 0.180, -0.037], [-0.443, 0.485, -0.488],
                          [0.098, -0.085, -0.140]],
                         [-0.510, 0.105, 0.114])
    r.forget_gate = _gate(case, [[-0.154, -0.432, -0.547], [-0.369, -0.310, -0.175]],
                          [0.141, 0.004, 0.055],
                          [[-0.005, -0.277, -0.515], [-0.011, -0.101, -0.365],
                           [0.426, 0.379, 0.337]],
                          [-0.382, 0.331, -0.176])
    r.cell_gate = _gate(case, [[-0.571, 0.228, -0.287], [-0.331, 0.110, 0.219]],
                        [-0.206, -0.546, 0.462],
                        [[0.449, -0.240, 0.071], [-0.045, 0.131, 0.124],
                         [0.138, -0.201, 0.191]],
                        [-0.030, 0.211, -0.352])
    r.output_gate = _gate(case, [[0.491, -0.442, 0.333], [0.313, -0.121, -0.070]],
                          [-0.387, -0.250, 0.066],
                          [[-0.030, 0.268, 0.299], [-0.019, -0.280, -0.314],
                           [0.466, -0.365, -0.248]],
                          [-0.398, -0.199, -0.566])
    return lstm


def test_bidirectional(backend: Any) -> None:
    lstm = _seed_bilstm(backend)
    x = backend.tensor(data(BI_INPUT))
    h0, c0 = backend.tensor(data(BI_H0)), backend.tensor(data(BI_C0))

    output_with, state_with = lstm.forward(x, LstmState.new(c0, h0))
    output_without, state_without = lstm.forward(x, None)

    tolerance = Tolerance.permissive()
    e = BI_EXPECTED
    output_with.to_data().assert_approx_eq(data(e["output_with_init_state"]), tolerance)
    output_without.to_data().assert_approx_eq(data(e["output_without_init_state"]), tolerance)
    state_with.hidden.to_data().assert_approx_eq(data(e["hn_with_init_state"]), tolerance)
    state_with.cell.to_data().assert_approx_eq(data(e["cn_with_init_state"]), tolerance)
    state_without.hidden.to_data().assert_approx_eq(data(e["hn_without_init_state"]), tolerance)
    state_without.cell.to_data().assert_approx_eq(data(e["cn_without_init_state"]), tolerance)


def test_display_lstm(backend: Any) -> None:
    layer = LstmConfig(2, 3, True).init(backend.device)
    assert str(layer) == "Lstm {d_input: 2, d_hidden: 3, bias: true, params: 84}"


def test_display_bilstm(backend: Any) -> None:
    layer = BiLstmConfig(2, 3, True).init(backend.device)
    assert str(layer) == "BiLstm {d_input: 2, d_hidden: 3, bias: true, params: 168}"


# --- a NumPy reference of lstm.rs's equations ----------------------------------------------------


ACTIVATIONS = {"Sigmoid": lambda v: 1 / (1 + np.exp(-v)), "Tanh": np.tanh,
               "Relu": lambda v: np.maximum(v, 0.0)}


def gate_arrays(gate: GateController) -> tuple[np.ndarray, ...]:
    def arr(p: Param[Any] | None, n: int) -> np.ndarray:
        return np.zeros(n) if p is None else p.val().to_numpy().astype(np.float64)
    h = gate.d_output
    return (arr(gate.input_transform.weight, 0), arr(gate.input_transform.bias, h),
            arr(gate.hidden_transform.weight, 0), arr(gate.hidden_transform.bias, h))


def reference_lstm(lstm: Lstm, x: np.ndarray, c: np.ndarray | None = None,
                   h: np.ndarray | None = None,
                   reverse: bool | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """lstm.rs's forward on a batch-first float64 array: (output, cell, hidden)."""
    act = {name: ACTIVATIONS[type(getattr(lstm, name).config).__name__]
           for name in ("gate_activation", "cell_activation", "hidden_activation")}
    gates = {name: gate_arrays(getattr(lstm, name))
             for name in ("input_gate", "forget_gate", "output_gate", "cell_gate")}

    def product(name: str, xt: np.ndarray, ht: np.ndarray) -> np.ndarray:
        wx, bx, wh, bh = gates[name]
        return xt @ wx + bx + ht @ wh + bh

    batch, seq, _ = x.shape
    c = np.zeros((batch, lstm.d_hidden)) if c is None else c
    h = np.zeros((batch, lstm.d_hidden)) if h is None else h
    out = np.zeros((batch, seq, lstm.d_hidden))
    steps = range(seq - 1, -1, -1) if (lstm.reverse if reverse is None else reverse) \
        else range(seq)
    for t in steps:
        xt = x[:, t]
        i = act["gate_activation"](product("input_gate", xt, h))
        f = 1 - i if lstm.input_forget else act["gate_activation"](product("forget_gate", xt, h))
        o = act["gate_activation"](product("output_gate", xt, h))
        g = act["cell_activation"](product("cell_gate", xt, h))
        c = f * c + i * g
        if lstm.clip is not None:
            c = np.clip(c, -lstm.clip, lstm.clip)
        h = o * act["hidden_activation"](c)
        out[:, t] = h
    return out, c, h


def close(actual: Any, expected: np.ndarray, atol: float = 1e-10) -> None:
    np.testing.assert_allclose(np.asarray(actual.to_numpy(), dtype=np.float64), expected,
                               rtol=1e-9, atol=atol)


def random_input(case: Any, shape: list[int], seed: int = 1) -> tuple[Any, np.ndarray]:
    values = np.random.default_rng(seed).normal(size=shape)
    return case.tensor(values), values


@pytest.mark.parametrize("options", [
    {},
    {"reverse": True},
    {"clip": 0.05},
    {"input_forget": True},
    {"bias": False},
    {"gate_activation": ActivationConfig.Tanh(), "cell_activation": ActivationConfig.Relu(),
     "hidden_activation": ActivationConfig.Sigmoid()},
    {"clip": 0.3, "input_forget": True, "reverse": True},
], ids=["default", "reverse", "clip", "input_forget", "no_bias", "activations", "combined"])
def test_matches_reference(backend: Any, options: dict[str, Any]) -> None:
    case = backend.f64
    case.B.seed(3)
    options = dict(options)
    bias = options.pop("bias", True)
    config = LstmConfig(3, 4, bias, **options)
    lstm = config.init(case.device)
    x, xs = random_input(case, [2, 5, 3])
    output, state = lstm.forward(x)
    ref_out, ref_c, ref_h = reference_lstm(lstm, xs)
    close(output, ref_out)
    close(state.cell, ref_c)
    close(state.hidden, ref_h)
    if config.clip is not None:
        assert np.abs(state.cell.to_numpy()).max() <= config.clip + 1e-12


def test_clip_bounds_every_cell_state(backend: Any) -> None:
    case = backend.f64
    lstm = LstmConfig(2, 3, True, initializer=Initializer.Constant(value=1.0),
                      clip=0.25).init(case.device)
    x = case.tensor(np.full((1, 6, 2), 3.0))
    output, state = lstm.forward(x)
    # constant weights saturate every gate: without the clip c would grow by ~1 per step
    np.testing.assert_allclose(state.cell.to_numpy(), 0.25)
    assert np.all(output.to_numpy() <= np.tanh(0.25) + 1e-12)
    unclipped, _ = dataclasses.replace(lstm, clip=None).forward(x)
    assert unclipped.to_numpy().max() > 0.9


def test_input_forget_ignores_the_forget_gate(backend: Any) -> None:
    case = backend.f64
    case.B.seed(5)
    lstm = LstmConfig(3, 4, True, input_forget=True).init(case.device)
    x, _ = random_input(case, [2, 4, 3])
    before, _ = lstm.forward(x)
    other = LstmConfig(3, 4, True).init(case.device)
    lstm.forget_gate = other.forget_gate
    after, _ = lstm.forward(x)
    close(after, before.to_numpy())


def test_input_forget_gradient_skips_the_forget_gate(ad_backend: Any) -> None:
    case = ad_backend.f64
    lstm = LstmConfig(3, 4, True, input_forget=True).init(case.device)
    x, _ = random_input(case, [2, 4, 3])
    grads = lstm.forward(x)[0].sum().backward()
    assert lstm.forget_gate.input_transform.weight.val().grad(grads) is None
    assert lstm.input_gate.input_transform.weight.val().grad(grads) is not None


def test_batch_first_false_is_the_transposed_layout(backend: Any) -> None:
    case = backend.f64
    case.B.seed(2)
    lstm = LstmConfig(3, 4, True).init(case.device)
    seq_first = dataclasses.replace(lstm, batch_first=False)
    x, xs = random_input(case, [2, 5, 3])
    out_b, state_b = lstm.forward(x)
    out_s, state_s = seq_first.forward(case.tensor(xs.transpose(1, 0, 2)))
    assert out_s.dims() == [5, 2, 4]
    close(out_s, out_b.to_numpy().transpose(1, 0, 2), atol=1e-14)
    close(state_s.cell, state_b.cell.to_numpy(), atol=1e-14)
    close(state_s.hidden, state_b.hidden.to_numpy(), atol=1e-14)


def test_reverse_is_forward_on_the_flipped_sequence(backend: Any) -> None:
    case = backend.f64
    lstm = LstmConfig(3, 4, True).init(case.device)
    backwards = dataclasses.replace(lstm, reverse=True)
    x, xs = random_input(case, [2, 5, 3])
    out_r, state_r = backwards.forward(x)
    out_f, state_f = lstm.forward(case.tensor(xs[:, ::-1].copy()))
    close(out_r, out_f.to_numpy()[:, ::-1], atol=1e-14)
    close(state_r.hidden, state_f.hidden.to_numpy(), atol=1e-14)


def test_state_carries_over_between_chunks(backend: Any) -> None:
    case = backend.f64
    lstm = LstmConfig(3, 4, True).init(case.device)
    x, xs = random_input(case, [2, 6, 3])
    whole, final = lstm.forward(x)
    first, mid = lstm.forward(case.tensor(xs[:, :4]))
    second, end = lstm.forward(case.tensor(xs[:, 4:]), mid)
    close(first, whole.to_numpy()[:, :4], atol=1e-14)
    close(second, whole.to_numpy()[:, 4:], atol=1e-14)
    close(end.cell, final.cell.to_numpy(), atol=1e-14)


def test_initial_state_is_used(backend: Any) -> None:
    case = backend.f64
    lstm = LstmConfig(3, 4, True).init(case.device)
    x, xs = random_input(case, [2, 3, 3])
    rng = np.random.default_rng(9)
    c0, h0 = rng.normal(size=(2, 4)), rng.normal(size=(2, 4))
    output, state = lstm.forward(x, LstmState(case.tensor(c0), case.tensor(h0)))
    ref_out, ref_c, ref_h = reference_lstm(lstm, xs, c0, h0)
    close(output, ref_out)
    close(state.cell, ref_c)
    close(state.hidden, ref_h)


def test_empty_sequence_returns_the_initial_state(backend: Any) -> None:
    lstm = LstmConfig(3, 4, True).init(backend.device)
    output, state = lstm.forward(Tensor[backend.B].zeros([2, 0, 3], backend.device))
    assert output.dims() == [2, 0, 4]
    assert state.cell.dims() == [2, 4] and not state.hidden.to_numpy().any()


def test_state_detach(ad_backend: Any) -> None:
    lstm = LstmConfig(2, 3, True).init(ad_backend.device)
    x = Tensor[ad_backend.B].random([1, 2, 2], Distribution.Default, ad_backend.device)
    _, state = lstm.forward(x)
    assert state.hidden.is_require_grad()
    detached = state.detach()
    assert not detached.hidden.is_require_grad() and not detached.cell.is_require_grad()
    close(detached.cell, state.cell.to_numpy(), atol=0)


# --- BiLstm ---------------------------------------------------------------------------------------


def test_bilstm_matches_two_reference_directions(backend: Any) -> None:
    case = backend.f64
    case.B.seed(4)
    bi = BiLstmConfig(3, 4, True).init(case.device)
    x, xs = random_input(case, [2, 5, 3])
    rng = np.random.default_rng(2)
    c0, h0 = rng.normal(size=(2, 2, 4)), rng.normal(size=(2, 2, 4))
    output, state = bi.forward(x, LstmState(case.tensor(c0), case.tensor(h0)))
    out_f, c_f, h_f = reference_lstm(bi.forward_lstm, xs, c0[0], h0[0], reverse=False)
    out_r, c_r, h_r = reference_lstm(bi.reverse_lstm, xs, c0[1], h0[1], reverse=True)
    close(output, np.concatenate([out_f, out_r], axis=2))
    close(state.cell, np.stack([c_f, c_r]))
    close(state.hidden, np.stack([h_f, h_r]))


def test_bilstm_seq_first_gives_the_seed_values(backend: Any) -> None:
    lstm = _seed_bilstm(backend, batch_first=False)
    x = backend.tensor(data(BI_INPUT).to_numpy().transpose(1, 0, 2))
    h0, c0 = backend.tensor(data(BI_H0)), backend.tensor(data(BI_C0))
    output, state = lstm.forward(x, LstmState(c0, h0))
    assert output.dims() == [4, 1, 6]
    expected = data(BI_EXPECTED["output_with_init_state"]).to_numpy().transpose(1, 0, 2)
    output.to_data().assert_approx_eq(TensorData(expected), Tolerance.permissive())
    state.cell.to_data().assert_approx_eq(data(BI_EXPECTED["cn_with_init_state"]),
                                          Tolerance.permissive())


def test_bilstm_config_builds_batch_first_inner_lstms(backend: Any) -> None:
    bi = BiLstmConfig(2, 3, False, batch_first=False, clip=1.5, input_forget=True,
                      gate_activation=ActivationConfig.Tanh()).init(backend.device)
    assert bi.batch_first is False and bi.d_hidden == 3 and not bi.bias
    for inner in (bi.forward_lstm, bi.reverse_lstm):
        assert inner.batch_first and not inner.reverse
        assert inner.clip == 1.5 and inner.input_forget
        assert isinstance(inner.gate_activation.config, ActivationConfig.Tanh)
    x = Tensor[backend.B].random([5, 4, 2], Distribution.Default, backend.device)
    output, state = bi.forward(x)
    assert output.dims() == [5, 4, 6] and state.hidden.dims() == [2, 4, 3]


def test_bilstm_batch_of_one_and_single_step(backend: Any) -> None:
    bi = BiLstmConfig(3, 2, True).init(backend.device)
    output, state = bi.forward(Tensor[backend.B].ones([1, 1, 3], backend.device))
    assert output.dims() == [1, 1, 4] and state.cell.dims() == [2, 1, 2]
    # one step: each direction's output is its final hidden state
    np.testing.assert_allclose(output.to_numpy()[0, 0],
                               state.hidden.to_numpy()[:, 0].reshape(-1), rtol=1e-6)


# --- records and configs ------------------------------------------------------------------------


def test_lstm_record_names_are_burns(backend: Any) -> None:
    lstm = LstmConfig(2, 3, True).init(backend.device)
    record = lstm.into_record()
    assert list(record)[:4] == ["input_gate", "forget_gate", "output_gate", "cell_gate"]
    assert set(record["input_gate"]) == {"input_transform", "hidden_transform"}
    assert set(record["input_gate"]["input_transform"]) == {"weight", "bias"}
    assert list(record["input_gate"]["input_transform"]["weight"]["param"].shape) == [2, 3]
    assert list(record["input_gate"]["hidden_transform"]["weight"]["param"].shape) == [3, 3]
    paths = [p for p, _ in lstm.named_params()]
    assert "cell_gate.hidden_transform.bias" in paths and len(paths) == 16


def test_bilstm_records_use_forward_and_reverse(backend: Any) -> None:
    bi = BiLstmConfig(2, 3, True).init(backend.device)
    record = bi.into_record()
    assert "forward" in record and "reverse" in record
    assert "forward_lstm" not in record and "reverse_lstm" not in record
    paths = [p for p, _ in bi.named_params()]
    assert "forward.input_gate.input_transform.weight" in paths
    assert "reverse.output_gate.hidden_transform.bias" in paths
    fresh = BiLstmConfig(2, 3, True).init(backend.device)
    loaded = fresh.load_record(record)
    np.testing.assert_array_equal(
        loaded.reverse_lstm.cell_gate.hidden_transform.weight.val().to_numpy(),
        bi.reverse_lstm.cell_gate.hidden_transform.weight.val().to_numpy())


def test_file_round_trip_across_backends(backend: Any, tmp_path: Any) -> None:
    from pyburn.backend import NumPy
    backend.B.seed(8)
    bi = BiLstmConfig(2, 3, True).init(backend.device)
    recorder = NamedMpkFileRecorder(FullPrecisionSettings)
    bi.save_file(str(tmp_path / "bilstm"), recorder)
    other = BiLstmConfig(2, 3, True).init(NumPy.default_device())
    loaded = other.load_file(str(tmp_path / "bilstm"), recorder)
    x = np.random.default_rng(0).normal(size=(2, 3, 2)).astype(np.float32)
    out_a, _ = bi.forward(backend.tensor(x))
    out_b, _ = loaded.forward(Tensor[NumPy].from_data(x))
    np.testing.assert_allclose(out_b.to_numpy(), out_a.to_numpy(), rtol=1e-5, atol=1e-6)


def test_load_record_checks_shapes(backend: Any) -> None:
    record = LstmConfig(2, 3, True).init(backend.device).into_record()
    with pytest.raises(Exception, match="input_gate.input_transform.weight.*shape"):
        LstmConfig(4, 3, True).init(backend.device).load_record(record)


def test_config_defaults_are_burns() -> None:
    c = LstmConfig(2, 3, True)
    assert c.initializer == Initializer.XavierNormal(gain=1.0)
    assert c.batch_first is True and c.reverse is False and c.clip is None
    assert c.input_forget is False
    assert c.gate_activation == ActivationConfig.Sigmoid()
    assert c.cell_activation == ActivationConfig.Tanh()
    assert c.hidden_activation == ActivationConfig.Tanh()
    b = BiLstmConfig(2, 3, True)
    assert not hasattr(b, "reverse")
    assert (b.initializer, b.batch_first, b.clip, b.input_forget) == \
        (Initializer.XavierNormal(gain=1.0), True, None, False)


def test_config_round_trips(tmp_path: Any) -> None:
    configs = [
        LstmConfig(2, 3, True),
        LstmConfig(4, 8, False, initializer=Initializer.Uniform(min=-0.1, max=0.1),
                   batch_first=False, reverse=True, clip=2.5, input_forget=True,
                   gate_activation=ActivationConfig.HardSigmoid(),
                   cell_activation=ActivationConfig.LeakyRelu(negative_slope=0.2),
                   hidden_activation=ActivationConfig.Relu()),
        BiLstmConfig(2, 3, True).with_clip(0.5).with_batch_first(False),
    ]
    for i, config in enumerate(configs):
        assert type(config).from_dict(json.loads(json.dumps(config.to_dict()))) == config
        path = tmp_path / f"c{i}.json"
        config.save(str(path))
        assert type(config).load(str(path)) == config
    assert LstmConfig(2, 3, True).to_dict()["initializer"] == {"XavierNormal": {"gain": 1.0}}
    # a Burn config.json that leaves defaults out still loads
    assert LstmConfig.from_dict({"d_input": 2, "d_hidden": 3, "bias": True}) == \
        LstmConfig(2, 3, True)


def test_config_validation(backend: Any) -> None:
    with pytest.raises(ConfigError, match="bias"):
        LstmConfig(2, 3, "yes")
    with pytest.raises(ValueError, match="sizes must be positive"):
        LstmConfig(0, 3, True).init(backend.device)
    with pytest.raises(ValueError, match="clip must be >= 0"):
        LstmConfig(2, 3, True, clip=-1.0).init(backend.device)
    with pytest.raises(ValueError, match="clip must be >= 0"):
        BiLstmConfig(2, 3, True, clip=-1.0).init(backend.device)


def test_init_is_lazy(backend: Any) -> None:
    lstm = LstmConfig(2, 3, True).init(backend.device)
    assert not any(p.is_initialized() for p in lstm.params())
    assert lstm.num_params() == 84


def test_module_api(ad_backend: Any) -> None:
    lstm = LstmConfig(2, 3, True).init(ad_backend.device)
    valid = lstm.valid()
    assert not type(valid.input_gate.input_transform.weight.val()).backend.is_autodiff()
    x = Tensor[ad_backend.inner].random([1, 2, 2], Distribution.Default,
                                        ad_backend.inner.device(str(ad_backend.device)))
    assert valid.forward(x)[0].dims() == [1, 2, 3]
    frozen = lstm.no_grad()
    assert not any(p.require_grad for p in frozen.params())


# --- GateController -------------------------------------------------------------------------------


def test_gate_controller_new_and_gate_product(backend: Any) -> None:
    case = backend.f64
    gate = GateController.new(3, 2, True, Initializer.Normal(mean=0.0, std=1.0), case.device)
    assert isinstance(gate.input_transform, Linear)
    assert list(gate.input_transform.weight.shape) == [3, 2]
    assert list(gate.hidden_transform.weight.shape) == [2, 2]
    x, xs = random_input(case, [4, 3])
    h, hs = random_input(case, [4, 2], seed=2)
    wx, bx, wh, bh = gate_arrays(gate)
    close(gate.gate_product(x, h), xs @ wx + bx + hs @ wh + bh)
    assert GateController.new(3, 2, False, Initializer.Zeros(), case.device).num_params() == 10


def test_create_with_weights_accepts_records_and_data(backend: Any) -> None:
    d = backend.device
    linear = {"weight": [[1.0, 2.0]], "bias": [0.5, 0.25]}
    hidden = {"weight": TensorData([[1.0, 0.0], [0.0, 1.0]]), "bias": [0.0, 0.0]}
    gate = GateController.create_with_weights(1, 2, True, Initializer.Zeros(), linear, hidden,
                                              device=d)
    out = gate.gate_product(backend.tensor([[2.0]]), backend.tensor([[1.0, -1.0]]))
    np.testing.assert_allclose(out.to_numpy(), [[3.5, 3.25]])
    # a record tree node, and a Linear, work too
    node = LstmConfig(1, 2, True).init(d).input_gate.into_record()
    rebuilt = GateController.create_with_weights(1, 2, True, Initializer.Zeros(),
                                                 node["input_transform"],
                                                 gate.hidden_transform, device=d)
    assert list(rebuilt.input_transform.weight.shape) == [1, 2]
    # bias=False: as in Burn, a record's bias is not loaded
    nobias = GateController.create_with_weights(1, 2, False, Initializer.Zeros(), linear,
                                                hidden, device=d)
    assert nobias.input_transform.bias is None and nobias.hidden_transform.bias is None


def test_create_with_weights_errors(backend: Any) -> None:
    d = backend.device
    ok = {"weight": [[1.0, 2.0]], "bias": [0.0, 0.0]}
    square = {"weight": [[1.0, 0.0], [0.0, 1.0]], "bias": [0.0, 0.0]}
    with pytest.raises(ShapeError, match=r"input_record.weight: expected shape \[2, 2\], got "
                                         r"\[1, 2\]"):
        GateController.create_with_weights(2, 2, True, Initializer.Zeros(), ok, square,
                                           device=d)
    with pytest.raises(ShapeError, match=r"hidden_record.weight: expected shape \[2, 2\]"):
        GateController.create_with_weights(1, 2, True, Initializer.Zeros(), ok, ok, device=d)
    with pytest.raises(ValueError, match="bias=True but the record has no bias"):
        GateController.create_with_weights(1, 2, True, Initializer.Zeros(),
                                           {"weight": [[1.0, 2.0]]}, square, device=d)
    with pytest.raises(ValueError, match="unexpected entries"):
        GateController.create_with_weights(1, 2, True, Initializer.Zeros(),
                                           {**ok, "gamma": 1}, square, device=d)
    with pytest.raises(ValueError, match="cannot tell the backend"):
        GateController.create_with_weights(1, 2, True, Initializer.Zeros(), ok, square)


# --- errors ----------------------------------------------------------------------------------------


def test_forward_errors(backend: Any) -> None:
    d = backend.device
    T = Tensor[backend.B]
    lstm = LstmConfig(2, 3, True).init(d)
    with pytest.raises(RankError, match=r"Lstm.forward: expected a rank-3 input "
                                        r"\[batch_size, seq_length, d_input\].*got shape \[4, 2\]"):
        lstm.forward(T.zeros([4, 2], d))
    with pytest.raises(ShapeError, match=r"Lstm.forward: expected an input of shape "
                                         r"\[_, _, 2\].*got \[4, 5, 3\]"):
        lstm.forward(T.zeros([4, 5, 3], d))
    seq_first = LstmConfig(2, 3, True, batch_first=False).init(d)
    with pytest.raises(RankError, match=r"\[seq_length, batch_size, d_input\]"):
        seq_first.forward(T.zeros([2], d))
    with pytest.raises(ShapeError, match=r"Lstm.forward: expected state.cell of shape \[4, 3\], "
                                         r"got \[5, 3\]"):
        lstm.forward(T.zeros([4, 5, 2], d), LstmState(T.zeros([5, 3], d), T.zeros([5, 3], d)))
    with pytest.raises(RankError, match=r"expected state.cell of shape \[4, 3\], got \[4\]"):
        lstm.forward(T.zeros([4, 5, 2], d), LstmState(T.zeros([4], d), T.zeros([4], d)))
    # Burn's LstmState::new asserts equal shapes: a mismatched state cannot be built
    with pytest.raises(ShapeError, match=r"LstmState: cell shape \[4, 3\] and hidden shape "
                                         r"\[4\] must be equal"):
        LstmState(T.zeros([4, 3], d), T.zeros([4], d))
    with pytest.raises(TypeError, match="state must be an LstmState"):
        lstm.forward(T.zeros([4, 5, 2], d), (T.zeros([4, 3], d), T.zeros([4, 3], d)))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="expected a tensor"):
        lstm.forward(np.zeros((4, 5, 2)))


def test_bilstm_forward_errors(backend: Any) -> None:
    d = backend.device
    T = Tensor[backend.B]
    bi = BiLstmConfig(2, 3, True).init(d)
    with pytest.raises(RankError, match="BiLstm.forward: expected a rank-3 input"):
        bi.forward(T.zeros([2, 2], d))
    with pytest.raises(ShapeError, match=r"BiLstm.forward: expected an input of shape \[_, _, 2\]"):
        bi.forward(T.zeros([1, 2, 5], d))
    # a per-direction state [batch, hidden] is not a BiLstm state [2, batch, hidden]
    with pytest.raises(RankError, match=r"BiLstm.forward: expected state.cell of shape "
                                        r"\[2, 4, 3\], got \[4, 3\]"):
        bi.forward(T.zeros([4, 5, 2], d), LstmState(T.zeros([4, 3], d), T.zeros([4, 3], d)))
    with pytest.raises(ShapeError, match=r"expected state.cell of shape \[2, 4, 3\], "
                                         r"got \[2, 4, 4\]"):
        bi.forward(T.zeros([4, 5, 2], d),
                   LstmState(T.zeros([2, 4, 4], d), T.zeros([2, 4, 4], d)))


def test_create_with_weights_from_two_linears(backend: Any) -> None:
    """Burn's current form, ``create_with_weights(input_transform, hidden_transform)``."""
    d = backend.device
    inp = LinearConfig(3, 2).init(d)
    hidden = LinearConfig(2, 2, bias=False).init(d)
    gate = GateController.create_with_weights(inp, hidden)
    assert gate.input_transform is inp and gate.hidden_transform is hidden
    x, h = backend.tensor(np.ones((1, 3))), backend.tensor(np.ones((1, 2)))
    np.testing.assert_allclose(gate.gate_product(x, h).to_numpy(),
                               (inp.forward(x) + hidden.forward(h)).to_numpy())
    with pytest.raises(ShapeError, match=r"hidden_transform.weight .*expected shape \[2, 2\], "
                                         r"got \[3, 2\]"):
        GateController.create_with_weights(inp, LinearConfig(3, 2).init(d))
    with pytest.raises(TypeError, match="a mix of both"):
        GateController.create_with_weights(inp, hidden, True)  # type: ignore[call-overload]
