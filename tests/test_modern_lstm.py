"""The modern-lstm example (`examples/modern_lstm`): architecture, data, one cell step against a
hand-written reference, gradients to every parameter, and a smoke training whose artifacts the
inference step loads back, on every backend row."""

from __future__ import annotations

import io
import json
import math
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from rich.console import Console

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the repo root: `examples`

from examples.modern_lstm.dataset import (SEQ_LENGTH, SequenceBatcher,  # noqa: E402
                                          SequenceDataset, generate_items)
from examples.modern_lstm.inference import format_table, load_model, predict  # noqa: E402
from examples.modern_lstm.model import (FORGET_BIAS, LstmCellConfig,  # noqa: E402
                                        LstmNetworkConfig, StackedLstmConfig)
from examples.modern_lstm.model_nn import NnLstmNetworkConfig  # noqa: E402
from examples.modern_lstm.training import (CONFIG_FILE, HISTORY_FILE, LossHistory,  # noqa: E402
                                           TrainingConfig, default_config, train)
from pyburn import Tensor  # noqa: E402
from pyburn.nn import LstmState  # noqa: E402
from pyburn.nn.loss import MseLoss  # noqa: E402
from pyburn.optim import GradientsParams  # noqa: E402


def small_config(**changes: object) -> TrainingConfig:
    """One epoch over 40 training / 8 validation items, in the iterating thread."""
    config = (default_config().with_num_epochs(1).with_num_sequences(40).with_num_workers(0)
              .with_batch_size(16))
    for name, value in changes.items():
        config = getattr(config, f"with_{name}")(value)
    return config


def batch_of(B, device, n: int = 4):
    dataset = SequenceDataset.train(n)
    return SequenceBatcher(B).batch([dataset[i] for i in range(n)], device)


# --- architecture ---------------------------------------------------------------------------------
def test_parameter_count_matches_burn():
    from pyburn.backend import NumPy
    model = LstmNetworkConfig().init(NumPy.default_device())
    # Per cell: fused Linears [in, 4H] + [H, 4H] with biases, LayerNorms on 4H, H and H.
    H = 32

    def cell(d_in: int) -> int:
        return d_in * 4 * H + 4 * H + H * 4 * H + 4 * H + 2 * 4 * H + 2 * H + 2 * H

    stack = cell(1) + cell(H)
    assert stack == 13_696
    assert model.num_params() == 2 * stack + (2 * H + 1) == 27_457
    assert not any(p.is_initialized() for p in model.params())  # counting draws nothing
    names = [path for path, _ in model.named_params()]
    assert "stacked_lstm.layers.0.weight_ih.bias" in names
    assert "reverse_lstm.layers.1.norm_c.gamma" in names
    assert model.stacked_lstm.layers[0].dropout.prob == 0.1    # between layers
    assert model.stacked_lstm.layers[1].dropout.prob == 0.0    # none after the last

    one_way = LstmNetworkConfig(bidirectional=False).init(NumPy.default_device())
    assert one_way.reverse_lstm is None and one_way.num_params() == stack + H + 1


def test_nn_variant_parameter_count_matches_torch_lstm():
    torch = pytest.importorskip("torch")
    from pyburn.backend import NumPy
    model = NnLstmNetworkConfig().init(NumPy.default_device())
    reference = (sum(p.numel() for p in torch.nn.LSTM(1, 32, 2, bidirectional=True).parameters())
                 + 64 + 1)
    assert model.num_params() == reference == 34_113


# --- data -----------------------------------------------------------------------------------------
def test_dataset_is_deterministic_and_follows_the_recurrence():
    a, b = SequenceDataset.train(20), SequenceDataset.train(20)
    assert list(a) == list(b)
    assert list(SequenceDataset.train(5)) == list(a)[:5]        # a prefix does not depend on n
    assert SequenceDataset.valid(20)[0] != a[0]                  # its own seed stream
    assert SequenceDataset.train().len() == 1000 and SequenceDataset.valid().len() == 200
    for item in a:
        values = np.array([*item.sequence, item.target], dtype=np.float32)
        assert len(item.sequence) == SEQ_LENGTH + 1 == 11
        assert np.all((values[:2] >= 0) & (values[:2] < 1))
        noise = values[2:] - values[1:-1] - values[:-2]
        assert np.all(np.abs(noise) < 0.6)                       # N(0, 0.1): 6 sigma
    noise = np.concatenate([np.diff(np.array([*i.sequence, i.target]))[1:]
                            - np.array([*i.sequence, i.target])[:-2] for i in generate_items(400)])
    assert abs(noise.std() - 0.1) < 0.01 and abs(noise.mean()) < 0.01


# --- shapes ---------------------------------------------------------------------------------------
def test_shapes(backend):
    B, device = backend.B, backend.device
    batch = batch_of(B, device, 3)
    assert batch.sequences.dims() == [3, 11, 1] and batch.targets.dims() == [3, 1]
    model = LstmNetworkConfig().init(device)
    assert model.forward(batch.sequences).dims() == [3, 1]
    output, states = model.stacked_lstm.forward(batch.sequences)
    assert output.dims() == [3, 11, 32] and len(states) == 2
    assert all(s.cell.dims() == s.hidden.dims() == [3, 32] for s in states)
    cell = model.stacked_lstm.layers[1]
    state = cell.forward(Tensor[B].zeros([3, 32], device), cell.init_state(3, batch.targets))
    assert state.cell.dims() == state.hidden.dims() == [3, 32]
    small = LstmNetworkConfig(input_size=1, hidden_size=4, num_layers=3, output_size=2,
                              bidirectional=False).init(device)
    assert small.forward(batch.sequences).dims() == [3, 2]
    assert NnLstmNetworkConfig(hidden_size=4).init(device).forward(batch.sequences).dims() == [3, 1]


# --- the cell against a hand-written reference ----------------------------------------------------
def _layer_norm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + 1e-5) * gamma + beta


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def test_cell_step_matches_hand_computed_reference(backend):
    B, device = backend.B, backend.device
    d_in, H, batch = 3, 4, 2
    rng = np.random.default_rng(0)
    cell = LstmCellConfig(d_in, H, 0.0).init(device)
    values = {path: rng.normal(size=p.shape).astype(np.float32) for path, p in cell.named_params()}
    cell = cell.map(lambda path, p: p.with_value(Tensor[B].from_data(values[path], device)))
    x = rng.normal(size=(batch, d_in)).astype(np.float32)
    h = rng.normal(size=(batch, H)).astype(np.float32)
    c = rng.normal(size=(batch, H)).astype(np.float32)

    v = values
    gates = (_layer_norm(x @ v["weight_ih.weight"] + v["weight_ih.bias"], v["norm_x.gamma"],
                         v["norm_x.beta"])
             + h @ v["weight_hh.weight"] + v["weight_hh.bias"])
    i, f, g, o = np.split(gates, 4, axis=1)
    c_new = _layer_norm(_sigmoid(f) * c + _sigmoid(i) * np.tanh(g), v["norm_c.gamma"],
                        v["norm_c.beta"])
    h_new = _layer_norm(_sigmoid(o) * np.tanh(c_new), v["norm_h.gamma"], v["norm_h.beta"])

    T = Tensor[B]
    state = cell.forward(T.from_data(x, device), LstmState(cell=T.from_data(c, device),
                                                           hidden=T.from_data(h, device)))
    # cell and hidden in their own fields: Burn's original example swapped them.
    np.testing.assert_allclose(state.cell.to_numpy(), c_new, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(state.hidden.to_numpy(), h_new, rtol=1e-4, atol=1e-5)


def test_forget_gate_bias_starts_at_one():
    from pyburn.backend import NumPy
    cell = LstmCellConfig(1, 8, 0.0).init(NumPy.default_device())
    for linear in (cell.weight_ih, cell.weight_hh):
        bias = linear.bias.val().to_numpy()
        assert np.all(bias[8:16] == FORGET_BIAS)
        assert not np.all(bias[:8] == FORGET_BIAS) and not np.all(bias[16:] == FORGET_BIAS)


def test_layer_major_stack_equals_burns_time_major_loop(backend):
    """StackedLstm runs layer by layer (input projections hoisted); Burn runs step by step."""
    B, device = backend.B, backend.device
    stack = StackedLstmConfig(1, 6, 3, 0.0).init(device)
    x = batch_of(B, device, 3).sequences
    output, final = stack.forward(x)
    states = [layer.init_state(3, x) for layer in stack.layers]
    outputs = []
    for t in range(x.dims()[1]):
        input_t = x[:, t]
        for i, layer in enumerate(stack.layers):
            states[i] = layer.forward(input_t, states[i])
            input_t = states[i].hidden
        outputs.append(input_t)
    expected = type(x).stack(outputs, 1)
    np.testing.assert_allclose(output.to_numpy(), expected.to_numpy(), rtol=1e-5, atol=1e-5)
    for got, want in zip(final, states):
        np.testing.assert_allclose(got.cell.to_numpy(), want.cell.to_numpy(), rtol=1e-5,
                                   atol=1e-5)


# --- gradients ------------------------------------------------------------------------------------
# The head reads the last step only, and the right-to-left direction produces its last output at
# its *first* step, from a zero state: there, everything multiplying the previous hidden state
# (or, for nn.Lstm's separate forget gate, the previous cell) has an exactly zero gradient. This
# is a property of Burn's architecture, not a bug of the port; everything else must be reached.
UNREACHABLE = {
    "cells": {"reverse_lstm.layers.0.weight_hh.weight", "reverse_lstm.layers.1.weight_hh.weight"},
    "nn": {"layers.1.reverse.input_gate.hidden_transform.weight",
           "layers.1.reverse.output_gate.hidden_transform.weight",
           "layers.1.reverse.cell_gate.hidden_transform.weight",
           "layers.1.reverse.forget_gate.input_transform.weight",
           "layers.1.reverse.forget_gate.input_transform.bias",
           "layers.1.reverse.forget_gate.hidden_transform.weight",
           "layers.1.reverse.forget_gate.hidden_transform.bias"},
}


@pytest.mark.parametrize("variant", ["cells", "nn"])
def test_gradients_reach_every_parameter_including_biases(ad_backend, variant):
    from examples.modern_lstm.training import build_model
    B, device = ad_backend.B, ad_backend.device
    B.seed(1)
    config = small_config(model_variant=variant)
    model = build_model(config, device)
    batch = batch_of(B, device, 8)
    loss = MseLoss().forward(model.forward(batch.sequences), batch.targets)
    grads = GradientsParams.from_grads(loss.backward(), model)
    named = list(model.named_params())
    missing = [path for path, p in named if grads.get(p.id) is None]
    assert not missing, f"no gradient for {missing}"
    zero = {path for path, p in named
            if float(grads.get(p.id).abs().sum().into_scalar()) == 0.0}
    assert zero == UNREACHABLE[variant]
    biases = [path for path, _ in named if path.endswith(".bias")]
    assert len(biases) == (4 * 2 + 1 if variant == "cells" else 2 * 2 * 4 * 2 + 1)
    if variant == "cells":
        assert not zero & set(biases)        # Burn's example froze exactly these

    # The optimizer moves every reached parameter, ids unchanged.
    stepped = config.optimizer.init().step(1e-3, model, grads)
    before = dict(model.named_params())
    for path, p in stepped.named_params():
        assert p.id == before[path].id
        moved = not np.array_equal(p.val().to_numpy(), before[path].val().to_numpy())
        assert moved == (path not in zero), path


# --- training, artifacts and inference ------------------------------------------------------------
def test_progress_bar_shows_speed_and_eta_on_a_terminal_only(ad_backend, tmp_path):
    """rich draws the bar on a terminal (items, items/s, ETA, loss) and clears it at the end of
    the epoch; off a TTY it draws nothing and the per-epoch lines are the whole output."""
    B, device = ad_backend.B, ad_backend.device
    terminal = Console(file=io.StringIO(), force_terminal=True, width=140)
    lines: list[str] = []
    train(B, tmp_path, small_config(), device, log=lines.append, console=terminal)
    drawn = terminal.file.getvalue()
    assert "epoch 1/1" in drawn and "40/40" in drawn and "items/s" in drawn
    assert re.search(r"ETA \S*\d+:\d\d:\d\d", drawn), drawn
    assert re.search(r"loss \d+\.\d{4}", drawn)
    assert any(line.startswith("Epoch 1/1, Avg Loss") for line in lines)

    log_file = Console(file=io.StringIO(), force_terminal=False)
    train(B, tmp_path, small_config(), device, log=lines.append, console=log_file)
    assert log_file.file.getvalue() == ""
    off = Console(file=io.StringIO(), force_terminal=True)
    train(B, tmp_path, small_config(), device, progress=False, log=lines.append, console=off)
    assert off.file.getvalue() == ""


def test_smoke_training_saves_artifacts_and_inference_reproduces_them(ad_backend, tmp_path):
    B, device = ad_backend.B, ad_backend.device
    lines: list[str] = []
    result = train(B, tmp_path, small_config(), device, progress=False, log=lines.append)
    assert any(line.startswith("Epoch 1/1, Avg Loss") for line in lines)
    for name in (CONFIG_FILE, "model.mpk", HISTORY_FILE):
        assert (tmp_path / name).is_file(), name
    assert TrainingConfig.load(tmp_path / CONFIG_FILE) == small_config()
    history = LossHistory.load(tmp_path / HISTORY_FILE)
    assert len(history.train_loss) == len(history.valid_loss) == len(history.epoch_seconds) == 1
    assert all(math.isfinite(v) for v in history.train_loss + history.valid_loss)
    assert json.loads((tmp_path / HISTORY_FILE).read_text())["backend"] == repr(B)

    # Inference (on the plain backend) reproduces the trained model's predictions, up to the
    # half precision CompactRecorder stores weights in; loading twice gives identical values.
    inner = B.inner
    predictions = predict(tmp_path, inner, device.on(inner), num_items=5)
    assert predictions == predict(tmp_path, inner, device.on(inner), num_items=5)
    valid = SequenceDataset.valid(small_config().num_sequences // 5)
    batch = SequenceBatcher(inner).batch([valid[i] for i in range(5)], device.on(inner))
    trained = result.model.valid().forward(batch.sequences).squeeze_dim(1).tolist()
    np.testing.assert_allclose(predictions.predicted, trained, rtol=2e-2, atol=2e-2)
    assert predictions.expected == pytest.approx([item.target for item in list(valid)[:5]])
    _, loaded = load_model(tmp_path, inner, device.on(inner))
    for (path, p), (_, q) in zip(loaded.named_params(), result.model.named_params()):
        assert p.id == q.id, path
        np.testing.assert_allclose(p.val().to_numpy(), q.val().to_numpy(), rtol=1e-3, atol=1e-3)
    assert format_table(predictions).count("\n") == 5 + 1

    # A record written on this backend loads on any other.
    from pyburn.backend import NumPy
    on_numpy = predict(tmp_path, NumPy, NumPy.default_device(), num_items=5)
    np.testing.assert_allclose(on_numpy.predicted, predictions.predicted, rtol=1e-4, atol=1e-4)


def test_command_line_train_infer_plot(tmp_path, capsys, monkeypatch):
    from examples.modern_lstm import __main__ as cli
    from examples.modern_lstm import training
    config = small_config(num_sequences=60)     # 12 validation items: the table shows 10
    monkeypatch.setattr(training, "default_config", lambda: config)
    monkeypatch.setattr(cli, "default_config", lambda: config)
    cli.main(["train", "--artifact-dir", str(tmp_path), "--no-progress"])
    cli.main(["infer", "--artifact-dir", str(tmp_path)])
    out = capsys.readouterr().out
    assert "Epoch 1/1" in out and "predicted" in out and out.count("\n  9  ") == 1
    pytest.importorskip("matplotlib")
    cli.main(["plot", "--artifact-dir", str(tmp_path)])
    assert (tmp_path / "modern_lstm.png").stat().st_size > 10_000


def test_inference_without_training_says_what_to_run(tmp_path):
    from pyburn.backend import NumPy
    with pytest.raises(FileNotFoundError, match="train"):
        load_model(tmp_path, NumPy)


def test_checkpoints_every_epoch_and_resume_is_bit_identical(ad_backend, tmp_path):
    """A run stopped after epoch 1 and resumed (--resume) ends with exactly the weights, optimizer
    state and losses of an uninterrupted run: data order and dropout depend on (seed, epoch)."""
    B, device = ad_backend.B, ad_backend.device
    config = small_config(num_epochs=3)
    whole = train(B, tmp_path / "whole", config, device, progress=False, log=lambda _: None)
    ckpt = tmp_path / "whole" / "checkpoint"
    assert sorted(p.name for p in ckpt.iterdir()) == ["model-2.mpk", "model-3.mpk",
                                                      "optim-2.mpk", "optim-3.mpk"]

    train(B, tmp_path / "cut", config.with_num_epochs(1), device, progress=False,
          log=lambda _: None)
    lines: list[str] = []
    resumed = train(B, tmp_path / "cut", config, device, progress=False, resume=True,
                    log=lines.append)
    assert lines[0].startswith("Resuming after epoch 1")
    assert [line.split(",")[0] for line in lines if line.startswith("Epoch")] == [
        "Epoch 2/3", "Epoch 3/3"]
    assert resumed.history.valid_loss == whole.history.valid_loss
    assert resumed.history.train_loss == whole.history.train_loss
    for (path, p), (_, q) in zip(resumed.model.named_params(), whole.model.named_params()):
        np.testing.assert_array_equal(p.val().to_numpy(), q.val().to_numpy(), err_msg=path)

    with pytest.raises(ValueError, match="only num_epochs may change"):
        train(B, tmp_path / "cut", config.with_lr(0.5), device, progress=False, resume=True,
              log=lambda _: None)
