"""Bytes → text: the charset from the HTTP header, then a BOM, then the page's meta tag, then detection.

GB2312 and GBK are decoded as GB18030 (their superset), since pages that declare GB2312 routinely
carry GBK-only characters. The choice and how it was made are returned with the text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from charset_normalizer import from_bytes

META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "gb_2312-80": "gb18030", "big5": "big5hkscs", "cp936": "gb18030"}


class NotText(ValueError):
    """The bytes are not text in any encoding we can recognise."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    how: str  # bom | header | meta | utf-8 | detected
    declared: str | None = None  # the charset the header or meta tag claimed, if any


def _codec(label: str) -> str | None:
    label = label.strip().strip("\"'").lower()
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return SUPERSETS.get(label, SUPERSETS.get(name, name))


def charset_from_content_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    m = re.search(r"charset\s*=\s*([^\s;]+)", content_type, re.I)
    return m.group(1) if m else None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    return b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _bad_share(data: bytes, codec: str) -> float:
    """Share of the text that ``codec`` cannot decode (U+FFFD per byte, roughly)."""
    text = data.decode(codec, errors="replace")
    return text.count("\ufffd") / max(1, len(text))


def _detect(data: bytes) -> tuple[str, str] | None:
    try:
        data.decode("utf-8")
        return "utf-8", "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    return _codec(best.encoding) or best.encoding, "detected"


def decode(data: bytes, header_charset: str | None = None) -> Decoded:
    """Decode page bytes; raise ``NotText`` for binary or undecodable input.

    Order: a BOM, the HTTP header's charset, the meta tag's, then UTF-8, then detection. A declared
    charset under which more than 1% of the text would be undecodable is treated as wrong: the text
    is decoded as UTF-8 or as detected, and the false declaration is kept in ``declared``.
    """
    if not data.strip():
        raise NotText("empty file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(codec, errors="replace"), codec, "bom")
    if _looks_binary(data):
        raise NotText("binary data, not a text or HTML page")
    declared, how = None, None
    if header_charset and _codec(header_charset):
        declared, how = header_charset, "header"
    elif (m := META_CHARSET.search(data[:8192])) and _codec(m.group(1).decode("ascii", "replace")):
        declared, how = m.group(1).decode("ascii"), "meta"
    if declared is not None:
        codec = _codec(declared)
        if _bad_share(data, codec) <= 0.01:
            return Decoded(data.decode(codec, errors="replace"), codec, how, declared)
    found = _detect(data)
    if found is None:
        raise NotText("no text encoding fits these bytes")
    codec, how = found
    text = data.decode(codec, errors="replace")
    if text.count("\ufffd") > 0.05 * len(text) or _unprintable_share(text) > 0.05:
        raise NotText("binary data, not a text or HTML page")
    return Decoded(text, codec, how, declared)


def _unprintable_share(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for c in sample if (ord(c) < 32 and c not in "\r\n\t\f") or 0x7F <= ord(c) < 0xA0)
    return bad / max(1, len(sample))
