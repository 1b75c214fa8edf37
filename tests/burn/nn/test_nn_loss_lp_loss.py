"""Burn's `crates/burn-nn/src/loss/lp_loss.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_lp_loss_l1_constructor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    loss_func_l1 = LpLossConfig.l1()
    loss_func_p1 = LpLossConfig(1.0).init()
    assert_eq_(loss_func_l1.p, 1.0)
    assert_eq_(loss_func_l1.p, loss_func_p1.p)


def test_lp_loss_l2_constructor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    loss_func_l2 = LpLossConfig.l2()
    loss_func_p2 = LpLossConfig(2.0).init()
    assert_eq_(loss_func_l2.p, 2.0)
    assert_eq_(loss_func_l2.p, loss_func_p2.p)


def test_lp_loss_l1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device)
    targets = TestTensor.from_data(TensorData([[2.0, 1.0], [3.0, 2.0]]), device)
    loss_func = LpLossConfig.l1()
    loss_no_reduction = loss_func.forward_no_reduction(predictions, targets)
    loss_auto = loss_func.forward(predictions, targets, Reduction.Auto)
    loss_sum = loss_func.forward(predictions, targets, Reduction.Sum)
    expected = TensorData([[1.0, 1.0], [0.0, 2.0]])
    loss_no_reduction.into_data().assert_eq(expected, False)
    expected = TensorData([1.0])
    loss_auto.into_data().assert_eq(expected, False)
    expected = TensorData([4.0])
    loss_sum.into_data().assert_eq(expected, False)


def test_lp_loss_l2(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device)
    targets = TestTensor.from_data(TensorData([[2.0, 1.0], [3.0, 2.0]]), device)
    loss_func = LpLossConfig.l2()
    loss_no_reduction = loss_func.forward_no_reduction(predictions, targets)
    loss_auto = loss_func.forward(predictions, targets, Reduction.Auto)
    loss_sum = loss_func.forward(predictions, targets, Reduction.Sum)
    expected = TensorData([[1.0, 1.0], [0.0, 4.0]])
    loss_no_reduction.into_data().assert_eq(expected, False)
    expected = TensorData([1.5])
    loss_auto.into_data().assert_eq(expected, False)
    expected = TensorData([6.0])
    loss_sum.into_data().assert_eq(expected, False)


def test_lp_loss_p_half(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device)
    targets = TestTensor.from_data(TensorData([[2.0, 1.0], [3.0, 0.0]]), device)
    loss_func = LpLossConfig(0.5).init()
    loss_no_reduction = loss_func.forward_no_reduction(predictions, targets)
    loss_auto = loss_func.forward(predictions, targets, Reduction.Auto)
    loss_sum = loss_func.forward(predictions, targets, Reduction.Sum)
    expected = TensorData([[1.0, 1.0], [0.0, 2.0]])
    loss_no_reduction.into_data().assert_eq(expected, False)
    expected = TensorData([1.0])
    loss_auto.into_data().assert_eq(expected, False)
    expected = TensorData([4.0])
    loss_sum.into_data().assert_eq(expected, False)


def test_lp_loss_p3(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device)
    targets = TestTensor.from_data(TensorData([[2.0, 1.0], [3.0, 2.0]]), device)
    loss_func = LpLossConfig(3.0).init()
    loss_no_reduction = loss_func.forward_no_reduction(predictions, targets)
    loss_auto = loss_func.forward(predictions, targets, Reduction.Auto)
    loss_sum = loss_func.forward(predictions, targets, Reduction.Sum)
    expected = TensorData([[1.0, 1.0], [0.0, 8.0]])
    loss_no_reduction.into_data().assert_eq(expected, False)
    expected = TensorData([2.5])
    loss_auto.into_data().assert_eq(expected, False)
    expected = TensorData([10.0])
    loss_sum.into_data().assert_eq(expected, False)


def test_lp_loss_zero_error(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device)
    targets = predictions
    loss_func_l1 = LpLossConfig.l1()
    loss_func_l2 = LpLossConfig.l2()
    l1_loss = loss_func_l1.forward(predictions, targets, Reduction.Auto)
    l2_loss = loss_func_l2.forward(predictions, targets, Reduction.Auto)
    expected = TensorData([0.0])
    l1_loss.into_data().assert_eq(expected, False)
    l2_loss.into_data().assert_eq(expected, False)


def test_lp_loss_negative_errors(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([1.0, 2.0, 3.0]), device)
    targets = TestTensor.from_data(TensorData([3.0, 4.0, 5.0]), device)
    loss_func_l1 = LpLossConfig.l1()
    loss_func_p1 = LpLossConfig(1.0).init()
    loss_no_reduction_l1 = loss_func_l1.forward_no_reduction(predictions, targets)
    loss_no_reduction_p1 = loss_func_p1.forward_no_reduction(predictions, targets)
    expected = TensorData([2.0, 2.0, 2.0])
    loss_no_reduction_l1.into_data().assert_eq(expected, False)
    loss_no_reduction_p1.into_data().assert_eq(expected, False)


def test_lp_loss_3d_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]), device)
    targets = TestTensor.from_data(TensorData([[[0.0, 2.0], [3.0, 5.0]], [[4.0, 6.0], [7.0, 10.0]]]), device)
    loss_func_l2 = LpLossConfig.l2()
    loss_func_p2 = LpLossConfig(2.0).init()
    loss_l2 = loss_func_l2.forward(predictions, targets, Reduction.Auto)
    loss_p2 = loss_func_p2.forward(predictions, targets, Reduction.Auto)
    expected = TensorData([0.875])
    loss_l2.into_data().assert_eq(expected, False)
    loss_p2.into_data().assert_eq(expected, False)


def test_lp_loss_negative_p_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init']):
        _ = LpLossConfig(-1.0).init()


def test_lp_loss_zero_p_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['init']):
        _ = LpLossConfig(0.0).init()


def test_lp_loss_fractional_p(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([0.0, 4.0]), device)
    targets = TestTensor.from_data(TensorData([1.0, 0.0]), device)
    loss_func = LpLossConfig(1.5).init()
    loss_no_reduction = loss_func.forward_no_reduction(predictions, targets)
    expected = TensorData([1.0, 8.0])
    loss_no_reduction.into_data().assert_eq(expected, False)


def test_forward_reduce_dims_single_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), device)
    targets = TestTensor.from_data(TensorData([[0.0, 2.0, 6.0], [1.0, 5.0, 6.0]]), device)
    loss_func_l2 = LpLossConfig.l2()
    loss_func_p2 = LpLossConfig(2.0).init()
    loss_l2 = loss_func_l2.forward_reduce_dims(predictions, targets, [1])
    loss_p2 = loss_func_p2.forward_reduce_dims(predictions, targets, [1])
    expected = TensorData([[10.0 / 3.0], [3.0]])
    loss_l2.into_data().assert_approx_eq(expected, Tolerance.default())
    loss_p2.into_data().assert_approx_eq(expected, Tolerance.default())


def test_forward_reduce_dims_first_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), device)
    targets = TestTensor.from_data(TensorData([[0.0, 2.0, 6.0], [1.0, 5.0, 6.0]]), device)
    loss_func = LpLossConfig.l2()
    loss = loss_func.forward_reduce_dims(predictions, targets, [0])
    expected = TensorData([[5.0, 0.0, 4.5]])
    loss.into_data().assert_approx_eq(expected, Tolerance.default())


def test_forward_reduce_dims_multiple_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]), device)
    targets = TestTensor.from_data(TensorData([[[0.0, 2.0], [3.0, 6.0]], [[4.0, 6.0], [7.0, 10.0]]]), device)
    loss_func = LpLossConfig.l2()
    loss = loss_func.forward_reduce_dims(predictions, targets, [1, 2])
    expected = TensorData([[[1.25]], [[1.25]]])
    loss.into_data().assert_approx_eq(expected, Tolerance.default())


def test_forward_reduce_dims_all_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device)
    targets = TestTensor.from_data(TensorData([[2.0, 1.0], [3.0, 2.0]]), device)
    loss_func = LpLossConfig.l2()
    loss = loss_func.forward_reduce_dims(predictions, targets, [0, 1])
    expected = TensorData([[1.5]])
    loss.into_data().assert_approx_eq(expected, Tolerance.default())


def test_forward_reduce_dims_image_batch(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[[[1.0, 2.0], [3.0, 4.0]]], [[[5.0, 6.0], [7.0, 8.0]]]]), device)
    targets = TestTensor.from_data(TensorData([[[[0.0, 2.0], [3.0, 6.0]]], [[[5.0, 5.0], [7.0, 7.0]]]]), device)
    loss_func = LpLossConfig.l2()
    loss = loss_func.forward_reduce_dims(predictions, targets, [1, 2, 3])
    expected = TensorData([[[[1.25]]], [[[0.5]]]])
    loss.into_data().assert_approx_eq(expected, Tolerance.default())


def test_forward_reduce_dims_with_p1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), device)
    targets = TestTensor.from_data(TensorData([[0.0, 5.0, 3.0], [1.0, 5.0, 9.0]]), device)
    loss_func = LpLossConfig.l1()
    loss = loss_func.forward_reduce_dims(predictions, targets, [1])
    expected = TensorData([[4.0 / 3.0], [2.0]])
    loss.into_data().assert_approx_eq(expected, Tolerance.default())


def test_forward_reduce_dims_zero_error(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]), device)
    targets = predictions
    loss_func = LpLossConfig.l2()
    loss = loss_func.forward_reduce_dims(predictions, targets, [1, 2])
    expected = TensorData([[[0.0]], [[0.0]]])
    loss.into_data().assert_eq(expected, False)


def test_forward_reduce_dims_negative_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    predictions = TestTensor.from_data(TensorData([[[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]]]), device)
    targets = TestTensor.zeros([2, 2, 2], device)
    loss_func = LpLossConfig.l2()
    expected = loss_func.forward_reduce_dims(predictions, targets, [1, 2])
    output = loss_func.forward_reduce_dims(predictions, targets, [-2, -1])
    output.into_data().assert_approx_eq(expected.into_data(), Tolerance.default())
