"""`quiz report [FILES_OR_DIRS] [--data-dir DIR] [--csv OUT]`: the class report.

From the students' results files, or straight from a progress data directory
that a whole class used (`quiz serve`), or both.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="FILES_OR_DIRS", help="results files, folders searched for *.quiz-results.jsonl, or quiz data directories"
    )
    parser.add_argument(
        "--data-dir",
        dest="report_data_dir",
        metavar="DIR",
        help="report every profile in this progress data directory (a class served by `quiz serve`), no files needed; "
        "without FILES_OR_DIRS, the data directory in use is reported",
    )
    parser.add_argument("--csv", metavar="OUT", help="also write the report as CSV for a spreadsheet")


def run(args: argparse.Namespace) -> int:
    from quiz.classroom import results
    from quiz.classroom.report import build_from_sources, progress_folder
    from quiz.store import data_dir

    paths = [Path(p) for p in args.paths]
    if args.report_data_dir is not None or not paths:  # a class served from this machine: no files needed
        folder = data_dir(args.report_data_dir or args.data_dir)
        if not progress_folder(folder):
            print(f"{folder}: no progress here (nobody has played or taken a test with this data directory)", file=sys.stderr)
            return 1
        paths.append(folder)
    files = [p for p in paths if not progress_folder(p)]
    if files and not results.find(files):
        print(f"no results files (*{results.SUFFIX}) in {', '.join(map(str, files))}", file=sys.stderr)
        return 1
    from quiz.classroom.report_tables import format_text, write_csv

    report = build_from_sources(paths)
    sys.stdout.write(format_text(report))
    if args.csv:
        try:
            write_csv(report, Path(args.csv))
        except OSError as error:
            print(f"{args.csv}: cannot write the CSV: {error.strerror or error}", file=sys.stderr)
            return 1
        print(f"CSV written to {args.csv}", file=sys.stderr)
    if report.errors:
        print(f"{len(report.errors)} file(s) could not be used; see 'Files not used' above", file=sys.stderr)
        return 1
    return 0

