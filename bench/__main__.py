"""``python -m bench`` runs every benchmark; ``python -m bench NAME ...`` the named ones (``live-poll`` or ``live_poll``)."""

import importlib
import sys

# Modules of this package that are benchmarks (the others are their settings, URLs and servers).
BENCHMARKS = [
    "proposals", "pages", "servers", "proxy", "streaming", "live", "live_poll", "exports", "budgets", "scale", "crowd",
]


def main(argv):
    # ``live-poll`` is the module ``live_poll``.
    names = [name.replace("-", "_") for name in argv] or BENCHMARKS
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        print(f"Unknown benchmark(s): {', '.join(unknown)}. Available: {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    for name in names:
        print(f"== bench {name}", flush=True)
        importlib.import_module(f"bench.{name}").main()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
