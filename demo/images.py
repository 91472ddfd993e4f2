"""Abstract featured images and portraits drawn with Pillow for the demo content.

Nothing is downloaded: every picture is generated from a motif and a palette.
"""

import io
import math
import random

from PIL import Image, ImageDraw, ImageFilter, ImageFont

WIDTH, HEIGHT = 1600, 900


def _rgb(hex_color: str) -> tuple[int, int, int]:
    hex_color = hex_color.lstrip("#")
    return tuple(int(hex_color[i : i + 2], 16) for i in (0, 2, 4))


def _mix(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def featured_image(motif: str, colors: list[str], seed: str) -> bytes:
    """A 1600×900 JPEG; motif: "bars", "circles", "waves", "grid" or "diagonal"."""
    rng = random.Random(seed)
    palette = [_rgb(c) for c in colors] or [(40, 60, 90), (200, 80, 60)]
    base, accent = palette[0], palette[-1]
    image = Image.new("RGB", (WIDTH, HEIGHT), base)
    draw = ImageDraw.Draw(image, "RGBA")
    for y in range(HEIGHT):  # soft vertical gradient
        draw.line(
            [(0, y), (WIDTH, y)], fill=_mix(base, (15, 15, 20), y / HEIGHT * 0.45)
        )
    if motif == "bars":
        count = 14
        width = WIDTH // (count + 2)
        for i in range(count):
            height = rng.randint(HEIGHT // 6, HEIGHT - 120)
            color = palette[i % len(palette)]
            x = width + i * width
            draw.rectangle(
                [x + 8, HEIGHT - height, x + width - 8, HEIGHT], fill=(*color, 210)
            )
    elif motif == "circles":
        for _ in range(18):
            r = rng.randint(60, 260)
            x, y = rng.randint(0, WIDTH), rng.randint(0, HEIGHT)
            color = rng.choice(palette)
            draw.ellipse([x - r, y - r, x + r, y + r], fill=(*color, 120))
    elif motif == "waves":
        for band in range(9):
            color = palette[band % len(palette)]
            offset = HEIGHT * (band + 1) / 10
            amplitude = rng.randint(30, 90)
            phase = rng.random() * math.tau
            points = [
                (x, offset + amplitude * math.sin(x / 170 + phase + band))
                for x in range(0, WIDTH + 20, 20)
            ]
            draw.line(points, fill=(*color, 200), width=18, joint="curve")
    elif motif == "grid":
        step = 100
        for gx in range(0, WIDTH, step):
            for gy in range(0, HEIGHT, step):
                if rng.random() < 0.45:
                    color = rng.choice(palette)
                    inset = rng.randint(6, 30)
                    draw.rounded_rectangle(
                        [gx + inset, gy + inset, gx + step - inset, gy + step - inset],
                        radius=10,
                        fill=(*color, 190),
                    )
    else:  # diagonal
        for i in range(-HEIGHT, WIDTH, 70):
            color = palette[(i // 70) % len(palette)]
            draw.polygon(
                [(i, HEIGHT), (i + 35, HEIGHT), (i + 35 + HEIGHT, 0), (i + HEIGHT, 0)],
                fill=(*color, 150),
            )
    draw.rectangle([0, HEIGHT - 14, WIDTH, HEIGHT], fill=(*accent, 255))
    image = image.filter(ImageFilter.SMOOTH)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85, optimize=True, progressive=True)
    return buffer.getvalue()


def portrait(initials: str, color: str) -> bytes:
    """A 400×400 PNG with the initials on a coloured disc."""
    size = 400
    image = Image.new("RGB", (size, size), _mix(_rgb(color), (255, 255, 255), 0.85))
    draw = ImageDraw.Draw(image)
    draw.ellipse([20, 20, size - 20, size - 20], fill=_rgb(color))
    font = ImageFont.load_default(size=150)
    draw.text((size / 2, size / 2), initials, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
