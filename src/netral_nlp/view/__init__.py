"""See one article: its entities, dates, rules and events over the text (displaCy span view).

>>> html = netral_nlp.render(record)            # a Doc, an ArticleRecord or a record dict
>>> netral_nlp.render(doc, page=True)           # a whole standalone page
In a notebook the view is displayed (and None returned), as ``displacy.render`` does.
"""

from __future__ import annotations

from typing import Any

from .article import article_html
from .page import STYLE, article_page, legend
from .records import as_record

__all__ = ["render", "article_page", "article_html"]


def render(obj: Any, page: bool = False, jupyter: bool | None = None) -> str | None:
    """HTML of one article with its spans; a full page with ``page=True``."""
    record, marked = as_record(obj)
    if page:
        markup = article_page(record, marked)
    else:
        markup = f"<div class=netral-view><style>{STYLE}</style>{legend()}{article_html(record, marked)}</div>"
    from spacy.util import is_in_jupyter

    if jupyter or (jupyter is None and is_in_jupyter()):
        from IPython.display import HTML, display

        display(HTML(markup))
        return None
    return markup
