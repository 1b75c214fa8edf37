"""Bad input gets an error that names the op and the expected and actual shapes, kinds, backends
or devices (DESIGN.md, "Principles"), on every backend of the matrix."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

from pyburn import Bool, Device, Int, Tensor
from pyburn.tensor.errors import (BackendError, DeviceError, GradientError, KindError, RankError,
                                  ShapeError, TensorError)


def ft(case: Any, shape: tuple[int, ...]) -> Any:
    return Tensor[case.B].from_data(np.ones(shape), device=case.device)


def it(case: Any, values: Any) -> Any:
    return Tensor[case.B, Int].from_data(values, device=case.device)


def bt(case: Any, values: Any) -> Any:
    return Tensor[case.B, Bool].from_data(values, device=case.device)


# name, failing call, error type, message pattern (regex)
ERRORS: list[tuple[str, Callable[[Any], Any], type[Exception], str]] = [
    # wrong rank
    ("matmul_1d", lambda c: ft(c, (3,)) @ ft(c, (3, 2)), RankError,
     r"matmul: both tensors need rank >= 2, got shapes \[3\] and \[3, 2\]"),
    ("transpose_1d", lambda c: ft(c, (3,)).transpose(), RankError,
     r"transpose: expected rank >= 2, got shape \[3\]"),
    ("triu_1d", lambda c: ft(c, (3,)).triu(), RankError, r"triu: expected rank >= 2, got shape \[3\]"),
    ("cat_ranks", lambda c: Tensor.cat([ft(c, (2, 3)), ft(c, (2, 3, 1))], 0), RankError,
     r"cat: all tensors must have rank 2, got shapes \[\[2, 3\], \[2, 3, 1\]\]"),
    ("gather_rank", lambda c: ft(c, (2, 3)).gather(1, it(c, [0, 1])), RankError,
     r"gather: indices must have the tensor's rank 2, got shape \[2\]"),
    ("select_rank", lambda c: ft(c, (2, 3)).select(1, it(c, [[0, 1]])), RankError,
     r"select: indices must be 1-D, got shape \[1, 2\]"),
    # incompatible shapes
    ("add_shapes", lambda c: ft(c, (2, 3)) + ft(c, (4, 3)), ShapeError,
     r"add: incompatible shapes \[2, 3\], \[4, 3\] \(they do not broadcast\)"),
    ("mul_shapes", lambda c: ft(c, (2, 3)).mul(ft(c, (2,))), ShapeError,
     r"mul: incompatible shapes \[2, 3\], \[2\]"),
    ("compare_shapes", lambda c: ft(c, (2, 3)) > ft(c, (3, 2)), ShapeError,
     r"greater: incompatible shapes \[2, 3\], \[3, 2\]"),
    ("int_sub_shapes", lambda c: it(c, [1, 2]) - it(c, [1, 2, 3]), ShapeError,
     r"sub: incompatible shapes \[2\], \[3\]"),
    ("mask_where_shapes", lambda c: ft(c, (2, 3)).mask_where(bt(c, [True, False]), ft(c, (2, 3))),
     ShapeError, r"mask_where: incompatible shapes \[2, 3\], \[2\], \[2, 3\]"),
    ("matmul_inner", lambda c: ft(c, (2, 3)) @ ft(c, (4, 5)), ShapeError,
     r"matmul: inner dimensions differ: \[2, 3\] @ \[4, 5\] \(3 != 4\)"),
    ("matmul_batch", lambda c: ft(c, (2, 2, 3)) @ ft(c, (3, 3, 4)), ShapeError,
     r"matmul: incompatible shapes \[2, 2, 3\], \[3, 3, 4\]"),
    ("cat_shapes", lambda c: Tensor.cat([ft(c, (2, 3)), ft(c, (2, 4))], 0), ShapeError,
     r"cat: shapes must match except in dim 0, got \[\[2, 3\], \[2, 4\]\]"),
    ("stack_shapes", lambda c: Tensor.stack([ft(c, (2, 3)), ft(c, (3, 2))], 0), ShapeError,
     r"stack: all tensors must have the same shape, got \[\[2, 3\], \[3, 2\]\]"),
    ("reshape", lambda c: ft(c, (2, 3)).reshape([4, 2]), ShapeError,
     r"reshape: cannot reshape \[2, 3\] \(6 elements\) into \[4, 2\]"),
    ("reshape_infer", lambda c: ft(c, (2, 3)).reshape([4, -1]), ShapeError,
     r"reshape: cannot infer -1 in \[4, -1\] for 6 elements \(shape \[2, 3\]\)"),
    ("reshape_two_infer", lambda c: ft(c, (2, 3)).reshape([-1, -1]), ShapeError,
     r"reshape: invalid shape \[-1, -1\]"),
    ("squeeze_dim", lambda c: ft(c, (2, 3)).squeeze_dim(1), ShapeError,
     r"squeeze_dim: dim 1 has size 3, expected 1 \(shape \[2, 3\]\)"),
    ("expand", lambda c: ft(c, (2, 3)).expand([4, 3]), ShapeError,
     r"expand: cannot expand shape \[2, 3\] to \[4, 3\] \(dim 0: 2 vs 4\)"),
    ("repeat_sizes", lambda c: ft(c, (2, 3)).repeat([2]), ShapeError, r"repeat: expected 2 sizes, got \[2\]"),
    ("slice_assign_region", lambda c: ft(c, (4, 4)).slice_assign([(0, 2), (0, 2)], ft(c, (3, 2))),
     ShapeError, r"slice_assign: values of shape \[3, 2\] do not fit the region of shape \[2, 2\]"),
    ("slice_too_many", lambda c: ft(c, (4,)).slice([(0, 1), (0, 1)]), ShapeError,
     r"slice: 2 ranges for a tensor of rank 1"),
    ("scatter_shapes", lambda c: ft(c, (2, 3)).scatter(1, it(c, [[0, 1]]), ft(c, (2, 2))), ShapeError,
     r"scatter: indices shape \[1, 2\] must equal values shape \[2, 2\]"),
    ("narrow", lambda c: ft(c, (2, 3)).narrow(1, 2, 2), ShapeError,
     r"narrow: \[2, 4\) out of range for dim 1 of size 3"),
    ("permute", lambda c: ft(c, (2, 3)).permute([0, 0]), ShapeError,
     r"permute: axes \[0, 0\] are not a permutation of 0..1"),
    ("topk", lambda c: ft(c, (2, 3)).topk(4), ShapeError, r"topk: k=4 out of range for dim -1 of size 3"),
    ("split_with_sizes", lambda c: ft(c, (5,)).split_with_sizes([2, 2]), ShapeError,
     r"split_with_sizes: sizes \[2, 2\] do not add up to 5"),
    ("into_scalar", lambda c: ft(c, (2,)).into_scalar(), ShapeError,
     r"into_scalar: expected a tensor with one element, got shape \[2\]"),
    ("negative_shape", lambda c: Tensor[c.B].zeros([2, -1], device=c.device), ShapeError,
     r"negative dimension in shape \[2, -1\]"),
    ("bad_shape", lambda c: Tensor[c.B].zeros(3, device=c.device), ShapeError,
     r"shape must be a sequence of ints, got 3"),
    ("max_empty", lambda c: ft(c, (0, 3)).max(), ShapeError, r"max: the tensor is empty \(shape \[0, 3\]\)"),
    ("var_one", lambda c: ft(c, (1, 3)).var(0), ShapeError, r"var: dim 0 has 1 element\(s\); need 2\+"),
    # out-of-range dims and indices
    ("sum_dim", lambda c: ft(c, (2, 3)).sum_dim(2), ShapeError,
     r"sum_dim: dim 2 out of range for a tensor of rank 2 \(shape \[2, 3\]\)"),
    ("swap_dims", lambda c: ft(c, (2, 3)).swap_dims(0, -3), ShapeError,
     r"swap_dims: dim -3 out of range for a tensor of rank 2"),
    ("argmax_dim", lambda c: ft(c, (2, 3)).argmax(5), ShapeError, r"argmax: dim 5 out of range"),
    ("cat_dim", lambda c: Tensor.cat([ft(c, (2, 3))], 2), ShapeError, r"cat: dim 2 out of range"),
    ("stack_dim", lambda c: Tensor.stack([ft(c, (2, 3))], 4), ShapeError,
     r"stack: dim 4 out of range for rank 2 \+ 1"),
    ("unsqueeze_dim", lambda c: ft(c, (2, 3)).unsqueeze_dim(4), ShapeError,
     r"unsqueeze_dim: dim 4 out of range for a tensor of rank 2"),
    ("index", lambda c: ft(c, (3, 2))[5], IndexError, r"index 5 is out of range for dim 0 of size 3"),
    ("index_negative", lambda c: ft(c, (3, 2))[:, -3], IndexError, r"index -3 is out of range for dim 1 of size 2"),
    ("too_many_indices", lambda c: ft(c, (3, 2))[0, 0, 0], IndexError,
     r"too many indices \(3\) for a tensor of rank 2"),
    ("two_ellipses", lambda c: ft(c, (3, 2))[..., ...], IndexError, r"at most one '...'"),
    ("index_type", lambda c: ft(c, (3, 2))["a"], TypeError, r"index: unsupported index 'a'"),
    ("two_tensor_indices", lambda c: ft(c, (3, 2))[it(c, [0]), it(c, [0])], IndexError,
     r"a tensor index must be the only non-':' index"),
    ("slice_index", lambda c: ft(c, (3,)).slice([7]), ShapeError, r"slice: index 7 out of range for dim 0 of size 3"),
    # kinds
    ("exp_int", lambda c: it(c, [1, 2]).exp(), KindError,
     r"exp: expected a Float tensor, got an? Int tensor of shape \[2\]"),
    ("log_bool", lambda c: bt(c, [True]).log(), KindError, r"log: expected a Float tensor, got a Bool tensor"),
    ("var_int", lambda c: it(c, [[1, 2]]).var(1), KindError, r"var: expected a Float tensor, got an? Int"),
    ("cast_int", lambda c: it(c, [1]).cast("float64"), KindError, r"cast: expected a Float tensor"),
    ("matmul_bool", lambda c: bt(c, [[True]]) @ bt(c, [[True]]), KindError,
     r"matmul: expected a Float or Int tensor, got a Bool tensor"),
    ("add_bool", lambda c: bt(c, [True]) + bt(c, [False]), KindError,
     r"add: expected a Float or Int tensor, got a Bool tensor of shape \[1\] \(convert with \.float\(\) or \.int\(\)\)"),
    ("mul_bool_scalar", lambda c: bt(c, [True]) * 2, KindError, r"mul: expected a Float or Int tensor, got a Bool"),
    ("sum_bool", lambda c: bt(c, [True]).sum(), KindError, r"sum: expected a Float or Int tensor, got a Bool"),
    ("neg_bool", lambda c: -bt(c, [True]), KindError, r"neg: expected a Float or Int tensor, got a Bool"),
    ("bool_and_float", lambda c: ft(c, (1,)) & ft(c, (1,)), KindError,
     r"and: expected a Bool tensor, got a Float tensor"),
    ("mixed_kinds", lambda c: ft(c, (2,)) + it(c, [1, 2]), KindError,
     r"add: expected a Float tensor, got an? Int tensor \(convert with \.float\(\)/\.int\(\)/\.bool\(\)\)"),
    ("mixed_kinds_cat", lambda c: Tensor.cat([ft(c, (2,)), it(c, [1])], 0), KindError,
     r"cat: expected a Float tensor, got an? Int tensor"),
    ("int_float_scalar", lambda c: it(c, [1]) * 0.5, KindError,
     r"mul: cannot combine an Int tensor with the float 0\.5"),
    ("mask_not_bool", lambda c: ft(c, (2,)).mask_fill(ft(c, (2,)), 0.0), TypeError,
     r"mask_fill: mask must be a Bool tensor, got a Float tensor"),
    ("indices_not_int", lambda c: ft(c, (2,)).select(0, ft(c, (1,))), TypeError,
     r"select: indices must be an Int tensor, got a Float tensor"),
    ("indices_list", lambda c: ft(c, (2, 2)).gather(0, [[0]]), TypeError,
     r"gather: indices must be an Int tensor, got list"),
    ("operand_type", lambda c: ft(c, (2,)) + "a", TypeError, r"add: expected a tensor, a number or a NumPy array, got str"),
    ("greater_bool", lambda c: bt(c, [True]) > bt(c, [False]), KindError, r"greater: expected a Float or Int"),
    # values
    ("clamp", lambda c: ft(c, (2,)).clamp(1.0, 0.0), ValueError, r"clamp: min 1\.0 is greater than max 0\.0"),
    ("one_hot", lambda c: it(c, [0, 5]).one_hot(3), IndexError,
     r"one_hot: class indices must be in \[0, 3\), got values in \[0, 5\]"),
    ("one_hot_classes", lambda c: it(c, [0]).one_hot(0), ValueError, r"one_hot: num_classes must be > 0"),
    ("arange_step", lambda c: Tensor[c.B, Int].arange_step(0, 5, 0, device=c.device), ValueError,
     r"arange_step: step must not be 0"),
    ("chunk", lambda c: ft(c, (4,)).chunk(0), ValueError, r"chunk: chunks must be > 0, got 0"),
    ("split", lambda c: ft(c, (4,)).split(0), ValueError, r"split: split_size must be > 0, got 0"),
    ("repeat_dim", lambda c: ft(c, (4,)).repeat_dim(0, -1), ShapeError, r"repeat_dim: times must be >= 0, got -1"),
    ("bool_of_many", lambda c: bool(ft(c, (2,))), ValueError, r"truth value of a tensor with more than one element"),
    ("len_0d", lambda c: len(Tensor[c.B].from_data(1.0, device=c.device)), TypeError, r"len\(\) of a 0-d tensor"),
    ("cast_to_int", lambda c: ft(c, (1,)).cast("int32"), TypeError, r"cast: expected a float dtype, got int32"),
    ("unknown_dtype", lambda c: ft(c, (1,)).cast("float8"), ValueError, r"unknown dtype 'float8'"),
    ("empty_cat", lambda c: Tensor[c.B].cat([], 0), ValueError, r"cat: expected at least one tensor"),
    # distributions
    ("bad_distribution", lambda c: Tensor[c.B].random([2], "normal", device=c.device), TypeError,
     r"random: unknown distribution 'normal'"),
    ("bad_int_distribution", lambda c: Tensor[c.B, Int].random([2], 3, device=c.device), TypeError,
     r"random: unknown distribution 3"),
    # autodiff misuse
    ("backward_int_root", lambda c: ft(c.ad, (2,)).require_grad().int().backward(), KindError,
     r"backward: only Float tensors have gradients, got an Int tensor"),
    ("backward_untracked", lambda c: ft(c.ad, (1,)).backward(), GradientError, r"backward: the tensor is not tracked"),
]


@pytest.mark.parametrize("name, call, error, pattern", ERRORS, ids=[e[0] for e in ERRORS])
def test_error_names_the_problem(backend, name, call, error, pattern):
    with pytest.raises(error, match=pattern):
        call(backend)


def test_errors_are_tensor_errors_and_builtin_errors(backend):
    """Users can catch pyburn's errors by family or as the built-in error they extend."""
    with pytest.raises(ValueError):
        ft(backend, (2, 3)) + ft(backend, (4, 3))
    with pytest.raises(TypeError):
        it(backend, [1]).exp()
    with pytest.raises(TensorError):
        ft(backend, (3,)).transpose()


# --- backends and devices --------------------------------------------------------------------------
def test_mixed_backends(backend):
    from pyburn.backend import Autodiff, NumPy
    other = Autodiff[NumPy] if backend.B is not Autodiff[NumPy] else NumPy
    x, y = ft(backend, (2,)), Tensor[other].from_data([1.0, 2.0])
    for call, op in [(lambda: x + y, "add"), (lambda: x.matmul(y), "matmul"),
                     (lambda: Tensor.cat([x, y], 0), "cat"), (lambda: x.mask_where(x > 0.0, y), "mask_where")]:
        with pytest.raises(BackendError, match=rf"{op}: tensors of different backends: .* and .*; "
                                               r"move one with to_backend\(\)"):
            call()
    with pytest.raises(BackendError, match=r"select: indices are on backend"):
        x.select(0, Tensor[other, Int].from_data([0]))
    with pytest.raises(BackendError, match=r"mask_fill: the mask is on backend"):
        x.mask_fill(Tensor[other, Bool].from_data([True, False]), 0.0)


def test_dtype_variants_are_different_backends(backend):
    x = ft(backend, (2,))
    y = Tensor[backend.f64.B].from_data([1.0, 2.0], device=backend.device)
    with pytest.raises(BackendError, match="add: tensors of different backends"):
        x + y
    (x + y.cast(backend.B.float_elem).to_backend(backend.B)).to_data()  # the fix the error suggests


def test_unsupported_device(backend):
    B = backend.B
    with pytest.raises(ValueError, match=r"unsupported device 'tpu:0'; this backend supports"):
        B.device("tpu:0")
    with pytest.raises(ValueError, match=r"unsupported device 'tpu:0'"):
        Tensor[B].zeros([2], device=Device("tpu", 0))
    with pytest.raises(ValueError, match=r"device: bad index in 'cuda:x'"):
        B.device("cuda:x")
    with pytest.raises(ValueError, match=r"device: expected a string such as 'cpu'"):
        Device.parse("")


def test_mixed_devices(gpu_backend):
    x = ft(gpu_backend, (2,))
    y = Tensor[gpu_backend.B].from_data([1.0, 2.0], device="cpu")
    with pytest.raises(DeviceError, match=r"add: tensors on different devices: .*cuda.*, cpu"):
        x + y


def test_plain_backend_has_no_gradients(plain_backend):
    with pytest.raises(GradientError, match=r"backward: backend .* has no autodiff; use Autodiff\["):
        ft(plain_backend, (1,)).backward()


# --- types and backends themselves -------------------------------------------------------------
def test_tensor_type_errors():
    from pyburn.backend import NumPy
    with pytest.raises(TypeError, match=r"Tensor needs a backend"):
        Tensor(np.ones(2))
    with pytest.raises(TypeError, match=r"the kind must be Float, Int or Bool, got <class 'str'>"):
        Tensor[NumPy, str]
    with pytest.raises(TypeError, match=r"NumPy is a backend type: use it as a type"):
        NumPy()
    with pytest.raises(ValueError, match=r"float dtype bfloat16 is not supported"):
        NumPy.with_dtypes(float="bfloat16")
    with pytest.raises(AttributeError, match=r"module 'pyburn.backend' has no attribute 'Jax'; backends are"):
        import pyburn.backend
        pyburn.backend.Jax  # noqa: B018


def test_incomplete_backend_fails_at_class_creation():
    from pyburn.tensor.backend import Backend
    with pytest.raises(TypeError, match=r"backend Half does not implement the required op\(s\): float_from_data, "):
        class Half(Backend):
            @classmethod
            def float_add(cls, x: Any, y: Any) -> Any:
                return x + y
