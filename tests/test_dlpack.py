"""The DLPack protocol: tensors of every backend export their memory (``torch.from_dlpack(t)``,
``np.from_dlpack(t)``, ``cupy.from_dlpack(t)``) and ``Tensor[B].from_dlpack(x)`` imports any
producer, without copies where the memory can be shared (checked by writing through the source,
or by two imports that must alias). Autodiff tensors export their inner value, detached."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from conftest import BackendCase
from pyburn import Bool, Int, Tensor
from pyburn.backend import Autodiff, NumPy

torch = pytest.importorskip("torch")

VALUES = [[1.0, 2.0, 3.0], [4.0, 5.0, 6.5]]


def on_cpu(case: BackendCase) -> bool:
    return case.device.kind == "cpu"


def source_array(case: BackendCase) -> Any:
    """A float32 array of another library on the case's device: NumPy on the CPU, torch on a
    GPU (what a user hands to ``from_dlpack``)."""
    values = np.arange(6, dtype=np.float32).reshape(2, 3)
    if on_cpu(case):
        return values
    return torch.from_numpy(values).to(str(case.device))


def test_torch_from_dlpack_shares_the_tensor_memory(backend):
    t = backend.tensor(VALUES)
    a, b = torch.from_dlpack(t), torch.from_dlpack(t)
    assert a.dtype is torch.float32 and tuple(a.shape) == (2, 3)
    assert a.device.type == backend.device.kind
    assert a.cpu().tolist() == VALUES
    assert a.data_ptr() == b.data_ptr()  # both alias the tensor: no copy was made


def test_numpy_from_dlpack(backend):
    t = backend.tensor(VALUES)
    if not on_cpu(backend):
        with pytest.raises((BufferError, RuntimeError, TypeError, ValueError)):
            np.from_dlpack(t)
        return
    a, b = np.from_dlpack(t), np.from_dlpack(t)
    assert a.tolist() == VALUES and np.shares_memory(a, b)


def test_export_of_read_only_memory(backend):
    """NumPy-backed tensors may hold read-only arrays, which only DLPack 1.0 can export
    (NumPy 2); older consumers get a copy instead of a BufferError."""
    t = Tensor[backend.B].from_data(np.arange(4, dtype=np.float32), backend.device)
    assert torch.from_dlpack(t).cpu().tolist() == [0.0, 1.0, 2.0, 3.0]
    legacy = t.__dlpack__()  # a consumer that does not ask for DLPack 1.0
    assert torch.from_dlpack(legacy).cpu().tolist() == [0.0, 1.0, 2.0, 3.0]


def test_dlpack_device_names_the_tensor_device(backend):
    kind, index = backend.tensor(VALUES).__dlpack_device__()
    assert (int(kind), int(index)) == ((1, 0) if on_cpu(backend) else (2, backend.device.index))


def test_from_dlpack_shares_the_source_memory(backend):
    src = source_array(backend)
    t = Tensor[backend.B].from_dlpack(src)
    assert t.device == backend.device and t.to_data().to_list() == [[0, 1, 2], [3, 4, 5]]
    src[0, 0] = 100.0  # sharing: the write shows in the tensor
    assert t.to_data().to_list()[0][0] == 100.0


def test_from_dlpack_of_a_torch_tensor_on_the_cpu(backend):
    src = torch.arange(6, dtype=torch.float32).reshape(2, 3)
    t = Tensor[backend.B].from_dlpack(src, device=backend.device)
    assert t.device == backend.device and t.shape == (2, 3)
    src[1, 2] = -7.0
    want = -7.0 if on_cpu(backend) else 5.0  # a GPU tensor is a copy made at import
    assert t.to_data().to_list()[1][2] == want


def test_from_dlpack_converts_to_the_backend_dtype(backend):
    src = np.arange(4, dtype=np.float64)
    t = Tensor[backend.B].from_dlpack(src, device=backend.device)
    assert t.dtype == backend.B.float_elem and t.to_data().to_list() == [0.0, 1.0, 2.0, 3.0]
    i = Tensor[backend.B, Int].from_dlpack(np.array([3, 1, 2], dtype=np.int32), backend.device)
    assert i.kind is Int and i.dtype == backend.B.int_elem and i.to_data().to_list() == [3, 1, 2]
    m = Tensor[backend.B, Bool].from_dlpack(np.array([True, False]), backend.device)
    assert m.to_data().to_list() == [True, False]


def test_pyburn_to_pyburn_round_trip(backend):
    t = backend.tensor(VALUES)
    back = Tensor[backend.B].from_dlpack(t)
    assert back.to_data().to_list() == VALUES
    if on_cpu(backend):
        viewer = Tensor[NumPy].from_dlpack(t)  # another backend, the same memory
        assert np.shares_memory(np.asarray(viewer), np.asarray(t))


def test_autodiff_exports_the_inner_value_detached(backend):
    ad = backend.ad
    w = ad.tensor(VALUES).require_grad()
    y = w * 2.0
    exported = torch.from_dlpack(y)
    assert not exported.requires_grad and exported.cpu().tolist() == [[2, 4, 6], [8, 10, 13]]
    imported = Tensor[ad.B].from_dlpack(exported)
    assert type(imported) is type(w) and not imported.is_require_grad()


def test_from_dlpack_refuses_a_non_producer(backend):
    with pytest.raises(TypeError, match=r"from_dlpack: expected a DLPack producer.*use from_data"):
        Tensor[backend.B].from_dlpack([[1.0, 2.0]])


class NoSharing(NumPy):
    """A user backend that keeps the hooks' defaults (cannot share memory)."""

    @classmethod
    def to_dlpack(cls, x: Any, kind_prefix: str) -> Any:
        return None


def test_backend_without_sharing_exports_and_imports_copies():
    t = Tensor[NoSharing].from_data(VALUES)
    a, b = np.from_dlpack(t), np.from_dlpack(t)
    assert a.tolist() == VALUES and not np.shares_memory(a, b)  # host copies, still correct
    assert torch.from_dlpack(t).tolist() == VALUES
    with pytest.raises(BufferError, match="copy=False"):
        t.__dlpack__(copy=False)
    src = np.arange(3, dtype=np.float32)
    assert Tensor[Autodiff[NoSharing]].from_dlpack(src).to_data().to_list() == [0, 1, 2]


def test_cupy_round_trip(gpu_backend):
    """CuPy <-> pyburn <-> torch on a GPU, sharing memory (rows with a GPU only)."""
    backend = gpu_backend
    cupy = pytest.importorskip("cupy")
    src = cupy.arange(6, dtype=cupy.float32).reshape(2, 3)
    t = Tensor[backend.B].from_dlpack(src)
    src[0, 0] = 100.0
    assert t.to_data().to_list()[0][0] == 100.0
    back = cupy.from_dlpack(t)
    assert back.data.ptr == cupy.from_dlpack(t).data.ptr
