"""Tests for pyburn.record: every recorder in every precision, file formats, corruption,
safety against pickles, atomic writes, extensions and safetensors interoperability."""

from __future__ import annotations

import gzip
import json
import math
import os
import pickle
import re
import stat
import struct
import sys
import types
from pathlib import Path
from typing import Any, Callable

import msgpack
import numpy as np
import pytest

from pyburn.record import (
    BinBytesRecorder,
    BinFileRecorder,
    BinGzFileRecorder,
    BytesRecorder,
    CompactRecorder,
    DefaultFileRecorder,
    DoublePrecisionSettings,
    FileRecorder,
    FullPrecisionSettings,
    HalfPrecisionSettings,
    JsonGzFileRecorder,
    NamedMpkBytesRecorder,
    NamedMpkFileRecorder,
    NamedMpkGzFileRecorder,
    PrecisionOverflowError,
    PrecisionSettings,
    PrettyJsonFileRecorder,
    Recorder,
    RecordError,
    RecordMetadata,
    RecordTypeError,
    SafetensorsFileRecorder,
    decode_safetensors,
    encode_safetensors,
    is_param_node,
    load_safetensors,
    save_safetensors,
    trees_equal,
)
from pyburn.record.tree import round_to_bf16
from pyburn.tensor.data import TensorData, Tolerance
from pyburn.tensor.dtype import DType

FILE_RECORDERS: list[type[FileRecorder]] = [
    NamedMpkFileRecorder, NamedMpkGzFileRecorder, BinFileRecorder, BinGzFileRecorder,
    JsonGzFileRecorder, PrettyJsonFileRecorder, SafetensorsFileRecorder]
BYTES_RECORDERS: list[type[BytesRecorder]] = [BinBytesRecorder, NamedMpkBytesRecorder]
ALL_RECORDERS: list[type[Recorder]] = [*FILE_RECORDERS, *BYTES_RECORDERS]
SETTINGS: list[type[PrecisionSettings]] = [
    FullPrecisionSettings, HalfPrecisionSettings, DoublePrecisionSettings]
EXTENSIONS = {NamedMpkFileRecorder: "mpk", NamedMpkGzFileRecorder: "mpk.gz",
              BinFileRecorder: "bin", BinGzFileRecorder: "bin.gz",
              JsonGzFileRecorder: "json.gz", PrettyJsonFileRecorder: "json",
              SafetensorsFileRecorder: "safetensors"}
# Largest relative error of storing an f32/f64 value in each precision (half an ulp).
RELATIVE_ERROR = {DType.F16: 2.0 ** -11, DType.F32: 2.0 ** -24, DType.F64: 0.0}


# ---------------------------------------------------------------- helpers


def param(pid: str, values: Any) -> dict[str, Any]:
    return {"id": pid, "param": TensorData(values)}


def make_tree(seed: int = 0) -> dict[str, Any]:
    """A realistic module record: an LSTM-like model with params and ids, a list of layers,
    optimizer state, config scalars, and every awkward leaf."""
    rng = np.random.default_rng(seed)

    def weight(*shape: int) -> np.ndarray:
        return rng.standard_normal(shape).astype(np.float32)

    def gate(name: str, bias: bool) -> dict[str, Any]:
        return {"input_transform": {"weight": param(f"{name}-wi", weight(3, 4)),
                                    "bias": param(f"{name}-bi", weight(4)) if bias else None},
                "hidden_transform": {"weight": param(f"{name}-wh", weight(4, 4)),
                                     "bias": None}}

    return {
        "lstm": {"input_gate": gate("ig", True), "forget_gate": gate("fg", True),
                 "output_gate": gate("og", False), "d_hidden": 4, "batch_first": True},
        "layers": [{"weight": param("l0w", weight(4, 2)), "bias": param("l0b", weight(2))},
                   {"weight": param("l1w", weight(2, 1)), "bias": None}],
        "optim": {"step": 1234, "lr": 1e-3, "betas": [0.9, 0.999],
                  "momentum": [TensorData(weight(4, 2)), TensorData(np.zeros(2, np.float64))]},
        "name": "modern-lstm ✓ ünïcode",
        "dropout": 0.1,
        "big_int": -(2 ** 40),
        "max_int": 2 ** 63 - 1,
        "floats": [0.1, -0.0, math.nan, math.inf, -math.inf, 1e300, 5e-324],
        "mask": TensorData(np.array([[True, False, True], [False, False, True]])),
        "counts": TensorData(np.array([[-3, 0, 7], [32767, -32768, 1]], dtype=np.int64)),
        "tokens": TensorData(np.array([0, 255, 17], dtype=np.uint8)),
        "small": TensorData(np.array([-128, 127], dtype=np.int8)),
        "scalar": TensorData(np.float32(2.5)),
        "int_scalar": TensorData(np.int32(-7)),
        "bool_scalar": TensorData(np.bool_(True)),
        "empty": TensorData(np.zeros((0, 4), np.float32)),
        "empty_int": TensorData(np.zeros((0,), np.int32)),
        "special": TensorData(np.array([math.nan, math.inf, -math.inf, -0.0, 1e-3, 65504.0],
                                       np.float32)),
        "thirds": TensorData(np.arange(1, 7, dtype=np.float64).reshape(2, 3) / 3.0),
        # User data that looks like each format's tensor encoding must stay plain data.
        "config": {"bytes": "not a tensor", "shape": [1, 2], "dtype": "float32",
                   "values": [1.0]},
        "$tensor": {"$float": "NaN", "$$x": 1, "$": None},
        "": "empty key",
        "nested": [[], {}, [None, [True, False]], ""],
    }


def stored(data: TensorData, settings: PrecisionSettings) -> np.ndarray:
    """What a tensor must load back as: converted to the settings' storage dtype."""
    if data.dtype.is_float:
        with np.errstate(over="ignore"):
            return data.as_numpy().astype(settings.float_dtype.numpy())
    if data.dtype.is_int:
        return data.as_numpy().astype(settings.int_dtype.numpy())
    return data.as_numpy()


def assert_loaded(actual: Any, original: Any, settings: PrecisionSettings,
                  path: str = "") -> None:
    """`actual` is `original` after a save/load in `settings`: same structure, key order and
    leaf types; tensors in the storage dtype, bit-equal to the converted values and within the
    precision's tolerance of the originals."""
    where = path or "<root>"
    if isinstance(original, TensorData):
        assert isinstance(actual, TensorData), where
        expected = stored(original, settings)
        assert actual.dtype.numpy() == expected.dtype, where
        if original.dtype.is_float:
            assert actual.dtype is settings.float_dtype, where
        elif original.dtype.is_int:
            assert actual.dtype is settings.int_dtype, where
        else:
            assert actual.dtype is DType.BOOL, where
        assert actual.shape == original.shape, where
        np.testing.assert_array_equal(actual.as_numpy(), expected, err_msg=where)
        if original.dtype.is_float:
            assert np.array_equal(np.signbit(actual.as_numpy()), np.signbit(expected)), where
            rel = RELATIVE_ERROR[settings.float_dtype]
            actual.assert_approx_eq(original, Tolerance.rel_abs(rel, 6e-8 if rel else 0.0))
        return
    assert type(actual) is type(original), f"{where}: {type(actual)} != {type(original)}"
    if isinstance(original, dict):
        assert list(actual) == list(original), where
        for key in original:
            assert_loaded(actual[key], original[key], settings, f"{path}.{key}".lstrip("."))
    elif isinstance(original, list):
        assert len(actual) == len(original), where
        for i, (a, o) in enumerate(zip(actual, original)):
            assert_loaded(a, o, settings, f"{path}.{i}".lstrip("."))
    elif isinstance(original, float):
        assert (math.isnan(actual) and math.isnan(original)) or (
            actual == original and math.copysign(1, actual) == math.copysign(1, original)), where
    else:
        assert actual == original, where


def save_and_load(recorder: Recorder, item: Any, directory: Path) -> Any:
    if isinstance(recorder, FileRecorder):
        recorder.record(item, directory / "model")
        return recorder.load(directory / "model")
    assert isinstance(recorder, BytesRecorder)
    return recorder.load(recorder.record(item))


def raw_bytes(recorder: Recorder, item: Any, directory: Path) -> bytes:
    if isinstance(recorder, FileRecorder):
        return recorder.record(item, directory / "model").read_bytes()
    assert isinstance(recorder, BytesRecorder)
    return recorder.record(item)


def load_raw(recorder: Recorder, data: bytes, directory: Path) -> Any:
    """Feed `data` to `recorder` as it would arrive: as its file, or as bytes."""
    if isinstance(recorder, FileRecorder):
        recorder.file_path(directory / "input").write_bytes(data)
        return recorder.load(directory / "input")
    assert isinstance(recorder, BytesRecorder)
    return recorder.load(data)


def envelope(item: Any, format_name: str) -> dict[str, Any]:
    meta = RecordMetadata.for_save(FullPrecisionSettings(), format_name).to_item()
    return {"metadata": meta, "item": item}


# ---------------------------------------------------------------- round trips


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda s: s.__name__)
@pytest.mark.parametrize("recorder_type", ALL_RECORDERS, ids=lambda r: r.__name__)
def test_round_trip_every_recorder_and_precision(recorder_type: type[Recorder],
                                                 settings: type[PrecisionSettings],
                                                 tmp_path: Path) -> None:
    tree = make_tree()
    recorder = recorder_type(settings)
    loaded = save_and_load(recorder, tree, tmp_path)
    assert_loaded(loaded, tree, settings())
    weight = loaded["lstm"]["input_gate"]["input_transform"]["weight"]
    assert is_param_node(weight) and weight["id"] == "ig-wi"
    assert weight["param"].dtype is settings.float_dtype
    assert loaded["counts"].dtype is settings.int_dtype
    assert loaded["counts"].to_list() == [[-3, 0, 7], [32767, -32768, 1]]
    assert loaded["mask"].to_list() == [[True, False, True], [False, False, True]]
    assert loaded["tokens"].to_list() == [0, 255, 17]
    assert loaded["scalar"].shape == () and loaded["scalar"].item() == 2.5
    assert loaded["empty"].shape == (0, 4) and loaded["empty_int"].shape == (0,)
    assert loaded["config"] == {"bytes": "not a tensor", "shape": [1, 2], "dtype": "float32",
                                "values": [1.0]}
    assert loaded["$tensor"] == {"$float": "NaN", "$$x": 1, "$": None}
    assert trees_equal(tree, make_tree())  # saving did not modify the input


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda s: s.__name__)
def test_every_format_loads_the_same_tree(settings: type[PrecisionSettings],
                                          tmp_path: Path) -> None:
    tree = make_tree(seed=3)
    loaded = {r.__name__: save_and_load(r(settings), tree, tmp_path) for r in ALL_RECORDERS}
    first_name, first = next(iter(loaded.items()))
    for name, other in loaded.items():
        assert trees_equal(other, first), f"{name} differs from {first_name}"
    assert_loaded(first, tree, settings())


def test_a_loaded_tree_saves_again_unchanged(tmp_path: Path) -> None:
    recorder = NamedMpkFileRecorder(HalfPrecisionSettings)
    once = save_and_load(recorder, make_tree(), tmp_path)
    twice = save_and_load(recorder, once, tmp_path)
    assert trees_equal(once, twice)
    assert recorder.file_path(tmp_path / "model").read_bytes() == recorder.to_bytes(twice)


@pytest.mark.parametrize("recorder_type", ALL_RECORDERS, ids=lambda r: r.__name__)
def test_precision_is_chosen_on_save_and_kept_on_load(recorder_type: type[Recorder],
                                                      tmp_path: Path) -> None:
    # A half-precision record loads in float16 whatever recorder settings read it: the
    # stored dtype comes back and the module layer converts to its backend's dtype.
    data = raw_bytes(recorder_type(HalfPrecisionSettings), {"w": TensorData([0.5, 1.5])},
                     tmp_path)
    loaded = load_raw(recorder_type(DoublePrecisionSettings), data, tmp_path)
    assert loaded["w"].dtype is DType.F16 and loaded["w"].to_list() == [0.5, 1.5]


def test_bfloat16_tensors_are_stored_in_the_settings_precision() -> None:
    bf16 = TensorData(np.array([1.0, -2.5, 3.140625], np.float32), dtype=DType.BF16)
    for settings in SETTINGS:
        loaded = NamedMpkBytesRecorder(settings).load(NamedMpkBytesRecorder(settings).record(
            {"w": bf16}))
        assert loaded["w"].dtype is settings.float_dtype
        assert loaded["w"].to_list() == [1.0, -2.5, 3.140625]


def test_numpy_scalars_are_stored_as_python_numbers() -> None:
    recorder = BinBytesRecorder()
    loaded = recorder.load(recorder.record({"a": np.int64(3), "b": np.float32(0.5),
                                            "c": np.bool_(True)}))
    assert loaded == {"a": 3, "b": 0.5, "c": True}
    assert [type(v) for v in loaded.values()] == [int, float, bool]


def test_json_writes_shortest_float_text_and_round_trips_every_float(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    f32 = np.concatenate([rng.standard_normal(2000).astype(np.float32),
                          np.array([0.1, 1e-45, 3.4028235e38, -1e-38], np.float32)])
    f16 = np.concatenate([rng.standard_normal(500).astype(np.float16),
                          np.array([6e-8, 65504, 0.1], np.float16)])
    f64 = np.concatenate([rng.standard_normal(500), [0.1, 5e-324, 1.7976931348623157e308]])
    tree = {"f32": TensorData(f32), "f16": TensorData(f16), "f64": TensorData(f64),
            "x": TensorData(np.array([0.1], np.float32))}
    recorder = PrettyJsonFileRecorder(DoublePrecisionSettings)
    # Double precision widens exactly; the values are compared bit for bit.
    loaded = save_and_load(recorder, tree, tmp_path)
    for key in ("f32", "f16", "f64"):
        np.testing.assert_array_equal(loaded[key].as_numpy(),
                                      tree[key].as_numpy().astype(np.float64))
    for settings, key in ((FullPrecisionSettings, "f32"), (HalfPrecisionSettings, "f16")):
        loaded = save_and_load(PrettyJsonFileRecorder(settings), tree, tmp_path)
        assert loaded[key].as_numpy().tobytes() == tree[key].as_numpy().tobytes()
        text = (tmp_path / "model.json").read_text()
        assert '"values": [0.1]' in text and "0.10000000149" not in text
    # The file is strict JSON: no NaN/Infinity tokens.
    special: dict[str, Any] = {"x": TensorData(np.array([math.nan, -math.inf], np.float32)),
                               "y": math.inf}
    recorder = PrettyJsonFileRecorder()
    path = recorder.record(special, tmp_path / "special")

    def refuse(token: str) -> None:
        raise AssertionError(f"non-standard JSON token {token}")

    document = json.loads(path.read_text(), parse_constant=refuse)
    assert document["item"]["x"]["$tensor"]["values"] == ["NaN", "-inf"]
    assert document["item"]["y"] == {"$float": "inf"}


# ---------------------------------------------------------------- precision settings


def test_settings_are_usable_as_classes_or_instances() -> None:
    assert (NamedMpkFileRecorder(FullPrecisionSettings)
            == NamedMpkFileRecorder(FullPrecisionSettings()))
    assert NamedMpkFileRecorder().settings == FullPrecisionSettings()
    assert CompactRecorder().settings == HalfPrecisionSettings()
    assert CompactRecorder(DoublePrecisionSettings).settings == DoublePrecisionSettings()
    assert DefaultFileRecorder is NamedMpkFileRecorder
    assert repr(BinFileRecorder(HalfPrecisionSettings)) == "BinFileRecorder(HalfPrecisionSettings)"
    expected = {FullPrecisionSettings: (DType.F32, DType.I32),
                HalfPrecisionSettings: (DType.F16, DType.I16),
                DoublePrecisionSettings: (DType.F64, DType.I64)}
    for settings, dtypes in expected.items():
        assert (settings.float_dtype, settings.int_dtype) == dtypes
    for bad in (None, "full", DType.F32, PrecisionSettings, int):
        with pytest.raises(TypeError):
            NamedMpkFileRecorder(bad)  # type: ignore[arg-type]


def test_custom_precision_settings() -> None:
    class BFloatSettings(PrecisionSettings):
        float_dtype = DType.BF16
        int_dtype = DType.I64

    weights = TensorData(np.array([1.0, 1.00390625, 1.01171875, -3.0], np.float32))
    for recorder_type in ALL_RECORDERS:
        recorder = recorder_type(BFloatSettings)
        metadata, item = recorder.from_bytes_with_metadata(recorder.to_bytes({"w": weights}))
        assert item["w"].dtype is DType.BF16, recorder
        assert item["w"].to_list() == [1.0, 1.0, 1.015625, -3.0], recorder  # ties to even
        assert metadata.settings == "BFloatSettings" and metadata.float_dtype == "bfloat16"
    with pytest.raises(TypeError, match="float dtype"):
        type("Bad", (PrecisionSettings,), {"float_dtype": DType.I32, "int_dtype": DType.I32})


@pytest.mark.parametrize("recorder_type", ALL_RECORDERS, ids=lambda r: r.__name__)
def test_half_precision_saturates_floats_to_infinity(recorder_type: type[Recorder],
                                                     tmp_path: Path) -> None:
    # f16's largest finite value is 65504; larger magnitudes become ±inf, as an IEEE cast does.
    values = np.array([1e5, -1e6, 65504.0, 65520.0, 1.0, 1e-9], np.float32)
    loaded = save_and_load(recorder_type(HalfPrecisionSettings), {"w": TensorData(values)},
                           tmp_path)
    assert loaded["w"].dtype is DType.F16
    assert loaded["w"].to_list() == [math.inf, -math.inf, 65504.0, math.inf, 1.0, 0.0]
    loaded = save_and_load(recorder_type(FullPrecisionSettings),
                           {"w": TensorData(np.array([1e40, -1e300]))}, tmp_path)
    assert loaded["w"].to_list() == [math.inf, -math.inf]


@pytest.mark.parametrize("recorder_type", FILE_RECORDERS, ids=lambda r: r.__name__)
def test_int_overflow_is_refused_and_names_the_field(recorder_type: type[FileRecorder],
                                                     tmp_path: Path) -> None:
    tree: dict[str, Any] = {"layers": [{"counts": TensorData(np.array([1, 40000], np.int64))}]}
    with pytest.raises(PrecisionOverflowError, match=r"layers\.0\.counts.*40000.*int16"):
        recorder_type(HalfPrecisionSettings).record(tree, tmp_path / "model")
    assert list(tmp_path.iterdir()) == []  # nothing written
    tree = {"ids": TensorData(np.array([-(2 ** 40)], np.int64))}
    with pytest.raises(OverflowError, match=r"'ids'.*int32"):
        recorder_type(FullPrecisionSettings).record(tree, tmp_path / "model")
    loaded = save_and_load(recorder_type(DoublePrecisionSettings), tree, tmp_path)
    assert loaded["ids"].to_list() == [-(2 ** 40)]


def test_metadata_envelope_records_how_the_record_was_stored(tmp_path: Path) -> None:
    recorder = BinGzFileRecorder(HalfPrecisionSettings())
    recorder.record({"a": 1}, tmp_path / "m")
    metadata, item = recorder.load_with_metadata(tmp_path / "m")
    assert item == {"a": 1}
    assert metadata == RecordMetadata("float16", "int16", "bin", metadata.version,
                                      "HalfPrecisionSettings")
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", metadata.version)
    raw = msgpack.unpackb(NamedMpkBytesRecorder(DoublePrecisionSettings).record([1, 2]))
    assert raw["metadata"] == {"float": "float64", "int": "int64", "format": "named_mpk",
                               "version": metadata.version, "settings": "DoublePrecisionSettings"}
    assert raw["item"] == [1, 2]


# ---------------------------------------------------------------- format details


def test_named_mpk_is_plain_messagepack_with_tensor_ext_type() -> None:
    data = NamedMpkBytesRecorder().record({"w": TensorData([[1.0, 2.0]]),
                                           "d": {"bytes": "x", "shape": [2], "dtype": "float32"}})
    raw = msgpack.unpackb(data)
    ext = raw["item"]["w"]
    assert isinstance(ext, msgpack.ExtType) and ext.code == 1
    payload = msgpack.unpackb(ext.data)
    assert payload["shape"] == [1, 2] and payload["dtype"] == "float32"
    assert payload["bytes"] == struct.pack("<2f", 1.0, 2.0)
    assert raw["item"]["d"] == {"bytes": "x", "shape": [2], "dtype": "float32"}


def test_bin_layout_magic_version_and_checksum() -> None:
    data = BinBytesRecorder().record({"w": TensorData([1.0])})
    assert data[:6] == b"PYBURN" and struct.unpack_from("<H", data, 6) == (1,)
    flipped = bytearray(data)
    flipped[-2] ^= 0x01  # one bit inside the tensor's values
    with pytest.raises(RecordError, match="CRC"):
        BinBytesRecorder().load(bytes(flipped))
    future = bytearray(data)
    future[6] = 9
    with pytest.raises(RecordError, match="version 9"):
        BinBytesRecorder().load(bytes(future))
    with pytest.raises(RecordError, match="magic"):
        BinBytesRecorder().load(b"NOTBURN" + data[7:])


def test_bin_file_is_readable_by_the_bytes_recorder(tmp_path: Path) -> None:
    # Burn's embedding workflow: save with BinFileRecorder, ship the bytes, load them with
    # BinBytesRecorder.
    tree = make_tree()
    path = BinFileRecorder().record(tree, tmp_path / "model")
    assert_loaded(BinBytesRecorder().load(path.read_bytes()), tree, FullPrecisionSettings())


@pytest.mark.parametrize("recorder_type", [NamedMpkGzFileRecorder, BinGzFileRecorder,
                                           JsonGzFileRecorder], ids=lambda r: r.__name__)
def test_gzip_recorders_write_gzip_and_detect_corruption(recorder_type: type[FileRecorder],
                                                         tmp_path: Path) -> None:
    path = recorder_type().record(make_tree(), tmp_path / "model")
    data = path.read_bytes()
    assert data[:2] == b"\x1f\x8b"
    assert len(gzip.decompress(data)) > len(data)
    corrupted = bytearray(data)
    corrupted[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(corrupted))
    with pytest.raises(RecordError, match=rf"{recorder_type.__name__}: cannot decode"):
        recorder_type().load(tmp_path / "model")


def test_pretty_json_is_indented_and_readable(tmp_path: Path) -> None:
    path = PrettyJsonFileRecorder().record({"linear": param("p1", [[0.5, -1.0]])},
                                           tmp_path / "model")
    text = path.read_text()
    assert '"id": "p1"' in text and '"values": [0.5, -1.0]' in text and '"shape": [1, 2]' in text
    assert text.count("\n") > 10
    path = JsonGzFileRecorder().record({"a": [1, 2]}, tmp_path / "c")
    compact = gzip.decompress(path.read_bytes())
    assert b"\n" not in compact and b'"item":{"a":[1,2]}' in compact


def test_safetensors_record_names_tensors_by_dotted_path(tmp_path: Path) -> None:
    path = SafetensorsFileRecorder().record(make_tree(), tmp_path / "model")
    tensors, metadata = load_safetensors(path)
    assert "lstm.input_gate.input_transform.weight" in tensors
    assert "layers.0.bias" in tensors and "optim.momentum.1" in tensors
    assert "lstm.input_gate.input_transform.weight.param" not in tensors
    assert tensors["counts"].to_list() == [[-3, 0, 7], [32767, -32768, 1]]
    skeleton = json.loads(metadata["pyburn.record"])
    assert skeleton["item"]["lstm"]["input_gate"]["input_transform"]["weight"] == {
        "id": "ig-wi", "param": {"$tensor": "lstm.input_gate.input_transform.weight"}}
    assert skeleton["metadata"]["format"] == "safetensors"


def test_safetensors_record_refuses_colliding_names(tmp_path: Path) -> None:
    tree: dict[str, Any] = {"a.b": TensorData([1.0]), "a": {"b": TensorData([2.0])}}
    with pytest.raises(RecordTypeError, match="'a.b'"):
        SafetensorsFileRecorder().record(tree, tmp_path / "model")
    assert not (tmp_path / "model.safetensors").exists()
    # A bare tensor as the whole record still has a name.
    loaded = save_and_load(SafetensorsFileRecorder(), TensorData([3.0]), tmp_path)
    assert loaded.to_list() == [3.0]


def test_safetensors_file_without_pyburn_metadata_is_not_a_record(tmp_path: Path) -> None:
    save_safetensors(tmp_path / "plain.safetensors", {"w": TensorData([1.0])})
    with pytest.raises(RecordError, match="load_safetensors"):
        SafetensorsFileRecorder().load(tmp_path / "plain")


def test_plain_safetensors_round_trip_every_dtype(tmp_path: Path) -> None:
    tensors = {dtype.name: TensorData(np.array([[0, 1], [1, 0]]), dtype=dtype) for dtype in DType}
    tensors["scalar"] = TensorData(np.float64(-1.5))
    tensors["empty"] = TensorData(np.zeros((3, 0), np.float16))
    path = save_safetensors(tmp_path / "t.safetensors", tensors, {"format": "np", "k": "v"})
    loaded, metadata = load_safetensors(path)
    assert metadata == {"format": "np", "k": "v"}
    assert set(loaded) == set(tensors)
    for name, data in tensors.items():
        assert loaded[name] == data, name
    raw = path.read_bytes()
    (size,) = struct.unpack_from("<Q", raw)
    assert size % 8 == 0
    header = json.loads(raw[8:8 + size])
    assert header["F32"]["dtype"] == "F32" and header["BF16"]["dtype"] == "BF16"
    for name, info in header.items():
        if name != "__metadata__":
            itemsize = tensors[name].dtype.itemsize
            assert info["data_offsets"][0] % itemsize == 0, "tensors are aligned"


def test_bfloat16_is_the_upper_half_of_float32(tmp_path: Path) -> None:
    values = np.array([1.0, -2.5, 3.140625, math.inf, -0.0, 1e-40], np.float32)
    upper = (values.view(np.uint32) >> 16).astype("<u2")
    header = json.dumps({"x": {"dtype": "BF16", "shape": [6], "data_offsets": [0, 12]}}).encode()
    path = tmp_path / "bf16.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header + upper.tobytes())
    loaded, metadata = load_safetensors(path)
    assert metadata == {} and loaded["x"].dtype is DType.BF16
    expected = (upper.astype(np.uint32) << 16).view(np.float32)
    assert loaded["x"].as_numpy().tobytes() == expected.tobytes()
    assert loaded["x"].to_list()[:5] == [1.0, -2.5, 3.140625, math.inf, -0.0]
    # Writing rounds to nearest, ties to even, and keeps NaN a NaN.
    above_tie = np.nextafter(np.float32(1.00390625), np.float32(2))
    ties = np.array([1.00390625, 1.01171875, above_tie, math.nan], np.float32)
    assert round_to_bf16(ties)[:3].tolist() == [1.0, 1.015625, 1.0078125]
    assert math.isnan(round_to_bf16(ties)[3])
    data = encode_safetensors({"x": TensorData(ties[:3], dtype=DType.BF16)})
    assert decode_safetensors(data)[0]["x"].to_list() == [1.0, 1.015625, 1.0078125]


def safetensors_numpy() -> Any:
    return pytest.importorskip("safetensors.numpy",
                               reason="the 'safetensors' package is not installed "
                                      "(pip install safetensors) - interop not tested")


def test_safetensors_interop_library_to_pyburn(tmp_path: Path) -> None:
    st = safetensors_numpy()
    arrays = {"f64": np.array([1.5, -2.0]), "f32": np.arange(6, dtype=np.float32).reshape(2, 3),
              "f16": np.array([0.1, 65504], np.float16), "i64": np.array([-(2 ** 40)]),
              "i32": np.array([[7]], np.int32), "i16": np.array([-300], np.int16),
              "i8": np.array([-5], np.int8), "u8": np.array([200], np.uint8),
              "bool": np.array([True, False]), "scalar": np.array(3.0, np.float32),
              "empty": np.zeros((0, 2), np.float32)}
    st.save_file(arrays, str(tmp_path / "lib.safetensors"), metadata={"format": "pt"})
    tensors, metadata = load_safetensors(tmp_path / "lib.safetensors")
    assert metadata == {"format": "pt"}
    assert set(tensors) == set(arrays)
    for name, array in arrays.items():
        assert tensors[name].dtype is DType.of(array.dtype), name
        np.testing.assert_array_equal(tensors[name].as_numpy(), array, err_msg=name)
        assert tensors[name].shape == array.shape


def test_safetensors_interop_pyburn_to_library(tmp_path: Path) -> None:
    st = safetensors_numpy()
    from safetensors import safe_open

    tensors = {"a.weight": TensorData(np.arange(4, dtype=np.float32).reshape(2, 2)),
               "a.count": TensorData(np.array([1, 2], np.int64)),
               "mask": TensorData(np.array([True, False])),
               "half": TensorData(np.array([0.5], np.float16))}
    save_safetensors(tmp_path / "ours.safetensors", tensors, {"note": "hi"})
    arrays = st.load_file(str(tmp_path / "ours.safetensors"))
    assert set(arrays) == set(tensors)
    for name, data in tensors.items():
        assert arrays[name].dtype == data.as_numpy().dtype
        np.testing.assert_array_equal(arrays[name], data.as_numpy())
    with safe_open(str(tmp_path / "ours.safetensors"), framework="np") as handle:
        assert handle.metadata() == {"note": "hi"}
    # A whole record is an ordinary state dict for the library.
    tree = make_tree()
    path = SafetensorsFileRecorder(HalfPrecisionSettings).record(tree, tmp_path / "model")
    arrays = st.load_file(str(path))
    weight = arrays["lstm.input_gate.input_transform.weight"]
    assert weight.dtype == np.float16
    np.testing.assert_array_equal(
        weight, tree["lstm"]["input_gate"]["input_transform"]["weight"]["param"].as_numpy()
        .astype(np.float16))
    with safe_open(str(path), framework="np") as handle:
        assert "pyburn.record" in handle.metadata()


def test_safetensors_interop_bfloat16_with_torch(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch", reason="torch is not installed - bf16 written by "
                                                "PyTorch not tested (the bit layout is tested "
                                                "without it)")
    st_torch = pytest.importorskip("safetensors.torch", reason="safetensors is not installed")
    values = torch.tensor([1.0, -2.5, 3.140625, 0.1], dtype=torch.bfloat16)
    st_torch.save_file({"x": values}, str(tmp_path / "t.safetensors"))
    tensors, _ = load_safetensors(tmp_path / "t.safetensors")
    assert tensors["x"].dtype is DType.BF16
    assert tensors["x"].to_list() == values.float().tolist()


# ---------------------------------------------------------------- corrupted input


@pytest.mark.parametrize("recorder_type", ALL_RECORDERS, ids=lambda r: r.__name__)
def test_truncated_data_raises_record_error(recorder_type: type[Recorder],
                                            tmp_path: Path) -> None:
    recorder = recorder_type()
    data = raw_bytes(recorder, make_tree(), tmp_path)
    n = len(data)
    for cut in sorted({0, 1, 5, 8, 13, 40, n // 4, n // 2, 3 * n // 4, n - 9, n - 2, n - 1}):
        with pytest.raises(RecordError, match="cannot decode") as info:
            load_raw(recorder, data[:cut], tmp_path)
        assert recorder_type.__name__ in str(info.value), cut
    if isinstance(recorder, FileRecorder):
        message = str(pytest.raises(RecordError, load_raw, recorder, data[:n // 2], tmp_path).value)
        assert f"input.{EXTENSIONS[type(recorder)]}" in message


@pytest.mark.parametrize("recorder_type", ALL_RECORDERS, ids=lambda r: r.__name__)
def test_random_garbage_raises_record_error(recorder_type: type[Recorder],
                                            tmp_path: Path) -> None:
    recorder = recorder_type()
    rng = np.random.default_rng(42)
    for size in (1, 3, 8, 16, 100, 1000, 10_000):
        for _ in range(5):
            garbage = rng.integers(0, 256, size, dtype=np.uint8).tobytes()
            for data in (garbage, gzip.compress(garbage)):
                with pytest.raises(RecordError):
                    load_raw(recorder, data, tmp_path)
    # Valid data in the wrong format is refused too.
    other = NamedMpkBytesRecorder if recorder.format_name == "bin" else BinBytesRecorder
    with pytest.raises(RecordError):
        load_raw(recorder, other().record({"a": 1}), tmp_path)


def test_record_errors_name_the_tensor_path() -> None:
    def ext(payload: dict[str, Any]) -> msgpack.ExtType:
        return msgpack.ExtType(1, msgpack.packb(payload))

    recorder = NamedMpkBytesRecorder()
    short = ext({"bytes": b"\0" * 20, "shape": [2, 3], "dtype": "float32"})
    data = msgpack.packb(envelope({"lstm": {"weight": short}}, "named_mpk"))
    with pytest.raises(RecordError, match=r"'item\.lstm\.weight'.*needs 24 bytes, found 20"):
        recorder.load(data)
    unknown = ext({"bytes": b"", "shape": [0], "dtype": "complex64"})
    with pytest.raises(RecordError, match=r"'item\.w'.*unknown dtype 'complex64'"):
        recorder.load(msgpack.packb(envelope({"w": unknown}, "named_mpk")))
    bad_shape = ext({"bytes": b"", "shape": [-1], "dtype": "float32"})
    with pytest.raises(RecordError, match="malformed shape"):
        recorder.load(msgpack.packb(envelope({"w": bad_shape}, "named_mpk")))
    with pytest.raises(RecordError, match="extension type 7"):
        recorder.load(msgpack.packb(envelope({"w": msgpack.ExtType(7, b"")}, "named_mpk")))
    with pytest.raises(RecordError, match="unexpected MessagePack value of type bytes"):
        recorder.load(msgpack.packb(envelope({"w": b"raw"}, "named_mpk")))
    # JSON: too few values for the shape.
    document = envelope({"x": {"$tensor": {"dtype": "int32", "shape": [3], "values": [1, 2]}}},
                        "json")
    with pytest.raises(RecordError, match=r"'item\.x'.*needs 3 values, found 2"):
        PrettyJsonFileRecorder().from_bytes(json.dumps(document).encode())
    document["item"] = {"x": {"$tensor": {"dtype": "int8", "shape": [1], "values": [300]}}}
    with pytest.raises(RecordError, match="out of range for int8"):
        PrettyJsonFileRecorder().from_bytes(json.dumps(document).encode())
    # safetensors: a header whose shape does not match the offsets.
    data = bytearray(encode_safetensors({"w": TensorData(np.zeros(4, np.float32))}))
    data[:] = data.replace(b'"shape":[4]', b'"shape":[5]')
    with pytest.raises(RecordError, match=r"'w'.*needs 20 bytes, found 16"):
        decode_safetensors(bytes(data))
    data = bytearray(encode_safetensors({"w": TensorData(np.zeros(4, np.float32))}))
    data[:] = data.replace(b'"F32"', b'"F8X"')
    with pytest.raises(RecordError, match="unsupported safetensors dtype 'F8X'"):
        decode_safetensors(bytes(data))


def test_missing_or_malformed_envelope_is_explained() -> None:
    recorder = NamedMpkBytesRecorder()
    with pytest.raises(RecordError, match="not a pyburn record.*envelope"):
        recorder.load(msgpack.packb({"weight": 1}))
    with pytest.raises(RecordError, match="not a pyburn record"):
        recorder.load(msgpack.packb([1, 2, 3]))
    with pytest.raises(RecordError, match="malformed record metadata"):
        recorder.load(msgpack.packb({"metadata": {"float": 32}, "item": 1}))
    with pytest.raises(RecordError, match="written in format 'json'.*reads 'named_mpk'"):
        recorder.load(msgpack.packb(envelope({"a": 1}, "json")))
    with pytest.raises(RecordError, match="empty data"):
        recorder.load(b"")


def test_hostile_nesting_is_refused_without_crashing() -> None:
    deep: Any = 1
    for _ in range(300):
        deep = [deep]
    with pytest.raises(RecordTypeError, match="deeper than 256"):
        BinBytesRecorder().record(deep)
    # Hand-made deeply nested inputs for each decoder.
    nested_mpk = b"\x91" * 5000 + b"\x01"
    with pytest.raises(RecordError):
        NamedMpkBytesRecorder().load(msgpack.packb(envelope(None, "named_mpk"))[:-1] + nested_mpk)
    with pytest.raises(RecordError):
        PrettyJsonFileRecorder().from_bytes(b'{"metadata": {}, "item": ' + b"[" * 100_000)


# ---------------------------------------------------------------- pickles are never executed

PICKLE_EXECUTED = {"flag": False}


def _payload_action(marker: str) -> str:
    """What unpickling the malicious payload would do: flip a global and create a file."""
    PICKLE_EXECUTED["flag"] = True
    Path(marker).write_text("pwned")
    return "pwned"


class _Malicious:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[[str], str], tuple[str]]:
        return _payload_action, (self.marker,)


@pytest.mark.parametrize("recorder_type", ALL_RECORDERS, ids=lambda r: r.__name__)
def test_pickle_payload_is_rejected_and_never_executed(recorder_type: type[Recorder],
                                                       tmp_path: Path) -> None:
    marker = tmp_path / "pwned.txt"
    recorder = recorder_type()
    payloads = [pickle.dumps(_Malicious(str(marker)), protocol=p)
                for p in range(pickle.HIGHEST_PROTOCOL + 1)]
    payloads += [gzip.compress(p) for p in payloads]
    PICKLE_EXECUTED["flag"] = False
    for payload in payloads:
        with pytest.raises(RecordError, match="pickle") as info:
            load_raw(recorder, payload, tmp_path)
        assert "never unpickles" in str(info.value)
    assert PICKLE_EXECUTED["flag"] is False and not marker.exists()
    # A torch.save archive (zip) is explained too.
    with pytest.raises(RecordError, match="zip archive"):
        load_raw(recorder, b"PK\x03\x04" + b"\0" * 60, tmp_path)
    # Control: the payload is live - unpickling it would have run the code.
    assert pickle.loads(payloads[-1 - len(payloads) // 2]) == "pwned"
    assert PICKLE_EXECUTED["flag"] is True and marker.read_text() == "pwned"
    PICKLE_EXECUTED["flag"] = False


def test_no_recorder_module_imports_pickle() -> None:
    import pyburn.record as record

    for path in Path(record.__file__).parent.glob("*.py"):
        source = path.read_text()
        assert "import pickle" not in source and "allow_pickle=True" not in source, path.name


# ---------------------------------------------------------------- unsupported trees


@pytest.mark.parametrize("bad, where", [
    ({"a": {"b": object()}}, r"'a\.b'.*builtins\.object"),
    ({"a": (1, 2)}, r"'a'.*tuple \(use a list\)"),
    ({"a": {1, 2}}, r"'a'.*set"),
    ({"a": b"bytes"}, r"'a'.*bytes"),
    ({"a": [np.zeros(2)]}, r"'a\.0'.*ndarray"),
    ({"a": {3: "x"}}, r"'a'.*keys must be str"),
    ({"a": 2 ** 64}, r"'a'.*64 bits"),
    ({"a": "\ud800"}, r"'a'.*not valid Unicode"),
], ids=["object", "tuple", "set", "bytes", "ndarray", "int-key", "bigint", "surrogate"])
def test_unsupported_values_are_refused_with_their_path(bad: Any, where: str) -> None:
    for recorder_type in (BinBytesRecorder, NamedMpkBytesRecorder):
        with pytest.raises(RecordTypeError if "64 bits" not in where else RecordError,
                           match=where):
            recorder_type().record(bad)


def test_cycles_are_refused() -> None:
    tree: dict[str, Any] = {"a": []}
    tree["a"].append(tree)
    with pytest.raises(RecordTypeError, match=r"'a\.0'.*cycle"):
        NamedMpkBytesRecorder().record(tree)
    shared = [1, 2]
    loaded = BinBytesRecorder().load(BinBytesRecorder().record({"x": shared, "y": shared}))
    assert loaded == {"x": [1, 2], "y": [1, 2]}  # sharing is fine, it is not a cycle


# ---------------------------------------------------------------- atomic writes


@pytest.mark.parametrize("recorder_type", FILE_RECORDERS, ids=lambda r: r.__name__)
def test_failed_save_leaves_the_previous_file_intact(recorder_type: type[FileRecorder],
                                                     tmp_path: Path) -> None:
    recorder = recorder_type()
    path = recorder.record(make_tree(), tmp_path / "model")
    before = path.read_bytes()
    broken = make_tree(seed=1)
    broken["lstm"]["input_gate"]["callback"] = lambda: None
    with pytest.raises(RecordTypeError, match=r"lstm\.input_gate\.callback"):
        recorder.record(broken, tmp_path / "model")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]
    assert_loaded(recorder.load(tmp_path / "model"), make_tree(), FullPrecisionSettings())


@pytest.mark.parametrize("failing", ["write", "fsync", "replace"])
def test_failure_while_writing_removes_the_temp_file(failing: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    recorder = NamedMpkFileRecorder()
    path = recorder.record({"v": 1}, tmp_path / "model")

    def fail(*args: Any, **kwargs: Any) -> None:
        raise OSError(28, "No space left on device (simulated)")

    if failing == "write":
        real_fdopen = os.fdopen

        class FailingFile:
            def __init__(self, fd: int, mode: str) -> None:
                self.inner = real_fdopen(fd, mode)

            def __enter__(self) -> "FailingFile":
                return self

            def __exit__(self, *exc: object) -> None:
                self.inner.close()

            def write(self, data: bytes) -> int:
                self.inner.write(data[: len(data) // 2])
                raise OSError(28, "No space left on device (simulated)")

        monkeypatch.setattr(os, "fdopen", FailingFile)
    elif failing == "fsync":
        monkeypatch.setattr(os, "fsync", fail)
    else:
        monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="simulated"):
        recorder.record({"v": 2}, tmp_path / "model")
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.mpk"]
    assert recorder.load(path) == {"v": 1}


def test_save_creates_parent_directories_and_respects_umask(tmp_path: Path) -> None:
    path = BinFileRecorder().record({"v": 1}, tmp_path / "a" / "b" / "model")
    assert path == tmp_path / "a" / "b" / "model.bin" and path.is_file()
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask


# ---------------------------------------------------------------- paths and extensions


@pytest.mark.parametrize("recorder_type", FILE_RECORDERS, ids=lambda r: r.__name__)
def test_extension_is_appended_once(recorder_type: type[FileRecorder], tmp_path: Path) -> None:
    extension = EXTENSIONS[recorder_type]
    recorder = recorder_type()
    assert recorder.extension == extension
    path = recorder.record({"v": 1}, tmp_path / "model")
    assert path == tmp_path / f"model.{extension}" and path.is_file()
    assert recorder.record({"v": 2}, tmp_path / f"model.{extension}") == path
    assert recorder.record({"v": 3}, str(tmp_path / "model")) == path
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"model.{extension}"]
    assert recorder.load(tmp_path / "model") == {"v": 3}
    assert recorder.load(str(tmp_path / f"model.{extension}")) == {"v": 3}
    dotted = recorder.record({"v": 4}, tmp_path / "model.v1")
    assert dotted.name == f"model.v1.{extension}"


@pytest.mark.parametrize("recorder_type", FILE_RECORDERS, ids=lambda r: r.__name__)
def test_missing_file_names_the_path_with_extension(recorder_type: type[FileRecorder],
                                                    tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError) as info:
        recorder_type().load(tmp_path / "missing")
    assert f"missing.{EXTENSIONS[recorder_type]}" in str(info.value)
    assert info.value.filename == str(tmp_path / f"missing.{EXTENSIONS[recorder_type]}")


def test_negative_nan_keeps_its_sign_in_every_recorder() -> None:
    """A NaN with its sign bit set (what ``-x`` of a NaN gives) loads with it, in tensors and as
    a scalar leaf; the JSON recorders write it as "-NaN" (hypothesis found it losing the sign)."""
    neg = math.copysign(math.nan, -1.0)
    tree = {"t64": TensorData(np.array([neg, math.nan, 1.0])),
            "t32": TensorData(np.array([neg], dtype=np.float32)), "scalar": neg}
    for r in ALL_RECORDERS:
        rec = r(DoublePrecisionSettings)
        loaded = rec.from_bytes(rec.to_bytes(tree))
        assert np.signbit(loaded["t64"].as_numpy()).tolist() == [True, False, False], r.__name__
        assert np.signbit(loaded["t32"].as_numpy()).tolist() == [True], r.__name__
        assert math.isnan(loaded["scalar"]) and math.copysign(1.0, loaded["scalar"]) < 0, r.__name__


# ---------------------------------------------------------------- hypothesis: any tree


def test_random_trees_round_trip_exactly_in_double_precision() -> None:
    hypothesis = pytest.importorskip("hypothesis", reason="hypothesis is not installed")
    st = pytest.importorskip("hypothesis.strategies")

    dtypes = st.sampled_from([np.float64, np.float32, np.int64, np.int16, np.bool_])

    @st.composite
    def tensors(draw: Any) -> TensorData:
        dtype = draw(dtypes)
        shape = draw(st.lists(st.integers(0, 3), max_size=3))
        count = int(np.prod(shape))
        if dtype is np.bool_:
            values = draw(st.lists(st.booleans(), min_size=count, max_size=count))
        elif np.issubdtype(dtype, np.integer):
            values = draw(st.lists(st.integers(-1000, 1000), min_size=count, max_size=count))
        else:
            values = draw(st.lists(st.floats(width=32 if dtype is np.float32 else 64),
                                   min_size=count, max_size=count))
        return TensorData(np.array(values, dtype=dtype).reshape(shape))

    leaves = (st.none() | st.booleans() | st.integers(-(2 ** 63), 2 ** 63 - 1)
              | st.floats() | st.text(max_size=8) | tensors())
    trees = st.recursive(leaves, lambda children: st.lists(children, max_size=4)
                         | st.dictionaries(st.text(max_size=6), children, max_size=4),
                         max_leaves=20)

    recorders = [r(DoublePrecisionSettings) for r in ALL_RECORDERS]

    @hypothesis.settings(max_examples=60, deadline=None)
    @hypothesis.given(trees)
    def check(tree: Any) -> None:
        for recorder in recorders:
            try:
                loaded = recorder.from_bytes(recorder.to_bytes(tree))
            except RecordTypeError:
                # Only safetensors can refuse a valid tree: two tensors with one dotted name.
                assert isinstance(recorder, SafetensorsFileRecorder)
                continue
            assert_loaded(loaded, tree, DoublePrecisionSettings())

    check()


# ---------------------------------------------------------------- docs


def test_docs_record_snippets_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = Path(__file__).resolve().parent.parent / "docs" / "record.md"
    blocks = re.findall(r"```python\n(.*?)```", doc.read_text(), flags=re.S)
    assert len(blocks) >= 4
    monkeypatch.chdir(tmp_path)
    for i, block in enumerate(blocks):
        module = types.ModuleType(f"doc_{i}")  # a real module: dataclasses (Module) look it up
        monkeypatch.setitem(sys.modules, module.__name__, module)
        exec(compile(block, f"{doc.name}[block {i}]", "exec"), module.__dict__)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(pytest.main([__file__, "-q"]))
