"""Burn's `tensor/int/ops/abs.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_abs_ops_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[0, -1, 2], [3, 4, -5]])
    output = abs(tensor)
    output.into_data().assert_eq(TensorData([[0, 1, 2], [3, 4, 5]]), False)


def test_should_support_abs_ops_int_signed_min(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorInt.from_([[lim('IntElem', 'MIN')]])
    output = abs(tensor)
    output.into_data().assert_eq(TensorData([[lim('IntElem', 'MIN')]]), False)
