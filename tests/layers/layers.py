#!/usr/bin/env python3
"""layers.py [ROOT] — the include discipline of filter/ and cli/ (docs/layers.md), as TAP.

filter/ is a stack of layer folders: a file includes only headers of its own layer or of a
layer below it.  Across filter/ and cli/ no module (x.c with x.h) depends on itself through
includes.  cli/ uses only the public header.  ROOT defaults to the source tree."""
import os
import re
import sys

# lowest first; top-level filter/*.c (global, pipeline) sit above every folder but libreoffice/
LAYERS = ["base", "text", "read", "schema", "check", "fetch", "config", "report", "diff", "write", "overview", "",
          "libreoffice"]
SOURCE = (".c", ".h", ".cc", ".cxx", ".hxx")
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
# headers that are not ours to place: the public API and autoconf's
OUTSIDE = {"odfgate.h", "config.h"}


def layer_of(rel):
    """rel: a path under filter/; its layer index."""
    top = rel.split("/")[0] if "/" in rel else ""
    return LAYERS.index(top) if top in LAYERS else None


def sources(root, sub):
    out = []
    for d, _, names in os.walk(os.path.join(root, sub)):
        for n in names:
            if n.endswith(SOURCE) and n != "embedded.c":
                out.append(os.path.relpath(os.path.join(d, n), root))
    return sorted(out)


def resolve(root, src, inc):
    """The file an include names: beside the includer first, then under filter/ (the -I)."""
    for cand in (os.path.join(os.path.dirname(src), inc), os.path.join("filter", inc)):
        cand = os.path.normpath(cand)
        if os.path.isfile(os.path.join(root, cand)):
            return cand
    return None


def module(path):
    return os.path.splitext(path)[0]


def cycles(graph):
    """The modules that depend on themselves: every strongly connected component of more than
    one module (Tarjan's algorithm, iterative), each as a sorted list."""
    index, low, on, stack, out, counter = {}, {}, set(), [], [], [0]
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter[0]
        counter[0] += 1
        stack.append(root)
        on.add(root)
        while work:
            node, it = work[-1]
            nxt = next(it, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter[0]
                    counter[0] += 1
                    stack.append(nxt)
                    on.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                elif nxt in on:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    m = stack.pop()
                    on.discard(m)
                    comp.append(m)
                    if m == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..")
    up, unknown, private, graph = [], [], [], {}
    for src in sources(root, "filter") + sources(root, "cli"):
        with open(os.path.join(root, src), encoding="utf-8") as fh:
            text = fh.read()
        mod = module(src)
        graph.setdefault(mod, set())
        for inc in INCLUDE.findall(text):
            if os.path.basename(inc) in OUTSIDE:
                continue
            dep = resolve(root, src, inc)
            if dep is None:
                unknown.append(f"{src}: \"{inc}\" is not a file of the tree")
                continue
            if module(dep) != mod:
                graph[mod].add(module(dep))
            if src.startswith("cli/"):
                if not dep.startswith("cli/"):
                    private.append(f"{src}: includes {dep}")
                continue
            if not dep.startswith("filter/"):
                unknown.append(f"{src}: includes {dep}, outside filter/")
                continue
            a, b = layer_of(src[7:]), layer_of(dep[7:])
            if a is None or b is None:
                unknown.append(f"{src}: \"{inc}\": {src if a is None else dep} is in no layer")
            elif b > a:
                up.append(f"{src} ({LAYERS[a] or 'top'}) includes {dep} ({LAYERS[b] or 'top'})")
    checks = [
        ("every include names a file of a known layer", unknown),
        ("no include goes up the layer order", up),
        ("cli/ uses only the public header and its own", private),
        ("no include cycle between modules", [" <-> ".join(c) for c in cycles(graph)]),
    ]
    print(f"1..{len(checks)}")
    failed = 0
    for i, (name, problems) in enumerate(checks, 1):
        print(f"{'not ok' if problems else 'ok'} {i} - {name}")
        for p in problems:
            print(f"# {p}")
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
