"""Vision datasets (Burn's ``burn_dataset::vision``)."""

from .image_folder import (SUPPORTED_FILES, ImageDatasetItem, ImageFolderDataset,
                           ImageLoaderError, Label, MultiLabel)
from .mnist import (MnistDataset, MnistDownloadError, MnistFormatError, MnistItem,
                    read_idx_images, read_idx_labels)

__all__ = ["ImageFolderDataset", "ImageDatasetItem", "ImageLoaderError", "Label", "MultiLabel",
           "SUPPORTED_FILES", "MnistDataset", "MnistDownloadError", "MnistFormatError", "MnistItem",
           "read_idx_images", "read_idx_labels"]
