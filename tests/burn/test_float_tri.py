"""Burn's `tensor/float/ops/tri.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_triu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]])
    output = tensor.triu(0)
    expected = TensorData([[1.0, 1.0, 1.0], [0.0, 1.0, 1.0], [0.0, 0.0, 1.0]])
    output.into_data().assert_eq(expected, False)


def test_triu_positive_diagonal(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[1, 1, 1], [1, 1, 1], [1, 1, 1]])
    output = tensor.triu(1)
    expected = TensorData([[0, 1, 1], [0, 0, 1], [0, 0, 0]])
    output.into_data().assert_eq(expected, False)
