"""The `web:` section: the optional HTTP listener (bot.web) and the address people reach
it at."""

from __future__ import annotations

from bot.settings.section import Section, is_url, setting


def _host_and_port(value: str) -> str:
    split_address(value)
    return value


def _http_url(value: str) -> str:
    if not is_url(value):
        raise ValueError("expected an http(s) URL, e.g. https://bluehats.example.org")
    return value.rstrip("/")


class WebConfig(Section):
    listen: str | None = setting(None, check=_host_and_port)
    """host:port of the HTTP listener (/healthz, /metrics, /calendar/…), e.g.
    127.0.0.1:8080; null: no listener."""
    public_url: str | None = setting(None, check=_http_url)
    """The listener's address as people reach it (https://bluehats.example.org, behind a
    reverse proxy): `!calendrier` then gives subscription links; null: no links."""

    @property
    def address(self) -> tuple[str, int] | None:
        """(host, port) to listen on, or None when the listener is off."""
        return None if self.listen is None else split_address(self.listen)


def split_address(text: str) -> tuple[str, int]:
    """'127.0.0.1:8080' -> ('127.0.0.1', 8080); '[::1]:8080' and ':8080' (every
    interface) too; ValueError otherwise."""
    host, colon, port = text.strip().rpartition(":")
    if not colon or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError("expected host:port, e.g. 127.0.0.1:8080")
    return host.strip("[]") or "0.0.0.0", int(port)
