"""Burn's `crates/burn-nn/src/modules/dropout.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_with_ad_backend_should_mark_input(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    tensor = TestTensor.ones(Shape([100, 100]), device)
    dropout = DropoutConfig(0.5).init()
    output = dropout.forward(tensor)
    assert_ne_(tensor.to_data(), output.to_data())


def test_without_ad_backend_should_not_change_input(plain_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(plain_backend)
    tensor = TestTensor.ones(Shape([100, 100]), device)
    dropout = DropoutConfig(0.5).init()
    output = dropout.forward(tensor)
    assert_eq_(tensor.to_data(), output.to_data())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = DropoutConfig(0.5)
    layer = config.init()
    assert_eq_(str(layer), "Dropout {prob: 0.5}")


def test_dropout_prob_invalid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init']):
        config = DropoutConfig(-10.0)
        _layer = config.init()
