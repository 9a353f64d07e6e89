"""The real waitress server in a child process, for the HTTP benchmark and the load test.

Started as users start it (`cwguard serve`, from the same virtual environment as this Python), on
a free loopback port, without a token, and always stopped by the context manager.
"""
from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

HOST = "127.0.0.1"
START_TIMEOUT_S = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def cwguard_command() -> list[str]:
    script = Path(sys.executable).parent / "cwguard"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "cwguard.cli"]


class Server:
    def __init__(self, process: subprocess.Popen, port: int):
        self.process = process
        self.port = port

    @property
    def pid(self) -> int:
        return self.process.pid

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


def read_memory_kb(pid: int | str = "self") -> dict[str, int]:
    wanted = {"VmRSS": "rss_kb", "VmHWM": "peak_rss_kb"}
    found = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in wanted:
                found[wanted[key]] = int(value.split()[0])
    return found


def _wait_until_healthy(process: subprocess.Popen, port: int, log: IO[bytes]) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"cwguard serve exited with {process.returncode}: {_stderr(log)}")
        try:
            connection = http.client.HTTPConnection(HOST, port, timeout=2)
            connection.request("GET", "/health")
            response = connection.getresponse()
            body = response.read()
            connection.close()
            if response.status == 200 and json.loads(body).get("status") == "ok":
                return
        except (OSError, ValueError):
            pass
        time.sleep(0.1)
    raise RuntimeError(f"cwguard serve did not answer /health within {START_TIMEOUT_S:.0f} s")


def _stderr(log: IO[bytes]) -> str:
    log.seek(0)
    return log.read().decode(errors="replace")[-2000:]


@contextmanager
def running_server() -> Iterator[Server]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "CWGUARD_TOKEN"}
    env.update(CWGUARD_HOST=HOST, CWGUARD_PORT=str(port))
    # The server's output goes to a file, not a pipe: a pipe nobody reads would fill up under
    # load and block the server's logging.
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(
            [*cwguard_command(), "serve", "--port", str(port)],
            env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=log,
        )
        try:
            _wait_until_healthy(process, port, log)
            yield Server(process, port)
        finally:
            _stop(process)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
