"""What differs between backends: devices, dtypes, seeding, transfers, availability and errors.

The ops themselves are checked by `test_tensor_ops` and `test_cross_backend`; this file checks
the machinery around them on every row of the matrix (the `backend` fixture), plus the things a
row cannot show: importing without torch or cupy, zero-copy transfers, mixed-device errors.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from conftest import BackendCase, _case
from pyburn import Bool, Device, DType, Float, Int, Tensor, TensorData
from pyburn.backend import Autodiff, CuPy, NumPy, Torch
from pyburn.tensor.device import storage_backend
from pyburn.tensor.errors import BackendError, DeviceError

ROOT = Path(__file__).resolve().parent.parent
INT_DTYPES = (DType.I64, DType.I32, DType.I16, DType.I8, DType.U8)

# Values exactly representable in every float dtype (bfloat16 has an 8-bit mantissa).
FLOAT_VALUES = [[1.5, -2.25, 0.0], [0.0078125, 3.0, -96.0]]
INT_VALUES = [[1, 2, 3], [4, 5, 127]]  # fits int8 and uint8
BOOL_VALUES = [[True, False, True], [False, False, True]]


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)


def require_torch() -> None:
    reason = Torch.unavailable_reason()
    if reason is not None:
        pytest.skip(reason)


def require_torch_cuda() -> Device:
    require_torch()
    reason = Torch.cuda_unavailable_reason()
    if reason is not None:
        pytest.skip(f"torch-cuda: {reason}")
    return Torch.device("cuda:0")


# --- availability and imports --------------------------------------------------------------------
def test_import_pyburn_imports_neither_torch_nor_cupy() -> None:
    result = run_python("""
        import sys
        import pyburn, pyburn.backend
        from pyburn import Tensor
        from pyburn.backend import NumPy, Autodiff
        Tensor[Autodiff[NumPy]].from_data([1.0, 2.0]).sum().backward
        loaded = sorted(m for m in ("torch", "cupy", "pyburn_torch", "pyburn_cupy") if m in sys.modules)
        assert not loaded, f"import pyburn loaded {loaded}"
    """)
    assert result.returncode == 0, result.stderr


def test_backends_import_and_explain_without_torch_or_cupy() -> None:
    """A machine without torch/cupy can still name the backends (type aliases) and is told why
    they cannot run; creating a tensor raises that reason."""
    result = run_python("""
        import importlib.abc, sys

        class Missing(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("torch", "cupy", "cupyx"):
                    raise ModuleNotFoundError(f"No module named {name!r}", name=name)
                return None

        sys.meta_path.insert(0, Missing())
        from pyburn import Tensor
        from pyburn.backend import Autodiff, CuPy, Torch
        from pyburn.tensor.errors import BackendError

        B = Autodiff[Torch]                       # aliases keep working
        Torch.with_dtypes(float="bfloat16")
        print(Torch.unavailable_reason())
        print(CuPy.unavailable_reason())
        print(Torch.cuda_unavailable_reason())
        for backend in (Torch, B, CuPy):
            try:
                Tensor[backend].from_data([1.0])
            except BackendError as exc:
                print(exc)
            else:
                raise AssertionError(f"{backend!r} created a tensor without its library")
    """)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "torch is not installed (pip install 'pyburn[torch]')"
    assert lines[1] == ("cupy is not installed (pip install 'pyburn[cupy]' installs cupy-cuda13x, "
                        "which needs an NVIDIA GPU)")
    assert lines[2] == lines[0]
    assert lines[3] == lines[4] == "Torch backend: " + lines[0]
    assert lines[5] == "CuPy backend: " + lines[1]


def test_unavailable_reasons_are_none_or_say_why() -> None:
    for backend in (NumPy, Torch, CuPy):
        reason = backend.unavailable_reason()
        assert reason is None or ("not installed" in reason or "GPU" in reason
                                  or "cannot be imported" in reason), reason
        assert backend.is_available() is (reason is None)
    assert NumPy.unavailable_reason() is None
    gpu = CuPy.cuda_unavailable_reason()
    assert gpu == CuPy.unavailable_reason()


def test_unavailable_cupy_refuses_tensors_with_its_reason() -> None:
    reason = CuPy.unavailable_reason()
    if reason is None:
        pytest.skip("cupy is available here")
    with pytest.raises(BackendError, match=re.escape(reason)):
        Tensor[CuPy].from_data([1.0, 2.0])
    assert CuPy.default_device() == Device("cuda", 0)  # a plain value: no GPU needed


# --- devices --------------------------------------------------------------------------------------
def test_device_of_new_tensors(backend: BackendCase) -> None:
    B, dev = backend.B, backend.device
    assert dev.kind in B.device_kinds()
    assert B.device(str(dev)) == dev
    for t in (Tensor[B].from_data(FLOAT_VALUES, device=dev), Tensor[B].zeros([2, 3], device=dev),
              Tensor[B].random([4], device=dev), Tensor[B, Int].arange(0, 4, device=dev),
              Tensor[B, Bool].full([2], True, device=dev)):
        assert t.device == dev
        assert t.device() == dev
    assert (Tensor[B].ones([2], device=dev) * 2.0).device == dev


def test_default_device(backend: BackendCase) -> None:
    B = backend.B
    default = B.default_device()
    assert default.kind in B.device_kinds()
    if default == backend.device:
        assert Tensor[B].from_data([1.0]).device == default


def test_device_specs_are_validated(backend: BackendCase) -> None:
    B = backend.B
    with pytest.raises(ValueError, match="tpu"):
        B.device("tpu:0")
    if "cuda" in B.device_kinds():
        with pytest.raises(ValueError, match="cuda:99"):
            B.device("cuda:99")
    with pytest.raises(ValueError, match="tpu"):
        Tensor[B].from_data([1.0], device="tpu")


def test_to_device_keeps_values_and_gradients(backend: BackendCase) -> None:
    B, dev = backend.B, backend.device
    x = Tensor[B].from_data(FLOAT_VALUES, device=dev)
    y = x.to_device(dev)
    assert y.device == dev
    y.to_data().assert_eq(x.to_data())
    Tensor[B, Int].from_data(INT_VALUES, device=dev).to_device(str(dev)).to_data().assert_eq(
        TensorData(INT_VALUES, dtype=DType.I64))
    if backend.autodiff:
        w = x.require_grad()
        grads = (w.to_device(dev) * 3.0).sum().backward()
        w.grad(grads).to_data().assert_eq(TensorData(np.full((2, 3), 3.0), dtype=DType.F32))



def test_to_device_of_another_backend_is_refused(backend: BackendCase) -> None:
    """A device remembers its backend: moving to another backend's device must not silently
    keep this backend (the error names to_backend); this backend's wrappers are fine."""
    x = backend.tensor(FLOAT_VALUES)
    other = NumPy if issubclass(storage_backend(backend.B), Torch) else Torch
    with pytest.raises(BackendError, match=r"to_device: the device cpu belongs to .*"
                                           r"Use tensor\.to_backend\("):
        x.to_device(other.device("cpu"))
    same = Autodiff[backend.inner] if not backend.autodiff else backend.inner
    assert x.to_device(backend.device.on(same)).device == backend.device

def test_torch_moves_between_cpu_and_cuda() -> None:
    cuda = require_torch_cuda()
    B = Autodiff[Torch]
    x = Tensor[B].from_data(FLOAT_VALUES).require_grad()
    on_gpu = x.to_device(cuda)
    assert on_gpu.device == cuda and on_gpu.primitive.inner.is_cuda
    grads = (on_gpu * on_gpu).sum().backward()
    g = x.grad(grads)
    assert g.device == Device("cpu")  # the gradient comes back to the leaf's device
    g.to_data().assert_approx_eq(TensorData(np.array(FLOAT_VALUES) * 2))


def test_unavailable_devices_say_what_they_need() -> None:
    """A device this machine lacks raises an error that says what it needs, in the words of
    docs/getting-started.md (mps on a CPU-only build used to be "unsupported device")."""
    require_torch()
    from pyburn_torch.runtime import NEEDS, mps_unavailable_reason
    guide = (ROOT / "docs" / "getting-started.md").read_text(encoding="utf-8")
    for kind, needs in NEEDS.items():
        assert needs.split(" needs ", 1)[1] in guide, f"getting-started.md does not say {needs!r}"
    if mps_unavailable_reason() is not None:
        with pytest.raises(DeviceError, match=r"cannot use device mps: .*\(" + NEEDS["mps"]):
            Torch.device("mps")
        with pytest.raises(DeviceError, match=NEEDS["mps"]):
            Autodiff[Torch].device("mps")
    if Torch.cuda_unavailable_reason() is not None:
        with pytest.raises(DeviceError, match=r"cannot use device cuda:0: .*\(" + NEEDS["cuda"]):
            Torch.device("cuda:0")
    if CuPy.unavailable_reason() is not None:
        assert "NVIDIA GPU" in CuPy.unavailable_reason()
        if "not installed" in CuPy.unavailable_reason():
            assert "cupy-cuda13x" in CuPy.unavailable_reason()


def test_torch_cpu_devices() -> None:
    require_torch()
    assert Torch.default_device() == Device("cpu")
    import torch
    mps = torch.backends.mps.is_built()
    assert Torch.device_kinds() == (("cpu", "cuda", "mps") if mps else ("cpu", "cuda"))
    assert Torch.device("cpu") == Torch.device(Device("cpu", 0))
    reason = Torch.cuda_unavailable_reason()
    if reason is not None:
        assert reason.startswith("no CUDA GPU")
        with pytest.raises(DeviceError, match="no CUDA GPU"):
            Torch.device("cuda:0")
        with pytest.raises(DeviceError, match="no CUDA GPU"):
            Tensor[Torch].from_data([1.0], device=Device("cuda", 0))
    Torch.sync()
    Torch.sync(Device("cpu"))


# --- dtypes ---------------------------------------------------------------------------------------
def test_default_dtypes(backend: BackendCase) -> None:
    B, dev = backend.B, backend.device
    assert B.float_elem == DType.F32 and B.int_elem == DType.I64
    assert Tensor[B].from_data(FLOAT_VALUES, device=dev).dtype == DType.F32
    assert Tensor[B].from_data(np.array(FLOAT_VALUES, dtype=np.float64), device=dev).dtype == DType.F32
    assert Tensor[B, Int].from_data(INT_VALUES, device=dev).dtype == DType.I64
    assert Tensor[B, Bool].from_data(BOOL_VALUES, device=dev).dtype == DType.BOOL
    assert Tensor[B].from_data([1.5, 2.5], device=dev).argmax(0).dtype == DType.I64


def test_supported_float_dtypes(backend: BackendCase) -> None:
    supported = set(backend.B.supported_float_dtypes())
    assert {DType.F32, DType.F64, DType.F16} <= supported
    assert (DType.BF16 in supported) is (backend.inner.name() == "torch")
    if DType.BF16 not in supported:
        with pytest.raises(ValueError, match="bfloat16"):
            backend.B.with_dtypes(float="bfloat16")
    with pytest.raises(ValueError, match="float dtype must be a float type"):
        backend.B.with_dtypes(float="int32")
    with pytest.raises(ValueError, match="int dtype must be an int type"):
        backend.B.with_dtypes(int="float32")


def test_float_dtype_variants(backend: BackendCase) -> None:
    dev = backend.device
    for dtype in backend.B.supported_float_dtypes():
        V = backend.B.with_dtypes(float=dtype)
        assert V is backend.B.with_dtypes(float=str(dtype))  # cached
        assert V.float_elem == dtype and V.int_elem == DType.I64
        data = TensorData(FLOAT_VALUES, dtype=dtype)
        x = Tensor[V].from_data(data, device=dev)
        assert x.dtype == dtype
        assert x.to_data() == data  # exact values, shape and dtype
        for out in (x + x, x * 2.0, x.sum(), x.sum_dim(1), x.mean_dim(0), x.exp(),
                    x @ x.transpose(), Tensor[V].random([3], device=dev), Tensor[V].zeros([2], device=dev),
                    Tensor[V, Int].arange(0, 3, device=dev).float()):
            assert out.dtype == dtype, f"{V!r}: got {out.dtype}"
            assert out.to_data().dtype == dtype
        (x + x).to_data().assert_approx_eq(TensorData(np.array(FLOAT_VALUES) * 2))


def test_bfloat16_on_torch() -> None:
    require_torch()
    for B in (Torch.with_dtypes(float="bfloat16"), Torch["bf16"], Autodiff[Torch]["bfloat16"]):
        assert B.float_elem == DType.BF16
        x = Tensor[B].from_data([1.0, 1.00390625, 3.0])  # 1 + 2^-8 rounds to 1 in bfloat16
        data = x.to_data()
        assert data.dtype == DType.BF16
        assert data.to_list() == [1.0, 1.0, 3.0]
        assert x.cast("float32").to_data().dtype == DType.F32
    assert repr(Torch.with_dtypes(float="bfloat16")) == "Torch<bfloat16>"
    w = Tensor[Autodiff[Torch]["bfloat16"]].from_data([1.5, 2.0]).require_grad()
    g = w.grad((w * w).sum().backward())
    assert g.dtype == DType.BF16
    g.to_data().assert_eq(TensorData([3.0, 4.0], dtype=DType.BF16))


def test_int_dtype_variants(backend: BackendCase) -> None:
    dev = backend.device
    for dtype in INT_DTYPES:
        V = backend.B.with_dtypes(int=dtype)
        assert V.int_elem == dtype and V.float_elem == DType.F32
        data = TensorData(INT_VALUES, dtype=dtype)
        x = Tensor[V, Int].from_data(data, device=dev)
        assert x.to_data() == data
        floats = Tensor[V].from_data([[0.5, 2.5, 1.0]], device=dev)
        for out in (x + x, x.sum(), x.sum_dim(0), x.prod_dim(1), x.cumsum(1), x.argmax(1),
                    x.argsort(1), x.float().int(), floats.argmax(1), floats.argsort(1, True),
                    floats.int(), Tensor[V, Int].arange(0, 4, device=dev),
                    Tensor[V, Bool].from_data(BOOL_VALUES, device=dev).int(),
                    Tensor[V, Bool].from_data(BOOL_VALUES, device=dev).argwhere()):
            assert out.dtype == dtype, f"{V!r}: got {out.dtype}"
        # indexing ops take indices of the variant's int type
        idx = Tensor[V, Int].from_data([1, 0], device=dev)
        floats.select(1, idx).to_data().assert_eq(TensorData([[2.5, 0.5]], dtype=DType.F32))
        floats.gather(1, Tensor[V, Int].from_data([[2, 2, 0]], device=dev)).to_data().assert_eq(
            TensorData([[1.0, 1.0, 0.5]], dtype=DType.F32))


def test_to_data_from_data_round_trips_every_dtype(backend: BackendCase) -> None:
    dev = backend.device
    for dtype in backend.B.supported_float_dtypes():
        data = TensorData(FLOAT_VALUES, dtype=dtype)
        V = backend.B.with_dtypes(float=dtype)
        assert Tensor[V].from_data(data, device=dev).to_data() == data
        # any dtype goes in, the backend's dtype comes out
        assert Tensor[backend.B].from_data(data, device=dev).to_data() == data.convert("float32")
    for dtype in INT_DTYPES:
        data = TensorData(INT_VALUES, dtype=dtype)
        V = backend.B.with_dtypes(int=dtype)
        assert Tensor[V, Int].from_data(data, device=dev).to_data() == data
        assert Tensor[backend.B, Int].from_data(data, device=dev).to_data() == data.convert("int64")
    data = TensorData(BOOL_VALUES)
    assert Tensor[backend.B, Bool].from_data(data, device=dev).to_data() == data
    # edge shapes: scalars, empty tensors
    assert Tensor[backend.B].from_data(TensorData(2.5), device=dev).to_data() == TensorData(np.float32(2.5))
    empty = Tensor[backend.B].zeros([0, 3], device=dev)
    assert empty.to_data() == TensorData(np.zeros((0, 3), np.float32))


def test_to_data_is_a_snapshot(backend: BackendCase) -> None:
    """A TensorData never changes, even when it shares memory with the backend's array."""
    x = Tensor[backend.B].from_data([1.0, 2.0], device=backend.device)
    data = x.to_data()
    y = x.slice_assign([(0, 1)], Tensor[backend.B].from_data([9.0], device=backend.device))
    assert data.to_list() == [1.0, 2.0] and x.to_data().to_list() == [1.0, 2.0]
    assert y.to_data().to_list() == [9.0, 2.0]
    with pytest.raises(ValueError):
        data.as_numpy()[0] = 5.0


# --- seeding --------------------------------------------------------------------------------------
def test_seed_makes_every_distribution_reproducible(backend: BackendCase) -> None:
    from pyburn import Distribution
    B, dev = backend.B, backend.device

    def draw() -> list[TensorData]:
        return [Tensor[B].random([64], d, device=dev).to_data()
                for d in (Distribution.Default, Distribution.Uniform(-2.0, 3.0),
                          Distribution.Normal(1.0, 2.0), Distribution.Bernoulli(0.3))] + \
               [Tensor[B, Int].random([64], d, device=dev).to_data()
                for d in (Distribution.Default, Distribution.Uniform(0, 10), Distribution.Normal(5, 2))]

    B.seed(123)
    first = draw()
    B.seed(123)
    assert draw() == first
    B.seed(124)
    assert draw()[0] != first[0]
    default, uniform, normal, bernoulli, idefault, iuniform, _ = (d.as_numpy() for d in first)
    assert default.min() >= 0.0 and default.max() < 1.0
    assert uniform.min() >= -2.0 and uniform.max() < 3.0
    assert abs(normal.mean() - 1.0) < 1.0
    assert set(np.unique(bernoulli)) <= {0.0, 1.0} and set(np.unique(idefault)) <= {0, 1}
    assert iuniform.min() >= 0 and iuniform.max() < 10


def test_dtype_variants_are_seeded_with_their_base(backend: BackendCase) -> None:
    B, dev = backend.B, backend.device
    V = B.with_dtypes(float="float64")
    B.seed(5)
    a = Tensor[V].random([16], device=dev).to_data()
    V.seed(5)
    assert Tensor[V].random([16], device=dev).to_data() == a


# --- transfers ------------------------------------------------------------------------------------
def _expected_device(source: BackendCase, target: Any) -> Device:
    return source.device if source.device.kind in target.device_kinds() else target.default_device()


def test_to_backend_round_trip(backend: BackendCase, target_row: Any) -> None:
    target = _case(target_row)
    for kind, values in ((Float, FLOAT_VALUES), (Int, INT_VALUES), (Bool, BOOL_VALUES)):
        x = Tensor[backend.B, kind].from_data(values, device=backend.device)
        for dst in (target.B, Autodiff[target.B]):
            y = x.to_backend(dst, target.device)
            assert type(y) is Tensor[dst, kind]
            assert y.device == target.device
            assert y.to_data() == x.to_data()
            back = y.to_backend(backend.B, backend.device)
            assert type(back) is type(x) and back.device == backend.device
            assert back.to_data() == x.to_data()
        implicit = x.to_backend(target.B)
        assert implicit.device == _expected_device(backend, target.B)
        assert implicit.to_data() == x.to_data()


def test_to_backend_converts_dtypes_and_drops_the_graph(backend: BackendCase, target_row: Any) -> None:
    target = _case(target_row)
    x = Tensor[backend.B.with_dtypes(float="float64")].from_data(FLOAT_VALUES, device=backend.device)
    y = x.to_backend(target.B, target.device)
    assert y.dtype == DType.F32 and y.to_data() == TensorData(FLOAT_VALUES, dtype=DType.F32)
    if backend.autodiff and Autodiff[target.B] is not backend.B:  # the same backend: no move
        w = Tensor[backend.B].from_data(FLOAT_VALUES, device=backend.device).require_grad()
        moved = (w * 2.0).to_backend(Autodiff[target.B], target.device)
        assert not moved.is_require_grad()  # values move, the graph stays behind
        leaf = moved.require_grad()
        g = leaf.grad((leaf * leaf).sum().backward())
        g.to_data().assert_approx_eq(TensorData(np.array(FLOAT_VALUES) * 4))


def test_numpy_and_torch_share_cpu_memory() -> None:
    """NumPy -> Torch goes through DLPack and Torch -> NumPy through a host view: no copies."""
    require_torch()
    x = Tensor[NumPy].from_data(FLOAT_VALUES) * 1.0
    y = x.to_backend(Torch)
    assert np.shares_memory(x.primitive, y.primitive.numpy())
    back = y.to_backend(NumPy)
    assert np.shares_memory(back.primitive, y.primitive.numpy())
    ints = Tensor[NumPy, Int].from_data(INT_VALUES) + 0
    assert np.shares_memory(ints.primitive, ints.to_backend(Torch).primitive.numpy())
    # a dtype change cannot share memory, and still gives the right values
    f64 = Tensor[NumPy["float64"]].from_data(FLOAT_VALUES) * 1.0
    converted = f64.to_backend(Torch)
    assert converted.dtype == DType.F32
    assert not np.shares_memory(f64.primitive, converted.primitive.numpy())


def test_cupy_and_torch_share_gpu_memory() -> None:
    require_torch_cuda()
    reason = CuPy.unavailable_reason()
    if reason is not None:
        pytest.skip(f"cupy: {reason}")
    x = Tensor[CuPy].from_data(FLOAT_VALUES) * 1.0
    y = x.to_backend(Torch)
    assert y.device == Device("cuda", 0)
    assert y.primitive.data_ptr() == x.primitive.data.ptr
    back = y.to_backend(CuPy)
    assert back.primitive.data.ptr == y.primitive.data_ptr()
    assert back.to_data() == x.to_data()


# --- mixing backends or devices -------------------------------------------------------------------
def test_mixing_backends_is_an_error_naming_both(backend: BackendCase) -> None:
    B, dev = backend.B, backend.device
    other = B.with_dtypes(float="float64")  # a different backend type, same device
    x = Tensor[B].from_data([1.0, 2.0], device=dev)
    y = Tensor[other].from_data([1.0, 2.0], device=dev)
    for op in (lambda: x + y, lambda: x.matmul(y), lambda: Tensor.cat([x, y], 0),
               lambda: x.mask_where(x > 1.0, y)):
        with pytest.raises(BackendError, match=re.escape(repr(other))) as info:
            op()
        assert repr(B) in str(info.value)
    with pytest.raises(BackendError, match="to_backend"):
        x + y
    idx = Tensor[other, Int].from_data([0], device=dev)
    with pytest.raises(BackendError, match="indices"):
        x.select(0, idx)


def test_numpy_and_torch_tensors_do_not_mix() -> None:
    require_torch()
    with pytest.raises(BackendError, match=r"NumPy.*Torch"):
        Tensor[NumPy].from_data([1.0]) + Tensor[Torch].from_data([1.0])
    with pytest.raises(BackendError, match=r"Autodiff<Torch>.*Torch"):
        Tensor[Autodiff[Torch]].from_data([1.0]) * Tensor[Torch].from_data([1.0])


def test_mixed_devices_error_names_both_devices() -> None:
    """On a CPU-only machine, a Torch subclass whose tensors can claim another device exercises
    the path a real cpu/cuda mix takes: torch raises, the Tensor layer names both devices."""
    require_torch()
    elsewhere: set[int] = set()

    class TwoDeviceTorch(Torch):
        @staticmethod
        def float_device(x: Any) -> Device:
            return Device("cuda", 1) if id(x) in elsewhere else Torch.float_device(x)

        @staticmethod
        def float_add(x: Any, y: Any) -> Any:
            if (id(x) in elsewhere) != (id(y) in elsewhere):
                raise RuntimeError("Expected all tensors to be on the same device, but found at "
                                   "least two devices, cuda:1 and cpu!")
            return x + y

    a = Tensor[TwoDeviceTorch].from_data([1.0, 2.0])
    b = Tensor[TwoDeviceTorch].from_data([3.0, 4.0])
    elsewhere.add(id(b.primitive))
    assert b.device == Device("cuda", 1)
    with pytest.raises(DeviceError, match=r"add: tensors on different devices: cpu, cuda:1"):
        a + b
    (a + a).to_data().assert_eq(TensorData([2.0, 4.0], dtype=DType.F32))


def test_torch_cpu_cuda_mix_is_a_device_error() -> None:
    cuda = require_torch_cuda()
    for B in (Torch, Autodiff[Torch]):
        a = Tensor[B].from_data([1.0, 2.0])
        b = Tensor[B].from_data([1.0, 2.0], device=cuda)
        with pytest.raises(DeviceError, match=r"cpu.*cuda:0"):
            a + b
        with pytest.raises(DeviceError, match=r"cuda:0.*cpu"):
            b.matmul(a.reshape([2, 1]))


# --- torch stays an array engine ------------------------------------------------------------------
def test_torch_autograd_never_records(torch_backend: BackendCase) -> None:
    backend = torch_backend
    import torch
    enabled = torch.is_grad_enabled()
    B, dev = backend.B, backend.device
    w = Tensor[B].from_data(FLOAT_VALUES, device=dev).require_grad()
    y = ((w @ w.transpose()).tanh() * w.sum()).sum()
    prims = [y.primitive, w.primitive]
    if backend.autodiff:
        g = w.grad(y.backward())
        prims = [y.inner().primitive, w.inner().primitive, g.primitive]
    for p in prims:
        assert not p.requires_grad and p.grad_fn is None
    assert torch.is_grad_enabled() is enabled


# --- docs -----------------------------------------------------------------------------------------
def test_docs_backends_snippets_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    require_torch()
    doc = ROOT / "docs" / "backends.md"
    blocks = re.findall(r"```python\n(.*?)```", doc.read_text(), flags=re.S)
    assert len(blocks) >= 5
    monkeypatch.chdir(tmp_path)
    for i, block in enumerate(blocks):
        exec(compile(block, f"{doc.name}[block {i}]", "exec"), {"__name__": f"doc_{i}"})
