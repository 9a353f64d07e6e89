"""`cwguard autostart install|remove|status`: the service starts by itself at login.

One definition per platform, for the current user only, no administrator rights:

- Linux: a systemd user unit, `~/.config/systemd/user/cwguard.service` (enabled and started with
  `systemctl --user`);
- macOS: a LaunchAgent, `~/Library/LaunchAgents/local.cwguard.plist` (`launchctl bootstrap`);
- Windows: a Task Scheduler task `cwguard` that runs at logon, from the XML written to
  `%LOCALAPPDATA%\\cwguard\\cwguard-task.xml` (`schtasks /Create /XML`).

Each runs `python -m cwguard serve --host 127.0.0.1 --port PORT` with this very interpreter: the
address is always loopback (there is no option to change it here). When CWGUARD_TOKEN is set at
install time, the token is written to a file only the user can read and passed with
`--token-file`, never on the command line (other local users can read command lines) or in the
definition. Definition and token files are written with mode 0600.

Everything that touches the system goes through `System` (paths, environment, the command runner,
the health probe), so tests run every platform's code against a temporary home and a fake runner.
"""
from __future__ import annotations

import argparse
import os
import plistlib
import re
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

NAME = "cwguard"
LAUNCHD_LABEL = "local.cwguard"
HOST = "127.0.0.1"
DEFAULT_PORT = 8765
EXIT_OK, EXIT_NOT_INSTALLED, EXIT_NOT_ANSWERING = 0, 1, 3
# How long `install` waits for the started service to answer /health (it warms up first).
START_WAIT_S = 60.0

Runner = Callable[[list[str]], tuple[int, str]]


def run_command(argv: list[str]) -> tuple[int, str]:
    """Run a service-manager command: (exit status, its output). FileNotFoundError when the tool
    is not installed."""
    done = subprocess.run(argv, capture_output=True, text=True, errors="replace", timeout=60, check=False)
    return done.returncode, (done.stdout + done.stderr).strip()


def health(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://{HOST}:{port}/health", timeout=2) as response:
            return response.status == 200
    except (OSError, ValueError):
        return False


@dataclass
class System:
    """What autostart reads from and does to the machine; tests pass their own."""

    platform: str = field(default_factory=lambda: sys.platform)
    home: Path = field(default_factory=Path.home)
    env: Mapping[str, str] = field(default_factory=lambda: dict(os.environ))
    python: str = field(default_factory=lambda: sys.executable)
    uid: int = field(default_factory=lambda: os.getuid() if hasattr(os, "getuid") else 0)
    run: Runner = run_command
    probe: Callable[[int], bool] = health
    sleep: Callable[[float], None] = time.sleep
    clock: Callable[[], float] = time.monotonic


# ---------------------------------------------------------------- the three platforms
class Platform:
    kind: str

    def __init__(self, system: System):
        self.system = system

    @property
    def definition(self) -> Path:
        raise NotImplementedError

    @property
    def token_file(self) -> Path:
        raise NotImplementedError

    def python(self) -> str:
        return self.system.python

    def command(self, port: int, token: bool) -> list[str]:
        argv = [self.python(), "-m", "cwguard", "serve", "--host", HOST, "--port", str(port)]
        if token:
            argv += ["--token-file", str(self.token_file)]
        return argv

    def render(self, command: list[str]) -> bytes:
        raise NotImplementedError

    def activate(self) -> list[list[str]]:
        raise NotImplementedError

    def deactivate(self) -> list[list[str]]:
        raise NotImplementedError

    def state(self) -> list[list[str]]:
        raise NotImplementedError


class SystemdUser(Platform):
    kind = "systemd user unit"
    unit = f"{NAME}.service"

    def _config(self) -> Path:
        configured = self.system.env.get("XDG_CONFIG_HOME")
        return Path(configured) if configured and os.path.isabs(configured) else self.system.home / ".config"

    @property
    def definition(self) -> Path:
        return self._config() / "systemd" / "user" / self.unit

    @property
    def token_file(self) -> Path:
        return self._config() / NAME / "token"

    def render(self, command: list[str]) -> bytes:
        return "\n".join([
            "# Written by `cwguard autostart install`; `cwguard autostart remove` deletes it.",
            "[Unit]",
            "Description=cwguard: local scoring service of the CrowdWorks extension (127.0.0.1 only)",
            "",
            "[Service]",
            "Type=simple",
            "ExecStart=" + " ".join(systemd_quote(arg) for arg in command),
            "Restart=on-failure",
            "RestartSec=5",
            "Environment=PYTHONUNBUFFERED=1",
            "NoNewPrivileges=yes",
            "UMask=0077",
            "",
            "[Install]",
            "WantedBy=default.target",
            "",
        ]).encode("utf-8")

    def activate(self) -> list[list[str]]:
        return [["systemctl", "--user", "daemon-reload"], ["systemctl", "--user", "enable", self.unit],
                ["systemctl", "--user", "restart", self.unit]]

    def deactivate(self) -> list[list[str]]:
        return [["systemctl", "--user", "disable", "--now", self.unit]]

    def after_remove(self) -> list[list[str]]:
        return [["systemctl", "--user", "daemon-reload"]]

    def state(self) -> list[list[str]]:
        return [["systemctl", "--user", "is-enabled", self.unit], ["systemctl", "--user", "is-active", self.unit]]


class LaunchAgent(Platform):
    kind = "macOS LaunchAgent"

    @property
    def definition(self) -> Path:
        return self.system.home / "Library" / "LaunchAgents" / f"{LAUNCHD_LABEL}.plist"

    @property
    def token_file(self) -> Path:
        return self.system.home / "Library" / "Application Support" / NAME / "token"

    def render(self, command: list[str]) -> bytes:
        return plistlib.dumps({
            "Label": LAUNCHD_LABEL,
            "ProgramArguments": command,
            "RunAtLoad": True,
            "KeepAlive": {"SuccessfulExit": False},  # restarted if it crashes, not after a clean stop
            "ProcessType": "Background",
            # The service logs counts and timings only; still, nothing is kept on disk.
            "StandardOutPath": "/dev/null",
            "StandardErrorPath": "/dev/null",
        })

    def _target(self) -> str:
        return f"gui/{self.system.uid}"

    def activate(self) -> list[list[str]]:
        return [["launchctl", "bootout", f"{self._target()}/{LAUNCHD_LABEL}"],
                ["launchctl", "bootstrap", self._target(), str(self.definition)]]

    def deactivate(self) -> list[list[str]]:
        return [["launchctl", "bootout", f"{self._target()}/{LAUNCHD_LABEL}"]]

    def after_remove(self) -> list[list[str]]:
        return []

    def state(self) -> list[list[str]]:
        return [["launchctl", "print", f"{self._target()}/{LAUNCHD_LABEL}"]]


class ScheduledTask(Platform):
    kind = "Windows scheduled task"
    namespace = "http://schemas.microsoft.com/windows/2004/02/mit/task"

    def _folder(self) -> Path:
        local = self.system.env.get("LOCALAPPDATA")
        return Path(local) / NAME if local else self.system.home / "AppData" / "Local" / NAME

    @property
    def definition(self) -> Path:
        return self._folder() / f"{NAME}-task.xml"

    @property
    def token_file(self) -> Path:
        return self._folder() / "token"

    def python(self) -> str:
        # pythonw.exe runs without a console window flashing up at every logon.
        windowless = Path(self.system.python).with_name("pythonw.exe")
        return str(windowless) if windowless.name != Path(self.system.python).name and windowless.exists() \
            else self.system.python

    def _user(self) -> str | None:
        user, domain = self.system.env.get("USERNAME"), self.system.env.get("USERDOMAIN")
        if not user:
            return None
        return f"{domain}\\{user}" if domain else user

    def render(self, command: list[str]) -> bytes:
        user = self._user()
        user_id = f"<UserId>{escape(user)}</UserId>" if user else ""
        xml = f"""<?xml version="1.0" encoding="UTF-16"?>
<Task version="1.2" xmlns="{self.namespace}">
  <RegistrationInfo>
    <URI>\\{NAME}</URI>
    <Source>cwguard autostart install (cwguard autostart remove deletes it)</Source>
    <Description>cwguard: local scoring service of the CrowdWorks extension (127.0.0.1 only)</Description>
  </RegistrationInfo>
  <Triggers>
    <LogonTrigger>
      <Enabled>true</Enabled>
      {user_id}
    </LogonTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      {user_id}
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <RestartOnFailure>
      <Interval>PT1M</Interval>
      <Count>3</Count>
    </RestartOnFailure>
    <Enabled>true</Enabled>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>{escape(command[0])}</Command>
      <Arguments>{escape(subprocess.list2cmdline(command[1:]))}</Arguments>
    </Exec>
  </Actions>
</Task>
"""
        return xml.encode("utf-16")

    def activate(self) -> list[list[str]]:
        return [["schtasks", "/End", "/TN", NAME],
                ["schtasks", "/Create", "/TN", NAME, "/XML", str(self.definition), "/F"],
                ["schtasks", "/Run", "/TN", NAME]]

    def deactivate(self) -> list[list[str]]:
        return [["schtasks", "/End", "/TN", NAME], ["schtasks", "/Delete", "/TN", NAME, "/F"]]

    def after_remove(self) -> list[list[str]]:
        return []

    def state(self) -> list[list[str]]:
        return [["schtasks", "/Query", "/TN", NAME]]


# Commands whose failure is expected and harmless (stopping what is not running).
_TOLERATED = (["launchctl", "bootout"], ["schtasks", "/End"])


def platform_for(system: System) -> Platform:
    if system.platform.startswith("linux"):
        return SystemdUser(system)
    if system.platform == "darwin":
        return LaunchAgent(system)
    if system.platform in ("win32", "cygwin"):
        return ScheduledTask(system)
    raise ValueError(f"autostart is not supported on {system.platform}")


def systemd_quote(arg: str) -> str:
    """One ExecStart argument: specifiers (%) and variables ($) escaped, quoted when needed."""
    arg = arg.replace("%", "%%").replace("$", "$$")
    if arg and not re.search(r"[\s\"'\\;]", arg):
        return arg
    return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------- the three actions
class Autostart:
    def __init__(self, system: System | None = None, out: Callable[[str], None] = print):
        self.system = system or System()
        self.platform = platform_for(self.system)
        self.out = out

    def _run(self, argv: list[str]) -> tuple[int, str] | None:
        """(status, output), or None when the tool does not exist on this machine."""
        try:
            return self.system.run(argv)
        except FileNotFoundError:
            return None

    def _write_private(self, path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(path, 0o600)  # also when the file existed with wider permissions

    def install(self, port: int) -> int:
        platform = self.platform
        token = self.system.env.get("CWGUARD_TOKEN", "").strip()
        if token:
            self._write_private(platform.token_file, token.encode("utf-8") + b"\n")
        elif platform.token_file.exists():
            platform.token_file.unlink()
        self._write_private(platform.definition, platform.render(platform.command(port, bool(token))))
        self.out(f"cwguard: wrote the {platform.kind} {platform.definition}")
        self.out(f"cwguard: it serves http://{HOST}:{port} (this computer only)"
                 + (f", with the token from {platform.token_file}" if token else ", without a token"))
        for argv in platform.activate():
            result = self._run(argv)
            if result is None:
                self.out(f"cwguard: `{argv[0]}` is not available here, so the service was not started. "
                         f"Start it by hand with: {' '.join(platform.command(port, bool(token)))}")
                return EXIT_NOT_INSTALLED
            status, output = result
            if status != 0 and not any(argv[:len(t)] == t for t in _TOLERATED):
                self.out(f"cwguard: `{' '.join(argv)}` failed ({status}): {output}")
                return EXIT_NOT_INSTALLED
        if self._wait_healthy(port):
            self.out(f"cwguard: the service is running and will start at every login (http://{HOST}:{port}).")
            return EXIT_OK
        self.out(f"cwguard: installed, but http://{HOST}:{port}/health does not answer yet; "
                 "`cwguard autostart status` shows its state.")
        return EXIT_NOT_ANSWERING

    def _wait_healthy(self, port: int) -> bool:
        deadline = self.system.clock() + START_WAIT_S
        while True:
            if self.system.probe(port):
                return True
            if self.system.clock() >= deadline:
                return False
            self.system.sleep(0.5)

    def remove(self) -> int:
        platform = self.platform
        installed = platform.definition.exists()
        for argv in platform.deactivate():
            self._run(argv)  # not loaded, not running, no such tool: nothing to stop
        for path in (platform.definition, platform.token_file):
            if path.exists():
                path.unlink()
        for argv in platform.after_remove():
            self._run(argv)
        self.out(f"cwguard: removed the {platform.kind} {platform.definition}" if installed
                 else f"cwguard: no {platform.kind} was installed ({platform.definition})")
        return EXIT_OK

    def status(self) -> int:
        platform = self.platform
        self.out(f"cwguard autostart ({platform.kind})")
        if not platform.definition.exists():
            self.out(f"  definition: {platform.definition} (not installed)")
            return EXIT_NOT_INSTALLED
        text = platform.definition.read_bytes().decode("utf-16" if isinstance(platform, ScheduledTask) else "utf-8")
        port = installed_port(text)
        self.out(f"  definition: {platform.definition} (installed)")
        self.out(f"  address: http://{HOST}:{port}" if port else "  address: unknown (the file was edited)")
        self.out(f"  token: {'required, from ' + str(platform.token_file) if '--token-file' in text else 'none'}")
        for argv in platform.state():
            result = self._run(argv)
            if result is None:
                self.out(f"  {' '.join(argv)}: `{argv[0]}` is not available here")
            else:
                status, output = result
                first = output.splitlines()[0] if output else ""
                self.out(f"  {' '.join(argv)}: {first or ('ok' if status == 0 else f'exit {status}')}")
        answering = bool(port) and self.system.probe(port)
        self.out(f"  service: {'answering' if answering else 'not answering'}")
        return EXIT_OK if answering else EXIT_NOT_ANSWERING


def installed_port(definition_text: str) -> int | None:
    """The port an installed definition serves on (systemd, plist and task XML alike)."""
    found = re.search(r"--port(?:\s+|\s*</string>\s*<string>)(\d{1,5})", definition_text)
    return int(found.group(1)) if found else None


def main(args: argparse.Namespace, system: System | None = None) -> int:
    try:
        autostart = Autostart(system)
    except ValueError as error:
        print(f"cwguard: {error}", file=sys.stderr)
        return 2
    if args.action == "install":
        try:
            port = args.port if args.port is not None else int(autostart.system.env.get("CWGUARD_PORT") or DEFAULT_PORT)
        except ValueError:
            print("cwguard: CWGUARD_PORT must be a number", file=sys.stderr)
            return 2
        if not 0 < port < 65536:
            print("cwguard: the port must be between 1 and 65535", file=sys.stderr)
            return 2
        return autostart.install(port)
    if args.action == "remove":
        return autostart.remove()
    return autostart.status()
