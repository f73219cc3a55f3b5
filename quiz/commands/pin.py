"""`quiz pin NAME`: give a profile a PIN (asked when it is opened or a test starts); `--reset` takes it away."""

from __future__ import annotations

import argparse
import sys

from quiz.i18n import N_


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("name", metavar="NAME", help="the learner profile")
    parser.add_argument("--reset", action="store_true", help="remove the profile's PIN (for a forgotten one)")


def run(args: argparse.Namespace) -> int:
    import getpass

    from quiz.i18n import _
    from quiz.store import Store, StoreError, data_dir

    try:
        with Store.open(data_dir(args.data_dir)) as store:
            if store.profile_id(args.name, create=False) is None:
                print(_("no profile named {name!r}").format(name=args.name), file=sys.stderr)
                return 1
            name = store.resolve_profile(args.name)
            if args.reset:
                store.set_pin(name, None)
                print(_("{name} has no PIN now.").format(name=name), file=sys.stderr)
                return 0
            pin = getpass.getpass(_("New PIN for {name} (4 to 12 digits): ").format(name=name))
            if getpass.getpass(_("The same PIN again: ")) != pin:
                print(_("The two PINs differ; nothing changed."), file=sys.stderr)
                return 1
            store.set_pin(name, pin)
    except StoreError as error:
        print(_(str(error)) if str(error) == PIN_RULE else str(error), file=sys.stderr)
        return 1
    except (EOFError, KeyboardInterrupt):
        return 1
    print(_("{name} has a PIN now; a teacher can remove it with quiz pin {name} --reset.").format(name=name), file=sys.stderr)
    return 0


PIN_RULE = N_("A PIN is 4 to 12 digits.")
"""`pins.check_new_pin`'s refusal, translated where it is shown."""
