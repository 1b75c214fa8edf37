"""Burn's `tensor/float/ops/squeeze.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_squeeze_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([2, 1, 4]), device)
    squeezed_tensor = expect_rank(tensor.squeeze_dim(1), 2, 'tensor.squeeze_dim(1)')
    expected_shape = Shape([2, 4])
    assert_eq_(squeezed_tensor.shape(), expected_shape)


def test_should_squeeze(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([2, 1, 4]), device)
    squeezed_tensor = expect_rank(tensor.squeeze(), 2, 'tensor.squeeze()')
    expected_shape = Shape([2, 4])
    assert_eq_(squeezed_tensor.shape(), expected_shape)


def test_should_squeeze_first(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([1, 3, 4, 5]), device)
    squeezed_tensor = expect_rank(tensor.squeeze_dim(0), 3, 'tensor.squeeze_dim(0)')
    expected_shape = Shape([3, 4, 5])
    assert_eq_(squeezed_tensor.shape(), expected_shape)


def test_should_squeeze_last(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([2, 3, 4, 1]), device)
    squeezed_tensor = expect_rank(tensor.squeeze_dim(3), 3, 'tensor.squeeze_dim(3)')
    expected_shape = Shape([2, 3, 4])
    assert_eq_(squeezed_tensor.shape(), expected_shape)


def test_should_squeeze_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['squeeze_dim']):
        tensor = TestTensor.ones(Shape([2, 3, 4, 5]), device)
        _squeezed_tensor = expect_rank(tensor.squeeze_dim(2), 3, 'tensor.squeeze_dim(2)')


def test_should_squeeze_all_dims(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([1, 3, 1]), device)
    squeezed_tensor = expect_rank(tensor.squeeze(), 1, 'tensor.squeeze()')
    expected_shape = Shape([3])
    assert_eq_(squeezed_tensor.shape(), expected_shape)


def test_should_squeeze_dims_with_positive_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([1, 3, 1, 5]), device)
    squeezed_tensor = expect_rank(tensor.squeeze_dims([0, 2]), 2, 'tensor.squeeze_dims([0, 2])')
    expected_shape = Shape([3, 5])
    assert_eq_(squeezed_tensor.shape(), expected_shape)


def test_should_squeeze_dims_with_negative_indices(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([2, 1, 3, 1]), device)
    squeezed_tensor = expect_rank(tensor.squeeze_dims([-3, -1]), 2, 'tensor.squeeze_dims([-3, -1])')
    expected_shape = Shape([2, 3])
    assert_eq_(squeezed_tensor.shape(), expected_shape)


def test_should_squeeze_dims_work_if_non_singleton(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['squeeze_dims']):
        tensor = TestTensor.ones(Shape([2, 3, 4]), device)
        squeezed_tensor = expect_rank(tensor.squeeze_dims([1]), 3, 'tensor.squeeze_dims([1])')
        expected_shape = Shape([2, 3, 4])
        assert_eq_(squeezed_tensor.shape(), expected_shape)


def test_should_panic_squeeze_consumes_all_singleton(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['squeeze']):
        tensor = TestTensor.ones(Shape([1, 3, 1]), device)
        _squeezed_tensor = expect_rank(tensor.squeeze(), 2, 'tensor.squeeze()')


def test_should_squeeze_dims_panic_on_too_many_dimensions(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['squeeze_dims']):
        tensor = TestTensor.ones(Shape([1, 1, 1]), device)
        _ = expect_rank(tensor.squeeze_dims([0, 1, 2]), 1, 'tensor.squeeze_dims([0, 1, 2])')


def test_should_squeeze_dims_dimension_mismatch_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['squeeze_dims']):
        tensor = TestTensor.ones(Shape([1, 3, 1, 5]), device)
        _ = expect_rank(tensor.squeeze_dims([0, 2]), 3, 'tensor.squeeze_dims([0, 2])')


def test_should_unsqueeze_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([2, 4, 1]), device)
    unsqueezed_tensor = expect_rank(tensor.unsqueeze_dim(1), 4, 'tensor.unsqueeze_dim(1)')
    expected_shape = Shape([2, 1, 4, 1])
    assert_eq_(unsqueezed_tensor.shape(), expected_shape)


def test_should_unsqueeze_dim_first(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([2, 3, 4, 5]), device)
    unsqueezed_tensor = expect_rank(tensor.unsqueeze_dim(0), 5, 'tensor.unsqueeze_dim(0)')
    expected_shape = Shape([1, 2, 3, 4, 5])
    assert_eq_(unsqueezed_tensor.shape(), expected_shape)


def test_should_unsqueeze_dim_last(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.ones(Shape([5, 4, 3, 2]), device)
    unsqueezed_tensor = expect_rank(tensor.unsqueeze_dim(4), 5, 'tensor.unsqueeze_dim(4)')
    expected_shape = Shape([5, 4, 3, 2, 1])
    assert_eq_(unsqueezed_tensor.shape(), expected_shape)


def test_should_unsqueeze_dim_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['unsqueeze_dim']):
        tensor = TestTensor.ones(Shape([2, 3, 4, 5]), device)
        _unsqueezed_tensor = expect_rank(tensor.unsqueeze_dim(5), 5, 'tensor.unsqueeze_dim(5)')


def test_should_unsqueeze_dims_support_dim_inference(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input_tensor = TestTensor.ones(Shape([3, 4, 5]), device)
    output_tensor = input_tensor.unsqueeze_dims([1, -2])
    expected_shape = Shape([3, 1, 4, 1, 5])
    assert_eq_(output_tensor.shape(), expected_shape)


def test_should_unsqueeze_dims_handle_first_last(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input_tensor = TestTensor.ones(Shape([3, 4, 5]), device)
    output_tensor = input_tensor.unsqueeze_dims([0, 4])
    expected_shape = Shape([1, 3, 4, 5, 1])
    assert_eq_(output_tensor.shape(), expected_shape)


def test_should_unsqueeze_dims_work_with_single_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input_tensor = TestTensor.ones(Shape([3, 4, 5]), device)
    output_tensor = expect_rank(input_tensor.unsqueeze_dims([1]), 4, 'input_tensor.unsqueeze_dims([1])')
    expected_shape = Shape([3, 1, 4, 5])
    assert_eq_(output_tensor.shape(), expected_shape)


def test_should_unsqueeze_dims_multiple_trailing_negatives(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input_tensor = TestTensor.ones(Shape([3, 4, 5]), device)
    output_tensor = expect_rank(input_tensor.unsqueeze_dims([0, -1, -1]), 6, 'input_tensor.unsqueeze_dims([0, -1, -1])')
    expected_shape = Shape([1, 3, 4, 5, 1, 1])
    assert_eq_(output_tensor.shape(), expected_shape)


def test_should_unsqueeze_dims_consecutive_first_then_gap(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input_tensor = TestTensor.ones(Shape([3, 4, 5]), device)
    output_tensor = expect_rank(input_tensor.unsqueeze_dims([0, 1, 3]), 6, 'input_tensor.unsqueeze_dims([0, 1, 3])')
    expected_shape = Shape([1, 1, 3, 1, 4, 5])
    assert_eq_(output_tensor.shape(), expected_shape)


def test_should_unsqueeze_dims_handle_duplicate_axes_after_sort(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input_tensor = TestTensor.ones(Shape([4]), device)
    output_tensor = expect_rank(input_tensor.unsqueeze_dims([-1, 0, 0]), 4, 'input_tensor.unsqueeze_dims([-1, 0, 0])')
    expected_shape = Shape([1, 1, 4, 1])
    assert_eq_(output_tensor.shape(), expected_shape)


def test_should_unsqueeze_dims_handle_repeated_zero_axes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input_tensor = TestTensor.ones(Shape([5]), device)
    output_tensor = expect_rank(input_tensor.unsqueeze_dims([0, 0]), 3, 'input_tensor.unsqueeze_dims([0, 0])')
    expected_shape = Shape([1, 1, 5])
    assert_eq_(output_tensor.shape(), expected_shape)


def test_should_unsqueeze_dims_handle_repeated_middle_axes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input_tensor = TestTensor.ones(Shape([5]), device)
    output_tensor = expect_rank(input_tensor.unsqueeze_dims([1, 1, 1]), 4, 'input_tensor.unsqueeze_dims([1, 1, 1])')
    expected_shape = Shape([5, 1, 1, 1])
    assert_eq_(output_tensor.shape(), expected_shape)


def test_should_unsqueeze_dims_panic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['unsqueeze_dims']):
        input_tensor = TestTensor.ones(Shape([3, 4, 5]), device)
        _output_tensor = expect_rank(input_tensor.unsqueeze_dims([0, -6]), 5, 'input_tensor.unsqueeze_dims([0, -6])')


def test_should_unsqueeze_dims_panic_duplicate_pushed_out_of_range(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['unsqueeze_dims']):
        input_tensor = TestTensor.ones(Shape([4]), device)
        _ = expect_rank(input_tensor.unsqueeze_dims([2, 2]), 3, 'input_tensor.unsqueeze_dims([2, 2])')


def test_squeeze_all_singleton_not_supported(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['squeeze']):
        tensor = TestTensor.ones(Shape([1, 1, 1]), device)
        _ = tensor.squeeze()


def test_squeeze_dim_singleton_not_supported(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['squeeze_dim']):
        tensor = TestTensor.ones(Shape([1]), device)
        _ = tensor.squeeze_dim(0)


def test_squeeze_dims_all_singleton_not_supported(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['squeeze_dims']):
        tensor = TestTensor.ones(Shape([1, 1, 1]), device)
        _ = tensor.squeeze_dims([0, 1, 2])
