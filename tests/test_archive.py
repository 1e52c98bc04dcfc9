"""The archive stores bytes once, read-only, logs every fetch, and detects tampering."""

import os
import stat

from govreports.archive import Archive, FetchRecord, sha256


def test_store_is_content_addressed_and_write_once(tmp_path):
    a = Archive(tmp_path)
    digest, new = a.store(b"<html>page</html>")
    assert digest == sha256(b"<html>page</html>") and new
    assert a.store(b"<html>page</html>") == (digest, False)
    path = a.object_path(digest)
    assert path.read_bytes() == b"<html>page</html>"
    assert not os.stat(path).st_mode & stat.S_IWUSR  # read-only
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_verify_reports_tampered_objects(tmp_path):
    a = Archive(tmp_path)
    good, _ = a.store(b"one")
    bad, _ = a.store(b"two")
    assert a.verify() == (2, [])
    path = a.object_path(bad)
    os.chmod(path, 0o644)
    path.write_bytes(b"two, edited")
    checked, problems = a.verify()
    assert checked == 2 and problems == [f"altered: {path} hashes to {sha256(b'two, edited')}"]


def test_verify_reports_logged_objects_that_are_missing(tmp_path):
    a = Archive(tmp_path)
    digest, _ = a.store(b"page")
    a.log([FetchRecord(source_id="s", url="file:///p", role="page", outcome="new", fetched_at="t", sha256=digest)])
    os.chmod(a.object_path(digest), 0o644)
    a.object_path(digest).unlink()
    assert a.verify() == (0, [f"missing: {digest} (fetched from file:///p)"])


def test_fetch_log_is_appended_and_survives_a_torn_line(tmp_path):
    a = Archive(tmp_path)
    rec = FetchRecord(source_id="s", url="file:///x", role="page", outcome="new", fetched_at="t", sha256="ab" * 32)
    a.log([rec])
    with open(a.log_path, "a") as f:
        f.write('{"source_id": "s", "url": ')  # a crash mid-write
    a.log([rec])
    assert len(a.history()) == 2
    assert a.latest()[("s", "file:///x")]["sha256"] == "ab" * 32
