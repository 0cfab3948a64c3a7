"""cmutate.py: the mutants of core/, generated from operators over the kernel
primitives (issue 16).  Used by tools/mutate.py; no state, standard library only.

A small C reader (tokens, function bodies, statements: blocks, if/else,
loops, labels, simple statements) is enough for core/, which is kernel-style
C with one statement per line.  Each operator walks every function of every
core source and header (platform.h excepted: it is the primitives) and
yields Mutant records: a list of text edits on one file plus a one-line diff.

Operators (op names are part of the mutant id):
  drop-barrier    a statement that is only a barrier (smp_mb, smp_wmb,
                  smp_rmb, smp_mb__before/after_atomic,
                  smp_mb__after_srcu_read_unlock) becomes nothing
  weaken-barrier  smp_mb -> smp_wmb / smp_rmb (the same for
                  smp_mb__after_srcu_read_unlock); smp_store_mb -> WRITE_ONCE;
                  smp_store_release / rcu_assign_pointer -> WRITE_ONCE;
                  smp_load_acquire / rcu_dereference -> READ_ONCE
  relax-rmw       a value-returning RMW (xchg, cmpxchg) -> its _relaxed form
  split-rmw       one atomic RMW (set_bit, clear_bit, test_and_*, xchg,
                  cmpxchg, atomic_*) becomes a load then a store (the
                  non-atomic read-then-write, see mutate_prologue.h)
  swap            two adjacent statements that each contain a primitive
  move-lock       a lock/unlock, irq disable/enable or preempt/get_cpu
                  statement moves one statement up or down
  drop-operand    one operand of && or || goes, when an operand reads shared
                  state (a call or a ->)
  negate          an if/while condition that reads shared state is negated
  drop-call       a call statement goes (a wake, a kick, a request, a store)
  drop-pair       an unlock ... lock pair (lock dropping) or a lock ... unlock
                  / irq disable ... enable pair in one block goes, both ends
  flip-bool       a true/false argument of a call is flipped

Not mutated: code that runs only with --bug (the branch of `if
(reqsim_bug(X))`, the else of `if (!reqsim_bug(X))`, and a static function
called only from such code), tests of scenario
hooks (`h->name`), and reqsim's ghost hooks (APF_HOOK alloc/touch/free/
worker): instrumentation for the oracles, not kernel code.

The mutant id is op-HASH8, HASH8 from the file, function, operator, the
normalised original and new text and the occurrence among equal ones: it
does not depend on line numbers, so it survives edits elsewhere.
"""
import hashlib
import os
import re

TOKEN_RE = re.compile(r"""
 (?P<ws>\s+)
|(?P<com>/\*.*?\*/|//[^\n]*)
|(?P<pp>^[ \t]*\#(?:[^\n]*\\\n)*[^\n]*)
|(?P<str>"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')
|(?P<id>[A-Za-z_]\w*)
|(?P<num>\d[\w.]*)
|(?P<op>->|\+\+|--|<<=|>>=|<<|>>|&&|\|\||\.\.\.|[-+*/%&|^!<>=]=|[-+*/%&|^!~<>=?:;,.()\[\]{}])
""", re.S | re.M | re.X)

BARRIERS = {"smp_mb", "smp_wmb", "smp_rmb", "smp_mb__before_atomic", "smp_mb__after_atomic",
            "smp_mb__after_srcu_read_unlock"}
RMW = {"set_bit", "clear_bit", "test_and_set_bit", "test_and_clear_bit", "xchg", "cmpxchg",
       "xchg_relaxed", "cmpxchg_relaxed", "atomic_add", "atomic_sub", "atomic_inc",
       "atomic_dec", "atomic_fetch_add", "atomic_fetch_add_relaxed", "atomic_fetch_add_acquire",
       "atomic_fetch_add_release", "atomic_add_return", "atomic_sub_return",
       "atomic_inc_return", "atomic_dec_return", "atomic_dec_and_test", "atomic_xchg",
       "atomic_cmpxchg"}
LOCKS = {"spin_lock": "spin_unlock", "raw_spin_lock": "raw_spin_unlock",
         "mutex_lock": "mutex_unlock", "down_read": "up_read", "down_write": "up_write",
         "local_irq_disable": "local_irq_enable", "preempt_disable": "preempt_enable",
         "rcu_read_lock": "rcu_read_unlock", "spin_lock_irqsave": "spin_unlock_irqrestore",
         "local_irq_save": "local_irq_restore"}
UNLOCKS = {v: k for k, v in LOCKS.items()}
# APF_HOOK calls that only feed reqsim's oracles (allocation, access, free,
# worker start/end ghosts): instrumentation inside core/, not kernel code.
GHOST_HOOK = re.compile(r"\bAPF_HOOK\(\s*\w+\s*,\s*(alloc|touch|free|worker)\b")
INITS = {"INIT_LIST_HEAD", "INIT_WORK", "spin_lock_init", "mutex_init", "init_rwsem"}
KEYWORDS = {"if", "else", "for", "while", "do", "switch", "case", "default", "return", "break",
            "continue", "goto", "sizeof", "struct", "union", "enum", "static", "const",
            "inline", "typedef"}
TYPE_START = {"int", "unsigned", "long", "short", "char", "bool", "void", "struct", "union",
              "enum", "const", "static", "u8", "u16", "u32", "u64", "s32", "s64", "size_t",
              "uint64_t", "uint32_t", "int64_t", "uintptr_t", "__typeof__", "typeof"}


class Tok:
    __slots__ = ("kind", "text", "start", "end")

    def __init__(self, kind, text, start, end):
        self.kind, self.text, self.start, self.end = kind, text, start, end


def tokenize(src):
    toks = []
    pos = 0
    while pos < len(src):
        m = TOKEN_RE.match(src, pos)
        if not m:
            raise ValueError(f"cannot read C at offset {pos}: {src[pos:pos + 20]!r}")
        kind = m.lastgroup
        if kind not in ("ws", "com", "pp"):
            toks.append(Tok(kind, m.group(), m.start(), m.end()))
        pos = m.end()
    return toks


class Stmt:
    def __init__(self, kind, a, b, **kw):
        self.kind, self.a, self.b = kind, a, b  # token range [a, b)
        self.__dict__.update(kw)


class Reader:
    """Statements of one function body, from its tokens."""

    def __init__(self, toks):
        self.t = toks

    def match(self, i):
        """Index of the bracket closing the one at i."""
        pairs = {"(": ")", "[": "]", "{": "}"}
        open_, close = self.t[i].text, pairs[self.t[i].text]
        depth = 0
        for j in range(i, len(self.t)):
            if self.t[j].text == open_:
                depth += 1
            elif self.t[j].text == close:
                depth -= 1
                if depth == 0:
                    return j
        raise ValueError("unbalanced brackets")

    def block(self, i):
        body, j = [], i + 1
        while self.t[j].text != "}":
            s = self.stmt(j)
            body.append(s)
            j = s.b
        return Stmt("block", i, j + 1, body=body)

    def stmt(self, j):
        t = self.t[j].text
        if t == "{":
            return self.block(j)
        if t == ";":
            return Stmt("empty", j, j + 1)
        if t == "if":
            c1 = self.match(j + 1)
            then = self.stmt(c1 + 1)
            k, els = then.b, None
            if k < len(self.t) and self.t[k].text == "else":
                els = self.stmt(k + 1)
                k = els.b
            return Stmt("if", j, k, cond=(j + 2, c1), then=then, els=els)
        if t in ("for", "while", "switch"):
            c1 = self.match(j + 1)
            body = self.stmt(c1 + 1)
            return Stmt(t, j, body.b, cond=(j + 2, c1), body=body)
        if t == "do":
            body = self.stmt(j + 1)
            c1 = self.match(body.b + 1)
            return Stmt("do", j, c1 + 2, cond=(body.b + 2, c1), body=body)
        if t in ("case", "default") or (self.t[j].kind == "id" and self.t[j + 1].text == ":"):
            k = j
            while self.t[k].text != ":":
                k += 1
            return Stmt("label", j, k + 1)
        k, depth = j, 0
        while True:
            x = self.t[k].text
            if x in "([{":
                depth += 1
            elif x in ")]}":
                depth -= 1
            elif x == ";" and depth == 0:
                break
            k += 1
        return Stmt("simple", j, k + 1, decl=self.is_decl(j))

    def is_decl(self, j):
        t = self.t
        if t[j].text in TYPE_START:
            return True
        if t[j].kind == "id" and t[j].text not in KEYWORDS:
            if t[j + 1].kind == "id":
                return True
            if t[j + 1].text == "*" and t[j + 2].kind == "id" and t[j + 3].text in "=;,[":
                return True
        return False


def functions(toks):
    """(name, body Stmt) for every function definition at file level."""
    r = Reader(toks)
    out, depth, i = [], 0, 0
    while i < len(toks):
        x = toks[i].text
        if x == "{" and depth == 0 and i > 0 and toks[i - 1].text == ")":
            k = i - 1
            d = 0
            while True:
                if toks[k].text == ")":
                    d += 1
                elif toks[k].text == "(":
                    d -= 1
                    if d == 0:
                        break
                k -= 1
            name = toks[k - 1]
            if name.kind == "id" and name.text not in KEYWORDS:
                body = r.block(i)
                out.append((name.text, body))
                i = body.b
                continue
        if x == "{":
            depth += 1
        elif x == "}":
            depth -= 1
        i += 1
    return out


def walk(stmt):
    """Every statement under stmt, and every block's statement list."""
    yield stmt
    for part in ("body", "then", "els"):
        sub = getattr(stmt, part, None)
        if isinstance(sub, list):
            for s in sub:
                yield from walk(s)
        elif sub is not None:
            yield from walk(sub)


def norm(text):
    return " ".join(text.split())


class Mutant:
    def __init__(self, file, func, op, edits, before, after):
        self.file, self.func, self.op = file, func, op
        self.edits = edits  # [(start, end, text)] on the file, sorted, disjoint
        self.before, self.after = norm(before), norm(after)
        self.id = None

    @property
    def diff(self):
        return f"{self.before}  ->  {self.after}"

    def apply(self, src):
        out, pos = [], 0
        for a, b, text in sorted(self.edits):
            out.append(src[pos:a])
            out.append(text)
            pos = b
        out.append(src[pos:])
        return "".join(out)


class FileMutator:
    def __init__(self, path, relname, core_funcs):
        with open(path, encoding="utf-8") as f:
            self.src = f.read()
        self.rel = relname
        self.t = tokenize(self.src)
        self.r = Reader(self.t)
        self.core_funcs = core_funcs
        self.out = []

    # -- helpers ---------------------------------------------------------------
    def text(self, a, b):
        return self.src[self.t[a].start:self.t[b - 1].end] if b > a else ""

    def span(self, s):
        return self.t[s.a].start, self.t[s.b - 1].end

    def calls(self, a, b):
        """(token index, name) of every call in [a, b)."""
        return [(i, self.t[i].text) for i in range(a, b - 1)
                if self.t[i].kind == "id" and self.t[i + 1].text == "("]

    def has_primitive(self, a, b, prims):
        return any((n in prims or n in self.core_funcs) and n not in INITS
                   for _, n in self.calls(a, b))

    def reads_shared(self, a, b):
        names = [n for _, n in self.calls(a, b)]
        if any(n != "reqsim_bug" for n in names):
            return True
        return any(self.t[i].text == "->" for i in range(a, b))

    def hook_test(self, a, b):
        """`h->name`: is a scenario hook set?  Configuration, not protocol
        state: negating or dropping it only calls a NULL hook."""
        return b - a == 3 and self.t[a].text == "h" and self.t[a + 1].text == "->"

    def only_bug_gate(self, a, b):
        names = [n for _, n in self.calls(a, b)]
        return bool(names) and all(n == "reqsim_bug" for n in names)

    def add(self, func, op, edits, before, after):
        if GHOST_HOOK.search(before):
            return  # reqsim's own eyes (ghost hooks), not kernel code
        self.out.append(Mutant(self.rel, func, op, edits, before, after))

    def call_stmt(self, s):
        """Name of the call if s is `f(...);` or `(void)f(...);`, else None."""
        t, a = self.t, s.a
        if s.kind != "simple" or s.decl:
            return None
        if t[a].text == "(" and t[a + 1].text == "void" and t[a + 2].text == ")":
            a += 3
        if t[a].kind == "id" and t[a + 1].text == "(" and self.r.match(a + 1) == s.b - 2:
            return t[a].text
        return None

    def lock_arg(self, s):
        c = self.call_stmt(s)
        if c and (c in LOCKS or c in UNLOCKS):
            end = self.r.match(s.a + 1)
            return c, norm(self.text(s.a + 2, end).split(",")[0]) if end > s.a + 2 else ""
        return None

    def dead_spans(self, body):
        """Character spans that run only with --bug: the branch of
        `if (reqsim_bug(X))` and the else of `if (!reqsim_bug(X))`."""
        out = []
        for s in walk(body):
            if s.kind != "if":
                continue
            a, b = s.cond
            neg = self.t[a].text == "!"
            k = a + 1 if neg else a
            if self.t[k].text != "reqsim_bug" or self.r.match(k + 1) != b - 1:
                continue
            branch = s.els if neg else s.then
            if branch is not None:
                out.append(self.span(branch))
        return out

    # -- operators ------------------------------------------------------------------
    def run(self, prims):
        for func, body in functions(self.t):
            first = len(self.out)
            stmts = list(walk(body))
            for s in stmts:
                if s.kind == "simple":
                    self.op_barrier(func, s)
                    self.op_drop_call(func, s)
                if s.kind in ("if", "while", "do") and not self.only_bug_gate(*s.cond) \
                        and not self.hook_test(*s.cond):
                    self.op_negate(func, s)
                if s.kind == "block":
                    self.op_swap(func, s.body, prims)
                    self.op_move_lock(func, s.body)
                    self.op_drop_pair(func, s.body)
            self.op_calls(func, body)
            self.op_operands(func, body)
            dead = self.dead_spans(body)
            self.out[first:] = [m for m in self.out[first:] if not all(
                any(x <= e[0] and e[1] <= y for x, y in dead) for e in m.edits)]
        only_bug = self.bug_only_functions()
        self.out = [m for m in self.out if m.func not in only_bug]
        return self.out

    def bug_only_functions(self):
        """The static functions of this file that run only with --bug: every
        call of them lies in code that runs only with --bug (see dead_spans),
        or in another such function."""
        bodies = functions(self.t)
        static = set()
        for name, body in bodies:
            k = body.a - 1
            while k > 0 and self.t[k].text != ";" and self.t[k].text != "}":
                k -= 1
            if any(self.t[i].text == "static" for i in range(k, body.a)):
                static.add(name)
        sites = {}  # callee -> [(caller, char offset)]
        for name, body in bodies:
            for i, callee in self.calls(body.a, body.b):
                if callee in static and callee != name:
                    sites.setdefault(callee, []).append((name, self.t[i].start, body))
        dead = {name: self.dead_spans(body) for name, body in bodies}
        out, changed = set(), True
        while changed:
            changed = False
            for f in static - out:
                calls = sites.get(f, [])
                if calls and all(c in out or any(x <= pos < y for x, y in dead[c])
                                 for c, pos, _ in calls):
                    out.add(f)
                    changed = True
        return out

    def op_barrier(self, func, s):
        c = self.call_stmt(s)
        if c in BARRIERS:
            a, b = self.span(s)
            self.add(func, "drop-barrier", [(a, b, "(void)0;")], self.src[a:b], "(void)0;")

    def op_drop_call(self, func, s):
        c = self.call_stmt(s)
        if c and c not in BARRIERS and c not in LOCKS and c not in UNLOCKS and \
                c not in INITS and c not in ("BUG_ON", "WARN_ON", "reqsim_bug"):
            a, b = self.span(s)
            self.add(func, "drop-call", [(a, b, "(void)0;")], self.src[a:b], "(void)0;")

    def op_calls(self, func, body):
        """weaken-barrier, relax-rmw, split-rmw, flip-bool on each call."""
        t = self.t
        for i, name in self.calls(body.a, body.b):
            end = self.r.match(i + 1)
            whole = self.text(i, end + 1)
            args = self.text(i + 2, end)
            a, b = t[i].start, t[end].end
            subst = []
            if name == "smp_mb" or name == "smp_mb__after_srcu_read_unlock":
                subst = ["smp_wmb()", "smp_rmb()"]
            elif name == "smp_store_mb":
                subst = [f"WRITE_ONCE({args})"]
            elif name == "smp_store_release":
                first, rest = split_first_arg(args)
                subst = [f"WRITE_ONCE(*({first}),{rest})"]
            elif name == "rcu_assign_pointer":
                subst = [f"WRITE_ONCE({args})"]
            elif name == "smp_load_acquire":
                subst = [f"READ_ONCE(*({args}))"]
            elif name == "rcu_dereference":
                subst = [f"READ_ONCE({args})"]
            for new in subst:
                self.add(func, "weaken-barrier", [(a, b, new)], whole, new)
            if name in ("xchg", "cmpxchg"):
                new = f"{name}_relaxed({args})"
                self.add(func, "relax-rmw", [(a, b, new)], whole, new)
            if name in RMW and not self.inside_macro_call(i, body):
                pre = "\n#define plat_rmw reqsim_mut_split_rmw\n"
                post = "\n#undef plat_rmw\n"
                self.add(func, "split-rmw", [(a, a, pre), (b, b, post)], whole,
                         f"{whole} [non-atomic: load, then store]")
            depth_args = self.top_args(i + 1, end)
            for (x, y) in depth_args:
                if y - x == 1 and t[x].text in ("true", "false"):
                    flip = "false" if t[x].text == "true" else "true"
                    new = self.src[t[i].start:t[x].start] + flip + self.src[t[x].end:t[end].end]
                    self.add(func, "flip-bool", [(t[x].start, t[x].end, flip)], whole, new)

    def split_top(self, a, b, seps):
        """[a, b) cut at the tokens in seps that are outside brackets: the
        parts as token ranges, and the separators met."""
        parts, found, start, depth = [], [], a, 0
        for k in range(a, b):
            x = self.t[k].text
            if x in "([{":
                depth += 1
            elif x in ")]}":
                depth -= 1
            elif x in seps and depth == 0:
                parts.append((start, k))
                found.append(x)
                start = k + 1
        parts.append((start, b))
        return parts, found

    def top_args(self, lp, rp):
        """Token ranges of the arguments of the call whose '(' is at lp."""
        return self.split_top(lp + 1, rp, (",",))[0] if rp > lp + 1 else []

    def inside_macro_call(self, i, body):
        """Is token i inside the parentheses of another call?  (A directive
        inside a macro's arguments is undefined, so split-rmw skips those.)"""
        depth = 0
        for k in range(i - 1, body.a, -1):
            x = self.t[k].text
            if x == ")":
                depth += 1
            elif x == "(":
                if depth == 0:
                    return self.t[k - 1].kind == "id" and self.t[k - 1].text not in KEYWORDS
                depth -= 1
            elif x in ";{}":
                return False
        return False

    def op_negate(self, func, s):
        a, b = s.cond
        if not self.reads_shared(a, b):
            return
        cond = self.text(a, b)
        new = f"!({cond})"
        self.add(func, "negate", [(self.t[a].start, self.t[b - 1].end, new)], cond, new)

    def op_operands(self, func, body):
        t = self.t
        seen = set()
        for i in range(body.a, body.b):
            if t[i].text not in ("&&", "||"):
                continue
            lo, hi = self.group(i, body)
            if (lo, hi) in seen:
                continue
            seen.add((lo, hi))
            parts, found = self.split_top(lo, hi, ("&&", "||"))
            ops = set(found)
            if len(ops) != 1 or not any(self.reads_shared(x, y) for x, y in parts):
                continue
            op = ops.pop()
            if op == "&&" and any(t[x].text == "reqsim_bug" and self.r.match(x + 1) == y - 1
                                  for x, y in parts):
                continue  # false without --bug, whatever the other operands say
            whole = self.text(lo, hi)
            for n, (x, y) in enumerate(parts):
                if self.only_bug_gate(x, y) or self.hook_test(x, y):
                    continue
                rest = f" {op} ".join(self.text(p, q) for m, (p, q) in enumerate(parts) if m != n)
                new = f"({rest})"
                self.add(func, "drop-operand", [(t[lo].start, t[hi - 1].end, new)], whole, new)

    def group(self, i, body):
        """Token range of the operand list around the && / || at i."""
        t, depth, lo = self.t, 0, i
        while lo > body.a:
            x = t[lo - 1].text
            if x in ")]":
                depth += 1
            elif x in "([":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and x in (";", "{", "}", ",", "=", "return", "?", ":"):
                break
            lo -= 1
        depth, hi = 0, i
        while hi < body.b:
            x = t[hi].text
            if x in "([":
                depth += 1
            elif x in ")]":
                if depth == 0:
                    break
                depth -= 1
            elif depth == 0 and x in (";", ",", "?", ":", "}"):
                break
            hi += 1
        return lo, hi

    def bug_only(self, s):
        """An `if (reqsim_bug(X)) ...` statement: does nothing without --bug."""
        a, b = s.cond
        return self.t[a].text == "reqsim_bug" and self.r.match(a + 1) == b - 1

    def swappable(self, s):
        if s.kind == "simple":
            # a declaration without initialiser moves nothing
            return not s.decl or any(self.t[k].text == "=" for k in range(s.a, s.b))
        return s.kind == "if" and s.els is None and s.then.kind == "simple" and \
            not self.bug_only(s)

    def swap(self, func, op, x, y):
        (xa, xb), (ya, yb) = self.span(x), self.span(y)
        tx, ty = self.src[xa:xb], self.src[ya:yb]
        self.add(func, op, [(xa, xb, ty), (ya, yb, tx)], f"{tx} {ty}", f"{ty} {tx}")

    def op_swap(self, func, body, prims):
        for x, y in zip(body, body[1:]):
            if self.swappable(x) and self.swappable(y) and self.lock_arg(x) is None and \
                    self.lock_arg(y) is None and self.has_primitive(x.a, x.b, prims) and \
                    self.has_primitive(y.a, y.b, prims):
                self.swap(func, "swap", x, y)

    def op_move_lock(self, func, body):
        for k, s in enumerate(body):
            if self.lock_arg(s) is None:
                continue
            for n in (k - 1, k + 1):
                if 0 <= n < len(body) and self.swappable(body[n]) and \
                        self.lock_arg(body[n]) is None:
                    x, y = (body[n], s) if n < k else (s, body[n])
                    self.swap(func, "move-lock", x, y)

    def op_drop_pair(self, func, body):
        la = [(k, self.lock_arg(s)) for k, s in enumerate(body)]
        for k, info in la:
            if info is None:
                continue
            name, arg = info
            want = LOCKS.get(name) or UNLOCKS.get(name)
            for n in range(k + 1, len(body)):
                other = la[n][1]
                if other and other[0] == want and other[1] == arg:
                    (xa, xb), (ya, yb) = self.span(body[k]), self.span(body[n])
                    self.add(func, "drop-pair", [(xa, xb, "(void)0;"), (ya, yb, "(void)0;")],
                             f"{self.src[xa:xb]} ... {self.src[ya:yb]}", "(void)0; ... (void)0;")
                    break
                if other and other[0] == name and other[1] == arg:
                    break


def split_first_arg(args):
    depth = 0
    for k, c in enumerate(args):
        if c in "([{":
            depth += 1
        elif c in ")]}":
            depth -= 1
        elif c == "," and depth == 0:
            return args[:k], args[k + 1:]
    return args, ""


def core_files(root):
    """The mutated sources: core/*.c and core/*.h, platform.h excepted."""
    core = os.path.join(root, "core")
    names = sorted(n for n in os.listdir(core)
                   if n.endswith((".c", ".h")) and n != "platform.h")
    return [f"core/{n}" for n in names]


def primitives(root):
    with open(os.path.join(root, "core", "platform.h"), encoding="utf-8") as f:
        src = f.read()
    names = set(re.findall(r"^#define\s+([a-z_][a-z_0-9]*)\(", src, re.M))
    names |= set(re.findall(r"^static inline [^(]*?\b([a-z_][a-z_0-9]*)\(", src, re.M))
    return names - {"reqsim_bug"}


def generate(root):
    """Every mutant of core/ under root, ids assigned, in a stable order."""
    files = core_files(root)
    core_funcs = set()
    for rel in files:
        with open(os.path.join(root, rel), encoding="utf-8") as f:
            core_funcs |= {n for n, _ in functions(tokenize(f.read()))}
    prims = primitives(root)
    out = []
    for rel in files:
        out += FileMutator(os.path.join(root, rel), rel, core_funcs).run(prims)
    seen, counts, result = set(), {}, []
    for m in out:
        key = (m.file, tuple(m.edits))
        if key in seen:  # two operators made the same edit (swap / move-lock)
            continue
        seen.add(key)
        base = (m.file, m.func, m.op, m.before, m.after)
        n = counts[base] = counts.get(base, 0) + 1
        h = hashlib.sha1("\0".join(base + (str(n),)).encode()).hexdigest()[:8]
        m.id = f"{m.op}-{h}"
        result.append(m)
    return result
