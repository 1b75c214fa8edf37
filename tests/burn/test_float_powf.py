"""Burn's `tensor/float/ops/powf.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def _fn_outer(a, b):
    TestTensor, TestTensorInt, TestTensorBool, device = current_env()
    return a.unsqueeze_dim(1) * b.unsqueeze_dim(0)


def test_should_support_powf_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[1.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    pow = TensorData([[1.0, 1.0, 2.0], [3.0, 4.0, 2.0]])
    tensor_pow = TestTensor.from_data(pow, device)
    output = tensor.powf(tensor_pow)
    expected = TensorData([[1.0, 1.0, 4.0], [27.0, 256.0, 25.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_neg_power(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[1.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    pow = TensorData([[-0.95, -0.67, -0.45], [-0.24, -0.5, -0.6]])
    tensor_pow = TestTensor.from_data(pow, device)
    output = tensor.powf(tensor_pow)
    expected = TensorData([[1.0, 1.0, 0.73204285], [0.76822936, 0.5, 0.38073079]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_neg_values_with_even_power(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[1.0, -1.0, -2.0], [-3.0, -4.0, -5.0]])
    tensor = TestTensor.from_data(data, device)
    pow = TensorData([[2.0, 2.0, 4.0], [4.0, 4.0, 2.0]])
    tensor_pow = TestTensor.from_data(pow, device)
    output = tensor.powf(tensor_pow)
    expected = TensorData([[1.0, 1.0, 16.0], [81.0, 256.0, 25.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_neg_values_with_odd_power(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[1.0, -1.0, -2.0], [-3.0, -4.0, -5.0]])
    tensor = TestTensor.from_data(data, device)
    pow = TensorData([[3.0, 3.0, 3.0], [3.0, 3.0, 3.0]])
    tensor_pow = TestTensor.from_data(pow, device)
    output = tensor.powf(tensor_pow)
    expected = TensorData([[1.0, -1.0, -8.0], [-27.0, -64.0, -125.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_powf_broadcasted(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor_1 = TestTensor.from_data([2.0, 3.0, 4.0], device)
    tensor_2 = TestTensor.from_data([1.0], device)
    output = tensor_1.powf(tensor_2)
    output.into_data().assert_approx_eq(tensor_1.to_data(), Tolerance.default())
    output = tensor_2.powf(tensor_1)
    output.into_data().assert_approx_eq(TensorData([1.0, 1.0, 1.0]), Tolerance.default())


def test_should_support_powf_scalar_tensor(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    head_dim = 64
    seq_len = 1024
    base = 10000
    channel_range = TestTensorInt.arange_step(bslice(0, head_dim, 1, False), 2, device).float()
    base = TestTensor.from_data([base], device)
    inv_freq = rpowf(base, -channel_range / head_dim)
    t = TestTensorInt.arange(bslice(0, seq_len, 1, False), device).float()
    freqs = _fn_outer(t, inv_freq)
    _cos = freqs.cos()
    _sin = freqs.sin()
