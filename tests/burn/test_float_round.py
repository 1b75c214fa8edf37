"""Burn's `tensor/float/ops/round.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_round_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[24.0423, 87.9478, 76.1838], [59.6929, 43.8169, 94.8826]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.round()
    expected = TensorData([[24.0, 88.0, 76.0], [60.0, 44.0, 95.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_round_ties_even(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([1.5, 2.5, 3.5, 4.5, 5.5, 6.5])
    tensor = TestTensor.from_data(data, device)
    output = tensor.round()
    expected = TensorData([2.0, 2.0, 4.0, 4.0, 6.0, 6.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
