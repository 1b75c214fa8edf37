"""Burn's nn unit tests, ported by scripts/port_burn_tests.py."""
