/*
 * tests/test_fuzz_harness.c: the fuzz harness body (fuzz/harness.c) without
 * an engine, and the protocol-state hook its mode x requests feature uses.
 *
 *  - sim_protocol_state(): constant 0 for a scenario without vCPUs; for the
 *    request-core scenarios it starts at the hash of (OUTSIDE, no request)
 *    per vCPU and takes several values during a run (mode changes, request
 *    bits set and cleared), the same sequence for the same schedule.
 *  - the harness: the same input fills the feature map identically twice
 *    (nothing survives between inputs), different inputs give different
 *    maps, a violating input returns 1 with aborting off, and an input that
 *    is clean stays 0.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scenarios.h"
#include "strategy.h"

#include "check.h"

#define MAXV 4096

/* The distinct protocol states of one random run of sc (seed), in order of
 * first appearance; returns how many. */
static int states_of_run(const char *scen, uint64_t seed, uint64_t *out, int max,
			 uint64_t *first)
{
	struct sim_config cfg;
	struct strategy st;
	struct sim_result r;
	const struct scenario *sc = scenario_find(scen);
	sim_config_defaults(&cfg, sc);
	cfg.model = MODEL_TSO;
	struct sim *sim = sim_new(&cfg);
	strategy_init(&st, ST_RANDOM, 7);
	strategy_begin_run(&st, seed);
	sim_begin(sim, &st);
	int n = 0;
	*first = sim_protocol_state(sim);
	do {
		uint64_t h = sim_protocol_state(sim);
		bool seen = false;
		for (int i = 0; i < n; i++)
			seen |= out[i] == h;
		if (!seen && n < max)
			out[n++] = h;
	} while (sim_step(sim));
	sim_finish(sim, &r);
	strategy_free(&st);
	sim_free(sim);
	return n;
}

static void test_protocol_state(void)
{
	uint64_t a[MAXV], b[MAXV], first, first2;

	int n = states_of_run("sb", 1, a, MAXV, &first);
	CHECK(n == 1 && a[0] == 0 && first == 0, "sb has no protocol state: %d values", n);

	/* dekker with one vCPU: the hash starts at (OUTSIDE_GUEST_MODE, 0). */
	static const int mode0[1] = {0};
	static const unsigned long req0[1] = {0};
	n = states_of_run("dekker", 1, a, MAXV, &first);
	CHECK(first == scen_protocol_hash(mode0, req0, 1),
	      "dekker starts at (OUTSIDE, no request): %#llx", (unsigned long long)first);
	CHECK(n >= 3, "dekker: only %d protocol states in a run", n);
	int n2 = states_of_run("dekker", 1, b, MAXV, &first2);
	CHECK(n2 == n && !memcmp(a, b, (size_t)n * sizeof(a[0])),
	      "dekker: the same schedule gave other protocol states");

	/* The hash tells modes and request bits apart. */
	static const int mode1[1] = {1};
	static const unsigned long req1[1] = {1};
	CHECK(scen_protocol_hash(mode1, req0, 1) != scen_protocol_hash(mode0, req0, 1) &&
	      scen_protocol_hash(mode0, req1, 1) != scen_protocol_hash(mode0, req0, 1) &&
	      scen_protocol_hash(mode1, req1, 1) != scen_protocol_hash(mode1, req0, 1),
	      "scen_protocol_hash confuses mode or request bits");

	/* Every request-core family has the hook. */
	static const char *const with[] = {"dekker", "payload", "tlb_flush", "halt", "mixed",
					   "async_pf", "kick_all", "handshake"};
	for (size_t i = 0; i < sizeof(with) / sizeof(with[0]); i++) {
		const struct scenario *sc = scenario_find(with[i]);
		CHECK(sc && sc->protocol_state, "%s has no protocol_state hook", with[i]);
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
	static const uint8_t in2[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
	int r1 = run_into(map1, in1, sizeof(in1));
	size_t f1 = reqsim_fuzz_feature_count();
	int r1b = run_into(map2, in1, sizeof(in1));
	CHECK(r1 == r1b, "the same input gave another verdict");
#if REQSIM_FUZZ_FEEDBACK
	CHECK(f1 > 0, "no features reported");
	CHECK(f1 == reqsim_fuzz_feature_count() && !memcmp(map1, map2, sizeof(map1)),
	      "the same input gave another feature map (state kept between inputs?)");
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

int main(void)
{
	test_protocol_state();
	test_harness();
	printf("%s\n", failures ? "FAILED" : "ok");
	return failures ? 1 : 0;
}
