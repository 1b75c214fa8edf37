"""An ONNX model from PyTorch, turned into pyburn code, checked, then fine-tuned.

1. A small sequence classifier (Conv1d -> ReLU -> bidirectional LSTM -> Linear) is built in
   PyTorch and exported to ``<out>/classifier.onnx`` (``torch.onnx.export``).
2. ``ModelGen`` writes ``<out>/model/classifier.py`` (a ``Model(Module)`` class) and
   ``<out>/model/classifier.mpk`` (its weights), as Burn's ``build.rs`` does.
3. The generated module is imported and run on the chosen backend; its output is compared with
   PyTorch's (and onnxruntime's, when installed).
4. It is fine-tuned for a few steps under ``Autodiff`` on a toy task, and the record saved.

    python -m examples.onnx_import                       # NumPy backend
    python -m examples.onnx_import --backend torch --steps 50
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import warnings
from pathlib import Path
from typing import Any

import numpy as np

from examples._cli import add_backend_arguments, resolve_backend
from pyburn import Tensor
from pyburn.backend import Autodiff
from pyburn.onnx import ModelGen
from pyburn.optim import AdamConfig, GradientsParams
from pyburn.record import FullPrecisionSettings, NamedMpkFileRecorder
from pyburn.tensor.activation import log_softmax

SEQ, FEATURES, CLASSES = 12, 3, 2


def export_from_torch(path: Path) -> tuple[Any, Any]:
    """The PyTorch model (eval mode) and an input batch; the model is saved at `path`."""
    try:
        import torch
    except ImportError:
        sys.exit("this example exports its model with PyTorch: pip install 'pyburn[torch]'")
    nn = torch.nn

    class Classifier(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.conv = nn.Conv1d(FEATURES, 8, 3, padding=1)
            self.lstm = nn.LSTM(8, 16, batch_first=True, bidirectional=True)
            self.head = nn.Linear(32, CLASSES)

        def forward(self, x: Any) -> Any:                      # x: [batch, seq, features]
            h = torch.relu(self.conv(x.transpose(1, 2))).transpose(1, 2)
            out, _ = self.lstm(h)
            return self.head(out[:, -1])

    torch.manual_seed(0)
    model = Classifier().eval()
    x = torch.randn(4, SEQ, FEATURES)
    path.parent.mkdir(parents=True, exist_ok=True)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        torch.onnx.export(model, (x,), str(path), dynamo=False, opset_version=17,
                          input_names=["sequence"], output_names=["logits"])
    return model, x


def import_generated(source: Path) -> Any:
    """The generated module (in a project: ``from model.classifier import Model``)."""
    spec = importlib.util.spec_from_file_location(source.stem, source)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def toy_batch(rng: np.random.Generator, batch: int) -> tuple[np.ndarray, np.ndarray]:
    """Class 1 when the sequence's mean of the first feature is positive."""
    x = rng.standard_normal((batch, SEQ, FEATURES)).astype(np.float32)
    return x, (x[:, :, 0].mean(axis=1) > 0).astype(np.int64)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    add_backend_arguments(parser)
    parser.add_argument("--out", default="artifacts/onnx_import", help="output folder")
    parser.add_argument("--steps", type=int, default=20, help="fine-tuning steps")
    args = parser.parse_args(argv)
    backend, device = resolve_backend(args.backend, args.device)
    out = Path(args.out)

    torch_model, x = export_from_torch(out / "classifier.onnx")
    [generated] = ModelGen().input(out / "classifier.onnx").out_dir(out / "model").run()
    print(f"generated {generated.source} and {generated.record}")
    Model = import_generated(generated.source).Model

    model = Model.default(device)
    logits = model(Tensor.of(backend).from_data(x.numpy(), device)).to_numpy()
    import torch
    with torch.no_grad():
        expected = torch_model(x).numpy()
    print(f"max |pyburn - torch|       = {np.abs(logits - expected).max():.2e}")
    try:
        import onnxruntime
        session = onnxruntime.InferenceSession(str(out / "classifier.onnx"),
                                               providers=["CPUExecutionProvider"])
        [reference] = session.run(None, {"sequence": x.numpy()})
        print(f"max |pyburn - onnxruntime| = {np.abs(logits - reference).max():.2e}")
    except ImportError:
        print("onnxruntime is not installed: compared with torch only")
    if not np.allclose(logits, expected, atol=1e-5, rtol=1e-5):
        print("the imported model does not compute what PyTorch computes", file=sys.stderr)
        return 1

    B = Autodiff.of(backend)   # Autodiff[B]: training is differentiable
    model = Model.default(device.on(B))
    optimizer = AdamConfig().init()
    rng = np.random.default_rng(0)
    for step in range(1, args.steps + 1):
        xs, ys = toy_batch(rng, 16)
        logits_b = model(Tensor.of(B).from_data(xs, device.on(B)))
        target = Tensor.of(B).from_data(np.eye(CLASSES, dtype=np.float32)[ys], device.on(B))
        loss = -(log_softmax(logits_b, 1) * target).sum_dim(1).mean()   # cross-entropy
        grads = GradientsParams.from_grads(loss.backward(), model)
        model = optimizer.step(1e-2, model, grads)
        if step == 1 or step == args.steps or step % 10 == 0:
            print(f"step {step:3d}  loss {float(loss.into_scalar()):.4f}")
    saved = model.save_file(str(out / "model" / "classifier_finetuned"),
                            NamedMpkFileRecorder(FullPrecisionSettings))
    print(f"fine-tuned record: {saved}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
