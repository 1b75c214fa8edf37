"""Datasets, lazy transforms, batchers and the data loader (Burn's `burn-dataset` + dataloader).

Everything a training loop needs to turn stored items into batches, free of any backend: the
device is an opaque value handed to the `Batcher`, so this package never imports `pyburn.tensor`.
"""

from .batcher import Batcher, BatcherLike
from .dataloader import DataLoader, DataLoaderBuilder, DataLoaderIterator, Progress
from .dataset import Dataset, DatasetBase, InMemDataset
from .sampler import DistributedSampler, ShardPolicy
from .huggingface import HuggingfaceDatasetLoader, ImporterError
from .sqlite import SqliteDataset, SqliteDatasetError, SqliteDatasetStorage
from .sqlite_writer import SqliteDatasetWriter
from .text import CharVocab, TbpttStreams, TextBatch, TextBatcher, TextDataset
from .transform import (
    ComposedDataset,
    Mapper,
    MapperDataset,
    PartialDataset,
    SamplerDataset,
    ShuffledDataset,
)

__all__ = [
    "Batcher",
    "BatcherLike",
    "ComposedDataset",
    "DataLoader",
    "DataLoaderBuilder",
    "DataLoaderIterator",
    "Dataset",
    "DatasetBase",
    "DistributedSampler",
    "HuggingfaceDatasetLoader",
    "ImporterError",
    "InMemDataset",
    "Mapper",
    "MapperDataset",
    "PartialDataset",
    "Progress",
    "SamplerDataset",
    "ShardPolicy",
    "ShuffledDataset",
    "SqliteDataset",
    "SqliteDatasetError",
    "SqliteDatasetStorage",
    "SqliteDatasetWriter",
    "CharVocab",
    "TextDataset",
    "TextBatch",
    "TextBatcher",
    "TbpttStreams",
]
