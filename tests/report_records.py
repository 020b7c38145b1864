"""Records written for the report tests: valid offsets, varied fields, no pipeline needed."""

from __future__ import annotations

from typing import Any

TYPES = ("pledge", "socialization", "directive", "supervision", "violation_report", "sanction")
PLACES = (("Kota Pasuruan", "Pasuruan", "35.75", "city"), ("Kabupaten Jombang", "Jombang", "35.17", "regency"),
          ("Kota Ternate", "Ternate", "82.71", "city"))
OFFICIALS = (("Budi Santoso", "Pj Wali Kota Pasuruan"), ("Sri Wahyuni", "Ketua Bawaslu Kota Ternate"))


class Builder:
    """Appends sentences and keeps the offsets of the parts that become spans."""

    def __init__(self) -> None:
        self.text = ""

    def add(self, *parts: str) -> list[tuple[int, int, str]]:
        found = []
        for part in parts:
            if part.startswith("[") and part.endswith("]"):
                part = part[1:-1]
                found.append((len(self.text), len(self.text) + len(part), part))
            self.text += part
        return found


def record(i: int, **extra: Any) -> dict[str, Any]:
    """Article ``i``: one event, one rule, one stated period, one official and one organisation."""
    b = Builder()
    canonical, name, code, level = PLACES[i % len(PLACES)]
    person, role = OFFICIALS[i % len(OFFICIALS)]
    month = 9 + i % 3
    kind = TYPES[i % len(TYPES)]
    region_span, person_span = b.add(f"{role.split()[0]} ", f"[{name}]", " ", f"[{person}]", " memimpin ")
    (trigger,) = b.add(f"[{kind} netralitas]", f" pada {10 + i % 5} bulan {month}.\n")
    (org,) = b.add("[Bawaslu]", " mengingatkan aturan berikut.\n1. ")
    (rule,) = b.add("[ASN dilarang memasang spanduk pasangan calon.]", "\n")
    (period,) = b.add("Masa kampanye ", "[25 September hingga 23 November 2024]", ".")
    return {
        "id": f"t-{i:04d}",
        "text": b.text,
        "publication": f"2024-{month:02d}-{10 + i % 5:02d}",
        "meta": {"title": f"Artikel {i}"},
        "entities": [
            {"start": region_span[0], "end": region_span[1], "text": region_span[2], "label": "REGION",
             "level": level, "code": code, "canonical": canonical},
            {"start": person_span[0], "end": person_span[1], "text": person_span[2], "label": "OFFICIAL", "role": role},
            {"start": org[0], "end": org[1], "text": org[2], "label": "ORG"},
        ],
        "dates": [{"start": period[0], "end": period[1], "text": period[2], "value": "2024-09-25/2024-11-23",
                   "kind": "campaign_period"}],
        "rules": [{"start": rule[0], "end": rule[1], "text": rule[2], "marker": "1", "modality": "prohibition",
                   "category": "campaign_materials", "subject": "ASN", **extra}],
        "events": [{"type": kind, "trigger": {"start": trigger[0], "end": trigger[1], "text": trigger[2]},
                    "date": f"2024-{month:02d}-{10 + i % 5:02d}" if i % 4 else None, "region": canonical}],
    }
