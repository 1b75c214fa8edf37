"""Position information for attention models: `PositionalEncoding` (Burn's sinusoids from
"Attention Is All You Need", added to the input) and `RotaryEncoding` (Burn's RoPE, RoFormer:
each pair of features is rotated by an angle proportional to the position).

Neither layer has parameters. Burn keeps their tables as constant tensors; here the tables are
computed on the input's backend, device and dtype at each call (a few elementwise ops on
``[seq, d_model]``), so the layers follow ``to_device``/``valid()``/``to_backend`` of the model
with nothing to move, and a record holds nothing for them.
"""

from __future__ import annotations

import math
from typing import Any, Callable

from pyburn.config import Config
from pyburn.module import Module
from pyburn.tensor import Device, Int, RankError, ShapeError, Tensor

from ._types import B
from .initializer import resolve_device

__all__ = ["PositionalEncodingConfig", "PositionalEncoding", "generate_sinusoids",
           "RotaryEncodingConfig", "RotaryEncoding", "apply_freq_scaling_by_parts"]


# --- sinusoidal positional encoding ------------------------------------------------------------------


class PositionalEncodingConfig(Config):
    """Burn's defaults: tables for up to 5000 positions, ``max_timescale = 10000``."""

    d_model: int
    max_sequence_size: int = 5000
    max_timescale: int = 10000

    def init(self, device: Device | str | None = None,
             backend: Any = None) -> "PositionalEncoding":
        """Check the sizes (as Burn's ``generate_sinusoids`` does) and build the layer. It has
        no parameters; `device` is accepted so that every config's ``init(device)`` reads alike."""
        _check_sinusoid_sizes(self.max_sequence_size, self.d_model, self.max_timescale,
                              "PositionalEncodingConfig.init")
        return PositionalEncoding(self.d_model, self.max_sequence_size, self.max_timescale)


class PositionalEncoding(Module):
    """``x + sinusoids[:seq]`` for ``x`` of shape ``[batch, seq, d_model]``: feature ``2k`` of
    position ``i`` gets ``sin(i * w_k)`` and feature ``2k + 1`` gets ``cos(i * w_k)``, with
    ``w_k = exp(-2k ln(max_timescale) / d_model)`` (sines and cosines interleaved, as Burn)."""

    d_model: int
    max_sequence_size: int = 5000
    max_timescale: int = 10000

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[batch, seq, d_model]`` -> the same shape."""
        dims = x.dims()
        if len(dims) != 3:
            raise RankError(f"PositionalEncoding.forward: expected an input [batch, seq, "
                            f"d_model={self.d_model}], got shape {dims}")
        if dims[2] != self.d_model:
            raise ShapeError(f"PositionalEncoding.forward: expected an input [batch, seq, "
                             f"d_model={self.d_model}], got shape {dims}")
        if dims[1] > self.max_sequence_size:
            raise ShapeError(f"PositionalEncoding.forward: the sequence length {dims[1]} exceeds "
                             f"max_sequence_size={self.max_sequence_size}")
        table = _sinusoids(type(x), x.device, dims[1], self.d_model, self.max_timescale)
        return x + table.unsqueeze_dim(0)

    __call__ = forward

    def display_fields(self) -> dict[str, Any]:
        return {"d_model": self.d_model, "max_sequence_size": self.max_sequence_size,
                "max_timescale": self.max_timescale}


def generate_sinusoids(length: int, d_model: int, max_timescale: int,
                       device: Device | str | None = None, backend: Any = None) -> Any:
    """Burn's ``generate_sinusoids``: the table ``[length, d_model]`` that `PositionalEncoding`
    adds (float tensor of the device's backend)."""
    _check_sinusoid_sizes(length, d_model, max_timescale, "generate_sinusoids")
    backend, dev = resolve_device(device, backend, "generate_sinusoids")
    return _sinusoids(Tensor.of(backend), dev, length, d_model, max_timescale)


def _check_sinusoid_sizes(length: int, d_model: int, max_timescale: int, op: str) -> None:
    if d_model <= 0 or d_model % 2:
        raise ValueError(f"{op}: d_model must be even and positive, got {d_model}")
    if length < 1:
        raise ValueError(f"{op}: the sequence size must be >= 1, got {length}")
    if max_timescale < length:
        raise ValueError(f"{op}: max_timescale ({max_timescale}) must be >= the sequence size "
                         f"({length})")


def _sinusoids(cls: Any, device: Device, length: int, d_model: int, max_timescale: int) -> Any:
    ints = Tensor.of(cls.backend, Int)
    increment = -math.log(max_timescale) / d_model
    k = ints.arange_step(0, d_model, 2, device=device).float()
    div_term = (k * increment).exp().unsqueeze_dim(0)                       # [1, d/2]
    position = ints.arange(0, length, device=device).float().unsqueeze_dim(1)  # [len, 1]
    angle = position * div_term                                             # [len, d/2]
    return type(angle).stack([angle.sin(), angle.cos()], 2).reshape([length, d_model])


# --- rotary encoding -------------------------------------------------------------------------------


class RotaryEncodingConfig(Config):
    """Burn's fields: `max_sequence_length`, `d_model` (even), `theta` (10000)."""

    max_sequence_length: int
    d_model: int
    theta: float = 10000.0

    def init(self, device: Device | str | None = None,
             backend: Any = None) -> "RotaryEncoding":
        """Build the layer; the base frequencies are computed on `device`'s backend and dtype."""
        return self._initialize(None, device, backend, "RotaryEncodingConfig.init")

    def init_with_frequency_scaling(self, scaling: Callable[[Any], Any],
                                    device: Device | str | None = None,
                                    backend: Any = None) -> "RotaryEncoding":
        """As `init`, with `scaling` applied to the base frequencies (a ``[d_model / 2]`` float
        tensor -> the same shape), for RoPE extensions such as Llama 3's."""
        return self._initialize(scaling, device, backend,
                                "RotaryEncodingConfig.init_with_frequency_scaling")

    def _initialize(self, scaling: Callable[[Any], Any] | None, device: Device | str | None,
                    backend: Any, op: str) -> "RotaryEncoding":
        if self.d_model <= 0 or self.d_model % 2:
            raise ValueError(f"{op}: d_model must be even and positive, got {self.d_model}")
        if not self.theta > 0.0:
            raise ValueError(f"{op}: theta must be positive (default 10000), got {self.theta}")
        if self.max_sequence_length < 1:
            raise ValueError(f"{op}: max_sequence_length must be >= 1, got "
                             f"{self.max_sequence_length}")
        backend, dev = resolve_device(device, backend, op)
        # theta_i = 1 / theta^(2i / d_model), computed as Burn does (exp of a log) in the
        # backend's dtype, so a float32 model gets Burn's float32 frequencies.
        exponent = Tensor.of(backend, Int).arange_step(0, self.d_model, 2, device=dev).float()
        freqs = (exponent / self.d_model * math.log(self.theta)).exp().recip()
        if scaling is not None:
            freqs = scaling(freqs)
            if list(freqs.dims()) != [self.d_model // 2]:
                raise ShapeError(f"{op}: the scaling function must return [d_model / 2] = "
                                 f"[{self.d_model // 2}] frequencies, got {list(freqs.dims())}")
        theta = tuple(float(v) for v in freqs.to_data().to_numpy().tolist())
        return RotaryEncoding(theta, self.max_sequence_length, 0, dev)


class RotaryEncoding(Module):
    """Rotates each interleaved feature pair ``(x[2i], x[2i+1])`` of position ``p`` by the angle
    ``p * theta[i]`` (Burn's layout, not the half-split one of some PyTorch code):
    ``out[2i] = x[2i] cos - x[2i+1] sin``, ``out[2i+1] = x[2i+1] cos + x[2i] sin``."""

    theta: tuple[float, ...]
    max_sequence_length: int
    start_offset: int = 0
    device: Device | None = None
    """Where the layer was built: `freq_complex` is computed there."""

    @property
    def d_model(self) -> int:
        return 2 * len(self.theta)

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[..., seq, d_model]`` (rank >= 2; batch or batch and heads in front) -> same."""
        return self.apply(x, 0)

    __call__ = forward

    def apply(self, x: "Tensor[B]", start: int) -> "Tensor[B]":
        """`forward` for positions ``start, start + 1, ...`` (relative to the window set by
        `shift`): a decoding step at position ``t`` passes ``start=t``."""
        dims = list(x.dims())
        if len(dims) < 2:
            raise RankError(f"RotaryEncoding.apply: expected an input [..., seq, "
                            f"d_model={self.d_model}] of rank >= 2, got shape {dims}")
        seq, d_model = dims[-2], dims[-1]
        if d_model != self.d_model:
            raise ShapeError(f"RotaryEncoding.apply: expected an input [..., seq, "
                             f"d_model={self.d_model}], got shape {dims}")
        if start < 0 or start + seq > self.max_sequence_length:
            raise ShapeError(f"RotaryEncoding.apply: positions [{start}, {start + seq}) do not "
                             f"fit max_sequence_length={self.max_sequence_length}")
        angle = self._angles(type(x), x.device, self.start_offset + start, seq)
        cos = angle.cos().unsqueeze_dim(2)                                 # [seq, d/2, 1]
        sin = angle.sin().unsqueeze_dim(2)
        lead = math.prod(dims[:-2])
        pairs = x.reshape([lead, seq, d_model // 2, 2])
        even = pairs.narrow(3, 0, 1)
        odd = pairs.narrow(3, 1, 1)
        out = type(x).cat([even * cos - odd * sin, odd * cos + even * sin], 3)
        return out.reshape(dims)

    def frequencies(self, start: int, length: int, device: Device | str | None = None,
                    backend: Any = None) -> Any:
        """Burn's ``freq_complex`` rows for positions ``[start, start + length)``:
        ``[length, d_model, 2]`` holding ``(cos, sin)`` of each feature's angle (each pair's
        angle repeated for both of its features)."""
        backend, dev = resolve_device(device, backend, "RotaryEncoding.frequencies")
        angle = self._angles(Tensor.of(backend), dev, start, length)
        pair = type(angle).stack([angle.cos(), angle.sin()], 2)          # [len, d/2, 2]
        return type(pair).stack([pair, pair], 2).reshape([length, self.d_model, 2])

    @property
    def freq_complex(self) -> Any:
        """Burn's cached ``freq_complex`` field: the `frequencies` of the current window
        (positions ``start_offset .. start_offset + max_sequence_length``),
        ``[max_sequence_length, d_model, 2]``, on the device the layer was built on."""
        if self.device is None:
            raise ValueError("RotaryEncoding.freq_complex: this layer was built without a "
                             "device; call frequencies(start, length, device) instead")
        return self.frequencies(self.start_offset, self.max_sequence_length, self.device)

    def shift(self, start: int) -> None:
        """Move the window of positions to start at `start` (which must grow), as Burn's
        ``shift``: later calls to `apply` count positions from there."""
        if start <= self.start_offset:
            raise ValueError(f"RotaryEncoding.shift: the start position must increase, got "
                             f"{start} after {self.start_offset}")
        self.start_offset = int(start)

    def reset(self) -> None:
        """Back to the window starting at position 0."""
        self.start_offset = 0

    def _angles(self, cls: Any, device: Device, start: int, length: int) -> Any:
        ints = Tensor.of(cls.backend, Int)
        position = ints.arange(start, start + length, device=device).float().unsqueeze_dim(1)
        theta = Tensor.of(cls.backend).from_data(list(self.theta), device).unsqueeze_dim(0)
        return position * theta                                            # [len, d/2]

    def display_fields(self) -> dict[str, Any]:
        return {"d_model": self.d_model, "max_sequence_length": self.max_sequence_length}


_PI_F32 = 3.1415927410125732  # Burn's core::f32::consts::PI, widened


def apply_freq_scaling_by_parts(freqs: "Tensor[B]", scale_factor: float = 8.0,
                                low_freq_factor: float = 1.0, high_freq_factor: float = 4.0,
                                old_context_len: float = 8192.0) -> "Tensor[B]":
    """Llama 3's RoPE frequency scaling "by parts" (the function Burn's RoPE tests pass to
    ``init_with_frequency_scaling``), to stretch a model's context `scale_factor` times.

    With ``wavelen = 2 pi / freq``: wavelengths shorter than ``old_context_len /
    high_freq_factor`` keep their frequency, those longer than ``old_context_len /
    low_freq_factor`` are divided by `scale_factor`, and those between are interpolated with
    ``smooth = (old_context_len / wavelen - low_freq_factor) / (high_freq_factor -
    low_freq_factor)``: ``(1 - smooth) * freq / scale_factor + smooth * freq``. Use it as
    ``config.init_with_frequency_scaling(apply_freq_scaling_by_parts, device)``, or bind other
    factors with ``functools.partial``."""
    if not (scale_factor > 0.0 and old_context_len > 0.0 and high_freq_factor > low_freq_factor):
        raise ValueError(f"apply_freq_scaling_by_parts: expected scale_factor > 0, "
                         f"old_context_len > 0 and high_freq_factor > low_freq_factor, got "
                         f"scale_factor={scale_factor}, old_context_len={old_context_len}, "
                         f"low_freq_factor={low_freq_factor}, high_freq_factor={high_freq_factor}")
    low_freq_wavelen = old_context_len / low_freq_factor
    high_freq_wavelen = old_context_len / high_freq_factor
    # The wavelength in float32 math as Burn computes it (2 pi as an f32 constant).
    wavelen = freqs.recip().mul_scalar(2.0 * _PI_F32)
    smooth = wavelen.recip().mul_scalar(old_context_len).sub_scalar(low_freq_factor) \
        .div_scalar(high_freq_factor - low_freq_factor)
    blended = smooth.neg().add_scalar(1.0).mul(freqs.div_scalar(scale_factor)) \
        .add(smooth.mul(freqs))
    out = freqs.mask_where(wavelen.greater_equal_elem(high_freq_wavelen), blended)
    out = out.mask_where(wavelen.greater_elem(low_freq_wavelen), freqs.div_scalar(scale_factor))
    return out.mask_where(wavelen.lower_elem(high_freq_wavelen), freqs)
