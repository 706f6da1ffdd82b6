#!/usr/bin/env python3
"""make-icons.py — draws the deck and toolbar icons (a page with a tick) as PNG, without
any imaging library: python3 make-icons.py (in this folder) rewrites deck.png, check-16.png
and check-26.png.  icon.png / icon-hc.png (the Extension Manager's) are drawn by hand."""
import struct
import zlib


def png(path, size, draw):
    rows = b''.join(b'\0' + b''.join(bytes(draw(x, y, size)) for x in range(size))
                    for y in range(size))

    def chunk(kind, data):
        return (struct.pack('>I', len(data)) + kind + data +
                struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff))
    with open(path, 'wb') as f:
        f.write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', size, size, 8, 6, 0, 0, 0)) +
                chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b''))


def tick_page(x, y, n):
    X, Y = x * 24 / n, y * 24 / n           # drawn on a 24-unit grid

    def near(ax, ay, bx, by):
        dx, dy = bx - ax, by - ay
        t = max(0, min(1, ((X - ax) * dx + (Y - ay) * dy) / (dx * dx + dy * dy)))
        return ((X - ax - t * dx) ** 2 + (Y - ay - t * dy) ** 2) ** .5 < 1.3
    if 4 <= X <= 18 and 2 <= Y <= 21 and (X < 5 or X > 17 or Y < 3 or Y > 20):
        return (32, 64, 128, 255)            # the page's edge
    if 5 <= X <= 17 and 3 <= Y <= 20:
        if near(7, 12, 10, 16) or near(10, 16, 16, 7):
            return (16, 128, 48, 255)        # the tick
        return (255, 255, 255, 255)
    return (0, 0, 0, 0)


if __name__ == '__main__':
    png('deck.png', 24, tick_page)
    png('check-16.png', 16, tick_page)
    png('check-26.png', 26, tick_page)
