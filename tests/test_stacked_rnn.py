"""Stacked (deep) recurrent layers: `StackedLstm`, `StackedGru`, `StackedRnn`.

Against ``torch.nn.LSTM``/``GRU``/``RNN`` with ``num_layers > 1`` (one and two directions,
dropout 0) on copied weights, float64: outputs and final states on every backend row and every
gradient on the Autodiff rows (`compare_with_torch_rnn` from test_rnn.py). Then dropout between
layers (active in training, the identity in ``valid()``, never after the last layer), records,
the torch interop of stacks (round trips, layer-count and direction mismatches) and bad input."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

torch = pytest.importorskip("torch", reason="torch is not installed: no torch.nn comparison")

from pyburn import Tensor  # noqa: E402
from pyburn.nn import (BiGru, BiLstm, BiRnn, Gru, Lstm, LstmState, Rnn,  # noqa: E402
                       StackedGru, StackedGruConfig, StackedLstm, StackedLstmConfig,
                       StackedRnn, StackedRnnConfig, from_torch, load_torch_state_dict,
                       to_torch_state_dict)
from pyburn.record import RecordError  # noqa: E402
from pyburn.tensor import RankError, ShapeError  # noqa: E402
from test_rnn import check, compare_with_torch_rnn, torch_input  # noqa: E402

KINDS = {"lstm": (torch.nn.LSTM, StackedLstm), "gru": (torch.nn.GRU, StackedGru),
         "rnn": (torch.nn.RNN, StackedRnn), "rnn-relu": (torch.nn.RNN, StackedRnn)}


def torch_stack(kind: str, d_input: int, hidden: int, layers: int, bidirectional: bool,
                batch_first: bool, bias: bool = True, dropout: float = 0.0) -> Any:
    torch.manual_seed(layers * 10 + d_input)
    extra = {"nonlinearity": "relu"} if kind == "rnn-relu" else {}
    return KINDS[kind][0](d_input, hidden, num_layers=layers, bias=bias, dropout=dropout,
                          batch_first=batch_first, bidirectional=bidirectional,
                          **extra).double()


@pytest.mark.parametrize("kind", list(KINDS))
@pytest.mark.parametrize(("layers", "bidirectional"), [(2, False), (2, True), (3, True)],
                         ids=["2-uni", "2-bi", "3-bi"])
@pytest.mark.parametrize(("batch_first", "with_state"), [(True, False), (False, True)],
                         ids=["batch_first-zero_state", "seq_first-init_state"])
def test_stack_matches_torch(backend: Any, kind: str, layers: int, bidirectional: bool,
                             batch_first: bool, with_state: bool) -> None:
    case = backend.f64
    batch, seq, d_input, hidden = 2, 4, 3, 5
    tm = torch_stack(kind, d_input, hidden, layers, bidirectional, batch_first)
    module = from_torch(tm, case.device)
    assert isinstance(module, KINDS[kind][1]) and module.num_layers == layers
    x, h0 = torch_input(batch_first, batch, seq, d_input, hidden, 2 if bidirectional else 1,
                        with_state, layers)
    if kind == "lstm":
        c0 = None if h0 is None else np.random.default_rng(9).normal(size=h0.shape)
        compare_with_torch_rnn(case, module, tm, x, h0, c0, lambda h, c: LstmState(c, h),
                               lambda f: (f.hidden, f.cell))
    else:
        compare_with_torch_rnn(case, module, tm, x, h0, None, lambda h, c: h,
                               lambda f: (f, None))


def test_stack_without_bias_matches_torch(ad_backend: Any) -> None:
    case = ad_backend.f64
    tm = torch_stack("gru", 3, 4, 2, True, True, bias=False)
    module = from_torch(tm, case.device)
    assert not module.bias
    x, h0 = torch_input(True, 2, 3, 3, 4, 2, True, 2)
    compare_with_torch_rnn(case, module, tm, x, h0, None, lambda h, c: h, lambda f: (f, None))


def test_layers_and_records(backend: Any, tmp_path: Any) -> None:
    """The stack holds one-layer modules of the right kind and width; records name them
    ``layers.{k}.`` and round-trip."""
    from pyburn.record import FullPrecisionSettings, NamedMpkFileRecorder
    d = backend.device
    cases = [(StackedLstmConfig(3, 4, 2), Lstm), (StackedLstmConfig(3, 4, 2, bidirectional=True),
                                                  BiLstm),
             (StackedGruConfig(3, 4, 3), Gru), (StackedGruConfig(3, 4, 2, bidirectional=True),
                                                BiGru),
             (StackedRnnConfig(3, 4, 2, nonlinearity="relu"), Rnn),
             (StackedRnnConfig(3, 4, 2, bidirectional=True), BiRnn)]
    x = Tensor[backend.B].from_data(np.random.default_rng(0).normal(size=(2, 5, 3)), d)
    recorder = NamedMpkFileRecorder(FullPrecisionSettings)
    for config, layer_cls in cases:
        model = config.init(d)
        assert all(isinstance(layer, layer_cls) for layer in model.layers)
        width = 8 if config.bidirectional else 4
        assert [layer.d_input for layer in model.layers] == [3] + [width] * (config.num_layers - 1)
        paths = [path for path, _ in model.named_params()]
        assert paths[0].startswith("layers.0.") and any(p.startswith("layers.1.") for p in paths)
        model.save_file(tmp_path / "stack", recorder)
        again = config.init(d).load_file(tmp_path / "stack", recorder)
        check(again.forward(x)[0], model.forward(x)[0], f"{layer_cls.__name__} after loading",
              tol=1e-6)


def test_display(backend: Any) -> None:
    model = StackedLstmConfig(2, 3, 2, dropout=0.25).init(backend.device)
    assert str(model) == ("StackedLstm {d_input: 2, d_hidden: 3, num_layers: 2, bias: true, "
                          "dropout: 0.25, bidirectional: false, params: 180}")


def test_dropout_between_layers(ad_backend: Any) -> None:
    """dropout > 0 changes the output in training (Autodiff), and is off in ``valid()``;
    it sits between layers only: a one-layer stack is never dropped."""
    case = ad_backend
    d = case.device
    x = Tensor[case.B].from_data(np.random.default_rng(0).normal(size=(4, 6, 3)), d)
    for config in (StackedRnnConfig(3, 16, 2, dropout=0.5), StackedLstmConfig(3, 16, 3, dropout=0.5),
                   StackedGruConfig(3, 16, 2, dropout=0.5, bidirectional=True)):
        model = config.init(d)
        train_a = model.forward(x)[0].to_numpy()
        train_b = model.forward(x)[0].to_numpy()
        assert not np.allclose(train_a, train_b), "dropout inactive in training"
        plain = model.valid()
        inner_x = x.inner()
        eval_a = plain.forward(inner_x)[0].to_numpy()
        np.testing.assert_array_equal(eval_a, plain.forward(inner_x)[0].to_numpy())
        no_drop = config.with_dropout(0.0).init(d).load_record(model.into_record())
        np.testing.assert_allclose(eval_a, no_drop.forward(x)[0].to_numpy(), rtol=1e-6,
                                   atol=1e-6)
    one = StackedRnnConfig(3, 8, 1, dropout=0.9).init(d)
    np.testing.assert_array_equal(one.forward(x)[0].to_numpy(), one.forward(x)[0].to_numpy())


def test_dropout_gradient_flows(ad_backend: Any) -> None:
    """With dropout, every layer still gets a gradient (through the kept units)."""
    d = ad_backend.device
    model = StackedLstmConfig(3, 8, 2, dropout=0.3).init(d)
    x = Tensor[ad_backend.B].from_data(np.random.default_rng(0).normal(size=(2, 4, 3)), d)
    grads = model.forward(x)[0].sum().backward()
    for path, param in model.named_params():
        assert param.val().grad(grads) is not None, path


def test_torch_round_trip_and_errors(backend: Any) -> None:
    d = backend.f64.device
    tm = torch_stack("lstm", 3, 4, 3, True, False)
    module = from_torch(tm, d)
    back = to_torch_state_dict(module)
    assert set(back) == set(tm.state_dict())
    for key, value in tm.state_dict().items():
        np.testing.assert_array_equal(back[key], value.numpy(), err_msg=key)
    with pytest.raises(RecordError, match=r"num_layers=2 but the nn.LSTM state dict holds "
                                          r"layers \[0, 1, 2\]"):
        load_torch_state_dict(StackedLstmConfig(3, 4, 2, bidirectional=True).init(d),
                              tm.state_dict())
    with pytest.raises(RecordError, match="is bidirectional but the StackedLstm was built "
                                          "with bidirectional=False"):
        load_torch_state_dict(StackedLstmConfig(3, 4, 3).init(d), tm.state_dict())
    with pytest.raises(ValueError, match="loads all 3"):
        load_torch_state_dict(StackedLstmConfig(3, 4, 3, bidirectional=True).init(d),
                              tm.state_dict(), layer=1)
    # one layer of a stack into a one-layer module still works
    layer1 = load_torch_state_dict(
        StackedLstmConfig(8, 4, 1, bidirectional=True).init(d).layers[0], tm.state_dict(),
        layer=1)
    np.testing.assert_array_equal(to_torch_state_dict(layer1)["weight_ih_l0_reverse"],
                                  tm.state_dict()["weight_ih_l1_reverse"].numpy())
    rnn = torch_stack("rnn-relu", 3, 4, 2, False, True)
    stacked = from_torch(rnn, d)
    assert stacked.nonlinearity == "relu" and stacked.batch_first
    gru = torch.nn.GRU(3, 4, num_layers=2, dropout=0.2)
    assert from_torch(gru, d).dropout.prob == pytest.approx(0.2)


def test_bad_input(backend: Any) -> None:
    d = backend.device
    T = Tensor[backend.B]
    for config_cls in (StackedLstmConfig, StackedGruConfig, StackedRnnConfig):
        name = config_cls.__name__
        with pytest.raises(ValueError, match=f"{name}.init: num_layers must be an integer >= 1"):
            config_cls(3, 4, 0).init(d)
        for bad in (-0.1, 1.0):
            with pytest.raises(ValueError, match=rf"{name}.init: dropout .* must be in \[0, 1\)"):
                config_cls(3, 4, 2, dropout=bad).init(d)
    with pytest.raises(ValueError, match="StackedRnnConfig.init: nonlinearity"):
        StackedRnnConfig(3, 4, 2, nonlinearity="sigmoid").init(d)
    lstm = StackedLstmConfig(3, 4, 2).init(d)
    with pytest.raises(ShapeError, match=r"StackedLstm.forward: expected an input of shape "
                                         r"\[_, _, 3\]"):
        lstm.forward(T.zeros([2, 5, 4], d))
    with pytest.raises(RankError, match="StackedLstm.forward: expected a rank-3 input"):
        lstm.forward(T.zeros([2, 5], d))
    zeros = T.zeros([1, 2, 4], d)
    with pytest.raises(ShapeError, match=r"StackedLstm.forward: expected state.cell of shape "
                                         r"\[2, 2, 4\], got \[1, 2, 4\]"):
        lstm.forward(T.zeros([2, 5, 3], d), LstmState(zeros, zeros))
    with pytest.raises(TypeError, match="StackedLstm.forward: state must be an LstmState"):
        lstm.forward(T.zeros([2, 5, 3], d), zeros)
    gru = StackedGruConfig(3, 4, 2, bidirectional=True).init(d)
    with pytest.raises(ShapeError, match=r"StackedGru.forward: expected state of shape "
                                         r"\[4, 2, 4\]"):
        gru.forward(T.zeros([2, 5, 3], d), T.zeros([2, 2, 4], d))
