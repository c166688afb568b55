"""Draw the demo illustrations once: `python stories/demo_images/generate.py`.

Calm, abstract and geometric, 1600x900, a small palette each so that the PNG files stay
small. The pictures are our own work, released under CC0 (see CREDITS.md).
"""

import random
from pathlib import Path

from PIL import Image, ImageDraw


SIZE = (1600, 900)
HERE = Path(__file__).resolve().parent

# name: (background, shapes palette, motif)
PICTURES = {
    "volunteering-day": (
        "#f3efe6",
        ["#2f6f5e", "#e0a458", "#c8553d", "#8fb8a8"],
        "circles",
    ),
    "open-source-tool": (
        "#eef2f7",
        ["#1d3557", "#457b9d", "#a8dadc", "#e63946"],
        "grid",
    ),
    "accessibility-project": (
        "#f6f1fa",
        ["#5a3e85", "#9d7cc1", "#f2c14e", "#3a7d44"],
        "arcs",
    ),
    "service-incident": (
        "#eceff1",
        ["#37474f", "#78909c", "#b0bec5", "#ffb300"],
        "lines",
    ),
    "new-lyon-site": (
        "#fdf3ea",
        ["#b5542c", "#f29e4c", "#2b4162", "#f6d8ae"],
        "buildings",
    ),
    "internship-programme": (
        "#eef7f1",
        ["#2a9d8f", "#264653", "#e9c46a", "#f4a261"],
        "steps",
    ),
    "carbon-footprint": (
        "#f1f6ea",
        ["#4f772d", "#90a955", "#31572c", "#ecf39e"],
        "leaves",
    ),
    "library-network": (
        "#f5f0eb",
        ["#6d4c41", "#a1887f", "#26547c", "#ef8354"],
        "shelves",
    ),
    "support-team-prize": (
        "#f0f4f8",
        ["#3d5a80", "#98c1d9", "#ee6c4d", "#293241"],
        "waves",
    ),
}


def circles(draw, palette, rng):
    for _ in range(14):
        r = rng.randint(60, 260)
        x, y = rng.randint(0, SIZE[0]), rng.randint(0, SIZE[1])
        draw.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice(palette))


def grid(draw, palette, rng):
    step = 100
    for x in range(0, SIZE[0], step):
        for y in range(0, SIZE[1], step):
            if rng.random() < 0.35:
                draw.rectangle(
                    (x + 10, y + 10, x + step - 10, y + step - 10),
                    fill=rng.choice(palette),
                )


def arcs(draw, palette, rng):
    for i in range(9):
        r = 120 + i * 90
        draw.arc(
            (800 - r, 900 - r, 800 + r, 900 + r),
            180,
            360,
            fill=palette[i % len(palette)],
            width=38,
        )


def lines(draw, palette, rng):
    for i in range(24):
        y = 40 + i * 36
        x0 = rng.randint(80, 500)
        draw.line(
            (x0, y, x0 + rng.randint(400, 1000), y), fill=rng.choice(palette), width=18
        )


def buildings(draw, palette, rng):
    x = 60
    while x < SIZE[0] - 100:
        w, h = rng.randint(90, 200), rng.randint(250, 700)
        draw.rectangle((x, SIZE[1] - h, x + w, SIZE[1]), fill=rng.choice(palette))
        x += w + rng.randint(10, 40)
    draw.ellipse((1250, 80, 1450, 280), fill=palette[1])


def steps(draw, palette, rng):
    for i in range(8):
        x = 120 + i * 170
        h = 120 + i * 80
        draw.rectangle(
            (x, SIZE[1] - h, x + 150, SIZE[1]), fill=palette[i % len(palette)]
        )


def leaves(draw, palette, rng):
    for _ in range(22):
        x, y = rng.randint(0, SIZE[0]), rng.randint(0, SIZE[1])
        w, h = rng.randint(80, 220), rng.randint(160, 380)
        draw.ellipse((x, y, x + w, y + h), fill=rng.choice(palette))


def shelves(draw, palette, rng):
    for row in range(4):
        y = 120 + row * 200
        draw.rectangle((100, y + 150, 1500, y + 165), fill=palette[0])
        x = 120
        while x < 1450:
            w = rng.randint(30, 70)
            h = rng.randint(90, 145)
            draw.rectangle(
                (x, y + 150 - h, x + w, y + 150), fill=rng.choice(palette[1:])
            )
            x += w + 8


def waves(draw, palette, rng):
    for i in range(7):
        y = 150 + i * 110
        for x in range(0, SIZE[0], 200):
            draw.arc(
                (x, y, x + 200, y + 120),
                0,
                180,
                fill=palette[i % len(palette)],
                width=22,
            )


def draw_picture(name, background, palette, motif):
    picture = Image.new("RGB", SIZE, background)
    globals()[motif](ImageDraw.Draw(picture), palette, random.Random(name))  # noqa: S311  # nosec B311 (art, not security)
    picture = picture.quantize(colors=8)
    picture.save(HERE / f"{name}.png", optimize=True)


if __name__ == "__main__":
    for name, (background, palette, motif) in PICTURES.items():
        draw_picture(name, background, palette, motif)
