"""`quiz results export [--out DIR]`: one checksummed results file per profile, for the teacher."""

from __future__ import annotations

import argparse
import sys

from quiz.shown import shown


def configure(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    export = actions.add_parser(
        "export",
        help="write one results file per profile (only --profile's when given)",
        description="Write one results file per profile on this machine (only --profile's when given), "
        "ready to copy to a USB stick or a shared folder.",
    )
    export.add_argument("--out", metavar="DIR", default=".", help="folder to write the files to (default: here)")


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from quiz.classroom import results, storage
    from quiz.store import Store, StoreError, data_dir

    out = Path(args.out)
    try:
        with Store.open(data_dir(args.data_dir)) as store:
            known = store.list_profiles()
            profile = None if args.profile is None else store.resolve_profile(args.profile)  # "anna" finds "Anna"
            if profile is not None and profile not in known:
                print(shown(f"no profile named {profile!r} here; profiles: {', '.join(known) or 'none'}"), file=sys.stderr)
                return 1
            profiles = [profile] if profile is not None else known
            collected = [storage.student_results(store, name) for name in profiles]
    except StoreError as error:
        print(shown(error, lines=True), file=sys.stderr)
        return 1
    written = 0
    failed: list[str] = []
    for student in collected:
        if not student.exams and not student.practice:
            print(shown(f"{student.profile!r}: nothing to export yet (no exams, no practice)"), file=sys.stderr)
            continue
        try:
            path = results.write(student, out)
        except OSError as error:  # one profile's failure does not keep the others off the stick
            failed.append(student.profile)
            print(shown(f"{out}: cannot write the results of {student.profile!r}: {error.strerror or error}"), file=sys.stderr)
            continue
        print(shown(f"{path}  ({student.profile}: {len(student.exams)} exam(s), {len(student.practice)} deck(s) practised)"))
        written += 1
    if failed:
        names = ", ".join(repr(name) for name in failed)
        print(shown(f"NOT exported ({len(failed)} of {len(failed) + written}): {names}"), file=sys.stderr)
        return 1
    if not written:
        print("no results to export", file=sys.stderr)
        return 1
    return 0
