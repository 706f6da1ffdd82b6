"""flatdoc.py — a flat ODF text document around a body, for the generators of the hostile tests
(complexity.sh): office, text and dc namespaces declared on the root."""


def write(path, body):
    with open(path, "w") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?><office:document '
                'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                'xmlns:dc="http://purl.org/dc/elements/1.1/" '
                'office:mimetype="application/vnd.oasis.opendocument.text"><office:body><office:text>'
                + body + '</office:text></office:body></office:document>')
