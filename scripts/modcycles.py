#!/usr/bin/env python3
"""Finds cycles among the modules of a Rust crate.

Usage: modcycles.py CRATE_SRC_ROOT_FILE...   (e.g. crates/corpus/src/lib.rs)
       modcycles.py --self-test               (proves it finds a cycle, and none in a tree)

ARCHITECTURE.md's rule "no module imports a module that imports it back" is this check; CI
runs it over every crate of the workspace.

Every non-test module (a file, or an inline `mod x { }` that is not `#[cfg(test)]`) is a
node. An edge A -> B means code of A names an item that B defines: through `use crate::`,
`use super::`, `use self::`, a child module's name, or an inline path (`crate::x::f()`).
Re-exports are followed to the module that defines the item, so a facade (`pub use
load::load` in lib.rs) is not mistaken for the defining module. `#[cfg(test)]` modules and
items are left out: a test module reading its parent with `use super::*` is no cycle.
Prints every strongly connected component of more than one module, and exits 1 if any.
"""

import os
import re
import sys

IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


def strip_comments_and_strings(text):
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    i += 1
            continue
        m = re.match(r'b?r(#*)"', text[i:])
        if m and (i == 0 or not re.match(r"[A-Za-z0-9_]", text[i - 1])):
            end = '"' + m.group(1)
            j = text.find(end, i + len(m.group(0)))
            out.append('""')
            i = n if j < 0 else j + len(end)
            continue
        if c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            out.append('""')
            i = j + 1
            continue
        if c == "'":
            # A char literal ('a', '\n', '\u{..}'), not a lifetime ('a).
            m = re.match(r"'(\\u\{[0-9a-fA-F]+\}|\\.|[^\\'])'", text[i:])
            if m:
                out.append("' '")
                i += len(m.group(0))
                continue
        out.append(c)
        i += 1
    return "".join(out)


def strip_visibility(text):
    """`pub(in crate::x)` names a module to say who sees an item: no edge."""
    return re.sub(r"pub\(in [^)]*\)", "pub", text)


def matching_brace(text, open_at):
    depth = 0
    for j in range(open_at, len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return j
    return len(text) - 1


CFG_TEST = re.compile(r"#\[cfg\((all\()?test\b[^\]]*\]")


def remove_test_items(text):
    """Blanks every item under #[cfg(test)]: a `mod x;`, a block, or one statement."""
    while True:
        m = CFG_TEST.search(text)
        if not m:
            return text
        j = m.end()
        # The item: up to a `;` before any `{`, or a brace block.
        semi, brace = text.find(";", j), text.find("{", j)
        if brace < 0 or (0 <= semi < brace):
            end = semi
        else:
            end = matching_brace(text, brace)
        text = text[: m.start()] + " " * (end + 1 - m.start()) + text[end + 1 :]


def expand_use_tree(tree):
    """`a::{b, c::{d, e as f}}` -> [(['a','b'], 'b'), (['a','c','d'], 'd'), (['a','c','e'], 'f')]."""
    tree = re.sub(r"\s+", "", tree)
    results = []

    def walk(prefix, s):
        # split s at top-level commas
        parts, depth, cur = [], 0, ""
        for ch in s:
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            if ch == "," and depth == 0:
                parts.append(cur)
                cur = ""
            else:
                cur += ch
        if cur:
            parts.append(cur)
        for part in parts:
            if not part:
                continue
            if "{" in part:
                head, rest = part.split("{", 1)
                rest = rest[: rest.rfind("}")]
                head_segs = [x for x in head.split("::") if x]
                walk(prefix + head_segs, rest)
            else:
                alias = None
                if "as" in part and re.search(r"[A-Za-z0-9_]as[A-Za-z_]", part):
                    # whitespace was removed: "eas f" became "easf"; re-split on the original
                    pass
                segs = part.split("::")
                results.append((prefix + segs, alias))

    walk([], tree)
    return results


class Module:
    def __init__(self, path, file, text):
        self.path = path  # tuple of names from the crate root
        self.file = file
        self.text = text
        self.children = {}  # name -> Module
        self.defs = set()
        self.imports = {}  # local name -> absolute path segments (unresolved)
        self.globs = []  # absolute module paths glob-imported
        self.refs = []  # raw paths named in code and uses

    def name(self):
        return "crate" if not self.path else "::".join(self.path)


def child_file(parent_file, parent_is_dir_owner, name):
    base = os.path.dirname(parent_file)
    if not parent_is_dir_owner:
        base = os.path.join(base, os.path.splitext(os.path.basename(parent_file))[0])
    for candidate in (os.path.join(base, name + ".rs"), os.path.join(base, name, "mod.rs")):
        if os.path.exists(candidate):
            return candidate
    return None


def parse_uses(text):
    """Every `use` statement: (tree text, is_pub)."""
    uses = []
    for m in re.finditer(r"(?m)^\s*(pub(\([^)]*\))?\s+)?use\s+([^;]+);", text):
        uses.append(m.group(3))
    return uses


def use_entries(tree):
    """[(segments, local name)] of one use tree, handling `as` and `self`."""
    out = []
    # Protect ` as ` before whitespace is removed.
    tree = re.sub(r"\s+as\s+", " AS ", tree)
    tree = re.sub(r"\s+", "", tree.replace(" AS ", "@"))
    for segs, _ in expand_use_tree(tree):
        last = segs[-1]
        alias = None
        if "@" in last:
            last, alias = last.split("@", 1)
            segs = segs[:-1] + [last]
        if last == "self":
            segs = segs[:-1]
            local = alias or segs[-1]
        else:
            local = alias or last
        out.append((segs, local))
    return out


def build(root_file):
    modules = {}

    def load(path, file, text, dir_owner):
        mod = Module(path, file, text)
        modules[path] = mod
        # inline modules (non-test; test ones were blanked)
        for m in re.finditer(r"(?m)^\s*(pub(\([^)]*\))?\s+)?mod\s+(" + IDENT + r")\s*\{", text):
            close = matching_brace(text, m.end() - 1)
            inner = text[m.end() : close]
            child = load(path + (m.group(3),), file + "#" + m.group(3), inner, None)
            mod.children[m.group(3)] = child
            text = text[: m.start()] + " " * (close + 1 - m.start()) + text[close + 1 :]
        mod.text = text
        for m in re.finditer(r"(?m)^\s*(pub(\([^)]*\))?\s+)?mod\s+(" + IDENT + r")\s*;", text):
            name = m.group(3)
            if dir_owner is None:
                continue
            cf = child_file(file, dir_owner, name)
            if cf is None:
                print(f"warning: no file for mod {name} in {file}", file=sys.stderr)
                continue
            ctext = remove_test_items(strip_visibility(strip_comments_and_strings(open(cf, encoding="utf-8").read())))
            mod.children[name] = load(path + (name,), cf, ctext, os.path.basename(cf) == "mod.rs")
        for m in re.finditer(
            r"(?m)^\s*(pub(\([^)]*\))?\s+)?(unsafe\s+)?(async\s+)?(const\s+)?(fn|struct|enum|trait|type|const|static|union)\s+("
            + IDENT
            + ")",
            text,
        ):
            mod.defs.add(m.group(7))
        for m in re.finditer(r"macro_rules!\s*(" + IDENT + ")", text):
            mod.defs.add(m.group(1))
        return mod

    text = remove_test_items(strip_visibility(strip_comments_and_strings(open(root_file, encoding="utf-8").read())))
    root = load((), root_file, text, True)

    def absolute(mod, segs):
        """Segments relative to `mod` as absolute segments from the crate root, or None for an
        extern path."""
        segs = list(segs)
        if not segs:
            return None
        base = list(mod.path)
        if segs[0] == "crate":
            base, segs = [], segs[1:]
        elif segs[0] in ("super", "self"):
            while segs and segs[0] in ("super", "self"):
                if segs[0] == "super":
                    base = base[:-1]
                segs = segs[1:]
        elif segs[0] in mod.children:
            pass
        elif segs[0] in mod.imports:
            imported = mod.imports[segs[0]]
            return imported + segs[1:] if imported is not None else None
        else:
            return None
        return base + segs

    # imports
    for mod in modules.values():
        for tree in parse_uses(mod.text):
            for segs, local in use_entries(tree):
                if segs[-1] == "*":
                    a = absolute(mod, segs[:-1])
                    if a is not None:
                        mod.globs.append(a)
                    continue
                mod.imports[local] = None  # placeholder, filled below in order
                mod.refs.append(("use", segs, local))
    # resolve imports in several passes (an import may go through another module's import)
    for _ in range(5):
        for mod in modules.values():
            for kind, segs, local in mod.refs:
                if kind == "use":
                    mod.imports[local] = absolute(mod, segs)
    # inline paths
    for mod in modules.values():
        body = re.sub(r"(?m)^\s*(pub(\([^)]*\))?\s+)?use\s+[^;]+;", " ", mod.text)
        for m in re.finditer(r"(?<![A-Za-z0-9_:])((?:crate|super|self)(?:::" + IDENT + ")+)", body):
            mod.refs.append(("path", m.group(1).split("::"), None))
        for name in mod.children:
            for m in re.finditer(r"(?<![A-Za-z0-9_:])(" + name + r"(?:::" + IDENT + ")+)", body):
                mod.refs.append(("path", m.group(1).split("::"), None))

    def defining_module(segs, seen=None):
        """The module that defines the item at absolute `segs` (following re-exports)."""
        seen = seen or set()
        key = tuple(segs)
        if key in seen:
            return None
        seen.add(key)
        mod = modules[()]
        i = 0
        while i < len(segs) and segs[i] in mod.children:
            mod = mod.children[segs[i]]
            i += 1
        if i == len(segs):
            return mod.path
        item = segs[i]
        if item in mod.defs:
            return mod.path
        target = mod.imports.get(item)
        if target is not None:
            found = defining_module(target + segs[i + 1 :], seen)
            if found is not None:
                return found
        for glob in mod.globs:
            found = defining_module(glob + segs[i:], seen)
            if found is not None and found != tuple(glob):
                return found
        return mod.path

    edges = {p: set() for p in modules}
    for mod in modules.values():
        for kind, segs, local in mod.refs:
            a = absolute(mod, segs)
            if a is None:
                continue
            target = defining_module(a)
            if target is not None and target != mod.path and target in modules:
                edges[mod.path].add(target)
        for glob in mod.globs:
            g = defining_module(glob)
            if g is not None and g != mod.path:
                edges[mod.path].add(g)
    return modules, edges


def sccs(edges):
    index, low, stack, on, out = {}, {}, [], set(), []
    counter = [0]
    sys.setrecursionlimit(10000)

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            out.append(comp)

    for v in edges:
        if v not in index:
            visit(v)
    return out


def name(path):
    return "crate" if not path else "::".join(path)


def self_test():
    """Two small crates in a temporary folder: one whose parent and child import each other,
    one where the child imports its sibling only."""
    import tempfile
    crates = {
        "cyclic": {"lib.rs": "mod a;\npub struct Shared;\npub fn g() { a::f() }\n",
                   "a.rs": "use crate::Shared;\npub fn f() {}\n"},
        "acyclic": {"lib.rs": "mod a;\nmod b;\npub use a::f;\n", "a.rs": "use crate::b::Shared;\npub fn f() {}\n",
                    "b.rs": "pub struct Shared;\n"},
    }
    found = {}
    with tempfile.TemporaryDirectory() as scratch:
        for crate, files in crates.items():
            os.makedirs(os.path.join(scratch, crate))
            for file, text in files.items():
                with open(os.path.join(scratch, crate, file), "w", encoding="utf-8") as out:
                    out.write(text)
            _, edges = build(os.path.join(scratch, crate, "lib.rs"))
            found[crate] = [c for c in sccs(edges) if len(c) > 1]
    assert len(found["cyclic"]) == 1, found
    assert found["acyclic"] == [], found
    print("modcycles self-test: a cycle found where there is one, none where there is none")


def main():
    if sys.argv[1:] == ["--self-test"]:
        self_test()
        return
    verbose = "-v" in sys.argv
    files = [a for a in sys.argv[1:] if a != "-v"]
    bad = False
    for root_file in files:
        modules, edges = build(root_file)
        if verbose:
            for p in sorted(edges):
                print(f"  {name(p)} -> {', '.join(sorted(name(t) for t in edges[p])) or '-'}")
        cycles = [c for c in sccs(edges) if len(c) > 1]
        print(f"{root_file}: {len(modules)} modules, {sum(len(e) for e in edges.values())} edges, "
              f"{len(cycles)} cycle(s)")
        for comp in cycles:
            bad = True
            members = set(comp)
            print("  cycle among: " + ", ".join(sorted(name(p) for p in comp)))
            for p in sorted(comp):
                for t in sorted(edges[p] & members):
                    print(f"    {name(p)} -> {name(t)}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
