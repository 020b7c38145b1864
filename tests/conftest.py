"""Shared fixtures. Tests never read ../shared: they use texts written for them."""

from __future__ import annotations

import pytest

import netral_nlp
from netral_nlp.pipeline import build_pipeline


@pytest.fixture(scope="session")
def nlp():
    """The shipped pipeline (trained parts included)."""
    return netral_nlp.load()


@pytest.fixture(scope="session")
def blank_nlp():
    """Tokenizer, boilerplate and segmenter only: for testing components alone."""
    return build_pipeline(components=("netral_boilerplate", "netral_segmenter"))


@pytest.fixture(scope="session")
def people_nlp():
    """Tokenizer, boilerplate, segmenter and netral_people: the people readers alone."""
    return build_pipeline(components=("netral_boilerplate", "netral_segmenter", "netral_people"))

