/*
 * litmus/parse_expr.c: expressions inside a process body: numbers,
 * registers, the addresses of shared variables, C's unary and binary
 * operators by C precedence, and calls of the functions in calls.c, each
 * of which gets its platform_site (file, line, process; the statement's
 * text is added when the statement ends, parse_stmt.c).
 *
 * Invariants:
 *  1. Plain C accesses (*x, &x), casts, '/', '%', '?:', compound
 *     assignments and postfix operators are unsupported constructs.
 *  2. Depth is bounded (LITMUS_DEPTH_MAX) both while parsing and as stored
 *     in each node, so the interpreter's recursion is bounded too.
 *  3. A call that returns nothing (WRITE_ONCE, smp_mb, ...) is never used
 *     as a value (lf_need_value()).
 */
#include "litmus_internal.h"

static int new_expr(struct lf_parser *p, int kind, int line)
{
	struct litmus_prog *g = p->g;
	if (g->nexprs == LF_EXPRS_MAX)
		lf_fail(p, line, "too many expressions (limit %d)", LF_EXPRS_MAX);
	int i = g->nexprs++;
	struct lf_expr *e = &g->exprs[i];
	memset(e, 0, sizeof(*e));
	e->kind = (uint8_t)kind;
	e->a = e->b = -1;
	e->fn = -1;
	e->line = line;
	e->depth = 1;
	return i;
}

/* The expression's value is used: it must not be a void call. */
void lf_need_value(struct lf_parser *p, int e)
{
	const struct lf_expr *x = &p->g->exprs[e];
	if (x->kind == E_CALL && lf_fns[x->fn].ret == R_NONE)
		lf_fail(p, x->line, "'%s' does not return a value", lf_fns[x->fn].name);
}

static void set_depth(struct lf_parser *p, int e, int a, int b)
{
	struct lf_expr *x = &p->g->exprs[e];
	int d = 0;
	if (a >= 0 && p->g->exprs[a].depth > d)
		d = p->g->exprs[a].depth;
	if (b >= 0 && p->g->exprs[b].depth > d)
		d = p->g->exprs[b].depth;
	if (d + 1 > LITMUS_DEPTH_MAX)
		lf_fail(p, x->line, "expression nested too deeply (limit %d)", LITMUS_DEPTH_MAX);
	x->depth = (uint8_t)(d + 1);
}

static int mk_op(struct lf_parser *p, int kind, int op, int a, int b, int line)
{
	lf_need_value(p, a);
	if (b >= 0)
		lf_need_value(p, b);
	int e = new_expr(p, kind, line);
	p->g->exprs[e].op = (uint8_t)op;
	p->g->exprs[e].a = (int16_t)a;
	p->g->exprs[e].b = (int16_t)b;
	set_depth(p, e, a, b);
	return e;
}

/* The location argument of a call: x or *x, a parameter or a register. */
static void parse_loc(struct lf_parser *p, int e, const struct lf_fn *f)
{
	struct litmus_prog *g = p->g;
	const struct lf_proc *pr = lf_cur_proc(p);
	char name[LF_NAME_MAX], what[160], b[64];
	int line = p->tok.line;
	bool star = lf_is_p(p, "*");
	if (star)
		lf_next(p);
	if (p->tok.kind != T_ID)
		lf_fail(p, p->tok.line, "syntax error: expected a shared variable or a pointer "
			"register in '%s' before %s", f->name, lf_tok_str(&p->tok, b, sizeof(b)));
	lf_tok_copy(&p->tok, name);
	if (f->deref && !star) {
		snprintf(what, sizeof(what), "%s(%s)", f->name, name);
		lf_unsupported(p, line, what, f->kind == F_LOAD ? "expected READ_ONCE(*x) form"
				     : "expected WRITE_ONCE(*x, v) form");
	}
	if (!f->deref && star) {
		snprintf(what, sizeof(what), "%s(*%s)", f->name, name);
		lf_unsupported(p, line, what, "this one takes a pointer: write it without '*'");
	}
	lf_next(p);
	struct lf_expr *x = &g->exprs[e];
	int r = lf_reg_find(pr, name);
	if (r >= 0 && !pr->regs[r].ptr)
		lf_fail(p, line, "register '%s' is not a pointer (declare it: int *%s;)", name,
			name);
	if (r >= 0) {
		x->loc_kind = LOC_REG;
		x->idx = (int16_t)r;
		return;
	}
	int v = lf_param_find(g, pr, name);
	if (v < 0) {
		if (lf_var_find(g, name) >= 0)
			lf_fail(p, line, "'%s' is not a parameter of %s", name, pr->name);
		lf_fail(p, line, "unknown name '%s' in '%s' (neither a register nor a parameter "
			"of %s)", name, f->name, pr->name);
	}
	x->loc_kind = LOC_VAR;
	x->idx = (int16_t)v;
	int k = g->vars[v].kind;
	if (lf_fn_is_lock(f) && k != VK_LOCK)
		lf_fail(p, line, "'%s' needs a spinlock_t, but '%s' is %s", f->name, name,
			lf_vkind_names[k]);
	if (!lf_fn_is_lock(f) && k == VK_LOCK)
		lf_fail(p, line, "'%s' cannot access spinlock_t '%s'", f->name, name);
}

static void call_site(struct lf_parser *p, int e, int line)
{
	struct litmus_prog *g = p->g;
	struct lf_expr *x = &g->exprs[e];
	x->site.file = g->path;
	x->site.line = line;
	x->site.func = lf_cur_proc(p)->name;
	x->site.label = NULL; /* the statement's text, set when it ends */
}

/* A plain C access through a pointer (the current token is '*'): a read
 * "*x" in an expression (value < 0), or the write "*x = value".  It runs
 * as a relaxed access, and its races are checked (interp.c). */
int lf_parse_plain(struct lf_parser *p, int line, int value_depth, bool store)
{
	struct litmus_prog *g = p->g;
	int fn = lf_fn_find(store ? LF_PLAIN_STORE : LF_PLAIN_LOAD,
			    strlen(store ? LF_PLAIN_STORE : LF_PLAIN_LOAD));
	int e = new_expr(p, E_CALL, line);
	g->exprs[e].fn = (int16_t)fn;
	parse_loc(p, e, &lf_fns[fn]);
	if (store) {
		lf_expect(p, "=");
		int v = lf_parse_expr(p, value_depth);
		lf_need_value(p, v);
		g->exprs[e].a = (int16_t)v;
		set_depth(p, e, v, -1);
	}
	g->has_plain = true;
	call_site(p, e, line);
	return e;
}

static int parse_call(struct lf_parser *p, int depth)
{
	struct litmus_prog *g = p->g;
	int line = p->tok.line;
	char name[LF_NAME_MAX];
	lf_tok_copy(&p->tok, name);
	int fn = lf_fn_find(p->tok.s, (size_t)p->tok.len);
	if (fn < 0)
		lf_unsupported(p, line, name, NULL);
	const struct lf_fn *f = &lf_fns[fn];
	lf_next(p);
	lf_expect(p, "(");
	int e = new_expr(p, E_CALL, line), nval = 0;
	g->exprs[e].fn = (int16_t)fn;
	for (int k = 0; k < f->nargs; k++) {
		if (k && !lf_is_p(p, ","))
			lf_fail(p, p->tok.line, "'%s' takes %d argument%s", f->name, f->nargs,
				f->nargs == 1 ? "" : "s");
		if (k)
			lf_next(p);
		if (lf_is_p(p, ")"))
			lf_fail(p, p->tok.line, "'%s' takes %d argument%s", f->name, f->nargs,
				f->nargs == 1 ? "" : "s");
		if (k == f->loc_arg) {
			parse_loc(p, e, f);
			continue;
		}
		int v = lf_parse_expr(p, depth + 1);
		lf_need_value(p, v);
		if (nval++ == 0)
			g->exprs[e].a = (int16_t)v;
		else
			g->exprs[e].b = (int16_t)v;
	}
	if (lf_is_p(p, ","))
		lf_fail(p, p->tok.line, "'%s' takes %d argument%s", f->name, f->nargs,
			f->nargs == 1 ? "" : "s");
	if (!lf_is_p(p, ")")) {
		char b[64];
		lf_fail(p, p->tok.line, "syntax error: expected ')' before %s (to close the call "
			"of '%s' at line %d)", lf_tok_str(&p->tok, b, sizeof(b)), f->name, line);
	}
	lf_next(p);
	set_depth(p, e, g->exprs[e].a, g->exprs[e].b);
	call_site(p, e, line);
	return e;
}

/* A name in an expression: a register's value or a shared variable's address. */
static int parse_name(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	const struct lf_proc *pr = lf_cur_proc(p);
	char name[LF_NAME_MAX];
	int line = p->tok.line, e;
	lf_tok_copy(&p->tok, name);
	lf_next(p);
	int r = lf_reg_find(pr, name);
	if (r >= 0) {
		e = new_expr(p, E_REG, line);
		g->exprs[e].idx = (int16_t)r;
		return e;
	}
	int v = lf_param_find(g, pr, name);
	if (v >= 0) {
		if (g->vars[v].kind == VK_LOCK)
			lf_fail(p, line, "spinlock_t '%s' used as a value", name);
		e = new_expr(p, E_ADDR, line);
		g->exprs[e].idx = (int16_t)v;
		return e;
	}
	if (lf_var_find(g, name) >= 0)
		lf_fail(p, line, "'%s' is not a parameter of %s", name, pr->name);
	lf_fail(p, line, "unknown name '%s' (neither a register nor a parameter of %s)", name,
		pr->name);
}

static void no_postfix(struct lf_parser *p)
{
	static const char *const bad[] = {"[", "->", ".", "++", "--"};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (lf_is_p(p, bad[i]))
			lf_unsupported(p, p->tok.line, bad[i], NULL);
}

static int parse_unary(struct lf_parser *p, int depth)
{
	struct litmus_prog *g = p->g;
	int line = p->tok.line, e;
	char b[64], what[LF_NAME_MAX + 4];
	if (depth > LITMUS_DEPTH_MAX)
		lf_fail(p, line, "expression nested too deeply (limit %d)", LITMUS_DEPTH_MAX);
	static const struct { const char *s; int op; } un[] = {
		{"!", O_NOT}, {"-", O_NEG}, {"~", O_BNOT}, {"+", O_POS}};
	for (size_t i = 0; i < sizeof(un) / sizeof(un[0]); i++)
		if (lf_is_p(p, un[i].s)) {
			lf_next(p);
			int a = parse_unary(p, depth + 1);
			return mk_op(p, E_UN, un[i].op, a, -1, line);
		}
	if (lf_is_p(p, "*")) {
		e = lf_parse_plain(p, line, depth + 1, false);
		no_postfix(p);
		return e;
	}
	if (lf_is_p(p, "&")) {
		struct lf_tok t = lf_peek(p);
		snprintf(what, sizeof(what), "%s%.*s", lf_is_p(p, "*") ? "*" : "&",
			 t.kind == T_ID ? t.len : 0, t.s);
		lf_unsupported(p, line, what, lf_is_p(p, "*") ? "plain C access: use READ_ONCE()"
			       : "address-of");
	}
	if (lf_is_p(p, "(")) {
		struct lf_tok t = lf_peek(p);
		if (lf_is_type_word(&t))
			lf_unsupported(p, line, "cast", NULL);
		lf_next(p);
		e = lf_parse_expr(p, depth + 1);
		lf_expect(p, ")");
		no_postfix(p);
		return e;
	}
	if (p->tok.kind == T_NUM) {
		e = new_expr(p, E_NUM, line);
		g->exprs[e].num = p->tok.num;
		lf_next(p);
		return e;
	}
	if (lf_is_id(p, "true") || lf_is_id(p, "false")) {
		e = new_expr(p, E_NUM, line);
		g->exprs[e].num = lf_is_id(p, "true");
		lf_next(p);
		return e;
	}
	if (p->tok.kind == T_ID) {
		struct lf_tok t = lf_peek(p);
		e = t.kind == T_P && lf_tok_is(&t, "(") ? parse_call(p, depth) : parse_name(p);
		no_postfix(p);
		return e;
	}
	lf_fail(p, line, "syntax error: expected an expression before %s",
		lf_tok_str(&p->tok, b, sizeof(b)));
}

/* Binary operators by C precedence; -1 if the token is not one. */
static int binop(struct lf_parser *p, int *prec)
{
	static const struct { const char *s; int op, prec; } ops[] = {
		{"||", O_LOR, 1}, {"&&", O_LAND, 2}, {"|", O_BOR, 3}, {"^", O_XOR, 4},
		{"&", O_BAND, 5}, {"==", O_EQ, 6}, {"!=", O_NE, 6}, {"<", O_LT, 7},
		{"<=", O_LE, 7}, {">", O_GT, 7}, {">=", O_GE, 7}, {"<<", O_SHL, 8},
		{">>", O_SHR, 8}, {"+", O_ADD, 9}, {"-", O_SUB, 9}, {"*", O_MUL, 10}};
	static const char *const bad[] = {"/", "%", "?", "+=", "-=", "*=", "|=", "&=", "^="};
	if (p->tok.kind != T_P)
		return -1;
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]); i++)
		if (lf_tok_is(&p->tok, ops[i].s)) {
			*prec = ops[i].prec;
			return ops[i].op;
		}
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (lf_tok_is(&p->tok, bad[i]))
			lf_unsupported(p, p->tok.line, bad[i], "operator");
	if (lf_tok_is(&p->tok, "="))
		lf_unsupported(p, p->tok.line, "=", "assignment inside an expression");
	return -1;
}

static int parse_bin(struct lf_parser *p, int minprec, int depth)
{
	int l = parse_unary(p, depth), prec, op;
	while ((op = binop(p, &prec)) >= 0 && prec >= minprec) {
		int line = p->tok.line;
		lf_next(p);
		int r = parse_bin(p, prec + 1, depth + 1);
		l = mk_op(p, E_BIN, op, l, r, line);
	}
	return l;
}

int lf_parse_expr(struct lf_parser *p, int depth)
{
	if (depth > LITMUS_DEPTH_MAX)
		lf_fail(p, p->tok.line, "expression nested too deeply (limit %d)",
			LITMUS_DEPTH_MAX);
	return parse_bin(p, 1, depth);
}
