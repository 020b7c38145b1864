"""Start-up: what a process imports before it needs it (the parent of a job with spawned
workers only reads, sends and writes; its workers load spaCy and the pipeline; forked
workers inherit the pipeline their parent loaded once)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from netral_nlp.batch.local import default_start_method
from netral_nlp.pipeline import build_pipeline

SCRIPT = textwrap.dedent(
    """
    import json, sys
    import netral_nlp.cli  # the command line, every command registered
    from netral_nlp.batch import run_job
    from netral_nlp.io import Item

    seen = {"after_cli_import": "spacy" in sys.modules}
    items = [Item(f"a{n}", f"Rapat Bawaslu nomor {n} digelar hari ini.") for n in range(6)]
    summary = run_job(items, sys.argv[2], model=sys.argv[1], n_process=2, batch_size=2, start_method="spawn")
    seen["after_two_process_job"] = "spacy" in sys.modules
    seen["written_two"] = summary.written
    summary = run_job(items, sys.argv[3], model=sys.argv[1], n_process=1, batch_size=2)
    seen["after_one_process_job"] = "spacy" in sys.modules
    seen["written_one"] = summary.written
    if "fork" in sys.argv[5:]:
        summary = run_job(items, sys.argv[4], model=sys.argv[1], n_process=2, batch_size=2, start_method="fork")
        seen["written_forked"] = summary.written
    print(json.dumps(seen))
    """
)


def test_parent_of_a_spawned_job_never_imports_spacy(tmp_path):
    model = tmp_path / "model"
    build_pipeline(components=("netral_boilerplate",)).to_disk(model)
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(model), str(tmp_path / "two.jsonl"), str(tmp_path / "one.jsonl"),
         str(tmp_path / "forked.jsonl"), default_start_method()],
        capture_output=True, text=True, timeout=300, check=True,
    )
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["after_cli_import"] is False
    assert seen["after_two_process_job"] is False and seen["written_two"] == 6
    # the contrast: a 1-process job runs the pipeline in this process, so spaCy is loaded
    assert seen["after_one_process_job"] is True and seen["written_one"] == 6
    two = (tmp_path / "two.jsonl").read_text(encoding="utf-8")
    assert two == (tmp_path / "one.jsonl").read_text(encoding="utf-8")
    if default_start_method() == "fork":  # forked workers (the parent had spaCy by then) write the same
        assert seen["written_forked"] == 6 and (tmp_path / "forked.jsonl").read_text(encoding="utf-8") == two


def test_warm_up_moves_the_loaded_objects_out_of_the_collectors_reach(blank_nlp):
    """After warm-up the pipeline's long-lived objects are frozen (``gc.freeze``), so that
    collections during a job skip them; a collection before warm-up would walk them."""
    import gc

    from netral_nlp.pipeline import warm_up

    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        warm_up(blank_nlp)
        assert gc.get_freeze_count() > 10_000
    finally:
        gc.unfreeze()
