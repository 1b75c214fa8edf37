"""Burn's `autodiff/gather_scatter_nd.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_scatter_nd_add_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([[10.0, 20.0, 30.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[10.0, 20.0, 30.0]]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[1]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Add), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Add)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0]]), False)


def test_scatter_nd_assign_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([[10.0, 20.0, 30.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[10.0, 20.0, 30.0]]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[1]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Assign), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Assign)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0]]), False)


def test_gather_nd_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[0], [2]]), device)
    result = expect_rank(data.gather_nd(indices), 2, 'data.gather_nd(indices)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]), False)


def test_scatter_nd_add_grad_k_equals_d(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([10.0, 20.0]), device).require_grad(), 1, 'TestTensor.from_data(TensorData([10.0, 20.0]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[0, 1], [1, 0]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Add), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Add)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 1.0], [1.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([1.0, 1.0]), False)


def test_gather_nd_grad_k_equals_d(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[0, 1], [1, 0]]), device)
    result = expect_rank(data.gather_nd(indices), 1, 'data.gather_nd(indices)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[0.0, 1.0], [1.0, 0.0]]), False)


def test_scatter_nd_mul_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([[10.0, 20.0, 30.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[10.0, 20.0, 30.0]]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[1]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Mul), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Mul)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0], [10.0, 20.0, 30.0], [1.0, 1.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([[4.0, 5.0, 6.0]]), False)


def test_scatter_nd_max_grad_data_wins(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0, 3.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0, 3.0]]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[1]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Max), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Max)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0], [1.0, 1.0, 1.0], [1.0, 1.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([[0.0, 0.0, 0.0]]), False)


def test_scatter_nd_max_grad_values_win(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([[10.0, 20.0, 30.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[10.0, 20.0, 30.0]]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[1]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Max), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Max)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0]]), False)


def test_scatter_nd_max_grad_tie(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([[1.0, 5.0, 10.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 5.0, 10.0]]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[1]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Max), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Max)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0], [1.0, 1.0, 0.0], [1.0, 1.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([[0.0, 1.0, 1.0]]), False)


def test_scatter_nd_min_grad(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0, 3.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0, 3.0]]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[1]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Min), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Min)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0], [0.0, 0.0, 0.0], [1.0, 1.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0]]), False)


def test_scatter_nd_min_grad_tie(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0], [7.0, 8.0, 9.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([[1.0, 5.0, 10.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 5.0, 10.0]]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[1]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Min), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Min)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 1.0, 1.0], [0.0, 1.0, 1.0], [1.0, 1.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([[1.0, 1.0, 0.0]]), False)


def test_scatter_nd_max_grad_k_equals_d(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([10.0, 1.0]), device).require_grad(), 1, 'TestTensor.from_data(TensorData([10.0, 1.0]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[0, 1], [1, 0]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Max), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Max)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 0.0], [1.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([1.0, 0.0]), False)


def test_scatter_nd_mul_grad_k_equals_d(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([10.0, 20.0]), device).require_grad(), 1, 'TestTensor.from_data(TensorData([10.0, 20.0]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[0, 1], [1, 0]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Mul), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Mul)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 10.0], [20.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([2.0, 3.0]), False)


def test_scatter_nd_mul_grad_only_data_tracked(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([10.0]), device), 1, 'TestTensor.from_data(TensorData([10.0]), device)')
    indices = TestTensorInt.from_data(TensorData([[0, 1]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Mul), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Mul)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 10.0], [1.0, 1.0]]), False)


def test_scatter_nd_mul_grad_only_values_tracked(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device)')
    values = expect_rank(TestTensor.from_data(TensorData([10.0]), device).require_grad(), 1, 'TestTensor.from_data(TensorData([10.0]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[0, 1]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Mul), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Mul)')
    grads = result.sum().backward()
    grad_values = values.grad(grads)
    grad_values.to_data().assert_eq(TensorData([2.0]), False)


def test_scatter_nd_assign_grad_k_equals_d(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    device = device
    data = expect_rank(TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad(), 2, 'TestTensor.from_data(TensorData([[1.0, 2.0], [3.0, 4.0]]), device).require_grad()')
    values = expect_rank(TestTensor.from_data(TensorData([10.0, 20.0]), device).require_grad(), 1, 'TestTensor.from_data(TensorData([10.0, 20.0]), device).require_grad()')
    indices = TestTensorInt.from_data(TensorData([[0, 1], [1, 0]]), device)
    result = expect_rank(data.scatter_nd(indices, values, IndexingUpdateOp.Assign), 2, 'data.scatter_nd(indices, values, IndexingUpdateOp.Assign)')
    grads = result.sum().backward()
    grad_data = data.grad(grads)
    grad_values = values.grad(grads)
    grad_data.to_data().assert_eq(TensorData([[1.0, 0.0], [0.0, 1.0]]), False)
    grad_values.to_data().assert_eq(TensorData([1.0, 1.0]), False)
