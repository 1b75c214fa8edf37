"""Burn's `crates/burn-nn/src/modules/noise.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_with_ad_backend_should_mark_input(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.ones(Shape([100, 100]), device)
    noise = GaussianNoiseConfig(0.5).init()
    output = noise.forward(tensor)
    assert_ne_(tensor.to_data(), output.to_data())


def test_without_ad_backend_should_not_change_input(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    tensor = TestTensor.ones(Shape([100, 100]), device)
    noise = GaussianNoiseConfig(0.5).init()
    output = noise.forward(tensor)
    assert_eq_(tensor.to_data(), output.to_data())


def test_negative_std_should_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init']):
        GaussianNoiseConfig(std=-0.5).init()


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = GaussianNoiseConfig(0.5)
    layer = config.init()
    assert_eq_(str(layer), "GaussianNoise {std: 0.5}")
