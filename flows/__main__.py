"""Command line: ``python -m flows run|extract …`` (see README). ``extract`` never imports Prefect."""

from __future__ import annotations

import argparse
import os
import signal
import sys
from datetime import date
from pathlib import Path

from flows import settings


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line (``error: …``, exit 2), like every other error of this command line."""

    def error(self, message: str):
        self.exit(2, f"error: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m flows", description="District-government report ETL")
    sub = p.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="fetch → archive → parse → extract → validate → publish, as Prefect flows")
    run.add_argument("--sources", default="sources.yaml", help="sources file (default: sources.yaml)")
    run.add_argument("--raw-dir", default="raw", help="archive directory (default: raw/)")
    run.add_argument("--curated-dir", default="curated", help="published data directory (default: curated/)")
    run.add_argument("--source", action="append", dest="source_ids", metavar="ID", help="only this source (repeatable)")
    run.add_argument("--refetch", action="store_true", help="download article pages again even if archived")
    run.add_argument("--concurrency", type=int, default=4, help="sources crawled at once (each host stays serial)")
    ver = sub.add_parser("verify", help="re-hash the archive; exit 1 if any object was altered or is missing")
    ver.add_argument("--raw-dir", default="raw", help="archive directory (default: raw/)")
    ex = sub.add_parser("extract", help="print the observations in HTML or text files (no Prefect, no archive)")
    ex.add_argument("--format", choices=("jsonl", "table"), default="jsonl")
    ex.add_argument("--published", type=_date, metavar="DATE",
                    help="YYYY-MM-DD (or YYYY): the date of documents whose text states no delivery date")
    ex.add_argument("files", nargs="+", metavar="FILE")
    return p


def _date(text: str) -> date:
    try:
        return date(int(text), 1, 1) if text.isdigit() and len(text) == 4 else date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD or YYYY): {text!r}") from None


def cmd_extract(files: list[str], fmt: str, published: date | None) -> int:
    from govreports.cli_extract import extract_files

    return extract_files(files, fmt, sys.stdout, sys.stderr, published)


def _fail(exc: OSError) -> int:
    print(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
    return 1


def cmd_run(args: argparse.Namespace) -> int:
    settings.apply()
    from govreports.sources import SourceError, load_sources

    try:  # fail fast, in one line, before Prefect starts
        load_sources(args.sources, only=args.source_ids or None)
        for directory in (args.raw_dir, args.curated_dir):
            Path(directory).mkdir(parents=True, exist_ok=True)
            if not os.access(directory, os.W_OK):
                raise PermissionError(13, "not writable", directory)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        return _fail(exc)
    from flows.pipeline import NothingToPublish, Summary, run_pipeline

    try:
        summary = run_pipeline(
            sources_path=args.sources, raw_dir=args.raw_dir, curated_dir=args.curated_dir,
            source_ids=args.source_ids, refetch=args.refetch, concurrency=args.concurrency,
        )
    except NothingToPublish as exc:
        print(f"error: nothing published: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # e.g. a disk that filled up: the archive stays as it was
        return _fail(exc)
    for line in Summary(**summary).lines():
        print(line)
    return 0


def cmd_verify(raw_dir: str) -> int:
    from pathlib import Path

    from govreports.archive import Archive

    if not (Path(raw_dir) / "objects").is_dir():
        print(f"error: no archive at {raw_dir} (no objects/ directory)", file=sys.stderr)
        return 2
    checked, problems = Archive(raw_dir).verify()
    for p in problems:
        print(p)
    print(f"{raw_dir}: {checked} object(s) checked, " + (f"{len(problems)} problem(s)" if problems else "all intact"))
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `… | head` ends quietly, as Unix tools do
    args = _parser().parse_args(argv)
    if args.command == "extract":
        return cmd_extract(args.files, args.format, args.published)
    if args.command == "verify":
        return cmd_verify(args.raw_dir)
    return cmd_run(args)


if __name__ == "__main__":
    sys.exit(main())
