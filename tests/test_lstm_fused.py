"""The fused `lstm_sequence` path of `Lstm`/`BiLstm` against the per-step generic path.

Every config combination the fused path accepts (batch_first x reverse x clip x input_forget x
bias x given/zero initial state) must give the same outputs, final states and gradients (every
per-gate parameter, the input, the initial state) as ``Lstm.fused = False``, on every backend
row; plain rows compare values and their Autodiff twin compares gradients. float64 throughout,
so the tolerance can be tight. Non-standard activations must take the generic path."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest

from pyburn import Tensor
from pyburn.nn import ActivationConfig, BiLstmConfig, Lstm, LstmConfig, LstmState
from pyburn.nn.rnn import lstm as lstm_module
from pyburn.tensor.module_ops import lstm_sequence

BATCH, SEQ, D_IN, HIDDEN = 2, 3, 3, 4
COMBOS = list(itertools.product([True, False], [False, True], [None, 0.3], [False, True],
                                [True, False], [False, True]))
COMBO_IDS = [f"bf{int(bf)}-rev{int(rev)}-clip{clip}-if{int(inf)}-bias{int(bias)}-state{int(st)}"
             for bf, rev, clip, inf, bias, st in COMBOS]


class CountingOp:
    """Stands in for `lstm_sequence` in the Lstm module and counts the fused calls."""

    def __init__(self) -> None:
        self.calls = 0

    def apply(self, *args: Any, **kwargs: Any) -> Any:
        self.calls += 1
        return lstm_sequence.apply(*args, **kwargs)


@pytest.fixture
def counting(monkeypatch: pytest.MonkeyPatch) -> CountingOp:
    op = CountingOp()
    monkeypatch.setattr(lstm_module, "lstm_sequence", op)
    return op


def _run(model: Any, x_np: np.ndarray, state_np: Any, case: Any, fused: bool,
         monkeypatch: pytest.MonkeyPatch) -> dict[str, np.ndarray]:
    """Forward (and, under Autodiff, backward of a weighted sum of every output) on one path;
    returns the values and gradients as float64 arrays, None for missing gradients."""
    monkeypatch.setattr(Lstm, "fused", fused)
    T: Any = Tensor.of(case.B)
    d = case.device
    x = T.from_data(x_np, d)
    state = None
    if state_np is not None:
        state = LstmState(T.from_data(state_np[0], d), T.from_data(state_np[1], d))
    if case.autodiff:
        x = x.require_grad()
        if state is not None:
            state = LstmState(state.cell.require_grad(), state.hidden.require_grad())
    y, final = model.forward(x, state)
    out: dict[str, Any] = {"y": y.to_data().as_numpy(), "cell": final.cell.to_data().as_numpy(),
                           "hidden": final.hidden.to_data().as_numpy()}
    if not case.autodiff:
        return out
    rng = np.random.default_rng(7)
    loss = None
    for t in (y, final.cell, final.hidden):
        w = T.from_data(rng.standard_normal(t.dims()), d)
        term = (t * w).sum()
        loss = term if loss is None else loss + term
    assert loss is not None
    grads = loss.backward()

    def grad(t: Any) -> Any:
        g = t.grad(grads)
        return None if g is None else g.to_data().as_numpy()

    out["dx"] = grad(x)
    if state is not None:
        out["dcell0"] = grad(state.cell)
        out["dhidden0"] = grad(state.hidden)
    for path, param in _params(model):
        out[path] = grad(param.val())
    return out


def _params(model: Any) -> list[tuple[str, Any]]:
    lstms = ([("f", model.forward_lstm), ("r", model.reverse_lstm)]
             if hasattr(model, "forward_lstm") else [("", model)])
    found = []
    for prefix, lstm in lstms:
        for gate in ("input_gate", "forget_gate", "output_gate", "cell_gate"):
            for transform in ("input_transform", "hidden_transform"):
                linear = getattr(getattr(lstm, gate), transform)
                for name in ("weight", "bias"):
                    p = getattr(linear, name)
                    if p is not None:
                        found.append((f"{prefix}.{gate}.{transform}.{name}", p))
    return found


def _assert_same(fused: dict[str, Any], generic: dict[str, Any]) -> None:
    assert fused.keys() == generic.keys()
    for key in fused:
        a, b = fused[key], generic[key]
        if a is None or b is None:
            assert a is None and b is None, f"{key}: gradient on one path only"
            continue
        np.testing.assert_allclose(a, b, rtol=1e-9, atol=1e-11, err_msg=key)


def _inputs(batch_first: bool, state: bool, layers: int = 0) -> tuple[np.ndarray, Any]:
    rng = np.random.default_rng(1)
    shape = (BATCH, SEQ, D_IN) if batch_first else (SEQ, BATCH, D_IN)
    x = rng.standard_normal(shape)
    if not state:
        return x, None
    s = (layers, BATCH, HIDDEN) if layers else (BATCH, HIDDEN)
    return x, (rng.standard_normal(s), rng.standard_normal(s))


@pytest.mark.parametrize("batch_first,reverse,clip,input_forget,bias,state", COMBOS,
                         ids=COMBO_IDS)
def test_lstm_fused_equals_generic(backend: Any, monkeypatch: pytest.MonkeyPatch,
                                   counting: CountingOp, batch_first: bool, reverse: bool,
                                   clip: float | None, input_forget: bool, bias: bool,
                                   state: bool) -> None:
    case = backend.f64
    case.B.seed(0)
    model = LstmConfig(D_IN, HIDDEN, bias, batch_first=batch_first, reverse=reverse, clip=clip,
                       input_forget=input_forget).init(case.device)
    assert model.uses_fused_path()
    x, s = _inputs(batch_first, state)
    fused = _run(model, x, s, case, True, monkeypatch)
    assert counting.calls == 1
    generic = _run(model, x, s, case, False, monkeypatch)
    assert counting.calls == 1
    _assert_same(fused, generic)
    if not case.autodiff:   # the plain row: gradients through its Autodiff twin
        ad = case.ad
        model_ad = LstmConfig(D_IN, HIDDEN, bias, batch_first=batch_first, reverse=reverse,
                              clip=clip, input_forget=input_forget).init(ad.device)
        model_ad = model_ad.load_record(model.into_record())
        _assert_same(_run(model_ad, x, s, ad, True, monkeypatch),
                     _run(model_ad, x, s, ad, False, monkeypatch))


@pytest.mark.parametrize("batch_first,clip,input_forget,bias,state",
                         [c for c in itertools.product([True, False], [None, 0.3], [False, True],
                                                       [True, False], [False, True])])
def test_bilstm_fused_equals_generic(ad_backend: Any, monkeypatch: pytest.MonkeyPatch,
                                     counting: CountingOp, batch_first: bool,
                                     clip: float | None, input_forget: bool, bias: bool,
                                     state: bool) -> None:
    case = ad_backend.f64
    case.B.seed(0)
    model = BiLstmConfig(D_IN, HIDDEN, bias, batch_first=batch_first, clip=clip,
                         input_forget=input_forget).init(case.device)
    x, s = _inputs(batch_first, state, layers=2)
    fused = _run(model, x, s, case, True, monkeypatch)
    assert counting.calls == 2      # one fused op per direction, reverse=True for the second
    generic = _run(model, x, s, case, False, monkeypatch)
    assert counting.calls == 2
    _assert_same(fused, generic)


def test_bilstm_fused_plain_backend(backend: Any, monkeypatch: pytest.MonkeyPatch,
                                   counting: CountingOp) -> None:
    """Without Autodiff too (values only), for both layouts."""
    case = backend.f64
    for batch_first in (True, False):
        case.B.seed(0)
        model = BiLstmConfig(D_IN, HIDDEN, True, batch_first=batch_first).init(case.device)
        x, s = _inputs(batch_first, True, layers=2)
        _assert_same(_run(model, x, s, case, True, monkeypatch),
                     _run(model, x, s, case, False, monkeypatch))
    assert counting.calls == 4


@pytest.mark.parametrize("field,activation", [
    ("gate_activation", ActivationConfig.HardSigmoid()),
    ("cell_activation", ActivationConfig.Relu()),
    ("hidden_activation", ActivationConfig.Softsign()),
])
def test_other_activations_take_the_generic_path(backend: Any, monkeypatch: pytest.MonkeyPatch,
                                                 counting: CountingOp, field: str,
                                                 activation: Any) -> None:
    case = backend.f64
    case.B.seed(0)
    model = LstmConfig(D_IN, HIDDEN, True, **{field: activation}).init(case.device)
    assert not model.uses_fused_path()
    x, _ = _inputs(True, False)
    T: Any = Tensor.of(case.B)
    y, _ = model.forward(T.from_data(x, case.device))
    bi = BiLstmConfig(D_IN, HIDDEN, True, **{field: activation}).init(case.device)
    y2, _ = bi.forward(T.from_data(x, case.device))
    assert counting.calls == 0
    assert y.dims() == [BATCH, SEQ, HIDDEN] and y2.dims() == [BATCH, SEQ, 2 * HIDDEN]


def test_fused_flag_forces_generic(backend: Any, monkeypatch: pytest.MonkeyPatch,
                                   counting: CountingOp) -> None:
    model = LstmConfig(D_IN, HIDDEN, True).init(backend.device)
    monkeypatch.setattr(Lstm, "fused", False)
    assert not model.uses_fused_path()
    model.forward(Tensor[backend.B].from_data(_inputs(True, False)[0], backend.device))
    assert counting.calls == 0


def test_empty_sequence_keeps_generic_shapes(backend: Any, counting: CountingOp) -> None:
    model = LstmConfig(D_IN, HIDDEN, True).init(backend.device)
    x = Tensor[backend.B].zeros([BATCH, 0, D_IN], backend.device)
    y, state = model.forward(x)
    assert y.dims() == [BATCH, 0, HIDDEN] and state.hidden.dims() == [BATCH, HIDDEN]
    assert counting.calls == 0


def test_float32_fused_close_to_generic(backend: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default dtype goes through the native kernels too (torch's own LSTM on Torch)."""
    backend.B.seed(0)
    model = LstmConfig(D_IN, HIDDEN, True).init(backend.device)
    x, s = _inputs(True, True)
    fused = _run(model, x.astype(np.float32), None, backend, True, monkeypatch)
    generic = _run(model, x.astype(np.float32), None, backend, False, monkeypatch)
    for key in fused:
        if fused[key] is not None:
            np.testing.assert_allclose(fused[key], generic[key], rtol=1e-4, atol=1e-5,
                                       err_msg=key)


def test_gates_with_partial_biases(backend: Any, monkeypatch: pytest.MonkeyPatch,
                                   counting: CountingOp) -> None:
    """Gates assembled by hand may lack one transform's bias, or both: the fused bias sums
    what is there (zeros for a gate with none), as the generic `gate_product` does (values on
    plain rows, gradients too on Autodiff rows)."""
    from pyburn.nn import Linear
    case = backend.f64
    case.B.seed(0)
    model = LstmConfig(D_IN, HIDDEN, True).init(case.device)
    model.input_gate.hidden_transform = Linear(model.input_gate.hidden_transform.weight, None)
    model.forget_gate.input_transform = Linear(model.forget_gate.input_transform.weight, None)
    model.cell_gate.input_transform = Linear(model.cell_gate.input_transform.weight, None)
    model.cell_gate.hidden_transform = Linear(model.cell_gate.hidden_transform.weight, None)
    x, s = _inputs(True, True)
    _assert_same(_run(model, x, s, case, True, monkeypatch),
                 _run(model, x, s, case, False, monkeypatch))
    assert counting.calls == 1
