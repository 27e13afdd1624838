"""``python -m bench [name ...]``: run the named benchmarks (all of them without a name)."""

import sys

from . import proposals

BENCHMARKS = {"proposals": proposals.main}

if __name__ == "__main__":
    names = sys.argv[1:] or list(BENCHMARKS)
    for name in names:
        BENCHMARKS[name]()
