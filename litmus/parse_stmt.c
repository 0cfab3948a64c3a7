/*
 * litmus/parse_stmt.c: statements of a process body: register declarations
 * (int r0 = READ_ONCE(*x), *r1;), assignments to registers, calls, blocks
 * and if/else.  Each statement's source text becomes the label of the calls
 * it makes, as traces and witnesses show them.
 *
 * Invariants:
 *  1. Loops, goto, return, switch, labels and assignments to anything but a
 *     register are unsupported constructs.
 *  2. At most LITMUS_STMTS_MAX statements per process and LF_NEST_MAX
 *     levels of nesting; a missing '}' is reported where the next process
 *     or clause starts (check_unclosed()), as a syntax error.
 */
#include "litmus_internal.h"

static int new_stmt(struct lf_parser *p, int kind, int line, bool counted)
{
	struct litmus_prog *g = p->g;
	struct lf_proc *pr = lf_cur_proc(p);
	if (counted && pr->nstmts == LITMUS_STMTS_MAX)
		lf_fail(p, line, "too many statements in %s (limit %d)", pr->name,
			LITMUS_STMTS_MAX);
	if (g->nstmts == LF_STMTS_POOL)
		lf_fail(p, line, "too many statements (limit %d)", LF_STMTS_POOL);
	pr->nstmts += counted;
	int i = g->nstmts++;
	struct lf_stmt *s = &g->stmts[i];
	s->kind = (uint8_t)kind;
	s->line = line;
	s->reg = s->expr = s->then_s = s->else_s = s->first = s->next = -1;
	return i;
}

/* Source text on one line: whitespace runs become one space, and text that
 * does not fit ends in "...". */
void lf_squeeze(char *dst, size_t len, const char *src, size_t n)
{
	size_t o = 0, k = 0;
	bool space = false;
	for (; k < n && o + 4 < len; k++) {
		if (lf_is_space(src[k])) {
			space = o > 0;
			continue;
		}
		if (space)
			dst[o++] = ' ';
		space = false;
		dst[o++] = src[k];
	}
	if (k < n)
		memcpy(dst + o, "...", 3), o += 3;
	dst[o] = 0;
	lf_one_line(dst);
}

/* Label the calls made since expression first with the statement's text. */
static void label_calls(struct lf_parser *p, int first, size_t from)
{
	struct litmus_prog *g = p->g;
	size_t to = p->prev.off + (size_t)p->prev.len;
	char *lbl = NULL;
	for (int i = first; i < g->nexprs; i++) {
		struct lf_expr *x = &g->exprs[i];
		if (x->kind != E_CALL || x->site.label)
			continue;
		if (!lbl) {
			if (g->nlabels == LF_STMTS_POOL)
				lf_fail(p, x->line, "too many statements (limit %d)",
					LF_STMTS_POOL);
			lbl = g->labels[g->nlabels++];
			lf_squeeze(lbl, LF_LABEL_MAX, p->src + from, to - from);
		}
		x->site.label = lbl;
	}
}

static void declare_reg(struct lf_parser *p, const char *name, int line, bool ptr)
{
	struct litmus_prog *g = p->g;
	struct lf_proc *pr = lf_cur_proc(p);
	int r = lf_reg_find(pr, name);
	if (r >= 0)
		lf_fail(p, line, "duplicate register '%s' in %s (first at line %d)", name, pr->name,
			pr->regs[r].line);
	if (lf_param_find(g, pr, name) >= 0)
		lf_fail(p, line, "register '%s' has the name of a parameter of %s", name, pr->name);
	if (pr->nregs == LITMUS_REGS_MAX)
		lf_fail(p, line, "too many registers in %s (limit %d)", pr->name, LITMUS_REGS_MAX);
	r = pr->nregs++;
	snprintf(pr->regs[r].name, sizeof(pr->regs[r].name), "%s", name);
	pr->regs[r].line = line;
	pr->regs[r].ptr = ptr;
}

static int parse_stmt(struct lf_parser *p);

static void link_stmt(struct litmus_prog *g, int blk, int *last, int s)
{
	if (s < 0)
		return;
	if (*last < 0)
		g->stmts[blk].first = (int16_t)s;
	else
		g->stmts[*last].next = (int16_t)s;
	*last = s;
}

/* Register declarations: int r0; int r1 = READ_ONCE(*x), *r2; */
static void parse_decl(struct lf_parser *p, int blk, int *last)
{
	struct litmus_prog *g = p->g;
	int base, stars, line = p->tok.line;
	size_t from = p->tok.off;
	char name[LF_NAME_MAX];
	lf_parse_type(p, &base, &stars);
	if (base == B_LOCK || base == B_ATOMIC)
		lf_unsupported(p, line, base == B_LOCK ? "local spinlock_t" : "local atomic_t",
			       NULL);
	for (;;) {
		int first = g->nexprs, dline = p->tok.line;
		while (lf_is_p(p, "*")) { /* int *a, *b: each declarator's own stars */
			stars++;
			lf_next(p);
		}
		lf_expect_name(p, name, "a register name");
		if (lf_is_p(p, "["))
			lf_unsupported(p, dline, "array", NULL);
		declare_reg(p, name, dline, stars > 0);
		stars = 0;
		if (lf_is_p(p, "=")) {
			lf_next(p);
			int e = lf_parse_expr(p, 0), s = new_stmt(p, S_ASSIGN, dline, true);
			lf_need_value(p, e);
			g->stmts[s].reg = (int16_t)lf_reg_find(lf_cur_proc(p), name);
			g->stmts[s].expr = (int16_t)e;
			label_calls(p, first, from);
			link_stmt(g, blk, last, s);
		}
		if (!lf_is_p(p, ","))
			break;
		lf_next(p);
	}
	lf_expect(p, ";");
}

/* Where a statement should be: the next process ("P1(", "void P1"), a
 * clause of the tail (exists, ~exists, forall, filter, locations) or the end
 * of the file.  Then a '}' is missing: the block opened at p->block_line was
 * never closed.  A syntax error, not an unsupported call to 'P1'. */
static void check_unclosed(struct lf_parser *p)
{
	static const char *const tail[] = {"exists", "forall", "filter", "locations"};
	struct lf_tok t;
	char b[64];
	int n;
	bool end = p->tok.kind == T_EOF;
	if (!end && p->tok.kind == T_ID) {
		t = lf_peek(p);
		if (lf_proc_number(&p->tok, &n))
			end = t.kind == T_P && lf_tok_is(&t, "(");
		else if (lf_is_id(p, "void"))
			end = lf_proc_number(&t, &n);
		for (size_t i = 0; i < sizeof(tail) / sizeof(tail[0]) && !end; i++)
			end = lf_is_id(p, tail[i]) && !(t.kind == T_P && lf_tok_is(&t, "=")) &&
			      lf_reg_find(lf_cur_proc(p), tail[i]) < 0;
	} else if (lf_is_p(p, "~")) {
		t = lf_peek(p);
		end = t.kind == T_ID && lf_tok_is(&t, "exists");
	}
	if (end)
		lf_fail(p, p->tok.line, "syntax error: expected '}' before %s (the block opened "
			"at line %d is not closed)", lf_tok_str(&p->tok, b, sizeof(b)),
			p->block_line);
}

/* Statements until '}' (not consumed); returns the block. */
int lf_parse_block_items(struct lf_parser *p, int line, bool counted)
{
	struct litmus_prog *g = p->g;
	int blk = new_stmt(p, S_BLOCK, line, counted), last = -1, outer = p->block_line;
	p->block_line = line;
	while (!lf_is_p(p, "}")) {
		check_unclosed(p);
		if (lf_is_type_word(&p->tok))
			parse_decl(p, blk, &last);
		else
			link_stmt(g, blk, &last, parse_stmt(p));
	}
	p->block_line = outer;
	return blk;
}

static void nest_in(struct lf_parser *p, int line)
{
	if (++p->nest > LF_NEST_MAX)
		lf_fail(p, line, "statements nested too deeply (limit %d)", LF_NEST_MAX);
}

static int parse_branch(struct lf_parser *p)
{
	check_unclosed(p);
	if (lf_is_type_word(&p->tok))
		lf_fail(p, p->tok.line, "syntax error: a declaration is not a statement here");
	return parse_stmt(p);
}

static int parse_if(struct lf_parser *p, int line, size_t from)
{
	struct litmus_prog *g = p->g;
	int first = g->nexprs;
	lf_next(p);
	lf_expect(p, "(");
	int c = lf_parse_expr(p, 0);
	lf_need_value(p, c);
	lf_expect(p, ")");
	label_calls(p, first, from);
	int s = new_stmt(p, S_IF, line, true);
	g->stmts[s].expr = (int16_t)c;
	nest_in(p, line);
	int t = parse_branch(p);
	g->stmts[s].then_s = (int16_t)t;
	if (lf_is_id(p, "else")) {
		lf_next(p);
		int e = parse_branch(p);
		g->stmts[s].else_s = (int16_t)e;
	}
	p->nest--;
	return s;
}

/* C that is not litmus, before anything else is tried: loops, jumps, asm
 * and plain stores through a pointer. */
static void refuse_c(struct lf_parser *p, int line)
{
	static const char *const banned[] = {
		"while", "for", "do", "switch", "goto", "return", "break", "continue",
		"case", "default", "asm", "__asm__"};
	for (size_t i = 0; i < sizeof(banned) / sizeof(banned[0]); i++)
		if (lf_is_id(p, banned[i]))
			lf_unsupported(p, line, banned[i], NULL);
}

/* A name followed by something other than '=': compound assignments,
 * increments and labels are refused; anything else is left to the
 * expression statement. */
static void refuse_name_op(struct lf_parser *p, int line, const struct lf_tok *t)
{
	static const char *const ops[] = {"+=", "-=", "++", "--", "*=", "|=", "&=", "^="};
	char name[LF_NAME_MAX + 16];
	lf_tok_copy(&p->tok, name);
	for (size_t i = 0; i < sizeof(ops) / sizeof(ops[0]) && t->kind == T_P; i++)
		if (lf_tok_is(t, ops[i])) {
			snprintf(name + strlen(name), 16, "%.*s", t->len, t->s);
			lf_unsupported(p, line, name, NULL);
		}
	if (t->kind == T_P && lf_tok_is(t, ":"))
		lf_unsupported(p, line, "label", NULL);
}

/* r = expression; (the current token is r, the next one '='). */
static int parse_assign(struct lf_parser *p, int line, int first, size_t from)
{
	struct litmus_prog *g = p->g;
	const struct lf_proc *pr = lf_cur_proc(p);
	char name[LF_NAME_MAX + 16];
	lf_tok_copy(&p->tok, name);
	int r = lf_reg_find(pr, name);
	if (r < 0 && lf_param_find(g, pr, name) >= 0) {
		strcat(name, " = ...");
		lf_unsupported(p, line, name, "assignment to a parameter");
	}
	if (r < 0)
		lf_fail(p, line, "unknown register '%s' (declare it: int %s;)", name, name);
	lf_next(p);
	lf_next(p);
	int e = lf_parse_expr(p, 0);
	lf_need_value(p, e);
	lf_expect(p, ";");
	int s = new_stmt(p, S_ASSIGN, line, true);
	g->stmts[s].reg = (int16_t)r;
	g->stmts[s].expr = (int16_t)e;
	label_calls(p, first, from);
	return s;
}

/* A call as a statement: WRITE_ONCE(*x, 1); */
static int parse_call_stmt(struct lf_parser *p, int line, int first, size_t from)
{
	struct litmus_prog *g = p->g;
	char b[64];
	int e = lf_parse_expr(p, 0);
	if (g->exprs[e].kind != E_CALL)
		lf_fail(p, line, "syntax error: expected a statement (a call or 'r = ...;')");
	if (!lf_is_p(p, ";"))
		lf_fail(p, p->tok.line, "syntax error: expected ';' before %s",
			lf_tok_str(&p->tok, b, sizeof(b)));
	lf_next(p);
	int s = new_stmt(p, S_EXPR, line, true);
	g->stmts[s].expr = (int16_t)e;
	label_calls(p, first, from);
	return s;
}

/* One statement; -1 for an empty one. */
static int parse_stmt(struct lf_parser *p)
{
	int line = p->tok.line, first = p->g->nexprs, s;
	size_t from = p->tok.off;

	if (lf_is_p(p, "{")) {
		nest_in(p, line);
		lf_next(p);
		s = lf_parse_block_items(p, line, true);
		lf_expect(p, "}");
		p->nest--;
		return s;
	}
	if (lf_is_p(p, ";")) {
		lf_next(p);
		return -1;
	}
	if (lf_is_id(p, "if"))
		return parse_if(p, line, from);
	if (lf_is_id(p, "else"))
		lf_fail(p, line, "syntax error: 'else' without 'if'");
	refuse_c(p, line);
	if (lf_is_p(p, "*")) { /* *x = value; a plain store */
		int e = lf_parse_plain(p, line, 0, true);
		char b[64];
		if (!lf_is_p(p, ";"))
			lf_fail(p, p->tok.line, "syntax error: expected ';' before %s",
				lf_tok_str(&p->tok, b, sizeof(b)));
		lf_next(p);
		s = new_stmt(p, S_EXPR, line, true);
		p->g->stmts[s].expr = (int16_t)e;
		label_calls(p, first, from);
		return s;
	}
	if (lf_is_p(p, "(")) { /* (void)call(...); */
		struct lf_tok t = lf_peek(p);
		if (t.kind == T_ID && lf_tok_is(&t, "void")) {
			lf_next(p);
			lf_next(p);
			lf_expect(p, ")");
		}
	} else if (p->tok.kind == T_ID) {
		struct lf_tok t = lf_peek(p);
		if (t.kind == T_P && lf_tok_is(&t, "="))
			return parse_assign(p, line, first, from);
		refuse_name_op(p, line, &t);
	}
	return parse_call_stmt(p, line, first, from);
}
