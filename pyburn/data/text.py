"""Character-level text data: a vocabulary, a dataset of (input, target) windows, a batcher, and
the stream layout truncated backpropagation through time needs.

A character language model reads ids and predicts the next one, so every item is a window of
``seq_len + 1`` ids split into ``inputs = w[:-1]`` and ``targets = w[1:]``. Two layouts serve two
training styles:

- `TextDataset` + `TextBatcher`: independent windows, shuffled by the `DataLoader` (the chapter's
  ``iter_shuffle``). Each batch starts from a zero state.
- `TbpttStreams`: the corpus cut into `batch_size` contiguous streams, read chunk after chunk,
  so row ``b`` of chunk ``k + 1`` continues row ``b`` of chunk ``k`` and the hidden state can be
  carried across chunks (see `pyburn.train.tbptt`).

Like the rest of `pyburn.data` this module does not import `pyburn.tensor` at load time: only the
batchers make tensors, on the backend and device they are given.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .dataset import DatasetBase

__all__ = ["CharVocab", "TextDataset", "TextBatch", "TextBatcher", "TbpttStreams",
           "split_ids", "UnknownPolicy"]

UnknownPolicy = Literal["error", "skip", "replace"]
_POLICIES = ("error", "skip", "replace")


class CharVocab:
    """The characters of a corpus, each given an id (sorted by code point, so the same text
    always gives the same ids). Characters outside the vocabulary are refused (``"error"``),
    dropped (``"skip"``) or mapped to `unknown` (``"replace"``, which adds `unknown` to the
    vocabulary if the text lacks it)."""

    def __init__(self, chars: Sequence[str], unknown: str | None = None,
                 policy: UnknownPolicy = "error") -> None:
        if policy not in _POLICIES:
            raise ValueError(f"CharVocab: policy must be one of {list(_POLICIES)}, got {policy!r}")
        chars = list(chars)
        bad = [c for c in chars if not isinstance(c, str) or len(c) != 1]
        if bad:
            raise ValueError(f"CharVocab: every entry must be one character, got {bad[:5]!r}")
        if len(set(chars)) != len(chars):
            raise ValueError("CharVocab: the characters must be distinct")
        if policy == "replace":
            if unknown is None or len(unknown) != 1:
                raise ValueError(f"CharVocab: policy 'replace' needs a one-character `unknown`, "
                                 f"got {unknown!r}")
            if unknown not in chars:
                chars.append(unknown)
        if not chars:
            raise ValueError("CharVocab: the vocabulary is empty (no characters in the text?)")
        self.chars: list[str] = chars
        self.unknown, self.policy = unknown, policy
        self._index = {c: i for i, c in enumerate(chars)}

    @classmethod
    def from_text(cls, text: str, unknown: str | None = None,
                  policy: UnknownPolicy = "error") -> "CharVocab":
        return cls(sorted(set(text)), unknown, policy)

    def __len__(self) -> int:
        return len(self.chars)

    @property
    def size(self) -> int:
        return len(self.chars)

    def encode(self, text: str) -> list[int]:
        """The ids of `text`, with unknown characters handled by the policy."""
        index = self._index
        if self.policy == "error":
            try:
                return [index[c] for c in text]
            except KeyError as exc:
                raise ValueError(f"CharVocab.encode: character {exc.args[0]!r} is not in the "
                                 f"vocabulary of {len(self)} characters (use policy='skip' or "
                                 f"'replace')") from None
        if self.policy == "skip":
            return [index[c] for c in text if c in index]
        unk = index[self.unknown]  # type: ignore[index]
        return [index.get(c, unk) for c in text]

    def decode(self, ids: Sequence[int] | Any) -> str:
        """The text of `ids` (ints, or anything iterable of ints such as an Int tensor's
        ``tolist()``)."""
        out = []
        for i in ids:
            i = int(i)
            if not 0 <= i < len(self.chars):
                raise ValueError(f"CharVocab.decode: id {i} is out of range [0, {len(self)})")
            out.append(self.chars[i])
        return "".join(out)

    # --- saved with the model ------------------------------------------------------------
    def to_json(self) -> str:
        return json.dumps({"chars": "".join(self.chars), "unknown": self.unknown,
                           "policy": self.policy}, ensure_ascii=True)

    @classmethod
    def from_json(cls, text: str) -> "CharVocab":
        try:
            data = json.loads(text)
            chars, unknown, policy = data["chars"], data.get("unknown"), data.get("policy",
                                                                                   "error")
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"CharVocab.from_json: expected {{'chars': str, 'unknown': ..., "
                             f"'policy': ...}}, got an unreadable document ({exc})") from None
        if not isinstance(chars, str):
            raise ValueError(f"CharVocab.from_json: 'chars' must be a string, got "
                             f"{type(chars).__name__}")
        return cls(list(chars), unknown, policy)

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write the vocabulary as JSON, atomically (next to the model's record)."""
        from pyburn.record.atomic import atomic_write
        return atomic_write(path, (self.to_json() + "\n").encode("utf-8"))

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> "CharVocab":
        return cls.from_json(Path(path).read_text(encoding="utf-8"))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, CharVocab) and (self.chars, self.unknown, self.policy) == (
            other.chars, other.unknown, other.policy)

    def __repr__(self) -> str:
        return f"CharVocab(size={len(self)}, policy={self.policy!r})"


def split_ids(ids: Sequence[int], valid_fraction: float) -> tuple[list[int], list[int]]:
    """The first ``1 - valid_fraction`` of the ids and the rest: a split by position, so that no
    validation window overlaps a training one (shuffled windows would leak)."""
    if not 0.0 <= valid_fraction < 1.0:
        raise ValueError(f"split_ids: valid_fraction must be in [0, 1), got {valid_fraction}")
    cut = len(ids) - int(round(len(ids) * valid_fraction))
    return list(ids[:cut]), list(ids[cut:])


def read_text(source: str | os.PathLike[str]) -> str:
    """A file's text (UTF-8) when `source` is a `Path`, else `source` itself."""
    if isinstance(source, os.PathLike):
        return Path(source).read_text(encoding="utf-8")
    return source


@dataclass(frozen=True)
class TextItem:
    inputs: list[int]
    targets: list[int]


class TextDataset(DatasetBase[TextItem]):
    """Windows of ``seq_len`` input ids and the ``seq_len`` ids that follow each one, starting
    every `stride` ids (default `seq_len`: windows that tile the text)."""

    def __init__(self, ids: Sequence[int], seq_len: int, stride: int | None = None) -> None:
        stride = seq_len if stride is None else stride
        if seq_len < 1 or stride < 1:
            raise ValueError(f"TextDataset: seq_len and stride must be >= 1, got seq_len="
                             f"{seq_len}, stride={stride}")
        if len(ids) < seq_len + 1:
            raise ValueError(f"TextDataset: a window needs seq_len + 1 = {seq_len + 1} ids, the "
                             f"text has {len(ids)}")
        self.ids, self.seq_len, self.stride = list(ids), seq_len, stride
        self._count = (len(self.ids) - seq_len - 1) // stride + 1

    @classmethod
    def from_text(cls, source: str | os.PathLike[str], vocab: CharVocab, seq_len: int,
                  stride: int | None = None, split: Literal["train", "valid", "all"] = "all",
                  valid_fraction: float = 0.1) -> "TextDataset":
        """The dataset of a string or a text file (a `Path`); `split` picks the first
        ``1 - valid_fraction`` of the text (``"train"``), the rest (``"valid"``) or all."""
        ids = vocab.encode(read_text(source))
        if split != "all":
            if split not in ("train", "valid"):
                raise ValueError(f"TextDataset.from_text: split must be 'train', 'valid' or "
                                 f"'all', got {split!r}")
            train, valid = split_ids(ids, valid_fraction)
            ids = train if split == "train" else valid
        return cls(ids, seq_len, stride)

    def get(self, index: int) -> TextItem | None:
        if not 0 <= index < self._count:
            return None
        start = index * self.stride
        window = self.ids[start:start + self.seq_len + 1]
        return TextItem(window[:-1], window[1:])

    def len(self) -> int:
        return self._count


@dataclass(frozen=True)
class TextBatch:
    """``inputs`` and ``targets``: Int tensors ``[batch, seq]``."""

    inputs: Any
    targets: Any


class TextBatcher:
    """Stacks `TextItem`s into Int tensors ``[batch, seq_len]`` of backend `B`."""

    def __init__(self, B: Any) -> None:
        self.B = B

    def batch(self, items: list[TextItem], device: Any) -> TextBatch:
        return _int_batch(self.B, [i.inputs for i in items], [i.targets for i in items], device)


def _int_batch(B: Any, inputs: list[list[int]], targets: list[list[int]],
               device: Any) -> TextBatch:
    from pyburn.tensor import Int, Tensor
    T = Tensor.of(B, Int)   # Tensor[B, Int] for a backend chosen at run time
    return TextBatch(T.from_data(inputs, device), T.from_data(targets, device))


class TbpttStreams:
    """The ids laid out as `batch_size` parallel streams, read in consecutive chunks of
    `seq_len`: stream ``b`` is the ``b``-th contiguous slice of the text (the tail that does not
    fill every stream is dropped), and chunk ``k`` holds ids ``[k*seq_len, (k+1)*seq_len)`` of
    every stream, targets shifted by one. The last chunk may be shorter. Carrying the final
    state of chunk ``k`` into chunk ``k + 1`` therefore continues each row's own text."""

    def __init__(self, ids: Sequence[int], batch_size: int, seq_len: int) -> None:
        if batch_size < 1 or seq_len < 1:
            raise ValueError(f"TbpttStreams: batch_size and seq_len must be >= 1, got "
                             f"batch_size={batch_size}, seq_len={seq_len}")
        length = len(ids) // batch_size
        if length < 2:
            raise ValueError(f"TbpttStreams: {len(ids)} ids cannot make {batch_size} streams of "
                             f"at least 2 ids (an input and its target)")
        self.batch_size, self.seq_len, self.stream_len = batch_size, seq_len, length
        self.streams = [list(ids[b * length:(b + 1) * length]) for b in range(batch_size)]

    def __len__(self) -> int:
        """The number of chunks (the last one may be shorter than `seq_len`)."""
        return -(-(self.stream_len - 1) // self.seq_len)

    def chunk_ids(self, index: int) -> tuple[list[list[int]], list[list[int]]]:
        """Chunk `index` as lists: ``(inputs, targets)``, each ``batch_size`` rows."""
        if not 0 <= index < len(self):
            raise IndexError(f"TbpttStreams: chunk {index} out of range [0, {len(self)})")
        start = index * self.seq_len
        stop = min(start + self.seq_len, self.stream_len - 1)
        return ([s[start:stop] for s in self.streams], [s[start + 1:stop + 1] for s in self.streams])

    def batches(self, B: Any, device: Any = None) -> Iterator[TextBatch]:
        """The chunks in order, as Int tensors of backend `B` on `device`."""
        for k in range(len(self)):
            inputs, targets = self.chunk_ids(k)
            yield _int_batch(B, inputs, targets, device)
