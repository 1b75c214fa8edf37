"""Burn's ``examples/modern-lstm`` in pyburn: a stacked, bidirectional, layer-normalized LSTM
built from `LstmCell`s, trained to predict the next value of noisy Fibonacci-like sequences.

    python -m examples.modern_lstm                    # train, infer, plot (NumPy)
    python -m examples.modern_lstm train --backend torch --epochs 30
    python -m examples.modern_lstm infer

One concept per file: `dataset` (data and batcher), `model` (LstmCell, StackedLstm,
LstmNetwork), `model_nn` (the same network from nn.Lstm/nn.BiLstm), `training`, `inference`,
`plot`, and `__main__` (the command line). See ``docs/guide-modern-lstm.md``.
"""

from .dataset import SequenceBatch, SequenceBatcher, SequenceDataset, SequenceDatasetItem
from .inference import Predictions, infer, load_model, predict
from .model import (LstmCell, LstmCellConfig, LstmNetwork, LstmNetworkConfig, StackedLstm,
                    StackedLstmConfig)
from .model_nn import NnLstmNetwork, NnLstmNetworkConfig
from .training import (LossHistory, TrainingConfig, TrainingResult, build_model, default_config,
                       train)

__all__ = ["SequenceDatasetItem", "SequenceDataset", "SequenceBatch", "SequenceBatcher",
           "LstmCellConfig", "LstmCell", "StackedLstmConfig", "StackedLstm", "LstmNetworkConfig",
           "LstmNetwork", "NnLstmNetworkConfig", "NnLstmNetwork", "TrainingConfig",
           "LossHistory", "TrainingResult", "default_config", "build_model", "train",
           "Predictions", "load_model", "predict", "infer"]
