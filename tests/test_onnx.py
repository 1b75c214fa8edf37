"""pyburn.onnx on every backend row: each supported op (and its edge attributes) in a model
built with ``onnx.helper``, compared with onnxruntime; the generated source file imported and
run, and trained one step under Autodiff; bad files and unsupported ops refused with clear
errors. Models exported from torch are in test_onnx_torch.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

pytest.importorskip("onnx")
ort = pytest.importorskip("onnxruntime")

import onnx  # noqa: E402
from onnx import helper, numpy_helper  # noqa: E402

from onnx_models import CASES, Case, F, N, graph, w  # noqa: E402
from pyburn import Tensor  # noqa: E402
from pyburn.onnx import (ModelGen, OnnxImportError, UnsupportedOnnxOpError,  # noqa: E402
                         generate_source, load)
from pyburn.optim import GradientsParams, SgdConfig  # noqa: E402

TOL = 1e-5


def save(model: Any, path: Path) -> Path:
    onnx.save(model, str(path))
    return path


def reference(path: Path, feeds: list[np.ndarray], runtime: str = "onnxruntime"
              ) -> list[np.ndarray]:
    if runtime == "reference":
        from onnx.reference import ReferenceEvaluator
        model = onnx.load(str(path))
        names = [i.name for i in model.graph.input]
        return list(ReferenceEvaluator(model).run(None, dict(zip(names, feeds))))
    session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    return session.run(None, {i.name: a for i, a in zip(session.get_inputs(), feeds)})


def to_tensor(case: Any, array: np.ndarray) -> Any:
    from pyburn import Int
    if array.dtype.kind == "i":
        return Tensor[case.B, Int].from_data(array, case.device)
    return case.tensor(array)


def run(model: Any, case: Any, feeds: list[np.ndarray], eval_mode: bool) -> list[np.ndarray]:
    """Forward on the case's backend (at inference, `model.valid()`, for BatchNorm/Dropout
    whose Autodiff forward is the training one)."""
    if eval_mode and case.autodiff:
        model = model.valid()
        from conftest import BackendCase
        case = BackendCase(case.id, case.inner, case.device, False)
    out = model(*[to_tensor(case, a) for a in feeds])
    return [o.to_numpy() for o in (out if isinstance(out, tuple) else (out,))]


@pytest.mark.parametrize("spec", CASES, ids=[c.id for c in CASES])
def test_op_matches_onnxruntime(backend: Any, spec: Case, tmp_path: Path) -> None:
    path = save(spec.model, tmp_path / "m.onnx")
    expected = reference(path, spec.feeds, spec.runtime)
    got = run(load(path, backend.device), backend, spec.feeds, spec.eval_mode)
    assert len(got) == len(expected)
    for g, e in zip(got, expected):
        assert g.shape == e.shape
        np.testing.assert_allclose(g, e, rtol=TOL, atol=TOL)


def _import_file(path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(f"onnx_gen_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def _mixed_model() -> Case:
    """Conv, pool, Gemm and LayerNorm: a little of everything that has parameters."""
    return Case("mixed", graph(
        [N("Conv", ["x", "W", "B"], ["c"], pads=[1, 1, 1, 1]), N("Relu", ["c"], ["r"]),
         N("GlobalAveragePool", ["r"], ["p"]), N("Flatten", ["p"], ["f"]),
         N("Gemm", ["f", "G", "g"], ["l"], transB=1),
         N("LayerNormalization", ["l", "s", "b"], ["y"])],
        {"x": (F, [2, 1, 5, 5])}, {"y": (F, None)},
        {"W": w(3, 1, 3, 3), "B": w(3), "G": w(4, 3), "g": w(4), "s": w(4), "b": w(4)}),
        [w(2, 1, 5, 5, seed=9)])


def test_model_gen_writes_source_and_record_that_run(backend: Any, tmp_path: Path) -> None:
    spec = _mixed_model()
    path = save(spec.model, tmp_path / "my-net.onnx")
    [written] = ModelGen().input(path).out_dir(tmp_path / "model").run()
    assert written.source == tmp_path / "model" / "my_net.py"
    assert written.record.exists()
    text = written.source.read_text()
    assert "class Model(Module):" in text and "conv2d1: Conv2d" in text
    module = _import_file(written.source)
    model = module.Model.default(backend.device)
    got = run(model, backend, spec.feeds, False)
    np.testing.assert_allclose(got[0], reference(path, spec.feeds)[0], rtol=TOL, atol=TOL)
    # the same record through from_file, and the same model as the direct load
    again = module.Model.from_file(tmp_path / "model" / "my_net", backend.device)
    np.testing.assert_array_equal(run(again, backend, spec.feeds, False)[0], got[0])
    np.testing.assert_array_equal(run(load(path, backend.device), backend, spec.feeds,
                                      False)[0], got[0])


def test_generated_model_trains_one_step(ad_backend: Any, tmp_path: Path) -> None:
    spec = _mixed_model()
    path = save(spec.model, tmp_path / "net.onnx")
    [written] = ModelGen().input(path).out_dir(tmp_path).run()
    model = _import_file(written.source).Model.default(ad_backend.device)
    x = ad_backend.tensor(spec.feeds[0])
    target = ad_backend.tensor(np.zeros([2, 4], np.float32))

    def loss_of(m: Any) -> Any:
        return ((m(x) - target) ** 2).mean()

    before = loss_of(model)
    grads = GradientsParams.from_grads(before.backward(), model)
    for name, param in model.named_params():
        assert grads.get(param.id) is not None or not param.require_grad, name
    model = SgdConfig().init().step(0.05, model, grads)
    assert float(loss_of(model).into_scalar()) < float(before.into_scalar())


def test_initializers_become_trainable_params_and_constants_fixed(backend: Any,
                                                                   tmp_path: Path) -> None:
    model = graph([N("Constant", [], ["k"], value=numpy_helper.from_array(w(3), "k")),
                   N("Mul", ["x", "k"], ["m"]), N("Add", ["m", "b"], ["y"])],
                  {"x": (F, [2, 3])}, {"y": (F, None)}, {"b": w(2, 3)})
    imported = load(save(model, tmp_path / "m.onnx"), backend.device)
    flags = {path: p.require_grad for path, p in imported.named_params()}
    assert sorted(flags.values()) == [False, True]   # k fixed, b trainable


def test_generated_source_is_readable_and_names_are_sanitized(tmp_path: Path) -> None:
    """ONNX names reach the generated file only as comments, one printable line each."""
    import ast
    evil = 'fc"""\nimport os; os.system("echo pwned")  #'
    model = graph([N("Gemm", ["x", "W"], ["y"], name=evil)], {"x": (F, [2, 3])},
                  {"y": (F, None)}, {"W": w(3, 4)})
    text = generate_source(save(model, tmp_path / "m.onnx"))
    assert "linear1: Linear  # fc" in text and "y = self.linear1(x)" in text
    tree = ast.parse(text)
    imported = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    assert "os" not in imported
    assert not [n for n in ast.walk(tree) if isinstance(n, ast.Attribute) and n.attr == "system"]


def test_value_names_never_shadow_what_forward_uses(backend: Any, tmp_path: Path) -> None:
    """Values named like the functions the generated code calls get other names."""
    model = graph([N("Softmax", ["self"], ["softmax"]), N("Gelu", ["softmax"], ["gelu"]),
                   N("Div", ["gelu", "inf"], ["float"]), N("LogSoftmax", ["float"], ["np"])],
                  {"self": (F, [2, 3])}, {"np": (F, None)}, {"inf": np.array(np.inf, np.float32)},
                  opset=20)
    path = save(model, tmp_path / "m.onnx")
    feeds = [w(2, 3)]
    np.testing.assert_allclose(run(load(path, backend.device), backend, feeds, False)[0],
                               reference(path, feeds)[0], rtol=TOL, atol=TOL)


def test_symbolic_batch_runs_at_any_batch_size(backend: Any, tmp_path: Path) -> None:
    """A dynamic batch dim (torch's ``dynamic_axes``) needs no pinning when nothing folds
    over it: the generated code keeps ``-1`` for it."""
    model = graph([N("Conv", ["x", "W"], ["c"]), N("Flatten", ["c"], ["f"]),
                   N("Gemm", ["f", "G"], ["y"], transB=1)],
                  {"x": (F, ["batch", 1, 4, 4])}, {"y": (F, None)},
                  {"W": w(2, 1, 3, 3), "G": w(3, 8)})
    path = save(model, tmp_path / "m.onnx")
    imported = load(path, backend.device)
    for batch in (1, 5):
        feeds = [w(batch, 1, 4, 4, seed=batch)]
        np.testing.assert_allclose(run(imported, backend, feeds, False)[0],
                                   reference(path, feeds)[0], rtol=TOL, atol=TOL)


def test_layer_attributes_become_config_fields(tmp_path: Path) -> None:
    """What inference outputs cannot show: BatchNorm's momentum (Burn's is 1 - ONNX's) and
    the layers' configs, written as a reader would write them."""
    by_id = {c.id: c for c in CASES}
    bn = generate_source(save(by_id["batch-norm-inference"].model, tmp_path / "bn.onnx"))
    assert "BatchNormConfig(3, epsilon=0.001, momentum=0.2).init(device)" in bn
    conv = generate_source(save(by_id["conv1d-asym-pads-stride-dil-group"].model,
                                tmp_path / "conv.onnx"))
    assert ("Conv1dConfig(4, 6, 3, stride=2, dilation=2, groups=2, "
            "padding=PaddingConfig1d.Explicit(2, 1)).init(device)") in conv
    lstm = generate_source(save(by_id["lstm-bidirectional-initial-state"].model,
                                tmp_path / "lstm.onnx"))
    assert "LstmConfig(3, 4, bias=True, batch_first=False, reverse=True)" in lstm


# --- errors ----------------------------------------------------------------------------------


def test_unsupported_op_names_op_node_and_supported_list(tmp_path: Path) -> None:
    model = graph([N("Shape", ["x"], ["s"]), N("Relu", ["x"], ["r"]),
                   N("Hardmax", ["r"], ["y"], name="head")],   # node 0 folds away: still node 2
                  {"x": (F, [2, 3])}, {"y": (F, None)})
    with pytest.raises(UnsupportedOnnxOpError,
                       match=r"unsupported ONNX op Hardmax at node 2 \(head\); supported: "
                             r".*BatchNormalization.*LSTM"):
        load(save(model, tmp_path / "m.onnx"), _numpy_device())


def test_constant_only_subgraph_of_any_op_is_folded(tmp_path: Path) -> None:
    model = graph([N("Hardmax", ["c"], ["h"]), N("Add", ["x", "h"], ["y"])],
                  {"x": (F, [2, 3])}, {"y": (F, None)}, {"c": w(2, 3)})
    path = save(model, tmp_path / "m.onnx")
    feeds = [w(2, 3, seed=3)]
    got = load(path, _numpy_device())(Tensor[_numpy()].from_data(feeds[0],
                                                               _numpy_device())).to_numpy()
    np.testing.assert_allclose(got, reference(path, feeds)[0], rtol=TOL, atol=TOL)


def _numpy() -> Any:
    from pyburn.backend import NumPy
    return NumPy


def _numpy_device() -> Any:
    return _numpy().default_device()


@pytest.mark.parametrize("content,match", [
    (b"", "holds no graph"),
    (b"\x08\x07\x12\x04junk" * 3, "not a readable ONNX model|holds no graph"),
    (b"PK\x03\x04 a zip, not a protobuf at all \xff\xfe", "not a readable ONNX model"),
], ids=["empty", "garbage", "zip"])
def test_bad_files_are_refused(tmp_path: Path, content: bytes, match: str) -> None:
    path = tmp_path / "bad.onnx"
    path.write_bytes(content)
    with pytest.raises(OnnxImportError, match=match):
        load(path, _numpy_device())


def test_truncated_file_is_refused(tmp_path: Path) -> None:
    good = save(_mixed_model().model, tmp_path / "good.onnx").read_bytes()
    path = tmp_path / "cut.onnx"
    path.write_bytes(good[: len(good) * 2 // 3])
    with pytest.raises(OnnxImportError, match="cut.onnx"):
        load(path, _numpy_device())


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(OnnxImportError, match="no such file"):
        load(tmp_path / "nope.onnx", _numpy_device())


@pytest.mark.parametrize("opset", [9, 99])
def test_opset_out_of_range(tmp_path: Path, opset: int) -> None:
    model = graph([N("Relu", ["x"], ["y"])], {"x": (F, [2])}, {"y": (F, None)}, opset=opset)
    with pytest.raises(OnnxImportError, match=f"opset {opset}; supported: 13 to 22"):
        load(save(model, tmp_path / "m.onnx"), _numpy_device())


@pytest.mark.parametrize("location", ["../secret.bin", "/etc/passwd", "sub/../../x.bin"])
def test_external_data_outside_model_dir_is_refused(tmp_path: Path, location: str) -> None:
    (tmp_path / "secret.bin").write_bytes(np.zeros(6, np.float32).tobytes())
    model = graph([N("Add", ["x", "b"], ["y"])], {"x": (F, [2, 3])}, {"y": (F, None)},
                  {"b": w(2, 3)})
    tensor = model.graph.initializer[0]
    tensor.ClearField("raw_data")
    tensor.data_location = onnx.TensorProto.EXTERNAL
    for key, value in (("location", location), ("offset", "0"), ("length", "24")):
        entry = tensor.external_data.add()
        entry.key, entry.value = key, value
    folder = tmp_path / "model"
    folder.mkdir()
    with pytest.raises(OnnxImportError, match="outside the model's folder"):
        load(save(model, folder / "m.onnx"), _numpy_device())


def test_external_data_inside_model_dir_loads(tmp_path: Path) -> None:
    model = graph([N("Add", ["x", "b"], ["y"])], {"x": (F, [2, 3])}, {"y": (F, None)},
                  {"b": w(2, 3)})
    onnx.save(model, str(tmp_path / "m.onnx"), save_as_external_data=True,
              all_tensors_to_one_file=True, location="m.data", size_threshold=0)
    assert (tmp_path / "m.data").exists()
    feeds = [w(2, 3, seed=2)]
    got = load(tmp_path / "m.onnx", _numpy_device())(
        Tensor[_numpy()].from_data(feeds[0], _numpy_device())).to_numpy()
    np.testing.assert_allclose(got, feeds[0] + w(2, 3), rtol=TOL, atol=TOL)


def test_symbolic_dims_need_input_shapes_for_shape_arithmetic(tmp_path: Path) -> None:
    model = graph([N("Shape", ["x"], ["sh"]), N("Reshape", ["x", "sh"], ["y"])],
                  {"x": (F, ["batch", 3])}, {"y": (F, None)})
    path = save(model, tmp_path / "m.onnx")
    with pytest.raises(OnnxImportError, match="input_shapes"):
        load(path, _numpy_device())
    imported = load(path, _numpy_device(), input_shapes={"x": [4, 3]})
    assert imported(Tensor[_numpy()].ones([4, 3], _numpy_device())).dims() == [4, 3]
    with pytest.raises(OnnxImportError, match="not an input"):
        load(path, _numpy_device(), input_shapes={"nope": [4, 3]})


@pytest.mark.parametrize("node,match", [
    (N("LSTM", ["x", "W", "R"], ["y"], hidden_size=2, clip=1.0), "clip is not supported"),
    (N("LSTM", ["x", "W", "R"], ["y"], hidden_size=2, activations=["Relu", "Tanh", "Tanh"]),
     "activations"),
    (N("BatchNormalization", ["x", "s", "s", "s", "s"], ["y", "rm", "rv"], training_mode=1),
     "training_mode=1"),
], ids=["lstm-clip", "lstm-activations", "batchnorm-training"])
def test_unsupported_attributes_are_named(tmp_path: Path, node: Any, match: str) -> None:
    inits = {"W": w(1, 8, 3), "R": w(1, 8, 2), "s": np.ones(3, np.float32)} \
        if node.op_type == "LSTM" else {"s": np.ones(3, np.float32)}
    inits = {k: v for k, v in inits.items() if k in node.input}
    shape = [4, 1, 3] if node.op_type == "LSTM" else [1, 3, 2, 2]
    model = graph([node], {"x": (F, shape)}, {"y": (F, [1, 3, 2, 2] if "s" in inits else None)},
                  inits)
    with pytest.raises(OnnxImportError, match=match):
        load(save(model, tmp_path / "m.onnx"), _numpy_device())


def test_run_from_script_exits_with_the_message(tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "bad.onnx").write_bytes(b"not onnx")
    with pytest.raises(SystemExit) as info:
        ModelGen().input(tmp_path / "bad.onnx").out_dir(tmp_path / "out").run_from_script()
    assert info.value.code == 1
    assert "bad.onnx" in capsys.readouterr().err
