"""Reading ``torch.save`` files without running code: pyburn's restricted reader (used when
torch is absent) against ``torch.load(weights_only=True)``, and the errors for files of the
wrong kind: malicious pickles (nothing runs), whole pickled models, truncated archives, zips
that are not torch files, legacy pickles without torch, a ``.pt`` given to the safetensors
reader."""

from __future__ import annotations

import io
import os
import sys
import zipfile
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pyburn.record import LoadArgs, PyTorchFileRecorder, RecordError, load_safetensors
from pyburn.record.pytorch import TorchFileError, read_pytorch_file, read_torch_zip
from pyburn.tensor import DType

torch = pytest.importorskip("torch")  # to write the files; the reader under test needs none


def every_kind_of_tensor() -> dict[str, Any]:
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6)
    return {
        "f32": torch.randn(3, 2), "f64": torch.randn(2, dtype=torch.float64),
        "f16": torch.tensor([0.1, 65504], dtype=torch.float16),
        "bf16": torch.tensor([1.0, -2.5, 3.140625, 0.1], dtype=torch.bfloat16),
        "i64": torch.tensor([-(2 ** 40), 3]), "i32": torch.tensor([[7]], dtype=torch.int32),
        "i16": torch.tensor([-300], dtype=torch.int16), "i8": torch.tensor([-5], dtype=torch.int8),
        "u8": torch.tensor([200], dtype=torch.uint8), "bool": torch.tensor([True, False]),
        "scalar": torch.tensor(2.5), "empty": torch.zeros(0, 3),
        "transposed": base.t(), "strided": base[1:, ::2], "shares_storage": base[2],
        "param": torch.nn.Parameter(torch.ones(2, 2)),
        "nested": {"deep": [torch.ones(1), torch.zeros(2)]},
    }


def expected_arrays(state: dict[str, Any]) -> dict[str, np.ndarray]:
    flat = {k: v for k, v in state.items() if k != "nested"}
    flat.update({"nested.deep.0": state["nested"]["deep"][0],
                 "nested.deep.1": state["nested"]["deep"][1]})
    return {k: v.detach().float().numpy() if v.dtype == torch.bfloat16 else v.detach().numpy()
            for k, v in flat.items()}


def test_restricted_reader_reads_what_torch_reads(tmp_path: Path) -> None:
    state = every_kind_of_tensor()
    torch.save(state, tmp_path / "all.pt")
    ours = read_pytorch_file(tmp_path / "all.pt", use_torch=False)
    theirs = read_pytorch_file(tmp_path / "all.pt", use_torch=True)
    expected = expected_arrays(state)
    assert set(ours) == set(theirs) == set(expected)
    for name, array in expected.items():
        assert ours[name] == theirs[name], name
        assert ours[name].shape == array.shape, name
        np.testing.assert_array_equal(ours[name].as_numpy(), array, err_msg=name)
    assert ours["bf16"].dtype is DType.BF16 and ours["bool"].dtype is DType.BOOL
    assert ours["u8"].dtype is DType.U8 and ours["i16"].dtype is DType.I16


def test_without_torch_installed_the_restricted_reader_is_used(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    torch.save({"w": torch.arange(4.0)}, tmp_path / "w.pt")
    monkeypatch.setitem(sys.modules, "torch", None)  # ``import torch`` now raises ImportError
    tensors = PyTorchFileRecorder().load(LoadArgs(tmp_path / "w.pt"))
    assert tensors["w"].to_list() == [0.0, 1.0, 2.0, 3.0]
    with pytest.raises(ImportError, match="needs torch"):
        read_pytorch_file(tmp_path / "w.pt", use_torch=True)


class Payload:
    """Unpickling this creates a directory: the proof that code ran."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> Any:
        return (os.mkdir, (str(self.marker),))


@pytest.mark.parametrize("use_torch", [True, False], ids=["torch.load", "restricted-reader"])
def test_a_pickle_that_runs_code_is_refused_and_nothing_runs(tmp_path: Path,
                                                             use_torch: bool) -> None:
    marker = tmp_path / "pwned"
    torch.save({"w": torch.ones(2), "evil": Payload(marker)}, tmp_path / "evil.pt")
    with pytest.raises(TorchFileError, match=r"(posix|os|nt)\.mkdir.*nothing was run"):
        read_pytorch_file(tmp_path / "evil.pt", use_torch=use_torch)
    assert not marker.exists()
    # The same through the recorder's front door, and a hand-made zip with a bare pickle.
    with pytest.raises(RecordError, match="nothing was run"):
        PyTorchFileRecorder(use_torch=use_torch).load(tmp_path / "evil.pt")
    import pickle
    with zipfile.ZipFile(tmp_path / "hand.pt", "w") as z:
        z.writestr("archive/data.pkl", pickle.dumps(Payload(marker), protocol=2))
        z.writestr("archive/version", "3\n")
        z.writestr("archive/byteorder", "little")
    with pytest.raises(TorchFileError, match="mkdir"):
        read_pytorch_file(tmp_path / "hand.pt", use_torch=use_torch)
    assert not marker.exists()


@pytest.mark.parametrize("use_torch", [True, False], ids=["torch.load", "restricted-reader"])
def test_a_whole_pickled_model_says_to_save_the_state_dict(tmp_path: Path,
                                                           use_torch: bool) -> None:
    torch.save(torch.nn.Sequential(torch.nn.Linear(2, 2)), tmp_path / "model.pt")
    with pytest.raises(TorchFileError, match=r"whole pickled model.*torch\.nn\.modules.*"
                                             r"torch\.save\(model\.state_dict\(\), path\)"):
        read_pytorch_file(tmp_path / "model.pt", use_torch=use_torch)


@pytest.mark.parametrize("use_torch", [True, False], ids=["torch.load", "restricted-reader"])
def test_truncated_files_are_explained(tmp_path: Path, use_torch: bool) -> None:
    torch.save({"w": torch.randn(64)}, tmp_path / "w.pt")
    data = (tmp_path / "w.pt").read_bytes()
    for cut in (10, len(data) // 3, len(data) // 2, len(data) - 30, len(data) - 1):
        (tmp_path / "cut.pt").write_bytes(data[:cut])
        with pytest.raises(TorchFileError, match="truncated or corrupted"):
            read_pytorch_file(tmp_path / "cut.pt", use_torch=use_torch)


def test_storage_shorter_than_declared_is_refused(tmp_path: Path) -> None:
    torch.save({"w": torch.randn(8)}, tmp_path / "w.pt")
    with zipfile.ZipFile(tmp_path / "w.pt") as src, \
            zipfile.ZipFile(tmp_path / "short.pt", "w") as dst:
        for info in src.infolist():
            body = src.read(info)
            dst.writestr(info.filename, body[:8] if info.filename.endswith("data/0") else body)
    with pytest.raises(TorchFileError, match="storage '0' has 8 bytes, its header says 32"):
        read_torch_zip(tmp_path / "short.pt")


def test_files_of_the_wrong_kind_say_what_they_are(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    with zipfile.ZipFile(tmp_path / "notes.pt", "w") as z:
        z.writestr("notes.txt", "hello")
    with pytest.raises(TorchFileError, match="zip archive but not a torch.save file"):
        read_pytorch_file(tmp_path / "notes.pt")
    (tmp_path / "text.pt").write_text("just some text, not weights")
    with pytest.raises(TorchFileError, match="is not a PyTorch file.*state_dict"):
        read_pytorch_file(tmp_path / "text.pt")
    with pytest.raises(TorchFileError, match="no file at"):
        read_pytorch_file(tmp_path / "absent.pt")
    # torch's legacy (non-zip) format: torch reads it safely, pyburn alone explains.
    buffer = io.BytesIO()
    torch.save({"w": torch.ones(3)}, buffer, _use_new_zipfile_serialization=False)
    (tmp_path / "legacy.pt").write_bytes(buffer.getvalue())
    assert read_pytorch_file(tmp_path / "legacy.pt")["w"].to_list() == [1.0, 1.0, 1.0]
    monkeypatch.setitem(sys.modules, "torch", None)
    with pytest.raises(TorchFileError, match="legacy torch.save format.*install torch"):
        read_pytorch_file(tmp_path / "legacy.pt")


def test_a_pt_file_given_to_the_safetensors_reader_is_named(tmp_path: Path) -> None:
    torch.save({"w": torch.ones(3)}, tmp_path / "w.pt")
    with pytest.raises(RecordError, match="torch.save.*PyTorchFileRecorder") as info:
        load_safetensors(tmp_path / "w.pt")
    assert "header length" not in str(info.value)


def test_safetensors_and_checkpoints_through_the_same_front_door(tmp_path: Path) -> None:
    from safetensors.torch import save_file
    save_file({"enc.w": torch.ones(2), "enc.b": torch.zeros(1), "dec.w": torch.ones(1)},
              str(tmp_path / "w.safetensors"))
    tensors = PyTorchFileRecorder().load(LoadArgs(tmp_path / "w.safetensors")
                                         .with_top_level_key("enc"))
    assert sorted(tensors) == ["b", "w"]
    torch.save({"epoch": 3, "optimizer": {"lr": 0.1}}, tmp_path / "no_tensors.pt")
    with pytest.raises(TorchFileError, match="holds no tensors.*with_top_level_key"):
        read_pytorch_file(tmp_path / "no_tensors.pt")


def test_deeply_nested_containers_are_refused(tmp_path: Path) -> None:
    nested: Any = torch.ones(1)
    for _ in range(100):  # torch.save itself recurses; a crafted pickle could go deeper
        nested = [nested]
    torch.save({"w": nested}, tmp_path / "deep.pt")
    with pytest.raises(TorchFileError, match="nested deeper than 64"):
        read_pytorch_file(tmp_path / "deep.pt", use_torch=False)


def test_key_remap_replacements_read_like_rust_regex() -> None:
    from pyburn.record.pytorch.load_args import python_replacement, remap_keys
    from pyburn.tensor import TensorData
    assert python_replacement("$1.${name}.$x_1") == r"\g<1>.\g<name>.\g<x_1>"
    tensors = {"model.conv.0.weight": TensorData([1.0]), "conv.conv.bias": TensorData([2.0])}
    renamed, origin = remap_keys(tensors, ((r"conv\.(?P<rest>.*)", "${rest}"),
                                           (r"^model\.", "")))
    # first match only, as Rust's Regex::replace; then the next rule on the result
    assert sorted(renamed) == ["0.weight", "conv.bias"]
    assert origin["conv.bias"] == "conv.conv.bias"
    with pytest.raises(ValueError, match=r"with_key_remap: invalid regex '\('"):
        LoadArgs("x.pt").with_key_remap("(", "")
