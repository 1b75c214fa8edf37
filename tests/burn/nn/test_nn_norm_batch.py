"""Burn's `crates/burn-nn/src/modules/norm/batch.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def _fn_input_tensor(device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return TestTensor.from_floats([[[[0.9601, 0.7277], [0.1270, 0.5441]], [[0.6272, 0.9034], [0.4066, 0.7179]], [[0.9378, 0.7230], [0.3544, 0.9591]]], [[[0.6356, 0.1362], [0.1333, 0.7287]], [[0.0249, 0.9509], [0.3791, 0.2481]], [[0.6600, 0.5945], [0.5424, 0.4767]]]], device)


def _fn_expected_train():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return TensorData([[[1.1483e+00, 3.7521e-01], [1.6272e-03, 7.5067e-01], [1.6204e+00, -4.5168e-02]], [[6.8856e-02, -1.5923e+00], [-1.6318e+00, 8.7949e-01], [-5.3368e-01, -1.0416e+00]]])


def _fn_expected_valid():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return TensorData([[[0.9409, 0.6976], [0.5892, 0.8774], [0.9106, 0.6844]], [[0.6012, 0.0782], [-0.0394, 0.9270], [0.6181, 0.5492]]])


def test_batch_norm_forward_train(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    module = BatchNormConfig(3).init(device)
    output = module.forward(_fn_input_tensor(device))
    output.to_data().assert_approx_eq(_fn_expected_train(), Tolerance.rel_abs(0.1, 0.001))


def test_batch_norm_forward_inference(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    device_autodiff = device
    module = BatchNormConfig(3).init(device_autodiff)
    module.forward(_fn_input_tensor(device_autodiff))
    module = module.valid()
    output = module.forward(_fn_input_tensor(device))
    output.to_data().assert_approx_eq(_fn_expected_valid(), Tolerance.default())


def test_batch_norm_forward_train_inference(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    device_autodiff = device
    module = BatchNormConfig(3).init(device_autodiff)
    module.forward(_fn_input_tensor(device_autodiff))
    module = module.valid()
    output = module.forward(_fn_input_tensor(device))
    output.to_data().assert_approx_eq(_fn_expected_valid(), Tolerance.default())
    module = module.train()
    output = module.forward(_fn_input_tensor(device_autodiff))
    output.to_data().assert_approx_eq(_fn_expected_train(), Tolerance.default())


def test_batch_norm_forward_train(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    module = BatchNormConfig(3).init(device)
    output = module.forward(_fn_input_tensor(device))
    expected = TensorData([[[[1.5136, 0.7506], [-1.2216, 0.1477]], [[0.3135, 1.2252], [-0.4150, 0.6130]], [[1.4186, 0.3372], [-1.5183, 1.5262]]], [[[0.4483, -1.1914], [-1.2010, 0.7537]], [[-1.6752, 1.3822], [-0.5058, -0.9381]], [[0.0200, -0.3097], [-0.5715, -0.9026]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.rel_abs(0.1, 0.001))


def test_batch_norm_forward_inference(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    device_autodiff = device
    module = BatchNormConfig(3).init(device_autodiff)
    module.forward(_fn_input_tensor(device_autodiff))
    module = module.valid()
    output = module.forward(_fn_input_tensor(device))
    expected = TensorData([[[[0.9538, 0.7103], [0.0808, 0.5179]], [[0.6015, 0.8910], [0.3703, 0.6966]], [[0.9171, 0.6912], [0.3037, 0.9395]]], [[[0.6138, 0.0904], [0.0874, 0.7113]], [[-0.0297, 0.9408], [0.3415, 0.2042]], [[0.6250, 0.5561], [0.5013, 0.4323]]]])
    output.to_data().assert_approx_eq(expected, Tolerance.default())


def test_batch_norm_running_mean(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    module = BatchNormConfig(3).init(device)
    _output = module.forward(_fn_input_tensor(device))
    running_mean = module.running_mean.value_sync()
    expected = TensorData([0.0499, 0.0532, 0.0656])
    running_mean.reshape([3]).into_data().assert_approx_eq(expected, Tolerance.default())


def test_batch_norm_running_var(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    module = BatchNormConfig(3).init(device)
    _output = module.forward(_fn_input_tensor(device))
    running_var = module.running_var.value_sync()
    expected = TensorData([0.9106, 0.9105, 0.9045])
    running_var.reshape([3]).into_data().assert_approx_eq(expected, Tolerance.default())


def test_batch_norm_running_mean_inner_module(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    module = BatchNormConfig(3).init(device)
    _output = module.forward(_fn_input_tensor(device))
    module_valid = module.valid()
    running_mean = module_valid.running_mean.value()
    running_mean_after = module.running_mean.value()
    running_mean_after.into_data().assert_approx_eq(running_mean.into_data(), Tolerance.default())


def test_batch_norm_grads(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    module = BatchNormConfig(3).init(device)
    input = _fn_input_tensor(device).require_grad()
    output = module.forward(input)
    grads = output.backward()
    tolerance = Tolerance.rel_abs(0.1, 0.001)
    expected = TensorData([0.0000e+00, -5.9035e-07, -6.0011e-07])
    module.gamma.grad(grads).reshape([3]).into_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([8.0, 8.0, 8.0])
    module.beta.grad(grads).reshape([3]).into_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[[[0.0000e+00, 0.0000e+00], [0.0000e+00, 0.0000e+00]], [[7.6400e-08, 2.9848e-07], [-1.0110e-07, 1.4933e-07]], [[5.3570e-07, 1.2732e-07], [-5.7336e-07, 5.7632e-07]]], [[[0.0000e+00, 0.0000e+00], [0.0000e+00, 0.0000e+00]], [[-4.0807e-07, 3.3673e-07], [-1.2323e-07, -2.2854e-07]], [[7.5642e-09, -1.1695e-07], [-2.1582e-07, -3.4078e-07]]]])
    input.grad(grads).into_data().assert_approx_eq(expected, tolerance)


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    batch_norm = BatchNormConfig(3).init(device)
    assert_eq_(str(batch_norm), "BatchNorm {num_features: 3, momentum: 0.1, epsilon: 0.00001, params: 12}" )
