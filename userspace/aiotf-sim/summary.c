// SPDX-License-Identifier: GPL-2.0
/*
 * aiotf-sim run: the summary on stdout, for people or, with -j, one JSON
 * document (keys in Documentation/aiot-ap.rst, "aiotf-sim scenarios").
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <json-c/json.h>

#include "aiot_ap.h"
#include "aiot_sec.h"
#include "aiotf-sim.h"
#include "scenario.h"

/* software time: from the request first sent (or the step's start) to its end */
static uint64_t wall_us(const struct sim_step *s)
{
	double t0 = s->t_sent > 0 ? s->t_sent : s->t_start;

	return s->started && s->t_end > t0 ? (uint64_t)((s->t_end - t0) * 1e6 + 0.5) : 0;
}

static const char *id_str(const struct sim_id *id, char *buf, size_t size)
{
	sim_format_id(id->id, id->bits, buf, size);
	return buf;
}

static const char *txn_str(const struct sim_step *s, char *buf)
{
	snprintf(buf, 17, "%016" PRIx64, s->txn);
	return buf;
}

/* ---- JSON ----------------------------------------------------------- */

static void add(struct json_object *o, const char *k, struct json_object *v)
{
	json_object_object_add(o, k, v);
}

static struct json_object *str_or_null(const char *s)
{
	return s ? json_object_new_string(s) : NULL;
}

static struct json_object *ids_json(char **ids, size_t n)
{
	struct json_object *a = json_object_new_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_object_array_add(a, json_object_new_string(ids[i]));
	return a;
}

static const char *auth_result_name(enum sim_auth_result r)
{
	switch (r) {
	case SIM_AUTH_PENDING:
		return "pending";
	case SIM_AUTH_AUTHENTICATED:
		return "authenticated";
	case SIM_AUTH_FAILED:
		return "failed";
	case SIM_AUTH_NOT_FOUND:
		return "not-found";
	case SIM_AUTH_NO_KEY:
		return "no-key";
	case SIM_AUTH_MALFORMED:
		return "malformed";
	}
	return "?";
}

static struct json_object *hex_json(const uint8_t *p, size_t n)
{
	char buf[2 * 16 + 1];

	aiot_hex_encode(p, n, buf);
	return json_object_new_string(buf);
}

static struct json_object *txn_json(uint64_t txn)
{
	char buf[17];

	snprintf(buf, sizeof(buf), "%016" PRIx64, txn);
	return json_object_new_string(buf);
}

/* What an INVENTORY_END said; "ended" null unless @show_ended */
static void end_json(struct json_object *o, const struct sim_inv_end *e, bool show_ended)
{
	add(o, "ended", show_ended ? json_object_new_boolean(e->ended) : NULL);
	add(o, "end_cause", e->ended ? json_object_new_string(sim_end_cause_name(e->end_cause)) :
	    NULL);
	add(o, "gateway_devices", e->ended ? json_object_new_int64(e->gw_devices) : NULL);
	add(o, "air_us", e->have_air ? json_object_new_int64(e->air_us) : NULL);
	add(o, "slots", e->have_slots ? json_object_new_int64(e->slots) : NULL);
	add(o, "collisions", e->have_collisions ? json_object_new_int64(e->collisions) : NULL);
}

/* One solution-9 authentication of an inventory step */
static struct json_object *auth_json(const struct sim_step *s, const struct sim_auth *a)
{
	struct json_object *o = json_object_new_object();
	char buf[40];
	bool sent = a->result != SIM_AUTH_NO_KEY, y = a->profile == AIOT_SEC_PROFILE_SOLUTION_Y;

	add(o, "device", json_object_new_string(id_str(&a->dev, buf, sizeof(buf))));
	add(o, "profile", json_object_new_string(sim_profile_name(a->profile)));
	add(o, "by", json_object_new_string(y ? (a->group ? "group-kid" : "y-paging") :
					    s->tid ? "t-id" : "protected-id"));
	add(o, "txn", sent ? txn_json(a->txn) : NULL);
	add(o, "nn", sent && !y ? hex_json(a->nn, sizeof(a->nn)) : NULL);
	if (y) {
		add(o, "nonce1", sent ? hex_json(a->nonce1, sizeof(a->nonce1)) : NULL);
		add(o, "nonce2", a->ares_ok ? hex_json(a->nonce2, sizeof(a->nonce2)) : NULL);
		add(o, "counter", sent && !a->group ? json_object_new_int64(a->counter) : NULL);
		add(o, "resyncs", json_object_new_int64(a->resyncs));
		add(o, "ares_verified", json_object_new_boolean(a->ares_ok));
		add(o, "nres", json_object_new_boolean(a->nres));
		add(o, "nres_txn", a->nres ? txn_json(a->nres_txn) : NULL);
		add(o, "nres_outcome", str_or_null(a->nres_outcome));
	}
	add(o, "result", json_object_new_string(auth_result_name(a->result)));
	add(o, "why", str_or_null(a->result == SIM_AUTH_FAILED || a->result == SIM_AUTH_NO_KEY ?
				  a->why : NULL));
	add(o, "reports", json_object_new_int64(a->reports));
	if (!y)
		add(o, "dn", a->have_dn ? hex_json(a->dn, sizeof(a->dn)) : NULL);
	end_json(o, &a->end, true);
	return o;
}

/* The group paging of solution-y devices */
static struct json_object *group_json(const struct sim_inv_result *r)
{
	const struct sim_auth *g = &r->grp;
	struct json_object *o = json_object_new_object();

	add(o, "txn", txn_json(g->txn));
	add(o, "nonce1", hex_json(g->nonce1, sizeof(g->nonce1)));
	add(o, "reports", json_object_new_int64(g->reports));
	add(o, "unknown", json_object_new_int64(r->grp_unknown));
	end_json(o, &g->end, true);
	return o;
}

static void inventory_json(const struct sim_step *s, struct json_object *o)
{
	const struct sim_inv_result *r = &s->inv;
	struct json_object *auths = json_object_new_array();
	char buf[40];
	size_t i;

	add(o, "reader", json_object_new_int64(s->reader));
	aiot_hex_encode(s->rand_n, sizeof(s->rand_n), buf);
	add(o, "rand_n", s->inv_txn ? json_object_new_string(buf) : NULL);
	add(o, "expect", s->expect >= 0 ? json_object_new_int64(s->expect) : NULL);
	add(o, "reject", json_object_new_int64(s->reject >= 0 ? s->reject : 0));
	add(o, "reports", json_object_new_int64(r->reports));
	add(o, "devices", json_object_new_int64(r->devices));
	add(o, "authenticated", json_object_new_int64(r->authenticated));
	add(o, "failed", json_object_new_int64(r->failed));
	add(o, "failed_devices", ids_json(r->failed_ids, r->n_failed_ids));
	add(o, "no_key", json_object_new_int64(r->no_key));
	add(o, "malformed", json_object_new_int64(r->malformed));
	add(o, "duplicates_suppressed", json_object_new_int64(r->dup_reports));
	add(o, "duplicate_devices", json_object_new_int64(r->dup_devices));
	add(o, "duplicate_device_ids", ids_json(r->dup_ids, r->n_dup_ids));
	end_json(o, &r->end, s->normative);
	add(o, "cut_link_after", s->cut_after >= 0 ? json_object_new_int64(s->cut_after) : NULL);
	add(o, "cut_at", r->cut_done ? json_object_new_int64(r->cut_at) : NULL);
	add(o, "solution9_devices", json_object_new_int64(s->s9_covered));
	add(o, "not_found", json_object_new_int64(r->not_found));
	add(o, "not_found_devices", ids_json(r->not_found_ids, r->n_not_found_ids));
	add(o, "solutiony_devices", json_object_new_int64(s->sy_covered));
	add(o, "resyncs", json_object_new_int64(r->resyncs));
	add(o, "group", r->grp_sent ? group_json(r) : NULL);
	for (i = 0; i < r->n_auths; i++)
		json_object_array_add(auths, auth_json(s, &r->auths[i]));
	add(o, "authentications", auths);
}

static void command_json(const struct sim_step *s, struct json_object *o)
{
	const struct sim_cmd_result *c = &s->cmd;
	char buf[2 * AIOT_NAS_MAX_LEN + 1];
	const char *st;

	add(o, "device", json_object_new_string(id_str(&s->dev, buf, sizeof(buf))));
	add(o, "reader", s->req ? json_object_new_int64(s->reader) : NULL);
	add(o, "profile", json_object_new_string(sim_profile_name(s->profile)));
	add(o, "mode", json_object_new_string(s->offload ? "offload" : "relay"));
	if (s->profile == AIOT_SEC_PROFILE_SOLUTION_9 && s->policy >= 0)
		snprintf(buf, sizeof(buf), "%02x", s->policy);
	add(o, "policy", s->profile == AIOT_SEC_PROFILE_SOLUTION_9 && s->policy >= 0 ?
	    json_object_new_string(buf) : NULL);
	add(o, "nn", s->profile == AIOT_SEC_PROFILE_SOLUTION_9 && s->req ?
	    hex_json(s->rand_n, sizeof(s->rand_n)) : NULL);
	add(o, "t_id", s->profile == AIOT_SEC_PROFILE_SOLUTION_Y && s->req ?
	    hex_json(s->nonce2, sizeof(s->nonce2)) : NULL);
	add(o, "integrity_only", json_object_new_boolean(s->integrity_only));
	add(o, "bad_mac", json_object_new_boolean(s->bad_mac));
	add(o, "no_session", json_object_new_boolean(c->no_session));
	add(o, "answered", json_object_new_boolean(c->answered));
	add(o, "outcome", c->answered ? json_object_new_string(aiot_ap_outcome_name(c->outcome)) :
	    NULL);
	add(o, "as_cause", c->answered && c->as_cause >= 0 ? json_object_new_int(c->as_cause) :
	    NULL);
	add(o, "sec", c->sec >= 0 ? json_object_new_string(sim_sec_name(c->sec)) : NULL);
	add(o, "nas_verdict", str_or_null(c->answered ? c->verdict : NULL));
	add(o, "nas_type", c->nas_type >= 0 ? json_object_new_int(c->nas_type) : NULL);
	st = sim_status_name(c->status);
	add(o, "status", c->status < 0 ? NULL :
	    st ? json_object_new_string(st) : json_object_new_int(c->status));
	aiot_hex_encode(c->data, c->data_len, buf);
	add(o, "data", c->nas_type == AIOT_NAS_MT_READ_RSP ? json_object_new_string(buf) : NULL);
}

static const char *want_cause_str(const struct sim_step *s, char *buf, size_t size)
{
	switch (s->want_ap_cause) {
	case SIM_INJECT_ANY:
		return NULL;
	case SIM_INJECT_NONE:
		return "none";
	case SIM_INJECT_RECONNECT:
		return "reconnect";
	}
	return sim_ap_cause_str(s->want_ap_cause, buf, size);
}

static void inject_json(const struct sim_step *s, struct json_object *o)
{
	const struct sim_inject_result *r = &s->inj;
	char *hex = malloc(2 * s->inject_len + 1), buf[17];
	const char *c;

	add(o, "txn", str_or_null(r->have_txn ? txn_str(s, buf) : NULL));
	add(o, "octets", json_object_new_int64(s->inject_len));
	if (hex)
		aiot_hex_encode(s->inject, s->inject_len, hex);
	add(o, "injected", str_or_null(hex));
	free(hex);
	add(o, "expect_cause", str_or_null(want_cause_str(s, buf, sizeof(buf))));
	add(o, "sent", json_object_new_boolean(r->sent));
	add(o, "answered", json_object_new_boolean(r->answered));
	c = r->answered ? sim_ap_cause_str(r->cause, buf, sizeof(buf)) : NULL;
	add(o, "cause", r->answered && c == buf ? json_object_new_int(r->cause) : str_or_null(c));
	add(o, "bad_type", r->answered && r->bad_type >= 0 ? json_object_new_int(r->bad_type) :
	    NULL);
	add(o, "diag", str_or_null(s->diag));
	add(o, "association_closed", json_object_new_boolean(r->closed));
	add(o, "reconnected", json_object_new_boolean(r->reconnected));
}

/* The keys of an inventory or command step's request, its txn @txn */
static void request_json(const struct sim_step *s, struct json_object *o, struct json_object *txn)
{
	add(o, "txn", txn);
	add(o, "request_acked", json_object_new_boolean(s->req_acked));
	add(o, "refused", str_or_null(s->refused));
	add(o, "errno", s->have_errno ? json_object_new_int64(s->err_no) : NULL);
	add(o, "diag", str_or_null(s->diag));
}

static void json_summary(const struct sim_scenario *sc, const struct sim_totals *t)
{
	struct json_object *r = json_object_new_object(), *steps = json_object_new_array();
	bool ok = true;
	size_t i;

	for (i = 0; i < sc->n_steps; i++) {
		const struct sim_step *s = &sc->steps[i];
		struct json_object *o = json_object_new_object();

		ok &= s->met;
		add(o, "step", json_object_new_int64(i + 1));
		add(o, "line", json_object_new_int64(s->line));
		add(o, "kind", json_object_new_string(sim_step_name(s->kind)));
		add(o, "run", json_object_new_boolean(s->started));
		add(o, "met", json_object_new_boolean(s->met));
		add(o, "why", str_or_null(s->why));
		add(o, "timed_out", json_object_new_boolean(s->timed_out));
		add(o, "wall_us", json_object_new_int64(wall_us(s)));
		add(o, "reconnects", json_object_new_int64(s->reconnects));
		if (s->kind == SIM_STEP_WAIT_GATEWAY) {
			add(o, "gateway_id", str_or_null(s->gw_id[0] ? s->gw_id : NULL));
			add(o, "journal_epoch", s->gw_id[0] ? json_object_new_uint64(s->gw_epoch) :
			    NULL);
		} else if (s->kind == SIM_STEP_INJECT) {
			inject_json(s, o);
		} else if (s->kind == SIM_STEP_INVENTORY) {
			/* the normative request's; each authentication has its own */
			request_json(s, o, s->inv_txn ? txn_json(s->inv_txn) : NULL);
			inventory_json(s, o);
		} else {
			request_json(s, o, s->req ? txn_json(s->txn) : NULL);
			command_json(s, o);
		}
		json_object_array_add(steps, o);
	}
	add(r, "scenario", json_object_new_string(sc->file));
	add(r, "listen", json_object_new_string(t->listen));
	add(r, "ok", json_object_new_boolean(ok));
	add(r, "interrupted", json_object_new_boolean(t->interrupted));
	add(r, "gateway_id", str_or_null(t->gw_id[0] ? t->gw_id : NULL));
	add(r, "journal_epoch", t->gw_id[0] ? json_object_new_uint64(t->gw_epoch) : NULL);
	add(r, "associations", json_object_new_int64(t->associations));
	add(r, "duplicates_suppressed", json_object_new_int64(t->dup_total));
	add(r, "stray_reports", json_object_new_int64(t->stray));
	add(r, "error_indications_sent", json_object_new_int64(t->errors_sent));
	add(r, "error_indications_received", json_object_new_int64(t->errors_received));
	add(r, "steps", steps);
	puts(json_object_to_json_string_ext(r, JSON_C_TO_STRING_PLAIN));
	json_object_put(r);
}

/* ---- people --------------------------------------------------------- */

static void print_ids(char **ids, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		printf("%s%s", i ? " " : ": ", ids[i]);
}

static void inventory_text(const struct sim_step *s)
{
	const struct sim_inv_result *r = &s->inv;
	size_t i, n9 = 0;

	printf("  devices found          %lu (%lu reports)\n", r->devices, r->reports);
	printf("  authenticated          %lu", r->authenticated);
	if (s->expect >= 0)
		printf(" (%ld expected)", s->expect);
	printf("\n  failed                 %lu", r->failed);
	print_ids(r->failed_ids, r->n_failed_ids);
	if (r->no_key)
		printf(" (%lu without a key in the ADM)", r->no_key);
	putchar('\n');
	for (i = 0; i < r->n_auths; i++)
		n9 += r->auths[i].profile == AIOT_SEC_PROFILE_SOLUTION_9;
	if (s->s9_covered || s->sy_covered) {
		printf("  study profiles         %zu solution-9 of %lu paged by %s, %zu solution-y of "
		       "%lu%s: %lu not found", n9, s->s9_covered, s->tid ? "T-ID" : "protected ID",
		       r->n_auths - n9, s->sy_covered, s->group ? " by a group paging" : "",
		       r->not_found);
		print_ids(r->not_found_ids, r->n_not_found_ids);
		putchar('\n');
	}
	if (s->sy_covered)
		printf("  solution-y resyncs     %lu\n", r->resyncs);
	if (r->malformed)
		printf("  malformed              %lu\n", r->malformed);
	printf("  duplicates suppressed  %lu\n", r->dup_reports);
	printf("  duplicate devices      %lu", r->dup_devices);
	print_ids(r->dup_ids, r->n_dup_ids);
	putchar('\n');
	if (!s->normative) {
		/* no normative request: the authentications' ends are in the JSON */
	} else if (r->end.ended) {
		printf("  end cause              %s (the gateway counted %" PRIu32 " devices)\n",
		       sim_end_cause_name(r->end.end_cause), r->end.gw_devices);
		if (r->end.have_air)
			printf("  air time               %.3f ms", r->end.air_us / 1e3);
		else
			printf("  air time               not given");
		if (r->end.have_slots)
			printf(" (%" PRIu64 " slots", r->end.slots);
		if (r->end.have_slots && r->end.have_collisions)
			printf(", %" PRIu64 " collisions", r->end.collisions);
		printf("%s\n", r->end.have_slots ? ")" : "");
	} else {
		printf("  end cause              (no INVENTORY_END)\n");
	}
	if (s->cut_after >= 0) {
		if (r->cut_done)
			printf("  link cut               after %lu reports\n", r->cut_at);
		else
			printf("  link cut               no (cut-link after %ld)\n", s->cut_after);
	}
}

static void command_text(const struct sim_step *s)
{
	const struct sim_cmd_result *c = &s->cmd;
	char buf[2 * AIOT_NAS_MAX_LEN + 1];
	const char *st;

	if (!c->answered) {
		printf("  outcome                (no COMMAND_RESPONSE)\n");
		return;
	}
	printf("  outcome                %s\n", aiot_ap_outcome_name(c->outcome));
	if (c->as_cause >= 0)
		printf("  AS cause               %d\n", c->as_cause);
	else
		printf("  AS cause               none\n");
	if (c->sec >= 0)
		printf("  gateway security       %s\n", sim_sec_name(c->sec));
	printf("  NAS response check     %s\n", c->verdict);
	if (c->status >= 0) {
		st = sim_status_name(c->status);
		if (st)
			printf("  status                 %s\n", st);
		else
			printf("  status                 %d\n", c->status);
	}
	if (c->nas_type == AIOT_NAS_MT_READ_RSP) {
		aiot_hex_encode(c->data, c->data_len, buf);
		printf("  data read              %s\n", c->data_len ? buf : "(none)");
	}
}

static void inject_text(const struct sim_step *s)
{
	const struct sim_inject_result *r = &s->inj;
	char buf[16];

	if (!r->sent) {
		printf("  injected               no (no gateway set up)\n");
		return;
	}
	if (r->answered) {
		printf("  error indication       %s", sim_ap_cause_str(r->cause, buf, sizeof(buf)));
		if (r->bad_type >= 0)
			printf(" about type %d (%s)", r->bad_type, aiot_ap_type_name(r->bad_type));
		putchar('\n');
		if (s->diag)
			printf("  diag                   %s\n", s->diag);
	} else {
		printf("  error indication       none\n");
	}
	if (r->reconnected)
		printf("  association            closed by the gateway, set up again\n");
	else if (r->closed)
		printf("  association            closed\n");
}

/* " ID (solution-9, policy PP, bad MAC)" after the step's kind */
static void command9_head(const struct sim_step *s)
{
	char buf[40];

	printf(" %s (solution-9", id_str(&s->dev, buf, sizeof(buf)));
	if (s->policy >= 0)
		printf(", policy %02x", s->policy);
	printf("%s)", s->bad_mac ? ", bad MAC" : "");
}

static void text_summary(const struct sim_scenario *sc, const struct sim_totals *t)
{
	size_t i, met = 0;
	char buf[40], txn[17];

	for (i = 0; i < sc->n_steps; i++) {
		const struct sim_step *s = &sc->steps[i];

		met += s->met;
		printf("step %zu, line %u: %s", i + 1, s->line, sim_step_name(s->kind));
		if (s->kind == SIM_STEP_INVENTORY)
			printf(" on reader %" PRIu32, s->reader);
		else if (s->kind == SIM_STEP_INJECT)
			printf(" of %zu octet%s (expect-cause %s)", s->inject_len,
			       s->inject_len == 1 ? "" : "s",
			       want_cause_str(s, buf, sizeof(buf)) ?: "any");
		else if (s->kind != SIM_STEP_WAIT_GATEWAY &&
			 s->profile == AIOT_SEC_PROFILE_SOLUTION_9)
			command9_head(s);
		else if (s->kind != SIM_STEP_WAIT_GATEWAY)
			printf(" %s (%s%s%s)", id_str(&s->dev, buf, sizeof(buf)),
			       s->offload ? "offload" : "relay",
			       s->integrity_only ? ", integrity only" : "",
			       s->bad_mac ? ", bad MAC-I" : "");
		if (s->kind == SIM_STEP_INVENTORY && s->inv_txn)
			printf(", txn %016" PRIx64, s->inv_txn);
		else if ((s->req && s->kind != SIM_STEP_INVENTORY) || s->inj.have_txn)
			printf(", txn %s", txn_str(s, txn));
		putchar('\n');
		if (!s->started) {
			printf("  verdict                not run\n");
			continue;
		}
		if (s->kind == SIM_STEP_WAIT_GATEWAY && s->gw_id[0])
			printf("  gateway                %s (journal epoch %" PRIu64 ")\n",
			       s->gw_id, s->gw_epoch);
		else if (s->kind == SIM_STEP_INJECT)
			inject_text(s);
		else if (s->kind == SIM_STEP_INVENTORY && (s->req || s->inv.n_auths))
			inventory_text(s);
		else if (s->req)
			command_text(s);
		if (s->refused)
			printf("  refused                %s\n", s->refused);
		if ((s->have_errno || s->diag) && s->kind != SIM_STEP_INJECT)
			printf("  gateway error          errno %" PRIu32 "%s%s\n", s->err_no,
			       s->diag ? ": " : "", s->diag ? s->diag : "");
		if (s->reconnects)
			printf("  reconnections         %u\n", s->reconnects);
		printf("  software time          %.3f s\n", wall_us(s) / 1e6);
		if (s->met)
			printf("  verdict                met\n");
		else
			printf("  verdict                NOT MET: %s\n", s->why ? s->why : "?");
	}
	printf("gateway associations: %u; duplicates suppressed: %lu; stray reports: %lu; "
	       "error indications: %lu sent, %lu received\n", t->associations, t->dup_total,
	       t->stray, t->errors_sent, t->errors_received);
	if (met == sc->n_steps)
		printf("result: all %zu steps met their expectations\n", sc->n_steps);
	else
		printf("result: %zu of %zu steps met their expectations%s\n", met, sc->n_steps,
		       t->interrupted ? " (interrupted)" : "");
}

void sim_summary(const struct sim_scenario *sc, const struct sim_totals *t, bool json)
{
	if (json)
		json_summary(sc, t);
	else
		text_summary(sc, t);
	fflush(stdout);
}
