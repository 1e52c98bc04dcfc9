"""The data-quality report of a run: Markdown for the Prefect artifact, a self-contained HTML page for people.

The HTML has no scripts, fonts or images from elsewhere: charts are inline SVG, so it opens from disk
in any browser with no server and no network.
"""

from __future__ import annotations

from html import escape

import polars as pl

from govreports.catalog import BY_ID
from validators.quarantine import Validated
from validators.rules import RULES, own_unit

STYLE = """body{font-family:system-ui,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;margin:2em;max-width:80em;color:#222}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}
th{background:#f3f3f3}.error{color:#a00}.warn{color:#a60}.ok{color:#070}.num{text-align:right}
.charts{display:flex;flex-wrap:wrap;gap:1em}.chart{border:1px solid #ddd;padding:.5em;display:flex;flex-direction:column;width:340px}
small{color:#666}"""


def _table(df: pl.DataFrame, columns: list[str] | None = None) -> str:
    columns = columns or df.columns
    head = "".join(f"<th>{escape(c)}</th>" for c in columns)
    rows = []
    for row in df.select(columns).iter_rows():
        cells = []
        for v in row:
            text = "; ".join(map(str, v)) if isinstance(v, list) else ("" if v is None else str(v))
            cls = ' class="num"' if isinstance(v, (int, float)) else ""
            cells.append(f"<td{cls}>{escape(text)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>" if rows else "<p><small>none</small></p>"


def _chart(indicator: str, series: pl.DataFrame) -> str:
    """Inline SVG: outcome levels (line) and targets (hollow points) of one indicator over the years."""
    w, h, pad = 320, 170, 48
    years = series["year"].to_list()
    values = series["value"].to_list()
    y0, y1 = min(years), max(years)
    v0, v1 = min(values), max(values)
    if v0 == v1:
        v0, v1 = v0 - 1, v1 + 1
    if y0 == y1:
        y0, y1 = y0 - 1, y1 + 1

    def xy(year: int, value: float) -> tuple[float, float]:
        return (pad + (year - y0) / (y1 - y0) * (w - 2 * pad), h - pad - (value - v0) / (v1 - v0) * (h - 2 * pad))

    outcome = series.filter(pl.col("basis") == "outcome").sort("year")
    target = series.filter(pl.col("basis") == "target").sort("year")
    line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(r["year"], r["value"]) for r in outcome.iter_rows(named=True)))
    dots = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#2a6"><title>{r["year"]}: {r["value"]} ({r["status"]})</title></circle>'
                   for r in outcome.iter_rows(named=True) for x, y in [xy(r["year"], r["value"])])
    rings = "".join(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="none" stroke="#c60" stroke-width="1.5"><title>target {r["year"]}: '
                    f'{r["value"]}</title></circle>' for r in target.iter_rows(named=True) for x, y in [xy(r["year"], r["value"])])
    unit = BY_ID[indicator].unit
    axes = (f'<line x1="{pad}" y1="{h - pad}" x2="{w - pad}" y2="{h - pad}" stroke="#999"/>'
            f'<text x="{pad}" y="{h - 8}" font-size="10">{y0}</text><text x="{w - pad - 24}" y="{h - 8}" font-size="10">{y1}</text>'
            f'<text x="2" y="{pad - 8}" font-size="10">{v1:g}</text><text x="2" y="{h - pad}" font-size="10">{v0:g}</text>')
    poly = f'<polyline points="{line}" fill="none" stroke="#2a6" stroke-width="1.5"/>' if len(outcome) > 1 else ""
    return (f'<div class="chart"><b>{escape(indicator)}</b> <small>level, {escape(unit)} · line: outcomes · rings: targets</small>'
            f'<svg width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" aria-label="{escape(indicator)}">{axes}{poly}{dots}{rings}</svg></div>')


def _disagreements(validated: Validated, observations: pl.DataFrame) -> pl.DataFrame:
    names = [r.name for r in RULES if r.name.startswith("disagrees")]
    rows = validated.failures.filter(pl.col("check").is_in(names))
    if not rows.height:
        return pl.DataFrame()
    return rows.join(observations.with_row_index("index").with_columns(pl.col("index").cast(pl.Int64)), on="index").select(
        "indicator", "measure", "year", "value", "source_id", "published", "severity", "reason")


def markdown(validated: Validated, panel: pl.DataFrame, revisions: pl.DataFrame) -> str:
    lines = ["| check | severity | failed rows |", "|---|---|---|"]
    lines += [f"| {r['check']} | {r['severity']} | {r['failed_rows']} |" for r in validated.checks.iter_rows(named=True)]
    return (f"**{validated.observations.height}** observations published, **{validated.quarantine.height}** quarantined, "
            f"**{panel.height}** panel rows, **{revisions.height}** revisions between vintages.\n\n" + "\n".join(lines))


def html(validated: Validated, observations: pl.DataFrame, panel: pl.DataFrame, revisions: pl.DataFrame, title: str) -> str:
    """The whole report as one HTML page."""
    checks = validated.checks.with_columns(
        result=pl.when(pl.col("failed_rows") == 0).then(pl.lit("passed")).otherwise(pl.col("severity").replace({"error": "failed", "warn": "warned"})))
    reasons = {r.name: r.reason for r in RULES}
    check_rows = "".join(
        f'<tr><td>{escape(r["check"])}</td><td>{r["severity"]}</td><td class="{"ok" if r["failed_rows"] == 0 else r["severity"]}">'
        f'{r["result"]}</td><td class="num">{r["failed_rows"]}</td><td>{escape(reasons.get(r["check"], ""))}</td></tr>'
        for r in checks.iter_rows(named=True))
    counts = checks.group_by("result").len()
    summary = ", ".join(f"{n} {res}" for res, n in sorted(counts.iter_rows()))
    flagged = validated.observations.filter(pl.col("flags").list.len() > 0)
    levels = panel.filter((pl.col("measure") == "level") & (pl.col("unit") == own_unit()))  # one currency per chart
    charts = "".join(_chart(ind, levels.filter(pl.col("indicator") == ind)) for ind in sorted(levels["indicator"].unique().to_list()))
    disagree = _disagreements(validated, observations)
    q_cols = ["indicator", "measure", "year", "status", "value", "unit", "source_id", "source_url", "text", "reasons"]
    return f"""<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>{escape(title)}</title><style>{STYLE}</style></head><body>
<h1>{escape(title)}</h1>
<p>{validated.observations.height} observations published ({flagged.height} with warnings), {validated.quarantine.height} quarantined,
{panel.height} panel rows, {revisions.height} revisions between vintages. Checks: {summary}.</p>
<h2>Checks</h2>
<table><tr><th>check</th><th>severity</th><th>result</th><th>rows</th><th>what it means</th></tr>{check_rows}</table>
<h2>Quarantined rows</h2>{_table(validated.quarantine, q_cols)}
<h2>Published with warnings</h2>{_table(flagged, ["indicator", "measure", "year", "status", "value", "unit", "source_id", "text", "flags"])}
<h2>Revisions between vintages</h2>
<p><small>An earlier document stated a value that a later (or firmer) one revised; the panel publishes the later one and keeps the first in <code>first_value</code>.</small></p>
{_table(revisions, ["indicator", "measure", "year", "value", "status", "published", "source_id", "final_value", "final_status", "final_published", "final_source"])}
<h2>Sources disagreeing</h2>{_table(disagree) if disagree.height else "<p><small>none</small></p>"}
<h2 id="charts">Outcomes and targets over the years</h2><div class="charts">{charts}</div>
</body></html>
"""
