"""Burn's `autodiff/trig.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_diff_cos(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.cos())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    tolerance = Tolerance.default().set_half_precision_relative(1e-2)
    grad_1.to_data().assert_approx_eq(TensorData([[26.8063, -27.7870], [26.8063, -27.7870]]), tolerance)
    grad_2.to_data().assert_approx_eq(TensorData([[9.222064, -39.123375], [-28.721354, 49.748356]]), tolerance)


def test_should_diff_sin(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.sin())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    tolerance = Tolerance.default().set_half_precision_relative(1e-2)
    expected = TensorData([[8.8500, -4.9790], [8.8500, -4.9790]])
    grad_1.to_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[38.668987, 44.194775], [-59.97261, -80.46094]])
    grad_2.to_data().assert_approx_eq(expected, tolerance)


def test_should_diff_tanh(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[6.0, 7.0], [9.0, 10.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.tanh())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    tolerance = Tolerance.default().set_half_precision_relative(8e-3)
    expected = TensorData([[32.0, 32.0], [32.0, 32.0]])
    grad_1.to_data().assert_approx_eq(expected, tolerance)
    expected = TensorData([[8.00092, 8.000153], [8.000003, 7.999995]])
    grad_2.to_data().assert_approx_eq(expected, tolerance)


def test_should_diff_cosh(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[0.5, 1.0], [1.5, 2.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.cosh())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[7.092221, 16.696301], [7.092221, 16.696301]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[17.489855, 27.484539], [39.409813, 86.910278]]), Tolerance.default())


def test_should_diff_sinh(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[0.5, 1.0], [1.5, 2.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.sinh())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[4.894847, 15.887931], [4.894847, 15.887931]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[17.284000, 28.412029], [39.302979, 87.498329]]), Tolerance.default())


def test_should_diff_tan(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[0.5, 1.0], [0.3, 0.8]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.tan())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[2.532602, 1.596607], [2.532602, 1.596607]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[9.028598, 14.489801], [18.038082, 21.151270]]), Tolerance.default())


def test_should_diff_asin(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 0.1], [0.3, 0.4]])
    data_2 = TensorData([[0.2, 0.3], [0.5, 0.6]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.asin())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[0.435841, 0.969651], [0.435841, 0.969651]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[0.475300, 0.668141], [0.701834, 1.100658]]), Tolerance.default())


def test_should_diff_acos(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 0.1], [0.3, 0.4]])
    data_2 = TensorData([[0.2, 0.3], [0.5, 0.6]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.acos())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[2.077433, 1.543624], [2.077433, 1.543624]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[0.781337, 0.588496], [0.554804, 0.155979]]), Tolerance.default())


def test_should_diff_atan(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[0.5, 1.0], [1.5, 2.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.atan())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[3.444365, 5.349211], [3.444365, 5.349211]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[9.904911, 11.554912], [10.199631, 11.391938]]), Tolerance.default())


def test_should_diff_asinh(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[0.5, 1.0], [1.5, 2.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.asinh())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[3.806625, 6.844869], [3.806625, 6.844869]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[11.442373, 14.842072], [14.022551, 17.688538]]), Tolerance.default())


def test_should_diff_acosh(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[1.5, 2.0], [2.5, 3.0]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.acosh())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[10.611752, 15.178907], [10.611752, 15.178907]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[20.112753, 20.247547], [20.402235, 22.487328]]), Tolerance.default())


def test_should_diff_atanh(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 0.1], [0.3, 0.4]])
    data_2 = TensorData([[0.2, 0.3], [0.5, 0.6]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = tensor_1.matmul(tensor_2.atanh())
    tensor_4 = tensor_3.matmul(tensor_2)
    grads = tensor_4.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[0.441838, 1.037115], [0.441838, 1.037115]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[0.491723, 0.698110], [0.772763, 1.298805]]), Tolerance.default())


def test_should_diff_atan2(ad_backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(ad_backend)
    data_1 = TensorData([[0.0, 1.0], [3.0, 4.0]])
    data_2 = TensorData([[0.5, 1.0], [1.5, 2.0]])
    data_3 = TensorData([[1.0, 0.5], [2.0, 1.5]])
    device = device
    tensor_1 = TestTensor.from_data(data_1, device).require_grad()
    tensor_2 = TestTensor.from_data(data_2, device).require_grad()
    tensor_3 = TestTensor.from_data(data_3, device).require_grad()
    tensor_4 = tensor_1.matmul(tensor_2.atan2(tensor_3))
    tensor_5 = tensor_4.matmul(tensor_2)
    grads = tensor_5.backward()
    grad_1 = tensor_1.grad(grads)
    grad_2 = tensor_2.grad(grads)
    grad_3 = tensor_3.grad(grads)
    grad_1.to_data().assert_approx_eq(TensorData([[4.570492, 4.210785], [4.570492, 4.210785]]), Tolerance.default())
    grad_2.to_data().assert_approx_eq(TensorData([[8.208448, 8.808449], [10.357923, 12.157923]]), Tolerance.default())
    grad_3.to_data().assert_approx_eq(TensorData([[-1.8, -8.4], [-1.8, -5.6]]), Tolerance.default())
