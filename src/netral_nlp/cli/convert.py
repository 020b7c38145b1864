"""``netral convert``: records <-> Label Studio / doccano, records -> DocBin (see netral_nlp.corpus)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer


class Source(StrEnum):
    records = "records"
    labelstudio = "labelstudio"
    doccano = "doccano"


class Target(StrEnum):
    records = "records"
    labelstudio = "labelstudio"
    doccano = "doccano"
    docbin = "docbin"


def _read(paths: list[Path], source: Source, use_predictions: bool, problems: list[str]) -> list:
    from ..corpus import doccano, labelstudio, read_records
    from ..schema import ArticleRecord

    if source is Source.records:
        return read_records(paths, strict=False, problems=problems)
    out = []
    for path in paths:
        if source is Source.labelstudio:
            raw = labelstudio.read_export(path, use_predictions=use_predictions, problems=problems)
        else:
            raw = doccano.read_jsonl(path, problems=problems)
        for data in raw:
            try:
                out.append(ArticleRecord.model_validate(data))
            except ValueError as exc:
                problems.append(f"{data.get('id')}: invalid record ({str(exc).splitlines()[0]})")
    return out


def register(app: typer.Typer) -> None:
    @app.command("convert")
    def convert_command(
        inputs: Annotated[
            list[Path], typer.Argument(exists=True, dir_okay=False, metavar="INPUT...")
        ],
        out: Annotated[Path, typer.Option("--out", "-o", help="Output file.")],
        source: Annotated[Source, typer.Option("--from", help="Input format.")] = Source.records,
        target: Annotated[Target, typer.Option("--to", help="Output format.")] = Target.labelstudio,
        as_annotations: Annotated[
            bool,
            typer.Option(
                "--as-annotations",
                help="Label Studio: write records as annotations (gold), not predictions.",
            ),
        ] = False,
        use_predictions: Annotated[
            bool,
            typer.Option(
                "--use-predictions",
                help="Label Studio import: fall back to predictions for unannotated tasks.",
            ),
        ] = False,
    ) -> None:
        """Convert annotated records between the record format and annotation tools.

        Label Studio output is a JSON task list plus its labelling config (same
        name, .xml); import reads Label Studio's JSON export. DocBin output
        maps entities to PERSON/PLACE/ORG for NER training.
        """
        from ..corpus import doccano, labelstudio, write_docbin

        problems: list[str] = []
        records = _read(inputs, source, use_predictions, problems)
        if target is Target.records:
            out.parent.mkdir(parents=True, exist_ok=True)
            with open(out, "w", encoding="utf-8") as handle:
                for record in records:
                    handle.write(json.dumps(record.to_json_dict(), ensure_ascii=False) + "\n")
        elif target is Target.labelstudio:
            labelstudio.write_tasks(records, out, as_annotations=as_annotations)
        elif target is Target.doccano:
            doccano.write_jsonl(records, out)
        else:
            write_docbin(records, out)
        for problem in problems[:20]:
            typer.echo(f"skipped: {problem}", err=True)
        if len(problems) > 20:
            typer.echo(f"... {len(problems) - 20} more skipped", err=True)
        typer.echo(f"{len(records)} records -> {out} ({target.value})")
