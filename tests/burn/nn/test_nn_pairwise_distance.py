"""Burn's `crates/burn-nn/src/modules/pairwise_distance.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_pairwise_distance_p2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    x1 = TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device)
    x2 = TestTensor.from_data(TensorData([[1.0, 1.0], [0.0, 0.0]]), device)
    output = PairwiseDistanceConfig().init().forward(x1, x2)
    expected = TensorData([1.0, 5.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_pairwise_distance_p1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    x1 = TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device)
    x2 = TestTensor.from_data(TensorData([[1.0, 1.0], [0.0, 0.0]]), device)
    output = PairwiseDistanceConfig().with_p(1.0).init().forward(x1, x2)
    expected = TensorData([1.0, 7.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    layer = PairwiseDistanceConfig().with_p(2.0).with_eps(0.5).init()
    assert_eq_(str(layer), "PairwiseDistance {p: 2, eps: 0.5}" )
