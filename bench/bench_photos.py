"""Benchmark: the photo pipeline on a 12-megapixel JPEG vs Pillow alone decoding that file.

Run:  python bench/bench_photos.py  [--runs 5]

The test photo is a real one (an EXIF sample from ../shared/data when it is there, else
skimage's astronaut) upscaled to 4000 x 3000 and saved with EXIF: GPS position, direction and
orientation 6 (a phone held upright), as a phone would send it. Floor: the pipeline takes at most
2x the plain decode (Image.open + load) of the same bytes, best of N runs each, in this process.
Peak memory is the growth of the maximum resident set size, each measured in a fresh child process.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402

from mapping.photos import process_photo  # noqa: E402

SAMPLE = ROOT.parent / "shared/data/photos-exif-samples/gps/iphone_hdr_NO.jpg"
SIZE = (4000, 3000)
FLOOR = 2.0
LIMITS = {"max_bytes": 50_000_000, "max_pixels": 60_000_000}


def make_test_jpeg() -> bytes:
    if SAMPLE.is_file():
        source = Image.open(SAMPLE)
        exif = source.getexif()
        source = source.convert("RGB")
    else:
        from skimage import data

        source = Image.fromarray(data.astronaut())
        exif = Image.Exif()
    gps = exif.get_ifd(0x8825)
    if not gps:
        # Prague's Old Town Square, heading south-east, as a phone writes it.
        gps.update({1: "N", 2: (50.0, 5.0, 15.6), 3: "E", 4: (14.0, 25.0, 15.5), 16: "T", 17: 135})
    exif[0x0112] = 6
    big = source.resize(SIZE, Image.Resampling.BICUBIC)
    out = io.BytesIO()
    big.save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


def decode(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as image:
        image.load()


def pipeline(data: bytes) -> None:
    process_photo(data, **LIMITS)


def upload_only(data: bytes) -> None:
    process_photo(data, detect=False, **LIMITS)


def best_of(function, data: bytes, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        function(data)
        best = min(best, time.perf_counter() - start)
    return best


def _status_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(kind: str, path: str) -> None:
    data = Path(path).read_bytes()
    if kind == "pipeline":
        pipeline(data)  # imports and cascades loaded: measure one photo, not the start-up
    else:
        decode(data)
    # Reset the high-water mark (Linux), so that only the measured call counts.
    Path("/proc/self/clear_refs").write_text("5")
    before = _status_kb("VmRSS")
    {"pipeline": pipeline, "decode": decode, "upload": upload_only}[kind](data)
    sys.stdout.write(f"{(_status_kb('VmHWM') - before) / 1024:.1f}\n")


def peak_memory_mb(kind: str, path: Path) -> float:
    result = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return

    data = make_test_jpeg()
    path = Path(os.environ.get("TMPDIR", "/tmp")) / "bench_photos_12mp.jpg"
    path.write_bytes(data)
    pipeline(data)  # warm up: cascades loaded once per process, as in a server
    decode_s = best_of(decode, data, args.runs)
    upload_s = best_of(upload_only, data, args.runs)
    pipeline_s = best_of(pipeline, data, args.runs)
    result = process_photo(data, **LIMITS)
    out = sys.stdout.write
    out(
        f"photo pipeline on a {SIZE[0]}x{SIZE[1]} JPEG ({len(data) / 1e6:.1f} MB), "
        f"best of {args.runs}\n"
    )
    out(f"  Pillow decode (baseline)          {decode_s * 1000:8.1f} ms\n")
    for label, seconds in (
        ("pipeline without face detection", upload_s),
        ("full pipeline (with detection)", pipeline_s),
    ):
        ratio = seconds / decode_s
        verdict = "ok" if ratio <= FLOOR else "OVER"
        out(
            f"  {label:<33} {seconds * 1000:8.1f} ms  {ratio:5.2f}x "
            f"(floor <= {FLOOR:.0f}x: {verdict})\n"
        )
    out(
        f"  public copy {result.display_size}, thumbnail {result.thumbnail_size}, "
        f"GPS {result.metadata.latitude}, {result.metadata.longitude}\n"
    )
    out(
        f"  peak memory (RSS growth): decode +{peak_memory_mb('decode', path):.0f} MB, "
        f"pipeline +{peak_memory_mb('pipeline', path):.0f} MB\n"
    )
    path.unlink(missing_ok=True)


if __name__ == "__main__":
    main()
