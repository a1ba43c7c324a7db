"""Checking that a committed, generated table matches what its generator prints now."""
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[1] / 'docs'


def assert_current(doc, library, version, generated, module):
    """``docs/<doc>`` equals ``generated`` (from ``python -m <module>``), unless it was generated with another
    ``version`` of ``library`` (its callables differ, so the test skips)."""
    committed = (DOCS / doc).read_text()
    generated_with = re.search(r'with {} (\S+);'.format(library), committed).group(1)
    if generated_with != version:
        pytest.skip('docs/{} lists the callables of {} {}, not of this {} {}'.format(
            doc, library, generated_with, library, version))
    assert committed == generated, 'regenerate: python -m {} > docs/{}'.format(module, doc)
