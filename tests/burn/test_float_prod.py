"""Burn's `tensor/float/ops/prod.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_prod_float(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor_1 = TestTensor.from_([[-5.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    output = tensor_1.prod()
    output.into_data().assert_eq(TensorData([-600.0]), False)


def test_prod_dim_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    f = TestTensor.from_([[-5.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    f.prod_dim(1).into_data().assert_eq(TensorData([[-10.0], [60.0]]), False)
    f.prod_dim(-1).into_data().assert_eq(TensorData([[-10.0], [60.0]]), False)


def test_prod_dims_2d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    f = TestTensor.from_([[-5.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    f.prod_dims([1]).into_data().assert_eq(TensorData([[-10.0], [60.0]]), False)
    f.prod_dims([-1]).into_data().assert_eq(TensorData([[-10.0], [60.0]]), False)
    f.prod_dims([0, 1]).into_data().assert_eq(TensorData([[-600.0]]), False)
