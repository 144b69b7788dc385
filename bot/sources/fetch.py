"""One HTTP request for a programme source, with aiohttp (already a matrix-nio dependency,
asyncio-native, streaming reads so a size limit holds before the whole body arrives). It is
imported when the first source is asked: a bot without sources given by URL (the console on
its files) never loads it.

Conditional: the ETag and Last-Modified of the last answer are sent back, and a 304 costs
nothing. Every failure is a `FetchError` with a one-line reason; the source keeps its last
version. A body cut before its end (shorter than its Content-Length, or a chunked body
without its last chunk: the server closed the connection early) is such a failure, never a
new version: the loaders would read the part that arrived as a programme that lost most of
its sessions.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    import aiohttp

from bot.loaders.source_name import SourceName

USER_AGENT = "bluehats-bot (programme sources; https://code.gouv.fr/bluehats-bot)"
SUFFIXES = {"json": ".json", "xml": ".xml", "yaml": ".yaml", "markdown": ".md"}
"""The file suffix a URL without one is read as, from its Content-Type."""


class FetchError(Exception):
    """The source could not be fetched this time (network, status, size, cut, encoding)."""


@dataclass(frozen=True)
class Fetched:
    """An answer: a new body (status 200) or `body` None for 'not modified' (304)."""

    body: str | None
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""


def source_name(url: str, content_type: str = "") -> SourceName:
    name = urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1] or "index"
    if not PurePosixPath(name).suffix:
        name += next((suffix for key, suffix in SUFFIXES.items() if key in content_type), "")
    return SourceName.of(name, url)


def open_client() -> aiohttp.ClientSession:
    """A new HTTP client for `fetch` (to close: `async with`)."""
    import aiohttp

    return aiohttp.ClientSession()


async def fetch(
    client: aiohttp.ClientSession,
    url: str,
    *,
    etag: str | None = None,
    last_modified: str | None = None,
    timeout: float = 20,
    max_bytes: int = 10_000_000,
) -> Fetched:
    """GET `url`; `Fetched(None)` when the server says it has not changed."""
    import aiohttp

    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    try:
        async with client.get(url, headers=headers,
                              timeout=aiohttp.ClientTimeout(total=timeout)) as response:
            if response.status == 304:
                return Fetched(None, etag, last_modified)
            if response.status != 200:
                raise FetchError(f"HTTP {response.status} {response.reason or ''}".strip())
            if (response.content_length or 0) > max_bytes:
                raise FetchError(f"answer of {response.content_length} bytes, "
                                 f"more than the {max_bytes} bytes allowed")
            body = bytearray()
            try:
                async for chunk in response.content.iter_chunked(65536):
                    body += chunk
                    if len(body) > max_bytes:
                        raise FetchError(f"answer of more than the {max_bytes} bytes allowed")
            except aiohttp.ClientPayloadError as error:  # aiohttp counts the bytes owed
                raise FetchError(_cut(len(body), response.content_length)) from error
            try:
                text = body.decode(response.charset or "utf-8").lstrip("\ufeff")
            except (UnicodeDecodeError, LookupError) as error:
                raise FetchError(f"not readable text: {error}") from error
            return Fetched(text, response.headers.get("ETag"),
                           response.headers.get("Last-Modified"), response.content_type or "")
    except TimeoutError as error:
        raise FetchError(f"no whole answer within {timeout:g} s") from error
    except aiohttp.ClientError as error:
        raise FetchError(f"{type(error).__name__}: {error}") from error
    except asyncio.CancelledError:
        raise


def _cut(received: int, expected: int | None) -> str:
    of = f" of the {expected} announced" if expected is not None else ""
    return f"answer cut before its end: {received} bytes{of} arrived"
