"""Burn's `crates/burn-nn/src/modules/pool/max_pool2d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_same_with_even_kernel_uses_asymmetric_padding(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    config = MaxPool2dConfig([2, 2]).with_strides([1, 1]).with_padding(PaddingConfig2d.Same)
    pool = config.init()
    input = TestTensor.ones([1, 2, 5, 5], device)
    output = pool.forward(input)
    assert_eq_(output.dims(), [1, 2, 5, 5])


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = MaxPool2dConfig([3, 3])
    layer = config.init()
    assert_eq_(str(layer), "MaxPool2d {kernel_size: [3, 3], stride: [3, 3], padding: Valid, dilation: [1, 1], ceil_mode: false}" )


def test_asymmetric_padding_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    config = MaxPool2dConfig([3, 3]).with_strides([1, 1]).with_padding(PaddingConfig2d.Explicit(1, 2, 3, 4))
    pool = config.init()
    input = TestTensor.ones([1, 2, 4, 5], device)
    output = pool.forward(input)
    assert_eq_(output.dims(), [1, 2, 6, 9])


def test_symmetric_explicit_padding_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    config = MaxPool2dConfig([3, 3]).with_strides([1, 1]).with_padding(PaddingConfig2d.Explicit(2, 2, 2, 2))
    pool = config.init()
    input = TestTensor.ones([1, 2, 4, 5], device)
    output = pool.forward(input)
    assert_eq_(output.dims(), [1, 2, 6, 7])
