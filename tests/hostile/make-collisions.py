#!/usr/bin/env python3
"""make-collisions.py OUT.fodt N [--control] — a flat document with N paragraph styles whose
names all collide in the low 18 bits of unkeyed FNV-1a (the hash odfgate's style table used
before #21.1), or with --control N ordinary names of the same length.  Built from 16 chained
pairs of 3-byte blocks that collide from the same state: the low k bits of FNV-1a depend only
on the low k bits of the state, so any choice of one block per position gives the same low
bits (2^16 names).  Standard library only."""
import sys

MASK = (1 << 18) - 1
PRIME = 1099511628211
ALPHABET = b'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'


def step(h, data):
    for c in data:
        h = ((h ^ c) * PRIME) & MASK
    return h


def colliding_pair(state):
    seen = {}
    for a in ALPHABET:
        for b in ALPHABET:
            for c in ALPHABET:
                block = bytes((a, b, c))
                h = step(state, block)
                if h in seen:
                    return seen[h], block, h
                seen[h] = block
    raise SystemExit('no collision found')


def names(n, control):
    state, pairs = 14695981039346656037 & MASK, []
    for _ in range(16):
        x, y, state = colliding_pair(state)
        pairs.append((x, y))
    for i in range(n):
        if control:  # same length, no structure
            yield ('c%047d' % i)
        else:
            yield b''.join(p[(i >> k) & 1] for k, p in enumerate(pairs)).decode()


out, n = sys.argv[1], int(sys.argv[2])
control = '--control' in sys.argv
styles = ''.join('<style:style style:name="%s" style:family="paragraph"/>' % s for s in names(n, control))
last = list(names(1, control))[0]
with open(out, 'w') as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>'
            '<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
            'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
            'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
            'office:mimetype="application/vnd.oasis.opendocument.text" office:version="1.2">'
            '<office:styles>%s</office:styles><office:body><office:text>'
            '<text:h text:outline-level="1">Common vision</text:h>'
            '<text:p text:style-name="%s">Some words.</text:p>'
            '<text:p text:style-name="undefined-style">More words.</text:p>'
            '</office:text></office:body></office:document>' % (styles, last))
