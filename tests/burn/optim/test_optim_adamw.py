"""Burn's `crates/burn-optim/src/optim/adamw.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
LEARNING_RATE = 0.01


def _fn_create_adamw():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    config = AdamWConfig()
    return OptimizerAdaptor(AdamW(momentum=AdaptiveMomentumW(beta_1=config.beta_1, beta_2=config.beta_2, epsilon=config.epsilon, amsgrad=config.amsgrad), weight_decay=config.weight_decay, cautious_weight_decay=False))


def _fn_given_linear_layer(weight, bias, device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return Linear(weight=Param.from_data(weight, device), bias=(Param.from_data(bias, device)))


def test_adamw_optimizer_save_load_state(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = LinearConfig(6, 6).init(device)
    x = TestTensor.random([2, 6], Distribution.Default, device)
    optimizer = _fn_create_adamw()
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    _linear = optimizer.step(LEARNING_RATE, linear, grads)
    bytes = optimizer.into_bytes()
    assert_(not ris_empty(bytes))
    #[cfg(feature = "std")] optimizer.save(env.temp_dir().as_path().join("test_optim_adamw")) 
    state_optim_before = optimizer.to_record()
    optimizer = _fn_create_adamw().from_bytes(bytes)
    state_optim_after = optimizer.to_record()
    assert_eq_(len(state_optim_before), len(state_optim_after))


def test_adamw_optimizer_with_amsgrad_50_steps(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[-0.3206, 0.1374, 0.4043, 0.3200, 0.0859, 0.0671], [0.0777, -0.0185, -0.3667, 0.2550, 0.1955, -0.2922], [-0.0190, 0.0346, -0.2962, 0.2484, -0.2780, 0.3130], [-0.2980, -0.2214, -0.3715, -0.2981, -0.0761, 0.1626], [0.3300, -0.2182, 0.3717, -0.1729, 0.3796, -0.0304], [-0.0159, -0.0120, 0.1258, 0.1921, 0.0293, 0.3833]]), TensorData([-0.3905, 0.0884, -0.0970, 0.1176, 0.1366, 0.0130]), device)
    optimizer = AdamWConfig().with_epsilon(1e-8).with_beta_1(0.9).with_beta_2(0.999).with_amsgrad(True).with_weight_decay(0.5).init()
    for i in range(1, 50 + 1):
        x = TestTensor.ones([2, 6], device).mul_scalar(i * 0.1).require_grad()
        grads = linear.forward(x).backward()
        grads = GradientsParams.from_grads(grads, linear)
        linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    weight_updated = state_updated.weight.to_data()
    bias_updated = state_updated.bias.to_data()
    weights_expected = TensorData([[-0.7822558283805847, -0.42578864097595215, -0.21805696189403534, -0.28366872668266296, -0.46587175130844116, -0.4805040955543518], [-0.4722539782524109, -0.5471276640892029, -0.8181359767913818, -0.33425918221473694, -0.3805687427520752, -0.7601516842842102], [-0.5475167632102966, -0.5057991743087769, -0.763265073299408, -0.3393959403038025, -0.7490996718406677, -0.28911691904067993], [-0.7646660208702087, -0.7050473093986511, -0.8218720555305481, -0.7647438049316406, -0.5919585227966309, -0.40617525577545166], [-0.27588561177253723, -0.7025567889213562, -0.24343004822731018, -0.6672990918159485, -0.23728127777576447, -0.556389570236206], [-0.5451040267944336, -0.5420684814453125, -0.4348171353340149, -0.3832150399684906, -0.5099242925643921, -0.23440153896808624]])
    bias_expected = TensorData([-0.7473056316375732, -0.3745720386505127, -0.5188710689544678, -0.35184532403945923, -0.33705732226371765, -0.4332566559314728])
    tolerance = Tolerance.absolute(1e-5)
    weight_updated.assert_approx_eq(weights_expected, tolerance)
    bias_updated.assert_approx_eq(bias_expected, tolerance)


def test_adamw_optimizer_with_numbers(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[-0.3206, 0.1374, 0.4043, 0.3200, 0.0859, 0.0671], [0.0777, -0.0185, -0.3667, 0.2550, 0.1955, -0.2922], [-0.0190, 0.0346, -0.2962, 0.2484, -0.2780, 0.3130], [-0.2980, -0.2214, -0.3715, -0.2981, -0.0761, 0.1626], [0.3300, -0.2182, 0.3717, -0.1729, 0.3796, -0.0304], [-0.0159, -0.0120, 0.1258, 0.1921, 0.0293, 0.3833]]), TensorData([-0.3905, 0.0884, -0.0970, 0.1176, 0.1366, 0.0130]), device)
    x_1 = TestTensor.from_floats([[0.6294, 0.0940, 0.8176, 0.8824, 0.5228, 0.4310], [0.7152, 0.9559, 0.7893, 0.5684, 0.5939, 0.8883]], device).require_grad()
    x_2 = TestTensor.from_floats([[0.8491, 0.2108, 0.8939, 0.4433, 0.5527, 0.2528], [0.3270, 0.0412, 0.5538, 0.9605, 0.3195, 0.9085]], device).require_grad()
    optimizer = AdamWConfig().with_epsilon(1e-8).with_beta_1(0.9).with_beta_2(0.999).with_weight_decay(0.5).init()
    grads = linear.forward(x_1).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    grads = linear.forward(x_2).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    weights_expected = TensorData([[-0.337295, 0.117827, 0.380358, 0.296868, 0.065232, 0.046534], [0.057032, -0.036518, -0.382951, 0.232516, 0.173738, -0.309182], [-0.038703, 0.016052, -0.313155, 0.225982, -0.295039, 0.289981], [-0.314920, -0.237394, -0.387704, -0.315067, -0.095153, 0.141081], [0.306815, -0.234226, 0.348083, -0.191115, 0.356002, -0.049993], [-0.035634, -0.030083, 0.104636, 0.170244, 0.009196, 0.359580]])
    bias_expected = TensorData([-0.406555, 0.067568, -0.115982, 0.096477, 0.115287, -0.007080])
    weight_updated, bias_updated = (state_updated.weight.to_data(), state_updated.bias.to_data())
    tolerance = Tolerance.absolute(1e-2)
    bias_updated.assert_approx_eq(bias_expected, tolerance)
    weight_updated.assert_approx_eq(weights_expected, tolerance)


def test_adamw_optimizer_with_numbers_cautious(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[-0.3206, 0.1374, 0.4043, 0.3200, 0.0859, 0.0671], [0.0777, -0.0185, -0.3667, 0.2550, 0.1955, -0.2922], [-0.0190, 0.0346, -0.2962, 0.2484, -0.2780, 0.3130], [-0.2980, -0.2214, -0.3715, -0.2981, -0.0761, 0.1626], [0.3300, -0.2182, 0.3717, -0.1729, 0.3796, -0.0304], [-0.0159, -0.0120, 0.1258, 0.1921, 0.0293, 0.3833]]), TensorData([-0.3905, 0.0884, -0.0970, 0.1176, 0.1366, 0.0130]), device)
    x_1 = TestTensor.from_floats([[0.6294, 0.0940, 0.8176, 0.8824, 0.5228, 0.4310], [0.7152, 0.9559, 0.7893, 0.5684, 0.5939, 0.8883]], device).require_grad()
    x_2 = TestTensor.from_floats([[0.8491, 0.2108, 0.8939, 0.4433, 0.5527, 0.2528], [0.3270, 0.0412, 0.5538, 0.9605, 0.3195, -0.9085]], device).require_grad()
    optimizer = AdamWConfig().with_cautious_weight_decay(True).with_epsilon(1e-8).with_beta_1(0.9).with_beta_2(0.999).with_weight_decay(0.5).init()
    grads = linear.forward(x_1).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    grads = linear.forward(x_2).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    weights_expected = TensorData([[-0.337295, 0.117827, 0.380358, 0.296868, 0.065232, 0.046534], [0.057032, -0.036518, -0.382951, 0.232516, 0.173738, -0.309182], [-0.038703, 0.016052, -0.313155, 0.225982, -0.295039, 0.289981], [-0.314920, -0.237394, -0.387704, -0.315067, -0.095153, 0.141081], [0.306815, -0.234226, 0.348083, -0.191115, 0.356002, -0.049993], [-0.035634, -0.030083, 0.104636, 0.170244, 0.009196, 0.37061332]])
    bias_expected = TensorData([-0.406555, 0.067568, -0.115982, 0.096477, 0.115287, -0.007080])
    weight_updated, bias_updated = (state_updated.weight.to_data(), state_updated.bias.to_data())
    tolerance = Tolerance.absolute(1e-2)
    bias_updated.assert_approx_eq(bias_expected, tolerance)
    weight_updated.assert_approx_eq(weights_expected, tolerance)


def test_adam_optimizer_no_nan(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[-0.3206, 0.1374, 0.4043, 0.3200, 0.0859, 0.0671], [0.0777, -0.0185, -0.3667, 0.2550, 0.1955, -0.2922], [-0.0190, 0.0346, -0.2962, 0.2484, -0.2780, 0.3130], [-0.2980, -0.2214, -0.3715, -0.2981, -0.0761, 0.1626], [0.3300, -0.2182, 0.3717, -0.1729, 0.3796, -0.0304], [-0.0159, -0.0120, 0.1258, 0.1921, 0.0293, 0.3833]]), TensorData([-0.3905, 0.0884, -0.0970, 0.1176, 0.1366, 0.0130]), device)
    x = TestTensor.from_floats([[0.8491, 0.2108, 0.8939, 0.4433, 0.5527, 0.2528], [0.3270, 0.0412, 0.5538, 0.9605, 0.3195, 0.9085]], device).require_grad()
    optimizer = AdamWConfig().with_epsilon(1e-8).with_beta_1(0.9).with_beta_2(0.999).with_weight_decay(0.5).init()
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    assert_(not rnan(state_updated.weight.to_data().to_vec()[0]))
