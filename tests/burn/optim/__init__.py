"""Burn's optim unit tests, ported by scripts/port_burn_tests.py."""
