"""Burn's `tensor/float/activation/hardtanh.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_hardtanh_default_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[-2.0, -1.0, 0.0], [0.5, 1.0, 2.0]])
    output = activation.hardtanh(tensor, -1.0, 1.0)
    expected = TensorData([[-1.0, -1.0, 0.0], [0.5, 1.0, 1.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_hardtanh_custom_range(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([-3.0, -2.0, 0.0, 2.0, 3.0])
    output = activation.hardtanh(tensor, -2.0, 2.0)
    expected = TensorData([-2.0, -2.0, 0.0, 2.0, 2.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
