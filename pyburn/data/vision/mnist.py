"""MNIST (Burn's ``burn_dataset::vision::MnistDataset``): 70,000 handwritten digits, 28 x 28
grey-scale, read from the idx files of the original distribution.

``MnistDataset.train()`` / ``.test()`` download the four gzip files once into a cache directory
(Burn's CVDF mirror) and read them from there afterwards; ``MnistDataset.from_files(images,
labels)`` reads idx files you already have (gzip or raw), which is the way on a machine without a
network. The idx reader trusts nothing in a file: the magic number, the dimensions and the item
count are checked against the file's actual length before anything is allocated, so a corrupt or
hostile file gives a `MnistFormatError` naming the file, never a huge allocation.
"""

from __future__ import annotations

import gzip
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

import numpy as np

from ..dataset import DatasetBase

__all__ = ["MnistDataset", "MnistItem", "MnistFormatError", "MnistDownloadError",
           "read_idx_images", "read_idx_labels", "MNIST_URL", "WIDTH", "HEIGHT"]

MNIST_URL = "https://storage.googleapis.com/cvdf-datasets/mnist/"  # Burn's mirror of LeCun's
WIDTH = 28
HEIGHT = 28
FILES = {
    "train": ("train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
    "test": ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"),
}
IMAGES_MAGIC = 0x00000803   # unsigned bytes, 3 dimensions
LABELS_MAGIC = 0x00000801   # unsigned bytes, 1 dimension
MAX_ITEMS = 10_000_000      # far above MNIST's 60,000; a header claiming more is not MNIST
_CHUNK = 1 << 20

Split = Literal["train", "test"]


class MnistFormatError(ValueError):
    """An idx file that is not what it claims to be (magic, dimensions, length)."""


class MnistDownloadError(OSError):
    """The MNIST files could not be downloaded (no network, server error)."""


@dataclass(frozen=True)
class MnistItem:
    """One digit: ``image`` is a [28, 28] ``uint8`` array (0 = background), ``label`` 0..9.

    Burn stores the image as ``f32``; bytes keep the 60,000 training images at 47 MB and the
    batcher converts (and normalizes) a batch at a time."""

    image: np.ndarray
    label: int


@contextmanager
def _open(path: Path) -> Iterator[BinaryIO]:
    """The file's bytes, decompressed when it is gzip (by its magic, whatever its name)."""
    with open(path, "rb") as raw:
        if raw.read(2) == b"\x1f\x8b":
            raw.seek(0)
            with gzip.GzipFile(fileobj=raw, mode="rb") as unzipped:
                yield unzipped  # type: ignore[misc]
        else:
            raw.seek(0)
            yield raw


def _read_exactly(stream: BinaryIO, size: int, path: Path, what: str) -> bytes:
    """`size` bytes, read in chunks so that memory follows the data actually present (a header
    that lies about its size cannot make us allocate it); errors on too few or too many."""
    chunks: list[bytes] = []
    remaining = size
    while remaining > 0:
        chunk = stream.read(min(_CHUNK, remaining))
        if not chunk:
            break
        chunks.append(chunk)
        remaining -= len(chunk)
    if remaining > 0:
        raise MnistFormatError(f"MNIST {what} file {path}: the header announces {size} bytes of "
                               f"data, the file holds only {size - remaining}")
    if stream.read(1):
        raise MnistFormatError(f"MNIST {what} file {path}: data continues after the {size} bytes "
                               f"the header announces (wrong count or not an idx file)")
    return b"".join(chunks)


def _header(stream: BinaryIO, path: Path, what: str, magic: int, dims: int) -> list[int]:
    header = stream.read(4 + 4 * dims)
    if len(header) < 4 + 4 * dims:
        raise MnistFormatError(f"MNIST {what} file {path}: expected an idx header of "
                               f"{4 + 4 * dims} bytes, the file has {len(header)}")
    found = int.from_bytes(header[:4], "big")
    if found != magic:
        raise MnistFormatError(f"MNIST {what} file {path}: expected idx magic number "
                               f"0x{magic:08x}, got 0x{found:08x}")
    return [int.from_bytes(header[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]


def read_idx_images(path: str | os.PathLike[str]) -> np.ndarray:
    """The images of an idx3 file (gzip or raw) as a [count, 28, 28] ``uint8`` array."""
    file = Path(path)
    with _open(file) as stream:
        count, rows, cols = _header(stream, file, "images", IMAGES_MAGIC, 3)
        if (rows, cols) != (HEIGHT, WIDTH):
            raise MnistFormatError(f"MNIST images file {file}: expected {HEIGHT} x {WIDTH} "
                                   f"images, the header says {rows} x {cols}")
        if count > MAX_ITEMS:
            raise MnistFormatError(f"MNIST images file {file}: expected at most {MAX_ITEMS} "
                                   f"images, the header says {count}")
        data = _read_exactly(stream, count * rows * cols, file, "images")
    return np.frombuffer(data, dtype=np.uint8).reshape(count, rows, cols)


def read_idx_labels(path: str | os.PathLike[str]) -> np.ndarray:
    """The labels of an idx1 file (gzip or raw) as a [count] ``uint8`` array of digits 0..9."""
    file = Path(path)
    with _open(file) as stream:
        (count,) = _header(stream, file, "labels", LABELS_MAGIC, 1)
        if count > MAX_ITEMS:
            raise MnistFormatError(f"MNIST labels file {file}: expected at most {MAX_ITEMS} "
                                   f"labels, the header says {count}")
        labels = np.frombuffer(_read_exactly(stream, count, file, "labels"), dtype=np.uint8)
    if labels.size and int(labels.max()) > 9:
        bad = int(np.argmax(labels > 9))
        raise MnistFormatError(f"MNIST labels file {file}: expected digits 0..9, label {bad} "
                               f"is {int(labels[bad])}")
    return labels


def default_cache_dir() -> Path:
    """Where downloads go: ``$PYBURN_CACHE/mnist``, else ``~/.cache/pyburn/mnist`` (Burn uses
    ``~/.cache/burn-dataset/mnist``)."""
    root = os.environ.get("PYBURN_CACHE")
    base = Path(root) if root else Path.home() / ".cache" / "pyburn"
    return base / "mnist"


def _download(url: str, target: Path, timeout: float) -> None:
    """`url` into `target`, atomically: a partial download never looks like a cached file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=target.name, suffix=".part")
    try:
        with os.fdopen(fd, "wb") as out, urllib.request.urlopen(url, timeout=timeout) as response:
            while chunk := response.read(_CHUNK):
                out.write(chunk)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class MnistDataset(DatasetBase[MnistItem]):
    """The MNIST digits, held in memory (Burn does the same: 47 MB for the training split)."""

    def __init__(self, images: np.ndarray, labels: np.ndarray) -> None:
        if images.ndim != 3 or images.shape[1:] != (HEIGHT, WIDTH):
            raise MnistFormatError(f"MnistDataset: expected images [count, {HEIGHT}, {WIDTH}], "
                                   f"got {list(images.shape)}")
        if labels.shape != (images.shape[0],):
            raise MnistFormatError(f"MnistDataset: expected one label per image "
                                   f"({images.shape[0]}), got labels of shape "
                                   f"{list(labels.shape)}")
        self.images = np.ascontiguousarray(images, dtype=np.uint8)
        self.labels = np.ascontiguousarray(labels, dtype=np.uint8)

    @classmethod
    def from_files(cls, images: str | os.PathLike[str],
                   labels: str | os.PathLike[str]) -> "MnistDataset":
        """The dataset of an idx images file and its idx labels file (each gzip or raw)."""
        return cls(read_idx_images(images), read_idx_labels(labels))

    @classmethod
    def train(cls, cache_dir: str | os.PathLike[str] | None = None, *,
              download: bool = True) -> "MnistDataset":
        """The 60,000 training digits, downloaded into `cache_dir` on first use."""
        return cls.split("train", cache_dir, download=download)

    @classmethod
    def test(cls, cache_dir: str | os.PathLike[str] | None = None, *,
             download: bool = True) -> "MnistDataset":
        """The 10,000 test digits, downloaded into `cache_dir` on first use."""
        return cls.split("test", cache_dir, download=download)

    @classmethod
    def split(cls, split: Split, cache_dir: str | os.PathLike[str] | None = None, *,
              download: bool = True, url: str = MNIST_URL,
              timeout: float = 60.0) -> "MnistDataset":
        """`split` read from `cache_dir` (default `default_cache_dir()`), where the files are
        ``<name>`` or ``<name>.gz``; missing ones are downloaded from `url` when `download`."""
        if split not in FILES:
            raise ValueError(f"MnistDataset.split: split must be 'train' or 'test', got {split!r}")
        root = Path(cache_dir) if cache_dir is not None else default_cache_dir()
        paths = []
        for name in FILES[split]:
            found = next((p for p in (root / name, root / f"{name}.gz") if p.is_file()), None)
            if found is None:
                found = root / f"{name}.gz"
                if not download:
                    raise FileNotFoundError(f"MnistDataset.{split}: {found} is missing and "
                                            f"download=False; put the idx files there or use "
                                            f"MnistDataset.from_files(images, labels)")
                try:
                    _download(url + found.name, found, timeout)
                except (urllib.error.URLError, OSError) as exc:
                    raise MnistDownloadError(
                        f"MnistDataset.{split}: could not download {url}{found.name} ({exc}). "
                        f"Without a network, copy the idx files ({', '.join(FILES[split])}, "
                        f"gzip or raw) into {root}, or load them with "
                        f"MnistDataset.from_files(images, labels)") from exc
            paths.append(found)
        return cls.from_files(paths[0], paths[1])

    def get(self, index: int) -> MnistItem | None:
        if 0 <= index < self.labels.shape[0]:
            return MnistItem(self.images[index], int(self.labels[index]))
        return None

    def len(self) -> int:
        return int(self.labels.shape[0])
