"""Burn's `crates/burn-optim/src/optim/adan.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
LEARNING_RATE = 0.01


def _fn_create_adan():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    config = AdanConfig()
    return OptimizerAdaptor(Adan(momentum=AdaptiveNesterovMomentum(beta_1=config.beta_1, beta_2=config.beta_2, beta_3=config.beta_3, epsilon=config.epsilon), weight_decay=config.weight_decay, no_prox=config.no_prox))


def _fn_given_linear_layer(weight, bias, device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return Linear(weight=Param.from_data(weight, device), bias=(Param.from_data(bias, device)))


def test_adan_optimizer_save_load_state(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = LinearConfig(6, 6).init(device)
    x = TestTensor.random([2, 6], Distribution.Default, device)
    optimizer = _fn_create_adan()
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    _linear = optimizer.step(LEARNING_RATE, linear, grads)
    bytes = optimizer.into_bytes()
    assert_(not ris_empty(bytes))
    #[cfg(feature = "std")] optimizer.save(env.temp_dir().as_path().join("test_optim_adan")) 
    state_optim_before = optimizer.to_record()
    optimizer = _fn_create_adan().from_bytes(bytes)
    state_optim_after = optimizer.to_record()
    assert_eq_(len(state_optim_before), len(state_optim_after))


def test_adan_optimizer_with_numbers(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[-0.3206, 0.1374, 0.4043, 0.3200, 0.0859, 0.0671], [0.0777, -0.0185, -0.3667, 0.2550, 0.1955, -0.2922], [-0.0190, 0.0346, -0.2962, 0.2484, -0.2780, 0.3130], [-0.2980, -0.2214, -0.3715, -0.2981, -0.0761, 0.1626], [0.3300, -0.2182, 0.3717, -0.1729, 0.3796, -0.0304], [-0.0159, -0.0120, 0.1258, 0.1921, 0.0293, 0.3833]]), TensorData([-0.3905, 0.0884, -0.0970, 0.1176, 0.1366, 0.0130]), device)
    x_1 = TestTensor.from_floats([[0.6294, 0.0940, 0.8176, 0.8824, 0.5228, 0.4310], [0.7152, 0.9559, 0.7893, 0.5684, 0.5939, 0.8883]], device).require_grad()
    x_2 = TestTensor.from_floats([[0.8491, 0.2108, 0.8939, 0.4433, 0.5527, 0.2528], [0.3270, 0.0412, 0.5538, 0.9605, 0.3195, 0.9085]], device).require_grad()
    optimizer = AdanConfig().with_beta_1(0.98).with_beta_2(0.92).with_beta_3(0.99).with_epsilon(1e-8).with_weight_decay(0.02).init()
    grads = linear.forward(x_1).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    grads = linear.forward(x_2).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    weights_expected = TensorData([[-0.34034607, 0.11747075, 0.38426402, 0.29999772, 0.06599136, 0.04719888], [0.0644293, -0.031732224, -0.37979296, 0.24165839, 0.18218218, -0.30532277], [-0.038910445, 0.01466812, -0.31599957, 0.2283826, -0.29780683, 0.2929568], [-0.3178632, -0.24129382, -0.39133376, -0.31796312, -0.09605193, 0.14255258], [0.31026322, -0.23771758, 0.3519465, -0.19243571, 0.35984334, -0.049992695], [-0.03577819, -0.031879753, 0.10586514, 0.17213862, 0.009403733, 0.36326218]])
    bias_expected = TensorData([-0.4103378, 0.06837065, -0.116955206, 0.097558975, 0.11655137, -0.006999196])
    weight_updated, bias_updated = (state_updated.weight.to_data(), state_updated.bias.to_data())
    tolerance = Tolerance.absolute(1e-5)
    bias_updated.assert_approx_eq(bias_expected, tolerance)
    weight_updated.assert_approx_eq(weights_expected, tolerance)


def test_adan_optimizer_no_nan(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[-0.3206, 0.1374, 0.4043, 0.3200, 0.0859, 0.0671], [0.0777, -0.0185, -0.3667, 0.2550, 0.1955, -0.2922], [-0.0190, 0.0346, -0.2962, 0.2484, -0.2780, 0.3130], [-0.2980, -0.2214, -0.3715, -0.2981, -0.0761, 0.1626], [0.3300, -0.2182, 0.3717, -0.1729, 0.3796, -0.0304], [-0.0159, -0.0120, 0.1258, 0.1921, 0.0293, 0.3833]]), TensorData([-0.3905, 0.0884, -0.0970, 0.1176, 0.1366, 0.0130]), device)
    x = TestTensor.from_floats([[0.8491, 0.2108, 0.8939, 0.4433, 0.5527, 0.2528], [0.3270, 0.0412, 0.5538, 0.9605, 0.3195, 0.9085]], device).require_grad()
    optimizer = AdanConfig().with_epsilon(1e-8).with_weight_decay(0.02).init()
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    assert_(not rnan(state_updated.weight.to_data().to_vec()[0]))
