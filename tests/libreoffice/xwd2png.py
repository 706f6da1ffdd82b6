#!/usr/bin/env python3
"""xwd2png.py IN.xwd OUT.png [X Y W H] — an X window dump (xwd -root) as PNG, optionally
cropped; 24/32-bit TrueColor dumps (what Xvfb gives), no imaging library needed."""
import struct
import sys
import zlib


def read_xwd(path):
    data = open(path, "rb").read()
    h = struct.unpack(">25I", data[:100])
    header_size, width, height = h[0], h[4], h[5]
    byte_order, bpp, bpl, ncolors = h[7], h[11], h[12], h[19]
    masks = h[14:17]
    if bpp not in (24, 32):
        raise SystemExit("xwd2png: %d bits per pixel is not supported" % bpp)
    off = header_size + ncolors * 12
    shifts = [(m & -m).bit_length() - 1 for m in masks]
    rows = []
    for y in range(height):
        line = data[off + y * bpl: off + y * bpl + width * bpp // 8]
        px = bytearray()
        step = bpp // 8
        for x in range(0, len(line), step):
            v = int.from_bytes(line[x:x + step], "little" if byte_order == 0 else "big")
            px += bytes(((v & m) >> s) & 0xff for m, s in zip(masks, shifts))
        rows.append(bytes(px))
    return width, height, rows


def write_png(path, width, height, rows):
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xffffffff)
    raw = b"".join(b"\0" + r for r in rows)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)) +
                chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


if __name__ == "__main__":
    w, h, rows = read_xwd(sys.argv[1])
    if len(sys.argv) == 7:
        x, y, cw, ch = (int(v) for v in sys.argv[3:7])
        x, y = max(0, x), max(0, y)
        cw, ch = min(cw, w - x), min(ch, h - y)
        rows = [r[x * 3:(x + cw) * 3] for r in rows[y:y + ch]]
        w, h = cw, ch
    write_png(sys.argv[2], w, h, rows)
