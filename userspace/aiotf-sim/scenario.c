// SPDX-License-Identifier: GPL-2.0
/*
 * aiotf-sim scenarios: the file `aiotf-sim run FILE` plays against a
 * gateway over AIoT-AP (Documentation/aiot-ap.rst, "aiotf-sim scenarios").
 *
 * Line based; '#' starts a comment; words are separated by blanks. Device
 * identities are HEX[/BITS] (at most 128 bits), numbers are decimal or 0x
 * hex. Settings:
 *
 *   listen ADDR        sctp:HOST[:PORT] or tcp:HOST[:PORT]; --listen wins
 *   seed HEX           the population's key seed (aiot_hwsim's key rule)
 *   key ID HEX         a device's own K_AIoT_root (16 octets); it wins
 *                      over the seed for that device
 *   keys FILE          a device file: "ID HEX" lines like the above ('#'
 *                      comments), a path relative to the working directory
 *   timeout SECONDS    how long each following step may take (default 120)
 *   population ID count N [profile NAME] [config HEX]
 *                      N devices with sequential identities from ID (as
 *                      aiot_hwsim's add-devices numbers them) of the
 *                      security profile NAME (normative, the default,
 *                      solution-9 or solution-y) and its configuration:
 *                      solution-9, AIOT_SOL9_CFG_* (the device's Security
 *                      Policy in the low octet, FLOOR 0x100; default 115);
 *                      solution-y, AIOT_SOLY_CFG_* (MUTUAL 1, REPLAY 2,
 *                      RESYNC 4, PAGING_MAC 8, CMD_INT 10, CMD_CIPHER 20;
 *                      default 3f), checked as aiot_hwsim checks it. The
 *                      AIOTF keeps each solution-y device's counter, from
 *                      0 as the devices start. Devices in
 *                      no population are normative; populations do not
 *                      overlap. sim_profile_of() is the one place that says
 *                      which device is of which profile
 *
 * Steps, run in order, each waiting for its completion or its timeout
 * (across reconnections of the gateway):
 *
 *   wait-gateway       until a gateway association is set up
 *   inventory READER [expect N] [reject N] [max-devices N] [max-time MS]
 *                    [filter ID/BITS | target ID] [tid] [group]
 *                      an authenticated inventory; met when INVENTORY_END
 *                      came, exactly N devices were authenticated (expect)
 *                      and exactly N failed (reject, default 0), no report
 *                      was malformed, no device was reported twice and the
 *                      gateway's device count matches the reports. The
 *                      normative devices it pages are paged at once (one
 *                      Inventory Request; none when the target is a
 *                      solution-9 device); then each solution-9 device it
 *                      pages (every one, those with the filter's prefix,
 *                      the target) is authenticated on its own: one
 *                      Inventory Request by its protected ID (tid: by its
 *                      HMAC T-ID) with a fresh NN and MAX_DEVICES 1;
 *                      and each solution-y device on its own: one
 *                      Inventory Request with a Y Paging Request (a fresh
 *                      nonce1, PID, its counter, MAC-P as configured) and
 *                      MAX_DEVICES 1, paged again after a resync answer;
 *                      with MUTUAL the NRES exchange follows (a Command
 *                      Request by T-ID = Nonce2). group: one group paging
 *                      of the solution-y devices instead, each answer
 *                      found by its KID among those of the devices the
 *                      step covers (a filter's; no target), then NRES
 *   cut-link after N   a fault for the next inventory: close the
 *                      association once N reports of it arrived, without
 *                      acknowledging the last ones, and keep listening
 *   inject HEX... [expect-cause NAME|none|reconnect]
 *                      send these octets to the gateway as they are (the
 *                      HEX words joined; at most 4096 octets), once a
 *                      gateway is set up, and wait for its Error
 *                      Indication about them: the one carrying their
 *                      header's txn (octets 8..15), any one when they are
 *                      fewer than 16. Met when its CAUSE is NAME (a name of
 *                      aiot_ap_cause_name(): unsupported-version,
 *                      unknown-message-type, malformed-message,
 *                      missing-mandatory-ie, unexpected-message, not-set-up,
 *                      unknown-reader, rejected-by-reader), any cause
 *                      without expect-cause; with none, when no such Error
 *                      Indication came within 2 s (or the step timeout if
 *                      shorter) and the association stayed up; with
 *                      reconnect, when the gateway closed the association
 *                      and set up a new one within the step timeout (what
 *                      a gateway does when a length field leaves the
 *                      stream unparsable). The association closing before
 *                      an awaited Error Indication: not met
 *   read ID OFF LEN    [CMD-OPTIONS] [expect HEX]
 *   write ID OFF HEX   [CMD-OPTIONS]
 *   disable ID         [CMD-OPTIONS]
 *                      a protected command to a device authenticated by an
 *                      earlier inventory, under that inventory's session;
 *                      to a solution-9 device, a 9 Command Request under
 *                      a fresh NN', its paging by the policy's identity
 *                      (no session needed; the reader of its last
 *                      authentication unless given); to a solution-y
 *                      device, a Command Request by T-ID in the session
 *                      of the last inventory that authenticated it, one
 *                      command round per session
 *
 * CMD-OPTIONS:
 *   offload            hand the gateway K_AIOTF (solution-y: k_AIoT_ses)
 *                      and the plain request (not solution-9)
 *   integrity-only     relay mode: 128-NIA2 only, no ciphering (normative)
 *   policy HEX         solution-9: the Security Policy octet of the request
 *                      (default: the device's configured one)
 *   bad-mac            relay mode: flip a bit of the MAC-I (solution-9:
 *                      of the request's MAC; solution-y: needs CMD_INT)
 *   reader N           the reader (default: the one that last read it)
 *   attempts N         transmissions while the device stays silent, 1..16
 *   outcome NAME [cause N|none]
 *                      expect this Command Response outcome (nas-response,
 *                      as-indication, no-response, failed, rejected,
 *                      interrupted) and, for as-indication, this AS cause
 *                      or none at all
 *   status NAME        expect this NAS status (success, out-of-range,
 *                      not-supported, invalid, or a number)
 *   expect HEX         read: expect these data
 *
 * A command without "outcome" expects a NAS response, verified, with
 * status success (or "status"); with bad-mac, or a solution-9 policy its
 * device refuses (below its FLOOR), any outcome but a NAS response.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/aiot.h>
#include <openssl/crypto.h>

#include "aiot_ap.h"
#include "aiot_sec.h"
#include "aiotf-sim.h"
#include "profile.h"
#include "soly.h"
#include "scenario.h"

#define MAX_WORDS	32

struct parser {
	const char *file;
	unsigned int line;
	bool failed;
};

static void bad(struct parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bad(struct parser *p, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "aiotf-sim: %s:%u: ", p->file, p->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	p->failed = true;
}

const char *sim_step_name(enum sim_step_kind kind)
{
	switch (kind) {
	case SIM_STEP_WAIT_GATEWAY:
		return "wait-gateway";
	case SIM_STEP_INVENTORY:
		return "inventory";
	case SIM_STEP_INJECT:
		return "inject";
	case SIM_STEP_READ:
		return "read";
	case SIM_STEP_WRITE:
		return "write";
	case SIM_STEP_DISABLE:
		return "disable";
	}
	return "?";
}

static const char *const status_names[] = {
	[AIOT_NAS_STATUS_SUCCESS] = "success",
	[AIOT_NAS_STATUS_OUT_OF_RANGE] = "out-of-range",
	[AIOT_NAS_STATUS_NOT_SUPPORTED] = "not-supported",
	[AIOT_NAS_STATUS_INVALID] = "invalid",
};

const char *sim_status_name(int status)
{
	if (status >= 0 && (size_t)status < sizeof(status_names) / sizeof(status_names[0]))
		return status_names[status];
	return NULL;
}

const char *sim_sec_name(int sec)
{
	switch (sec) {
	case AIOT_CMD_SEC_NONE:
		return "none";
	case AIOT_CMD_SEC_VERIFIED:
		return "verified";
	case AIOT_CMD_SEC_INTEGRITY_FAILURE:
		return "integrity-failure";
	case AIOT_CMD_SEC_MALFORMED:
		return "malformed";
	}
	return "unknown";
}

const char *sim_end_cause_name(unsigned int cause)
{
	static const char *const n[] = {
		[AIOT_INV_END_COMPLETE] = "complete",
		[AIOT_INV_END_DEVICES_READ] = "devices-read",
		[AIOT_INV_END_TIME] = "time",
		[AIOT_INV_END_EMPTY_ROUNDS] = "empty-rounds",
		[AIOT_INV_END_STOPPED] = "stopped",
		[AIOT_INV_END_READER_GONE] = "reader-gone",
		[AIOT_INV_END_FAILED] = "failed",
	};

	return cause < sizeof(n) / sizeof(n[0]) ? n[cause] : "unknown";
}

const char *sim_ap_cause_str(unsigned int cause, char *buf, size_t size)
{
	const char *n = aiot_ap_cause_name(cause);

	if (strcmp(n, "unknown"))
		return n;
	snprintf(buf, size, "%u", cause);
	return buf;
}

/* ---- populations: identities as numbers, as aiot_hwsim counts them ---- */

static void id_to_num(const struct sim_id *id, uint64_t *hi, uint64_t *lo)
{
	unsigned int i;

	*hi = *lo = 0;
	for (i = 0; i < id->bits; i++) {
		*hi = *hi << 1 | *lo >> 63;
		*lo = *lo << 1 | ((id->id[i / 8] >> (7 - i % 8)) & 1);
	}
}

static void num_to_id(uint64_t hi, uint64_t lo, unsigned int bits, struct sim_id *id)
{
	unsigned int i, k;

	memset(id, 0, sizeof(*id));
	id->bits = bits;
	for (i = 0; i < bits; i++) {
		k = bits - 1 - i;		/* bit k of the number */
		if (((k < 64 ? lo >> k : hi >> (k - 64)) & 1))
			id->id[i / 8] |= 0x80 >> (i % 8);
	}
}

void sim_pop_id(const struct sim_pop *p, uint32_t i, struct sim_id *id)
{
	uint64_t hi, lo;

	id_to_num(&p->first, &hi, &lo);
	num_to_id(hi + (lo + i < lo), lo + i, p->first.bits, id);
}

/* Is @id in @p? */
static bool pop_has(const struct sim_pop *p, const struct sim_id *id)
{
	uint64_t hi, lo, fhi, flo, dhi, dlo;

	if (id->bits != p->first.bits)
		return false;
	id_to_num(id, &hi, &lo);
	id_to_num(&p->first, &fhi, &flo);
	if (hi < fhi || (hi == fhi && lo < flo))
		return false;
	dlo = lo - flo;
	dhi = hi - fhi - (lo < flo);
	return !dhi && dlo < p->count;
}

enum aiot_sec_profile sim_profile_of(const struct sim_scenario *sc, const struct sim_id *id,
				     uint32_t *config)
{
	size_t i;

	for (i = 0; i < sc->n_pops; i++)
		if (pop_has(&sc->pops[i], id)) {
			if (config)
				*config = sc->pops[i].config;
			return sc->pops[i].profile;
		}
	if (config)
		*config = 0;
	return AIOT_SEC_PROFILE_NORMATIVE;
}

const char *sim_profile_name(enum aiot_sec_profile profile)
{
	switch (profile) {
	case AIOT_SEC_PROFILE_NORMATIVE:
		return "normative";
	case AIOT_SEC_PROFILE_SOLUTION_Y:
		return "solution-y";
	case AIOT_SEC_PROFILE_SOLUTION_9:
		return "solution-9";
	}
	return "?";
}

/* The first @bits bits of @a and @b are equal */
static bool bits_eq(const uint8_t *a, const uint8_t *b, unsigned int bits)
{
	unsigned int n = bits / 8;

	return !memcmp(a, b, n) &&
	       (!(bits % 8) || !((a[n] ^ b[n]) & (uint8_t)(0xff00 >> (bits % 8))));
}

bool sim_step_covers(const struct sim_step *step, const struct sim_id *id)
{
	switch (step->target_type) {
	case AIOT_TARGET_ALL:
		return true;
	case AIOT_TARGET_FILTER:	/* a prefix of the identity, as a device matches it */
		return step->target.bits <= id->bits &&
		       bits_eq(step->target.id, id->id, step->target.bits);
	case AIOT_TARGET_PERMANENT_ID:
		return step->target.bits == id->bits &&
		       bits_eq(step->target.id, id->id, id->bits);
	}
	return false;
}

/* Does inventory step @s authenticate @pop's devices one by one? */
static bool pop_one_by_one(const struct sim_step *s, const struct sim_pop *pop)
{
	return pop->profile == AIOT_SEC_PROFILE_SOLUTION_9 ||
	       (pop->profile == AIOT_SEC_PROFILE_SOLUTION_Y && !s->group);
}

bool sim_step_next_auth(const struct sim_scenario *sc, struct sim_step *s, struct sim_id *id,
			enum aiot_sec_profile *profile, uint32_t *config)
{
	uint64_t hi, lo;

	for (; s->s9_pop < sc->n_pops; s->s9_pop++, s->s9_next = 0) {
		const struct sim_pop *pop = &sc->pops[s->s9_pop];

		if (!pop_one_by_one(s, pop))
			continue;
		*config = pop->config;
		*profile = pop->profile;
		if (s->target_type == AIOT_TARGET_PERMANENT_ID) {
			if (s->s9_next || !pop_has(pop, &s->target))
				continue;
			s->s9_next = pop->count;
			id_to_num(&s->target, &hi, &lo);
			num_to_id(hi, lo, s->target.bits, id);
			return true;
		}
		while (s->s9_next < pop->count) {
			sim_pop_id(pop, s->s9_next++, id);
			if (sim_step_covers(s, id))
				return true;
		}
	}
	return false;
}

static bool number(const char *s, unsigned long max, unsigned long *v)
{
	char *end;

	if (!*s || *s == '-' || *s == '+')
		return false;
	errno = 0;
	*v = strtoul(s, &end, 0);
	return !*end && !errno && *v <= max;
}

/* HEX, or 0xHEX, at most max */
static bool hex_number(const char *s, unsigned long max, unsigned long *v)
{
	char *end;

	if (!strncmp(s, "0x", 2) || !strncmp(s, "0X", 2))
		s += 2;
	if (!isxdigit((unsigned char)*s))
		return false;
	errno = 0;
	*v = strtoul(s, &end, 16);
	return !*end && !errno && *v <= max;
}

/* the word after a keyword, or complain */
static const char *arg(struct parser *p, char **w, int n, int *i, const char *what)
{
	if (*i + 1 >= n) {
		bad(p, "'%s' needs %s", w[*i], what);
		return NULL;
	}
	return w[++*i];
}

static bool num_arg(struct parser *p, char **w, int n, int *i, unsigned long max,
		    unsigned long *v)
{
	const char *kw = w[*i], *s = arg(p, w, n, i, "a number");

	if (!s)
		return false;
	if (!number(s, max, v)) {
		bad(p, "'%s %s': not a number in 0..%lu", kw, s, max);
		return false;
	}
	return true;
}

static bool id_arg(struct parser *p, const char *s, struct sim_id *id)
{
	if (sim_parse_id_quiet(s, id->id, &id->bits)) {
		bad(p, "device '%s' is not HEX[/BITS] of at most 128 bits", s);
		return false;
	}
	return true;
}

static struct sim_step *new_step(struct parser *p, struct sim_scenario *sc,
				 enum sim_step_kind kind, double timeout)
{
	struct sim_step *s = realloc(sc->steps, (sc->n_steps + 1) * sizeof(*s));

	if (!s) {
		bad(p, "out of memory");
		return NULL;
	}
	sc->steps = s;
	s += sc->n_steps++;
	memset(s, 0, sizeof(*s));
	s->kind = kind;
	s->line = p->line;
	s->timeout = timeout;
	s->expect = s->reject = -1;
	s->cut_after = -1;
	s->want_outcome = -1;
	s->want_cause = SIM_CAUSE_ANY;
	s->want_status = -1;
	s->cmd.as_cause = SIM_CAUSE_NONE;
	s->cmd.sec = -1;
	s->cmd.nas_type = s->cmd.status = -1;
	s->want_ap_cause = SIM_INJECT_ANY;
	s->inj.bad_type = -1;
	s->policy = -1;
	s->s9_cur = -1;
	return s;
}

static void parse_inventory(struct parser *p, struct sim_step *s, char **w, int n)
{
	unsigned long v;
	int i;

	if (n < 2 || !number(w[1], UINT32_MAX, &v)) {
		bad(p, "inventory needs a reader number first");
		return;
	}
	s->reader = v;
	s->have_reader = true;
	s->target_type = AIOT_TARGET_ALL;
	for (i = 2; i < n && !p->failed; i++) {
		if (!strcmp(w[i], "expect")) {
			if (num_arg(p, w, n, &i, AIOT_HWSIM_MAX_DEVICES, &v))
				s->expect = v;
		} else if (!strcmp(w[i], "reject")) {
			if (num_arg(p, w, n, &i, AIOT_HWSIM_MAX_DEVICES, &v))
				s->reject = v;
		} else if (!strcmp(w[i], "max-devices")) {
			if (num_arg(p, w, n, &i, UINT32_MAX, &v)) {
				s->max_devices = v;
				s->have_max_devices = true;
			}
		} else if (!strcmp(w[i], "max-time")) {
			if (num_arg(p, w, n, &i, UINT32_MAX, &v)) {
				s->max_time_ms = v;
				s->have_max_time = true;
			}
		} else if (!strcmp(w[i], "filter") || !strcmp(w[i], "target")) {
			const char *kw = w[i], *a = arg(p, w, n, &i, "HEX/BITS");

			if (s->target_type != AIOT_TARGET_ALL) {
				bad(p, "give one of filter and target, once");
				return;
			}
			if (a && id_arg(p, a, &s->target))
				s->target_type = kw[0] == 'f' ? AIOT_TARGET_FILTER :
						 AIOT_TARGET_PERMANENT_ID;
		} else if (!strcmp(w[i], "tid")) {
			s->tid = true;
		} else if (!strcmp(w[i], "group")) {
			s->group = true;
		} else {
			bad(p, "inventory: unknown option '%s' (expect, reject, max-devices, "
			    "max-time, filter, target, tid, group)", w[i]);
		}
	}
}

static int ap_cause_by_name(const char *s)
{
	int c;

	for (c = 1; c < __AIOT_AP_CAUSE_MAX; c++)
		if (!strcmp(s, aiot_ap_cause_name(c)))
			return c;
	return -1;
}

/* inject HEX... [expect-cause NAME|none|reconnect] */
static void parse_inject(struct parser *p, struct sim_step *s, char **w, int n)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	size_t len = 0, l;
	const char *a;
	int i, c;

	for (i = 1; i < n && strcmp(w[i], "expect-cause"); i++) {
		if (aiot_hex_decode(w[i], buf + len, sizeof(buf) - len, &l) || !l) {
			bad(p, "inject: '%s' is not hex in whole octets (at most %d octets in all)",
			    w[i], AIOT_AP_MAX_LEN);
			return;
		}
		len += l;
	}
	if (!len) {
		bad(p, "give inject HEX [expect-cause NAME|none|reconnect]");
		return;
	}
	if (i < n) {
		a = arg(p, w, n, &i, "a cause name, none or reconnect");
		if (!a)
			return;
		if (!strcmp(a, "none")) {
			s->want_ap_cause = SIM_INJECT_NONE;
		} else if (!strcmp(a, "reconnect")) {
			s->want_ap_cause = SIM_INJECT_RECONNECT;
		} else {
			c = ap_cause_by_name(a);
			if (c < 0) {
				bad(p, "unknown cause '%s' (unsupported-version, unknown-message-type, "
				    "malformed-message, missing-mandatory-ie, unexpected-message, "
				    "not-set-up, unknown-reader, rejected-by-reader, none, reconnect)",
				    a);
				return;
			}
			s->want_ap_cause = c;
		}
		if (i + 1 < n) {
			bad(p, "inject: '%s' after expect-cause %s", w[i + 1], a);
			return;
		}
	}
	s->inject = malloc(len);
	if (!s->inject) {
		bad(p, "out of memory");
		return;
	}
	memcpy(s->inject, buf, len);
	s->inject_len = len;
	if (len >= AIOT_AP_HDR_LEN) {
		s->inj.have_txn = true;
		for (c = 8; c < 16; c++)
			s->txn = s->txn << 8 | buf[c];
	}
}

static int outcome_by_name(const char *s)
{
	int o;

	for (o = 0; o < __AIOT_AP_OUTCOME_MAX; o++)
		if (!strcmp(s, aiot_ap_outcome_name(o)))
			return o;
	return -1;
}

static int status_by_name(const char *s)
{
	unsigned long v;
	size_t i;

	for (i = 0; i < sizeof(status_names) / sizeof(status_names[0]); i++)
		if (!strcmp(s, status_names[i]))
			return i;
	return number(s, 255, &v) ? (int)v : -1;
}

static void parse_command(struct parser *p, struct sim_step *s, char **w, int n)
{
	static const char *const need[] = {
		[SIM_STEP_READ] = "read ID OFF LEN",
		[SIM_STEP_WRITE] = "write ID OFF HEX",
		[SIM_STEP_DISABLE] = "disable ID",
	};
	int i = s->kind == SIM_STEP_DISABLE ? 2 : 4;
	unsigned long v;
	size_t len;

	if (n < i) {
		bad(p, "give %s", need[s->kind]);
		return;
	}
	if (!id_arg(p, w[1], &s->dev))
		return;
	if (s->kind != SIM_STEP_DISABLE) {
		if (!number(w[2], 0xffff, &v)) {
			bad(p, "offset '%s' is not a number in 0..65535", w[2]);
			return;
		}
		s->offset = v;
	}
	if (s->kind == SIM_STEP_READ) {
		if (!number(w[3], 0xffff, &v)) {
			bad(p, "length '%s' is not a number in 0..65535", w[3]);
			return;
		}
		s->length = v;
	} else if (s->kind == SIM_STEP_WRITE) {
		if (aiot_hex_decode(w[3], s->data, sizeof(s->data), &len) || !len) {
			bad(p, "write data '%s' is not hex (1 to %d octets)", w[3],
			    AIOT_NAS_MAX_LEN);
			return;
		}
		s->data_len = len;
	}
	for (; i < n && !p->failed; i++) {
		if (!strcmp(w[i], "offload")) {
			s->offload = true;
		} else if (!strcmp(w[i], "bad-mac")) {
			s->bad_mac = true;
		} else if (!strcmp(w[i], "integrity-only")) {
			s->integrity_only = true;
		} else if (!strcmp(w[i], "policy")) {
			const char *a = arg(p, w, n, &i, "a policy octet in hex");

			if (!a)
				return;
			if (!hex_number(a, 0xff, &v) || !aiot_sol9_policy_valid(v)) {
				bad(p, "policy '%s' is not a Security Policy octet in hex (spare "
				    "bits 7..5 zero, no reserved value)", a);
				return;
			}
			s->policy = v;
		} else if (!strcmp(w[i], "reader")) {
			if (num_arg(p, w, n, &i, UINT32_MAX, &v)) {
				s->reader = v;
				s->have_reader = true;
			}
		} else if (!strcmp(w[i], "attempts")) {
			if (num_arg(p, w, n, &i, 16, &v)) {
				if (!v)
					bad(p, "attempts must be 1..16");
				s->attempts = v;
			}
		} else if (!strcmp(w[i], "outcome")) {
			const char *a = arg(p, w, n, &i, "an outcome name");

			if (!a)
				return;
			s->want_outcome = outcome_by_name(a);
			if (s->want_outcome < 0) {
				bad(p, "unknown outcome '%s' (nas-response, as-indication, "
				    "no-response, failed, rejected, interrupted)", a);
				return;
			}
			if (i + 1 < n && !strcmp(w[i + 1], "cause")) {
				i++;
				a = arg(p, w, n, &i, "a number or none");
				if (!a)
					return;
				if (s->want_outcome != AIOT_AP_OUTCOME_AS_INDICATION) {
					bad(p, "'cause' goes with outcome as-indication only");
					return;
				}
				if (!strcmp(a, "none"))
					s->want_cause = SIM_CAUSE_NONE;
				else if (number(a, 255, &v))
					s->want_cause = v;
				else
					bad(p, "cause '%s' is not a number in 0..255 or none", a);
			}
		} else if (!strcmp(w[i], "status")) {
			const char *a = arg(p, w, n, &i, "a status");

			if (!a)
				return;
			s->want_status = status_by_name(a);
			if (s->want_status < 0)
				bad(p, "unknown status '%s' (success, out-of-range, not-supported, "
				    "invalid, or a number)", a);
		} else if (!strcmp(w[i], "expect")) {
			const char *a = arg(p, w, n, &i, "the data in hex");

			if (!a)
				return;
			if (s->kind != SIM_STEP_READ) {
				bad(p, "'expect HEX' goes with read only (use outcome or status)");
				return;
			}
			if (aiot_hex_decode(a, s->want_data, sizeof(s->want_data), &len)) {
				bad(p, "expected data '%s' is not hex", a);
				return;
			}
			s->want_data_len = len;
			s->have_want_data = true;
		} else {
			bad(p, "%s: unknown option '%s' (offload, integrity-only, policy, bad-mac, "
			    "reader, attempts, outcome, status%s)", sim_step_name(s->kind), w[i],
			    s->kind == SIM_STEP_READ ? ", expect" : "");
		}
	}
	if (p->failed)
		return;
	if (s->offload && (s->bad_mac || s->integrity_only))
		bad(p, "%s is for relay mode: the gateway protects an offloaded request",
		    s->bad_mac ? "bad-mac" : "integrity-only");
	else if ((s->have_want_data || s->want_status >= 0) && s->want_outcome >= 0 &&
		 s->want_outcome != AIOT_AP_OUTCOME_NAS_RESPONSE)
		bad(p, "'%s' needs a NAS response, not outcome %s",
		    s->have_want_data ? "expect" : "status",
		    aiot_ap_outcome_name(s->want_outcome));
}

static bool have_key(const struct sim_scenario *sc, const struct sim_id *id)
{
	size_t i;

	if (sc->seed_len)
		return true;
	for (i = 0; i < sc->n_keys; i++)
		if (sc->keys[i].dev.bits == id->bits &&
		    !memcmp(sc->keys[i].dev.id, id->id, SIM_ID_LEN))
			return true;
	return false;
}

/* One device's own K_AIoT_root: a "key" line or a line of a keys file. */
static void add_key(struct parser *p, struct sim_scenario *sc, const char *id, const char *hex)
{
	struct sim_key k, *nk;
	size_t len;

	if (!id_arg(p, id, &k.dev))
		return;
	if (aiot_hex_decode(hex, k.k_root, sizeof(k.k_root), &len) ||
	    len != sizeof(k.k_root)) {
		bad(p, "K_AIoT_root must be %d octets of hex", AIOT_K_ROOT_LEN);
		goto out;
	}
	for (len = 0; len < sc->n_keys; len++)
		if (sc->keys[len].dev.bits == k.dev.bits &&
		    !memcmp(sc->keys[len].dev.id, k.dev.id, SIM_ID_LEN)) {
			bad(p, "a key for device %s was given before", id);
			goto out;
		}
	nk = realloc(sc->keys, (sc->n_keys + 1) * sizeof(*nk));
	if (!nk) {
		bad(p, "out of memory");
		goto out;
	}
	sc->keys = nk;
	sc->keys[sc->n_keys++] = k;
out:
	OPENSSL_cleanse(&k, sizeof(k));
}

/*
 * A device file: one "ID[/BITS] HEX" per line, '#' comments, as an ADM
 * would be provisioned; errors name the file and its line.
 */
static void load_keys(struct parser *p, struct sim_scenario *sc, const char *path)
{
	struct parser kp = { .file = path };
	char *line = NULL, *w[3], *save;
	size_t cap = 0;
	int n;
	FILE *f = fopen(path, "r");

	if (!f) {
		bad(p, "cannot open the keys file '%s': %s", path, strerror(errno));
		return;
	}
	while (!kp.failed && getline(&line, &cap, f) >= 0) {
		kp.line++;
		line[strcspn(line, "#\n")] = 0;
		n = 0;
		for (w[n] = strtok_r(line, " \t\r", &save); w[n] && n < 3;
		     w[n] = strtok_r(NULL, " \t\r", &save))
			n++;
		if (!n)
			continue;
		if (n != 2)
			bad(&kp, "give ID HEX");
		else
			add_key(&kp, sc, w[0], w[1]);
	}
	if (line)
		OPENSSL_cleanse(line, cap);
	free(line);
	fclose(f);
	if (kp.failed)
		p->failed = true;
}

/* population ID count N [profile NAME] [config HEX] */
static void parse_population(struct parser *p, struct sim_scenario *sc, char **w, int n)
{
	struct sim_pop pop = { .profile = AIOT_SEC_PROFILE_NORMATIVE, .line = p->line };
	bool have_count = false, have_config = false;
	uint64_t hi, lo, thi, tlo;
	struct sim_pop *np;
	unsigned long v;
	size_t j;
	int i;

	if (n < 2 || !id_arg(p, w[1], &pop.first)) {
		if (!p->failed)
			bad(p, "give population ID count N [profile NAME] [config HEX]");
		return;
	}
	for (i = 2; i < n && !p->failed; i++) {
		if (!strcmp(w[i], "count")) {
			if (num_arg(p, w, n, &i, AIOT_HWSIM_MAX_DEVICES, &v)) {
				if (!v)
					bad(p, "population: count must be 1..%d", AIOT_HWSIM_MAX_DEVICES);
				pop.count = v;
				have_count = true;
			}
		} else if (!strcmp(w[i], "profile")) {
			const char *a = arg(p, w, n, &i, "a profile name");

			if (!a)
				return;
			if (!strcmp(a, "normative"))
				pop.profile = AIOT_SEC_PROFILE_NORMATIVE;
			else if (!strcmp(a, "solution-9"))
				pop.profile = AIOT_SEC_PROFILE_SOLUTION_9;
			else if (!strcmp(a, "solution-y"))
				pop.profile = AIOT_SEC_PROFILE_SOLUTION_Y;
			else
				bad(p, "unknown profile '%s' (normative, solution-9, solution-y)", a);
		} else if (!strcmp(w[i], "config")) {
			const char *a = arg(p, w, n, &i, "the configuration in hex");

			if (!a)
				return;
			if (!hex_number(a, UINT32_MAX, &v)) {
				bad(p, "config '%s' is not a number in hex", a);
				return;
			}
			pop.config = v;
			have_config = true;
		} else {
			bad(p, "population: unknown option '%s' (count, profile, config)", w[i]);
		}
	}
	if (p->failed)
		return;
	if (!have_count) {
		bad(p, "population: give its count");
		return;
	}
	if (pop.profile == AIOT_SEC_PROFILE_NORMATIVE && have_config) {
		bad(p, "population: the normative profile has no configuration");
		return;
	}
	if (pop.profile == AIOT_SEC_PROFILE_SOLUTION_9) {
		if (!have_config)
			pop.config = AIOT_SOL9_CFG_DEFAULT;
		if ((pop.config & ~AIOT_SOL9_CFG_ALL) ||
		    !aiot_sol9_policy_valid(pop.config & AIOT_SOL9_CFG_POLICY_MASK)) {
			bad(p, "config %x is not a solution-9 configuration (policy octet with "
			    "no spare bit or reserved value, FLOOR 100)", pop.config);
			return;
		}
	}
	if (pop.profile == AIOT_SEC_PROFILE_SOLUTION_Y) {
		if (!have_config)
			pop.config = AIOT_SOLY_CFG_DEFAULT;
		if (!sy_config_valid(pop.config)) {
			bad(p, "config %x is not a solution-y configuration (bits MUTUAL 1, REPLAY 2, "
			    "RESYNC 4, PAGING_MAC 8, CMD_INT 10, CMD_CIPHER 20; RESYNC and "
			    "PAGING_MAC need REPLAY, CMD_CIPHER needs CMD_INT)", pop.config);
			return;
		}
	}
	/* as aiot_hwsim: the last identity, first + count - 1, fits in the bits */
	id_to_num(&pop.first, &hi, &lo);
	tlo = lo + pop.count - 1;
	thi = hi + (tlo < lo);
	if (thi < hi || (pop.first.bits < 128 &&
			 (pop.first.bits <= 64 ?
			  thi || (pop.first.bits < 64 && tlo >> pop.first.bits) :
			  thi >> (pop.first.bits - 64)))) {
		bad(p, "population: %u identities from %s do not fit in %u bits", pop.count,
		    w[1], pop.first.bits);
		return;
	}
	num_to_id(hi, lo, pop.first.bits, &pop.first);	/* padding bits zero */
	for (j = 0; j < sc->n_pops; j++) {
		struct sim_id last;

		sim_pop_id(&pop, pop.count - 1, &last);
		if (pop_has(&sc->pops[j], &pop.first) || pop_has(&sc->pops[j], &last) ||
		    pop_has(&pop, &sc->pops[j].first)) {
			bad(p, "population: it overlaps the population of line %u",
			    sc->pops[j].line);
			return;
		}
	}
	np = realloc(sc->pops, (sc->n_pops + 1) * sizeof(*np));
	if (!np) {
		bad(p, "out of memory");
		return;
	}
	sc->pops = np;
	sc->pops[sc->n_pops++] = pop;
}

static void parse_line(struct parser *p, struct sim_scenario *sc, char *line, double *timeout,
		       long *cut, unsigned int *cut_line)
{
	char *w[MAX_WORDS], *save, *t;
	struct sim_step *s;
	unsigned long v;
	size_t len;
	int n = 0;

	t = strchr(line, '#');
	if (t)
		*t = 0;
	for (t = strtok_r(line, " \t\r\n", &save); t; t = strtok_r(NULL, " \t\r\n", &save)) {
		if (n == MAX_WORDS) {
			bad(p, "more than %d words", MAX_WORDS);
			return;
		}
		w[n++] = t;
	}
	if (!n)
		return;

	if (!strcmp(w[0], "listen")) {
		if (n != 2) {
			bad(p, "give listen sctp:HOST[:PORT] or tcp:HOST[:PORT]");
		} else if (sc->listen) {
			bad(p, "listen given twice");
		} else {
			sc->listen = strdup(w[1]);
			sc->listen_line = p->line;
		}
	} else if (!strcmp(w[0], "seed")) {
		if (n != 2 || aiot_hex_decode(w[1], sc->seed, sizeof(sc->seed), &len) || !len)
			bad(p, "give seed HEX, 1 to %d octets", AIOT_HWSIM_SEED_MAX_LEN);
		else if (sc->seed_len)
			bad(p, "seed given twice");
		else
			sc->seed_len = len;
	} else if (!strcmp(w[0], "key")) {
		if (n != 3)
			bad(p, "give key ID HEX");
		else
			add_key(p, sc, w[1], w[2]);
	} else if (!strcmp(w[0], "keys")) {
		if (n != 2)
			bad(p, "give keys FILE");
		else
			load_keys(p, sc, w[1]);
	} else if (!strcmp(w[0], "population")) {
		parse_population(p, sc, w, n);
	} else if (!strcmp(w[0], "timeout")) {
		char *end;
		double d = n == 2 ? strtod(w[1], &end) : 0;

		if (n != 2 || *end || !(d > 0) || d > 86400 * 7)
			bad(p, "give timeout SECONDS, more than 0");
		else
			*timeout = d;
	} else if (!strcmp(w[0], "cut-link")) {
		if (n != 3 || strcmp(w[1], "after") || !number(w[2], UINT32_MAX, &v) || !v)
			bad(p, "give cut-link after N (reports, at least 1)");
		else if (*cut >= 0)
			bad(p, "cut-link given twice before an inventory");
		else {
			*cut = v;
			*cut_line = p->line;
		}
	} else if (!strcmp(w[0], "wait-gateway")) {
		if (n != 1)
			bad(p, "wait-gateway takes nothing");
		else
			new_step(p, sc, SIM_STEP_WAIT_GATEWAY, *timeout);
	} else if (!strcmp(w[0], "inventory")) {
		s = new_step(p, sc, SIM_STEP_INVENTORY, *timeout);
		if (s) {
			parse_inventory(p, s, w, n);
			s->cut_after = *cut;
			*cut = -1;
		}
	} else if (!strcmp(w[0], "read") || !strcmp(w[0], "write") ||
		   !strcmp(w[0], "disable")) {
		s = new_step(p, sc, w[0][0] == 'r' ? SIM_STEP_READ :
			     w[0][0] == 'w' ? SIM_STEP_WRITE : SIM_STEP_DISABLE, *timeout);
		if (s)
			parse_command(p, s, w, n);
	} else if (!strcmp(w[0], "inject")) {
		s = new_step(p, sc, SIM_STEP_INJECT, *timeout);
		if (s)
			parse_inject(p, s, w, n);
	} else {
		bad(p, "unknown word '%s' (listen, seed, key, keys, population, timeout, "
		    "wait-gateway, inventory, cut-link, inject, read, write, disable)", w[0]);
	}
}

/*
 * Once every population is known: which of its devices an inventory step
 * authenticates one by one (solution-9), whether it also sends the
 * normative Inventory Request (unless its target is a solution-9 device).
 */
static void check_inventory(struct parser *p, const struct sim_scenario *sc, struct sim_step *s)
{
	struct sim_id id;
	size_t i;
	uint32_t j;

	unsigned long n;

	s->normative = !(s->target_type == AIOT_TARGET_PERMANENT_ID &&
			 sim_profile_of(sc, &s->target, NULL) != AIOT_SEC_PROFILE_NORMATIVE);
	if (s->group && s->target_type == AIOT_TARGET_PERMANENT_ID) {
		bad(p, "inventory: group pages all the solution-y devices at once: no target with it");
		return;
	}
	for (i = 0; i < sc->n_pops; i++) {
		const struct sim_pop *pop = &sc->pops[i];

		if (pop->profile == AIOT_SEC_PROFILE_NORMATIVE)
			continue;
		n = 0;
		if (s->target_type == AIOT_TARGET_ALL) {
			n = pop->count;
		} else if (s->target_type == AIOT_TARGET_PERMANENT_ID) {
			n = pop_has(pop, &s->target);
		} else {
			for (j = 0; j < pop->count; j++) {
				sim_pop_id(pop, j, &id);
				n += sim_step_covers(s, &id);
			}
		}
		if (pop->profile == AIOT_SEC_PROFILE_SOLUTION_9)
			s->s9_covered += n;
		else
			s->sy_covered += n;
	}
	if (s->group && !s->sy_covered)
		bad(p, "inventory: group pages solution-y devices, but no population line makes "
		    "any device solution-y");
	else if (s->tid && !s->s9_covered)
		bad(p, "inventory: tid pages solution-9 devices by T-ID, but this step pages none "
		    "(no population line makes them solution-9)");
}

/* A command's device's profile, and the options that go with it. */
static void check_command(struct parser *p, const struct sim_scenario *sc, struct sim_step *s)
{
	char id[40];
	int policy;

	s->profile = sim_profile_of(sc, &s->dev, &s->config);
	sim_format_id(s->dev.id, s->dev.bits, id, sizeof(id));
	if (s->profile == AIOT_SEC_PROFILE_SOLUTION_Y) {
		if (s->policy >= 0)
			bad(p, "%s: policy is for solution-9 devices; %s is a solution-y device (its "
			    "configuration says how commands are protected)", sim_step_name(s->kind),
			    id);
		else if (s->integrity_only)
			bad(p, "%s: integrity-only is the normative profile's; %s is a solution-y "
			    "device (its configuration says how commands are protected)",
			    sim_step_name(s->kind), id);
		else if (s->bad_mac && !(s->config & AIOT_SOLY_CFG_CMD_INT))
			bad(p, "%s: bad-mac, but configuration %x has no CMD_INT: %s's commands "
			    "have no MAC", sim_step_name(s->kind), s->config, id);
		return;
	}
	if (s->profile != AIOT_SEC_PROFILE_SOLUTION_9) {
		if (s->policy >= 0)
			bad(p, "%s: policy is for solution-9 devices, and no population line makes "
			    "%s one", sim_step_name(s->kind), id);
		return;
	}
	policy = s->policy >= 0 ? s->policy : (int)(s->config & AIOT_SOL9_CFG_POLICY_MASK);
	if (s->offload)
		bad(p, "%s: %s is a solution-9 device, and solution-9 has no offload mode",
		    sim_step_name(s->kind), id);
	else if (s->integrity_only)
		bad(p, "%s: integrity-only is the normative profile's; %s is a solution-9 device "
		    "(give policy HEX)", sim_step_name(s->kind), id);
	else if (s->bad_mac && !(policy & AIOT_SOL9_POL_INT_MASK))
		bad(p, "%s: bad-mac, but policy %02x has no MAC", sim_step_name(s->kind), policy);
}

int sim_scenario_load(const char *file, struct sim_scenario *sc)
{
	struct parser p = { .file = file };
	double timeout = SIM_DEFAULT_TIMEOUT;
	unsigned int cut_line = 0;
	char *line = NULL;
	size_t cap = 0, i;
	long cut = -1;
	FILE *f;

	memset(sc, 0, sizeof(*sc));
	sc->file = file;
	f = fopen(file, "r");
	if (!f) {
		sim_err("cannot open scenario '%s': %s", file, strerror(errno));
		return EXIT_USAGE;
	}
	while (!p.failed && getline(&line, &cap, f) >= 0) {
		p.line++;
		parse_line(&p, sc, line, &timeout, &cut, &cut_line);
	}
	free(line);
	fclose(f);
	if (p.failed)
		goto fail;
	if (cut >= 0) {
		p.line = cut_line;
		bad(&p, "cut-link with no inventory after it");
		goto fail;
	}
	for (i = 0; i < sc->n_steps; i++) {
		struct sim_step *s = &sc->steps[i];

		p.line = s->line;
		if (s->kind == SIM_STEP_INVENTORY && !sc->seed_len && !sc->n_keys)
			bad(&p, "inventory: the ADM has no key (give seed or key lines)");
		else if (s->kind >= SIM_STEP_READ && !have_key(sc, &s->dev)) {
			char id[40];

			sim_format_id(s->dev.id, s->dev.bits, id, sizeof(id));
			bad(&p, "%s: no key for device %s (give seed or a key line)",
			    sim_step_name(s->kind), id);
		} else if (s->kind == SIM_STEP_INVENTORY) {
			check_inventory(&p, sc, s);
		} else if (s->kind >= SIM_STEP_READ) {
			check_command(&p, sc, s);
		}
		if (p.failed)
			goto fail;
	}
	if (!sc->n_steps) {
		sim_err("%s: no steps (wait-gateway, inventory, inject, read, write, disable)", file);
		goto fail;
	}
	return EXIT_OK;
fail:
	sim_scenario_free(sc);
	return EXIT_USAGE;
}

void sim_scenario_free(struct sim_scenario *sc)
{
	size_t i, j;

	for (i = 0; i < sc->n_steps; i++) {
		struct sim_step *s = &sc->steps[i];

		if (s->req)
			OPENSSL_cleanse(s->req, s->req_len);
		free(s->req);
		free(s->inject);
		OPENSSL_cleanse(s->k_aiotf, sizeof(s->k_aiotf));
		for (j = 0; j < s->inv.n_failed_ids; j++)
			free(s->inv.failed_ids[j]);
		for (j = 0; j < s->inv.n_dup_ids; j++)
			free(s->inv.dup_ids[j]);
		for (j = 0; j < s->inv.n_not_found_ids; j++)
			free(s->inv.not_found_ids[j]);
		free(s->inv.failed_ids);
		free(s->inv.dup_ids);
		free(s->inv.not_found_ids);
		if (s->inv.auths)
			OPENSSL_cleanse(s->inv.auths, s->inv.n_auths * sizeof(*s->inv.auths));
		free(s->inv.auths);
		free(s->refused);
		free(s->why);
		free(s->diag);
	}
	free(sc->steps);
	if (sc->keys)
		OPENSSL_cleanse(sc->keys, sc->n_keys * sizeof(*sc->keys));
	OPENSSL_cleanse(sc->seed, sizeof(sc->seed));
	free(sc->keys);
	free(sc->pops);
	free(sc->listen);
	memset(sc, 0, sizeof(*sc));
}
