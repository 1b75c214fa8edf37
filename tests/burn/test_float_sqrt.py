"""Burn's `tensor/float/ops/sqrt.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_sqrt_narrowed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, 4.0, 9.0, 16.0, 25.0, 36.0])
    narrowed = tensor.narrow(0, 1, 4)
    output = narrowed.sqrt()
    expected = TensorData([2.0, 3.0, 4.0, 5.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_sqrt_flipped_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 4.0], [9.0, 16.0]])
    flipped = tensor.flip([0])
    output = flipped.sqrt()
    expected = TensorData([[3.0, 4.0], [1.0, 2.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_sqrt_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.sqrt()
    expected = TensorData([[0.0, 1.0, SQRT_2], [1.73205, 2.0, 2.2360]])
    output.into_data().assert_approx_eq(expected, Tolerance.relative(1e-4).set_half_precision_relative(1e-3))
