"""The Backend protocol (``pyburn.tensor.backend``) and the backend-extension mechanism."""

from .base import Backend, BackendMeta
from .extension import CustomOp, OpContext, custom_op

__all__ = ["Backend", "BackendMeta", "CustomOp", "OpContext", "custom_op"]
