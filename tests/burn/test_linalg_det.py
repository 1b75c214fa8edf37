"""Burn's `tensor/float/linalg/det.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_det_1x1_batched(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[5.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([5.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_2x2_batched(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[4.0, 3.0], [6.0, 3.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([-6.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_3x3_batched(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[4.0, 7.0, 3.0], [6.0, 1.0, 3.0], [8.0, 3.0, 7.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([-104.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_3x3_identity_matrix(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([1.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


@slow
def test_det_300x300_identity_matrix(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    tensor = TestTensor.eye(300, device).unsqueeze_dim(0)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([1.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_3x3_singular_zero_col(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[0.0, 4.0, 2.0], [0.0, 2.0, 1.0], [0.0, 3.0, 9.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([0.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_20x20_singular_zero_col(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([1, 20, 20], Distribution.Default, device)
    tensor = tensor.slice_fill([bslice(None, None, 1, False), bslice(None, None, 1, False), 16], 0.0)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([0.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_3x3_singular_linearly_dependent(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0, 3.0], [2.0, 4.0, 6.0], [3.0, 6.0, 9.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([0.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_20x20_singular_linearly_dependent(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([1, 20, 20], Distribution.Default, device)
    lin_dep_row = tensor.slice([bslice(None, None, 1, False), 5, bslice(None, None, 1, False)])
    tensor = tensor.slice_assign([bslice(None, None, 1, False), 17, bslice(None, None, 1, False)], lin_dep_row)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([0.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_3x3_upper_triangular(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0, 3.0], [0.0, 4.0, 5.0], [0.0, 0.0, 6.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([24.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_3x3_lower_triangular(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[2.0, 0.0, 0.0], [3.0, 4.0, 0.0], [5.0, 6.0, 7.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([56.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_3x3_diagonal_matrix(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[3.0, 0.0, 0.0], [0.0, 5.0, 0.0], [0.0, 0.0, 2.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([30.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_10x10_all_zeros(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.zeros([1, 10, 10], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([0.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


@slow
def test_det_300x300_all_zeros(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    tensor = TestTensor.zeros([1, 300, 300], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([0.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_10x10_all_ones(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.ones([1, 10, 10], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([0.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


@slow
def test_det_300x300_all_ones(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    device = device
    tensor = TestTensor.ones([1, 300, 300], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([0.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_large_diagonal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    eye = TestTensor.eye(8, device)
    values = TestTensor.arange(bslice(1, 9, 1, False), device).float()
    diag_2d = eye * values.unsqueeze()
    tensor = diag_2d.unsqueeze_dim(0)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([40320.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_mixed_singular_non_singular_batch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    singular_tensor = TestTensor.random([10, 10], Distribution.Default, device)
    singular_tensor = singular_tensor.slice_fill([bslice(None, None, 1, False), 8], 0.0)
    identity_tensor = TestTensor.eye(10, device)
    input_tensor = TestTensor.stack([singular_tensor, identity_tensor], 0)
    det_tensor = linalg.det(input_tensor)
    expected = TestTensor.from_data([0.0, 1.0], device)
    tolerance = Tolerance.default()
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_batch_of_1x1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[2.0]], [[3.0]], [[5.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([2.0, 3.0, 5.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_batch_of_2x2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0], [3.0, 4.0]], [[2.0, 0.0], [0.0, 3.0]], [[5.0, 6.0], [7.0, 8.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([-2.0, 6.0, -2.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_batch_of_3x3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[4.0, 7.0, 3.0], [6.0, 1.0, 3.0], [8.0, 3.0, 7.0]], [[1.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 3.0]], [[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([-104.0, 6.0, 0.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_4d_square(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [[2.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 2.0]]], [[[3.0, 0.0, 0.0], [0.0, 3.0, 0.0], [0.0, 0.0, 3.0]], [[4.0, 0.0, 0.0], [0.0, 4.0, 0.0], [0.0, 0.0, 4.0]]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([[1.0, 8.0], [27.0, 64.0]], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_4d_rectangular_batch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([3, 4, 5, 5], Distribution.Default, device)
    det_tensor = linalg.det(tensor)
    assert_eq_(det_tensor.dims(), [3, 4])


def test_det_product_property(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    a = TestTensor.random([1, 10, 10], Distribution.Default, device)
    b = TestTensor.random([1, 10, 10], Distribution.Default, device)
    c = a.matmul(b)
    det_a = linalg.det(a)
    det_b = linalg.det(b)
    det_c = linalg.det(c)
    det_ab = det_a * det_b
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_c.into_data().assert_approx_eq(det_ab.into_data(), tolerance)


def test_det_transpose_invariance(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([1, 10, 10], Distribution.Default, device)
    det_original = linalg.det(tensor)
    det_transpose = linalg.det(tensor.transpose())
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_original.into_data().assert_approx_eq(det_transpose.into_data(), tolerance)


def test_det_negative_elements(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[-1.0, 2.0], [3.0, -4.0]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([-2.0], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_f16_dtype_roundtrip_1x1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([1, 1, 1], Distribution.Default, device)
    det_tensor = linalg.det(tensor)
    assert_eq_(tensor.dtype, det_tensor.dtype)


def test_det_f16_dtype_roundtrip_2x2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([1, 2, 2], Distribution.Default, device)
    det_tensor = linalg.det(tensor)
    assert_eq_(tensor.dtype, det_tensor.dtype)


def test_det_f16_dtype_roundtrip_3x3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([1, 3, 3], Distribution.Default, device)
    det_tensor = linalg.det(tensor)
    assert_eq_(tensor.dtype, det_tensor.dtype)


def test_det_f16_dtype_roundtrip_10x10(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.random([1, 10, 10], Distribution.Default, device)
    det_tensor = linalg.det(tensor)
    assert_eq_(tensor.dtype, det_tensor.dtype)


def test_det_panic_rank_less_than_3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['det']):
        device = device
        tensor = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0]], device)
        _ = linalg.det(tensor)


def test_det_panic_non_square_last_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['det']):
        device = device
        tensor = TestTensor.from_data([[[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]], device)
        _ = linalg.det(tensor)


def test_det_random_2x3x3_pytorch_comparison(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[0.8823, 0.9150, 0.3829], [0.9593, 0.3904, 0.6009], [0.2566, 0.7936, 0.9408]], [[0.1332, 0.9346, 0.5936], [0.8694, 0.5677, 0.7411], [0.4294, 0.8854, 0.5739]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([-0.5283, 0.0993], device)
    tolerance = Tolerance.default().set_half_precision_absolute(5e-3)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)


def test_det_random_2x2x4x4_pytorch_comparison(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[[0.7713, 0.0208, 0.6336, 0.7488], [0.4985, 0.2248, 0.1981, 0.7605], [0.1691, 0.0883, 0.6854, 0.9534], [0.0039, 0.5122, 0.8126, 0.6125]], [[0.7218, 0.2919, 0.9178, 0.7146], [0.5425, 0.1422, 0.3733, 0.6741], [0.4418, 0.4340, 0.6178, 0.5131], [0.6503, 0.6011, 0.8052, 0.6985]]], [[[0.2922, 0.0077, 0.5508, 0.5940], [0.4512, 0.3444, 0.3599, 0.6226], [0.8929, 0.8856, 0.1539, 0.8586], [0.7683, 0.8819, 0.9567, 0.1534]], [[0.4885, 0.6690, 0.9967, 0.7013], [0.5040, 0.2374, 0.1123, 0.1505], [0.3819, 0.4428, 0.0835, 0.7866], [0.6515, 0.7998, 0.1242, 0.5865]]]], device)
    det_tensor = linalg.det(tensor)
    expected = TestTensor.from_data([[-0.1527, -0.0053], [0.0307, -0.1039]], device)
    tolerance = Tolerance.default().set_absolute(1e-4)
    det_tensor.into_data().assert_approx_eq(expected.into_data(), tolerance)
