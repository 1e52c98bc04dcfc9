"""``python -m flows extract``: observations of local files as JSON lines; clear one-line errors."""

import json
import subprocess
import sys

from conftest import MIRROR_PAGE, NEWS_PAGE, ROOT


def extract(*args):
    return subprocess.run([sys.executable, "-m", "flows", "extract", *map(str, args)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_jsonl_has_the_contract_fields_and_no_prefect():
    code = (
        "import sys, runpy; sys.argv=['flows','extract',%r];"
        "import flows.__main__ as m; rc=m.main(sys.argv[1:]); assert 'prefect' not in sys.modules; sys.exit(rc)"
    ) % str(NEWS_PAGE)
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert len(rows) >= 5
    gdp = next(r for r in rows if r["indicator"] == "gdp" and r["measure"] == "level")
    assert gdp == {
        "indicator": "gdp", "measure": "level", "year": 2012, "base_year": None, "status": "actual", "qualifier": "eq",
        "value": 1359.0, "value_high": None, "unit": "CNY_100M", "value_as_printed": "1359亿元", "text": gdp["text"],
        "char_start": gdp["char_start"], "char_end": gdp["char_end"], "published": "2013-08-29", "file": str(NEWS_PAGE),
    }
    assert "本地生产总值1359亿元" in gdp["text"]


def test_plain_text_in_gbk_and_utf16(tmp_path):
    text = "2014年1月16日在深圳市罗湖区第六届人民代表大会第三次会议上\n一、2013年工作回顾\n初步统计,本区生产总值完成1488亿元,同比增长9.2%。"
    for enc, suffix in (("gbk", "gbk.txt"), ("utf-16", "u16.txt")):
        path = tmp_path / suffix
        path.write_bytes(text.encode(enc))
        done = extract(path)
        assert done.returncode == 0, done.stderr
        values = {(r["indicator"], r["measure"], r["year"]): r["value"] for r in map(json.loads, done.stdout.splitlines())}
        assert values == {("gdp", "level", 2013): 1488.0, ("gdp", "growth", 2013): 9.2}


def test_unreadable_and_binary_files_get_one_line_and_exit_2(tmp_path):
    binary = tmp_path / "x.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    done = extract(binary, tmp_path / "missing.html", MIRROR_PAGE)
    assert done.returncode == 2
    errors = done.stderr.splitlines()
    assert len(errors) == 2 and "Traceback" not in done.stderr
    assert errors[0].startswith(f"error: {binary}:") and "No such file" in errors[1]
    assert any('"value": 1488.0' in line for line in done.stdout.splitlines())  # the good file still printed


def test_table_format(tmp_path):
    done = extract("--format", "table", NEWS_PAGE)
    assert done.returncode == 0 and "1359.0" in done.stdout and done.stdout.startswith("# ")


def test_published_dates_a_text_that_states_no_date_and_a_meeting_line_wins(tmp_path):
    """A copy site's re-post date (时间：2023-01-24) is not the report's; --published or the meeting line is."""
    body = "工作报告\n时间：2023-01-24????\n一、工作回顾\n全县生产总值完成56亿元,增长 5.9%。\n二、今年工作\n今年主要预期目标是:生产总值增长9%以上。"
    undated = tmp_path / "undated.txt"
    undated.write_text(body, encoding="utf-8")
    done = extract("--published", "2021-02-05", undated)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {(r["measure"], r["year"], r["status"], r["value"]) for r in rows} == {
        ("level", 2020, "actual", 56.0), ("growth", 2020, "actual", 5.9), ("growth", 2021, "target", 9.0)}
    assert {r["published"] for r in rows} == {"2021-02-05"}
    dated = tmp_path / "dated.txt"
    dated.write_text(body.replace("一、", "—2022年2月5日在博野县第十七届人民代表大会第六次会议上\n一、", 1), encoding="utf-8")
    rows = [json.loads(line) for line in extract("--published", "2021-02-05", dated).stdout.splitlines()]
    assert {(r["year"], r["published"]) for r in rows} == {(2021, "2022-02-05"), (2022, "2022-02-05")}
    bad = extract("--published", "2021-13-05", undated)
    assert bad.returncode == 2 and "not a date" in bad.stderr and "Traceback" not in bad.stderr
