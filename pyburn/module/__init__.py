"""Modules and parameters (Burn's ``burn::module``)."""

from .module import Module, ModuleMapper, ModuleVisitor, list_param_ids
from .module_record import ModuleRecord
from .param import Param, ParamId
from .param_group import ParamGroup
from .running import RunningState

__all__ = ["Module", "ModuleMapper", "ModuleVisitor", "list_param_ids", "ModuleRecord", "Param", "ParamId", "ParamGroup", "RunningState"]
