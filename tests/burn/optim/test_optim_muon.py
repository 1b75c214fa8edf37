"""Burn's `crates/burn-optim/src/optim/muon.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)
TOLERANCE = 1e-8


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
