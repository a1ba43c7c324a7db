"""Kept for code written against HIPS Autograd's ``autograd.util``."""
import warnings

from .wrap_util import subvals


def subval(args, i, value):
    """``args`` (a tuple) with ``args[i] = value``."""
    return subvals(args, ((i, value),))


def func(f):
    """``f`` itself (HIPS Autograd used this to turn ``grad(f)`` objects into plain functions)."""
    return f


def toposort(end_node, parents=lambda node: node.parents):
    """The nodes reachable from ``end_node`` through ``parents``, each after every node that depends on it."""
    child_counts = {}
    stack = [end_node]
    while stack:
        node = stack.pop()
        if node in child_counts:
            child_counts[node] += 1
        else:
            child_counts[node] = 1
            stack.extend(parents(node))
    childless = [end_node]
    while childless:
        node = childless.pop()
        yield node
        for parent in parents(node):
            if child_counts[parent] == 1:
                childless.append(parent)
            else:
                child_counts[parent] -= 1


def quick_grad_check(fun, arg0, extra_args=(), kwargs={}, verbose=True):
    """Deprecated: use ``autograd.test_util.check_grads``."""
    from .test_util import check_grads
    warnings.warn("quick_grad_check is deprecated; use autograd.test_util.check_grads", DeprecationWarning,
                  stacklevel=2)
    check_grads(lambda x: fun(x, *extra_args, **kwargs), modes=['rev'], order=1)(arg0)
    if verbose:
        print('Gradient projection OK')
