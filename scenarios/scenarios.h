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
/* The families (scenarios/families.def): fam_scenarios() each, and
 * fam_verdict_table() for those with verdict rows. */
#define REQSIM_IF_VERDICTS(...) __VA_ARGS__
#define REQSIM_IF_NO_VERDICTS(...)
#define REQSIM_FAMILY(fam, source, verdicts, native)                                       \
	const struct scenario *const *fam##_scenarios(int *n);                             \
	REQSIM_IF_##verdicts(const struct verdict_row *fam##_verdict_table(int *n);)
#include "families.def"
#undef REQSIM_FAMILY

/* All families' rows, in listing order. */
int verdict_count(void);
const struct verdict_row *verdict_at(int i);

/* A vCPU of kvm loaded on pCPU idx, with its handshake words named for
 * traces (scenarios/kvm.c; declared here to avoid including the
 * core in every scenario file). */
struct kvm;
struct kvm_vcpu;
struct kvm_vcpu *kvm_scen_vcpu_create(struct sim *sim, struct kvm *kvm, int idx);
/* kvm's vCPUs as struct scenario's vcpu_view hook reports them. */
int kvm_scen_vcpu_view(const struct kvm *kvm, struct scen_vcpu_view *out, int max);

/* Apply "name=value ..." to cfg; 0 on success, else a message in err. */
int scenario_apply_params(struct sim_config *cfg, const char *params, char *err,
			  size_t len);

#endif
