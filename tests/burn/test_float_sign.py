"""Burn's `tensor/float/ops/sign.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_sign_ops_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[-0.2, -1.0, 2.0], [3.0, 0.0, -5.0]])
    output = tensor.sign()
    expected = TensorData([[-1.0, -1.0, 1.0], [1.0, 0.0, -1.0]])
    output.into_data().assert_eq(expected, False)


def test_should_support_sign_ops_float_negative_zero(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[-0.0, 0.0]])
    output = tensor.sign().into_data().convert('float32')
    output = output.to_vec()
    assert_eq_(output[0].to_bits(), 0.0.to_bits())
    assert_eq_(output[1].to_bits(), 0.0.to_bits())
