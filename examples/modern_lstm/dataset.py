"""The data: noisy Fibonacci-like sequences (Burn's ``examples/modern-lstm/src/dataset.rs``).

Each sequence starts from two U[0, 1) seeds; every next value is the sum of the previous two
plus N(0, `NOISE_LEVEL`) noise. With `SEQ_LENGTH` = 10 generated values a sequence has 12 numbers:
the model reads the first 11 and predicts the 12th.

Burn draws from an unseeded thread RNG, so every run sees new data. Here each split has its own
seed (derived from `RANDOM_SEED`), so a run, its validation loss and the inference table are
reproducible, and the training and validation sets never share a sequence by construction.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from pyburn import Tensor
from pyburn.data import DatasetBase, InMemDataset

__all__ = ["NUM_SEQUENCES", "SEQ_LENGTH", "NOISE_LEVEL", "RANDOM_SEED", "SequenceDatasetItem",
           "SequenceDataset", "SequenceBatch", "SequenceBatcher", "generate_items"]

NUM_SEQUENCES = 1000   # training items; validation uses a fifth of that
SEQ_LENGTH = 10        # values generated after the two seeds
NOISE_LEVEL = 0.1      # standard deviation of the Gaussian noise
RANDOM_SEED = 5

# Seed streams per split: np.random.default_rng([RANDOM_SEED, split]).
TRAIN_SPLIT = 0
VALID_SPLIT = 1


@dataclass(frozen=True)
class SequenceDatasetItem:
    """One sequence: the first ``SEQ_LENGTH + 1`` values and the value that follows them."""

    sequence: tuple[float, ...]
    target: float


def generate_items(num_sequences: int, seq_length: int = SEQ_LENGTH,
                   noise_level: float = NOISE_LEVEL, seed: int = RANDOM_SEED,
                   split: int = TRAIN_SPLIT) -> list[SequenceDatasetItem]:
    """`num_sequences` items drawn from ``default_rng([seed, split])``, in float32 as Burn's
    ``Vec<f32>`` (the sums are accumulated in float32 too)."""
    rng = np.random.default_rng([seed, split])
    items = []
    for _ in range(num_sequences):
        values = [np.float32(v) for v in rng.random(2)]
        for _ in range(seq_length):
            noise = np.float32(rng.normal(0.0, noise_level))
            values.append(values[-2] + values[-1] + noise)
        items.append(SequenceDatasetItem(tuple(float(v) for v in values[:-1]), float(values[-1])))
    return items


class SequenceDataset(DatasetBase[SequenceDatasetItem]):
    """Burn's ``SequenceDataset``: generated items held in an `InMemDataset`."""

    def __init__(self, num_sequences: int, seq_length: int = SEQ_LENGTH,
                 noise_level: float = NOISE_LEVEL, seed: int = RANDOM_SEED,
                 split: int = TRAIN_SPLIT) -> None:
        self.dataset = InMemDataset(generate_items(num_sequences, seq_length, noise_level,
                                                   seed, split))

    @classmethod
    def train(cls, num_sequences: int = NUM_SEQUENCES) -> "SequenceDataset":
        return cls(num_sequences, split=TRAIN_SPLIT)

    @classmethod
    def valid(cls, num_sequences: int = NUM_SEQUENCES // 5) -> "SequenceDataset":
        """A fifth of the training size, as Burn's, from its own seed stream."""
        return cls(num_sequences, split=VALID_SPLIT)

    def get(self, index: int) -> SequenceDatasetItem | None:
        return self.dataset.get(index)

    def len(self) -> int:
        return self.dataset.len()


@dataclass(frozen=True)
class SequenceBatch:
    """``sequences``: ``[batch, seq, 1]``; ``targets``: ``[batch, 1]``."""

    sequences: Any
    targets: Any


class SequenceBatcher:
    """Stacks items into tensors of backend `backend` (Burn's ``Batcher<B, Item, Batch<B>>``;
    in Python the backend is a value held by the batcher)."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def batch(self, items: list[SequenceDatasetItem], device: Any) -> SequenceBatch:
        sequences = np.asarray([item.sequence for item in items], dtype=np.float32)[:, :, None]
        targets = np.asarray([[item.target] for item in items], dtype=np.float32)
        T = Tensor.of(self.backend)  # Tensor[B] for a backend chosen at run time
        return SequenceBatch(T.from_data(sequences, device), T.from_data(targets, device))
