"""`digest preview`: a local page that shows the email as it is built, rebuilt on every save.

settings -> State (incremental builds, one Snapshot at a time) -> HTTP server + file watcher.
"""

from __future__ import annotations

from digest.preview.checks import findings
from digest.preview.run import Preview, serve
from digest.preview.state import Settings, Snapshot, State

__all__ = ["Preview", "Settings", "Snapshot", "State", "findings", "serve"]
