#!/usr/bin/env python3
"""Fills the unfinished entries of a .ts file from a tab-separated glossary (source<TAB>translation,
both XML-escaped as lupdate writes them; a third column names the disambiguation comment of
tr(source, comment) when one source needs two translations).
Usage: apply-glossary.py <glossary.tsv> <file.ts>"""
import re
import sys

glossary = {}
with open(sys.argv[1], encoding="utf-8") as f:
    for line in f:
        if line.strip():
            fields = line.rstrip("\n").split("\t")
            glossary[(fields[0], fields[2] if len(fields) > 2 else None)] = fields[1]

with open(sys.argv[2], encoding="utf-8") as f:
    ts = f.read()

missing = []

def fill(match):
    source = match.group(1)
    comment = re.search(r"<comment>([^<]*)</comment>", match.group(2))
    key = (source, comment.group(1) if comment else None)
    if key not in glossary:
        key = (source, None)
    if key not in glossary:
        missing.append(source)
        return match.group(0)
    translation = glossary[key]
    if match.group(3) is not None:  # a tr(..., n) message: Chinese has one plural form
        translation = f"\n            <numerusform>{translation}</numerusform>\n        "
    return f"<source>{source}</source>{match.group(2)}<translation>{translation}</translation>"

# lupdate may pre-fill an unfinished entry with a guess from a similar string; the glossary wins.
ts = re.sub(r"<source>([^<]*)</source>(\s*(?:<comment>[^<]*</comment>\s*|<extracomment>[^<]*</extracomment>\s*)*)"
            r"<translation type=\"unfinished\">(?:[^<]*|(\s*<numerusform>[^<]*</numerusform>\s*))</translation>", fill, ts)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    f.write(ts)
for source in missing:
    print("no translation for:", source)
sys.exit(1 if missing else 0)
