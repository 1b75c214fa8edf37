"""The error of a PyTorch file pyburn will not or cannot read, and the words that explain it."""

from __future__ import annotations

from ..errors import RecordError


class TorchFileError(RecordError):
    """A ``.pt``/``.pth`` file that is not a readable tensor state dict: truncated, not a torch
    file, a whole pickled model, or a pickle that asks for code to run."""


def refused_global_message(name: str, path: str) -> str:
    """Why a pickle's reference to `name` (``module.qualname``) is refused, and what to do."""
    module = name.rpartition(".")[0]
    if module == "__main__" or module.startswith("torch.nn.modules") or module.startswith(
            "torch.nn.parameter"):
        return (f"{path!r} holds a whole pickled model (torch.save(model): it refers to the "
                f"class {name}), not a state dict; loading it would need that class's code. "
                "In PyTorch, save the weights only: torch.save(model.state_dict(), path) (or "
                "safetensors.torch.save_file(model.state_dict(), path)), and load that file")
    return (f"refusing {path!r}: its pickle asks for {name}, which is not part of a tensor "
            f"state dict. A full unpickle (torch.load(..., weights_only=False)) would import "
            "and call it, so this file may run code when opened in PyTorch; nothing was run. "
            "Only load state dicts (tensors in dicts) from sources you trust")
