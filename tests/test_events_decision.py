"""The learned event decision: the widened lexicon proposes the issue's phrasings, its
features tell possibilities from happenings, a tiny model trained on invented records
decides contrasting pairs, training is deterministic and the model round-trips.

Every text here is invented; nothing reads ../shared.
"""

from __future__ import annotations

import numpy as np
import pytest

from event_helpers import event_record
from netral_nlp.components.events.events import proposals
from netral_nlp.pipeline import build_pipeline, load
from netral_nlp.tokenizer import doc_text
from netral_nlp.train.events import fit_events, train_decision

SMALL = ("netral_boilerplate", "netral_segmenter", "netral_dates", "netral_events")


@pytest.fixture(scope="module")
def small_nlp():
    return build_pipeline(components=SMALL)


def proposed(nlp, text: str) -> dict[str, str]:
    """Proposed type -> feature string of each proposal in ``text``."""
    with nlp.select_pipes(disable=["netral_events"]):
        doc = nlp(text)
    found, features = proposals(doc, doc_text(doc))
    return {c.type: f for c, f in zip(found, features, strict=True)}


@pytest.mark.parametrize(
    ("text", "event_type"),
    [
        ("Bupati berpesan kepada seluruh ASN agar menjaga netralitas.", "directive"),
        ("Sekda mewanti-wanti para camat soal netralitas.", "directive"),
        ("Bawaslu mencatat 182 pelanggaran selama kampanye.", "violation_report"),
        ("Kami temukan ada 12 kasus di lapangan.", "violation_report"),
        ("Panwascam mengawasi secara ketat kegiatan kepala desa.", "supervision"),
        ("Tim melakukan monitoring dan evaluasi di setiap kecamatan.", "supervision"),
        ("Kepala dinas itu ditegur Kemendagri karena unggahannya.", "sanction"),
        ("Camat mendapatkan rekomendasi KASN agar dijatuhi sanksi.", "sanction"),
    ],
)
def test_widened_lexicon_proposes_the_issue_phrasings(small_nlp, text, event_type):
    assert event_type in proposed(small_nlp, text)


def test_possibility_vs_report_received_features(small_nlp):
    possible = proposed(small_nlp, "Masyarakat bisa melapor ke Bawaslu bila menemukan ASN tidak netral.")
    received = proposed(small_nlp, "Bawaslu menerima 417 laporan dugaan pelanggaran dari masyarakat.")
    assert "__hypothetical" in possible["violation_report"].split()
    assert "__hypothetical" not in received["violation_report"].split()
    assert "__count" in received["violation_report"].split()


@pytest.mark.parametrize("appeal", ["Masyarakat diimbau", "Warga dihimbau", "Masyarakat diminta"])
def test_an_appeal_to_watch_is_a_possibility_the_watching_done_is_not(small_nlp, appeal):
    asked = proposed(small_nlp, f"{appeal} turut mengawasi netralitas para kepala desa.")
    done = proposed(small_nlp, "Panwascam turut mengawasi netralitas para kepala desa.")
    assert "__hypothetical" in asked["supervision"].split()
    assert "__hypothetical" not in done["supervision"].split()


def test_quoted_and_headline_flags(small_nlp):
    quoted = proposed(small_nlp, 'Ia menambahkan, "kami mengingatkan seluruh ASN agar netral," katanya.')
    plain = proposed(small_nlp, "Ia kemudian mengingatkan seluruh ASN agar netral dalam pemilu.")
    assert "__quoted" in quoted["directive"].split()
    assert "__quoted" not in plain["directive"].split()


def test_article_cues_mark_the_lead_type_and_the_first_mention(small_nlp):
    filler = "Cuaca di kota itu cerah sepanjang hari dan warga beraktivitas seperti biasa. " * 6
    text = (
        "Bawaslu mencatat 182 pelanggaran selama kampanye. " + filler
        + "Bawaslu juga menerima 12 laporan dugaan pelanggaran. Bupati mengingatkan seluruh ASN agar netral."
    )
    with small_nlp.select_pipes(disable=["netral_events"]):
        doc = small_nlp(text)
    found, features = proposals(doc, doc_text(doc))
    words = [(c.type, set(f.split())) for c, f in zip(found, features, strict=True)]
    reports = [w for t, w in words if t == "violation_report"]
    directive = next(w for t, w in words if t == "directive")
    assert len(reports) == 2
    assert {"__first", "__open_same"} <= reports[0]
    assert "__open_same" in reports[1] and "__first" not in reports[1]
    assert "__first" in directive and "__open_same" not in directive
    assert "__open_violation_report" in directive


# --- a tiny decision trained on invented records ----------------------------------------

DIRECTIVE = [
    "Bupati Sleman mengingatkan seluruh ASN agar menjaga netralitas dalam pilkada.",
    "Wali kota mengimbau para camat agar tidak berpihak dalam pemilu.",
    "Sekda berpesan kepada seluruh pegawai untuk menjaga netralitas.",
    "Gubernur meminta kepala desa bersikap netral selama pilkada.",
]
STATEMENT = [
    "Menurut dia, netralitas memang selalu menjadi perhatian banyak pihak.",
    "Netralitas adalah hal yang penting bagi demokrasi, katanya.",
    "Pengamat menilai netralitas pegawai sering dibicarakan menjelang pemilu.",
    "Diskusi soal netralitas ramai di media sosial pekan ini.",
]
REPORT = [
    "Bawaslu Kota Solo menerima 12 laporan dugaan pelanggaran netralitas.",
    "Panwaslu mencatat 30 pelanggaran selama masa kampanye.",
    "Bawaslu Kabupaten Bantul menangani delapan kasus dugaan pelanggaran netralitas ASN.",
    "Bawaslu menerima laporan warga soal kepala desa yang berkampanye.",
]
POSSIBLE = [
    "Masyarakat bisa melapor ke Bawaslu bila melihat pelanggaran.",
    "Warga dapat melaporkan dugaan pelanggaran melalui posko pengaduan.",
    "Jika ada pelanggaran, masyarakat silakan melapor ke panwas.",
    "Pelanggaran dapat dilaporkan kepada pengawas di setiap kecamatan.",
]
TRIGGERS = {"directive": ("mengingatkan", "mengimbau", "berpesan", "meminta"),
            "violation_report": ("menerima 12 laporan", "mencatat", "menangani", "menerima laporan")}


def _record(i: int, text: str, event_type: str | None, trigger: str | None) -> dict:
    return event_record(f"e{i}", text, event_type, trigger)


def training_records() -> list[dict]:
    records = []
    for i, text in enumerate(DIRECTIVE):
        records.append(_record(len(records), text, "directive", TRIGGERS["directive"][i]))
    for i, text in enumerate(REPORT):
        records.append(_record(len(records), text, "violation_report", TRIGGERS["violation_report"][i]))
    records += [_record(len(records) + i, text, None, None) for i, text in enumerate(STATEMENT + POSSIBLE)]
    return records


def event_types(nlp, text: str) -> list[str]:
    doc = nlp(text)
    return [span.label_ for span in doc.spans["events"]]


@pytest.fixture(scope="module")
def trained_nlp():
    nlp = build_pipeline(components=SMALL)
    fit_events(nlp, training_records(), seed=0)
    return nlp


def test_an_appeal_is_a_directive_a_general_statement_is_not(trained_nlp):
    assert event_types(trained_nlp, "Bupati Klaten mengingatkan seluruh ASN agar netral dalam pilkada.") == ["directive"]
    assert event_types(trained_nlp, "Menurut pengamat, netralitas selalu menjadi perhatian publik.") == []


def test_a_report_received_is_an_event_a_possibility_is_not(trained_nlp):
    assert event_types(trained_nlp, "Bawaslu Kota Batu menerima 5 laporan dugaan pelanggaran netralitas.") == ["violation_report"]
    assert event_types(trained_nlp, "Masyarakat bisa melapor ke Bawaslu bila melihat ASN tidak netral.") == []


def test_decision_training_is_deterministic(small_nlp):
    first = train_decision(small_nlp, training_records(), seed=0)
    second = train_decision(small_nlp, training_records(), seed=0)
    assert first.spec == second.spec
    assert all(np.array_equal(first.arrays[k], second.arrays[k]) for k in first.arrays)


def test_stored_decision_round_trips_with_its_lexicon(tmp_path, trained_nlp):
    trained_nlp.to_disk(tmp_path / "p")
    assert (tmp_path / "p" / "netral_events" / "decision" / "proposers.json").exists()
    loaded = load(tmp_path / "p")
    component = loaded.get_pipe("netral_events")
    assert component.decision is not None and component.proposers_file.endswith("proposers.json")
    text = "Bupati Klaten mengingatkan seluruh ASN agar netral. Bawaslu menerima 5 laporan dugaan pelanggaran."
    assert event_types(loaded, text) == event_types(trained_nlp, text) == ["directive", "violation_report"]


def test_stored_decision_brings_back_the_cue_lexicons_it_was_fitted_with(tmp_path, trained_nlp):
    """A model read with other cues would see other features: the cues saved beside it come in
    force when it is read (here a hypothetical cue that turns the report into a possibility),
    and training puts the packaged ones back."""
    import json

    from netral_nlp.components.events.lexicons import EVENT_LEXICONS

    trained_nlp.to_disk(tmp_path / "p")
    saved = tmp_path / "p" / "netral_events" / "decision" / "lexicons" / "events__cues.json"
    assert json.loads(saved.read_text(encoding="utf-8")) == json.loads(EVENT_LEXICONS.current()["events/cues.json"])
    text = "Bawaslu menerima 5 laporan dugaan pelanggaran dari masyarakat."
    assert "__hypothetical" not in proposed(trained_nlp, text)["violation_report"].split()
    cues = json.loads(saved.read_text(encoding="utf-8"))
    cues["hypothetical"] = cues["hypothetical"].replace("(?:bisa|", "(?:bawaslu|bisa|")
    saved.write_text(json.dumps(cues), encoding="utf-8")
    try:
        loaded = load(tmp_path / "p")
        assert "__hypothetical" in proposed(loaded, text)["violation_report"].split()
    finally:
        EVENT_LEXICONS.use_packaged()
    assert "__hypothetical" not in proposed(trained_nlp, text)["violation_report"].split()


# --- trigger-neighbour pairs and amounts (proposals.context_types) -------------------------


def test_a_counted_finding_gets_amount_words_a_task_does_not(small_nlp):
    counted = proposed(small_nlp, "Panwaslu menangani tiga laporan pelanggaran netralitas kepala desa.")
    task = proposed(small_nlp, "Panwaslu bertugas menangani laporan pelanggaran netralitas kepala desa.")
    counted_words, task_words = set(counted["violation_report"].split()), set(task["violation_report"].split())
    assert {"__num_before", "__violation_report_num_before", "__violation_report_num_sent"} <= counted_words
    assert not {w for w in task_words if "num_" in w}


def test_context_types_join_the_trigger_to_its_neighbours_other_types_do_not(small_nlp):
    features = proposed(small_nlp, "Bawaslu mencatat 30 pelanggaran, lalu bupati mengingatkan seluruh ASN agar netral.")
    report, directive = features["violation_report"].split(), features["directive"].split()
    key = report[2]
    assert f"{key}_ln_bawaslu" in report and f"{key}_rn_num" in report
    assert not any("_ln_" in w or "_rn_" in w for w in directive)
    assert not any("num_" in w for w in directive)


AMOUNTS = ["lima", "dua", "puluhan", "sejumlah", "empat", "belasan"]
FOUND = "Panwaslu Kecamatan {place} menangani laporan pelanggaran netralitas dari {amount} kepala desa."
NOT_COUNTED = "Panwaslu Kecamatan {place} menangani laporan pelanggaran netralitas dari kepala desa."
PLACES = ["Damai", "Lestari", "Sentosa", "Makmur", "Sejahtera", "Bahagia"]


def counted_records() -> list[dict]:
    """Counted findings are reports; the same sentence with no amount (a general remark in
    these invented records) is none: only the amount tells them apart (the test's amount word
    is unseen, so without the amount cue both test sentences have the same known words)."""
    records = []
    for place, amount in zip(PLACES, AMOUNTS, strict=True):
        records.append(_record(len(records), FOUND.format(place=place, amount=amount), "violation_report", "laporan pelanggaran"))
        records.append(_record(len(records), NOT_COUNTED.format(place=place), None, None))
    return records + training_records()


def test_an_amount_in_the_sentence_decides_a_contrasting_pair(small_nlp):
    model = train_decision(small_nlp, counted_records(), seed=0, sentences=[])
    rows = model.proba([proposed(small_nlp, FOUND.format(place="Jaya", amount="tiga"))["violation_report"],
                        proposed(small_nlp, NOT_COUNTED.format(place="Jaya"))["violation_report"]])
    found, not_counted = (model.classes[i] for i in rows.argmax(axis=1))
    assert (found, not_counted) == ("violation_report", "none")


@pytest.mark.parametrize(
    ("imposed", "close"),
    [
        ("Dua ASN disanksi karena mengunggah foto bersama calon.", "Dua ASN disiplin mengunggah laporan kinerja."),
        ("Bupati memberikan peringatan kepada camat itu.", "Bupati memberikan arahan kepada camat itu."),
        ("Kades itu diberi peringatan oleh Bawaslu.", "Kades itu diberi penghargaan oleh Bawaslu."),
    ],
)
def test_the_sanction_family_proposes_its_passive_and_a_warning_given(small_nlp, imposed, close):
    assert "sanction" in proposed(small_nlp, imposed)
    assert "sanction" not in proposed(small_nlp, close)


def test_training_proposes_with_the_packaged_lexicon_not_the_loaded_models(tmp_path, trained_nlp):
    """A decision is saved and installed with the packaged proposer lexicon, so it must be
    fitted on that lexicon's proposals, not on those of the older lexicon a loaded model
    brought (else a new family word reaches the model only one training later)."""
    import json

    from netral_nlp.train.events import decision_examples

    trained_nlp.to_disk(tmp_path / "p")
    saved = tmp_path / "p" / "netral_events" / "decision" / "proposers.json"
    lexicon = json.loads(saved.read_text(encoding="utf-8"))
    lexicon["sanction"] = ["dipecat"]
    saved.write_text(json.dumps(lexicon), encoding="utf-8")
    loaded = load(tmp_path / "p")
    text = "Dua ASN disanksi karena mengunggah foto bersama calon."
    with loaded.select_pipes(disable=["netral_events"]):
        doc = loaded(text)
    own, _ = proposals(doc, doc_text(doc), loaded.get_pipe("netral_events").proposers_file)
    assert "sanction" not in {c.type for c in own}  # the loaded model predicts with its own
    features, labels = decision_examples(loaded, [_record(0, text, "sanction", "disanksi")])
    assert labels == ["sanction"] and features[0].startswith("t_sanction")
