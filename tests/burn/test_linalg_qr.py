"""Burn's `tensor/float/linalg/qr.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
REL = 5e-3
ABS = 2e-3


def test_qr_1x1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[5.0]], device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_2x2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[4.0, 3.0], [6.0, 3.0]], device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_3x3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[4.0, 7.0, 3.0], [6.0, 1.0, 3.0], [8.0, 3.0, 7.0]], device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_identity_matrix(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_zero_matrix(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_singular_maxtrix(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 4.0, 2.0, 6.0], [0.0, 2.0, 2.0, 11.0], [0.0, 3.0, 9.0, 6.0], [0.0, 7.0, 10.0, 9.0]], device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_identity_singular_maxtrix(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.ones([4, 4], device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_v0_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 4.0, 2.0], [1.0, 2.0, 2.0], [2.0, 3.0, 9.0]], device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_diagonilized_col(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 4.0, 2.0], [0.0, 2.0, 2.0], [0.0, 3.0, 9.0]], device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_5x5_reduced_shape(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.ones([5, 5], device)
    q, r = linalg.qr(tensor, True)
    assert_eq_(q.dims(), [5, 5])
    assert_eq_(r.dims(), [5, 5])


def test_qr_10x5_reduced_shape(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.ones([10, 5], device)
    q, r = linalg.qr(tensor, True)
    assert_eq_(q.dims(), [10, 5])
    assert_eq_(r.dims(), [5, 5])


def test_qr_5x10_reduced_shape(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.ones([5, 10], device)
    q, r = linalg.qr(tensor, True)
    assert_eq_(q.dims(), [5, 5])
    assert_eq_(r.dims(), [5, 10])


def test_qr_2d_square(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([6, 6], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_2d_square_reduced(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([6, 6], Distribution.Default, device)
    q, r = linalg.qr(tensor, True)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_2d_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([8, 5], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_2d_tall_reduced(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([8, 5], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_singular_2d_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    zeros = TestTensor.zeros([8, 1], device)
    tensor = TestTensor.random([8, 5], Distribution.Default, device)
    tensor = tensor.slice_assign([bslice(None, None, 1, False), bslice(0, 1, 1, False)], zeros)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_singular_2d_tall_reduces(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    zeros = TestTensor.zeros([8, 1], device)
    tensor = TestTensor.random([8, 5], Distribution.Default, device)
    tensor = tensor.slice_assign([bslice(None, None, 1, False), bslice(0, 1, 1, False)], zeros)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_2d_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([5, 8], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_2d_wide_reduced(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([5, 8], Distribution.Default, device)
    q, r = linalg.qr(tensor, True)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_singular_2d_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    zeros = TestTensor.zeros([5, 1], device)
    tensor = TestTensor.random([5, 8], Distribution.Default, device)
    tensor = tensor.slice_assign([bslice(None, None, 1, False), bslice(0, 1, 1, False)], zeros)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_singular_2d_wide_reduced(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    zeros = TestTensor.zeros([5, 1], device)
    tensor = TestTensor.random([5, 8], Distribution.Default, device)
    tensor = tensor.slice_assign([bslice(None, None, 1, False), bslice(0, 1, 1, False)], zeros)
    q, r = linalg.qr(tensor, True)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_medium_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    if not (TestTensor.zeros([1], device).dtype in [DType.F32]):
        return
    device = device
    tensor = TestTensor.random([256, 128], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_medium_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    if not (TestTensor.zeros([1], device).dtype in [DType.F32]):
        return
    device = device
    tensor = TestTensor.random([128, 256], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_3d_square(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([3, 6, 6], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_3d_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([3, 8, 5], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_3d_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([3, 5, 8], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_3d_8x6_reduced_shape(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([3, 8, 6], Distribution.Default, device)
    q, r = linalg.qr(tensor, True)
    assert_eq_(q.dims(), [3, 8, 6])
    assert_eq_(r.dims(), [3, 6, 6])


def test_qr_4d_square(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([2, 2, 6, 6], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_4d_square_with_singularities(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    ones = TestTensor.ones([1, 1, 6, 6], device)
    tensor = TestTensor.random([2, 2, 6, 6], Distribution.Default, device)
    tensor = tensor.slice_assign([bslice(0, 1, 1, False), bslice(0, 1, 1, False), bslice(None, None, 1, False), bslice(None, None, 1, False)], ones)
    tensor = tensor.slice_assign([bslice(2, 3, 1, False), bslice(1, 2, 1, False), bslice(None, None, 1, False), bslice(None, None, 1, False)], ones)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_4d_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([2, 2, 8, 5], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_4d_tall_with_singularities(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    ones = TestTensor.ones([1, 1, 8, 5], device)
    tensor = TestTensor.random([2, 2, 8, 5], Distribution.Default, device)
    tensor = tensor.slice_assign([bslice(0, 1, 1, False), bslice(0, 1, 1, False), bslice(None, None, 1, False), bslice(None, None, 1, False)], ones)
    tensor = tensor.slice_assign([bslice(2, 3, 1, False), bslice(1, 2, 1, False), bslice(None, None, 1, False), bslice(None, None, 1, False)], ones)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_4d_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([2, 2, 5, 8], Distribution.Default, device)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_4d_wide_with_singularities(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    ones = TestTensor.ones([1, 1, 5, 8], device)
    tensor = TestTensor.random([2, 2, 5, 8], Distribution.Default, device)
    tensor = tensor.slice_assign([bslice(0, 1, 1, False), bslice(0, 1, 1, False), bslice(None, None, 1, False), bslice(None, None, 1, False)], ones)
    tensor = tensor.slice_assign([bslice(2, 3, 1, False), bslice(1, 2, 1, False), bslice(None, None, 1, False), bslice(None, None, 1, False)], ones)
    q, r = linalg.qr(tensor, False)
    qr = q.matmul(r)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    qr.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_qr_4d_12x4_reduced_shape(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([2, 3, 12, 4], Distribution.Default, device)
    q, r = linalg.qr(tensor, True)
    assert_eq_(q.dims(), [2, 3, 12, 4])
    assert_eq_(r.dims(), [2, 3, 4, 4])


def test_qr_panic_rank_less_than_2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['qr']):
        device = device
        tensor = TestTensor.from_data([1.0, 2.0, 3.0], device)
        _ = linalg.qr(tensor, False)
