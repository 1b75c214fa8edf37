"""``pyburn.tensor.signal``: Burn's ``burn_tensor::signal`` transforms: `rfft`, `irfft`, `cfft`,
`stft` and `istft`.

`rfft`/`irfft` are backend ops (`pyburn.tensor.module_ops.fft`): an exact DFT composite on any
backend, ``numpy.fft``/``cupy.fft``/``torch.fft`` where native, and a backward on every backend
(each transform's adjoint is the other). As in Burn, transform lengths must be powers of two.
The windows (`hann_window`, `hamming_window`, `blackman_window`) live here too, as in Burn.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .errors import KindError, RankError, ShapeError
from .module_ops import fft as _ops
from .ops_extra import PadMode, blackman_window, hamming_window, hann_window

__all__ = ["rfft", "irfft", "cfft", "stft", "istft", "StftOptions", "hann_window", "hamming_window",
           "blackman_window"]

_FOLLOW_UP = ("True non-power-of-two DFT support is tracked as a follow-up (Bluestein's "
              "algorithm).")


def _is_power_of_two(n: int) -> bool:
    return n >= 1 and n & (n - 1) == 0


def _require_float(op: str, name: str, t: Any) -> None:
    if t.kind.prefix != "float":
        raise KindError(f"{op}: {name} must be a Float tensor, got a {t.kind.__name__} tensor")


def _dim(op: str, t: Any, dim: int) -> int:
    rank = t.rank
    d = dim + rank if dim < 0 else dim
    if not 0 <= d < rank:
        raise ShapeError(f"{op}: dim {dim} out of range for a tensor of rank {rank} "
                         f"(shape {list(t.shape)})")
    return d


def _check_n(op: str, n: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"{op}: n must be an int or None, got {n!r}")
    if n < 1:
        raise ValueError(f"{op}: n must be >= 1, got {n}")
    if not _is_power_of_two(n):
        raise ValueError(f"{op}: n must be a power of two, got {n}. {_FOLLOW_UP}")
    return n


def rfft(signal: Any, dim: int, n: int | None = None) -> tuple[Any, Any]:
    """The DFT of a real signal along `dim`: ``(re, im)`` of its ``n // 2 + 1`` non-redundant
    bins, ``X[k] = Σ_j x[j] e^{-2πijk/n}`` (``torch.fft.rfft(signal, n, dim)`` split into real
    and imaginary parts). With ``n=None`` the length along `dim` must be a power of two;
    otherwise `n` must be, and the signal is truncated or zero-padded to it."""
    _require_float("rfft", "signal", signal)
    d = _dim("rfft", signal, dim)
    if n is None:
        size = signal.shape[d]
        if not _is_power_of_two(size):
            raise ShapeError(f"rfft: the provided dimension size must be a power of two. The "
                             f"length of dimension {d} is {size} (shape {list(signal.shape)}). "
                             f"{_FOLLOW_UP}")
        n = size
    re, im = _ops.rfft.apply(signal, dim=d, n=_check_n("rfft", n))
    return re, im


def irfft(spectrum_re: Any, spectrum_im: Any, dim: int, n: int | None = None) -> Any:
    """The real signal whose `rfft` along `dim` is ``spectrum_re + i spectrum_im``:
    ``x[j] = (1/n) Σ_k X[k] e^{2πijk/n}`` over the Hermitian-extended spectrum
    (``torch.fft.irfft(torch.complex(re, im), n, dim)``). With ``n=None`` the output has
    ``2 * (size - 1)`` samples, which must be a power of two; otherwise exactly `n` (a power of
    two), the spectrum being truncated or zero-padded to ``n // 2 + 1`` bins."""
    _require_float("irfft", "spectrum_re", spectrum_re)
    _require_float("irfft", "spectrum_im", spectrum_im)
    if list(spectrum_re.shape) != list(spectrum_im.shape):
        raise ShapeError(f"irfft: spectrum_re and spectrum_im must have the same shape, got "
                         f"{list(spectrum_re.shape)} and {list(spectrum_im.shape)}")
    d = _dim("irfft", spectrum_re, dim)
    if n is None:
        size = spectrum_re.shape[d]
        n = 2 * (size - 1)
        if not _is_power_of_two(n):
            raise ShapeError(f"irfft: the output length 2 * (size - 1) = {n} (size "
                             f"{size} along dim {d}) must be a power of two; pass n. "
                             f"{_FOLLOW_UP}")
    return _ops.irfft.apply(spectrum_re, spectrum_im, dim=d, n=_check_n("irfft", n))


def cfft(signal_re: Any, signal_im: Any, dim: int, n: int | None = None) -> tuple[Any, Any]:
    """The DFT of a complex signal ``signal_re + i signal_im`` along `dim`: the full ``n`` bins
    as ``(re, im)`` (``torch.fft.fft(torch.complex(re, im), n, dim)``). As Burn, by linearity:
    the `rfft` of each part, extended to ``n`` bins by Hermitian symmetry and combined."""
    _require_float("cfft", "signal_re", signal_re)
    _require_float("cfft", "signal_im", signal_im)
    if list(signal_re.shape) != list(signal_im.shape):
        raise ShapeError(f"cfft: signal_re and signal_im must have the same shape, got "
                         f"{list(signal_re.shape)} and {list(signal_im.shape)}")
    d = _dim("cfft", signal_re, dim)
    size = signal_re.shape[d] if n is None else n
    xr, xi = hermitian_extend(*rfft(signal_re, d, n), d, size)
    yr, yi = hermitian_extend(*rfft(signal_im, d, n), d, size)
    return xr - yi, xi + yr


def hermitian_extend(half_re: Any, half_im: Any, dim: int, full_len: int) -> tuple[Any, Any]:
    """A half spectrum (``full_len // 2 + 1`` bins along `dim`, from `rfft`) extended to all
    ``full_len`` bins with ``X[k] = conj(X[n - k])``."""
    mirror = full_len - half_re.shape[dim]
    if mirror <= 0:
        return half_re, half_im
    cls = type(half_re)
    re = cls.cat([half_re, half_re.narrow(dim, 1, mirror).flip([dim])], dim)
    im = cls.cat([half_im, -half_im.narrow(dim, 1, mirror).flip([dim])], dim)
    return re, im


@dataclass(frozen=True)
class StftOptions:
    """Burn's ``StftOptions`` (PyTorch's defaults): frames of `n_fft` samples (a power of two)
    every `hop_length` (default ``max(n_fft // 4, 1)``), a window of `win_length` (default
    `n_fft`) centred in the frame, `center` reflect-pads ``n_fft // 2`` on both sides, and
    `onesided` keeps the ``n_fft // 2 + 1`` non-redundant bins."""

    n_fft: int = 400
    hop_length: int | None = None
    win_length: int | None = None
    center: bool = True
    onesided: bool = True

    def __post_init__(self) -> None:
        if self.hop_length is None:
            object.__setattr__(self, "hop_length", max(self.n_fft // 4, 1))

    @classmethod
    def new(cls, n_fft: int) -> "StftOptions":
        """Burn's ``StftOptions::new``: the defaults for this FFT size."""
        return cls(n_fft)

    @property
    def hop(self) -> int:
        """`hop_length`, resolved (``max(n_fft // 4, 1)`` when it was left as None)."""
        return max(self.n_fft // 4, 1) if self.hop_length is None else self.hop_length

    def effective_win_length(self) -> int:
        return self.n_fft if self.win_length is None else self.win_length

    def check(self, op: str) -> None:
        """Burn's ``assert_valid``, as ValueErrors naming `op`."""
        n_fft, hop = self.n_fft, self.hop
        if n_fft < 1:
            raise ValueError(f"{op}: n_fft must be >= 1, got {n_fft}")
        if not _is_power_of_two(n_fft):
            raise ValueError(f"{op}: n_fft must be a power of two, got {n_fft}. {_FOLLOW_UP}")
        if hop < 1:
            raise ValueError(f"{op}: hop_length must be >= 1, got {hop}")
        win = self.effective_win_length()
        if win < 1:
            raise ValueError(f"{op}: effective win_length must be >= 1, got {win}")
        if win > n_fft:
            raise ValueError(f"{op}: win_length ({win}) must be <= n_fft ({n_fft})")
        if hop > win:
            raise ValueError(f"{op}: hop_length ({hop}) must be <= effective win_length ({win}) "
                             "so the window/hop combination satisfies the COLA/NOLA condition "
                             "required for invertibility")


def stft(signal: Any, window: Any = None, options: StftOptions | None = None) -> Any:
    """The short-time Fourier transform of ``signal [batch, length]``: ``[batch, n_frames,
    n_freqs, 2]`` with ``[re, im]`` last, Burn's layout. ``torch.stft(signal, n_fft, hop_length,
    win_length, window, center, pad_mode="reflect", onesided=onesided, return_complex=True)``
    is the same values as ``[batch, n_freqs, n_frames]`` complex. `window` (``[win_length]``,
    default rectangular) is zero-padded to ``n_fft`` around the centre, as torch's."""
    options = StftOptions() if options is None else options
    options.check("stft")
    _require_float("stft", "signal", signal)
    if signal.rank != 2:
        raise RankError(f"stft: signal must be [batch, length] (rank 2), got shape "
                        f"{list(signal.shape)}")
    n_fft, hop = options.n_fft, options.hop
    window = _frame_window("stft", signal, window, options)
    length = signal.shape[1]
    if options.center:
        if length <= n_fft // 2:
            raise ShapeError(f"stft: signal length ({length}) must be > n_fft/2 "
                             f"({n_fft // 2}) for reflect pad with center=true")
        pad = n_fft // 2
        if pad:
            signal = signal.pad([(0, 0), (pad, pad)], PadMode.Reflect)
    batch, padded = signal.shape
    if padded < n_fft:
        raise ShapeError(f"stft: signal length ({padded}) must be >= n_fft ({n_fft}) after "
                         "padding")
    frames = signal.unfold(1, n_fft, hop) * window.reshape([1, 1, n_fft])
    n_frames = frames.shape[1]
    re, im = rfft(frames.reshape([batch * n_frames, n_fft]), 1, n_fft)
    if not options.onesided:
        re, im = hermitian_extend(re, im, 1, n_fft)
    n_freqs = re.shape[1]
    return type(re).stack([re.reshape([batch, n_frames, n_freqs]),
                           im.reshape([batch, n_frames, n_freqs])], 3)


def _frame_window(op: str, like: Any, window: Any, options: StftOptions) -> Any:
    """`window` (``[win_length]``; None: rectangular) zero-padded to ``n_fft`` around the
    centre, as torch.stft/istft do."""
    n_fft, win_len = options.n_fft, options.effective_win_length()
    if window is None:
        window = type(like).ones([win_len], like.device)
        if window.dtype != like.dtype:
            window = window.cast(like.dtype)
    else:
        _require_float(op, "window", window)
        if window.rank != 1 or window.shape[0] != win_len:
            raise ShapeError(f"{op}: window must be [{win_len}] (the effective win_length), "
                             f"got shape {list(window.shape)}")
    if win_len < n_fft:
        left = (n_fft - win_len) // 2
        window = window.pad([(left, n_fft - win_len - left)], 0.0)
    return window


def istft(stft_matrix: Any, window: Any = None, length: int | None = None,
          options: StftOptions | None = None) -> Any:
    """The inverse of `stft`: ``[batch, n_frames, n_freqs, 2]`` back to ``[batch, length]`` by
    windowed overlap-add divided by the summed squared window (Burn's; positions the window
    never covers divide by ``1e-10``). `options` must be the forward's; `length` truncates or
    zero-pads the result. Where torch's NOLA check passes this is ``torch.istft(torch.complex(
    re, im).transpose(1, 2), n_fft, hop_length, win_length, window, center, onesided, length)``,
    except that a `length` past the centred output pads zeros (Burn's rule: the centre padding is
    cut first) where torch keeps the overlap-add tail."""
    options = StftOptions() if options is None else options
    options.check("istft")
    _require_float("istft", "stft_matrix", stft_matrix)
    n_fft, hop = options.n_fft, options.hop
    if stft_matrix.rank != 4 or stft_matrix.shape[3] != 2:
        raise ShapeError(f"istft: stft_matrix must be [batch, n_frames, n_freqs, 2] (real, "
                         f"imag), got shape {list(stft_matrix.shape)}")
    batch, n_frames, n_freqs, _ = stft_matrix.shape
    if n_frames < 1:
        raise ShapeError("istft: stft_matrix must contain at least one frame, got n_frames=0")
    expected = n_fft // 2 + 1 if options.onesided else n_fft
    if n_freqs != expected:
        raise ShapeError(f"istft: n_freqs dimension ({n_freqs}) does not match expected for "
                         f"n_fft={n_fft}, onesided={options.onesided} (expected {expected})")
    if length is not None and length < 0:
        raise ValueError(f"istft: length must be >= 0, got {length}")
    window = _frame_window("istft", stft_matrix, window, options)
    half = n_fft // 2 + 1
    re = stft_matrix.narrow(3, 0, 1).reshape([batch * n_frames, n_freqs]).narrow(1, 0, half)
    im = stft_matrix.narrow(3, 1, 1).reshape([batch * n_frames, n_freqs]).narrow(1, 0, half)
    frames = irfft(re, im, 1, n_fft).reshape([batch, n_frames, n_fft]) * window.reshape(
        [1, 1, n_fft])
    total = n_fft + (n_frames - 1) * hop
    output = None
    window_sum = None
    square = window * window
    for f in range(n_frames):
        start = f * hop
        placed = frames.narrow(1, f, 1).reshape([batch, n_fft]).pad(
            [(0, 0), (start, total - n_fft - start)], 0.0)
        covered = square.pad([(start, total - n_fft - start)], 0.0)
        output = placed if output is None else output + placed
        window_sum = covered if window_sum is None else window_sum + covered
    assert output is not None and window_sum is not None
    output = output / window_sum.clamp_min(1e-10).reshape([1, total])
    if options.center:
        pad = n_fft // 2
        output = output.narrow(1, pad, total - 2 * pad)
    if length is not None:
        current = output.shape[1]
        output = (output.narrow(1, 0, length) if length <= current
                  else output.pad([(0, 0), (0, length - current)], 0.0))
    return output
