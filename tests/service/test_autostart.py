"""`cwguard autostart install|remove|status` (issue #11), on all three platforms, against a
temporary home and a fake service manager: the files it writes, the commands it runs, what
`status` reports. No test touches the real systemd, launchd or Task Scheduler."""
from __future__ import annotations

import configparser
import plistlib
import shlex
import stat
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from cwguard import autostart, cli
from cwguard.autostart import Autostart, System

PYTHON = "/opt/cw guard/.venv/bin/python"  # a space, as in many real home directories
TASK = "{http://schemas.microsoft.com/windows/2004/02/mit/task}"


class Manager:
    """A fake service manager: records commands, answers from a table, may be absent."""

    def __init__(self, missing: bool = False, failing: tuple[str, ...] = (), running: bool = True):
        self.commands: list[list[str]] = []
        self.missing, self.failing, self.running = missing, failing, running

    def run(self, argv: list[str]) -> tuple[int, str]:
        self.commands.append(argv)
        if self.missing:
            raise FileNotFoundError(argv[0])
        if any(word in argv for word in self.failing):
            return 1, "Failed to do it: no such thing"
        if "is-active" in argv:
            return (0, "active") if self.running else (3, "inactive")
        return 0, ""

    def probe(self, port: int) -> bool:
        self.commands.append(["probe", str(port)])
        return self.running


def make(tmp_path: Path, platform: str, manager: Manager, **env: str) -> tuple[Autostart, list[str]]:
    said: list[str] = []
    environment = {"LOCALAPPDATA": str(tmp_path / "AppData" / "Local"), "USERNAME": "taro",
                   "USERDOMAIN": "PC", **env}
    system = System(platform=platform, home=tmp_path, env=environment, python=PYTHON, uid=501,
                    run=manager.run, probe=manager.probe, sleep=lambda s: None, clock=iter(range(10_000)).__next__)
    return Autostart(system, out=said.append), said


def private(path: Path) -> bool:
    return stat.S_IMODE(path.stat().st_mode) == 0o600


def serve_args(argv: list[str]) -> list[str]:
    assert argv[:4] == [PYTHON, "-m", "cwguard", "serve"], argv
    return argv[4:]


def assert_loopback_serve(argv: list[str], port: int, token_file: Path | None) -> None:
    args = serve_args(argv)
    assert args[:4] == ["--host", "127.0.0.1", "--port", str(port)]
    assert "--allow-remote" not in args and "0.0.0.0" not in args
    if token_file is None:
        assert "--token-file" not in args
    else:
        assert args[4:] == ["--token-file", str(token_file)]


# ---------------------------------------------------------------- Linux: systemd user unit
def unit_of(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    parser.optionxform = str
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def test_linux_install_writes_a_user_unit_and_starts_it(tmp_path):
    manager = Manager()
    start, said = make(tmp_path, "linux", manager)
    assert start.install(8765) == 0
    unit_path = tmp_path / ".config" / "systemd" / "user" / "cwguard.service"
    unit = unit_of(unit_path)
    assert_loopback_serve(shlex.split(unit["Service"]["ExecStart"]), 8765, None)
    assert unit["Service"]["Restart"] == "on-failure"
    assert unit["Install"]["WantedBy"] == "default.target"
    assert private(unit_path)
    assert manager.commands[:3] == [["systemctl", "--user", "daemon-reload"],
                                    ["systemctl", "--user", "enable", "cwguard.service"],
                                    ["systemctl", "--user", "restart", "cwguard.service"]]
    assert ["probe", "8765"] in manager.commands
    assert any("running" in line for line in said)
    assert not (tmp_path / ".config" / "cwguard" / "token").exists()


def test_linux_install_passes_the_token_in_a_private_file(tmp_path):
    start, said = make(tmp_path, "linux", Manager(), CWGUARD_TOKEN="  s3cret-ü  ")
    assert start.install(9000) == 0
    token_file = tmp_path / ".config" / "cwguard" / "token"
    assert token_file.read_bytes() == "s3cret-ü\n".encode()
    assert private(token_file)
    text = (tmp_path / ".config" / "systemd" / "user" / "cwguard.service").read_text(encoding="utf-8")
    assert "s3cret" not in text and "s3cret" not in "\n".join(said)  # never in the unit or on screen
    assert_loopback_serve(shlex.split(unit_of(tmp_path / ".config/systemd/user/cwguard.service")["Service"]["ExecStart"]),
                          9000, token_file)
    # installing again without a token removes the old token file
    start, _ = make(tmp_path, "linux", Manager())
    assert start.install(9000) == 0 and not token_file.exists()


def test_linux_respects_xdg_config_home(tmp_path):
    start, _ = make(tmp_path, "linux", Manager(), XDG_CONFIG_HOME=str(tmp_path / "cfg"))
    start.install(8765)
    assert (tmp_path / "cfg" / "systemd" / "user" / "cwguard.service").exists()


def test_systemd_arguments_are_quoted_and_escaped():
    assert autostart.systemd_quote("/usr/bin/python") == "/usr/bin/python"
    assert autostart.systemd_quote("/opt/cw guard/py") == '"/opt/cw guard/py"'
    assert autostart.systemd_quote("/home/100%/$HOME") == "/home/100%%/$$HOME"
    assert shlex.split(autostart.systemd_quote('a "b" \\c')) == ['a "b" \\c']


def test_linux_without_systemd_says_how_to_start_it_by_hand(tmp_path):
    start, said = make(tmp_path, "linux", Manager(missing=True))
    assert start.install(8765) == autostart.EXIT_NOT_INSTALLED
    assert (tmp_path / ".config" / "systemd" / "user" / "cwguard.service").exists()
    assert any("not available" in line and "-m cwguard serve --host 127.0.0.1" in line for line in said)


def test_linux_a_failing_systemctl_is_reported(tmp_path):
    start, said = make(tmp_path, "linux", Manager(failing=("enable",)))
    assert start.install(8765) == autostart.EXIT_NOT_INSTALLED
    assert any("failed" in line and "no such thing" in line for line in said)


def test_linux_status_and_remove(tmp_path):
    manager = Manager()
    start, said = make(tmp_path, "linux", manager)
    assert start.status() == autostart.EXIT_NOT_INSTALLED and any("not installed" in line for line in said)
    start.install(8800)
    said.clear()
    manager.commands.clear()
    assert start.status() == 0
    report = "\n".join(said)
    assert "installed" in report and "http://127.0.0.1:8800" in report and "token: none" in report
    assert "is-active cwguard.service: active" in report and "service: answering" in report
    assert ["systemctl", "--user", "is-active", "cwguard.service"] in manager.commands
    assert ["probe", "8800"] in manager.commands

    manager.running = False
    said.clear()
    assert start.status() == autostart.EXIT_NOT_ANSWERING and "service: not answering" in "\n".join(said)

    manager.commands.clear()
    assert start.remove() == 0
    assert not (tmp_path / ".config" / "systemd" / "user" / "cwguard.service").exists()
    assert manager.commands == [["systemctl", "--user", "disable", "--now", "cwguard.service"],
                                ["systemctl", "--user", "daemon-reload"]]
    assert start.status() == autostart.EXIT_NOT_INSTALLED


def test_install_reports_a_service_that_does_not_come_up(tmp_path):
    start, said = make(tmp_path, "linux", Manager(running=False))
    assert start.install(8765) == autostart.EXIT_NOT_ANSWERING
    assert any("does not answer" in line for line in said)


# ---------------------------------------------------------------- macOS: LaunchAgent
def test_macos_install_writes_a_launch_agent(tmp_path):
    manager = Manager()
    start, _ = make(tmp_path, "darwin", manager, CWGUARD_TOKEN="tok")
    assert start.install(8765) == 0
    plist_path = tmp_path / "Library" / "LaunchAgents" / "local.cwguard.plist"
    agent = plistlib.loads(plist_path.read_bytes())
    token_file = tmp_path / "Library" / "Application Support" / "cwguard" / "token"
    assert agent["Label"] == "local.cwguard"
    assert_loopback_serve(agent["ProgramArguments"], 8765, token_file)
    assert agent["RunAtLoad"] is True and agent["KeepAlive"] == {"SuccessfulExit": False}
    assert agent["StandardErrorPath"] == "/dev/null"  # no log file
    assert private(plist_path) and private(token_file) and token_file.read_text() == "tok\n"
    assert manager.commands[:2] == [["launchctl", "bootout", "gui/501/local.cwguard"],
                                    ["launchctl", "bootstrap", "gui/501", str(plist_path)]]


def test_macos_a_first_install_tolerates_bootout_of_nothing(tmp_path):
    start, _ = make(tmp_path, "darwin", Manager(failing=("bootout",)))
    assert start.install(8765) == 0


def test_macos_status_and_remove(tmp_path):
    manager = Manager()
    start, said = make(tmp_path, "darwin", manager)
    start.install(8765)
    said.clear()
    assert start.status() == 0 and "token: none" in "\n".join(said)
    assert ["launchctl", "print", "gui/501/local.cwguard"] in manager.commands
    assert start.remove() == 0
    assert not (tmp_path / "Library" / "LaunchAgents" / "local.cwguard.plist").exists()
    assert manager.commands[-1] == ["launchctl", "bootout", "gui/501/local.cwguard"]


# ---------------------------------------------------------------- Windows: Task Scheduler
def task_of(path: Path) -> ET.Element:
    raw = path.read_bytes()
    assert raw[:2] in (b"\xff\xfe", b"\xfe\xff")  # UTF-16 with a BOM, as schtasks /XML wants
    return ET.fromstring(raw.decode("utf-16").split("?>", 1)[1])


def test_windows_install_writes_a_logon_task(tmp_path):
    manager = Manager()
    start, _ = make(tmp_path, "win32", manager, CWGUARD_TOKEN="tok")
    assert start.install(8765) == 0
    folder = tmp_path / "AppData" / "Local" / "cwguard"
    xml_path, token_file = folder / "cwguard-task.xml", folder / "token"
    task = task_of(xml_path)
    assert task.find(f"{TASK}Triggers/{TASK}LogonTrigger/{TASK}UserId").text == "PC\\taro"
    assert task.find(f"{TASK}Principals/{TASK}Principal/{TASK}RunLevel").text == "LeastPrivilege"
    assert task.find(f"{TASK}Settings/{TASK}ExecutionTimeLimit").text == "PT0S"
    command = task.find(f"{TASK}Actions/{TASK}Exec/{TASK}Command").text
    arguments = task.find(f"{TASK}Actions/{TASK}Exec/{TASK}Arguments").text
    assert_loopback_serve([command, *shlex.split(arguments, posix=True)], 8765, token_file)
    assert token_file.read_text() == "tok\n"
    assert manager.commands[1] == ["schtasks", "/Create", "/TN", "cwguard", "/XML", str(xml_path), "/F"]
    assert manager.commands[2] == ["schtasks", "/Run", "/TN", "cwguard"]


def test_windows_prefers_the_windowless_interpreter(tmp_path):
    scripts = tmp_path / "venv" / "Scripts"
    scripts.mkdir(parents=True)
    (scripts / "python.exe").write_bytes(b"")
    (scripts / "pythonw.exe").write_bytes(b"")
    start, _ = make(tmp_path, "win32", Manager())
    start.system.python = str(scripts / "python.exe")
    assert start.platform.python() == str(scripts / "pythonw.exe")


def test_windows_status_and_remove(tmp_path):
    manager = Manager()
    start, said = make(tmp_path, "win32", manager)
    start.install(8123)
    said.clear()
    assert start.status() == 0 and "http://127.0.0.1:8123" in "\n".join(said)
    assert ["schtasks", "/Query", "/TN", "cwguard"] in manager.commands
    assert start.remove() == 0
    assert manager.commands[-1] == ["schtasks", "/Delete", "/TN", "cwguard", "/F"]
    assert not (tmp_path / "AppData" / "Local" / "cwguard" / "cwguard-task.xml").exists()


# ---------------------------------------------------------------- the command line
def test_the_command_line_runs_the_action(monkeypatch, tmp_path, capsys):
    seen = []
    monkeypatch.setattr(autostart, "main", lambda args: seen.append((args.action, args.port)) or 0)
    assert cli.main(["autostart", "install", "--port", "9001"]) == 0
    assert cli.main(["autostart", "status"]) == 0
    assert seen == [("install", 9001), ("status", None)]


def test_main_takes_the_port_from_the_environment_and_checks_it(tmp_path, capsys):
    import argparse

    manager = Manager()
    system = System(platform="linux", home=tmp_path, env={"CWGUARD_PORT": "9100"}, python=PYTHON,
                    run=manager.run, probe=manager.probe, sleep=lambda s: None)
    assert autostart.main(argparse.Namespace(action="install", port=None), system) == 0
    assert "--port 9100" in (tmp_path / ".config/systemd/user/cwguard.service").read_text()
    assert autostart.main(argparse.Namespace(action="install", port=70000), system) == 2
    system.env = {"CWGUARD_PORT": "eighty"}
    assert autostart.main(argparse.Namespace(action="install", port=None), system) == 2


def test_an_unsupported_platform_is_a_clear_error(tmp_path, capsys):
    import argparse

    system = System(platform="sunos5", home=tmp_path, env={}, python=PYTHON, run=Manager().run)
    assert autostart.main(argparse.Namespace(action="status", port=None), system) == 2
    assert "not supported" in capsys.readouterr().err


@pytest.mark.parametrize("platform", ["linux", "darwin", "win32"])
def test_the_installed_port_is_read_back_from_each_definition(tmp_path, platform):
    start, _ = make(tmp_path, platform, Manager())
    start.install(8456)
    raw = start.platform.definition.read_bytes()
    text = raw.decode("utf-16") if platform == "win32" else raw.decode("utf-8")
    assert autostart.installed_port(text) == 8456


def test_the_real_system_is_described_by_default():
    system = System()
    assert system.platform == sys.platform and system.python == sys.executable
    assert system.run is autostart.run_command and system.probe is autostart.health
