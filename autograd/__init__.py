"""autograd: automatic differentiation of plain Python and NumPy code.

>>> import autograd.numpy as np
>>> from autograd import grad
>>> grad(np.tanh)(0.0)
1.0
"""
from .builtins import dict, isinstance, list, tuple, type  # noqa: A004 (they see through boxes)
from .differential_operators import (checkpoint, deriv, elementwise_grad, grad, grad_and_aux, grad_named,
                                     hessian, hessian_tensor_product, hessian_vector_product,
                                     holomorphic_grad, jacobian, make_ggnvp, make_hvp, make_jvp, make_vjp,
                                     multigrad, multigrad_dict, tensor_jacobian_product, value_and_grad,
                                     vector_jacobian_product)
from .engine import primitive

__version__ = '2.0.0'  # 2.x: libraries that require HIPS Autograd (autograd>=1.5) accept this package
