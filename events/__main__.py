"""Command line: ``python -m events import PATH | export | db ... | users ...``.

The store is the one at ``SORTIE_DB`` (a path or SQLAlchemy URL), or ``--db``. Imports go
through :mod:`events.intake`, as the Ingest page does; formats come from :mod:`events.io`.
Writes are recorded under ``--as NAME`` (default: the OS user). ``db`` migrates, backs up and
restores the store; ``users`` manages the accounts of a team deployment (``SORTIE_AUTH=1``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tqdm import tqdm

from events import backup, db, intake
from events import io as formats
from events.accounts import ROLES, AccountError, Accounts, local_account
from events.cli_args import iso_date
from events.store import Store


def _read(args: argparse.Namespace, path: Path) -> intake.Batch:
    if intake.is_event_file(path):
        with tqdm(desc="validating", unit=" rows", disable=args.quiet, file=sys.stderr) as bar:
            return intake.read_event_file(path, progress=bar.update)  # judged once, by is_event_file
    with tqdm(desc="extracting", unit=" articles", disable=args.quiet, file=sys.stderr, delay=0.2) as bar:
        def set_total(n: int) -> None:
            bar.total = n
            bar.refresh()

        return intake.read_path(path, args.published, progress=bar.update, total=set_total)


def _import(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if not path.exists():
        print(f"error: {path}: no such file or folder", file=sys.stderr)
        return 2
    store = Store(args.db, seed=None)
    batch = _read(args, path)
    quiet = args.quiet or (bool(batch.problems) and not args.partial) or not batch.events_file
    with tqdm(total=len(batch.drafts), desc="saving", unit=" events", disable=quiet, file=sys.stderr) as bar:
        intake.import_batch(store, batch, args.partial, progress=bar.update, by=args.as_name)
    for p in batch.problems[: args.max_errors]:
        print(p, file=sys.stderr)
    if len(batch.problems) > args.max_errors:
        print(f"... and {len(batch.problems) - args.max_errors} more problem(s)", file=sys.stderr)
    print(batch.summary(), file=sys.stdout if batch.saved else sys.stderr)
    return 0 if batch.saved else 1


def _export(args: argparse.Namespace) -> int:
    store = Store(args.db, seed=None)
    events = tqdm(store.iter_events(), total=store.count(), desc="exporting", unit=" events",
                  disable=args.quiet or not args.out, file=sys.stderr)
    if not args.out:
        try:
            formats.write(args.format, events, sys.stdout)
            sys.stdout.flush()
        except BrokenPipeError:  # piped into head: not an error of ours
            sys.stderr.close()
        return 0
    out = Path(args.out)
    tmp = out.with_name(out.name + ".part")
    try:
        with open(tmp, "w", encoding="utf-8", newline="") as f:
            formats.write(args.format, events, f)
        tmp.replace(out)  # atomic: a reader never sees half a file, a failure leaves the old one
    finally:
        tmp.unlink(missing_ok=True)
    return 0


def _db(args: argparse.Namespace) -> int:
    if args.db_command == "upgrade":
        store = Store(args.db, seed=None, migrate=False)
        before = db.current(store.engine)
        if db.upgrade(store.engine):
            print(f"upgraded to {db.head()} (was {before or 'unversioned'})")
        else:
            print(f"already at {db.head()}")
        return 0
    if args.db_command == "current":
        print(db.current(Store(args.db, seed=None, migrate=False).engine) or "unversioned")
        return 0
    store = Store(args.db, seed=None)
    path = Path(args.file)
    try:
        if args.db_command == "backup":
            counts = backup.backup(store, path)
            verb = "backed up"
        else:
            if not path.exists():
                raise backup.BackupError(f"{path}: no such file")
            counts = backup.restore(store, path, force=args.force)
            verb = "restored"
    except backup.BackupError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"{verb} {counts['events']} event(s), {counts['event_history']} earlier version(s), "
          f"{counts['users']} account(s): {path}")
    return 0


def _password(args: argparse.Namespace) -> str:
    """From standard input: typed twice at a terminal, or the first line of a pipe."""
    if sys.stdin.isatty():
        import getpass

        first = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != first:
            raise AccountError("the two passwords differ")
        return first
    return sys.stdin.readline().rstrip("\r\n")


def _users(args: argparse.Namespace) -> int:
    accounts = Accounts(Store(args.db, seed=None))
    try:
        if args.users_command == "list":
            for a in accounts.list():
                print(f"{a.name}\t{a.role}")
        elif args.users_command == "add":
            accounts.add(args.name, args.role, _password(args))
            print(f"added {args.name} ({args.role})")
        elif args.users_command == "passwd":
            accounts.set_password(args.name, _password(args))
            print(f"password changed for {args.name}")
        elif args.users_command == "role":
            accounts.set_role(args.name, args.role)
            print(f"{args.name} is now {args.role}")
        else:
            accounts.remove(args.name)
            print(f"removed {args.name}")
    except AccountError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    readable = ", ".join(f.label for f in formats.FORMATS)
    p = argparse.ArgumentParser(prog="python -m events", description="Import, export and manage Sortie's store.")
    p.add_argument("--db", help="database path or SQLAlchemy URL (default: $SORTIE_DB or data/sortie.db)")
    p.add_argument("--as", dest="as_name", default=local_account().name, metavar="NAME",
                   help="the account the writes are recorded under (default: the OS user)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    sub = p.add_subparsers(dest="command", required=True)
    imp = sub.add_parser("import", help="load events, or draft them from articles (all or nothing)")
    imp.add_argument("file", help=f"a file ({readable}) or a folder of articles")
    imp.add_argument("--partial", action="store_true", help="save the good rows even if some are bad")
    imp.add_argument("--max-errors", type=int, default=50, help="how many problems to print")
    imp.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                     help="articles: publication date for those whose file or feed item gives none")
    exp = sub.add_parser("export", help="write the stored events")
    exp.add_argument("--format", choices=[f.name for f in formats.writable()], default="csv")
    exp.add_argument("--out", help="file to write (default: standard output)")
    dbp = sub.add_parser("db", help="the store itself: schema migrations, backups")
    dbs = dbp.add_subparsers(dest="db_command", required=True)
    dbs.add_parser("upgrade", help="migrate the store to this version's schema (the app does it at start too)")
    dbs.add_parser("current", help="print the store's schema revision")
    b = dbs.add_parser("backup", help="write a consistent snapshot of the whole store (safe while the app runs)")
    b.add_argument("file")
    r = dbs.add_parser("restore", help="load a backup into this store (either engine)")
    r.add_argument("file")
    r.add_argument("--force", action="store_true", help="replace a store that already has events")
    up = sub.add_parser("users", help="accounts of a team deployment (SORTIE_AUTH=1)")
    us = up.add_subparsers(dest="users_command", required=True)
    us.add_parser("list", help="names and roles")
    add = us.add_parser("add", help="new account; the password is read from standard input")
    add.add_argument("name")
    add.add_argument("--role", choices=list(ROLES), required=True)
    us.add_parser("passwd", help="set a new password (read from standard input)").add_argument("name")
    role = us.add_parser("role", help="change an account's role")
    role.add_argument("name")
    role.add_argument("role", choices=list(ROLES))
    us.add_parser("remove", help="delete an account").add_argument("name")
    args = p.parse_args(argv)
    run = {"import": _import, "export": _export, "db": _db, "users": _users}[args.command]
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
