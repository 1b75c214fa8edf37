"""Attention masks as Burn's ``burn::nn::attention`` builds them: ``True`` marks a position that
must NOT be attended to (a future token, a padding token), as torch's boolean masks do."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Sequence

from pyburn.config import EnumConfig
from pyburn.tensor import Device, Int, Tensor, TensorData

from ..initializer import resolve_device

__all__ = ["generate_autoregressive_mask", "generate_padding_mask", "GeneratePaddingMask",
           "SeqLengthOption"]


def generate_autoregressive_mask(batch_size: int, seq_length: int,
                                 device: Device | str | None = None,
                                 backend: Any = None) -> Any:
    """A causal mask ``[batch_size, seq_length, seq_length]``: position ``i`` may only see
    positions ``j <= i``, so entry ``[b, i, j]`` is True for ``j > i``. For ``MhaInput.mask_attn``
    when a model is trained to generate one token after another."""
    if batch_size < 1 or seq_length < 1:
        raise ValueError(f"generate_autoregressive_mask: batch_size and seq_length must be >= 1, "
                         f"got batch_size={batch_size}, seq_length={seq_length}")
    backend, dev = resolve_device(device, backend, "generate_autoregressive_mask")
    ints = Tensor[backend, Int]
    rows = ints.arange(0, seq_length, device=dev).reshape([seq_length, 1])
    cols = ints.arange(0, seq_length, device=dev).reshape([1, seq_length])
    mask = cols.expand([seq_length, seq_length]).greater(rows.expand([seq_length, seq_length]))
    return mask.unsqueeze_dim(0).expand([batch_size, seq_length, seq_length])


class SeqLengthOption(EnumConfig):
    """How long `generate_padding_mask` makes the rows (Burn's ``SeqLengthOption``)."""

    class NoMax(EnumConfig.Variant):
        """As long as the longest sequence."""

    class Max(EnumConfig.TupleVariant):
        """As long as the longest sequence, but at most this (longer ones are truncated)."""
        value: int

    class Fixed(EnumConfig.TupleVariant):
        """Exactly this long: padded or truncated."""
        value: int


@dataclass
class GeneratePaddingMask:
    """`tensor`: the padded tokens ``[batch, seq]`` (Int); `mask`: True where `tensor` holds
    the pad token (Bool), ready for ``MhaInput.mask_pad``."""

    tensor: Any
    mask: Any


def generate_padding_mask(pad_token: int, tokens_list: Sequence[Sequence[int]],
                          seq_length: "SeqLengthOption | int | None" = None,
                          device: Device | str | None = None,
                          backend: Any = None) -> GeneratePaddingMask:
    """Pad a batch of token sequences to one length and mark the padding, as Burn's
    ``generate_padding_mask``. `seq_length`: a `SeqLengthOption`; an int means
    ``SeqLengthOption.Max(n)`` and None ``SeqLengthOption.NoMax()`` (Burn's ``From<Option>``).
    As in Burn, a real token equal to `pad_token` is masked too."""
    backend, dev = resolve_device(device, backend, "generate_padding_mask")
    option = _option(seq_length)
    longest = max((len(t) for t in tokens_list), default=1)
    if isinstance(option, SeqLengthOption.Max):
        size = min(longest, option.value)
    elif isinstance(option, SeqLengthOption.Fixed):
        size = option.value
    else:
        size = longest
    rows = [[int(t) for t in list(tokens)[:size]] for tokens in tokens_list]
    rows = [r + [int(pad_token)] * (size - len(r)) for r in rows]
    tensor = Tensor[backend, Int].from_data(
        TensorData(rows, shape=[len(rows), size], dtype="int64") if rows else
        TensorData([], shape=[0, size], dtype="int64"), dev)
    return GeneratePaddingMask(tensor, tensor.equal_elem(int(pad_token)))


def _option(value: "SeqLengthOption | int | None") -> SeqLengthOption:
    if value is None:
        return SeqLengthOption.NoMax()
    if isinstance(value, SeqLengthOption):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return SeqLengthOption.Max(value)
    raise TypeError(f"generate_padding_mask: seq_length must be a SeqLengthOption, an int or None, "
                    f"got {type(value).__name__}")

