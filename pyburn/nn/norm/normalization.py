"""`NormalizationConfig` / `Normalization` (Burn's ``burn::nn::norm::Normalization``): a
normalization layer chosen by configuration, so a model can take "some norm" as a setting.

The config is an enum of the norm configs (``Batch``, ``Group``, ``Instance``, ``Layer``,
``Rms``) plus ``Identity``; `with_num_features` re-targets any of them to a layer width, so one
template (built with 0 features, as Burn suggests) serves every layer of a model. Serialized as
serde does Burn's: ``"Identity"`` or ``{"Batch": {"num_features": 12, ...}}``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pyburn.config import EnumConfig
from pyburn.config._enum import unit_variant_method
from pyburn.config._init_with import init_with
from pyburn.module import Module
from pyburn.tensor import Device, Tensor

from .._types import B
from ..identity import Identity
from .batch_norm import BatchNorm, BatchNormConfig
from .group_norm import GroupNorm, GroupNormConfig
from .instance_norm import InstanceNorm, InstanceNormConfig
from .layer_norm import LayerNorm, LayerNormConfig
from .rms_norm import RmsNorm, RmsNormConfig

__all__ = ["NormalizationConfig", "Normalization"]


# The width field of each norm config, in the order of Burn's enum.
_WIDTH = {"Batch": "num_features", "Group": "num_channels", "Instance": "num_channels",
          "Layer": "d_model", "Rms": "d_model"}


class NormalizationConfig(EnumConfig):
    """Which normalization to build: ``Identity`` or one of the norm configs, wrapped
    (``NormalizationConfig.Batch(BatchNormConfig(12))``, or ``NormalizationConfig.from_(cfg)``,
    Burn's ``cfg.into()``)."""

    class Identity(EnumConfig.Variant):
        pass

    class Batch(EnumConfig.TupleVariant):
        config: BatchNormConfig

    class Group(EnumConfig.TupleVariant):
        config: GroupNormConfig

    class Instance(EnumConfig.TupleVariant):
        config: InstanceNormConfig

    class Layer(EnumConfig.TupleVariant):
        config: LayerNormConfig

    class Rms(EnumConfig.TupleVariant):
        config: RmsNormConfig

    @unit_variant_method
    def init(self, device: Device | str | None = None, backend: Any = None) -> "Normalization":
        """The wrapped layer, built on `device` (``Identity`` holds no tensors)."""
        if isinstance(self, NormalizationConfig.Identity):
            return Normalization(Identity())
        inner: Any = self
        return Normalization(inner.config.init(device, backend))

    def init_with(self, record: Any, device: Device | str | None = None,
                  backend: Any = None) -> "Normalization":
        """`Config.init_with` for this enum config: the wrapped layer from a record, drawing
        nothing."""
        module: Normalization = init_with(self, record, device, backend)
        return module

    @unit_variant_method
    def with_num_features(self, num_features: int) -> "NormalizationConfig":
        """This config with its width (`num_features`, `num_channels` or `d_model`) set;
        ``Identity`` has none and is returned as it is."""
        name = type(self).__name__
        if name not in _WIDTH:
            return self
        inner: Any = self
        config = dataclasses.replace(inner.config, **{_WIDTH[name]: num_features})
        return type(self)(config)   # type: ignore[call-arg]

    @unit_variant_method
    def num_features(self) -> int:
        """The configured width; 0 for ``Identity``."""
        name = type(self).__name__
        inner: Any = self
        return int(getattr(inner.config, _WIDTH[name])) if name in _WIDTH else 0


_LAYER_TYPES: dict[str, type[Module]] = {
    "Batch": BatchNorm, "Group": GroupNorm, "Instance": InstanceNorm, "Layer": LayerNorm,
    "Rms": RmsNorm}


class Normalization(Module):
    """One normalization layer behind a single type: `forward` runs the wrapped layer (`norm`).
    `variant` names it as Burn's enum does (``"Batch"``, ..., ``"Identity"``), and records file
    the layer under that name, as Burn's enum modules do (``norm.Batch.gamma`` for a field
    ``norm``), so a record written by Burn loads here."""

    norm: Module

    @classmethod
    def from_(cls, layer: Module) -> "Normalization":
        """Burn's ``From<BatchNorm> for Normalization`` (and the other norms, and Identity)."""
        return cls(layer)

    def __post_init__(self) -> None:
        _ = self.variant    # refuse a layer that is not one of the variants, at construction

    @property
    def record_names(self) -> dict[str, str]:   # type: ignore[override]
        return {"norm": self.variant}

    @property
    def variant(self) -> str:
        for name, layer_type in _LAYER_TYPES.items():
            if isinstance(self.norm, layer_type):
                return name
        if isinstance(self.norm, Identity):
            return "Identity"
        raise TypeError(f"Normalization: expected a BatchNorm, GroupNorm, InstanceNorm, "
                        f"LayerNorm, RmsNorm or Identity layer, got {type(self.norm).__name__}")

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """The wrapped layer's forward: the same shape out (its own input contract)."""
        out: Tensor[B] = self.norm.forward(x)  # type: ignore[attr-defined]
        return out

    __call__ = forward

    def num_features(self) -> int:
        """The layer's width; 0 for ``Identity``."""
        name, norm = self.variant, self.norm
        if name == "Identity":
            return 0
        if name in ("Group", "Instance"):
            return int(norm.num_channels)   # type: ignore[attr-defined]
        return int(norm.gamma.shape[0])   # type: ignore[attr-defined]
