"""Burn's `tensor/bool/ops/mask_select.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_mask_select_bool(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensorBool.from_([True, False, True])
    mask = TestTensorBool.from_([True, True, False])
    output = tensor.mask_select(mask)
    output.into_data().assert_eq(TensorData([True, False]), False)
