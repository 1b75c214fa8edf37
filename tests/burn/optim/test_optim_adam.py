"""Burn's `crates/burn-optim/src/optim/adam.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
LEARNING_RATE = 0.01


def _fn_create_adam():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    config = AdamConfig()
    return OptimizerAdaptor(Adam(momentum=AdaptiveMomentum(beta_1=config.beta_1, beta_2=config.beta_2, epsilon=config.epsilon, amsgrad=config.amsgrad), weight_decay=omap(config.weight_decay, WeightDecay.new)))


def _fn_given_linear_layer(weight, bias, device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return Linear(weight=Param.from_data(weight, device), bias=(Param.from_data(bias, device)))


def test_adam_optimizer_save_load_state(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = LinearConfig(6, 6).init(device)
    x = TestTensor.random([2, 6], Distribution.Default, device)
    optimizer = _fn_create_adam()
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    _linear = optimizer.step(LEARNING_RATE, linear, grads)
    bytes = optimizer.into_bytes()
    assert_(not ris_empty(bytes))
    #[cfg(feature = "std")] optimizer.save(env.temp_dir().as_path().join("test_optim_adam")) 
    state_optim_before = optimizer.to_record()
    optimizer = _fn_create_adam().from_bytes(bytes)
    state_optim_after = optimizer.to_record()
    assert_eq_(len(state_optim_before), len(state_optim_after))


def test_adam_state_survives_burnpack_round_trip(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = LinearConfig(6, 6).init(device)
    optimizer = AdamConfig().with_amsgrad(True).init()
    for i in range(1, 3 + 1):
        x = TestTensor.ones([2, 6], device).mul_scalar(i * 0.1).require_grad()
        grads = linear.forward(x).backward()
        grads = GradientsParams.from_grads(grads, linear)
        linear = optimizer.step(LEARNING_RATE, linear, grads)
    bytes = optimizer.into_bytes()
    reloaded = AdamConfig().with_amsgrad(True).init().from_bytes(bytes) 
    x = TestTensor.ones([2, 6], device).mul_scalar(0.4).require_grad()
    grads_original = GradientsParams.from_grads(linear.forward(x).backward(), linear)
    grads_reloaded = GradientsParams.from_grads(linear.forward(x).backward(), linear)
    from_original = optimizer.step(LEARNING_RATE, linear, grads_original)
    from_reloaded = reloaded.step(LEARNING_RATE, linear, grads_reloaded)
    weight_original = from_original.weight.to_data()
    weight_reloaded = from_reloaded.weight.to_data()
    weight_original.assert_approx_eq(weight_reloaded, Tolerance.absolute(1e-6))


def test_adam_optimizer_with_amsgrad_50_steps(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[-0.3206, 0.1374, 0.4043, 0.3200, 0.0859, 0.0671], [0.0777, -0.0185, -0.3667, 0.2550, 0.1955, -0.2922], [-0.0190, 0.0346, -0.2962, 0.2484, -0.2780, 0.3130], [-0.2980, -0.2214, -0.3715, -0.2981, -0.0761, 0.1626], [0.3300, -0.2182, 0.3717, -0.1729, 0.3796, -0.0304], [-0.0159, -0.0120, 0.1258, 0.1921, 0.0293, 0.3833]]), TensorData([-0.3905, 0.0884, -0.0970, 0.1176, 0.1366, 0.0130]), device)
    optimizer = AdamConfig().with_epsilon(1e-8).with_beta_1(0.9).with_beta_2(0.999).with_amsgrad(True).with_weight_decay((WeightDecayConfig(0.5))).init()
    for i in range(1, 50 + 1):
        x = TestTensor.ones([2, 6], device).mul_scalar(i * 0.1).require_grad()
        grads = linear.forward(x).backward()
        grads = GradientsParams.from_grads(grads, linear)
        linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    weight_updated = state_updated.weight.to_data()
    bias_updated = state_updated.bias.to_data()
    weights_expected = TensorData([[-0.9125810265541077, -0.45855265855789185, -0.1915993094444275, -0.2759990692138672, -0.5099529027938843, -0.5287043452262878], [-0.5181325674057007, -0.6139854788780212, -0.9574727416038513, -0.34102925658226013, -0.400514155626297, -0.8847861886024475], [-0.614483118057251, -0.5611032247543335, -0.8887064456939697, -0.34762972593307495, -0.8708556890487671, -0.2830044627189636], [-0.8904699683189392, -0.8151527643203735, -0.9621278643608093, -0.8905676603317261, -0.671261191368103, -0.4333854615688324], [-0.26599061489105225, -0.8119961023330688, -0.22424538433551788, -0.7672406435012817, -0.2163349837064743, -0.6258266568183899], [-0.611397922039032, -0.6075160503387451, -0.4701341986656189, -0.4039117991924286, -0.5663845539093018, -0.21262989938259125]])
    bias_expected = TensorData([-0.8817203044891357, -0.4038999378681183, -0.5889149308204651, -0.37475723028182983, -0.3557940721511841, -0.47914788126945496])
    tolerance = Tolerance.absolute(1e-5)
    weight_updated.assert_approx_eq(weights_expected, tolerance)
    bias_updated.assert_approx_eq(bias_expected, tolerance)


def test_adam_optimizer_with_numbers(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[-0.3206, 0.1374, 0.4043, 0.3200, 0.0859, 0.0671], [0.0777, -0.0185, -0.3667, 0.2550, 0.1955, -0.2922], [-0.0190, 0.0346, -0.2962, 0.2484, -0.2780, 0.3130], [-0.2980, -0.2214, -0.3715, -0.2981, -0.0761, 0.1626], [0.3300, -0.2182, 0.3717, -0.1729, 0.3796, -0.0304], [-0.0159, -0.0120, 0.1258, 0.1921, 0.0293, 0.3833]]), TensorData([-0.3905, 0.0884, -0.0970, 0.1176, 0.1366, 0.0130]), device)
    x_1 = TestTensor.from_floats([[0.6294, 0.0940, 0.8176, 0.8824, 0.5228, 0.4310], [0.7152, 0.9559, 0.7893, 0.5684, 0.5939, 0.8883]], device).require_grad()
    x_2 = TestTensor.from_floats([[0.8491, 0.2108, 0.8939, 0.4433, 0.5527, 0.2528], [0.3270, 0.0412, 0.5538, 0.9605, 0.3195, 0.9085]], device).require_grad()
    optimizer = AdamConfig().with_epsilon(1e-8).with_beta_1(0.9).with_beta_2(0.999).with_weight_decay((WeightDecayConfig(0.5))).init()
    grads = linear.forward(x_1).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    grads = linear.forward(x_2).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    weights_expected = TensorData([[-0.340528, 0.118929, 0.384336, 0.300010, 0.066034, 0.047154], [0.057757, -0.036690, -0.386649, 0.235010, 0.175624, -0.312133], [-0.038940, 0.016306, -0.316151, 0.228410, -0.297819, 0.293047], [-0.317929, -0.239100, -0.391449, -0.318087, -0.095948, 0.142651], [0.310050, -0.235909, 0.351736, -0.192888, 0.359710, -0.050343], [-0.035840, -0.030203, 0.105840, 0.172110, 0.009440, 0.363346]])
    bias_expected = TensorData([-0.410499, 0.068401, -0.116999, 0.097601, 0.116601, -0.006999])
    weight_updated, bias_updated = (state_updated.weight.to_data(), state_updated.bias.to_data())
    tolerance = Tolerance.absolute(1e-2)
    bias_updated.assert_approx_eq(bias_expected, tolerance)
    weight_updated.assert_approx_eq(weights_expected, tolerance)


def test_adam_optimizer_no_nan(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer(TensorData([[-0.3206, 0.1374, 0.4043, 0.3200, 0.0859, 0.0671], [0.0777, -0.0185, -0.3667, 0.2550, 0.1955, -0.2922], [-0.0190, 0.0346, -0.2962, 0.2484, -0.2780, 0.3130], [-0.2980, -0.2214, -0.3715, -0.2981, -0.0761, 0.1626], [0.3300, -0.2182, 0.3717, -0.1729, 0.3796, -0.0304], [-0.0159, -0.0120, 0.1258, 0.1921, 0.0293, 0.3833]]), TensorData([-0.3905, 0.0884, -0.0970, 0.1176, 0.1366, 0.0130]), device)
    x = TestTensor.from_floats([[0.8491, 0.2108, 0.8939, 0.4433, 0.5527, 0.2528], [0.3270, 0.0412, 0.5538, 0.9605, 0.3195, 0.9085]], device).require_grad()
    optimizer = AdamConfig().with_epsilon(1e-8).with_beta_1(0.9).with_beta_2(0.999).with_weight_decay((WeightDecayConfig(0.5))).init()
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(LEARNING_RATE, linear, grads)
    state_updated = linear
    assert_(not rnan(state_updated.weight.to_data().to_vec()[0]))
