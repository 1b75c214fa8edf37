"""Burn's `tensor/int/ops/full.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_tensor_full(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    int_tensor = TestTensorInt.full([2, 2], 2, device)
    int_tensor.into_data().assert_eq(TensorData([[2, 2], [2, 2]]), False)
