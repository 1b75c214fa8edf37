"""Modules and parameters (Burn's ``burn::module``)."""

from .module import Module, ModuleMapper, ModuleVisitor
from .param import Param, ParamId

__all__ = ["Module", "ModuleMapper", "ModuleVisitor", "Param", "ParamId"]
