// SPDX-License-Identifier: GPL-2.0
/*
 * aiotf-sim run: the AIOTF side of AIoT-AP (Documentation/aiot-ap.rst).
 *
 * It listens for one gateway association at a time (aiot-bridge), answers
 * its Setup, and plays a scenario (scenario.c): each step sends an
 * Inventory or Command Request and waits for its INVENTORY_END or
 * COMMAND_RESPONSE, or its timeout, across reconnections; an inject step
 * sends raw octets and waits for the gateway's Error Indication about them
 * (or for none, or for the gateway to reconnect). A request the
 * gateway has not acknowledged when the association drops is sent again
 * after the next Setup, with the same transaction id. Every report is
 * acknowledged (REPORT_ACK, batched, at the latest when the socket has
 * nothing more to read) and deduplicated by (gateway id, journal epoch,
 * report id): a report seen before is acknowledged again and counted as a
 * duplicate suppressed, not processed again.
 *
 * The ADM checks each Inventory Response's RES_AIOT against XRES_AIOT
 * (K_AIoT_root from the population seed by aiot_hwsim's rule, or a
 * device's own key) and keeps, per device, its latest authenticated
 * session (RAND_n, RAND_d), from which commands derive K_AIOTF and the
 * command keys.
 *
 * A solution-9 device (a "population" line, sim_profile_of()) is
 * authenticated on its own, after the inventory step's normative request:
 * one Inventory Request by its protected ID or T-ID with a fresh NN, its 9
 * Authentication Response checked in sol9.c. Its commands are 9 Command
 * Requests under a fresh NN', independent of any session. A solution-y
 * device is accessed on its own too (soly.c): a Y Paging Request with its
 * counter, again after a resync answer, then with MUTUAL the NRES exchange
 * by T-ID; or all of them at once by a group paging, each answer found by
 * its KID. Its commands run in the session of its last authentication,
 * one round per session.
 *
 * stderr carries the log; two line formats there are an interface for
 * test scripts (Documentation/aiot-ap.rst):
 *   aiotf-sim: listening on PROTO:HOST:PORT
 *   aiotf-sim: progress: step S inventory TXN: N reports, A authenticated,
 *              F failed, D duplicates suppressed        (one line)
 */
#include <errno.h>
#include <inttypes.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <linux/aiot.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "aiot_ap.h"
#include "aiot_sec.h"
#include "aiotf-sim.h"
#include "nas.h"
#include "profile.h"
#include "scenario.h"
#include "sol9.h"
#include "soly.h"

#ifndef SCTP_NODELAY
#define SCTP_NODELAY	3	/* <linux/sctp.h> */
#endif

#define PROGRESS_EVERY	100	/* reports between progress lines */
#define SEND_TIMEOUT_S	10	/* a gateway that does not read is dropped */
#define READS_PER_TURN	64	/* recv() calls before timers are looked at */

struct journal {
	char gw_id[65];
	uint64_t epoch;
};

/* (journal, report id) pairs seen: open addressing, j == 0 is empty */
struct seen_ent {
	uint64_t id;
	uint32_t j;			/* journal index + 1 */
};

struct dev {
	struct sim_id id;
	bool used;
	bool session;			/* rand_n/rand_d of an authenticated report */
	uint8_t rand_n[AIOT_RAND_N_LEN], rand_d[AIOT_RAND_D_LEN];
	uint32_t reader;
	bool have_reader;		/* solution-9: reader of its last authentication */
	size_t inv_step;		/* last inventory step that reported it, + 1 */
	uint64_t inv_report;
	/* solution-y: the counter (from 0, as the device's) and the session */
	uint32_t y_counter;
	bool y_session;			/* authenticated: nonce1, Nonce2 */
	uint8_t y_nonce1[AIOT_SOLY_NONCE1_LEN], y_nonce2[AIOT_SOLY_NONCE2_LEN];
	size_t y_spent;			/* the step that used its command round, + 1 */
};

/* A solution-y device's KID for the running group paging */
struct ykid {
	uint8_t kid[AIOT_SOLY_KID_LEN];
	size_t pop;
	uint32_t idx;
};

struct sim {
	struct sim_scenario *sc;
	struct sim_totals t;
	int lfd, proto;
	int fd;				/* the association, -1 when none */
	bool set_up;
	int journal;			/* of the association's gateway, -1 */
	struct aiot_ap_rx rx;
	uint64_t acks[AIOT_AP_MAX_ACKS];
	unsigned int n_acks;
	struct journal *journals;
	size_t n_journals;
	struct seen_ent *seen;
	size_t seen_cap, seen_n;
	struct dev *devs;
	size_t devs_cap, devs_n;
	uint64_t txn_base, txn_count;
	struct sim_step *cur;
	size_t cur_idx;			/* 1-based step number of cur */
	uint64_t stray_txn;		/* last stray transaction logged */
	struct ykid *kids;		/* the group paging's KIDs, sorted */
	size_t n_kids;
};

#define SY_MAX_RESYNCS	2	/* resync answers one access adopts */

static volatile sig_atomic_t stop_signal;

static void on_signal(int sig)
{
	stop_signal = sig;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void logf_(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void logf_(const char *fmt, ...)
{
	va_list ap;

	fputs("aiotf-sim: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* a gateway's string (not NUL-terminated, maybe not printable) */
static void copy_str(char *out, size_t size, const char *s, size_t len)
{
	size_t i;

	if (len >= size)
		len = size - 1;
	for (i = 0; i < len; i++)
		out[i] = s[i] >= 0x20 && s[i] < 0x7f ? s[i] : '?';
	out[len] = 0;
}

/* a sentence that grows: "a; b; c" */
static void add_why(char *why, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void add_why(char *why, size_t size, const char *fmt, ...)
{
	size_t n = strlen(why);
	va_list ap;

	if (n && n + 2 < size) {
		strcpy(why + n, "; ");
		n += 2;
	}
	va_start(ap, fmt);
	vsnprintf(why + n, size - n, fmt, ap);
	va_end(ap);
}

/* ": a b c", at most 10 of them */
static void add_ids(char *why, size_t size, char **ids, size_t n)
{
	size_t i, len;

	for (i = 0; i < n && i < 10; i++) {
		len = strlen(why);
		snprintf(why + len, size - len, "%s%s", i ? " " : ": ", ids[i]);
	}
	len = strlen(why);
	if (n > 10)
		snprintf(why + len, size - len, " and %zu more", n - 10);
}

static uint64_t mix64(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* ---- the tables ----------------------------------------------------- */

static int journal_index(struct sim *sim, const char *gw_id, uint64_t epoch)
{
	struct journal *j;
	size_t i;

	for (i = 0; i < sim->n_journals; i++)
		if (sim->journals[i].epoch == epoch && !strcmp(sim->journals[i].gw_id, gw_id))
			return i;
	j = realloc(sim->journals, (sim->n_journals + 1) * sizeof(*j));
	if (!j)
		return -1;
	sim->journals = j;
	j += sim->n_journals;
	snprintf(j->gw_id, sizeof(j->gw_id), "%s", gw_id);
	j->epoch = epoch;
	return sim->n_journals++;
}

static bool seen_grow(struct sim *sim)
{
	size_t cap = sim->seen_cap ? 2 * sim->seen_cap : 4096, i, h;
	struct seen_ent *t = calloc(cap, sizeof(*t));

	if (!t)
		return false;
	for (i = 0; i < sim->seen_cap; i++) {
		if (!sim->seen[i].j)
			continue;
		h = mix64(sim->seen[i].id ^ (uint64_t)sim->seen[i].j << 48) & (cap - 1);
		while (t[h].j)
			h = (h + 1) & (cap - 1);
		t[h] = sim->seen[i];
	}
	free(sim->seen);
	sim->seen = t;
	sim->seen_cap = cap;
	return true;
}

/* true when (journal, id) was seen before; records it otherwise */
static bool seen_before(struct sim *sim, int journal, uint64_t id)
{
	uint32_t j = journal + 1;
	size_t h;

	if (2 * (sim->seen_n + 1) > sim->seen_cap && !seen_grow(sim)) {
		logf_("out of memory: report %" PRIu64 " cannot be deduplicated", id);
		return false;
	}
	h = mix64(id ^ (uint64_t)j << 48) & (sim->seen_cap - 1);
	for (; sim->seen[h].j; h = (h + 1) & (sim->seen_cap - 1))
		if (sim->seen[h].j == j && sim->seen[h].id == id)
			return true;
	sim->seen[h].j = j;
	sim->seen[h].id = id;
	sim->seen_n++;
	return false;
}

static size_t dev_hash(const struct sim_id *id, size_t cap)
{
	uint64_t a, b;

	memcpy(&a, id->id, 8);
	memcpy(&b, id->id + 8, 8);
	return mix64(a ^ mix64(b ^ id->bits)) & (cap - 1);
}

static bool devs_grow(struct sim *sim)
{
	size_t cap = sim->devs_cap ? 2 * sim->devs_cap : 1024, i, h;
	struct dev *t = calloc(cap, sizeof(*t));

	if (!t)
		return false;
	for (i = 0; i < sim->devs_cap; i++) {
		if (!sim->devs[i].used)
			continue;
		for (h = dev_hash(&sim->devs[i].id, cap); t[h].used; h = (h + 1) & (cap - 1))
			;
		t[h] = sim->devs[i];
	}
	OPENSSL_cleanse(sim->devs, sim->devs_cap * sizeof(*sim->devs));
	free(sim->devs);
	sim->devs = t;
	sim->devs_cap = cap;
	return true;
}

static struct dev *dev_find(struct sim *sim, const struct sim_id *id, bool add)
{
	size_t h;

	if (add && 2 * (sim->devs_n + 1) > sim->devs_cap && !devs_grow(sim))
		return NULL;
	if (!sim->devs_cap)
		return NULL;
	for (h = dev_hash(id, sim->devs_cap); sim->devs[h].used;
	     h = (h + 1) & (sim->devs_cap - 1))
		if (sim->devs[h].id.bits == id->bits &&
		    !memcmp(sim->devs[h].id.id, id->id, SIM_ID_LEN))
			return &sim->devs[h];
	if (!add)
		return NULL;
	memset(&sim->devs[h], 0, sizeof(sim->devs[h]));
	sim->devs[h].used = true;
	sim->devs[h].id = *id;
	sim->devs_n++;
	return &sim->devs[h];
}

/* A device's own key ("key" lines), or NULL */
static const struct sim_key *own_key(const struct sim_scenario *sc, const struct sim_id *id)
{
	size_t i;

	for (i = 0; i < sc->n_keys; i++)
		if (sc->keys[i].dev.bits == id->bits &&
		    !memcmp(sc->keys[i].dev.id, id->id, SIM_ID_LEN))
			return &sc->keys[i];
	return NULL;
}

/* Has the ADM a key for @id (k_root() is not -ENOKEY)? */
static bool adm_has_key(const struct sim_scenario *sc, const struct sim_id *id)
{
	return sc->seed_len || own_key(sc, id);
}

/* The ADM: a device's own key, else the population seed's rule. */
static int k_root(const struct sim_scenario *sc, const struct sim_id *id, uint8_t *k)
{
	const struct sim_key *key = own_key(sc, id);

	if (key) {
		memcpy(k, key->k_root, AIOT_K_ROOT_LEN);
		return 0;
	}
	if (!sc->seed_len)
		return -ENOKEY;
	return aiot_hwsim_k_root(sc->seed, sc->seed_len, id->id, id->bits, k);
}

static bool push_id(char ***list, size_t *n, const struct sim_id *id)
{
	char s[40], **l = realloc(*list, (*n + 1) * sizeof(*l));

	if (!l)
		return false;
	*list = l;
	sim_format_id(id->id, id->bits, s, sizeof(s));
	l[*n] = strdup(s);
	if (!l[*n])
		return false;
	++*n;
	return true;
}

static bool push_str(char ***list, size_t *n, const char *str)
{
	char **l = realloc(*list, (*n + 1) * sizeof(*l));

	if (!l)
		return false;
	*list = l;
	l[*n] = strdup(str);
	if (!l[*n])
		return false;
	++*n;
	return true;
}

/* @id failed authentication in the step of @r */
static void count_failed(struct sim_inv_result *r, const struct sim_id *id)
{
	r->failed++;
	push_id(&r->failed_ids, &r->n_failed_ids, id);
}

/* The request of an inventory step that runs (ran) last, when not the normative one */
static struct sim_auth *cur_auth(struct sim_step *s)
{
	if (s->s9_cur >= 0)
		return &s->inv.auths[s->s9_cur];
	return s->inv.grp_sent ? &s->inv.grp : NULL;
}

/* ---- the association ------------------------------------------------ */

static void finish(struct sim *sim, struct sim_step *s);

static void close_assoc(struct sim *sim, const char *why)
{
	struct sim_step *s = sim->cur;

	if (sim->fd < 0)
		return;
	logf_("association closed: %s", why);
	close(sim->fd);
	sim->fd = -1;
	sim->set_up = false;
	sim->journal = -1;
	sim->rx.have = 0;
	sim->n_acks = 0;
	/* after an injection: what expect-cause reconnect waits for, else the end */
	if (s && s->kind == SIM_STEP_INJECT && s->started && !s->done && s->inj.sent) {
		s->inj.closed = true;
		if (s->want_ap_cause != SIM_INJECT_RECONNECT)
			finish(sim, s);
	}
}

static int send_msg(struct sim *sim, const uint8_t *p, size_t len)
{
	char why[160];

	if (sim->fd < 0)
		return -1;
	if (!aiot_ap_send(sim->fd, p, len))
		return 0;
	snprintf(why, sizeof(why), "cannot send %s: %s", aiot_ap_type_name(p[1]),
		 strerror(errno));
	close_assoc(sim, why);
	return -1;
}

static void send_error(struct sim *sim, uint64_t txn, unsigned int cause, int bad_type,
		       const char *diag)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	long n;

	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_ERROR_INDICATION, txn);
	aiot_ap_put_u16(&b, AIOT_AP_IE_CAUSE, cause);
	if (bad_type > 0)
		aiot_ap_put_u8(&b, AIOT_AP_IE_BAD_TYPE, bad_type);
	aiot_ap_put_str(&b, AIOT_AP_IE_DIAG, diag);
	n = aiot_ap_end(&b);
	if (n > 0 && !send_msg(sim, buf, n))
		sim->t.errors_sent++;
}

static void flush_acks(struct sim *sim)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	unsigned int i;
	long n;

	if (!sim->n_acks || sim->fd < 0)
		return;
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_REPORT_ACK, 0);
	for (i = 0; i < sim->n_acks; i++)
		aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, sim->acks[i]);
	sim->n_acks = 0;
	n = aiot_ap_end(&b);
	if (n > 0)
		send_msg(sim, buf, n);
}

static void ack(struct sim *sim, uint64_t id)
{
	sim->acks[sim->n_acks++] = id;
	if (sim->n_acks == AIOT_AP_MAX_ACKS)
		flush_acks(sim);
}

static void send_request(struct sim *sim, struct sim_step *s)
{
	if (!s->req || s->req_acked || !sim->set_up)
		return;
	if (!s->req_sent && !s->t_sent)		/* the step's first request */
		s->t_sent = now();
	if (!send_msg(sim, s->req, s->req_len))
		logf_("step %zu: %s %s txn %016" PRIx64, sim->cur_idx,
		      s->req_sent ? "sent again" : "sent", aiot_ap_type_name(s->req[1]), s->txn);
	s->req_sent = true;
}

/* An inject step's octets, as they are, once, on a set-up association. */
static void send_inject(struct sim *sim, struct sim_step *s)
{
	char why[160], txn[40] = "";

	if (s->inj.sent || !sim->set_up || sim->fd < 0)
		return;
	if (aiot_ap_send(sim->fd, s->inject, s->inject_len)) {
		snprintf(why, sizeof(why), "cannot send the injected octets: %s", strerror(errno));
		close_assoc(sim, why);
		return;
	}
	s->inj.sent = true;
	s->t_sent = now();
	if (s->inj.have_txn)
		snprintf(txn, sizeof(txn), ", txn %016" PRIx64, s->txn);
	logf_("step %zu: injected %zu octet%s%s", sim->cur_idx, s->inject_len,
	      s->inject_len == 1 ? "" : "s", txn);
}

static void print_progress(struct sim *sim, struct sim_step *s)
{
	s->t_progress = now();
	s->progress_reports = s->inv.reports;
	logf_("progress: step %zu inventory %016" PRIx64 ": %lu reports, %lu authenticated, "
	      "%lu failed, %lu duplicates suppressed", sim->cur_idx, s->txn, s->inv.reports,
	      s->inv.authenticated, s->inv.failed, s->inv.dup_reports);
}

static void progress(struct sim *sim, struct sim_step *s)
{
	if (s->kind != SIM_STEP_INVENTORY || s->done || s->inv.reports == s->progress_reports)
		return;
	if (s->inv.reports / PROGRESS_EVERY != s->progress_reports / PROGRESS_EVERY ||
	    now() - s->t_progress >= 1.0)
		print_progress(sim, s);
}

/* ---- steps ---------------------------------------------------------- */

/* A solution-9 request whose policy its device refuses (below its FLOOR) */
static bool policy_refused(const struct sim_step *s)
{
	return s->profile == AIOT_SEC_PROFILE_SOLUTION_9 && s->policy >= 0 &&
	       aiot_sol9_policy_check(s->config, s->policy);
}

static bool want_nas_response(const struct sim_step *s)
{
	if (s->want_outcome >= 0)
		return s->want_outcome == AIOT_AP_OUTCOME_NAS_RESPONSE;
	return !s->bad_mac && !policy_refused(s);
}

static void judge_command(const struct sim_step *s, char *why, size_t size)
{
	const struct sim_cmd_result *c = &s->cmd;
	int status = s->want_status >= 0 ? s->want_status : AIOT_NAS_STATUS_SUCCESS;
	size_t before = strlen(why);

	if (s->want_outcome >= 0 && c->outcome != s->want_outcome)
		add_why(why, size, "outcome %s, %s expected", aiot_ap_outcome_name(c->outcome),
			aiot_ap_outcome_name(s->want_outcome));
	else if (s->want_outcome < 0 && s->bad_mac &&
		 c->outcome == AIOT_AP_OUTCOME_NAS_RESPONSE)
		add_why(why, size, "a NAS response came to a request with a bad MAC-I");
	else if (s->want_outcome < 0 && policy_refused(s) &&
		 c->outcome == AIOT_AP_OUTCOME_NAS_RESPONSE)
		add_why(why, size, "a NAS response came to a request whose policy %02x is below "
			"the device's floor", s->policy);
	else if (s->want_outcome < 0 && want_nas_response(s) &&
		 c->outcome != AIOT_AP_OUTCOME_NAS_RESPONSE)
		add_why(why, size, "outcome %s, nas-response expected",
			aiot_ap_outcome_name(c->outcome));
	if (strlen(why) != before)
		return;
	if (s->want_cause != SIM_CAUSE_ANY && c->as_cause != s->want_cause) {
		char got[8], want[8];

		snprintf(got, sizeof(got), "%d", c->as_cause);
		snprintf(want, sizeof(want), "%d", s->want_cause);
		add_why(why, size, "AS cause %s, %s expected",
			c->as_cause == SIM_CAUSE_NONE ? "none" : got,
			s->want_cause == SIM_CAUSE_NONE ? "none" : want);
	}
	if (!want_nas_response(s))
		return;
	if (strcmp(c->verdict, "ok")) {
		add_why(why, size, "the NAS response's verdict is %s", c->verdict);
		return;
	}
	if (c->status != status) {
		const char *g = sim_status_name(c->status), *w = sim_status_name(status);

		add_why(why, size, "NAS status %s%.0d, %s%.0d expected", g ? g : "",
			g ? 0 : c->status, w ? w : "", w ? 0 : status);
	}
	if (s->have_want_data && (c->data_len != s->want_data_len ||
				  memcmp(c->data, s->want_data, c->data_len)))
		add_why(why, size, "the data read differ from those expected");
}

static void judge_inventory(const struct sim_step *s, char *why, size_t size)
{
	const struct sim_inv_result *r = &s->inv;
	long reject = s->reject >= 0 ? s->reject : 0;
	/* the request that ran last: the normative one, or an authentication */
	const struct sim_auth *cur = cur_auth((struct sim_step *)s);
	bool ended = cur ? cur->end.ended : r->end.ended;
	uint8_t cause = cur ? cur->end.end_cause : r->end.end_cause;
	char what[80] = "inventory", ids[40];
	size_t i;

	if (cur == &r->grp) {
		snprintf(what, sizeof(what), "group paging");
	} else if (cur) {
		sim_format_id(cur->dev.id, cur->dev.bits, ids, sizeof(ids));
		snprintf(what, sizeof(what), "%s of %s", cur->nres && s->sy_nres ?
			 "NRES exchange" : "authentication", ids);
	}
	if (cur && cur->nres && s->sy_nres && s->timed_out)
		add_why(why, size, "no Command Response to the %s within %g s", what, s->timeout);
	else if (!ended && s->timed_out && cur)
		add_why(why, size, "no INVENTORY_END for the %s within %g s (%lu reports)", what,
			s->timeout, r->reports);
	else if (!ended && s->timed_out)
		add_why(why, size, "no INVENTORY_END within %g s (%lu reports)", s->timeout,
			r->reports);
	if (ended && (s->have_errno || s->diag))
		add_why(why, size, "the reader refused the %s (errno %" PRIu32 "%s%s)", what,
			s->err_no, s->diag ? ": " : "", s->diag ? s->diag : "");
	else if (ended && (cause == AIOT_INV_END_FAILED || cause == AIOT_INV_END_READER_GONE))
		add_why(why, size, "the %s ended with cause %s", what, sim_end_cause_name(cause));
	if (r->dup_devices) {
		add_why(why, size, "%lu repeated device report%s (a gateway never sends them)",
			r->dup_devices, r->dup_devices == 1 ? "" : "s");
		add_ids(why, size, r->dup_ids, r->n_dup_ids);
	}
	if (r->malformed > r->s9_malformed)
		add_why(why, size, "%lu reports did not carry an Inventory Response",
			r->malformed - r->s9_malformed);
	if (r->s9_malformed)
		add_why(why, size, "%lu answers to study profile authentications did not carry "
			"the profile's answer (9 Authentication Response, Y Access Response, Y "
			"Protected Identity)", r->s9_malformed);
	if (s->expect >= 0 && r->authenticated != (unsigned long)s->expect)
		add_why(why, size, "%lu devices authenticated, %ld expected", r->authenticated,
			s->expect);
	if (r->failed != (unsigned long)reject) {
		add_why(why, size, "%lu devices failed authentication, %ld expected",
			r->failed, reject);
		add_ids(why, size, r->failed_ids, r->n_failed_ids);
	}
	if (r->end.ended && !s->have_errno && r->end.gw_devices != r->norm_devices)
		add_why(why, size, "the gateway counted %" PRIu32 " devices, %lu were reported",
			r->end.gw_devices, r->norm_devices);
	for (i = 0; i < r->n_auths; i++) {
		const struct sim_auth *a = &r->auths[i];

		if (!a->end.ended || s->have_errno || a->end.gw_devices == a->reports)
			continue;
		sim_format_id(a->dev.id, a->dev.bits, ids, sizeof(ids));
		add_why(why, size, "the gateway counted %" PRIu32 " answers to the authentication "
			"of %s, %lu were reported", a->end.gw_devices, ids, a->reports);
	}
	if (r->grp.end.ended && !s->have_errno && r->grp.end.gw_devices != r->grp.reports)
		add_why(why, size, "the gateway counted %" PRIu32 " answers to the group paging, "
			"%lu were reported", r->grp.end.gw_devices, r->grp.reports);
	if (s->cut_after >= 0 && !r->cut_done)
		add_why(why, size, "the link was not cut: %lu reports came, cut-link after %ld",
			r->reports, s->cut_after);
}

static bool inject_met(const struct sim_step *s)
{
	const struct sim_inject_result *r = &s->inj;

	switch (s->want_ap_cause) {
	case SIM_INJECT_NONE:
		return r->sent && r->quiet && !r->answered && !r->closed;
	case SIM_INJECT_RECONNECT:
		return r->reconnected;
	case SIM_INJECT_ANY:
		return r->answered;
	default:
		return r->answered && r->cause == s->want_ap_cause;
	}
}

static void judge_inject(const struct sim_step *s, char *why, size_t size)
{
	const struct sim_inject_result *r = &s->inj;
	size_t before = strlen(why);
	char about[40] = "", got[16], want[16];

	if (inject_met(s))
		return;
	if (r->have_txn)
		snprintf(about, sizeof(about), " for txn %016" PRIx64, s->txn);
	if (!r->sent) {
		if (s->timed_out)
			add_why(why, size, "no gateway set up an association within %g s",
				s->timeout);
	} else if (s->want_ap_cause == SIM_INJECT_NONE) {
		if (r->answered)
			add_why(why, size, "an Error Indication%s came, cause %s; none expected",
				about, sim_ap_cause_str(r->cause, got, sizeof(got)));
		else if (r->closed)
			add_why(why, size, "the gateway closed the association");
	} else if (s->want_ap_cause == SIM_INJECT_RECONNECT) {
		if (s->timed_out && r->closed)
			add_why(why, size, "the gateway closed the association but did not set up "
				"again within %g s", s->timeout);
		else if (s->timed_out)
			add_why(why, size, "the gateway did not close the association within %g s%s%s",
				s->timeout, r->answered ? "; it answered with cause " : "",
				r->answered ? sim_ap_cause_str(r->cause, got, sizeof(got)) : "");
	} else if (r->answered) {
		add_why(why, size, "Error Indication cause %s, %s expected",
			sim_ap_cause_str(r->cause, got, sizeof(got)),
			sim_ap_cause_str(s->want_ap_cause, want, sizeof(want)));
	} else if (r->closed) {
		add_why(why, size, "the association closed without an Error Indication%s", about);
	} else if (s->timed_out) {
		add_why(why, size, "no Error Indication%s within %g s", about, s->timeout);
	}
	if (strlen(why) == before && stop_signal)
		add_why(why, size, "interrupted by signal %d", (int)stop_signal);
	else if (strlen(why) == before)
		add_why(why, size, "not met");
}

static void finish(struct sim *sim, struct sim_step *s)
{
	char why[2048] = "";

	if (s->done)
		return;
	s->done = true;
	s->t_end = now();
	if (s->kind == SIM_STEP_INVENTORY && s->inv.reports)
		print_progress(sim, s);
	if (s->why)
		add_why(why, sizeof(why), "%s", s->why);
	if (s->refused)
		add_why(why, sizeof(why), "%s", s->refused);
	if (stop_signal && !s->timed_out && !s->refused && !s->why && !s->inv.end.ended &&
	    !s->cmd.answered && !(s->kind == SIM_STEP_WAIT_GATEWAY && sim->set_up) &&
	    s->kind != SIM_STEP_INJECT)
		add_why(why, sizeof(why), "interrupted by signal %d", (int)stop_signal);
	switch (s->kind) {
	case SIM_STEP_WAIT_GATEWAY:
		if (!sim->set_up && s->timed_out)
			add_why(why, sizeof(why), "no gateway set up an association within %g s",
				s->timeout);
		break;
	case SIM_STEP_INVENTORY:
		if (s->req || s->inv.n_auths)
			judge_inventory(s, why, sizeof(why));
		break;
	case SIM_STEP_INJECT:
		judge_inject(s, why, sizeof(why));
		break;
	default:
		if (!s->req)
			break;
		if (!s->cmd.answered && s->timed_out)
			add_why(why, sizeof(why), "no COMMAND_RESPONSE within %g s", s->timeout);
		else if (s->cmd.answered)
			judge_command(s, why, sizeof(why));
		break;
	}
	s->met = !why[0];
	free(s->why);
	s->why = s->met ? NULL : strdup(why);
	if (s->met)
		logf_("step %zu (line %u) %s: met", sim->cur_idx, s->line, sim_step_name(s->kind));
	else
		logf_("step %zu (line %u) %s: not met: %s", sim->cur_idx, s->line,
		      sim_step_name(s->kind), why);
}

static uint64_t next_txn(struct sim *sim)
{
	uint64_t t;

	do
		t = sim->txn_base + ++sim->txn_count;
	while (!t);
	return t;
}

static int keep_request(struct sim_step *s, struct aiot_ap_buf *b)
{
	long n = aiot_ap_end(b);

	if (n < 0) {
		s->why = strdup("the request does not fit an AIoT-AP message");
		return -1;
	}
	s->req = malloc(n);
	if (!s->req) {
		s->why = strdup("out of memory");
		return -1;
	}
	memcpy(s->req, b->p, n);
	s->req_len = n;
	return 0;
}

/* The step's request is replaced by a new one */
static void drop_request(struct sim_step *s)
{
	if (s->req)
		OPENSSL_cleanse(s->req, s->req_len);
	free(s->req);
	s->req = NULL;
	s->req_sent = s->req_acked = false;
}

/* A new request of step @s in @b (@buf, @size octets): a fresh txn, the step's reader */
static uint64_t begin_request(struct sim *sim, struct sim_step *s, struct aiot_ap_buf *b,
			      uint8_t *buf, size_t size, uint8_t type)
{
	s->txn = next_txn(sim);
	aiot_ap_begin(b, buf, size, type, s->txn);
	aiot_ap_put_u32(b, AIOT_AP_IE_READER, s->reader);
	return s->txn;
}

/* TARGET_TYPE, TARGET and TARGET_BITS: the device or devices a request pages */
static void put_target(struct aiot_ap_buf *b, uint8_t type, const uint8_t *target,
		       unsigned int bits)
{
	aiot_ap_put_u8(b, AIOT_AP_IE_TARGET_TYPE, type);
	aiot_ap_put(b, AIOT_AP_IE_TARGET, target, (bits + 7) / 8);
	aiot_ap_put_u16(b, AIOT_AP_IE_TARGET_BITS, bits);
}

/* MAX_DEVICES and MAX_TIME_MS of an inventory step, where it gives them */
static void put_limits(struct aiot_ap_buf *b, const struct sim_step *s)
{
	if (s->have_max_devices)
		aiot_ap_put_u32(b, AIOT_AP_IE_MAX_DEVICES, s->max_devices);
	if (s->have_max_time)
		aiot_ap_put_u32(b, AIOT_AP_IE_MAX_TIME_MS, s->max_time_ms);
}

/*
 * The rest of a Command Request begun in @b: the NAS container @nas (@n
 * octets, room @size), NN' (with @nn: solution-9), K_AIOTF in offload
 * mode, ATTEMPTS; it becomes the step's request, and the octets are wiped.
 */
static int keep_command(struct sim_step *s, struct aiot_ap_buf *b, uint8_t *nas, size_t size,
			int n, bool nn)
{
	int rc;

	aiot_ap_put(b, AIOT_AP_IE_NAS, nas, n);
	if (nn)
		aiot_ap_put(b, AIOT_AP_IE_RAND_N, s->rand_n, sizeof(s->rand_n));
	if (s->offload)
		aiot_ap_put(b, AIOT_AP_IE_K_AIOTF, s->k_aiotf, sizeof(s->k_aiotf));
	if (s->attempts)
		aiot_ap_put_u8(b, AIOT_AP_IE_ATTEMPTS, s->attempts);
	rc = keep_request(s, b);
	OPENSSL_cleanse(b->p, b->cap);
	OPENSSL_cleanse(nas, size);
	return rc;
}

static void set_why(struct sim_step *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void set_why(struct sim_step *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&s->why, fmt, ap) < 0)
		s->why = NULL;
	va_end(ap);
}

static void why_errno(struct sim_step *s, const char *what, int rc)
{
	set_why(s, "%s: %s", what, strerror(-rc));
}

static int build_inventory(struct sim *sim, struct sim_step *s)
{
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;

	if (RAND_bytes(s->rand_n, sizeof(s->rand_n)) != 1) {
		s->why = strdup("no random bytes from OpenSSL for RAND_n");
		return -1;
	}
	s->inv_txn = begin_request(sim, s, &b, buf, sizeof(buf), AIOT_AP_INVENTORY_REQUEST);
	aiot_ap_put(&b, AIOT_AP_IE_RAND_N, s->rand_n, sizeof(s->rand_n));
	if (s->target_type != AIOT_TARGET_ALL)
		put_target(&b, s->target_type, s->target.id, s->target.bits);
	put_limits(&b, s);
	return keep_request(s, &b);
}

/* A new authentication in @r of @dev by @profile, zeroed but for them; NULL */
static struct sim_auth *auth_append(struct sim_inv_result *r, const struct sim_id *dev,
				    enum aiot_sec_profile profile, uint32_t config)
{
	struct sim_auth *a = realloc(r->auths, (r->n_auths + 1) * sizeof(*a));

	if (!a)
		return NULL;
	r->auths = a;
	a += r->n_auths++;
	memset(a, 0, sizeof(*a));
	a->dev = *dev;
	a->profile = profile;
	a->config = config;
	return a;
}

/*
 * The next authentication of inventory step @s, of @dev by @profile, the
 * one running now: 0 with *out, 1 when the ADM has no key for the device
 * (recorded as failed, nothing to send), -1 with s->why.
 */
static int auth_new(struct sim *sim, struct sim_step *s, const struct sim_id *dev,
		    enum aiot_sec_profile profile, uint32_t config, struct sim_auth **out)
{
	struct sim_inv_result *r = &s->inv;
	struct sim_auth *a = auth_append(r, dev, profile, config);

	if (!a) {
		s->why = strdup("out of memory");
		return -1;
	}
	s->s9_cur = r->n_auths - 1;
	if (!adm_has_key(sim->sc, dev)) {
		a->result = SIM_AUTH_NO_KEY;
		a->why = "the ADM has no key for it";
		r->no_key++;
		count_failed(r, dev);
		return 1;
	}
	*out = a;
	return 0;
}

/*
 * The next solution-9 authentication of inventory step @s, of @dev: an
 * Inventory Request paging it by its protected ID (or T-ID) with a fresh
 * NN, MAX_DEVICES 1; it becomes the step's request. 0, 1 when the ADM has
 * no key for the device (recorded as failed, nothing to send), -1 with
 * s->why.
 */
static int build_auth(struct sim *sim, struct sim_step *s, const struct sim_id *dev,
		      uint32_t config)
{
	uint8_t k[AIOT_K_ROOT_LEN], buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	struct sim_auth *a;
	struct s9_idf pg;
	int rc;

	rc = auth_new(sim, s, dev, AIOT_SEC_PROFILE_SOLUTION_9, config, &a);
	if (rc)
		return rc;
	rc = k_root(sim->sc, dev, k);
	if (!rc && RAND_bytes(a->nn, sizeof(a->nn)) != 1)
		rc = -EIO;
	if (!rc)
		rc = s9_paging(k, a->nn, dev, s->tid ? AIOT_SOL9_POL_IDP_TID : AIOT_SOL9_POL_IDP_PID,
			       &pg);
	OPENSSL_cleanse(k, sizeof(k));
	if (rc) {
		why_errno(s, "cannot page a solution-9 device", rc);
		return -1;
	}
	drop_request(s);
	a->txn = begin_request(sim, s, &b, buf, sizeof(buf), AIOT_AP_INVENTORY_REQUEST);
	aiot_ap_put(&b, AIOT_AP_IE_RAND_N, a->nn, sizeof(a->nn));
	put_target(&b, pg.target_type, pg.idf, pg.bits);
	aiot_ap_put_u32(&b, AIOT_AP_IE_MAX_DEVICES, 1);
	return keep_request(s, &b);
}

/* A study profile's authentication that does not authenticate its device */
static void auth_failed(struct sim_step *s, struct sim_auth *a, const char *why)
{
	struct sim_inv_result *r = &s->inv;

	if (a->result == SIM_AUTH_AUTHENTICATED)
		r->authenticated--;
	else if (a->result == SIM_AUTH_PENDING)
		r->devices++;
	if (a->result != SIM_AUTH_FAILED)
		count_failed(r, &a->dev);
	a->result = SIM_AUTH_FAILED;
	a->why = why;
}

/*
 * A solution-y access of @a's device: an Inventory Request whose NAS
 * container is a Y Paging Request with a fresh nonce1 and the AIOTF's
 * counter of the device, MAX_DEVICES 1; it becomes the step's request.
 * 0, or -1 with s->why.
 */
static int y_page(struct sim *sim, struct sim_step *s, struct sim_auth *a)
{
	uint8_t k[AIOT_K_ROOT_LEN], pr[AIOT_NAS_MAX_LEN], buf[AIOT_AP_MAX_LEN];
	struct dev *d = dev_find(sim, &a->dev, true);
	struct aiot_ap_buf b;
	int n;

	if (!d) {
		s->why = strdup("out of memory");
		return -1;
	}
	d->y_session = false;	/* an accepted paging ends the device's session */
	a->counter = d->y_counter;
	a->resync_due = a->ares_ok = false;
	memset(&a->end, 0, sizeof(a->end));
	n = k_root(sim->sc, &a->dev, k);
	if (!n && RAND_bytes(a->nonce1, sizeof(a->nonce1)) != 1)
		n = -EIO;
	if (!n)
		n = sy_paging(k, a->nonce1, a->config, &a->dev, a->counter, pr, sizeof(pr));
	OPENSSL_cleanse(k, sizeof(k));
	if (n < 0) {
		why_errno(s, "cannot page a solution-y device", n);
		return -1;
	}
	drop_request(s);
	s->sy_nres = false;
	a->txn = begin_request(sim, s, &b, buf, sizeof(buf), AIOT_AP_INVENTORY_REQUEST);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, pr, n);
	aiot_ap_put_u32(&b, AIOT_AP_IE_MAX_DEVICES, 1);
	return keep_request(s, &b);
}

/* A new solution-y access of @dev in step @s: 0, 1 (no key: failed), -1 */
static int build_yaccess(struct sim *sim, struct sim_step *s, const struct sim_id *dev,
			 uint32_t config)
{
	struct sim_auth *a;
	int rc = auth_new(sim, s, dev, AIOT_SEC_PROFILE_SOLUTION_Y, config, &a);

	return rc ? rc : y_page(sim, s, a);
}

/*
 * The NRES exchange of @a's session (steps 10-17): a Command Request by
 * T-ID = Nonce2 carrying the Y Network Authentication; it becomes the
 * step's request. 0, or -1 with s->why.
 */
static int build_nres(struct sim *sim, struct sim_step *s, struct sim_auth *a)
{
	uint8_t k[AIOT_K_ROOT_LEN], nas[AIOT_NAS_MAX_LEN], buf[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	int n;

	n = k_root(sim->sc, &a->dev, k);
	if (!n)
		n = sy_net_auth(k, a->nonce1, a->nonce2, nas, sizeof(nas));
	OPENSSL_cleanse(k, sizeof(k));
	if (n < 0) {
		why_errno(s, "cannot build NRES", n);
		return -1;
	}
	drop_request(s);
	s->sy_nres = true;
	a->nres = true;
	a->nres_txn = begin_request(sim, s, &b, buf, sizeof(buf), AIOT_AP_COMMAND_REQUEST);
	put_target(&b, AIOT_TARGET_TEMPORARY_ID, a->nonce2, AIOT_SOLY_TID_LEN * 8);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, nas, n);
	return keep_request(s, &b);
}

static int kid_cmp(const void *a, const void *b)
{
	return memcmp(((const struct ykid *)a)->kid, ((const struct ykid *)b)->kid,
		      AIOT_SOLY_KID_LEN);
}

static void kids_free(struct sim *sim)
{
	free(sim->kids);
	sim->kids = NULL;
	sim->n_kids = 0;
}

/*
 * The group paging of step @s: a fresh nonce1, the KID of every
 * solution-y device the step covers and the ADM has a key for (sorted, for one lookup per
 * answer), one Inventory Request with the group Y Paging Request. 0, or -1
 * with s->why.
 */
static int build_group(struct sim *sim, struct sim_step *s)
{
	struct sim_inv_result *r = &s->inv;
	uint8_t k[AIOT_K_ROOT_LEN], pr[AIOT_NAS_MAX_LEN], buf[AIOT_AP_MAX_LEN];
	const struct sim_scenario *sc = sim->sc;
	struct aiot_ap_buf b;
	struct sim_id id;
	size_t i, n = 0;
	uint32_t j;
	int rc;

	r->grp_sent = true;
	s->s9_cur = -1;
	s->sy_nres = false;
	if (RAND_bytes(r->grp.nonce1, sizeof(r->grp.nonce1)) != 1) {
		s->why = strdup("no random bytes from OpenSSL for nonce1");
		return -1;
	}
	kids_free(sim);
	for (i = 0; i < sc->n_pops; i++)
		if (sc->pops[i].profile == AIOT_SEC_PROFILE_SOLUTION_Y)
			n += sc->pops[i].count;
	sim->kids = calloc(n ? n : 1, sizeof(*sim->kids));
	if (!sim->kids) {
		s->why = strdup("out of memory for the KID table");
		return -1;
	}
	for (i = 0; i < sc->n_pops; i++) {
		if (sc->pops[i].profile != AIOT_SEC_PROFILE_SOLUTION_Y)
			continue;
		for (j = 0; j < sc->pops[i].count; j++) {
			struct ykid *e = &sim->kids[sim->n_kids];

			sim_pop_id(&sc->pops[i], j, &id);
			if (!sim_step_covers(s, &id))
				continue;	/* outside the filter: its answer fits no KID */
			rc = k_root(sc, &id, k);
			if (rc == -ENOKEY)
				continue;	/* its answer will fit no KID */
			if (!rc)
				rc = sy_kid(k, r->grp.nonce1, e->kid);
			OPENSSL_cleanse(k, sizeof(k));
			if (rc) {
				why_errno(s, "cannot compute a KID", rc);
				return -1;
			}
			e->pop = i;
			e->idx = j;
			sim->n_kids++;
		}
	}
	qsort(sim->kids, sim->n_kids, sizeof(*sim->kids), kid_cmp);
	rc = sy_group_paging(r->grp.nonce1, pr, sizeof(pr));
	if (rc < 0) {
		why_errno(s, "cannot build the group Y Paging Request", rc);
		return -1;
	}
	drop_request(s);
	r->grp.txn = begin_request(sim, s, &b, buf, sizeof(buf), AIOT_AP_INVENTORY_REQUEST);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, pr, rc);
	put_limits(&b, s);
	return keep_request(s, &b);
}

/* Does @a (solution-y, its ARES verified) still need its NRES exchange? */
static bool nres_due(const struct sim_auth *a)
{
	return a->profile == AIOT_SEC_PROFILE_SOLUTION_Y && a->ares_ok && !a->nres &&
	       a->result == SIM_AUTH_PENDING && (a->config & AIOT_SOLY_CFG_MUTUAL);
}

static void sent_log(struct sim *sim, struct sim_step *s, const char *what,
		     const struct sim_id *dev)
{
	char ids[40] = "";

	if (dev)
		sim_format_id(dev->id, dev->bits, ids, sizeof(ids));
	logf_("step %zu: %s%s%s on reader %" PRIu32 ", txn %016" PRIx64 "%s", sim->cur_idx, what,
	      dev ? " of " : "", ids, s->reader, s->txn,
	      sim->set_up ? "" : ", sent once a gateway is set up");
	send_request(sim, s);
}

/*
 * After the step's last request: what the running solution-y access
 * needs next (a new paging after a resync, the NRES exchange), the next
 * authentication the step runs, its group paging and the NRES exchanges
 * of its answers, or its end.
 */
static void inventory_next(struct sim *sim, struct sim_step *s)
{
	struct sim_auth *a = s->s9_cur >= 0 ? &s->inv.auths[s->s9_cur] : NULL;
	enum aiot_sec_profile profile;
	uint32_t config;
	struct sim_id id;
	char ids[40];
	int rc;

	if (a && a->profile == AIOT_SEC_PROFILE_SOLUTION_Y && !a->group) {
		if (a->resync_due && a->result == SIM_AUTH_PENDING) {
			if (y_page(sim, s, a))
				goto fail;
			sent_log(sim, s, "after a resync, a new Y paging", &a->dev);
			return;
		}
		if (nres_due(a)) {
			if (build_nres(sim, s, a))
				goto fail;
			sent_log(sim, s, "NRES exchange by T-ID", &a->dev);
			return;
		}
	}
	while (sim_step_next_auth(sim->sc, s, &id, &profile, &config)) {
		if (profile == AIOT_SEC_PROFILE_SOLUTION_Y)
			rc = build_yaccess(sim, s, &id, config);
		else
			rc = build_auth(sim, s, &id, config);
		sim_format_id(id.id, id.bits, ids, sizeof(ids));
		if (rc > 0) {
			logf_("step %zu: no key for %s device %s: not paged", sim->cur_idx,
			      sim_profile_name(profile), ids);
			continue;
		}
		if (rc < 0)
			goto fail;
		logf_("step %zu: authentication of %s by %s on reader %" PRIu32 ", txn %016"
		      PRIx64 "%s", sim->cur_idx, ids,
		      profile == AIOT_SEC_PROFILE_SOLUTION_Y ? "Y paging" :
		      s->tid ? "T-ID" : "protected ID", s->reader,
		      s->txn, sim->set_up ? "" : ", sent once a gateway is set up");
		send_request(sim, s);
		return;
	}
	if (s->group && !s->inv.grp_sent) {
		if (build_group(sim, s))
			goto fail;
		logf_("step %zu: group paging of %zu solution-y devices (KIDs)", sim->cur_idx,
		      sim->n_kids);
		sent_log(sim, s, "group Y paging", NULL);
		return;
	}
	for (; s->group && s->grp_next < s->inv.n_auths; s->grp_next++) {
		a = &s->inv.auths[s->grp_next];
		if (!a->group || !nres_due(a))
			continue;
		s->s9_cur = s->grp_next++;
		if (build_nres(sim, s, a))
			goto fail;
		sent_log(sim, s, "NRES exchange by T-ID", &a->dev);
		return;
	}
fail:
	finish(sim, s);
}

/* The plain Read, Write or Disable Request of a command step into @nas */
static int plain_request(struct sim_step *s, uint8_t *nas, size_t size)
{
	struct aiot_nas_msg m = { 0 };
	int n;

	switch (s->kind) {
	case SIM_STEP_READ:
		m.type = AIOT_NAS_MT_READ_REQ;
		m.offset = s->offset;
		m.length = s->length;
		break;
	case SIM_STEP_WRITE:
		m.type = AIOT_NAS_MT_WRITE_REQ;
		m.offset = s->offset;
		m.data = s->data;
		m.data_len = s->data_len;
		break;
	default:
		m.type = AIOT_NAS_MT_DISABLE_REQ;
		break;
	}
	n = aiot_nas_encode(&m, nas, size);
	if (n < 0)
		s->why = strdup("the request does not fit an AIoT NAS message");
	return n;
}

/*
 * A command to a solution-9 device: a 9 Command Request under a fresh NN'
 * (kept in s->rand_n for the response) and the policy of the step or the
 * device, paged as that policy's ID protection says; no session needed.
 */
static int build_command9(struct sim *sim, struct sim_step *s, const char *id)
{
	uint8_t plain[AIOT_NAS_MAX_LEN], nas[AIOT_NAS_MAX_LEN], k[AIOT_K_ROOT_LEN];
	uint8_t buf[AIOT_AP_MAX_LEN];
	struct dev *d = dev_find(sim, &s->dev, false);
	struct aiot_ap_buf b;
	struct s9_idf pg;
	int n, rc;

	if (!s->have_reader) {
		if (!d || !d->have_reader) {
			s->cmd.no_session = true;
			set_why(s, "no reader for solution-9 device %s: no earlier inventory "
				"authenticated it (give reader N)", id);
			return -1;
		}
		s->reader = d->reader;
	}
	if (s->policy < 0)
		s->policy = s->config & AIOT_SOL9_CFG_POLICY_MASK;
	n = plain_request(s, plain, sizeof(plain));
	if (n < 0)
		return -1;
	rc = k_root(sim->sc, &s->dev, k);
	if (!rc && RAND_bytes(s->rand_n, sizeof(s->rand_n)) != 1)
		rc = -EIO;
	if (!rc)
		rc = s9_paging(k, s->rand_n, &s->dev, s->policy, &pg);
	if (!rc) {
		n = s9_request(k, s->rand_n, s->policy, &pg, plain, n, nas, sizeof(nas));
		rc = n < 0 ? n : 0;
	}
	OPENSSL_cleanse(k, sizeof(k));
	OPENSSL_cleanse(plain, sizeof(plain));
	if (rc) {
		why_errno(s, "building the 9 Command Request failed", rc);
		return -1;
	}
	if (s->bad_mac)
		nas[n - 1] ^= 0x01;	/* the last bit of the MAC */
	begin_request(sim, s, &b, buf, sizeof(buf), AIOT_AP_COMMAND_REQUEST);
	put_target(&b, pg.target_type, pg.idf, pg.bits);
	return keep_command(s, &b, nas, sizeof(nas), n, true);
}

/*
 * A command to a solution-y device: in the session of the last inventory
 * that authenticated it, by T-ID = its Nonce2, sealed under K_Command from
 * k_AIoT_ses as its configuration says (offload: k_AIoT_ses as K_AIOTF and
 * the plain request); one command round per session.
 */
static int build_commandy(struct sim *sim, struct sim_step *s, const char *id)
{
	uint8_t nas[AIOT_NAS_MAX_LEN], k[AIOT_K_ROOT_LEN], buf[AIOT_AP_MAX_LEN];
	struct dev *d = dev_find(sim, &s->dev, false);
	struct aiot_ap_buf b;
	int n, rc;

	if (!d || !d->y_session) {
		s->cmd.no_session = true;
		set_why(s, "solution-y device %s has no open session: no earlier inventory "
			"authenticated it (or a later paging ended it)", id);
		return -1;
	}
	if (d->y_spent) {
		s->cmd.no_session = true;
		set_why(s, "solution-y device %s: its session served its one command round already "
			"(step %zu); a second command needs a new inventory that authenticates it",
			id, d->y_spent);
		return -1;
	}
	n = plain_request(s, nas, sizeof(nas));
	if (n < 0)
		return -1;
	memcpy(s->nonce1, d->y_nonce1, sizeof(s->nonce1));
	memcpy(s->nonce2, d->y_nonce2, sizeof(s->nonce2));
	rc = k_root(sim->sc, &s->dev, k);
	if (!rc && s->offload)
		rc = sy_k_ses(k, s->nonce1, s->nonce2, s->k_aiotf);
	else if (!rc)
		rc = n = sy_seal(k, s->nonce1, s->nonce2, s->config, nas, n, sizeof(nas));
	OPENSSL_cleanse(k, sizeof(k));
	if (rc < 0) {
		OPENSSL_cleanse(nas, sizeof(nas));
		why_errno(s, "protecting the solution-y command failed", rc);
		return -1;
	}
	if (s->bad_mac)
		nas[n - 1] ^= 0x01;	/* the last bit of MAC-I */
	if (!s->have_reader)
		s->reader = d->reader;
	d->y_spent = sim->cur_idx;
	begin_request(sim, s, &b, buf, sizeof(buf), AIOT_AP_COMMAND_REQUEST);
	put_target(&b, AIOT_TARGET_TEMPORARY_ID, s->nonce2, AIOT_SOLY_TID_LEN * 8);
	return keep_command(s, &b, nas, sizeof(nas), n, false);
}

static int build_command(struct sim *sim, struct sim_step *s)
{
	uint8_t nas[AIOT_NAS_MAX_LEN], k[AIOT_K_ROOT_LEN], buf[AIOT_AP_MAX_LEN];
	struct aiot_sec_ctx *ctx;
	struct aiot_ap_buf b;
	struct dev *d = dev_find(sim, &s->dev, false);
	char id[40];
	int n, rc;

	sim_format_id(s->dev.id, s->dev.bits, id, sizeof(id));
	if (s->profile == AIOT_SEC_PROFILE_SOLUTION_9)
		return build_command9(sim, s, id);
	if (s->profile == AIOT_SEC_PROFILE_SOLUTION_Y)
		return build_commandy(sim, s, id);
	if (!d || !d->session) {
		s->cmd.no_session = true;
		set_why(s, "device %s has no session: no earlier inventory authenticated it", id);
		return -1;
	}
	n = plain_request(s, nas, sizeof(nas));
	if (n < 0)
		return -1;
	rc = k_root(sim->sc, &s->dev, k);
	if (!rc)
		rc = aiot_k_aiotf(k, d->rand_n, d->rand_d, s->k_aiotf);
	OPENSSL_cleanse(k, sizeof(k));
	if (rc) {
		s->why = strdup("cannot derive K_AIOTF");
		return -1;
	}
	memcpy(s->rand_n, d->rand_n, sizeof(s->rand_n));
	if (!s->have_reader)
		s->reader = d->reader;
	if (!s->offload) {
		ctx = aiot_sec_ctx_alloc();
		if (!ctx || aiot_sec_ctx_set_kaiotf(ctx, s->k_aiotf)) {
			aiot_sec_ctx_free(ctx);
			s->why = strdup("cannot derive the command keys");
			return -1;
		}
		n = aiot_nas_seal(ctx, AIOT_NAS_DIR_R2D, !s->integrity_only, nas, n, sizeof(nas));
		aiot_sec_ctx_free(ctx);
		if (n < 0) {
			set_why(s, "sealing the request failed: %s", aiot_sec_strerror(n));
			return -1;
		}
		if (s->bad_mac)
			nas[n - 1] ^= 0x01;	/* the last bit of MAC-I */
	}
	begin_request(sim, s, &b, buf, sizeof(buf), AIOT_AP_COMMAND_REQUEST);
	put_target(&b, AIOT_TARGET_PERMANENT_ID, s->dev.id, s->dev.bits);
	return keep_command(s, &b, nas, sizeof(nas), n, false);
}

static void start_step(struct sim *sim, struct sim_step *s)
{
	char what[128] = "", id[40];
	int rc = 0;

	s->started = true;
	s->t_start = s->t_progress = now();
	switch (s->kind) {
	case SIM_STEP_WAIT_GATEWAY:
		logf_("step %zu (line %u): waiting for a gateway", sim->cur_idx, s->line);
		if (sim->set_up) {
			snprintf(s->gw_id, sizeof(s->gw_id), "%s", sim->t.gw_id);
			s->gw_epoch = sim->t.gw_epoch;
			finish(sim, s);
		}
		return;
	case SIM_STEP_INJECT:
		logf_("step %zu (line %u): inject %zu octet%s%s", sim->cur_idx, s->line,
		      s->inject_len, s->inject_len == 1 ? "" : "s",
		      sim->set_up ? "" : ", sent once a gateway is set up");
		send_inject(sim, s);
		return;
	case SIM_STEP_INVENTORY:
		if (!s->normative) {	/* its target is a study profile's device */
			logf_("step %zu (line %u): inventory on reader %" PRIu32 ": %lu solution-9, "
			      "%lu solution-y device%s", sim->cur_idx, s->line, s->reader,
			      s->s9_covered, s->sy_covered, s->sy_covered == 1 ? "" : "s");
			inventory_next(sim, s);
			return;
		}
		rc = build_inventory(sim, s);
		snprintf(what, sizeof(what), "inventory on reader %" PRIu32, s->reader);
		break;
	default:
		rc = build_command(sim, s);
		sim_format_id(s->dev.id, s->dev.bits, id, sizeof(id));
		if (s->profile == AIOT_SEC_PROFILE_SOLUTION_9)
			snprintf(what, sizeof(what), "%s %s on reader %" PRIu32 " (solution-9, "
				 "policy %02x)", sim_step_name(s->kind), id, s->reader,
				 s->policy & 0xff);
		else if (s->profile == AIOT_SEC_PROFILE_SOLUTION_Y)
			snprintf(what, sizeof(what), "%s %s on reader %" PRIu32 " (solution-y, "
				 "by T-ID, %s)", sim_step_name(s->kind), id, s->reader,
				 s->offload ? "offload" : "relay");
		else
			snprintf(what, sizeof(what), "%s %s on reader %" PRIu32 " (%s)",
				 sim_step_name(s->kind), id, s->reader,
				 s->offload ? "offload" : "relay");
		break;
	}
	if (rc) {
		finish(sim, s);
		return;
	}
	logf_("step %zu (line %u): %s, txn %016" PRIx64 "%s", sim->cur_idx, s->line, what, s->txn,
	      sim->set_up ? "" : ", sent once a gateway is set up");
	send_request(sim, s);
}

/* ---- what the gateway sends ----------------------------------------- */

static struct sim_step *awaiting(struct sim *sim, uint64_t txn, unsigned int type)
{
	struct sim_step *s = sim->cur;

	if (!s || s->done || !s->req || s->txn != txn)
		return NULL;
	if (type == AIOT_AP_COMMAND_RESPONSE)
		return s->kind >= SIM_STEP_READ || (s->kind == SIM_STEP_INVENTORY && s->sy_nres) ?
		       s : NULL;
	return s->kind == SIM_STEP_INVENTORY && !s->sy_nres ? s : NULL;
}

static void stray(struct sim *sim, const struct aiot_ap_msg *m)
{
	sim->t.stray++;
	if (sim->stray_txn == m->txn)
		return;
	sim->stray_txn = m->txn;
	logf_("%s for txn %016" PRIx64 ", which no running step awaits: acknowledged, ignored",
	      aiot_ap_type_name(m->type), m->txn);
}

/*
 * A study profile's authentication that authenticates its device, which
 * @reader read in this step: its device record (NULL when out of memory)
 */
static struct dev *auth_ok(struct sim *sim, struct sim_step *s, struct sim_auth *a,
			   uint32_t reader)
{
	struct dev *d = dev_find(sim, &a->dev, true);

	if (a->result == SIM_AUTH_PENDING) {
		s->inv.devices++;
		s->inv.authenticated++;
		a->result = SIM_AUTH_AUTHENTICATED;
	}
	if (d) {
		d->reader = reader;
		d->have_reader = true;
		d->inv_step = sim->cur_idx;
	}
	return d;
}

/* @a authenticates its solution-y device: its session is the AIOTF's now */
static void y_authenticated(struct sim *sim, struct sim_step *s, struct sim_auth *a,
			    uint32_t reader)
{
	struct dev *d = auth_ok(sim, s, a, reader);

	if (!d)
		return;
	d->y_session = true;
	d->y_spent = 0;
	memcpy(d->y_nonce1, a->nonce1, sizeof(d->y_nonce1));
	memcpy(d->y_nonce2, a->nonce2, sizeof(d->y_nonce2));
}

static void y_failed(struct sim_step *s, struct sim_auth *a, const char *why, uint64_t rid)
{
	char ids[40];

	sim_format_id(a->dev.id, a->dev.bits, ids, sizeof(ids));
	auth_failed(s, a, why);
	logf_("report %" PRIu64 ": solution-y device %s not authenticated: %s", rid, ids, why);
}

/* A report to a study profile's authentication (@a, or the group paging) not its answer */
static void auth_malformed(struct sim_step *s, struct sim_auth *a)
{
	s->inv.malformed++;
	s->inv.s9_malformed++;
	if (a)
		a->malformed++;
}

/* A not-a-Y-answer report of an authentication */
static void y_malformed(struct sim_step *s, struct sim_auth *a, const char *why, uint64_t rid)
{
	auth_malformed(s, a);
	logf_("report %" PRIu64 ": an answer to a solution-y paging is %s", rid, why);
}

/*
 * An answer to a targeted solution-y paging: ARES, then a resync (the
 * device's counter adopted, paged again once the request ends), the
 * identity of a one-way access, or (MUTUAL) the NRES exchange to come. The
 * counter steps on a verified access, not on a resync.
 */
static void on_yaccess_report(struct sim *sim, struct sim_step *s, struct sim_auth *a,
			      const struct aiot_ap_msg *m)
{
	uint8_t k[AIOT_K_ROOT_LEN];
	struct sy_answer ans;
	const char *why = "?";
	struct dev *d;
	char ids[40];
	int rc;

	a->reports++;
	sim_format_id(a->dev.id, a->dev.bits, ids, sizeof(ids));
	rc = k_root(sim->sc, &a->dev, k);
	if (!rc)
		rc = sy_access_check(k, a->nonce1, a->config, false, &a->dev, m->nas, m->nas_len,
				     &ans, &why);
	OPENSSL_cleanse(k, sizeof(k));
	if (rc == -EPROTO) {
		y_malformed(s, a, why, m->report_id[0]);
		return;
	}
	if (rc < 0) {
		y_failed(s, a, strerror(-rc), m->report_id[0]);
		return;
	}
	if (rc == 1) {
		y_failed(s, a, why, m->report_id[0]);
		return;
	}
	if (a->result != SIM_AUTH_PENDING)
		return;		/* decided already */
	d = dev_find(sim, &a->dev, true);
	if (!d) {
		y_failed(s, a, "out of memory", m->report_id[0]);
		return;
	}
	if (rc == SY_ACCESS_RESYNC) {
		if (a->ares_ok)
			return;	/* a verified answer came first: its session stands */
		if (a->resyncs >= SY_MAX_RESYNCS) {
			y_failed(s, a, "still out of step after the resyncs", m->report_id[0]);
			return;
		}
		logf_("report %" PRIu64 ": solution-y device %s is out of step: counter %" PRIu32
		      ", the AIOTF's %" PRIu32 "; adopted, paging again", m->report_id[0], ids,
		      ans.counter, a->counter);
		d->y_counter = ans.counter;
		a->resync_due = true;
		a->resyncs++;
		s->inv.resyncs++;
		return;
	}
	a->ares_ok = true;
	a->resync_due = false;
	memcpy(a->nonce2, ans.nonce2, sizeof(a->nonce2));
	if (a->config & AIOT_SOLY_CFG_REPLAY)
		d->y_counter = a->counter + 1;
	if (!(a->config & AIOT_SOLY_CFG_MUTUAL))
		y_authenticated(sim, s, a, m->reader);	/* one-way: the identity checked */
}

/*
 * An answer to the group paging: the candidates of its KID, the one whose
 * ARES verifies (and, one-way, whose identity it carries) is the device.
 */
static void on_group_report(struct sim *sim, struct sim_step *s, const struct aiot_ap_msg *m)
{
	struct sim_inv_result *r = &s->inv;
	uint8_t k[AIOT_K_ROOT_LEN];
	struct ykid key, *e;
	struct sy_answer ans;
	struct sim_auth *a;
	const char *why;
	struct sim_id id;
	size_t lo = 0, hi = sim->n_kids, i;
	char hex[2 * AIOT_SOLY_KID_LEN + 8];
	int rc = 1;

	r->grp.reports++;
	if (sy_access_decode(m->nas, m->nas_len, &ans, &why)) {
		y_malformed(s, NULL, why, m->report_id[0]);
		return;
	}
	memcpy(key.kid, ans.kid, sizeof(key.kid));
	while (lo < hi) {		/* the first entry not below the KID */
		i = lo + (hi - lo) / 2;
		if (kid_cmp(&sim->kids[i], &key) < 0)
			lo = i + 1;
		else
			hi = i;
	}
	for (e = sim->kids + lo; e < sim->kids + sim->n_kids && !kid_cmp(e, &key); e++) {
		const struct sim_pop *pop = &sim->sc->pops[e->pop];

		sim_pop_id(pop, e->idx, &id);
		rc = k_root(sim->sc, &id, k);
		if (!rc)
			rc = sy_access_check(k, r->grp.nonce1, pop->config, true, &id, m->nas,
					     m->nas_len, &ans, &why);
		OPENSSL_cleanse(k, sizeof(k));
		if (rc == SY_ACCESS_OK)
			break;
	}
	if (rc != SY_ACCESS_OK) {
		strcpy(hex, "KID ");
		aiot_hex_encode(ans.kid, sizeof(ans.kid), hex + 4);
		r->grp_unknown++;
		r->failed++;
		push_str(&r->failed_ids, &r->n_failed_ids, hex);
		logf_("report %" PRIu64 ": an answer to the group paging fits no device (%s)",
		      m->report_id[0], hex);
		return;
	}
	for (i = 0; i < r->n_auths; i++)
		if (r->auths[i].group && r->auths[i].dev.bits == id.bits &&
		    !memcmp(r->auths[i].dev.id, id.id, SIM_ID_LEN)) {
			char ids[40];

			r->dup_devices++;
			push_id(&r->dup_ids, &r->n_dup_ids, &id);
			sim_format_id(id.id, id.bits, ids, sizeof(ids));
			logf_("device %s answered the group paging twice", ids);
			return;
		}
	a = auth_append(r, &id, AIOT_SEC_PROFILE_SOLUTION_Y, sim->sc->pops[e->pop].config);
	if (!a) {
		logf_("out of memory: an answer to the group paging not recorded");
		return;
	}
	a->group = true;
	a->txn = r->grp.txn;
	a->reports = 1;
	a->ares_ok = true;
	memcpy(a->nonce1, r->grp.nonce1, sizeof(a->nonce1));
	memcpy(a->nonce2, ans.nonce2, sizeof(a->nonce2));
	if (!(a->config & AIOT_SOLY_CFG_MUTUAL))
		y_authenticated(sim, s, a, m->reader);
}

/* The Y Protected Identity that answers NRES: the device is authenticated, or not */
static void on_nres_response(struct sim *sim, struct sim_step *s, const struct aiot_ap_msg *m)
{
	struct sim_auth *a = &s->inv.auths[s->s9_cur];
	uint8_t k[AIOT_K_ROOT_LEN];
	const char *why = "?";
	int rc;

	a->nres_outcome = aiot_ap_outcome_name(m->outcome);
	if (m->outcome != AIOT_AP_OUTCOME_NAS_RESPONSE || !AIOT_AP_HAS(m, AIOT_AP_IE_NAS)) {
		y_failed(s, a, "no Y Protected Identity answered NRES", m->report_id[0]);
		return;
	}
	rc = k_root(sim->sc, &a->dev, k);
	if (!rc)
		rc = sy_ident_check(k, a->nonce1, a->nonce2, &a->dev, m->nas, m->nas_len, &why);
	OPENSSL_cleanse(k, sizeof(k));
	if (rc == -EPROTO) {
		y_malformed(s, a, why, m->report_id[0]);
		y_failed(s, a, why, m->report_id[0]);
	} else if (rc < 0) {
		y_failed(s, a, strerror(-rc), m->report_id[0]);
	} else if (rc) {
		y_failed(s, a, why, m->report_id[0]);
	} else {
		y_authenticated(sim, s, a, m->reader);
	}
}

/*
 * An answer to a solution-9 authentication: is it the paged device's, and
 * does it authenticate it? One device per authentication, so a second
 * answer (a rerun after the gateway restarted: another DN) is not a
 * repeated device; any answer that fails makes the device failed.
 */
static void on_auth_report(struct sim *sim, struct sim_step *s, struct sim_auth *a,
			   const struct aiot_ap_msg *m)
{
	uint8_t k[AIOT_K_ROOT_LEN];
	const char *why = "?";
	struct dev *d;
	char ids[40];
	int rc;

	if (a->profile == AIOT_SEC_PROFILE_SOLUTION_Y) {
		on_yaccess_report(sim, s, a, m);
		return;
	}
	a->reports++;
	sim_format_id(a->dev.id, a->dev.bits, ids, sizeof(ids));
	rc = k_root(sim->sc, &a->dev, k);
	if (!rc)
		rc = s9_auth_check(k, a->nn, s->tid, a->config, &a->dev, m->nas, m->nas_len, a->dn,
				   &why);
	OPENSSL_cleanse(k, sizeof(k));
	if (rc == -EPROTO) {
		auth_malformed(s, a);
		logf_("report %" PRIu64 ": the answer to the authentication of %s is %s",
		      m->report_id[0], ids, why);
		return;
	}
	a->have_dn = true;
	if (rc < 0) {
		why = strerror(-rc);
		rc = 1;
	}
	if (!rc) {
		d = auth_ok(sim, s, a, m->reader);
		if (d)
			d->inv_report = m->report_id[0];
		return;
	}
	auth_failed(s, a, why);
	logf_("report %" PRIu64 ": solution-9 device %s not authenticated: %s", m->report_id[0],
	      ids, why);
}

static void on_inventory_report(struct sim *sim, struct sim_step *s,
				const struct aiot_ap_msg *m)
{
	uint8_t k[AIOT_K_ROOT_LEN], xres[AIOT_RES_LEN];
	struct sim_inv_result *r = &s->inv;
	struct aiot_nas_msg nm;
	struct sim_id id;
	struct dev *d;
	bool dup = false;
	char ids[40];
	int rc;

	r->reports++;
	if (s->s9_cur >= 0) {
		on_auth_report(sim, s, &r->auths[s->s9_cur], m);
		return;
	}
	if (r->grp_sent) {
		on_group_report(sim, s, m);
		return;
	}
	if (aiot_nas_decode(m->nas, m->nas_len, &nm) || nm.type != AIOT_NAS_MT_INVENTORY_RSP) {
		r->malformed++;
		logf_("report %" PRIu64 ": the NAS PDU is not an Inventory Response",
		      m->report_id[0]);
		return;
	}
	memset(&id, 0, sizeof(id));
	memcpy(id.id, nm.id, (nm.id_bits + 7) / 8);
	id.bits = nm.id_bits;
	sim_format_id(id.id, id.bits, ids, sizeof(ids));
	d = dev_find(sim, &id, true);
	if (!d) {
		logf_("out of memory: device %s not recorded", ids);
		r->malformed++;
		return;
	}
	if (d->inv_step == sim->cur_idx) {
		dup = true;
		r->dup_devices++;
		push_id(&r->dup_ids, &r->n_dup_ids, &id);
		logf_("device %s reported twice in one inventory (reports %" PRIu64 " and %"
		      PRIu64 ")", ids, d->inv_report, m->report_id[0]);
	} else {
		d->inv_step = sim->cur_idx;
		d->inv_report = m->report_id[0];
		r->devices++;
		r->norm_devices++;
	}
	rc = k_root(sim->sc, &id, k);
	if (rc == -ENOKEY) {
		if (!dup) {
			r->no_key++;
			count_failed(r, &id);
		}
		d->session = false;
		return;
	}
	if (!rc)
		rc = aiot_res_aiot(k, s->rand_n, nm.rand_d, xres);
	OPENSSL_cleanse(k, sizeof(k));
	if (!rc && !CRYPTO_memcmp(xres, nm.res, AIOT_RES_LEN)) {
		if (!dup)
			r->authenticated++;
		d->session = true;
		memcpy(d->rand_n, s->rand_n, sizeof(d->rand_n));
		memcpy(d->rand_d, nm.rand_d, sizeof(d->rand_d));
		d->reader = m->reader;
	} else if (!dup) {
		count_failed(r, &id);
		d->session = false;
	}
}

/* ERRNO and DIAG of the gateway's answer to the step's request */
static void take_errno(struct sim_step *s, const struct aiot_ap_msg *m)
{
	char diag[256];

	s->have_errno = AIOT_AP_HAS(m, AIOT_AP_IE_ERRNO);
	s->err_no = m->err_no;
	if (AIOT_AP_HAS(m, AIOT_AP_IE_DIAG)) {
		copy_str(diag, sizeof(diag), m->diag, m->diag_len);
		free(s->diag);
		s->diag = strdup(diag);
	}
}

/*
 * The INVENTORY_END of the step's request: the normative one's, or a
 * solution-9 authentication's (no answer: not found). Then the step's next
 * authentication, or its end; a request the reader refused ends it.
 */
static void on_inventory_end(struct sim *sim, struct sim_step *s, const struct aiot_ap_msg *m)
{
	struct sim_inv_result *r = &s->inv;
	struct sim_auth *a = cur_auth(s);
	struct sim_inv_end *e = a ? &a->end : &r->end;

	if (a == &r->grp)
		kids_free(sim);		/* no more answers to it */
	e->ended = true;
	e->end_cause = m->end_cause;
	e->gw_devices = m->devices;
	e->have_air = AIOT_AP_HAS(m, AIOT_AP_IE_AIR_US);
	e->air_us = m->air_us;
	e->have_slots = AIOT_AP_HAS(m, AIOT_AP_IE_SLOTS);
	e->slots = m->slots;
	e->have_collisions = AIOT_AP_HAS(m, AIOT_AP_IE_COLLISIONS);
	e->collisions = m->collisions;
	if (a) {
		if (a == &r->grp || a->resync_due || a->ares_ok) {
			/* the group's answers, a new paging or the NRES exchange follow */
		} else if (a->result == SIM_AUTH_PENDING && a->malformed) {
			a->result = SIM_AUTH_MALFORMED;
		} else if (a->result == SIM_AUTH_PENDING) {
			a->result = SIM_AUTH_NOT_FOUND;
			r->not_found++;
			push_id(&r->not_found_ids, &r->n_not_found_ids, &a->dev);
		}
	}
	take_errno(s, m);
	if (s->have_errno || s->diag || m->end_cause == AIOT_INV_END_FAILED ||
	    m->end_cause == AIOT_INV_END_READER_GONE)
		finish(sim, s);
	else
		inventory_next(sim, s);
}

static int req_type(const struct sim_step *s)
{
	return s->kind == SIM_STEP_READ ? AIOT_NAS_MT_READ_REQ :
	       s->kind == SIM_STEP_WRITE ? AIOT_NAS_MT_WRITE_REQ : AIOT_NAS_MT_DISABLE_REQ;
}

/* The opened response @nm of a command: false (verdict wrong-type) when it answers another */
static bool take_response(struct sim_step *s, const struct aiot_nas_msg *nm)
{
	struct sim_cmd_result *c = &s->cmd;

	c->nas_type = nm->type;
	c->status = nm->status;
	c->data_len = nm->data_len;
	if (nm->data_len)
		memcpy(c->data, nm->data, nm->data_len);
	if (nm->type == req_type(s) + 1)
		return true;
	c->verdict = "wrong-type";
	return false;
}

/*
 * A study profile's command response, opened with the device's key: a 9
 * Command Response under k_ND' of its DN' with the request's policy, or a
 * solution-y one in the session, as its configuration says.
 */
static void open_response_study(struct sim *sim, struct sim_step *s,
				const struct aiot_ap_msg *m)
{
	struct sim_cmd_result *c = &s->cmd;
	uint8_t k[AIOT_K_ROOT_LEN], buf[AIOT_NAS_MAX_LEN];
	struct aiot_nas_msg nm;

	if (k_root(sim->sc, &s->dev, k)) {
		c->verdict = "malformed";
		return;
	}
	if (s->profile == AIOT_SEC_PROFILE_SOLUTION_9)
		c->verdict = s9_response(k, s->rand_n, s->policy, m->nas, m->nas_len, buf, &nm);
	else
		c->verdict = sy_open(k, s->nonce1, s->nonce2, s->config, m->nas, m->nas_len, buf,
				     &nm);
	OPENSSL_cleanse(k, sizeof(k));
	/* decoded: verified, or in clear where the configuration allows it or not */
	if (!strcmp(c->verdict, "ok") || !strcmp(c->verdict, "unprotected"))
		take_response(s, &nm);
	OPENSSL_cleanse(buf, sizeof(buf));
}

/* The NAS response of a command: opened here (relay) or by the gateway. */
static void open_response(struct sim *sim, struct sim_step *s, const struct aiot_ap_msg *m)
{
	struct sim_cmd_result *c = &s->cmd;
	uint8_t buf[AIOT_NAS_MAX_LEN];
	struct aiot_sec_ctx *ctx;
	struct aiot_nas_msg nm;
	bool plain_ok = false;
	int n;

	c->verdict = "none";
	if (!AIOT_AP_HAS(m, AIOT_AP_IE_NAS)) {
		if (m->outcome == AIOT_AP_OUTCOME_NAS_RESPONSE)
			c->verdict = "malformed";
		return;
	}
	if (s->profile == AIOT_SEC_PROFILE_SOLUTION_9 ||
	    (s->profile == AIOT_SEC_PROFILE_SOLUTION_Y && !s->offload)) {
		open_response_study(sim, s, m);
		return;
	}
	memcpy(buf, m->nas, m->nas_len);
	n = m->nas_len;
	if (s->offload && c->sec > AIOT_CMD_SEC_VERIFIED) {
		c->verdict = sim_sec_name(c->sec);
		return;
	}
	if (s->offload && c->sec == AIOT_CMD_SEC_VERIFIED) {
		plain_ok = true;	/* the gateway's kernel verified it */
	} else if (buf[0] != AIOT_NAS_SHT_PLAIN) {
		ctx = aiot_sec_ctx_alloc();
		if (!ctx || aiot_sec_ctx_set_kaiotf(ctx, s->k_aiotf)) {
			aiot_sec_ctx_free(ctx);
			c->verdict = "malformed";
			return;
		}
		n = aiot_nas_open(ctx, AIOT_NAS_DIR_D2R, buf, n);
		aiot_sec_ctx_free(ctx);
		if (n == -EBADMSG) {
			c->verdict = "integrity-failure";
			return;
		}
		if (n < 0) {
			c->verdict = "malformed";
			return;
		}
		plain_ok = true;
	}
	if (aiot_nas_decode(buf, n, &nm)) {
		c->verdict = "malformed";
		goto out;
	}
	if (take_response(s, &nm))
		c->verdict = plain_ok ? "ok" : "unprotected";
out:
	OPENSSL_cleanse(buf, sizeof(buf));
}

static void on_command_response(struct sim *sim, struct sim_step *s, const struct aiot_ap_msg *m)
{
	struct sim_cmd_result *c = &s->cmd;

	c->answered = true;
	c->outcome = m->outcome;
	c->as_cause = AIOT_AP_HAS(m, AIOT_AP_IE_AS_CAUSE) ? m->as_cause : SIM_CAUSE_NONE;
	c->sec = AIOT_AP_HAS(m, AIOT_AP_IE_SEC) ? m->sec : -1;
	take_errno(s, m);
	open_response(sim, s, m);
}

static void on_report(struct sim *sim, const struct aiot_ap_msg *m)
{
	uint64_t id = m->report_id[0];
	struct sim_step *s = awaiting(sim, m->txn, m->type);
	unsigned int i;

	for (i = 0; i < m->n_report_ids; i++)
		ack(sim, m->report_id[i]);
	if (sim->fd < 0)
		return;
	if (seen_before(sim, sim->journal, id)) {
		sim->t.dup_total++;
		if (s && s->kind == SIM_STEP_INVENTORY)
			s->inv.dup_reports++;
		return;
	}
	if (!s) {
		stray(sim, m);
		return;
	}
	s->req_acked = true;	/* a report: the gateway has the request */
	switch (m->type) {
	case AIOT_AP_INVENTORY_REPORT:
		on_inventory_report(sim, s, m);
		progress(sim, s);
		if (s->cut_after >= 0 && !s->inv.cut_done &&
		    s->inv.reports >= (unsigned long)s->cut_after) {
			char why[120];

			s->inv.cut_done = true;
			s->inv.cut_at = s->inv.reports;
			snprintf(why, sizeof(why),
				 "cut-link after %lu reports (%u not acknowledged)",
				 s->inv.reports, sim->n_acks);
			sim->n_acks = 0;
			close_assoc(sim, why);
		}
		break;
	case AIOT_AP_INVENTORY_END:
		on_inventory_end(sim, s, m);
		break;
	default:
		if (s->kind == SIM_STEP_INVENTORY) {	/* an NRES exchange */
			on_nres_response(sim, s, m);
			inventory_next(sim, s);
			break;
		}
		on_command_response(sim, s, m);
		finish(sim, s);
		break;
	}
}

static void on_setup(struct sim *sim, const struct aiot_ap_msg *m)
{
	uint8_t buf[AIOT_AP_HDR_LEN];
	struct aiot_ap_buf b;
	struct sim_step *s = sim->cur;
	char gw[65];
	long n;

	copy_str(gw, sizeof(gw), m->gateway_id, m->gateway_id_len);
	sim->journal = journal_index(sim, gw, m->journal_epoch);
	if (sim->journal < 0) {
		close_assoc(sim, "out of memory");
		return;
	}
	aiot_ap_begin(&b, buf, sizeof(buf), AIOT_AP_SETUP_RESPONSE, m->txn);
	n = aiot_ap_end(&b);
	if (n < 0 || send_msg(sim, buf, n))
		return;
	if (!sim->set_up) {
		sim->t.associations++;
		if (s && s->started && !s->done && sim->t.associations > 1)
			s->reconnects++;
	}
	sim->set_up = true;
	snprintf(sim->t.gw_id, sizeof(sim->t.gw_id), "%s", gw);
	sim->t.gw_epoch = m->journal_epoch;
	logf_("gateway '%s' (journal epoch %" PRIu64 ") set up", gw, m->journal_epoch);
	if (!s || !s->started || s->done)
		return;
	if (s->kind == SIM_STEP_WAIT_GATEWAY) {
		snprintf(s->gw_id, sizeof(s->gw_id), "%s", gw);
		s->gw_epoch = m->journal_epoch;
		finish(sim, s);
	} else if (s->kind == SIM_STEP_INJECT) {
		if (!s->inj.sent) {
			send_inject(sim, s);
		} else if (s->inj.closed && s->want_ap_cause == SIM_INJECT_RECONNECT) {
			s->inj.reconnected = true;
			finish(sim, s);
		}
	} else {
		send_request(sim, s);
	}
}

static void on_error_indication(struct sim *sim, const struct aiot_ap_msg *m)
{
	struct sim_step *s = sim->cur;
	char diag[256] = "", sentence[400];

	sim->t.errors_received++;
	if (AIOT_AP_HAS(m, AIOT_AP_IE_DIAG))
		copy_str(diag, sizeof(diag), m->diag, m->diag_len);
	snprintf(sentence, sizeof(sentence), "the gateway sent an error indication: %s%s%s%s%s",
		 aiot_ap_cause_name(m->cause),
		 AIOT_AP_HAS(m, AIOT_AP_IE_BAD_TYPE) ? " about " : "",
		 AIOT_AP_HAS(m, AIOT_AP_IE_BAD_TYPE) ? aiot_ap_type_name(m->bad_type) : "",
		 diag[0] ? ": " : "", diag);
	logf_("%s (txn %016" PRIx64 ")", sentence, m->txn);
	if (s && s->kind == SIM_STEP_INJECT && s->started && !s->done && s->inj.sent &&
	    !s->inj.answered && (!s->inj.have_txn || s->txn == m->txn)) {
		s->inj.answered = true;
		s->inj.cause = m->cause;
		s->inj.bad_type = AIOT_AP_HAS(m, AIOT_AP_IE_BAD_TYPE) ? m->bad_type : -1;
		free(s->diag);
		s->diag = diag[0] ? strdup(diag) : NULL;
		/* reconnect: the answer is recorded, the step waits for the reconnection */
		if (s->want_ap_cause != SIM_INJECT_RECONNECT)
			finish(sim, s);
		return;
	}
	if (s && s->started && !s->done && s->req && s->txn == m->txn) {
		free(s->refused);
		s->refused = strdup(sentence);
		finish(sim, s);
	}
}

static void handle(struct sim *sim, const uint8_t *buf, size_t len)
{
	struct aiot_ap_msg m;
	char diag[200];
	int cause = aiot_ap_decode(buf, len, &m);

	if (cause) {
		snprintf(diag, sizeof(diag), "aiotf-sim cannot take this %s: %s",
			 aiot_ap_type_name(m.type), aiot_ap_cause_name(cause));
		logf_("bad message: type %u (%s), txn %016" PRIx64 ", %zu octets: %s", m.type,
		      aiot_ap_type_name(m.type), m.txn, len, aiot_ap_cause_name(cause));
		/* an Error Indication is never answered with one */
		if (m.type != AIOT_AP_ERROR_INDICATION)
			send_error(sim, m.txn, cause, m.type, diag);
		return;
	}
	if (!sim->set_up && m.type != AIOT_AP_SETUP_REQUEST) {
		if (m.type == AIOT_AP_ERROR_INDICATION) {
			on_error_indication(sim, &m);
			return;
		}
		logf_("%s before the Setup: not-set-up", aiot_ap_type_name(m.type));
		snprintf(diag, sizeof(diag), "a %s before SETUP_REQUEST",
			 aiot_ap_type_name(m.type));
		send_error(sim, m.txn, AIOT_AP_CAUSE_NOT_SET_UP, m.type, diag);
		return;
	}
	switch (m.type) {
	case AIOT_AP_SETUP_REQUEST:
		on_setup(sim, &m);
		break;
	case AIOT_AP_REQUEST_ACK:
		if (sim->cur && sim->cur->req && sim->cur->txn == m.txn && !sim->cur->req_acked) {
			sim->cur->req_acked = true;
			logf_("step %zu: request txn %016" PRIx64 " acknowledged", sim->cur_idx,
			      m.txn);
		}
		break;
	case AIOT_AP_INVENTORY_REPORT:
	case AIOT_AP_INVENTORY_END:
	case AIOT_AP_COMMAND_RESPONSE:
		on_report(sim, &m);
		break;
	case AIOT_AP_ERROR_INDICATION:
		on_error_indication(sim, &m);
		break;
	default:
		logf_("received a %s, which an AIOTF never takes", aiot_ap_type_name(m.type));
		snprintf(diag, sizeof(diag), "an AIOTF does not take a %s",
			 aiot_ap_type_name(m.type));
		send_error(sim, m.txn, AIOT_AP_CAUSE_UNEXPECTED, m.type, diag);
		break;
	}
}

static void read_assoc(struct sim *sim)
{
	int turn;
	long n;

	for (turn = 0; turn < READS_PER_TURN && sim->fd >= 0; turn++) {
		n = aiot_ap_rx_fill(sim->fd, &sim->rx);
		if (n == 0) {
			/* it may only have shut its side: the acks can still go */
			flush_acks(sim);
			close_assoc(sim, "the gateway closed it");
			return;
		}
		if (n < 0) {
			if (errno == EAGAIN || errno == EWOULDBLOCK)
				break;
			close_assoc(sim, strerror(errno));
			return;
		}
		while (sim->fd >= 0 && (n = aiot_ap_rx_next(&sim->rx)) != 0) {
			if (n < 0) {
				close_assoc(sim, "the stream cannot be resynchronised "
					    "(impossible message length)");
				return;
			}
			handle(sim, sim->rx.buf, n);
			if (sim->fd >= 0)
				aiot_ap_rx_consume(&sim->rx, n);
		}
	}
	flush_acks(sim);
}

/* ---- listening ------------------------------------------------------ */

static void format_addr(const struct sockaddr *sa, socklen_t len, int proto, char *out,
			size_t size)
{
	char host[128], port[16];

	if (getnameinfo(sa, len, host, sizeof(host), port, sizeof(port),
			NI_NUMERICHOST | NI_NUMERICSERV)) {
		snprintf(out, size, "?");
		return;
	}
	snprintf(out, size, "%s%s%s%s:%s", proto == IPPROTO_SCTP ? "sctp:" : "tcp:",
		 sa->sa_family == AF_INET6 ? "[" : "", host,
		 sa->sa_family == AF_INET6 ? "]" : "", port);
}

static int listen_on(struct sim *sim, const char *addr)
{
	struct sockaddr_storage ss;
	unsigned int sslen;
	char msg[256];
	int one = 1;

	if (aiot_ap_parse_addr(addr, &sim->proto, &ss, &sslen, msg, sizeof(msg))) {
		sim_err("%s", msg);
		return EXIT_USAGE;
	}
	sim->lfd = aiot_ap_socket(ss.ss_family, sim->proto, msg, sizeof(msg));
	if (sim->lfd < 0) {
		sim_err("%s", msg);
		return EXIT_FAILED;
	}
	setsockopt(sim->lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(sim->lfd, (struct sockaddr *)&ss, sslen) || listen(sim->lfd, 4)) {
		sim_err("cannot listen on %s: %s", addr, strerror(errno));
		return EXIT_FAILED;
	}
	sslen = sizeof(ss);
	if (getsockname(sim->lfd, (struct sockaddr *)&ss, &sslen))
		sslen = 0;
	format_addr((struct sockaddr *)&ss, sslen, sim->proto, sim->t.listen,
		    sizeof(sim->t.listen));
	logf_("listening on %s", sim->t.listen);
	return EXIT_OK;
}

static void accept_assoc(struct sim *sim)
{
	struct sockaddr_storage ss;
	socklen_t sslen = sizeof(ss);
	struct timeval tv = { .tv_sec = SEND_TIMEOUT_S };
	char peer[300];
	int fd, one = 1;

	fd = accept4(sim->lfd, (struct sockaddr *)&ss, &sslen, SOCK_CLOEXEC);
	if (fd < 0) {
		if (errno != EAGAIN && errno != EINTR && errno != ECONNABORTED)
			logf_("accept: %s", strerror(errno));
		return;
	}
	if (sim->proto == IPPROTO_TCP)
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	else
		setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof(one));
	setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
	format_addr((struct sockaddr *)&ss, sslen, sim->proto, peer, sizeof(peer));
	logf_("association from %s", peer);
	sim->fd = fd;
	sim->set_up = false;
	sim->journal = -1;
	sim->rx.have = 0;
	sim->n_acks = 0;
}

/* When the step ends at the latest: its timeout, or for expect-cause none the quiet time */
static double deadline(const struct sim_step *s)
{
	double d = s->t_start + s->timeout;

	if (s->kind == SIM_STEP_INJECT && s->want_ap_cause == SIM_INJECT_NONE && s->inj.sent &&
	    s->t_sent + SIM_INJECT_QUIET < d)
		d = s->t_sent + SIM_INJECT_QUIET;
	return d;
}

/* Wait for the current step, serving the association meanwhile. */
static void run_step(struct sim *sim, struct sim_step *s)
{
	struct pollfd pfd;
	double left;
	int ms;

	start_step(sim, s);
	while (!s->done) {
		left = deadline(s) - now();
		if (left <= 0) {
			if (s->kind == SIM_STEP_INJECT && s->want_ap_cause == SIM_INJECT_NONE &&
			    s->inj.sent)
				s->inj.quiet = true;	/* the expected end */
			else
				s->timed_out = true;
			finish(sim, s);
			break;
		}
		if (stop_signal) {
			finish(sim, s);
			break;
		}
		ms = left > 1.0 ? 1000 : (int)(left * 1000) + 1;
		pfd.fd = sim->fd >= 0 ? sim->fd : sim->lfd;
		pfd.events = POLLIN;
		pfd.revents = 0;
		if (poll(&pfd, 1, ms) < 0 && errno != EINTR) {
			logf_("poll: %s", strerror(errno));
			s->timed_out = true;
			finish(sim, s);
			break;
		}
		if (pfd.revents && sim->fd < 0)
			accept_assoc(sim);
		else if (pfd.revents)
			read_assoc(sim);
		progress(sim, s);
	}
}

int sim_run(const char *file, const char *listen, bool json)
{
	struct sim_scenario sc;
	struct sim sim = { .sc = &sc, .lfd = -1, .fd = -1, .journal = -1 };
	struct sigaction sa = { .sa_handler = on_signal };
	bool all = true;
	size_t i;
	int rc;

	rc = sim_scenario_load(file, &sc);
	if (rc)
		return rc;
	if (!listen && !sc.listen) {
		sim_err("%s: no listen line and no --listen ADDR", file);
		sim_scenario_free(&sc);
		return EXIT_USAGE;
	}
	if (!listen) {
		struct sockaddr_storage ss;
		unsigned int sslen;
		char msg[256];
		int proto;

		listen = sc.listen;
		if (aiot_ap_parse_addr(listen, &proto, &ss, &sslen, msg, sizeof(msg))) {
			sim_err("%s:%u: %s", file, sc.listen_line, msg);
			sim_scenario_free(&sc);
			return EXIT_USAGE;
		}
	}
	if (RAND_bytes((uint8_t *)&sim.txn_base, sizeof(sim.txn_base)) != 1) {
		sim_err("no random bytes from OpenSSL");
		sim_scenario_free(&sc);
		return EXIT_FAILED;
	}
	sim.txn_base &= ~0xffffffULL;	/* room for the counter: readable in logs */
	rc = listen_on(&sim, listen);
	if (rc) {
		if (sim.lfd >= 0)
			close(sim.lfd);
		sim_scenario_free(&sc);
		return rc;
	}
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	for (i = 0; i < sc.n_steps && !stop_signal; i++) {
		sim.cur = &sc.steps[i];
		sim.cur_idx = i + 1;
		run_step(&sim, sim.cur);
	}
	sim.t.interrupted = stop_signal;
	flush_acks(&sim);
	if (sim.fd >= 0)
		close(sim.fd);
	close(sim.lfd);
	for (i = 0; i < sc.n_steps; i++) {
		const struct sim_step *s = &sc.steps[i];

		if (s->met)
			continue;
		all = false;
		if (s->started)
			sim_err("step %zu (line %u, %s) did not meet its expectations: %s", i + 1,
				s->line, sim_step_name(s->kind), s->why ? s->why : "?");
		else
			sim_err("step %zu (line %u, %s) did not run", i + 1, s->line,
				sim_step_name(s->kind));
	}
	sim_summary(&sc, &sim.t, json);
	if (sim.devs)
		OPENSSL_cleanse(sim.devs, sim.devs_cap * sizeof(*sim.devs));
	free(sim.devs);
	kids_free(&sim);
	free(sim.seen);
	free(sim.journals);
	sim_scenario_free(&sc);
	return all ? EXIT_OK : EXIT_FAILED;
}
