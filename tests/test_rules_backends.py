"""Both category backends trained on a tiny set and used end to end through the pipeline."""

from __future__ import annotations

import json

import pytest
import spacy

from netral_nlp.pipeline import build_pipeline, load
from netral_nlp.spans import attrs_of
from netral_nlp.train.rules import read_examples, run

COMPONENTS = ("netral_boilerplate", "netral_segmenter", "netral_qualifiers", "netral_rules")

#: tiny training set written for the tests: three clearly separated categories
EXAMPLES = [
    ("ASN dilarang mengunggah foto kampanye di media sosial.", "social_media"),
    ("Pegawai tidak boleh membagikan konten calon di Facebook.", "social_media"),
    ("Jangan memberi komentar dukungan di akun Instagram calon.", "social_media"),
    ("ASN dilarang menyukai unggahan kampanye di TikTok.", "social_media"),
    ("Pegawai dilarang menyebarkan hoaks di grup WhatsApp.", "social_media"),
    ("ASN dilarang menerima uang dari tim sukses.", "money_politics"),
    ("Pegawai wajib menolak politik uang dalam bentuk apa pun.", "money_politics"),
    ("Kepala desa tidak boleh membagikan amplop kepada warga.", "money_politics"),
    ("ASN dilarang menerima hadiah dari pasangan calon.", "money_politics"),
    ("Perangkat desa dilarang ikut serangan fajar.", "money_politics"),
    ("ASN dilarang memakai mobil dinas untuk kampanye.", "state_facilities"),
    ("Pegawai tidak boleh memakai ruang kantor untuk rapat tim calon.", "state_facilities"),
    ("Kepala desa dilarang memakai dana desa untuk calon.", "state_facilities"),
    ("ASN dilarang memakai anggaran dinas bagi calon.", "state_facilities"),
    ("Pejabat dilarang memakai kendaraan dinas untuk tim sukses.", "state_facilities"),
]

ARTICLE = (
    "Bupati menyampaikan larangan bagi ASN selama pemilihan:\n"
    "1. Dilarang mengunggah dukungan calon di media sosial Facebook;\n"
    "2. Dilarang menerima uang dari tim sukses calon;\n"
    "3. Dilarang memakai mobil dinas untuk kampanye.\n"
)


def _articles() -> list[dict]:
    """Invented gold articles: a rule list or a prose rule among sentences that are no rules."""
    rules = [t for t, _ in EXAMPLES]
    cats = [c for _, c in EXAMPLES]
    filler = [
        "Acara digelar di aula kantor bupati pada Senin pagi.",
        "Ratusan pegawai hadir dalam apel tersebut.",
        "Kegiatan ditutup dengan doa bersama.",
    ]
    out = []
    for n in range(len(rules)):
        text, spans = "", []
        for sentence in (filler[n % 3], rules[n], filler[(n + 1) % 3], rules[(n + 5) % len(rules)]):
            if sentence in rules:
                spans.append((len(text), len(text) + len(sentence), cats[rules.index(sentence)]))
            text += sentence + " "
        out.append({"id": f"t{n}", "text": text, "entities": [], "dates": [], "events": [], "rules": [
            {"start": a, "end": b, "text": text[a:b], "marker": None, "modality": "prohibition", "category": c}
            for a, b, c in spans]})
    return out


@pytest.fixture(scope="module")
def articles_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("rules_articles") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for record in _articles():
            handle.write(json.dumps(record) + "\n")
        handle.write("not json\n")
    return path


@pytest.fixture(scope="module")
def data_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("rules_data")
    path = folder / "rule_sentences.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for text, category in EXAMPLES:
            handle.write(json.dumps({"text": text, "modality": "prohibition", "category": category}) + "\n")
        handle.write("not json\n")
        # a gold record line: its rule items are examples too
        record_text = "ASN dilarang membagikan video calon di YouTube."
        handle.write(json.dumps({"id": "r1", "text": record_text, "rules": [
            {"start": 0, "end": len(record_text), "text": record_text, "marker": None,
             "modality": "prohibition", "category": "social_media"}]}) + "\n")
    return path


@pytest.fixture(scope="module")
def source_pipeline(tmp_path_factory):
    path = tmp_path_factory.mktemp("pipeline") / "src"
    build_pipeline(components=COMPONENTS).to_disk(path)
    return path


def categories(nlp, text):
    """Categories of the list items found (an intro line is left to the detector)."""
    doc = nlp(text)
    return [attrs_of(s, "rules")["category"] for s in doc.spans["rules"] if attrs_of(s, "rules")["marker"]]


def test_read_examples_takes_sentences_and_record_rules(data_file):
    examples = read_examples([data_file])
    assert len(examples) == len(EXAMPLES) + 1
    assert examples[-1]["category"] == "social_media"


def test_learned_models_trained_saved_and_loaded(articles_file, source_pipeline, tmp_path):
    out = tmp_path / "trained"
    summary = run(data=[articles_file], source=source_pipeline, out=out, folds=2)
    assert summary["backend"] == "sklearn"
    assert summary["rules"] == 2 * len(EXAMPLES)
    assert 0.0 <= summary["cross_validation"]["candidate_f1"] <= 1.0
    folder = out / "netral_rules"
    assert (folder / "learned" / "detector" / "linear_model.json").exists()
    assert (folder / "learned" / "lexicons" / "rules__cues.json").exists()  # the cues travel with the model
    nlp = spacy.load(out)  # plain spaCy finds the factory through its entry point
    assert nlp.get_pipe("netral_rules").learned is not None
    assert categories(nlp, ARTICLE) == ["social_media", "money_politics", "state_facilities"]


def test_sklearn_categorizer_predicts_as_the_estimator(tmp_path):
    from netral_nlp.components.rules.backends.sklearn_backend import SklearnCategorizer, featurize
    from netral_nlp.linear_predict import LinearTextModel

    trained = SklearnCategorizer.train([t for t, _ in EXAMPLES], [c for _, c in EXAMPLES])
    trained.save(tmp_path)
    loaded = SklearnCategorizer.load(tmp_path)
    assert isinstance(loaded.predictor, LinearTextModel)
    estimator = trained.predictor if not isinstance(trained.predictor, LinearTextModel) else None
    texts = [t for t, _ in EXAMPLES] + ["", "a", "ASN   dilarang\n\tkampanye di Facebook", "uang uang UANG"]
    from netral_nlp import linear_store

    expected = [str(c) for c in linear_store.load(tmp_path).predict([featurize(t) for t in texts])]
    assert loaded.predict(texts) == expected == trained.predict(texts)
    assert estimator is None  # the numpy predictor serves right after training too


def test_the_shipped_pipeline_runs_without_importing_scikit_learn():
    """scikit-learn (and the scipy, pandas, pyarrow it imports) cost each worker
    process well over 100 MB; prediction needs numpy alone."""
    import subprocess
    import sys

    code = (
        "import sys, netral_nlp; nlp = netral_nlp.load(); "
        "nlp('ASN dilarang memakai mobil dinas untuk kampanye, kata Bupati Sleman Budi Santoso.'); "
        "print(sorted(m for m in ('sklearn', 'scipy', 'pandas') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout + out.stderr


def test_blank_component_falls_back_to_keywords():
    nlp = build_pipeline(components=COMPONENTS)
    assert nlp.get_pipe("netral_rules").model is None
    assert categories(nlp, ARTICLE)[2] == "state_facilities"


def test_unknown_backend_is_refused():
    with pytest.raises(ValueError):
        build_pipeline(components=COMPONENTS, config={"netral_rules": {"backend": "nope"}})


def _tiny_bert(folder, texts):
    """A randomly initialised 2-layer BERT and a WordPiece tokenizer trained here on ``texts``."""
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
    from transformers import BertConfig, BertForSequenceClassification, BertTokenizerFast

    tok = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    special = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    tok.train_from_iterator(texts, trainers.WordPieceTrainer(vocab_size=400, special_tokens=special))
    tokenizer = BertTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", pad_token="[PAD]",
                                  cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]")
    from tokenizers import processors

    tokenizer.backend_tokenizer.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", tok.token_to_id("[CLS]")), ("[SEP]", tok.token_to_id("[SEP]"))]
    )
    config = BertConfig(vocab_size=tok.get_vocab_size(), hidden_size=32, num_hidden_layers=2,
                        num_attention_heads=2, intermediate_size=64, max_position_embeddings=128,
                        hidden_dropout_prob=0.0, attention_probs_dropout_prob=0.0)
    BertForSequenceClassification(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)


@pytest.mark.slow
def test_transformers_backend_end_to_end(articles_file, source_pipeline, tmp_path):
    torch = pytest.importorskip("torch")
    pytest.importorskip("transformers")
    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # a tiny model trains fastest on one thread
    try:
        _train_and_use_transformers(articles_file, source_pipeline, tmp_path)
    finally:
        torch.set_num_threads(threads)


def _train_and_use_transformers(articles_file, source_pipeline, tmp_path):
    backbone = tmp_path / "tiny-bert"
    _tiny_bert(backbone, [t for t, _ in EXAMPLES] + [ARTICLE])
    out = tmp_path / "trained-tf"
    summary = run(data=[articles_file], backbone=backbone, source=source_pipeline, out=out,
                  epochs=60, learning_rate=3e-3, batch_size=8, seed=0)
    assert summary["backend"] == "transformers"
    assert (out / "netral_rules" / "transformers" / "config.json").exists()
    nlp = load(out)
    component = nlp.get_pipe("netral_rules")
    assert component.backend == "transformers" and component.model is not None
    predicted = component.model.predict([t for t, _ in EXAMPLES])
    accuracy = sum(p == c for p, (_, c) in zip(predicted, EXAMPLES, strict=True)) / len(EXAMPLES)
    assert accuracy >= 0.6  # chance is 1/3
    assert len(categories(nlp, ARTICLE)) == 3
