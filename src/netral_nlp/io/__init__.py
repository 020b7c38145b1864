"""Readers and writers for batch extraction, one job per module.

``items`` (Item, ReadError), ``kinds`` (input kinds, output names),
``readers`` (streaming readers), ``writers`` (JSONL/Parquet outputs written
under a temporary name), ``resume`` (what a cut job already finished),
``records`` (reading outputs back), ``outputs`` (outputs kept apart from
inputs and from other jobs). JSON text helpers live in
:mod:`netral_nlp.jsontext` (shared with :mod:`netral_nlp.arrow`).
"""

from ..jsontext import dump_line, dumps, json_default
from .items import Item, ReadError, coerce_id, item_from_mapping, text_problem
from .kinds import (
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    TEXT_SUFFIXES,
    errors_path_for,
    input_kind,
    input_stem,
    is_gzip_name,
)
from .outputs import OutputError, OutputLock, check_outputs, prepare_output_dir
from .readers import expand_inputs, read_inputs, read_jsonl, read_parquet, read_txt, readable_name
from .records import read_records
from .resume import complete_lines, error_key, error_keys, jsonl_ids, parquet_ids, repair_jsonl
from .writers import JsonlWriter, ParquetRecordWriter, in_progress_path, resume_source

__all__ = [
    "JSONL_SUFFIXES",
    "PARQUET_SUFFIXES",
    "TEXT_SUFFIXES",
    "Item",
    "JsonlWriter",
    "OutputError",
    "OutputLock",
    "ParquetRecordWriter",
    "ReadError",
    "check_outputs",
    "coerce_id",
    "complete_lines",
    "dump_line",
    "dumps",
    "error_key",
    "error_keys",
    "errors_path_for",
    "expand_inputs",
    "in_progress_path",
    "input_kind",
    "input_stem",
    "is_gzip_name",
    "item_from_mapping",
    "json_default",
    "jsonl_ids",
    "parquet_ids",
    "prepare_output_dir",
    "read_inputs",
    "read_jsonl",
    "read_parquet",
    "read_records",
    "read_txt",
    "readable_name",
    "repair_jsonl",
    "resume_source",
    "text_problem",
]
