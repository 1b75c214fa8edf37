"""Import an ONNX model exported from PyTorch, as Burn's ``onnx-inference`` example does:
``python -m examples.onnx_import --help``."""
