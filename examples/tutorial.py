"""The tutorial (shared/seed/autograd_tutorial.md), its code cells verbatim, in order.

Run it with ``python examples/tutorial.py``. tests/test_tutorial.py checks that these cells are the
tutorial's own and that what they print holds.
"""

# In [1]:
import autograd.numpy as np  # Autograd thinly wraps NumPy
from autograd import grad


# In [2]:
def tanh(x):
    y = np.exp(-x)
    return (1.0 - y) / (1.0 + y)


# In [3]:
grad_tanh = grad(tanh)

# Evaluate the gradient at x = 1.0
print(grad_tanh(1.0))

# Compare to numeric gradient computed using finite differences
print((tanh(1.0001) - tanh(0.9999)) / 0.0002)


# In [4]:
def grad_sigmoid_manual(x):
    r"""Implements the gradient of the logistic sigmoid function 
    $\sigma(x) = 1 / (1 + e^{-x})$ using staged computation
    """
    # Forward pass, keeping track of intermediate values for use in the 
    # backward pass
    a = -x         # -x in denominator
    b = np.exp(a)  # e^{-x} in denominator
    c = 1 + b      # 1 + e^{-x} in denominator
    s = 1.0 / c    # Final result, 1.0 / (1 + e^{-x})
    
    # Backward pass
    dsdc = (-1.0 / (c**2))
    dsdb = dsdc * 1
    dsda = dsdb * np.exp(a)
    dsdx = dsda * (-1)
    
    return dsdx


# In [5]:
def sigmoid(x):
    y = 1.0 / (1.0 + np.exp(-x))
    return y

grad_sigmoid_automatic = grad(sigmoid)


# In [6]:
print(grad_sigmoid_automatic(2.0))
print(grad_sigmoid_manual(2.0))


# In [7]:
import autograd.numpy.random as npr
from autograd.misc import flatten


# In [8]:
params = [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0, 3.0)]
flat_params, unflatten_func = flatten(params)
print('Flattened: {}'.format(flat_params))
print('Unflattened: {}'.format(unflatten_func(flat_params)))


# In [9]:
params = [npr.randn(3, 3), npr.randn(4, 4), npr.randn(3, 3)]
flat_params, unflatten_func = flatten(params)
print('Flattened: {}'.format(flat_params))
print('Unflattened: {}'.format(unflatten_func(flat_params)))


# In [10]:
params = {'weights': [1.0, 2.0, 3.0, 4.0], 'biases': [1.0, 2.0]}
flat_params, unflatten_func = flatten(params)
print('Flattened: {}'.format(flat_params))
print('Unflattened: {}'.format(unflatten_func(flat_params)))


# In [11]:
params = {
    'layer1': {
        'weights': [1.0, 2.0, 3.0, 4.0],
        'biases': [1.0, 2.0]
    },
    'layer2': {
        'weights': [5.0, 6.0, 7.0, 8.0],
        'biases': [6.0, 7.0]
    }
}
flat_params, unflatten_func = flatten(params)
print('Flattened: {}'.format(flat_params))
print('Unflattened: {}'.format(unflatten_func(flat_params)))


# In [12]:
from autograd.extend import primitive, defvjp


# In [13]:
@primitive
def logsumexp(x):
    """Numerically stable log(sum(exp(x)))"""
    max_x = np.max(x)
    return max_x + np.log(np.sum(np.exp(x - max_x)))


# In [14]:
def make_grad_logsumexp(ans, x):
    # If you want to be able to take higher-order derivatives, then all the
    # code inside this function must be itself differentiable by autograd.
    def gradient_product(g):
        return np.full(x.shape, g) * np.exp(x - np.full(x.shape, ans))
    return gradient_product


# In [15]:
defvjp(logsumexp, make_grad_logsumexp)


# In [16]:
# Now we can use logsumexp() inside a larger function that we want to differentiate.
def example_func(y):
    z = y**2
    lse = logsumexp(z)
    return np.sum(lse)

grad_of_example = grad(example_func)
print("Gradient: ", grad_of_example(npr.randn(10)))


# In [17]:
from autograd.test_util import check_grads
check_grads(example_func, modes=['rev'], order=2)(npr.randn(10))
