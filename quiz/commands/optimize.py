"""`quiz optimize`: fit FSRS to a learner's own reviews, or set their retention, day start and maximum interval."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quiz.engine.optimizer import Evaluation, Fit
    from quiz.engine.options import LearnerOptions
    from quiz.store import Store


def _retention(text: str) -> float | str:
    if text == "deck":
        return text
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number (like 0.9) nor 'deck'") from None
    if not 0.7 <= value <= 0.97:
        raise argparse.ArgumentTypeError(f"{text}: desired retention must be between 0.70 and 0.97")
    return value


def _bounded(low: int, high: int, what: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{text}: {what} must be between {low} and {high}")
        return value

    return parse


def configure(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Without options: fit the FSRS parameters to the learner's own reviews (as Anki's Optimize does), "
        "show log loss and RMSE of the defaults and the fit, and keep the fit only if it predicts better. "
        "With options: change the learner's scheduling settings instead."
    )
    parser.add_argument("--retention", type=_retention, metavar="R",
                        help="desired retention for every deck, 0.70-0.97 (e.g. 0.9), or 'deck' for each deck's own")
    parser.add_argument("--day-starts", type=_bounded(0, 23, "the hour a day starts"), metavar="HOUR",
                        help="hour a learner's day starts, 0-23 (default 4: reviews at 1 am count for the evening before)")
    parser.add_argument("--max-interval", type=_bounded(1, 36500, "the maximum interval"), metavar="DAYS",
                        help="longest interval in days, 1-36500 (default 36500)")
    parser.add_argument("--reset", action="store_true", help="go back to FSRS's default parameters")
    parser.add_argument("--reschedule", action="store_true",
                        help="also move review cards' due days to the intervals the new settings give")
    parser.add_argument("--dry-run", action="store_true", help="show what would change, change nothing")


def _pick_profile(store: Store, wanted: str | None) -> str | None:
    known = store.list_profiles()
    if wanted is not None:
        name = store.resolve_profile(wanted)
        if name in known:
            return name
        print(f"no profile named {name!r} here; profiles: {', '.join(known) or 'none'}", file=sys.stderr)
        return None
    if len(known) == 1:
        return known[0]
    print(f"name the learner with --profile NAME; profiles: {', '.join(known) or 'none'}", file=sys.stderr)
    return None


def _row(name: str, evaluation: Evaluation | None) -> str:
    if evaluation is None:
        return ""
    return f"  {name:<10} {evaluation.log_loss:>9.4f} {evaluation.rmse * 100:>7.2f} %\n"


def report(profile: str, result: Fit) -> str:
    """The fit in words: what was read, how each set of weights did, and which is used now."""
    head = (
        f"{profile}: {result.answers:,} answers to {result.cards:,} cards, "
        f"{result.reviews:,} of them reviews on a later day (fitted in {result.seconds:.2f} s)\n"
    )
    if not result.enough:
        from quiz.engine.optimizer import MIN_REVIEWS

        return head + f"Not enough reviews yet to fit (at least {MIN_REVIEWS} needed); the parameters stay as they are.\n"
    table = "              log loss    RMSE\n" + _row("defaults", result.default)
    table += _row("in use", result.previous) + _row("fitted", result.fitted)
    verdict = {
        "fitted": "The fitted parameters predict your answers best: they are used from now on.",
        "previous": "The fit is not better than the parameters in use: they stay.",
        "defaults": "The fit is not better than FSRS's defaults: the defaults are used.",
    }[result.chosen]
    return head + table + verdict + "\n"


def _retention_for(store: Store, profile: str) -> Callable[[str], float]:
    """Each deck's retention, read from the bundled decks and the deck files this learner played (0.9 if unknown)."""
    from quiz.deck.files import bundled_decks, resolve_deck
    from quiz.deck.model import DEFAULT_SETTINGS

    known: dict[str, float] = {}
    decks = list(bundled_decks())
    for _, path in store.deck_files(profile):
        try:
            decks.append(resolve_deck(path))
        except Exception:  # a deck file gone or broken: its cards keep the default retention
            continue
    for deck in decks:
        retention = deck.settings.merged_over(DEFAULT_SETTINGS).retention
        known.setdefault(deck.id, 0.9 if retention is None else float(retention))
    return lambda deck_id: known.get(deck_id, 0.9)


def run(args: argparse.Namespace) -> int:
    import dataclasses

    from quiz.engine import optimizer
    from quiz.engine.clock import utc_now
    from quiz.store import Store, StoreError, data_dir
    from quiz.store.options import load_options, save_options

    try:
        with Store.open(data_dir(args.data_dir)) as store:
            profile = _pick_profile(store, args.profile)
            if profile is None:
                return 1
            now = utc_now()
            changing = any(v is not None for v in (args.retention, args.day_starts, args.max_interval)) or args.reset
            before = load_options(store, profile, strict=not changing)  # damaged settings can be set again
            changes: dict[str, object] = {}
            if args.retention is not None:
                changes["retention"] = None if args.retention == "deck" else args.retention
            if args.day_starts is not None:
                changes["rollover"] = args.day_starts
            if args.max_interval is not None:
                changes["maximum_interval"] = args.max_interval
            if args.reset:
                changes["parameters"] = None
            after = dataclasses.replace(before, **changes)  # type: ignore[arg-type]
            if not changes:
                if args.dry_run:
                    from quiz.store.reviews import card_histories

                    histories, through = card_histories(store, profile)
                    result = optimizer.fit(histories, before.rollover, before.parameters, through=through)
                else:
                    result = optimizer.optimize(store, profile, now)
                print(report(profile, result), end="")
                after = load_options(store, profile) if not args.dry_run else dataclasses.replace(
                    before, parameters=result.parameters)
            elif not args.dry_run:
                save_options(store, profile, after)
            print(_settings_line(after))
            if args.reschedule or after.parameters != before.parameters or args.dry_run:
                change = optimizer.apply(
                    store, profile, after, reschedule=args.reschedule, retention_for=_retention_for(store, profile),
                    now=now, dry_run=args.dry_run,
                )
                if args.reschedule:
                    verb = "would move" if args.dry_run else "moved"
                    print(f"Rescheduling {verb} {change.moved:,} review cards. Reviews due per day over the next "
                          f"{optimizer.LOAD_DAYS} days: {change.load_before:.1f} before, {change.load_after:.1f} after.")
            if args.dry_run:
                print("(dry run: nothing was changed)")
    except StoreError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


def _settings_line(options: LearnerOptions) -> str:
    retention = "each deck's own" if options.retention is None else f"{options.retention:.2f}"
    parameters = "FSRS defaults" if options.parameters is None else "fitted to you"
    return (f"Settings: retention {retention}, day starts at {options.rollover}:00, "
            f"intervals at most {options.maximum_interval:,} days, parameters {parameters}.")
