"""Every factory and the tokenizer are reachable through entry points, so plain
``spacy.load`` works on the shipped pipeline once the package is installed."""

from __future__ import annotations

from importlib.metadata import entry_points

import spacy

import netral_nlp
from netral_nlp.pipeline import COMPONENTS, shipped_model_path
from netral_nlp.schema import to_record


def test_every_factory_and_the_tokenizer_have_an_entry_point():
    factories = {ep.name: ep for ep in entry_points(group="spacy_factories")}
    assert set(COMPONENTS) <= set(factories)
    for name in COMPONENTS:
        assert callable(factories[name].load())
    tokenizers = {ep.name for ep in entry_points(group="spacy_tokenizers")}
    assert "netral.tokenizer.v1" in tokenizers


def test_plain_spacy_load_gives_the_same_records(nlp):
    plain = spacy.load(shipped_model_path())
    assert plain.component_names == nlp.component_names
    text = (
        "SLEMAN – Pj Bupati Sleman, Budi Santoso, mengingatkan seluruh ASN, Senin (16/9/2024).\n"
        "ASN dilarang memasang baliho pasangan calon di kantor."
    )
    assert to_record(plain(text)) == netral_nlp.extract(text, nlp=nlp)
