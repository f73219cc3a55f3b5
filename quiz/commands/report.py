"""`quiz report FILES_OR_DIRS [--csv OUT]`: the class report from the students' results files."""

from __future__ import annotations

import argparse
import sys

from quiz.shown import shown

CSV_DIALECTS = ("excel", "excel-de")  # as `quiz.classroom.report_tables.CSV_DIALECTS`, without importing it here


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="+", metavar="FILES_OR_DIRS", help="results files, or folders searched for *.quiz-results.jsonl"
    )
    parser.add_argument("--csv", metavar="OUT", help="also write the report as CSV for a spreadsheet")
    parser.add_argument(
        "--csv-dialect",
        choices=CSV_DIALECTS,
        help="excel: comma and decimal point; excel-de: semicolon and decimal comma, as German spreadsheet "
        "programs open it (default: excel-de when the language is German, else excel)",
    )


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.classroom import results
    from quiz.classroom.report import build_from_paths
    from quiz.classroom.report_tables import default_dialect, format_text, write_csv
    from quiz.texts import _, ngettext

    paths = [Path(p) for p in args.paths]
    if not results.find(paths):
        print(
            shown(_("no results files (*{suffix}) in {paths}").format(suffix=results.SUFFIX, paths=", ".join(map(str, paths)))),
            file=sys.stderr,
        )
        return 1
    report = build_from_paths(paths)
    sys.stdout.write(format_text(report))
    if args.csv:
        try:
            write_csv(report, Path(args.csv), args.csv_dialect or default_dialect())
        except OSError as error:
            print(
                shown(_("{path}: cannot write the CSV: {problem}").format(path=args.csv, problem=error.strerror or error)),
                file=sys.stderr,
            )
            return 1
        print(shown(_("CSV written to {path}").format(path=args.csv)), file=sys.stderr)
    if report.errors:
        count = len(report.errors)
        print(
            ngettext(
                "{count} file could not be used; see 'Files not used' above",
                "{count} files could not be used; see 'Files not used' above",
                count,
            ).format(count=count),
            file=sys.stderr,
        )
        return 1
    return 0
