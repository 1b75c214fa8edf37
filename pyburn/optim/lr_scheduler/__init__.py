"""Learning rate schedulers (Burn's ``burn::lr_scheduler``): ``lr = scheduler.step()`` once per
optimizer step; state as a record (``to_record`` / ``load_record``)."""

from .base import LrScheduler, as_lr_scheduler
from .constant import ConstantLr
from .cosine import CosineAnnealingLrScheduler, CosineAnnealingLrSchedulerConfig
from .exponential import ExponentialLrScheduler, ExponentialLrSchedulerConfig
from .linear import LinearLrScheduler, LinearLrSchedulerConfig
from .module_lr_scheduler import (LrSchedulerGroupConfig, ModuleLearningRate, ModuleLrScheduler,
                                  ModuleLrSchedulerConfig)
from .noam import NoamLrScheduler, NoamLrSchedulerConfig
from .plateau import ReduceLrOnPlateau, ReduceLrOnPlateauConfig
from .sequential import LrSchedulerConfig, SequentialLrScheduler, SequentialLrSchedulerConfig
from .step import StepLrScheduler, StepLrSchedulerConfig

__all__ = ["LrScheduler", "as_lr_scheduler", "ConstantLr",
           "StepLrSchedulerConfig", "StepLrScheduler",
           "ExponentialLrSchedulerConfig", "ExponentialLrScheduler",
           "LinearLrSchedulerConfig", "LinearLrScheduler",
           "CosineAnnealingLrSchedulerConfig", "CosineAnnealingLrScheduler",
           "NoamLrSchedulerConfig", "NoamLrScheduler",
           "ReduceLrOnPlateauConfig", "ReduceLrOnPlateau",
           "LrSchedulerConfig", "SequentialLrSchedulerConfig", "SequentialLrScheduler",
           "ModuleLearningRate", "ModuleLrSchedulerConfig", "ModuleLrScheduler",
           "LrSchedulerGroupConfig"]
