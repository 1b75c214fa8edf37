"""Tests for pyburn.tensor.signal (Burn's ``burn_tensor::signal``): `rfft`, `irfft`, `cfft`,
`stft` and `istft` against torch.fft / torch.stft / torch.istft (float64, every backend row,
native kernels and the composite DFT), gradients against torch autograd and central
differences, Burn's autodiff tests (``burn-backend-tests/tests/autodiff/rfft.rs``) transcribed
by hand, and clear errors."""

from __future__ import annotations

from typing import Any, Callable, Sequence

import numpy as np
import pytest

from gradcheck import gradcheck
from pyburn import Int, Tensor, TensorData, Tolerance
from pyburn.tensor import KindError, RankError, ShapeError, hann_window, signal
from pyburn.tensor.module_ops import fft as fft_ops
from pyburn.tensor.signal import StftOptions, cfft, irfft, istft, rfft, stft
from torch_compare import force_composite

RNG = np.random.default_rng(0)
TOL = 1e-10


def torch_or_skip() -> Any:
    return pytest.importorskip("torch", reason="torch is not installed: nothing to compare with")


@pytest.fixture(params=["native", "composite"])
def path(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Run a test on the backend's native FFT kernel, then on the composite DFT."""
    if request.param == "composite":
        force_composite(monkeypatch, fft_ops.rfft, fft_ops.irfft)
    return str(request.param)


def compare(case: Any, fn: Callable[..., Any], reference: Callable[..., Any],
            inputs: Sequence[np.ndarray], tol: float = TOL) -> None:
    """`fn` on pyburn tensors against `reference` on torch float64 tensors: the output, and on
    Autodiff rows the gradient of every input for a random weighting of the output."""
    torch = torch_or_skip()
    xs_t = [torch.tensor(x, dtype=torch.float64, requires_grad=True) for x in inputs]
    y_t = reference(*xs_t)
    xs = [case.tensor(x) for x in inputs]
    if case.autodiff:
        xs = [x.require_grad() for x in xs]
    y = fn(*xs)
    assert list(y.shape) == list(y_t.shape)
    np.testing.assert_allclose(y.to_data().as_numpy(), y_t.detach().numpy(), rtol=tol,
                               atol=tol, err_msg="output")
    if not case.autodiff:
        return
    w = np.random.default_rng(3).standard_normal(tuple(y_t.shape))
    grads_t = torch.autograd.grad(y_t, xs_t, torch.tensor(w))
    grads = (y * case.tensor(w)).sum().backward()
    for i, (x, g_t) in enumerate(zip(xs, grads_t)):
        g = x.grad(grads)
        assert g is not None, f"no gradient for input {i}"
        np.testing.assert_allclose(g.to_data().as_numpy(), g_t.numpy(), rtol=tol, atol=tol,
                                   err_msg=f"gradient of input {i}")


def stacked(re: Any, im: Any) -> Any:
    return Tensor.stack([re, im], re.rank)


# --- rfft / irfft against torch.fft --------------------------------------------------------------
RFFT_CASES = [((8,), 0, None), ((1,), 0, None), ((2,), 0, None), ((13,), 0, 16),
              ((13,), 0, 8), ((19,), -1, 4), ((4, 8, 16), 0, None), ((4, 8, 16), 1, None),
              ((4, 8, 16), -1, None), ((3, 5, 6), 1, 8), ((3, 5, 6), -1, 4), ((3, 5, 6), 0, 1)]


@pytest.mark.parametrize("shape,dim,n", RFFT_CASES)
def test_rfft_matches_torch(backend: Any, path: str, shape: tuple[int, ...], dim: int,
                            n: int | None) -> None:
    torch = torch_or_skip()
    compare(backend.f64, lambda x: stacked(*rfft(x, dim, n)),
            lambda x: torch.view_as_real(torch.fft.rfft(x, n=n, dim=dim)),
            [RNG.standard_normal(shape)])


IRFFT_CASES = [((5,), 0, None), ((2,), 0, None), ((9,), 0, 16), ((9,), 0, 8), ((9,), 0, 4),
               ((3,), 0, 1), ((3,), 0, 2), ((3, 9, 5), 0, None), ((4, 9, 5), 1, 16),
               ((4, 9, 5), -1, None), ((2, 3, 6), -1, 4)]


@pytest.mark.parametrize("shape,dim,n", IRFFT_CASES)
def test_irfft_matches_torch(backend: Any, path: str, shape: tuple[int, ...], dim: int,
                             n: int | None) -> None:
    """Including the imaginary parts of the DC and Nyquist bins, which both ignore (their
    gradient is zero in both)."""
    torch = torch_or_skip()
    compare(backend.f64, lambda re, im: irfft(re, im, dim, n),
            lambda re, im: torch.fft.irfft(torch.complex(re, im), n=n, dim=dim),
            [RNG.standard_normal(shape), RNG.standard_normal(shape)])


@pytest.mark.parametrize("dim", [0, 1, -1])
def test_round_trip(backend: Any, path: str, dim: int) -> None:
    case = backend.f64
    x = RNG.standard_normal((4, 8, 16))
    re, im = rfft(case.tensor(x), dim)
    np.testing.assert_allclose(irfft(re, im, dim).to_data().as_numpy(), x, atol=1e-12)
    re, im = rfft(case.tensor(x), dim, 32)       # zero-padded: the padding comes back as zeros
    back = irfft(re, im, dim, 32).to_data().as_numpy()
    np.testing.assert_allclose(np.take(back, range(x.shape[dim]), axis=dim), x, atol=1e-12)
    np.testing.assert_allclose(np.take(back, range(x.shape[dim], 32), axis=dim), 0, atol=1e-12)


def test_composite_runs_in_float32(backend: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The default kernel keeps the input's dtype (a float32 row gets float32 spectra)."""
    case = backend.with_float("float32")
    x = RNG.standard_normal((3, 16)).astype(np.float32)
    native = [t.to_data().as_numpy() for t in rfft(case.tensor(x), 1)]
    force_composite(monkeypatch, fft_ops.rfft, fft_ops.irfft)
    composite = [t.to_data().as_numpy() for t in rfft(case.tensor(x), 1)]
    for a, b in zip(native, composite):
        assert b.dtype == np.float32
        np.testing.assert_allclose(a, b, atol=1e-4)


# --- gradients: central differences --------------------------------------------------------------
@pytest.mark.parametrize("n", [None, 4, 16])
def test_rfft_finite_differences(ad_backend: Any, path: str, n: int | None) -> None:
    x = RNG.standard_normal((3, 8))
    gradcheck(ad_backend.f64, lambda t: stacked(*rfft(t, 1, n)), x)
    gradcheck(ad_backend.f64, lambda t: rfft(t, 1, n)[1], x)     # one output without the other


@pytest.mark.parametrize("n", [None, 4, 16])
def test_irfft_finite_differences(ad_backend: Any, path: str, n: int | None) -> None:
    gradcheck(ad_backend.f64, lambda re, im: irfft(re, im, 0, n),
              RNG.standard_normal((5, 2)), RNG.standard_normal((5, 2)))


def test_stft_finite_differences(ad_backend: Any, path: str) -> None:
    options = StftOptions(8, hop_length=2, win_length=6)
    gradcheck(ad_backend.f64, lambda x, w: stft(x, w, options),
              RNG.standard_normal((2, 12)), RNG.random(6))


# --- Burn's autodiff/rfft.rs, transcribed --------------------------------------------------------
RANDOM16 = [0.26, 0.13, 0.36, 0.24, 0.40, 0.93, 0.12, 0.18, 0.03, 0.74, 0.33, 0.70, 0.07, 0.61,
            0.32, 0.66]


def test_should_diff_rfft(ad_backend: Any) -> None:
    T = Tensor[ad_backend.B]
    x = T.from_data(RANDOM16[:8], ad_backend.device).require_grad()
    y = T.from_data([0.03, 0.74, 0.33, 0.70, 0.07, 0.61, 0.32, 0.66], ad_backend.device)
    x_re, x_im = rfft(x, 0)
    y_re, y_im = rfft(y, 0)
    loss = (x_re * y_re + x_im * y_im).sum()
    x_grad = x.grad(loss.backward())
    assert x_grad is not None
    prod = (x_grad * x.inner()).sum()     # the loss is linear in x: <grad, x> is the loss
    prod.to_data().assert_approx_eq(loss.to_data(), Tolerance.default())


def _round_trip(case: Any, values: list[float], shape: list[int], dim: int,
                n: int | None) -> Any:
    """Burn's ``round_trip*``: ``irfft(2 rfft(3x)) / 6`` is x, so the gradient of
    ``0.5 Σ x²`` is x itself."""
    T = Tensor[case.B]
    tensor = T.from_data(values, case.device).reshape(shape).require_grad()
    re, im = rfft(tensor * 3.0, dim, n)
    x = irfft(re * 2.0, im * 2.0, dim, n) / 6.0
    loss = x.powi_scalar(2).sum() * 0.5
    grad = tensor.grad(loss.backward())
    assert grad is not None
    return grad.reshape([-1])


def test_burn_round_trip(ad_backend: Any) -> None:
    grad = _round_trip(ad_backend, RANDOM16, [16], 0, None)
    grad.to_data().assert_approx_eq(TensorData(RANDOM16), Tolerance.default())


def test_burn_round_trip_with_dim_nonzero(ad_backend: Any) -> None:
    grad = _round_trip(ad_backend, RANDOM16, [1, 1, -1, 1, 1], 2, None)
    grad.to_data().assert_approx_eq(TensorData(RANDOM16), Tolerance.default())


def test_burn_round_trip_with_some_n_greater(ad_backend: Any) -> None:
    values = RANDOM16[:13]
    grad = _round_trip(ad_backend, values, [13], 0, 16)
    grad.to_data().assert_approx_eq(TensorData(values), Tolerance.default())


def test_burn_round_trip_with_some_n_less(ad_backend: Any) -> None:
    values = RANDOM16 + [0.16, 0.05, 0.69]
    grad = _round_trip(ad_backend, values, [19], 0, 16)
    grad.narrow(0, 0, 16).to_data().assert_approx_eq(TensorData(values[:16]),
                                                     Tolerance.default())
    np.testing.assert_allclose(grad.narrow(0, 16, 3).to_data().as_numpy(), 0.0)  # truncated


def _inverse_round_trip(case: Any, values: list[float], n: int) -> Any:
    """Burn's ``round_trip_inverse*``: ``Re rfft(3 irfft(2t, 0) / 6)`` is t on the bins kept."""
    T = Tensor[case.B]
    tensor = T.from_data(values, case.device).require_grad()
    x = irfft(tensor * 2.0, tensor.zeros_like(), 0, n) / 6.0
    y, _ = rfft(x * 3.0, 0, n)
    loss = y.powi_scalar(2).sum() * 0.5
    grad = tensor.grad(loss.backward())
    assert grad is not None
    return grad


def test_burn_round_trip_inverse_with_some_n_greater(ad_backend: Any) -> None:
    values = RANDOM16[:7]
    grad = _inverse_round_trip(ad_backend, values, 16)
    grad.to_data().assert_approx_eq(TensorData(values), Tolerance.default())


def test_burn_round_trip_inverse_with_some_n_less(ad_backend: Any) -> None:
    values = RANDOM16[:12]
    grad = _inverse_round_trip(ad_backend, values, 16)
    grad.narrow(0, 0, 9).to_data().assert_approx_eq(TensorData(values[:9]), Tolerance.default())
    np.testing.assert_allclose(grad.narrow(0, 9, 3).to_data().as_numpy(), 0.0)  # ignored bins


# --- stft against torch.stft ---------------------------------------------------------------------
STFT_CASES = [
    (StftOptions(16), None, 40),
    (StftOptions(8, hop_length=3), "hann", 21),
    (StftOptions(16, hop_length=4, win_length=10), "hann", 33),
    (StftOptions(8, hop_length=2, center=False), "random", 20),
    (StftOptions(8, hop_length=5, win_length=5, onesided=False), "random", 17),
    (StftOptions(2, hop_length=1, onesided=False), None, 6),
    (StftOptions(1, hop_length=1, center=False), None, 3),
]


@pytest.mark.parametrize("options,window,length", STFT_CASES)
def test_stft_matches_torch(backend: Any, path: str, options: StftOptions, window: str | None,
                            length: int) -> None:
    torch = torch_or_skip()
    win = options.effective_win_length()
    x = RNG.standard_normal((2, length))

    def reference(x_t: Any, *w_t: Any) -> Any:
        out = torch.stft(x_t, options.n_fft, options.hop_length, options.win_length,
                         w_t[0] if w_t else torch.ones(win, dtype=torch.float64),
                         center=options.center, pad_mode="reflect",
                         onesided=options.onesided, return_complex=True)
        return torch.view_as_real(out.transpose(1, 2))

    if window is None:
        compare(backend.f64, lambda t: stft(t, None, options), reference, [x])
        return
    w = (np.hanning(win + 1)[:-1] if window == "hann" else RNG.random(win))
    compare(backend.f64, lambda t, w_: stft(t, w_, options), reference, [x, w])


def test_stft_with_burn_windows(backend: Any) -> None:
    """A periodic Hann window from `hann_window`, as torch.hann_window's."""
    torch = torch_or_skip()
    case = backend.f64
    x = RNG.standard_normal((1, 64))
    options = StftOptions(16)
    window = hann_window(16, True, case.device)
    got = stft(case.tensor(x), window, options).to_data().as_numpy()
    want = torch.stft(torch.tensor(x), 16, 4, window=torch.hann_window(16, dtype=torch.float64),
                      return_complex=True)
    np.testing.assert_allclose(got, torch.view_as_real(want.transpose(1, 2)).numpy(), atol=1e-10)


def test_stft_options_follow_burn() -> None:
    assert StftOptions.new(512) == StftOptions(512, 128, None, True, True)
    assert StftOptions().n_fft == 400 and StftOptions().hop_length == 100
    assert StftOptions(2).hop_length == 1
    assert StftOptions(64).effective_win_length() == 64
    assert StftOptions(64, win_length=48).effective_win_length() == 48


# --- cfft and istft ------------------------------------------------------------------------------
@pytest.mark.parametrize("shape,dim,n", [((8,), 0, None), ((2,), 0, None), ((1,), 0, None),
                                         ((3, 5), 1, 8), ((4, 6), 0, 2), ((2, 4, 3), 1, None)])
def test_cfft_matches_torch(backend: Any, path: str, shape: tuple[int, ...], dim: int,
                            n: int | None) -> None:
    torch = torch_or_skip()
    compare(backend.f64, lambda re, im: stacked(*cfft(re, im, dim, n)),
            lambda re, im: torch.view_as_real(torch.fft.fft(torch.complex(re, im), n=n, dim=dim)),
            [RNG.standard_normal(shape), RNG.standard_normal(shape)])


ISTFT_CASES = [
    (StftOptions(8, hop_length=2), None, None),
    (StftOptions(8, hop_length=2, center=False), None, 20),
    (StftOptions(16, hop_length=4, win_length=12), "hann", None),
    (StftOptions(8, hop_length=3, onesided=False), "random", 20),
    (StftOptions(8, hop_length=2), "random", 11),
]


@pytest.mark.parametrize("options,window,length", ISTFT_CASES)
def test_istft_matches_torch(backend: Any, path: str, options: StftOptions, window: str | None,
                             length: int | None) -> None:
    torch = torch_or_skip()
    win = options.effective_win_length()
    n_freqs = options.n_fft // 2 + 1 if options.onesided else options.n_fft
    spec = RNG.standard_normal((2, 7, n_freqs, 2))
    if not options.onesided:     # torch.istft needs a two-sided spectrum of a real signal
        x = RNG.standard_normal((2, options.n_fft + 6 * options.hop_length))
        spec = stft(backend.f64.tensor(x), None, StftOptions(options.n_fft, options.hop_length,
                    options.win_length, options.center, False)).to_data().as_numpy()
    w = None if window is None else (np.hanning(win + 1)[:-1] if window == "hann"
                                     else RNG.random(win) + 0.5)

    def reference(s_t: Any, *w_t: Any) -> Any:
        window_t = w_t[0] if w_t else torch.ones(win, dtype=torch.float64)
        return torch.istft(torch.view_as_complex(s_t.contiguous()).transpose(1, 2),
                           options.n_fft, options.hop_length, options.win_length, window_t,
                           center=options.center, onesided=options.onesided, length=length)

    if w is None:
        compare(backend.f64, lambda s_: istft(s_, None, length, options), reference, [spec])
    else:
        compare(backend.f64, lambda s_, w_: istft(s_, w_, length, options), reference,
                [spec, w])


@pytest.mark.parametrize("center,onesided,window", [(False, True, None), (True, True, None),
                                                    (False, False, None), (True, True, "hann")])
def test_stft_istft_round_trip(backend: Any, path: str, center: bool, onesided: bool,
                               window: str | None) -> None:
    """Burn's ``stft_istft_roundtrip_*`` (cubecl/stft.rs): the signal comes back."""
    case = backend.f64
    x = RNG.standard_normal((3, 8))
    options = StftOptions(4, hop_length=1 if window else 2, center=center, onesided=onesided)
    w = None if window is None else hann_window(4, True, case.device)
    back = istft(stft(case.tensor(x), w, options), w, 8, options).to_data().as_numpy()
    np.testing.assert_allclose(back, x, atol=1e-10)


def test_istft_length_past_the_centred_output_pads_zeros(backend: Any) -> None:
    """Burn's rule: with ``center``, the ``n_fft // 2`` edges are cut before `length` applies,
    so a longer `length` pads zeros (torch.istft keeps the overlap-add tail there instead)."""
    case = backend.f64
    options = StftOptions(8, hop_length=2)
    spec = stft(case.tensor(RNG.standard_normal((1, 16))), None, options)
    full = istft(spec, None, None, options).to_data().as_numpy()
    longer = istft(spec, None, 20, options).to_data().as_numpy()
    assert full.shape == (1, 16) and longer.shape == (1, 20)
    np.testing.assert_allclose(longer[:, :16], full, atol=1e-12)
    np.testing.assert_array_equal(longer[:, 16:], 0.0)


def test_cfft_istft_finite_differences(ad_backend: Any, path: str) -> None:
    gradcheck(ad_backend.f64, lambda re, im: stacked(*cfft(re, im, 1, 4)),
              RNG.standard_normal((2, 3)), RNG.standard_normal((2, 3)))
    options = StftOptions(8, hop_length=3, win_length=6)
    gradcheck(ad_backend.f64, lambda s_, w: istft(s_, w, 14, options),
              RNG.standard_normal((1, 4, 5, 2)), RNG.random(6) + 0.5)


def test_istft_errors_name_the_op(backend: Any) -> None:
    case = backend.f64
    options = StftOptions(8, hop_length=2)
    spec = case.tensor(RNG.standard_normal((1, 3, 5, 2)))
    with pytest.raises(ShapeError, match=r"istft: stft_matrix must be \[batch, n_frames, "
                                         r"n_freqs, 2\] .* got shape \[1, 3, 5\]"):
        istft(spec.narrow(3, 0, 1).reshape([1, 3, 5]), None, None, options)
    with pytest.raises(ShapeError, match=r"istft: n_freqs dimension \(5\) does not match "
                                         r"expected for n_fft=8, onesided=False \(expected 8\)"):
        istft(spec, None, None, StftOptions(8, hop_length=2, onesided=False))
    with pytest.raises(ShapeError, match=r"istft: stft_matrix must contain at least one frame"):
        istft(spec.narrow(1, 0, 0), None, None, options)
    with pytest.raises(ValueError, match=r"istft: n_fft must be a power of two, got 6"):
        istft(spec, None, None, StftOptions(6))
    with pytest.raises(ShapeError, match=r"istft: window must be \[8\]"):
        istft(spec, case.tensor(np.ones(4)), None, options)
    with pytest.raises(ShapeError, match=r"cfft: signal_re and signal_im must have the same"):
        cfft(spec, spec.narrow(1, 0, 2), 2)


# --- errors --------------------------------------------------------------------------------------
def test_errors_name_the_op(backend: Any) -> None:
    case = backend.f64
    x = case.tensor(RNG.standard_normal((3, 6)))
    with pytest.raises(ShapeError, match=r"rfft: .*power of two.*dimension 1 is 6"):
        rfft(x, 1)
    with pytest.raises(ValueError, match=r"rfft: n must be a power of two, got 6"):
        rfft(x, 1, 6)
    with pytest.raises(ValueError, match=r"rfft: n must be >= 1, got 0"):
        rfft(x, 1, 0)
    with pytest.raises(ShapeError, match=r"rfft: dim 2 out of range for a tensor of rank 2"):
        rfft(x, 2, 8)
    with pytest.raises(ShapeError, match=r"rfft: dim -3 out of range"):
        rfft(x, -3, 8)
    ints = Tensor[case.B, Int].from_data(np.arange(8), case.device)
    with pytest.raises(KindError, match=r"rfft: signal must be a Float tensor, got a Int"):
        rfft(ints, 0)
    with pytest.raises(ShapeError, match=r"irfft: the output length 2 \* \(size - 1\) = 10"):
        irfft(x, x, 1)   # 6 bins -> 10 samples is not a power of two
    with pytest.raises(ShapeError, match=r"irfft: the output length .* = 0"):
        irfft(x.narrow(1, 0, 1), x.narrow(1, 0, 1), 1)
    with pytest.raises(ValueError, match=r"irfft: n must be a power of two, got 12"):
        irfft(x, x, 1, 12)
    with pytest.raises(ValueError, match=r"irfft: n must be >= 1, got -2"):
        irfft(x, x, 1, -2)
    with pytest.raises(ShapeError, match=r"irfft: spectrum_re and spectrum_im must have the "
                                         r"same shape, got \[3, 6\] and \[3, 5\]"):
        irfft(x, x.narrow(1, 0, 5), 1, 8)
    with pytest.raises(KindError, match=r"irfft: spectrum_im must be a Float tensor"):
        irfft(ints.float(), ints, 0)


def test_stft_errors_name_the_op(backend: Any) -> None:
    case = backend.f64
    x = case.tensor(RNG.standard_normal((2, 32)))
    with pytest.raises(ValueError, match=r"stft: n_fft must be a power of two, got 12"):
        stft(x, None, StftOptions(12))
    with pytest.raises(ValueError, match=r"stft: n_fft must be >= 1, got 0"):
        stft(x, None, StftOptions(0, hop_length=1))
    with pytest.raises(ValueError, match=r"stft: hop_length must be >= 1, got 0"):
        stft(x, None, StftOptions(8, hop_length=0))
    with pytest.raises(ValueError, match=r"stft: win_length \(16\) must be <= n_fft \(8\)"):
        stft(x, None, StftOptions(8, win_length=16))
    with pytest.raises(ValueError, match=r"stft: hop_length \(6\) must be <= effective "
                                         r"win_length \(4\)"):
        stft(x, None, StftOptions(8, hop_length=6, win_length=4))
    with pytest.raises(ShapeError, match=r"stft: window must be \[8\] .* got shape \[6\]"):
        stft(x, case.tensor(np.ones(6)), StftOptions(8))
    with pytest.raises(RankError, match=r"stft: signal must be \[batch, length\]"):
        stft(x.reshape([64]), None, StftOptions(8))
    with pytest.raises(ShapeError, match=r"stft: signal length \(4\) must be > n_fft/2 \(4\)"):
        stft(x.narrow(1, 0, 4), None, StftOptions(8))
    with pytest.raises(ShapeError, match=r"stft: signal length \(4\) must be >= n_fft \(8\)"):
        stft(x.narrow(1, 0, 4), None, StftOptions(8, center=False))


def test_exported_like_linalg() -> None:
    import pyburn
    assert pyburn.signal is signal and pyburn.tensor.signal is signal
    for name in ("rfft", "irfft", "cfft", "stft", "istft", "StftOptions"):
        assert name in signal.__all__
