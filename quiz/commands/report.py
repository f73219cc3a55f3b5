"""`quiz report FILES_OR_DIRS [--csv OUT]`: the class report from the students' results files."""

from __future__ import annotations

import argparse
import sys

from quiz.shown import shown


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="FILES_OR_DIRS", help="results files, or folders searched for *.quiz-results.jsonl"
    )
    parser.add_argument("--csv", metavar="OUT", help="also write the report as CSV for a spreadsheet")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.classroom import results
    from quiz.classroom.report import build_from_paths
    from quiz.classroom.report_tables import format_text, write_csv

    paths = [Path(p) for p in args.paths]
    if not results.find(paths):
        print(shown(f"no results files (*{results.SUFFIX}) in {', '.join(map(str, paths))}"), file=sys.stderr)
        return 1
    report = build_from_paths(paths)
    sys.stdout.write(format_text(report))
    if args.csv:
        try:
            write_csv(report, Path(args.csv))
        except OSError as error:
            print(shown(f"{args.csv}: cannot write the CSV: {error.strerror or error}"), file=sys.stderr)
            return 1
        print(shown(f"CSV written to {args.csv}"), file=sys.stderr)
    if report.errors:
        print(shown(f"{len(report.errors)} file(s) could not be used; see 'Files not used' above"), file=sys.stderr)
        return 1
    return 0
