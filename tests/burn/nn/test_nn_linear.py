"""Burn's `crates/burn-nn/src/modules/linear.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from ..burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)
from ..nn_compat import *  # noqa: F403  (burn::nn / burn::optim names, see nn_compat.py)


def test_initializer_default(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    config = LinearConfig(5, 5)
    k = rmath('sqrt', 1.0 / config.d_input)
    linear = config.init(device)
    assert_eq_(config.initializer, Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0), fan_out_only=False) )
    linear.weight.to_data().assert_within_range(bslice(-k, k, 1, False))


def test_initializer_zeros(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    config = LinearConfig(5, 5).with_initializer(Initializer.Zeros())
    linear = config.init(device)
    assert_eq_(config.initializer, Initializer.Zeros())
    linear.weight.to_data().assert_approx_eq(td_zeros(linear.weight.shape()), Tolerance.default())


def test_linear_forward_no_bias(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    value = 2.0
    config = LinearConfig(2, 3).with_initializer(Initializer.Constant(value=value)).with_bias(False)
    linear = config.init(device)
    input = TestTensor.ones(Shape([1, 2]), device)
    result = linear.forward(input)
    expected_result = TestTensor.from_data([[4.0, 4.0, 4.0]], device)
    assert_eq_(result.into_data(), expected_result.into_data())


def test_linear_forward_with_bias(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    device = device
    value = 2.0
    config = LinearConfig(2, 3).with_initializer(Initializer.Constant(value=value))
    linear = config.init(device)
    input = TestTensor.ones(Shape([1, 2]), device)
    result = linear.forward(input)
    expected_result = TestTensor.from_data([[6.0, 6.0, 6.0]], device)
    assert_eq_(result.into_data(), expected_result.into_data())


def test_linear_1d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    seed_device(device, 0)
    value = 2.0
    config = LinearConfig(2, 3).with_initializer(Initializer.Constant(value=value))
    linear = config.init(device)
    input_1d = TestTensor.ones(Shape([2]), device)
    input_2d = TestTensor.ones(Shape([1, 2]), device)
    result_1d = linear.forward(input_1d).unsqueeze()
    result_2d = linear.forward(input_2d)
    assert_eq_(result_1d.into_data(), result_2d.into_data())


def test_display(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    config = LinearConfig(3, 5)
    linear = config.init(device)
    assert_eq_(str(linear), "Linear {d_input: 3, d_output: 5, bias: true, params: 20}" )


def test_layout(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    linear = LinearConfig(6, 12).with_layout(LinearLayout.Col).init(device)
    assert_eq_(linear.weight.dims(), [6, 12])


def test_round_trip_burnpack(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    linear = LinearConfig(6, 12).init(device)
    weight_before = linear.weight.val().to_data()
    data = linear.into_record().into_bytes()
    linear = LinearConfig(6, 12).init(device).load_record(ModuleRecord.from_bytes(data))
    linear.weight.val().to_data().assert_eq(weight_before, True)
