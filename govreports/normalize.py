"""Normalise document text to the one form the extractor reads, keeping a map back to the source.

``Normalized.origin[i]`` is the offset in the source text of normalised character ``i`` (one extra
entry closes the last span), so any extracted span can be pointed back into the page's own text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

SPACES = {" ", "\t", "\xa0", "\u3000", "\u2002", "\u2003", "\u2009", "\u200b", "\ufeff", "\r", "\f", "\v"}


@dataclass(frozen=True)
class Normalized:
    text: str
    origin: tuple[int, ...]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        """The source span that normalised ``text[start:end]`` came from."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


@lru_cache(maxsize=65536)
def _nfkc(ch: str) -> str:
    return unicodedata.normalize("NFKC", ch)


def normalize(source: str) -> Normalized:
    """NFKC per character, whitespace runs collapsed to one space, blank lines to one newline."""
    out: list[str] = []
    origin: list[int] = []
    pending_space = -1  # source offset of a whitespace run not yet emitted
    for i, ch in enumerate(source):
        if ch in SPACES:
            if pending_space < 0:
                pending_space = i
            continue
        if ch == "\n":
            while out and out[-1] == " ":
                out.pop()
                origin.pop()
            if out and out[-1] != "\n":
                out.append("\n")
                origin.append(i)
            pending_space = -1
            continue
        if pending_space >= 0:
            if out and out[-1] != "\n":
                out.append(" ")
                origin.append(pending_space)
            pending_space = -1
        folded = _nfkc(ch) if ord(ch) > 0x7F else ch
        for piece in folded:
            out.append(piece)
            origin.append(i)
    while out and out[-1] in (" ", "\n"):
        out.pop()
        origin.pop()
    origin.append(len(source))
    return Normalized("".join(out), tuple(origin))
