"""Throughput benchmarks (``make bench``): parsing and extraction on the bundled corpus, one core.

Speed is measured here, never in timed unit tests. Each figure is the best of several repeats.
"""

from __future__ import annotations

import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from govreports.extract import extract  # noqa: E402
from govreports.normalize import normalize  # noqa: E402
from govreports.parse import parse_page  # noqa: E402

PAGES = sorted(p for p in (ROOT / "corpus" / "site").rglob("*") if p.is_file() and "index" not in p.name)


def best_of(fn, repeats: int = 9) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> int:
    pages = [(p.read_bytes(), hashlib.sha256(p.read_bytes()).hexdigest()) for p in PAGES]
    page_bytes = sum(len(d) for d, _ in pages)
    docs = [d for data, sha in pages for d in parse_page(data, sha)]
    raw_texts = [d.source_text for d in docs]
    texts = [d.text for d in docs]
    text_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6

    t_parse = best_of(lambda: [parse_page(data, sha) for data, sha in pages])
    t_norm = best_of(lambda: [normalize(t) for t in raw_texts])
    t_extract = best_of(lambda: [extract(t, 2014) for t in texts * 5]) / 5
    t_both = best_of(lambda: [extract(normalize(t).text, 2014) for t in raw_texts])

    print(f"corpus: {len(pages)} pages, {page_bytes / 1e6:.2f} MB of HTML, {len(docs)} documents, {text_mb:.2f} MB of text")
    print(f"parse (decode+HTML+normalise): {len(pages) / t_parse:8.1f} pages/s  {page_bytes / 1e6 / t_parse:6.2f} MB/s")
    print(f"normalise only:                {text_mb / t_norm:8.2f} MB/s of text")
    print(f"extract on normalised text:    {text_mb / t_extract:8.2f} MB/s of text")
    print(f"normalise + extract:           {text_mb / t_both:8.2f} MB/s of text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
