#!/usr/bin/env bash
# `make extension`: packs extension/ into dist/cwguard-chrome-<version>.zip and
# dist/cwguard-firefox-<version>.zip. extension/manifest.json serves both browsers unpacked
# (background.service_worker for Chrome, background.scripts + browser_specific_settings.gecko for
# Firefox); the Chrome zip drops the two Firefox-only keys so the Chrome Web Store sees no
# unknown ones, the Firefox zip keeps the manifest as it is.
# Uses python's zipfile (always present here) so `zip` is not required.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] && PY=.venv/bin/python
"$PY" - <<'PYEOF'
import json
import pathlib
import zipfile

root = pathlib.Path("extension")
manifest = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
version = manifest["version"]
dist = pathlib.Path("dist")
dist.mkdir(exist_ok=True)
files = sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith("."))
chrome_manifest = json.loads(json.dumps(manifest))
chrome_manifest.pop("browser_specific_settings", None)
chrome_manifest["background"].pop("scripts", None)
manifests = {"chrome": chrome_manifest, "firefox": manifest}
for browser, browser_manifest in manifests.items():
    target = dist / f"cwguard-{browser}-{version}.zip"
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in files:
            name = path.relative_to(root).as_posix()  # manifest.json at the archive root
            if name == "manifest.json":
                archive.writestr(name, json.dumps(browser_manifest, ensure_ascii=False, indent=2) + "\n")
            else:
                archive.write(path, name)
    print(f"{target} ({len(files)} files, {target.stat().st_size} bytes)")
PYEOF
