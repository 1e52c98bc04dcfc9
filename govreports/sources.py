"""``sources.yaml``: the sites the pipeline follows, validated on load with one-line errors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from govreports.catalog import TRUST_LEVELS

ID = re.compile(r"^[a-z0-9-]+$")
REGION = re.compile(r"^\d{6}$")


class SourceError(ValueError):
    """sources.yaml is missing, unreadable or invalid."""


@dataclass(frozen=True)
class Source:
    id: str
    region: str
    name: str
    trust: str
    start_urls: tuple[str, ...]
    link_pattern: str
    next_page_pattern: str | None = None
    max_pages: int = 10
    encoding: str | None = None
    selectors: dict = field(default_factory=dict)
    enabled: bool = True
    min_interval_s: float = 1.0  # politeness: at least this long between requests to one host
    timeout_s: float = 30.0  # read timeout of one request

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset(urlsplit(u).netloc.lower() for u in self.start_urls)


def _resolve(url: str, base: Path) -> str:
    """Absolute URL; ``file:relative/path`` and bare paths are taken relative to sources.yaml."""
    if url.startswith(("http://", "https://", "file:///")):
        return url
    path = url[len("file:") :] if url.startswith("file:") else url
    return (base / path).resolve().as_uri()


def load_sources(path: str | Path, only: list[str] | None = None, include_disabled: bool = False) -> list[Source]:
    """Sources from a YAML file, enabled ones only unless named in ``only``."""
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SourceError(f"{path}: no such sources file") from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise SourceError(f"{path}: cannot read sources: {str(exc).splitlines()[0]}") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("sources"), list):
        raise SourceError(f"{path}: expected a mapping with a 'sources' list")
    out, seen = [], set()
    for i, entry in enumerate(raw["sources"]):
        where = f"{path}: sources[{i}]"
        if not isinstance(entry, dict):
            raise SourceError(f"{where}: expected a mapping")
        missing = [k for k in ("id", "region", "name", "trust", "start_urls", "link_pattern") if k not in entry]
        if missing:
            raise SourceError(f"{where}: missing {', '.join(missing)}")
        sid = str(entry["id"])
        if not ID.match(sid) or sid in seen:
            raise SourceError(f"{where}: id {sid!r} must be unique and match [a-z0-9-]+")
        seen.add(sid)
        if not REGION.match(str(entry["region"])):
            raise SourceError(f"{where}: region {entry['region']!r} is not a 6-digit GB/T 2260 code")
        if entry["trust"] not in TRUST_LEVELS:
            raise SourceError(f"{where}: trust must be one of {', '.join(TRUST_LEVELS)}")
        urls = entry["start_urls"]
        if not isinstance(urls, list) or not urls:
            raise SourceError(f"{where}: start_urls must be a non-empty list")
        for key in ("link_pattern", "next_page_pattern"):
            if entry.get(key) is not None:
                try:
                    re.compile(entry[key])
                except re.error as exc:
                    raise SourceError(f"{where}: {key} is not a valid regex: {exc}") from None
        source = Source(
            id=sid,
            region=str(entry["region"]),
            name=str(entry["name"]),
            trust=entry["trust"],
            start_urls=tuple(_resolve(str(u), path.parent) for u in urls),
            link_pattern=entry["link_pattern"],
            next_page_pattern=entry.get("next_page_pattern"),
            max_pages=int(entry.get("max_pages", 10)),
            encoding=entry.get("encoding"),
            selectors={k: entry[k] for k in ("title", "date", "body") if entry.get(k)},
            enabled=bool(entry.get("enabled", True)),
            min_interval_s=float(entry.get("min_interval_s", 1.0)),
            timeout_s=float(entry.get("timeout_s", 30.0)),
        )
        for u in source.start_urls:
            if urlsplit(u).scheme not in ("http", "https", "file"):
                raise SourceError(f"{where}: start URL {u!r} is not http, https or file")
        if only is not None:
            if sid in only:
                out.append(source)
        elif source.enabled or include_disabled:
            out.append(source)
    if only:
        unknown = sorted(set(only) - {s.id for s in out})
        if unknown:
            raise SourceError(f"{path}: unknown source id(s): {', '.join(unknown)}")
    return out
