"""The preview's HTTP server: a fixed set of routes, nothing read from disk by request path.

Only these URLs exist, so no directory listing and no path traversal can happen:
the page and its assets, the email (exact bytes, or a light/dark preview
variant), its text version, the build state as JSON, and a server-sent event
stream that tells the open page to reload.
"""

from __future__ import annotations

import json
import re
import socket
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from digest.preview.state import State

ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/preview.css": ("preview.css", "text/css; charset=utf-8"),
    "/preview.js": ("preview.js", "text/javascript; charset=utf-8"),
}
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
KEEPALIVE_SECONDS = 15.0

_STYLE_BLOCK = re.compile(r"(<style\b[^>]*>)(.*?)(</style>)", re.S | re.I)
_SCHEME_QUERY = re.compile(r"\(\s*prefers-color-scheme\s*:\s*(light|dark)\s*\)", re.I)
# Always-true and never-true media features: swapped in for the reader's scheme query.
_ALWAYS, _NEVER = "(min-width: 0px)", "(max-width: -1px)"


def scheme_variant(html: str, scheme: str) -> str:
    """The email as a reader with `scheme` (light or dark) sees it, whatever this OS prefers.

    Chromium does not pass an iframe's color-scheme on to prefers-color-scheme
    inside it, so the preview rewrites the email's own queries instead: its dark
    rules then apply exactly as in Apple Mail. Links open in a new tab.
    """

    def media(match: re.Match[str]) -> str:
        return _ALWAYS if match.group(1).lower() == scheme else _NEVER

    def style(block: re.Match[str]) -> str:
        return block.group(1) + _SCHEME_QUERY.sub(media, block.group(2)) + block.group(3)

    out = _STYLE_BLOCK.sub(style, html)
    meta = f'<meta name="color-scheme" content="{scheme}"><base target="_blank">'
    return re.sub(r"(<head\b[^>]*>)", lambda m: m.group(1) + meta, out, count=1, flags=re.I)


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True  # an open event stream must not keep the process alive

    def __init__(self, address: tuple[str, int], state: State) -> None:
        self.state = state
        self.bound_host = address[0]
        if ":" in self.bound_host:
            self.address_family = socket.AF_INET6  # --host ::1
        super().__init__(address, Handler)

    def host_allowed(self, header: str | None) -> bool:
        """On loopback, refuse other Host names: a rebinding web page cannot read the preview."""
        if self.bound_host not in LOOPBACK or not header:
            return True
        name = urlsplit(f"//{header or ''}").hostname or ""
        return name in LOOPBACK


class Handler(BaseHTTPRequestHandler):
    server: PreviewServer
    server_version = "digest-preview"
    sys_version = ""

    def do_GET(self) -> None:
        if not self.server.host_allowed(self.headers.get("Host")):
            self._send(HTTPStatus.FORBIDDEN, b"unexpected Host header\n", "text/plain")
            return
        url = urlsplit(self.path)
        routes = {
            "/email.html": self._email,
            "/email.txt": self._text,
            "/state.json": self._state,
            "/events": self._events,
        }
        if url.path in ASSETS:
            name, kind = ASSETS[url.path]
            self._send(HTTPStatus.OK, _asset(name), kind)
        elif url.path in routes:
            routes[url.path](parse_qs(url.query))
        else:
            self._send(HTTPStatus.NOT_FOUND, b"not found\n", "text/plain")

    def _email(self, query: dict[str, list[str]]) -> None:
        snapshot = self.server.state.snapshot
        if snapshot.email is None:
            self._unavailable(snapshot.error)
            return
        html = snapshot.email.html
        scheme = query.get("scheme", [""])[0]
        if scheme in ("light", "dark"):
            html = scheme_variant(html, scheme)
        self._send(HTTPStatus.OK, html.encode("utf-8"), "text/html; charset=utf-8")

    def _text(self, query: dict[str, list[str]]) -> None:
        snapshot = self.server.state.snapshot
        if snapshot.email is None:
            self._unavailable(snapshot.error)
            return
        self._send(HTTPStatus.OK, snapshot.email.text.encode("utf-8"), "text/plain; charset=utf-8")

    def _unavailable(self, error: str | None) -> None:
        body = f"the email could not be built: {error}\n" if error else "building...\n"
        self._send(HTTPStatus.SERVICE_UNAVAILABLE, body.encode("utf-8"), "text/plain")

    def _state(self, query: dict[str, list[str]]) -> None:
        body = json.dumps(self.server.state.snapshot.as_json(), ensure_ascii=False)
        self._send(HTTPStatus.OK, body.encode("utf-8"), "application/json")

    def _events(self, query: dict[str, list[str]]) -> None:
        """Server-sent events: one `build` event per new version, comments to keep it open."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command == "HEAD":
            return
        seen = -1
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while True:
                snapshot = self.server.state.wait_for_change(seen, KEEPALIVE_SECONDS)
                if snapshot is None:
                    return
                if snapshot.version == seen:
                    self.wfile.write(b": still here\n\n")
                else:
                    seen = snapshot.version
                    self.wfile.write(f"event: build\ndata: {seen}\n\n".encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            return  # the page was closed or reloaded

    def _send(self, status: HTTPStatus, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows builds and errors, not every request."""


def _asset(name: str) -> bytes:
    # Package data inside digest/, so the wheel ships it; `name` comes from ASSETS only.
    return (Path(__file__).parent / "assets" / name).read_bytes()
