"""`init_with(record)`: build a module straight from recorded weights (the Burn Book's
"Initialization from Recorded Weights"), generic over every config whose ``init`` builds a module.

Why one implementation: pyburn parameters are lazy, so ``init`` followed by ``load_record`` never
runs an initializer; ``init_with`` is exactly that pair, with the record validated against the
module the config describes. Every config of ``pyburn.nn`` gets it, and so does a user's own
``ModelConfig`` whose ``init(device)`` assembles layers (Burn makes users write that one by hand).

The device: a pyburn record holds `TensorData`, which has no device (Burn's records are loaded
onto one). So a record with tensors needs ``device`` (from a backend: ``B.default_device()``,
``B.device("cuda:0")``) or ``backend=B`` (its default device), the rule of every ``init``; a
record without tensors (Dropout, pools) needs neither.
"""

from __future__ import annotations

import inspect
from typing import Any

_DEVICE_ARGS = ("device", "backend")


def init_with(config: Any, record: Any, device: Any = None, backend: Any = None) -> Any:
    """``config.init(device, backend)`` then ``load_record(record)``, without drawing weights."""
    from pyburn.module import Module
    from pyburn.record.errors import RecordError

    name = getattr(type(config), "__config_name__", type(config).__name__)
    op = f"{name}.init_with"
    init = getattr(config, "init", None)
    if not callable(init):
        raise TypeError(f"{op}: {name} has no init(device) method that builds a module")
    params = inspect.signature(init).parameters
    takes_kwargs = any(p.kind is p.VAR_KEYWORD for p in params.values())
    needs = [n for n, p in params.items() if n not in _DEVICE_ARGS and p.default is p.empty
             and p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD)]
    if needs:
        raise TypeError(f"{op}: {name}.init needs {', '.join(needs)}, which a record cannot "
                        "supply; init_with builds modules from configs whose init takes only "
                        "(device, backend)")
    if device is None and backend is None and _holds_tensors(record):
        raise ValueError(f"{op}: the record's tensors carry no device; pass device= (from a "
                         "backend: B.default_device(), B.device('cuda:0')) or backend=B")
    kwargs: dict[str, Any] = {}
    if backend is not None and ("backend" in params or takes_kwargs):
        kwargs["backend"] = backend
    elif backend is not None and device is None:
        device = backend.default_device()  # an init(device) that names no backend of its own
    if device is not None and ("device" in params or takes_kwargs):
        kwargs["device"] = device
    elif "device" in params and params["device"].default is inspect.Parameter.empty:
        kwargs["device"] = None  # a user's init(self, device): it decides what None means
    module = init(**kwargs)
    if not isinstance(module, Module):
        raise TypeError(f"{op}: {name}.init returned {type(module).__name__}, not a Module; "
                        "init_with loads a record into the module a config builds")
    try:
        return module.load_record(record)
    except RecordError as e:
        raise type(e)(f"{op}: {e}") from e


def _holds_tensors(record: Any) -> bool:
    """Whether a record tree has any tensor data (iterative: records can be deep)."""
    from pyburn.tensor import TensorData

    stack = [record]
    while stack:
        node = stack.pop()
        if isinstance(node, TensorData):
            return True
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, (list, tuple)):
            stack.extend(node)
    return False
