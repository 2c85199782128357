#!/usr/bin/env python3
"""Checks the relative links of README.md and the guide's Markdown as GitHub shows them.

    python3 docs/check-links.py [FILE.md ...]

By default it reads README.md, themes/default/README.md and docs/src/*.md.

Every link or image that is not a URL (http:, mailto:, ...) must name a file or folder that
exists, relative to the Markdown file; a #fragment must be the id GitHub gives one of the
target's headings (lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats).
Code blocks and code spans are skipped. linkchecker checks the built book (.ci/run); this
checks the sources, which the README links into and which GitHub renders on its own.
Exits 1 and lists each broken link with its file and line.
"""
import html
import pathlib
import re
import sys
import unicodedata

ROOT = pathlib.Path(__file__).resolve().parent.parent
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")


def blank_code(text, spans=True):
    """The text with fenced blocks (and, with spans, code spans) blanked, lines kept in place."""
    out, fence = [], None
    for line in text.split("\n"):
        stripped = line.lstrip()
        if fence is None and re.match(r"(```|~~~)", stripped):
            fence = stripped[:3]
            out.append("")
        elif fence is not None:
            if stripped.startswith(fence):
                fence = None
            out.append("")
        else:
            out.append(line)
    text = "\n".join(out)
    if spans:  # a code span may run over a line break: keep the breaks
        text = re.sub(r"(`+)(?:(?!\1)[\s\S])+?\1", lambda m: "\n" * m.group(0).count("\n"), text)
    return text


def slug(heading):
    """The anchor GitHub (and mdBook) give a heading's text."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # links: their text
    text = html.unescape(text.replace("`", "")).strip().lower()
    kept = []
    for ch in text:
        if ch.isalnum() or ch in "-_" or unicodedata.category(ch).startswith("M"):
            kept.append(ch)
        elif ch == " ":
            kept.append("-")
    return "".join(kept)


def anchors(path, cache={}):
    if path not in cache:
        ids, seen = set(), {}
        for line in blank_code(path.read_text(encoding="utf-8"), spans=False).split("\n"):
            m = re.match(r"#{1,6}\s+(.*?)\s*#*\s*$", line)
            if m:
                base = slug(m.group(1))
                n = seen.get(base, 0)
                seen[base] = n + 1
                ids.add(base if n == 0 else f"{base}-{n}")
        cache[path] = ids
    return cache[path]


def shown(path):
    """The path relative to the repository when it is inside it."""
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def links(md):
    """(line number, target) of every inline link and image; link text may run over lines."""
    text = blank_code(md.read_text(encoding="utf-8"))
    return [(text.count("\n", 0, m.start()) + 1, m.group(1)) for m in LINK.finditer(text)]


def check(md):
    errors = []
    for number, target in links(md):
        if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", target):
            continue  # http:, https:, mailto:: not checked here (no network)
        path_part, _, fragment = target.partition("#")
        dest = (md.parent / path_part).resolve() if path_part else md
        where = f"{shown(md)}:{number}: {target}"
        if not dest.exists():
            errors.append(f"{where}: no such file")
        elif fragment and dest.suffix == ".md" and fragment not in anchors(dest):
            errors.append(f"{where}: no heading with the anchor #{fragment} in {shown(dest)}")
        elif fragment and dest.suffix != ".md":
            errors.append(f"{where}: cannot check #{fragment} in a file that is not Markdown")
    return errors


def main(args):
    files = [pathlib.Path(a).resolve() for a in args] or [ROOT / "README.md", ROOT / "themes/default/README.md", *sorted((ROOT / "docs/src").glob("*.md"))]
    errors = [e for f in files for e in check(f)]
    for e in errors:
        print(e)
    count = sum(len(links(f)) for f in files)
    print(f"check-links: {len(files)} files, {count} links, {len(errors)} broken")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
