"""Burn's `crates/burn-optim/src/optim/muon.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
TOLERANCE = 1e-8


def _fn_given_linear_layer_no_bias(weight):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return Linear(weight=Param.from_data(weight, device), bias=None)


def test_adjust_lr_fn_original(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    method = AdjustLrFn.Original
    ratio = method.adjustment_ratio([512, 512])
    assert_(abs((ratio - 1.0)) < TOLERANCE)
    ratio = method.adjustment_ratio([1024, 512])
    expected = math.sqrt(2.0)
    assert_(abs((ratio - expected)) < TOLERANCE)
    ratio = method.adjustment_ratio([512, 1024])
    assert_(abs((ratio - 1.0)) < TOLERANCE)


def test_adjust_lr_fn_match_rms_adamw(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    method = AdjustLrFn.MatchRmsAdamW
    ratio = method.adjustment_ratio([1024, 512])
    expected = 0.2 * math.sqrt(1024.0)
    assert_(abs((ratio - expected)) < TOLERANCE)
    ratio = method.adjustment_ratio([512, 512])
    expected = 0.2 * math.sqrt(512.0)
    assert_(abs((ratio - expected)) < TOLERANCE)


def test_1d_tensor_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['step']):
        device = device
        config = MuonConfig()
        optim = Muon(momentum=Momentum(config.momentum), ns_params=NewtonSchulzParams(config.ns_coefficients, config.ns_steps), weight_decay_penalty=None, epsilon=config.epsilon, adjust_lr_fn=config.adjust_lr_fn)
        tensor_1d = TestTensor.zeros([512], device)
        grad_1d = TestTensor.ones([512], device)
        _ = optim.step(0.01, tensor_1d, grad_1d, None)


def test_muon_optimizer_save_load_state(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = LinearConfig(6, 6).with_bias(False).init(device)
    x = TestTensor.random([2, 6], Distribution.Default, device)
    optimizer = MuonConfig().init()
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    _linear = optimizer.step(0.01, linear, grads)
    state_before = optimizer.to_record()
    bytes = optimizer.into_bytes()
    optimizer_loaded = MuonConfig().init().from_bytes(bytes)
    state_after = optimizer_loaded.to_record()
    assert_eq_(len(state_before), len(state_after))


def test_muon_with_weight_decay(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    linear = _fn_given_linear_layer_no_bias(TensorData([[1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0], [1.0, 1.0, 1.0, 1.0]]))
    x = TestTensor.from_floats([[0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5]], device).require_grad()
    optimizer = MuonConfig().with_weight_decay((WeightDecayConfig(0.01))).init()
    grads = linear.forward(x).backward()
    grads = GradientsParams.from_grads(grads, linear)
    linear = optimizer.step(0.01, linear, grads)
    state = linear
    weight = state.weight.to_data()
    for val in weight.to_vec():
        assert_(val < 1.0)


def test_newton_schulz_orthogonalization(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    matrix = TestTensor.from_floats([[1.0, 0.5], [0.5, 1.0]], device)
    config = MuonConfig()
    muon = Muon(momentum=Momentum(config.momentum), ns_params=NewtonSchulzParams(config.ns_coefficients, config.ns_steps), weight_decay_penalty=None, epsilon=config.epsilon, adjust_lr_fn=config.adjust_lr_fn)
    orthogonalized = muon.zeropower_via_newtonschulz(matrix)
    o_t = orthogonalized.transpose()
    product = orthogonalized.matmul(o_t)
    data = product.into_data()
    values = data.to_vec()
    assert_(abs((values[0] - 1.0)) < 0.1)
    assert_(abs((values[3] - 1.0)) < 0.1)


def test_tall_matrix_transpose(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tall_matrix = TestTensor.from_floats([[1.0, 0.5, 0.3, 0.2], [0.5, 1.0, 0.4, 0.1], [0.3, 0.4, 1.0, 0.5], [0.2, 0.1, 0.5, 1.0], [0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1], [0.2, 0.4, 0.1, 0.3], [0.3, 0.1, 0.4, 0.2]], device)
    config = MuonConfig()
    muon = Muon(momentum=Momentum(config.momentum), ns_params=NewtonSchulzParams(config.ns_coefficients, config.ns_steps), weight_decay_penalty=None, epsilon=config.epsilon, adjust_lr_fn=config.adjust_lr_fn)
    orthogonalized = muon.zeropower_via_newtonschulz(tall_matrix)
    original_shape = tall_matrix.shape()
    result_shape = orthogonalized.shape()
    assert_eq_(original_shape.dims, result_shape.dims)
    original_data = tall_matrix.into_data()
    result_data = orthogonalized.into_data()
    assert_ne_(original_data.to_vec(), result_data.to_vec())
    wide_matrix = TestTensor.from_floats([[1.0, 0.5, 0.3, 0.2, 0.1, 0.4, 0.2, 0.3], [0.5, 1.0, 0.4, 0.1, 0.2, 0.3, 0.4, 0.1], [0.3, 0.4, 1.0, 0.5, 0.3, 0.2, 0.1, 0.4], [0.2, 0.1, 0.5, 1.0, 0.4, 0.1, 0.3, 0.2]], device)
    orthogonalized_wide = muon.zeropower_via_newtonschulz(wide_matrix)
    wide_original_shape = wide_matrix.shape()
    wide_result_shape = orthogonalized_wide.shape()
    assert_eq_(wide_original_shape.dims, wide_result_shape.dims)


def test_zero_gradient(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_floats([[1.0, 0.5, 0.3, 0.2], [0.5, 1.0, 0.4, 0.1], [0.3, 0.4, 1.0, 0.5], [0.2, 0.1, 0.5, 1.0]], device)
    zero_grad = TestTensor.zeros([4, 4], device)
    config = MuonConfig()
    muon = Muon(momentum=Momentum(config.momentum), ns_params=NewtonSchulzParams(config.ns_coefficients, config.ns_steps), weight_decay_penalty=None, epsilon=config.epsilon, adjust_lr_fn=config.adjust_lr_fn)
    updated_tensor, state = muon.step(0.01, tensor, zero_grad, None)
    assert_((state is not None))
    original_data = tensor.into_data()
    updated_data = updated_tensor.into_data()
    original_vals = original_data.to_vec()
    updated_vals = updated_data.to_vec()
    for orig, upd in zip(iter(original_vals), iter(updated_vals)):
        assert_(abs((orig - upd)) < 1e-6)
    for val in updated_vals:
        assert_(not rnan(val))
    muon_with_decay = Muon(momentum=Momentum(config.momentum), ns_params=NewtonSchulzParams(config.ns_coefficients, config.ns_steps), weight_decay_penalty=(0.01), epsilon=config.epsilon, adjust_lr_fn=config.adjust_lr_fn)
    tensor2 = TestTensor.from_floats([[1.0, 0.5, 0.3, 0.2], [0.5, 1.0, 0.4, 0.1], [0.3, 0.4, 1.0, 0.5], [0.2, 0.1, 0.5, 1.0]], device)
    zero_grad2 = TestTensor.zeros([4, 4], device)
    updated_tensor_decay, _ = muon_with_decay.step(0.01, tensor2, zero_grad2, None)
    updated_decay_data = updated_tensor_decay.into_data()
    updated_decay_vals = updated_decay_data.to_vec()
    for val in updated_decay_vals:
        assert_(not rnan(val))
    original_vals2 = tensor2.into_data().to_vec()
    for orig, upd in zip(iter(original_vals2), iter(updated_decay_vals)):
        if abs(orig) > 1e-6:
            assert_(abs(upd) < abs(orig))
