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
    how: str  # header | bom | meta | utf-8 | detected


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


def decode(data: bytes, header_charset: str | None = None) -> Decoded:
    """Decode page bytes; raise ``NotText`` for binary or undecodable input."""
    if not data.strip():
        raise NotText("empty file")
    for bom, codec in BOMS:
        if data.startswith(bom):
            return Decoded(data.decode(codec, errors="replace"), codec, "bom")
    if _looks_binary(data):
        raise NotText("binary data, not a text or HTML page")
    if header_charset and (codec := _codec(header_charset)):
        return Decoded(data.decode(codec, errors="replace"), codec, "header")
    m = META_CHARSET.search(data[:8192])
    if m and (codec := _codec(m.group(1).decode("ascii", "replace"))):
        return Decoded(data.decode(codec, errors="replace"), codec, "meta")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", "utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise NotText("no text encoding fits these bytes")
    codec = _codec(best.encoding) or best.encoding
    return Decoded(data.decode(codec, errors="replace"), codec, "detected")
