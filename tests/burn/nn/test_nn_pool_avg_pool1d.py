"""Burn's `crates/burn-nn/src/modules/pool/avg_pool1d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_same_with_even_kernel_uses_asymmetric_padding(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    config = AvgPool1dConfig(2).with_stride(1).with_padding(PaddingConfig1d.Same)
    pool = config.init()
    input = TestTensor.ones([1, 2, 5], device)
    output = pool.forward(input)
    assert_eq_(output.dims(), [1, 2, 5])


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = AvgPool1dConfig(3)
    layer = config.init()
    assert_eq_(str(layer), "AvgPool1d {kernel_size: 3, stride: 3, padding: Valid, count_include_pad: true, ceil_mode: false}" )


def test_asymmetric_padding_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    config = AvgPool1dConfig(3).with_stride(1).with_padding(PaddingConfig1d.Explicit(1, 2))
    pool = config.init()
    input = TestTensor.ones([1, 2, 4], device)
    output = pool.forward(input)
    assert_eq_(output.dims(), [1, 2, 5])


def test_symmetric_explicit_padding_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    config = AvgPool1dConfig(3).with_stride(1).with_padding(PaddingConfig1d.Explicit(2, 2))
    pool = config.init()
    input = TestTensor.ones([1, 2, 4], device)
    output = pool.forward(input)
    assert_eq_(output.dims(), [1, 2, 6])
