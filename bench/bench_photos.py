"""Benchmark: the photo pipeline on a 12-megapixel JPEG vs Pillow alone decoding that file.

Run:  python bench/bench_photos.py  [--runs 5]

The test photo is a real one (an EXIF sample from ../shared/data when it is there, else
skimage's astronaut) upscaled to 4000 x 3000 and saved with EXIF: GPS position, direction and
orientation 6 (a phone held upright), as a phone would send it. Floor: the pipeline takes at most
2x the plain decode (Image.open + load) of the same bytes, best of N runs each, in this process;
the script exits with 1 when the full pipeline (detection on, as uploads run it) is over it.
Peak memory is the growth of the resident set (VmHWM after a reset) over one call, each measured
in a fresh child process.

It prints the time of every step and detection pass (wall and CPU), and the time left for
detection within the floor next to the lightest look the cascades allow. With detection on, the
floor is not met; why, and why detection stays:
docs/decisions/0001-face-and-plate-detection-on-upload.md.

Run:  python bench/bench_photos.py --recall   (a few minutes; no timing: how often faces of each
size are found, with the looks of mapping/photos/privacy.py)
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
from mapping.photos.privacy import (  # noqa: E402
    DetectionPass,
    detect_areas,
    detection_passes,
)
from mapping.photos.privacy import _grey as privacy_grey  # noqa: E402

SAMPLE = ROOT.parent / "shared/data/photos-exif-samples/gps/iphone_hdr_NO.jpg"
FIXTURES = ROOT / "tests/fixtures/photos"
SIZE = (4000, 3000)  # upright; stored as 3000 x 4000 with orientation 6
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
    # Stored sideways with orientation 6, as phones write it: the pipeline must turn it back.
    exif[0x0112] = 6
    big = source.resize(SIZE, Image.Resampling.BICUBIC).transpose(Image.Transpose.ROTATE_90)
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


def timed(function, data: bytes, runs: int) -> tuple[float, float]:
    """Best wall time and best CPU time (all threads of the process) over ``runs`` calls.

    The wall time is what the floor is about; the CPU time moves less with the load of a shared
    machine, and shows how much a pass gains from OpenCV's threads.
    """
    wall = cpu = float("inf")
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function(data)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return wall, cpu


def cv2_threads() -> int:
    import cv2

    return cv2.getNumThreads()


LIGHTEST_SIDE = 320  # frontal faces from 20 / 320 = 6.2 % of the long side: a person close by
lightest_share = 20 / LIGHTEST_SIDE


def lightest_look(image: Image.Image) -> DetectionPass:
    """One frontal pass on a 320 px grey copy (made as privacy.py makes its copies) with a coarse
    1.2 step: the cheapest detection that still finds a face (the astronaut of --recall in every
    placement from 10 % of the long side), far weaker than privacy.py's looks."""
    small, scale = privacy_grey(image, LIGHTEST_SIDE)
    look = {"side": LIGHTEST_SIDE, "step": 1.2, "neighbours": 3}
    size = f"{small.shape[1]}x{small.shape[0]}"
    return DetectionPass(f"one pass, {size}", "face", small, 1 / scale, "face", look)


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


# --recall: faces pasted at many sizes and places into real photos (the repository's fixtures).
# (skimage image, box around eyes, nose and mouth in its 512 x 512 pixels) per kind of face.
RECALL_FACES = {
    "frontal": ("astronaut", (180, 70, 270, 160)),
    "profile": ("camera", (185, 95, 275, 195)),
}
RECALL_BACKGROUNDS = ("DSCN0010.jpg", "landscape_1.jpg", "landscape_6.jpg", "45-gps_ifd.jpg")
RECALL_SIZES = {  # face width, in per mille of the photo's long side
    "frontal": [*range(24, 62, 2), *range(70, 140, 10)],  # 13 %: as big as fits
    "profile": [*range(30, 135, 5)],
}


def recall() -> None:
    """How often detection finds a face, by its size: the trade-off behind privacy.py's looks."""
    from skimage import data

    backgrounds = []
    for name in RECALL_BACKGROUNDS:
        with Image.open(FIXTURES / name) as image:
            image = image.convert("RGB")
        factor = 1600 / max(image.size)
        size = (round(image.width * factor), round(image.height * factor))
        backgrounds.append(image.resize(size, Image.Resampling.BICUBIC))
    out = sys.stdout.write
    for kind, (source_name, box) in RECALL_FACES.items():
        source = Image.fromarray(getattr(data, source_name)()).convert("RGB")
        out(f"{kind} faces ({source_name}): share found\n")
        full_from = None
        for per_mille in RECALL_SIZES[kind]:
            found = placements = 0
            for number, background in enumerate(backgrounds):
                for mirrored in (False, True):
                    pasted = _paste_face(background, source, box, per_mille, mirrored, number)
                    if pasted is None:
                        continue  # the face does not fit into this photo
                    photo, face = pasted
                    areas = [area for area in detect_areas(photo) if area.kind == "face"]
                    found += any(_contains(area, face) for area in areas)
                    placements += 1
            share = found / max(1, placements)
            full_from = (full_from or per_mille) if share == 1 else None
            out(
                f"  face {per_mille / 10:4.1f} % of the long side: {share:4.0%} "
                f"of {placements} placements\n"
            )
        out(f"  every placement found from {full_from / 10 if full_from else '-'} %\n")
    false = [len(detect_areas(background)) for background in backgrounds]
    out(f"areas found in the {len(backgrounds)} photos without anyone: {false}\n")


def _paste_face(background, source, box, per_mille, mirrored, number):
    side = round(per_mille / 1000 * max(background.size) * 512 / (box[2] - box[0]))
    if side >= min(background.size):
        return None
    face_image = source.resize((side, side), Image.Resampling.BICUBIC)
    if mirrored:
        face_image = face_image.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    # Spread the placements over the photo (and over OpenCV's sampling grid).
    x = (137 * number + 61 * mirrored + 7 * per_mille) % (background.width - side)
    y = (91 * number + 37 + 5 * per_mille) % (background.height - side)
    photo = background.copy()
    photo.paste(face_image, (x, y))
    scale = side / 512
    left, right = (512 - box[2], 512 - box[0]) if mirrored else (box[0], box[2])
    return photo, (x + left * scale, y + box[1] * scale, x + right * scale, y + box[3] * scale)


def _contains(area, face) -> bool:
    centre_x, centre_y = (face[0] + face[2]) / 2, (face[1] + face[3]) / 2
    return area.x <= centre_x <= area.x + area.width and area.y <= centre_y <= area.y + area.height


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument(
        "--recall", action="store_true", help="how often faces are found, by size (no timing)"
    )
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return 0
    if args.recall:
        recall()
        return 0

    data = make_test_jpeg()
    path = Path(os.environ.get("TMPDIR", "/tmp")) / "bench_photos_12mp.jpg"
    path.write_bytes(data)
    pipeline(data)  # warm up: cascades loaded once per process, as in a server
    decode_s, decode_cpu = timed(decode, data, args.runs)
    upload_s, upload_cpu = timed(upload_only, data, args.runs)
    pipeline_s, pipeline_cpu = timed(pipeline, data, args.runs)
    result = process_photo(data, **LIMITS)
    # Detection on the public copy before blurring, as in the pipeline.
    plain = process_photo(data, detect=False, **LIMITS)
    display = Image.open(io.BytesIO(plain.display)).convert("RGB")
    detect_s, detect_cpu = timed(lambda _: detect_areas(display), data, args.runs)
    passes = detection_passes(display)
    pass_times = [timed(lambda _, one=one: one.run(), data, args.runs) for one in passes]
    prepare = timed(lambda _: detection_passes(display), data, args.runs)
    lightest = lightest_look(display)
    lightest_s, lightest_cpu = timed(lambda _: lightest.run(), data, args.runs)
    out = sys.stdout.write
    out(
        f"photo pipeline on a {SIZE[0]}x{SIZE[1]} JPEG ({len(data) / 1e6:.1f} MB), "
        f"best of {args.runs}; wall time (CPU time of all threads)\n"
    )
    out(
        f"  Pillow decode (baseline)          {decode_s * 1000:8.1f} ms "
        f"({decode_cpu * 1000:6.1f})\n"
    )
    for label, seconds, cpu in (
        ("pipeline without face detection", upload_s, upload_cpu),
        ("full pipeline (with detection)", pipeline_s, pipeline_cpu),
    ):
        ratio = seconds / decode_s
        verdict = "ok" if ratio <= FLOOR else "OVER"
        within = ratio <= FLOOR  # the last one, the pipeline as uploads run it, decides
        out(
            f"  {label:<33} {seconds * 1000:8.1f} ms ({cpu * 1000:6.1f})  {ratio:5.2f}x "
            f"(floor <= {FLOOR:.0f}x: {verdict})\n"
        )
    out(
        f"  of which detection alone          {detect_s * 1000:8.1f} ms ({detect_cpu * 1000:6.1f})"
        f"  {detect_s / decode_s:5.2f}x the decode; {cv2_threads()} OpenCV threads. Alone:\n"
    )
    for label, (seconds, cpu) in (
        ("grey copies", prepare),
        *((one.label, times) for one, times in zip(passes, pass_times, strict=True)),
    ):
        out(f"    {label:<31} {seconds * 1000:8.1f} ms ({cpu * 1000:6.1f})\n")
    budget = FLOOR * decode_s - upload_s
    out(
        f"  left for detection within the floor {budget * 1000:8.1f} ms "
        f"({FLOOR:.0f} x the decode - the pipeline without detection)\n"
        f"  the lightest look these cascades allow: {lightest.label}, frontal faces only "
        f"(from {lightest_share:.1%} of the long side; no profiles, no plates)\n"
        f"{'':36}{lightest_s * 1000:8.1f} ms ({lightest_cpu * 1000:6.1f})"
        f"  -> the floor {'can' if lightest_s <= budget else 'can NOT'} be met with detection "
        "on the request path\n"
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
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
