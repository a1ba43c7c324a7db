"""The benchmark workloads, written once for any autograd implementation.

Each ``make_<name>(np, ag)`` takes a NumPy-like module and an autograd-like module (ours, HIPS
Autograd, or None for the plain-NumPy forward pass) and returns a function of no arguments to time.
With ``ag=None`` the function runs the forward computation only: that is the baseline every ratio is
measured against. Sizes are scaled down by ``quick=True`` for smoke tests. The ``*_data`` functions make the inputs from a
fixed seed, so other frameworks (``torch_workloads.py``) differentiate the same numbers.
"""


def make_chain50(np, ag, quick=False):
    def f(x):
        for _ in range(50):
            x = np.sin(x)
        return x
    if ag is None:
        return lambda: f(0.5)
    g = ag.grad(f)
    return lambda: g(0.5)


def fan1000_steps(quick=False):
    return 50 if quick else 1000


def make_fan1000(np, ag, quick=False):
    steps = fan1000_steps(quick)

    def f(x):
        for _ in range(steps):
            x = (x + x) / 2.0
        return np.sum(x)
    x0 = np.ones(10)
    if ag is None:
        return lambda: f(x0)
    g = ag.grad(f)
    return lambda: g(x0)


def mlp_data(np, quick=False):
    """``(params, inputs, targets)``: a list of ``(W, b)`` and one batch, float64."""
    sizes = [784, 256, 256, 10] if not quick else [20, 8, 8, 3]
    batch = 128 if not quick else 4
    rs = np.random.RandomState(0)
    params = [(rs.randn(m, n) * 0.05, rs.randn(n) * 0.05) for m, n in zip(sizes[:-1], sizes[1:])]
    inputs = rs.randn(batch, sizes[0])
    targets = np.eye(sizes[-1])[rs.randint(0, sizes[-1], batch)]
    return params, inputs, targets


def make_mlp(np, ag, quick=False):
    params, inputs, targets = mlp_data(np, quick)
    batch = len(inputs)

    def loss(params):
        h = inputs
        for W, b in params[:-1]:
            h = np.tanh(h @ W + b)
        W, b = params[-1]
        logits = h @ W + b
        shifted = logits - np.max(logits, axis=1, keepdims=True)
        log_probs = shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))
        return -np.sum(log_probs * targets) / batch
    if ag is None:
        return lambda: loss(params)
    g = ag.grad(loss)
    return lambda: g(params)


def rnn_data(np, quick=False):
    """``(steps, (W, b, Wout, bout), h0, labels)``, float32."""
    steps, size, batch = (50, 1024, 16) if not quick else (3, 8, 2)
    rs = np.random.RandomState(0)
    f32 = np.float32
    W = (rs.randn(size, size) / np.sqrt(size)).astype(f32)
    b = np.zeros(size, f32)
    Wout = (rs.randn(size) / np.sqrt(size)).astype(f32)
    bout = f32(0.0)
    h0 = rs.randn(batch, size).astype(f32)
    labels = (rs.rand(batch) > 0.5).astype(f32)
    return steps, (W, b, Wout, bout), h0, labels


def make_rnn(np, ag, quick=False):
    steps, params, h0, labels = rnn_data(np, quick)

    def loss(params):
        W, b, Wout, bout = params
        h = h0
        for _ in range(steps):
            h = np.tanh(h @ W + b)
        logits = h @ Wout + bout
        return np.sum(np.log(1.0 + np.exp(-logits * (2 * labels - 1))))
    if ag is None:
        return lambda: loss(params)
    g = ag.grad(loss)
    return lambda: g(params)


def big_data(np, quick=False):
    return np.random.RandomState(0).randn(2000 if quick else 2000000)


def make_big(np, ag, quick=False):
    x = big_data(np, quick)

    def f(x):
        return np.sum(np.tanh(x) * np.exp(-x * x))
    if ag is None:
        return lambda: f(x)
    g = ag.grad(f)
    return lambda: g(x)


def hvp_data(np, quick=False):
    """``(M, x, v)``: the matrix, the point and the vector, float64."""
    n = 10 if quick else 100
    rs = np.random.RandomState(0)
    return rs.randn(n, n), rs.randn(n), rs.randn(n)


def make_hvp(np, ag, quick=False):
    M, x, v = hvp_data(np, quick)

    def f(x):
        return np.sum(np.tanh(M @ x) ** 2)
    if ag is None:
        return lambda: f(x)
    hvp = ag.hessian_vector_product(f)
    return lambda: hvp(x, v)


def make_jacobian(np, ag, quick=False):
    n = 10 if quick else 100
    rs = np.random.RandomState(0)
    M, x = rs.randn(n, n) / n, rs.randn(n)

    def f(x):
        return np.tanh(M @ np.sin(x)) * x
    if ag is None:
        return lambda: f(x)
    jac = ag.jacobian(f)
    return lambda: jac(x)


def make_forward_loop(np, ag, quick=False):
    steps = 50 if quick else 1000

    def f(x):
        for _ in range(steps):
            x = np.sin(x) * 0.5 + x * 0.5
        return x
    if ag is None:
        return lambda: f(0.3)
    d = ag.deriv(f)
    return lambda: d(0.3)


WORKLOADS = {
    'chain50': make_chain50,
    'fan1000': make_fan1000,
    'mlp': make_mlp,
    'rnn': make_rnn,
    'big': make_big,
    'hvp': make_hvp,
    'jacobian': make_jacobian,
    'forward_loop': make_forward_loop,
}
MEMORY_WORKLOADS = ('mlp', 'rnn', 'big', 'fan1000', 'jacobian')  # those holding arrays of some size
