"""The CuPy backend (NumPy's implementation on the GPU): ``from pyburn.backend import CuPy``.

Importing this package imports cupy when it is installed; without it (or without a GPU) the
package still imports and ``CuPy.unavailable_reason()`` says why.
"""

from .backend import CuPy

__all__ = ["CuPy"]
