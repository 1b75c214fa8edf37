"""Burn's `tensor/float/linalg/lu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
REL = 5e-3
ABS = 1e-3


def test_lu_1x1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[5.0]], device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_2x2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[4.0, 3.0], [6.0, 3.0]], device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_3x3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[4.0, 7.0, 3.0], [6.0, 1.0, 3.0], [8.0, 3.0, 7.0]], device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_identity_matrix(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_singular_zero_pivot(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[0.0, 4.0, 2.0, 6.0], [0.0, 2.0, 2.0, 11.0], [0.0, 3.0, 9.0, 6.0], [0.0, 7.0, 10.0, 9.0]], device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_2d_square(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([6, 6], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_2d_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([8, 5], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_2d_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([5, 8], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


@slow
def test_lu_medium_tall(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    tensor = TestTensor.random([256, 128], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


@slow
def test_lu_medium_wide(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    tensor = TestTensor.random([128, 256], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_3d_square(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([3, 6, 6], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_3d_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([3, 8, 5], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_3d_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([3, 5, 8], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_4d_square(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([2, 2, 6, 6], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_4d_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([2, 2, 8, 5], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_4d_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([2, 2, 5, 8], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(5e-2)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


@slow
def test_lu_500x500_block_dispatch(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    tensor = TestTensor.random([500, 500], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(1.5e-1)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


@slow
def test_lu_500x300_block_dispatch(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    tensor = TestTensor.random([500, 300], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(1.5e-1)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


@slow
def test_lu_300x500_block_dispatch(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    tensor = TestTensor.random([300, 500], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(1.5e-1)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


@slow
def test_lu_5x300x300_block_dispatch(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    tensor = TestTensor.random([5, 300, 300], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(1.5e-1)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


@slow
def test_lu_3x300x500_block_dispatch(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    tensor = TestTensor.random([3, 300, 500], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(1.5e-1)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


@slow
def test_lu_3x500x300_block_dispatch(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    tensor = TestTensor.random([3, 500, 300], Distribution.Default, device)
    p, l, u = linalg.lu(tensor)
    plu = p.matmul(l).matmul(u)
    tolerance = Tolerance.rel_abs(REL, ABS).set_half_precision_absolute(1.5e-1)
    plu.into_data().assert_approx_eq(tensor.into_data(), tolerance)


def test_lu_panic_rank_less_than_2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['lu']):
        device = device
        tensor = TestTensor.from_data([1.0, 2.0, 3.0], device)
        _ = linalg.lu(tensor)
