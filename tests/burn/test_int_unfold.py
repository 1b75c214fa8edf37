"""Burn's `tensor/int/ops/unfold.rs`, ported by scripts/port_burn_tests.py (Burn 2c06be351006).

Generated: edit the generator, not this file."""

from __future__ import annotations

from .burn_compat import *  # noqa: F403  (Burn's test vocabulary, see burn_compat.py)


def test_unfold_int(backend):
    TestTensor, TestTensorInt, TestTensorBool, device = env(backend)
    if (lim('IntElem', 'MAX')) < 255 - 1:
        return
    device = device
    input = TestTensorInt.random([2, 6, 6], Distribution.Default, device)
    dim = 1
    size = 3
    step = 2
    actual = expect_rank(input.unfold(dim, size, step), 4, 'input.unfold(dim, size, step)')
    expected = TestTensorInt.empty([2, 2, 6, 3], device).slice_assign([bslice(None, None, 1, False), 0, bslice(None, None, 1, False), bslice(None, None, 1, False)], input.slice([bslice(None, None, 1, False), bslice(0, 3, 1, False), bslice(None, None, 1, False)]).swap_dims(1, 2).unsqueeze_dim(1)).slice_assign([bslice(None, None, 1, False), 1, bslice(None, None, 1, False), bslice(None, None, 1, False)], input.slice([bslice(None, None, 1, False), bslice(2, 5, 1, False), bslice(None, None, 1, False)]).swap_dims(1, 2).unsqueeze_dim(1))
    actual.to_data().assert_eq(expected.to_data(), True)
