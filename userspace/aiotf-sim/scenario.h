/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiotf-sim scenarios: the parsed file (scenario.c, format in its header
 * comment and in Documentation/aiot-ap.rst) and what running each step
 * found (run.c), which summary.c prints.
 */
#ifndef AIOTF_SIM_SCENARIO_H
#define AIOTF_SIM_SCENARIO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <aiot/hwsim_values.h>
#include <aiot/nas_values.h>
#include <aiot/profile_values.h>
#include <aiot/sec_values.h>

#define SIM_ID_LEN		16	/* octets of a 128-bit identity */
#define SIM_DEFAULT_TIMEOUT	120.0	/* seconds per step */
#define SIM_CAUSE_ANY		-2	/* outcome ... without "cause" */
#define SIM_CAUSE_NONE		-1	/* "cause none": no AS_CAUSE IE */
#define SIM_INJECT_ANY		-1	/* inject without expect-cause */
#define SIM_INJECT_NONE		-2	/* expect-cause none */
#define SIM_INJECT_RECONNECT	-3	/* expect-cause reconnect */
#define SIM_INJECT_QUIET	2.0	/* seconds without an answer: expect-cause none */

struct sim_id {
	uint8_t id[SIM_ID_LEN];
	unsigned int bits;
};

enum sim_step_kind {
	SIM_STEP_WAIT_GATEWAY,
	SIM_STEP_INVENTORY,
	SIM_STEP_INJECT,		/* before the commands: kind >= READ is one */
	SIM_STEP_READ,
	SIM_STEP_WRITE,
	SIM_STEP_DISABLE,
};

/*
 * A population the AIOTF serves ("population" lines): sequential identities
 * from @first, as aiot_hwsim numbers them, of one security profile.
 * Devices in no population are normative.
 */
struct sim_pop {
	struct sim_id first;		/* its padding bits zero */
	uint32_t count;
	enum aiot_sec_profile profile;
	uint32_t config;		/* AIOT_SOL9_CFG_* or AIOT_SOLY_CFG_* */
	unsigned int line;
};

/* What the INVENTORY_END of an Inventory Request said */
struct sim_inv_end {
	bool ended;			/* INVENTORY_END arrived */
	uint8_t end_cause;
	uint32_t gw_devices;		/* DEVICES of INVENTORY_END */
	uint64_t air_us, slots, collisions;
	bool have_air, have_slots, have_collisions;
};

/*
 * One authentication of an inventory step: a solution-9 device and its
 * request, or a solution-y device, its access (a targeted paging, again
 * after each resync) and, with MUTUAL, its NRES exchange; or the answer of
 * one solution-y device to the step's group paging, and its NRES exchange.
 */
enum sim_auth_result {
	SIM_AUTH_PENDING,		/* no answer yet */
	SIM_AUTH_AUTHENTICATED,
	SIM_AUTH_FAILED,		/* an answer that does not authenticate it */
	SIM_AUTH_NOT_FOUND,		/* its request ended without an answer */
	SIM_AUTH_MALFORMED,		/* only answers that are not the profile's answer */
	SIM_AUTH_NO_KEY,		/* the ADM has no key: not paged */
};

struct sim_auth {
	struct sim_id dev;
	enum aiot_sec_profile profile;
	uint32_t config;
	uint64_t txn;
	uint8_t nn[AIOT_SOL9_NN_LEN];
	uint8_t dn[AIOT_SOL9_DN_LEN];	/* of the last answer that decoded */
	bool have_dn;
	enum sim_auth_result result;
	const char *why;		/* why it failed, a phrase */
	unsigned long reports;		/* new reports of its request */
	unsigned long malformed;	/* of which: no 9 Authentication Response */
	struct sim_inv_end end;		/* of its request */
	/* solution-y */
	bool group;			/* found by its KID in the group paging */
	uint8_t nonce1[AIOT_SOLY_NONCE1_LEN];
	uint8_t nonce2[AIOT_SOLY_NONCE2_LEN];	/* of the answer whose ARES verified */
	bool ares_ok;			/* an answer's ARES verified (the access) */
	bool resync_due;		/* its answer was a resync: page again */
	uint32_t counter;		/* the counter paged with */
	unsigned int resyncs;		/* resync answers adopted */
	bool nres;			/* the NRES exchange ran */
	uint64_t nres_txn;
	const char *nres_outcome;	/* its Command Response outcome */
};

/* A device's own K_AIoT_root ("key" lines) */
struct sim_key {
	struct sim_id dev;
	uint8_t k_root[AIOT_K_ROOT_LEN];
};

/* What running an inventory step found */
struct sim_inv_result {
	unsigned long reports;		/* new (not duplicate) Inventory Reports */
	unsigned long devices;		/* distinct devices among them */
	unsigned long authenticated;
	unsigned long failed;		/* RES_AIOT != XRES_AIOT, or no key */
	unsigned long no_key;		/* of which: the ADM has no key for them */
	unsigned long malformed;	/* NAS not the answer asked for */
	unsigned long dup_reports;	/* duplicates suppressed */
	unsigned long dup_devices;	/* a device in two reports: a violation */
	char **failed_ids, **dup_ids;
	size_t n_failed_ids, n_dup_ids;
	/* the normative request, when the step has one */
	unsigned long norm_devices;	/* distinct devices of its reports */
	unsigned long s9_malformed;	/* reports to authentications, not 9 ... Responses */
	unsigned long not_found;	/* solution-9 devices paged that did not answer */
	char **not_found_ids;
	size_t n_not_found_ids;
	struct sim_auth *auths;		/* study profile authentications, in order */
	size_t n_auths;
	unsigned long resyncs;		/* solution-y resync answers adopted */
	/* the group paging of solution-y devices ("group") */
	struct sim_auth grp;		/* its request; its answers are in auths */
	bool grp_sent;
	unsigned long grp_unknown;	/* answers whose KID or ARES fit no device */
	struct sim_inv_end end;		/* of the normative request */
	bool cut_done;
	unsigned long cut_at;		/* reports when the link was cut */
};

/* What running a command step found */
struct sim_cmd_result {
	bool answered;			/* COMMAND_RESPONSE arrived */
	uint8_t outcome;
	int as_cause;			/* SIM_CAUSE_NONE when absent */
	int sec;			/* -1 when absent */
	const char *verdict;		/* ok, integrity-failure, malformed, ... */
	int nas_type, status;		/* of the opened response; -1 none */
	uint8_t data[AIOT_NAS_MAX_LEN];
	size_t data_len;
	bool no_session;		/* no authenticated session for the device */
};

/* What running an inject step found */
struct sim_inject_result {
	bool have_txn;			/* 16 octets or more: the step's txn is theirs */
	bool sent;			/* the octets went out, once */
	bool answered;			/* an Error Indication about them came */
	uint16_t cause;			/* its CAUSE */
	int bad_type;			/* its BAD_TYPE, -1 when absent */
	bool closed;			/* the association closed after they went out */
	bool reconnected;		/* and a gateway set up again */
	bool quiet;			/* expect-cause none: the quiet time passed */
};

struct sim_step {
	enum sim_step_kind kind;
	unsigned int line;
	double timeout;			/* seconds */

	/* inventory */
	uint32_t reader;
	bool have_reader;
	long expect, reject;		/* -1: not given (reject defaults to 0) */
	uint32_t max_devices, max_time_ms;
	bool have_max_devices, have_max_time;
	uint8_t target_type;		/* enum aiot_target; ALL: no TARGET */
	struct sim_id target;
	long cut_after;			/* -1: no cut-link fault */
	bool tid;			/* page solution-9 devices by T-ID */
	bool group;			/* one group paging of the solution-y devices */
	bool normative;			/* the step sends a normative Inventory Request */

	/* commands */
	struct sim_id dev;
	uint16_t offset, length;
	uint8_t data[AIOT_NAS_MAX_LEN];	/* write */
	size_t data_len;
	bool offload, bad_mac, integrity_only;
	int policy;			/* solution-9: the policy octet, -1 the device's */
	enum aiot_sec_profile profile;	/* of the command's device */
	uint32_t config;		/* its configuration (solution-9) */
	uint8_t attempts;		/* 0: not given */
	int want_outcome;		/* -1: the default expectation */
	int want_cause;			/* SIM_CAUSE_ANY, SIM_CAUSE_NONE or the cause */
	int want_status;		/* -1: success when a NAS response is due */
	uint8_t want_data[AIOT_NAS_MAX_LEN];
	size_t want_data_len;
	bool have_want_data;

	/* inject */
	uint8_t *inject;		/* the octets, sent as they are */
	size_t inject_len;
	int want_ap_cause;		/* enum aiot_ap_cause, or SIM_INJECT_* */

	/* running it */
	uint64_t txn;			/* of the request, or of the injected header */
	uint8_t *req;			/* the encoded request, to resend */
	size_t req_len;
	bool req_sent, req_acked;
	uint8_t rand_n[AIOT_RAND_N_LEN];	/* normative RAND_n; a solution-9 command's NN' */
	uint8_t k_aiotf[AIOT_K_AIOTF_LEN];	/* a command's session */
	uint64_t inv_txn;		/* the normative Inventory Request's */
	size_t s9_pop;			/* inventory: the next device to authenticate */
	uint32_t s9_next;
	long s9_cur;			/* the authentication running, -1: none */
	unsigned long s9_covered;	/* solution-9 devices the step pages */
	unsigned long sy_covered;	/* solution-y devices the step pages */
	bool sy_nres;			/* the request running is an NRES exchange */
	size_t grp_next;		/* group: the next answer whose NRES runs */
	uint8_t nonce1[AIOT_SOLY_NONCE1_LEN];	/* solution-y command: its session */
	uint8_t nonce2[AIOT_SOLY_NONCE2_LEN];
	bool started, done, timed_out, met;
	double t_start, t_end;		/* monotonic seconds */
	double t_sent;			/* the request first sent, or 0 */
	unsigned int reconnects;	/* associations set up after the first */
	char *refused;			/* the gateway's error, as a sentence */
	char *why;			/* why it was not met, a sentence */
	uint32_t err_no;
	bool have_errno;
	char *diag;			/* DIAG of the gateway's answer */
	char gw_id[65];			/* wait-gateway: who set up */
	uint64_t gw_epoch;
	struct sim_inv_result inv;
	struct sim_cmd_result cmd;
	struct sim_inject_result inj;
	/* for the progress line */
	double t_progress;
	unsigned long progress_reports;
};

struct sim_scenario {
	const char *file;
	char *listen;			/* from the file; --listen wins */
	unsigned int listen_line;
	uint8_t seed[AIOT_HWSIM_SEED_MAX_LEN];
	size_t seed_len;
	struct sim_key *keys;
	size_t n_keys;
	struct sim_pop *pops;
	size_t n_pops;
	struct sim_step *steps;
	size_t n_steps;
};

/*
 * The one place that says which device is of which security profile: the
 * population @id is in, else normative. *config (when not NULL) gets the
 * population's configuration (0 for normative).
 */
enum aiot_sec_profile sim_profile_of(const struct sim_scenario *sc, const struct sim_id *id,
				     uint32_t *config);
/* The @i-th identity of @p (i < count), its padding bits zero */
void sim_pop_id(const struct sim_pop *p, uint32_t i, struct sim_id *id);
/* Does @step page @id (every device, a filter prefix, the target)? */
bool sim_step_covers(const struct sim_step *step, const struct sim_id *id);
const char *sim_profile_name(enum aiot_sec_profile profile);
/*
 * The next device of a study profile that inventory step @s authenticates
 * on its own (solution-9; solution-y unless the step pages them as a
 * group), in population order (its cursor s9_pop, s9_next moves on), its
 * profile and configuration; false when there is none left.
 */
bool sim_step_next_auth(const struct sim_scenario *sc, struct sim_step *s, struct sim_id *id,
			enum aiot_sec_profile *profile, uint32_t *config);

/* Parse a scenario file; EXIT_OK, or EXIT_USAGE after "FILE:LINE: what" */
int sim_scenario_load(const char *file, struct sim_scenario *sc);
void sim_scenario_free(struct sim_scenario *sc);
const char *sim_step_name(enum sim_step_kind kind);
const char *sim_status_name(int status);
const char *sim_sec_name(int sec);
const char *sim_end_cause_name(unsigned int cause);
/* An Error Indication's CAUSE: its aiot_ap_cause_name(), else the number in buf */
const char *sim_ap_cause_str(unsigned int cause, char *buf, size_t size);

/* What a run saw beyond its steps */
struct sim_totals {
	char listen[300];		/* the address listened on */
	unsigned int associations;	/* gateway associations set up */
	unsigned long stray;		/* reports no running step awaited */
	unsigned long dup_total;	/* duplicates suppressed, all steps */
	unsigned long errors_sent;	/* Error Indications sent */
	unsigned long errors_received;	/* Error Indications received */
	char gw_id[65];			/* the last gateway set up */
	uint64_t gw_epoch;
	bool interrupted;		/* SIGINT or SIGTERM */
};

/* Summary of a run: human text, or one JSON document, on stdout */
void sim_summary(const struct sim_scenario *sc, const struct sim_totals *t, bool json);

#endif /* AIOTF_SIM_SCENARIO_H */
