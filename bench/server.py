"""The real waitress server in a child process, for the HTTP benchmark and the load test.

Started as users start it (`cwguard serve`, from the same virtual environment as this Python), on
a free loopback port, without a token, and always stopped by the context manager.
"""
from __future__ import annotations

import http.client
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from support.service import HOST, ServiceProcess, read_memory_kb  # noqa: E402


class Server:
    def __init__(self, service: ServiceProcess):
        self.service = service
        self.port = service.port

    @property
    def pid(self) -> int:
        return self.service.pid

    def connection(self, timeout: float = 30.0) -> http.client.HTTPConnection:
        """A keep-alive connection (http.client reuses it for every request until closed)."""
        return http.client.HTTPConnection(HOST, self.port, timeout=timeout)

    def memory_kb(self) -> dict[str, int]:
        """VmRSS (now) and VmHWM (peak) of the server process, in kB."""
        return read_memory_kb(self.pid)


def send(connection: http.client.HTTPConnection, method: str, path: str, body: bytes | None = None,
         content_type: str = "application/json") -> tuple[int, bytes]:
    """One request on a keep-alive connection: (status, body). Connection errors propagate."""
    headers = {"Content-Type": content_type} if body is not None else {}
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    return response.status, response.read()


@contextmanager
def running_server() -> Iterator[Server]:
    with ServiceProcess() as service:
        yield Server(service)
