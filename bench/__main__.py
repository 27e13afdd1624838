"""``python -m bench`` runs every benchmark; ``python -m bench NAME ...`` the named ones."""

import importlib
import sys

# Modules of this package that are benchmarks (the others are their settings, URLs and servers).
BENCHMARKS = ["proposals", "pages", "servers", "proxy", "streaming", "live", "exports", "budgets", "scale", "scale-exports"]


def main(argv):
    names = argv or BENCHMARKS
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        print(f"Unknown benchmark(s): {', '.join(unknown)}. Available: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    for name in names:
        print(f"== bench {name}", flush=True)
        importlib.import_module(f"bench.{name.replace('-', '_')}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
