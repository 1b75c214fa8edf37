"""`chunk`/`split` of a tracked float tensor record one `split` op: same pieces and gradients
as the slices they replace (finite differences, pieces left unused), and a backward that is one
``cat`` instead of a zero tensor and a slice_assign per piece."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from gradcheck import gradcheck


def test_pieces_equal_narrow(backend: Any) -> None:
    x_np = np.arange(30.0).reshape(3, 10)
    x = backend.tensor(x_np)
    if backend.autodiff:
        x = x.require_grad()
    for pieces, expected in ((x.chunk(4, 1), np.array_split(x_np, [3, 6, 9], 1)),
                             (x.split(4, 1), np.array_split(x_np, [4, 8], 1)),
                             (x.split(2, 0), np.array_split(x_np, [2], 0))):
        assert len(pieces) == len(expected)
        for p, e in zip(pieces, expected):
            assert type(p) is type(x)
            np.testing.assert_array_equal(p.to_numpy(), e)


def test_split_finite_differences(ad_backend: Any) -> None:
    case = ad_backend.f64
    x = np.random.default_rng(0).standard_normal((3, 8, 2))

    def used_pieces(x: Any) -> Any:
        a, _, c, d = x.chunk(4, 1)          # one piece gets no gradient
        return a * 2.0 + c.tanh() * d

    gradcheck(case, used_pieces, x)
    gradcheck(case, lambda x: x.split(2, 0)[1] * 3.0, x)     # the uneven last piece alone


def test_backward_is_one_cat(ad_backend: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The regression this op exists for: slices built a zero tensor and a slice_assign each."""
    inner = ad_backend.inner
    calls: list[str] = []
    for name in ("float_cat", "float_slice_assign"):
        original = getattr(inner, name)
        monkeypatch.setattr(inner, name, staticmethod(
            lambda *a, _name=name, _original=original: (calls.append(_name), _original(*a))[1]))
    x = ad_backend.tensor(np.ones((2, 8))).require_grad()
    i, f, g, o = x.chunk(4, 1)
    loss = (i * f + g * o).sum()
    calls.clear()
    grad = x.grad(loss.backward())
    assert calls == ["float_cat"]
    assert grad is not None
    np.testing.assert_array_equal(grad.to_numpy(), np.ones((2, 8)))


def test_int_and_untracked_tensors_keep_slices(backend: Any) -> None:
    from pyburn import Int, Tensor
    ints = Tensor[backend.B, Int].from_data(np.arange(6).reshape(2, 3), backend.device)
    assert [p.to_numpy().tolist() for p in ints.chunk(3, 1)] == [[[0], [3]], [[1], [4]], [[2], [5]]]
    with pytest.raises(ValueError, match="chunk: chunks must be > 0, got 0"):
        backend.tensor(np.ones((2, 3))).chunk(0, 1)
