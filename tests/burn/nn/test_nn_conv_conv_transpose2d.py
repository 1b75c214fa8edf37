"""Burn's `crates/burn-nn/src/modules/conv/conv_transpose2d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_initializer_default(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    config = ConvTranspose2dConfig([5, 1], [5, 5])
    k = (config.channels[1] * config.kernel_size[0] * config.kernel_size[1])
    k = rmath('sqrt', config.groups / k)
    conv = config.init(device)
    conv.weight.to_data().assert_within_range(bslice(-k, k, 1, False))


def test_initializer_zeros(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    config = ConvTranspose2dConfig([5, 2], [5, 5]).with_initializer(Initializer.Zeros())
    conv = config.init(device)
    assert_eq_(config.initializer, Initializer.Zeros())
    conv.weight.to_data().assert_approx_eq(td_zeros(conv.weight.shape()), Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = ConvTranspose2dConfig([5, 2], [5, 5])
    conv = config.init(device)
    assert_eq_(str(conv), "ConvTranspose2d {channels: [5, 2], stride: [1, 1], kernel_size: [5, 5], dilation: [1, 1], groups: 1, padding: [0, 0], padding_out: [0, 0], params: 252}" )


def test_input_channels_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        config = ConvTranspose2dConfig([5, 3], [3, 3])
        conv = config.init(device)
        input = TestTensor.zeros([1, 4, 10, 10], device)
        _ = conv.forward(input)
