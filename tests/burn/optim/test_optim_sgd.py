"""Burn's `crates/burn-optim/src/optim/sgd.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
LEARNING_RATE = 0.02


def _fn_layer(device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return LinearConfig(20, 20).init(device)


def _fn_sgd_with_all():
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return SgdConfig(weight_decay=(WeightDecayConfig(penalty=0.05)), momentum=(MomentumConfig(momentum=0.9, dampening=0.1, nesterov=True)), gradient_clipping=None).init()


def _fn_random_tensor(device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return TestTensor.random(Shape([2, 20]), Distribution.Default, device)


def test_with_updated_params_should_have_state(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    layer = _fn_layer(device)
    optim = _fn_sgd_with_all()
    loss = layer.forward(_fn_random_tensor(device))
    grads = loss.backward()
    grads = GradientsParams.from_grads(grads, layer)
    _layer = optim.step(LEARNING_RATE, layer, grads)
    record = optim.to_record()
    assert_(not ris_empty(record))


def test_without_updated_params_should_not_have_state(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    optim = _fn_sgd_with_all()
    record = optim.to_record()
    assert_(ris_empty(record))


def test_can_attach_gradient_clipping(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    optim = _fn_sgd_with_all().with_grad_clipping(GradientClipping.Value(0.5))
    assert_(optim.has_gradient_clipping())


def test_should_load_state(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    layer = _fn_layer(device)
    optim = _fn_sgd_with_all()
    loss = layer.forward(_fn_random_tensor(device))
    grads = loss.backward()
    grads = GradientsParams.from_grads(grads, layer)
    _layer = optim.step(LEARNING_RATE, layer, grads)
    record = optim.to_record()
    bytes = optim.into_bytes()
    optim_new = _fn_sgd_with_all()
    record_new = optim_new.to_record()
    optim_new = optim_new.from_bytes(bytes)
    state_restored = optim_new.to_record()
    assert_ne_(len(record), len(record_new))
    assert_eq_(len(record), len(state_restored))
