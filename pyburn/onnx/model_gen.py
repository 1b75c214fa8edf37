"""`ModelGen` (burn-import's ``ModelGen``) and `load`: the two ways in.

    ModelGen().input("mnist.onnx").out_dir("model/").run_from_script()
    # writes model/mnist.py (a Model class) and model/mnist.mpk (its weights)
    from model.mnist import Model
    model = Model.default(device)             # Burn: Model::default()

    model = pyburn.onnx.load("mnist.onnx", device)   # the same model, no files written
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

from pyburn.module import Module
from pyburn.record import FullPrecisionSettings, NamedMpkFileRecorder, atomic_write
from pyburn.tensor import Device

from .build import exec_source, instantiate
from .codegen import render
from .errors import OnnxImportError
from .importer import build_program
from .program import identifier
from .reader import opset_of, read_model


@dataclass
class ImportedModel:
    """What `ModelGen.run` wrote: the Python module and the record (with its extension)."""

    source: Path
    record: Path


@dataclass
class ModelGen:
    """Burn's ``ModelGen`` builder: ``input`` (an ``.onnx`` file, repeatable), ``out_dir``,
    ``development`` (also write ``<name>.graph.txt``, the ONNX graph as text) and, beyond
    Burn, ``input_shapes`` (pin symbolic input dims so shape arithmetic folds)."""

    inputs: list[Path] = field(default_factory=list)
    output_dir: Path | None = None
    dev: bool = False
    shapes: dict[str, list[int]] = field(default_factory=dict)

    def input(self, path: str | os.PathLike[str]) -> "ModelGen":
        self.inputs.append(Path(path))
        return self

    def out_dir(self, path: str | os.PathLike[str]) -> "ModelGen":
        self.output_dir = Path(path)
        return self

    def development(self, enabled: bool) -> "ModelGen":
        self.dev = enabled
        return self

    def input_shapes(self, shapes: Mapping[str, Sequence[int]]) -> "ModelGen":
        self.shapes.update({k: [int(d) for d in v] for k, v in shapes.items()})
        return self

    def run(self) -> list[ImportedModel]:
        """Generate every input; returns what was written."""
        if not self.inputs:
            raise OnnxImportError("ModelGen: no input; call .input('model.onnx') first")
        if self.output_dir is None:
            raise OnnxImportError("ModelGen: no output folder; call .out_dir('model/') first")
        self.output_dir.mkdir(parents=True, exist_ok=True)
        return [self._generate(path, self.output_dir) for path in self.inputs]

    def run_from_script(self) -> list[ImportedModel]:
        """Burn's name (it runs from ``build.rs``): `run`, reporting errors on stderr and
        exiting with status 1, as a build script does."""
        try:
            return self.run()
        except OnnxImportError as exc:
            print(f"error: {exc}", file=sys.stderr)
            raise SystemExit(1) from None

    def _generate(self, path: Path, out_dir: Path) -> ImportedModel:
        from pyburn.backend import NumPy

        model = read_model(path, self.shapes)
        prog = build_program(model)
        name = identifier(path.stem)
        source = render(prog, source=path.name, opset=opset_of(model), record_name=name)
        # The record is built by the generated class itself, so the file and the code agree.
        module = instantiate(exec_source(source).Model, prog, NumPy.default_device())
        recorder = NamedMpkFileRecorder(FullPrecisionSettings)
        record = Path(recorder.record(module.into_record(), str(out_dir / name)))
        target = out_dir / f"{name}.py"
        atomic_write(target, source.encode())
        if self.dev:
            import onnx
            atomic_write(out_dir / f"{name}.graph.txt",
                         onnx.printer.to_text(model.graph).encode())
        return ImportedModel(target, record)


def load(path: str | os.PathLike[str], device: Device,
         input_shapes: Mapping[str, Sequence[int]] | None = None) -> Module:
    """The model of the ONNX file at `path`, ready on `device` (whose backend it uses): the
    class `ModelGen` would write, built in memory. ``load(...).forward(x)``."""
    model = read_model(path, input_shapes)
    prog = build_program(model)
    source = render(prog, source=Path(path).name, opset=opset_of(model), record_name=None)
    result: Module = instantiate(exec_source(source).Model, prog, device)
    return result


def generate_source(path: str | os.PathLike[str],
                    input_shapes: Mapping[str, Sequence[int]] | None = None) -> str:
    """The Python source `ModelGen` writes for `path` (to read or diff it)."""
    model = read_model(path, input_shapes)
    return render(build_program(model), source=Path(path).name, opset=opset_of(model),
                  record_name=identifier(Path(path).stem))


__all__ = ["ModelGen", "ImportedModel", "load", "generate_source"]
