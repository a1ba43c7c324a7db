"""trace_graph, to_dot and render: the recorded graph, its DOT text, and pictures drawn by Graphviz."""
import importlib.util
import os
import re
import shutil
import sys
from collections import namedtuple
from pathlib import Path

import numpy as onp
import pytest

import autograd.numpy as np
from autograd import grad
from autograd.extend import defvjp, primitive
from autograd.misc.graph import ComputationGraph, GraphNode, render, to_dot, trace_graph

ROOT = Path(__file__).resolve().parents[2]
needs_dot = pytest.mark.skipif(shutil.which('dot') is None,
                               reason="Graphviz's `dot` is not installed (apt-get install graphviz)")
DIVIDE = ('divide', 'true_divide')  # NumPy 2 names true_divide `divide`


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def names(graph):
    return [n.name for n in graph.primitives()]


def only_output(graph):
    (label, node), = graph.outputs
    assert label == 'output'
    return node


# ---------------------------------------------------------------- structure of the recorded graph

def test_sigmoid_is_the_tutorials_staged_computation():
    graph = trace_graph(sigmoid, 2.0)
    x, = graph.inputs
    a, b, c, s = graph.primitives()
    assert (x.kind, x.name) == ('input', 'x')
    assert [a.name, b.name, c.name] == ['negative', 'exp', 'add'] and s.name in DIVIDE
    assert a.args == [x] and b.args == [a]
    assert c.args == ['1.0', b] and s.args == ['1.0', c]  # scalar constants stay inline
    assert c.parents == [b] and c.constants == {0: '1.0'}
    assert only_output(graph) is s and s.outputs == ['output']
    for node in graph.nodes:
        assert (node.shape, node.dtype, node.type_label) == ((), onp.dtype('float64'), 'float64 ()')
    assert graph.nodes == [x, a, b, c, s] and [n.id for n in graph.nodes] == [0, 1, 2, 3, 4]


def test_two_inputs_named_after_the_signature_with_their_shapes_and_dtypes():
    def f(x, y):
        return np.sum(np.sin(x) * y, axis=0)
    x = onp.ones((2, 3), onp.float32)
    graph = trace_graph(f, x, onp.ones(3, onp.float32))
    x_node, y_node = graph.inputs
    sin, mul, total = graph.primitives()
    assert [x_node.name, y_node.name] == ['x', 'y']
    assert [(n.shape, str(n.dtype)) for n in graph.nodes] == [
        ((2, 3), 'float32'), ((3,), 'float32'), ((2, 3), 'float32'), ((2, 3), 'float32'), ((3,), 'float32')]
    assert sin.args == [x_node] and mul.args == [sin, y_node]
    assert total.args == [mul] and total.kwargs == {'axis': '0'}
    assert only_output(graph) is total


Pair = namedtuple('Pair', 'w b')


@pytest.mark.parametrize('params, index_texts, type_label', [
    ([onp.ones(3), 0.5], ['0', '1'], 'list[2]'),
    ((onp.ones(3), 0.5), ['0', '1'], 'tuple[2]'),
    ({'w': onp.ones(3), 'b': 0.5}, ["'w'", "'b'"], 'dict[2]'),
    (Pair(onp.ones(3), 0.5), ['0', '1'], 'Pair[2]'),
], ids=['list', 'tuple', 'dict', 'namedtuple'])
def test_a_container_is_one_input_and_its_items_are_taken_from_it(params, index_texts, type_label):
    keys = list(params) if isinstance(params, dict) else [0, 1]

    def f(params):
        w, b = params[keys[0]], params[keys[1]]
        return np.tanh(w) + b, {'w': w}
    graph = trace_graph(f, params)
    p, = graph.inputs
    take_w, take_b, tanh, add = graph.primitives()
    assert (p.name, p.type_label, p.shape) == ('params', type_label, None)
    assert [take_w.args, take_b.args] == [[p, index_texts[0]], [p, index_texts[1]]]
    assert take_b.type_label == 'float64 ()'  # the Python float 0.5 is traced as a NumPy float64
    assert tanh.args == [take_w] and add.args == [tanh, take_b]
    assert graph.outputs == [('output[0]', add), ("output[1]['w']", take_w)]
    assert take_w.outputs == ["output[1]['w']"]


def test_a_value_used_twice_feeds_two_edges():
    def f(x):
        y = np.exp(x)
        return y * y + y
    graph = trace_graph(f, onp.ones(2))
    x, = graph.inputs
    exp, square, add = graph.primitives()
    assert exp.args == [x] and square.args == [exp, exp] and add.args == [square, exp]
    assert square.parents == [exp, exp]
    dot = graph.to_dot()
    assert 'n1 -> n2 [label="0"];\n  n1 -> n2 [label="1"];' in dot
    assert 'n1 -> n3 [label="1"];' in dot


def test_constants_are_inline_or_shared_nodes_and_constant_only_work_is_not_drawn():
    W = onp.arange(6.0).reshape(3, 2)

    def f(x, n, label='unused'):
        scaled = np.exp(W) * 2.0  # constants only: runs as plain NumPy, never seen
        return np.sum(np.dot(x, W) + np.dot(x, scaled) ** n)
    graph = trace_graph(f, onp.ones(3), 3, label='a "quoted" \\ label')
    x, = graph.inputs
    w_node, dot1, scaled_node, dot2, power, add, total = graph.nodes[1:]
    assert [n.kind for n in (w_node, scaled_node)] == ['constant', 'constant']
    assert w_node.type_label == 'float64 (3, 2)'
    assert names(graph) == ['dot', 'dot', 'power', 'add', 'sum']
    assert dot1.args == [x, w_node] and dot2.args == [x, scaled_node]
    assert power.args == [dot2, '3'] and total.args == [add]
    text = graph.to_dot()
    assert 'n1 -> n2 [label="1", style="dashed", color="#999999"];' in text
    assert 'label="power(•, 3)\\nfloat64 (2,)"' in text


def test_a_constant_array_used_twice_is_one_node():
    W = onp.ones(3)
    graph = trace_graph(lambda x: x * W + W, onp.ones(3))
    x, w, mul, add = graph.nodes
    assert w.kind == 'constant' and mul.args == [x, w] and add.args == [mul, w]


def test_only_differentiable_positional_arguments_are_inputs():
    def f(x, n, mask, name, y, scale=1.0):
        return np.where(mask, x, y) * n * scale
    graph = trace_graph(f, 1.0, 2, onp.array([True, False]), 'name', onp.zeros(2), scale=3.0)
    assert [n.name for n in graph.inputs] == ['x', 'y']
    where, mul_n, mul_scale = graph.primitives()
    assert where.args[1:] == [graph.inputs[0], graph.inputs[1]] and where.args[0].kind == 'constant'
    assert mul_n.args == [where, '2'] and mul_scale.args == [mul_n, '3.0']


def test_integer_and_boolean_results_are_not_drawn():
    graph = trace_graph(lambda x: np.where(x > 0, x, 0.0) + np.argmax(x), onp.array([-1.0, 2.0]))
    assert names(graph) == ['where', 'add']


@pytest.mark.parametrize('fun, args, expected', [
    (lambda x, y: x * y, (1.0, 2.0), ['x', 'y']),
    (lambda *xs: xs[0] * xs[1], (1.0, 2.0), ['xs[0]', 'xs[1]']),
    (lambda x, *rest: x * rest[0], (1.0, 2.0), ['x', 'rest[0]']),
    (np.sin, (1.0,), ['x']),
    (max, (1.0, 2.0), ['x0', 'x1']),  # no signature Python can inspect
], ids=['named', 'star-args', 'named-and-star-args', 'numpy-function', 'no-signature'])
def test_input_names(fun, args, expected):
    assert [n.name for n in trace_graph(fun, *args).inputs] == expected


def test_outputs_input_returned_as_is_and_constant_output():
    same = trace_graph(lambda x: x, 1.0)
    assert only_output(same) is same.inputs[0]
    assert 'peripheries="2"' in same.to_dot()
    both = trace_graph(lambda x: [np.sin(x), 2.0, (x,)], 1.0)
    assert [label for label, _ in both.outputs] == ['output[0]', 'output[2][0]']
    constant = trace_graph(lambda x: 3.0, 1.0)
    assert constant.outputs == [] and 'does not depend on the inputs' in constant.to_dot()


def test_the_graph_of_a_gradient_contains_forward_and_backward_calls():
    graph = trace_graph(grad(np.tanh), 0.5)
    assert names(graph)[0] == 'tanh' and len(graph.primitives()) > 1
    out = only_output(graph)
    assert out is graph.nodes[-1] and out.kind == 'primitive'


def test_indexing_is_written_as_a_subscript():
    graph = trace_graph(lambda x: x[1:, ::2][..., None, 0] + x[0, 1], onp.ones((3, 4)))
    first, second, third, add = graph.primitives()
    text = graph.to_dot()
    assert first.name == 'getitem' and first.args[1] == '(1:, ::2)'
    for label in ('•[1:, ::2]', '•[..., None, 0]', '•[0, 1]'):
        assert 'label="{}\\n'.format(label) in text


def test_long_constants_are_shortened():
    graph = trace_graph(lambda x: np.reshape(x, (1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2)), onp.ones(2))
    shape_text = graph.primitives()[0].args[1]
    assert len(shape_text) == 24 and shape_text.endswith('\u2026')


def test_the_traced_function_still_raises_its_errors_and_the_trace_is_closed():
    boxes = []

    def f(x):
        boxes.append(x)
        raise ValueError('inside')
    with pytest.raises(ValueError, match='inside'):
        trace_graph(f, 1.0)
    assert np.sin(boxes[0])._node is None  # computed without being recorded


# ---------------------------------------------------------------- DOT text

SIGMOID_DOT = r'''digraph "sigmoid" {
  graph [rankdir=TB, label="sigmoid", labelloc=t, fontname="Helvetica", bgcolor=white];
  node [fontname="Helvetica", fontsize=11];
  edge [fontname="Helvetica", fontsize=9, arrowsize=0.7];
  n0 [label="x\nfloat64 ()", shape="ellipse", style="filled,bold", fillcolor="#d6e4ff", color="#2f5cb8"];
  n1 [label="negative\nfloat64 ()", shape="box", style="rounded,filled", fillcolor="#f7f7f7", color="#555555"];
  n2 [label="exp\nfloat64 ()", shape="box", style="rounded,filled", fillcolor="#f7f7f7", color="#555555"];
  n3 [label="add(1.0, •)\nfloat64 ()", shape="box", style="rounded,filled", fillcolor="#f7f7f7", color="#555555"];
  n4 [label="{divide}(1.0, •)\nfloat64 ()\noutput", shape="box", style="rounded,filled", fillcolor="#ffd9b3", color="#c55a11", peripheries="2"];
  n0 -> n1;
  n1 -> n2;
  n2 -> n3;
  n3 -> n4;
}
'''


def test_sigmoid_dot_text_exactly():
    graph = trace_graph(sigmoid, 2.0)
    expected = SIGMOID_DOT.replace('{divide}', graph.nodes[4].name)
    assert to_dot(graph) == graph.to_dot() == expected
    assert to_dot(trace_graph(sigmoid, onp.float64(-3.0))) == expected  # deterministic


def _tricky(x, y):
    return np.sum(np.tanh(x @ y) ** 2, axis=(0, -1)) + np.mean(x[:, 0] * x[:, 0])


def _quoting(x):
    return _tag(x, 'say "hi" \\n {braces}')


@primitive
def _tag(x, text):
    return x * 1.0


defvjp(_tag, lambda ans, x, text: lambda g: g)

DOT_CASES = [
    ('sigmoid', sigmoid, (2.0,)),
    ('two-inputs-and-axes', _tricky, (onp.ones((2, 3)), onp.ones((3, 4)))),
    ('containers', lambda p: p['a'][0] * p['b'], ({'a': [onp.ones(2)], 'b': 2.0},)),
    ('quotes-and-braces-in-labels', _quoting, (1.0,)),
    ('constant-output', lambda x: 1.0, (1.0,)),
]


def parse_dot(text):
    """Node ids and edges of our DOT text, after checking it is one balanced digraph."""
    unquoted = re.sub(r'"(?:[^"\\]|\\.)*"', '""', text)
    depth = 0
    for ch in unquoted:
        depth += {'{': 1, '}': -1}.get(ch, 0)
        assert depth >= 0
    assert depth == 0 and unquoted.startswith('digraph ""') and unquoted.rstrip().endswith('}')
    nodes = re.findall(r'^  (\w+) \[', unquoted, re.M)
    edges = re.findall(r'^  (\w+) -> (\w+)', unquoted, re.M)
    return [n for n in nodes if n not in ('graph', 'node', 'edge')], edges


@pytest.mark.parametrize('name, fun, args', DOT_CASES, ids=[c[0] for c in DOT_CASES])
def test_dot_text_is_balanced_and_every_edge_endpoint_is_a_node(name, fun, args):
    graph = trace_graph(fun, *args)
    nodes, edges = parse_dot(graph.to_dot())
    ids = ['n{}'.format(n.id) for n in graph.nodes]
    assert nodes[:len(ids)] == ids  # every node, in creation order
    assert len(edges) == sum(isinstance(a, GraphNode) for n in graph.nodes for a in n.args)
    for source, target in edges:
        assert source in nodes and target in nodes and ids.index(source) < ids.index(target)


def test_labels_are_escaped():
    text = trace_graph(_quoting, 1.0).to_dot()
    assert r'''label="_tag(•, 'say \"hi\" \\\\n {braces}')\nfloat64 ()\noutput"''' in text


def test_bad_rankdir():
    graph = trace_graph(sigmoid, 1.0)
    assert 'rankdir=LR' in graph.to_dot('LR')
    with pytest.raises(ValueError, match='rankdir'):
        graph.to_dot('sideways')


def test_repr():
    assert repr(trace_graph(sigmoid, 1.0)) == '<ComputationGraph of sigmoid: 1 inputs, 4 primitive calls, 1 outputs>'
    assert isinstance(trace_graph(sigmoid, 1.0), ComputationGraph)


# ---------------------------------------------------------------- rendering

def test_render_dot_text_needs_no_graphviz(tmp_path, monkeypatch):
    monkeypatch.setenv('PATH', str(tmp_path))
    graph = trace_graph(sigmoid, 2.0)
    path = tmp_path / 'g.dot'
    assert render(graph, path) == path
    assert path.read_text(encoding='utf-8') == graph.to_dot()


@pytest.mark.parametrize('fmt', ['svg', 'png'])
def test_missing_dot_raises_with_the_install_hint(tmp_path, monkeypatch, fmt):
    monkeypatch.setenv('PATH', str(tmp_path))  # an empty folder: no `dot` anywhere
    with pytest.raises(RuntimeError) as info:
        trace_graph(sigmoid, 2.0).render(tmp_path / ('g.' + fmt))
    message = str(info.value)
    assert 'dot' in message and 'apt-get install graphviz' in message and 'brew install graphviz' in message
    assert not (tmp_path / ('g.' + fmt)).exists()


@pytest.mark.skipif(os.name == 'nt', reason='the stand-in `dot` is a shell script')
def test_a_failing_dot_raises_with_its_message(tmp_path, monkeypatch):
    fake = tmp_path / 'dot'
    fake.write_text('#!/bin/sh\necho "syntax error in line 1" >&2\nexit 3\n')
    fake.chmod(0o755)
    monkeypatch.setenv('PATH', str(tmp_path))
    with pytest.raises(RuntimeError, match=r'exit status 3\): syntax error in line 1'):
        render(trace_graph(sigmoid, 2.0), tmp_path / 'g.svg')


@pytest.mark.parametrize('path, fmt', [('g.gif', None), ('g', None), ('g.svg', 'jpeg')])
def test_unknown_formats(tmp_path, path, fmt):
    with pytest.raises(ValueError, match='format'):
        render(trace_graph(sigmoid, 2.0), tmp_path / path, fmt)


@needs_dot
@pytest.mark.parametrize('name, fun, args', DOT_CASES, ids=[c[0] for c in DOT_CASES])
def test_graphviz_draws_svg(tmp_path, name, fun, args):
    path = render(trace_graph(fun, *args), tmp_path / 'g.svg')
    svg = path.read_text(encoding='utf-8')
    assert '<svg' in svg and svg.count('class="node"') == len(trace_graph(fun, *args).nodes) + (name == 'constant-output')


@needs_dot
def test_graphviz_draws_png_with_dpi_and_explicit_format(tmp_path):
    small = render(trace_graph(sigmoid, 2.0), tmp_path / 'small', 'png')
    large = trace_graph(sigmoid, 2.0).render(tmp_path / 'large.png', dpi=192)
    for path in (small, large):
        assert path.read_bytes()[:8] == b'\x89PNG\r\n\x1a\n'
    assert _png_width(large) > 1.5 * _png_width(small)


def _png_width(path):
    return int.from_bytes(path.read_bytes()[16:20], 'big')


def _example():
    spec = importlib.util.spec_from_file_location('draw_sigmoid_graph', ROOT / 'examples' / 'draw_sigmoid_graph.py')
    module = importlib.util.module_from_spec(spec)
    sys.path.insert(0, str(ROOT / 'examples'))  # where running the script finds example_setup
    try:
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / 'examples'))
    return module


def test_example_script_writes_the_pictures(tmp_path, monkeypatch):
    if shutil.which('dot') is None:
        monkeypatch.setenv('PATH', str(tmp_path))
    _example().main(str(tmp_path))
    written = sorted(p.name for p in tmp_path.iterdir() if p.is_file())
    expected = ['sigmoid_graph.dot'] + (['sigmoid_graph.png', 'sigmoid_graph.svg'] if shutil.which('dot') else [])
    assert written == expected
    assert (tmp_path / 'sigmoid_graph.dot').read_text(encoding='utf-8') == to_dot(trace_graph(sigmoid, 2.0))


def test_the_committed_dot_file_is_up_to_date():
    committed = ROOT / 'docs' / 'images' / 'sigmoid_graph.dot'
    assert committed.read_text(encoding='utf-8') == to_dot(trace_graph(_example().sigmoid, 2.0)), (
        'run python examples/draw_sigmoid_graph.py docs/images to redraw docs/images')
