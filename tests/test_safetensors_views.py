"""Loading safetensors files without a copy per tensor: the file is read once, the library
validates it in place (``safe_open``), and tensors are read-only views of the bytes read.
These tests pin what that must not cost: read-only values, values that do not follow the file
after loading, no handle or map left on the file, and refusals still made by the library."""

from __future__ import annotations

import json
import os
import struct
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import safetensors

from pyburn.record import (RecordError, SafetensorsFileRecorder, decode_safetensors,
                           load_safetensors, save_safetensors)
from pyburn.record import safetensors_format
from pyburn.record.safetensors_format import read_safetensors_file
from pyburn.tensor.data import TensorData
from pyburn.tensor.dtype import DType


def raw_file(path: Path, header: dict[str, Any], buffer: bytes) -> Path:
    text = json.dumps(header).encode()
    path.write_bytes(struct.pack("<Q", len(text)) + text + buffer)
    return path


def weights(scale: float) -> dict[str, TensorData]:
    return {"w": TensorData(np.arange(6, dtype=np.float32).reshape(2, 3) * scale),
            "b": TensorData(np.array([scale, -scale])),                   # float64
            "steps": TensorData(np.array([3, 4], np.int64))}


def record(scale: float) -> dict[str, Any]:
    return {"linear": {"weight": {"id": "p0", "param": weights(scale)["w"]}},
            "steps": weights(scale)["steps"]}


def test_loaded_tensors_are_read_only_views_of_one_read(tmp_path: Path) -> None:
    path = save_safetensors(tmp_path / "t.safetensors", weights(1.0))
    data, validated = read_safetensors_file(path)
    assert validated and data == path.read_bytes()
    tensors, _ = load_safetensors(path)
    for name, tensor in tensors.items():
        array = tensor.as_numpy()
        assert array.base is not None, f"{name} is a view, not a copy"
        assert not array.flags.writeable
        with pytest.raises(ValueError):
            array.flags.writeable = True  # the memory under it is immutable bytes
        np.testing.assert_array_equal(array, weights(1.0)[name].as_numpy())
    tree = SafetensorsFileRecorder().load(SafetensorsFileRecorder().record(record(2.0),
                                                                           tmp_path / "m"))
    weight = tree["linear"]["weight"]["param"].as_numpy()
    assert weight.base is not None and not weight.flags.writeable
    with pytest.raises(ValueError):
        weight.flags.writeable = True
    # The bytes path still copies (through `safetensors.deserialize`), read-only all the same.
    copied, _ = decode_safetensors(path.read_bytes())
    assert not copied["w"].as_numpy().flags.writeable
    assert copied["w"] == tensors["w"]


def test_values_do_not_follow_the_file_after_loading(tmp_path: Path) -> None:
    path = tmp_path / "t.safetensors"
    save_safetensors(path, weights(1.0))
    first, _ = load_safetensors(path)
    save_safetensors(path, weights(5.0))                      # atomic replace of the same path
    second, _ = load_safetensors(path)
    with open(path, "r+b") as file:                          # and an in-place overwrite
        file.seek(-8, os.SEEK_END)
        file.write(b"\xff" * 8)
    assert first["w"] == weights(1.0)["w"] and first["b"] == weights(1.0)["b"]
    assert second["w"] == weights(5.0)["w"] and second["b"] == weights(5.0)["b"]
    assert second["steps"] == weights(5.0)["steps"]


def test_save_load_save_load_the_same_path(tmp_path: Path) -> None:
    """Nothing of a load may keep the file open or mapped: on Windows either would make the
    next atomic save (``os.replace`` over the same path) fail."""
    recorder = SafetensorsFileRecorder()
    for scale in (1.0, 2.0, 3.0):
        path = recorder.record(record(scale), tmp_path / "model")
        loaded = recorder.load(tmp_path / "model")
        assert loaded["linear"]["weight"]["param"] == record(scale)["linear"]["weight"]["param"]
        plain = save_safetensors(tmp_path / "plain.safetensors", weights(scale))
        assert load_safetensors(plain)[0]["b"] == weights(scale)["b"]
    if sys.platform.startswith("linux"):
        mapped = Path("/proc/self/maps").read_text()
        assert str(path) not in mapped and str(plain) not in mapped
        fds = Path("/proc/self/fd")
        targets = {os.path.realpath(fds / fd) for fd in os.listdir(fds)}
        assert str(path.resolve()) not in targets and str(plain.resolve()) not in targets


def test_offsets_past_the_end_are_refused_by_the_library(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    refusals: list[BaseException] = []
    real_open = safetensors.safe_open

    def spy(*args: Any, **kwargs: Any) -> Any:
        try:
            return real_open(*args, **kwargs)
        except BaseException as exc:
            refusals.append(exc)
            raise

    def no_views(data: bytes) -> Any:
        raise AssertionError("a refused file must never reach the view path")

    monkeypatch.setattr(safetensors_format.safetensors, "safe_open", spy)
    monkeypatch.setattr(safetensors_format, "decode_validated_safetensors", no_views)
    lie = raw_file(tmp_path / "lie.safetensors",
                   {"w": {"dtype": "F32", "shape": [4], "data_offsets": [0, 16]}}, b"\0" * 8)
    with pytest.raises(RecordError, match="load_safetensors.*lie.safetensors"):
        load_safetensors(lie)
    assert len(refusals) == 1 and isinstance(refusals[0], safetensors.SafetensorError)
    recorder_file = tmp_path / "model.safetensors"
    recorder_file.write_bytes(lie.read_bytes())
    with pytest.raises(RecordError, match="SafetensorsFileRecorder: cannot decode"):
        SafetensorsFileRecorder().load(tmp_path / "model")
    assert len(refusals) == 2 and isinstance(refusals[1], safetensors.SafetensorError)


def test_a_file_changed_while_loading_is_validated_from_the_bytes_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """If the path no longer holds what was read when the library checks it, the library's
    verdict is about another file: the bytes read are validated again by ``deserialize``."""
    path = save_safetensors(tmp_path / "t.safetensors", weights(1.0))
    real_open = safetensors.safe_open

    def replace_first(*args: Any, **kwargs: Any) -> Any:
        save_safetensors(path, weights(7.0))
        return real_open(*args, **kwargs)

    monkeypatch.setattr(safetensors_format.safetensors, "safe_open", replace_first)
    data, validated = read_safetensors_file(path)
    assert not validated
    assert decode_safetensors(data)[0]["w"] == weights(1.0)["w"]
    assert load_safetensors(path)[0]["w"] == weights(7.0)["w"]  # read after the replace


def test_converted_dtypes_on_the_view_path(tmp_path: Path) -> None:
    values = np.array([1.0, -2.5, 3.140625], np.float32)
    upper = (values.view(np.uint32) >> 16).astype("<u2").tobytes()
    path = raw_file(tmp_path / "t.safetensors",
                    {"h": {"dtype": "BF16", "shape": [3], "data_offsets": [0, 6]},
                     "m": {"dtype": "BOOL", "shape": [2], "data_offsets": [6, 8]}},
                    upper + b"\x01\x00")
    assert read_safetensors_file(path)[1]
    tensors, _ = load_safetensors(path)
    assert tensors["h"].dtype is DType.BF16 and tensors["h"].to_list() == values.tolist()
    assert tensors["m"].to_list() == [True, False] and not tensors["m"].as_numpy().flags.writeable
    raw_file(path, {"m": {"dtype": "BOOL", "shape": [2], "data_offsets": [0, 2]}}, b"\x01\x02")
    with pytest.raises(RecordError, match="'m'.*byte other than 0 or 1"):
        load_safetensors(path)


def test_unaligned_foreign_tensors_are_copied_aligned(tmp_path: Path) -> None:
    """A foreign writer need not align tensors; backends get aligned memory anyway."""
    values = np.array([1.5, -2.0], np.float64)
    path = raw_file(tmp_path / "t.safetensors",
                    {"u": {"dtype": "U8", "shape": [3], "data_offsets": [0, 3]},
                     "x": {"dtype": "F64", "shape": [2], "data_offsets": [3, 19]}},
                    b"\x01\x02\x03" + values.tobytes())
    (size,) = struct.unpack_from("<Q", path.read_bytes())
    assert (8 + size + 3) % 8, "the premise: 'x' starts off an 8-byte boundary in the file"
    tensors, _ = load_safetensors(path)
    assert tensors["x"].as_numpy().flags.aligned and tensors["x"].to_list() == [1.5, -2.0]
    assert tensors["u"].to_list() == [1, 2, 3]
