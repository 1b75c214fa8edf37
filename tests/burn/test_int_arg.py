"""Burn's `tensor/int/ops/arg.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_argmax_2d_dim0_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[10, 11, 2], [3, 4, 5]])
    output = tensor.argmax(0)
    output.into_data().assert_eq(TensorData([[0, 0, 1]]), False)


def test_argmin_2d_dim0_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[10, 11, 2], [30, 4, 5]])
    output = tensor.argmin(0)
    output.into_data().assert_eq(TensorData([[0, 1, 0]]), False)
