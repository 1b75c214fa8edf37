"""Burn's `crates/burn-nn/src/activation/swiglu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_swiglu_forward_no_bias(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    config = SwiGluConfig(3, 3).with_initializer(Initializer.Constant(value=0.5))
    swiglu = config.init(device)
    input = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    output = swiglu.forward(input)
    expected_output = TestTensor.from_data([[8.5732, 8.5732, 8.5732], [56.2189, 56.2189, 56.2189]], device)
    output.to_data().assert_approx_eq(expected_output.to_data(), Tolerance.default())


def test_swiglu_forward_with_bias(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    config = SwiGluConfig(3, 3).with_bias(True).with_initializer(Initializer.Constant(value=0.5))
    swiglu = config.init(device)
    input = TestTensor.from_data([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], device)
    output = swiglu.forward(input)
    expected_output = TestTensor.from_data([[11.8909, 11.8909, 11.8909], [63.9785, 63.9785, 63.9785]], device)
    output.to_data().assert_approx_eq(expected_output.to_data(), Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = SwiGluConfig(3, 5)
    swiglu = config.init(device)
    assert_eq_(str(swiglu), "SwiGlu {d_input: 3, d_output: 5, bias: false, params: 30}" )
