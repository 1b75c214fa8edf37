"""`Rnn`/`BiRnn` (the simple recurrent layer) and the fused `rnn_sequence` op.

Against ``torch.nn.RNN`` with copied weights (float64, tanh and relu, both layouts, with and
without an initial state): outputs and final states on every backend row, and on the Autodiff
rows the gradient of every parameter, of the input and of the initial state. The fused path
(native NumPy/CuPy and Torch kernels, and the op's composite default) equals the per-step
generic path, values and gradients. Records round-trip; bad input is a clear error.
`compare_with_torch_rnn` is shared with test_stacked_rnn.py."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch is not installed: no torch.nn comparison")

from pyburn import Tensor  # noqa: E402
from pyburn.nn import (BiRnn, BiRnnConfig, Rnn, RnnConfig, RnnState, from_torch,  # noqa: E402
                       load_torch_state_dict, to_torch_state_dict)
from pyburn.record import RecordError  # noqa: E402
from pyburn.tensor import RankError, ShapeError  # noqa: E402
from pyburn.tensor.module_ops import rnn_sequence  # noqa: E402
from gradcheck import gradcheck  # noqa: E402
from torch_compare import force_composite  # noqa: E402


def as_array(value: Any) -> np.ndarray:
    if isinstance(value, torch.Tensor):
        value = value.detach().numpy()
    elif isinstance(value, Tensor):
        value = value.to_numpy()
    return np.asarray(value, dtype=np.float64)


def check(actual: Any, expected: Any, what: str, tol: float = 1e-10) -> None:
    np.testing.assert_allclose(as_array(actual), as_array(expected), rtol=tol, atol=tol,
                               err_msg=what)


def compare_with_torch_rnn(case: Any, module: Any, tm: Any, x: np.ndarray,
                           h0: np.ndarray | None, c0: np.ndarray | None,
                           make_state: Callable[[Any, Any], Any],
                           finals: Callable[[Any], tuple[Any, Any]]) -> None:
    """`module` (pyburn, float64 `case`) against the torch recurrent module `tm` on input `x`
    (torch's layout) and initial states ``h0``/``c0`` (torch's ``[layers * dirs, batch, H]``,
    or None). `make_state(h, c)` turns pyburn tensors of those into the module's state
    argument and `finals(state)` its final state into ``(h_n, c_n or None)`` in torch's
    layout. On Autodiff rows, compares every gradient of a random weighting of all outputs."""
    xt = torch.tensor(x, requires_grad=True)
    ht = None if h0 is None else torch.tensor(h0, requires_grad=True)
    ct = None if c0 is None else torch.tensor(c0, requires_grad=True)
    if c0 is not None or isinstance(tm, torch.nn.LSTM):
        out_t, (hn_t, cn_t) = tm(xt, None if ht is None else (ht, ct))
    else:
        out_t, hn_t = tm(xt, ht)
        cn_t = None

    T = Tensor[case.B]
    grad = case.autodiff
    xb = T.from_data(x, case.device)
    hb = None if h0 is None else T.from_data(h0, case.device)
    cb = None if c0 is None else T.from_data(c0, case.device)
    if grad:
        xb = xb.require_grad()
        hb = None if hb is None else hb.require_grad()
        cb = None if cb is None else cb.require_grad()
    out, final = module.forward(xb, None if hb is None else make_state(hb, cb))
    h_n, c_n = finals(final)
    check(out, out_t, "output")
    check(h_n, hn_t, "final hidden state")
    if cn_t is not None:
        check(c_n, cn_t, "final cell state")
    if not grad:
        return

    rng = np.random.default_rng(42)
    pairs = [(out, out_t), (h_n, hn_t)] + ([(c_n, cn_t)] if cn_t is not None else [])
    loss_t = None
    ours = None
    for a, b in pairs:
        w = rng.normal(size=tuple(b.shape))
        term_t = (b * torch.tensor(w)).sum()
        term = (a * T.from_data(w, case.device)).sum()
        loss_t = term_t if loss_t is None else loss_t + term_t
        ours = term if ours is None else ours + term
    assert loss_t is not None and ours is not None
    loss_t.backward()
    grads = ours.backward()
    for path, param in module.named_params():
        assert param.val().grad(grads) is not None, f"no gradient for {path}"
    expected = {name: p.grad.numpy() for name, p in tm.named_parameters()}
    actual = to_torch_state_dict(module, grads=grads)
    assert set(actual) == set(expected)
    for name in expected:
        check(actual[name], expected[name], f"gradient of {name}")
    check(xb.grad(grads), xt.grad, "gradient of the input")
    if hb is not None:
        check(hb.grad(grads), ht.grad, "gradient of h0")   # type: ignore[union-attr]
    if cb is not None:
        check(cb.grad(grads), ct.grad, "gradient of c0")   # type: ignore[union-attr]


def torch_input(batch_first: bool, batch: int, seq: int, d_input: int, hidden: int, dirs: int,
                with_state: bool, layers: int = 1) -> tuple[np.ndarray, np.ndarray | None]:
    rng = np.random.default_rng(7)
    x = rng.normal(size=(batch, seq, d_input) if batch_first else (seq, batch, d_input))
    h0 = rng.normal(size=(layers * dirs, batch, hidden)) if with_state else None
    return x, h0


SHAPES = [(1, 1, 3, 2), (3, 4, 5, 6), (2, 7, 4, 3)]  # (batch, seq, d_input, d_hidden)


@pytest.mark.parametrize("bidirectional", [False, True], ids=["rnn", "birnn"])
@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
@pytest.mark.parametrize("shape", SHAPES, ids=lambda s: "b{}_t{}_i{}_h{}".format(*s))
@pytest.mark.parametrize("batch_first", [True, False], ids=["batch_first", "seq_first"])
@pytest.mark.parametrize("with_state", [False, True], ids=["zero_state", "init_state"])
def test_rnn_matches_torch(backend: Any, bidirectional: bool, nonlinearity: str,
                           shape: tuple[int, int, int, int], batch_first: bool,
                           with_state: bool) -> None:
    case = backend.f64
    batch, seq, d_input, hidden = shape
    torch.manual_seed(sum(shape))
    tm = torch.nn.RNN(d_input, hidden, nonlinearity=nonlinearity, batch_first=batch_first,
                      bidirectional=bidirectional).double()
    module = from_torch(tm, case.device)
    assert isinstance(module, BiRnn if bidirectional else Rnn)
    x, h0 = torch_input(batch_first, batch, seq, d_input, hidden, 2 if bidirectional else 1,
                        with_state)
    if bidirectional:
        compare_with_torch_rnn(case, module, tm, x, h0, None, lambda h, c: RnnState(h),
                               lambda f: (f.hidden, None))
    else:
        compare_with_torch_rnn(case, module, tm, x, h0, None, lambda h, c: RnnState(h[0]),
                               lambda f: (f.hidden.unsqueeze_dim(0), None))


def test_rnn_float32_matches_torch(backend: Any) -> None:
    """The default precision, as a user runs it (float32 tolerances, native kernels)."""
    torch.manual_seed(0)
    tm = torch.nn.RNN(4, 8, batch_first=True)
    module = from_torch(tm, backend.device)
    x = np.random.default_rng(0).normal(size=(3, 6, 4)).astype(np.float32)
    with torch.no_grad():
        out, h_n = tm(torch.tensor(x))
    ours, final = module.forward(Tensor[backend.B].from_data(x, backend.device))
    check(ours, out, "output", tol=1e-5)
    check(final.hidden, h_n[0], "h_n", tol=1e-5)


# --- fused == generic ------------------------------------------------------------------------


def _run_path(case: Any, model: Any, x_np: np.ndarray, h_np: np.ndarray | None,
              fused: bool, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setattr(Rnn, "fused", fused)
    T = Tensor[case.B]
    x = T.from_data(x_np, case.device)
    h = None if h_np is None else T.from_data(h_np, case.device)
    if case.autodiff:
        x = x.require_grad()
        h = None if h is None else h.require_grad()
    y, state = model.forward(x, h)     # a bare hidden-state tensor is accepted as the state
    final = state.hidden
    out: dict[str, Any] = {"y": y.to_numpy(), "h": final.to_numpy()}
    if not case.autodiff:
        return out
    rng = np.random.default_rng(3)
    loss = ((y * T.from_data(rng.normal(size=y.dims()), case.device)).sum()
            + (final * T.from_data(rng.normal(size=final.dims()), case.device)).sum())
    grads = loss.backward()
    out["dx"] = x.grad(grads).to_numpy()
    if h is not None:
        out["dh0"] = h.grad(grads).to_numpy()
    for path, param in model.named_params():
        g = param.val().grad(grads)
        out[path] = None if g is None else g.to_numpy()
    return out


@pytest.mark.parametrize("layer", ["rnn", "rnn-reverse", "birnn"])
@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
@pytest.mark.parametrize("bias", [True, False], ids=["bias", "nobias"])
@pytest.mark.parametrize("with_state", [False, True], ids=["zero_state", "init_state"])
@pytest.mark.parametrize("native", [True, False], ids=["native", "composite"])
def test_fused_equals_generic(backend: Any, layer: str, nonlinearity: str, bias: bool,
                              with_state: bool, native: bool,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The `rnn_sequence` op (its native kernel, or with `native=False` its composite default)
    gives the per-step path's values and gradients, for every option it takes."""
    bidirectional, reverse = layer == "birnn", layer == "rnn-reverse"
    case = backend.f64
    if not native:
        force_composite(monkeypatch, rnn_sequence)
    batch_first = (nonlinearity == "tanh") != reverse    # both layouts, across the cases
    if bidirectional:
        model: Any = BiRnnConfig(3, 4, bias, batch_first=batch_first,
                                 nonlinearity=nonlinearity).init(case.device)
    else:
        model = RnnConfig(3, 4, bias, batch_first=batch_first, reverse=reverse,
                          nonlinearity=nonlinearity).init(case.device)
    rng = np.random.default_rng(1)
    x = rng.normal(size=(2, 5, 3) if batch_first else (5, 2, 3))
    h0 = rng.normal(size=(2, 2, 4) if bidirectional else (2, 4)) if with_state else None
    fused = _run_path(case, model, x, h0, True, monkeypatch)
    generic = _run_path(case, model, x, h0, False, monkeypatch)
    assert fused.keys() == generic.keys()
    for key in fused:
        a, b = fused[key], generic[key]
        assert (a is None) == (b is None), f"{key}: gradient on one path only"
        if a is not None:
            np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-11, err_msg=key)


@pytest.mark.parametrize("nonlinearity", ["tanh", "relu"])
@pytest.mark.parametrize("reverse", [False, True], ids=["forward", "reverse"])
@pytest.mark.parametrize("native", [True, False], ids=["native", "composite"])
def test_rnn_sequence_finite_differences(ad_backend: Any, nonlinearity: str, reverse: bool,
                                         native: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """The op's backward (native, and the composite default's tape) against central
    differences, for every input: x, h0, w_ih, w_hh, b."""
    if not native:
        force_composite(monkeypatch, rnn_sequence)
    rng = np.random.default_rng(4)
    args = (rng.normal(size=(4, 2, 3)), rng.normal(size=(2, 5)), rng.normal(size=(3, 5)) * 0.5,
            rng.normal(size=(5, 5)) * 0.5, rng.normal(size=5))
    gradcheck(ad_backend.f64, lambda *t: rnn_sequence.apply(*t, nonlinearity=nonlinearity,
                                                            reverse=reverse), *args)


@pytest.mark.parametrize("output", [0, 1], ids=["outputs_only", "final_only"])
def test_one_output_used(ad_backend: Any, output: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A loss on one of the op's two outputs (the other gets no gradient): the native
    backward equals the composite default's."""
    case = ad_backend.f64
    rng = np.random.default_rng(5)
    values = [rng.normal(size=s) for s in ((3, 2, 4), (2, 5), (4, 5), (5, 5), (5,))]

    def grads() -> list[np.ndarray]:
        T = Tensor[case.B]
        ts = [T.from_data(v, case.device).require_grad() for v in values]
        out = rnn_sequence.apply(*ts, nonlinearity="tanh", reverse=True)[output]
        found = (out * out).sum().backward()
        return [t.grad(found).to_numpy() for t in ts]

    native = grads()
    force_composite(monkeypatch, rnn_sequence)
    for a, b in zip(native, grads()):
        np.testing.assert_allclose(a, b, rtol=1e-10, atol=1e-12)


def test_fused_op_is_used(backend: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """`Rnn.forward` runs one `rnn_sequence` op (per direction), not a step loop."""
    calls = []
    original = rnn_sequence.apply

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs)
        return original(*args, **kwargs)

    monkeypatch.setattr(rnn_sequence, "apply", counting)
    x = Tensor[backend.B].ones([2, 3, 4], backend.device)
    RnnConfig(4, 5, True).init(backend.device).forward(x)
    assert len(calls) == 1
    BiRnnConfig(4, 5, True).init(backend.device).forward(x)
    assert [c["reverse"] for c in calls[1:]] == [False, True]


def test_empty_sequence(backend: Any) -> None:
    """seq 0: an empty output and the initial state back, on both paths."""
    T = Tensor[backend.B]
    rnn = RnnConfig(3, 4, True).init(backend.device)
    h0 = T.ones([2, 4], backend.device)
    out, final = rnn.forward(T.zeros([2, 0, 3], backend.device), RnnState(h0))
    assert out.dims() == [2, 0, 4]
    check(final.hidden, h0, "final state")


# --- records, config, errors -------------------------------------------------------------------


def test_record_round_trip(backend: Any, tmp_path: Any) -> None:
    from pyburn.record import FullPrecisionSettings, NamedMpkFileRecorder
    d = backend.device
    for model in (RnnConfig(3, 4, True, nonlinearity="relu").init(d),
                  BiRnnConfig(3, 4, False).init(d)):
        names = sorted(path for path, _ in model.named_params())
        assert names[0].startswith(("gate.", "forward.gate.")), names
        recorder = NamedMpkFileRecorder(FullPrecisionSettings)
        model.save_file(tmp_path / "rnn", recorder)
        fresh = type(model).__mro__[0]  # the same class, new weights
        again = (RnnConfig(3, 4, True, nonlinearity="relu") if isinstance(model, Rnn)
                 else BiRnnConfig(3, 4, False)).init(d).load_file(tmp_path / "rnn", recorder)
        assert isinstance(again, fresh)
        x = Tensor[backend.B].from_data(np.random.default_rng(0).normal(size=(2, 3, 3)), d)
        check(again.forward(x)[0], model.forward(x)[0], "after loading", tol=1e-6)


def test_display_and_params(backend: Any) -> None:
    rnn = RnnConfig(2, 3, True).init(backend.device)
    assert str(rnn) == "Rnn {d_input: 2, d_hidden: 3, bias: true, params: 21}"   # Burn's
    assert BiRnnConfig(2, 3, True).init(backend.device).num_params() == 42


@pytest.mark.parametrize("bidirectional", [False, True], ids=["rnn", "birnn"])
def test_clip_clamps_every_hidden_state(backend: Any, monkeypatch: pytest.MonkeyPatch,
                                        bidirectional: bool) -> None:
    """Burn's ``clip``: each step's hidden state is clamped to [-clip, clip] before the next
    step reads it (so it is the per-step path, equal to a hand-written loop)."""
    case = backend.f64
    T = Tensor[case.B]
    config: Any = (BiRnnConfig(3, 4, True, clip=0.2) if bidirectional
                   else RnnConfig(3, 4, True, clip=0.2))
    model = config.init(case.device)
    x = T.from_data(np.random.default_rng(1).normal(size=(2, 5, 3)) * 3.0, case.device)
    out, state = model.forward(x)
    assert np.abs(out.to_numpy()).max() <= 0.2 + 1e-15
    assert np.isclose(np.abs(out.to_numpy()).max(), 0.2)      # the clamp was active
    rnn = model.forward_rnn if bidirectional else model
    hidden = T.zeros([2, 4], case.device)
    for t in range(5):
        z = rnn.gate.gate_product(x[:, t], hidden)
        hidden = z.tanh().clamp(-0.2, 0.2)
        np.testing.assert_allclose(out.to_numpy()[:, t, :4], hidden.to_numpy(), rtol=1e-12)
    np.testing.assert_allclose(state.hidden.to_numpy().reshape(-1, 4)[:2], hidden.to_numpy(),
                               rtol=1e-12)
    with pytest.raises(ValueError, match="RnnConfig.init: clip must be >= 0"):
        RnnConfig(3, 4, True, clip=-1.0).init(case.device)


def test_bad_input(backend: Any) -> None:
    d = backend.device
    T = Tensor[backend.B]
    rnn = RnnConfig(3, 4, True).init(d)
    with pytest.raises(ShapeError, match=r"Rnn.forward: expected an input of shape \[_, _, 3\]"):
        rnn.forward(T.zeros([2, 5, 4], d))
    with pytest.raises(RankError, match="Rnn.forward: expected a rank-3 input"):
        rnn.forward(T.zeros([5, 3], d))
    with pytest.raises(ShapeError, match=r"Rnn.forward: expected state of shape \[2, 4\]"):
        rnn.forward(T.zeros([2, 5, 3], d), T.zeros([2, 5], d))
    birnn = BiRnnConfig(3, 4, True).init(d)
    with pytest.raises(RankError, match=r"BiRnn.forward: expected state of shape \[2, 2, 4\]"):
        birnn.forward(T.zeros([2, 5, 3], d), T.zeros([2, 4], d))
    with pytest.raises(ValueError, match="RnnConfig.init: nonlinearity must be one of"):
        RnnConfig(3, 4, True, nonlinearity="sigmoid").init(d)
    with pytest.raises(ValueError, match="BiRnnConfig.init: nonlinearity"):
        BiRnnConfig(3, 4, True, nonlinearity="gelu").init(d)
    with pytest.raises(ValueError, match="RnnConfig.init: sizes must be positive"):
        RnnConfig(0, 4, True).init(d)
    with pytest.raises(ValueError, match="rnn_sequence: nonlinearity"):
        rnn_sequence.apply(T.zeros([1, 1, 1], d), T.zeros([1, 1], d), T.zeros([1, 1], d),
                           T.zeros([1, 1], d), None, nonlinearity="elu")


def test_torch_interop_errors(backend: Any) -> None:
    d = backend.f64.device
    torch.manual_seed(0)
    bi = torch.nn.RNN(3, 4, bidirectional=True).double()
    with pytest.raises(ValueError, match="bidirectional nn.RNN; load it into a BiRnn"):
        load_torch_state_dict(RnnConfig(3, 4, True).init(d), bi.state_dict())
    with pytest.raises(ValueError, match="reverse=True"):
        to_torch_state_dict(RnnConfig(3, 4, True, reverse=True).init(d))
    with pytest.raises(RecordError, match="bias=False"):
        load_torch_state_dict(RnnConfig(3, 4, True).init(d),
                              torch.nn.RNN(3, 4, bias=False).state_dict())
    with pytest.raises(ShapeError, match="weight_ih_l0"):
        load_torch_state_dict(RnnConfig(5, 4, True).init(d), torch.nn.RNN(3, 4).state_dict())


def test_torch_round_trip(backend: Any) -> None:
    """torch -> pyburn -> torch is exact, and the relu flag comes along."""
    torch.manual_seed(1)
    tm = torch.nn.RNN(3, 5, nonlinearity="relu", bidirectional=True, bias=True).double()
    module = from_torch(tm, backend.f64.device)
    assert module.nonlinearity == "relu" and module.batch_first is False
    back = to_torch_state_dict(module)
    for key, value in tm.state_dict().items():
        np.testing.assert_array_equal(back[key], value.numpy(), err_msg=key)
