"""Optimizers (Burn's ``burn::optim``): configs that ``init()`` an optimizer whose
``step(lr, module, grads)`` returns the updated module.

    optim = AdamConfig().init()
    grads = GradientsParams.from_grads(loss.backward(), model)
    model = optim.step(1e-3, model, grads)

Gradient clipping, L2 weight decay and momentum are config fields; learning rate schedulers live
in `pyburn.optim.lr_scheduler`. See ``docs/optim.md``.
"""

from . import lr_scheduler
from .accumulator import GradientsAccumulator
from .adam import Adam, AdamConfig, AdamState, AdaptiveMomentum, AdaptiveMomentumState
from .adamw import AdamW, AdamWConfig, AdamWState
from .base import LearningRate, Optimizer, OptimizerAdaptor, SimpleOptimizer
from .clipping import ClipByNorm, ClipByValue, GradientClipping, GradientClippingConfig
from .grads import GradientsParams
from .momentum import Momentum, MomentumConfig, MomentumState
from .muon import AdjustLrFn, Muon, MuonConfig, MuonState
from .sgd import Sgd, SgdConfig, SgdState
from .sparse_adam import SparseAdam, SparseAdamConfig, SparseAdamState
from .state import OptimizerState
from .weight_decay import WeightDecay, WeightDecayConfig

__all__ = [
    "Optimizer", "SimpleOptimizer", "OptimizerAdaptor", "OptimizerState", "LearningRate",
    "GradientsParams", "GradientsAccumulator",
    "SgdConfig", "Sgd", "SgdState",
    "AdamConfig", "Adam", "AdamState", "AdaptiveMomentum", "AdaptiveMomentumState",
    "AdamWConfig", "AdamW", "AdamWState",
    "SparseAdamConfig", "SparseAdam", "SparseAdamState",
    "MuonConfig", "Muon", "MuonState", "AdjustLrFn",
    "MomentumConfig", "Momentum", "MomentumState",
    "WeightDecayConfig", "WeightDecay",
    "GradientClippingConfig", "GradientClipping", "ClipByValue", "ClipByNorm",
    "lr_scheduler",
]
