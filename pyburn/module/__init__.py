"""Modules and parameters (Burn's ``burn::module``)."""

from .module import Module, ModuleMapper, ModuleVisitor
from .param import Param, ParamId
from .running import RunningState

__all__ = ["Module", "ModuleMapper", "ModuleVisitor", "Param", "ParamId", "RunningState"]
