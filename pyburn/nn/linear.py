"""`Linear` (Burn's ``burn::nn::Linear``): ``y = x @ W + b`` over the last dimension.

The weight keeps Burn's layout ``[d_input, d_output]`` (PyTorch stores the transpose), so a
record written by Burn or pyburn loads without transposing; copying to or from
``torch.nn.Linear`` means ``weight.T``. ``LinearConfig.with_layout(LinearLayout.Col)`` stores the
weight column-major, as Burn's ``LinearLayout::Col``: ``weight.val()`` is still
``[d_input, d_output]`` (a transposed view of a ``[d_output, d_input]`` array), and its record
holds ``[d_output, d_input]``, transposed back on load, exactly as Burn saves it.
"""

from __future__ import annotations

import enum
import math
from typing import Any

from pyburn.config import Config
from pyburn.module import Module, ModuleRecord, Param
from pyburn.record.errors import RecordError
from pyburn.tensor import Device, RankError, ShapeError, Tensor, TensorData

from ._types import B
from .initializer import Initializer, resolve_device

__all__ = ["LinearConfig", "Linear", "LinearLayout"]


class LinearLayout(enum.Enum):
    """How the weight is stored (Burn's ``LinearLayout``): `Row`, ``[d_input, d_output]``
    row-major; `Col`, column-major (the ``[d_output, d_input]`` array of PyTorch's layout, seen
    transposed). The module's view and its math are the same; records differ (see `Linear`)."""

    Row = "Row"
    Col = "Col"


class LinearConfig(Config):
    """Burn's defaults: a bias, and Kaiming-uniform with gain ``1/sqrt(3)`` — that is
    ``U(-1/sqrt(d_input), 1/sqrt(d_input))`` for weight and bias alike, as torch.nn.Linear."""

    d_input: int
    d_output: int
    bias: bool = True
    initializer: Initializer = Initializer.KaimingUniform(gain=1.0 / math.sqrt(3.0),
                                                           fan_out_only=False)
    layout: LinearLayout = LinearLayout.Row

    def init(self, device: Device | str | None = None, backend: Any = None) -> "Linear":
        """Build the layer on `device` (which names its backend; see `resolve_device`).

        Parameters are lazy: nothing is drawn until first use, so ``init`` followed by
        ``load_record`` never runs the initializer."""
        if self.d_input < 0 or self.d_output < 0:
            raise ValueError(f"LinearConfig.init: sizes must be >= 0, got d_input={self.d_input}, "
                             f"d_output={self.d_output}")
        backend, dev = resolve_device(device, backend, "LinearConfig.init")
        if self.layout is LinearLayout.Row:
            weight = self.initializer.init_param([self.d_input, self.d_output], dev, backend,
                                                 fan_in=self.d_input, fan_out=self.d_output)
        else:
            # Burn draws the [d_output, d_input] array with fan_in = d_output (its init_with
            # arguments follow the stored shape) and exposes its transpose.
            init, d_in, d_out = self.initializer, self.d_input, self.d_output
            init.init_param([d_out, d_in], dev, backend, fan_in=d_out, fan_out=d_in)  # checks
            weight = Param.lazy(lambda: init.init([d_out, d_in], dev, backend, d_out, d_in)
                                .transpose(), [d_in, d_out], dev, Tensor[backend])
        bias = None
        if self.bias:
            # Burn draws the bias with the weight's fans (fan_in = d_input), not the bias shape.
            bias = self.initializer.init_param([self.d_output], dev, backend,
                                               fan_in=self.d_input, fan_out=self.d_output)
        return Linear(weight, bias, self.layout)


class Linear(Module):
    """Applies ``x @ weight + bias`` to the last dimension of an input of any rank >= 1."""

    weight: Param[Any]
    bias: Param[Any] | None = None
    layout: LinearLayout = LinearLayout.Row

    @property
    def d_input(self) -> int:
        return int(self.weight.shape[0])

    @property
    def d_output(self) -> int:
        return int(self.weight.shape[1])

    def forward(self, x: "Tensor[B]") -> "Tensor[B]":
        """``[..., d_input]`` -> ``[..., d_output]``; leading dims are batch dims."""
        dims = x.dims()
        if len(dims) < 1:
            raise RankError(f"Linear.forward: expected an input of rank >= 1, got shape {dims}")
        if dims[-1] != self.d_input:
            raise ShapeError(f"Linear.forward: expected an input of shape [..., {self.d_input}], "
                             f"got {dims}")
        lead = dims[:-1]
        flat = x.reshape([math.prod(lead), self.d_input])
        out = flat @ self.weight.val()
        if self.bias is not None:
            out = out + self.bias.val().unsqueeze_dim(0)
        return out.reshape([*lead, self.d_output])

    __call__ = forward

    def into_record(self) -> ModuleRecord:
        """As `Module.into_record`; a `Col` layout records the weight ``[d_output, d_input]``."""
        record = super().into_record()
        if self.layout is LinearLayout.Col:
            name = self.record_names.get("weight", "weight")
            record[name] = {**record[name], "param": _transposed(record[name]["param"])}
        return record

    def _load(self, record: Any, prefix: str, strict: bool) -> "Linear":
        name = self.record_names.get("weight", "weight")
        if (self.layout is LinearLayout.Col and isinstance(record, dict)
                and isinstance(record.get(name), dict)
                and isinstance(record[name].get("param"), TensorData)):
            data = record[name]["param"]
            if len(data.shape) != 2:
                raise RecordError(f"load_record: {prefix}{name}: a Col-layout Linear weight is "
                                  f"recorded [d_output, d_input], got shape {list(data.shape)}")
            record = {**record, name: {**record[name], "param": _transposed(data)}}
        return super()._load(record, prefix, strict)

    def display_fields(self) -> dict[str, Any]:
        return {"d_input": self.d_input, "d_output": self.d_output,
                "bias": self.bias is not None}


def _transposed(data: TensorData) -> TensorData:
    """A 2-D record's values transposed (same dtype)."""
    return TensorData.from_numpy(data.as_numpy().T.copy(), data.dtype)
