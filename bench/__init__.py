"""Benchmarks: ``python -m bench`` runs every module here with a ``main()``; ``python -m bench NAME`` one."""
