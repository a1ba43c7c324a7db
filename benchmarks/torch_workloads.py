"""The workloads that have a PyTorch eager counterpart, written in PyTorch's idiom (for run.py --torch)."""


def make_chain50(torch, quick=False):
    def run():
        x = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
        y = x
        for _ in range(50):
            y = torch.sin(y)
        y.backward()
        return x.grad
    return run


def make_fan1000(torch, quick=False):
    x0 = torch.ones(10, dtype=torch.float64)

    def run():
        x = x0.clone().requires_grad_()
        y = x
        for _ in range(10 if quick else 1000):
            y = (y + y) / 2.0
        y.sum().backward()
        return x.grad
    return run


WORKLOADS = {'chain50': make_chain50, 'fan1000': make_fan1000}
