"""The ``run`` flow: fetch → archive → parse → extract → validate → publish, one coarse task per stage."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

import polars as pl
from prefect import flow, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from govreports import tables
from govreports.archive import Archive, FetchRecord
from govreports.crawl import crawl_all
from govreports.fetch import session
from govreports.pages import ParseFailure, archived_pages
from govreports.publish import publish
from govreports.sources import Source, load_sources
from validators import report
from validators.quarantine import Validated, validate_observations
from validators.schemas import documents_schema, panel_schema, published_observations_schema, quarantine_schema


class NothingToPublish(RuntimeError):
    """No page of any source is available: the run publishes nothing."""


@dataclass
class Summary:
    pages_new: int = 0
    pages_unchanged: int = 0
    pages_failed: int = 0
    archived_new_files: int = 0
    documents: int = 0
    duplicates: int = 0
    observations: int = 0
    quarantined: int = 0
    panel_rows: int = 0
    warned: int = 0
    revisions: int = 0
    listings_not_modified: int = 0
    failures: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    curated_dir: str = ""
    raw_dir: str = ""

    def lines(self) -> list[str]:
        changed = [k for k, v in self.outputs.items() if v != "unchanged"]
        out = [
            f"pages: {self.pages_new} new, {self.pages_unchanged} unchanged, {self.pages_failed} failed"
            f" · listings not modified (304): {self.listings_not_modified}"
            f" · archive: {self.archived_new_files} new file(s) in {self.raw_dir}",
            f"documents: {self.documents} ({self.duplicates} duplicates) · observations: {self.observations}"
            f" published ({self.warned} with warnings), {self.quarantined} quarantined · panel: {self.panel_rows} rows,"
            f" {self.revisions} revisions between vintages",
            f"curated: {self.curated_dir} (quality report: {self.curated_dir}/report.html) — "
            + ("identical to the previous publish (nothing changed)" if not changed else "updated " + ", ".join(changed)),
        ]
        out += [f"warning: {w}" for w in self.warnings]
        out += [f"failed: {f}" for f in self.failures]
        return out


@task(name="fetch-and-archive", cache_policy=NO_CACHE, retries=1, retry_delay_seconds=5)
def fetch_and_archive(sources: list[Source], raw_dir: str, refetch: bool, concurrency: int) -> list[FetchRecord]:
    return crawl_all(sources, Archive(raw_dir), session(), refetch=refetch, concurrency=concurrency)


@task(name="parse", cache_policy=NO_CACHE)
def parse(sources: list[Source], raw_dir: str) -> tuple[list[tables.Page], list[ParseFailure]]:
    return archived_pages(Archive(raw_dir), sources)


@task(name="extract", cache_policy=NO_CACHE)
def extract(pages: list[tables.Page]) -> tuple[pl.DataFrame, pl.DataFrame]:
    return tables.build(pages)


@task(name="validate", cache_policy=NO_CACHE)
def validate(documents: pl.DataFrame, observations: pl.DataFrame) -> tuple[Validated, pl.DataFrame, pl.DataFrame]:
    documents_schema().validate(documents)
    checked = validate_observations(observations)
    published_observations_schema().validate(checked.observations)
    quarantine_schema().validate(checked.quarantine)
    panel = tables.panel(checked.observations)
    panel_schema().validate(panel)
    return checked, panel, tables.revisions(checked.observations)


@task(name="publish", cache_policy=NO_CACHE, retries=2, retry_delay_seconds=2)
def write(curated_dir: str, frames: dict[str, pl.DataFrame], report_html: str) -> dict[str, str]:
    return publish(curated_dir, frames, {"report.html": report_html})


@flow(name="district-reports", log_prints=False)
def run_pipeline(sources_path: str = "sources.yaml", raw_dir: str = "raw", curated_dir: str = "curated",
                 source_ids: list[str] | None = None, refetch: bool = False, concurrency: int = 4) -> dict:
    """The whole pipeline over the enabled sources (or the named ones). Returns the run summary."""
    sources = load_sources(sources_path, only=source_ids or None)
    summary = Summary(raw_dir=str(Path(raw_dir)), curated_dir=str(Path(curated_dir)))
    records = fetch_and_archive(sources, raw_dir, refetch, concurrency)
    summary.warnings = [f"{r.source_id} {r.warning}" for r in records if r.warning]
    summary.listings_not_modified = sum(r.role == "listing" and r.outcome == "not-modified" for r in records)
    for r in records:
        if r.role == "page":
            summary.pages_new += r.outcome == "new"
            summary.pages_unchanged += r.outcome == "unchanged"
            summary.pages_failed += r.outcome in ("failed", "skipped")
        if r.outcome in ("failed", "skipped"):
            summary.failures.append(f"{r.source_id} {r.role} {r.url}: {r.reason}")
    summary.archived_new_files = len({r.sha256 for r in records if r.new_bytes})
    pages, parse_failures = parse(sources, raw_dir)
    summary.failures += [f"{f.source_id} parse {f.url}: {f.reason}" for f in parse_failures]
    if not pages:
        raise NothingToPublish("no archived page could be parsed: " + ("; ".join(summary.failures) or "no pages found"))
    documents, observations = extract(pages)
    checked, panel, revisions = validate(documents, observations)
    page = report.html(checked, observations, panel, revisions, "Data quality — district government reports")
    summary.outputs = write(curated_dir, {
        "observations": checked.observations, "panel": panel, "documents": documents, "quarantine": checked.quarantine,
    }, page)
    summary.warned = checked.observations.filter(pl.col("flags").list.len() > 0).height
    summary.revisions = revisions.height
    summary.documents = documents.height
    summary.duplicates = documents.filter(pl.col("duplicate_of").is_not_null()).height
    summary.observations = checked.observations.height
    summary.quarantined = checked.quarantine.height
    summary.panel_rows = panel.height
    create_markdown_artifact(
        key="run-summary", markdown="\n".join(f"- {line}" for line in summary.lines()), description="Pipeline run summary"
    )
    create_markdown_artifact(key="data-quality", markdown=report.markdown(checked, panel, revisions),
                             description=f"Checks run on {observations.height} observations; full report: {curated_dir}/report.html")
    return asdict(summary)
