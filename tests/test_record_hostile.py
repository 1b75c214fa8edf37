"""Hostile files for every recorder: whatever the bytes, loading ends in a `RecordError` that
names the recorder (and the file), never a crash, a `RecursionError`, a `MemoryError`, an
executed pickle or a silently wrong model.

Each family of attack is run against every recorder pyburn exports: truncation, random bytes,
valid records of another format, lying lengths and offsets, recursion bombs, decompression
bombs (with a memory ceiling asserted), tensors of the wrong kind (on every backend row) and
pickle payloads.
"""

from __future__ import annotations

import gzip
import io
import os
import pickle
import struct
import subprocess
import sys
import time
import tracemalloc
import zlib
from pathlib import Path
from typing import Any, Callable

import msgpack
import numpy as np
import pytest

import pyburn.record as rec
from pyburn.module import Module, Param
from pyburn.nn import LinearConfig
from pyburn.record import (BinBytesRecorder, BinFileRecorder, BinGzFileRecorder, BytesRecorder,
                           CompactRecorder, FileRecorder,
                           JsonGzFileRecorder, NamedMpkBytesRecorder, NamedMpkFileRecorder,
                           NamedMpkGzFileRecorder, PrettyJsonFileRecorder, Recorder, RecordError,
                           SafetensorsFileRecorder, encode_safetensors)
# frame(body): a Bin file around `body` with a correct CRC, so only the lie inside is tested
from pyburn.record.binary_format import frame, varint
from pyburn.tensor import Tensor
from pyburn.tensor.data import TensorData

RECORDERS: list[type[Recorder]] = [
    NamedMpkFileRecorder, NamedMpkGzFileRecorder, BinFileRecorder, BinGzFileRecorder,
    JsonGzFileRecorder, PrettyJsonFileRecorder, SafetensorsFileRecorder, CompactRecorder,
    BinBytesRecorder, NamedMpkBytesRecorder]  # DefaultFileRecorder is NamedMpkFileRecorder
GZIP_RECORDERS = [r for r in RECORDERS if r.gzip]
by_name = pytest.mark.parametrize("recorder_type", RECORDERS, ids=lambda r: r.__name__)

MiB = 1 << 20


def test_every_recorder_is_in_the_suite() -> None:
    found = {getattr(rec, n) for n in rec.__all__ if isinstance(getattr(rec, n), type)
             and issubclass(getattr(rec, n), (FileRecorder, BytesRecorder))
             and getattr(rec, n) not in (FileRecorder, BytesRecorder)}
    assert found == set(RECORDERS)


# ---------------------------------------------------------------- helpers


def tree() -> dict[str, Any]:
    return {"layer": {"weight": {"id": "w", "param": TensorData(np.arange(12, dtype=np.float32)
                                                                 .reshape(3, 4))},
                      "steps": TensorData(np.array([1, 2], np.int32)),
                      "mask": TensorData(np.array([True, False]))},
            "epoch": 3, "name": "run", "lr": 0.5, "none": None}


def load(recorder: Recorder, data: bytes, tmp_path: Path) -> Any:
    """Load `data` the way a user would: from a file for file recorders, from bytes otherwise."""
    if isinstance(recorder, FileRecorder):
        path = recorder.file_path(tmp_path / "hostile")
        path.write_bytes(data)
        return recorder.load(tmp_path / "hostile")
    assert isinstance(recorder, BytesRecorder)
    return recorder.load(data)


def refused(recorder: Recorder, data: bytes, tmp_path: Path) -> str:
    """The message of the `RecordError` loading `data` must raise; it names the recorder and,
    for file recorders, the file."""
    with pytest.raises(RecordError) as info:
        load(recorder, data, tmp_path)
    message = str(info.value)
    assert type(recorder).__name__ in message
    if isinstance(recorder, FileRecorder):
        assert recorder.file_path(tmp_path / "hostile").name in message
    return message


def family(recorder: Recorder) -> str:
    return recorder.format_name


def wrap(recorder: Recorder, inner: bytes) -> bytes:
    """`inner` as the recorder stores it (gzipped for the ``*Gz`` recorders)."""
    return gzip.compress(inner, mtime=0) if recorder.gzip else inner


def safetensors_file(header: dict[str, Any] | bytes, buffer: bytes = b"",
                     size: int | None = None) -> bytes:
    import json
    text = header if isinstance(header, bytes) else json.dumps(header).encode()
    return struct.pack("<Q", len(text) if size is None else size) + text + buffer


# ---------------------------------------------------------------- truncation, garbage, formats


@by_name
def test_truncated_files(recorder_type: type[Recorder], tmp_path: Path) -> None:
    recorder = recorder_type()
    data = recorder.to_bytes(tree())
    cuts = sorted(set(range(0, len(data), max(1, len(data) // 40))) | {len(data) - 1})
    for cut in cuts:
        refused(recorder, data[:cut], tmp_path)


@by_name
def test_random_bytes(recorder_type: type[Recorder], tmp_path: Path) -> None:
    recorder = recorder_type()
    rng = np.random.default_rng(7)
    for size in (1, 2, 7, 8, 9, 17, 64, 257, 4096):
        for _ in range(4):
            garbage = rng.integers(0, 256, size, dtype=np.uint8).tobytes()
            for data in (garbage, gzip.compress(garbage), b"PYBURN" + garbage,
                         struct.pack("<Q", size) + garbage):
                refused(recorder, data, tmp_path)


OTHER_FILES: dict[str, bytes] = {
    "png": b"\x89PNG\r\n\x1a\n" + b"\0" * 32,
    "empty json object": b"{}",
    "json list": b"[1, 2, 3]",
    "plain msgpack map": msgpack.packb({"weight": [1.0, 2.0]}),
    "plain safetensors": encode_safetensors({"w": TensorData(np.zeros(2, np.float32))}),
    "utf-16 text": "{}".encode("utf-16"),
    "zip archive": b"PK\x03\x04" + b"\0" * 60,
    "gzip of nothing": gzip.compress(b""),
    "empty": b"",
}


@by_name
def test_other_formats(recorder_type: type[Recorder], tmp_path: Path) -> None:
    """A valid record of every other format (and common non-record files) is refused."""
    recorder = recorder_type()
    for other_type in RECORDERS:
        other = other_type()
        if (other.format_name, other.gzip) == (recorder.format_name, recorder.gzip):
            continue
        refused(recorder, other.to_bytes(tree()), tmp_path)
    for data in OTHER_FILES.values():
        refused(recorder, data, tmp_path)


# ---------------------------------------------------------------- lying lengths and offsets


def _mpk_tensor(payload: dict[str, Any]) -> bytes:
    return msgpack.packb(msgpack.ExtType(1, msgpack.packb(payload)))


def _mpk_record(item: bytes) -> bytes:
    head = msgpack.packb({"metadata": {"float": "float32", "int": "int32", "format": "named_mpk",
                                       "version": "0", "settings": "FullPrecisionSettings"}})
    return b"\x82" + head[1:] + msgpack.packb("item") + item


LIES: dict[str, list[bytes]] = {
    "named_mpk": [
        _mpk_record(b"\xc6\xff\xff\xff\xff" + b"abc"),          # bin32 claiming 4 GiB
        _mpk_record(b"\xdd\xff\xff\xff\xff" + b"\xc0"),         # array32 claiming 4G items
        _mpk_record(b"\xdf\xff\xff\xff\xff" + b"\xc0"),         # map32 claiming 4G entries
        _mpk_record(b"\xc9\xff\xff\xff\xff\x01" + b"\0" * 8),   # ext32 claiming 4 GiB
        _mpk_record(_mpk_tensor({"bytes": b"\0" * 4, "shape": [10**6], "dtype": "float32"})),
        _mpk_record(_mpk_tensor({"bytes": b"\0" * 4, "shape": [2**62, 2**62],
                                 "dtype": "float32"})),
        _mpk_record(_mpk_tensor({"bytes": b"", "shape": [-1], "dtype": "float32"})),
        _mpk_record(_mpk_tensor({"bytes": b"\x02", "shape": [1], "dtype": "bool"})),
    ],
    "bin": [
        frame(b"\x06" + varint(2**40) + b"\0"),                 # dict longer than the file
        frame(b"\x06" + b"\xff" * 10 + b"\x01"),                # an 11-byte varint
        frame(b"\x05" + varint(2) + b"\x02" + varint(9) + b"\0"),  # child overruns parent
        frame(b"\x07" + varint(12) + varint(7) + b"float32" + varint(1) + varint(10**6)
              + b"\0" * 2),                                     # shape larger than its bytes
        frame(b"\x07" + varint(14) + varint(7) + b"float32" + varint(200) + b"\0" * 5),
        frame(b"\x02" + varint(9) + b"\0" * 9),                 # a 9-byte int
        frame(b"\x06" + varint(4) + varint(9) + b"abc"),        # key longer than the dict
    ],
    "json": [
        b'{"metadata": {"float": "float32", "int": "int32", "format": "json", "version": "0",'
        b' "settings": "x"}, "item": {"$tensor": {"dtype": "float32", "shape": [1000000],'
        b' "values": [1, 2, 3]}}}',
        b'{"metadata": {"float": "float32", "int": "int32", "format": "json", "version": "0",'
        b' "settings": "x"}, "item": {"$tensor": {"dtype": "float32", "shape": [4611686018427387904,'
        b' 4611686018427387904], "values": []}}}',
        b'{"metadata": {"float": "float32", "int": "int32", "format": "json", "version": "0",'
        b' "settings": "x"}, "item": {"$tensor": {"dtype": "int8", "shape": [1], "values": [1e400]}}}',
    ],
    "safetensors": [
        safetensors_file(b"{}", size=2**64 - 1),                 # header length u64::MAX
        safetensors_file(b"{}", size=1000),                      # header beyond the file
        safetensors_file({"w": {"dtype": "F32", "shape": [2], "data_offsets": [0, 1 << 40]}},
                         b"\0" * 8),
        safetensors_file({"w": {"dtype": "F32", "shape": [2], "data_offsets": [8, 0]}},
                         b"\0" * 8),
        safetensors_file({"a": {"dtype": "F32", "shape": [2], "data_offsets": [0, 8]},
                          "b": {"dtype": "F32", "shape": [1], "data_offsets": [4, 8]}},
                         b"\0" * 8),                              # overlapping tensors
        safetensors_file({"w": {"dtype": "F32", "shape": [3], "data_offsets": [0, 8]}},
                         b"\0" * 8),                              # shape vs offsets
        safetensors_file({"w": {"dtype": "F32", "shape": [2], "data_offsets": [-8, 0]}},
                         b"\0" * 8),
    ],
}


@by_name
def test_lying_lengths_and_offsets(recorder_type: type[Recorder], tmp_path: Path) -> None:
    recorder = recorder_type()
    for lie in LIES[family(recorder)]:
        refused(recorder, wrap(recorder, lie), tmp_path)


# ---------------------------------------------------------------- recursion bombs


def _nested_bin(depth: int) -> bytes:
    """``[[[...None...]]]`` in Bin, built in linear time (lengths from the inside out)."""
    heads: list[bytes] = []
    size = 2  # the innermost NONE value: tag + zero length
    for _ in range(depth):
        head = b"\x05" + varint(size)
        heads.append(head)
        size += len(head)
    return frame(b"".join(reversed(heads)) + b"\x00\x00")


RECURSION_BOMBS: dict[str, list[bytes]] = {
    "named_mpk": [b"\x91" * 100_000 + b"\xc0", b"\x81\xa1a" * 100_000 + b"\xc0",
                  _mpk_record(b"\x91" * 100_000 + b"\xc0")],
    "bin": [_nested_bin(5_000)],
    "json": [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
             b'{"metadata": {}, "item": ' + b"[" * 100_000],
    "safetensors": [safetensors_file(b'{"x":' + b"[" * 100_000 + b"]" * 100_000 + b"}"),
                    safetensors_file({"__metadata__": {"pyburn.record": "[" * 100_000}})],
}


@by_name
def test_recursion_bombs(recorder_type: type[Recorder], tmp_path: Path) -> None:
    recorder = recorder_type()
    for bomb in RECURSION_BOMBS[family(recorder)]:
        refused(recorder, wrap(recorder, bomb), tmp_path)


# ---------------------------------------------------------------- decompression bombs


def gzip_bomb(prefix: bytes, filler: bytes, size: int, declared: int | None = None) -> bytes:
    """A single-member gzip file holding `prefix` then `filler` repeated up to `size` bytes,
    about a thousand times smaller than that, built without compressing `size` bytes: after a
    full flush, a deflate block never refers back, so one compressed MiB of filler can be
    repeated. The CRC is left wrong (a refused bomb is never inflated to its end); the trailer
    declares `declared` bytes (default: the true size)."""
    assert len(filler) == 1 and (size - len(prefix)) % MiB == 0
    packer = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = packer.compress(prefix) + packer.flush(zlib.Z_FULL_FLUSH)
    block = packer.compress(filler * MiB) + packer.flush(zlib.Z_FULL_FLUSH)
    body = head + block * ((size - len(prefix)) // MiB) + packer.flush()
    isize = (size if declared is None else declared) & 0xFFFFFFFF
    return b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff" + body + struct.pack("<II", 0, isize)


def inflate_prefix(recorder: Recorder, size: int) -> bytes:
    """The first bytes of a valid-looking record whose last value is `size` bytes of filler:
    it passes each format's first-bytes check, so only the size limits can stop it."""
    if family(recorder) == "bin":
        return b"PYBURN\x01\x00\0\0\0\0" + b"\x04" + varint(size)  # one STR of `size` bytes
    if family(recorder) == "json":
        return b'{"metadata": '
    return b"\x82\xa8metadata\xc6" + struct.pack(">I", size)    # map, key, bin32 of `size`


def peak_while(fn: Callable[[], Any]) -> tuple[float, float]:
    """(peak traced MiB, seconds) while running `fn`."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        fn()
    finally:
        seconds = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1] / MiB
        tracemalloc.stop()
    return peak, seconds


@pytest.mark.parametrize("recorder_type", GZIP_RECORDERS, ids=lambda r: r.__name__)
def test_zero_bomb_is_refused_at_the_first_chunk(recorder_type: type[Recorder],
                                                 tmp_path: Path) -> None:
    """The issue's bomb: a 1 MB file holding 1 GiB of zeros, with an honest trailer. No record
    of any format starts with zeros, so it is refused after the first MiB, by default."""
    recorder = recorder_type()
    bomb = gzip_bomb(b"", b"\0", 1 << 30)
    assert len(bomb) < 1.1 * MiB
    peak, seconds = peak_while(lambda: refused(recorder, bomb, tmp_path))
    assert peak < 8 and seconds < 2, (peak, seconds)


@pytest.mark.parametrize("recorder_type", GZIP_RECORDERS, ids=lambda r: r.__name__)
def test_bomb_is_refused_at_the_size_its_trailer_declares(recorder_type: type[Recorder],
                                                          tmp_path: Path) -> None:
    """A record-like 1 GiB stream whose trailer declares 4 MiB: refused once it inflates past
    what it declares, holding no more than that (plus one chunk)."""
    recorder = recorder_type()
    prefix = inflate_prefix(recorder, 1 << 30)
    bomb = gzip_bomb(prefix + b" " * (MiB - len(prefix)), b" ", 1 << 30, declared=4 * MiB)
    peak, seconds = peak_while(lambda: refused(recorder, bomb, tmp_path))
    assert peak < 4 + 8 and seconds < 2, (peak, seconds)


@pytest.mark.parametrize("recorder_type", GZIP_RECORDERS, ids=lambda r: r.__name__)
def test_bomb_is_refused_at_max_decompressed_size(recorder_type: Any,
                                                  tmp_path: Path) -> None:
    """With an honest trailer (1 GiB), the recorder's `max_decompressed_size` is the ceiling:
    the stream is refused at 16 MiB and peak memory stays within a few MiB of it."""
    recorder = recorder_type(max_decompressed_size=16 * MiB)
    prefix = inflate_prefix(recorder, 1 << 30)
    bomb = gzip_bomb(prefix + b" " * (MiB - len(prefix)), b" ", 1 << 30)
    peak, seconds = peak_while(lambda: refused(recorder, bomb, tmp_path))
    message = refused(recorder, bomb, tmp_path)
    assert "decompression bomb" in message and "max_decompressed_size" in message
    assert peak < 16 + 8 and seconds < 2, (peak, seconds)


def test_bin_bomb_is_refused_from_its_declared_size(tmp_path: Path) -> None:
    """Bin states the record's exact size in its first bytes: a stream declaring more than the
    limit is refused before inflating more than the first chunk."""
    recorder = BinGzFileRecorder(max_decompressed_size=16 * MiB)
    prefix = inflate_prefix(recorder, 1 << 30)
    bomb = gzip_bomb(prefix + b" " * (MiB - len(prefix)), b" ", 1 << 30)
    peak, _ = peak_while(lambda: refused(recorder, bomb, tmp_path))
    assert peak < 8
    assert f"declares {len(prefix) + (1 << 30)} bytes" in refused(recorder, bomb, tmp_path)


@pytest.mark.parametrize("recorder_type", [r for r in RECORDERS if not r.gzip],
                         ids=lambda r: r.__name__)
def test_bombs_given_to_recorders_without_gzip(recorder_type: type[Recorder],
                                               tmp_path: Path) -> None:
    recorder = recorder_type()
    bomb = gzip_bomb(b"", b"\0", 1 << 30)
    peak, seconds = peak_while(lambda: refused(recorder, bomb, tmp_path))
    assert peak < 8 and seconds < 2, (peak, seconds)


def test_max_decompressed_size_is_checked_and_kept(tmp_path: Path) -> None:
    for bad in (-1, 1.5, "1"):
        with pytest.raises(ValueError, match="max_decompressed_size"):
            NamedMpkGzFileRecorder(max_decompressed_size=bad)  # type: ignore[arg-type]
    small = NamedMpkGzFileRecorder(max_decompressed_size=10)
    assert small != NamedMpkGzFileRecorder() and "max_decompressed_size=10" in repr(small)
    path = NamedMpkGzFileRecorder().record(tree(), tmp_path / "m")
    with pytest.raises(RecordError, match="inflates to more than 10 bytes"):
        small.load(path)
    assert NamedMpkGzFileRecorder(max_decompressed_size=10**9).load(path)["epoch"] == 3


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_AS and /proc are Linux's")
def test_bomb_under_a_memory_cap_is_a_record_error(tmp_path: Path) -> None:
    """With every size limit lifted, a process capped at 64 MiB more than it uses gets a
    `RecordError` naming the file, not a raw `MemoryError`."""
    bomb_path = tmp_path / "bomb.mpk.gz"
    recorder = NamedMpkGzFileRecorder()
    prefix = inflate_prefix(recorder, 1 << 30)
    bomb_path.write_bytes(gzip_bomb(prefix + b"\0" * (MiB - len(prefix)), b"\0", 1 << 30))
    script = f"""
import resource
from pyburn.record import NamedMpkGzFileRecorder, RecordError
used = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize()
resource.setrlimit(resource.RLIMIT_AS, (used + 64 * 2**20, resource.RLIM_INFINITY))
try:
    NamedMpkGzFileRecorder(max_decompressed_size=2**40).load({str(bomb_path)!r})
except RecordError as err:
    print("RecordError", err)
"""
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60, env=env, cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.startswith("RecordError") and "out of memory" in done.stdout
    assert "bomb.mpk.gz" in done.stdout


def test_legitimate_gzip_records_still_load(tmp_path: Path) -> None:
    """The limits never refuse what pyburn wrote: a record of zeros, ~1000x compressible."""
    zeros = {"w": TensorData(np.zeros((256, 1024), np.float32))}
    for recorder_type in GZIP_RECORDERS:
        recorder = recorder_type()
        path = recorder.record(zeros, tmp_path / "zeros")
        assert path.stat().st_size < 4096
        assert recorder.load(path)["w"] == zeros["w"]


# ---------------------------------------------------------------- kind mismatches


class Masked(Module):
    weight: Param[Any]


@by_name
def test_a_bool_tensor_never_loads_into_a_float_parameter(recorder_type: type[Recorder],
                                                          backend: Any, tmp_path: Path) -> None:
    model = Masked(Param(Tensor[backend.B].from_data([[0.5, -1.0]], backend.device)))
    record = model.into_record()
    record["weight"]["param"] = TensorData(np.array([[True, False]]))
    recorder = recorder_type()
    stored = load(recorder, recorder.to_bytes(record), tmp_path)
    with pytest.raises(RecordError, match=r"weight: kind mismatch: the module expects a float "
                                          r"tensor, the record has a bool tensor"):
        model.load_record(stored)


def test_a_linear_layer_refuses_a_bool_bias(backend: Any, tmp_path: Path) -> None:
    layer = LinearConfig(2, 2).init(backend.device)
    record = layer.into_record()
    record["bias"]["param"] = TensorData(np.array([True, True]))
    path = NamedMpkFileRecorder().record(record, tmp_path / "layer")
    with pytest.raises(RecordError, match=r"bias: kind mismatch"):
        layer.load_file(str(path), NamedMpkFileRecorder())


# ---------------------------------------------------------------- pickles


PICKLE_RAN: list[str] = []


def _ran(marker: str) -> str:
    PICKLE_RAN.append(marker)
    Path(marker).write_text("executed")
    return marker


class _Exploit:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Callable[[str], str], tuple[str]]:
        return _ran, (self.marker,)


@by_name
def test_pickle_payloads_are_never_executed(recorder_type: type[Recorder],
                                           tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    recorder = recorder_type()
    payloads = [pickle.dumps({"weight": _Exploit(str(marker))}, protocol=p)
                for p in range(pickle.HIGHEST_PROTOCOL + 1)]
    for payload in payloads + [gzip.compress(p) for p in payloads]:
        assert "never unpickles" in refused(recorder, payload, tmp_path)
    assert not PICKLE_RAN and not marker.exists()


@by_name
def test_torch_save_files_point_to_the_pytorch_recorder(recorder_type: type[Recorder],
                                                        tmp_path: Path) -> None:
    """A real ``.pt`` given to a record recorder names the reader that takes it."""
    torch = pytest.importorskip("torch")
    buffer = io.BytesIO()
    torch.save({"weight": torch.ones(2), "evil": _Exploit(str(tmp_path / "executed"))}, buffer)
    message = refused(recorder_type(), buffer.getvalue(), tmp_path)
    assert "never unpickles" in message and "PyTorchFileRecorder" in message
    assert not PICKLE_RAN and not (tmp_path / "executed").exists()
