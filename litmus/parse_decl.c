/*
 * litmus/parse_decl.c: declarations: C types as litmus files write them,
 * the shared variables (from the initial state and the process parameters)
 * with their kinds, and the initial state block "{ int x = 1; y = &x; }".
 *
 * Invariants:
 *  1. A variable keeps one kind for its whole life (int, long, pointer,
 *     atomic_t, spinlock_t); a second, different one is an error, and a
 *     variable no declaration types becomes an int (parser.c, resolve()).
 *  2. Types the interpreter cannot run (char, struct, float, ...) are
 *     unsupported constructs; at most LITMUS_VARS_MAX variables.
 */
#include "litmus_internal.h"

int lf_var_find(const struct litmus_prog *g, const char *name)
{
	for (int i = 0; i < g->nvars; i++)
		if (!strcmp(g->vars[i].name, name))
			return i;
	return -1;
}

/* Find or add a shared variable; kind VK_NONE adds no type information. */
int lf_var_declare(struct lf_parser *p, const char *name, int kind, int line)
{
	struct litmus_prog *g = p->g;
	int i = lf_var_find(g, name);
	if (i < 0) {
		if (g->nvars == LITMUS_VARS_MAX)
			lf_fail(p, line, "too many shared variables (limit %d)", LITMUS_VARS_MAX);
		i = g->nvars++;
		struct lf_var *v = &g->vars[i];
		snprintf(v->name, sizeof(v->name), "%s", name);
		v->line = line;
		v->init_var = -1;
	}
	struct lf_var *v = &g->vars[i];
	if (kind != VK_NONE) {
		if (v->kind == VK_NONE)
			v->kind = (uint8_t)kind;
		else if (v->kind != kind)
			lf_fail(p, line, "conflicting types for '%s': %s here, %s at line %d", name,
				lf_vkind_names[kind], lf_vkind_names[v->kind], v->line);
	}
	return i;
}

int lf_reg_find(const struct lf_proc *pr, const char *name)
{
	for (int i = 0; i < pr->nregs; i++)
		if (!strcmp(pr->regs[i].name, name))
			return i;
	return -1;
}

int lf_param_find(const struct litmus_prog *g, const struct lf_proc *pr, const char *name)
{
	for (int i = 0; i < pr->nparams; i++)
		if (!strcmp(g->vars[pr->params[i]].name, name))
			return pr->params[i];
	return -1;
}

bool lf_is_type_word(const struct lf_tok *t)
{
	static const char *const words[] = {
		"int", "long", "unsigned", "signed", "u32", "s32", "u64", "s64", "bool",
		"_Bool", "atomic_t", "spinlock_t", "volatile", "const", "char", "short",
		"struct", "union", "enum", "float", "double", "void", "atomic_long_t",
		"atomic64_t", "raw_spinlock_t", "rwlock_t", "u8", "u16", "s8", "s16",
		"size_t", "uintptr_t"};
	if (t->kind != T_ID)
		return false;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (lf_tok_is(t, words[i]))
			return true;
	return false;
}

/* A type: qualifiers, one base type, stars.  False if the current token does
 * not start one (nothing consumed). */
bool lf_parse_type(struct lf_parser *p, int *base, int *stars)
{
	int b = B_NONE, line = p->tok.line;
	bool any = false;
	char w[LF_NAME_MAX];
	while (lf_is_type_word(&p->tok)) {
		int nb = B_NONE;
		lf_tok_copy(&p->tok, w);
		if (!strcmp(w, "volatile") || !strcmp(w, "const")) {
			any = true;
			lf_next(p);
			continue;
		}
		if (!strcmp(w, "int") || !strcmp(w, "unsigned") || !strcmp(w, "signed") ||
		    !strcmp(w, "u32") || !strcmp(w, "s32") || !strcmp(w, "bool") ||
		    !strcmp(w, "_Bool"))
			nb = B_INT;
		else if (!strcmp(w, "long") || !strcmp(w, "u64") || !strcmp(w, "s64"))
			nb = B_LONG;
		else if (!strcmp(w, "atomic_t"))
			nb = B_ATOMIC;
		else if (!strcmp(w, "spinlock_t"))
			nb = B_LOCK;
		else
			lf_unsupported(p, line, w, "type");
		if (b == B_NONE || (b == B_INT && nb == B_LONG))
			b = nb;
		else if (!((b == B_LONG && nb == B_INT) || (b == B_INT && nb == B_INT) ||
			   (b == B_LONG && nb == B_LONG)))
			lf_fail(p, line, "syntax error: bad type near '%s'", w);
		any = true;
		lf_next(p);
	}
	if (!any)
		return false;
	if (b == B_NONE)
		lf_fail(p, line, "syntax error: a type needs a base type (int, long, atomic_t, "
			"spinlock_t)");
	*base = b;
	*stars = 0;
	while (lf_is_p(p, "*")) {
		if (++*stars > 4)
			lf_fail(p, line, "syntax error: too many '*'");
		lf_next(p);
	}
	return true;
}

int lf_base_kind(int base, int stars)
{
	if (stars > 0)
		return VK_PTR;
	switch (base) {
	case B_LONG: return VK_LONG;
	case B_ATOMIC: return VK_ATOMIC;
	case B_LOCK: return VK_LOCK;
	default: return VK_INT;
	}
}

/* ---- parser: the initial state ------------------------------------------------- */

int64_t lf_parse_signed_num(struct lf_parser *p)
{
	char b[64];
	bool neg = false;
	if (lf_is_p(p, "-")) {
		neg = true;
		lf_next(p);
	}
	if (p->tok.kind != T_NUM)
		lf_fail(p, p->tok.line, "syntax error: expected a number before %s",
			lf_tok_str(&p->tok, b, sizeof(b)));
	int64_t v = p->tok.num;
	lf_next(p);
	return neg ? -v : v;
}

static void parse_init_value(struct lf_parser *p, int vi)
{
	struct lf_var *v = &p->g->vars[vi];
	int line = p->tok.line;
	v->init_line = line;
	if (v->kind == VK_LOCK)
		lf_unsupported(p, line, "spinlock_t initialiser", "a spinlock_t starts unlocked");
	if (lf_is_p(p, "&")) {
		lf_next(p);
		lf_expect_name(p, v->init_ref, "a variable name after '&'");
	} else if (lf_is_id(p, "ATOMIC_INIT")) {
		lf_next(p);
		lf_expect(p, "(");
		v->init = lf_parse_signed_num(p);
		lf_expect(p, ")");
	} else if (lf_is_id(p, "true") || lf_is_id(p, "false")) {
		v->init = lf_is_id(p, "true");
		lf_next(p);
	} else if (p->tok.kind == T_ID) {
		lf_expect_name(p, v->init_ref, "a value");
	} else {
		v->init = lf_parse_signed_num(p);
	}
}

static int declare_init(struct lf_parser *p, const char *name, int kind, int line)
{
	int i = lf_var_find(p->g, name);
	if (i >= 0 && p->g->vars[i].in_init)
		lf_fail(p, line, "duplicate declaration of '%s' (first at line %d)", name,
			p->g->vars[i].line);
	i = lf_var_declare(p, name, kind, line);
	p->g->vars[i].in_init = true;
	return i;
}

static void parse_init_item(struct lf_parser *p)
{
	int line = p->tok.line, base, stars;
	char name[LF_NAME_MAX], b[64];
	if (p->tok.kind == T_NUM)
		lf_unsupported(p, line, "N:reg=value", "initial register values");
	if (lf_parse_type(p, &base, &stars)) {
		for (;;) {
			int s = stars;
			while (lf_is_p(p, "*")) {
				s++;
				lf_next(p);
			}
			lf_expect_name(p, name, "a variable name");
			if (lf_is_p(p, "["))
				lf_unsupported(p, line, "array", NULL);
			int i = declare_init(p, name, lf_base_kind(base, s), line);
			if (lf_is_p(p, "=")) {
				lf_next(p);
				parse_init_value(p, i);
			}
			if (!lf_is_p(p, ","))
				break;
			lf_next(p);
		}
		return;
	}
	if (p->tok.kind == T_ID) {
		struct lf_tok t = lf_peek(p);
		lf_tok_copy(&p->tok, name);
		if (t.kind == T_P && lf_tok_is(&t, "=")) {
			lf_next(p);
			lf_next(p);
			parse_init_value(p, declare_init(p, name, VK_NONE, line));
			return;
		}
		if (t.kind == T_ID)
			lf_unsupported(p, line, name, "type");
	}
	lf_fail(p, line, "syntax error: expected a declaration in the initial state before %s",
		lf_tok_str(&p->tok, b, sizeof(b)));
}

void lf_parse_init(struct lf_parser *p)
{
	char b[64];
	if (!lf_is_p(p, "{"))
		lf_fail(p, p->tok.line, "syntax error: expected '{' (the initial state) before %s",
			lf_tok_str(&p->tok, b, sizeof(b)));
	p->header = false;
	lf_next(p);
	while (!lf_is_p(p, "}")) {
		if (p->tok.kind == T_EOF)
			lf_fail(p, p->tok.line,
				"syntax error: unterminated initial state (missing '}')");
		if (lf_is_p(p, ";")) {
			lf_next(p);
			continue;
		}
		parse_init_item(p);
		if (!lf_is_p(p, "}") && !lf_is_p(p, ";"))
			lf_fail(p, p->tok.line, "syntax error: expected ';' before %s",
				lf_tok_str(&p->tok, b, sizeof(b)));
	}
	lf_next(p);
}
