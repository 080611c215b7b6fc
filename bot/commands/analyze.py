"""`mot-coach analyze FILE`: the moments of truth in past transcripts, streamed in bounded
memory: an HTML report (inline SVG, no external request) or `--json`."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

from bot.analysis.parallel import observations
from bot.analysis.report import render_html
from bot.analysis.sources import SourceError, read_conversations
from bot.analysis.tally import Tally
from bot.coach import Coach
from bot.config import Settings
from bot.messages import UserError
from bot.services import playbooks_from

SHOWN_ERRORS = 20  # bad lines reported one by one; the rest are counted


class Progress:
    """A progress bar by bytes read, on stderr, only when stderr is a terminal (tqdm)."""

    def __init__(self, path: str, enabled: bool):
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(
                total=os.path.getsize(path),
                unit="B",
                unit_scale=True,
                desc="analyze",
                file=sys.stderr,
                mininterval=0.5,
            )

    def advance(self, size: int) -> None:
        if self.bar is not None:
            self.bar.update(size)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def run(args, settings: Settings) -> int:
    if not Path(args.file).is_file():
        raise UserError(f"{args.file}: no such file")
    tally = Tally(Coach(playbooks_from(settings), threshold=settings.mot_match_threshold))
    errors = 0

    def bad(number: int, reason: str) -> None:
        nonlocal errors
        errors += 1
        if errors <= SHOWN_ERRORS:
            print(f"{args.file}: line {number}: {reason}; skipped", file=sys.stderr)

    progress = Progress(args.file, enabled=sys.stderr.isatty() and not args.quiet)
    try:
        conversations = read_conversations(args.file, args.format, progress.advance, bad)
        for found in observations(tally.coach, conversations, args.workers):
            tally.record(found)
    except SourceError as exc:
        raise UserError(f"{args.file}: {exc}") from None
    finally:
        progress.close()
    if errors:
        print(f"{args.file}: {errors:,} bad line(s) skipped", file=sys.stderr)
    if tally.conversations == 0:
        raise UserError(f"{args.file}: no conversation with a customer message in it")
    report = {"source": Path(args.file).name, "skipped_lines": errors, **tally.report()}
    if args.json:
        text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    else:
        text = render_html(report, Path(args.file).name)
    if args.output and args.output != "-":
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0
