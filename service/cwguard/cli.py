"""`cwguard serve` runs the loopback service with waitress; `cwguard scan` scores a thread from a file;
`cwguard autostart install|remove|status` makes the service start at login.

Exit codes of `scan`: 0 scored (whatever the risk), 2 bad input (unreadable file, invalid request,
a 4xx from the server), 3 server unreachable or broken (connection refused, timeout, 5xx, an
answer that is not JSON).
"""
from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import os
import sys
import unicodedata
from bisect import bisect_right

from . import __version__, schemas
from .errors import InputError
from .http.security import LOOPBACK_HOSTS, TOKEN_HEADER

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
EXIT_OK, EXIT_BAD_INPUT, EXIT_UNREACHABLE = 0, 2, 3
SERVER_TIMEOUT_S = 30


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    return args.run(args)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="cwguard", description="Warns CrowdWorks freelancers of off-platform lures.")
    parser.add_argument("--version", action="version", version=f"cwguard {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="run the local scoring service (waitress)")
    serve.add_argument("--host", help=f"address to bind (env CWGUARD_HOST, default {DEFAULT_HOST})")
    serve.add_argument("--port", type=int, help=f"port (env CWGUARD_PORT, default {DEFAULT_PORT})")
    serve.add_argument("--allow-remote", action="store_true",
                       help="allow binding a non-loopback address (other machines could send requests)")
    serve.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                       help="extra Host header name to accept (with --allow-remote)")
    serve.add_argument("--threads", type=int, default=4, help="worker threads (default 4)")
    serve.add_argument("--token-file", metavar="PATH",
                       help="read the token from this file instead of CWGUARD_TOKEN (what autostart uses)")
    serve.set_defaults(run=_serve)

    start = commands.add_parser("autostart", help="start the service at login (systemd user unit, "
                                "macOS LaunchAgent, Windows scheduled task)")
    start.add_argument("action", choices=("install", "remove", "status"))
    start.add_argument("--port", type=int, default=None,
                       help=f"port of the started service (install; env CWGUARD_PORT, default {DEFAULT_PORT})")
    start.set_defaults(run=_autostart)

    scan = commands.add_parser("scan", help="score a thread (request JSON or plain text) and print a report")
    scan.add_argument("file", help="file to read, or - for standard input")
    scan.add_argument("--json", action="store_true", help="print the raw JSON answer")
    scan.add_argument("--lang", choices=schemas.LANGS, help="language of warnings (default: the request's, else ja)")
    scan.add_argument("--server", metavar="URL", help="ask a running service (e.g. http://127.0.0.1:8765)")
    scan.add_argument("--token", default=os.environ.get("CWGUARD_TOKEN", ""),
                      help="token for --server (env CWGUARD_TOKEN)")
    scan.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                      help="colour the report (auto: only on a terminal)")
    scan.add_argument("--all", action="store_true", help="print every message, not only those with findings")
    scan.set_defaults(run=_scan)
    return parser


# ---------------------------------------------------------------- serve
def _is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _serve(args: argparse.Namespace) -> int:
    host = args.host or os.environ.get("CWGUARD_HOST") or DEFAULT_HOST
    try:
        port = args.port if args.port is not None else int(os.environ.get("CWGUARD_PORT") or DEFAULT_PORT)
    except ValueError:
        print("cwguard: CWGUARD_PORT must be a number", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        token = _serving_token(args.token_file)
    except ScanError as error:
        print(f"cwguard: {error}", file=sys.stderr)
        return error.exit_code
    if not _is_loopback(host):
        if not args.allow_remote:
            print(f"cwguard: refusing to listen on {host}: other machines could send it requests. "
                  "Use 127.0.0.1, or add --allow-remote if you really mean it.", file=sys.stderr)
            return EXIT_BAD_INPUT
        if not token:
            print(f"cwguard: refusing to listen on {host} without a token: any machine that reaches it "
                  "could score (and a Host header of 127.0.0.1 is easy to send). Set CWGUARD_TOKEN "
                  "(or --token-file) and the same token in the extension's options.", file=sys.stderr)
            return EXIT_BAD_INPUT
        print(f"cwguard: WARNING: listening on {host}, reachable from other machines; "
              f"POST /score requires the {TOKEN_HEADER} header.", file=sys.stderr)
    app = _serving_app(host, port, args.allow_host, token)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from .http import app as http_app
    from .http import server as http_server

    try:
        server = http_server.create_server(app, host, port, threads=args.threads)
    except OSError as error:
        print(f"cwguard: cannot listen on {_url_host(host)}:{port}: {error.strerror or error}", file=sys.stderr)
        return EXIT_UNREACHABLE
    # Bound but not yet serving: a request arriving now waits in the listen queue, and /health
    # answers only once the engine is loaded, so the first scan costs what a later one does.
    http_app.warm_up(app)
    print(f"cwguard {__version__} serving on http://{_url_host(host)}:{port}", file=sys.stderr, flush=True)
    server.run()
    return EXIT_OK


def _serving_token(token_file: str | None) -> str:
    """The token from --token-file when given (it must hold one), else CWGUARD_TOKEN (may be empty)."""
    if token_file is None:
        return os.environ.get("CWGUARD_TOKEN", "").strip()
    try:
        token = _read_file(token_file).decode("utf-8").strip()
    except OSError as error:
        raise ScanError(f"cannot read the token file {token_file}: {error.strerror or error}", EXIT_BAD_INPUT) from None
    except UnicodeDecodeError:
        raise ScanError(f"the token file {token_file} is not UTF-8 text", EXIT_BAD_INPUT) from None
    if not token:
        raise ScanError(f"the token file {token_file} is empty", EXIT_BAD_INPUT)
    return token


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def _serving_app(host: str, port: int, extra_hosts: list[str], token: str):
    from .http import create_app

    allowed = list(LOOPBACK_HOSTS) + [name.lower() for name in extra_hosts]
    if not _is_loopback(host) and host not in ("0.0.0.0", "::"):
        allowed.append(_url_host(host).lower())
    return create_app({"CWGUARD_PORT": port or None, "CWGUARD_ALLOWED_HOSTS": tuple(allowed),
                       "CWGUARD_TOKEN": token})


# ---------------------------------------------------------------- autostart
def _autostart(args: argparse.Namespace) -> int:
    from . import autostart

    return autostart.main(args)


# ---------------------------------------------------------------- scan
class ScanError(Exception):
    def __init__(self, message: str, exit_code: int):
        super().__init__(message)
        self.exit_code = exit_code


def _scan(args: argparse.Namespace) -> int:
    try:
        payload = _read_payload(args.file)
        if args.lang:
            payload["lang"] = args.lang
        answer = _ask_server(args.server, payload, args.token) if args.server else _score_here(payload)
    except ScanError as error:
        print(f"cwguard: {error}", file=sys.stderr)
        return error.exit_code
    if args.json:
        json.dump(answer, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        colour = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        sys.stdout.write(render(answer, _messages_of(payload), colour=colour, show_all=args.all,
                                lang=payload.get("lang", "ja")))
    return EXIT_OK


def _read_payload(path: str) -> dict:
    """A request object from a JSON file, or `{"text": ...}` from plain text."""
    try:
        data = sys.stdin.buffer.read() if path == "-" else _read_file(path)
        text = data.decode("utf-8-sig")
    except OSError as error:
        raise ScanError(f"cannot read {path}: {error.strerror or error}", EXIT_BAD_INPUT) from None
    except UnicodeDecodeError:
        raise ScanError(f"{path} is not UTF-8 text", EXIT_BAD_INPUT) from None
    if text.lstrip().startswith("{"):
        try:
            parsed = json.loads(text)
        except (ValueError, RecursionError) as error:
            raise ScanError(f"{path} looks like JSON but cannot be parsed: {error}", EXIT_BAD_INPUT) from None
        if isinstance(parsed, dict):
            return parsed
    return {"text": text}


def _read_file(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _score_here(payload: dict) -> dict:
    from .api import score

    try:
        return score(payload)
    except InputError as error:
        raise ScanError(_describe(error.code, error.message), EXIT_BAD_INPUT) from None


def _ask_server(url: str, payload: dict, token: str) -> dict:
    import requests

    headers = {"Content-Type": "application/json"}
    if token.strip():
        # Sent as its UTF-8 bytes (http.client writes a str header as Latin-1, one byte per
        # character), which is what the service compares.
        headers[TOKEN_HEADER] = token.strip().encode("utf-8").decode("latin-1")
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    try:
        response = requests.post(url.rstrip("/") + "/score", data=body, headers=headers, timeout=SERVER_TIMEOUT_S)
    except requests.RequestException as error:
        raise ScanError(f"cannot reach the service at {url} ({type(error).__name__})", EXIT_UNREACHABLE) from None
    try:
        answer = response.json()
    except ValueError:
        raise ScanError(f"the service at {url} answered {response.status_code} without JSON", EXIT_UNREACHABLE) from None
    if response.status_code == 200 and isinstance(answer, dict):
        return answer
    error = answer.get("error", {}) if isinstance(answer, dict) else {}
    described = _describe(error.get("code", f"http_{response.status_code}"), error.get("message", ""))
    exit_code = EXIT_BAD_INPUT if 400 <= response.status_code < 500 else EXIT_UNREACHABLE
    raise ScanError(f"the service refused the request: {described}", exit_code)


def _describe(code: str, message: str) -> str:
    return f"{message} [{code}]" if message else code


def _messages_of(payload: dict) -> list[dict]:
    if "text" in payload:
        return [{"id": "m1", "sender": "unknown", "text": payload["text"]}]
    return [m for m in payload.get("messages", []) if isinstance(m, dict)]



# ---------------------------------------------------------------- report
RESET = "\x1b[0m"
LEVEL_STYLES = {"high": "\x1b[1;97;41m", "medium": "\x1b[1;30;43m", "low": "\x1b[1;30;46m", "none": "\x1b[1;30;42m"}
SEVERITY_STYLES = {"high": "\x1b[1;31m", "medium": "\x1b[1;33m", "low": "\x1b[36m", "info": "\x1b[2m"}
MARK_STYLES = {"high": "\x1b[1;4;97;41m", "medium": "\x1b[1;4;30;43m", "low": "\x1b[4;30;46m", "info": "\x1b[4m"}
PLAIN_MARKS = ("[[", "]]")
SEVERITY_RANK = {"info": 0, "low": 1, "medium": 2, "high": 3}
HEADINGS = {
    "ja": {"risk": "リスク", "contract": "契約状態", "warnings": "警告", "none": "警告はありません。",
           "messages": "該当箇所のあるメッセージ", "thread": "スレッド全体", "others": "件のメッセージには該当箇所がありません。"},
    "en": {"risk": "risk", "contract": "contract status", "warnings": "Warnings", "none": "No warnings.",
           "messages": "Messages with findings", "thread": "whole thread", "others": "other message(s) without findings."},
}
# Bidi controls would let a message reorder the terminal line; shown as <U+202E> instead.
_BIDI_CONTROLS = set("\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def render(answer: dict, messages: list[dict], *, colour: bool, show_all: bool = False, lang: str = "ja") -> str:
    """A readable report of `answer`; message text is shown with its highlights marked."""
    words = HEADINGS.get(lang, HEADINGS["en"])

    def paint(style: str, text: str) -> str:
        return f"{style}{text}{RESET}" if colour else text

    risk = answer["risk"]
    badge = paint(LEVEL_STYLES.get(risk["level"], ""), f" {risk['level'].upper()} ")
    lines = [f"cwguard: {words['risk']} {badge} ({risk['score']}/100)   {words['contract']}: {answer['contract_status']}", ""]
    lines.append(f"{words['warnings']} ({len(answer['warnings'])})" if answer["warnings"] else words["none"])
    for number, warning in enumerate(answer["warnings"], 1):
        where = ", ".join(_clean(i) for i in warning["message_ids"]) or words["thread"]
        severity = paint(SEVERITY_STYLES.get(warning["severity"], ""), f"[{warning['severity'].upper()}]")
        lines += [f"  {number}. {severity} {_clean(warning['title'])}  ({warning['category']}; {where})",
                  f"     {_clean(warning['detail'])}",
                  f"     → {_clean(warning['advice'])}"]
    by_message: dict[str, list[dict]] = {}
    for highlight in answer["highlights"]:
        by_message.setdefault(highlight["message_id"], []).append(highlight)
    shown = [m for m in messages if show_all or m.get("id") in by_message]
    if shown:
        lines += ["", f"{words['messages']} ({len(shown)}/{len(messages)})"]
    for message in shown:
        header = " · ".join(_clean(str(message[key])) for key in ("id", "sender", "sent_at") if message.get(key))
        marked = _mark(str(message.get("text", "")), by_message.get(message.get("id"), []), colour)
        lines += [f"  {header}", "     " + marked.replace("\n", "\n     ")]
    if not show_all and len(messages) > len(shown) and shown:
        lines.append(f"  ({len(messages) - len(shown)} {words['others']})")
    return "\n".join(lines) + "\n"


def _mark(text: str, highlights: list[dict], colour: bool) -> str:
    """`text` with each highlighted range (UTF-16 offsets, possibly overlapping) marked once, in
    the style of the most severe highlight covering it."""
    starts = _utf16_starts(text)
    ranges = sorted((_to_index(starts, h["start"]), _to_index(starts, h["end"]), h["severity"]) for h in highlights)
    merged: list[list] = []
    for start, end, severity in ranges:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            if SEVERITY_RANK.get(severity, 0) > SEVERITY_RANK.get(merged[-1][2], 0):
                merged[-1][2] = severity
        elif end > start:
            merged.append([start, end, severity])
    out, position = [], 0
    for start, end, severity in merged:
        out.append(_clean(text[position:start]))
        opening, closing = (MARK_STYLES.get(severity, "\x1b[4m"), RESET) if colour else PLAIN_MARKS
        out.append(f"{opening}{_clean(text[start:end])}{closing}")
        position = end
    out.append(_clean(text[position:]))
    return "".join(out)


def _utf16_starts(text: str) -> list[int]:
    """UTF-16 offset at which each code point starts, plus the total length."""
    starts, unit = [], 0
    for char in text:
        starts.append(unit)
        unit += 2 if ord(char) > 0xFFFF else 1
    starts.append(unit)
    return starts


def _to_index(starts: list[int], utf16_offset: int) -> int:
    return max(0, bisect_right(starts, utf16_offset) - 1)


def _clean(text: str) -> str:
    """Text safe to print: control characters (an ESC could rewrite the terminal) and bidi
    controls are shown as <U+XXXX>; newlines and tabs stay."""
    return "".join(
        f"<U+{ord(c):04X}>" if (c in _BIDI_CONTROLS or (unicodedata.category(c) == "Cc" and c not in "\n\t")) else c
        for c in text
    )
