// SPDX-License-Identifier: GPL-2.0
/*
 * aiot-bridge's request logic (userspace/bridge/bridge.c) with its journal
 * on a real SQLite file and the kernel and the AIOTF link replaced by
 * stubs: what a request, a refusal, events, a restart and lost events turn
 * into, checked on the reports as the AIOTF would decode them.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <linux/aiot.h>

#include "bridge.h"
#include "journal_tmp.h"
#include "nas.h"

int log_threshold = -1;

void logmsg(int level, const char *fmt, ...)
{
	va_list ap;

	if (level > log_threshold)
		return;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* ---- stubs of nl.c and link.c -------------------------------------------------- */
static int nl_fail;			/* negative errno for the next request */
static const char *nl_extack = "";
static uint32_t next_job = 1;
static unsigned int inventories_started, commands_sent, acks;
static uint8_t last_k[32];
static bool had_k;
/* the paging container of the last inventory started, the last command's RAND */
static uint8_t inv_rand[8], inv_nas[AIOT_NAS_MAX_LEN], cmd_rand[8];
static size_t inv_nas_len;
static bool inv_had_rand, cmd_had_rand;

int nl_start_inventory(const struct aiot_ap_msg *m, unsigned int batch, uint32_t *job,
		       struct nl_error *e)
{
	(void)batch;
	inv_had_rand = AIOT_AP_HAS(m, AIOT_AP_IE_RAND_N);
	if (inv_had_rand)
		memcpy(inv_rand, m->rand_n, 8);
	inv_nas_len = AIOT_AP_HAS(m, AIOT_AP_IE_NAS) ? m->nas_len : 0;
	memcpy(inv_nas, m->nas, inv_nas_len);
	if (nl_fail) {
		e->err = nl_fail;
		snprintf(e->msg, sizeof(e->msg), "%s", nl_extack);
		return nl_fail;
	}
	inventories_started++;
	*job = next_job++;
	return 0;
}

int nl_send_command(const struct aiot_ap_msg *m, uint32_t *job, struct nl_error *e)
{
	had_k = AIOT_AP_HAS(m, AIOT_AP_IE_K_AIOTF);
	if (had_k)
		memcpy(last_k, m->k_aiotf, 32);
	cmd_had_rand = AIOT_AP_HAS(m, AIOT_AP_IE_RAND_N);
	if (cmd_had_rand)
		memcpy(cmd_rand, m->rand_n, 8);
	if (nl_fail) {
		e->err = nl_fail;
		snprintf(e->msg, sizeof(e->msg), "%s", nl_extack);
		return nl_fail;
	}
	commands_sent++;
	*job = next_job++;
	return 0;
}

void link_send_request_ack(uint64_t txn)
{
	(void)txn;
	acks++;
}

void link_pump(void)
{
}

/* ---- helpers -------------------------------------------------------------------- */
static char path[64];
static struct config cfg;

static int setup(void **state)
{
	(void)state;
	config_defaults(&cfg);
	bridge_setup(&cfg);
	nl_fail = 0;
	next_job = 1;
	inventories_started = commands_sent = acks = 0;
	inv_had_rand = cmd_had_rand = false;
	inv_nas_len = 0;
	return journal_tmp_open(path, sizeof(path));
}

static int teardown(void **state)
{
	(void)state;
	journal_tmp_remove(path);
	return 0;
}

static size_t inventory_request(uint8_t *p, uint64_t txn, uint32_t reader)
{
	static const uint8_t rand_n[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	struct aiot_ap_buf b;

	aiot_ap_begin(&b, p, AIOT_AP_MAX_LEN, AIOT_AP_INVENTORY_REQUEST, txn);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, reader);
	aiot_ap_put(&b, AIOT_AP_IE_RAND_N, rand_n, 8);
	return aiot_ap_end(&b);
}

static size_t command_request(uint8_t *p, uint64_t txn, bool key)
{
	static const uint8_t id[4] = { 0xa1, 0, 0, 5 }, nas[6] = { 0, 0x41, 0, 0, 0, 4 };
	uint8_t k[32];
	struct aiot_ap_buf b;

	memset(k, 0x5a, sizeof(k));
	aiot_ap_begin(&b, p, AIOT_AP_MAX_LEN, AIOT_AP_COMMAND_REQUEST, txn);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put(&b, AIOT_AP_IE_TARGET, id, 4);
	aiot_ap_put_u16(&b, AIOT_AP_IE_TARGET_BITS, 32);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, nas, sizeof(nas));
	if (key)
		aiot_ap_put(&b, AIOT_AP_IE_K_AIOTF, k, 32);
	return aiot_ap_end(&b);
}

static void deliver(const uint8_t *p, size_t len)
{
	struct aiot_ap_msg m;

	assert_int_equal(aiot_ap_decode(p, len, &m), 0);
	bridge_request(&m, p, len);
}

struct got {
	struct aiot_ap_msg m[16];
	uint8_t buf[16][AIOT_AP_MAX_LEN];
	uint64_t id[16];
	int n;
};

/* The pending reports as the AIOTF receives them (link.c's framing). */
static int take(uint64_t id, uint64_t txn, uint8_t type, const uint8_t *ies, size_t len,
		void *arg)
{
	struct got *g = arg;
	struct aiot_ap_buf b;
	long n;

	aiot_ap_begin(&b, g->buf[g->n], AIOT_AP_MAX_LEN, type, txn);
	aiot_ap_put_u64(&b, AIOT_AP_IE_REPORT_ID, id);
	memcpy(b.p + b.len, ies, len);
	b.len += len;
	n = aiot_ap_end(&b);
	assert_int_equal(aiot_ap_decode(g->buf[g->n], n, &g->m[g->n]), 0);
	g->id[g->n++] = id;
	return 0;
}

static void pending(struct got *g)
{
	g->n = 0;
	journal_each_pending(0, 16, take, g);
}

/* An Inventory Response NAS PDU of a 32-bit identity. */
static size_t response(uint8_t *p, uint8_t last)
{
	uint8_t id[4] = { 0xa1, 0, 0, last }, rand_d[AIOT_RAND_D_LEN] = { last },
		res[AIOT_RES_LEN] = { last };
	struct aiot_nas_msg m = {
		.type = AIOT_NAS_MT_INVENTORY_RSP, .id_bits = 32, .id = id,
		.rand_d = rand_d, .res = res,
	};
	int n = aiot_nas_encode(&m, p, AIOT_NAS_MAX_LEN);

	assert_true(n > 0);
	return n;
}

/* A study profile's Msg3: a 9 Authentication Response (T-ID*) or a Y Access Response. */
static size_t study_msg3(uint8_t *p, uint8_t type, uint8_t nonce_first)
{
	uint8_t nonce[8], tid[AIOT_SOL9_TID_LEN];
	struct aiot_nas_msg m = { .type = type, .nonce = nonce, .tid = tid,
				  .policy = AIOT_SOL9_POL_IDP_TID };
	unsigned int i;
	int n;

	for (i = 0; i < 8; i++)
		nonce[i] = nonce_first + i;
	memset(tid, 0x77, sizeof(tid));
	n = aiot_nas_encode(&m, p, AIOT_NAS_MAX_LEN);
	assert_true(n > 0);
	return n;
}

/* ---- tests ---------------------------------------------------------------------- */

static void refused_inventory(void **state)
{
	uint8_t p[AIOT_AP_MAX_LEN];
	struct got g;

	(void)state;
	nl_fail = -ENODEV;
	nl_extack = "no reader with this index";
	deliver(p, inventory_request(p, 0x9310adb8df000001ULL, 7));
	assert_int_equal(acks, 1);
	pending(&g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.m[0].type, AIOT_AP_INVENTORY_END);
	assert_true(g.m[0].txn == 0x9310adb8df000001ULL);
	assert_int_equal(g.m[0].reader, 7);
	assert_int_equal(g.m[0].end_cause, AIOT_INV_END_FAILED);
	assert_int_equal(g.m[0].devices, 0);
	assert_int_equal(g.m[0].err_no, ENODEV);
	assert_int_equal(g.m[0].diag_len, strlen(nl_extack));
	assert_memory_equal(g.m[0].diag, nl_extack, g.m[0].diag_len);
}

static void inventory_reports_once(void **state)
{
	uint8_t p[AIOT_AP_MAX_LEN], nas[AIOT_NAS_MAX_LEN];
	struct got g;
	size_t n;

	(void)state;
	deliver(p, inventory_request(p, 42, 0));
	assert_int_equal(inventories_started, 1);
	/* the same request again: acknowledged again, not run again */
	deliver(p, inventory_request(p, 42, 0));
	assert_int_equal(acks, 2);
	assert_int_equal(inventories_started, 1);
	journal_begin();
	n = response(nas, 1);
	bridge_inventory_report(0, 1, nas, n, -4200, 0, true);
	bridge_inventory_report(0, 1, nas, n, -4200, 1, true);	/* read twice */
	n = response(nas, 2);
	bridge_inventory_report(0, 1, nas, n, -4300, 2, true);
	bridge_inventory_report(0, 99, nas, n, 0, 0, false);		/* somebody else's job */
	nas[0] ^= 0xff;							/* not an Inventory Response */
	bridge_inventory_report(0, 1, nas, n, 0, 3, false);
	bridge_inventory_done(0, 1, AIOT_INV_END_COMPLETE, 10, 2, 12345);
	journal_commit();
	pending(&g);
	assert_int_equal(g.n, 3);
	assert_int_equal(g.m[0].type, AIOT_AP_INVENTORY_REPORT);
	assert_int_equal(g.m[0].rssi, -4200);
	assert_int_equal(g.m[1].seq, 2);
	assert_int_equal(g.m[2].type, AIOT_AP_INVENTORY_END);
	assert_int_equal(g.m[2].devices, 2);
	assert_int_equal(g.m[2].slots, 10);
	assert_int_equal(g.m[2].air_us, 12345);
	assert_false(AIOT_AP_HAS(&g.m[2], AIOT_AP_IE_ERRNO));
	assert_true(g.id[0] < g.id[1] && g.id[1] < g.id[2]);
}

static void restart_reruns_inventory_interrupts_command(void **state)
{
	uint8_t p[AIOT_AP_MAX_LEN], nas[AIOT_NAS_MAX_LEN];
	struct got g;
	size_t n;

	(void)state;
	deliver(p, inventory_request(p, 7, 0));			/* job 1 */
	deliver(p, command_request(p, 8, false));		/* job 2 */
	journal_begin();
	n = response(nas, 1);
	bridge_inventory_report(0, 1, nas, n, 0, 0, false);
	journal_commit();
	/* the bridge dies here; a new one starts */
	bridge_recover();
	assert_int_equal(inventories_started, 2);		/* run again */
	assert_int_equal(commands_sent, 1);			/* never twice */
	journal_begin();
	bridge_inventory_report(0, 3, nas, n, 0, 0, false);	/* the same device */
	n = response(nas, 2);
	bridge_inventory_report(0, 3, nas, n, 0, 1, false);
	bridge_inventory_done(0, 3, AIOT_INV_END_COMPLETE, 4, 0, 1);
	journal_commit();
	pending(&g);
	assert_int_equal(g.n, 4);
	assert_int_equal(g.m[1].type, AIOT_AP_COMMAND_RESPONSE);
	assert_int_equal(g.m[1].outcome, AIOT_AP_OUTCOME_INTERRUPTED);
	assert_int_equal(g.m[3].type, AIOT_AP_INVENTORY_END);
	assert_int_equal(g.m[3].devices, 2);
}

static void keys_never_journaled(void **state)
{
	uint8_t p[AIOT_AP_MAX_LEN], k[32];
	struct request req;
	size_t len, i;

	(void)state;
	memset(k, 0x5a, sizeof(k));
	len = command_request(p, 11, true);
	deliver(p, len);
	assert_true(had_k);
	assert_memory_equal(last_k, k, 32);
	assert_int_equal(journal_get_request(11, &req), 1);
	assert_true(req.len == len - 36);
	for (i = 0; i + 32 <= req.len; i++)
		assert_memory_not_equal(req.msg + i, k, 32);
}

static void lost_events(void **state)
{
	uint8_t p[AIOT_AP_MAX_LEN];
	struct got g;

	(void)state;
	deliver(p, inventory_request(p, 20, 0));		/* job 1 */
	deliver(p, command_request(p, 21, false));		/* job 2 */
	journal_begin();
	bridge_events_lost();
	bridge_inventory_done(0, 1, AIOT_INV_END_COMPLETE, 1, 0, 1);
	journal_commit();
	assert_int_equal(inventories_started, 2);		/* once more */
	pending(&g);
	assert_int_equal(g.n, 1);
	assert_int_equal(g.m[0].outcome, AIOT_AP_OUTCOME_INTERRUPTED);
	/* the command's real result, if it comes after all, changes nothing */
	journal_begin();
	bridge_command_result(0, 2, &(struct aiot_ap_msg){ .outcome = 0 });
	bridge_inventory_done(0, 3, AIOT_INV_END_COMPLETE, 1, 0, 1);
	journal_commit();
	pending(&g);
	assert_int_equal(g.n, 2);
	assert_int_equal(g.m[1].type, AIOT_AP_INVENTORY_END);
}

/*
 * A study profile's paging: an Inventory Request with a NAS container goes to
 * the reader as that container (no RAND), is journaled with it, and runs with
 * it again after a restart; a Command Request's RAND_N goes with the command.
 */
static void study_paging_and_rand(void **state)
{
	static const uint8_t y_paging[11] = { 0x00, 0x60, 0x00, 9, 8, 7, 6, 5, 4, 3, 2 };
	static const uint8_t nn[8] = { 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98 };
	uint8_t p[AIOT_AP_MAX_LEN];
	struct aiot_ap_msg m;
	struct aiot_ap_buf b;
	struct request req;
	size_t len;

	(void)state;
	aiot_ap_begin(&b, p, AIOT_AP_MAX_LEN, AIOT_AP_INVENTORY_REQUEST, 30);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, 0);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, y_paging, sizeof(y_paging));
	aiot_ap_put_u32(&b, AIOT_AP_IE_MAX_DEVICES, 1);
	deliver(p, aiot_ap_end(&b));
	assert_int_equal(inventories_started, 1);
	assert_false(inv_had_rand);
	assert_int_equal(inv_nas_len, sizeof(y_paging));
	assert_memory_equal(inv_nas, y_paging, sizeof(y_paging));
	assert_int_equal(journal_get_request(30, &req), 1);
	assert_int_equal(aiot_ap_decode(req.msg, req.len, &m), 0);
	assert_true(AIOT_AP_HAS(&m, AIOT_AP_IE_NAS) && !AIOT_AP_HAS(&m, AIOT_AP_IE_RAND_N));
	/* the bridge dies; the new one runs the inventory again with the same container */
	inv_nas_len = 0;
	bridge_recover();
	assert_int_equal(inventories_started, 2);
	assert_false(inv_had_rand);
	assert_int_equal(inv_nas_len, sizeof(y_paging));
	assert_memory_equal(inv_nas, y_paging, sizeof(y_paging));

	/* a normative one still pages with its RAND_n, no container */
	deliver(p, inventory_request(p, 31, 0));
	assert_true(inv_had_rand);
	assert_int_equal(inv_nas_len, 0);

	/* a Command Request with RAND_N: the command carries it, the journal too */
	len = command_request(p, 32, false);
	aiot_ap_begin(&b, p, AIOT_AP_MAX_LEN, AIOT_AP_COMMAND_REQUEST, 32);
	b.len = len;
	aiot_ap_put(&b, AIOT_AP_IE_RAND_N, nn, sizeof(nn));
	deliver(p, aiot_ap_end(&b));
	assert_int_equal(commands_sent, 1);
	assert_true(cmd_had_rand);
	assert_memory_equal(cmd_rand, nn, sizeof(nn));
	assert_int_equal(journal_get_request(32, &req), 1);
	assert_int_equal(aiot_ap_decode(req.msg, req.len, &m), 0);
	assert_memory_equal(m.rand_n, nn, sizeof(nn));
	/* and one without it carries none */
	deliver(p, command_request(p, 33, false));
	assert_false(cmd_had_rand);
}

/*
 * A study profile's Msg3 shows no identity: it is reported once per nonce.
 * The same answer twice (a retried Msg3): once; another nonce: another
 * report; a Y Access Response with the octets of a DN: its own; the
 * Inventory End counts them all.
 */
static void study_msg3_keyed_by_nonce(void **state)
{
	uint8_t p[AIOT_AP_MAX_LEN], nas[AIOT_NAS_MAX_LEN];
	struct aiot_nas_msg d;
	struct got g;
	size_t n;

	(void)state;
	deliver(p, inventory_request(p, 40, 0));			/* job 1 */
	journal_begin();
	n = study_msg3(nas, AIOT_NAS_MT_SOL9_AUTH_RSP, 0x10);
	bridge_inventory_report(0, 1, nas, n, -5000, 0, true);
	bridge_inventory_report(0, 1, nas, n, -5000, 1, true);	/* the same answer */
	n = study_msg3(nas, AIOT_NAS_MT_SOL9_AUTH_RSP, 0x20);
	bridge_inventory_report(0, 1, nas, n, -5100, 2, true);	/* another DN */
	n = study_msg3(nas, AIOT_NAS_MT_SOLY_ACCESS_RSP, 0x20);
	bridge_inventory_report(0, 1, nas, n, -5200, 3, true);	/* Nonce2 = that DN */
	n = response(nas, 1);
	bridge_inventory_report(0, 1, nas, n, -5300, 4, true);	/* a normative device */
	n = study_msg3(nas, AIOT_NAS_MT_SOL9_AUTH_RSP, 0x30);
	nas[2] = 0xff;						/* a reserved policy */
	bridge_inventory_report(0, 1, nas, n, 0, 5, false);
	bridge_inventory_done(0, 1, AIOT_INV_END_COMPLETE, 8, 0, 100);
	journal_commit();
	pending(&g);
	assert_int_equal(g.n, 5);
	assert_int_equal(g.m[0].seq, 0);
	assert_int_equal(aiot_nas_decode(g.m[0].nas, g.m[0].nas_len, &d), 0);
	assert_int_equal(d.type, AIOT_NAS_MT_SOL9_AUTH_RSP);
	assert_int_equal(d.nonce[0], 0x10);
	assert_int_equal(g.m[1].seq, 2);
	assert_int_equal(g.m[2].seq, 3);
	assert_int_equal(g.m[2].nas[1], AIOT_NAS_MT_SOLY_ACCESS_RSP);
	assert_int_equal(g.m[3].seq, 4);
	assert_int_equal(g.m[4].type, AIOT_AP_INVENTORY_END);
	assert_int_equal(g.m[4].devices, 4);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(refused_inventory, setup, teardown),
		cmocka_unit_test_setup_teardown(inventory_reports_once, setup, teardown),
		cmocka_unit_test_setup_teardown(restart_reruns_inventory_interrupts_command,
						setup, teardown),
		cmocka_unit_test_setup_teardown(keys_never_journaled, setup, teardown),
		cmocka_unit_test_setup_teardown(lost_events, setup, teardown),
		cmocka_unit_test_setup_teardown(study_paging_and_rand, setup, teardown),
		cmocka_unit_test_setup_teardown(study_msg3_keyed_by_nonce, setup, teardown),
	};

	return cmocka_run_group_tests_name("bridge", tests, NULL, NULL);
}
