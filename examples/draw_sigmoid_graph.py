"""Draw the computation graph of the tutorial's sigmoid.

Run it with ``python examples/draw_sigmoid_graph.py [FOLDER]``: the pictures go to FOLDER, by default the
examples' output folder (see example_setup.py); ``python examples/draw_sigmoid_graph.py docs/images``
redraws the README's picture. It always writes ``sigmoid_graph.dot``; the SVG and
PNG pictures need Graphviz's ``dot`` program (``apt-get install graphviz`` or ``brew install graphviz``).
"""
import os
import shutil
import sys

import autograd.numpy as np
from autograd.misc.graph import trace_graph
from example_setup import OUT_DIR


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def main(out_dir=OUT_DIR):
    os.makedirs(out_dir, exist_ok=True)
    graph = trace_graph(sigmoid, 2.0)
    formats = ['dot', 'svg', 'png'] if shutil.which('dot') else ['dot']
    for fmt in formats:
        path = os.path.normpath(os.path.join(out_dir, 'sigmoid_graph.' + fmt))
        graph.render(path, fmt, dpi=144)
        print('wrote', path)
    if len(formats) == 1:
        print("Graphviz's `dot` is not installed: only the DOT text was written.")


if __name__ == '__main__':
    main(*sys.argv[1:2])
