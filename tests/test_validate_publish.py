"""The real corpus validates cleanly; the panel resolves vintages; publishing is atomic and reproducible."""

import json

import polars as pl
import pytest

from govreports import tables
from govreports.publish import publish
from validators.quarantine import validate_observations
from validators.schemas import documents_schema, panel_schema


@pytest.fixture(scope="module")
def built(corpus_tables):
    return corpus_tables


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
