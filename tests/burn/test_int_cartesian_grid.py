"""Burn's `tensor/int/ops/cartesian_grid.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_cartesian_grid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = expect_rank(TestTensorInt.cartesian_grid([1], device), 2, 'TestTensorInt.cartesian_grid([1], device)')
    tensor.into_data().assert_eq(TensorData([[0]]), False)
    tensor = expect_rank(TestTensorInt.cartesian_grid([2, 2], device), 3, 'TestTensorInt.cartesian_grid([2, 2], device)')
    tensor.into_data().assert_eq(TensorData([[[0, 0], [0, 1]], [[1, 0], [1, 1]]]), False)
