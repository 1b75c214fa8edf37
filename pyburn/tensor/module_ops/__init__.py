"""Fused module operations, added through the public backend-extension mechanism (`CustomOp`),
like Burn's ``ModuleOps``: each has a composite default any backend inherits, and native kernels
that backends register for themselves."""

from .lstm_sequence import LstmSequenceOutput, lstm_sequence

__all__ = ["lstm_sequence", "LstmSequenceOutput"]
