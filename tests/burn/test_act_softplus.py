"""Burn's `tensor/float/activation/softplus.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_softplus_d2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[-0.4240, -0.9574, -0.2215], [-0.5767, 0.7218, -0.1620]])
    output = activation.softplus(tensor, 1.0)
    expected = TensorData([[0.503453, 0.324898, 0.588517], [0.445806, 1.117805, 0.615424]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
    output = activation.softplus(tensor, 2.0)
    expected = TensorData([[0.178232, 0.068737, 0.247990], [0.137132, 0.827771, 0.272106]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
