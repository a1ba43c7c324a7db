"""The workloads of workloads.py in PyTorch eager, on the same inputs (made by the same ``*_data`` functions
with NumPy, then shared with torch without copying). Each ``make_<name>(torch, quick)`` returns a function of
no arguments that computes the gradient and returns it as a list of tensors."""
import numpy

from workloads import big_data, fan1000_steps, hvp_data, mlp_data, rnn_data


def _leaf(torch, array):
    return torch.from_numpy(numpy.asarray(array)).requires_grad_()


def make_chain50(torch, quick=False):
    def run():
        x = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
        y = x
        for _ in range(50):
            y = torch.sin(y)
        y.backward()
        return [x.grad]
    return run


def make_fan1000(torch, quick=False):
    x0 = numpy.ones(10)
    steps = fan1000_steps(quick)

    def run():
        x = _leaf(torch, x0)
        y = x
        for _ in range(steps):
            y = (y + y) / 2.0
        y.sum().backward()
        return [x.grad]
    return run


def make_mlp(torch, quick=False):
    params, inputs, targets = mlp_data(numpy, quick)
    inputs, targets = torch.from_numpy(inputs), torch.from_numpy(targets)
    leaves = [_leaf(torch, p) for pair in params for p in pair]

    def run():
        for leaf in leaves:
            leaf.grad = None
        h = inputs
        for W, b in zip(leaves[:-2:2], leaves[1:-2:2]):
            h = torch.tanh(h @ W + b)
        logits = h @ leaves[-2] + leaves[-1]
        shifted = logits - logits.max(dim=1, keepdim=True).values
        log_probs = shifted - torch.log(torch.exp(shifted).sum(dim=1, keepdim=True))
        (-(log_probs * targets).sum() / len(inputs)).backward()
        return [leaf.grad for leaf in leaves]
    return run


def make_rnn(torch, quick=False):
    steps, params, h0, labels = rnn_data(numpy, quick)
    h0, labels = torch.from_numpy(h0), torch.from_numpy(labels)
    leaves = [_leaf(torch, p) for p in params]

    def run():
        for leaf in leaves:
            leaf.grad = None
        W, b, Wout, bout = leaves
        h = h0
        for _ in range(steps):
            h = torch.tanh(h @ W + b)
        logits = h @ Wout + bout
        torch.log(1.0 + torch.exp(-logits * (2 * labels - 1))).sum().backward()
        return [leaf.grad for leaf in leaves]
    return run


def make_big(torch, quick=False):
    x0 = big_data(numpy, quick)

    def run():
        x = _leaf(torch, x0)
        (torch.tanh(x) * torch.exp(-x * x)).sum().backward()
        return [x.grad]
    return run


def make_hvp(torch, quick=False):
    M, x0, v = (torch.from_numpy(a) for a in hvp_data(numpy, quick))

    def run():
        x = x0.clone().requires_grad_()
        (g,) = torch.autograd.grad((torch.tanh(M @ x) ** 2).sum(), x, create_graph=True)
        (hv,) = torch.autograd.grad(g @ v, x)
        return [hv]
    return run


WORKLOADS = {'chain50': make_chain50, 'fan1000': make_fan1000, 'mlp': make_mlp, 'rnn': make_rnn,
             'big': make_big, 'hvp': make_hvp}
