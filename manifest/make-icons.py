#!/usr/bin/env python3
"""Draws the two Teams app icons (no dependencies): color.png 192x192 and outline.png 32x32 (white on transparent)."""
import math, struct, zlib, pathlib

def png(path, size, pixel):
    rows = b"".join(b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(size)) for y in range(size))
    chunk = lambda kind, data: struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    header = struct.pack(">IIBBBBB", size, size, 8, 6, 0, 0, 0)  # 8-bit RGBA
    pathlib.Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b""))

def wheel(x, y, size, ring, spokes=5):
    """True where the flywheel drawing is: an outer ring, a hub and five spokes."""
    c = (size - 1) / 2
    dx, dy = x - c, y - c
    r = math.hypot(dx, dy)
    outer = size * 0.42
    if outer - ring <= r <= outer:
        return True
    if r <= size * 0.09:
        return True
    if r < outer:
        angle = math.atan2(dy, dx)
        for k in range(spokes):
            a = -math.pi / 2 + k * 2 * math.pi / spokes
            # distance from the point to the spoke's ray
            along = dx * math.cos(a) + dy * math.sin(a)
            across = abs(-dx * math.sin(a) + dy * math.cos(a))
            if along > 0 and across <= ring / 2:
                return True
    return False

def color(x, y):
    return (255, 255, 255, 255) if wheel(x, y, 192, 12) else (36, 99, 235, 255)

def outline(x, y):
    return (255, 255, 255, 255) if wheel(x, y, 32, 2) else (0, 0, 0, 0)

here = pathlib.Path(__file__).parent
png(here / "color.png", 192, color)
png(here / "outline.png", 32, outline)
