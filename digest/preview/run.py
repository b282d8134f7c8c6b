"""Start and stop the preview: first build, HTTP server thread, watcher thread."""

from __future__ import annotations

import errno
import logging
import signal
import threading
import time
import webbrowser
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from digest.errors import ConfigError, one_line
from digest.preview.server import LOOPBACK, PreviewServer
from digest.preview.state import Settings, Snapshot, State
from digest.preview.watch import Report, Watcher

Echo = Callable[[str], None]


class Preview:
    """A running preview; use it as a context manager so every thread stops at the end."""

    def __init__(
        self,
        settings: Settings,
        host: str = "127.0.0.1",
        port: int = 8000,
        report: Report | None = None,
    ) -> None:
        self.state = State(settings)
        self.report: Report = report or (lambda snapshot, changed: None)
        try:
            self.server = PreviewServer((host, port), self.state)
        except OSError as exc:
            raise ConfigError(_bind_problem(host, port, exc)) from exc
        try:
            self.state.rebuild()
        except BaseException:  # Ctrl-C during the first build: free the port, then stop
            self.server.server_close()
            raise
        self.watcher = Watcher(self.state, self.report)
        self._serving = threading.Thread(
            target=self.server.serve_forever,
            kwargs={"poll_interval": 0.05},  # how soon stop() takes effect
            name="digest-preview-http",
            daemon=True,
        )

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        shown = "127.0.0.1" if host == "0.0.0.0" else str(host)
        return f"http://{f'[{shown}]' if ':' in shown else shown}:{port}/"

    def start(self) -> Preview:
        self._serving.start()
        self.watcher.start()
        self.watcher.ready.wait(timeout=5)
        return self

    def stop(self) -> None:
        self.watcher.stop()
        self.state.close()
        self.server.shutdown()
        self.server.server_close()
        self._serving.join(timeout=5)

    def __enter__(self) -> Preview:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()


def _bind_problem(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return f"--port {port}: already in use; pick another port, or --port 0 for any free one"
    return f"--host {host}: cannot listen there ({exc.strerror}); use --host 127.0.0.1"


def serve(settings: Settings, host: str, port: int, open_browser: bool, echo: Echo) -> None:
    """Run until Ctrl-C: print the URL, then one line per rebuild (and every error)."""

    def report(snapshot: Snapshot, changed: list[str]) -> None:
        for line in describe(snapshot, changed):
            echo(line)

    _print_only_errors(echo)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # `kill` stops it as cleanly as Ctrl-C
    with Preview(settings, host, port, report) as preview:
        report(preview.state.snapshot, [])
        echo(f"digest: preview at {preview.url} (Ctrl-C to stop)")
        if host not in LOOPBACK:
            echo(f"digest: warning: --host {host}: anyone on this network can see the preview")
        if open_browser:
            webbrowser.open(preview.url)
        # Ctrl-C may be delivered to any thread; a short sleep lets this (main) thread
        # notice it soon, where one long wait could miss it.
        while True:
            time.sleep(0.2)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _print_only_errors(echo: Echo) -> None:
    """Warnings are printed with the build they belong to (see describe), once per change;
    an internal error still prints at once, with its traceback."""

    class Errors(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            echo(f"digest: {self.format(record)}")

    root = logging.getLogger("digest")
    root.handlers = [Errors(logging.ERROR)]
    root.setLevel(logging.WARNING)
    root.propagate = False


def describe(snapshot: Snapshot, changed: list[str]) -> list[str]:
    """The terminal lines for a new build: its warnings, then what it made or what to fix."""
    lines = [f"digest: warning: {warning}" for warning in snapshot.warnings]
    if snapshot.email is None:
        return [one_line(line) for line in (*lines, f"digest: error: {snapshot.error}")]
    why = f" ({', '.join(_short(name) for name in changed)} changed)" if changed else ""
    stories = "1 story" if snapshot.stories == 1 else f"{snapshot.stories} stories"
    size = f"{snapshot.size / 1024:.1f} KB"
    built = f"digest: built {stories}, {size} in {snapshot.seconds * 1000:.0f} ms{why}"
    # A seed's file name or a warning may hold escape sequences: never let them reach the terminal.
    return [one_line(line) for line in (*lines, built)]


def _short(name: str) -> str:
    """A changed file as the user would type it: relative to here when it is below here."""
    path = Path(name)
    return str(path.relative_to(Path.cwd())) if path.is_relative_to(Path.cwd()) else name
