/*
 * sim/schedfile.h: the two forms of a schedule.
 *
 * Raw bytes: one decision per byte (value mod the number of choices); the
 * default policy takes over when the bytes run out.  Used by fuzzers.
 *
 * .sched text, version 1:
 *     reqsim-schedule 1
 *     scenario sb
 *     param rounds=1            (one line per parameter)
 *     model tso
 *     arch x86
 *     bugs -                    (or a comma-separated list)
 *     build 3f2a...             (core/sim build id of the writer)
 *     origin random seed=1 run=17   (free text: how it was found)
 *     result litmus-exists steps=14 hash=0123456789abcdef sig=fedcba9876543210
 *     decisions 6
 *     t0 t1 d0 t1 e3 d1.2
 * Tokens: tN step thread N (tN.K: under wmm its load reads the K-th older
 * store than the latest it may read); dN drain thread N's oldest store; dN.K drain
 * entry K of thread N's buffer (PSO); eS deliver event S.  '#' starts a
 * comment.  Unknown keys, a wrong version, bad tokens or a decision count
 * that does not match are errors, reported with the line number.
 * In the result line, hash= is the trace hash (it names source lines: equal
 * only on the same build) and sig= the violation's signature (sim.h: it
 * survives edits); files written before sig= existed have only the kind.
 */
#ifndef REQSIM_SCHEDFILE_H
#define REQSIM_SCHEDFILE_H

#include "sim.h"

#define SCHED_VERSION 1

struct sched_file {
	char scenario[64];
	int nparams;
	char param_name[SCENARIO_PARAMS_MAX][32];
	long param_value[SCENARIO_PARAMS_MAX];
	int model, arch;
	uint64_t bugs;
	char build[80];
	char origin[160];
	char result[160];
	bool has_hash;
	uint64_t hash;
	char result_kind[32];  /* first word of the result line ("clean", a kind) */
	bool has_sig;
	uint64_t sig;          /* the violation's signature (sim_signature) */
	struct sim_choice *choices;
	size_t n;
};

/* 0 on success; else a one-line message in err. */
int sched_read(const char *path, struct sched_file *sf, char *err, size_t errlen);
void sched_free(struct sched_file *sf);
/* Writes atomically (temporary file + rename).  0 on success.  notes: NULL,
 * or lines written after the origin as comments ("# LINE"), which a reader
 * skips (run --bytes: an abstract input's constraints in words). */
int sched_write(const char *path, const struct sim_config *cfg,
		const struct sim_choice *c, size_t n, const char *origin, const char *notes,
		const struct sim_result *res, char *err, size_t errlen);
void sched_token(const struct sim_choice *c, char *buf, size_t len);
const char *reqsim_build_id(void);

#endif
