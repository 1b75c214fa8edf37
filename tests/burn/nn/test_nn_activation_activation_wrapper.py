"""Burn's `crates/burn-nn/src/activation/activation_wrapper.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def _fn_make_input(device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return TestTensor.from_data([[-1.0, -0.5, 0.0], [1.0, 0.5, 0.0]], device)


def _fn_check_stateless_config_output(config, input, expected, device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    config = ActivationConfig.from_(config)
    act = config.init(device)
    output = act.forward(input)
    _fn_expect_tensor(output, expected)


def _fn_expect_tensor(actual, expected):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    actual.to_data().assert_eq(expected.to_data(), True)


def test_identity(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    expected = input
    _fn_check_stateless_config_output(ActivationConfig.Identity(), input, expected, device)


def test_gelu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    expected = Gelu().forward(input)
    _fn_check_stateless_config_output(ActivationConfig.Gelu(), input, expected, device)


def test_gelu_approximate(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    expected = Gelu.new_approximate().forward(input)
    _fn_check_stateless_config_output(ActivationConfig.GeluApproximate(), input, expected, device)


def test_prelu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    inner_config = PReluConfig()
    expected = inner_config.init(device).forward(input)
    _fn_check_stateless_config_output(inner_config, input, expected, device)


def test_relu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    expected = Relu().forward(input)
    _fn_check_stateless_config_output(ActivationConfig.Relu(), input, expected, device)


def test_leaky_relu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    inner_config = LeakyReluConfig()
    expected = inner_config.init().forward(input)
    _fn_check_stateless_config_output(inner_config, input, expected, device)


def test_selu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    expected = Selu().forward(input)
    _fn_check_stateless_config_output(ActivationConfig.Selu(), input, expected, device)


def test_sigmoid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    expected = Sigmoid().forward(input)
    _fn_check_stateless_config_output(ActivationConfig.Sigmoid(), input, expected, device)


def test_tanh(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    expected = Tanh().forward(input)
    _fn_check_stateless_config_output(ActivationConfig.Tanh(), input, expected, device)


def test_hard_sigmoid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    inner_config = HardSigmoidConfig()
    expected = inner_config.init().forward(input)
    _fn_check_stateless_config_output(inner_config, input, expected, device)


def test_softsign(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    expected = Softsign().forward(input)
    _fn_check_stateless_config_output(ActivationConfig.Softsign(), input, expected, device)


def test_elu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    inner_config = EluConfig()
    expected = inner_config.init().forward(input)
    _fn_check_stateless_config_output(inner_config, input, expected, device)


def test_softplus(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    inner_config = SoftplusConfig()
    expected = inner_config.init().forward(input)
    _fn_check_stateless_config_output(inner_config, input, expected, device)


def test_celu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    inner_config = CeluConfig()
    expected = inner_config.init().forward(input)
    _fn_check_stateless_config_output(inner_config, input, expected, device)


def test_thresholded_relu(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    inner_config = ThresholdedReluConfig()
    expected = inner_config.init().forward(input)
    _fn_check_stateless_config_output(inner_config, input, expected, device)


def test_hard_shrink(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    inner_config = HardShrinkConfig()
    expected = inner_config.init().forward(input)
    _fn_check_stateless_config_output(inner_config, input, expected, device)


def test_soft_shrink(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    inner_config = SoftShrinkConfig()
    expected = inner_config.init().forward(input)
    _fn_check_stateless_config_output(inner_config, input, expected, device)


def test_shrink(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input = _fn_make_input(device)
    inner_config = ShrinkConfig()
    expected = inner_config.init().forward(input)
    _fn_check_stateless_config_output(inner_config, input, expected, device)
