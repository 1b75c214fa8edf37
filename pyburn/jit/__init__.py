"""``pyburn.jit``: capture and replay of whole training steps (see docs/performance.md).

    @jit
    def step(model, optim, x, y, lr):
        loss = mse(model(x), y)
        grads = GradientsParams.from_grads(loss.backward(), model)
        return optim.step(lr, model, grads), loss

The first call traces the step through a `Recording` backend beneath `Autodiff`; later calls
with the same guards replay the recorded inner-backend calls directly.
"""

from .errors import HostReadError, JitError
from .plan import Plan
from .recording import recording_of
from .scalar import TracedScalar
from .step import Jit, JitStats, jit

__all__ = ["jit", "Jit", "JitStats", "Plan", "JitError", "HostReadError", "TracedScalar",
           "recording_of"]
