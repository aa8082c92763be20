"""Benchmark: the photo upload path against Pillow's bare decode, and the privacy check.

Run:  python bench/bench_photos.py  [--runs 9] [--no-recall | --recall-only]

1. The upload request's work (checks, EXIF, one decode, orientation, stripping, the private
   original, the display copy and the thumbnail: mapping.photos.process_photo as save_photo
   runs it, its private copies at the first of libjpeg's scales that fits) against a bare
   decode (Image.open + load) of the same JPEG, alternating in one loop, median of the pairwise
   ratios in CPU time (and in wall time, which on a shared machine also counts other work); at
   12, 3 and 0.3 megapixels (the last the smallest photo a phone sends). Floor: 1.5x at 12 MP.
   Beside it the draft-mode floor of a copy at the full display size: libjpeg's decode at 1/2
   scale plus the resize to 1600 px (what the upload did when its copies were the public ones).
2. The privacy check of one photo as the worker runs it (the original decoded again, CenterFace,
   the blur, two JPEGs), CenterFace alone, the Haar cascades alone; photos per second of one
   worker taking one job at a time.
3. Recall by face size, frontal and profile, of CenterFace and of the cascades, and false areas
   on photos without people (bench/photo_recall.py; a few minutes).

The 12 MP photo is a real one (an EXIF sample from ../shared/data when it is there, else
skimage's astronaut) upscaled to 4000 x 3000 and saved with EXIF: GPS position, direction and
orientation 6 (a phone held upright), as a phone would send it. Exits 1 when the upload misses
its floor, or CenterFace finds fewer faces than the cascades at some size, misses the targets
(every frontal face from 1.5 % of the long side, every profile from 3 %) or finds an area on a
photo without people. Why: docs/decisions/0008-privacy-detection-in-the-worker.md.
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from face_model import default_destination  # noqa: E402
from PIL import Image  # noqa: E402

from bench import photo_recall  # noqa: E402
from mapping.photos import open_photo, process_photo, public_copies  # noqa: E402
from mapping.photos.cascades import detect_areas as cascades_detect  # noqa: E402
from mapping.photos.faces import SIDE, THRESHOLD, FaceDetector  # noqa: E402
from mapping.photos.pipeline import DISPLAY_SIDE  # noqa: E402

SAMPLE = ROOT.parent / "shared/data/photos-exif-samples/gps/iphone_hdr_NO.jpg"
SIZES = [(4000, 3000), (2000, 1500), (640, 480)]  # upright; stored sideways, orientation 6
FLOOR = 1.5  # the upload path at 12 MP, as a multiple of the bare decode
LIMITS = {"max_bytes": 50_000_000, "max_pixels": 60_000_000}


def make_test_jpeg(size: tuple[int, int]) -> bytes:
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
    # Stored sideways with orientation 6, as phones write it: the pipeline must turn it back.
    exif[0x0112] = 6
    big = source.resize(size, Image.Resampling.BICUBIC).transpose(Image.Transpose.ROTATE_90)
    out = io.BytesIO()
    big.save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


def decode(data: bytes) -> None:
    with Image.open(io.BytesIO(data)) as image:
        image.load()


def upload_path(data: bytes) -> None:
    process_photo(data, preview=True, **LIMITS)  # as save_photo runs it


def draft_floor(data: bytes) -> None:
    """The least any pipeline that decodes once must do: libjpeg's reduced decode, the resize."""
    with Image.open(io.BytesIO(data)) as image:
        scale = DISPLAY_SIDE / max(image.size)
        if scale < 0.5:
            image.draft("RGB", (round(image.width * scale), round(image.height * scale)))
        image.load()
        if max(image.size) > DISPLAY_SIDE:
            factor = DISPLAY_SIDE / max(image.size)
            image.resize(
                (round(image.width * factor), round(image.height * factor)),
                Image.Resampling.BOX,
            )


def paired_ratios(
    baseline: Callable[[], object], others: dict[str, Callable[[], object]], runs: int
) -> tuple[float, dict[str, tuple[float, float]]]:
    """The median time of ``baseline``, and for each other the median of its pairwise ratios to
    it in CPU time and in wall time, measured alternating in one loop (the order flips every
    run), so that the load of a shared machine weighs on both sides of every pair alike.

    The floor is judged on CPU time (this thread's): the pipeline runs on one core, and on a
    machine shared with other work the wall time also counts the time the others ran."""
    base_times: list[float] = []
    ratios: dict[str, list[tuple[float, float]]] = {name: [] for name in others}
    for run in range(runs):
        for name, function in others.items():
            pair = [("base", baseline), (name, function)]
            cpu, wall = {}, {}
            for label, call in pair if run % 2 == 0 else pair[::-1]:
                start, start_cpu = time.perf_counter(), time.thread_time()
                call()
                cpu[label] = time.thread_time() - start_cpu
                wall[label] = time.perf_counter() - start
            base_times.append(wall["base"])
            ratios[name].append((cpu[name] / cpu["base"], wall[name] / wall["base"]))
    medians = {
        name: (statistics.median(r[0] for r in pairs), statistics.median(r[1] for r in pairs))
        for name, pairs in ratios.items()
    }
    return statistics.median(base_times), medians


def median_time(function: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def upload_figures(runs: int, out) -> bool:
    out(
        "upload path vs bare decode, alternating in one loop, median of pairwise ratios "
        "in CPU time (wall time)\n"
    )
    within = True
    for size in SIZES:
        data = make_test_jpeg(size)
        upload_path(data)  # warm up: imports, the ICC profile
        decode_s, ratios = paired_ratios(
            lambda d=data: decode(d),
            {"upload": lambda d=data: upload_path(d), "draft": lambda d=data: draft_floor(d)},
            runs,
        )
        (upload_cpu, upload_wall), (draft_cpu, draft_wall) = ratios["upload"], ratios["draft"]
        megapixels = size[0] * size[1] / 1e6
        gate = size == SIZES[0]
        verdict = ("ok" if upload_cpu <= FLOOR else "OVER") if gate else "for information"
        within = within and (not gate or upload_cpu <= FLOOR)
        out(
            f"  {size[0]}x{size[1]} ({megapixels:4.1f} MP, {len(data) / 1e6:4.1f} MB): decode "
            f"{decode_s * 1000:6.1f} ms; upload {upload_cpu:4.2f}x ({upload_wall:4.2f}x) "
            f"(floor <= {FLOOR}x: {verdict}); draft-mode floor {draft_cpu:4.2f}x "
            f"({draft_wall:4.2f}x)\n"
        )
    return within


def check_figures(detector: FaceDetector, runs: int, out) -> None:
    data = make_test_jpeg(SIZES[0])
    original = process_photo(data, **LIMITS).original

    def privacy_check() -> None:
        upright = open_photo(original, **LIMITS)
        found = detector.detect(upright.picture)
        public_copies(upright, [area.scaled(1 / upright.to_display) for area in found])

    picture = open_photo(original, **LIMITS).picture
    privacy_check()  # warm up: the network made, the model read
    cascades_detect(picture)
    check_s = median_time(privacy_check, runs)
    centerface_s = median_time(lambda: detector.detect(picture), runs)
    cascades_s = median_time(lambda: cascades_detect(picture), runs)
    out(
        f"privacy check of one 12 MP photo (median of {runs}): {check_s * 1000:.0f} ms, "
        f"{1 / check_s:.1f} photos/s per worker taking one job at a time\n"
        f"  of which CenterFace at {detector.side} px {centerface_s * 1000:.0f} ms; "
        f"the Haar cascades would take {cascades_s * 1000:.0f} ms\n"
    )


def model_path() -> Path:
    return Path(os.environ.get("PHOTO_FACE_MODEL") or default_destination())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--side", type=int, default=SIDE, help="CenterFace's input, px")
    parser.add_argument("--threshold", type=float, default=THRESHOLD)
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--no-recall", action="store_true", help="timings only")
    which.add_argument("--recall-only", action="store_true", help="recall and false areas only")
    args = parser.parse_args()
    out = sys.stdout.write
    detector = FaceDetector(model_path(), args.side, args.threshold)
    ok = True
    if not args.recall_only:
        ok = upload_figures(args.runs, out)
        check_figures(detector, args.runs, out)
    if not args.no_recall:
        ok = photo_recall.run(detector, out) and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
