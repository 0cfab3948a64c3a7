/*
 * cli/reqsim.c: the reqsim command line.
 *
 *   reqsim list [scenarios|bugs|models|strategies]
 *   reqsim run SCENARIO [config] [--seed S] [--strategy K] [--bytes FILE]
 *   reqsim replay FILE.sched [--trace FMT] [-o FILE]
 *   reqsim minimize FILE.sched [--save OUT]
 *   reqsim explore SCENARIO|all [config] --strategy random|pct|dfs
 *                  --budget N --seed S [--out DIR]
 *   reqsim litmus FILE.litmus...|DIR [--model M] [--budget N] [-q] [--witness]
 *   reqsim stress SCENARIO [...]   execs reqsim-stress (the native build)
 *
 * Exit status: 0 clean, 1 violation found, 2 usage or input error.  Every
 * error is one line on stderr.  Every run prints the identity that replays
 * it, and every violation found is saved as a .sched file.
 *
 * This file parses options, prints and reads/writes files.  Exploration
 * (workers, dfs jobs, findings per signature), the PCT length estimate and
 * ddmin minimisation are the library in sim/explore.h.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "explore.h"
#include "snapshot.h"
#include "litmus.h"
#include "scenarios.h"
#include "schedfile.h"
#include "sim.h"
#include "abstract.h"
#include "strategy.h"

#define EXIT_CLEAN 0
#define EXIT_VIOLATION 1
#define EXIT_USAGE 2

static _Noreturn void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static _Noreturn void usage_error(const char *fmt, ...)
{
	va_list ap;
	fputs("reqsim: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_USAGE);
}

static const char usage_text[] =
	"usage: reqsim COMMAND [options]\n"
	"\n"
	"Deterministic simulator of the KVM vCPU request protocol.\n"
	"\n"
	"commands:\n"
	"  list [scenarios|bugs|models|strategies|verdicts]   what exists;\n"
	"                                --verdicts: expected verdict table\n"
	"                                (--tsv: tab-separated, for scripts);\n"
	"                                'list scenarios --tsv': NAME<TAB>ARCHS per\n"
	"                                scenario, ARCHS a comma list (x86,arm64)\n"
	"  run SCENARIO [options]        one schedule (random seed, raw bytes)\n"
	"  replay FILE.sched [options]   replay a saved schedule bit for bit\n"
	"  minimize FILE.sched [--save OUT]  shrink a failing schedule (ddmin) while\n"
	"                                the same violation signature fires\n"
	"  explore SCENARIO|all [options]  many schedules under a strategy\n"
	"  litmus FILE.litmus...|DIR     C litmus tests (the kernel's tools/memory-model\n"
	"                                format), every schedule under every model;\n"
	"                                see 'reqsim litmus --help'\n"
	"  stress SCENARIO [options]     the core on real threads (native backend),\n"
	"                                for a time, with real-time oracles; --tsan for\n"
	"                                the ThreadSanitizer build; see 'reqsim stress --help'\n"
	"  import CRASH --config LINE [--save OUT.sched]  a fuzzer input (raw bytes)\n"
	"                                as a .sched; LINE is the configuration the\n"
	"                                fuzz target printed ('scenario=S model=M\n"
	"                                arch=A k=v... bugs=b1,b2|-'); default OUT is\n"
	"                                CRASH.sched\n"
	"  version                       build id (what .sched files record)\n"
	"  help                          this text\n"
	"\n"
	"configuration (run, explore; replay takes them from the file):\n"
	"  --model sc|tso|pso|wmm memory model (default sc)\n"
	"  --arch x86|arm64       arch profile (default x86)\n"
	"  --bug NAME             enable a bug variant (repeatable)\n"
	"  --param NAME=VALUE     scenario parameter (repeatable)\n"
	"  --steps-max N          livelock budget per run (default 100000)\n"
	"  --switch asm|ucontext  context switch implementation\n"
	"\n"
	"run:\n"
	"  --strategy default|random|pct  (default random)\n"
	"  --seed S  --run I      PRNG seed and run index (default 0 0)\n"
	"  --depth D              PCT depth (default 3)\n"
	"  --bytes FILE           fuzzer input: raw schedule bytes, or an abstract\n"
	"                         schedule (starts with RQA1, sim/abstract.h), whose\n"
	"                         constraints are printed in words after the result\n"
	"  --save FILE.sched      save the schedule that ran\n"
	"  --save-bytes FILE      save it as fuzzer bytes (run --bytes, the fuzz\n"
	"                         targets and corpus/ read them); also for replay\n"
	"\n"
	"explore:\n"
	"  all                    every scenario; one that does not run on --arch\n"
	"                         (async_pf is x86 only) is skipped, with a line\n"
	"                         'skipped SCENARIO: ...'; a named one is refused\n"
	"  --strategy random|pct|dfs|stateful  (default pct)\n"
	"  --budget N             schedules to run (default 1000)\n"
	"  --seed S               base seed (default 1)\n"
	"  --depth D              PCT depth (default 3)\n"
	"  --depth-max N          dfs: steps explored per schedule (0: all); the\n"
	"                         rest of a schedule runs the default policy\n"
	"  --preemptions K        dfs: at most K preemptions per schedule\n"
	"  --no-reduction         dfs: brute force, every schedule (for comparison);\n"
	"                         stateful: every choice of every state\n"
	"  --mem-max MIB          stateful: memory for the state table and the\n"
	"                         checkpoints (default 4096); beyond it the search\n"
	"                         stops and says it is incomplete\n"
	"  --states-max N         stateful: stop after storing N states (0: none)\n"
	"  --out DIR              where violating schedules go (default schedules)\n"
	"  --stop-on-first        stop at the first violation\n"
	"  --all-models           explore every model in turn\n"
	"  --jobs N, -j N         N worker threads: random/pct/default run i goes to\n"
	"                         worker i mod N; dfs deals out subtrees; the\n"
	"                         results are the same for any N\n"
	"\n"
	"output (run, replay):\n"
	"  --trace text|jsonl|perfetto   print the interleaving\n"
	"  -o, --trace-out FILE          write the trace to FILE\n"
	"\n"
	"exit status: 0 clean, 1 violation found, 2 usage or input error\n";

/* ---- option parsing --------------------------------------------------------------- */

struct opts {
	const char *cmd;
	const char *target; /* scenario name or schedule file */
	int model, arch, switch_impl;
	bool model_set, arch_set;
	const char *bug_names[64];
	int nbugs;
	const char *param_args[SCENARIO_PARAMS_MAX * 2];
	int nparams;
	uint64_t steps_max;
	int strategy;
	uint64_t seed, run, budget, depth_max;
	int depth;
	const char *bytes_file, *save, *save_bytes, *out_dir, *trace_out;
	int trace;
	bool stop_on_first, all_models, quiet, verdicts, tsv, no_reduction;
	int jobs;
	int preemptions; /* dfs: -1 unbounded */
	uint64_t mem_max_mib, states_max; /* stateful */
	const char *config; /* import: the fuzz target's configuration line */
};

static uint64_t parse_num(const char *opt, const char *s, uint64_t min, uint64_t max)
{
	char *end;
	if (!s || !*s)
		usage_error("%s needs a number", opt);
	if (*s == '-')
		usage_error("%s: '%s' is not a non-negative number", opt, s);
	errno = 0;
	unsigned long long v = strtoull(s, &end, 0);
	if (end == s || *end)
		usage_error("%s: '%s' is not a number", opt, s);
	if (errno == ERANGE)
		usage_error("%s: '%s' is out of range [%" PRIu64 ", %" PRIu64 "]", opt, s, min, max);
	if (errno)
		usage_error("%s: '%s' is not a number", opt, s);
	if (v < min || v > max)
		usage_error("%s: %llu is out of range [%" PRIu64 ", %" PRIu64 "]", opt, v,
			    min, max);
	return v;
}

static const char *need_arg(int argc, char **argv, int *i)
{
	if (*i + 1 >= argc)
		usage_error("%s needs a value", argv[*i]);
	return argv[++*i];
}

static void parse_opts(int argc, char **argv, struct opts *o)
{
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--model")) {
			const char *v = need_arg(argc, argv, &i);
			if ((o->model = sim_model_parse(v)) < 0)
				usage_error("unknown model '%s' (models: sc tso pso wmm)", v);
			o->model_set = true;
		} else if (!strcmp(a, "--arch")) {
			const char *v = need_arg(argc, argv, &i);
			if ((o->arch = sim_arch_parse(v)) < 0)
				usage_error("unknown arch '%s' (archs: x86 arm64)", v);
			o->arch_set = true;
		} else if (!strcmp(a, "--bug")) {
			const char *v = need_arg(argc, argv, &i);
			if (sim_bug_parse(v) < 0)
				usage_error("unknown bug '%s' (see 'reqsim list bugs')", v);
			if (o->nbugs == 64)
				usage_error("too many --bug options");
			o->bug_names[o->nbugs++] = v;
		} else if (!strcmp(a, "--param")) {
			if (o->nparams == SCENARIO_PARAMS_MAX * 2)
				usage_error("too many --param options");
			o->param_args[o->nparams++] = need_arg(argc, argv, &i);
		} else if (!strcmp(a, "--config")) {
			o->config = need_arg(argc, argv, &i);
		} else if (!strcmp(a, "--steps-max")) {
			o->steps_max = parse_num(a, need_arg(argc, argv, &i), 1, 1ULL << 32);
		} else if (!strcmp(a, "--switch")) {
			const char *v = need_arg(argc, argv, &i);
			o->switch_impl = sim_switch_parse(v);
			if (o->switch_impl < 0 || !sim_switch_available(o->switch_impl))
				usage_error("context switch '%s' is not available in this build", v);
		} else if (!strcmp(a, "--strategy")) {
			const char *v = need_arg(argc, argv, &i);
			o->strategy = strategy_parse(v);
			if (o->strategy < 0 || o->strategy == ST_BYTES || o->strategy == ST_REPLAY ||
			    o->strategy == ST_ABSTRACT)
				usage_error("unknown strategy '%s' (random, pct, dfs, stateful, "
					    "default)", v);
		} else if (!strcmp(a, "--seed")) {
			o->seed = parse_num(a, need_arg(argc, argv, &i), 0, UINT64_MAX);
		} else if (!strcmp(a, "--run")) {
			o->run = parse_num(a, need_arg(argc, argv, &i), 0, UINT64_MAX);
		} else if (!strcmp(a, "--budget")) {
			o->budget = parse_num(a, need_arg(argc, argv, &i), 1, 1ULL << 40);
		} else if (!strcmp(a, "--depth")) {
			o->depth = (int)parse_num(a, need_arg(argc, argv, &i), 1, PCT_DEPTH_MAX);
		} else if (!strcmp(a, "--depth-max")) {
			o->depth_max = parse_num(a, need_arg(argc, argv, &i), 0, 1ULL << 32);
		} else if (!strcmp(a, "--preemptions")) {
			o->preemptions = (int)parse_num(a, need_arg(argc, argv, &i), 0, 1000);
		} else if (!strcmp(a, "--mem-max")) {
			o->mem_max_mib = parse_num(a, need_arg(argc, argv, &i), 16, 1ULL << 24);
		} else if (!strcmp(a, "--states-max")) {
			o->states_max = parse_num(a, need_arg(argc, argv, &i), 0, 1ULL << 40);
		} else if (!strcmp(a, "--no-reduction")) {
			o->no_reduction = true;
		} else if (!strcmp(a, "--bytes")) {
			o->bytes_file = need_arg(argc, argv, &i);
		} else if (!strcmp(a, "--save-bytes")) {
			o->save_bytes = need_arg(argc, argv, &i);
		} else if (!strcmp(a, "--save")) {
			o->save = need_arg(argc, argv, &i);
		} else if (!strcmp(a, "--out")) {
			o->out_dir = need_arg(argc, argv, &i);
		} else if (!strcmp(a, "--trace")) {
			const char *v = need_arg(argc, argv, &i);
			if ((o->trace = trace_format_parse(v)) < 0)
				usage_error("unknown trace format '%s' (text, jsonl, perfetto)", v);
		} else if (!strcmp(a, "-o") || !strcmp(a, "--trace-out")) {
			o->trace_out = need_arg(argc, argv, &i);
		} else if (!strcmp(a, "--stop-on-first")) {
			o->stop_on_first = true;
		} else if (!strcmp(a, "--jobs") || !strcmp(a, "-j")) {
			o->jobs = (int)parse_num(a, need_arg(argc, argv, &i), 1, 64);
		} else if (!strcmp(a, "--tsv")) {
			o->tsv = true;
		} else if (!strcmp(a, "--verdicts")) {
			o->verdicts = true;
		} else if (!strcmp(a, "--all-models")) {
			o->all_models = true;
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			o->quiet = true;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(usage_text, stdout);
			exit(EXIT_CLEAN);
		} else if (a[0] == '-') {
			usage_error("unknown option '%s' (see 'reqsim help')", a);
		} else if (!o->target) {
			o->target = a;
		} else {
			usage_error("unexpected argument '%s'", a);
		}
	}
}

/* Exits 2 with one line if scenario sc does not run on arch; where
 * prefixes the message ("FILE: "). */
static void need_arch(const struct scenario *sc, int arch, const char *where)
{
	char err[200];
	if (scenario_check_arch(sc, arch, err, sizeof(err)))
		usage_error("%s%s (see 'reqsim list scenarios')", where, err);
}

/* Build a configuration for scenario sc from the options. */
static void make_config(const struct opts *o, const struct scenario *sc,
			struct sim_config *cfg, bool strict_bugs)
{
	need_arch(sc, o->arch, "");
	sim_config_defaults(cfg, sc);
	cfg->model = o->model;
	cfg->arch = o->arch;
	if (o->switch_impl >= 0)
		cfg->switch_impl = o->switch_impl;
	if (o->steps_max)
		cfg->steps_max = o->steps_max;
	for (int i = 0; i < o->nbugs; i++) {
		int id = sim_bug_parse(o->bug_names[i]);
		if (!scenario_has_bug(sc, id)) {
			if (strict_bugs)
				usage_error("bug '%s' does not apply to scenario '%s' (it "
					    "belongs to %s)", o->bug_names[i], sc->name,
					    sim_bug_scope(id));
			continue;
		}
		cfg->bugs |= 1ULL << id;
	}
	for (int i = 0; i < o->nparams; i++) {
		const char *a = o->param_args[i], *eq = strchr(a, '=');
		int k;
		if (!eq || eq == a)
			usage_error("--param '%s': expected NAME=VALUE", a);
		for (k = 0; k < sc->nparams; k++)
			if (strlen(sc->params[k].name) == (size_t)(eq - a) &&
			    !strncmp(sc->params[k].name, a, (size_t)(eq - a)))
				break;
		if (k == sc->nparams) {
			if (!strict_bugs)
				continue;
			usage_error("scenario '%s' has no parameter '%.*s'%s", sc->name,
				    (int)(eq - a), a,
				    sc->nparams ? " (see 'reqsim list')" : " (it has none)");
		}
		char *end;
		errno = 0;
		long v = strtol(eq + 1, &end, 0);
		if (end == eq + 1 || *end || (errno && errno != ERANGE))
			usage_error("--param %s: '%s' is not a number", sc->params[k].name, eq + 1);
		if (errno == ERANGE)
			usage_error("--param %s: '%s' is out of range [%ld, %ld]",
				    sc->params[k].name, eq + 1, sc->params[k].min, sc->params[k].max);
		if (v < sc->params[k].min || v > sc->params[k].max)
			usage_error("--param %s: %ld is out of range [%ld, %ld]",
				    sc->params[k].name, v, sc->params[k].min, sc->params[k].max);
		cfg->params[k] = v;
	}
}

static const struct scenario *need_scenario(const char *name)
{
	if (!name)
		usage_error("which scenario? (see 'reqsim list scenarios')");
	const struct scenario *sc = scenario_find(name);
	if (!sc)
		usage_error("unknown scenario '%s' (see 'reqsim list scenarios')", name);
	return sc;
}

static void config_str(const struct sim_config *cfg, char *buf, size_t len)
{
	size_t n = (size_t)snprintf(buf, len, "scenario=%s model=%s arch=%s",
				    cfg->scenario->name, sim_model_name(cfg->model),
				    sim_arch_name(cfg->arch));
	for (int i = 0; i < cfg->scenario->nparams && n < len; i++)
		n += (size_t)snprintf(buf + n, len - n, " %s=%ld",
				      cfg->scenario->params[i].name, cfg->params[i]);
	if (n < len)
		n += (size_t)snprintf(buf + n, len - n, " bugs=");
	if (!cfg->bugs && n < len)
		n += (size_t)snprintf(buf + n, len - n, "-");
	for (int i = 0, first = 1; i < REQSIM_BUG_COUNT && n < len; i++)
		if ((cfg->bugs >> i) & 1) {
			n += (size_t)snprintf(buf + n, len - n, "%s%s", first ? "" : ",",
					      sim_bug_name(i));
			first = 0;
		}
}

static void print_violation(FILE *f, const struct sim_config *cfg,
			    const struct sim_result *r)
{
	fprintf(f, "VIOLATION %s at step %" PRIu64 ": %s\n", sim_viol_name(r->v.kind),
		r->v.step, r->v.msg);
	fprintf(f, "  signature %016" PRIx64 "\n", sim_signature(cfg, &r->v));
	for (int i = 0; i < r->v.nsites; i++) {
		char s[300];
		sim_site_str(r->v.sites[i], s, sizeof(s));
		fprintf(f, "  site %s\n", s);
	}
}

static FILE *open_out(const char *path)
{
	if (!path || !strcmp(path, "-"))
		return stdout;
	FILE *f = fopen(path, "w");
	if (!f)
		usage_error("%s: %s", path, strerror(errno));
	return f;
}

static void emit_trace(struct sim *sim, const struct opts *o)
{
	if (o->trace < 0)
		return;
	FILE *f = open_out(o->trace_out);
	sim_trace_write(sim, f, o->trace);
	if (f != stdout && fclose(f) != 0)
		usage_error("%s: write failed", o->trace_out);
}

static void save_schedule(const char *path, struct sim *sim, const char *origin,
			  const char *notes, const struct sim_result *res)
{
	char err[300];
	if (sched_write(path, sim_config(sim), sim_decisions(sim), sim_decision_count(sim),
			origin, notes, res, err, sizeof(err)))
		usage_error("%s", err);
}

/* The run's choices as fuzzer bytes (the strategy logged its indices). */
static void save_bytes(const char *path, const struct strategy *st)
{
	if (st->idx_too_wide)
		usage_error("%s: a choice had more than 256 options; no byte string "
			    "can name it", path);
	FILE *f = fopen(path, "wb");
	if (!f)
		usage_error("%s: cannot write: %s", path, strerror(errno));
	size_t n = st->idx_n ? fwrite(st->idx_log, 1, st->idx_n, f) : 0;
	if (fclose(f) != 0 || n != st->idx_n)
		usage_error("%s: write failed", path);
	printf("bytes saved to %s (%zu decisions; run them with --bytes %s)\n", path,
	       st->idx_n, path);
}

/* ---- list -------------------------------------------------------------------------- */

static void list_verdicts(bool tsv)
{
	int n = verdict_count();
	if (tsv) { /* one row per cell group, tab-separated, for scripts */
		for (int i = 0; i < n; i++) {
			const struct verdict_row *r = verdict_at(i);
			printf("%s\t%s\t%s\t%s", r->scenario,
			       r->bug >= 0 ? sim_bug_name(r->bug) : "-", r->params,
			       r->arch >= 0 ? sim_arch_name(r->arch) : "both");
			for (int m = 0; m < MODEL_COUNT; m++)
				printf("\t%s", verdict_name(r->expect[m]));
			printf("\n");
		}
		return;
	}
	printf("%-19s %-28s %-22s %-6s %-9s %-9s %-9s %-9s\n", "scenario", "bug",
	       "params", "arch", "sc", "tso", "pso", "wmm");
	for (int i = 0; i < n; i++) {
		const struct verdict_row *r = verdict_at(i);
		printf("%-19s %-28s %-22s %-6s %-9s %-9s %-9s %-9s\n", r->scenario,
		       r->bug >= 0 ? sim_bug_name(r->bug) : "-",
		       r->params[0] ? r->params : "-",
		       r->arch >= 0 ? sim_arch_name(r->arch) : "both",
		       verdict_name(r->expect[0]), verdict_name(r->expect[1]),
		       verdict_name(r->expect[2]), verdict_name(r->expect[3]));
	}
	printf("(expected verdict of the violation oracles over all schedules; "
	       "checked by ctest kvm_verdicts)\n");
}

static int cmd_list(const struct opts *o)
{
	const char *what = o->target ? o->target : "all";
	if (o->verdicts || !strcmp(what, "verdicts")) {
		list_verdicts(o->tsv);
		return EXIT_CLEAN;
	}
	bool all = !strcmp(what, "all");
	if (!all && strcmp(what, "scenarios") && strcmp(what, "bugs") &&
	    strcmp(what, "models") && strcmp(what, "strategies"))
		usage_error("list what? '%s' (scenarios, bugs, models, strategies, verdicts)",
			    what);
	if (o->tsv && strcmp(what, "scenarios"))
		usage_error("list: --tsv is for 'list scenarios' and 'list verdicts'");
	if (o->tsv) { /* NAME<TAB>ARCHS: what a campaign needs to leave cells out */
		for (int i = 0, n = scenario_count(); i < n; i++) {
			char archs[64];
			const struct scenario *sc = scenario_at(i);
			printf("%s\t%s\n", sc->name, scenario_archs_str(sc, archs, sizeof(archs)));
		}
		return EXIT_CLEAN;
	}
	if (all || !strcmp(what, "scenarios")) {
		if (all)
			printf("scenarios:\n");
		for (int i = 0, n = scenario_count(); i < n; i++) {
			const struct scenario *sc = scenario_at(i);
			char archs[64], only[80] = "";
			bool every = true;
			for (int a = 0; a < ARCH_COUNT; a++)
				every &= scenario_supports_arch(sc, a);
			if (!every) /* the restriction, on the scenario's own line */
				snprintf(only, sizeof(only), " [%s only]",
					 scenario_archs_str(sc, archs, sizeof(archs)));
			printf("  %-28s %s%s\n", sc->name, sc->summary, only);
			for (int k = 0; k < sc->nparams; k++)
				printf("  %-28s   --param %s=N (default %ld, %ld..%ld) %s\n", "",
				       sc->params[k].name, sc->params[k].def, sc->params[k].min,
				       sc->params[k].max, sc->params[k].help);
			for (int k = 0; k < 8 && sc->bugs[k] >= 0; k++)
				printf("  %-28s   --bug %s\n", "", sim_bug_name(sc->bugs[k]));
		}
	}
	if (all || !strcmp(what, "bugs")) {
		if (all)
			printf("bugs:\n");
		for (int i = 0; i < REQSIM_BUG_COUNT; i++)
			printf("  %-20s [%s] %s\n", sim_bug_name(i), sim_bug_scope(i),
			       sim_bug_text(i));
	}
	if (all || !strcmp(what, "models")) {
		if (all)
			printf("models:\n");
		printf("  sc    sequential consistency\n"
		       "  tso   x86-TSO: FIFO store buffers, locked RMWs are full fences\n"
		       "  pso   partial store order: per-location buffers, kernel atomics rules\n"
		       "  wmm   pso buffers + view-based loads (may read older stores); never\n"
		       "        shows what the Linux kernel memory model forbids\n");
	}
	if (all || !strcmp(what, "strategies")) {
		if (all)
			printf("strategies:\n");
		printf("  random   uniform random walk over enabled choices\n"
		       "  pct      probabilistic concurrency testing, depth --depth\n"
		       "  dfs      exhaustive depth-first search: DPOR + sleep sets (every\n"
		       "           behaviour once; --no-reduction: brute force)\n"
		       "  stateful exhaustive search over machine states: every reachable\n"
		       "           state once (fingerprints, checkpoints; --mem-max)\n"
		       "  default  deterministic: run each thread for a slice, drain late\n");
	}
	return EXIT_CLEAN;
}

/* ---- run ----------------------------------------------------------------------------- */

static uint8_t *read_bytes(const char *path, size_t *n)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		usage_error("%s: %s", path, strerror(errno));
	size_t cap = 4096, len = 0;
	uint8_t *b = malloc(cap);
	size_t got;
	while (b && (got = fread(b + len, 1, cap - len, f)) > 0) {
		len += got;
		if (len == cap) {
			if (cap >= (64u << 20))
				usage_error("%s: larger than 64 MiB", path);
			cap *= 2;
			b = realloc(b, cap);
		}
	}
	if (!b)
		usage_error("out of memory");
	if (ferror(f))
		usage_error("%s: read error", path);
	fclose(f);
	*n = len;
	return b;
}

static void print_result(struct sim *sim, const struct sim_result *r,
			 const char *identity)
{
	const struct sim_config *cfg = sim_config(sim);
	char c[512], outcome[200];
	sim_outcome(sim, outcome, sizeof(outcome));
	config_str(cfg, c, sizeof(c));
	printf("run %s %s\n", c, identity);
	if (r->violated)
		print_violation(stdout, cfg, r);
	printf("result %s steps=%" PRIu64 " decisions=%" PRIu64 " vtime=%" PRIu64
	       "ns hash=%016" PRIx64 "%s%s\n",
	       r->violated ? "violation" : "clean", r->steps, r->decisions, r->vtime_ns,
	       r->hash, outcome[0] ? " outcome: " : "", outcome);
}

/* The constraints of an abstract input in words, one line each, their sites
 * named "function:label" from the sites its run reached (cfg.track_rf: the
 * site of each step, what its load read from, the stores it made visible;
 * tracking records and never changes a decision).  A site the run never
 * reached is given as its id. */
#define NAMED_SITES 1024
struct named_sites {
	const struct sim *sim;
	int n;
	uint32_t id[NAMED_SITES];
	char name[NAMED_SITES][128];
};

static void note_site(struct named_sites *t, const struct platform_site *s)
{
	if (!s || t->n == NAMED_SITES)
		return;
	uint32_t id = abs_site_id(s);
	for (int i = 0; i < t->n; i++)
		if (t->id[i] == id)
			return;
	t->id[t->n] = id;
	snprintf(t->name[t->n++], sizeof(t->name[0]), "%s:%s", s->func ? s->func : "?",
		 s->label ? s->label : "?");
}

/* The sites the step sim just took reached. */
static void note_step_sites(struct named_sites *t, const struct sim *sim)
{
	const struct platform_site *ld, *stp, *fl[16];
	note_site(t, sim_step_site(sim));
	if (sim_step_reads_from(sim, &ld, &stp)) {
		note_site(t, ld);
		note_site(t, stp);
	}
	int nfl = sim_step_flushed(sim, fl, 16);
	for (int k = 0; k < nfl; k++)
		note_site(t, fl[k]);
}

static const char *site_name(uint32_t id, void *ctx)
{
	const struct named_sites *t = ctx;
	for (int i = 0; i < t->n; i++)
		if (t->id[i] == id)
			return t->name[i];
	return NULL;
}

static const char *thread_name(int tid, void *ctx)
{
	const struct named_sites *t = ctx;
	return tid < sim_thread_count(t->sim) ? sim_thread_name(t->sim, tid) : NULL;
}

/* The input's constraints in words, a line each ("constraint N: ..."), into
 * a buffer the caller frees: printed after the result, and kept in a saved
 * schedule as comments (so a campaign's report shows them). */
static char *describe_constraints(const struct abs_prog *p, struct named_sites *t)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	if (!f)
		usage_error("out of memory");
	for (int k = 0; k < p->n; k++) {
		char line[600];
		abs_describe_con(&p->c[k], site_name, thread_name, t, line, sizeof(line));
		fprintf(f, "constraint %d: %s\n", k + 1, line);
	}
	if (fclose(f) != 0 || !out)
		usage_error("out of memory");
	return out;
}

static int cmd_run(struct opts *o)
{
	const struct scenario *sc = need_scenario(o->target);
	struct sim_config cfg;
	struct strategy st;
	struct sim_result res;
	uint8_t *bytes = NULL;
	size_t nbytes = 0;
	char identity[200];
	struct abs_prog prog;

	struct named_sites *names = NULL; /* an abstract input with constraints */
	bool abstract = false;

	make_config(o, sc, &cfg, true);
	cfg.trace = o->trace >= 0;
	if (o->bytes_file) {
		bytes = read_bytes(o->bytes_file, &nbytes);
		abstract = abs_is_abstract(bytes, nbytes);
		if (abstract) {
			char err[200];
			if (abs_parse(bytes, nbytes, &prog, err, sizeof(err)))
				usage_error("%s: %s", o->bytes_file, err);
			if (prog.n && !(names = calloc(1, sizeof(*names))))
				usage_error("out of memory");
			cfg.track_rf = names != NULL; /* the sites the run reaches */
		}
	}
	struct sim *sim = sim_new(&cfg);
	if (names)
		names->sim = sim;
	if (o->bytes_file) {
		if (abstract) { /* the abstract form (sim/abstract.h) */
			strategy_init(&st, ST_ABSTRACT, 0);
			strategy_set_abstract(&st, &prog, sim);
			snprintf(identity, sizeof(identity), "abstract=%s (%d constraints, %s seed %u)",
				 o->bytes_file, prog.n, abs_policy_name(prog.policy), prog.seed);
		} else {
			strategy_init(&st, ST_BYTES, 0);
			strategy_set_bytes(&st, bytes, nbytes);
			snprintf(identity, sizeof(identity), "bytes=%s (%zu bytes)", o->bytes_file,
				 nbytes);
		}
	} else {
		int kind = o->strategy < 0 ? ST_RANDOM : o->strategy;
		if (kind == ST_DFS || kind == ST_STATEFUL)
			usage_error("run takes one schedule; use 'explore --strategy %s'",
				    strategy_name(kind));
		strategy_init(&st, kind, o->seed);
		st.depth = o->depth;
		if (kind == ST_PCT)
			st.pct_steps = explore_pct_estimate(sim);
		snprintf(identity, sizeof(identity), "strategy=%s seed=%" PRIu64 " run=%" PRIu64,
			 strategy_name(kind), o->seed, o->run);
		if (kind == ST_PCT)
			snprintf(identity + strlen(identity), sizeof(identity) - strlen(identity),
				 " depth=%d k=%" PRIu64, st.depth, st.pct_steps);
	}
	if (o->save_bytes)
		strategy_log_indices(&st);
	strategy_begin_run(&st, o->run);
	if (names) { /* sim_run(), naming the sites of each step */
		sim_begin(sim, &st);
		while (sim_step(sim))
			note_step_sites(names, sim);
		sim_finish(sim, &res);
	} else
		sim_run(sim, &st, &res);
	emit_trace(sim, o);
	print_result(sim, &res, identity);
	char *cons = names ? describe_constraints(&prog, names) : NULL;
	if (cons)
		fputs(cons, stdout);
	if (o->save_bytes)
		save_bytes(o->save_bytes, &st);
	if (o->save) {
		save_schedule(o->save, sim, identity, cons, &res);
		printf("schedule saved to %s (replay: reqsim replay %s)\n", o->save, o->save);
	}
	free(cons);
	strategy_free(&st);
	sim_free(sim);
	free(names);
	free(bytes);
	return res.violated ? EXIT_VIOLATION : EXIT_CLEAN;
}

/* ---- replay -------------------------------------------------------------------------- */

/* Read a .sched file and the configuration it was recorded with, checking
 * it against the command line.  Exits 2 with one line on any mismatch. */
static void load_schedule(struct opts *o, const char *what, struct sched_file *out,
			  struct sim_config *cfgp)
{
	struct sched_file sf;
	char err[400];
	if (!o->target)
		usage_error("%s which schedule file?", what);
	if (o->bytes_file || o->nparams || o->strategy >= 0)
		usage_error("%s takes its configuration from the file; "
			    "use 'run --bytes' for raw bytes", what);
	if (sched_read(o->target, &sf, err, sizeof(err)))
		usage_error("%s", err);
	const struct scenario *sc = scenario_find(sf.scenario);
	if (!sc)
		usage_error("%s: unknown scenario '%s'", o->target, sf.scenario);
	char where[PATH_MAX + 8];
	snprintf(where, sizeof(where), "%s: ", o->target);
	need_arch(sc, sf.arch, where);
	if (o->model_set && o->model != sf.model)
		usage_error("%s was recorded under model %s, not %s", o->target,
			    sim_model_name(sf.model), sim_model_name(o->model));
	if (o->arch_set && o->arch != sf.arch)
		usage_error("%s was recorded for arch %s, not %s", o->target,
			    sim_arch_name(sf.arch), sim_arch_name(o->arch));
	struct sim_config cfg;
	sim_config_defaults(&cfg, sc);
	cfg.model = sf.model;
	cfg.arch = sf.arch;
	cfg.bugs = sf.bugs;
	if (o->switch_impl >= 0)
		cfg.switch_impl = o->switch_impl;
	if (o->steps_max)
		cfg.steps_max = o->steps_max;
	for (int i = 0; i < REQSIM_BUG_COUNT; i++)
		if ((sf.bugs >> i) & 1 && !scenario_has_bug(sc, i))
			usage_error("%s: bug '%s' does not apply to scenario '%s'", o->target,
				    sim_bug_name(i), sc->name);
	for (int i = 0; i < o->nbugs; i++)
		if (!((sf.bugs >> sim_bug_parse(o->bug_names[i])) & 1))
			usage_error("%s was recorded without bug '%s'", o->target, o->bug_names[i]);
	for (int i = 0; i < sf.nparams; i++) {
		int k;
		for (k = 0; k < sc->nparams; k++)
			if (!strcmp(sc->params[k].name, sf.param_name[i]))
				break;
		if (k == sc->nparams)
			usage_error("%s: scenario '%s' has no parameter '%s'", o->target,
				    sc->name, sf.param_name[i]);
		if (sf.param_value[i] < sc->params[k].min || sf.param_value[i] > sc->params[k].max)
			usage_error("%s: parameter %s=%ld is out of range", o->target,
				    sf.param_name[i], sf.param_value[i]);
		cfg.params[k] = sf.param_value[i];
	}
	if (sf.build[0] && strcmp(sf.build, reqsim_build_id()))
		fprintf(stderr, "reqsim: note: %s was written by build %s, this is %s\n",
			o->target, sf.build, reqsim_build_id());
	cfg.trace = o->trace >= 0;
	*out = sf;
	*cfgp = cfg;
}

/* reqsim import CRASH --config LINE: the fuzz target's configuration line
 * (fuzz/harness.c prints it with every finding) plus the raw bytes make one
 * run, saved as a .sched with its header. */
static int cmd_import(struct opts *o)
{
	static char buf[1024];
	static char save[4096];
	if (!o->target)
		usage_error("import: which crash file? (reqsim import CRASH --config LINE)");
	if (!o->config)
		usage_error("import: --config LINE is required (the configuration line the "
			    "fuzz target printed)");
	if (o->nbugs || o->nparams || o->model_set || o->arch_set || o->bytes_file)
		usage_error("import: the configuration comes from --config only");
	if (strlen(o->config) >= sizeof(buf))
		usage_error("import: --config is too long");
	strcpy(buf, o->config);
	const char *scen = NULL;
	for (char *tok = strtok(buf, " \t"); tok; tok = strtok(NULL, " \t")) {
		char *eq = strchr(tok, '=');
		if (!eq || eq == tok)
			usage_error("import: --config: '%s' is not KEY=VALUE", tok);
		*eq = 0;
		const char *v = eq + 1;
		if (!strcmp(tok, "scenario")) {
			scen = v;
		} else if (!strcmp(tok, "model")) {
			if ((o->model = sim_model_parse(v)) < 0)
				usage_error("import: unknown model '%s' (models: sc tso pso wmm)", v);
			o->model_set = true;
		} else if (!strcmp(tok, "arch")) {
			if ((o->arch = sim_arch_parse(v)) < 0)
				usage_error("import: unknown arch '%s' (archs: x86 arm64)", v);
			o->arch_set = true;
		} else if (!strcmp(tok, "bugs")) {
			if (!strcmp(v, "-"))
				continue;
			for (char *b = (char *)v, *next; b && *b; b = next) {
				next = strchr(b, ',');
				if (next)
					*next++ = 0;
				if (sim_bug_parse(b) < 0)
					usage_error("import: unknown bug '%s' (see 'reqsim list bugs')", b);
				if (o->nbugs == 64)
					usage_error("import: too many bugs");
				o->bug_names[o->nbugs++] = b;
			}
		} else {
			*eq = '='; /* a scenario parameter, checked by make_config */
			if (o->nparams == SCENARIO_PARAMS_MAX * 2)
				usage_error("import: too many parameters");
			o->param_args[o->nparams++] = tok;
		}
	}
	if (!scen)
		usage_error("import: --config has no scenario=NAME");
	need_arch(need_scenario(scen), o->arch, "import: --config: ");
	o->bytes_file = o->target;
	if (!o->save) {
		if ((size_t)snprintf(save, sizeof(save), "%s.sched", o->target) >= sizeof(save))
			usage_error("import: crash file name too long");
		o->save = save;
	}
	o->target = scen;
	return cmd_run(o);
}

/* How a replay compares with what the file recorded: one line on stdout,
 * "replay: VERDICT ...", with VERDICT one of
 *   same-violation       the recorded violation, same signature;
 *   other-violation      a violation with another signature (both named);
 *   no-violation         the run is clean where a violation was recorded;
 *   new-violation        a violation where the run was recorded clean;
 *   clean                clean, as recorded;
 *   unfit                the decisions do not fit this build's run (a choice
 *                        is not enabled, or they run out or are left over).
 * Files written before signatures were recorded compare by kind only.
 * Signatures survive edits (sim.h); trace hashes name lines, so they are
 * compared only when the file comes from this very build. */
static int replay_verdict(const struct sched_file *sf, const struct sim_config *cfg,
			  const struct sim_result *res)
{
	bool was_violation = sf->result_kind[0] && strcmp(sf->result_kind, "clean");
	uint64_t sig = res->violated ? sim_signature(cfg, &res->v) : 0;
	const char *kind = res->violated ? sim_viol_name(res->v.kind) : "clean";
	if (!sf->result_kind[0]) {
		printf("replay: %s (the file records no result)\n",
		       res->violated ? "violation" : "clean");
	} else if (was_violation && res->violated) {
		bool same = sf->has_sig ? sf->sig == sig : !strcmp(sf->result_kind, kind);
		if (same && sf->has_sig)
			printf("replay: same-violation %s, signature %016" PRIx64 "\n", kind, sig);
		else if (same)
			printf("replay: same-violation %s (by kind: the file records no "
			       "signature), signature %016" PRIx64 "\n", kind, sig);
		else if (sf->has_sig)
			printf("replay: other-violation: recorded %s %016" PRIx64 ", now %s %016" PRIx64
			       "\n", sf->result_kind, sf->sig, kind, sig);
		else
			printf("replay: other-violation: recorded %s, now %s %016" PRIx64 "\n",
			       sf->result_kind, kind, sig);
	} else if (was_violation) {
		if (sf->has_sig)
			printf("replay: no-violation (recorded %s %016" PRIx64 ")\n",
			       sf->result_kind, sf->sig);
		else
			printf("replay: no-violation (recorded %s)\n", sf->result_kind);
	} else if (res->violated) {
		printf("replay: new-violation %s %016" PRIx64 " (recorded clean)\n", kind, sig);
	} else {
		printf("replay: clean, as recorded\n");
	}
	return res->violated ? EXIT_VIOLATION : EXIT_CLEAN;
}

static int cmd_replay(struct opts *o)
{
	struct sched_file sf;
	struct sim_config cfg;
	load_schedule(o, "replay", &sf, &cfg);
	bool same_build = !sf.build[0] || !strcmp(sf.build, reqsim_build_id());
	struct sim *sim = sim_new(&cfg);
	struct strategy st;
	struct sim_result res;
	strategy_init(&st, ST_REPLAY, 0);
	strategy_set_replay(&st, sf.choices, sf.n);
	if (o->save_bytes)
		strategy_log_indices(&st);
	strategy_begin_run(&st, 0);
	sim_run(sim, &st, &res);
	if (res.aborted || st.pos != sf.n) {
		char why[300];
		if (res.aborted)
			snprintf(why, sizeof(why), "%s", st.error);
		else
			snprintf(why, sizeof(why), "the run ended after %zu of %zu decisions",
				 st.pos, sf.n);
		if (!same_build) /* a result about this build, then the exit of bad input */
			printf("replay: unfit: %s (recorded by build %s, this is %s)\n", why,
			       sf.build, reqsim_build_id());
		sched_free(&sf);
		usage_error("%s: %s (schedule does not match this scenario%s)", o->target, why,
			    same_build ? "" : " as this build runs it");
	}
	emit_trace(sim, o);
	char identity[400];
	snprintf(identity, sizeof(identity), "replay=%s", o->target);
	print_result(sim, &res, identity);
	int rc = replay_verdict(&sf, &cfg, &res);
	if (sf.has_hash && sf.hash != res.hash && same_build) {
		fprintf(stderr, "reqsim: %s: trace hash %016" PRIx64 " differs from the "
			"recorded %016" PRIx64 "\n", o->target, res.hash, sf.hash);
		rc = EXIT_USAGE;
	} else if (sf.has_hash && sf.hash != res.hash) {
		printf("trace hash %016" PRIx64 " differs from the recorded %016" PRIx64
		       " (another build: trace hashes include source lines)\n", res.hash, sf.hash);
	} else if (sf.has_hash) {
		printf("trace hash matches the recorded one\n");
	}
	if (o->save_bytes && rc != EXIT_USAGE)
		save_bytes(o->save_bytes, &st);
	strategy_free(&st);
	sched_free(&sf);
	sim_free(sim);
	return rc;
}

/* ---- minimize ------------------------------------------------------------------------ */

static int cmd_minimize(struct opts *o)
{
	struct sched_file sf;
	struct sim_config cfg;
	struct minimize_result mr;
	char err[300];
	load_schedule(o, "minimize", &sf, &cfg);
	cfg.trace = false;
	struct sim *sim = sim_new(&cfg);
	if (sim_minimize(sim, sf.choices, sf.n, &mr, err, sizeof(err)))
		usage_error("%s: %s", o->target, err);

	char out[4096], origin[300];
	if (o->save)
		snprintf(out, sizeof(out), "%s", o->save);
	else if ((size_t)snprintf(out, sizeof(out), "%s", o->target) < sizeof(out) - 16) {
		char *dot = strrchr(out, '.');
		if (dot && !strcmp(dot, ".sched"))
			*dot = 0;
		strcat(out, ".min.sched");
	}
	snprintf(origin, sizeof(origin), "minimized from %s (%zu forced choices)", o->target,
		 mr.forced);
	save_schedule(out, sim, origin, NULL, &mr.res);
	printf("minimized %s: %s\n", o->target, sim_viol_name(mr.res.v.kind));
	printf("  decisions %zu -> %zu (forced %zu), steps %" PRIu64 " -> %" PRIu64
	       ", preemptions %zu -> %zu, out-of-order drains %zu -> %zu, %" PRIu64
	       " test runs\n", mr.before.decisions, mr.after.decisions, mr.forced,
	       mr.before.steps, mr.after.steps, mr.before.preemptions, mr.after.preemptions,
	       mr.before.ooo_drains, mr.after.ooo_drains, mr.test_runs);
	printf("  signature %016" PRIx64 " kept; saved %s (replay: reqsim replay %s --trace text)\n",
	       mr.sig, out, out);
	sched_free(&sf);
	sim_free(sim);
	return EXIT_VIOLATION;
}

/* ---- explore: the engine is sim/explore.c; here options, files, printing ---------- */

struct explore_total {
	uint64_t runs, steps, violations, distinct;
	double seconds;
};

static double now_s(void)
{
	struct timespec ts; /* wall clock for reporting speed only */
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void ensure_dir(const char *dir)
{
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		usage_error("%s: %s", dir, strerror(errno));
}

/* One explored cell (scenario x model), as the findings callback sees it. */
struct cell {
	const struct opts *o;
	const struct sim_config *cfg;
	const char *c; /* config_str */
	int kind, jobs;
};

/* A finding: save it in --out and print where it went. */
static void cell_found(void *ctx, const struct explore_finding *f)
{
	const struct cell *x = ctx;
	const struct opts *o = x->o;
	char path[4096], name[256], origin[200], err[300];
	ensure_dir(o->out_dir);
	snprintf(name, sizeof(name), "%s-%s-%s-%08" PRIx32 ".sched", x->cfg->scenario->name,
		 sim_model_name(x->cfg->model), sim_viol_name(f->res.v.kind),
		 (uint32_t)(f->sig >> 32));
	for (char *p = name; *p; p++)
		if (*p == '+' || *p == '/')
			*p = '_';
	if ((size_t)snprintf(path, sizeof(path), "%s/%s", o->out_dir, name) >= sizeof(path))
		usage_error("--out: directory name too long");
	if (x->kind == ST_STATEFUL)
		snprintf(origin, sizeof(origin), "explore strategy=stateful path=%" PRIu64, f->run);
	else if (x->kind == ST_DFS)
		snprintf(origin, sizeof(origin), "explore strategy=dfs%s jobs=%d job=%d run=%" PRIu64,
			 o->no_reduction ? " no-reduction" : "", x->jobs, f->job, f->run);
	else
		snprintf(origin, sizeof(origin), "explore strategy=%s seed=%" PRIu64 " run=%" PRIu64,
			 strategy_name(x->kind), o->seed, f->run);
	if (sched_write(path, x->cfg, f->dec, f->ndec, origin, NULL, &f->res, err, sizeof(err)))
		usage_error("%s", err);
	if (!o->quiet) {
		printf("%s: ", x->c);
		print_violation(stdout, x->cfg, &f->res);
		printf("  found by %s, %" PRIu64 " steps; saved %s\n"
		       "  replay: reqsim replay %s --trace text\n",
		       origin, f->res.steps, path, path);
	}
}

static void print_dfs(const struct opts *o, const char *c, int jobs,
		      const struct explore_result *r)
{
	bool complete = r->exhausted && !r->bounded;
	printf("dfs %s: %s, %" PRIu64 " schedules run to the end, %" PRIu64
	       " cut as equivalent, %" PRIu64 " behaviours (Mazurkiewicz traces), %d job%s, "
	       "footprints %s; %s\n", c,
	       o->no_reduction ? "no reduction" : "DPOR + sleep sets", r->runs, r->blocked,
	       r->behaviours, jobs, jobs == 1 ? "" : "s",
	       sim_footprints_exact() ? "exact" : "coarse (plain accesses unseen)",
	       complete ? (r->violations ? "search complete" : "search complete and clean: a "
			   "proof for every schedule of this configuration")
	       : !r->exhausted ? "search incomplete: --budget reached"
	       : "search incomplete: a depth or preemption bound cut schedules off");
}

static void print_explored(const struct opts *o, const char *c, int kind,
			   const struct explore_result *r, double dt)
{
	bool complete = r->exhausted && !r->bounded;
	printf("explored %s strategy=%s seed=%" PRIu64 ": %" PRIu64 " schedules, %" PRIu64
	       " steps, %" PRIu64 " violating (%" PRIu64 " distinct), %.3fs, %.0f steps/s, "
	       "%.0f schedules/s%s\n",
	       c, strategy_name(kind), o->seed, r->runs, r->steps, r->violations, r->distinct,
	       dt, dt > 0 ? (double)r->steps / dt : 0.0, dt > 0 ? (double)r->runs / dt : 0.0,
	       kind != ST_DFS ? ""
	       : complete ? (r->violations ? " [complete]" : " [complete and clean: no "
			     "schedule violates, within these parameters]")
	       : " [incomplete: budget, depth or preemption bound hit]");
}

/* Add one explored cell to the totals; its exit status. */
static int add_total(struct explore_total *tot, uint64_t runs, uint64_t steps,
		     uint64_t violations, uint64_t distinct, double dt)
{
	tot->runs += runs;
	tot->steps += steps;
	tot->violations += violations;
	tot->distinct += distinct;
	tot->seconds += dt;
	return violations ? EXIT_VIOLATION : EXIT_CLEAN;
}

/* The stateful search of one cell. */
static int explore_stateful(const struct opts *o, struct cell *x, struct explore_total *tot)
{
	struct stateful_opts so = {.cfg = x->cfg, .mem_max = o->mem_max_mib << 20,
				   .states_max = o->states_max, .stop_on_first = o->stop_on_first,
				   .no_reduction = o->no_reduction, .on_found = cell_found,
				   .ctx = x};
	struct stateful_result r;
	char err[300];
	double t0 = now_s();
	if (stateful_run(&so, &r, err, sizeof(err)))
		usage_error("%s", err);
	double dt = now_s() - t0;
	char reduction[120];
	if (r.reduced)
		snprintf(reduction, sizeof(reduction), "local steps taken alone at %" PRIu64
			 " states", r.reductions);
	else
		snprintf(reduction, sizeof(reduction), "no reduction%s",
			 r.clock_restarts ? " (a thread reads the clock)"
			 : o->no_reduction ? "" : !sim_footprints_exact()
			 ? " (footprints coarse in this build)" : "");
	printf("stateful %s: %" PRIu64 " states stored, %" PRIu64 " matched, %" PRIu64
	       " transitions, %" PRIu64 " paths ended (%" PRIu64 " violating, %" PRIu64
	       " distinct), %" PRIu64 " cycles, depth %" PRIu64 ", %s; table %.1f MiB, %.1f bytes/state, "
	       "peak %.1f MiB; omission probability %.1e; %s%s\n",
	       x->c, r.stored, r.matched, r.transitions, r.ends, r.violations, r.distinct, r.cycles,
	       r.max_depth, reduction, (double)r.table_bytes / 1048576.0,
	       r.stored ? (double)r.peak_bytes / (double)r.stored : 0.0,
	       (double)r.peak_bytes / 1048576.0, r.omission,
	       !r.complete ? "search incomplete: " : r.violations ? "search complete"
	       : "search complete and clean: a proof for every schedule of this configuration",
	       r.complete ? "" : r.incomplete);
	printf("explored %s strategy=stateful: %" PRIu64 " states, %" PRIu64 " transitions, %.3fs, "
	       "%.0f states/s, %.0f transitions/s%s\n", x->c, r.stored, r.transitions, dt,
	       dt > 0 ? (double)r.stored / dt : 0.0, dt > 0 ? (double)r.transitions / dt : 0.0,
	       !r.complete ? " [incomplete]" : r.violations ? " [complete]"
	       : " [complete and clean: no schedule violates, within these parameters]");
	return add_total(tot, r.ends, r.transitions, r.violations, r.distinct, dt);
}

static int explore_one(const struct opts *o, const struct scenario *sc, int model,
		       struct explore_total *tot)
{
	struct sim_config cfg;
	struct opts oo = *o;
	struct explore_opts xo;
	struct explore_result r;
	char c[512], err[300];
	int kind = o->strategy < 0 ? ST_PCT : o->strategy;
	int jobs = o->jobs > 1 ? o->jobs : 1;
	oo.model = model;
	make_config(&oo, sc, &cfg, strcmp(o->target, "all") != 0);
	config_str(&cfg, c, sizeof(c));
	if (jobs > 1 && o->stop_on_first && kind != ST_DFS)
		usage_error("--jobs with --stop-on-first is not supported yet");
	struct cell x = {o, &cfg, c, kind, jobs};
	if (kind == ST_STATEFUL)
		return explore_stateful(o, &x, tot);
	explore_opts_init(&xo, &cfg, kind);
	xo.budget = o->budget;
	xo.seed = o->seed;
	xo.depth = o->depth;
	xo.dfs.reduce = !o->no_reduction;
	xo.dfs.preemptions = o->preemptions;
	xo.dfs.depth = o->depth_max;
	xo.jobs = jobs;
	xo.stop_on_first = o->stop_on_first;
	xo.on_found = cell_found;
	xo.ctx = &x;
	double t0 = now_s();
	if (explore_run(&xo, &r, err, sizeof(err)))
		usage_error("%s", err);
	double dt = now_s() - t0;
	if (kind == ST_DFS)
		print_dfs(o, c, jobs, &r);
	print_explored(o, c, kind, &r, dt);
	return add_total(tot, r.runs, r.steps, r.violations, r.distinct, dt);
}

static int cmd_explore(struct opts *o)
{
	struct explore_total tot = {0};
	int rc = EXIT_CLEAN;
	if (!o->target)
		usage_error("explore which scenario? (a name or 'all')");
	bool all = !strcmp(o->target, "all");
	if (!all)
		need_arch(need_scenario(o->target), o->arch, "");
	for (int i = 0, n = scenario_count(); i < n; i++) {
		const struct scenario *sc = scenario_at(i);
		char why[200];
		if (!all && strcmp(sc->name, o->target))
			continue;
		if (scenario_check_arch(sc, o->arch, why, sizeof(why))) {
			printf("skipped %s: %s\n", sc->name, why); /* all: not a cell */
			continue;
		}
		for (int m = 0; m < MODEL_COUNT; m++) {
			if (!o->all_models && m != o->model)
				continue;
			if (explore_one(o, sc, m, &tot) == EXIT_VIOLATION)
				rc = EXIT_VIOLATION;
		}
	}
	if (all || o->all_models)
		printf("total: %" PRIu64 " schedules, %" PRIu64 " steps, %" PRIu64
		       " violating schedules, %" PRIu64 " distinct violations, %.3fs; "
		       "schedules in %s/\n",
		       tot.runs, tot.steps, tot.violations, tot.distinct, tot.seconds, o->out_dir);
	return rc;
}

/* ---- litmus ------------------------------------------------------------------------------ */

static const char litmus_usage[] =
	"usage: reqsim litmus FILE.litmus...|DIR... [options]\n"
	"\n"
	"Run C litmus tests (the format of the kernel's tools/memory-model) on\n"
	"simulated threads, enumerating every schedule (dfs) under every memory\n"
	"model.  A directory means every *.litmus below it, sorted by path.\n"
	"\n"
	"options:\n"
	"  --model M              only model M, which is then also the reference model\n"
	"                         (default: every model; the reference is the last,\n"
	"                         weakest one)\n"
	"  --budget N             at most N schedules per model (default 2000000); a\n"
	"                         test that needs more is reported incomplete\n"
	"  -q, --quiet            do not list the final states\n"
	"  --witness              after each model's block, the interleaving (text\n"
	"                         trace) of the first execution in which the\n"
	"                         proposition holds (forall: fails)\n"
	"  --switch asm|ucontext  context switch implementation\n"
	"  --no-reduction         every schedule (brute force) instead of dfs with\n"
	"                         partial-order reduction: the same states, for\n"
	"                         checking the reduction\n"
	"\n"
	"Per file and model it prints a herd7-style block (Test NAME model=M, States,\n"
	"Ok/No, Witnesses, Condition, Observation NAME Never|Sometimes|Always POS NEG,\n"
	"Schedules, Time).  POS counts the complete schedules that pass the filter and\n"
	"in which the condition's proposition holds (for '~exists P' and 'forall P':\n"
	"P), NEG the other ones, as herd7 counts executions.  With several files or a\n"
	"directory, a summary table compares the reference model's verdict with each\n"
	"file's 'Result:' line (DEADLOCK means: no execution survives, Never 0 0).\n"
	"\n"
	"Plain C accesses (*x = v; r = *x;) run as relaxed accesses; a model whose\n"
	"executions have two unordered conflicting accesses to one variable from\n"
	"different processes, one of them plain, prints 'Flag data-race' in its\n"
	"block and '!' after its verdict in the summary (the README defines\n"
	"'unordered').  RCU (rcu_read_lock/unlock, synchronize_rcu[_expedited]),\n"
	"spin_is_locked and the atomic_t operations of atomic_t.txt are supported.\n"
	"\n"
	"Under a model with load buffering (wmm) the file also runs as every variant\n"
	"in which a relaxed load and a later relaxed store to another variable, with\n"
	"no dependency or ordering between them, are swapped; the block says\n"
	"'Variants N' and a witness names the swap ('Reordered ...').\n"
	"\n"
	"Unsupported C (address-of, loops, srcu, unknown functions, ...) is\n"
	"refused with one line 'reqsim: FILE:LINE: unsupported\n"
	"construct 'X'', never given a verdict; the other files still run.  A file\n"
	"that is not well formed (a '}' or ')' missing, ...) is one line 'reqsim:\n"
	"FILE:LINE: syntax error: expected ...'.  The summary counts syntax errors,\n"
	"unsupported constructs and other errors apart.\n"
	"\n"
	"exit status: 0 every file ran (whatever the verdicts), 2 usage error or any\n"
	"file failed\n";

static int cmd_litmus(int argc, char **argv)
{
	int rc = EXIT_CLEAN;
	struct litmus_run_opts ro = {.only = -1, .budget = LITMUS_BUDGET_DEFAULT, .sw = -1};
	bool any_dir = false;
	char **paths = NULL, err[600];
	size_t n = 0, cap = 0;
	const char **targets = calloc((size_t)argc, sizeof(*targets));
	int nt = 0;
	if (!targets)
		usage_error("out of memory");
	for (int i = 2; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			fputs(litmus_usage, stdout);
			exit(EXIT_CLEAN);
		} else if (!strcmp(a, "--model")) {
			const char *v = need_arg(argc, argv, &i);
			if ((ro.only = sim_model_parse(v)) < 0) {
				char list[200] = "";
				for (int m = 0; m < MODEL_COUNT; m++)
					snprintf(list + strlen(list), sizeof(list) - strlen(list),
						 "%s%s", m ? " " : "", sim_model_name(m));
				usage_error("unknown model '%s' (models: %s)", v, list);
			}
		} else if (!strcmp(a, "--budget")) {
			ro.budget = parse_num(a, need_arg(argc, argv, &i), 1, 1ULL << 40);
		} else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
			ro.quiet = true;
		} else if (!strcmp(a, "--witness")) {
			ro.witness = true;
		} else if (!strcmp(a, "--no-reduction")) {
			ro.no_reduction = true;
		} else if (!strcmp(a, "--switch")) {
			const char *v = need_arg(argc, argv, &i);
			ro.sw = sim_switch_parse(v);
			if (ro.sw < 0 || !sim_switch_available(ro.sw))
				usage_error("context switch '%s' is not available in this build", v);
		} else if (a[0] == '-' && a[1]) {
			usage_error("unknown option '%s' (see 'reqsim litmus --help')", a);
		} else {
			targets[nt++] = a;
		}
	}
	if (!nt)
		usage_error("litmus: which tests? (FILE.litmus... or DIR; see 'reqsim litmus --help')");
	double t0 = now_s();
	for (int i = 0; i < nt; i++) {
		struct stat st;
		char **found = NULL;
		size_t nf = 0;
		if (stat(targets[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			any_dir = true;
			if (litmus_collect(targets[i], &found, &nf, err, sizeof(err))) {
				fprintf(stderr, "reqsim: %s\n", err);
				rc = EXIT_USAGE;
				continue;
			}
			if (!nf) {
				fprintf(stderr, "reqsim: %s: no .litmus files below it\n", targets[i]);
				rc = EXIT_USAGE;
			}
		} else {
			found = malloc(sizeof(*found));
			if (!found || !(found[0] = strdup(targets[i])))
				usage_error("out of memory");
			nf = 1;
		}
		if (!nf) {
			free(found);
			continue;
		}
		if (n + nf > cap) {
			cap = (n + nf) * 2;
			paths = realloc(paths, cap * sizeof(*paths));
			if (!paths)
				usage_error("out of memory");
		}
		memcpy(paths + n, found, nf * sizeof(*found));
		n += nf;
		free(found);
	}
	struct litmus_row *rows = calloc(n ? n : 1, sizeof(*rows));
	if (!rows)
		usage_error("out of memory");
	for (size_t i = 0; i < n; i++) {
		litmus_run_file(paths[i], &ro, &rows[i]);
		if (rows[i].failed)
			rc = EXIT_USAGE;
	}
	if (any_dir || n > 1)
		litmus_summary(rows, n, ro.only, ro.only >= 0 ? ro.only : MODEL_COUNT - 1,
			       now_s() - t0);
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(rows);
	free(targets);
	return rc;
}

/* ---- main ------------------------------------------------------------------------------ */

/* reqsim stress: the native core is another build of core/ (against
 * core/native/), so it lives in its own executable next to this one. */
static int cmd_stress(int argc, char **argv)
{
	const char *exe = "reqsim-stress";
	char self[PATH_MAX], path[PATH_MAX + 32];
	char **args = calloc((size_t)argc + 1, sizeof(*args));
	int n = 1;
	if (!args)
		usage_error("out of memory");
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--tsan"))
			exe = "reqsim-stress-tsan";
		else
			args[n++] = argv[i];
	}
	ssize_t len = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (len <= 0)
		usage_error("stress: cannot locate the reqsim executable (/proc/self/exe)");
	self[len] = 0;
	*strrchr(self, '/') = 0;
	snprintf(path, sizeof(path), "%s/%s", self, exe);
	args[0] = path;
	execv(path, args);
	usage_error("stress: cannot run %s: %s (build it: cmake --build --preset default)",
		    path, strerror(errno));
}

int main(int argc, char **argv)
{
	struct opts o = {
		.model = MODEL_SC, .arch = ARCH_X86, .switch_impl = -1, .strategy = -1,
		.seed = 0, .budget = 1000, .depth = 3, .out_dir = "schedules", .trace = -1,
		.preemptions = -1,
	};
	if (argc < 2)
		usage_error("missing command (try 'reqsim help')");
	o.cmd = argv[1];
	if (!strcmp(o.cmd, "help") || !strcmp(o.cmd, "-h") || !strcmp(o.cmd, "--help")) {
		fputs(usage_text, stdout);
		return EXIT_CLEAN;
	}
	if (!strcmp(o.cmd, "version") || !strcmp(o.cmd, "--version")) {
		printf("reqsim build %s (default switch %s, schedule format %d)\n",
		       reqsim_build_id(), sim_switch_name(REQSIM_DEFAULT_SWITCH_ID),
		       SCHED_VERSION);
		return EXIT_CLEAN;
	}
	if (!strcmp(o.cmd, "litmus"))
		return cmd_litmus(argc, argv);
	if (!strcmp(o.cmd, "stress"))
		return cmd_stress(argc, argv);
	parse_opts(argc, argv, &o);
	if (!strcmp(o.cmd, "list"))
		return cmd_list(&o);
	if (!strcmp(o.cmd, "import"))
		return cmd_import(&o);
	if (!strcmp(o.cmd, "run"))
		return cmd_run(&o);
	if (!strcmp(o.cmd, "replay"))
		return cmd_replay(&o);
	if (!strcmp(o.cmd, "minimize"))
		return cmd_minimize(&o);
	if (!strcmp(o.cmd, "explore")) {
		bool seed_given = false;
		for (int i = 2; i < argc; i++)
			seed_given |= !strcmp(argv[i], "--seed");
		if (!seed_given)
			o.seed = 1;
		return cmd_explore(&o);
	}
	usage_error("unknown command '%s' (try 'reqsim help')", o.cmd);
}
