#!/usr/bin/env python3
"""Reports import cycles between the source files under src/, and exits 1 if there is any.

The graph is file-level: an edge A -> B whenever file A names something defined in file B, by a
`use` or by a path in code (`crate::x::y`, `super::x`, `self::x`, or a path that starts with a
child module or with a name brought in by `use`). A path names the file of the deepest module it
reaches, following `use` re-exports to where the name is defined: `crate::sandbox::Database`
names sandbox/db/mod.rs (where `Database` is defined), not sandbox/mod.rs (which re-exports it).
An edge from a file to one of its own ancestor modules' files (`super::`, the parent `mod.rs`,
the crate root) is not counted: reaching up is how Rust modules share, and every child would
otherwise be "in a cycle" with its parent.

Both crate roots are read: src/lib.rs (the library) and src/main.rs (the binary). The binary's
`use progallery::{sandbox, webhooks};` makes its `crate::sandbox` the library's module.

Comments and string literals are skipped, so a doc comment naming `crate::api` is no edge. The
parse is deliberately small (no macro expansion, no `#[path]`); it is enough for this crate.

Usage:
  scripts/check_module_cycles.py [SRC_DIR]   check SRC_DIR (default: the repository's src/)
  scripts/check_module_cycles.py --edges     also print every edge, to see why a cycle is one
  scripts/check_module_cycles.py --self-test check the checker on small made-up trees
"""

import os
import re
import sys

LIB_NAME = "progallery"
IDENT = r"[A-Za-z_][A-Za-z0-9_]*"


# What is blanked out before looking for paths. Block comments and raw strings are only matched
# at their start here: their end is found by hand (block comments nest; a raw string ends at a
# quote followed by as many `#` as it started with).
LITERAL = re.compile(
    r"""//[^\n]*                                   # line comment (doc comments too)
      | /\*                                       # block comment
      | (?<![A-Za-z0-9_])b?r(?P<hashes>\#*)"      # raw string r"...", r#"..."#, br"..."
      | (?:(?<![A-Za-z0-9_])b)?"(?:\\.|[^"\\])*"  # string "..." or b"..."
      | '(?:\\u\{[0-9A-Fa-f]+\}|\\.|[^'\\])'      # char literal ('x', '\n', '\u{1F600}'), not a lifetime
    """,
    re.X | re.S,
)


def strip_comments_and_strings(text):
    """The text with comments, string and char literals blanked out (newlines and offsets kept)."""
    out, pos = [], 0
    while True:
        m = LITERAL.search(text, pos)
        if m is None:
            out.append(text[pos:])
            return "".join(out)
        end = m.end()
        if m.group(0) == "/*":
            depth = 1
            while end < len(text) and depth:
                step = text[end:end + 2]
                depth += 1 if step == "/*" else -1 if step == "*/" else 0
                end += 2 if step in ("/*", "*/") else 1
        elif m.group("hashes") is not None:
            close = text.find('"' + m.group("hashes"), end)
            end = len(text) if close < 0 else close + 1 + len(m.group("hashes"))
        out.append(text[pos:m.start()])
        out.append(re.sub(r"[^\n]", " ", text[m.start():end]))
        pos = end


def child_file(directory, name):
    """The file of module `name` declared in a file whose own children live in `directory`."""
    for candidate in (os.path.join(directory, name + ".rs"), os.path.join(directory, name, "mod.rs")):
        if os.path.exists(candidate):
            return candidate
    return None


def children_dir(path):
    """Where the child modules of the module in `path` live (Rust 2018 rules)."""
    base = os.path.basename(path)
    if base in ("mod.rs", "main.rs", "lib.rs"):
        return os.path.dirname(path)
    return os.path.splitext(path)[0]


def build_module_tree(root_file, crate):
    """Maps (crate, module path tuple) -> file for every file module reachable from a root."""
    modules = {}
    pending = [((crate,), root_file)]
    while pending:
        path, file = pending.pop()
        modules[path] = file
        code = strip_comments_and_strings(open(file, encoding="utf-8").read())
        # Only file modules (`mod x;`), not inline ones (`mod x { ... }`).
        for name in re.findall(r"(?:^|[;{}\s])mod\s+(" + IDENT + r")\s*;", code):
            child = child_file(children_dir(file), name)
            if child:
                pending.append((path + (name,), child))
    return modules


def expand_use_tree(tree):
    """`a::{b, c::{d, e as f}, self}` -> [(a::b, b), (a::c::d, d), (a::c::e, f), (a, a)]:
    each imported path with the name it is known by afterwards (None for a glob)."""
    tree = re.sub(r"\s*(::|[{},])\s*", r"\1", tree.strip())
    found = []

    def parse(s, prefix):
        parts, depth, start = [], 0, 0
        for k, ch in enumerate(s):
            depth += {"{": 1, "}": -1}.get(ch, 0)
            if ch == "," and depth == 0:
                parts.append(s[start:k])
                start = k + 1
        parts.append(s[start:])
        for part in filter(None, parts):
            brace = part.find("{")
            if brace >= 0:
                head = [seg for seg in part[:brace].split("::") if seg]
                parse(part[brace + 1:part.rfind("}")], prefix + head)
                continue
            name, _, alias = part.partition(" as ")
            segs = prefix + [seg for seg in name.split("::") if seg]
            if segs and segs[-1] == "self":
                segs = segs[:-1]
            if segs and segs[-1] == "*":
                found.append((segs[:-1], None))
            elif segs:
                found.append((segs, alias.strip() or segs[-1]))

    parse(tree, [])
    return found


USE = re.compile(r"(?:^|(?<=[;{}\s]))use\s+([^;]+);")


def use_statements(code):
    """(position, path, alias) for every path imported by a `use` in `code`."""
    return [
        (m.start(), path, alias)
        for m in USE.finditer(code)
        for path, alias in expand_use_tree(m.group(1))
    ]


def inline_module_at(code):
    """A function: position -> names of the inline modules (`mod tests { ... }`) around it."""
    spans, stack, depth = [], [], 0
    for m in re.finditer(r"\bmod\s+(" + IDENT + r")\s*\{|[{}]", code):
        if m.group(0) != "}":
            depth += 1
            if m.group(1):
                stack.append((m.group(1), depth, m.start()))
        else:
            if stack and stack[-1][1] == depth:
                name, _, start = stack.pop()
                spans.append((start, m.end(), name))
            depth -= 1

    def names_at(pos):
        return [name for start, end, name in sorted(spans) if start <= pos < end]

    return names_at


def absolute(path, current, crate, local_names):
    """`path` (segments, as written in module `current`) as an absolute path, or None when it
    starts outside this crate and the library (`std::`, `serde::`, a local variable...)."""
    head = path[0]
    if head == "crate":
        return (crate,) + tuple(path[1:])
    if head == LIB_NAME:
        return ("lib",) + tuple(path[1:])
    if head in ("self", "super"):
        base, rest = list(current), list(path)
        while rest and rest[0] in ("self", "super"):
            if rest.pop(0) == "super":
                base.pop()
        return tuple(base + rest)
    if head in local_names:
        return tuple(local_names[head]) + tuple(path[1:])
    return None


def resolve(path, modules, imports):
    """The module that defines what `path` names: the longest prefix that is a module, following
    `use` re-exports (`crate::sandbox::Database` is defined in sandbox/db, not sandbox/mod.rs)."""
    for _ in range(20):  # re-exports of re-exports; the bound only guards against a loop
        k = next((k for k in range(len(path), 0, -1) if path[:k] in modules), 0)
        if k == 0:
            return None
        target = imports.get(path[:k], {}).get(path[k]) if k < len(path) else None
        if target is None or target == path[:k + 1]:
            return path[:k]
        path = target + path[k + 1:]
    return None


def graph(src):
    """(files, edges): every file under the crate roots and file -> set of files it names."""
    modules = {}
    for root, crate in (("lib.rs", "lib"), ("main.rs", "bin")):
        if os.path.exists(os.path.join(src, root)):
            modules.update(build_module_tree(os.path.join(src, root), crate))
    file_modules = {file: module for module, file in modules.items()}
    codes = {file: strip_comments_and_strings(open(file, encoding="utf-8").read()) for file in file_modules}

    # Pass 1: what each module imports (name -> absolute path), for paths and re-exports alike.
    imports, locals_of = {}, {}
    for file, module in file_modules.items():
        inline_at = inline_module_at(codes[file])
        children = {path[-1]: path for path in modules if len(path) > 1 and path[:-1] == module}
        local, imported = dict(children), {}
        for pos, path, alias in use_statements(codes[file]):
            target = absolute(path, module + tuple(inline_at(pos)), module[0], local)
            if target and alias and alias not in local:
                local[alias] = imported[alias] = target
        imports[module], locals_of[file] = imported, local

    # Pass 2: every path a file names, resolved to the file that defines it.
    edges = {}
    for file, module in file_modules.items():
        code, local = codes[file], locals_of[file]
        inline_at = inline_module_at(code)
        named = [(pos, path) for pos, path, _ in use_statements(code)]
        # Paths in code; use statements are blanked first (their paths are already in `named`).
        body = USE.sub(lambda m: " " * len(m.group(0)), code)
        for m in re.finditer(r"(?<![A-Za-z0-9_:])(" + IDENT + r"(?:\s*::\s*" + IDENT + r")+)", body):
            named.append((m.start(), [seg.strip() for seg in m.group(1).split("::")]))
        ancestors = {module[:k] for k in range(1, len(module) + 1)}
        for pos, path in named:
            target = absolute(path, module + tuple(inline_at(pos)), module[0], local)
            found = resolve(target, modules, imports) if target else None
            if found is not None and found not in ancestors and modules[found] != file:
                edges.setdefault(file, set()).add(modules[found])
    return sorted(file_modules), edges


def strongly_connected(nodes, edges):
    """Tarjan's algorithm: the components with more than one file."""
    index, low, on_stack, stack, result = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in nodes:
        if v not in index:
            visit(v)
    return sorted(result)


def cycles_in(component, edges, limit=50):
    """The elementary cycles of one component, each starting at its smallest file."""
    members = set(component)
    found = []
    for start in component:
        allowed = {v for v in members if v >= start}

        def walk(v, path):
            for w in sorted(edges.get(v, ())):
                if len(found) >= limit:
                    return
                if w == start:
                    found.append(path[:])
                elif w in allowed and w not in path:
                    path.append(w)
                    walk(w, path)
                    path.pop()

        walk(start, [start])
    return found


def main(argv):
    flags = [arg for arg in argv[1:] if arg.startswith("--")]
    args = [arg for arg in argv[1:] if not arg.startswith("--")]
    if "--self-test" in flags:
        return self_test()
    default_src = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src")
    src = os.path.normpath(args[0] if args else default_src)
    nodes, edges = graph(src)
    show = lambda f: os.path.relpath(f, src)
    if "--edges" in flags:
        for file in nodes:
            for target in sorted(edges.get(file, ())):
                print(f"{show(file)} -> {show(target)}")
    components = strongly_connected(nodes, edges)
    if not components:
        print(f"no import cycles among {len(nodes)} files under {src}")
        return 0
    for component in components:
        print(f"cycle among {len(component)} files: " + ", ".join(map(show, component)))
        for cycle in cycles_in(component, edges):
            print("  " + " -> ".join(map(show, cycle + [cycle[0]])))
    print(f"{len(components)} group(s) of files import each other; move the shared pieces apart")
    return 1


def self_test():
    """Checks the checker on made-up trees: what is an edge, what is not, and what is a cycle."""
    import tempfile
    import unittest

    def edges_of(files):
        with tempfile.TemporaryDirectory() as src:
            for name, text in files.items():
                os.makedirs(os.path.dirname(os.path.join(src, name)), exist_ok=True)
                with open(os.path.join(src, name), "w", encoding="utf-8") as f:
                    f.write(text)
            nodes, edges = graph(src)
            named = {(os.path.relpath(a, src), os.path.relpath(b, src)) for a in edges for b in edges[a]}
            return named, [[os.path.relpath(f, src) for f in c] for c in strongly_connected(nodes, edges)]

    class Checks(unittest.TestCase):
        def test_use_and_code_paths_are_edges_comments_and_strings_are_not(self):
            named, cycles = edges_of({
                "main.rs": "mod a; mod b; mod c; mod d;",
                "a.rs": "use crate::b::Thing;\n// crate::c::x\n"
                "fn f() { let s = \"crate::c::y\"; crate::d::run(); }",
                "b.rs": "pub struct Thing;", "c.rs": "", "d.rs": "pub fn run() {}",
            })
            self.assertEqual(named, {("a.rs", "b.rs"), ("a.rs", "d.rs")})
            self.assertEqual(cycles, [])

        def test_a_child_reaching_up_is_no_edge_and_a_parent_reaching_down_is(self):
            named, cycles = edges_of({
                "main.rs": "mod p;",
                "p/mod.rs": "mod k; pub struct T; fn f() { k::g(); }",
                "p/k.rs": "use super::T; use crate::p::T as U; pub fn g() {}",
            })
            self.assertEqual(named, {("p/mod.rs", "p/k.rs")})
            self.assertEqual(cycles, [])

        def test_re_exports_lead_to_where_a_name_is_defined(self):
            named, cycles = edges_of({
                "main.rs": "mod s; mod user;",
                "s/mod.rs": "mod db; pub use db::Pool;",
                "s/db.rs": "pub struct Pool;",
                "user.rs": "use crate::s::Pool;",
            })
            self.assertIn(("user.rs", "s/db.rs"), named)
            self.assertNotIn(("user.rs", "s/mod.rs"), named)

        def test_siblings_naming_each_other_are_a_cycle_in_any_spelling(self):
            _, cycles = edges_of({
                "main.rs": "mod s;",
                "s/mod.rs": "mod x; mod y; mod z;",
                "s/x.rs": "use super::y::{self, Y};",
                "s/y.rs": "pub struct Y; fn f() { super::z::go() }",
                "s/z.rs": "pub fn go() { let _ = crate::s::x::X; } pub struct Z;",
            })
            self.assertEqual(cycles, [["s/x.rs", "s/y.rs", "s/z.rs"]])

        def test_the_binary_reaches_the_library_through_its_re_export(self):
            named, cycles = edges_of({
                "lib.rs": "pub mod sandbox;",
                "sandbox.rs": "pub fn start() {}",
                "main.rs": "mod cmd; use progallery::sandbox;",
                "cmd.rs": "fn f() { crate::sandbox::start() }",
            })
            self.assertIn(("cmd.rs", "sandbox.rs"), named)

        def test_super_counts_from_inside_an_inline_test_module(self):
            named, _ = edges_of({
                "main.rs": "mod p; mod x;",
                "x.rs": "pub struct T;",
                "p/mod.rs": "mod k; mod x;",
                "p/x.rs": "pub struct T;",
                "p/k.rs": "#[cfg(test)]\nmod tests { use super::super::x::T; }",
            })
            # tests is p::k::tests, so super::super is p, not the crate root.
            self.assertEqual(named, {("p/k.rs", "p/x.rs")})

    suite = unittest.defaultTestLoader.loadTestsFromTestCase(Checks)
    return 0 if unittest.TextTestRunner(verbosity=2).run(suite).wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
