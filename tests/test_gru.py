"""`Gru` and `BiGru` on every backend row: Burn's ``gru.rs`` tests ported (same inputs, expected
values and tolerances), then reset-after vs reset-before, batch_first, states, clipping,
records, configs and errors."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import numpy as np
import pytest

from pyburn import Distribution, Tensor, TensorData
from pyburn.module import Param
from pyburn.nn import (ActivationConfig, BiGru, BiGruConfig, GateController, Gru, GruConfig,
                       Initializer)
from pyburn.tensor import RankError, ShapeError, Tolerance


def data(values: Any) -> TensorData:
    return TensorData(np.asarray(values, dtype=np.float32))


# --- Burn's gru.rs tests, ported ------------------------------------------------------------------


def _scalar_gate(case: Any, weight: float) -> GateController:
    d = case.device
    record = {"weight": Param.from_data([[weight]], d),
              "bias": Param.from_data([0.0], d)}
    return GateController.create_with_weights(1, 1, False, Initializer.XavierNormal(gain=1.0),
                                              record, dict(record))


def init_gru(case: Any, reset_after: bool) -> Gru:
    """Burn's ``init_gru``: 1 -> 1, weights 0.5 (update), 0.6 (reset), 0.7 (new), no bias."""
    gru = GruConfig(1, 1, False).with_reset_after(reset_after).init(case.device)
    gru.update_gate = _scalar_gate(case, 0.5)
    gru.reset_gate = _scalar_gate(case, 0.6)
    gru.new_gate = _scalar_gate(case, 0.7)
    return gru


def test_forward_single_input_single_feature(backend: Any) -> None:
    """z = sigmoid(0.05) = 0.5125, r = sigmoid(0.06) = 0.5150, g = tanh(0.07) = 0.0699;
    h = z * 0 + (1 - z) * g = 0.0341."""
    backend.B.seed(0)
    gru = init_gru(backend, False)
    x = backend.tensor(data([[[0.1]]]))
    expected = data([[0.034]])
    output = gru.forward(x, None)[0]  # Burn: select(0, [0]).squeeze_dim(0)
    output.to_data().assert_approx_eq(expected, Tolerance.default())
    gru.reset_after = True  # override forward behavior
    gru.forward(x, None)[0].to_data().assert_approx_eq(expected, Tolerance.default())


def test_forward_seq_len_3(backend: Any) -> None:
    backend.B.seed(0)
    gru = init_gru(backend, True)
    x = backend.tensor(data([[[0.1], [0.2], [0.3]]]))
    expected = data([[0.0341], [0.0894], [0.1575]])
    gru.forward(x, None)[0].to_data().assert_approx_eq(expected, Tolerance.default())
    gru.reset_after = False
    gru.forward(x, None)[0].to_data().assert_approx_eq(expected, Tolerance.default())


def test_batched_forward_pass(backend: Any) -> None:
    gru = GruConfig(64, 1024, True).init(backend.device)
    x = Tensor[backend.B].random([8, 10, 64], Distribution.Default, backend.device)
    assert gru.forward(x, None).dims() == [8, 10, 1024]


def test_display(backend: Any) -> None:
    layer = GruConfig(2, 8, True).init(backend.device)
    assert str(layer) == "Gru {d_input: 2, d_hidden: 8, bias: true, reset_after: true, params: 288}"


def test_bigru_batched_forward_pass(backend: Any) -> None:
    bigru = BiGruConfig(64, 1024, True).init(backend.device)
    x = Tensor[backend.B].random([8, 10, 64], Distribution.Default, backend.device)
    output, state = bigru.forward(x, None)
    assert output.dims() == [8, 10, 2048]
    assert state.dims() == [2, 8, 1024]


def test_bigru_with_initial_state(backend: Any) -> None:
    bigru = BiGruConfig(32, 64, True).init(backend.device)
    x = Tensor[backend.B].random([4, 5, 32], Distribution.Default, backend.device)
    initial = Tensor[backend.B].random([2, 4, 64], Distribution.Default, backend.device)
    output, state = bigru.forward(x, initial)
    assert output.dims() == [4, 5, 128]
    assert state.dims() == [2, 4, 64]


def test_bigru_seq_first(backend: Any) -> None:
    bigru = BiGruConfig(32, 64, True).with_batch_first(False).init(backend.device)
    x = Tensor[backend.B].random([5, 4, 32], Distribution.Default, backend.device)
    output, state = bigru.forward(x, None)
    assert output.dims() == [5, 4, 128]
    assert state.dims() == [2, 4, 64]


def _gate(case: Any, input_weights: list[list[float]], input_biases: list[float],
          hidden_weights: list[list[float]], hidden_biases: list[float]) -> GateController:
    """Burn's ``create_gate_controller`` (see test_lstm.py: d_input/d_output passed the right
    way round, since pyburn checks them)."""
    d = case.device
    return GateController.create_with_weights(
        len(input_weights), len(input_weights[0]), True, Initializer.XavierUniform(gain=1.0),
        {"weight": Param.from_data(data(input_weights), d),
         "bias": Param.from_data(data(input_biases), d)},
        {"weight": Param.from_data(data(hidden_weights), d),
         "bias": Param.from_data(data(hidden_biases), d)})


FORWARD_GATES = {
    "update_gate": ([[-0.2811, 0.5090, 0.5018], [0.3391, -0.4236, 0.1081]],
                    [0.2932, -0.3519, -0.5715],
                    [[-0.3471, 0.5214, 0.0961], [0.0545, -0.4904, -0.1875],
                     [-0.5702, 0.4457, 0.3568]],
                    [-0.0100, 0.4518, -0.4102]),
    "reset_gate": ([[0.4414, -0.1353, -0.1265], [0.4792, 0.5304, 0.1165]],
                   [-0.2524, 0.3333, 0.1033],
                   [[-0.2695, -0.0677, -0.4557], [0.1472, -0.2345, -0.2662],
                    [-0.2660, 0.3830, -0.1630]],
                   [0.1663, 0.2391, 0.1826]),
    "new_gate": ([[0.4266, 0.2784, 0.4451], [0.0782, -0.0815, 0.0853]],
                 [-0.2231, -0.4428, 0.4737],
                 [[0.0900, -0.1821, 0.2430], [0.4665, 0.1551, 0.5155],
                  [0.0631, -0.1566, 0.3337]],
                 [0.0364, -0.3941, 0.1780]),
}
REVERSE_GATES = {
    "update_gate": ([[-0.3444, 0.1924, -0.4765], [0.5193, 0.5556, -0.5727]],
                    [0.1090, 0.1779, -0.5385],
                    [[0.1221, 0.3925, 0.5287], [-0.1472, -0.4187, -0.1948],
                     [0.3441, -0.3082, -0.2047]],
                    [0.0016, -0.2148, -0.0400]),
    "reset_gate": ([[-0.1988, -0.1203, -0.3422], [0.1769, 0.4788, -0.3443]],
                   [-0.5053, -0.3676, 0.5771],
                   [[-0.3936, 0.3504, -0.4486], [0.3063, -0.1370, -0.2914],
                    [-0.2334, 0.3303, 0.1760]],
                   [-0.5080, -0.2488, -0.3456]),
    "new_gate": ([[-0.4517, 0.2339, 0.4797], [-0.3884, 0.2067, -0.2982]],
                 [-0.3792, -0.1922, 0.0903],
                 [[-0.5586, -0.0762, -0.3944], [-0.3306, -0.4191, -0.4898],
                  [0.1442, 0.0135, -0.3179]],
                 [-0.3912, -0.3963, -0.3368]),
}


def _set_gates(case: Any, gru: Gru, gates: dict[str, Any]) -> None:
    for name, values in gates.items():
        setattr(gru, name, _gate(case, *values))


def test_bigru_against_pytorch(backend: Any) -> None:
    backend.B.seed(0)
    bigru = BiGruConfig(2, 3, True).init(backend.device)
    _set_gates(backend, bigru.forward_gru, FORWARD_GATES)
    _set_gates(backend, bigru.reverse_gru, REVERSE_GATES)
    x = backend.tensor(data([[[0.949, -0.861], [0.892, 0.927], [-0.173, -0.301],
                               [-0.081, 0.992]]]))
    h0 = backend.tensor(data([[[0.280, 0.360, -1.242]], [[-0.588, 0.729, -0.788]]]))
    expected_output_with_init = data([[
        [0.24537, 0.14018, 0.19449, -0.49777, -0.15647, 0.48392],
        [0.27468, -0.14514, 0.56205, -0.60381, -0.04986, 0.15683],
        [-0.04062, -0.33486, 0.52330, -0.42244, -0.12644, -0.12034],
        [-0.11743, -0.53873, 0.54429, -0.64943, 0.30127, -0.41943]]])
    expected_hn_with_init = data([[[-0.11743, -0.53873, 0.54429]],
                                  [[-0.49777, -0.15647, 0.48392]]])
    expected_output_without_init = data([[
        [0.07452, -0.08247, 0.46677, -0.46770, -0.18086, 0.47519],
        [0.15843, -0.27144, 0.65781, -0.50286, -0.12806, 0.14884],
        [-0.10704, -0.41573, 0.53954, -0.24794, -0.24003, -0.10294],
        [-0.16505, -0.57952, 0.53565, -0.23598, -0.07137, -0.28937]]])
    expected_hn_without_init = data([[[-0.16505, -0.57952, 0.53565]],
                                     [[-0.46770, -0.18086, 0.47519]]])

    output_with, hn_with = bigru.forward(x, h0)
    output_without, hn_without = bigru.forward(x, None)

    tolerance = Tolerance.permissive()
    output_with.to_data().assert_approx_eq(expected_output_with_init, tolerance)
    output_without.to_data().assert_approx_eq(expected_output_without_init, tolerance)
    hn_with.to_data().assert_approx_eq(expected_hn_with_init, tolerance)
    hn_without.to_data().assert_approx_eq(expected_hn_without_init, tolerance)


def test_bigru_display(backend: Any) -> None:
    layer = BiGruConfig(2, 8, True).init(backend.device)
    assert str(layer) == "BiGru {d_input: 2, d_hidden: 8, bias: true, params: 576}"


def test_gru_custom_activations(backend: Any) -> None:
    gru = GruConfig(4, 8, True).with_gate_activation(ActivationConfig.Relu()) \
        .with_hidden_activation(ActivationConfig.Relu()).init(backend.device)
    x = Tensor[backend.B].random([2, 3, 4], Distribution.Default, backend.device)
    assert gru.forward(x, None).dims() == [2, 3, 8]


def test_bigru_custom_activations(backend: Any) -> None:
    bigru = BiGruConfig(4, 8, True).with_gate_activation(ActivationConfig.Relu()) \
        .with_hidden_activation(ActivationConfig.Relu()).init(backend.device)
    x = Tensor[backend.B].random([2, 3, 4], Distribution.Default, backend.device)
    output, state = bigru.forward(x, None)
    assert output.dims() == [2, 3, 16] and state.dims() == [2, 2, 8]


def test_gru_clipping(backend: Any) -> None:
    gru = GruConfig(4, 8, True).with_clip(0.5).init(backend.device)
    x = Tensor[backend.B].random([2, 5, 4], Distribution.Default, backend.device)
    values = gru.forward(x, None).to_numpy()
    assert values.min() >= -0.5 and values.max() <= 0.5


def test_bigru_clipping(backend: Any) -> None:
    bigru = BiGruConfig(4, 8, True).with_clip(0.3).init(backend.device)
    x = Tensor[backend.B].random([2, 5, 4], Distribution.Default, backend.device)
    output, state = bigru.forward(x, None)
    for values in (output.to_numpy(), state.to_numpy()):
        assert values.min() >= -np.float32(0.3) and values.max() <= np.float32(0.3)


def test_gru_against_pytorch(backend: Any) -> None:
    backend.B.seed(0)
    gru = GruConfig(2, 3, True).init(backend.device)
    _set_gates(backend, gru, FORWARD_GATES)
    x = backend.tensor(data([[[-0.11147, 0.12036], [-0.36963, -0.24042], [-1.19692, 0.20927],
                               [-0.97236, -0.75505]]]))
    h0 = backend.tensor(data([[0.3239, -0.10852, 0.21033]]))
    expected_output_with_h0 = data([[
        [0.05665, -0.34932, 0.43267], [-0.1737, -0.49246, 0.38099],
        [-0.35401, -0.68099, 0.05061], [-0.47854, -0.70427, -0.13648]]])
    expected_output_no_h0 = data([[
        [-0.0985, -0.31661, 0.36126], [-0.24563, -0.47784, 0.34609],
        [-0.39497, -0.67659, 0.03083], [-0.50146, -0.70066, -0.14894]]])
    tolerance = Tolerance.permissive()
    gru.forward(x, h0).to_data().assert_approx_eq(expected_output_with_h0, tolerance)
    gru.forward(x, None).to_data().assert_approx_eq(expected_output_no_h0, tolerance)


# --- a NumPy reference of gru.rs's equations -----------------------------------------------------


def _arrays(gate: GateController) -> tuple[np.ndarray, ...]:
    def arr(p: Any, n: int) -> np.ndarray:
        return np.zeros(n) if p is None else p.val().to_numpy().astype(np.float64)
    h = gate.d_output
    return (arr(gate.input_transform.weight, 0), arr(gate.input_transform.bias, h),
            arr(gate.hidden_transform.weight, 0), arr(gate.hidden_transform.bias, h))


def reference_gru(gru: Gru, x: np.ndarray, h: np.ndarray | None = None,
                  reverse: bool = False) -> tuple[np.ndarray, np.ndarray]:
    sig = lambda v: 1 / (1 + np.exp(-v))  # noqa: E731
    z_w, r_w, n_w = (_arrays(g) for g in (gru.update_gate, gru.reset_gate, gru.new_gate))
    batch, seq, _ = x.shape
    h = np.zeros((batch, gru.d_hidden)) if h is None else h
    out = np.zeros((batch, seq, gru.d_hidden))
    for t in (range(seq - 1, -1, -1) if reverse else range(seq)):
        xt = x[:, t]
        z = sig(xt @ z_w[0] + z_w[1] + h @ z_w[2] + z_w[3])
        r = sig(xt @ r_w[0] + r_w[1] + h @ r_w[2] + r_w[3])
        if gru.reset_after:
            n = np.tanh(xt @ n_w[0] + n_w[1] + r * (h @ n_w[2] + n_w[3]))
        else:
            n = np.tanh(xt @ n_w[0] + n_w[1] + (r * h) @ n_w[2] + n_w[3])
        h = (1 - z) * n + z * h
        if gru.clip is not None:
            h = np.clip(h, -gru.clip, gru.clip)
        out[:, t] = h
    return out, h


def close(actual: Any, expected: np.ndarray, atol: float = 1e-10) -> None:
    np.testing.assert_allclose(np.asarray(actual.to_numpy(), dtype=np.float64), expected,
                               rtol=1e-9, atol=atol)


@pytest.mark.parametrize("reset_after", [True, False])
@pytest.mark.parametrize("clip", [None, 0.2])
def test_matches_reference(backend: Any, reset_after: bool, clip: float | None) -> None:
    case = backend.f64
    case.B.seed(1)
    gru = GruConfig(3, 4, True, reset_after=reset_after, clip=clip,
                    initializer=Initializer.Normal(mean=0.0, std=0.7)).init(case.device)
    xs = np.random.default_rng(0).normal(size=(2, 5, 3))
    h0 = np.random.default_rng(1).normal(size=(2, 4))
    output, final = gru.forward_with_state(case.tensor(xs), case.tensor(h0))
    ref_out, ref_h = reference_gru(gru, xs, h0)
    close(output, ref_out)
    close(final, ref_h)


def test_reset_after_changes_the_candidate(backend: Any) -> None:
    """``r * (h @ W_h + b_h)`` vs ``(r * h) @ W_h + b_h``: different functions in general (Burn's
    1x1 bias-free fixture above is a case where they agree)."""
    case = backend.f64
    case.B.seed(2)
    after = GruConfig(3, 4, True).init(case.device)
    before = dataclasses.replace(after, reset_after=False)
    x = case.tensor(np.random.default_rng(0).normal(size=(2, 4, 3)))
    first_after, first_before = after.forward(x).to_numpy(), before.forward(x).to_numpy()
    assert not np.allclose(first_after, first_before)
    # from a zero state the hidden matmul vanishes: only the hidden bias tells them apart
    no_bias = GruConfig(3, 4, False).init(case.device)
    single = case.tensor(np.random.default_rng(1).normal(size=(2, 1, 3)))
    close(no_bias.forward(single), dataclasses.replace(no_bias, reset_after=False)
          .forward(single).to_numpy(), atol=1e-14)


def test_batch_first_false(backend: Any) -> None:
    case = backend.f64
    gru = GruConfig(3, 4, True).init(case.device)
    seq_first = dataclasses.replace(gru, batch_first=False)
    xs = np.random.default_rng(0).normal(size=(2, 5, 3))
    out_b, h_b = gru.forward_with_state(case.tensor(xs))
    out_s, h_s = seq_first.forward_with_state(case.tensor(xs.transpose(1, 0, 2)))
    assert out_s.dims() == [5, 2, 4]
    close(out_s, out_b.to_numpy().transpose(1, 0, 2), atol=1e-14)
    close(h_s, h_b.to_numpy(), atol=1e-14)


def test_forward_with_state_is_the_last_output(backend: Any) -> None:
    gru = GruConfig(3, 4, True).init(backend.device)
    x = Tensor[backend.B].random([2, 5, 3], Distribution.Default, backend.device)
    output, final = gru.forward_with_state(x)
    np.testing.assert_array_equal(final.to_numpy(), output.to_numpy()[:, -1])
    np.testing.assert_array_equal(gru.forward(x).to_numpy(), output.to_numpy())


def test_bigru_matches_two_reference_directions(backend: Any) -> None:
    case = backend.f64
    bigru = BiGruConfig(3, 4, True, batch_first=False).init(case.device)
    xs = np.random.default_rng(0).normal(size=(5, 2, 3))  # [seq, batch, input]
    h0 = np.random.default_rng(1).normal(size=(2, 2, 4))
    output, state = bigru.forward(case.tensor(xs), case.tensor(h0))
    xb = xs.transpose(1, 0, 2)
    out_f, h_f = reference_gru(bigru.forward_gru, xb, h0[0])
    out_r, h_r = reference_gru(bigru.reverse_gru, xb, h0[1], reverse=True)
    close(output, np.concatenate([out_f, out_r], axis=2).transpose(1, 0, 2))
    close(state, np.stack([h_f, h_r]))


def test_state_carries_over_between_chunks(backend: Any) -> None:
    case = backend.f64
    gru = GruConfig(3, 4, True).init(case.device)
    xs = np.random.default_rng(0).normal(size=(2, 6, 3))
    whole = gru.forward(case.tensor(xs))
    first, mid = gru.forward_with_state(case.tensor(xs[:, :2]))
    second = gru.forward(case.tensor(xs[:, 2:]), mid)
    close(second, whole.to_numpy()[:, 2:], atol=1e-14)


def test_gradients_reach_every_gate(ad_backend: Any) -> None:
    gru = GruConfig(3, 4, True).init(ad_backend.device)
    x = Tensor[ad_backend.B].random([2, 3, 3], Distribution.Default, ad_backend.device)
    grads = gru.forward(x).sum().backward()
    for path, param in gru.named_params():
        grad = param.val().grad(grads)
        assert grad is not None and grad.dims() == list(param.shape), path
        assert np.abs(grad.to_numpy()).sum() > 0, path


# --- records, configs, errors ---------------------------------------------------------------------


def test_record_names(backend: Any) -> None:
    gru = GruConfig(2, 3, True).init(backend.device)
    assert list(gru.into_record())[:3] == ["update_gate", "reset_gate", "new_gate"]
    bigru = BiGruConfig(2, 3, True).init(backend.device)
    record = bigru.into_record()
    assert "forward" in record and "reverse" in record and "forward_gru" not in record
    loaded = BiGruConfig(2, 3, True).init(backend.device).load_record(record)
    np.testing.assert_array_equal(
        loaded.reverse_gru.new_gate.hidden_transform.weight.val().to_numpy(),
        bigru.reverse_gru.new_gate.hidden_transform.weight.val().to_numpy())


def test_config_defaults_and_round_trip(tmp_path: Any) -> None:
    c = GruConfig(2, 3, True)
    assert c.reset_after is True and c.clip is None and c.batch_first is True
    assert c.initializer == Initializer.XavierNormal(gain=1.0)
    assert c.gate_activation == ActivationConfig.Sigmoid()
    assert c.hidden_activation == ActivationConfig.Tanh()
    for config in (c, GruConfig(4, 5, False, reset_after=False, clip=1.0, batch_first=False),
                   BiGruConfig(2, 3, True).with_clip(0.5).with_reset_after(False)):
        assert type(config).from_dict(json.loads(json.dumps(config.to_dict()))) == config
        config.save(str(tmp_path / "gru.json"))
        assert type(config).load(str(tmp_path / "gru.json")) == config
    # Burn's config.json has no batch_first: the default fills it in
    assert GruConfig.from_dict({"d_input": 2, "d_hidden": 3, "bias": True}) == c


def test_errors(backend: Any) -> None:
    d = backend.device
    T = Tensor[backend.B]
    gru = GruConfig(2, 3, True).init(d)
    with pytest.raises(RankError, match=r"Gru.forward: expected a rank-3 input"):
        gru.forward(T.zeros([3, 2], d))
    with pytest.raises(ShapeError, match=r"Gru.forward: expected an input of shape \[_, _, 2\]"
                                         r".*got \[1, 4, 7\]"):
        gru.forward(T.zeros([1, 4, 7], d))
    with pytest.raises(ShapeError, match=r"Gru.forward: expected state of shape \[1, 3\], "
                                         r"got \[2, 3\]"):
        gru.forward(T.zeros([1, 4, 2], d), T.zeros([2, 3], d))
    bigru = BiGruConfig(2, 3, True).init(d)
    with pytest.raises(RankError, match=r"BiGru.forward: expected state of shape \[2, 1, 3\], "
                                        r"got \[1, 3\]"):
        bigru.forward(T.zeros([1, 4, 2], d), T.zeros([1, 3], d))
    with pytest.raises(ValueError, match="sizes must be positive"):
        GruConfig(2, 0, True).init(d)
    with pytest.raises(ValueError, match="clip must be >= 0"):
        BiGruConfig(2, 3, True, clip=-0.1).init(d)


def test_isinstance_of_modules(backend: Any) -> None:
    assert isinstance(GruConfig(1, 1, True).init(backend.device), Gru)
    assert isinstance(BiGruConfig(1, 1, True).init(backend.device), BiGru)
