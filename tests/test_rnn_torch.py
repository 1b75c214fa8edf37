"""pyburn's recurrent layers against ``torch.nn.LSTM``/``nn.GRU`` with copied weights.

On every backend row: outputs and final states equal torch's (float64), for unidirectional and
bidirectional layers, several shapes (batch 1, sequence length 1), both layouts, with and
without an initial state. On the Autodiff rows: the gradients of every parameter, of the input
and of the initial state equal torch autograd's. Then the interop functions themselves: round
trips torch -> pyburn -> torch are exact, every input form loads, and every mismatch is a clear
error. Skipped (with the reason in the -ra summary) when torch is not installed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch is not installed: no torch.nn comparison")

from pyburn import Tensor, TensorData  # noqa: E402
from pyburn.nn import (ActivationConfig, BiGru, BiGruConfig, BiLstm, BiLstmConfig, Gru, GruConfig,  # noqa: E402
                       Linear, LinearConfig, Lstm, LstmConfig, LstmState, from_torch,
                       load_torch_state_dict, save_torch_safetensors, to_torch_state_dict)
from pyburn.record import RecordError, save_safetensors  # noqa: E402
from pyburn.tensor import ShapeError  # noqa: E402


def tensor(case: Any, values: np.ndarray, grad: bool = False) -> Any:
    t = Tensor[case.B].from_data(np.asarray(values), case.device)
    return t.require_grad() if grad else t


def torch_rnn(kind: str, d_input: int, d_hidden: int, *, bidirectional: bool = False,
              batch_first: bool = True, bias: bool = True, seed: int = 0, **kw: Any) -> Any:
    torch.manual_seed(seed)
    cls = torch.nn.LSTM if kind == "lstm" else torch.nn.GRU
    return cls(d_input, d_hidden, bias=bias, batch_first=batch_first,
               bidirectional=bidirectional, **kw).double()


def run_torch(kind: str, m: Any, x: np.ndarray, h0: np.ndarray | None,
              c0: np.ndarray | None) -> dict[str, Any]:
    """torch's outputs, and the gradients of a weighted sum of them."""
    xt = torch.tensor(x, requires_grad=True)
    ht = None if h0 is None else torch.tensor(h0, requires_grad=True)
    ct = None if c0 is None else torch.tensor(c0, requires_grad=True)
    if kind == "lstm":
        out, (h_n, c_n) = m(xt, None if ht is None else (ht, ct))
    else:
        out, h_n = m(xt, ht)
        c_n = None
    return {"module": m, "x": xt, "h0": ht, "c0": ct, "out": out, "h_n": h_n, "c_n": c_n}


def loss_weights(out_shape: tuple[int, ...], state_shape: tuple[int, ...]) -> dict[str, Any]:
    rng = np.random.default_rng(42)
    return {"out": rng.normal(size=out_shape), "h": rng.normal(size=state_shape),
            "c": rng.normal(size=state_shape)}


CASES = [  # (batch, seq, d_input, d_hidden)
    (1, 1, 3, 2),
    (1, 5, 2, 3),
    (3, 4, 5, 6),
    (2, 1, 4, 4),
]
KINDS = ["lstm", "bilstm", "gru", "bigru"]


def pyburn_forward(kind: str, module: Any, case: Any, x: Any, h0: np.ndarray | None,
                   c0: np.ndarray | None, grad: bool) -> tuple[Any, Any, Any, Any, Any]:
    """(output, h_n, c_n, h0 tensor, c0 tensor) with states in torch's [dirs, batch, hidden]."""
    bi = kind.startswith("bi")
    h0_t = None if h0 is None else tensor(case, h0 if bi else h0[0], grad)
    c0_t = None if c0 is None else tensor(case, c0 if bi else c0[0], grad)
    if kind in ("lstm", "bilstm"):
        state = None if h0_t is None else LstmState(c0_t, h0_t)
        out, final = module.forward(x, state)
        h_n, c_n = final.hidden, final.cell
    elif kind == "gru":
        out, h_n = module.forward_with_state(x, h0_t)
        c_n = None
    else:
        out, h_n = module.forward(x, h0_t)
        c_n = None
    if not bi:
        h_n = h_n.unsqueeze_dim(0)
        c_n = None if c_n is None else c_n.unsqueeze_dim(0)
    return out, h_n, c_n, h0_t, c0_t


def setup(kind: str, shape: tuple[int, int, int, int], batch_first: bool, with_state: bool,
          case: Any) -> tuple[Any, Any, np.ndarray, np.ndarray | None, np.ndarray | None]:
    batch, seq, d_input, d_hidden = shape
    base = kind.removeprefix("bi")
    m = torch_rnn(base, d_input, d_hidden, bidirectional=kind.startswith("bi"),
                  batch_first=batch_first, seed=sum(shape))
    module = from_torch(m, case.device)
    rng = np.random.default_rng(7)
    x = rng.normal(size=(batch, seq, d_input) if batch_first else (seq, batch, d_input))
    dirs = 2 if kind.startswith("bi") else 1
    h0 = rng.normal(size=(dirs, batch, d_hidden)) if with_state else None
    c0 = rng.normal(size=(dirs, batch, d_hidden)) if with_state and base == "lstm" else None
    return m, module, x, h0, c0


def as_array(value: Any) -> np.ndarray:
    """A pyburn tensor, a torch tensor or an array, as a float64 array."""
    if isinstance(value, torch.Tensor):
        value = value.detach().numpy()
    elif isinstance(value, Tensor):
        value = value.to_numpy()
    return np.asarray(value, dtype=np.float64)


def check(actual: Any, expected: Any, what: str, tol: float = 1e-10) -> None:
    np.testing.assert_allclose(as_array(actual), as_array(expected), rtol=tol, atol=tol,
                               err_msg=what)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("shape", CASES, ids=lambda s: "b{}_t{}_i{}_h{}".format(*s))
@pytest.mark.parametrize("batch_first", [True, False], ids=["batch_first", "seq_first"])
@pytest.mark.parametrize("with_state", [False, True], ids=["zero_state", "init_state"])
def test_forward_matches_torch(backend: Any, kind: str, shape: tuple[int, int, int, int],
                               batch_first: bool, with_state: bool) -> None:
    case = backend.f64
    m, module, x, h0, c0 = setup(kind, shape, batch_first, with_state, case)
    with torch.no_grad():
        ref = run_torch(kind.removeprefix("bi"), m, x, h0, c0)
    out, h_n, c_n, _, _ = pyburn_forward(kind, module, case, tensor(case, x), h0, c0, False)
    check(out, ref["out"], "output")
    check(h_n, ref["h_n"], "final hidden state")
    if c_n is not None:
        check(c_n, ref["c_n"], "final cell state")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("shape", CASES, ids=lambda s: "b{}_t{}_i{}_h{}".format(*s))
@pytest.mark.parametrize("batch_first", [True, False], ids=["batch_first", "seq_first"])
@pytest.mark.parametrize("with_state", [False, True], ids=["zero_state", "init_state"])
def test_gradients_match_torch(ad_backend: Any, kind: str, shape: tuple[int, int, int, int],
                               batch_first: bool, with_state: bool) -> None:
    case = ad_backend.f64
    m, module, x, h0, c0 = setup(kind, shape, batch_first, with_state, case)
    ref = run_torch(kind.removeprefix("bi"), m, x, h0, c0)
    w = loss_weights(tuple(ref["out"].shape), tuple(ref["h_n"].shape))
    loss = (ref["out"] * torch.tensor(w["out"])).sum() + (ref["h_n"] * torch.tensor(w["h"])).sum()
    if ref["c_n"] is not None:
        loss = loss + (ref["c_n"] * torch.tensor(w["c"])).sum()
    loss.backward()

    xb = tensor(case, x, grad=True)
    out, h_n, c_n, h0_t, c0_t = pyburn_forward(kind, module, case, xb, h0, c0, True)
    ours = (out * tensor(case, w["out"])).sum() + (h_n * tensor(case, w["h"])).sum()
    if c_n is not None:
        ours = ours + (c_n * tensor(case, w["c"])).sum()
    check(ours, loss, "loss")
    grads = ours.backward()

    for path, param in module.named_params():
        assert param.val().grad(grads) is not None, f"no gradient for {path}"
    expected = {name: p.grad.numpy() for name, p in m.named_parameters()}
    actual = to_torch_state_dict(module, grads=grads)
    assert set(actual) == set(expected)
    for name in expected:
        check(actual[name], expected[name], f"gradient of {name}")
    check(xb.grad(grads), ref["x"].grad, "gradient of the input")
    if with_state:
        bi = kind.startswith("bi")
        h_grad = ref["h0"].grad.numpy()
        check(h0_t.grad(grads), h_grad if bi else h_grad[0], "gradient of h0")
        if c0_t is not None:
            c_grad = ref["c0"].grad.numpy()
            check(c0_t.grad(grads), c_grad if bi else c_grad[0], "gradient of c0")


def test_float32_forward_matches_torch(backend: Any) -> None:
    """The default precision, as a user would run it (float32 tolerances)."""
    m = torch_rnn("lstm", 4, 5, bidirectional=True).float()
    module = from_torch(m, backend.device)
    x = np.random.default_rng(0).normal(size=(2, 6, 4)).astype(np.float32)
    with torch.no_grad():
        out, (h_n, c_n) = m(torch.tensor(x))
    ours, state = module.forward(tensor(backend, x))
    check(ours, out, "output", tol=1e-5)
    check(state.hidden, h_n, "h_n", tol=1e-5)
    check(state.cell, c_n, "c_n", tol=1e-5)


def test_linear_matches_torch(backend: Any) -> None:
    torch.manual_seed(0)
    lin = torch.nn.Linear(3, 4).double()
    ours = from_torch(lin, backend.f64.device)
    assert isinstance(ours, Linear) and list(ours.weight.shape) == [3, 4]
    x = np.random.default_rng(0).normal(size=(2, 5, 3))
    with torch.no_grad():
        ref = lin(torch.tensor(x))
    check(ours.forward(tensor(backend.f64, x)), ref, "linear output")


# --- interop: round trips and inputs --------------------------------------------------------------


def torch_state(m: Any) -> dict[str, np.ndarray]:
    return {k: v.detach().numpy() for k, v in m.state_dict().items()}


def assert_same_state(actual: dict[str, np.ndarray], expected: dict[str, np.ndarray]) -> None:
    assert set(actual) == set(expected)
    for k in expected:
        assert actual[k].shape == expected[k].shape, k
        np.testing.assert_array_equal(actual[k], expected[k], err_msg=k)


@pytest.mark.parametrize("kind, config", [
    ("lstm", lambda: LstmConfig(3, 4, True)),
    ("lstm", lambda: LstmConfig(3, 4, False)),
    ("bilstm", lambda: BiLstmConfig(3, 4, True)),
    ("bilstm", lambda: BiLstmConfig(3, 4, False)),
    ("gru", lambda: GruConfig(3, 4, True)),
    ("gru", lambda: GruConfig(3, 4, False)),
    ("bigru", lambda: BiGruConfig(3, 4, True)),
], ids=["lstm", "lstm_nobias", "bilstm", "bilstm_nobias", "gru", "gru_nobias", "bigru"])
def test_round_trip_is_exact(backend: Any, kind: str, config: Any) -> None:
    cfg = config()
    m = torch_rnn(kind.removeprefix("bi"), 3, 4, bidirectional=kind.startswith("bi"),
                  bias=cfg.bias).float()
    expected = torch_state(m)
    module = cfg.init(backend.device)
    loaded = load_torch_state_dict(module, m.state_dict())
    assert_same_state(to_torch_state_dict(loaded), expected)
    # ids and flags survive, nothing else changed
    assert [p.id for p in loaded.params()] == [p.id for p in module.params()]
    # and back into torch
    fresh = torch_rnn(kind.removeprefix("bi"), 3, 4, bidirectional=kind.startswith("bi"),
                      bias=cfg.bias, seed=99).float()
    fresh.load_state_dict({k: torch.from_numpy(v) for k, v in to_torch_state_dict(loaded).items()})
    assert_same_state(torch_state(fresh), expected)


def test_gate_mapping_is_torchs_order(backend: Any) -> None:
    """weight_ih_l0 rows are (i, f, g, o) for an LSTM and (r, z, n) for a GRU, transposed."""
    rows = np.arange(4 * 2 * 3, dtype=np.float32).reshape(8, 3)
    hidden = np.zeros((8, 2), dtype=np.float32)
    lstm = load_torch_state_dict(LstmConfig(3, 2, False).init(backend.device),
                                 {"weight_ih_l0": rows, "weight_hh_l0": hidden})
    for k, gate in enumerate((lstm.input_gate, lstm.forget_gate, lstm.cell_gate,
                              lstm.output_gate)):
        np.testing.assert_array_equal(gate.input_transform.weight.val().to_numpy(),
                                      rows[2 * k:2 * k + 2].T)
    gru = load_torch_state_dict(GruConfig(3, 2, False).init(backend.device),
                                {"weight_ih_l0": rows[:6], "weight_hh_l0": hidden[:6]})
    for k, gate in enumerate((gru.reset_gate, gru.update_gate, gru.new_gate)):
        np.testing.assert_array_equal(gate.input_transform.weight.val().to_numpy(),
                                      rows[2 * k:2 * k + 2].T)


def test_biases_load_exactly_as_given(backend: Any) -> None:
    m = torch_rnn("lstm", 2, 3).float()
    lstm = from_torch(m, backend.device)
    b_ih, b_hh = m.bias_ih_l0.detach().numpy(), m.bias_hh_l0.detach().numpy()
    np.testing.assert_array_equal(lstm.forget_gate.input_transform.bias.val().to_numpy(),
                                  b_ih[3:6])
    np.testing.assert_array_equal(lstm.forget_gate.hidden_transform.bias.val().to_numpy(),
                                  b_hh[3:6])


def test_state_dict_forms(backend: Any, tmp_path: Path) -> None:
    m = torch_rnn("gru", 3, 4, bidirectional=True).float()
    expected = torch_state(m)
    d = backend.device
    forms: list[Any] = [
        m.state_dict(),
        expected,
        {k: TensorData(v) for k, v in expected.items()},
        {k: v.tolist() for k, v in expected.items()},
        {k: Tensor[backend.B].from_data(v, d) for k, v in expected.items()},
    ]
    path = tmp_path / "pyburn_written.safetensors"
    save_safetensors(path, {k: TensorData(v) for k, v in expected.items()})
    forms.append(path)
    forms.append(str(path))
    try:
        from safetensors.torch import save_file
    except ImportError:  # pragma: no cover - safetensors ships with torch installs here
        pass
    else:
        torch_path = tmp_path / "torch_written.safetensors"
        save_file(m.state_dict(), str(torch_path))
        forms.append(torch_path)
    for form in forms:
        loaded = load_torch_state_dict(BiGruConfig(3, 4, True).init(d), form)
        out = to_torch_state_dict(loaded)
        for k in expected:
            np.testing.assert_allclose(out[k], expected[k], rtol=1e-6, err_msg=k)


def test_bfloat16_and_half_torch_tensors_load(backend: Any) -> None:
    m = torch_rnn("lstm", 2, 3).float()
    for dtype in (torch.bfloat16, torch.float16):
        state = {k: v.to(dtype) for k, v in m.state_dict().items()}
        lstm = load_torch_state_dict(LstmConfig(2, 3, True).init(backend.device), state)
        np.testing.assert_allclose(
            lstm.input_gate.input_transform.weight.val().to_numpy(),
            state["weight_ih_l0"][:3].float().numpy().T)


def test_prefix_selects_a_submodule(backend: Any) -> None:
    torch.manual_seed(0)
    model = torch.nn.ModuleDict({"encoder": torch.nn.LSTM(2, 3, batch_first=True),
                                 "head": torch.nn.Linear(3, 1)})
    state = model.state_dict()
    lstm = load_torch_state_dict(LstmConfig(2, 3, True).init(backend.device), state,
                                 prefix="encoder.")
    head = load_torch_state_dict(LinearConfig(3, 1).init(backend.device), state, prefix="head.")
    exported = {**to_torch_state_dict(lstm, prefix="encoder."),
                **to_torch_state_dict(head, prefix="head.")}
    assert_same_state(exported, {k: v.detach().numpy() for k, v in state.items()})


def test_layer_selects_one_layer_of_a_stack(backend: Any) -> None:
    m = torch_rnn("lstm", 3, 4, num_layers=2, bidirectional=True).float()
    d = backend.device
    layer0 = load_torch_state_dict(BiLstmConfig(3, 4, True).init(d), m.state_dict(), layer=0)
    layer1 = load_torch_state_dict(BiLstmConfig(8, 4, True).init(d), m.state_dict(), layer=1)
    exported = {**to_torch_state_dict(layer0, layer=0), **to_torch_state_dict(layer1, layer=1)}
    assert_same_state(exported, torch_state(m))
    # and the stack computes what torch's two-layer LSTM computes
    x = np.random.default_rng(0).normal(size=(2, 5, 3)).astype(np.float32)
    with torch.no_grad():
        ref, _ = m(torch.tensor(x))  # batch_first, as the pyburn layers
    hidden, _ = layer0.forward(tensor(backend, x))
    out, _ = layer1.forward(hidden)
    check(out, ref, "two-layer output", tol=1e-5)


def test_from_torch_reads_the_config(backend: Any) -> None:
    d = backend.device
    lstm = from_torch(torch.nn.LSTM(3, 4, batch_first=False, bias=False), d)
    assert isinstance(lstm, Lstm) and not lstm.batch_first and not lstm.bias
    assert (lstm.d_input, lstm.d_hidden) == (3, 4)
    bilstm = from_torch(torch.nn.LSTM(3, 4, batch_first=True, bidirectional=True), d)
    assert isinstance(bilstm, BiLstm) and bilstm.batch_first
    gru = from_torch(torch.nn.GRU(2, 5), d)
    assert isinstance(gru, Gru) and gru.reset_after and not gru.batch_first
    assert isinstance(from_torch(torch.nn.GRU(2, 5, bidirectional=True), d), BiGru)


def test_save_torch_safetensors_loads_in_torch(backend: Any, tmp_path: Path) -> None:
    safetensors_torch = pytest.importorskip("safetensors.torch",
                                            reason="safetensors is not installed")
    m = torch_rnn("lstm", 3, 4, bidirectional=True).float()
    module = from_torch(m, backend.device)
    path = save_torch_safetensors(module, tmp_path / "bilstm.safetensors")
    fresh = torch_rnn("lstm", 3, 4, bidirectional=True, seed=5).float()
    fresh.load_state_dict(safetensors_torch.load_file(str(path)))
    assert_same_state(torch_state(fresh), torch_state(m))


# --- interop: errors ------------------------------------------------------------------------------


def test_refuses_what_it_cannot_represent(backend: Any) -> None:
    d = backend.device
    stacked = torch_rnn("lstm", 3, 4, num_layers=2).float().state_dict()
    with pytest.raises(ValueError, match=r"holds 2 layers \(num_layers=2\).*layer=k"):
        load_torch_state_dict(LstmConfig(3, 4, True).init(d), stacked)
    with pytest.raises(RecordError, match=r"no layer 3 in the state dict \(layers: \[0, 1\]\)"):
        load_torch_state_dict(LstmConfig(3, 4, True).init(d), stacked, layer=3)
    projected = torch.nn.LSTM(3, 4, proj_size=2).state_dict()
    with pytest.raises(ValueError, match="weight_hr_l0.*proj_size > 0 has no pyburn"):
        load_torch_state_dict(LstmConfig(3, 4, True).init(d), projected)
    # a multi-layer module becomes a stacked layer (tests/test_stacked_rnn.py), nn.RNN an Rnn
    assert type(from_torch(torch.nn.GRU(3, 4, num_layers=2), d)).__name__ == "StackedGru"
    with pytest.raises(ValueError, match="proj_size=2"):
        from_torch(torch.nn.LSTM(3, 4, proj_size=2), d)
    with pytest.raises(TypeError, match="expected a torch.nn.Linear, LSTM, GRU or RNN, got "
                                        "Embedding"):
        from_torch(torch.nn.Embedding(3, 4), d)


def test_direction_and_bias_mismatches(backend: Any) -> None:
    d = backend.device
    bi_state = torch.nn.LSTM(3, 4, bidirectional=True).state_dict()
    uni_state = torch.nn.LSTM(3, 4).state_dict()
    with pytest.raises(ValueError, match="bidirectional nn.LSTM; load it into a BiLstm"):
        load_torch_state_dict(LstmConfig(3, 4, True).init(d), bi_state)
    with pytest.raises(RecordError, match="missing .*weight_ih_l0_reverse"):
        load_torch_state_dict(BiLstmConfig(3, 4, True).init(d), uni_state)
    with pytest.raises(RecordError, match="has biases .*built with bias=False"):
        load_torch_state_dict(LstmConfig(3, 4, False).init(d), uni_state)
    with pytest.raises(RecordError, match="module has biases .*state dict has none"):
        load_torch_state_dict(LstmConfig(3, 4, True).init(d),
                              torch.nn.LSTM(3, 4, bias=False).state_dict())
    with pytest.raises(RecordError, match="nn.GRU state dict: unexpected gamma"):
        load_torch_state_dict(GruConfig(3, 4, True).init(d),
                              {**torch.nn.GRU(3, 4).state_dict(), "gamma": torch.zeros(1)})
    with pytest.raises(RecordError, match=r"nn.Linear state dict has none \(missing bias\)"):
        load_torch_state_dict(LinearConfig(3, 4).init(d), {"weight": np.zeros((4, 3))})


def test_shape_mismatches_name_torchs_layout(backend: Any) -> None:
    d = backend.device
    with pytest.raises(ShapeError, match=r"'weight_ih_l0': expected \[4 \* hidden_size, "
                                         r"input_size\] = \[16, 5\], got \[16, 3\]"):
        load_torch_state_dict(LstmConfig(5, 4, True).init(d), torch.nn.LSTM(3, 4).state_dict())
    with pytest.raises(ShapeError, match=r"'weight_ih_l0': expected \[3 \* hidden_size, "
                                         r"input_size\] = \[9, 3\], got \[12, 3\]"):
        load_torch_state_dict(GruConfig(3, 3, True).init(d), torch.nn.GRU(3, 4).state_dict())
    with pytest.raises(ShapeError, match=r"'weight': expected \[out_features, in_features\] = "
                                         r"\[2, 3\], got \[3, 2\]"):
        load_torch_state_dict(LinearConfig(3, 2).init(d), torch.nn.Linear(2, 3).state_dict())


def test_strict_refuses_modules_that_compute_something_else(backend: Any) -> None:
    d = backend.device
    state = torch.nn.LSTM(3, 4).state_dict()
    for config, what in ((LstmConfig(3, 4, True, clip=1.0), "clip=1.0"),
                         (LstmConfig(3, 4, True, input_forget=True), "input_forget=True"),
                         (LstmConfig(3, 4, True, reverse=True), "reverse=True"),
                         (LstmConfig(3, 4, True).with_cell_activation(ActivationConfig.Relu()),
                          "cell_activation=Relu")):
        module = config.init(d)
        with pytest.raises(ValueError, match=f"does not compute what nn.LSTM computes: .*"
                                             f"{what}.*strict=False"):
            load_torch_state_dict(module, state)
        loaded = load_torch_state_dict(module, state, strict=False)
        assert_same_state(to_torch_state_dict(loaded, strict=False), torch_state(
            _with_state(torch.nn.LSTM(3, 4), state)))
        with pytest.raises(ValueError, match="strict=False"):
            to_torch_state_dict(loaded)
    gru = GruConfig(3, 4, True, reset_after=False).init(d)
    with pytest.raises(ValueError, match="reset_after=False"):
        load_torch_state_dict(gru, torch.nn.GRU(3, 4).state_dict())


def _with_state(m: Any, state: dict[str, Any]) -> Any:
    m.load_state_dict(state)
    return m


def test_bad_inputs(backend: Any) -> None:
    d = backend.device
    with pytest.raises(TypeError, match="expected a Linear, Lstm, BiLstm, Gru or BiGru"):
        load_torch_state_dict(GruConfig(1, 1, True).init(d).update_gate, {})
    with pytest.raises(TypeError, match="expected a state dict"):
        load_torch_state_dict(LstmConfig(1, 1, True).init(d), 42)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="`layer` is for recurrent layers"):
        load_torch_state_dict(LinearConfig(1, 1).init(d), {}, layer=0)
