#!/usr/bin/env python3
"""make-icon.py OUT.png [--high-contrast] — draw the LibreOffice extension's 42x42 icon: a page
with a check mark (filter/libreoffice/ext/images/*.png are made by this script; no image tool
needed: the PNG is written with zlib, 4x4 supersampled)."""
import struct
import sys
import zlib

SIZE, SS = 42, 4
hc = '--high-contrast' in sys.argv
PAGE = (0, 0, 0) if hc else (255, 255, 255)
EDGE = (255, 255, 255) if hc else (59, 74, 90)
LINES = (255, 255, 255) if hc else (160, 170, 182)
CHECK = (255, 255, 0) if hc else (46, 125, 50)


def dist_to_segment(px, py, ax, ay, bx, by):
    dx, dy = bx - ax, by - ay
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
    cx, cy = ax + t * dx, ay + t * dy
    return ((px - cx) ** 2 + (py - cy) ** 2) ** 0.5


def sample(x, y):
    """The colour at (x, y) in icon pixels, or None (transparent)."""
    if dist_to_segment(x, y, 13, 25, 19, 31) < 2.6 or dist_to_segment(x, y, 19, 31, 33, 13) < 2.6:
        return CHECK
    left, top, right, bottom, fold = 7, 3, 33, 38, 8
    inside = left <= x <= right and top <= y <= bottom and (x - (right - fold)) + (top + fold - y) <= fold
    if not inside:
        return None
    edge = (x < left + 1.5 or x > right - 1.5 or y < top + 1.5 or y > bottom - 1.5 or
            abs((x - (right - fold)) + (top + fold - y) - fold) < 1.1)
    if edge:
        return EDGE
    for ly in (12, 17, 22):
        if ly <= y < ly + 1.6 and left + 4 <= x <= right - (fold if ly == 12 else 5):
            return LINES
    return PAGE


rows = []
for py in range(SIZE):
    row = bytearray([0])  # filter: none
    for px in range(SIZE):
        acc, n = [0, 0, 0], 0
        for sy in range(SS):
            for sx in range(SS):
                c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS)
                if c:
                    acc = [a + b for a, b in zip(acc, c)]
                    n += 1
        alpha = 255 * n // (SS * SS)
        row += bytes([a // n for a in acc] if n else [0, 0, 0]) + bytes([alpha])
    rows.append(bytes(row))


def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data))


png = (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', SIZE, SIZE, 8, 6, 0, 0, 0)) +
       chunk(b'IDAT', zlib.compress(b''.join(rows), 9)) + chunk(b'IEND', b''))
with open(sys.argv[1], 'wb') as f:
    f.write(png)
