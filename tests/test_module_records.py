"""Module records on every backend row: a small model round-trips through ``into_record`` /
``load_record`` and ``save_file`` / ``load_file`` for every recorder and precision, loads
across backends, and bad records fail with a RecordError naming the parameter path — without
ever running code from the file."""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from pyburn import Bool, Int, Tensor, TensorData
from pyburn.module import Module, Param
from pyburn.nn import (Embedding, EmbeddingConfig, LayerNorm, LayerNormConfig, Linear,
                       LinearConfig)
from pyburn.record import (BinBytesRecorder, BinFileRecorder, BinGzFileRecorder, BytesRecorder,
                           CompactRecorder, DefaultFileRecorder, DoublePrecisionSettings,
                           FileRecorder, FullPrecisionSettings, HalfPrecisionSettings,
                           JsonGzFileRecorder, NamedMpkBytesRecorder, NamedMpkFileRecorder,
                           NamedMpkGzFileRecorder, PrettyJsonFileRecorder, RecordError,
                           SafetensorsFileRecorder)

FILE_RECORDERS = [NamedMpkFileRecorder, NamedMpkGzFileRecorder, BinFileRecorder,
                  BinGzFileRecorder, JsonGzFileRecorder, PrettyJsonFileRecorder,
                  SafetensorsFileRecorder, DefaultFileRecorder, CompactRecorder]
BYTES_RECORDERS = [BinBytesRecorder, NamedMpkBytesRecorder]
PRECISIONS = [FullPrecisionSettings, HalfPrecisionSettings, DoublePrecisionSettings]


def test_every_recorder_is_covered() -> None:
    """A recorder added to pyburn.record must be added to this matrix."""
    import pyburn.record as rec
    found = {getattr(rec, n) for n in rec.__all__ if isinstance(getattr(rec, n), type)
             and issubclass(getattr(rec, n), (FileRecorder, BytesRecorder))
             and getattr(rec, n) not in (FileRecorder, BytesRecorder)}
    assert found == set(FILE_RECORDERS) | set(BYTES_RECORDERS)


class Model(Module):
    embedding: Embedding
    linear: Linear
    norm: LayerNorm
    layers: list[Linear]

    def forward(self, tokens: Any) -> Any:
        x = self.norm.forward(self.linear.forward(self.embedding.forward(tokens)))
        for layer in self.layers:
            x = layer.forward(x).tanh()
        return x


def make_model(B: Any, device: Any) -> Model:
    d = B.device(str(device))
    return Model(EmbeddingConfig(10, 4).init(d), LinearConfig(4, 6).init(d),
                 LayerNormConfig(6).init(d),
                 [LinearConfig(6, 6).init(d), LinearConfig(6, 3, bias=False).init(d)])


def values(module: Module) -> dict[str, np.ndarray]:
    return {path: np.asarray(p.val().to_numpy(), dtype=np.float64)
            for path, p in module.named_params()}


def assert_same(loaded: Module, source: Module, precision: Any = FullPrecisionSettings) -> None:
    got, want = values(loaded), values(source)
    assert list(got) == list(want)
    for path in want:
        if precision is HalfPrecisionSettings:
            np.testing.assert_allclose(got[path], want[path], rtol=1e-3, atol=1e-3, err_msg=path)
        else:
            np.testing.assert_array_equal(got[path], want[path], err_msg=path)
    assert [p.id for p in loaded.params()] == [p.id for p in source.params()]


# --- round trips ----------------------------------------------------------------------------------


def test_into_record_load_record_round_trip(backend: Any) -> None:
    source = make_model(backend.B, backend.device)
    record = source.into_record()
    assert set(record) == {"embedding", "linear", "norm", "layers"}
    assert list(record["layers"][1]) == ["weight"]  # no bias: no field
    target = make_model(backend.B, backend.device)
    loaded = target.load_record(record)
    assert_same(loaded, source)
    assert all(type(p.val()).backend is backend.B for p in loaded.params())
    tokens = Tensor[backend.B, Int].from_data([[1, 2, 9]], backend.device)
    np.testing.assert_array_equal(loaded.forward(tokens).to_numpy(),
                                  source.forward(tokens).to_numpy())


@pytest.mark.parametrize("precision", PRECISIONS, ids=lambda p: p.__name__)
@pytest.mark.parametrize("recorder_cls", FILE_RECORDERS, ids=lambda r: r.__name__)
def test_save_file_load_file(backend: Any, tmp_path: Path, recorder_cls: Any,
                             precision: Any) -> None:
    recorder = recorder_cls(precision)
    source = make_model(backend.B, backend.device)
    written = source.save_file(str(tmp_path / "model"), recorder)
    assert Path(written).exists() and str(written).endswith("." + recorder.extension)
    target = make_model(backend.B, backend.device)
    loaded = target.load_file(str(tmp_path / "model"), recorder, backend.device)
    assert_same(loaded, source, precision)
    # tensors come back in the backend's own dtype whatever the storage precision
    assert all(p.val().dtype == source.linear.weight.val().dtype for p in loaded.params())
    assert not target.linear.weight.is_initialized()  # loading never ran the initializer


@pytest.mark.parametrize("precision", PRECISIONS, ids=lambda p: p.__name__)
@pytest.mark.parametrize("recorder_cls", BYTES_RECORDERS, ids=lambda r: r.__name__)
def test_bytes_recorders(backend: Any, recorder_cls: Any, precision: Any) -> None:
    recorder = recorder_cls(precision)
    source = make_model(backend.B, backend.device)
    data = recorder.record(source.into_record())
    assert isinstance(data, bytes)
    loaded = make_model(backend.B, backend.device).load_record(recorder.load(data))
    assert_same(loaded, source, precision)


def test_double_precision_is_exact_on_a_float64_backend(backend: Any, tmp_path: Path) -> None:
    row = backend.f64
    source = make_model(row.B, row.device)
    recorder = NamedMpkFileRecorder(DoublePrecisionSettings)
    source.save_file(str(tmp_path / "m"), recorder)
    loaded = make_model(row.B, row.device).load_file(str(tmp_path / "m"), recorder)
    assert_same(loaded, source)
    assert str(loaded.linear.weight.val().dtype).endswith("64")
    # a full-precision (f32) record loads into the f64 model too, converted on load
    NamedMpkFileRecorder(FullPrecisionSettings).record(source.into_record(), tmp_path / "f32")
    widened = make_model(row.B, row.device).load_file(str(tmp_path / "f32"),
                                                     NamedMpkFileRecorder(FullPrecisionSettings))
    np.testing.assert_allclose(values(widened)["linear.weight"], values(source)["linear.weight"],
                               rtol=1e-6)


# --- across backends ------------------------------------------------------------------------------


def _other_backends() -> list[tuple[str, Any]]:
    """NumPy always; Torch (CPU) and the Autodiff decorations when they can run here."""
    from pyburn.backend import Autodiff, NumPy
    found = [("numpy", NumPy), ("autodiff-numpy", Autodiff[NumPy])]
    try:
        from pyburn.backend import Torch
        if Torch.unavailable_reason() is None:
            found += [("torch", Torch), ("autodiff-torch", Autodiff[Torch])]
        else:
            print(f"cross-backend records: no Torch ({Torch.unavailable_reason()})")
    except ImportError as exc:
        print(f"cross-backend records: no Torch ({exc})")
    return found


@pytest.mark.parametrize("recorder", [NamedMpkFileRecorder(FullPrecisionSettings),
                                      SafetensorsFileRecorder(DoublePrecisionSettings),
                                      BinGzFileRecorder(HalfPrecisionSettings)],
                         ids=["mpk-full", "safetensors-double", "bingz-half"])
def test_records_load_across_backends(backend: Any, tmp_path: Path, recorder: Any) -> None:
    source = make_model(backend.B, backend.device)
    source.save_file(str(tmp_path / "here"), recorder)
    precision = type(recorder.settings)
    for name, other in _other_backends():
        # written on this row, loaded on the other backend ...
        there = make_model(other, "cpu").load_file(str(tmp_path / "here"), recorder)
        assert all(type(p.val()).backend is other for p in there.params()), name
        assert_same(there, source, precision)
        # ... and written there, loaded back on this row
        there.save_file(str(tmp_path / name), recorder)
        back = make_model(backend.B, backend.device).load_file(str(tmp_path / name), recorder)
        assert all(type(p.val()).backend is backend.B for p in back.params()), name
        assert_same(back, source, precision)


# --- bad records ----------------------------------------------------------------------------------


def test_wrong_shape_names_the_parameter(backend: Any) -> None:
    record = make_model(backend.B, backend.device).into_record()
    d = backend.device
    bigger = Model(EmbeddingConfig(10, 4).init(d), LinearConfig(4, 6).init(d),
                   LayerNormConfig(6).init(d),
                   [LinearConfig(6, 7).init(d), LinearConfig(7, 3, bias=False).init(d)])
    with pytest.raises(RecordError, match=r"layers\.0\.weight: shape mismatch.*\[6, 7\].*\[6, 6\]"):
        bigger.load_record(record)


def test_missing_field_names_the_path(backend: Any) -> None:
    record = make_model(backend.B, backend.device).into_record()
    del record["norm"]["beta"]
    with pytest.raises(RecordError, match=r"missing field.*norm\.beta"):
        make_model(backend.B, backend.device).load_record(record)
    record = make_model(backend.B, backend.device).into_record()
    del record["linear"]
    with pytest.raises(RecordError, match=r"missing field.*linear"):
        make_model(backend.B, backend.device).load_record(record)


def test_unexpected_field_names_the_path(backend: Any) -> None:
    model = make_model(backend.B, backend.device)
    record = model.into_record()
    record["layers"][1]["bias"] = record["layers"][0]["bias"]  # a bias the module does not have
    with pytest.raises(RecordError, match=r"unexpected field.*layers\.1\.bias"):
        model.load_record(record)
    loaded = model.load_record(record, strict=False)  # opt-in: ignore extra fields
    assert loaded.layers[1].bias is None


def test_wrong_list_length_and_node_kind(backend: Any) -> None:
    model = make_model(backend.B, backend.device)
    record = model.into_record()
    record["layers"] = record["layers"][:1]
    with pytest.raises(RecordError, match=r"layers: expected a list of 2 items, got 1"):
        model.load_record(record)
    record = model.into_record()
    record["linear"]["weight"] = [1, 2]
    with pytest.raises(RecordError, match=r"linear\.weight: expected a parameter record"):
        model.load_record(record)


def test_a_record_of_another_model_fails_on_load_file(backend: Any, tmp_path: Path) -> None:
    recorder = NamedMpkFileRecorder(FullPrecisionSettings)
    LinearConfig(2, 2).init(backend.device).save_file(str(tmp_path / "lin"), recorder)
    with pytest.raises(RecordError, match="missing field"):
        make_model(backend.B, backend.device).load_file(str(tmp_path / "lin"), recorder)


@pytest.mark.parametrize("recorder_cls", FILE_RECORDERS, ids=lambda r: r.__name__)
def test_truncated_file_is_a_record_error(backend: Any, tmp_path: Path, recorder_cls: Any) -> None:
    recorder = recorder_cls(FullPrecisionSettings)
    path = Path(make_model(backend.B, backend.device).save_file(str(tmp_path / "m"), recorder))
    data = path.read_bytes()
    for cut in (len(data) // 2, len(data) - 3, 1):
        path.write_bytes(data[:cut])
        with pytest.raises(RecordError):
            make_model(backend.B, backend.device).load_file(str(tmp_path / "m"), recorder)
    with pytest.raises(FileNotFoundError):
        make_model(backend.B, backend.device).load_file(str(tmp_path / "absent"), recorder)


class _Payload:
    """Unpickling this would touch the sentinel file: the proof that nothing was executed."""

    def __init__(self, sentinel: Path) -> None:
        self.sentinel = sentinel

    def __reduce__(self) -> Any:
        return (Path.touch, (self.sentinel,))


@pytest.mark.parametrize("recorder_cls", FILE_RECORDERS, ids=lambda r: r.__name__)
def test_pickle_payload_is_rejected_without_running(backend: Any, tmp_path: Path,
                                                     recorder_cls: Any) -> None:
    recorder = recorder_cls(FullPrecisionSettings)
    sentinel = tmp_path / "executed"
    payload = pickle.dumps({"linear": _Payload(sentinel)})
    target = recorder.file_path(tmp_path / "evil")
    if recorder.gzip:
        import gzip
        target.write_bytes(gzip.compress(payload))
    else:
        target.write_bytes(payload)
    with pytest.raises(RecordError):
        make_model(backend.B, backend.device).load_file(str(tmp_path / "evil"), recorder)
    assert not sentinel.exists()


# --- tensor kinds -----------------------------------------------------------------------------------


class Mixed(Module):
    """One parameter of each kind."""

    weight: Param[Any]
    counts: Param[Any]
    mask: Param[Any]


def make_mixed(backend: Any) -> Mixed:
    d = backend.device
    return Mixed(Param(Tensor[backend.B].from_data([[0.5, -1.5]], d)),
                 Param(Tensor[backend.B, Int].from_data([3, 4], d)),
                 Param(Tensor[backend.B, Bool].from_data([True, False], d)))


@pytest.mark.parametrize("field, stored, kinds", [
    ("weight", np.array([[True, False]]), "expects a float tensor, the record has a bool tensor"),
    ("counts", np.array([3.0, 4.0], np.float32), "expects an int tensor, the record has a float"),
    ("counts", np.array([True, False]), "expects an int tensor, the record has a bool tensor"),
    ("mask", np.array([1, 0], np.int32), "expects a bool tensor, the record has an int tensor"),
    ("mask", np.array([1.0, 0.0]), "expects a bool tensor, the record has a float tensor"),
])
def test_a_tensor_of_another_kind_is_refused(backend: Any, field: str, stored: Any,
                                             kinds: str) -> None:
    """A bool mask loaded as weights 1.0/0.0, or floats truncated into ints, would be a silently
    wrong model: a kind mismatch names the field."""
    model = make_mixed(backend)
    record = model.into_record()
    record[field]["param"] = TensorData(stored)
    with pytest.raises(RecordError, match=rf"load_record: {field}: kind mismatch: the module "
                                          rf"{kinds}"):
        model.load_record(record)


def test_ints_load_into_a_float_parameter(backend: Any) -> None:
    """The one documented conversion: int values widen to the float parameter's dtype."""
    model = make_mixed(backend)
    record = model.into_record()
    record["weight"]["param"] = TensorData(np.array([[7, -2]], np.int64))
    loaded = model.load_record(record)
    assert loaded.weight.val().to_data().to_list() == [[7.0, -2.0]]
    assert loaded.weight.val().dtype == model.weight.val().dtype
    round_trip = model.load_record(BinBytesRecorder().load(BinBytesRecorder().record(
        model.into_record())))
    assert round_trip.mask.val().to_data().to_list() == [True, False]
    assert round_trip.counts.val().to_data().to_list() == [3, 4]


def test_module_record_bytes_and_file_round_trip(backend: Any, tmp_path: Path) -> None:
    """Burn's ``ModuleRecord``: `into_record` is a dict with ``into_bytes`` / ``from_bytes`` and
    ``save`` / ``load``; f32, f64 and f16 parameters come back bit for bit."""
    from pyburn.module import ModuleRecord
    for dtype in ("float32", "float64", "float16"):
        case = backend.with_float(dtype)
        linear = LinearConfig(6, 12).init(case.device)
        record = linear.into_record()
        assert isinstance(record, ModuleRecord) and isinstance(record, dict)
        assert set(record) == {"weight", "bias"}
        fresh = LinearConfig(6, 12).init(case.device)
        loaded = fresh.load_record(ModuleRecord.from_bytes(record.into_bytes()))
        loaded.weight.val().to_data().assert_eq(linear.weight.val().to_data(), True)
        assert loaded.weight.id == linear.weight.id
        path = record.save(tmp_path / f"linear_{dtype}")
        again = fresh.load_record(ModuleRecord.load(path))
        again.bias.val().to_data().assert_eq(linear.bias.val().to_data(), True)
    with pytest.raises(RecordError, match="cannot decode"):
        ModuleRecord.from_bytes(b"not a record")
