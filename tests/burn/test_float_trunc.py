"""Burn's `tensor/float/ops/trunc.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_trunc_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[2.3, -1.7, 0.5], [-0.5, 3.9, -4.2]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.trunc()
    expected = TensorData([[2.0, -1.0, 0.0], [0.0, 3.0, -4.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_truncate_positive_values_like_floor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([1.7, 2.9, 3.1, 4.5])
    tensor = TestTensor.from_data(data, device)
    output = tensor.trunc()
    expected = TensorData([1.0, 2.0, 3.0, 4.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_truncate_negative_values_like_ceil(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([-1.7, -2.9, -3.1, -4.5])
    tensor = TestTensor.from_data(data, device)
    output = tensor.trunc()
    expected = TensorData([-1.0, -2.0, -3.0, -4.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_handle_special_cases(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([0.0, -0.0, lim('f32', 'INFINITY'), lim('f32', 'NEG_INFINITY'), lim('f32', 'NAN')])
    tensor = TestTensor.from_data(data, device)
    output = tensor.trunc()
    values = output.into_data().to_vec()
    assert_eq_(values[0], np.dtype('float32').type(0.0))
    assert_(values[0].is_sign_positive())
    assert_eq_(values[1], np.dtype('float32').type(0.0))
    assert_(rsignneg(values[1]))
    assert_(rinf(values[2])  and  values[2].is_sign_positive())
    assert_(rinf(values[3])  and  rsignneg(values[3]))
    assert_(rnan(values[4]))
