"""Burn's `tensor/float/ops/random.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_rand_default(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.random([20], Distribution.Default, device)
    low = np.dtype('float32').type(0)
    high = np.dtype('float32').type(1)
    if np.dtype('float32').type(lim('FloatElem', 'EPSILON')) > lim('f32', 'EPSILON'):
        tensor.into_data().assert_within_range_inclusive(bslice(low, high, 1, True))
    else:
        tensor.into_data().assert_within_range(bslice(low, high, 1, False))


def test_rand_uniform(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.random([20], Distribution.Uniform(4.0, 5.0), device)
    low = np.dtype('float32').type(4)
    high = np.dtype('float32').type(5)
    if np.dtype('float32').type(lim('FloatElem', 'EPSILON')) > lim('f32', 'EPSILON'):
        tensor.into_data().assert_within_range_inclusive(bslice(low, high, 1, True))
    else:
        tensor.into_data().assert_within_range(bslice(low, high, 1, False))
