#!/usr/bin/env python3
"""strip_foreign.py IN OUT — drop elements and attributes outside the ODF namespaces from one
XML stream, as the ODF Validator's ForeignContentFilter does (tests/data/odf-schema/
VALIDATION.md): a dropped element's content is kept only under text:p / text:h; then the
stream can be validated with jing -i against the OASIS schema of its office:version."""
import sys
import xml.etree.ElementTree as ET

ODF = "urn:oasis:names:tc:opendocument:xmlns:"
OTHER = {"http://www.w3.org/1999/xlink", "http://purl.org/dc/elements/1.1/",
         "http://www.w3.org/1998/Math/MathML", "http://www.w3.org/2002/xforms",
         "http://www.w3.org/1999/xhtml", "http://www.w3.org/2003/g/data-view#",
         "http://www.w3.org/XML/1998/namespace", "http://docs.oasis-open.org/ns/office/1.2/meta/pkg#"}
TEXT = ODF + "text:1.0"


def ns(tag):
    return tag[1:].split("}")[0] if tag.startswith("{") else ""


def odf(uri):
    return uri.startswith(ODF) or uri in OTHER


def clean(el):
    for a in list(el.attrib):
        if ns(a) and not odf(ns(a)):
            del el.attrib[a]
    out = []
    for child in list(el):
        if odf(ns(child.tag)):
            clean(child)
            out.append(child)
        elif el.tag in ("{%s}p" % TEXT, "{%s}h" % TEXT):
            clean(child)  # unwrap: keep its text and ODF children
            if child.text:
                out.append(child.text)
            out.extend(c for c in child if odf(ns(c.tag)))
            if child.tail:
                out.append(child.tail)
            continue
        elif child.tail:
            out.append(child.tail)
            continue
        else:
            continue
    # rebuild the children (strings are text to merge into the previous node)
    for c in list(el):
        el.remove(c)
    prev = None
    for item in out:
        if isinstance(item, str):
            if prev is None:
                el.text = (el.text or "") + item
            else:
                prev.tail = (prev.tail or "") + item
        else:
            el.append(item)
            prev = item


tree = ET.parse(sys.argv[1])
clean(tree.getroot())
tree.write(sys.argv[2], encoding="UTF-8", xml_declaration=True)
