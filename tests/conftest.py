"""Shared pytest configuration."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

# Hypothesis profiles, chosen with HYPOTHESIS_PROFILE (default "ci").
# "ci": derandomized so CI runs are reproducible; tests/test_properties.py gives each of its
# property tests an explicit share of the example budget (>= 2,000 in all).
# "nightly": random, 20,000 examples per property test.
settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "nightly",
    max_examples=20_000,
    deadline=None,
    derandomize=False,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
