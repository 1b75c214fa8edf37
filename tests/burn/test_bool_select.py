"""Burn's `tensor/bool/ops/select.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_select_bool_tensor_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([True, False, True], device)
    indices = TestTensorInt.from_data([0, 2, 1, 0], device)
    output = tensor.select(0, indices)
    expected = TensorData([True, True, False, True])
    output.into_data().assert_eq(expected, False)


def test_should_select_bool_tensor_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([[True, False, True], [False, True, False]], device)
    indices = TestTensorInt.from_data([1, 0], device)
    output = tensor.select(0, indices)
    expected = TensorData([[False, True, False], [True, False, True]])
    output.into_data().assert_eq(expected, False)


def test_should_select_add_bool_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([True, False, True], device)
    values = TestTensorBool.from_data([False, True], device)
    indices = TestTensorInt.from_data([0, 2], device)
    output = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    expected = TensorData([True, False, True])
    output.into_data().assert_eq(expected, False)


def test_should_select_add_bool_overlapping_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([False, True], device)
    indices = TestTensorInt.from_data([0, 0], device)
    values = TestTensorBool.from_data([True, False], device)
    output = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    expected = TensorData([True, True])
    output.into_data().assert_eq(expected, False)


def test_should_select_add_bool_false_to_true_case(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([False], device)
    indices = TestTensorInt.from_data([0], device)
    values = TestTensorBool.from_data([True], device)
    output = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    expected = TensorData([True])
    output.into_data().assert_eq(expected, False)


def test_should_select_add_bool_true_or_true_accumulation(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([True, False], device)
    indices = TestTensorInt.from_data([0, 0, 0], device)
    values = TestTensorBool.from_data([True, True, True], device)
    output = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    expected = TensorData([True, False])
    output.into_data().assert_eq(expected, False)


def test_should_match_default_implementation_behavior(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([True, False, True], device)
    indices = TestTensorInt.from_data([0, 1, 0], device)
    values = TestTensorBool.from_data([False, True, True], device)
    optimized_result = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    int_tensor = tensor.int()
    int_values = values.int()
    assigned = int_tensor.select_assign(0, indices, int_values, IndexingUpdateOp.Add)
    default_result = assigned.greater_elem(0)
    optimized_result.into_data().assert_eq(default_result.into_data(), False)


def test_should_select_add_bool_overlapping_indices_vs_default(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([False, True], device)
    indices = TestTensorInt.from_data([0, 0], device)
    values = TestTensorBool.from_data([True, False], device)
    optimized_result = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    int_tensor = tensor.int()
    int_values = values.int()
    assigned = int_tensor.select_assign(0, indices, int_values, IndexingUpdateOp.Add)
    default_result = assigned.greater_elem(0)
    optimized_result.into_data().assert_eq(default_result.into_data(), False)


def test_should_select_add_bool_true_or_true_accumulation_vs_default(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([True, False], device)
    indices = TestTensorInt.from_data([0, 0, 0], device)
    values = TestTensorBool.from_data([True, True, True], device)
    optimized_result = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    int_tensor = tensor.int()
    int_values = values.int()
    assigned = int_tensor.select_assign(0, indices, int_values, IndexingUpdateOp.Add)
    default_result = assigned.greater_elem(0)
    optimized_result.into_data().assert_eq(default_result.into_data(), False)


def test_should_select_add_bool_false_to_true_case_vs_default(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([False], device)
    indices = TestTensorInt.from_data([0], device)
    values = TestTensorBool.from_data([True], device)
    optimized_result = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    int_tensor = tensor.int()
    int_values = values.int()
    assigned = int_tensor.select_assign(0, indices, int_values, IndexingUpdateOp.Add)
    default_result = assigned.greater_elem(0)
    optimized_result.into_data().assert_eq(default_result.into_data(), False)


def test_should_select_add_bool_tensor_vs_default(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensorBool.from_data([True, False, True], device)
    indices = TestTensorInt.from_data([0, 2], device)
    values = TestTensorBool.from_data([False, False], device)
    optimized_result = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
    int_tensor = tensor.int()
    int_values = values.int()
    assigned = int_tensor.select_assign(0, indices, int_values, IndexingUpdateOp.Add)
    default_result = assigned.greater_elem(0)
    optimized_result.into_data().assert_eq(default_result.into_data(), False)


def test_should_fail_if_replacement_semantics_were_used(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['select_assign']):
        device = device
        tensor = TestTensorBool.from_data([True], device)
        indices = TestTensorInt.from_data([0], device)
        values = TestTensorBool.from_data([False], device)
        output = tensor.select_assign(0, indices, values, IndexingUpdateOp.Add)
        replacement_expected = TensorData([False])
        output.into_data().assert_eq(replacement_expected, False)


def test_should_fail_if_replacement_semantics_were_used_vs_default(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['select_assign', 'greater_elem']):
        device = device
        tensor = TestTensorBool.from_data([True], device)
        indices = TestTensorInt.from_data([0], device)
        values = TestTensorBool.from_data([False], device)
        int_tensor = tensor.int()
        int_values = values.int()
        assigned = int_tensor.select_assign(0, indices, int_values, IndexingUpdateOp.Add)
        default_result = assigned.greater_elem(0)
        replacement_expected = TensorData([False])
        default_result.into_data().assert_eq(replacement_expected, False)
