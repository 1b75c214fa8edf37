"""Burn's `crates/burn-optim/src/optim/grad_accum.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def _fn_layer(device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return LinearConfig(20, 20).init(device)


def _fn_random_tensor(device):
    TestTensor, TestTensorInt, TestTensorBool, _ = current_env()
    return TestTensor.random([2, 20], Distribution.Default, device)


def test_accumulate_gradients_one_step(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    accumulator = GradientsAccumulator()
    layer = _fn_layer(device)
    loss = layer.forward(_fn_random_tensor(device))
    grads = GradientsParams.from_grads(loss.backward(), layer)
    accumulator.accumulate(layer, grads)
    grads = accumulator.grads()
    assert_(not ris_empty(grads))


def test_accumulate_gradients_two_steps(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    accumulator = GradientsAccumulator()
    layer = _fn_layer(device)
    loss_1 = layer.forward(_fn_random_tensor(device))
    loss_2 = layer.forward(_fn_random_tensor(device))
    grads_1 = GradientsParams.from_grads(loss_1.backward(), layer)
    grads_2 = GradientsParams.from_grads(loss_2.backward(), layer)
    accumulator.accumulate(layer, grads_1)
    accumulator.accumulate(layer, grads_2)
    grads = accumulator.grads()
    assert_eq_(len(grads), 2)
