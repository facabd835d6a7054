#!/usr/bin/env python3
"""Writes a synthetic zh-en glossary of N concepts as Termbridge TSV, for scale tests.

Usage: generate-glossary.py N OUT.tsv

Every field is one that TSV, CSV, JSON, TBX and TBX 2008 all hold, so the glossary must come
back unchanged through each: id, subject, definition (with & < > and quotes), note, part of
speech; a preferred Chinese term with its pinyin; English terms preferred, admitted and
deprecated. Deterministic: the same N gives the same bytes. Nothing here is real data.
"""
import sys

# Characters and their pinyin (a small fixed table; terms are made by counting in base 40).
SYLLABLES = [
    ("准", "zhǔn"), ("盟", "méng"), ("友", "yǒu"), ("同", "tóng"), ("国", "guó"), ("安", "ān"),
    ("全", "quán"), ("关", "guān"), ("系", "xì"), ("北", "běi"), ("约", "yuē"), ("军", "jūn"),
    ("事", "shì"), ("援", "yuán"), ("助", "zhù"), ("战", "zhàn"), ("略", "lüè"), ("伙", "huǒ"),
    ("伴", "bàn"), ("政", "zhèng"), ("策", "cè"), ("条", "tiáo"), ("承", "chéng"), ("诺", "nuò"),
    ("防", "fáng"), ("务", "wù"), ("外", "wài"), ("交", "jiāo"), ("经", "jīng"), ("济", "jì"),
    ("制", "zhì"), ("裁", "cái"), ("导", "dǎo"), ("弹", "dàn"), ("地", "dì"), ("区", "qū"),
    ("稳", "wěn"), ("定", "dìng"), ("威", "wēi"), ("慑", "shè"),
]
SUBJECTS = ["alliances", "diplomacy", "defense", "sanctions", "economics"]
PARTS_OF_SPEECH = ["noun", "verb", "adjective", "noun", "noun"]


def chinese(n):
    """The n-th Chinese term (at least two characters) and its pinyin."""
    chars, pinyin = [], []
    n += 40  # at least two characters
    while n > 0:
        char, syllable = SYLLABLES[n % 40]
        chars.append(char)
        pinyin.append(syllable)
        n //= 40
    return "".join(chars), " ".join(pinyin)


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    columns = ["id", "subject", "zh", "zh_pinyin", "en", "en_admitted", "en_deprecated", "pos", "definition", "note"]
    with open(out, "w", encoding="utf-8", newline="") as f:
        f.write("\t".join(columns) + "\n")
        for n in range(count):
            zh, pinyin = chinese(n)
            row = [
                f"g{n:06d}",
                SUBJECTS[n % len(SUBJECTS)] if n % 3 else "",
                zh,
                pinyin,
                f"term {n}",
                f"alternative term {n}" if n % 2 else "",
                f"old term {n}|older term {n}" if n % 7 == 0 else "",
                PARTS_OF_SPEECH[n % len(PARTS_OF_SPEECH)],
                f"Synthetic concept {n}: a state & its <partner> in \"quasi\" alliance number {n * 7919 % 100003}.",
                f"Note {n}." if n % 4 == 0 else "",
            ]
            f.write("\t".join(row) + "\n")


if __name__ == "__main__":
    main()
