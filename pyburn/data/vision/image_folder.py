"""`ImageFolderDataset` (Burn's ``burn_dataset::vision::ImageFolderDataset``): images on disk,
one folder per class (``root/<class>/<image>``), decoded with Pillow when an item is read.

Classes are the sorted folder names and labels their indices, as in Burn. An item holds the
pixels as a ``uint8`` (``uint16`` for 16-bit greys) NumPy array ``[height, width, channels]``
(Burn keeps a flat ``Vec<PixelDepth>`` plus width and height; the array carries both), the
annotation and the path. Nothing is decoded at construction, so opening a large folder is
cheap; a file that is not an image, is truncated, or decodes to more than
``max_pixels`` pixels (a decompression bomb) gives an `ImageLoaderError` naming the file.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from ..dataset import DatasetBase

__all__ = ["ImageFolderDataset", "ImageDatasetItem", "Label", "MultiLabel", "ImageLoaderError",
           "SUPPORTED_FILES"]

SUPPORTED_FILES = ("bmp", "gif", "jpeg", "jpg", "png", "tif", "tiff", "webp")
"""Extensions read by default (Burn's list, plus the formats Pillow reads as commonly)."""
_DEFAULT_MAX_PIXELS = 178_956_970  # Pillow's own MAX_IMAGE_PIXELS default


class ImageLoaderError(ValueError):
    """A folder, file or annotation that cannot be read (Burn's ``ImageLoaderError``)."""


@dataclass(frozen=True)
class Label:
    """A single class index (Burn's ``Annotation::Label``)."""
    value: int


@dataclass(frozen=True)
class MultiLabel:
    """Several class indices (Burn's ``Annotation::MultiLabel``)."""
    values: tuple[int, ...]


@dataclass(frozen=True, eq=False)
class ImageDatasetItem:
    """One decoded image and its annotation."""

    image: np.ndarray = field(repr=False)   # [height, width, channels]
    annotation: Label | MultiLabel
    image_path: str

    @property
    def image_height(self) -> int:
        return int(self.image.shape[0])

    @property
    def image_width(self) -> int:
        return int(self.image.shape[1])


def _check_extensions(extensions: Iterable[str]) -> tuple[str, ...]:
    result = []
    for extension in extensions:
        clean = str(extension).lower().lstrip(".")
        if clean not in SUPPORTED_FILES:
            raise ImageLoaderError(f"ImageFolderDataset: invalid file extension {extension!r}; "
                                   f"supported: {list(SUPPORTED_FILES)}")
        result.append(clean)
    return tuple(result)


def load_image(path: str | os.PathLike[str], max_pixels: int = _DEFAULT_MAX_PIXELS
               ) -> np.ndarray:
    """Decode one image file to ``[height, width, channels]``: greys keep one channel (8 or
    16 bits), RGB three, RGBA four; palette and other modes become RGB(A)."""
    from PIL import Image, UnidentifiedImageError

    where = f"ImageFolderDataset: {path}"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                width, height = image.size
                if width * height > max_pixels:
                    raise ImageLoaderError(f"{where}: {width}x{height} pixels exceeds "
                                           f"max_pixels={max_pixels}")
                if image.mode in ("I;16", "I;16B", "I;16L"):
                    array = np.asarray(image, dtype=np.uint16)
                elif image.mode in ("L", "RGB", "RGBA"):
                    array = np.asarray(image, dtype=np.uint8)
                elif image.mode in ("LA", "PA") or "transparency" in image.info:
                    array = np.asarray(image.convert("RGBA"), dtype=np.uint8)
                elif image.mode == "1":
                    array = np.asarray(image.convert("L"), dtype=np.uint8)
                else:
                    array = np.asarray(image.convert("RGB"), dtype=np.uint8)
    except ImageLoaderError:
        raise
    except (UnidentifiedImageError, Image.DecompressionBombWarning,
            Image.DecompressionBombError) as error:
        raise ImageLoaderError(f"{where}: not a readable image ({error})") from None
    except (OSError, SyntaxError, ValueError) as error:  # truncated/corrupt data
        raise ImageLoaderError(f"{where}: cannot decode ({type(error).__name__}: {error})") \
            from None
    return array[:, :, None] if array.ndim == 2 else array


class ImageFolderDataset(DatasetBase[ImageDatasetItem]):
    """Build it with `new_classification` (one folder per class) or the ``*_with_items``
    constructors; `classes` maps label indices back to names."""

    def __init__(self, items: Sequence[tuple[Path, Label | MultiLabel]], classes: list[str],
                 max_pixels: int = _DEFAULT_MAX_PIXELS) -> None:
        self._items = list(items)
        self.classes = list(classes)
        self.max_pixels = max_pixels

    @classmethod
    def new_classification(cls, root: str | os.PathLike[str]) -> "ImageFolderDataset":
        """``root/<class name>/<image>`` with every supported extension."""
        return cls.new_classification_with(root, SUPPORTED_FILES)

    @classmethod
    def new_classification_with(cls, root: str | os.PathLike[str],
                                extensions: Iterable[str]) -> "ImageFolderDataset":
        """`new_classification` reading only `extensions` (e.g. ``["png"]``)."""
        allowed = _check_extensions(extensions)
        base = Path(root)
        if not base.is_dir():
            raise ImageLoaderError(f"ImageFolderDataset: {base} is not a directory")
        found: list[tuple[Path, str]] = []
        for folder in sorted(p for p in base.iterdir() if p.is_dir()):
            for path in sorted(folder.rglob("*")):
                if path.is_file() and path.suffix.lower().lstrip(".") in allowed:
                    found.append((path, folder.name))
        classes = sorted({name for _, name in found})
        index = {name: i for i, name in enumerate(classes)}
        return cls([(path, Label(index[name])) for path, name in found], classes)

    @classmethod
    def new_classification_with_items(cls, items: Iterable[tuple[str | os.PathLike[str], str]],
                                      classes: Sequence[str]) -> "ImageFolderDataset":
        """Explicit ``(path, class name)`` pairs; every name must be one of `classes`."""
        index = cls._class_index(classes)
        return cls([(Path(path), Label(cls._lookup(index, name, path)))
                    for path, name in items], list(classes))

    @classmethod
    def new_multilabel_classification_with_items(
            cls, items: Iterable[tuple[str | os.PathLike[str], Sequence[str]]],
            classes: Sequence[str]) -> "ImageFolderDataset":
        """``(path, [class names])`` pairs; the labels are sorted, unique class indices."""
        index = cls._class_index(classes)
        return cls([(Path(path), MultiLabel(tuple(sorted({cls._lookup(index, n, path)
                                                          for n in names}))))
                     for path, names in items], list(classes))

    @staticmethod
    def _class_index(classes: Sequence[str]) -> dict[str, int]:
        if len(set(classes)) != len(classes):
            raise ImageLoaderError(f"ImageFolderDataset: class names must be unique, got "
                                   f"{list(classes)}")
        return {name: i for i, name in enumerate(classes)}

    @staticmethod
    def _lookup(index: dict[str, int], name: str, path: object) -> int:
        if name not in index:
            raise ImageLoaderError(f"ImageFolderDataset: {path}: unknown class {name!r} "
                                   f"(classes: {list(index)})")
        return index[name]

    def get(self, index: int) -> ImageDatasetItem | None:
        if not 0 <= index < len(self._items):
            return None
        path, annotation = self._items[index]
        return ImageDatasetItem(load_image(path, self.max_pixels), annotation, str(path))

    def len(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"ImageFolderDataset(len={len(self._items)}, classes={self.classes})"
