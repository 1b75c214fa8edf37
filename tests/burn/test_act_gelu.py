"""Burn's `tensor/float/activation/gelu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_gelu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.5447, 0.9809, 0.4114, 0.1398, 0.8045, 0.4103, 0.2388, 0.5262, 0.6677, 0.6737]])
    output = activation.gelu(tensor)
    expected = TensorData([[0.3851, 0.8207, 0.2714, 0.0777, 0.6351, 0.2704, 0.1419, 0.3687, 0.4993, 0.5051]])
    output.into_data().assert_approx_eq(expected, Tolerance.default().set_half_precision_absolute(2e-3))


def test_gelu_d1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([-3.0, 0.0, 3.0])
    output = activation.gelu(tensor)
    output.into_data().assert_approx_eq(TensorData([0.0, 0.0, 3.0]), Tolerance.absolute(0.01))
