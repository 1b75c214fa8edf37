"""Burn's `tensor/float/ops/flip.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_flip_duplicated_axes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['reshape', 'flip']):
        device = device
        tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4])
        _ = tensor.flip([0, 0, 1])


def test_flip_out_of_bound_axis(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['reshape', 'flip']):
        device = device
        tensor = TestTensorInt.arange(bslice(0, 24, 1, False), device).reshape([2, 3, 4])
        _ = tensor.flip([3, 0, 1])
