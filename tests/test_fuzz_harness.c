/*
 * tests/test_fuzz_harness.c: the fuzz harness body (fuzz/harness.c) without
 * an engine, and the vcpu_view hook its mode x requests feature uses.
 *
 *  - sim_vcpu_view(): no vCPUs for a litmus scenario; for the request-core
 *    scenarios every vCPU starts OUTSIDE_GUEST_MODE with no request, then
 *    its mode and request word change during a run, the same sequence for
 *    the same schedule.
 *  - the harness: the same input fills the feature map identically twice
 *    (nothing survives between inputs), different inputs give different
 *    maps, a violating input returns 1 with aborting off, and an input that
 *    is clean stays 0.
 *  - the configuration (in a child process, as it exits): a scenario on an
 *    arch it does not run on (async_pf on arm64) is refused with one line
 *    and exit 2, never run empty; the same scenario on x86 is accepted.
 *  - REQSIM_FUZZ_FEEDBACK=auto (in child processes): the feature maps of
 *    F7 under PSO and of F5 under SC, and F7 and F8 differ.
 *  - the flags the libFuzzer target adds (fuzz/lfargs.c): each default, in
 *    front of the corpus directories, never one the command line gives.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "harness.h"
#include "lfargs.h"
#include "scenarios.h"
#include "strategy.h"

#include "check.h"

/* One random run of sc (seed): the vCPU views at every step.  Returns the
 * number of vCPUs seen at the start; *modes gets a bit per mode seen on
 * vCPU 0, *req_steps the steps where vCPU 0 had a request pending, *sig a
 * hash of the whole sequence. */
static int views_of_run(const char *scen, uint64_t seed, unsigned *modes, int *req_steps,
			uint64_t *sig)
{
	struct sim_config cfg;
	struct strategy st;
	struct sim_result r;
	struct scen_vcpu_view view[8];
	const struct scenario *sc = scenario_find(scen);
	sim_config_defaults(&cfg, sc);
	cfg.model = MODEL_TSO;
	struct sim *sim = sim_new(&cfg);
	strategy_init(&st, ST_RANDOM, 7);
	strategy_begin_run(&st, seed);
	sim_begin(sim, &st);
	int n0 = sim_vcpu_view(sim, view, 8);
	CHECK(n0 == 0 || (view[0].mode == 0 && view[0].requests == 0),
	      "%s: vCPU 0 does not start OUTSIDE_GUEST_MODE with no request", scen);
	*modes = 0;
	*req_steps = 0;
	*sig = 0;
	do {
		int n = sim_vcpu_view(sim, view, 8);
		CHECK(n == n0, "%s: the number of vCPUs changed", scen);
		for (int v = 0; v < n; v++)
			*sig = (*sig ^ (uint64_t)view[v].mode ^ view[v].requests << 8) *
			       0x100000001b3ULL;
		if (n) {
			*modes |= 1u << (view[0].mode & 31);
			*req_steps += view[0].requests != 0;
		}
	} while (sim_step(sim));
	sim_finish(sim, &r);
	strategy_free(&st);
	sim_free(sim);
	return n0;
}

static void test_vcpu_view(void)
{
	unsigned modes, modes2;
	int req, req2;
	uint64_t sig, sig2;

	CHECK(views_of_run("sb", 1, &modes, &req, &sig) == 0, "sb has no vCPUs");
	CHECK(views_of_run("dekker", 1, &modes, &req, &sig) == 1, "dekker: not one vCPU");
	CHECK((modes & 3) == 3, "dekker: vCPU 0 never went IN_GUEST_MODE (modes %#x)", modes);
	CHECK(req > 0, "dekker: no request was ever pending");
	views_of_run("dekker", 1, &modes2, &req2, &sig2);
	CHECK(modes == modes2 && req == req2 && sig == sig2,
	      "dekker: the same schedule gave other vCPU views");
	CHECK(views_of_run("mixed", 3, &modes, &req, &sig) == 2, "mixed: not two vCPUs");
	CHECK(views_of_run("handshake", 2, &modes, &req, &sig) >= 1 && (modes & 3) == 3 &&
	      req > 0, "handshake: the vCPU view does not follow mode and requests");

	/* Every family with vCPUs has the hook. */
	static const char *const with[] = {"dekker", "payload", "tlb_flush", "halt", "mixed",
					   "async_pf", "kick_all", "handshake"};
	for (size_t i = 0; i < sizeof(with) / sizeof(with[0]); i++) {
		const struct scenario *sc = scenario_find(with[i]);
		CHECK(sc && sc->vcpu_view, "%s has no vcpu_view hook", with[i]);
	}
}

static uint8_t map1[1 << 12], map2[1 << 12];

static int run_into(uint8_t *map, const uint8_t *in, size_t n)
{
	memset(map, 0, sizeof(map1));
	reqsim_fuzz_set_feature_map(map, sizeof(map1));
	return reqsim_fuzz_one(in, n);
}

static void test_harness(void)
{
	setenv("REQSIM_FUZZ_SCENARIO", "dekker", 1);
	setenv("REQSIM_FUZZ_MODEL", "tso", 1);
	setenv("REQSIM_FUZZ_BUGS", "check-before-in-guest-mode", 1);
	unsetenv("REQSIM_FUZZ_FEEDBACK");
	reqsim_fuzz_init();
	reqsim_fuzz_set_abort(false);
	CHECK(strstr(reqsim_fuzz_config_str(), "scenario=dekker model=tso") != NULL,
	      "config line: %s", reqsim_fuzz_config_str());

	static const uint8_t in1[] = {0, 1, 1, 0, 2, 0, 1, 3};
	int r1 = run_into(map1, in1, sizeof(in1));
	size_t f1 = reqsim_fuzz_feature_count();
	int r1b = run_into(map2, in1, sizeof(in1));
	CHECK(r1 == r1b, "the same input gave another verdict");
#if REQSIM_FUZZ_FEEDBACK
	CHECK(f1 > 0, "no features reported");
	CHECK(f1 == reqsim_fuzz_feature_count() && !memcmp(map1, map2, sizeof(map1)),
	      "the same input gave another feature map (state kept between inputs?)");
	static const uint8_t in2[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
	run_into(map2, in2, sizeof(in2));
	CHECK(memcmp(map1, map2, sizeof(map1)) != 0, "two schedules gave the same feature map");
#else
	CHECK(f1 == 0, "feedback is built out but %zu features were reported", f1);
#endif

	/* Search inputs until one violates and one is clean: both must exist for
	 * this bug (Sometimes under TSO), and the result must repeat. */
	int violating = -1, clean = -1;
	uint8_t in[16];
	for (int s = 0; s < 4000 && (violating < 0 || clean < 0); s++) {
		uint64_t x = (uint64_t)s * 0x9e3779b97f4a7c15ULL + 1;
		for (size_t i = 0; i < sizeof(in); i++, x = x * 6364136223846793005ULL + 1)
			in[i] = (uint8_t)(x >> 56);
		int r = run_into(map1, in, sizeof(in));
		if (r && violating < 0) {
			violating = s;
			CHECK(run_into(map2, in, sizeof(in)) == 1, "a violating input did not repeat");
		} else if (!r && clean < 0) {
			clean = s;
		}
	}
	CHECK(violating >= 0, "no input violated check-before-in-guest-mode in 4000");
	CHECK(clean >= 0, "every input violated");
	printf("harness: first violating input %d, first clean %d\n", violating, clean);
}

/* reqsim_fuzz_init() in a child with this configuration: its exit status,
 * and its stderr in err. */
static int init_in_child(const char *scen, const char *arch, char *err, size_t len)
{
	int fd[2], status = -1;
	size_t n = 0;
	ssize_t got;
	if (pipe(fd))
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd[1], 2);
		close(fd[0]);
		close(fd[1]);
		setenv("REQSIM_FUZZ_SCENARIO", scen, 1);
		setenv("REQSIM_FUZZ_ARCH", arch, 1);
		setenv("REQSIM_FUZZ_MODEL", "sc", 1);
		unsetenv("REQSIM_FUZZ_BUGS");
		unsetenv("REQSIM_FUZZ_PARAMS");
		reqsim_fuzz_init();
		exit(0);
	}
	close(fd[1]);
	while (n + 1 < len && (got = read(fd[0], err + n, len - n - 1)) > 0)
		n += (size_t)got;
	err[n] = 0;
	close(fd[0]);
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static void test_config_arch(void)
{
	static const char want[] = "reqsim-fuzz: REQSIM_FUZZ_ARCH: scenario 'async_pf' is "
				   "x86 only, not arm64";
	char err[1024];
	int rc = init_in_child("async_pf", "arm64", err, sizeof(err));
	CHECK(rc == 2, "async_pf on arm64: exit %d, not 2 (stderr: %s)", rc, err);
	CHECK(!strncmp(err, want, sizeof(want) - 1) && strchr(err, '\n') == err + strlen(err) - 1,
	      "async_pf on arm64: not one line naming the arch: '%s'", err);
	rc = init_in_child("async_pf", "x86", err, sizeof(err));
	CHECK(rc == 0 && !err[0], "async_pf on x86: exit %d, stderr '%s'", rc, err);
	rc = init_in_child("dekker", "arm64", err, sizeof(err));
	CHECK(rc == 0 && !err[0], "dekker on arm64: exit %d, stderr '%s'", rc, err);
}

/* A hash of the feature maps of 40 inputs of mixed with the bug
 * no-wmb-before-request (the byte form) under
 * model with REQSIM_FUZZ_FEEDBACK=classes, computed in a child (the
 * configuration is read once); bit 63 set when some map was not empty.
 * 0 when the child failed. */
static uint64_t features_in_child(const char *model, const char *classes)
{
	int fd[2], status = -1;
	uint64_t h = 0;
	if (pipe(fd))
		return 0;
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		setenv("REQSIM_FUZZ_SCENARIO", "mixed", 1);
		setenv("REQSIM_FUZZ_MODEL", model, 1);
		setenv("REQSIM_FUZZ_ARCH", "x86", 1);
		setenv("REQSIM_FUZZ_FEEDBACK", classes, 1);
		setenv("REQSIM_FUZZ_BUGS", "no-wmb-before-request", 1); /* store->store windows */
		unsetenv("REQSIM_FUZZ_PARAMS");
		reqsim_fuzz_init();
		reqsim_fuzz_set_abort(false);
		uint64_t x = 99, sum = 0xcbf29ce484222325ULL;
		bool any = false;
		uint8_t in[256];
		for (int k = 0; k < 40; k++) {
			for (size_t i = 0; i < sizeof(in); i++, x = x * 6364136223846793005ULL + 1)
				in[i] = (uint8_t)(x >> 56);
			run_into(map1, in, sizeof(in));
			for (size_t i = 0; i < sizeof(map1); i++) {
				sum = (sum ^ map1[i]) * 0x100000001b3ULL;
				any |= map1[i] != 0;
			}
		}
		sum = (sum & ~(1ULL << 63)) | (uint64_t)any << 63;
		if (write(fd[1], &sum, sizeof(sum)) != (ssize_t)sizeof(sum))
			_exit(1);
		_exit(0);
	}
	close(fd[1]);
	if (pid < 0 || read(fd[0], &h, sizeof(h)) != (ssize_t)sizeof(h))
		h = 0;
	close(fd[0]);
	if (pid > 0)
		waitpid(pid, &status, 0);
	return h;
}

static void test_auto_classes(void)
{
#if REQSIM_FUZZ_FEEDBACK
	uint64_t auto_pso = features_in_child("pso", "auto"), f7_pso = features_in_child("pso", "f7");
	uint64_t f8_pso = features_in_child("pso", "f8"), f5_pso = features_in_child("pso", "f5");
	uint64_t auto_sc = features_in_child("sc", "auto"), f5_sc = features_in_child("sc", "f5");
	CHECK(auto_pso && f7_pso && f8_pso && f5_pso && auto_sc && f5_sc,
	      "a child computing feature maps failed");
	CHECK(f7_pso >> 63 && f8_pso >> 63, "mixed under PSO: no store->store or no store->load "
	      "window in 40 random runs (F7 %d, F8 %d)", (int)(f7_pso >> 63), (int)(f8_pso >> 63));
	CHECK(auto_pso == f7_pso, "auto under PSO is not F7");
	CHECK(auto_pso != f5_pso && f7_pso != f8_pso, "F5, F7 and F8 are not told apart");
	CHECK(auto_sc == f5_sc && f5_sc >> 63, "auto under SC is not F5 (or F5 shows nothing)");
#endif
}

/* The flags libfuzzer_main.c adds: argv of n strings against want. */
static void check_args(const char *what, int argc, char **argv, bool bytes, const char **want)
{
	char *out[16], buf[128];
	int n = reqsim_libfuzzer_args(argc, argv, bytes, 300, out, 16, buf, sizeof(buf));
	int w = 0;
	while (want[w])
		w++;
	CHECK(n == w, "%s: %d arguments, not %d", what, n, w);
	for (int i = 0; i < n && i < w; i++)
		CHECK(!strcmp(out[i], want[i]), "%s: argument %d is '%s', not '%s'", what, i, out[i],
		      want[i]);
	CHECK(n < 0 || !out[n], "%s: no NULL after the arguments", what);
}

static void test_lfargs(void)
{
	char *plain[] = {"fuzz", "corpus", NULL};
	check_args("abstract", 2, plain, false,
		   (const char *[]){"fuzz", "-max_len=204", "-len_control=0", "-use_cmp=0",
				    "-use_memmem=0", "-keep_seed=1", "-cross_over=0",
				    "-mutate_depth=2", "corpus", NULL});
	check_args("bytes", 2, plain, true,
		   (const char *[]){"fuzz", "-max_len=300", "-len_control=0", "-use_cmp=0",
				    "-use_memmem=0", "corpus", NULL});
	char *given[] = {"fuzz", "c", "-use_cmp=1", "-keep_seed=0", "-max_len=50",
			 "-len_control=100", "-use_memmem=1", "-cross_over=1", "-mutate_depth=5",
			 NULL};
	check_args("all given", 9, given, false,
		   (const char *[]){"fuzz", "c", "-use_cmp=1", "-keep_seed=0", "-max_len=50",
				    "-len_control=100", "-use_memmem=1", "-cross_over=1",
				    "-mutate_depth=5", NULL});
	char *out[4], buf[128];
	CHECK(reqsim_libfuzzer_args(2, plain, false, 300, out, 4, buf, sizeof(buf)) == -1,
	      "too small an argument array was filled");
	CHECK(reqsim_libfuzzer_args(2, plain, false, 300, out, 16, buf, 8) == -1,
	      "too small a string buffer was filled");
}

int main(void)
{
	test_lfargs();
	test_auto_classes();
	test_config_arch();
	test_vcpu_view();
	test_harness();
	printf("%s\n", failures ? "FAILED" : "ok");
	return failures ? 1 : 0;
}
