"""``doctor``: does this machine have what tflite-scaffold and ``verify`` need, and how to get
what is missing.

Each check is cheap and independent; a failed required check makes ``doctor`` exit 1, an
optional one (kotlinc, an Android SDK) only informs. Fixes name the Debian package or the
project's own ``make setup``, the same steps scripts/bootstrap.sh runs.
"""

from __future__ import annotations

import ctypes.util
import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

SCHEMA = "tflite-scaffold/doctor/1"
MIN_FREE_BYTES = 2 * 1024**3  # a TensorFlow conversion plus a project and its golden data


@dataclass(frozen=True)
class Check:
    name: str
    # "ok", "missing" (a required piece), or "optional" (absent, and only some uses need it).
    status: str
    required: bool
    detail: str
    fix: str | None = None


def run_checks(directory: Path) -> list[Check]:
    return [
        _python(),
        _package("ai-edge-litert", "runs models (inspect, bench, golden data, verify)"),
        _package("tensorflow-cpu", "converts Keras and SavedModel sources (a .tflite needs none)", module="tensorflow",
                 alternatives=("tensorflow",)),
        _metadata_writers(),
        _libusb(),
        _java(),
        _junit(),
        _kotlinc(),
        _android_sdk(),
        _disk(directory),
    ]


def report(checks: list[Check]) -> dict:
    return {"schema": SCHEMA, "ok": all(c.status == "ok" or not c.required for c in checks),
            "checks": [asdict(c) for c in checks]}


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    ok = sys.version_info >= (3, 11)
    return Check("python", "ok" if ok else "missing", True, f"Python {version}",
                 None if ok else "install Python 3.11+ and run `make setup`")


def _package(distribution: str, purpose: str, module: str | None = None, alternatives: tuple[str, ...] = ()) -> Check:
    """Installed under ``distribution`` or one of its ``alternatives`` (tensorflow-cpu or tensorflow)."""
    module = module or distribution.replace("-", "_")
    version = None
    for name in (distribution, *alternatives):
        try:
            version = importlib.metadata.version(name)
            break
        except importlib.metadata.PackageNotFoundError:
            continue
    if version is None or importlib.util.find_spec(module) is None:
        return Check(distribution, "missing", True, f"not installed; it {purpose}", "run `make setup` (pyproject.toml pins it)")
    return Check(distribution, "ok", True, f"{version}; it {purpose}")


def _metadata_writers() -> Check:
    from scaffold.errors import ToolMissing
    from scaffold.metadata._support import support_modules

    try:
        support_modules()
    except ToolMissing as exc:
        fix = "apt-get install libusb-1.0-0" if "libusb" in str(exc) else "run `make setup` (tflite-support 0.4.4, --no-deps)"
        return Check("metadata writers", "missing", True, str(exc), fix)
    version = importlib.metadata.version("tflite-support")
    return Check("metadata writers", "ok", True, f"tflite-support {version} (image_classifier, object_detector writers)")


def _libusb() -> Check:
    found = ctypes.util.find_library("usb-1.0")
    if found is None:
        return Check("libusb-1.0", "missing", True, "not found; tflite-support's native module needs it",
                     "apt-get install libusb-1.0-0")
    return Check("libusb-1.0", "ok", True, found)


def _java() -> Check:
    javac = shutil.which("javac")
    if javac is None:
        return Check("JDK", "missing", True, "no javac on PATH; `verify` compiles the app's Java with it",
                     "apt-get install openjdk-17-jdk-headless")
    output = _run([javac, "-version"])
    match = re.search(r"(\d+)(?:\.\d+)*", output or "")
    major = int(match.group(1)) if match else 0
    if major < 17:
        return Check("JDK", "missing", True, f"{(output or 'javac').strip()} is older than 17",
                     "apt-get install openjdk-17-jdk-headless")
    return Check("JDK", "ok", True, f"{output.strip()} ({javac})")


def _junit() -> Check:
    from scaffold.errors import ScaffoldError
    from scaffold.verify.junit import junit_classpath

    try:
        jars = junit_classpath()
    except ScaffoldError as exc:
        return Check("JUnit 4", "missing", True, str(exc), "apt-get install junit4 (or set JUNIT_CLASSPATH)")
    return Check("JUnit 4", "ok", True, os.pathsep.join(jars))


def _kotlinc() -> Check:
    bundled = Path(__file__).resolve().parents[2] / ".tools" / "node_modules" / "kotlin-compiler" / "bin" / "kotlinc"
    found = shutil.which("kotlinc") or (str(bundled) if bundled.exists() else None)
    if found is None:
        return Check("kotlinc", "optional", False, "not found; only this project's tests compile the Kotlin UI with it",
                     "`make setup` installs it from npm (kotlin-compiler)")
    return Check("kotlinc", "ok", False, found)


def _android_sdk() -> Check:
    home = os.environ.get("ANDROID_HOME") or os.environ.get("ANDROID_SDK_ROOT")
    if not home:
        return Check("Android SDK", "optional", False, "ANDROID_HOME not set; Android Studio brings its own SDK to build "
                     "the generated project", "set ANDROID_HOME to build from a terminal (./gradlew assembleDebug)")
    platform = Path(home) / "platforms" / "android-36"
    if not platform.is_dir():
        return Check("Android SDK", "optional", False, f"{home} has no platforms/android-36 (the projects' compileSdk)",
                     "sdkmanager \"platforms;android-36\" \"build-tools;36.0.0\"")
    return Check("Android SDK", "ok", False, f"{home} (android-36 installed)")


def _disk(directory: Path) -> Check:
    target = directory if directory.exists() else Path.cwd()
    free = shutil.disk_usage(target).free
    detail = f"{free / 1024**3:.1f} GiB free in {target}"
    if free < MIN_FREE_BYTES:
        return Check("disk space", "missing", True, detail, f"free at least {MIN_FREE_BYTES // 1024**3} GiB")
    return Check("disk space", "ok", True, detail)


def _run(command: list[str]) -> str | None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return (result.stdout or result.stderr).strip().splitlines()[0] if (result.stdout or result.stderr).strip() else None
