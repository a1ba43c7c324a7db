"""What the examples share: the quick mode the tests use, and where their figures go.

``AUTOGRAD_EXAMPLES_QUICK=1`` makes an example run on less data for fewer steps;
figures go to the folder ``AUTOGRAD_EXAMPLES_OUTDIR`` names, by default ``autograd-examples`` in the
system's temporary folder, so that running an example never overwrites the pictures in the repository
(``AUTOGRAD_EXAMPLES_OUTDIR=examples`` redraws those).
"""
import os
import tempfile

QUICK = os.environ.get('AUTOGRAD_EXAMPLES_QUICK') == '1'
OUT_DIR = os.environ.get('AUTOGRAD_EXAMPLES_OUTDIR') or os.path.join(tempfile.gettempdir(), 'autograd-examples')


def save_figure(fig, name, dpi=100):
    """Lay out ``fig``, write it as ``name`` in the output folder and say where."""
    fig.tight_layout()
    os.makedirs(OUT_DIR, exist_ok=True)
    path = os.path.join(OUT_DIR, name)
    fig.savefig(path, dpi=dpi)
    print('wrote', path)
