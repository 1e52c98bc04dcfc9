"""Archived article pages of the configured sources, parsed into documents (latest version per URL)."""

from __future__ import annotations

from dataclasses import dataclass

from govreports.archive import Archive
from govreports.decode import NotText
from govreports.parse import parse_page
from govreports.sources import Source
from govreports.tables import Page


@dataclass(frozen=True)
class ParseFailure:
    source_id: str
    url: str
    sha256: str
    reason: str


def archived_pages(archive: Archive, sources: list[Source]) -> tuple[list[Page], list[ParseFailure]]:
    """Parse the latest archived bytes of every article page of ``sources``; failures are reported."""
    by_id = {s.id: s for s in sources}
    pages, failures = [], []
    for (source_id, url), rec in sorted(archive.latest().items()):
        source = by_id.get(source_id)
        if source is None:
            continue
        try:
            data = archive.read(rec["sha256"])
            docs = parse_page(data, rec["sha256"], source.encoding or rec.get("charset"), source.trust, source.selectors)
        except (NotText, OSError) as exc:
            failures.append(ParseFailure(source_id, url, rec["sha256"], str(exc)))
            continue
        pages.append(Page(source, url, rec["sha256"], docs))
    return pages, failures
