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
 *
 * Steps, run in order, each waiting for its completion or its timeout
 * (across reconnections of the gateway):
 *
 *   wait-gateway       until a gateway association is set up
 *   inventory READER [expect N] [reject N] [max-devices N] [max-time MS]
 *                    [filter ID/BITS | target ID]
 *                      an authenticated inventory; met when INVENTORY_END
 *                      came, exactly N devices were authenticated (expect)
 *                      and exactly N failed (reject, default 0), no report
 *                      was malformed, no device was reported twice and the
 *                      gateway's device count matches the reports
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
 *                      earlier inventory, under that inventory's session
 *
 * CMD-OPTIONS:
 *   offload            hand the gateway K_AIOTF and the plain request
 *   integrity-only     relay mode: 128-NIA2 only, no ciphering
 *   bad-mac            relay mode: flip a bit of the MAC-I
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
 * status success (or "status"); with bad-mac, any outcome but a NAS
 * response.
 */
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

static bool number(const char *s, unsigned long max, unsigned long *v)
{
	char *end;

	if (!*s || *s == '-' || *s == '+')
		return false;
	errno = 0;
	*v = strtoul(s, &end, 0);
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
		} else {
			bad(p, "inventory: unknown option '%s' (expect, reject, max-devices, "
			    "max-time, filter, target)", w[i]);
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
			bad(p, "%s: unknown option '%s' (offload, integrity-only, bad-mac, reader, "
			    "attempts, outcome, status%s)", sim_step_name(s->kind), w[i],
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
		bad(p, "unknown word '%s' (listen, seed, key, keys, timeout, wait-gateway, inventory, "
		    "cut-link, inject, read, write, disable)", w[0]);
	}
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
		free(s->inv.failed_ids);
		free(s->inv.dup_ids);
		free(s->refused);
		free(s->why);
		free(s->diag);
	}
	free(sc->steps);
	if (sc->keys)
		OPENSSL_cleanse(sc->keys, sc->n_keys * sizeof(*sc->keys));
	OPENSSL_cleanse(sc->seed, sizeof(sc->seed));
	free(sc->keys);
	free(sc->listen);
	memset(sc, 0, sizeof(*sc));
}
