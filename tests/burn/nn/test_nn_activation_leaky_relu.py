"""Burn's `crates/burn-nn/src/activation/leaky_relu.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_leaky_relu_forward(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    model = LeakyReluConfig().init()
    input = TestTensor.from_data(TensorData([[0.4410, -0.2507]]), device)
    out = model.forward(input)
    expected = TensorData([[0.4410, -0.002507]])
    out.to_data().assert_eq(expected, False)


def test_leaky_relu_forward_multi_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input = [[[-1.0222, 1.5810, 0.3457, -1.3530], [0.0231, 0.8681, 0.2473, -0.0377], [0.3520, -1.1199, 1.2219, 0.2804]], [[1.0002, 0.7259, 0.8779, 0.2084], [1.5615, -0.1057, -0.4886, -1.5184], [-0.5523, -0.2741, -0.0210, -1.1352]]]
    expected = TensorData([[[-1.0222e-02, 1.5810e+00, 3.457e-01, -1.3530e-02], [2.31e-02, 8.681e-01, 2.473e-01, -3.77e-04], [3.52e-01, -1.1199e-02, 1.2219e+00, 2.804e-01]], [[1.0002e+00, 7.259e-01, 8.779e-01, 2.084e-01], [1.5615e+00, -1.057e-03, -4.886e-03, -1.5184e-02], [-5.523e-03, -2.741e-03, -2.1e-04, -1.1352e-02]]])
    device = device
    model = LeakyReluConfig().init()
    input_data = TestTensor.from_data(TensorData(input), device)
    actual_output = model.forward(input_data)
    actual_output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = LeakyReluConfig().init()
    assert_eq_(str(config), "LeakyRelu {negative_slope: 0.01}" )
