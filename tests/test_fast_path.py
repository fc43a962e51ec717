"""Starting from a .tflite must never import TensorFlow (it costs seconds and isn't needed)."""

from __future__ import annotations

import subprocess
import sys


def test_new_from_tflite_does_not_import_tensorflow(models, tmp_path):
    out = tmp_path / "app"
    script = (
        "import sys\n"
        "from scaffold.cli import app\n"
        f"app(['new', {str(models.tflite_uint8)!r}, '--out', {str(out)!r}, '--labels', {str(models.labels)!r},"
        " '--mean', '0', '--std', '255'], standalone_mode=False)\n"
        "heavy = sorted(m for m in ('tensorflow', 'keras') if m in sys.modules)\n"
        "print('HEAVY=' + ','.join(heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "HEAVY=\n" in result.stdout
    assert (out / "app/src/main/assets/model.tflite").is_file()
