"""Burn's `crates/burn-optim/src/optim/grads.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

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


def test_convert_grads(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    layer_1 = _fn_layer(device)
    layer_2 = layer_1
    layer_2 = layer_2.fork(device)
    loss_1 = layer_1.forward(_fn_random_tensor(device))
    loss_2 = layer_2.forward(_fn_random_tensor(device))
    grads_1 = GradientsParams.from_grads(loss_1.backward(), layer_1)
    grads_2 = GradientsParams.from_grads(loss_2.backward(), layer_2)
    param_ids_1 = list_param_ids(layer_1)
    param_ids_2 = list_param_ids(layer_2)
    assert_eq_(param_ids_1, param_ids_2)
    assert_eq_(len(grads_1), len(param_ids_1))
    assert_eq_(len(grads_2), len(param_ids_2))
