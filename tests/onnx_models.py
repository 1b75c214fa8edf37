"""Small ONNX models built with ``onnx.helper`` for tests/test_onnx*.py: one per op and edge
attribute, each with the inputs to feed it. Weights are seeded; nothing is downloaded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

onnx: Any = None
try:
    import onnx
    from onnx import TensorProto, helper, numpy_helper
except ImportError:  # the test modules skip
    pass

F, I64 = 1, 7   # TensorProto.FLOAT, INT64


@dataclass
class Case:
    id: str
    model: Any                 # onnx.ModelProto
    feeds: list[np.ndarray]
    eval_mode: bool = False    # BatchNorm / Dropout: compare at inference (model.valid())
    runtime: str = "onnxruntime"   # or "reference" (onnx's evaluator) where onnxruntime lacks it


def i64(*values: int) -> np.ndarray:
    return np.array(values, np.int64)


def rng(seed: int = 0) -> np.random.Generator:
    return np.random.default_rng(seed)


def w(*shape: int, seed: int = 1) -> np.ndarray:
    return (rng(seed).standard_normal(shape) * 0.5).astype(np.float32)


def graph(nodes: list[Any], inputs: dict[str, tuple[int, list[Any]]],
          outputs: dict[str, tuple[int, list[Any] | None]], inits: dict[str, np.ndarray] | None = None,
          opset: int = 17) -> Any:
    g = helper.make_graph(
        nodes, "g",
        [helper.make_tensor_value_info(n, t, s) for n, (t, s) in inputs.items()],
        [helper.make_tensor_value_info(n, t, s) for n, (t, s) in outputs.items()],
        initializer=[numpy_helper.from_array(v, n) for n, v in (inits or {}).items()])
    model = helper.make_model(g, opset_imports=[helper.make_opsetid("", opset)])
    if opset > 22:   # out of the supported range on purpose: nothing to infer
        return model
    return onnx.shape_inference.infer_shapes(model)   # fills in the outputs' shapes


def unary_case(cid: str, node: Any, shape: list[int], out: str = "y", opset: int = 17,
               inits: dict[str, np.ndarray] | None = None, eval_mode: bool = False) -> Case:
    return Case(cid, graph([node], {"x": (F, shape)}, {out: (F, None)}, inits, opset),
                [w(*shape, seed=7)], eval_mode)


def N(op_type: str, inputs: list[str], outputs: list[str], **attrs: Any) -> Any:
    """``helper.make_node``."""
    return helper.make_node(op_type, inputs, outputs, **attrs)


def _cases() -> list[Case]:
    c: list[Case] = []
    # --- Gemm / MatMul ---------------------------------------------------------------------
    c.append(unary_case("gemm-transB-alpha-beta", N("Gemm", ["x", "B", "C"], ["y"], transB=1,
                                                    alpha=0.5, beta=2.0), [3, 4],
                        inits={"B": w(5, 4), "C": w(5)}))
    c.append(unary_case("gemm-transA-row-bias", N("Gemm", ["x", "B", "C"], ["y"], transA=1),
                        [4, 3], inits={"B": w(4, 5), "C": w(1, 5)}))
    c.append(Case("gemm-dynamic-B-matrix-C", graph(
        [N("Gemm", ["a", "b", "C"], ["y"], alpha=1.5, beta=0.5, transB=1)],
        {"a": (F, [3, 4]), "b": (F, [2, 4])}, {"y": (F, None)}, {"C": w(3, 2)}),
        [w(3, 4, seed=2), w(2, 4, seed=3)]))
    c.append(unary_case("gemm-weight-matrix-C", N("Gemm", ["x", "B", "C"], ["y"], beta=0.5),
                        [3, 4], inits={"B": w(4, 2), "C": w(3, 2, seed=2)}))
    c.append(Case("matmul-batched-broadcast", graph(
        [N("MatMul", ["a", "b"], ["y"])], {"a": (F, [2, 3, 4]), "b": (F, [1, 4, 5])},
        {"y": (F, None)}), [w(2, 3, 4, seed=2), w(1, 4, 5, seed=3)]))
    c.append(Case("matmul-weight-add-bias-fused", graph(
        [N("MatMul", ["x", "W"], ["h"]), N("Add", ["h", "b"], ["y"])],
        {"x": (F, [2, 3, 4])}, {"y": (F, None)}, {"W": w(4, 6), "b": w(6)}),
        [w(2, 3, 4, seed=4)]))
    # --- arithmetic with broadcasting ---------------------------------------------------------
    c.append(Case("add-sub-mul-div-broadcast", graph(
        [N("Add", ["x", "b"], ["t1"]), N("Sub", ["two", "t1"], ["t2"]),
         N("Mul", ["t2", "y0"], ["t3"]), N("Div", ["t3", "d"], ["y"])],
        {"x": (F, [2, 3, 4]), "y0": (F, [3, 1])}, {"y": (F, None)},
        {"b": w(4), "two": np.array(2.0, np.float32), "d": np.abs(w(2, 1, 1)) + 1.0}),
        [w(2, 3, 4, seed=5), w(3, 1, seed=6)]))
    # --- activations ---------------------------------------------------------------------------
    for op in ("Relu", "Sigmoid", "Tanh", "Erf", "Sqrt", "Exp", "Neg", "Abs"):
        c.append(unary_case(op.lower(), N(op, ["x"], ["y"]), [2, 5]))
    c[-4].feeds = [np.abs(c[-4].feeds[0]) + 0.1]   # Sqrt of positive values
    c.append(unary_case("log-reciprocal", N("Log", ["x"], ["l"]), [2, 5], out="l"))
    c[-1].feeds = [np.abs(c[-1].feeds[0]) + 0.1]
    c.append(Case("reciprocal-cast", graph(
        [N("Reciprocal", ["x"], ["r"]), N("Cast", ["r"], ["y"], to=1)],
        {"x": (F, [2, 3])}, {"y": (F, None)}), [np.abs(w(2, 3)) + 0.5]))
    c.append(unary_case("gelu-exact-opset20", N("Gelu", ["x"], ["y"]), [2, 5], opset=20))
    c.append(unary_case("gelu-tanh-opset20", N("Gelu", ["x"], ["y"], approximate="tanh"),
                        [2, 5], opset=20))
    c.append(unary_case("softmax-axis1", N("Softmax", ["x"], ["y"], axis=1), [2, 3, 4]))
    c.append(unary_case("log-softmax-axis0", N("LogSoftmax", ["x"], ["y"], axis=0), [2, 3, 4]))
    c.append(unary_case("pow-scalar", N("Pow", ["x", "p"], ["y"]), [2, 3],
                        inits={"p": np.array(2.0, np.float32)}))
    # --- convolutions ---------------------------------------------------------------------------
    c.append(unary_case("conv1d-asym-pads-stride-dil-group",
                        N("Conv", ["x", "W", "B"], ["y"], pads=[2, 1], strides=[2],
                          dilations=[2], group=2), [2, 4, 9],
                        inits={"W": w(6, 2, 3), "B": w(6)}))
    c.append(unary_case("conv2d-same-upper-stride2",
                        N("Conv", ["x", "W"], ["y"], auto_pad="SAME_UPPER", strides=[2, 2]),
                        [1, 2, 7, 6], inits={"W": w(3, 2, 3, 4)}))
    c.append(unary_case("conv2d-same-lower",
                        N("Conv", ["x", "W", "B"], ["y"], auto_pad="SAME_LOWER"),
                        [1, 2, 5, 5], inits={"W": w(3, 2, 2, 2), "B": w(3)}))
    c.append(unary_case("conv2d-pads-dilation-depthwise",
                        N("Conv", ["x", "W", "B"], ["y"], pads=[1, 0, 2, 1], dilations=[1, 2],
                          group=3, kernel_shape=[3, 2]), [2, 3, 6, 7],
                        inits={"W": w(3, 1, 3, 2), "B": w(3)}))
    c.append(unary_case("conv-transpose2d-stride-pads-outpad-group",
                        N("ConvTranspose", ["x", "W", "B"], ["y"], strides=[2, 3],
                          pads=[1, 0, 1, 0], output_padding=[1, 2], group=2),
                        [2, 4, 4, 3], inits={"W": w(4, 3, 3, 2), "B": w(6)}))
    c.append(unary_case("conv-transpose2d-asym-pads-dilation",
                        N("ConvTranspose", ["x", "W"], ["y"], strides=[2, 2], pads=[1, 1, 0, 1],
                          dilations=[2, 1]), [1, 2, 3, 3], inits={"W": w(2, 3, 2, 3)}))
    c.append(unary_case("conv-transpose1d",
                        N("ConvTranspose", ["x", "W", "B"], ["y"], strides=[2], pads=[1, 1]),
                        [2, 3, 5], inits={"W": w(3, 2, 3), "B": w(2)}))
    # --- normalization ---------------------------------------------------------------------------
    c.append(unary_case("batch-norm-inference",
                        N("BatchNormalization", ["x", "s", "b", "m", "v"], ["y"], epsilon=1e-3,
                          momentum=0.8), [2, 3, 4, 4],
                        inits={"s": w(3), "b": w(3, seed=2), "m": w(3, seed=3),
                               "v": np.abs(w(3, seed=4)) + 0.5}, eval_mode=True))
    c.append(unary_case("layer-norm", N("LayerNormalization", ["x", "s", "b"], ["y"],
                                        epsilon=1e-6), [2, 3, 5],
                        inits={"s": w(5), "b": w(5, seed=2)}))
    c.append(unary_case("layer-norm-no-bias", N("LayerNormalization", ["x", "s"], ["y"]),
                        [4, 6], inits={"s": w(6)}))
    # --- pooling ---------------------------------------------------------------------------------
    c.append(unary_case("maxpool2d-pads-strides-dil-ceil",
                        N("MaxPool", ["x"], ["y"], kernel_shape=[3, 2], strides=[2, 2],
                          pads=[1, 0, 1, 1], dilations=[1, 2], ceil_mode=1), [1, 2, 8, 7]))
    c.append(unary_case("maxpool1d", N("MaxPool", ["x"], ["y"], kernel_shape=[3], strides=[2]),
                        [2, 3, 9]))
    c.append(unary_case("avgpool2d-pads-exclude-pad",
                        N("AveragePool", ["x"], ["y"], kernel_shape=[3, 3], strides=[2, 2],
                          pads=[1, 1, 1, 1]), [1, 2, 7, 7]))
    c.append(unary_case("avgpool2d-include-pad-same",
                        N("AveragePool", ["x"], ["y"], kernel_shape=[2, 2], auto_pad="SAME_UPPER",
                          count_include_pad=1), [1, 1, 5, 5]))
    c.append(unary_case("avgpool1d", N("AveragePool", ["x"], ["y"], kernel_shape=[2]),
                        [2, 3, 6]))
    c.append(unary_case("reduce-mean-axes-input-keepdims",
                        N("ReduceMean", ["x", "a"], ["y"]), [2, 3, 4, 5], opset=18,
                        inits={"a": i64(-1, -2)}))
    c.append(unary_case("reduce-sum-all-no-keepdims", N("ReduceSum", ["x"], ["y"], keepdims=0),
                        [2, 3, 4]))
    c.append(unary_case("reduce-max-attr-axes", N("ReduceMax", ["x"], ["y"], axes=[1]),
                        [2, 3, 4]))
    c.append(unary_case("reduce-min-no-keepdims", N("ReduceMin", ["x", "a"], ["y"], keepdims=0),
                        [2, 3, 4], opset=18, inits={"a": i64(0)}))
    c.append(unary_case("global-avgpool-2d", N("GlobalAveragePool", ["x"], ["y"]), [2, 3, 4, 5]))
    c.append(unary_case("global-avgpool-1d", N("GlobalAveragePool", ["x"], ["y"]), [2, 3, 4]))
    # --- shape ops -------------------------------------------------------------------------------
    c.append(unary_case("flatten-axis2", N("Flatten", ["x"], ["y"], axis=2), [2, 3, 4, 5]))
    c.append(unary_case("reshape-zero-minus-one", N("Reshape", ["x", "s"], ["y"]), [2, 3, 4],
                        inits={"s": i64(0, -1, 2)}))
    c.append(unary_case("transpose-default-reverses", N("Transpose", ["x"], ["y"]), [2, 3, 4]))
    c.append(Case("concat-with-weight", graph(
        [N("Concat", ["x", "c"], ["y"], axis=-1)], {"x": (F, [2, 3])}, {"y": (F, None)},
        {"c": w(2, 2)}), [w(2, 3)]))
    c.append(unary_case("slice-axes-steps-negative",
                        N("Slice", ["x", "st", "en", "ax", "sp"], ["y"]), [4, 5, 6],
                        inits={"st": i64(-1, 1), "en": i64(-9223372036854775807, 100),
                               "ax": i64(0, 2), "sp": i64(-2, 2)}))
    c.append(unary_case("slice-defaults", N("Slice", ["x", "st", "en"], ["y"]), [4, 5],
                        inits={"st": i64(1, -3), "en": i64(3, -1)}))
    c.append(unary_case("gather-scalar-index", N("Gather", ["x", "i"], ["y"], axis=1), [2, 3, 4],
                        inits={"i": np.array(-1, np.int64)}))
    c.append(unary_case("gather-2d-indices", N("Gather", ["x", "i"], ["y"], axis=0), [5, 3],
                        inits={"i": i64(4, 0, 2, 2).reshape(2, 2)}))
    c.append(Case("gather-embedding-lookup", graph(
        [N("Gather", ["E", "ids"], ["y"], axis=0)], {"ids": (I64, [2, 3])}, {"y": (F, None)},
        {"E": w(7, 4)}), [np.array([[0, 6, 2], [3, 3, 1]], np.int64)]))
    c.append(Case("unsqueeze-squeeze", graph(
        [N("Unsqueeze", ["x", "a"], ["u"]), N("Squeeze", ["u", "b"], ["s"]),
         N("Squeeze", ["s"], ["y"])],
        {"x": (F, [2, 1, 3])}, {"y": (F, None)}, {"a": i64(0, -1), "b": i64(0)}),
        [w(2, 1, 3)]))
    c.append(Case("shape-arithmetic-folded", graph(
        [N("Shape", ["x"], ["sh"]), N("Gather", ["sh", "zero"], ["n"], axis=0),
         N("Unsqueeze", ["n", "zero1"], ["n1"]), N("Concat", ["n1", "m1"], ["target"], axis=0),
         N("Reshape", ["x", "target"], ["y"])],
        {"x": (F, [2, 3, 4])}, {"y": (F, None)},
        {"zero": np.array(0, np.int64), "zero1": i64(0), "m1": i64(-1)}), [w(2, 3, 4)]))
    c.append(unary_case("expand", N("Expand", ["x", "s"], ["y"]), [3, 1],
                        inits={"s": i64(2, 3, 4)}))
    c.append(Case("constant-identity-dropout", graph(
        [N("Constant", [], ["k"], value=numpy_helper.from_array(w(3), "k")),
         N("Identity", ["x"], ["i"]), N("Dropout", ["i", "r"], ["d"]),
         N("Mul", ["d", "k"], ["y"])],
        {"x": (F, [2, 3])}, {"y": (F, None)}, {"r": np.array(0.3, np.float32)}), [w(2, 3)],
        eval_mode=True))
    # --- recurrent -------------------------------------------------------------------------------
    c.extend(_rnn_cases())
    return c


def _rnn_cases() -> list[Case]:
    out = []
    h = 4
    # bidirectional LSTM, seq-first, with initial states and all three outputs
    out.append(Case("lstm-bidirectional-initial-state", graph(
        [N("LSTM", ["x", "W", "R", "B", "", "h0", "c0"], ["y", "yh", "yc"], hidden_size=h,
           direction="bidirectional")],
        {"x": (F, [5, 2, 3]), "h0": (F, [2, 2, h]), "c0": (F, [2, 2, h])},
        {"y": (F, None), "yh": (F, None), "yc": (F, None)},
        {"W": w(2, 4 * h, 3), "R": w(2, 4 * h, h, seed=2), "B": w(2, 8 * h, seed=3)}),
        [w(5, 2, 3, seed=4), w(2, 2, h, seed=5), w(2, 2, h, seed=6)]))
    out.append(Case("lstm-batch-first-reverse-no-bias", graph(
        [N("LSTM", ["x", "W", "R"], ["y", "yh"], hidden_size=h, layout=1,
           direction="reverse")],
        {"x": (F, [2, 5, 3])}, {"y": (F, None), "yh": (F, None)},
        {"W": w(1, 4 * h, 3), "R": w(1, 4 * h, h, seed=2)}), [w(2, 5, 3, seed=4)],
        runtime="reference"))   # onnxruntime: "layout == 1 is not supported"
    out.append(Case("gru-reverse-linear-before-reset-0", graph(
        [N("GRU", ["x", "W", "R", "B"], ["y", "yh"], hidden_size=h, direction="reverse")],
        {"x": (F, [5, 2, 3])}, {"y": (F, None), "yh": (F, None)},
        {"W": w(1, 3 * h, 3), "R": w(1, 3 * h, h, seed=2), "B": w(1, 6 * h, seed=3)}),
        [w(5, 2, 3, seed=4)]))
    out.append(Case("gru-bidirectional-lbr-initial-h", graph(
        [N("GRU", ["x", "W", "R", "B", "", "h0"], ["y", "yh"], hidden_size=h,
           direction="bidirectional", linear_before_reset=1)],
        {"x": (F, [5, 2, 3]), "h0": (F, [2, 2, h])}, {"y": (F, None), "yh": (F, None)},
        {"W": w(2, 3 * h, 3), "R": w(2, 3 * h, h, seed=2), "B": w(2, 6 * h, seed=3)}),
        [w(5, 2, 3, seed=4), w(2, 2, h, seed=5)]))
    return out


CASES: list[Case] = _cases() if onnx is not None else []
