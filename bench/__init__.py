"""Benchmarks run by ``make bench`` (``python -m bench [name ...]``).

Each benchmark is a module of this package with a ``main()`` that prints its figures; add one and
list it in ``BENCHMARKS`` in ``__main__``.
"""
