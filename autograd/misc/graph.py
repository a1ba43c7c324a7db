"""Drawing the computation graph of a function: which primitives it calls on its inputs, and in what order.

``trace_graph(fun, *args)`` runs ``fun`` once under a trace of its own and records every primitive call
made on values that depend on the arguments. The result is a ``ComputationGraph``; ``to_dot`` writes it as
Graphviz DOT text (no Python package needed) and ``render`` turns it into an SVG, PNG or PDF file with
Graphviz's ``dot`` program.

What the picture shows:

- one *input* node (blue ellipse) per positional argument that can be differentiated (floats, complex
  numbers, float/complex arrays, and lists, tuples and dicts of them), named after the function's
  parameter; other arguments, and keyword arguments, are passed through unchanged as constants;
- one node (box) per primitive call on traced values, labelled with the primitive's name and the result's
  dtype and shape (``exp`` / ``float64 (3,)``);
- the *output*: the node whose value the function returns (orange, double border, an ``output`` line);
  for a returned tuple, list or dict, each traced element is marked (``output[0]``, ``output['loss']``);
- constants fed to a traced call: scalars, strings, shapes, indices and keyword arguments are
  written inline (``add(1.0, •)``, ``sum(•, axis=1)``, ``•[:, 0]``, where ``•`` stands for an
  argument drawn as an edge); constant arrays get a small grey node of their own, shared by every call
  that uses them. When a call has two or more incoming edges, each edge is labelled with its argument
  position.

What it does not show: operations on constants only (nothing traced flows through them, so they run as
plain NumPy and are never seen), and calls whose result carries no derivative (integer or boolean results,
such as comparisons). Python control flow is frozen at the arguments given: another input may take
another path through ``fun``.
"""
import inspect
import os
import shutil
import subprocess

import numpy as _np

from ..engine import Box, Trace, getval, new_box, vspace

__all__ = ['ComputationGraph', 'GraphNode', 'trace_graph', 'to_dot', 'render']

_EDGE = '\u2022'  # the bullet standing for an edge-fed argument in a call's inline form
_MAX_INLINE = 24


class GraphNode:
    """One value of the graph.

    ``kind`` is ``'input'``, ``'primitive'`` or ``'constant'``. ``name`` is the argument's name (inputs),
    the primitive's name, or ``'constant'``. ``shape`` and ``dtype`` describe the value (None for values
    that are not arrays, such as containers); ``type_label`` says it in words. A primitive node's ``args``
    has one entry per positional argument of the call: the ``GraphNode`` feeding it (traced or constant
    array) or the inline text of a constant; ``kwargs`` maps keyword names to inline text. ``outputs``
    lists the labels under which the function returns this value (empty if it does not).
    """
    __slots__ = ('id', 'kind', 'name', 'shape', 'dtype', 'type_label', 'fun', 'args', 'kwargs', 'outputs')

    def __init__(self, kind, name, value, fun=None):
        self.id = None
        self.kind = kind
        self.name = name
        self.describe(value)
        self.fun = fun  # the primitive, for primitive nodes
        self.args = []
        self.kwargs = {}
        self.outputs = []

    def describe(self, value):
        value = getval(value)
        self.shape = getattr(value, 'shape', None)
        self.dtype = getattr(value, 'dtype', None)
        self.type_label = _type_label(value)

    @property
    def parents(self):
        """The traced nodes (inputs and primitive results) this call consumed, in argument order."""
        return [a for a in self.args if isinstance(a, GraphNode) and a.kind != 'constant']

    @property
    def constants(self):
        """``{argument position: constant}`` for the call's constant arguments (nodes or inline text)."""
        return {i: a for i, a in enumerate(self.args)
                if not (isinstance(a, GraphNode) and a.kind != 'constant')}

    def __repr__(self):
        return 'GraphNode({}, {}, {!r}, {})'.format(self.id, self.kind, self.name, self.type_label)


class ComputationGraph:
    """The primitive calls of one run of a function. ``nodes`` are in creation order (a topological order).

    ``inputs`` are the input nodes in argument order; ``outputs`` is a list of ``(label, node)`` pairs,
    empty when the function's result does not depend on its inputs.
    """

    def __init__(self, name):
        self.name = name
        self.nodes = []
        self.inputs = []
        self.outputs = []

    def _add(self, node):
        node.id = len(self.nodes)
        self.nodes.append(node)
        return node

    def primitives(self):
        """The primitive-call nodes, in the order the calls were made."""
        return [n for n in self.nodes if n.kind == 'primitive']

    def to_dot(self, rankdir='TB'):
        return to_dot(self, rankdir)

    def render(self, path, format=None, dpi=None):
        return render(self, path, format, dpi)

    def __repr__(self):
        return '<ComputationGraph of {}: {} inputs, {} primitive calls, {} outputs>'.format(
            self.name, len(self.inputs), len(self.primitives()), len(self.outputs))


class _DrawingTrace(Trace):
    """Records each primitive call on its boxes as a ``GraphNode``; the boxes' records are those nodes."""
    __slots__ = ('graph', 'constant_nodes')
    notrace = set()

    def __init__(self, graph):
        super().__init__()
        self.graph = graph
        self.constant_nodes = {}  # id(array) -> (array, node); the array is held so its id stays unique

    def record(self, fun, argvals, kwargs, ans, argnums, parents):
        node = GraphNode('primitive', getattr(fun, '__name__', type(fun).__name__), ans, fun)
        box = new_box(ans, self, node)
        if not isinstance(box, Box):
            return box
        node.describe(box)  # as traced: a Python float result is traced as a NumPy float64
        traced = dict(zip(argnums, parents))
        node.args = [traced[i] if i in traced else self._constant(v) for i, v in enumerate(argvals)]
        node.kwargs = {k: _inline(v) for k, v in kwargs.items()}
        self.graph._add(node)
        return box

    def _constant(self, value):
        value = getval(value)
        if not (isinstance(value, _np.ndarray) and value.ndim > 0):
            return _inline(value)
        known = self.constant_nodes.get(id(value))
        if known is None:
            node = self.graph._add(GraphNode('constant', 'constant', value))
            known = self.constant_nodes[id(value)] = (value, node)
        return known[1]


def trace_graph(fun, *args, **kwargs):
    """The ``ComputationGraph`` of ``fun(*args, **kwargs)``, from one run of ``fun``.

    Every positional argument that can be differentiated becomes an input node; the others, and all
    keyword arguments, are constants. ``fun`` may use anything autograd can differentiate, including
    ``grad`` itself (the graph then shows the derivative's computation too).

    >>> import autograd.numpy as np
    >>> g = trace_graph(lambda x: np.exp(-x), 1.0)
    >>> [n.name for n in g.primitives()]
    ['negative', 'exp']
    """
    graph = ComputationGraph(getattr(fun, '__name__', 'function'))
    trace = _DrawingTrace(graph)
    call_args = []
    for name, value in zip(_argument_names(fun, len(args)), args):
        if _differentiable(value):
            node = graph._add(GraphNode('input', name, value))
            graph.inputs.append(node)
            value = new_box(value, trace, node)
            node.describe(value)  # as traced: a Python float is traced as a NumPy float64
        call_args.append(value)
    try:
        result = fun(*call_args, **kwargs)
    finally:
        trace.active = False
        trace.constant_nodes.clear()
    _mark_outputs(graph, trace, result, 'output')
    return graph


def _differentiable(value):
    try:
        vspace(value)
    except TypeError:
        return False
    return True


def _argument_names(fun, count):
    """Names for ``count`` positional arguments of ``fun``: its parameters' names, ``xs[i]`` for ``*xs``."""
    fallback = ['x'] if count == 1 else ['x{}'.format(i) for i in range(count)]
    try:
        params = list(inspect.signature(fun).parameters.values())
    except (TypeError, ValueError):
        return fallback
    names = []
    for p in params:
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD):
            names.append(p.name)
        elif p.kind == p.VAR_POSITIONAL:
            names.extend('{}[{}]'.format(p.name, i) for i in range(count - len(names)))
    return names[:count] + fallback[len(names):]


def _mark_outputs(graph, trace, value, label):
    if isinstance(value, Box) and value._trace is trace:
        value._node.outputs.append(label)
        graph.outputs.append((label, value._node))
    elif isinstance(value, (tuple, list)):
        for i, v in enumerate(value):
            _mark_outputs(graph, trace, v, '{}[{}]'.format(label, i))
    elif isinstance(value, dict):
        for k, v in value.items():
            _mark_outputs(graph, trace, v, '{}[{!r}]'.format(label, k))


def _type_label(value):
    """``float64 (3, 4)`` for arrays and NumPy scalars, ``list[2]`` for containers, else the type's name."""
    if hasattr(value, 'dtype') and hasattr(value, 'shape'):
        return '{} {}'.format(value.dtype, tuple(value.shape))
    if isinstance(value, (tuple, list, dict)):
        return '{}[{}]'.format(type(value).__name__, len(value))
    return type(value).__name__


def _inline(value):
    """Short text for a constant written inside a call's label."""
    text = _inline_text(getval(value))
    return text if len(text) <= _MAX_INLINE else text[:_MAX_INLINE - 1] + '\u2026'


def _inline_text(value):
    if isinstance(value, _np.ndarray) and value.ndim > 0:
        return 'array {}'.format(_type_label(value))
    if isinstance(value, (_np.ndarray, _np.generic)):
        return repr(value.item())
    if isinstance(value, slice):
        parts = ['' if p is None else _inline_text(p) for p in (value.start, value.stop, value.step)]
        return ':'.join(parts[:2] if value.step is None else parts)
    if value is Ellipsis:
        return '...'
    if isinstance(value, tuple) and not hasattr(value, '_fields'):
        return '({})'.format(', '.join(map(_inline_text, value)) + (',' if len(value) == 1 else ''))
    if isinstance(value, list):
        return '[{}]'.format(', '.join(map(_inline_text, value)))
    if isinstance(value, dict):
        items = ('{}: {}'.format(_inline_text(k), _inline_text(v)) for k, v in value.items())
        return '{{{}}}'.format(', '.join(items))
    if isinstance(value, (type, _np.dtype)):
        return getattr(value, '__name__', str(value))
    if isinstance(value, (bool, int, float, complex, str, type(None))):
        return repr(value)
    if callable(value):
        return getattr(value, '__name__', type(value).__name__)
    return '<{}>'.format(type(value).__name__)


def _call_text(node):
    """The call's inline form (``add(1.0, •)``, ``•[:, 0]``); None when every argument is an edge."""
    args = [_EDGE if isinstance(a, GraphNode) else a for a in node.args]
    if node.name in ('getitem', 'container_take') and len(args) == 2:
        index = node.args[1]
        if isinstance(index, str) and index.startswith('(') and index.endswith(')'):
            index = index[1:-1].rstrip(',')
        return '{}[{}]'.format(args[0], _EDGE if isinstance(index, GraphNode) else index)
    if not node.kwargs and all(a == _EDGE for a in args):
        return None
    args += ['{}={}'.format(k, v) for k, v in node.kwargs.items()]
    return '{}({})'.format(node.name, ', '.join(args))


_STYLES = {
    'input': [('shape', 'ellipse'), ('style', 'filled,bold'),
              ('fillcolor', '#d6e4ff'), ('color', '#2f5cb8')],
    'primitive': [('shape', 'box'), ('style', 'rounded,filled'),
                  ('fillcolor', '#f7f7f7'), ('color', '#555555')],
    'constant': [('shape', 'note'), ('style', 'filled'), ('fillcolor', '#eeeeee'), ('color', '#999999'),
                 ('fontsize', '9'), ('fontcolor', '#555555')],
}
_OUTPUT_COLOURS = {'fillcolor': '#ffd9b3', 'color': '#c55a11'}  # an input returned as is keeps its blue


def to_dot(graph, rankdir='TB'):
    """Graphviz DOT text for ``graph``; node ``n<i>`` is ``graph.nodes[i]``. ``rankdir``: TB, LR, BT or RL."""
    if rankdir not in ('TB', 'LR', 'BT', 'RL'):
        raise ValueError("rankdir must be 'TB', 'LR', 'BT' or 'RL', not {!r}".format(rankdir))
    title = _quote(graph.name)
    lines = ['digraph {} {{'.format(title),
             '  graph [rankdir={}, label={}, labelloc=t, fontname="Helvetica", bgcolor=white];'.format(
                 rankdir, title),
             '  node [fontname="Helvetica", fontsize=11];',
             '  edge [fontname="Helvetica", fontsize=9, arrowsize=0.7];']
    for node in graph.nodes:
        attrs = [('label', _node_label(node))] + _node_style(node)
        lines.append('  n{} [{}];'.format(node.id, _attributes(attrs)))
    if not graph.outputs:
        style = _STYLES['primitive'] + list(_OUTPUT_COLOURS.items()) + [('peripheries', '2')]
        lines.append('  output [{}];'.format(
            _attributes([('label', 'output\n(does not depend on the inputs)')] + style)))
    for node in graph.nodes:
        fed = [(i, a) for i, a in enumerate(node.args) if isinstance(a, GraphNode)]
        for i, source in fed:
            attrs = [('label', str(i))] if len(fed) > 1 else []
            if source.kind == 'constant':
                attrs += [('style', 'dashed'), ('color', '#999999')]
            lines.append('  n{} -> n{}{};'.format(
                source.id, node.id, ' [{}]'.format(_attributes(attrs)) if attrs else ''))
    lines.append('}')
    return '\n'.join(lines) + '\n'


def _node_label(node):
    call = _call_text(node) if node.kind == 'primitive' else None
    lines = [node.name if call is None else call, node.type_label]
    if node.outputs:
        lines.append(', '.join(node.outputs))
    return '\n'.join(lines)


def _node_style(node):
    style = _STYLES[node.kind]
    if not node.outputs:
        return style
    if node.kind == 'primitive':
        style = [(k, _OUTPUT_COLOURS.get(k, v)) for k, v in style]
    return style + [('peripheries', '2')]


def _attributes(pairs):
    return ', '.join('{}={}'.format(k, _quote(v)) for k, v in pairs)


def _quote(text):
    """A DOT double-quoted string; newlines become DOT's centred line breaks."""
    return '"{}"'.format(text.replace('\\', '\\\\').replace('"', '\\"').replace('\n', '\\n'))


_FORMATS = ('svg', 'png', 'pdf', 'dot')
_INSTALL_HINT = ("Install Graphviz, a system package: `sudo apt-get install graphviz` on Debian/Ubuntu, "
                 "`brew install graphviz` on macOS, `conda install graphviz` in a conda environment; or "
                 "save the text of to_dot(graph) and render it elsewhere.")


def render(graph, path, format=None, dpi=None):
    """Write ``graph`` to ``path`` as SVG, PNG or PDF with Graphviz's ``dot`` program; return ``path``.

    ``format`` defaults to the file's extension. ``'dot'`` writes the DOT text itself and needs no
    Graphviz. ``dpi`` sets a PNG's resolution (Graphviz's default is 96). Raises RuntimeError when
    ``dot`` is not on PATH or fails.
    """
    if format is None:
        format = os.path.splitext(os.fspath(path))[1].lstrip('.').lower()
        if format not in _FORMATS:
            raise ValueError("render: cannot tell the format from the file name {!r}; pass format= one of {}"
                             .format(os.fspath(path), ', '.join(_FORMATS)))
    elif format not in _FORMATS:
        raise ValueError("render: format must be one of {}, not {!r}".format(', '.join(_FORMATS), format))
    text = to_dot(graph)
    if format == 'dot':
        with open(path, 'w', encoding='utf-8') as f:
            f.write(text)
        return path
    dot = shutil.which('dot')
    if dot is None:
        raise RuntimeError("render: Graphviz's `dot` program is not on PATH, and it is needed to draw "
                           "{} files. {}".format(format.upper(), _INSTALL_HINT))
    command = [dot, '-T' + format, '-o', os.fspath(path)]
    if dpi is not None and format == 'png':
        command.append('-Gdpi={:g}'.format(dpi))
    done = subprocess.run(command, input=text.encode('utf-8'),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise RuntimeError("render: `dot -T{}` failed (exit status {}): {}".format(
            format, done.returncode, done.stderr.decode('utf-8', 'replace').strip()))
    return path
