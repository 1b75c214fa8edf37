"""SparseAdam (pyburn.optim.sparse_adam): equal to torch.optim.SparseAdam on an Embedding
(sparse=True on the torch side) over several steps; rows a step did not use keep their values
and their moments; the state survives a record round trip."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from pyburn import Int, Tensor
from pyburn.nn import EmbeddingConfig
from pyburn.optim import GradientsParams, SparseAdamConfig
from pyburn.record import NamedMpkBytesRecorder

ROWS, DIM, LR = 12, 4, 0.05


def _batches(steps: int) -> list[tuple[np.ndarray, np.ndarray]]:
    rng = np.random.default_rng(0)
    out = []
    for step in range(steps):
        high = 6 if step % 2 == 0 else ROWS - 2     # rows 10, 11 are never used
        out.append((rng.integers(0, high, size=(3, 2)), rng.normal(size=(3, 2, DIM))))
    return out


def _step(case: Any, emb: Any, optim: Any, ids: np.ndarray, target: np.ndarray) -> Any:
    out = emb.forward(Tensor[case.B, Int].from_data(ids.tolist(), case.device))
    loss = ((out - Tensor[case.B].from_data(target, case.device)) ** 2).sum()
    return optim.step(LR, emb, GradientsParams.from_grads(loss.backward(), emb))


def _weight(emb: Any) -> np.ndarray:
    return emb.weight.val().to_data().as_numpy().astype(np.float64)


def test_equals_torch_sparse_adam(ad_backend: Any) -> None:
    torch = pytest.importorskip("torch")
    case = ad_backend.f64
    emb = EmbeddingConfig(ROWS, DIM).init(case.device)
    w0 = _weight(emb)
    reference = torch.nn.Embedding(ROWS, DIM, sparse=True).double()
    with torch.no_grad():
        reference.weight.copy_(torch.from_numpy(w0))
    torch_optim = torch.optim.SparseAdam(reference.parameters(), lr=LR)
    optim = SparseAdamConfig().init()
    for ids, target in _batches(5):
        emb = _step(case, emb, optim, ids, target)
        torch_optim.zero_grad()
        ((reference(torch.from_numpy(ids)) - torch.from_numpy(target)) ** 2).sum().backward()
        torch_optim.step()
        np.testing.assert_allclose(_weight(emb), reference.weight.detach().numpy(),
                                   rtol=1e-10, atol=1e-12)
    w = _weight(emb)
    np.testing.assert_array_equal(w[10:], w0[10:])      # never used: untouched
    assert not np.allclose(w[:6], w0[:6])


def test_untouched_rows_keep_values_and_moments(ad_backend: Any) -> None:
    case = ad_backend
    emb = EmbeddingConfig(ROWS, DIM).init(case.device)
    optim = SparseAdamConfig().init()
    first, second = _batches(2)
    emb = _step(case, emb, optim, np.array([[0, 1]]), first[1][:1])
    before = _weight(emb)
    moments = optim.to_record()
    emb = _step(case, emb, optim, np.array([[2, 3]]), first[1][:1])   # rows 0, 1 unused now
    after = _weight(emb)
    np.testing.assert_array_equal(after[:2], before[:2])            # Adam would move them
    (state_before,) = moments.values()
    (state_after,) = optim.to_record().values()
    for key in ("moment_1", "moment_2"):
        a = state_before["momentum"][key].as_numpy()
        b = state_after["momentum"][key].as_numpy()
        np.testing.assert_array_equal(a[:2], b[:2])
        assert np.all(b[2:4] != 0) and np.all(a[2:4] == 0)
    assert state_after["momentum"]["time"] == 2


def test_record_round_trip(ad_backend: Any) -> None:
    case = ad_backend
    batches = _batches(4)
    emb = EmbeddingConfig(ROWS, DIM).init(case.device)
    straight, optim = emb, SparseAdamConfig().init()
    for ids, target in batches:
        straight = _step(case, straight, optim, ids, target)
    resumed, first = emb, SparseAdamConfig().init()
    for ids, target in batches[:2]:
        resumed = _step(case, resumed, first, ids, target)
    recorder = NamedMpkBytesRecorder()
    second = SparseAdamConfig().init().load_record(
        recorder.from_bytes(recorder.to_bytes(first.to_record())), resumed)
    for ids, target in batches[2:]:
        resumed = _step(case, resumed, second, ids, target)
    np.testing.assert_allclose(_weight(resumed), _weight(straight), rtol=1e-6, atol=1e-7)


def test_bad_settings() -> None:
    with pytest.raises(ValueError, match=r"SparseAdamConfig: betas must be in \[0, 1\)"):
        SparseAdamConfig(beta_1=1.0).init()
    with pytest.raises(ValueError, match="SparseAdamConfig: epsilon must be finite and > 0"):
        SparseAdamConfig(epsilon=0.0).init()
