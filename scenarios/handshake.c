/*
 * scenarios/handshake.c: the bare request handshake, for comparing the
 * exhaustive search with stateless model checkers (GenMC, Nidhugg) on the
 * same program.
 *
 *   vCPU v:       mode[v] = IN_GUEST; smp_mb(); seen[v] = requests[v]
 *   requester j:  for every vCPU v:
 *                     set_bit(j, &requests[v]); smp_mb(); saw[j][v] = mode[v]
 *
 * A request is missed when requester j read mode[v] as OUTSIDE (so it sends
 * no IPI) and vCPU v's read of requests[v] lacks bit j (so it enters the
 * guest without the request).  With both barriers that never happens (the
 * Dekker argument of the protocol); with mb=0 it does under TSO and weaker.
 * Each requester writes every vCPU's request word, so the threads are all
 * connected: the number of interleavings grows quickly with the threads.
 */
#include <stdio.h>
#include <string.h>

#include "platform.h"
#include "scenarios.h"

#define HS_MAX 4

struct hstate;
struct hsarg {
	struct hstate *s;
	int idx;
};

struct hstate {
	int nv, nr;
	int mode[HS_MAX];
	unsigned long requests[HS_MAX];
	unsigned long seen[HS_MAX];   /* the vCPU's read of its request word */
	int saw[HS_MAX][HS_MAX];      /* requester j's read of mode[v] */
	struct hsarg arg[2 * HS_MAX];
};

static void hs_vcpu(void *p)
{
	struct hstate *s = ((struct hsarg *)p)->s;
	int v = ((struct hsarg *)p)->idx;
	WRITE_ONCE(s->mode[v], 1); /* IN_GUEST_MODE */
	if (sim_current_param_named("mb"))
		smp_mb();
	s->seen[v] = READ_ONCE(s->requests[v]);
}

static void hs_requester(void *p)
{
	struct hstate *s = ((struct hsarg *)p)->s;
	int j = ((struct hsarg *)p)->idx;
	for (int v = 0; v < s->nv; v++) {
		set_bit(j, &s->requests[v]);
		if (sim_current_param_named("mb"))
			smp_mb__after_atomic();
		s->saw[j][v] = READ_ONCE(s->mode[v]);
	}
}

static void hs_setup(struct sim *sim, void *state)
{
	struct hstate *s = state;
	s->nv = (int)sim_param_named(sim, "vcpus");
	s->nr = (int)sim_param_named(sim, "requesters");
	for (int v = 0; v < s->nv; v++) {
		char name[32];
		snprintf(name, sizeof(name), "vcpu%d->mode", v);
		sim_name(sim, &s->mode[v], name);
		snprintf(name, sizeof(name), "vcpu%d->requests", v);
		sim_name(sim, &s->requests[v], name);
	}
	for (int i = 0; i < s->nv + s->nr; i++) {
		bool vcpu = i < s->nv;
		int idx = vcpu ? i : i - s->nv;
		char name[16];
		s->arg[i].s = s;
		s->arg[i].idx = idx;
		snprintf(name, sizeof(name), vcpu ? "vcpu%d" : "req%d", idx);
		sim_spawn(sim, name, vcpu ? idx : 16 + idx, vcpu ? hs_vcpu : hs_requester,
			  &s->arg[i]);
	}
}

/* vCPUs are spawned first: vCPU v is thread v. */
static int hs_vcpu_view(struct sim *sim, void *state, struct scen_vcpu_view *out, int max)
{
	const struct hstate *s = state;
	int n = s->nv < max ? s->nv : max;
	(void)sim;
	for (int v = 0; v < n; v++) {
		out[v].mode = (int)sim_peek(&s->mode[v], sizeof(int));
		out[v].requests = (unsigned long)sim_peek(&s->requests[v], sizeof(long));
	}
	return n;
}

static void hs_check_end(struct sim *sim, void *state)
{
	struct hstate *s = state;
	for (int j = 0; j < s->nr; j++)
		for (int v = 0; v < s->nv; v++)
			if (s->saw[j][v] == 0 && !((s->seen[v] >> j) & 1)) {
				sim_report(sim, V_MISSED_REQUEST, NULL,
					   "req%d read vcpu%d->mode OUTSIDE (no IPI) and vcpu%d "
					   "entered the guest without request %d", j, v, v, j);
				return;
			}
}

static void hs_outcome(struct sim *sim, void *state, char *buf, size_t len)
{
	struct hstate *s = state;
	size_t at = 0;
	(void)sim;
	buf[0] = 0;
	for (int v = 0; v < s->nv && at < len; v++)
		at += (size_t)snprintf(buf + at, len - at, "seen%d=%lu ", v, s->seen[v]);
	for (int j = 0; j < s->nr && at < len; j++)
		for (int v = 0; v < s->nv && at < len; v++)
			at += (size_t)snprintf(buf + at, len - at, "saw%d.%d=%d ", j, v, s->saw[j][v]);
}

#define P(nm, d, lo, hi, h) {nm, d, lo, hi, h}
static const struct scenario handshake = {
	.name = "handshake",
	.summary = "the bare mode/requests handshake (vCPUs and requesters, all to all)",
	.params = {P("vcpus", 1, 1, HS_MAX, "vCPU threads"),
		   P("requesters", 2, 1, HS_MAX, "requester threads (each asks every vCPU)"),
		   P("mb", 1, 0, 1, "1: the full barriers of the protocol; 0: none (broken)")},
	.nparams = 3,
	.bugs = {-1},
	.archs = SCEN_ARCHS_ALL, /* nothing reads the arch */
	.state_size = sizeof(struct hstate),
	.setup = hs_setup,
	.check_end = hs_check_end,
	.vcpu_view = hs_vcpu_view,
	.outcome = hs_outcome,
};

static const struct scenario *const list[] = {&handshake};

const struct scenario *const *handshake_scenarios(int *n)
{
	*n = (int)(sizeof(list) / sizeof(list[0]));
	return list;
}
