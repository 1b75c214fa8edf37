"""Burn's `tensor/int/ops/square.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_square_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0, 1, 2], [3, 4, 5]])
    tensor = TestTensorInt.from_data(data, device)
    output = tensor.square()
    expected = TensorData([[0, 1, 4], [9, 16, 25]])
    output.into_data().assert_eq(expected, False)
