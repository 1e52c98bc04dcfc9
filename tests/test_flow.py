"""The Prefect flow end to end on the bundled corpus, re-runs that change nothing, and the command line."""

import hashlib
import json
import os
import subprocess
import sys

import polars as pl
import pytest
from conftest import MIRROR_PAGE, ROOT, write_sources

pytestmark = pytest.mark.flow


def run(tmp_path, **kw):
    from flows.pipeline import run_pipeline

    return run_pipeline(
        sources_path=str(write_sources(tmp_path / "sources.yaml")),
        raw_dir=str(tmp_path / "raw"), curated_dir=str(tmp_path / "curated"), **kw,
    )


def objects(raw):
    return sorted(p.name for p in (raw / "objects").glob("*/*"))


def test_run_publishes_gdp_2013_with_provenance_then_rerun_changes_nothing(prefect_api, tmp_path):
    first = run(tmp_path)
    assert (first["pages_new"], first["pages_failed"], first["archived_new_files"]) == (3, 0, 6)
    assert first["documents"] == 10 and first["duplicates"] == 1 and first["observations"] > 50
    curated = tmp_path / "curated"
    obs = pl.read_parquet(curated / "observations.parquet")
    docs = pl.read_parquet(curated / "documents.parquet")
    gdp = obs.filter(indicator="gdp", measure="level", year=2013).row(0, named=True)
    assert (gdp["value"], gdp["unit"], gdp["region"], gdp["status"]) == (1488.0, "CNY_100M", "440303", "preliminary")
    assert gdp["source_url"] == MIRROR_PAGE.as_uri()
    assert gdp["archived_sha256"] == hashlib.sha256(MIRROR_PAGE.read_bytes()).hexdigest()
    assert (tmp_path / "raw" / "objects" / gdp["archived_sha256"][:2] / gdp["archived_sha256"]).read_bytes() == MIRROR_PAGE.read_bytes()
    text = docs.filter(doc_id=gdp["doc_id"])["text"][0]
    assert text[gdp["char_start"] : gdp["char_end"]] == "本区生产总值完成1488亿元"
    assert gdp["text"] in text and str(gdp["published"]) == "2014-01-16"
    files = {p.name: p.read_bytes() for p in curated.iterdir()}
    assert set(files) == {"observations.parquet", "panel.parquet", "documents.parquet", "quarantine.parquet", "datapackage.json",
                          "report.html"}
    panel = pl.read_parquet(curated / "panel.parquet")
    gdp_2012 = panel.filter(indicator="gdp", measure="level", year=2012, basis="outcome").row(0, named=True)
    assert (gdp_2012["value"], gdp_2012["revised"], gdp_2012["first_value"]) == (1359.0, True, 1300.0)
    report = files["report.html"].decode("utf-8")
    assert "Revisions between vintages" in report and "<svg" in report
    before = objects(tmp_path / "raw")

    second = run(tmp_path)
    assert (second["pages_new"], second["pages_unchanged"], second["archived_new_files"]) == (0, 3, 0)
    assert set(second["outputs"].values()) == {"unchanged"}
    assert objects(tmp_path / "raw") == before
    assert {p.name: p.read_bytes() for p in curated.iterdir()} == files
    log = [json.loads(line) for line in (tmp_path / "raw" / "fetch-log.jsonl").read_text().splitlines()]
    assert sum(r["role"] == "page" and r["reason"] == "already archived (not downloaded again)" for r in log) == 3


def test_cli_run_without_a_server_uses_an_ephemeral_api(tmp_path):
    sources = write_sources(tmp_path / "sources.yaml")
    args = [sys.executable, "-m", "flows", "run", "--sources", str(sources), "--raw-dir", str(tmp_path / "raw"),
            "--curated-dir", str(tmp_path / "curated"), "--source", "luohu-news"]
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"} | {"PREFECT_HOME": str(tmp_path / "prefect")}
    done = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "pages: 1 new, 0 unchanged, 0 failed" in done.stdout
    assert pl.read_parquet(tmp_path / "curated" / "observations.parquet")["source_id"].unique().to_list() == ["luohu-news"]


def test_cli_run_with_bad_sources_fails_fast_with_one_line(tmp_path):
    bad = tmp_path / "sources.yaml"
    bad.write_text("sources:\n  - id: x\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "flows", "run", "--sources", str(bad)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "missing" in done.stderr


def test_cli_run_with_an_unwritable_output_fails_fast_with_one_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "flows", "run", "--curated-dir", "/proc/no-such-dir"], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1 and done.stderr == "error: No such file or directory: /proc/no-such-dir\n"
