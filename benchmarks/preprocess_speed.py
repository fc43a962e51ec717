"""How fast the generated app's ImagePreprocessor turns a camera frame into an input tensor.

Renders the template's ml/ core, compiles it with javac next to a small harness, and times, on the
JVM, a 640x480 ARGB frame → 224x224x3 input (median of warm runs, each configuration in a JVM of
its own so the JIT's profile is that configuration's), next to a straightforward per-pixel loop
over the same frame: rotate the frame into a new array, then per output pixel and channel a
double bilinear sample, (value - mean) / std, and a switch on the tensor type per element.

    .venv/bin/python benchmarks/preprocess_speed.py [--runs 2000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "com.example.bench"

HARNESS = r"""
import com.example.bench.ml.*;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Random;

public class Harness {
    static final int W = 640, H = 480, OUT = 224;

    public static void main(String[] args) {
        String which = args[0];
        boolean uint8 = args[1].equals("uint8");
        int rotation = Integer.parseInt(args[2]);
        int runs = Integer.parseInt(args[3]);
        int[] frame = new int[W * H];
        Random random = new Random(1);
        for (int i = 0; i < frame.length; i++) {
            frame[i] = 0xFF000000 | random.nextInt(0x1000000);
        }
        TensorSpec spec = new TensorSpec(new int[] {1, OUT, OUT, 3},
                uint8 ? TensorSpec.DataType.UINT8 : TensorSpec.DataType.FLOAT32, uint8 ? 1f : 0f, 0);
        ByteBuffer out = spec.allocateBuffer();
        Runnable step;
        if (which.equals("generated")) {
            ImagePreprocessor preprocessor = uint8
                    ? ImagePreprocessor.raw(spec, ImagePreprocessor.ChannelOrder.RGB, ImagePreprocessor.ResizeMode.STRETCH)
                    : ImagePreprocessor.normalized(spec, new double[] {127.5}, new double[] {127.5},
                            ImagePreprocessor.ChannelOrder.RGB, ImagePreprocessor.ResizeMode.STRETCH);
            Orientation orientation = Orientation.ofRotation(rotation);
            step = () -> preprocessor.process(frame, 0, W, W, H, ImagePreprocessor.PixelLayout.ARGB, orientation, out);
        } else {
            step = () -> straightforward(frame, rotation, uint8, out);
        }
        for (int i = 0; i < runs * 2; i++) {
            step.run();
        }
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            step.run();
            times[i] = System.nanoTime() - start;
        }
        Arrays.sort(times);
        System.out.println(times[runs / 2]);
    }

    /** The textbook way: turn the frame, then sample each output value on its own. */
    static void straightforward(int[] frame, int rotation, boolean uint8, ByteBuffer out) {
        boolean sideways = rotation == 90 || rotation == 270;
        int width = sideways ? H : W;
        int height = sideways ? W : H;
        int[] upright = new int[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int p = frame[y * W + x];
                switch (rotation) {
                    case 90: upright[x * H + (H - 1 - y)] = p; break;
                    case 180: upright[(H - 1 - y) * W + (W - 1 - x)] = p; break;
                    case 270: upright[(W - 1 - x) * H + y] = p; break;
                    default: upright[y * W + x] = p;
                }
            }
        }
        out.rewind();
        for (int oy = 0; oy < OUT; oy++) {
            double sy = Math.min(Math.max((oy + 0.5) * height / OUT - 0.5, 0), height - 1);
            int y0 = (int) sy, y1 = Math.min(y0 + 1, height - 1);
            double fy = sy - y0;
            for (int ox = 0; ox < OUT; ox++) {
                double sx = Math.min(Math.max((ox + 0.5) * width / OUT - 0.5, 0), width - 1);
                int x0 = (int) sx, x1 = Math.min(x0 + 1, width - 1);
                double fx = sx - x0;
                for (int c = 0; c < 3; c++) {
                    int shift = 16 - 8 * c;
                    double top = (upright[y0 * width + x0] >> shift & 255) * (1 - fx) + (upright[y0 * width + x1] >> shift & 255) * fx;
                    double bottom = (upright[y1 * width + x0] >> shift & 255) * (1 - fx) + (upright[y1 * width + x1] >> shift & 255) * fx;
                    double value = top * (1 - fy) + bottom * fy;
                    if (uint8) {
                        out.put((byte) Math.round(value));
                    } else {
                        out.putFloat((float) ((value - 127.5) / 127.5));
                    }
                }
            }
        }
        out.rewind();
    }
}
"""


def render_ml_core(work: Path) -> list[Path]:
    result = subprocess.run(
        [sys.executable, "-m", "cookiecutter", "--no-input", str(ROOT / "templates/android-app"), "-o", str(work),
         f"package_name={PACKAGE}"],
        capture_output=True, text=True,
    )
    if result.returncode != 0:
        raise SystemExit(result.stderr)
    ml = work / "tflite-classifier/app/src/main/java" / PACKAGE.replace(".", "/") / "ml"
    return [ml / name for name in ("TensorSpec.java", "Orientation.java", "ImagePreprocessor.java")]


def median_ms(classes: Path, which: str, dtype: str, rotation: int, runs: int) -> float:
    done = subprocess.run(["java", "-cp", str(classes), "Harness", which, dtype, str(rotation), str(runs)],
                          capture_output=True, text=True, check=True)
    return int(done.stdout.strip()) / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = render_ml_core(work / "project")
        (work / "Harness.java").write_text(HARNESS, encoding="utf-8")
        classes = work / "classes"
        subprocess.run(["javac", "-d", str(classes), *map(str, sources), str(work / "Harness.java")], check=True)
        print(f"640x480 ARGB frame -> 224x224x3 input, median of {args.runs} warm runs (ms)")
        print(f"{'input':<8} {'rotation':>8} {'generated':>10} {'straightforward':>16} {'speed-up':>9}")
        for dtype in ("float32", "uint8"):
            for rotation in (0, 90):
                ours = median_ms(classes, "generated", dtype, rotation, args.runs)
                plain = median_ms(classes, "straightforward", dtype, rotation, args.runs)
                print(f"{dtype:<8} {rotation:>8} {ours:>10.3f} {plain:>16.3f} {plain / ours:>8.1f}x")
        print("goal: <= 0.3 ms for float32 and uint8; uint8 here is raw pixels (the Task Library's convention)")


if __name__ == "__main__":
    main()
