/*
 * scenarios/scenarios.h: the registry of scenarios.
 *
 * A scenario is threads + guest behaviour + oracles + parameters, and (from
 * the request-core scenarios on) the expected verdict of every bug variant.
 */
#ifndef REQSIM_SCENARIOS_H
#define REQSIM_SCENARIOS_H

#include "sim.h"

enum verdict { NEVER, SOMETIMES, ALWAYS };

/* All scenarios, in listing order. */
int scenario_count(void);
const struct scenario *scenario_at(int i);
const struct scenario *scenario_find(const char *name);
bool scenario_has_bug(const struct scenario *s, int bug_id);

/* struct scenario's archs: every family sets it explicitly. */
#define SCEN_ARCH(a) (1u << (a))
#define SCEN_ARCHS_ALL (SCEN_ARCH(ARCH_X86) | SCEN_ARCH(ARCH_ARM64))
/* Does s run on arch (an enum sim_arch)? */
bool scenario_supports_arch(const struct scenario *s, int arch);
/* The archs s runs on as a comma list in enum order ("x86,arm64", "x86"). */
const char *scenario_archs_str(const struct scenario *s, char *buf, size_t len);
/* 0 if s runs on arch; else -1 and one line in err: "scenario 'async_pf'
 * is x86 only, not arm64". */
int scenario_check_arch(const struct scenario *s, int arch, char *err, size_t len);

/* Litmus scenarios: the expected verdict of the exists clause per model,
 * with the listed bugs applied (bugs == 0: the correct program). */
struct litmus_expect {
	const char *scenario;
	uint64_t bugs;
	enum verdict expect[MODEL_COUNT];
};
const struct litmus_expect *litmus_expectations(int *n);
const char *verdict_name(int v);

/* Per family, for the registry. */
const struct scenario *const *litmus_scenarios(int *n);
const struct scenario *const *kvm_scenarios(int *n);

/* Expected verdict of a request-core scenario with one bug (or none, -1),
 * parameters overriding the defaults ("vcpus=2 late=1"), per model; arch -1
 * means both archs. */
struct verdict_row {
	const char *scenario;
	int bug;
	const char *params;
	int arch;
	enum verdict expect[MODEL_COUNT];
};
const struct verdict_row *kvm_verdict_table(int *n);
/* All families' rows, in listing order. */
int verdict_count(void);
const struct verdict_row *verdict_at(int i);

/* A vCPU of kvm loaded on pCPU idx, with its handshake words named for
 * traces (scenarios/kvm_scenarios.c; declared here to avoid including the
 * core in every scenario file). */
struct kvm;
struct kvm_vcpu;
struct kvm_vcpu *kvm_scen_vcpu_create(struct sim *sim, struct kvm *kvm, int idx);
/* kvm's vCPUs as struct scenario's vcpu_view hook reports them. */
int kvm_scen_vcpu_view(const struct kvm *kvm, struct scen_vcpu_view *out, int max);

/* The bare handshake (scenarios/handshake.c). */
const struct scenario *const *handshake_scenarios(int *n);

/* Request core II families (async page faults, kick-all, ITS). */
const struct scenario *const *apf_scenarios(int *n);
const struct verdict_row *apf_verdict_table(int *n);
const struct scenario *const *kick_all_scenarios(int *n);
const struct verdict_row *kick_all_verdict_table(int *n);
const struct scenario *const *its_scenarios(int *n);
const struct verdict_row *its_verdict_table(int *n);
/* Apply "name=value ..." to cfg; 0 on success, else a message in err. */
int scenario_apply_params(struct sim_config *cfg, const char *params, char *err,
			  size_t len);

#endif
