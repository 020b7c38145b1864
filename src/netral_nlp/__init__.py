"""netral-nlp: structured records from Indonesian news on election neutrality.

>>> import netral_nlp
>>> record = netral_nlp.extract("Pj Wali Kota Malang, Wahyu Hidayat mengingatkan ...", id="a1")
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from .__about__ import __version__
from .pipeline import load

if TYPE_CHECKING:
    from .schema import ArticleRecord

__all__ = ["__version__", "load", "extract", "extract_many", "render"]

_default_nlp = None


def _shared_pipeline():
    """The shipped pipeline, loaded once per process for ``extract``."""
    global _default_nlp
    if _default_nlp is None:
        _default_nlp = load()
    return _default_nlp


def extract(text: str, id: str | None = None, nlp=None) -> ArticleRecord:
    """Run the pipeline on one article and return its record.

    Raises TypeError when ``text`` is not a str (bytes: decode them first) or
    ``id`` is neither a str, an int nor None.
    """
    from .api_checks import checked_id, checked_text
    from .schema import to_record

    text = checked_text(text)
    id = checked_id(id)
    nlp = nlp or _shared_pipeline()
    return to_record(nlp(text), id=id)


def extract_many(
    items: Iterable[str | tuple[str, str | None] | dict[str, Any]],
    n_process: int = 1,
    batch_size: int = 32,
    nlp=None,
) -> Iterator[ArticleRecord]:
    """Stream records for many articles, in input order.

    ``items`` are texts, ``(text, id)`` pairs or ``{"id", "text", ...}`` dicts.
    With ``n_process > 1`` worker processes load the pipeline once and send
    back records, not Docs.
    """
    from .api_checks import checked_items, checked_positive
    from .batch import iter_records

    items = checked_items(items)
    checked_positive("n_process", n_process)
    checked_positive("batch_size", batch_size)
    yield from iter_records(items, n_process=n_process, batch_size=batch_size, nlp=nlp)


def render(record_or_doc: Any, page: bool = False, jupyter: bool | None = None) -> str | None:
    """displaCy span view of one article (a Doc, an ArticleRecord or a record dict)."""
    from .view import render as render_view

    return render_view(record_or_doc, page=page, jupyter=jupyter)
