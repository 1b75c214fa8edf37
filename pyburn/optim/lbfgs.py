"""L-BFGS (Burn's ``optim::lbfgs``, itself a port of ``torch.optim.LBFGS``).

A quasi-Newton method for full-batch problems. Unlike the first-order optimizers it needs the
loss *re-evaluated* at trial points, so its ``step`` takes a closure instead of gradients:
``closure(module) -> (loss, GradientsParams)``, and runs up to ``max_iter`` iterations per call.
All trainable float parameters are seen as one flat vector on the inner backend (no tape); the
curvature history (``s = x_{k+1} - x_k``, ``y = g_{k+1} - g_k``) gives the search direction by the
two-loop recursion, and the step length is either ``lr`` or found by a strong-Wolfe line search
with cubic interpolation.

Where Burn and torch differ, this follows Burn: the line search gets the config's
``tolerance_change`` and the function evaluations left (``max_eval - evals so far``) as its budget
(torch: 1e-9 and 25), the fixed-step path re-evaluates after the last iteration too, and ``step``
returns the module with the *final* loss (torch returns the loss before the step).
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Mapping, Optional, TypeVar

from typing_extensions import Self

from pyburn.config import Config
from pyburn.module import Module, Param
from pyburn.record import RecordError
from pyburn.tensor import Device, GradientError, ShapeError, Tensor, TensorData

from .base import LearningRate, StateIO, check_learning_rate
from .grads import GradientsParams, param_label

M = TypeVar("M", bound=Module)


def cubic_interpolate(x1: float, f1: float, g1: float, x2: float, f2: float, g2: float,
                      bounds: Optional[tuple[float, float]] = None) -> float:
    """The minimizer, clamped to `bounds` (default: between `x1` and `x2`), of the cubic through
    ``(x1, f1)`` and ``(x2, f2)`` with slopes `g1`, `g2`; the middle of the bounds when the cubic
    has no minimum. A NaN minimizer is clamped to the lower bound (Rust's ``f64::max``)."""
    lo, hi = bounds if bounds is not None else ((x1, x2) if x1 <= x2 else (x2, x1))
    d1 = g1 + g2 - 3.0 * (f1 - f2) / (x1 - x2)
    d2_square = d1 * d1 - g1 * g2
    if d2_square >= 0.0:
        d2 = math.sqrt(d2_square)
        if x1 <= x2:
            min_pos = x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2.0 * d2))
        else:
            min_pos = x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2.0 * d2))
        return min(lo if math.isnan(min_pos) else max(min_pos, lo), hi)
    return (lo + hi) / 2.0


ObjFunc = Callable[[Any, float, Any], "tuple[float, Any]"]
"""``obj_func(x, t, d) -> (f(x + t d), grad f(x + t d))`` for the line search."""


@dataclass
class _Sample:
    """One point of the line search: step, loss, gradient, directional derivative."""

    t: float
    f: float
    g: Any
    gtd: float


def strong_wolfe(obj_func: ObjFunc, x: Any, t: float, d: Any, f: float, g: Any, gtd: float,
                 c1: float = 1e-4, c2: float = 0.9, tolerance_change: float = 1e-9,
                 max_ls: int = 25) -> tuple[float, Any, float, int]:
    """A step along `d` from `x` satisfying the strong Wolfe conditions (sufficient decrease
    with `c1`, curvature ``|g(t).d| <= -c2 g.d``): bracketing then zoom, with cubic
    interpolation. `t` is the first trial step, `f`, `g`, `gtd` the loss, gradient and
    directional derivative at `x`. Returns ``(loss, gradient, step, evaluations)`` at the best
    point found within `max_ls` evaluations after the first."""
    d_norm = float(d.abs().max().into_scalar())
    f_new, g_new = obj_func(x, t, d)
    evals = 1
    gtd_new = float(g_new.dot(d).into_scalar())
    prev = _Sample(0.0, f, g, gtd)
    ls_iter = 0
    bracket: list[_Sample] | None = None
    while ls_iter < max_ls:
        new = _Sample(t, f_new, g_new, gtd_new)
        if f_new > f + c1 * t * gtd or (ls_iter > 1 and f_new >= prev.f):
            bracket = [prev, new]       # sufficient decrease lost: a minimum lies in between
            break
        if abs(gtd_new) <= -c2 * gtd:
            return f_new, g_new, t, evals
        if gtd_new >= 0.0:
            bracket = [prev, new]       # the slope turned: a minimum lies in between
            break
        # Still going down: extrapolate, at least 1% further and at most 10 times as far.
        t_next = cubic_interpolate(prev.t, prev.f, prev.gtd, t, f_new, gtd_new,
                                   (t + 0.01 * (t - prev.t), t * 10.0))
        prev = new
        t = t_next
        f_new, g_new = obj_func(x, t, d)
        evals += 1
        gtd_new = float(g_new.dot(d).into_scalar())
        ls_iter += 1
    if bracket is None:
        bracket = [_Sample(0.0, f, g, gtd), _Sample(t, f_new, g_new, gtd_new)]

    # Zoom: shrink the bracket around the low point until the conditions hold.
    insuf_progress = False
    low, high = (0, 1) if bracket[0].f <= bracket[1].f else (1, 0)
    while ls_iter < max_ls:
        if abs(bracket[1].t - bracket[0].t) * d_norm < tolerance_change:
            break
        a, b = bracket
        t = cubic_interpolate(a.t, a.f, a.gtd, b.t, b.f, b.gtd)
        b_min, b_max = min(a.t, b.t), max(a.t, b.t)
        eps = 0.1 * (b_max - b_min)
        if min(b_max - t, t - b_min) < eps:
            # Too close to an end: move away from it, unless the last try was not close too.
            if insuf_progress or t >= b_max or t <= b_min:
                t = b_max - eps if abs(t - b_max) < abs(t - b_min) else b_min + eps
                insuf_progress = False
            else:
                insuf_progress = True
        else:
            insuf_progress = False
        f_new, g_new = obj_func(x, t, d)
        evals += 1
        gtd_new = float(g_new.dot(d).into_scalar())
        ls_iter += 1
        new = _Sample(t, f_new, g_new, gtd_new)
        if f_new > f + c1 * t * gtd or f_new >= bracket[low].f:
            bracket[high] = new
        else:
            if abs(gtd_new) <= -c2 * gtd:
                return f_new, g_new, t, evals
            if gtd_new * (bracket[high].t - bracket[low].t) >= 0.0:
                bracket[high] = bracket[low]
            bracket[low] = new
        low, high = (0, 1) if bracket[0].f <= bracket[1].f else (1, 0)
    best = bracket[low]
    return best.f, best.g, best.t, evals


class LineSearchFn(Enum):
    """How L-BFGS picks the step length. Burn's ``LineSearchFn::None`` is Python's ``None``
    (a fixed step ``lr``), as torch's ``line_search_fn=None``."""

    #: A line search satisfying the strong Wolfe conditions (torch's ``"strong_wolfe"``).
    StrongWolfe = "StrongWolfe"


class LBFGSConfig(Config):
    """``LBFGSConfig(max_iter=20, history_size=100, tolerance_grad=1e-7, tolerance_change=1e-9,
    max_eval=None, line_search_fn=None)``: Burn's and torch's defaults; `max_eval` defaults to
    ``max_iter * 5 // 4``."""

    max_iter: int = 20
    history_size: int = 100
    tolerance_grad: float = 1e-7
    tolerance_change: float = 1e-9
    max_eval: Optional[int] = None
    line_search_fn: Optional[LineSearchFn] = None

    def init(self) -> "LBFGS":
        """The optimizer: ``module, loss = optim.step(lr, module, closure)``."""
        for name in ("max_iter", "history_size"):
            if getattr(self, name) < 1:
                raise ValueError(f"LBFGSConfig: {name} must be >= 1, got {getattr(self, name)}")
        if self.max_eval is not None and self.max_eval < 1:
            raise ValueError(f"LBFGSConfig: max_eval must be >= 1 (or None for max_iter * 5 "
                             f"// 4), got {self.max_eval}")
        for name in ("tolerance_grad", "tolerance_change"):
            if not getattr(self, name) >= 0.0:
                raise ValueError(f"LBFGSConfig: {name} must be >= 0, got {getattr(self, name)}")
        max_eval = self.max_eval if self.max_eval is not None else self.max_iter * 5 // 4
        return LBFGS(self.with_max_eval(max_eval))


@dataclass
class LBFGSState:
    """What L-BFGS carries from one ``step`` to the next (flat vectors on the inner backend; a
    state read from a record holds `TensorData` until the next step)."""

    history_s: list[Any] = field(default_factory=list)   # parameter steps s_k
    history_y: list[Any] = field(default_factory=list)   # gradient changes y_k
    d: Any = None                                        # the last search direction
    t: Optional[float] = 1.0                             # the last step length
    prev_flat_grad: Any = None                           # the gradient before the last step
    prev_loss: Optional[float] = None
    g_iter: int = 0                                      # iterations over all steps

    def map_tensors(self, fn: Callable[[Any], Any]) -> "LBFGSState":
        opt = (lambda v: None if v is None else fn(v))
        return LBFGSState([fn(v) for v in self.history_s], [fn(v) for v in self.history_y],
                          opt(self.d), self.t, opt(self.prev_flat_grad), self.prev_loss,
                          self.g_iter)

    def to_record(self) -> dict[str, Any]:
        data = (lambda v: None if v is None else (v if isinstance(v, TensorData)
                                                  else v.to_data()))
        return {"history_s": [data(v) for v in self.history_s],
                "history_y": [data(v) for v in self.history_y],
                "d": data(self.d), "t": self.t, "prev_flat_grad": data(self.prev_flat_grad),
                "prev_loss": self.prev_loss, "g_iter": self.g_iter}

    @classmethod
    def from_record(cls, record: Any) -> "LBFGSState":
        where = "LBFGS record"
        if not isinstance(record, Mapping):
            raise RecordError(f"{where}: expected a dict of state fields, got "
                              f"{type(record).__name__}")
        names = ("history_s", "history_y", "d", "t", "prev_flat_grad", "prev_loss", "g_iter")
        missing = [n for n in names if n not in record]
        if missing:
            raise RecordError(f"{where}: missing field(s) {', '.join(missing)}")

        def vector(value: Any, name: str, optional: bool = True) -> Any:
            if value is None and optional:
                return None
            if not isinstance(value, TensorData) or len(value.shape) != 1:
                raise RecordError(f"{where}.{name}: expected 1-D tensor data, got "
                                  f"{type(value).__name__}")
            return value

        def number(value: Any, name: str) -> Optional[float]:
            if value is None:
                return None
            if isinstance(value, bool) or not isinstance(value, numbers.Real):
                raise RecordError(f"{where}.{name}: expected a number, got "
                                  f"{type(value).__name__}")
            return float(value)

        history = []
        for name in ("history_s", "history_y"):
            items = record[name]
            if not isinstance(items, list):
                raise RecordError(f"{where}.{name}: expected a list, got {type(items).__name__}")
            history.append([vector(v, f"{name}[{i}]", False) for i, v in enumerate(items)])
        if len(history[0]) != len(history[1]):
            raise RecordError(f"{where}: history_s has {len(history[0])} entries, history_y "
                              f"{len(history[1])}")
        g_iter = record["g_iter"]
        if isinstance(g_iter, bool) or not isinstance(g_iter, int) or g_iter < 0:
            raise RecordError(f"{where}.g_iter: expected an int >= 0, got {g_iter!r}")
        return cls(history[0], history[1], vector(record["d"], "d"), number(record["t"], "t"),
                   vector(record["prev_flat_grad"], "prev_flat_grad"),
                   number(record["prev_loss"], "prev_loss"), g_iter)

    def vectors(self) -> list[Any]:
        return [*self.history_s, *self.history_y,
                *(v for v in (self.d, self.prev_flat_grad) if v is not None)]


class LBFGS(StateIO):
    """The L-BFGS optimizer (see `LBFGSConfig`); memory grows with ``history_size`` times the
    number of parameters."""

    def __init__(self, config: LBFGSConfig) -> None:
        self.config = config
        self.state = LBFGSState()

    # --- the step --------------------------------------------------------------------------------
    def step(self, lr: LearningRate, module: M,
             closure: Callable[[M], tuple[Any, GradientsParams]]) -> tuple[M, float]:
        """Up to ``max_iter`` L-BFGS iterations on `module`'s trainable float parameters;
        returns the new module (parameters keep their ids) and its loss.

        ``closure(module)`` returns ``(loss, GradientsParams)`` for the module it is given (the
        loss a float or a one-element tensor, the gradients from ``GradientsParams.from_grads(
        loss.backward(), module)``); it
        is called at least once, and once per trial point. A parameter without a gradient counts
        as a zero gradient (as in torch). The state changes only when the step completes."""
        op = "LBFGS.step"
        lr = check_learning_rate(op, lr)
        cfg = self.config
        max_eval = cfg.max_eval if cfg.max_eval is not None else cfg.max_iter * 5 // 4
        params = _trainable(op, module)

        def evaluate(candidate: M) -> tuple[float, Any]:
            loss, grads = _call(op, closure, candidate)
            return loss, _flat_grads(op, params, grads)

        loss, flat_grad = evaluate(module)
        evals = 1
        x_flat = Tensor.cat([p.val().inner().reshape([-1]) for _, p in params], 0)
        state = self._state_like(flat_grad)
        if _max_abs(flat_grad) <= cfg.tolerance_grad:
            return module, loss

        history_s, history_y = list(state.history_s), list(state.history_y)
        g_iter = state.g_iter
        d = state.d if state.d is not None else flat_grad.neg()
        t = state.t if state.t is not None else lr
        prev_flat_grad = state.prev_flat_grad
        n_iter = 0
        while n_iter < cfg.max_iter:
            n_iter += 1
            g_iter += 1
            if g_iter == 1:
                d = flat_grad.neg()
                history_s, history_y = [], []
            else:
                if prev_flat_grad is not None:
                    y = flat_grad.sub(prev_flat_grad)
                    s = d.mul_scalar(t)
                    if float(y.dot(s).into_scalar()) > 1e-10:   # keep H positive definite
                        while len(history_s) >= cfg.history_size:
                            history_s.pop(0)
                            history_y.pop(0)
                        history_s.append(s)
                        history_y.append(y)
                d = _two_loop(flat_grad, history_s, history_y)
            prev_flat_grad = flat_grad
            prev_loss = loss
            if g_iter == 1:  # no curvature known yet: a first step of length <= lr
                t = min(1.0, 1.0 / float(flat_grad.abs().sum().into_scalar())) * lr
            else:
                t = lr
            gtd = float(flat_grad.dot(d).into_scalar())
            if gtd > -cfg.tolerance_change:
                break  # not a descent direction (to the tolerance)

            if cfg.line_search_fn is LineSearchFn.StrongWolfe:
                def obj_func(x: Any, step: float, direction: Any) -> tuple[float, Any]:
                    return evaluate(_with_flat(module, params, x.add(direction.mul_scalar(step))))

                loss, flat_grad, t, ls_evals = strong_wolfe(
                    obj_func, x_flat, t, d, loss, flat_grad, gtd, 1e-4, 0.9,
                    cfg.tolerance_change, max_eval - evals)
                x_flat = x_flat.add(d.mul_scalar(t))
                module = _with_flat(module, params, x_flat)
            else:
                x_flat = x_flat.add(d.mul_scalar(t))
                module = _with_flat(module, params, x_flat)
                loss, flat_grad = evaluate(module)
                ls_evals = 1
            evals += ls_evals

            if evals >= max_eval:
                break
            if _max_abs(flat_grad) <= cfg.tolerance_grad:
                break
            if _max_abs(d.mul_scalar(t)) <= cfg.tolerance_change:
                break
            if abs(loss - prev_loss) < cfg.tolerance_change:
                break

        self.state = LBFGSState(history_s, history_y, d, t, prev_flat_grad, loss, g_iter)
        return module, loss

    def _state_like(self, flat_grad: Any) -> LBFGSState:
        """The state as tensors like `flat_grad` (backend, device), each checked to have its
        length: materializes a loaded record and follows a module moved to another device."""
        cls, device, n = type(flat_grad), flat_grad.device, flat_grad.dims()[0]

        def move(value: Any) -> Any:
            size = value.shape[0] if isinstance(value, TensorData) else value.dims()[0]
            if size != n:
                raise (RecordError if isinstance(value, TensorData) else ShapeError)(
                    f"LBFGS.step: the optimizer state holds vectors of {size} values, the "
                    f"module has {n} trainable values; it was built for another model (use a "
                    f"new optimizer)")
            if isinstance(value, TensorData):
                return cls.from_data(value, device)
            if type(value) is not cls:
                return cls.from_data(value.to_data(), device)
            return value if value.device == device else value.to_device(device)

        return self.state.map_tensors(move)

    # --- state -----------------------------------------------------------------------------------
    def to_device(self, device: Device | str) -> Self:
        """Move the state's tensors to `device` (Burn's ``to_device``); returns self."""
        self.state = self.state.map_tensors(
            lambda v: v if isinstance(v, TensorData) else v.to_device(device))
        return self

    def to_record(self) -> dict[str, Any]:
        """The state as a record tree (lists of `TensorData`, floats, ints) any recorder saves."""
        return self.state.to_record()

    def load_record(self, record: Mapping[str, Any], module: Module | None = None) -> Self:
        """Replace the state with `record` (from `to_record`); returns self. Tensors become
        tensors again at the next step, on the gradient's device. With `module`, the vectors'
        lengths are checked against its trainable parameters now (`RecordError`)."""
        state = LBFGSState.from_record(record)
        if module is not None:
            n = sum(p.num_params() for _, p in _trainable("LBFGS.load_record", module))
            for value in state.vectors():
                if value.shape[0] != n:
                    raise RecordError(f"LBFGS.load_record: the record holds vectors of "
                                      f"{value.shape[0]} values, the module has {n} trainable "
                                      f"values; the record was saved for another model")
        self.state = state
        return self

    def __repr__(self) -> str:
        return (f"LBFGS({self.config!r}, g_iter={self.state.g_iter}, "
                f"history={len(self.state.history_s)})")


# --- the flat parameter vector ---------------------------------------------------------------------
def _trainable(op: str, module: Module) -> list[tuple[str, Param[Any]]]:
    """The float parameters L-BFGS moves, once each (a shared parameter appears once), in
    module order; frozen ones (``require_grad=False``) keep their values."""
    out: list[tuple[str, Param[Any]]] = []
    seen = set()
    for path, param in module.named_params():
        if not param.require_grad or param.id in seen:
            continue
        tensor = param.val()
        if tensor.kind.prefix != "float":
            continue
        if not type(tensor).backend.is_autodiff():
            raise GradientError(f"{op}: parameter '{path}' lives on {type(tensor).backend!r}, "
                                f"which has no autodiff; build the module on an Autodiff[...] "
                                f"backend to train it")
        seen.add(param.id)
        out.append((path, param))
    if not out:
        raise ValueError(f"{op}: the module has no trainable float parameters")
    return out


def _flat_grads(op: str, params: list[tuple[str, Param[Any]]], grads: GradientsParams) -> Any:
    parts = []
    for path, param in params:
        inner = param.val().inner()
        grad = grads.get(param.id)
        if grad is None:
            grad = inner.zeros_like()
        elif type(grad) is not type(inner):
            raise TypeError(f"{op}: the gradient of parameter {param_label(path, param)} is a "
                            f"{type(grad).__name__}, expected a {type(inner).__name__}")
        elif grad.dims() != inner.dims():
            raise ShapeError(f"{op}: the gradient of parameter {param_label(path, param)} has "
                             f"shape {grad.dims()}, the parameter has shape {inner.dims()}")
        parts.append(grad.reshape([-1]))
    return Tensor.cat(parts, 0)


def _with_flat(module: M, params: list[tuple[str, Param[Any]]], flat: Any) -> M:
    """`module` with its trainable parameters read from `flat` (fresh leaves, same ids)."""
    values: dict[str, Any] = {}
    offset = 0
    for _, param in params:
        tensor = param.val()
        n = param.num_params()
        chunk = flat.slice([(offset, offset + n)]).reshape(tensor.dims())
        values[param.id] = type(tensor).from_inner(chunk)
        offset += n

    def assign(_: str, param: Param[Any]) -> Param[Any]:
        value = values.get(param.id)
        return param if value is None or not param.require_grad else param.with_value(value)

    return module.map(assign)


def _two_loop(flat_grad: Any, history_s: list[Any], history_y: list[Any]) -> Any:
    """``-H g`` with H the L-BFGS inverse Hessian from the history (Nocedal and Wright,
    algorithm 7.4), scaled initially by ``s.y / y.y`` of the newest pair; ``-g`` without one."""
    q = flat_grad.neg()
    if not history_s:
        return q
    rhos = [y.dot(s).recip() for s, y in zip(history_s, history_y)]
    alphas: list[Any] = [None] * len(history_s)
    for i in reversed(range(len(history_s))):
        alphas[i] = rhos[i].mul(history_s[i].dot(q))
        q = q.sub(history_y[i].mul(alphas[i]))
    last_s, last_y = history_s[-1], history_y[-1]
    r = q.mul(last_y.dot(last_s).div(last_y.dot(last_y)))
    for s, y, rho, alpha in zip(history_s, history_y, rhos, alphas):
        beta = rho.mul(y.dot(r))
        r = r.add(s.mul(alpha.sub(beta)))
    return r


def _max_abs(x: Any) -> float:
    return float(x.abs().max().into_scalar())


def _call(op: str, closure: Callable[[Any], Any], module: Any) -> tuple[float, GradientsParams]:
    result = closure(module)
    if not isinstance(result, tuple) or len(result) != 2:
        raise TypeError(f"{op}: the closure must return (loss, GradientsParams), got "
                        f"{type(result).__name__}")
    loss, grads = result
    if not isinstance(grads, GradientsParams):
        raise TypeError(f"{op}: the closure must return (loss, GradientsParams) (use "
                        f"GradientsParams.from_grads(loss.backward(), module)), got "
                        f"{type(grads).__name__} as the gradients")
    if isinstance(loss, Tensor):
        loss = loss.into_scalar()
    if isinstance(loss, bool) or not isinstance(loss, numbers.Real):
        raise TypeError(f"{op}: the closure's loss must be a number or a one-element tensor, "
                        f"got {type(loss).__name__}")
    return float(loss), grads
