"""Recurrent layers (Burn's ``burn::nn::rnn``): `Lstm`, `BiLstm`, `Gru`, `BiGru` and the
`GateController` they are made of, the simple `Rnn`/`BiRnn`, the stacked (deep) layers, plus
PyTorch weight interop. See ``docs/rnn.md``."""

from .bilstm import BiLstm, BiLstmConfig
from .birnn import BiRnn, BiRnnConfig
from .gate_controller import GateController
from .gru import BiGru, BiGruConfig, Gru, GruConfig
from .lstm import Lstm, LstmConfig, LstmState
from .rnn import Rnn, RnnConfig, RnnState
from .stacked import (StackedGru, StackedGruConfig, StackedLstm, StackedLstmConfig, StackedRnn,
                      StackedRnnConfig)
from .torch_interop import (from_torch, load_torch_state_dict, save_torch_safetensors,
                            to_torch_state_dict)

__all__ = ["GateController", "LstmState", "LstmConfig", "Lstm", "BiLstmConfig", "BiLstm",
           "GruConfig", "Gru", "BiGruConfig", "BiGru", "load_torch_state_dict",
           "to_torch_state_dict", "save_torch_safetensors", "from_torch", "RnnConfig", "Rnn",
           "RnnState",
           "BiRnnConfig", "BiRnn", "StackedLstmConfig", "StackedLstm", "StackedGruConfig",
           "StackedGru", "StackedRnnConfig", "StackedRnn"]
