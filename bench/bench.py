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

import tempfile  # noqa: E402
import threading  # noqa: E402
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer  # noqa: E402

from govreports.archive import Archive  # noqa: E402
from govreports.crawl import crawl  # noqa: E402
from govreports.extract import extract  # noqa: E402
from govreports.fetch import Policy, session  # noqa: E402
from govreports.normalize import normalize  # noqa: E402
from govreports.parse import parse_page  # noqa: E402
from govreports.sources import Source  # noqa: E402

PAGES = sorted(p for p in (ROOT / "corpus" / "site").rglob("*") if p.is_file() and "index" not in p.name)


def best_of(fn, repeats: int = 9) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def fetch_bench(n_pages: int = 300) -> None:
    """Crawl a loopback site of ``n_pages`` real-sized pages with the rate limit off."""
    page = (ROOT / "corpus/site/www.szlh.gov.cn/xxgk/zcfg/content/post_2318743.html").read_bytes()
    listing = ("<html><body>" + "".join(f'<a href="post_{i}.html">{i}</a>' for i in range(n_pages)) + "</body></html>").encode()

    class Site(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path.endswith("index.html"):
                body = listing
            elif "post_" in self.path:
                body = page + self.path.encode()  # distinct bytes per page
            else:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    source = Source(id="bench", region="440303", name="罗湖区", trust="official", start_urls=(base + "/index.html",),
                    link_pattern=r"post_\d+\.html$", min_interval_s=0)
    with tempfile.TemporaryDirectory() as tmp:
        archive = Archive(tmp)
        t0 = time.perf_counter()
        records = crawl(source, archive, session(), policy=Policy(min_interval_s=0))
        first = time.perf_counter() - t0
        fetched = [r for r in records if r.role == "page" and r.outcome == "new"]
        mb = sum(r.bytes for r in fetched) / 1e6
        t0 = time.perf_counter()
        crawl(source, archive, session(), policy=Policy(min_interval_s=0))
        second = time.perf_counter() - t0
    server.shutdown()
    print(f"fetch+archive (loopback, rate limit off): {len(fetched) / first:8.1f} pages/s  {mb / first:6.2f} MB/s"
          f"  ({len(fetched)} pages, {mb:.1f} MB in {first:.2f} s)")
    print(f"re-crawl of the unchanged site:           {second:8.2f} s (listing page only, nothing archived)")


def validation_bench(n_rows: int = 1_000_000) -> None:
    """Validate a million observation rows: Pandera schemas (all checks) next to the same rules as plain Polars."""
    import polars as pl

    from govreports import tables
    from govreports.parse import parse_page as parse
    from govreports.sources import load_sources
    from validators.quarantine import validate_observations
    from validators.rules import ROW_EXPRESSIONS, RULES, prepared
    from validators.schemas import observations_schema

    by_id = {s.id: s for s in load_sources(ROOT / "sources.yaml")}
    pages = []
    for sid, rel in (("luohu-news", "lhnews/lhxw/2013-08/29/content_8442317.htm"),
                     ("luohu-invest-mirror", "invest-luohu/zhaoshang/news_97.html"),
                     ("luohu-gov", "www.szlh.gov.cn/xxgk/zcfg/content/post_2318743.html")):
        data = (ROOT / "corpus" / "site" / rel).read_bytes()
        sha = hashlib.sha256(data).hexdigest()
        pages.append(tables.Page(by_id[sid], rel, sha, parse(data, sha, trust=by_id[sid].trust)))
    base = tables.build(pages)[1]
    copies = -(-n_rows // base.height)
    big = pl.concat([base] * copies).head(n_rows).with_row_index("_n").with_columns(
        region=(440000 + pl.col("_n") // base.height % 9999 + 1).cast(pl.String),  # one district per copy
        obs_id=pl.concat_str(pl.col("obs_id"), pl.lit("-"), pl.col("_n").cast(pl.String)),
    ).drop("_n")
    row_rules = [r for r in RULES if r.name in ROW_EXPRESSIONS]
    lf = big.lazy()

    def polars(rules):
        return lambda: pl.concat([r.check(lf).select(pl.first().alias(r.name)) for r in rules], how="horizontal").collect()

    row_schema = observations_schema()
    row_schema.checks = [c for c in row_schema.checks if c.name in ROW_EXPRESSIONS]
    t_row_pa = best_of(lambda: row_schema.validate(big, lazy=True), 3)
    t_row_pl = best_of(polars(row_rules), 3)
    t0 = time.perf_counter()
    with prepared(big):
        t_prepare = time.perf_counter() - t0
        t_all_pl = best_of(polars(RULES), 1)
    t0 = time.perf_counter()
    checked = validate_observations(big)
    t_all_pa = time.perf_counter() - t0
    print(f"validation of {big.height:,} observation rows (2-core machine, Polars on both cores):")
    print(f"  column checks + {len(row_rules)} row rules:   Pandera {t_row_pa:6.2f} s   plain Polars {t_row_pl:6.2f} s")
    print(f"  all {len(RULES)} rules, shared tables prepared once ({t_prepare:.2f} s): "
          f"plain Polars {t_all_pl:6.2f} s + prepare;  Pandera end to end incl. reasons and quarantine split {t_all_pa:6.2f} s")
    print(f"  ({checked.quarantine.height} quarantined, {checked.observations.filter(pl.col('flags').list.len() > 0).height} flagged)")


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
    scaling_bench()
    corpus_bench()
    fetch_bench()
    validation_bench()
    return 0


def scaling_bench() -> None:
    """No input makes extraction superlinear: n repeats of one sentence, and one sentence of n statements."""
    for label, unit, head in (("sentences", "本区生产总值完成1488亿元,同比增长9.2%。", "各位代表:\n一、2013年工作回顾\n"),
                              ("statements in one sentence", "地区生产总值增长5%", "各位代表:\n一、2013年工作回顾\n")):
        times = {n: best_of(lambda n=n: extract(head + unit * n, 2014), repeats=3) for n in (20_000, 50_000)}
        print(f"extract {label}: 20,000 in {times[20_000]:.2f} s, 50,000 in {times[50_000]:.2f} s "
              f"(×{times[50_000] / times[20_000]:.2f} for ×2.5 the input)")


def corpus_bench(n_reports: int = 300) -> None:
    """Extraction speed on real reports of other regions (../shared/corpus), when it is there."""
    from evaluation.reports import corpus_dir, manifest

    corpus = corpus_dir()
    if corpus is None:
        print("corpus: ../shared/corpus absent, real-report extraction speed not measured")
        return
    texts = [normalize((corpus / e.file).read_text(encoding="utf-8")).text for e in manifest(corpus)[:n_reports]]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t = best_of(lambda: [extract(x, 2014) for x in texts], repeats=3)
    print(f"extract on {len(texts)} real reports: {mb / t:8.2f} MB/s of normalised text ({mb:.1f} MB)")


if __name__ == "__main__":
    sys.exit(main())
