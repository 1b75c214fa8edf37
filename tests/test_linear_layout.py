"""`LinearConfig.with_layout` (Burn's ``LinearLayout::Row``/``Col``) on every row: the module's
view is ``[d_input, d_output]`` either way and computes the same; a `Col` record holds
``[d_output, d_input]`` (as Burn saves it) and loads back; the config round-trips; PyTorch
``nn.Linear`` weights load into and export from both layouts (`PyTorchFileRecorder`,
`load_torch_state_dict`/`to_torch_state_dict`)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pyburn import Tensor
from pyburn.module import Param
from pyburn.nn import Initializer, Linear, LinearConfig, LinearLayout
from pyburn.nn.rnn.torch_interop import load_torch_state_dict, to_torch_state_dict
from pyburn.record import NamedMpkFileRecorder, FullPrecisionSettings, PyTorchFileRecorder
from pyburn.record.errors import RecordError

torch = pytest.importorskip("torch")


def test_col_layout_exposes_d_input_d_output(backend):
    linear = LinearConfig(6, 12).with_layout(LinearLayout.Col).init(backend.device)
    assert linear.weight.val().dims() == [6, 12]                 # Burn's `layout` test
    assert str(linear) == "Linear {d_input: 6, d_output: 12, bias: true, params: 84}"
    k = 1.0 / np.sqrt(12)   # Burn draws the stored [d_output, d_input] with fan_in = d_output
    w = linear.weight.val().to_numpy()
    assert np.all(np.abs(w) <= k) and np.abs(w).max() > 1.0 / np.sqrt(6) * 0.5


def test_col_row_same_result(backend):                           # Burn's `col_row_same_result`
    col = LinearConfig(6, 12).with_layout(LinearLayout.Col).init(backend.device)
    x = Tensor[backend.B].random([8, 6], device=backend.device)
    row = Linear(Param(Tensor[backend.B].from_data(col.weight.val().to_data(), backend.device)),
                 Param(col.bias.val()))
    np.testing.assert_allclose(col(x).to_numpy(), row(x).to_numpy(), rtol=1e-6, atol=1e-6)


def test_constant_init_forward_both_layouts(backend):
    for layout in LinearLayout:
        linear = LinearConfig(2, 3).with_initializer(Initializer.Constant(value=2.0)) \
            .with_layout(layout).init(backend.device)
        out = linear(Tensor[backend.B].ones([1, 2], device=backend.device))
        assert out.to_numpy().tolist() == [[6.0, 6.0, 6.0]]


def test_col_record_is_output_major_and_round_trips(backend, tmp_path: Path):
    cfg = LinearConfig(3, 5).with_layout(LinearLayout.Col)
    linear = cfg.init(backend.device)
    w = linear.weight.val().to_numpy()
    record = linear.into_record()
    np.testing.assert_array_equal(record["weight"]["param"].as_numpy(), w.T)
    again = cfg.init(backend.device).load_record(record)
    np.testing.assert_array_equal(again.weight.val().to_numpy(), w)
    recorder = NamedMpkFileRecorder(FullPrecisionSettings)
    linear.save_file(str(tmp_path / "col"), recorder)
    loaded = cfg.init(backend.device).load_file(str(tmp_path / "col"), recorder)
    np.testing.assert_array_equal(loaded.weight.val().to_numpy(), w)
    # a Row module reading a Col record sees [d_output, d_input]: refused, naming the param
    with pytest.raises(RecordError, match="weight: shape mismatch"):
        LinearConfig(3, 5).init(backend.device).load_record(record)


def test_col_load_refuses_bad_record(backend):
    record = LinearConfig(3, 5).with_layout(LinearLayout.Col).init(backend.device).into_record()
    bad = {**record, "weight": {**record["weight"], "param": record["bias"]["param"]}}
    with pytest.raises(RecordError, match=r"weight: a Col-layout .* got shape \[5\]"):
        LinearConfig(3, 5).with_layout(LinearLayout.Col).init(backend.device).load_record(bad)


def test_layout_in_config_json():
    cfg = LinearConfig(2, 3).with_layout(LinearLayout.Col)
    assert '"layout": "Col"' in cfg.to_json()
    assert LinearConfig.from_json(cfg.to_json()).layout is LinearLayout.Col
    assert LinearConfig(2, 3).layout is LinearLayout.Row                  # Burn's default


@pytest.mark.parametrize("layout", list(LinearLayout), ids=["row", "col"])
def test_torch_linear_weights_in_both_layouts(backend, tmp_path: Path, layout):
    torch.manual_seed(0)
    net = torch.nn.Linear(4, 3)
    x = np.random.default_rng(0).normal(size=(2, 4)).astype(np.float32)
    cfg = LinearConfig(4, 3).with_layout(layout)
    via_dict = load_torch_state_dict(cfg.init(backend.device), net.state_dict())
    torch.save(net.state_dict(), tmp_path / "lin.pt")
    via_file = PyTorchFileRecorder().load_into(cfg.init(backend.device), tmp_path / "lin.pt")
    want = net(torch.from_numpy(x)).detach().numpy()
    for model in (via_dict, via_file):
        assert model.layout is layout
        got = model(Tensor[backend.B].from_data(x, backend.device)).to_numpy()
        np.testing.assert_allclose(got, want, rtol=1e-5, atol=1e-6)
        exported = to_torch_state_dict(model)
        np.testing.assert_allclose(np.asarray(exported["weight"]), net.weight.detach().numpy())
