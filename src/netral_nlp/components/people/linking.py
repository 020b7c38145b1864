"""Short-mention linking: ``Wahyu`` and ``Sekda Azan`` after ``Wahyu Hidayat`` /
``M Azan`` in the same article get the full name's label, role and ballot.

People are clustered by name words: a mention whose words appear, in order,
inside another's (``Putu Adi`` in ``Putu Gede Adi``) is the same person.
The label of a linked mention is that of the person's nearest earlier
titled mention (the sentence that introduced them decides), its role the
person's most complete role.
"""

from __future__ import annotations

from .lexicon import NAME_WORD_RE, lexicon, not_name_words
from .mention import PersonMention
from .names import name_runs


def _words(text: str) -> list[str]:
    return [w.group().rstrip(".") for w in NAME_WORD_RE.finditer(text)]


def _is_subsequence(short: list[str], full: list[str]) -> bool:
    it = iter(full)
    return all(any(w == f for f in it) for w in short)


def _meaningful(words: list[str]) -> bool:
    lex = lexicon()
    return any(len(w) >= 3 and w not in lex.name_stop and w not in lex.honorifics for w in words)


class People:
    """Clusters of mentions that name the same person."""

    def __init__(self, text: str, mentions: list[PersonMention]):
        self.text = text
        self.clusters: list[list[PersonMention]] = []
        self._full: list[list[str]] = []  # full name words per cluster (its first, longest mention)
        self._by_word: dict[str, list[int]] = {}
        named = [(_words(text[m.start : m.end]), m) for m in mentions]
        for words, m in sorted(named, key=lambda x: -len(x[0])):  # stable: longest names first
            self._add(m, words)

    def _add(self, m: PersonMention, words: list[str]) -> None:
        for i in self._candidates(words):
            if _is_subsequence(words, self._full[i]):
                self.clusters[i].append(m)
                return
        self.clusters.append([m])
        self._full.append(words)
        for w in set(words):
            self._by_word.setdefault(w, []).append(len(self.clusters) - 1)

    def _candidates(self, words: list[str]) -> list[int]:
        return self._by_word.get(words[0], []) if words else []

    def may_match(self, first_word: str) -> bool:
        """Whether some cluster's name holds ``first_word`` (else :meth:`match` finds none
        for any words opening with it)."""
        return first_word in self._by_word

    def full_words(self, cluster: list[PersonMention]) -> list[str]:
        return self._full[self.clusters.index(cluster)]

    def match(self, words: list[str], pos: int) -> list[PersonMention] | None:
        """The cluster these words name (the nearest earlier one when several do)."""
        hits = [self.clusters[i] for i in self._candidates(words) if _is_subsequence(words, self._full[i])]
        if not hits:
            return None
        if len(hits) == 1:
            return hits[0]

        def last_before(c):
            before = [x.start for x in c if x.start < pos]
            return max(before) if before else -1

        return max(hits, key=last_before)


def cluster_label_at(cluster: list[PersonMention], pos: int) -> str | None:
    """Label of the nearest earlier direct mention, else of the first one."""
    direct = sorted((m for m in cluster if m.source != "link"), key=lambda m: m.start)
    if not direct:
        return None
    before = [m for m in direct if m.start <= pos]
    return (before[-1] if before else direct[0]).label


def link_mentions(
    text: str, mentions: list[PersonMention], blocked: list[tuple[int, int]], common: frozenset[str] = frozenset()
) -> list[PersonMention]:
    """New mentions for later short names; also harmonises roles and ballots."""
    if not mentions:
        return []  # nobody to link to (and no cluster to harmonise)
    lex = lexicon()
    people = People(text, mentions)
    taken = bytearray(len(text) + 1)  # 1 where a span already lies
    for s, e in [(m.start, m.end) for m in mentions] + list(blocked):
        taken[s:e] = b"\x01" * max(0, min(e, len(text)) - s)
    added: list[PersonMention] = []
    not_a_name = not_name_words()
    for start, end in name_runs(text):
        if taken.find(1, start, end) >= 0:
            continue
        spans = [(w.start() + start, w.end() + start) for w in NAME_WORD_RE.finditer(text[start:end])]
        if not any(people.may_match(text[s:e].rstrip(".")) for s, e in spans):
            continue  # no word of the run is in a known name: whatever opens it, nothing links
        while spans and (
            text[spans[0][0] : spans[0][1]] in not_a_name
            or lex.office_re.match(text, spans[0][0])
            or lex.ranks_re.match(text, spans[0][0])
            # ``Pernyataan Alkatiri``: a word the article also writes in lower case opens the run
            or text[spans[0][0] : spans[0][1]].lower() in common
        ):
            spans.pop(0)
        if not spans or not people.may_match(text[spans[0][0] : spans[0][1]].rstrip(".")):
            continue  # no person's name holds the run's first word: no prefix of it links
        for n in range(len(spans), 0, -1):
            sub = spans[:n]
            words = [text[s:e].rstrip(".") for s, e in sub]
            if not _meaningful(words):
                continue
            cluster = people.match(words, sub[0][0])
            if cluster is None:
                continue
            label = cluster_label_at(cluster, sub[0][0])
            if label is None:
                break
            mention = PersonMention(sub[0][0], sub[-1][1], label, source="link")
            cluster.append(mention)
            added.append(mention)
            break
    for cluster in people.clusters:
        assign_roles(cluster)
    return added


def assign_roles(cluster: list[PersonMention]) -> None:
    """A mention written with its own title keeps that role (``Sekda Azan`` -> ``Sekda``:
    the office as written nearest to the name); any other takes the role of the nearest
    earlier titled mention, else of the first one."""
    titled = sorted((m for m in cluster if m.role and m.label == "OFFICIAL" and m.source != "link"),
                    key=lambda m: m.start)
    if not titled:
        return
    for m in cluster:
        if m.label != "OFFICIAL" or m in titled:
            continue
        before = [t for t in titled if t.start <= m.start]
        m.role = (before[-1] if before else titled[0]).role


def share_ballots(text: str, mentions: list[PersonMention]) -> None:
    """A candidate's ballot number holds for all their mentions (``Iwan`` after ``Iwan Setiawan``)."""
    for cluster in People(text, [m for m in mentions if m.label == "CANDIDATE"]).clusters:
        ballot = next((m.ballot_number for m in sorted(cluster, key=lambda x: x.start) if m.ballot_number), None)
        for m in cluster:
            if m.ballot_number is None:
                m.ballot_number = ballot
