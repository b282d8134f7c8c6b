"""A real HTTP server on 127.0.0.1 for the web-seed tests: pages and feeds we write.

It records every request, answers conditional requests with 304 like a real
site, and can be told to be slow, large, missing or of the wrong type.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import threading
from dataclasses import dataclass, field
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType


@dataclass
class Route:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: dt.datetime | None = None
    delay: float = 0.0  # seconds before answering
    send_length: bool = True  # False: no Content-Length, the body ends when the socket closes
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    path: str
    headers: dict[str, str]


class LocalWeb:
    """`with LocalWeb() as web: web.add("/a.html", Route(...)); web.url("/a.html")`."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[Seen] = []
        self.stop = threading.Event()
        self.in_flight = 0
        self.most_in_flight = 0  # how many requests the server ever saw at once
        self._lock = threading.Lock()
        self.server = _Server(("127.0.0.1", 0), _handler(self))
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def __enter__(self) -> LocalWeb:
        self.thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop.set()  # wakes slow handlers
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def add(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url(path)

    def html(self, path: str, body: str, **options: object) -> str:
        return self.add(path, Route(body.encode("utf-8"), **options))  # type: ignore[arg-type]

    def count(self, path: str) -> int:
        return sum(1 for seen in self.requests if seen.path == path)


def _handler(web: LocalWeb) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            with web._lock:
                web.requests.append(
                    Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                )
                web.in_flight += 1
                web.most_in_flight = max(web.most_in_flight, web.in_flight)
            self.counted = True
            try:
                self._serve()
            finally:
                self._done()

        def _done(self) -> None:
            # Called before answering: once the client has its answer it may send the
            # next request at once, and that must not count as one more at the same time.
            if self.counted:
                self.counted = False
                with web._lock:
                    web.in_flight -= 1

        def _serve(self) -> None:
            route = web.routes.get(self.path)
            if route is None:
                self._answer(404, b"<html><body>Not found</body></html>", {})
                return
            if route.delay and web.stop.wait(route.delay):
                return
            if self._not_modified(route):
                self._answer(304, b"", self._validators(route))
                return
            headers = {"Content-Type": route.content_type, **self._validators(route)}
            self._answer(route.status, route.body, {**headers, **route.headers}, route.send_length)

        def _not_modified(self, route: Route) -> bool:
            tag = self.headers.get("If-None-Match")
            if tag is not None:
                return route.etag is not None and tag == route.etag
            since = self.headers.get("If-Modified-Since")
            if since is None or route.last_modified is None:
                return False
            return route.last_modified <= parsedate_to_datetime(since)

        def _validators(self, route: Route) -> dict[str, str]:
            headers = {}
            if route.etag:
                headers["ETag"] = route.etag
            if route.last_modified:
                headers["Last-Modified"] = format_datetime(route.last_modified, usegmt=True)
            return headers

        def _answer(
            self, status: int, body: bytes, headers: dict[str, str], send_length: bool = True
        ) -> None:
            self._done()
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            if send_length and status != 304:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            # The client may hang up early (size cap, timeout): that is the test.
            with contextlib.suppress(OSError):
                self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass  # keep pytest output clean

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up early is expected here


# Synthetic pages and feeds (written for these tests; no real site's text).
@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    author: str
    published: dt.datetime
    paragraph: str

    @property
    def path(self) -> str:
        return f"/news/{self.slug}.html"


STORIES = [
    Story(
        slug=f"story-{n}",
        title=title,
        author=author,
        published=dt.datetime(2026, 11, 29 - n, 9, 30, tzinfo=dt.UTC),
        paragraph=(
            f"{sentence} Officials said the plan had been discussed for several months "
            "and that residents would be able to comment at a public meeting next week."
        ),
    )
    for n, (title, author, sentence) in enumerate(
        [
            (
                "Night Buses Return to the Eastern Line",
                "Mara Quill",
                "The eastern night bus line will run again from January after a two year pause.",
            ),
            (
                "Library Opens on Sundays This Winter",
                "Tobias Fenn",
                "The central library will open every Sunday from ten until four this winter.",
            ),
            (
                "New Cycle Lane Planned for Mill Road",
                "Ines Okafor",
                "A protected cycle lane is planned for the full length of Mill Road next spring.",
            ),
            (
                "Harbour Market Moves to the Old Depot",
                "Lukas Brandt",
                "The Saturday harbour market moves into the old tram depot for the cold months.",
            ),
            (
                "School Kitchens to Serve Local Produce",
                "Priya Natarajan",
                "Every school kitchen in the district will buy from local farms by March.",
            ),
            (
                "Swimming Pool Roof Repairs Finished Early",
                "Owen Castell",
                "Repairs to the leaking roof of the town swimming pool finished three weeks early.",
            ),
            (
                "Tree Planting Day Draws Record Crowd",
                "Hana Sato",
                "More than nine hundred volunteers planted saplings along the river on Saturday.",
            ),
        ]
    )
]


def article(story: Story) -> str:
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{story.title} | The Valley Gazette</title></head>\n<body>\n"
        '<nav><a href="/">Home</a> <a href="/news/">News</a></nav>\n'
        f'<article><h1>{story.title}</h1>\n<p class="byline">By {story.author}</p>\n'
        f"<p>{story.paragraph}</p>\n</article>\n<footer>The Valley Gazette</footer>\n"
        "</body></html>\n"
    )


def rss(web: LocalWeb, stories: list[Story]) -> bytes:
    items = "".join(
        f"<item><title>{s.title}</title><link>{web.url(s.path)}</link>"
        f"<author>news@valley.example ({s.author})</author>"
        f"<pubDate>{format_datetime(s.published, usegmt=True)}</pubDate>"
        f"<description>&lt;p&gt;Feed summary: {s.paragraph}&lt;/p&gt;</description>"
        f'<enclosure url="https://img.valley.example/{s.slug}.jpg" type="image/jpeg" length="1"/>'
        "</item>"
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>The Valley Gazette</title><link>{web.url('/')}</link>"
        f"<description>Local news</description>{items}</channel></rss>\n"
    ).encode()


def atom(web: LocalWeb, stories: list[Story]) -> bytes:
    entries = "".join(
        f'<entry><title>{s.title}</title><link rel="alternate" href="{s.path}"/>'
        f"<id>tag:valley.example,2026:{s.slug}</id><author><name>{s.author}</name></author>"
        f"<updated>{s.published.isoformat()}</updated>"
        f'<content type="html">&lt;p&gt;Feed text: {s.paragraph}&lt;/p&gt;</content></entry>'
        for s in stories
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>The Valley Gazette</title><id>tag:valley.example,2026:feed</id>"
        f"<updated>2026-11-29T09:30:00Z</updated>{entries}</feed>\n"
    ).encode()


def serve_site(web: LocalWeb, stories: list[Story] = STORIES) -> None:
    """Every story's page, /feed.xml (RSS) and /atom.xml."""
    for story in stories:
        web.html(story.path, article(story))
    web.add("/feed.xml", Route(rss(web, stories), "application/rss+xml"))
    web.add("/atom.xml", Route(atom(web, stories), "application/atom+xml"))
