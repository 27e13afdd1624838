"""Benchmarks run by ``make bench``: ``python -m bench`` runs every module here with a ``main()``
that prints its figures; ``python -m bench NAME ...`` runs the named ones (live, exports...)."""
