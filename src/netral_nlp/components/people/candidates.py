"""Candidates: pairs ``A-B`` / ``A dan B`` announced by a cue (pasangan, paslon,
calon, capres/cawapres, nomor urut), and names after a candidate title
(``Calon Gubernur Jawa Tengah Rudi Hartanto``); ballot numbers from the
nearest stated ``nomor urut N`` in the same sentence, from a numbered list
under a ``nomor urut`` lead, or from an order announced as ``berdasarkan
nomor urut, yakni A-B, C-D``.
"""

from __future__ import annotations

import re
from itertools import count

from ...anchors import scanner_of, word_starts
from .lexicon import ballot_value, lexicon, scanner
from .mention import PersonMention
from .names import (
    SEP_RE,
    Context,
    read_name,
    read_name_before,
    read_region,
    skip_spaces,
    skip_titles_of_address,
)

_DASH_RE = re.compile(r"[ \t\u00a0]*[-–—][ \t\u00a0]*")
_JOIN_RE = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]+(?:dan|serta|&)[ \t\u00a0]+")
_ALIAS_RE = re.compile(r"[ \t\u00a0]*(?:\(|,?[ \t\u00a0]+atau[ \t\u00a0]+)")
_PAIR_LEAD_RE = re.compile(
    r"(?<![\w-])(?:pasangan(?:\s+calon)?|paslon)(?:\s+(?:capres[\s-]+cawapres|cagub[\s-]+cawagub|cabup[\s-]+cawabup))?\s+",
    re.IGNORECASE,
)
#: what may stand between ``nomor urut N`` and the name(s) it introduces
_AFTER_BALLOT_RE = re.compile(r"(?:[ \t\u00a0]*[,:][ \t\u00a0]*|[ \t\u00a0]+(?:adalah|yakni|yaitu|ialah)[ \t\u00a0]+|[ \t\u00a0]+)(?=[A-Z])")
#: a comma before a candidate title: ``Ramli Tanggo, calon anggota DPRD``
_APPOSITION_RE = re.compile(r"[ \t\u00a0]*,[ \t\u00a0]+")
_LIST_ITEM_RE = re.compile(r"(?m)^[ \t]*(\d{1,2})[.)][ \t]+")
_CUE_WINDOW = 250
_LEAD_WINDOW = 400


def _alias_after(text: str, end: int, name: tuple[int, int], ctx: Context) -> tuple[int, int] | None:
    """``A (Iwan)`` / ``A atau Iwan Setiawan``: an alias that shares a name stem."""
    m = _ALIAS_RE.match(text, end)
    if not m:
        return None
    alias = read_name(text, m.end(), ctx)
    if alias is None:
        return None
    if m.group().strip().startswith("(") and not text.startswith(")", alias[1]):
        return None
    words = text[name[0] : name[1]].lower().split()
    for w in text[alias[0] : alias[1]].lower().split():
        if len(w) >= 3 and any(n == w or n[:3] == w[:3] for n in words):
            return alias
    return None


def _pair_from(text: str, pos: int, ctx: Context) -> list[tuple[int, int]]:
    """Names from ``pos``: ``A-B``, ``A dan B``, or ``A`` alone."""
    first = read_name(text, pos, ctx)
    if first is None:
        return []
    names = [first]
    for joiner in (_DASH_RE, _JOIN_RE):
        j = joiner.match(text, first[1])
        if j:
            second = read_name(text, j.end(), ctx)
            if second is not None:
                names.append(second)
                break
    return names


def _has_cue(text: str, start: int, end: int) -> bool:
    """A candidate cue in the same line (or above a numbered list item)."""
    lex = lexicon()
    line_start = text.rfind("\n", 0, start) + 1
    if _LIST_ITEM_RE.match(text, line_start):
        line_start = max(0, line_start - _LEAD_WINDOW)
    window = text[max(line_start, start - _CUE_WINDOW) : min(len(text), end + 60)]
    return bool(lex.pair_cue_re.search(window))


def _dateline(text: str, left: tuple[int, int], dash: str) -> bool:
    """``Kubu Raya – Menjelang ...``: a place at a line start before a spaced dash."""
    line_start = text.rfind("\n", 0, left[0]) + 1
    return not text[line_start : left[0]].strip() and dash.startswith((" ", "\t", "\u00a0"))


def find_candidates(text: str, ctx: Context, taken: list[tuple[int, int]]) -> list[PersonMention]:
    """Candidate mentions (ballot numbers filled later by ``assign_ballots``)."""
    lex = lexicon()
    found: list[PersonMention] = []
    groups = count()

    def add(names: list[tuple[int, int]], source: str) -> None:
        names = [n for n in names if not any(s < n[1] and n[0] < e for s, e in taken)]
        if not names:
            return
        gid = next(groups) if len(names) > 1 else None
        for n in names:
            taken.append(n)
            found.append(PersonMention(n[0], n[1], "CANDIDATE", source=source, group=gid))
            alias = _alias_after(text, n[1], n, ctx)
            if alias and not any(s < alias[1] and alias[0] < e for s, e in taken):
                taken.append(alias)
                found.append(PersonMention(alias[0], alias[1], "CANDIDATE", source="alias", group=gid))

    # 1. a candidate title before the name(s)
    for m in scanner("cand_title_re").finditer(ctx.word_starts):
        title = m.group()
        if title.lower() in ("paslon", "pasangan calon") or not (title[:1].isupper() or _followed_by_office(text, m.end())):
            continue
        pos = m.end()
        while True:  # ``Capres Cawapres``, ``calon Wakil Gubernur``
            after = skip_spaces(text, pos)
            nxt = lex.cand_title_re.match(text, after) or lex.office_re.match(text, after)
            if nxt is None or nxt.end() == after:
                break
            pos = nxt.end()
        after = skip_spaces(text, pos)
        region = read_region(text, after, ctx, before_name=True) if after > pos else None
        pos = region if region is not None else pos
        sep = SEP_RE.match(text, pos)
        add(_pair_from(text, sep.end(), ctx), "title")

    # 2. ``pasangan A dan B`` / ``paslon A-B``
    for m in scanner_of(_PAIR_LEAD_RE).finditer(ctx.word_starts):
        add(_pair_from(text, skip_titles_of_address(text, m.end()), ctx), "pair")

    # 3. any ``A-B`` pair of names with a candidate cue nearby
    for m in _DASH_RE.finditer(text):
        if "-" not in m.group() and "–" not in m.group() and "—" not in m.group():
            continue
        left = read_name_before(text, m.start())
        right = read_name(text, m.end(), ctx)
        if left is None or right is None or not _has_cue(text, left[0], right[1]):
            continue
        if _dateline(text, left, m.group()):
            continue
        if ctx.in_region(*left) or ctx.in_region(*right):
            continue
        add([left, right], "pair")

    # 4. ``nomor urut 2, A dan B`` / ``nomor urut 3 adalah A`` after a candidate cue
    for m in scanner("ballot_re").finditer(ctx.word_starts):
        after = _AFTER_BALLOT_RE.match(text, m.end())
        if after is None or not _has_cue(text, m.start(), m.start()):
            continue
        add(_pair_from(text, skip_titles_of_address(text, after.end()), ctx), "ballot")

    # 5. ``A, calon anggota DPRD ...``: a name in apposition before a candidate title
    for m in _APPOSITION_RE.finditer(text):
        if not lex.cand_title_re.match(text, m.end()):
            continue
        name = read_name_before(text, m.start())
        if name is not None and not ctx.in_region(*name):
            add([name], "apposition")

    # 6. ``Mereka adalah, A dan B di Manado, C di Tomohon, ...`` after a candidate cue
    for names in _names_at_regions(text, ctx):
        add(names, "list")
    return found


_AT_RE = re.compile(r"[ \t\u00a0]+di[ \t\u00a0]+$")
_AND_RE = re.compile(r"[ \t\u00a0]+dan[ \t\u00a0]+")
_LIST_STEP = 120


def _names_at_regions(text: str, ctx: Context) -> list[list[tuple[int, int]]]:
    """The people of a list whose items are ``Name (dan Name) di REGION``: two items or
    more in a row, with a candidate cue before the first (groups of one item's names)."""
    items: list[tuple[int, int, list[tuple[int, int]]]] = []  # (start, end, names)
    for rs, re_ in sorted(ctx.regions):
        at = _AT_RE.search(text, max(0, rs - 8), rs)
        if at is None:
            continue
        seg_end = at.start()
        seg_start = max(text.rfind(c, 0, seg_end) for c in ",:)\n") + 1
        cursor = seg_start
        lead = re.match(r"[ \t\u00a0]*(?:dan[ \t\u00a0]+)?", text[cursor:seg_end])
        cursor += lead.end()
        names = []
        for part in _AND_RE.split(text[cursor:seg_end]):
            name = read_name(text, cursor, ctx)
            if name is None or name != (cursor, cursor + len(part)):
                names = []
                break
            names.append(name)
            cursor += len(part)
            sep = _AND_RE.match(text, cursor)
            cursor = sep.end() if sep else cursor
        if names and len(names) <= 2:
            items.append((seg_start, re_, names))
    lex = lexicon()
    out = []
    run: list[tuple[int, int, list[tuple[int, int]]]] = []
    for item in items + [(len(text) + _LIST_STEP * 2, 0, [])]:
        if run and item[0] - run[-1][1] > _LIST_STEP:
            cue = lex.pair_cue_re.search(text, max(0, run[0][0] - 400), run[0][0])
            if len(run) >= 2 and cue:
                out += [names for _, _, names in run]
            run = []
        run.append(item)
    return out


def _followed_by_office(text: str, pos: int) -> bool:
    """lower-case ``calon Wakil Gubernur``: a title follows."""
    after = skip_spaces(text, pos)
    m = lexicon().office_re.match(text, after)
    return bool(m and m.group("office")[:1].isupper())


def assign_ballots(text: str, mentions: list[PersonMention], sentences: list[tuple[int, int]]) -> None:
    """Fill ``ballot_number`` from the text, then share it within pairs and names."""
    cands = [m for m in mentions if m.label == "CANDIDATE"]
    if not cands:
        return
    ballots = [(b.start(), b.end(), ballot_value(b.group("num"))) for b in scanner("ballot_re").finditer(word_starts(text))]
    _pair_up(text, cands)
    units = _units(cands)
    for s_start, s_end in sentences:
        in_sent = [u for u in units if s_start <= u[0] < s_end]
        nums = [b for b in ballots if s_start <= b[0] < s_end]
        if not in_sent:
            continue
        if nums:
            _greedy(text, in_sent, nums)
        else:
            _ordered(text, s_start, in_sent)
    _list_items(text, units)
    _propagate(text, cands)


_JOINER_ONLY_RE = re.compile(r"^[ \t\u00a0]*(?:[-–—]|,?[ \t\u00a0]*(?:dan|serta|&))[ \t\u00a0]*$")


def _pair_up(text: str, cands: list[PersonMention]) -> None:
    """Two ungrouped candidates joined only by ``dan``/``-`` are a pair (linked mentions)."""
    ordered = sorted(cands, key=lambda m: m.start)
    next_id = max((m.group for m in cands if m.group is not None), default=-1) + 1000
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.group is None and b.group is None and _JOINER_ONLY_RE.match(text[a.end : b.start]):
            a.group = b.group = next_id
            next_id += 1


def _units(cands: list[PersonMention]) -> list[tuple[int, int, list[PersonMention]]]:
    """Pairs (by group) and single candidates as (start, end, members)."""
    by_group: dict[object, list[PersonMention]] = {}
    for m in cands:
        key = m.group if m.group is not None else ("single", m.start)
        by_group.setdefault(key, []).append(m)
    units = [(min(x.start for x in ms), max(x.end for x in ms), ms) for ms in by_group.values()]
    return sorted(units, key=lambda u: u[0])


_CLAUSE_BREAK_RE = re.compile(r"[,;]|\bsementara\b|\bsedangkan\b")
_CLAUSE_PENALTY = 50
_MAX_GAP = 400  # a number further than this from a pair does not belong to it


def _greedy(text: str, units, nums) -> None:
    """Each number to its nearest pair; crossing a clause break costs extra."""
    pairs = []
    for ui, (us, ue, _ms) in enumerate(units):
        for ni, (ns, ne, _v) in enumerate(nums):
            gap = (ue, ns) if ns >= ue else (ne, us)
            if gap[1] - gap[0] > _MAX_GAP:
                continue
            between = text[gap[0] : gap[1]] if gap[1] > gap[0] else ""
            dist = len(between) + _CLAUSE_PENALTY * len(_CLAUSE_BREAK_RE.findall(between))
            pairs.append((dist, ui, ni))
    used_u, used_n = set(), set()
    for _dist, ui, ni in sorted(pairs):
        if ui in used_u or ni in used_n:
            continue
        used_u.add(ui)
        used_n.add(ni)
        for m in units[ui][2]:
            if m.ballot_number is None:
                m.ballot_number = nums[ni][2]


def _ordered(text: str, s_start: int, units) -> None:
    """``berdasarkan nomor urut, yakni A-B, C-D, dan E-F``: numbers by order."""
    lead = lexicon().ordered_lead_re.search(text, s_start, units[0][0])
    if lead is None or len(units) < 2:
        return
    for i, (_s, _e, ms) in enumerate(units, start=1):
        for m in ms:
            if m.ballot_number is None:
                m.ballot_number = str(i)


def _list_items(text: str, units) -> None:
    """``1. A-B`` items under a lead that speaks of ``nomor urut``."""
    lex = lexicon()
    for start, _end, ms in units:
        line_start = text.rfind("\n", 0, start) + 1
        item = _LIST_ITEM_RE.match(text, line_start)
        if item is None or item.end() > start or any(m.ballot_number for m in ms):
            continue
        lead = text[max(0, line_start - _LEAD_WINDOW) : line_start]
        if re.search(r"nomor\s+urut", lead, re.IGNORECASE) and lex.ballot_re is not None:
            for m in ms:
                m.ballot_number = item.group(1)


def _propagate(text: str, cands: list[PersonMention]) -> None:
    """A number stated once holds for the person's other mentions and their partner."""
    by_name: dict[str, str] = {}
    for m in cands:
        if m.ballot_number:
            by_name.setdefault(text[m.start : m.end], m.ballot_number)
    by_group: dict[int, str] = {}
    for m in cands:
        if m.ballot_number is None:
            m.ballot_number = by_name.get(text[m.start : m.end])
        if m.group is not None and m.ballot_number:
            by_group.setdefault(m.group, m.ballot_number)
    for m in cands:
        if m.ballot_number is None and m.group is not None:
            m.ballot_number = by_group.get(m.group)
    for m in cands:
        if m.ballot_number:
            by_name.setdefault(text[m.start : m.end], m.ballot_number)
    for m in cands:
        if m.ballot_number is None:
            m.ballot_number = by_name.get(text[m.start : m.end])
