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
from .adagrad import AdaGrad, AdaGradConfig, AdaGradState, LrDecay, LrDecayState
from .adam import Adam, AdamConfig, AdamState, AdaptiveMomentum, AdaptiveMomentumState
from .adamw import AdamW, AdamWConfig, AdamWState, AdaptiveMomentumW
from .adan import (Adan, AdanConfig, AdanState, AdaptiveNesterovMomentum,
                   AdaptiveNesterovMomentumState)
from .base import LearningRate, Optimizer, OptimizerAdaptor, SimpleOptimizer
from .clipping import ClipByNorm, ClipByValue, GradientClipping, GradientClippingConfig
from .grads import GradientsParams
from .groups import OptimizerGroup, OptimizerRecord
from .lbfgs import LBFGS, LBFGSConfig, LBFGSState, LineSearchFn, cubic_interpolate
from .momentum import Momentum, MomentumConfig, MomentumState
from .muon import AdjustLrFn, Muon, MuonConfig, MuonState, NewtonSchulzParams
from .rmsprop import RmsProp, RmsPropConfig, RmsPropMomentum, RmsPropState
from .sgd import Sgd, SgdConfig, SgdState
from .sparse_adam import SparseAdam, SparseAdamConfig, SparseAdamState
from .state import OptimizerState
from .weight_decay import WeightDecay, WeightDecayConfig

__all__ = [
    "Optimizer", "SimpleOptimizer", "OptimizerAdaptor", "OptimizerState", "LearningRate",
    "GradientsParams", "GradientsAccumulator", "OptimizerGroup", "OptimizerRecord",
    "SgdConfig", "Sgd", "SgdState",
    "AdamConfig", "Adam", "AdamState", "AdaptiveMomentum", "AdaptiveMomentumState",
    "AdamWConfig", "AdamW", "AdamWState", "AdaptiveMomentumW",
    "RmsPropConfig", "RmsProp", "RmsPropState", "RmsPropMomentum",
    "AdaGradConfig", "AdaGrad", "AdaGradState", "LrDecay", "LrDecayState",
    "AdanConfig", "Adan", "AdanState", "AdaptiveNesterovMomentum", "AdaptiveNesterovMomentumState",
    "SparseAdamConfig", "SparseAdam", "SparseAdamState",
    "MuonConfig", "Muon", "MuonState", "AdjustLrFn", "NewtonSchulzParams",
    "MomentumConfig", "Momentum", "MomentumState",
    "LBFGSConfig", "LBFGS", "LBFGSState", "LineSearchFn", "cubic_interpolate",
    "WeightDecayConfig", "WeightDecay",
    "GradientClippingConfig", "GradientClipping", "ClipByValue", "ClipByNorm",
    "lr_scheduler",
]
