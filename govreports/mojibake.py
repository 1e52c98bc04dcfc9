"""Find and repair mojibake in decoded text; mark what cannot be repaired as U+FFFD.

Three kinds are handled:

* GBK read one byte off (``?。ㄒ唬┙`` where the page said ``（一）經``): runs holding box-drawing,
  bopomofo or private-use characters are re-encoded (GB18030, which round-trips the private-use
  code points a GBK decoder produces), shifted by one byte and decoded again; an ASCII letter inside
  a run may be a genuine trail byte or a full-width letter that was folded, so both are tried and the
  best-scoring reading wins. Bytes that were lost become U+FFFD.
* UTF-8 read as Latin-1/cp1252 (``ç½—æ¹–``) and UTF-8 read as GBK (``缃楁箹``): re-encoded and decoded as UTF-8.
* Leftover damage (stray box-drawing/bopomofo/private-use characters, an ASCII ``?`` between two
  Chinese characters) is replaced by U+FFFD so it can never feed an observation.

``Edit`` results carry an origin map (output index → input index) like every normalisation step.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

DAMAGED = "\ufffd"
RARE = re.compile(r"[\u2500-\u257f\u3100-\u312f\ue000-\uf8ff]")
LATIN_EXT = re.compile(r"[\u00c0-\u024f]")
CJK = re.compile(r"[\u4e00-\u9fff]")
GOOD_PUNCT = set("（）；，、：。《》“”")
# a window of GBK-misaligned text: characters a byte-shifted decoder produces, plus '?' for lost bytes
WINDOW_CHARS = re.compile(r"[\u3000-\u30ff\u3100-\u312f\u4e00-\u9fff\ue000-\uf8ff\uff00-\uffef\u2500-\u257f\u00c0-\u024f@-~;?]")
# Private-use code points that GB18030-2000 (and GBK decoders built on it) gave to byte pairs that
# GB18030-2005 later mapped to real characters; Python's codec only knows the 2005 mapping.
LEGACY_PUA = {chr(0xE7E7 + b - 0x89): [0xA9, b] for b in range(0x89, 0x96)} | {
    chr(0xE78D + i): [0xA6, 0xD9 + i] for i in range(7)} | {"\ue794": [0xA6, 0xEC], "\ue795": [0xA6, 0xED], "\ue796": [0xA6, 0xF3],
                                                           "\ue7c7": [0xA8, 0xBC], "\ue7c8": [0xA8, 0xBF]}
# what UTF-8 continuation bytes 80–BF look like when read as cp1252 or Latin-1
_CONT = "".join(sorted({bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in range(0x80, 0xC0)}))
LATIN1_RUN = re.compile("(?:[\u00c2-\u00f4][" + re.escape(_CONT) + "]{1,3})+")
GBK_OF_UTF8 = re.compile(r"[\u4e00-\u9fff\u3000-\u303f\uff00-\uffef\ue000-\uf8ff]{3,}")


@dataclass(frozen=True)
class Edit:
    text: str
    origin: list[int]  # len(text) + 1 entries, indices into the input
    repaired: int = 0  # input characters replaced by a repaired reading
    damaged: int = 0  # output characters that are U+FFFD (unrecoverable)


def _char_score(ch: str, simplify) -> int:
    if ch == DAMAGED or ch == "?":
        return -2
    if RARE.match(ch) or LATIN_EXT.match(ch):
        return -4
    if CJK.match(ch):
        try:
            ch.encode("gb2312")
            return 3
        except UnicodeEncodeError:
            try:
                simplify(ch).encode("gb2312")
                return 3
            except UnicodeEncodeError:
                return 1
    return 1 if ch in GOOD_PUNCT else 0


def _encodings(ch: str, last: bool) -> list[list[int | None]]:
    """Byte readings of one character as a misaligned GBK decoder could have produced it.

    An ASCII letter inside the run stands for a folded full-width letter (A3xx); only the last
    character of a run may be a genuine single byte (the trail byte at which the decoder resynced).
    """
    if ch == "?":
        return [[None]]
    if ch.isascii() and (0x40 <= ord(ch) <= 0x7E or ch == ";"):
        wide = [0xA3, ord(ch) + 0x80]
        return [wide, [ord(ch)]] if last and ch != ";" else [wide]
    if ch in LEGACY_PUA:
        return [LEGACY_PUA[ch]]
    try:
        data = ch.encode("gb18030")
    except UnicodeEncodeError:
        return []
    return [list(data)] if len(data) <= 2 else []  # a four-byte sequence is no GBK decoder's output


def _reread(data: list[int | None]) -> str:
    """Decode bytes paired one byte later than the damaged text was; unknown bytes give U+FFFD."""
    out, i = [], 0
    if data and data[0] is not None:
        out.append(DAMAGED)  # trail byte of a character whose lead byte is lost
        i = 1
    while i < len(data):
        a = data[i]
        if a is not None and a < 0x80:
            out.append(chr(a))
            i += 1
            continue
        if i + 1 >= len(data) or a is None or data[i + 1] is None:
            out.append(DAMAGED)
            i += 2
            continue
        try:
            out.append(bytes([a, data[i + 1]]).decode("gb18030"))
        except UnicodeDecodeError:
            out.append(DAMAGED)
        i += 2
    return "".join(out)


def _score(text: str, simplify) -> int:
    return sum(_char_score(c, simplify) for c in text)


def _best_reading(window: str, simplify) -> tuple[int, str] | None:
    """(gain, reading) of the best byte-shifted reading of ``window`` without rare characters."""
    options = [_encodings(ch, i == len(window) - 1) for i, ch in enumerate(window)]
    if any(not o for o in options):
        return None
    best = None
    for combo in itertools.product(*options):
        reading = _reread([b for part in combo for b in part])
        if RARE.search(reading) or LATIN_EXT.search(reading):
            continue
        gain = _score(reading, simplify) - _score(window, simplify)
        if best is None or gain > best[0]:
            best = (gain, reading)
    return best


PINYIN_GROUP = re.compile(r"\([a-zÀ-ɏ]{1,7}\)|(?<=\?)[a-zÀ-ɏ]{1,7}\)")


def _gbk_shift_repairs(text: str, simplify) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for misaligned-GBK windows around each rare character.

    A window may start anywhere shortly before its rare character; it ends where the decoder could
    have resynchronised: after an ASCII letter (a genuine trail byte) or at the next character that
    a shifted decoder cannot have produced (ASCII punctuation, space, an inserted pinyin group).
    """
    blocked = set()
    for m in PINYIN_GROUP.finditer(text):
        blocked.update(range(m.start(), m.end()))

    def window_char(i: int) -> bool:
        return i not in blocked and bool(WINDOW_CHARS.match(text[i]))

    repairs: list[tuple[int, int, str]] = []
    pos = 0
    for m in RARE.finditer(text):
        if m.start() < pos:
            continue
        left = m.start()
        while left > pos and left > m.start() - 8 and window_char(left - 1):
            left -= 1
        limit = m.end()
        while limit < len(text) and limit < m.end() + 24 and window_char(limit):
            limit += 1
        ends = [e for e in range(m.end(), limit) if "@" <= text[e - 1] <= "~"] + [limit]
        best = None
        for start in range(left, m.start() + 1):
            for end in ends:
                got = _best_reading(text[start:end], simplify)
                key = None if got is None else (got[0], end - start)
                if key is not None and got[0] > 0 and (best is None or key > best[0]):
                    best = (key, start, end, got[1])
        if best is not None:
            _, start, end, reading = best
            repairs.append((start, end, reading))
            pos = end
    return repairs


def _gbk_chars(leads: range) -> str:
    chars = set()
    for a in leads:
        for b in range(0x40, 0xFF):
            try:
                chars.add(bytes([a, b]).decode("gbk"))
            except UnicodeDecodeError:
                pass
    return "".join(sorted(chars))


# characters whose GBK lead byte is E4–E9: what UTF-8 Chinese lead bytes turn into when read as GBK
UTF8_LEAD_CHARS = re.compile("[" + re.escape(_gbk_chars(range(0xE4, 0xEA))) + "]")


def _utf8_repairs(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in LATIN1_RUN.finditer(text):
        for codec in ("cp1252", "latin-1"):
            try:
                fixed = m.group(0).encode(codec).decode("utf-8")
            except (UnicodeEncodeError, UnicodeDecodeError):
                continue
            if CJK.search(fixed):
                out.append((m.start(), m.end(), fixed))
                break
    for m in GBK_OF_UTF8.finditer(text):
        run = m.group(0)
        if len(UTF8_LEAD_CHARS.findall(run)) < 0.25 * len(run):
            continue  # UTF-8 read as GBK: every Chinese character's lead byte E4–E9 starts a GBK character
        i = 0
        while i < len(run):  # every 3 GBK characters hold 2 UTF-8 Chinese characters (6 bytes)
            fixed, k = None, 1
            while i + 3 * k <= len(run):
                try:
                    got = run[i : i + 3 * k].encode("gbk").decode("utf-8")
                except (UnicodeEncodeError, UnicodeDecodeError):
                    break
                fixed, k = got, k + 1
            if fixed and CJK.search(fixed):
                end = i + 3 * (k - 1)
                out.append((m.start() + i, m.start() + end, fixed))
                i = end
            else:
                i += 1
    return out


def _apply(text: str, repairs: list[tuple[int, int, str]]) -> tuple[str, list[int], int]:
    out: list[str] = []
    origin: list[int] = []
    pos = repaired = 0
    for start, end, new in sorted(repairs):
        if start < pos:
            continue
        out.append(text[pos:start])
        origin.extend(range(pos, start))
        out.append(new)
        span = end - start
        origin.extend(start + (i * span) // max(1, len(new)) for i in range(len(new)))
        repaired += span
        pos = end
    out.append(text[pos:])
    origin.extend(range(pos, len(text) + 1))
    return "".join(out), origin, repaired


STRAY = re.compile(r"[\u2500-\u257f\u3100-\u312f\ue000-\uf8ff]")
# In a text that shows mojibake, an ASCII '?' between Chinese characters is a lost character.
LOST = re.compile(r"(?<=[\u4e00-\u9fff\ufffd])\?(?=[\u4e00-\u9fff\ufffd,;，；])")


PRIVATE_USE = re.compile(r"[\ue000-\uf8ff]")


def _private_use_places(text: str) -> dict[str, list[int]]:
    """Where each private-use character of ``text`` stands."""
    places: dict[str, list[int]] = {}
    for m in PRIVATE_USE.finditer(text):
        places.setdefault(m.group(0), []).append(m.start())
    return places


def punctuation_stand_ins(text: str) -> str:
    """Private-use characters a PDF font put for punctuation, read from where they stand: one that always
    sits between two digits is the decimal point (387\ue0109亿元); one that is frequent and follows
    Chinese text is the comma (报告\ue00d请予审议). Same length: offsets are kept."""
    places = _private_use_places(text)
    counts = {ch: len(at) for ch, at in places.items()}
    for ch, at in places.items():
        n = len(at)
        if n < 3:
            continue
        digits = sum(0 < i < len(text) - 1 and text[i - 1].isascii() and text[i - 1].isdigit() and text[i + 1].isdigit() for i in at)
        after_han = sum(i > 0 and CJK.match(text[i - 1]) is not None for i in at)
        if digits >= 0.8 * n:
            text = text.replace(ch, ".")
        elif n >= max(20, len(text) / 400) and after_han >= 0.8 * n and n == max(counts.values()):
            text = text.replace(ch, ",")
    return text


def line_end_marks(text: str) -> str:
    """A private-use character a copy put at the end of its lines (…增长16.5%；\ue004\n) marks no text: it
    becomes a space, before it can be taken for a byte of misread GBK. Same length: offsets are kept."""
    for ch, at in _private_use_places(text).items():
        if len(at) >= 3 and sum(i + 1 == len(text) or text[i + 1] in "\n\r" for i in at) >= 0.8 * len(at):
            text = text.replace(ch, " ")
    return text


def repair(text: str, simplify=lambda s: s) -> Edit:
    """Repair what can be repaired; replace remaining damage by U+FFFD (same length, so origin is kept)."""
    if PRIVATE_USE.search(text):
        text = line_end_marks(text)
    repairs = _utf8_repairs(text) + _gbk_shift_repairs(text, simplify)
    fixed, origin, repaired = _apply(text, repairs)
    if PRIVATE_USE.search(fixed):
        fixed = punctuation_stand_ins(fixed)
    if repaired or STRAY.search(fixed):
        fixed = LOST.sub(DAMAGED, STRAY.sub(DAMAGED, fixed))
    return Edit(fixed, origin, repaired, fixed.count(DAMAGED))
