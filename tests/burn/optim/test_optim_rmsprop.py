"""Burn's `crates/burn-optim/src/optim/rmsprop.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
LEARNING_RATE = 0.01


def _fn_create_rmsprop():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return RmsPropConfig(alpha=0.99, epsilon=1e-9, centered=False, weight_decay=(WeightDecayConfig(penalty=0.05)), momentum=0.9, grad_clipping=None).init()


def _fn_given_linear_layer(weight, bias, device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return Linear(weight=Param.from_data(weight, device), bias=(Param.from_data(bias, device)))


def test_rmsprop_optimizer_save_load_state(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = LinearConfig(6, 6).init(device)
    x = TestTensor.random([2, 6], Distribution.Default, device)
    optimizer = _fn_create_rmsprop()
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    _linear = optimizer.step(LEARNING_RATE, linear, grads)
    bytes = optimizer.into_bytes()
    assert_(not ris_empty(bytes))
    #[cfg(feature = "std")] optimizer.save(env.temp_dir().as_path().join("test_optim_rmsprop")) 
    state_optim_before = optimizer.to_record()
    optimizer = _fn_create_rmsprop().from_bytes(bytes)
    state_optim_after = optimizer.to_record()
    assert_eq_(len(state_optim_before), len(state_optim_after))


def test_rmsprop_optimizer_with_numbers_basic(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[1.0, 1.0, 1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]), TensorData([0.5, 0.5, 0.5, 0.5, 0.5, 0.5]), device)
    x_1 = TestTensor.from_floats([[0.6294, 0.0940, 0.8176, 0.8824, 0.5228, 0.4310], [0.7152, 0.9559, 0.7893, 0.5684, 0.5939, 0.8883]], device).require_grad()
    x_2 = TestTensor.from_floats([[0.8491, 0.2108, 0.8939, 0.4433, 0.5527, 0.2528], [0.3270, 0.0412, 0.5538, 0.9605, 0.3195, 0.9085]], device).require_grad()
    optimizer = RmsPropConfig().with_alpha(0.99).with_epsilon(1e-8).with_weight_decay(WeightDecayConfig(0.05)).with_momentum(0.9).with_centered(False).init()
    grads = linear.forward(x_1).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    grads = linear.forward(x_2).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    weight_updated, bias_updated = (state_updated.weight.to_data(), state_updated.bias.to_data())
    weights_expected = TensorData([[0.743937, 0.743937, 0.743937, 0.743937, 0.743937, 0.743937], [0.783809, 0.783809, 0.783809, 0.783809, 0.783809, 0.783809], [0.742881, 0.742881, 0.742881, 0.742881, 0.742881, 0.742881], [0.740366, 0.740366, 0.740366, 0.740366, 0.740366, 0.740366], [0.748005, 0.748005, 0.748005, 0.748005, 0.748005, 0.748005], [0.743710, 0.743710, 0.743710, 0.743710, 0.743710, 0.743710]])
    bias_expected = TensorData([0.239199, 0.239199, 0.239199, 0.239199, 0.239199, 0.239199])
    tolerance = Tolerance.absolute(1e-6)
    bias_updated.assert_approx_eq(bias_expected, tolerance)
    weight_updated.assert_approx_eq(weights_expected, tolerance)


def test_rmsprop_optimizer_with_numbers(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[-0.3206, 0.1374, 0.4043, 0.3200, 0.0859, 0.0671], [0.0777, -0.0185, -0.3667, 0.2550, 0.1955, -0.2922], [-0.0190, 0.0346, -0.2962, 0.2484, -0.2780, 0.3130], [-0.2980, -0.2214, -0.3715, -0.2981, -0.0761, 0.1626], [0.3300, -0.2182, 0.3717, -0.1729, 0.3796, -0.0304], [-0.0159, -0.0120, 0.1258, 0.1921, 0.0293, 0.3833]]), TensorData([-0.3905, 0.0884, -0.0970, 0.1176, 0.1366, 0.0130]), device)
    x_1 = TestTensor.from_floats([[0.6294, 0.0940, 0.8176, 0.8824, 0.5228, 0.4310], [0.7152, 0.9559, 0.7893, 0.5684, 0.5939, 0.8883]], device).require_grad()
    x_2 = TestTensor.from_floats([[0.8491, 0.2108, 0.8939, 0.4433, 0.5527, 0.2528], [0.3270, 0.0412, 0.5538, 0.9605, 0.3195, 0.9085]], device).require_grad()
    optimizer = RmsPropConfig().with_alpha(0.99).with_epsilon(1e-8).with_weight_decay(WeightDecayConfig(0.05)).with_momentum(0.9).with_centered(False).init()
    grads = linear.forward(x_1).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    grads = linear.forward(x_2).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    weights_expected = TensorData([[-0.576399, -0.118494, 0.148353, 0.064070, -0.169983, -0.188779], [-0.135571, -0.231448, -0.578445, 0.041143, -0.018162, -0.504207], [-0.275990, -0.222397, -0.553153, -0.008625, -0.534956, 0.055967], [-0.557575, -0.480979, -0.631072, -0.557675, -0.335686, -0.096997], [0.078313, -0.469618, 0.119993, -0.424341, 0.127890, -0.281912], [-0.271996, -0.268097, -0.130324, -0.064037, -0.226805, 0.127126]])
    bias_expected = TensorData([-0.651299, -0.172400, -0.357800, -0.143200, -0.124200, -0.247800])
    weight_updated, bias_updated = (state_updated.weight.to_data(), state_updated.bias.to_data())
    tolerance = Tolerance.absolute(1e-6)
    bias_updated.assert_approx_eq(bias_expected, tolerance)
    weight_updated.assert_approx_eq(weights_expected, tolerance)
