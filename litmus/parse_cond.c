/*
 * litmus/parse_cond.c: the clauses after the processes: "locations [...]",
 * "filter P" and the final condition "exists P", "~exists P" or
 * "forall P", where P is herd7's proposition language over N:reg and
 * shared variables (~, /\, \/, =>, parentheses).
 *
 * Invariants:
 *  1. Every location the condition or the locations clause names is a
 *     displayed location (g->disp), in order of first appearance: the final
 *     states are printed over them.
 *  2. Nesting is bounded (LITMUS_DEPTH_MAX); nothing may follow the final
 *     condition.
 */
#include <inttypes.h>

#include "litmus_internal.h"

static int new_cond(struct lf_parser *p, int kind, int line)
{
	struct litmus_prog *g = p->g;
	if (g->nconds == LF_CONDS_MAX)
		lf_fail(p, line, "condition too large (limit %d nodes)", LF_CONDS_MAX);
	int i = g->nconds++;
	struct lf_cond *c = &g->conds[i];
	memset(c, 0, sizeof(*c));
	c->kind = (uint8_t)kind;
	c->a = c->b = c->val_var = -1;
	return i;
}

static void add_disp(struct litmus_prog *g, int proc, int idx)
{
	for (int i = 0; i < g->ndisp; i++)
		if (g->disp[i].proc == proc && g->disp[i].idx == idx)
			return;
	g->disp[g->ndisp++] = (struct lf_disp){(int16_t)proc, (int16_t)idx}; /* distinct */
}

/* N:reg or a variable name, as the condition and the locations clause write them. */
static void parse_location(struct lf_parser *p, int *proc, int *idx, const char *where)
{
	struct litmus_prog *g = p->g;
	int line = p->tok.line;
	char name[LF_NAME_MAX], b[64];
	if (p->tok.kind == T_NUM) {
		int64_t n = p->tok.num;
		lf_next(p);
		lf_expect(p, ":");
		lf_expect_name(p, name, "a register name");
		if (n >= g->nprocs)
			lf_fail(p, line, "%s names process P%" PRId64 ", but the test has %d",
				where,
				n, g->nprocs);
		int r = lf_reg_find(&g->procs[n], name);
		if (r < 0)
			lf_fail(p, line, "unknown register '%" PRId64 ":%s' in %s", n, name, where);
		*proc = (int)n;
		*idx = r;
		return;
	}
	bool bracket = lf_is_p(p, "[");
	if (bracket)
		lf_next(p);
	if (p->tok.kind != T_ID)
		lf_fail(p, line, "syntax error: expected a location in %s before %s", where,
			lf_tok_str(&p->tok, b, sizeof(b)));
	lf_expect_name(p, name, "a location");
	if (bracket)
		lf_expect(p, "]");
	int v = lf_var_find(g, name);
	if (v < 0)
		lf_fail(p, line, "unknown location '%s' in %s", name, where);
	if (g->vars[v].kind == VK_LOCK)
		lf_fail(p, line, "spinlock_t '%s' in %s", name, where);
	*proc = -1;
	*idx = v;
}

static int parse_prop(struct lf_parser *p, int depth);

static int parse_term(struct lf_parser *p, int depth)
{
	struct litmus_prog *g = p->g;
	int line = p->tok.line, c, proc, idx;
	char b[64], name[LF_NAME_MAX];
	if (depth > LITMUS_DEPTH_MAX)
		lf_fail(p, line, "condition nested too deeply (limit %d)", LITMUS_DEPTH_MAX);
	if (lf_is_p(p, "~")) {
		lf_next(p);
		int a = parse_term(p, depth + 1);
		c = new_cond(p, C_NOT, line);
		g->conds[c].a = (int16_t)a;
		return c;
	}
	if (lf_is_p(p, "(")) {
		lf_next(p);
		c = parse_prop(p, depth + 1);
		lf_expect(p, ")");
		return c;
	}
	if (lf_is_id(p, "true") || lf_is_id(p, "false")) {
		c = new_cond(p, lf_is_id(p, "true") ? C_TRUE : C_FALSE, line);
		lf_next(p);
		return c;
	}
	if (p->tok.kind != T_NUM && p->tok.kind != T_ID && !lf_is_p(p, "["))
		lf_fail(p, line, "syntax error: expected a condition before %s",
			lf_tok_str(&p->tok, b, sizeof(b)));
	parse_location(p, &proc, &idx, "the condition");
	c = new_cond(p, proc < 0 ? C_VAR : C_REG, line);
	g->conds[c].proc = (int16_t)proc;
	g->conds[c].idx = (int16_t)idx;
	if (lf_is_p(p, "!="))
		g->conds[c].neq = true;
	else if (!lf_is_p(p, "=") && !lf_is_p(p, "=="))
		lf_fail(p, p->tok.line, "syntax error: expected '=' before %s",
			lf_tok_str(&p->tok, b, sizeof(b)));
	lf_next(p);
	if (lf_is_p(p, "&"))
		lf_next(p);
	if (p->tok.kind == T_ID) {
		lf_expect_name(p, name, "a value");
		int v = lf_var_find(g, name);
		if (v < 0)
			lf_fail(p, line, "unknown variable '%s' in the condition", name);
		g->conds[c].val_var = (int16_t)v;
	} else {
		g->conds[c].val = lf_parse_signed_num(p);
	}
	return c;
}

/* A node joining conditions a and b (C_AND, C_OR, C_IMPL). */
static int join_cond(struct lf_parser *p, int kind, int line, int a, int b)
{
	int c = new_cond(p, kind, line);
	p->g->conds[c].a = (int16_t)a;
	p->g->conds[c].b = (int16_t)b;
	return c;
}

/* l, then "op operand" as long as op follows, joined to the left; each
 * right operand is parsed at depth. */
static int join_left(struct lf_parser *p, int l, const char *op, int kind,
		     int (*operand)(struct lf_parser *p, int depth), int depth)
{
	while (lf_is_p(p, op)) {
		int line = p->tok.line;
		lf_next(p);
		int r = operand(p, depth);
		l = join_cond(p, kind, line, l, r);
	}
	return l;
}

static int parse_conj(struct lf_parser *p, int depth)
{
	return join_left(p, parse_term(p, depth), "/\\", C_AND, parse_term, depth + 1);
}

static int parse_prop(struct lf_parser *p, int depth)
{
	if (depth > LITMUS_DEPTH_MAX)
		lf_fail(p, p->tok.line, "condition nested too deeply (limit %d)", LITMUS_DEPTH_MAX);
	int l = join_left(p, parse_conj(p, depth + 1), "\\/", C_OR, parse_conj, depth + 1);
	if (lf_is_p(p, "=>")) {
		int line = p->tok.line;
		lf_next(p);
		int r = parse_prop(p, depth + 1);
		l = join_cond(p, C_IMPL, line, l, r);
	}
	return l;
}

/* Every location a condition reads is displayed in the final states. */
static void cond_disp(struct litmus_prog *g, int c)
{
	const struct lf_cond *x = &g->conds[c];
	if (x->kind == C_REG || x->kind == C_VAR)
		add_disp(g, x->proc, x->idx);
	if (x->a >= 0)
		cond_disp(g, x->a);
	if (x->b >= 0)
		cond_disp(g, x->b);
}

static void parse_locations(struct lf_parser *p)
{
	int proc, idx;
	lf_next(p);
	lf_expect(p, "[");
	while (!lf_is_p(p, "]")) {
		if (lf_is_p(p, ";")) {
			lf_next(p);
			continue;
		}
		parse_location(p, &proc, &idx, "the locations clause");
		add_disp(p->g, proc, idx);
		if (!lf_is_p(p, ";") && !lf_is_p(p, "]")) {
			char b[64];
			lf_fail(p, p->tok.line, "syntax error: expected ';' or ']' before %s",
				lf_tok_str(&p->tok, b, sizeof(b)));
		}
	}
	lf_next(p);
}

/* A clause that may appear once: note the line of the first, refuse a second. */
static void clause_once(struct lf_parser *p, int *first_line, const char *what)
{
	if (*first_line)
		lf_fail(p, p->tok.line, "duplicate %s clause (first at line %d)", what,
			*first_line);
	*first_line = p->tok.line;
}

void lf_parse_tail(struct lf_parser *p)
{
	struct litmus_prog *g = p->g;
	char b[64];
	int locs_line = 0, filter_line = 0;
	for (;;) {
		if (lf_is_id(p, "locations")) {
			clause_once(p, &locs_line, "locations");
			parse_locations(p);
		} else if (lf_is_id(p, "filter")) {
			clause_once(p, &filter_line, "filter");
			lf_next(p);
			g->filter = (int16_t)parse_prop(p, 0);
		} else {
			break;
		}
	}
	int line = p->tok.line;
	size_t from = p->tok.off;
	if (lf_is_id(p, "exists")) {
		g->quant = Q_EXISTS;
	} else if (lf_is_id(p, "forall")) {
		g->quant = Q_FORALL;
	} else if (lf_is_p(p, "~")) {
		lf_next(p);
		if (!lf_is_id(p, "exists"))
			lf_fail(p, p->tok.line, "syntax error: expected 'exists' after '~'");
		g->quant = Q_NOT_EXISTS;
	} else if (p->tok.kind == T_EOF) {
		lf_fail(p, line,
			"syntax error: missing final condition (exists, ~exists or forall)");
	} else {
		lf_fail(p, line, "syntax error: expected a process, 'locations', 'filter', "
			"'exists', '~exists' or 'forall' before %s",
			lf_tok_str(&p->tok, b, sizeof(b)));
	}
	lf_next(p);
	g->cond = (int16_t)parse_prop(p, 0);
	cond_disp(g, g->cond);
	lf_squeeze(g->cond_text, sizeof(g->cond_text), p->src + from,
		   p->prev.off + (size_t)p->prev.len - from);
	if (p->tok.kind != T_EOF)
		lf_fail(p, p->tok.line, "syntax error: unexpected %s after the final condition",
			lf_tok_str(&p->tok, b, sizeof(b)));
}
