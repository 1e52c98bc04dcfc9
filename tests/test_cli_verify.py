"""``python -m flows verify``: passes on an intact archive, fails (exit 1) on a tampered or incomplete one."""

import os
import subprocess
import sys

from conftest import MIRROR_PAGE, ROOT, write_sources

from govreports.archive import Archive
from govreports.crawl import crawl_all
from govreports.fetch import session
from govreports.sources import load_sources


def verify(raw):
    return subprocess.run([sys.executable, "-m", "flows", "verify", "--raw-dir", str(raw)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_verify_fresh_then_tampered_archive(tmp_path):
    raw = tmp_path / "raw"
    sources = load_sources(write_sources(tmp_path / "sources.yaml"))
    crawl_all(sources, Archive(raw), session(), min_interval_s=0)
    done = verify(raw)
    assert done.returncode == 0 and done.stdout.strip().endswith("6 object(s) checked, all intact")

    archive = Archive(raw)
    path = archive.object_path(archive.store(MIRROR_PAGE.read_bytes())[0])
    os.chmod(path, 0o644)
    path.write_bytes(path.read_bytes().replace("1488亿元".encode(), "1588亿元".encode()))
    done = verify(raw)
    assert done.returncode == 1
    assert done.stdout.splitlines()[0].startswith(f"altered: {path}")
    assert done.stdout.strip().endswith("1 problem(s)")


def test_verify_without_an_archive_says_so(tmp_path):
    done = verify(tmp_path / "nowhere")
    assert done.returncode == 2 and done.stderr.strip() == f"error: no archive at {tmp_path / 'nowhere'} (no objects/ directory)"
