"""Burn's `crates/burn-nn/src/modules/conv/conv2d.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_initializer_default(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    config = Conv2dConfig([5, 1], [5, 5])
    k = (config.channels[0] * config.kernel_size[0] * config.kernel_size[1])
    k = rmath('sqrt', config.groups / k)
    conv = config.init(device)
    conv.weight.to_data().assert_within_range(bslice(-k, k, 1, False))


def test_initializer_zeros(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    config = Conv2dConfig([5, 2], [5, 5]).with_initializer(Initializer.Zeros())
    conv = config.init(device)
    assert_eq_(config.initializer, Initializer.Zeros())
    conv.weight.to_data().assert_approx_eq(td_zeros(conv.weight.shape()), Tolerance.default())


def test_initializer_fan_out(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    init = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0), fan_out_only=True)
    config = Conv2dConfig([5, 1], [5, 5]).with_initializer(init)
    c = config.init(device)
    _ = c.weight.val()
    assert_eq_(config.initializer, init)


def test_initializer_fan_with_groups_is_valid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    init = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0), fan_out_only=True)
    config = Conv2dConfig([4, 4], [1, 1]).with_initializer(init).with_groups(4)
    _ = config.init(device)
    assert_eq_(config.initializer, init)


def test_channels_with_groups_is_invalid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['with_groups', 'init']):
        device = device
        config = Conv2dConfig([1, 4], [1, 1]).with_groups(4)
        _ = config.init(device)


def test_same_with_even_kernel_uses_asymmetric_padding(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    config = Conv2dConfig([4, 4], [2, 2]).with_padding(PaddingConfig2d.Same).with_initializer(Initializer.Constant(value=1.0)).with_bias(False)
    conv = config.init(device)
    input = TestTensor.ones([1, 4, 5, 5], device)
    output = conv.forward(input)
    assert_eq_(output.dims(), [1, 4, 5, 5])


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = Conv2dConfig([5, 1], [5, 5])
    conv = config.init(device)
    assert_eq_(str(conv), "Conv2d {ch_in: 5, ch_out: 1, stride: [1, 1], kernel_size: [5, 5], dilation: [1, 1], groups: 1, padding: Valid, params: 126}" )


def test_input_channels_mismatch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init', 'forward']):
        config = Conv2dConfig([5, 3], [3, 3])
        conv = config.init(device)
        input = TestTensor.zeros([1, 4, 10, 10], device)
        _ = conv.forward(input)


def test_asymmetric_padding_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    config = Conv2dConfig([2, 3], [3, 3]).with_padding(PaddingConfig2d.Explicit(1, 2, 3, 4)).with_initializer(Initializer.Constant(value=1.0)).with_bias(False)
    conv = config.init(device)
    input = TestTensor.ones([1, 2, 4, 5], device)
    output = conv.forward(input)
    assert_eq_(output.dims(), [1, 3, 6, 9])


def test_symmetric_explicit_padding_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    config = Conv2dConfig([2, 3], [3, 3]).with_padding(PaddingConfig2d.Explicit(2, 2, 2, 2)).with_initializer(Initializer.Constant(value=1.0)).with_bias(False)
    conv = config.init(device)
    input = TestTensor.ones([1, 2, 4, 5], device)
    output = conv.forward(input)
    assert_eq_(output.dims(), [1, 3, 6, 7])
