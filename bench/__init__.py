"""Benchmarks and the generator of simulated campaign days (not installed)."""
