"""Burn's `tensor/float/ops/close.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_is_close(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor1 = TestTensor.from_([[0.0, 1.0, 0.0], [1.0, -1.0, 1.0]])
    tensor2 = TestTensor.from_([[0.0, 1.0, 0.0], [1.0, -1.0, 3.0]]) + 1e-9
    data_actual = tensor1.is_close(tensor2, None, None).into_data()
    defaults_expected = TensorData([[True, True, True], [True, True, False]])
    defaults_expected.assert_eq(data_actual, False)
    data_actual = tensor1.is_close(tensor2, (DEFAULT_RTOL), (DEFAULT_ATOL)).into_data()
    defaults_expected.assert_eq(data_actual, False)


def test_all_close(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    tensor1 = TestTensor.from_([[0.0, 1.0, 0.0], [1.0, -1.0, 1.0]])
    tensor2 = TestTensor.from_([[0.0, 1.0, 0.0], [1.0, -1.0, 3.0]]) + 1e-9
    assert_(not tensor1.all_close(tensor2, None, None))
    tensor2 = TestTensor.from_([[0.0, 1.0, 0.0], [1.0, -1.0, 1.0]]) + 1e-9
    assert_(tensor1.all_close(tensor2, None, None))
    inf_plus = TestTensor.from_([[lim('f32', 'INFINITY')]])
    one = TestTensor.from_([[1.0]])
    inf_minus = TestTensor.from_([[-lim('f32', 'INFINITY')]])
    assert_(not inf_plus.all_close(inf_minus, None, None))
    assert_(not one.all_close(inf_minus, None, None))
    assert_(not one.all_close(inf_plus, None, None))
    assert_(inf_plus.all_close(inf_plus, None, None))
