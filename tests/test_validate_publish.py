"""Validation quarantines planted errors with their reasons; publishing is atomic and reproducible."""

import json

import polars as pl
import pytest

from conftest import MIRROR_PAGE, NEWS_PAGE, NOTICE_PAGE, ROOT, parsed
from govreports import tables
from govreports.publish import publish
from govreports.sources import load_sources
from validators.quarantine import validate_observations
from validators.schemas import documents_schema, panel_schema


@pytest.fixture(scope="module")
def built():
    by_id = {s.id: s for s in load_sources(ROOT / "sources.yaml")}
    pages = []
    for sid, path in (("luohu-gov", NOTICE_PAGE), ("luohu-news", NEWS_PAGE), ("luohu-invest-mirror", MIRROR_PAGE)):
        docs = parsed(path, by_id[sid].trust)
        pages.append(tables.Page(by_id[sid], path.as_uri(), docs[0].doc_id.split("-")[0] + "0" * 48, docs))
    return tables.build(pages)


def test_real_corpus_passes_and_duplicate_report_adds_nothing(built):
    documents, observations = built
    documents_schema().validate(documents)
    checked = validate_observations(observations)
    assert checked.quarantine.height == 0 and checked.observations.height == observations.height
    dup = documents.filter(pl.col("duplicate_of").is_not_null())
    assert dup.height == 1 and dup["title"][0] == "【罗湖区招商引资】2013年深圳市罗湖区政府工作报告"
    assert dup["n_observations"][0] == 0
    gdp_2012 = observations.filter(indicator="gdp", measure="level", year=2012)
    assert sorted(gdp_2012["value"].to_list()) == [1300.0, 1359.0]  # once per distinct document


def test_planted_errors_are_quarantined_with_reasons(built):
    _, observations = built
    planted = observations.with_row_index("i").with_columns(
        unit=pl.when(pl.col("i") == 0).then(pl.lit("CNY")).otherwise(pl.col("unit")),
        value=pl.when(pl.col("i") == 1).then(pl.lit(1e7)).otherwise(pl.col("value")),
        year=pl.when(pl.col("i") == 2).then(pl.lit(1950, pl.Int32)).otherwise(pl.col("year")),
    ).drop("i")
    checked = validate_observations(planted)
    q = checked.quarantine
    assert q.height == 3 and checked.observations.height == observations.height - 3
    reasons = dict(zip(q["obs_id"].to_list(), q["failed_checks"].to_list()))
    ids = observations["obs_id"].to_list()
    assert "unit_matches_catalog" in reasons[ids[0]]
    assert "value_in_plausible_range" in reasons[ids[1]]
    assert "year_plausible_for_document" in reasons[ids[2]]
    assert all(len(r) >= 1 for r in q["reasons"].to_list())


def test_panel_prefers_actual_over_preliminary(built):
    _, observations = built
    panel = tables.panel(validate_observations(observations).observations)
    panel_schema().validate(panel)
    row = panel.filter(indicator="gdp", measure="level", year=2012, basis="outcome").row(0, named=True)
    assert (row["value"], row["status"], row["n_observations"], row["n_distinct_values"]) == (1359.0, "actual", 2, 2)


def test_publish_writes_reproducible_files_and_a_datapackage(built, tmp_path):
    documents, observations = built
    frames = {"observations": observations, "documents": documents}
    assert publish(tmp_path, frames) == {"observations": "new", "documents": "new"}
    first = (tmp_path / "observations.parquet").read_bytes()
    assert publish(tmp_path, frames) == {"observations": "unchanged", "documents": "unchanged"}
    assert (tmp_path / "observations.parquet").read_bytes() == first
    package = json.loads((tmp_path / "datapackage.json").read_text())
    import hashlib

    for res in package["resources"]:
        data = (tmp_path / res["path"]).read_bytes()
        assert res["hash"] == "sha256:" + hashlib.sha256(data).hexdigest() and res["bytes"] == len(data)
    fields = {f["name"]: f for f in next(r for r in package["resources"] if r["name"] == "observations")["schema"]["fields"]}
    assert fields["value"]["type"] == "number" and fields["published"]["type"] == "date"
    assert {i["id"] for i in package["indicators"]} >= {"gdp", "retail_sales", "pm25"}
    assert not list(tmp_path.glob(".*.tmp"))
    assert pl.read_parquet(tmp_path / "observations.parquet").equals(observations)
