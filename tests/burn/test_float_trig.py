"""Burn's `tensor/float/ops/trig.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_cos_flipped_axis1(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, PI], [FRAC_PI_2, 3.0 * FRAC_PI_2]])
    flipped = tensor.flip([1])
    output = flipped.cos()
    expected = TensorData([[-1.0, 1.0], [0.0, 0.0]])
    output.into_data().assert_approx_eq(expected, Tolerance.default().set_half_precision_absolute(2e-3))


def test_should_support_sin_step_sliced(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor = TestTensor.from_([[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0]])
    sliced = tensor.slice([bslice(None, None, 1, False), bslice(0, 8, 2, False)])
    output = sliced.sin()
    expected = TensorData([[math.sin(0.0), math.sin(2.0), math.sin(4.0), math.sin(6.0)]])
    output.into_data().assert_approx_eq(expected, Tolerance.default().set_half_precision_absolute(2e-3))


def test_should_support_cos_step_sliced_3d(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = list(rmap((bslice(0, 12, 1, False)), lambda i: i * 0.5))
    tensor = TestTensor.from_data(TensorData(data, [1, 2, 6]), device)
    sliced = tensor.slice([bslice(None, None, 1, False), bslice(None, None, 1, False), bslice(0, 6, 2, False)])
    output = sliced.cos()
    expected = TensorData([[[math.cos(0.0), math.cos(1.0), math.cos(2.0)], [math.cos(3.0), math.cos(4.0), math.cos(5.0)]]])
    output.into_data().assert_approx_eq(expected, Tolerance.default().set_half_precision_absolute(2e-3))


def test_should_support_cos_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.cos()
    expected = TensorData([[1.0, 0.54030, -0.41615], [-0.98999, -0.65364, 0.28366]])
    tolerance = Tolerance.default().set_half_precision_relative(1e-2)
    output.into_data().assert_approx_eq(expected, tolerance)


def test_should_support_cosh_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.cosh()
    expected = TensorData([[1.0000, 1.5431, 3.7622], [10.0677, 27.3082, 74.2099]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_sin_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.sin()
    expected = TensorData([[0.0, 0.841471, 0.909297], [0.141120, -0.756802, -0.958924]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_sinh_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.sinh()
    expected = TensorData([[0.0000, 1.1752, 3.6269], [10.0179, 27.2899, 74.2032]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_tan_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.tan()
    expected = TensorData([[0.0, 1.557408, -2.185040], [-0.142547, 1.157821, -3.380515]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_tanh_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.tanh()
    expected = TensorData([[0.0, 0.761594, 0.964028], [0.995055, 0.999329, 0.999909]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_asin_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 0.5, 0.707107], [-0.5, -0.707107, -1.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.asin()
    expected = TensorData([[0.0, 0.523599, 0.785398], [-0.523599, -0.785398, -1.570796]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_acos_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 0.5, 0.707107], [-0.5, -0.707107, -1.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.acos()
    expected = TensorData([[1.570796, 1.047198, 0.785398], [2.094395, 2.356194, 3.141593]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_atan_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.atan()
    expected = TensorData([[0.0, 0.785398, 1.107149], [1.249046, 1.325818, 1.373401]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_asinh_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.asinh()
    expected = TensorData([[0.0, 0.881374, 1.443635], [1.818446, 2.094713, 2.312438]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_acosh_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[1.0, 1.5, 2.0], [3.0, 4.0, 5.0]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.acosh()
    expected = TensorData([[0.0, 0.962424, 1.316958], [1.762747, 2.063437, 2.292432]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_atanh_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    data = TensorData([[0.0, 0.5, 0.707107], [-0.5, -0.707107, -0.9]])
    tensor = TestTensor.from_data(data, device)
    output = tensor.atanh()
    expected = TensorData([[0.0, 0.549306, 0.881374], [-0.549306, -0.881374, -1.472219]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_atan2_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    y = TensorData([[0.0, 1.0, 1.0], [-1.0, -1.0, 0.0]])
    x = TensorData([[1.0, 1.0, 0.0], [1.0, 0.0, -1.0]])
    y_tensor = TestTensor.from_data(y, device)
    x_tensor = TestTensor.from_data(x, device)
    output = y_tensor.atan2(x_tensor)
    expected = TensorData([[0.0, 0.785398, 1.570796], [-0.785398, -1.570796, 3.141593]])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_deg2rad_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([0.0, 22.5, 30.0, 45.0, 60.0, 90.0, 135.0, 180.0, 270.0, 360.0], device)
    output = tensor.deg2rad()
    expected = TensorData([0.0, FRAC_PI_8, FRAC_PI_6, FRAC_PI_4, FRAC_PI_3, FRAC_PI_2, 0.75 * PI, PI, 1.5 * PI, 2.0 * PI])
    output.into_data().assert_approx_eq(expected, Tolerance.default())


def test_should_support_rad2deg_ops(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    tensor = TestTensor.from_data([0.0, FRAC_PI_8, FRAC_PI_6, FRAC_PI_4, FRAC_PI_3, FRAC_PI_2, PI, 1.5 * PI, 2.0 * PI, -FRAC_PI_3], device)
    output = tensor.rad2deg()
    expected = TensorData([0.0, 22.5, 30.0, 45.0, 60.0, 90.0, 180.0, 270.0, 360.0, -60.0])
    output.into_data().assert_approx_eq(expected, Tolerance.default())
