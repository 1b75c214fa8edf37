"""Burn's `crates/burn-optim/src/optim/adam.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
LEARNING_RATE = 0.01


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
