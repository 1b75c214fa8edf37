"""Burn's `crates/burn-nn/src/padding.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_padding_config_1d_calculate_pair_valid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    padding = PaddingConfig1d.Valid
    assert_eq_(padding.calculate_padding_1d_pair(10, 3, 1), (0, 0))


def test_padding_config_1d_calculate_pair_explicit(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    padding = PaddingConfig1d.Explicit(1, 2)
    assert_eq_(padding.calculate_padding_1d_pair(10, 3, 1), (1, 2))


def test_padding_config_1d_calculate_pair_same(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    padding = PaddingConfig1d.Same
    assert_eq_(padding.calculate_padding_1d_pair(10, 3, 1), (1, 1))


def test_padding_config_2d_calculate_pairs_valid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    padding = PaddingConfig2d.Valid
    assert_eq_(padding.calculate_padding_2d_pairs(10, 10, [3, 3], [1, 1]), ((0, 0), (0, 0)) )


def test_padding_config_2d_calculate_pairs_explicit(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    padding = PaddingConfig2d.Explicit(1, 2, 3, 4)
    assert_eq_(padding.calculate_padding_2d_pairs(10, 10, [3, 3], [1, 1]), ((1, 3), (2, 4)) )


def test_padding_config_2d_calculate_symmetric_valid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    padding = PaddingConfig2d.Valid
    assert_eq_(padding.calculate_padding_2d(10, 10, [3, 3], [1, 1]), [0, 0] )


def test_padding_config_2d_calculate_symmetric_explicit(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    padding = PaddingConfig2d.Explicit(2, 3, 2, 3)
    assert_eq_(padding.calculate_padding_2d(10, 10, [3, 3], [1, 1]), [2, 3] )


def test_padding_config_2d_calculate_symmetric_asymmetric_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['Explicit', 'calculate_padding_2d']):
        padding = PaddingConfig2d.Explicit(1, 2, 3, 4)
        _ = padding.calculate_padding_2d(10, 10, [3, 3], [1, 1])


def test_padding_config_3d_calculate_valid(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    padding = PaddingConfig3d.Valid
    assert_eq_(padding.calculate_padding_3d(10, 10, 10, [3, 3, 3], [1, 1, 1]), [0, 0, 0] )


def test_padding_config_3d_calculate_explicit(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    padding = PaddingConfig3d.Explicit(1, 2, 3)
    assert_eq_(padding.calculate_padding_3d(10, 10, 10, [3, 3, 3], [1, 1, 1]), [1, 2, 3] )


def test_padding_config_3d_calculate_same_odd_kernel(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    padding = PaddingConfig3d.Same
    assert_eq_(padding.calculate_padding_3d(10, 10, 10, [3, 3, 3], [1, 1, 1]), [1, 1, 1] )
