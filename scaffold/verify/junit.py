"""Compile a generated project's pure-Java ml/ core and its JVM tests with javac, run them with JUnit 4.

This is ``./gradlew test`` without Gradle or the Android SDK, which is what lets the golden tests
run anywhere a JDK is (CI, this tool's own test suite, a laptop without Android Studio). The main
sources are compiled with ``--release 8``, so an API newer than Android's desugared Java 8 fails
here instead of on a phone.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from scaffold.errors import ScaffoldError, ToolMissing, VerificationFailed

# Debian's junit4 package; JUNIT_CLASSPATH overrides (os.pathsep-separated jars).
_DEFAULT_JARS = ("/usr/share/java/junit4.jar", "/usr/share/java/hamcrest-core.jar")


@dataclass(frozen=True)
class VerifyResult:
    passed: int
    failed: int
    output: str

    @property
    def ok(self) -> bool:
        return self.failed == 0 and self.passed > 0


def junit_classpath() -> list[str]:
    configured = os.environ.get("JUNIT_CLASSPATH")
    jars = configured.split(os.pathsep) if configured else list(_DEFAULT_JARS)
    missing = [j for j in jars if not Path(j).is_file()]
    if missing:
        raise ToolMissing(
            f"JUnit 4 not found ({', '.join(missing)}): install Debian's junit4 package or set JUNIT_CLASSPATH."
        )
    return jars


def _java_tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise ToolMissing(f"{name} not found on PATH: install a JDK (17 or newer).")
    return path


def _sources(root: Path, pattern: str) -> list[Path]:
    return sorted(root.glob(pattern))


def _test_classes(test_root: Path, test_sources: list[Path]) -> list[str]:
    """Fully qualified names of the *Test.java classes (helpers like GoldenData are not run)."""
    return [
        ".".join(source.relative_to(test_root).with_suffix("").parts)
        for source in test_sources
        if source.name.endswith("Test.java")
    ]


def _javac(args: list[str], what: str) -> None:
    result = subprocess.run([_java_tool("javac"), "-encoding", "UTF-8", "-nowarn", *args], capture_output=True, text=True)
    if result.returncode != 0:
        raise VerificationFailed(f"{what} do not compile: {_first_error(result.stderr)}")


def _first_error(javac_output: str) -> str:
    for line in javac_output.splitlines():
        if ": error:" in line:
            return line.strip()
    return (javac_output.strip().splitlines() or ["javac failed"])[0]


def run_jvm_tests(project: Path) -> VerifyResult:
    """Compile and run the project's JVM unit tests; returns counts (does not raise on test failures)."""
    app = project.resolve() / "app"
    main_root, test_root = app / "src/main/java", app / "src/test/java"
    if not main_root.is_dir() or not test_root.is_dir():
        raise ScaffoldError(f"{project} does not look like a generated project (no app/src/main/java and app/src/test/java).")
    ml_sources = _sources(main_root, "**/ml/*.java")
    test_sources = _sources(test_root, "**/*.java")
    if not ml_sources or not test_sources:
        raise ScaffoldError(f"{project} has no ml/*.java sources or no tests to run.")
    jars = junit_classpath()

    with tempfile.TemporaryDirectory(prefix="tflite-scaffold-verify-") as build:
        main_classes, test_classes = Path(build, "main"), Path(build, "test")
        _javac(["--release", "8", "-d", str(main_classes), *map(str, ml_sources)], "the ml/ sources")
        classpath = os.pathsep.join([str(main_classes), *jars])
        _javac(["-cp", classpath, "-d", str(test_classes), *map(str, test_sources)], "the tests")
        runtime_cp = os.pathsep.join([str(test_classes), str(app / "src/test/resources"), classpath])
        result = subprocess.run(
            [_java_tool("java"), "-cp", runtime_cp, "org.junit.runner.JUnitCore", *_test_classes(test_root, test_sources)],
            capture_output=True,
            text=True,
            cwd=app,  # where Gradle runs unit tests from, so src/main/assets resolves the same way
        )
    return _parse_junit(result.stdout + result.stderr)


def _parse_junit(output: str) -> VerifyResult:
    ok = re.search(r"^OK \((\d+) tests?\)", output, re.MULTILINE)
    if ok:
        return VerifyResult(int(ok.group(1)), 0, output)
    counts = re.search(r"^Tests run: (\d+),\s+Failures: (\d+)", output, re.MULTILINE)
    if counts:
        run, failures = int(counts.group(1)), int(counts.group(2))
        return VerifyResult(run - failures, failures, output)
    raise VerificationFailed(f"JUnit did not report results: {(output.strip().splitlines() or ['no output'])[-1]}")


def failure_summaries(output: str) -> list[str]:
    """``Class.test[case]: first line of the failure`` for each entry of JUnitCore's failure list."""
    lines = output.splitlines()
    summaries = []
    for i, line in enumerate(lines):
        match = re.match(r"^\d+\) (.+?)\(([\w.$]+)\)$", line)
        if match and i + 1 < len(lines):
            test, cls = match.group(1), match.group(2).rsplit(".", 1)[-1]
            summaries.append(f"{cls}.{test}: {lines[i + 1].strip()}")
    return summaries
