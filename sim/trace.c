/*
 * sim/trace.c: the three trace formats of a recorded run.
 *
 *   text      one column per thread (and one for events), like the
 *             two-column timelines of vcpu-requests.rst;
 *   jsonl     one JSON object per step, for scripts;
 *   perfetto  Chrome trace-event JSON: open it in ui.perfetto.dev.
 *
 * Invariant: output depends only on the trace records, which hold arena
 * offsets and static sites, never raw addresses: the same run prints the
 * same bytes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "sim_internal.h"

static const char *const fmt_names[TRACE_FORMAT_COUNT] = {"text", "jsonl", "perfetto"};

int trace_format_parse(const char *s)
{
	for (int i = 0; i < TRACE_FORMAT_COUNT; i++)
		if (!strcmp(s, fmt_names[i]))
			return i;
	return -1;
}

size_t sim_trace_length(const struct sim *sim) { return sim->ntr; }

static void loc_name(const struct sim *sim, uint64_t loc, char *buf, size_t len)
{
	for (int i = 0; i < sim->nnames; i++) {
		const struct sim_name *n = &sim->names[i];
		if (loc >= n->loc && loc < n->loc + n->size) {
			snprintf(buf, len, "%s", n->name);
			return;
		}
	}
	snprintf(buf, len, "@%" PRIx64, (uint64_t)(loc & 0xffffffffffULL));
}

/* A step on a named location (vcpu->mode, ->requests, the wait task, ...)
 * is one of the handshake's decisive steps: the text trace marks it. */
static bool decisive(const struct sim *sim, const struct trace_rec *r)
{
	if (!r->loc || r->ckind == CH_EVENT)
		return false;
	for (int i = 0; i < sim->nnames; i++)
		if (r->loc >= sim->names[i].loc && r->loc < sim->names[i].loc + sim->names[i].size)
			return true;
	return false;
}

static void val_text(uint64_t v, char *buf, size_t len)
{
	if (v >> 62) /* an arena/stack identity: a pointer */
		snprintf(buf, len, "&%" PRIx64, (uint64_t)(v & 0xffffffffffULL));
	else
		snprintf(buf, len, "%" PRId64, (int64_t)v);
}

static const char *const drain_kinds[] = {"store", "or", "andnot", "add",
					  "unlock", "read-unlock"};

/* One line of human text for a record. */
static void rec_text(const struct sim *sim, const struct trace_rec *r, char *buf,
		     size_t len)
{
	char loc[40], v[32], v2[32];
	const char *label = r->site ? r->site->label : "";
	loc_name(sim, r->loc, loc, sizeof(loc));
	val_text(r->val, v, sizeof(v));
	val_text(r->val2, v2, sizeof(v2));
	if (r->ckind == CH_EVENT) {
		snprintf(buf, len, "%s", r->note);
		return;
	}
	if (r->ckind == CH_DRAIN) {
		if (r->opkind >= SB_UNLOCK_W)
			snprintf(buf, len, "~ %s visible", label);
		else
			snprintf(buf, len, "~ %s=%s visible (%s)%s%s", loc, v, drain_kinds[r->opkind],
				 r->flags & TR_OLD ? ", " : "", r->flags & TR_OLD ? r->note : "");
		return;
	}
	switch (r->opkind) {
	case OP_LOAD:
		snprintf(buf, len, "%s -> %s%s%s%s", label, v,
			 r->flags & TR_FORWARD ? " (fwd)" : "",
			 r->flags & TR_OLD ? " from " : "", r->flags & TR_OLD ? r->note : "");
		break;
	case OP_STORE:
	case OP_STORE_MB:
		snprintf(buf, len, "%s %s=%s%s", label, loc, v,
			 r->flags & TR_BUFFERED ? " (buffered)" : "");
		break;
	case OP_RMW:
		snprintf(buf, len, "%s %s: old %s%s", label, loc, v,
			 r->flags & TR_BUFFERED ? " (buffered)" : "");
		break;
	default:
		if (r->note[0])
			snprintf(buf, len, "%s: %s", label, r->note);
		else
			snprintf(buf, len, "%s", label);
		break;
	}
}

static void json_str(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20)
			fprintf(out, "\\u%04x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

static const char *ckind_name(int k)
{
	return k == CH_STEP ? "step" : k == CH_DRAIN ? "drain" : "event";
}

static const char *base(const char *p)
{
	const char *s = p ? strrchr(p, '/') : NULL;
	return s ? s + 1 : p ? p : "";
}

#define COL 38

static void write_text(struct sim *sim, FILE *out)
{
	int ncol = sim->nthreads;
	char cell[256];
	fprintf(out, "%6s %6s", "step", "time");
	for (int i = 0; i < ncol; i++)
		fprintf(out, " | %-*.*s", COL, COL, sim->threads[i].name);
	fprintf(out, " | events   (* = step on a named location: the handshake)\n");
	for (size_t k = 0; k < sim->ntr; k++) {
		const struct trace_rec *r = &sim->tr[k];
		int col = r->ckind == CH_EVENT ? ncol : r->tid;
		rec_text(sim, r, cell, sizeof(cell));
		fprintf(out, "%c%5" PRIu64 " %6" PRIu64, decisive(sim, r) ? '*' : ' ',
			r->step, r->time);
		for (int i = 0; i < ncol; i++)
			fprintf(out, " | %-*.*s", COL, COL, i == col ? cell : "");
		fprintf(out, " | %s\n", col == ncol ? cell : "");
	}
}

static void write_jsonl(struct sim *sim, FILE *out)
{
	char text[256], loc[40];
	for (size_t k = 0; k < sim->ntr; k++) {
		const struct trace_rec *r = &sim->tr[k];
		rec_text(sim, r, text, sizeof(text));
		loc_name(sim, r->loc, loc, sizeof(loc));
		fprintf(out, "{\"step\":%" PRIu64 ",\"time\":%" PRIu64 ",\"kind\":\"%s\"",
			r->step, r->time, ckind_name(r->ckind));
		if (r->ckind != CH_EVENT) {
			fprintf(out, ",\"tid\":%d,\"thread\":", r->tid);
			json_str(out, sim->threads[r->tid].name);
		}
		if (r->ckind == CH_STEP)
			fprintf(out, ",\"op\":\"%s\"", sim_op_name(r->opkind));
		if (r->site) {
			fprintf(out, ",\"file\":");
			json_str(out, base(r->site->file));
			fprintf(out, ",\"line\":%d,\"func\":", r->site->line);
			json_str(out, r->site->func);
			fprintf(out, ",\"label\":");
			json_str(out, r->site->label);
		}
		if (r->loc) {
			fprintf(out, ",\"loc\":");
			json_str(out, loc);
		}
		fprintf(out, ",\"value\":%" PRId64 ",\"buffered\":%s,\"forwarded\":%s,"
			     "\"older_store\":%s,\"text\":",
			(int64_t)r->val, r->flags & TR_BUFFERED ? "true" : "false",
			r->flags & TR_FORWARD ? "true" : "false",
			r->flags & TR_OLD ? "true" : "false");
		json_str(out, text);
		fprintf(out, "}\n");
	}
}

static void write_perfetto(struct sim *sim, FILE *out)
{
	char text[256];
	int ev_tid = 1000;
	fprintf(out, "{\"displayTimeUnit\":\"ns\",\"traceEvents\":[\n");
	fprintf(out, "{\"name\":\"process_name\",\"ph\":\"M\",\"pid\":1,\"tid\":0,"
		     "\"args\":{\"name\":");
	json_str(out, sim->cfg.scenario->name);
	fprintf(out, "}}");
	for (int i = 0; i < sim->nthreads; i++) {
		fprintf(out, ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":%d,"
			     "\"args\":{\"name\":", i);
		json_str(out, sim->threads[i].name);
		fprintf(out, "}}");
	}
	fprintf(out, ",\n{\"name\":\"thread_name\",\"ph\":\"M\",\"pid\":1,\"tid\":%d,"
		     "\"args\":{\"name\":\"events\"}}", ev_tid);
	for (size_t k = 0; k < sim->ntr; k++) {
		const struct trace_rec *r = &sim->tr[k];
		rec_text(sim, r, text, sizeof(text));
		/* one virtual nanosecond is drawn as one microsecond */
		fprintf(out, ",\n{\"name\":");
		json_str(out, text);
		fprintf(out, ",\"cat\":\"%s\",\"ph\":\"%s\",\"ts\":%" PRIu64
			     ",%s\"pid\":1,\"tid\":%d,\"args\":{\"step\":%" PRIu64,
			ckind_name(r->ckind), r->ckind == CH_EVENT ? "i" : "X", r->time,
			r->ckind == CH_EVENT ? "\"s\":\"t\"," : "\"dur\":1,",
			r->ckind == CH_EVENT ? ev_tid : r->tid, r->step);
		if (r->site) {
			char site[300];
			sim_site_str(r->site, site, sizeof(site));
			fprintf(out, ",\"site\":");
			json_str(out, site);
		}
		fprintf(out, "}}");
	}
	fprintf(out, "\n]}\n");
}

void sim_trace_write(struct sim *sim, FILE *out, int format)
{
	switch (format) {
	case TRACE_JSONL: write_jsonl(sim, out); break;
	case TRACE_PERFETTO: write_perfetto(sim, out); break;
	default: write_text(sim, out); break;
	}
}
