"""`quiz report [FILES_OR_DIRS] [--data-dir DIR] [--csv OUT]`: the class report.

From the students' results files, or straight from a progress data directory
that a whole class used (`quiz serve`), or both.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from quiz.shown import shown

CSV_DIALECTS = ("excel", "excel-de")  # as `quiz.classroom.report_tables.CSV_DIALECTS`, without importing it here


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
    parser.add_argument(
        "--csv-dialect",
        choices=CSV_DIALECTS,
        help="excel: comma and decimal point; excel-de: semicolon and decimal comma, as German spreadsheet "
        "programs open it (default: excel-de when the language is German, else excel)",
    )


def run(args: argparse.Namespace) -> int:
    from quiz.classroom import results
    from quiz.classroom.report import build_from_sources, progress_folder
    from quiz.classroom.report_tables import default_dialect, format_text, write_csv
    from quiz.i18n import _, ngettext
    from quiz.store import data_dir

    paths = [Path(p) for p in args.paths]
    if args.report_data_dir is not None or not paths:  # a class served from this machine: no files needed
        folder = data_dir(args.report_data_dir or args.data_dir)
        if not progress_folder(folder):
            print(
                shown(
                    _("{folder}: no progress here (nobody has played or taken a test with this data directory)").format(
                        folder=folder
                    )
                ),
                file=sys.stderr,
            )
            return 1
        paths.append(folder)
    files = [p for p in paths if not progress_folder(p)]
    if files and not results.find(files):
        print(
            shown(_("no results files (*{suffix}) in {paths}").format(suffix=results.SUFFIX, paths=", ".join(map(str, files)))),
            file=sys.stderr,
        )
        return 1

    report = build_from_sources(paths)
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

