"""Decompress a response body chunk by chunk, never past a size cap.

httpx decompresses each network chunk in one go, so 64 KB of gzip can become
64 MB before any cap is checked. Reading the raw bytes and inflating them here
with zlib's `max_length` keeps memory at the cap, whatever the compression ratio.
"""

from __future__ import annotations

import zlib

# What we ask servers for: the encodings zlib decodes, so every one is capped here.
ACCEPT_ENCODING = "gzip, deflate"


class TooBig(Exception):
    """The decompressed body would pass the cap."""


class UnknownEncoding(Exception):
    """A Content-Encoding we did not ask for and cannot decode."""


class Inflater:
    """feed(raw) -> decoded bytes, raising TooBig once more than `limit` bytes come out."""

    def __init__(self, content_encoding: str, limit: int) -> None:
        codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1 or (codings and codings[0] not in ("gzip", "x-gzip", "deflate")):
            raise UnknownEncoding(content_encoding)
        self.coding = codings[0] if codings else None
        self.limit = limit
        self.size = 0
        self._zlib = self._new() if self.coding else None

    def _new(self) -> zlib._Decompress:
        # 47: a gzip or zlib header, detected; 15 + 32 the same for deflate's zlib stream.
        return zlib.decompressobj(47 if self.coding != "deflate" else 15 + 32)

    def feed(self, raw: bytes) -> bytes:
        decoder = self._zlib
        if decoder is None:
            return self._count(raw)
        out: list[bytes] = []
        while raw:
            room = self.limit - self.size
            try:
                chunk = decoder.decompress(raw, room + 1)
            except zlib.error:
                if self.coding != "deflate" or self.size or out:
                    raise
                decoder = zlib.decompressobj(-15)  # some servers send raw deflate
                chunk = decoder.decompress(raw, room + 1)
            out.append(self._count(chunk))
            raw = decoder.unconsumed_tail
            if decoder.eof:
                # A second gzip member may follow; anything else after the end is padding.
                raw = decoder.unused_data + raw
                if not raw.startswith(b"\x1f\x8b"):
                    break
                decoder = self._new()
        self._zlib = decoder
        return b"".join(out)

    def _count(self, data: bytes) -> bytes:
        self.size += len(data)
        if self.size > self.limit:
            raise TooBig
        return data
