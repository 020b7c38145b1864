"""``netral evaluate``: score predictions against gold records (see netral_nlp.evaluate)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer


def register(app: typer.Typer) -> None:
    @app.command("evaluate")
    def evaluate_command(
        gold: Annotated[
            list[Path],
            typer.Argument(
                metavar="GOLD",
                exists=True,
                dir_okay=False,
                help="Gold JSONL file(s), scored as one concatenated set.",
            ),
        ],
        pred: Annotated[
            list[Path] | None,
            typer.Option(
                "--pred",
                "-p",
                exists=True,
                dir_okay=False,
                help="Predicted records (JSONL); repeatable.",
            ),
        ] = None,
        model: Annotated[
            Path | None,
            typer.Option(
                "--model",
                "-m",
                exists=True,
                help="Pipeline folder that predicts from the gold texts.",
            ),
        ] = None,
        as_json: Annotated[
            bool, typer.Option("--json", help="Print the full report as JSON instead of the table.")
        ] = False,
        markdown: Annotated[
            bool, typer.Option("--markdown", help="Print the report as a markdown table.")
        ] = False,
        errors: Annotated[
            Path | None,
            typer.Option(
                "--errors", help="Write per-article false positives/negatives to DIR/errors.jsonl."
            ),
        ] = None,
        plot: Annotated[
            Path | None,
            typer.Option("--plot", help="Write rule_categories.png and per_label.png to DIR."),
        ] = None,
        save_pred: Annotated[
            Path | None,
            typer.Option(
                "--save-pred", help="Also write the predicted records to this JSONL file."
            ),
        ] = None,
        batch_size: Annotated[int, typer.Option(help="Articles per nlp.pipe batch.")] = 16,
    ) -> None:
        """Score predictions against gold records.

        With neither --pred nor --model the shipped pipeline predicts from the
        gold texts. Predicted ids missing from gold are listed, not scored;
        gold articles without a prediction count all their items as misses.
        """
        from .. import evaluate as ev

        if pred and model:
            raise typer.BadParameter("give --pred or --model, not both")
        try:
            gold_records = ev.read_records(gold)
        except (ev.RecordError, OSError) as exc:
            typer.echo(f"error: {exc}", err=True)
            raise typer.Exit(1) from exc
        problems: list[str] = []
        if pred:
            try:
                pred_records = ev.read_records(pred, strict=False, problems=problems)
            except (ev.RecordError, OSError) as exc:
                typer.echo(f"error: {exc}", err=True)
                raise typer.Exit(1) from exc
        else:
            from ..pipeline import load

            nlp = load(model)
            pred_records = ev.predict_records(
                nlp, gold_records, batch_size=batch_size, problems=problems
            )
        if save_pred:
            save_pred.parent.mkdir(parents=True, exist_ok=True)
            with open(save_pred, "w", encoding="utf-8") as handle:
                for record in pred_records:
                    handle.write(record.model_dump_json(exclude_unset=True) + "\n")
        report = ev.score_records(gold_records, pred_records)
        report.warnings[:0] = problems
        if errors:
            ev.write_errors(report, errors, texts={str(r.id): r.text for r in gold_records})
        if plot:
            ev.write_plots(report, plot)
        if as_json:
            sys.stdout.write(ev.to_json(report) + "\n")
        elif markdown:
            sys.stdout.write(ev.to_markdown(report))
        else:
            ev.print_report(report)
