import importlib
import pkgutil
import sys
from pathlib import Path


def main(argv):
    names = argv or sorted(
        module.name for module in pkgutil.iter_modules([str(Path(__file__).parent)]) if not module.name.startswith("_")
    )
    for name in names:
        module = importlib.import_module(f"bench.{name}")
        print(f"== bench {name}", flush=True)
        module.main()


if __name__ == "__main__":
    main(sys.argv[1:])
