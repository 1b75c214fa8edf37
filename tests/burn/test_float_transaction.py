"""Burn's `tensor/float/ops/transaction.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_should_support_transaction(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    rows = 32
    cols = 408
    device = device
    j = TestTensor.zeros([rows, cols], device)
    jt = j.transpose()
    g = jt.matmul(j)
    g = g.transpose()
    expected = g.to_data()
    assert_eq_(g.dims(), [cols, cols])
    data, = Transaction.default().register(g).execute()  
    assert_eq_(data, expected)
