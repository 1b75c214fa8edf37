"""Burn's `crates/burn-nn/src/loss/cosine_embedding.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_cosine_embedding_loss_positive_target(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input1 = TestTensor.from_data(TensorData([[1.0, 0.0], [0.0, 1.0]]), device)
    input2 = TestTensor.from_data(TensorData([[1.0, 0.0], [0.0, 1.0]]), device)
    target = TestTensorInt.from_data(TensorData([1, 1]), device)
    loss = CosineEmbeddingLossConfig().init()
    loss_no_reduction = loss.forward_no_reduction(input1, input2, target)
    loss_mean = loss.forward(input1, input2, target)
    loss_sum = loss.forward(input1, input2, target)
    expected_no_reduction = TensorData([0.0, 0.0])
    loss_no_reduction.into_data().assert_approx_eq(expected_no_reduction, Tolerance.default())
    expected_mean = TensorData([0.0])
    loss_mean.into_data().assert_approx_eq(expected_mean, Tolerance.default())
    expected_sum = TensorData([0.0])
    loss_sum.into_data().assert_approx_eq(expected_sum, Tolerance.default())


def test_cosine_embedding_loss_negative_target(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input1 = TestTensor.from_data(TensorData([[1.0, 0.0], [0.0, 1.0]]), device)
    input2 = TestTensor.from_data(TensorData([[1.0, 0.0], [0.0, 1.0]]), device)
    target = TestTensorInt.from_data(TensorData([-1, -1]), device)
    loss = CosineEmbeddingLossConfig().init()
    loss_no_reduction = loss.forward_no_reduction(input1, input2, target)
    loss_mean = loss.forward(input1, input2, target)
    loss_sum_config = CosineEmbeddingLossConfig().with_reduction(Reduction.Sum)
    loss_sum = loss_sum_config.init().forward(input1, input2, target)
    expected_no_reduction = TensorData([1.0, 1.0])
    loss_no_reduction.into_data().assert_approx_eq(expected_no_reduction, Tolerance.default())
    expected_mean = TensorData([1.0])
    loss_mean.into_data().assert_approx_eq(expected_mean, Tolerance.default())
    expected_sum = TensorData([2.0])
    loss_sum.into_data().assert_approx_eq(expected_sum, Tolerance.default())
    loss_with_margin = CosineEmbeddingLossConfig().with_margin(0.5).init()
    loss_with_margin = loss_with_margin.forward(input1, input2, target)
    expected = TensorData([0.5])
    loss_with_margin.into_data().assert_approx_eq(expected, Tolerance.default())


def test_cosine_embedding_loss_mixed_targets(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    input1 = TestTensor.from_data(TensorData([[1.0, 0.0], [0.0, 1.0]]), device)
    input2 = TestTensor.from_data(TensorData([[1.0, 0.0], [0.0, 1.0]]), device)
    target = TestTensorInt.from_data(TensorData([1, -1]), device)
    loss = CosineEmbeddingLossConfig().init()
    loss_no_reduction = loss.forward_no_reduction(input1, input2, target)
    loss_mean = loss.forward(input1, input2, target)
    expected_no_reduction = TensorData([0.0, 1.0])
    loss_no_reduction.into_data().assert_approx_eq(expected_no_reduction, Tolerance.default())
    expected_mean = TensorData([0.5])
    loss_mean.into_data().assert_approx_eq(expected_mean, Tolerance.default())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = CosineEmbeddingLossConfig().with_margin(0.5)
    loss = config.init()
    assert_eq_(str(loss), "CosineEmbeddingLoss {margin: 0.5, reduction: Mean}" )
