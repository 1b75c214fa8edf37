"""Burn's `tensor/float/ops/exp.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_exp_transposed(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 1.0], [2.0, 3.0]])
    transposed = tensor.transpose()
    output = transposed.exp()
    expected = TensorData([[1.0, E * E], [E, E * E * E]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_exp_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.exp()
    expected = TensorData([[1.0, 2.71830, 7.3891], [20.0855, 54.5981, 148.4132]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
