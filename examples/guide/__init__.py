"""The Burn Book's guide in pyburn: a small convolutional network learns to read hand-written
digits, trained with the `Learner`, then reloaded for inference.

    python -m examples.guide                           # train on NumPy, then infer
    python -m examples.guide train --backend torch --epochs 10
    python -m examples.guide infer
    python -m examples.guide --data mnist              # the real MNIST (downloads once)

One concept per file, as the Book's crate: `data` (datasets, batcher), `model` (the model and
its train/valid steps), `training`, `inference`, and `__main__` (the command line). The default
data is scikit-learn's 8 x 8 digits upsampled to 28 x 28 (no network needed); see
``docs/guide.md``.
"""

from .data import MnistBatch, MnistBatcher, dataset, digits_dataset, upsample_bilinear
from .inference import infer
from .model import Model, ModelConfig
from .training import TrainingConfig, TrainingResult, default_config, train

__all__ = ["MnistBatch", "MnistBatcher", "dataset", "digits_dataset", "upsample_bilinear",
           "Model", "ModelConfig", "TrainingConfig", "TrainingResult", "default_config", "train",
           "infer"]
