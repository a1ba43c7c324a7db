"""What the examples share: the quick mode the tests use, and where their figures go.

``AUTOGRAD_EXAMPLES_QUICK=1`` makes an example run on less data for fewer steps;
``AUTOGRAD_EXAMPLES_OUTDIR`` writes its picture there instead of beside the script.
"""
import os

QUICK = os.environ.get('AUTOGRAD_EXAMPLES_QUICK') == '1'
OUT_DIR = os.environ.get('AUTOGRAD_EXAMPLES_OUTDIR', os.path.dirname(os.path.abspath(__file__)))


def save_figure(fig, name, dpi=100):
    """Lay out ``fig``, write it as ``name`` in the output folder and say where."""
    fig.tight_layout()
    path = os.path.join(OUT_DIR, name)
    fig.savefig(path, dpi=dpi)
    print('wrote', path)
