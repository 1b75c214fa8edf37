"""Burn's `tensor/bool/ops/reshape.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_reshape_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([False, True, False])
    tensor = TestTensorBool.from_data(data, device)
    output = tensor.reshape([1, 3])
    expected = TensorData([[False, True, False]])
    output.into_data().assert_eq(expected, False)
