"""`mot-coach playbooks list | show ID | validate [DIR]`."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

from bot import messages
from bot.config import Settings
from bot.core.playbooks import BUILTIN_DIR, BUILTIN_IDS, PlaybookError, load_dir
from bot.messages import UserError
from bot.services import playbooks_from


def run_list(args, settings: Settings) -> int:
    for playbook in playbooks_from(settings).values():
        outcomes = ", ".join(playbook.loyalty.outcomes)
        print(f"{playbook.id:<22} {playbook.title:<28} loyalty: {outcomes}")
    return 0


def run_show(args, settings: Settings) -> int:
    playbooks = playbooks_from(settings)
    if args.id not in playbooks:
        raise UserError(messages.unknown_playbook(args.id, list(playbooks)))
    data = playbooks[args.id].model_dump(exclude_defaults=False)
    print(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=96), end="")
    return 0


def run_validate(args, settings: Settings) -> int:
    directory = Path(args.dir) if args.dir else BUILTIN_DIR
    try:
        playbooks, problems = load_dir(directory, strict=False)
    except PlaybookError as exc:
        raise UserError(str(exc)) from None
    if directory.resolve() == BUILTIN_DIR.resolve():
        problems += [
            f"{directory}: built-in playbook {pid!r} is missing"
            for pid in BUILTIN_IDS
            if pid not in playbooks
        ]
    for problem in problems:
        print(problem, file=sys.stderr)
    files = len(list(directory.glob("*.y*ml")))
    if not files:
        print(f"{directory}: no playbook files (*.yaml) found", file=sys.stderr)
        return 1
    languages, language_problems = 0, []
    if (directory / "languages").is_dir():  # replies in other languages (reply_languages.py)
        from bot.core.reply_languages import check_language_dir

        languages, language_problems = check_language_dir(directory / "languages")
        for problem in language_problems:
            print(problem, file=sys.stderr)
        print(f"{languages} valid language file(s) in {directory / 'languages'}")
    problems += language_problems
    print(f"{len(playbooks)} valid playbook(s), {len(problems)} problem(s) in {directory}")
    return 1 if problems else 0
