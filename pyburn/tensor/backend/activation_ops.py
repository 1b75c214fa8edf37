"""Activation ops, Burn's ``ActivationOps``: defaults written with float ops, which a backend
may replace by a faster kernel. Their backward rules live in the Autodiff backend."""

from __future__ import annotations

from typing import Any

from .float_ops import FloatPrimitive


class ActivationOps:
    @classmethod
    def float_relu(cls: Any, x: FloatPrimitive) -> FloatPrimitive:
        return cls.float_clamp(x, 0.0, None)

    @classmethod
    def float_relu_backward(cls: Any, output: FloatPrimitive, grad: FloatPrimitive) -> FloatPrimitive:
        """Burn's ``relu_backward``: `grad` where ``output > 0`` or NaN, else 0. A backend with
        a one-pass kernel (Torch's ``threshold_backward``) saves the mask and a copy."""
        return cls.float_mask_fill(grad, cls.float_lower_equal_elem(output, 0.0), 0.0)

    @classmethod
    def float_sigmoid_backward(cls: Any, output: FloatPrimitive, grad: FloatPrimitive) -> FloatPrimitive:
        """Burn's ``sigmoid_backward``: ``grad * output * (1 - output)``, from the forward's
        output. A backend with a one-pass kernel (Torch's ``sigmoid_backward``) saves three."""
        return cls.float_mul(grad, cls.float_mul(output, cls.float_add_scalar(cls.float_neg(output), 1.0)))

    @classmethod
    def float_tanh_backward(cls: Any, output: FloatPrimitive, grad: FloatPrimitive) -> FloatPrimitive:
        """``grad * (1 - output ** 2)``, from the forward's output; one kernel on Torch
        (``tanh_backward``), where the tape would otherwise run four ops."""
        return cls.float_mul(grad, cls.float_add_scalar(cls.float_neg(cls.float_mul(output, output)), 1.0))

    @classmethod
    def float_sigmoid(cls: Any, x: FloatPrimitive) -> FloatPrimitive:
        # 1 / (1 + exp(-x)), written as 0.5 * (1 + tanh(x / 2)) so large |x| never overflows.
        return cls.float_mul_scalar(cls.float_add_scalar(cls.float_tanh(cls.float_mul_scalar(x, 0.5)), 1.0), 0.5)

    @classmethod
    def float_gelu(cls: Any, x: FloatPrimitive) -> FloatPrimitive:
        """Exact GELU: x * Phi(x) with the error function."""
        cdf = cls.float_mul_scalar(cls.float_add_scalar(cls.float_erf(cls.float_mul_scalar(x, 0.7071067811865476)), 1.0), 0.5)
        return cls.float_mul(x, cdf)
