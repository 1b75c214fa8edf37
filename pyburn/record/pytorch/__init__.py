"""PyTorch weight files: load a whole ``torch.nn.Module`` state dict into a pyburn model and
write one back (Burn's ``burn-import`` PyTorch recorder).

    from pyburn.record import LoadArgs, PyTorchFileRecorder
    args = LoadArgs("net.pt").with_key_remap(r"^backbone\\.", "")
    model = PyTorchFileRecorder().load_into(model, args)

Loading never runs code from the file (see `reader` and `pickle_reader`).
"""

from .adapter import LoadReport, load_into, state_dict_of
from .errors import TorchFileError
from .load_args import LoadArgs
from .pickle_reader import read_torch_zip
from .reader import read_pytorch_file
from .recorder import PyTorchFileRecorder

__all__ = ["PyTorchFileRecorder", "LoadArgs", "LoadReport", "TorchFileError",
           "read_pytorch_file", "read_torch_zip", "load_into", "state_dict_of"]
