#!/usr/bin/env python3
"""Gale–Church baseline for the alignment benchmark: NLTK's gale_church.align_blocks on
character lengths (white space excluded), with the Chinese lengths scaled by the
document's English/Chinese length ratio (NLTK's normal CDF underflows otherwise, Chinese
being ~3-4x shorter). Writes OUT/NNN/pred.txt in the `[i,j]:[k]` bead format.

Usage: gale_church.py GOLD_DIR OUT_DIR      (needs `nltk` importable: PYTHONPATH)
"""
import os
import sys

from nltk.translate.gale_church import align_blocks


def lengths(path):
    with open(path, encoding="utf-8") as f:
        return [max(1, sum(1 for c in line.rstrip("\n") if not c.isspace())) for line in f]


def beads(pairs, n, m):
    """Connected groups of aligned (zh, en) index pairs, plus null beads, in order."""
    groups = []
    for i, j in sorted(pairs):
        if groups and (i in groups[-1][0] or j in groups[-1][1]):
            groups[-1][0].add(i)
            groups[-1][1].add(j)
        else:
            groups.append(({i}, {j}))
    seen_zh = {i for g in groups for i in g[0]}
    seen_en = {j for g in groups for j in g[1]}
    out = [(sorted(a), sorted(b)) for a, b in groups]
    out += [([i], []) for i in range(n) if i not in seen_zh]
    out += [([], [j]) for j in range(m) if j not in seen_en]
    # The scorer compares sets of beads; order them by their first sentence for reading.
    out.sort(key=lambda bead: (bead[0] or [len(bead[1]) and -1])[0] if bead[0] else bead[1][0] * n / max(1, m))
    return out


def main(gold, out):
    for doc in sorted(os.listdir(gold)):
        folder = os.path.join(gold, doc)
        if not os.path.isfile(os.path.join(folder, "gold.txt")):
            continue
        zh = lengths(os.path.join(folder, "zh.txt"))
        en = lengths(os.path.join(folder, "en.txt"))
        ratio = sum(en) / sum(zh)
        pairs = align_blocks([round(l * ratio) for l in zh], en)
        os.makedirs(os.path.join(out, doc), exist_ok=True)
        with open(os.path.join(out, doc, "pred.txt"), "w", encoding="utf-8") as f:
            for a, b in beads(pairs, len(zh), len(en)):
                f.write("[%s]:[%s]\n" % (",".join(map(str, a)), ",".join(map(str, b))))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
