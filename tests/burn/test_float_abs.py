"""Burn's `tensor/float/ops/abs.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_abs_flipped(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([1.0, -2.0, 3.0, -4.0])
    flipped = tensor.flip([0])
    output = abs(flipped)
    expected = TensorData([4.0, 3.0, 2.0, 1.0])
    output.into_data().assert_eq(expected, False)


def test_should_support_abs_ops_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, -1.0, 2.0], [3.0, 4.0, -5.0]])
    output = abs(tensor)
    output.into_data().assert_eq(TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]), False)
