"""Burn's `tensor/float/linalg/outer.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_outer_basic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    u = TestTensor.from_([1.0, 2.0, 3.0])
    v = TestTensor.from_([4.0, 5.0])
    out = linalg.outer(u, v).into_data()
    expected = TensorData([[4.0, 5.0], [8.0, 10.0], [12.0, 15.0]])
    out.assert_approx_eq(expected, Tolerance.default())


def test_outer_shapes_only(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    u = TestTensor.zeros([3], device)
    v = TestTensor.zeros([5], device)
    out = linalg.outer(u, v)
    assert_eq_(out.dims(), [3, 5])


def test_outer_asymmetry_and_shapes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    u = TestTensor.from_([1.0, 2.0])
    v = TestTensor.from_([3.0, 4.0, 5.0])
    uv = linalg.outer(u, v)
    vu = linalg.outer(v, u)
    assert_eq_(uv.dims(), [2, 3])
    assert_eq_(vu.dims(), [3, 2])


def test_outer_zero_left(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    u = TestTensor.zeros([3], device)
    v = TestTensor.from_([7.0, 8.0])
    out = linalg.outer(u, v).into_data()
    expected = td_zeros([3, 2])
    out.assert_approx_eq(expected, Tolerance.default())


def test_outer_zero_right(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    u = TestTensor.from_([1.0, -2.0, 3.0])
    v = TestTensor.zeros([4], device)
    out = linalg.outer(u, v).into_data()
    expected = td_zeros([3, 4])
    out.assert_approx_eq(expected, Tolerance.default())


def test_outer_signs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    u = TestTensor.from_([-1.0, 2.0])
    v = TestTensor.from_([3.0, -4.0])
    out = linalg.outer(u, v).into_data()
    expected = TensorData([[-3.0, 4.0], [6.0, -8.0]])
    out.assert_approx_eq(expected, Tolerance.default())


def test_outer_integer_inputs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    u = TestTensorInt.from_([1, 2, 3])
    v = TestTensorInt.from_([4, 5])
    out = linalg.outer(u, v).into_data()
    expected = TensorData([[4, 5], [8, 10], [12, 15]])
    out.assert_eq(expected, False)


def test_outer_equivalence_to_matmul(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    u = TestTensor.from_([1.0, 2.0, 3.0])
    v = TestTensor.from_([4.0, 5.0])
    out = linalg.outer(u, v).into_data()
    u2 = u.reshape([3, 1])
    v2 = v.reshape([1, 2])
    out_matmul = u2.matmul(v2).into_data()
    out.assert_approx_eq(out_matmul, Tolerance.default())


def test_outer_vector_identity_right_mult(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    u = TestTensor.from_([2.0, -1.0])
    v = TestTensor.from_([3.0, 4.0])
    w = TestTensor.from_([5.0, 6.0])
    uv = linalg.outer(u, v)
    left = uv.matmul(w.reshape([2, 1])).reshape([2])
    v_dot_w = v.dot(w)
    right = u * v_dot_w
    left.into_data().assert_approx_eq(right.into_data(), Tolerance.default())


def test_outer_length_one_vectors(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    u = TestTensor.from_([3.0])
    v = TestTensor.from_([4.0, 5.0, 6.0])
    out = linalg.outer(u, v).into_data()
    expected = TensorData([[12.0, 15.0, 18.0]])
    out.assert_approx_eq(expected, Tolerance.default())


def test_outer_large_values(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    big = 1.0e10
    u = TestTensor.from_([big, -big])
    v = TestTensor.from_([big, big])
    out = linalg.outer(u, v).into_data()
    expected = TensorData([[big * big, big * big], [-big * big, -big * big]])
    tol = Tolerance.relative(1e-6).set_half_precision_relative(1e-3)
    out.assert_approx_eq(expected, tol)


def test_outer_nan_propagation(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    u = TestTensor.from_([lim('f32', 'NAN'), 2.0])
    v = TestTensor.from_([3.0, 4.0])
    out = linalg.outer(u, v).into_data()
    s = out.to_vec() 
    assert_(rnan(s[0]))
    assert_(rnan(s[1]))
    assert_eq_(s[2], np.dtype('float32').type(6.0))
    assert_eq_(s[3], np.dtype('float32').type(8.0))


def test_outer_batched_basic(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    x = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    y = TestTensor.from_([[5.0, 6.0, 7.0], [8.0, 9.0, 10.0]])
    out = linalg.outer(x, y).into_data()
    expected = TensorData([[[5.0, 6.0, 7.0], [10.0, 12.0, 14.0]], [[24.0, 27.0, 30.0], [32.0, 36.0, 40.0]]])
    out.assert_approx_eq(expected, Tolerance.default())


def test_outer_batched_shapes(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    x = TestTensor.zeros([3, 4], device)
    y = TestTensor.zeros([3, 5], device)
    out = linalg.outer(x, y)
    assert_eq_(out.dims(), [3, 4, 5])


def test_outer_batched_zero_left(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    x = TestTensor.zeros([2, 3], device)
    y = TestTensor.from_([[7.0, 8.0], [9.0, 10.0]])
    out = linalg.outer(x, y).into_data()
    expected = td_zeros([2, 3, 2])
    out.assert_approx_eq(expected, Tolerance.default())


def test_outer_batched_zero_right(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    device = device
    x = TestTensor.from_([[1.0, -2.0, 3.0], [4.0, 5.0, -6.0]])
    y = TestTensor.zeros([2, 4], device)
    out = linalg.outer(x, y).into_data()
    expected = td_zeros([2, 3, 4])
    out.assert_approx_eq(expected, Tolerance.default())


def test_outer_batched_signs(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    x = TestTensor.from_([[-1.0, 2.0], [3.0, -4.0]])
    y = TestTensor.from_([[3.0, -4.0], [-5.0, 6.0]])
    out = linalg.outer(x, y).into_data()
    expected = TensorData([[[-3.0, 4.0], [6.0, -8.0]], [[-15.0, 18.0], [20.0, -24.0]]])
    out.assert_approx_eq(expected, Tolerance.default())


def test_outer_batched_equivalence_to_per_sample_outer(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    x = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    y = TestTensor.from_([[5.0, 6.0, 7.0], [8.0, 9.0, 10.0]])
    batched = linalg.outer(x, y)
    for b in range(0, 2):
        idx = TestTensorInt.from_([b])
        xb2d = x.select(0, idx)
        yb2d = y.select(0, idx)
        dims_x = xb2d.dims()
        dims_y = yb2d.dims()
        m, n = (dims_x[1], dims_y[1])
        per = linalg.outer(xb2d.reshape([m]), yb2d.reshape([n]))
        bat3d = batched.select(0, TestTensorInt.from_([b]))
        per_len = per.shape().num_elements()
        per_flat = per.reshape([per_len]).into_data()
        bat_len = bat3d.shape().num_elements()
        bat_flat = bat3d.reshape([bat_len]).into_data()
        bat_flat.assert_approx_eq(per_flat, Tolerance.default())


def test_outer_batched_mismatched_batches_panics(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    with raises_clear(['outer']):
        device = device
        x = TestTensor.zeros([2, 3], device)
        y = TestTensor.zeros([3, 4], device)
        _ = linalg.outer(x, y)


def test_outer_dim(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    u = TestTensor.from_([[1.0, 2.0], [3.0, 4.0]])
    v = TestTensor.from_([[4.0, 5.0], [5.0, 6.0]])
    out = linalg.outer_dim(u, v, 0).into_data()
    expected = TensorData([[[4.0, 10.0], [5.0, 12.0]], [[12.0, 20.0], [15.0, 24.0]]])
    out.assert_approx_eq(expected, Tolerance.default())
