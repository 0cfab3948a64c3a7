/*
 * scenarios/stress_main.c: reqsim-stress, the request core on real threads
 * (`reqsim stress` runs it).  It parses the configuration, runs one stress
 * scenario for a bounded time with its real-time oracles, and prints the
 * configuration, every violation (the first ten) and one result line.
 *
 *   reqsim-stress SCENARIO [--threads N] [--seconds S] [--bug NAME]...
 *                 [--seed S] [--arch x86|arm64] [--param NAME=VALUE]...
 *                 [--watchdog-ms W] [--stop-on-first]
 *   reqsim-stress list [--tsv]      (--tsv: NAME<TAB>ARCHS<TAB>PARAMS per line)
 *
 * Output (stdout):
 *   stress scenario=... arch=... threads=N roles=... seconds=S bugs=...
 *          seed=S watchdog_ms=W params=...        what repeats the run
 *          (threads: the threads it started, whatever --threads asked)
 *   VIOLATION KIND at T s: message                 as they happen
 *   result clean|violation scenario=... rounds=N requests=N violations=N
 *          first_violation_s=T|- latency=NAME samples=N p50_ns=.. p90_ns=..
 *          p99_ns=.. max_ns=..
 *
 * Exit status: 0 clean, 1 violation found, 2 usage error (one line on
 * stderr, "reqsim: stress: ...").
 *
 * Invariants:
 *  1. Nothing here is deterministic except the configuration: the seed only
 *     fixes the randomized delays and guest slices each thread draws.
 *  2. The run ends after --seconds (or at the first violation with
 *     --stop-on-first); every thread is then told to stop and joined; a
 *     thread that does not return within the grace period is a violation
 *     (stuck) and the process exits without joining it.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "stress.h"

#define EXIT_CLEAN 0
#define EXIT_VIOLATION 1
#define EXIT_USAGE 2
#define VIOLATIONS_PRINTED 10
#define MONITOR_CPU 63

static const struct {
	const char *name, *scope, *text;
} bugs[REQSIM_BUG_COUNT] = {
#define REQSIM_BUG(id, name, scope, text) [id] = {name, scope, text},
#include "bugs.def"
#undef REQSIM_BUG
};

static const char *const kind_names[V_KIND_COUNT] = {
#define REQSIM_VIOL(id, name) [id] = name,
#include "violations.def"
#undef REQSIM_VIOL
};

struct stress {
	const struct stress_scenario *sc;
	int threads;     /* --threads: what setup splits into roles */
	int threads_run; /* the threads it started (drivers and kworkers): what
			  * the output reports; the roles may need more than
			  * --threads, or use fewer */
	double seconds;
	uint64_t seed;
	uint64_t bugs;
	int arch;
	uint64_t watchdog_ns;
	bool stop_on_first;
	long params[STRESS_PARAMS_MAX];
	char roles[128];
	/* shared while running (atomics) */
	uint32_t stopping;
	uint64_t rounds, requests, violations;
	uint64_t first_violation_ns;
	uint64_t lat[LAT_BUCKETS], lat_n, lat_max;
	/* the monitor's */
	uint64_t t0;
	int tids[STRESS_THREADS_MAX];
	struct spawn {
		struct stress *st;
		void (*fn)(void *);
		void *arg;
	} spawns[STRESS_THREADS_MAX];
	int ntids;
	uint32_t go; /* atomic: setup is done, threads may run */
	void *state; /* the scenario's (kept reachable until exit: no leak report) */
	int workers;
	pthread_mutex_t print_lock;
};

static struct stress g_st = {.print_lock = PTHREAD_MUTEX_INITIALIZER};

static _Noreturn void usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static _Noreturn void usage_error(const char *fmt, ...)
{
	va_list ap;
	fputs("reqsim: stress: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_USAGE);
}

/* ---- the scenario table -------------------------------------------------------------- */

static const struct stress_scenario *all_scenarios[16];
static int nscenarios;

static void collect_scenarios(void)
{
	typedef const struct stress_scenario *const *(*family_fn)(int *n);
	static const family_fn families[] = {
#define REQSIM_FAMILY(fam, source, verdicts, native) REQSIM_IF_##native(stress_##fam##_scenarios,)
#include "families.def"
#undef REQSIM_FAMILY
	};
	for (size_t f = 0; f < sizeof(families) / sizeof(families[0]); f++) {
		int n;
		const struct stress_scenario *const *l = families[f](&n);
		for (int i = 0; i < n; i++) {
			if (nscenarios == (int)(sizeof(all_scenarios) / sizeof(all_scenarios[0])))
				usage_error("too many scenarios");
			all_scenarios[nscenarios++] = l[i];
		}
	}
}

static const struct stress_scenario *find_scenario(const char *name)
{
	for (int i = 0; i < nscenarios; i++)
		if (!strcmp(all_scenarios[i]->name, name))
			return all_scenarios[i];
	return NULL;
}

static int bug_parse(const char *name)
{
	for (int i = 0; i < REQSIM_BUG_COUNT; i++)
		if (!strcmp(bugs[i].name, name))
			return i;
	return -1;
}

static bool scenario_has_bug(const struct stress_scenario *sc, int id)
{
	for (int i = 0; i < 12 && sc->bugs[i] >= 0; i++)
		if (sc->bugs[i] == id)
			return true;
	return false;
}

static const char usage_text[] =
	"usage: reqsim stress SCENARIO [options]     (reqsim-stress SCENARIO [options])\n"
	"       reqsim stress list [--tsv]   (--tsv: NAME<TAB>ARCHS<TAB>PARAMS per line)\n"
	"\n"
	"Runs the request core on real threads (the native backend), looping, with the\n"
	"scenario's oracles adapted to real time, and prints rounds, requests and\n"
	"violations.  Not deterministic: the configuration line repeats the setup.\n"
	"\n"
	"options:\n"
	"  --threads N        threads the scenario runs (default 2; 'list' shows the split;\n"
	"                     a scenario may need more or use fewer: the output's\n"
	"                     threads= is the number that ran)\n"
	"  --seconds S        how long (default 5; a decimal number)\n"
	"  --bug NAME         enable a bug variant (repeatable; see 'list')\n"
	"  --seed S           seed of every randomized delay and guest slice (default 1)\n"
	"  --arch x86|arm64   the core's run loop (default x86)\n"
	"  --param NAME=VALUE scenario parameter (repeatable; see 'list')\n"
	"  --watchdog-ms W    how long a missed request or lost wakeup must last (default 5)\n"
	"  --stop-on-first    end the run at the first violation\n"
	"  --tsan             (reqsim stress only) run the ThreadSanitizer build\n"
	"\n"
	"exit status: 0 clean, 1 violation found, 2 usage error\n";

/* NAME<TAB>ARCHS<TAB>PARAMS: one line per scenario, for scripts (the
 * tsan_* tests, test_stress.py, tools/stress_bench.py). */
static void list_tsv(void)
{
	static const char *const arch_names[] = {[KVM_ARCH_X86] = "x86", [KVM_ARCH_ARM64] = "arm64"};
	for (int i = 0; i < nscenarios; i++) {
		const struct stress_scenario *sc = all_scenarios[i];
		printf("%s\t", sc->name);
		for (int a = 0, n = 0; a <= KVM_ARCH_ARM64; a++)
			if (sc->archs ? (sc->archs >> a) & 1 : !sc->x86_only || a == KVM_ARCH_X86)
				printf("%s%s", n++ ? "," : "", arch_names[a]);
		printf("\t");
		for (int k = 0; k < sc->nparams; k++)
			printf("%s%s", k ? "," : "", sc->params[k].name);
		printf("\n");
	}
}

static void list_scenarios(bool tsv)
{
	if (tsv) {
		list_tsv();
		return;
	}
	printf("stress scenarios:\n");
	for (int i = 0; i < nscenarios; i++) {
		const struct stress_scenario *sc = all_scenarios[i];
		printf("  %-20s %s%s\n", sc->name, sc->summary, sc->x86_only ? " (x86)" : "");
		printf("  %-20s threads: %s\n", "", sc->roles);
		if (sc->latency)
			printf("  %-20s latency: %s\n", "", sc->latency);
		for (int k = 0; k < sc->nparams; k++)
			printf("  %-20s --param %s=N  [%ld..%ld, default %ld] %s\n", "",
			       sc->params[k].name, sc->params[k].min, sc->params[k].max,
			       sc->params[k].def, sc->params[k].help);
		printf("  %-20s bugs:", "");
		for (int k = 0; k < 12 && sc->bugs[k] >= 0; k++)
			printf(" %s", bugs[sc->bugs[k]].name);
		printf("\n");
	}
}

/* ---- option parsing ---------------------------------------------------------------------- */

static uint64_t parse_u64(const char *opt, const char *s, uint64_t lo, uint64_t hi)
{
	char *end;
	if (!s)
		usage_error("%s needs a number", opt);
	if (*s < '0' || *s > '9')
		usage_error("%s: '%s' is not a non-negative number", opt, s);
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (*end || (errno && errno != ERANGE))
		usage_error("%s: '%s' is not a number", opt, s);
	if (errno == ERANGE)
		usage_error("%s: '%s' is out of range [%" PRIu64 ", %" PRIu64 "]", opt, s, lo, hi);
	if (v < lo || v > hi)
		usage_error("%s: %llu is out of range [%" PRIu64 ", %" PRIu64 "]", opt, v, lo, hi);
	return v;
}

static double parse_seconds(const char *s)
{
	char *end;
	if (!s)
		usage_error("--seconds needs a number");
	if ((*s < '0' || *s > '9') && *s != '.')
		usage_error("--seconds: '%s' is not a non-negative number", s);
	errno = 0;
	double v = strtod(s, &end);
	if (end == s || *end || v != v || (errno && errno != ERANGE))
		usage_error("--seconds: '%s' is not a number", s);
	if (errno == ERANGE && v != 0) /* too large; an underflow is checked below */
		usage_error("--seconds: '%s' is out of range (0, 86400]", s);
	if (v <= 0 || v > 86400)
		usage_error("--seconds: %s is out of range (0, 86400]", s);
	return v;
}

static void apply_param(struct stress *st, const char *a)
{
	const struct stress_scenario *sc = st->sc;
	const char *eq = strchr(a, '=');
	if (!eq || eq == a)
		usage_error("--param '%s': expected NAME=VALUE", a);
	for (int k = 0; k < sc->nparams; k++) {
		if (strlen(sc->params[k].name) != (size_t)(eq - a) ||
		    strncmp(sc->params[k].name, a, (size_t)(eq - a)))
			continue;
		char *end;
		errno = 0;
		long v = strtol(eq + 1, &end, 10);
		if (end == eq + 1 || *end || (errno && errno != ERANGE))
			usage_error("--param %s: '%s' is not a number", sc->params[k].name, eq + 1);
		if (errno == ERANGE)
			usage_error("--param %s: '%s' is out of range [%ld, %ld]",
				    sc->params[k].name, eq + 1, sc->params[k].min, sc->params[k].max);
		if (v < sc->params[k].min || v > sc->params[k].max)
			usage_error("--param %s: %ld is out of range [%ld, %ld]", sc->params[k].name,
				    v, sc->params[k].min, sc->params[k].max);
		st->params[k] = v;
		return;
	}
	usage_error("scenario '%s' has no parameter '%.*s' (see 'reqsim stress list')",
		    sc->name, (int)(eq - a), a);
}

static void parse_args(struct stress *st, int argc, char **argv)
{
	const char *param_args[32];
	int nparam = 0;
	bool tsv = false;
	const char *name = NULL;
	st->threads = 2;
	st->seconds = 5;
	st->seed = 1;
	st->arch = KVM_ARCH_X86;
	st->watchdog_ns = 5000000;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "help")) {
			fputs(usage_text, stdout);
			exit(EXIT_CLEAN);
		} else if (!strcmp(a, "--threads")) {
			st->threads = (int)parse_u64(a, v, 1, STRESS_THREADS_MAX - 8);
			i++;
		} else if (!strcmp(a, "--seconds")) {
			st->seconds = parse_seconds(v);
			i++;
		} else if (!strcmp(a, "--seed")) {
			st->seed = parse_u64(a, v, 0, UINT64_MAX);
			i++;
		} else if (!strcmp(a, "--watchdog-ms")) {
			st->watchdog_ns = parse_u64(a, v, 1, 10000) * 1000000;
			i++;
		} else if (!strcmp(a, "--arch")) {
			if (!v)
				usage_error("--arch needs a value");
			if (!strcmp(v, "x86"))
				st->arch = KVM_ARCH_X86;
			else if (!strcmp(v, "arm64"))
				st->arch = KVM_ARCH_ARM64;
			else
				usage_error("unknown arch '%s' (archs: x86 arm64)", v);
			i++;
		} else if (!strcmp(a, "--bug")) {
			if (!v)
				usage_error("--bug needs a value");
			int id = bug_parse(v);
			if (id < 0)
				usage_error("unknown bug '%s' (see 'reqsim stress list')", v);
			st->bugs |= 1ULL << id;
			i++;
		} else if (!strcmp(a, "--param")) {
			if (!v)
				usage_error("--param needs a value");
			if (nparam == 32)
				usage_error("too many --param options");
			param_args[nparam++] = v;
			i++;
		} else if (!strcmp(a, "--stop-on-first")) {
			st->stop_on_first = true;
		} else if (!strcmp(a, "--tsv")) {
			tsv = true;
		} else if (a[0] == '-') {
			usage_error("unknown option '%s' (see 'reqsim stress --help')", a);
		} else if (!name) {
			name = a;
		} else {
			usage_error("unexpected argument '%s'", a);
		}
	}
	if (!name)
		usage_error("which scenario? (see 'reqsim stress list')");
	if (!strcmp(name, "list")) {
		list_scenarios(tsv);
		exit(EXIT_CLEAN);
	}
	if (tsv)
		usage_error("--tsv goes with 'list' only");
	st->sc = find_scenario(name);
	if (!st->sc)
		usage_error("unknown scenario '%s' (see 'reqsim stress list')", name);
	if ((st->sc->x86_only && st->arch != KVM_ARCH_X86) ||
	    (st->sc->archs && !((st->sc->archs >> st->arch) & 1)))
		usage_error("scenario '%s' is x86 only, not arm64 (see 'reqsim stress list')",
			    name);
	for (int i = 0; i < REQSIM_BUG_COUNT; i++)
		if ((st->bugs >> i) & 1 && !scenario_has_bug(st->sc, i))
			usage_error("bug '%s' does not apply to scenario '%s' (see 'reqsim stress "
				    "list')", bugs[i].name, name);
	for (int k = 0; k < st->sc->nparams; k++)
		st->params[k] = st->sc->params[k].def;
	for (int i = 0; i < nparam; i++)
		apply_param(st, param_args[i]);
}

/* ---- the scenario API ------------------------------------------------------------------- */

long stress_param(const struct stress *st, int idx) { return st->params[idx]; }

long stress_param_named(const struct stress *st, const char *name)
{
	for (int k = 0; k < st->sc->nparams; k++)
		if (!strcmp(st->sc->params[k].name, name))
			return st->params[k];
	fprintf(stderr, "reqsim: stress: scenario %s reads undeclared parameter %s\n",
		st->sc->name, name);
	abort();
}
int stress_threads(const struct stress *st) { return st->threads; }
int stress_arch(const struct stress *st) { return st->arch; }
uint64_t stress_watchdog_ns(const struct stress *st) { return st->watchdog_ns; }
uint64_t stress_violations(const struct stress *st) { return g_load((uint64_t *)&st->violations); }

bool stress_stopping(const struct stress *st)
{
	return __atomic_load_n(&st->stopping, __ATOMIC_ACQUIRE) != 0;
}

void stress_set_roles(struct stress *st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(st->roles, sizeof(st->roles), fmt, ap);
	va_end(ap);
}

/* Every driver thread waits at a gate until setup has started them all: a
 * thread may then touch any other thread's task (wake-ups). */
static void spawn_main(void *arg)
{
	struct spawn *sp = arg;
	unsigned i = 0;
	while (!__atomic_load_n(&sp->st->go, __ATOMIC_ACQUIRE))
		if (++i % 256 == 0)
			sched_yield(); /* setup may take a while: always yield */
		else
			native_pause();
	sp->fn(sp->arg);
}

int stress_spawn(struct stress *st, const char *name, int cpu, void (*fn)(void *), void *arg)
{
	if (st->ntids == STRESS_THREADS_MAX)
		usage_error("too many threads");
	struct spawn *sp = &st->spawns[st->ntids];
	*sp = (struct spawn){st, fn, arg};
	st->tids[st->ntids] = native_thread_start(name, cpu, spawn_main, sp);
	return st->tids[st->ntids++];
}

void stress_start_workers(struct stress *st, int n)
{
	st->workers = n;
	native_workqueue_start(n);
}

static void print_result(struct stress *st);

void stress_violation(struct stress *st, int kind, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	uint64_t now = plat_now_ns();
	uint64_t n = g_inc(&st->violations);
	uint64_t zero = 0;
	__atomic_compare_exchange_n(&st->first_violation_ns, &zero, now - st->t0 + 1, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	if (st->stop_on_first)
		__atomic_store_n(&st->stopping, 1, __ATOMIC_RELEASE);
	if (n > VIOLATIONS_PRINTED + 1)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&st->print_lock);
	if (n == VIOLATIONS_PRINTED + 1)
		printf("(more violations are counted, not printed)\n");
	else
		printf("VIOLATION %s at %.6fs: %s\n", kind_names[kind],
		       (double)(now - st->t0) / 1e9, msg);
	fflush(stdout);
	pthread_mutex_unlock(&st->print_lock);
}

void stress_add_rounds(struct stress *st, uint64_t n)
{
	__atomic_add_fetch(&st->rounds, n, __ATOMIC_RELAXED);
}

void stress_add_requests(struct stress *st, uint64_t n)
{
	__atomic_add_fetch(&st->requests, n, __ATOMIC_RELAXED);
}

/* Log-linear buckets: 16 per power of two. */
static unsigned lat_bucket(uint64_t ns)
{
	if (ns < 16)
		return (unsigned)ns;
	unsigned e = 63u - (unsigned)__builtin_clzll(ns);
	return (e - 3) * 16 + (unsigned)((ns >> (e - 4)) & 15);
}

static uint64_t lat_bucket_low(unsigned b)
{
	if (b < 16)
		return b;
	unsigned e = b / 16 + 3, sub = b % 16;
	return (1ULL << e) | ((uint64_t)sub << (e - 4));
}

void stress_latency(struct stress *st, uint64_t ns)
{
	__atomic_add_fetch(&st->lat[lat_bucket(ns)], 1, __ATOMIC_RELAXED);
	__atomic_add_fetch(&st->lat_n, 1, __ATOMIC_RELAXED);
	g_max(&st->lat_max, ns);
}

static uint64_t lat_percentile(struct stress *st, double q)
{
	uint64_t n = g_load(&st->lat_n), seen = 0;
	if (!n)
		return 0;
	uint64_t want = (uint64_t)(q * (double)n);
	if (want >= n)
		want = n - 1;
	for (unsigned b = 0; b < LAT_BUCKETS; b++) {
		seen += g_load(&st->lat[b]);
		if (seen > want)
			return lat_bucket_low(b);
	}
	return g_load(&st->lat_max);
}

uint64_t stress_rng_seed(const struct stress *st, unsigned stream)
{
	uint64_t s = st->seed * 0x9e3779b97f4a7c15ULL + stream * 0xd1b54a32d192ed03ULL + 1;
	stress_rand(&s);
	return s;
}

void stress_delay(uint64_t *rng, uint64_t max_ns)
{
	if (!max_ns)
		return;
	uint64_t until = plat_now_ns() + stress_rand(rng) % max_ns;
	while (plat_now_ns() < until)
		native_pause();
}

/* Spin until reached(word, target), the run stops, or timeout_ns passes. */
static bool wait_until(const struct stress *st, bool (*reached)(const void *, uint64_t),
		       const void *word, uint64_t target, uint64_t timeout_ns)
{
	uint64_t deadline = 0;
	for (unsigned i = 0, spins = 0;; i++) {
		if (reached(word, target))
			return true;
		if ((i & 63) == 63) {
			uint64_t now = plat_now_ns();
			if (!deadline)
				deadline = now + timeout_ns;
			else if (now >= deadline || stress_stopping(st))
				return false;
		}
		native_relax(&spins);
	}
}

static bool reached_u64(const void *w, uint64_t target)
{
	return __atomic_load_n((const uint64_t *)w, __ATOMIC_SEQ_CST) >= target;
}

static bool reached_long(const void *w, uint64_t target)
{
	return __atomic_load_n((const long *)w, __ATOMIC_SEQ_CST) >= (long)target;
}

bool stress_wait_u64(const struct stress *st, const uint64_t *word, uint64_t target,
		     uint64_t timeout_ns)
{
	return wait_until(st, reached_u64, word, target, timeout_ns);
}

bool stress_wait_long(const struct stress *st, const long *word, long target,
		      uint64_t timeout_ns)
{
	return wait_until(st, reached_long, word, (uint64_t)target, timeout_ns);
}

bool stress_watch(const struct stress *st, struct stress_watch *w, bool holds, uint64_t key,
		  uint64_t now_ns)
{
	if (!holds || (w->fired && w->fired_key == key)) {
		w->since_ns = 0;
		return false;
	}
	if (!w->since_ns || w->key != key) {
		w->since_ns = now_ns;
		w->key = key;
		return false;
	}
	if (now_ns - w->since_ns < st->watchdog_ns)
		return false;
	w->since_ns = 0; /* report once per key */
	w->fired = true;
	w->fired_key = key;
	return true;
}

struct kvm_vcpu *stress_vcpu_create(struct kvm *kvm, int idx)
{
	struct kvm_vcpu *vcpu = kzalloc(sizeof(*vcpu));
	if (!vcpu)
		usage_error("out of memory");
	kvm_vcpu_init(vcpu, kvm, idx);
	return vcpu;
}

/* ---- the run ---------------------------------------------------------------------------- */

static void on_bug(const struct platform_site *site, const char *what)
{
	stress_violation(&g_st, V_ASSERT, "%s at %s:%d (%s)", what, site->file, site->line,
			 site->func);
	print_result(&g_st);
	_exit(EXIT_VIOLATION);
}

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define REQSIM_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define REQSIM_SANITIZED 1
#endif
#endif

#ifndef REQSIM_SANITIZED
static void on_crash(int sig)
{
	static const char msg[] = "VIOLATION crash: a thread died of a signal (memory "
				  "corruption by a bug variant?)\n";
	ssize_t r = write(1, msg, sizeof(msg) - 1);
	(void)r;
	(void)sig;
	_exit(EXIT_VIOLATION);
}
#endif

/* "name,name" or "-" */
static const char *bug_list(const struct stress *st, char *b, size_t len)
{
	size_t n = 0;
	b[0] = 0;
	for (int i = 0; i < REQSIM_BUG_COUNT && n < len; i++)
		if ((st->bugs >> i) & 1)
			n += (size_t)snprintf(b + n, len - n, "%s%s", n ? "," : "", bugs[i].name);
	return n ? b : "-";
}

static void print_config(struct stress *st)
{
	char b[400];
	printf("stress scenario=%s arch=%s threads=%d roles=%s seconds=%g bugs=%s seed=%" PRIu64
	       " watchdog_ms=%" PRIu64 " params=", st->sc->name,
	       st->arch == KVM_ARCH_ARM64 ? "arm64" : "x86", st->threads_run, st->roles, st->seconds,
	       bug_list(st, b, sizeof(b)), st->seed, st->watchdog_ns / 1000000);
	for (int k = 0; k < st->sc->nparams; k++)
		printf("%s%s=%ld", k ? "," : "", st->sc->params[k].name, st->params[k]);
	printf("%s\n", st->sc->nparams ? "" : "-");
	fflush(stdout);
}

static void print_result(struct stress *st)
{
	uint64_t v = g_load(&st->violations), first = g_load(&st->first_violation_ns);
	double secs = (double)(plat_now_ns() - st->t0) / 1e9;
	char firstbuf[32] = "-", lat[32] = "-", b[400];
	if (st->sc->latency)
		snprintf(lat, sizeof(lat), "%.*s", (int)strcspn(st->sc->latency, ":"),
			 st->sc->latency);
	if (first)
		snprintf(firstbuf, sizeof(firstbuf), "%.6f", (double)(first - 1) / 1e9);
	pthread_mutex_lock(&st->print_lock);
	printf("result %s scenario=%s arch=%s bugs=%s seed=%" PRIu64 " threads=%d seconds=%.2f "
	       "rounds=%" PRIu64 " requests=%" PRIu64 " violations=%" PRIu64
	       " first_violation_s=%s latency=%s samples=%" PRIu64 " p50_ns=%" PRIu64
	       " p90_ns=%" PRIu64 " p99_ns=%" PRIu64 " max_ns=%" PRIu64 "\n",
	       v ? "violation" : "clean", st->sc->name,
	       st->arch == KVM_ARCH_ARM64 ? "arm64" : "x86", bug_list(st, b, sizeof(b)), st->seed,
	       st->threads_run, secs, g_load(&st->rounds), g_load(&st->requests), v, firstbuf,
	       lat, g_load(&st->lat_n),
	       lat_percentile(st, 0.50), lat_percentile(st, 0.90), lat_percentile(st, 0.99),
	       g_load(&st->lat_max));
	fflush(stdout);
	pthread_mutex_unlock(&st->print_lock);
}

static void sleep_ns(uint64_t ns)
{
	struct timespec ts = {(time_t)(ns / 1000000000u), (long)(ns % 1000000000u)};
	while (nanosleep(&ts, &ts) && errno == EINTR)
		;
}

static int online_cpus(void)
{
	cpu_set_t set;
	if (!sched_getaffinity(0, sizeof(set), &set))
		return CPU_COUNT(&set);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

/* Tell every thread to stop and join them; false if one is stuck. */
static bool stop_all(struct stress *st, void *state)
{
	uint64_t grace = 3000000000ULL + 4 * st->watchdog_ns;
	uint64_t deadline = plat_now_ns() + grace;
	__atomic_store_n(&st->stopping, 1, __ATOMIC_RELEASE);
	for (int i = 0; i < st->ntids; i++) {
		while (!native_thread_join(st->tids[i], 20000000)) {
			if (plat_now_ns() >= deadline) {
				stress_violation(st, V_STUCK,
						 "thread %s did not return within %.1f s of the "
						 "end of the run (deadlock or livelock)",
						 native_thread_name(st->tids[i]), (double)grace / 1e9);
				return false;
			}
			if (st->sc->stop)
				st->sc->stop(st, state);
		}
		if (st->sc->stop)
			st->sc->stop(st, state);
	}
	return true;
}

int main(int argc, char **argv)
{
	struct stress *st = &g_st;
	collect_scenarios();
	if (argc < 2)
		usage_error("which scenario? (see 'reqsim stress list')");
	parse_args(st, argc, argv);

	native_reset();
	native_bug_mask = st->bugs;
	/* A guest slice that runs "until interrupted" is bounded by a timer
	 * exit well after the watchdog, so a missed request is seen first. */
	native_set_guest_cap(10 * st->watchdog_ns);
	native_set_oversubscribed(st->threads >= online_cpus());
	native_set_bug_handler(on_bug);
#ifndef REQSIM_SANITIZED
	signal(SIGSEGV, on_crash);
	signal(SIGBUS, on_crash);
#endif
	native_thread_adopt("monitor", MONITOR_CPU);

	st->t0 = plat_now_ns();
	st->threads_run = st->threads;
	void *state;
	if (st->sc->setup) { /* a scen.h family: its state is ours to allocate */
		state = st->state = kzalloc(st->sc->state_size);
		st->sc->setup(st, state);
	} else {
		state = st->state = st->sc->setup_alloc(st);
	}
	/* every thread setup started, kworkers included; not the monitor */
	st->threads_run = native_thread_count() - 1;
	print_config(st);
	__atomic_store_n(&st->go, 1, __ATOMIC_RELEASE);

	uint64_t end = st->t0 + (uint64_t)(st->seconds * 1e9);
	uint64_t period = st->watchdog_ns / 8 > 100000 ? st->watchdog_ns / 8 : 100000;
	for (;;) {
		uint64_t now = plat_now_ns();
		if (now >= end || stress_stopping(st))
			break;
		if (st->sc->monitor)
			st->sc->monitor(st, state, now);
		sleep_ns(period);
	}
	if (!stop_all(st, state)) {
		print_result(st);
		_exit(EXIT_VIOLATION); /* a thread is stuck: cannot join it */
	}
	if (st->workers)
		native_workqueue_stop();
	print_result(st);
	return g_load(&st->violations) ? EXIT_VIOLATION : EXIT_CLEAN;
}
