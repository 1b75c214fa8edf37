"""Burn's `tensor/bool/ops/gather_scatter.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_scatter_1d_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([True, False, False], device)
    values = TestTensorBool.from_data([False, True, True], device)
    indices = TestTensorInt.from_ints([1, 0, 2], device)
    output = tensor.scatter(0, indices, values, IndexingUpdateOp.Add)
    output.into_data().assert_eq(TensorData([True, False, True]), False)


def test_should_gather_1d_dim0_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([True, False, False], device)
    indices = TestTensorInt.from_ints([1, 1, 0, 1, 2], device)
    output = tensor.gather(0, indices)
    output.into_data().assert_eq(TensorData([False, False, True, False, False]), False)
