"""Burn's `tensor/float/ops/clamp.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_clamp_min(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.clamp_min(2.0)
    output.into_data().assert_eq(TensorData([[2.0, 2.0, 2.0], [3.0, 4.0, 5.0]]), False)
    data = TensorData([[0, 1, 2], [3, 4, 5]])
    tensor = TestTensorInt.from_data(data, device)
    output = tensor.clamp_min(2)
    output.into_data().assert_eq(TensorData([[2, 2, 2], [3, 4, 5]]), False)


def test_clamp_max(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.clamp_max(2.0)
    output.into_data().assert_eq(TensorData([[0.0, 1.0, 2.0], [2.0, 2.0, 2.0]]), False)
    data = TensorData([[0, 1, 2], [3, 4, 5]])
    tensor = TestTensorInt.from_data(data, device)
    output = tensor.clamp_max(4)
    output.into_data().assert_eq(TensorData([[0, 1, 2], [3, 4, 4]]), False)


def test_clamp_min_max(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.clamp(1.0, 4.0)
    output.into_data().assert_eq(TensorData([[1.0, 1.0, 2.0], [3.0, 4.0, 4.0]]), False)
    data = TensorData([[0, 1, 2], [3, 4, 5]])
    tensor = TestTensorInt.from_data(data, device)
    output = tensor.clamp(1, 4)
    output.into_data().assert_eq(TensorData([[1, 1, 2], [3, 4, 4]]), False)


def test_clamp_min_max_vec_should_compile(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    input = TestTensor.ones([2, 4], device)
    output = input.clamp(0.0, 0.5)
    output.into_data().assert_eq(TensorData([[0.5, 0.5, 0.5, 0.5], [0.5, 0.5, 0.5, 0.5]]), False)
