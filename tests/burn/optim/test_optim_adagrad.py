"""Burn's `crates/burn-optim/src/optim/adagrad.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
LEARNING_RATE = 0.01


def _fn_create_adagrad():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    config = AdaGradConfig()
    return OptimizerAdaptor(AdaGrad(lr_decay=LrDecay(lr_decay=config.lr_decay, epsilon=config.epsilon), weight_decay=omap(config.weight_decay, WeightDecay.new)))


def _fn_given_linear_layer(weight, bias, device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return Linear(weight=Param.from_data(weight, device), bias=(Param.from_data(bias, device)))


def test_adagrad_optimizer_save_load_state(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = LinearConfig(6, 6).init(device)
    x = TestTensor.random([2, 6], Distribution.Default, device)
    optimizer = _fn_create_adagrad()
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    _linear = optimizer.step(LEARNING_RATE, linear, grads)
    bytes = optimizer.into_bytes()
    assert_(not ris_empty(bytes))
    #[cfg(feature = "std")] optimizer.save(env.temp_dir().as_path().join("test_optim_adagrad")) 
    state_optim_before = optimizer.to_record()
    optimizer = _fn_create_adagrad().from_bytes(bytes)
    state_optim_after = optimizer.to_record()
    assert_eq_(len(state_optim_before), len(state_optim_after))


def test_adagrad_optimizer_with_numbers(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[-0.3206, 0.1374, 0.4043, 0.3200, 0.0859, 0.0671], [0.0777, -0.0185, -0.3667, 0.2550, 0.1955, -0.2922], [-0.0190, 0.0346, -0.2962, 0.2484, -0.2780, 0.3130], [-0.2980, -0.2214, -0.3715, -0.2981, -0.0761, 0.1626], [0.3300, -0.2182, 0.3717, -0.1729, 0.3796, -0.0304], [-0.0159, -0.0120, 0.1258, 0.1921, 0.0293, 0.3833]]), TensorData([-0.3905, 0.0884, -0.0970, 0.1176, 0.1366, 0.0130]), device)
    x_1 = TestTensor.from_floats([[0.6294, 0.0940, 0.8176, 0.8824, 0.5228, 0.4310], [0.7152, 0.9559, 0.7893, 0.5684, 0.5939, 0.8883]], device).require_grad()
    x_2 = TestTensor.from_floats([[0.8491, 0.2108, 0.8939, 0.4433, 0.5527, 0.2528], [0.3270, 0.0412, 0.5538, 0.9605, 0.3195, 0.9085]], device).require_grad()
    optimizer = AdaGradConfig().with_epsilon(1e-8).with_lr_decay(0.5).init()
    grads = linear.forward(x_1).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    grads = linear.forward(x_2).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    weights_expected = TensorData([[-0.334989, 0.123011, 0.389911, 0.305611, 0.071511, 0.052711], [0.066144, -0.030056, -0.378256, 0.243444, 0.183944, -0.303756], [-0.033462, 0.020138, -0.310662, 0.233938, -0.292462, 0.298538], [-0.312636, -0.236036, -0.386136, -0.312736, -0.090736, 0.147964], [0.315896, -0.232304, 0.357596, -0.187004, 0.365496, -0.044504], [-0.030305, -0.026405, 0.111395, 0.177695, 0.014895, 0.368895]])
    bias_expected = TensorData([-0.405214, 0.073686, -0.111714, 0.102886, 0.121886, -0.001714])
    weight_updated, bias_updated = (state_updated.weight.val().into_data(), state_updated.bias.val().into_data())
    tolerance = Tolerance.absolute(1e-6)
    bias_updated.assert_approx_eq(bias_expected, tolerance)
    weight_updated.assert_approx_eq(weights_expected, tolerance)
