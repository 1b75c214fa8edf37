"""Burn's `crates/burn-nn/src/loss/smooth_l1.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_smooth_l1_config_default_beta(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    loss = SmoothL1LossConfig().init()
    assert_eq_(loss.beta, 1.0)


def test_smooth_l1_config_custom_beta(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    loss = SmoothL1LossConfig().with_beta(2.5).init()
    assert_eq_(loss.beta, 2.5)


def test_smooth_l1_config_beta_zero_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['with_beta', 'init']):
        SmoothL1LossConfig().with_beta(0.0).init()


def test_smooth_l1_config_beta_negative_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['with_beta', 'init']):
        SmoothL1LossConfig().with_beta(-1.0).init()


def test_smooth_l1_forward_l2_region(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().init()
    predictions = TestTensor.from_data(TensorData([[0.0, 0.5]]), device)
    targets = TestTensor.from_data(TensorData([[0.0, 0.0]]), device)
    output = loss.forward(predictions, targets)
    expected = TensorData([[0.0, 0.125]])
    output.into_data().assert_eq(expected, False)


def test_smooth_l1_forward_l1_region(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().init()
    predictions = TestTensor.from_data(TensorData([[0.0, 2.0]]), device)
    targets = TestTensor.from_data(TensorData([[0.0, 0.0]]), device)
    output = loss.forward(predictions, targets)
    expected = TensorData([[0.0, 1.5]])
    output.into_data().assert_eq(expected, False)


def test_smooth_l1_forward_zero_error(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().init()
    predictions = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0]]), device)
    targets = predictions
    output = loss.forward(predictions, targets)
    expected = TensorData([[0.0, 0.0, 0.0]])
    output.into_data().assert_eq(expected, False)


def test_smooth_l1_forward_negative_errors(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().init()
    predictions = TestTensor.from_data(TensorData([-3.0]), device)
    targets = TestTensor.zeros([1], device)
    output = loss.forward(predictions, targets)
    expected = TensorData([2.5])
    output.into_data().assert_eq(expected, False)


def test_smooth_l1_forward_mixed_regions(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().init()
    predictions = TestTensor.from_data(TensorData([0.5, 1.5, 3.0]), device)
    targets = TestTensor.zeros([3], device)
    output = loss.forward(predictions, targets)
    expected = TensorData([0.125, 1.0, 2.5])
    output.into_data().assert_eq(expected, False)


def test_smooth_l1_custom_beta_values(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().with_beta(0.5).init()
    predictions = TestTensor.from_data(TensorData([0.25, 1.0]), device)
    targets = TestTensor.zeros([2], device)
    output = loss.forward(predictions, targets)
    expected = TensorData([0.0625, 0.75])
    output.into_data().assert_eq(expected, False)


def test_smooth_l1_reduction_mean(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().init()
    predictions = TestTensor.from_data(TensorData([[0.5, 2.0]]), device)
    targets = TestTensor.from_data(TensorData([[0.0, 0.0]]), device)
    output = loss.forward_with_reduction(predictions, targets, Reduction.Mean)
    expected = TensorData([0.8125])
    output.into_data().assert_eq(expected, False)


def test_smooth_l1_reduction_sum(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().init()
    predictions = TestTensor.from_data(TensorData([[0.5, 2.0]]), device)
    targets = TestTensor.from_data(TensorData([[0.0, 0.0]]), device)
    output = loss.forward_with_reduction(predictions, targets, Reduction.Sum)
    expected = TensorData([1.625])
    output.into_data().assert_eq(expected, False)


def test_smooth_l1_reduction_auto_equals_mean(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().init()
    predictions = TestTensor.from_data(TensorData([2.0]), device)
    targets = TestTensor.zeros([1], device)
    mean_out = loss.forward_with_reduction(predictions, targets, Reduction.Mean)
    auto_out = loss.forward_with_reduction(predictions, targets, Reduction.Auto)
    mean_out.into_data().assert_eq(auto_out.into_data(), False)


def test_smooth_l1_forward_reduce_dims_single_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().with_beta(2.0).init()
    predictions = TestTensor.from_data(TensorData([[0.0, 1.0, 4.0], [5.0, 5.0, 5.0]]), device)
    targets = TestTensor.from_data(TensorData([[0.0, 0.0, 0.0], [5.0, 5.0, 5.0]]), device)
    output = loss.forward_reduce_dims(predictions, targets, [1])
    expected = TensorData([[3.25 / 3.0], [0.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_smooth_l1_forward_reduce_dims_image_batch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().init()
    predictions = TestTensor.from_data(TensorData([[[[0.5, 2.0], [0.0, 3.0]]], [[[1.0, 0.0], [0.5, 1.5]]]]), device)
    targets = TestTensor.zeros([2, 1, 2, 2], device)
    output = loss.forward_reduce_dims(predictions, targets, [1, 2, 3])
    expected = TensorData([[[[1.03125]]], [[[0.40625]]]])
    output.into_data().assert_eq(expected, False)


def test_smooth_l1_forward_reduce_dims_unsorted(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().init()
    predictions = TestTensor.from_data(TensorData([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]), device)
    targets = TestTensor.zeros([2, 2, 2], device)
    output = loss.forward_reduce_dims(predictions, targets, [2, 1])
    expected_output = loss.forward_reduce_dims(predictions, targets, [1, 2])
    output.into_data().assert_eq(expected_output.into_data(), False)


def test_smooth_l1_forward_reduce_dims_negative_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    loss = SmoothL1LossConfig().init()
    predictions = TestTensor.from_data(TensorData([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]), device)
    targets = TestTensor.zeros([2, 2, 2], device)
    expected = loss.forward_reduce_dims(predictions, targets, [1, 2])
    output = loss.forward_reduce_dims(predictions, targets, [-2, -1])
    output.into_data().assert_approx_eq(expected.into_data(), Tolerance.default())
