"""Burn's `tensor/int/ops/random.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_rand_uniform_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    low = 0.0
    high = 5.0
    tensor = TestTensorInt.random([100_000], Distribution.Uniform(low, high), device)
    tensor.into_data().assert_within_range(bslice(low.elem(), high.elem(), 1, False))
