"""Parameter groups of an optimizer (Burn's ``ModuleOptimizer::with_group``) and its record.

An `OptimizerAdaptor` holds a list of `OptimizerGroup`: the first matches every parameter (the
optimizer's own rule), each later one gives the parameters of its `ParamGroup` another rule and
gradient clipping, the last matching group winning. A parameter's state remembers the group
whose rule made it, so adding a group later does not hand a state to a rule that cannot read it
(``with_group`` drops the states of the parameters it takes over, as Burn does).

The record (`OptimizerRecord`) stays a dict keyed by parameter id; an optimizer with groups also
stores each parameter's module path under the reserved key ``"__paths__"``, so a record loaded
into an optimizer with the same groups routes every state to the rule that wrote it, through
any recorder.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Mapping

from pyburn.module.param_group import ParamGroup
from pyburn.record import RecordError
from pyburn.tensor import TensorData

from .clipping import GradientClipping

PATHS_KEY = "__paths__"
"""Reserved record key: ``{param id: module path}`` (Burn's ``OptimizerRecord::paths``)."""


@dataclass(frozen=True)
class OptimizerGroup:
    """The rule (a simple optimizer) and gradient clipping of the parameters of `group`."""

    group: ParamGroup
    optim: Any
    grad_clipping: GradientClipping | None


def rule_of(op: str, optim: Any, grad_clipping: GradientClipping | None
            ) -> tuple[Any, GradientClipping | None]:
    """A group's rule and clipping from a simple optimizer (``SgdConfig().build()``) or an
    optimizer (``SgdConfig().init()``, whose clipping is used when `grad_clipping` is None).
    An optimizer that has groups or state of its own is refused: neither would be used."""
    from .base import OptimizerAdaptor
    if isinstance(optim, OptimizerAdaptor):
        if len(optim.groups) > 1 or optim.num_states() > 0:
            raise ValueError(f"{op}: the group's optimizer must be a fresh one without groups "
                             f"(got {optim!r}); pass its config's build() or init()")
        return optim.optim, grad_clipping if grad_clipping is not None else optim.grad_clipping
    if not callable(getattr(optim, "step", None)) or not hasattr(optim, "state_type"):
        raise TypeError(f"{op}: expected an optimizer (e.g. SgdConfig().init() or .build()), got "
                        f"{type(optim).__name__}")
    return optim, grad_clipping


class OptimizerRecord(dict[str, Any]):
    """An optimizer's state as a record: ``{param id: state record}``, plus ``"__paths__"`` for
    an optimizer with groups. `paths` and `scalars` are Burn's views of it."""

    @property
    def paths(self) -> dict[str, str]:
        """``{param id: module path}`` (empty when the optimizer had no groups); clearing it
        makes a record that routes by parameter id only."""
        paths = self.get(PATHS_KEY)
        return paths if isinstance(paths, dict) else {}

    @property
    def scalars(self) -> dict[str, Any]:
        """The state's numbers (not tensors), flattened as ``"{id}.{field}.{field}"``."""
        out: dict[str, Any] = {}

        def walk(prefix: str, value: Any) -> None:
            if isinstance(value, Mapping):
                for key, sub in value.items():
                    walk(f"{prefix}.{key}", sub)
            elif value is not None and not isinstance(value, TensorData):
                out[prefix] = value

        for key, state in self.items():
            if key != PATHS_KEY:
                walk(str(key), state)
        return out


def split_record(owner: str, record: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """`record`'s states and paths, checked: keys are str, paths map str to str."""
    if not isinstance(record, Mapping):
        raise RecordError(f"{owner}.load_record: expected a dict keyed by parameter id, got "
                          f"{type(record).__name__}")
    states = {k: v for k, v in record.items() if k != PATHS_KEY}
    paths = record.get(PATHS_KEY, {})
    if not isinstance(paths, Mapping) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in paths.items()):
        raise RecordError(f"{owner}.load_record: '{PATHS_KEY}' must map parameter ids to module "
                          f"paths (str to str), got {paths!r}")
    return states, dict(paths)
