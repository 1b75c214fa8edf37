"""Burn's `tensor/float/grid/meshgrid.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_meshgrid_stack(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensors = [TestTensor.from_([0.5, 1.0, 2.5]), TestTensor.from_([0.5, 1.0])]
    result = expect_rank(meshgrid_stack(tensors, IndexPos.First), 3, 'meshgrid_stack(tensors, IndexPos.First)')
    result.to_data().assert_eq(TensorData([[[0.5, 0.5], [1.0, 1.0], [2.5, 2.5]], [[0.5, 1.0], [0.5, 1.0], [0.5, 1.0]]]), False)
    result = expect_rank(meshgrid_stack(tensors, IndexPos.Last), 3, 'meshgrid_stack(tensors, IndexPos.Last)')
    result.to_data().assert_eq(TensorData([[[0.5, 0.5], [0.5, 1.0]], [[1.0, 0.5], [1.0, 1.0]], [[2.5, 0.5], [2.5, 1.0]]]), False)
