"""Speakers: a name quoted by a speech verb (``kata Deni``, ``ujar Sinta Dewi``,
``Bagja juga meminta``) that no title introduced in the excerpt.

News excerpts in this domain often start after the paragraph that introduced
the speaker; the quoted person is then almost always the official the article
is about. A speaker is read as an OFFICIAL (role unknown) only when:

- the article names a public institution (otherwise it is about citizens);
- the name is not described as a private person right after it
  (``kata Rudi, warga setempat``: resources/people/private_roles.txt);
- the name was not introduced earlier in the article in some other way
  (``Manajer JPPR, Ramli K. Yacub`` ... ``ujar Ramli``: its status is unknown).

Mentions that name someone the rules already know are linked (linking.py), not
found here.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ...anchors import scanner_of
from ...resources import read_lines
from .lexicon import NAME_WORD_RE, lexicon
from .mention import PersonMention
from .names import Context, read_name, read_name_before

#: a sentence or clause start before a speaker who speaks (``. Bagja juga meminta``)
_CLAUSE_START_RE = re.compile(r"(?:^|[.!?\"“”’]\s*|\n\s*)$")
_NAME_BEFORE_RE = re.compile(r"(?:[A-Z][\w'’.-]*[ \t]+)+$")
_APPOSITION_RE = re.compile(r"\s*,\s*(?P<word>[a-z]+)")
#: the speaker's name goes on in other words (``papar Kadisdikpora DIY, ...``: a title)
#: or a description follows (``kata Feri yang merupakan Direktur ...``)
_NOT_A_SPEAKER_END_RE = re.compile(r"[ \t]+(?:[A-Z]|yang\s+(?:merupakan|juga|adalah)|selaku|sebagai)")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    """(verb before a speaker, verb after a speaker, words of a private person)."""
    quote_verbs = read_lines("people/speech_after.txt")
    alt = "|".join(sorted((re.escape(v) for v in quote_verbs), key=len, reverse=True))
    after = re.compile(rf"(?<![\w-])(?:{alt})\s*,?[ \t]+(?=[A-Z])", re.IGNORECASE)
    verbs = "|".join(sorted((re.escape(v) for v in lexicon().speech), key=len, reverse=True))
    # ``Karena menurut Firman``: ``menurut`` introduces the speaker after it, never before
    before = re.compile(rf"[ \t]+(?:(?:juga|pun|kembali|lalu)[ \t]+)?(?!menurut)(?:{verbs})(?![\w-])")
    private = frozenset(w.lower() for w in read_lines("people/private_roles.txt"))
    return after, before, private


def _introduction(text: str, start: int, end: int, known: list[tuple[int, int]]) -> tuple[bool, str | None]:
    """(blocked, role): one of the speaker's name words stands earlier in the text outside
    a known span -- unless right after a public office the readers could not parse
    (``Komisioner ... Bawaslu Sumut, Saut ...`` introduces an official: its role)."""
    role = None
    for w in NAME_WORD_RE.finditer(text, start, end):
        word = w.group()
        if len(word) < 3:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text[:start]):
            if any(s <= m.start() < e for s, e in known):
                continue
            run = _NAME_BEFORE_RE.search(text, max(0, m.start() - 60), m.start())  # ``Saut`` before ``Boangmana``
            first = run.start() if run else m.start()
            clause = text[max(text.rfind(".", 0, first), text.rfind("\n", 0, first)) + 1 : first]
            office = _office_in(clause) if clause.rstrip().endswith(",") else None
            if office is None:
                return True, None
            role = role or clause[office:].strip(" ,")
    return False, role


def _office_in(clause: str) -> int | None:
    """Where a stated public office starts in ``clause`` (``Koordinator Divisi ... Bawaslu Sumut,``)."""
    from .chains import is_public
    from .officials import office_ok

    offices = [m for m in lexicon().office_re.finditer(clause) if office_ok(m)]
    return offices[0].start() if offices and is_public(clause[offices[0].start() :]) else None


def find_speakers(
    text: str, ctx: Context, known: list[tuple[int, int]], has_public_org: bool
) -> list[PersonMention]:
    """OFFICIAL mentions (role None) for untitled, unlinked speakers of quotes."""
    if not has_public_org:
        return []
    after_re, before_re, private = _patterns()
    lex = lexicon()
    found: list[PersonMention] = []
    taken = list(known)

    def consider(name: tuple[int, int] | None) -> None:
        if name is None:
            return
        start, end = name
        if any(s < end and start < e for s, e in taken):
            return
        words = [w.group() for w in NAME_WORD_RE.finditer(text, start, end)]
        if not any(len(w) >= 3 and w not in lex.name_stop and w not in lex.honorifics for w in words):
            return
        if any(w.lower() in lex.speech or w.lower() in private or w in lex.role_words for w in words):
            return
        if _NOT_A_SPEAKER_END_RE.match(text, end) or lex.office_re.match(text, start):
            return
        apposition = _APPOSITION_RE.match(text, end)
        if apposition and apposition.group("word") in private:
            return
        blocked, role = _introduction(text, start, end, taken)
        if blocked:
            return
        taken.append(name)
        found.append(PersonMention(start, end, "OFFICIAL", role=role, source="speaker"))

    for m in scanner_of(after_re).finditer(ctx.word_starts):
        consider(read_name(text, m.end(), ctx))
    for m in before_re.finditer(text):
        name = read_name_before(text, m.start())
        if name is None or not _CLAUSE_START_RE.search(text, max(0, name[0] - 3), name[0]):
            continue
        if read_name(text, name[0], ctx) == name:
            consider(name)
    return sorted(found, key=lambda m: m.start)
