"""Normalise document text to the one form the extractor reads, keeping a map back to the source.

Steps, in order: mojibake repaired (``mojibake``), inserted pinyin removed (區(qū) → 區), traditional
script converted to simplified (OpenCC t2s) when the text is traditional, compatibility forms folded
with NFKC where that is safe (full-width digits and punctuation, compatibility ideographs, ㎡), and
whitespace runs collapsed. ``Normalized.origin[i]`` is the offset in the source text of normalised
character ``i`` (one extra entry closes the last span), so any extracted span points back into the
page's own text. Unrecoverable characters stay in the text as U+FFFD.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import opencc

from govreports import mojibake

SPACES = {" ", "\t", "\xa0", "\u3000", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff", "\r", "\f", "\v"}
# NFKC is applied only where it cannot change meaning: full-width ASCII, compatibility ideographs,
# Kangxi/CJK radicals, CJK compatibility squares (㎡), vertical and small punctuation forms.
SAFE_NFKC = re.compile(r"[\uff01-\uff5e\uf900-\ufaff\u2e80-\u2fdf\u3300-\u33ff\ufe10-\ufe19\ufe30-\ufe6f]")
TONE = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
            r"(?:iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|e|i|o|u|v|n|ng)")
TONED = re.compile(rf"[a-z{TONE}]*[{TONE}][a-z{TONE}]*")
# pinyin inserted after a character: 區(qū); after a lost character the '(' may be gone too: �jīng)
INSERTED = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff\ufffd])(\(|（)([a-z{TONE}]{{1,7}})(\)|）)|(?<=\ufffd)([a-z{TONE}]{{1,7}})\)")
HAN = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True)
class Normalized:
    text: str
    origin: tuple[int, ...]
    traditional: bool = False
    pinyin_removed: int = 0
    mojibake_repaired: int = 0
    mojibake_damaged: int = 0

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span that normalised ``text[start:end]`` came from."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=1)
def _t2s() -> opencc.OpenCC:
    return opencc.OpenCC("t2s.json")


@lru_cache(maxsize=65536)
def simplify_char(ch: str) -> str:
    return _t2s().convert(ch)


def _compose(outer: list[int], inner: list[int]) -> list[int]:
    """Origin of a step applied after another: indices of the last step's input → original source."""
    return [outer[i] for i in inner]


# syllables printed without a tone mark because they are read in the neutral tone (的 de, 们 men …)
NEUTRAL = {"de", "le", "me", "ma", "ne", "ba", "zi", "zhe", "men", "ge", "li", "shang", "xia", "tou", "mo", "lai", "qu"}


def _is_pinyin(word: str, toneless_ok: bool) -> bool:
    plain = word.translate(str.maketrans(TONE, "aaaaeeeeiiiioooouuuuvvvvvnnnm"))
    if not re.fullmatch(SYLLABLE, plain):
        return False
    return bool(TONED.fullmatch(word)) or (toneless_ok and word in NEUTRAL)


def remove_pinyin(text: str) -> tuple[str, list[int], int]:
    """Drop pinyin inserted after characters; neutral-tone syllables only in a text full of toned ones."""
    matches = list(INSERTED.finditer(text))
    toned = sum(1 for m in matches if TONED.fullmatch(m.group(2) or m.group(4)))
    toneless_ok = toned >= 5
    out, origin, pos, removed = [], [], 0, 0
    for m in matches:
        word = m.group(2) or m.group(4)
        if not _is_pinyin(word, toneless_ok):
            continue
        out.append(text[pos : m.start()])
        origin.extend(range(pos, m.start()))
        pos = m.end()
        removed += 1
    out.append(text[pos:])
    origin.extend(range(pos, len(text) + 1))
    return "".join(out), origin, removed


def to_simplified(text: str) -> tuple[str, bool]:
    """OpenCC t2s when at least 2% of the Chinese characters are traditional; same length, 1:1."""
    han = len(HAN.findall(text))
    if han < 10:
        return text, False
    converted = _t2s().convert(text)
    if len(converted) != len(text):  # a phrase mapping changed length: convert character by character
        converted = "".join(simplify_char(c) if len(simplify_char(c)) == 1 else c for c in text)
    changed = sum(a != b for a, b in zip(text, converted))
    if changed < 0.02 * han:
        return text, False
    return converted, True


@lru_cache(maxsize=65536)
def _fold_char(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


WHITESPACE = "".join(sorted(SPACES)) + "\n"
SPECIAL = re.compile("[" + re.escape(WHITESPACE) + "]+|" + SAFE_NFKC.pattern)


def fold(source: str) -> tuple[str, list[int]]:
    """Safe NFKC per character; whitespace runs → one space, or one newline if they hold one; trimmed."""
    out: list[str] = []
    origin: list[int] = []
    pos = 0
    for m in SPECIAL.finditer(source):
        if m.start() > pos:
            out.append(source[pos : m.start()])
            origin.extend(range(pos, m.start()))
        run = m.group(0)
        if run[0] in WHITESPACE:
            at_line_start = not out or out[-1].endswith("\n")
            if "\n" in run:
                if not at_line_start:
                    out.append("\n")
                    origin.append(m.start() + run.index("\n"))
            elif not at_line_start and m.end() < len(source):
                out.append(" ")
                origin.append(m.start())
        else:
            folded = _fold_char(run)
            out.append(folded)
            origin.extend([m.start()] * len(folded))
        pos = m.end()
    out.append(source[pos:])
    origin.extend(range(pos, len(source)))
    text = "".join(out)
    trimmed = text.rstrip(" \n")
    del origin[len(trimmed) :]
    origin.append(len(source))
    return trimmed, origin


# Scraper debris printed as text: literal escapes (\\r\\n), HTML entities left unescaped (&nbsp;).
DEBRIS = re.compile(r"%%|(?:\\r)?\\n|\\r|\\t|&(?:amp;)?(?:[a-zA-Z]{2,8}|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});|&nbsp(?![a-zA-Z;])")


def _debris(m: re.Match) -> str:
    found = m.group(0)
    if found == "%%":
        return "%"
    if found.startswith("\\"):
        return "\n" if "n" in found else " "
    if found == "&nbsp":
        return " "
    char = html.unescape(html.unescape(found))  # &amp;nbsp; was escaped twice
    if char == found or len(char) != 1:
        return found  # not an entity
    if char in SPACES:
        return " "
    return "\ufffd" if 0xD800 <= ord(char) <= 0xDFFF else char  # a lone surrogate is no character


def _rewrite(text: str, pattern: re.Pattern, replace) -> tuple[str, list[int]]:
    """``text`` with each match of ``pattern`` replaced by ``replace(match)``, and the offset map back
    (a replacement's characters all map to the start of what they replace)."""
    out, origin, pos = [], [], 0
    for m in pattern.finditer(text):
        out.append(text[pos : m.start()])
        origin.extend(range(pos, m.start()))
        rep = replace(m)
        out.append(rep)
        origin.extend([m.start()] * len(rep))
        pos = m.end()
    out.append(text[pos:])
    origin.extend(range(pos, len(text) + 1))
    return "".join(out), origin


def clear_debris(text: str) -> tuple[str, list[int]]:
    """Literal escape sequences and leftover HTML entities → the characters they stand for."""
    return _rewrite(text, DEBRIS, _debris)


# A space is no word break next to a Chinese character or punctuation, nor inside a number or before
# its unit: 增长 9.3 % → 增长9.3%, 2008 年 → 2008年, 36.5 9亿元 → 36.59亿元, 1 029亿元 → 1029亿元 (a thousands
# space), 财政一般预 算收入 → 财政一般预算收入.
WIDE = r"[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’、。，；：？！（）《》【】—…·]"
LOOSE_SPACE = re.compile(  # each alternative looks back over the space it has just read: the scan opens on " "
    rf" (?:(?<={WIDE} )(?=[^\n])|(?<=[^\n] )(?={WIDE})|(?<=\d )(?=%)|(?<=\d\. )(?=\d)"  # 271. 02亿元
    r"|(?<=\d\.\d )(?=\d{1,2}(?:[万亿元%]|个百分点))|(?<=\d\.\d\d )(?=\d(?:[万亿元%]|个百分点))"  # 36.5 9亿元
    r"|(?:(?<=[^\d.]\d )|(?<=[^\d.]\d\d )|(?<=[^\d.]\d\d\d ))(?=\d{3}(?![\d.])))")  # 1 029亿元, not 5.5 100个


def tighten(text: str) -> tuple[str, list[int]]:
    """Drop spaces that separate no words (see LOOSE_SPACE)."""
    if " " not in text:
        return text, list(range(len(text) + 1))
    return _rewrite(text, LOOSE_SPACE, lambda m: "")


# A page number printed into a sentence by a PDF copy (…生产总值增长\n9\n11%): the sentence runs on.
PAGE_NUMBER = re.compile(r"(?<=[\u4e00-\u9fff,、])\n *\d{1,3} *\n(?=[\u4e00-\u9fff\d])")
UNFINISHED = re.compile(r"[,，:：;；、]")  # the line before is a sentence under way, not a heading or a table cell


def _page_number(text: str, m: re.Match) -> str:
    line = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
    return "" if len(line) >= 12 and UNFINISHED.search(line) else m.group(0)


def normalize(source: str, tight: bool = True) -> Normalized:
    """``tight=False`` keeps spaces between Chinese phrases (a headline's separators)."""
    repaired = mojibake.repair(source, simplify_char)
    text, origin = repaired.text, repaired.origin
    if "\\" in text or "&" in text or "%%" in text:
        text, step = clear_debris(text)
        origin = _compose(origin, step)
    text, step, pinyin = remove_pinyin(text)
    origin = _compose(origin, step)
    text, traditional = to_simplified(text)
    text, step = fold(text)
    origin = _compose(origin, step)
    if "\n" in text and PAGE_NUMBER.search(text):
        text, step = _rewrite(text, PAGE_NUMBER, lambda m, text=text: _page_number(text, m))
        origin = _compose(origin, step)
    if tight:
        text, step = tighten(text)
        origin = _compose(origin, step)
    return Normalized(text, tuple(origin), traditional, pinyin, repaired.repaired, text.count(mojibake.DAMAGED))
