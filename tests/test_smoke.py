from pyburn import Tensor


def test_add(backend):
    B = backend.B
    x = Tensor[B].from_data([[1.0, 2.0], [3.0, 4.0]], device=backend.device)
    (x + x).to_data().assert_approx_eq([[2.0, 4.0], [6.0, 8.0]])


def test_grad(ad_backend):
    B = ad_backend.B
    w = Tensor[B].from_data([1.0, 2.0], device=ad_backend.device).require_grad()
    g = (w * w).sum().backward()
    w.grad(g).to_data().assert_approx_eq([2.0, 4.0])
