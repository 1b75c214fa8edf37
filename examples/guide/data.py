"""Data (the Burn Book guide's ``src/data.rs``): the batcher, and the two digit datasets.

* ``mnist``: the real MNIST (`pyburn.data.vision.MnistDataset`), downloaded and cached on first
  use, or read from local idx files (``--mnist-dir``).
* ``digits`` (the default, works offline): scikit-learn's 1,797 hand-written 8 x 8 digits (the
  UCI "optical recognition of handwritten digits" set, shipped inside scikit-learn), each image
  scaled from its 0..16 grey levels to MNIST's 0..255 and upsampled bilinearly to 28 x 28, so
  that the Book's model applies unchanged. A fixed, seeded 80/20 split gives 1,438 training and
  359 test images.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from pyburn import Int, Tensor
from pyburn.data import Dataset, InMemDataset
from pyburn.data.vision import MnistDataset, MnistItem

__all__ = ["MnistBatch", "MnistBatcher", "digits_dataset", "upsample_bilinear", "dataset",
           "DataSource"]

DataSource = Literal["digits", "mnist"]
DIGITS_SPLIT_SEED = 0        # the train/test split of the digits never changes
DIGITS_TEST_FRACTION = 0.2


@dataclass
class MnistBatch:
    images: Tensor[Any]        # [batch_size, 28, 28], normalized
    targets: Tensor[Any, Int]  # [batch_size]


class MnistBatcher:
    """Items -> an `MnistBatch` on the device the loader hands over, on `backend` (the
    training loader gets ``Autodiff[B]``, the validation loader ``B``)."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend

    def batch(self, items: list[MnistItem], device: Any) -> MnistBatch:
        images = np.stack([item.image for item in items]).astype(np.float32)
        # Normalize: scale to [0, 1], then mean 0 and std 1 with MNIST's values (0.1307,
        # 0.3081), as the Book (from the PyTorch MNIST example).
        images = ((images / 255.0) - 0.1307) / 0.3081
        targets = np.array([item.label for item in items], dtype=np.int64)
        # Tensor[B] / Tensor[B, Int] for a backend chosen at run time
        return MnistBatch(Tensor.of(self.backend).from_data(images, device),
                          Tensor.of(self.backend, Int).from_data(targets, device))


def upsample_bilinear(images: np.ndarray, size: int) -> np.ndarray:
    """[n, h, w] -> [n, size, size], bilinear with half-pixel centres (PyTorch's
    ``interpolate(mode="bilinear", align_corners=False)``)."""
    n, h, w = images.shape

    def axis(src: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        coords = np.clip((np.arange(size) + 0.5) * (src / size) - 0.5, 0, src - 1)
        low = np.floor(coords).astype(np.int64)
        high = np.minimum(low + 1, src - 1)
        return low, high, coords - low

    y0, y1, wy = axis(h)
    x0, x1, wx = axis(w)
    top = images[:, y0][:, :, x0] * (1 - wx) + images[:, y0][:, :, x1] * wx
    bottom = images[:, y1][:, :, x0] * (1 - wx) + images[:, y1][:, :, x1] * wx
    return top * (1 - wy)[None, :, None] + bottom * wy[None, :, None]


def digits_dataset(split: Literal["train", "test"]) -> InMemDataset[MnistItem]:
    """scikit-learn's 8 x 8 digits as 28 x 28 `MnistItem`s (see the module docstring)."""
    try:
        from sklearn.datasets import load_digits
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ImportError("the guide's default data needs scikit-learn (pip install "
                          "scikit-learn); or train on MNIST with --data mnist") from exc
    digits = load_digits()
    images = upsample_bilinear(digits.images.astype(np.float64) * (255.0 / 16.0), 28)
    images = np.clip(np.rint(images), 0, 255).astype(np.uint8)
    order = np.random.default_rng(DIGITS_SPLIT_SEED).permutation(len(images))
    n_test = int(round(len(images) * DIGITS_TEST_FRACTION))
    chosen = order[n_test:] if split == "train" else order[:n_test]
    return InMemDataset(MnistItem(images[i], int(digits.target[i])) for i in chosen)


def dataset(source: DataSource, split: Literal["train", "test"],
            mnist_dir: str | None = None) -> Dataset[MnistItem]:
    """The `split` of `source`; MNIST is read from (or downloaded into) `mnist_dir`."""
    if source == "digits":
        return digits_dataset(split)
    if source == "mnist":
        return MnistDataset.split(split, mnist_dir)
    raise ValueError(f"dataset: source must be 'digits' or 'mnist', got {source!r}")
