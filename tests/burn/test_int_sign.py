"""Burn's `tensor/int/ops/sign.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_sign_ops_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[-2, -1, 2], [3, 0, -5]])
    output = tensor.sign()
    expected = TensorData([[-1, -1, 1], [1, 0, -1]])
    output.into_data().assert_eq(expected, False)
