"""Vision datasets (Burn's ``burn_dataset::vision``)."""

from .mnist import (MnistDataset, MnistDownloadError, MnistFormatError, MnistItem,
                    read_idx_images, read_idx_labels)

__all__ = ["MnistDataset", "MnistDownloadError", "MnistFormatError", "MnistItem",
           "read_idx_images", "read_idx_labels"]
