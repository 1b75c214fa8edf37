"""Burn's `crates/burn-nn/src/modules/norm/normalization_wrapper.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_match_feature_size(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = NormalizationConfig.from_(BatchNormConfig(0))
    assert_eq_(config.num_features(), 0)
    config = config.with_num_features(12)
    assert_eq_(config.num_features(), 12)
    config = NormalizationConfig.from_(GroupNormConfig(4, 0))
    assert_eq_(config.num_features(), 0)
    config = config.with_num_features(12)
    assert_eq_(config.num_features(), 12)
    config = NormalizationConfig.from_(InstanceNormConfig(0))
    assert_eq_(config.num_features(), 0)
    config = config.with_num_features(12)
    assert_eq_(config.num_features(), 12)
    config = NormalizationConfig.from_(LayerNormConfig(0))
    assert_eq_(config.num_features(), 0)
    config = config.with_num_features(12)
    assert_eq_(config.num_features(), 12)
    config = NormalizationConfig.from_(RmsNormConfig(0))
    assert_eq_(config.num_features(), 0)
    config = config.with_num_features(12)
    assert_eq_(config.num_features(), 12)


def test_identity_norm(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    num_features = 12
    input = expect_rank(TestTensor.ones([2, num_features, 3, 4], device), 4, 'TestTensor.ones([2, num_features, 3, 4], device)')
    config = NormalizationConfig.Identity()
    layer = config.init(device)
    assert_eq_(layer.num_features(), 0)
    expected = input
    output = layer.forward(input)
    output.to_data().assert_eq(expected.to_data(), True)
