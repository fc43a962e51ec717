"""Keep native libraries' chatter out of the CLI's output.

TensorFlow, the TFLite converter and LiteRT print INFO/WARNING lines from C++ straight to file
descriptors 1 and 2, and Keras' export prints its signature summary with ``print``. None of it is
actionable for our users, and it would bury the one line that matters. Real failures still reach
them: they arrive as Python exceptions, which we turn into ScaffoldErrors.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator


@contextlib.contextmanager
def native_output_silenced(*, stdout: bool = False) -> Iterator[None]:
    """Point fd 2 (and fd 1 when ``stdout``) at /dev/null for the duration of the block."""
    fds = [2, 1] if stdout else [2]
    sys.stderr.flush()
    sys.stdout.flush()
    saved = [os.dup(fd) for fd in fds]
    devnull = os.open(os.devnull, os.O_WRONLY)
    python_stdout = contextlib.redirect_stdout(io.StringIO()) if stdout else contextlib.nullcontext()
    try:
        for fd in fds:
            os.dup2(devnull, fd)
        with python_stdout:
            yield
    finally:
        sys.stderr.flush()
        sys.stdout.flush()
        for fd, copy in zip(fds, saved):
            os.dup2(copy, fd)
            os.close(copy)
        os.close(devnull)
