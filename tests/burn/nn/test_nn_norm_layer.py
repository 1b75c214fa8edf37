"""Burn's `crates/burn-nn/src/modules/norm/layer.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_layer_norm_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LayerNormConfig(10).init(device)
    input = TestTensor.from_data(TensorData([[-0.6897, -2.7106, 2.2222, -1.0330, -0.8933, 1.1765, 0.0601, 1.5252, -0.3630, 0.6728]]), device)
    output = module.forward(input)
    expected = TensorData([[-0.4990, -1.9680, 1.6178, -0.7486, -0.6470, 0.8576, 0.0461, 1.1111, -0.2614, 0.4915]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_layer_norm_forward_large_epsilon(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LayerNormConfig(10).with_epsilon(1e-1).init(device)
    input = TestTensor.from_data(TensorData([[-0.6897, -2.7106, 2.2222, -1.0330, -0.8933, 1.1765, 0.0601, 1.5252, -0.3630, 0.6728]]), device)
    output = module.forward(input)
    expected = TensorData([[-0.4863, -1.9180, 1.5766, -0.7295, -0.6305, 0.8358, 0.0449, 1.0828, -0.2548, 0.4790]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_layer_norm_forward_no_bias(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    module = LayerNormConfig(10).with_bias(False).init(device)
    input = TestTensor.from_data(TensorData([[-0.6897, -2.7106, 2.2222, -1.0330, -0.8933, 1.1765, 0.0601, 1.5252, -0.3630, 0.6728]]), device)
    output = module.forward(input)
    expected = TensorData([[-0.4990, -1.9680, 1.6178, -0.7486, -0.6470, 0.8576, 0.0461, 1.1111, -0.2614, 0.4915]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_layer_norm_backward(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    module = LayerNormConfig(2).init(device)
    tensor_1 = TestTensor.from_data(TensorData([[0.0, 1.0], [3.0, 4.0]]), device).require_grad()
    tensor_2 = TestTensor.from_data(TensorData([[6.0, 7.0], [9.0, 10.0]]), device).require_grad()
    x = tensor_1.matmul(tensor_2)
    output = module.forward(x)
    grads = output.backward()
    tensor_1_grad = tensor_1.grad(grads)
    tensor_2_grad = tensor_2.grad(grads)
    gamma_grad = module.gamma.grad(grads)
    beta_grad = module.beta.grad(grads)
    expected = TensorData([-2.0, 2.0])
    gamma_grad.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = TensorData([2.0, 2.0])
    beta_grad.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = td_zeros(tensor_1_grad.shape())
    tensor_1_grad.to_data().assert_approx_eq(expected, Tolerance.default())
    expected = td_zeros(tensor_2_grad.shape())
    tensor_2_grad.to_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = LayerNormConfig(6)
    layer_norm = config.init(device)
    assert_eq_(str(layer_norm), "LayerNorm {d_model: 6, epsilon: 0.00001, bias: true, params: 12}" )


def test_display_no_bias(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = LayerNormConfig(6).with_bias(False)
    layer_norm = config.init(device)
    assert_eq_(str(layer_norm), "LayerNorm {d_model: 6, epsilon: 0.00001, bias: false, params: 6}" )
