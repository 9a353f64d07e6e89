"""`cwguard serve` in a child process, as users start it: the one launcher shared by the server
tests, the end-to-end harness and the benchmarks (stdlib only, so `make load` needs no test extra).
"""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HOST = "127.0.0.1"
REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """A loopback TCP port nobody listens on right now (the OS picks it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def port_is_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind((HOST, port))
        except OSError:
            return False
        return True


def cwguard_launcher() -> list[str]:
    """The `cwguard` script of this Python's virtual environment, else `python -m cwguard`."""
    script = Path(sys.executable).with_name("cwguard")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cwguard"]


class ServiceProcess:
    """`cwguard serve` on a fixed loopback port, which can be stopped and started again.

    Its output goes to a log file, not a pipe: a pipe nobody reads fills up under load and
    blocks the server's logging.
    """

    def __init__(self, port: int | None = None, *extra_args: str, token: str = "",
                 log_dir: Path | None = None):
        self.port = port or free_port()
        self.url = f"http://{HOST}:{self.port}"
        self.extra_args = extra_args
        self.token = token
        self._log_dir = log_dir or Path(tempfile.mkdtemp(prefix="cwguard-svc-"))
        self._process: subprocess.Popen | None = None
        self._log = None
        self._starts = 0

    @property
    def pid(self) -> int:
        assert self._process is not None, "the service is not running"
        return self._process.pid

    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def command(self) -> list[str]:
        return [*cwguard_launcher(), "serve", "--port", str(self.port), *self.extra_args]

    def start(self, timeout_s: float = 180.0) -> ServiceProcess:
        """Start and wait for /health (which answers once the engine is warmed up). The limit only
        stops a service that never comes up from hanging the caller; it measures nothing."""
        self._starts += 1
        self._log = open(self._log_dir / f"service-{self._starts}.log", "wb")  # noqa: SIM115 - closed in stop()
        env = {k: v for k, v in os.environ.items() if k not in ("CWGUARD_HOST", "CWGUARD_PORT", "CWGUARD_TOKEN")}
        if self.token:
            env["CWGUARD_TOKEN"] = self.token
        self._process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=self._log,
                                         stderr=subprocess.STDOUT, env=env, cwd=REPO)
        self._wait_healthy(timeout_s)
        return self

    def _wait_healthy(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise RuntimeError(f"cwguard serve exited with {self._process.returncode}:\n{self.log_tail()}")
            if self.healthy():
                return
            time.sleep(0.05)  # polling a starting process, not asserting anything
        self.stop()
        raise TimeoutError(f"cwguard serve did not answer /health within {timeout_s} s:\n{self.log_tail()}")

    def healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/health", timeout=5) as response:
                return response.status == 200 and json.load(response).get("status") == "ok"
        except (OSError, ValueError):
            return False

    def stop(self) -> str:
        """Stop the service; returns what it printed (for tests that read its logs)."""
        process, self._process = self._process, None
        if process is None:
            return ""
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        self._log.close()
        return self.log_tail(lines=10_000)

    def __enter__(self) -> ServiceProcess:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    def score(self, payload: dict) -> dict:
        """POST /score directly (no Origin header)."""
        request = urllib.request.Request(f"{self.url}/score", data=json.dumps(payload).encode(),
                                         headers={"Content-Type": "application/json"}, method="POST")
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    def cpu_ticks(self) -> int:
        """CPU time the service has used so far (user + system), in clock ticks: work done,
        whatever else the machine is busy with."""
        with open(f"/proc/{self.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    def memory_kb(self) -> dict[str, int]:
        """VmRSS (now) and VmHWM (peak since start, or since `reset_peak_memory`), in kB."""
        return read_memory_kb(self.pid)

    def reset_peak_memory(self) -> bool:
        """Start VmHWM again from the current RSS (Linux ≥ 4.0); False when not possible."""
        try:
            with open(f"/proc/{self.pid}/clear_refs", "w", encoding="ascii") as clear:
                clear.write("5")
            return True
        except OSError:
            return False

    def log_tail(self, lines: int = 30) -> str:
        logs = sorted(self._log_dir.glob("service-*.log"))
        if not logs:
            return ""
        return "\n".join(logs[-1].read_text(errors="replace").splitlines()[-lines:])


def read_memory_kb(pid: int | str = "self") -> dict[str, int]:
    """VmRSS (now) and VmHWM (peak) of a process, in kB (Linux /proc)."""
    wanted = {"VmRSS": "rss_kb", "VmHWM": "peak_rss_kb"}
    found = {}
    with open(f"/proc/{pid}/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in wanted:
                found[wanted[key]] = int(value.split()[0])
    return found
