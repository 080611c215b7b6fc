"""Render docs/img/tip-slack.png: the Block Kit blocks of a real tip, drawn in Slack's layout.

    python docs/render_slack_tip.py [CONVERSATION] [--out PNG] [--html HTML]

The blocks come from `bot.slack.blocks.result_blocks`, for the tip the offline backend gives on
the conversation (default: examples/double-charge.txt), exactly as `/mot-tip` would send them.
They are drawn as HTML (sections, context lines, buttons; Slack's mrkdwn for bold, italic and
emoji codes) and captured with headless Chromium through Playwright. Nothing is written to the
suggestion log (the coach's sink is a NullSink). Needs Debian's `chromium`; emoji need a colour
emoji font (`apt-get install fonts-noto-color-emoji`).
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
from pathlib import Path

from bot.coach import NullSink
from bot.commands.inputs import read_conversation
from bot.config import Settings
from bot.services import build_coach
from bot.slack.blocks import result_blocks

REPO = Path(__file__).resolve().parent.parent
EMOJI = {"bulb": "💡", "warning": "⚠️", "rotating_light": "🚨"}
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"]

STYLE = """
body { margin: 0; background: #fff; font: 15px/1.46 'Liberation Sans', Arial, sans-serif;
       color: #1d1c1d; }
.message { display: flex; gap: 8px; padding: 12px 20px 16px; width: 720px; }
.avatar { width: 36px; height: 36px; border-radius: 6px; background: #2c7a7b; color: #fff;
          font-weight: bold; font-size: 13px; display: flex; align-items: center;
          justify-content: center; }
.name { font-weight: 900; }
.app { font-size: 10px; background: #e8e8e8; color: #616061; padding: 1px 3px;
       border-radius: 2px; margin: 0 4px; }
.time { color: #616061; font-size: 12px; }
.private { color: #616061; font-size: 13px; margin-bottom: 2px; }
.section { margin: 4px 0; white-space: pre-wrap; }
.context { color: #616061; font-size: 13px; margin: 2px 0 4px; white-space: pre-wrap; }
.actions { display: flex; gap: 8px; margin: 6px 0 12px; }
.button { border: 1px solid #bbbabb; border-radius: 4px; padding: 3px 12px; font-weight: bold;
          font-size: 13px; background: #fff; }
.primary { background: #007a5a; border-color: #007a5a; color: #fff; }
"""


def mrkdwn(text: str) -> str:
    """Slack mrkdwn (already escaped by the block builders) to HTML: *bold*, _italic_, :emoji:."""
    text = html.unescape(text)
    out = html.escape(text, quote=False)
    out = re.sub(r"\*([^*\n]+)\*", r"<b>\1</b>", out)
    out = re.sub(r"(?<!\w)_([^_\n]+)_(?!\w)", r"<i>\1</i>", out)
    return re.sub(r":([a-z_]+):", lambda m: EMOJI.get(m.group(1), m.group(0)), out)


def block_html(block: dict) -> str:
    if block["type"] == "section":
        return f'<div class="section">{mrkdwn(block["text"]["text"])}</div>'
    if block["type"] == "context":
        texts = " ".join(mrkdwn(element["text"]) for element in block["elements"])
        return f'<div class="context">{texts}</div>'
    if block["type"] == "actions":
        buttons = "".join(
            f'<span class="button {element.get("style", "")}">'
            f"{html.escape(element['text']['text'])}</span>"
            for element in block["elements"]
        )
        return f'<div class="actions">{buttons}</div>'
    raise ValueError(f"block type {block['type']!r} has no rendering here")


def page_html(blocks: list[dict]) -> str:
    body = "".join(block_html(block) for block in blocks)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"
        "<div class='message'><div class='avatar'>MC</div><div>"
        "<div><span class='name'>mot-coach</span><span class='app'>APP</span>"
        "<span class='time'>10:42</span></div>"
        "<div class='private'>Only visible to you</div>"
        f"{body}</div></div></body></html>"
    )


def tip_blocks(conversation_file: Path) -> list[dict]:
    settings = Settings(_env_file=None, mot_llm_backend="offline", mot_knowledge_file=None)
    coach = build_coach(settings, sink=NullSink())  # a picture, not a logged tip
    result = coach.coach(
        read_conversation(str(conversation_file)),
        trigger="command",
        context={"channel_kind": "slack"},
        record=False,
    )
    return result_blocks(result)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("conversation", nargs="?", default=REPO / "examples/double-charge.txt")
    parser.add_argument("--out", default=REPO / "docs/img/tip-slack.png", type=Path)
    parser.add_argument("--html", type=Path, help="also write the HTML page here")
    args = parser.parse_args()

    from playwright.sync_api import sync_playwright

    page_source = page_html(tip_blocks(Path(args.conversation)))
    if args.html:
        args.html.write_text(page_source, encoding="utf-8")
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 780, "height": 600}, device_scale_factor=2)
        page.set_content(page_source)
        page.locator(".message").screenshot(path=str(args.out))
        browser.close()
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
