"""Burn's `tensor/float/linalg/trace.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_trace_2d_square(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]], device)
    result = linalg.trace(tensor)
    expected = TestTensor.from_data([15.0], device)
    assert_eq_(result.to_data(), expected.to_data())


def test_trace_2d_rectangular_wide(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0, 3.0, 4.0], [5.0, 6.0, 7.0, 8.0]], device)
    result = linalg.trace(tensor)
    expected = TestTensor.from_data([7.0], device)
    assert_eq_(result.to_data(), expected.to_data())


def test_trace_2d_rectangular_tall(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], device)
    result = linalg.trace(tensor)
    expected = TestTensor.from_data([5.0], device)
    assert_eq_(result.to_data(), expected.to_data())


def test_trace_3d_batch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]], device)
    result = linalg.trace(tensor)
    expected = TestTensor.from_data([[5.0], [13.0]], device)
    assert_eq_(result.to_data(), expected.to_data())


def test_trace_4d_batch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]], device)
    result = linalg.trace(tensor)
    expected = TestTensor.from_data([[[5.0], [13.0]]], device)
    assert_eq_(result.to_data(), expected.to_data())


def test_trace_single_element(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[42.0]], device)
    result = linalg.trace(tensor)
    expected = TestTensor.from_data([42.0], device)
    assert_eq_(result.to_data(), expected.to_data())


def test_trace_zeros(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.zeros([3, 3], device)
    result = linalg.trace(tensor)
    expected = TestTensor.from_data([0.0], device)
    assert_eq_(result.to_data(), expected.to_data())


def test_trace_negative_values(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([[-1.0, 2.0], [3.0, -4.0]], device)
    result = linalg.trace(tensor)
    expected = TestTensor.from_data([-5.0], device)
    assert_eq_(result.to_data(), expected.to_data())


def test_trace_1d_should_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['trace']):
        device = device
        tensor = TestTensor.from_data([1.0, 2.0, 3.0], device)
        _result = linalg.trace(tensor)
