"""Reject values that would produce a project Gradle cannot build, before any file is written."""

import re
import sys

JAVA_KEYWORDS = {
    "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
    "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
    "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
    "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
    "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
    "volatile", "while", "true", "false", "null", "var", "record", "yield",
}


def fail(message):
    print(f"ERROR: {message}", file=sys.stderr)
    sys.exit(1)


package = "{{ cookiecutter.package_name }}"
parts = package.split(".")
if len(parts) < 2 or not all(re.fullmatch(r"[a-z][a-z0-9_]*", p) for p in parts):
    fail(f"package_name '{package}' must be at least two dot-separated lowercase identifiers, e.g. com.example.app")
bad = [p for p in parts if p in JAVA_KEYWORDS]
if bad:
    fail(f"package_name '{package}' uses the Java keyword '{bad[0]}'")

for name, value in (("top_k", "{{ cookiecutter.top_k }}"), ("num_threads", "{{ cookiecutter.num_threads }}")):
    if not value.isdigit() or int(value) < 1:
        fail(f"{name} must be a positive integer, got '{value}'")

for name, value in (("norm_mean", "{{ cookiecutter.norm_mean }}"), ("norm_std", "{{ cookiecutter.norm_std }}")):
    try:
        numbers = [float(v) for v in value.split(",")]
    except ValueError:
        fail(f"{name} must be numbers separated by commas, got '{value}'")
    if name == "norm_std" and any(n == 0 for n in numbers):
        fail("norm_std must not contain 0")
