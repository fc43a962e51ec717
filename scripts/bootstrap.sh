#!/usr/bin/env bash
# Sets up everything tflite-scaffold needs on a fresh Debian/Ubuntu machine, idempotently:
#   system: a JDK (javac + java), JUnit 4 (Debian's junit4), libusb-1.0 (tflite-support's native module)
#   python: a virtualenv in .venv with the package, its dev extras, and tflite-support (--no-deps, see pyproject.toml);
#           .venv-task with the TFLite Task Library alone (tests/task_library/requirements.txt), the tests' oracle
#   npm:    kotlinc (the kotlin-compiler package) in .tools, used by the tests to compile the generated Kotlin
# Re-running is cheap: the venv is only rebuilt when pyproject.toml or this script changes.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}

missing=()
command -v npm >/dev/null 2>&1 || missing+=(npm)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
[ -f /usr/share/java/junit4.jar ] || missing+=(junit4)
/sbin/ldconfig -p 2>/dev/null | grep -q 'libusb-1.0.so.0' || missing+=(libusb-1.0-0)
if [ ${#missing[@]} -gt 0 ]; then
    echo "bootstrap: installing system packages: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
        || { $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; }
fi

stamp="$VENV/.bootstrap-stamp"
wanted=$(cat pyproject.toml scripts/bootstrap.sh | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "bootstrap: creating $VENV (TensorFlow is large: the first run takes a few minutes)"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e '.[dev]'
    # tflite-support 0.4.4 pins protobuf<4, which pip cannot resolve beside TensorFlow 2.21;
    # its metadata writers work with TensorFlow's protobuf, so it is installed without its deps.
    "$VENV/bin/python" -m pip install -q --no-deps tflite-support==0.4.4
    echo "$wanted" > "$stamp"
fi

TASK_VENV=${TASK_VENV:-.venv-task}
task_stamp="$TASK_VENV/.bootstrap-stamp"
task_wanted=$(sha256sum tests/task_library/requirements.txt | cut -d' ' -f1)
if [ ! -f "$task_stamp" ] || [ "$(cat "$task_stamp")" != "$task_wanted" ]; then
    echo "bootstrap: creating $TASK_VENV (the TFLite Task Library, kept apart from TensorFlow)"
    "$PYTHON" -m venv "$TASK_VENV"
    "$TASK_VENV/bin/python" -m pip install -q --upgrade pip
    "$TASK_VENV/bin/python" -m pip install -q -r tests/task_library/requirements.txt
    echo "$task_wanted" > "$task_stamp"
fi

KOTLIN_COMPILER=2.4.20
if [ ! -x .tools/node_modules/kotlin-compiler/bin/kotlinc ] || ! grep -q "\"version\": \"$KOTLIN_COMPILER\"" .tools/node_modules/kotlin-compiler/package.json; then
    echo "bootstrap: installing kotlinc $KOTLIN_COMPILER into .tools"
    mkdir -p .tools
    npm install --prefix .tools --no-audit --no-fund --silent "kotlin-compiler@$KOTLIN_COMPILER"
fi
