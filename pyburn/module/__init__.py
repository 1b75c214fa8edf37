"""Modules and parameters (Burn's ``burn::module``)."""

from .module import Module, ModuleMapper, ModuleVisitor, list_param_ids
from .param import Param, ParamId
from .param_group import ParamGroup
from .running import RunningState

__all__ = ["Module", "ModuleMapper", "ModuleVisitor", "list_param_ids", "Param", "ParamId", "ParamGroup", "RunningState"]
