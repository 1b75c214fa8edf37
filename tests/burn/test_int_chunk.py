"""Burn's `tensor/int/ops/chunk.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_chunk_multi_dimension(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensors = TestTensorInt.from_data(TensorData([[0, 1, 2, 3]]), device).chunk(2, 1)
    assert_eq_(len(tensors), 2)
    expected = [TensorData([[0, 1]]), TensorData([[2, 3]])]
    for index, tensor in enumerate(iter(tensors)):
        tensor.to_data().assert_eq(expected[index], False)
