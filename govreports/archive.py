"""The raw archive: page bytes stored once under their sha256, never modified, with fetch metadata.

Layout under the archive root::

    objects/ab/abcdef…            the bytes, write-once (temporary file, fsync, rename; read-only)
    sidecars/ab/abcdef…-<url>.json   first fetch that produced these bytes from that URL
    fetch-log.jsonl               one line per fetch attempt, appended, never rewritten
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from dataclasses import asdict, dataclass
from pathlib import Path


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def url_key(url: str) -> str:
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True)
class FetchRecord:
    """What one fetch attempt did. ``outcome``: new | unchanged | not-modified | skipped | failed | redirect."""

    source_id: str
    url: str
    role: str  # listing | page
    outcome: str
    fetched_at: str
    final_url: str | None = None
    status: int | None = None
    sha256: str | None = None
    bytes: int | None = None
    content_type: str | None = None
    charset: str | None = None  # from the Content-Type header
    encoding: str | None = None  # what the bytes were decoded with (header, BOM, meta or detection)
    headers: dict | None = None
    reason: str | None = None
    new_bytes: bool = False  # these bytes were not in the archive before this fetch
    links_found: int | None = None  # listing pages: article links found on them
    warning: str | None = None  # e.g. drift: a listing page that used to yield links yields none


def atomic_write(path: Path, data: bytes, mode: int = 0o644) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same directory, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Archive:
    def __init__(self, root: str | Path):
        self.root = Path(root)
        self.log_path = self.root / "fetch-log.jsonl"
        self._log_lock = threading.Lock()

    def object_path(self, digest: str) -> Path:
        return self.root / "objects" / digest[:2] / digest

    def has(self, digest: str) -> bool:
        return self.object_path(digest).exists()

    def read(self, digest: str) -> bytes:
        return self.object_path(digest).read_bytes()

    def store(self, data: bytes) -> tuple[str, bool]:
        """Store bytes once; returns (sha256, whether they were new to the archive)."""
        digest = sha256(data)
        path = self.object_path(digest)
        if path.exists():
            return digest, False
        atomic_write(path, data, mode=0o444)
        return digest, True

    def write_sidecar(self, record: FetchRecord) -> None:
        path = self.root / "sidecars" / record.sha256[:2] / f"{record.sha256}-{url_key(record.url)}.json"
        if not path.exists():
            atomic_write(path, json.dumps(asdict(record), ensure_ascii=False, indent=1).encode("utf-8"))

    def sidecar(self, digest: str, url: str) -> dict | None:
        path = self.root / "sidecars" / digest[:2] / f"{digest}-{url_key(url)}.json"
        return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None

    def log(self, records: list[FetchRecord]) -> None:
        if not records:
            return
        self.root.mkdir(parents=True, exist_ok=True)
        with self._log_lock:
            self._append(records)

    def _append(self, records: list[FetchRecord]) -> None:
        with open(self.log_path, "a+b") as f:
            f.seek(0, os.SEEK_END)
            if f.tell():
                f.seek(-1, os.SEEK_END)
                torn = f.read(1) != b"\n"  # a crash cut the last line: start ours on a fresh line
            else:
                torn = False
        with open(self.log_path, "a", encoding="utf-8") as f:
            if torn:
                f.write("\n")
            for r in records:
                f.write(json.dumps(asdict(r), ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())

    def history(self) -> list[dict]:
        if not self.log_path.exists():
            return []
        out = []
        with open(self.log_path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    try:
                        out.append(json.loads(line))
                    except json.JSONDecodeError:
                        continue  # a torn last line from a crash: earlier lines stay valid
        return out

    def latest(self) -> dict[tuple[str, str], dict]:
        """(source_id, url) → the latest fetch of an article page that stored bytes."""
        out = {}
        for rec in self.history():
            if rec.get("role") == "page" and rec.get("sha256") and rec.get("outcome") in ("new", "unchanged"):
                out[(rec["source_id"], rec["url"])] = rec
        return out

    def verify(self) -> tuple[int, list[str]]:
        """(objects checked, problems): objects whose bytes no longer hash to their name, and objects
        the fetch log or a sidecar refers to that are missing."""
        problems, checked = [], 0
        for path in sorted((self.root / "objects").glob("*/*")):
            if path.name.startswith("."):
                problems.append(f"leftover temporary file {path}")
                continue
            checked += 1
            h = hashlib.sha256()
            with open(path, "rb") as f:
                for chunk in iter(lambda: f.read(1 << 20), b""):
                    h.update(chunk)
            if h.hexdigest() != path.name:
                problems.append(f"altered: {path} hashes to {h.hexdigest()}")
        referenced = {r["sha256"]: r["url"] for r in self.history() if r.get("sha256")}
        for path in (self.root / "sidecars").glob("*/*.json"):
            referenced.setdefault(path.name[:64], path.name)
        for digest, url in sorted(referenced.items()):
            if not self.has(digest):
                problems.append(f"missing: {digest} (fetched from {url})")
        return checked, problems
