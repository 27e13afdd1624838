"""Benchmarks run by ``make bench`` (``python -m bench [proposals|live|exports] ...``): each prints
its figures and ratios; none is a pass/fail test."""
