// SPDX-License-Identifier: GPL-2.0
/*
 * aiot-bridge's journal (userspace/bridge/journal.c) on a real SQLite
 * file: requests are remembered by txn, reports are numbered, deduplicated
 * per (txn, device), pending until acknowledged and resent oldest first, a
 * request's device reports go once its last report is acknowledged, the
 * epoch survives a reopen, and old finished requests are forgotten.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <sqlite3.h>

#include "bridge.h"
#include "journal_tmp.h"

int log_threshold = LOG_ERR_;

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

static char path[64];

static int setup(void **state)
{
	(void)state;
	return journal_tmp_open(path, sizeof(path));
}

static int teardown(void **state)
{
	(void)state;
	journal_tmp_remove(path);
	return 0;
}

struct seen {
	uint64_t id[16];
	uint64_t txn[16];
	int n;
};

static int collect(uint64_t id, uint64_t txn, uint8_t type, const uint8_t *ies, size_t len,
		   void *arg)
{
	struct seen *s = arg;

	(void)type;
	(void)ies;
	(void)len;
	s->id[s->n] = id;
	s->txn[s->n++] = txn;
	return 0;
}

static void requests(void **state)
{
	struct request r = { .txn = 0xfedcba9876543210ULL, .type = AIOT_AP_INVENTORY_REQUEST,
			     .len = 3, .msg = { 1, 2, 3 }, .reader = 4 }, got;

	(void)state;
	assert_int_equal(journal_get_request(r.txn, NULL), 0);
	assert_int_equal(journal_add_request(&r), 0);
	/* the same txn twice is refused: the caller looks it up first */
	log_threshold = -1;
	assert_int_not_equal(journal_add_request(&r), 0);
	log_threshold = LOG_ERR_;
	assert_int_equal(journal_get_request(r.txn, &got), 1);
	assert_true(got.txn == r.txn);	/* a txn above 2^63 survives */
	assert_int_equal(got.len, 3);
	assert_memory_equal(got.msg, r.msg, 3);
	assert_int_equal(got.state, REQ_QUEUED);
	assert_int_equal(journal_set_request(r.txn, REQ_RUNNING, 77, 1, false), 0);
	assert_int_equal(journal_find_job(4, 77, &got), 1);
	assert_true(got.txn == r.txn);
	assert_int_equal(got.runs, 1);
	assert_int_equal(journal_find_job(5, 77, NULL), 0);
	assert_int_equal(journal_mark_rerun_running(), 0);
	assert_int_equal(journal_find_job(4, 77, &got), 1);
	assert_true(got.rerun);
	assert_int_equal(journal_set_request(r.txn, REQ_DONE, 77, 1, false), 0);
	/* a done request is no job any more */
	assert_int_equal(journal_find_job(4, 77, NULL), 0);
}

static void reports(void **state)
{
	const uint8_t d1[] = { 32, 0xa1, 0, 0, 1 }, d2[] = { 32, 0xa1, 0, 0, 2 };
	const uint8_t ies[] = { 0, 3, 0, 4, 0, 0, 0, 0 };
	struct request r = { .txn = 9, .type = AIOT_AP_INVENTORY_REQUEST, .len = 1 };
	uint64_t id_d1, id_d2, id_end;
	struct seen s = { 0 };

	(void)state;
	assert_int_equal(journal_add_request(&r), 0);
	assert_int_equal(journal_add_report(9, AIOT_AP_INVENTORY_REPORT, d1, 5, ies, 8), 1);
	assert_int_equal(journal_add_report(9, AIOT_AP_INVENTORY_REPORT, d2, 5, ies, 8), 1);
	/* a device read twice for one request is reported once */
	assert_int_equal(journal_add_report(9, AIOT_AP_INVENTORY_REPORT, d1, 5, ies, 8), 0);
	/* ... but again for another request */
	assert_int_equal(journal_add_report(10, AIOT_AP_INVENTORY_REPORT, d1, 5, ies, 8), 1);
	assert_int_equal(journal_count_devices(9), 2);
	assert_int_equal(journal_add_report(9, AIOT_AP_INVENTORY_END, NULL, 0, ies, 8), 1);
	assert_int_equal(journal_add_report(9, AIOT_AP_INVENTORY_END, NULL, 0, ies, 8), 0);
	assert_int_equal(journal_pending(), 4);

	/* oldest first, ids increasing, all of them until acknowledged */
	assert_int_equal(journal_each_pending(0, 16, collect, &s), 4);
	assert_true(s.id[0] < s.id[1] && s.id[1] < s.id[2] && s.id[2] < s.id[3]);
	assert_true(s.txn[0] == 9 && s.txn[1] == 9 && s.txn[2] == 10 && s.txn[3] == 9);
	id_d1 = s.id[0];
	id_d2 = s.id[1];
	id_end = s.id[3];
	/* after a given id, at most max */
	s.n = 0;
	assert_int_equal(journal_each_pending(id_d2, 1, collect, &s), 1);
	assert_true(s.txn[0] == 10);
	assert_int_equal(journal_ack(id_d1), 1);
	assert_int_equal(journal_ack(id_d1), 0);	/* acknowledged twice */
	assert_int_equal(journal_ack(123456), 0);	/* never sent */
	assert_int_equal(journal_pending(), 3);
	/* still one device per (txn, identity) after its report was acknowledged */
	assert_int_equal(journal_add_report(9, AIOT_AP_INVENTORY_REPORT, d1, 5, ies, 8), 0);

	/* the request's End acknowledged: its device reports go */
	assert_int_equal(journal_set_request(9, REQ_DONE, 0, 1, false), 0);
	assert_int_equal(journal_ack(id_d2), 1);
	assert_int_equal(journal_count_devices(9), 2);
	assert_int_equal(journal_ack(id_end), 1);
	assert_int_equal(journal_count_devices(9), 0);
	assert_int_equal(journal_count_devices(10), 1);	/* another request: kept */
	assert_int_equal(journal_pending(), 1);
}

static void epoch_and_reopen(void **state)
{
	uint64_t e = journal_epoch();
	const uint8_t d[] = { 8, 0x55 }, ies[] = { 0 };
	struct seen s = { 0 };
	char err[256];

	(void)state;
	assert_int_equal(journal_add_report(1, AIOT_AP_INVENTORY_REPORT, d, 2, ies, 1), 1);
	journal_close();
	assert_int_equal(journal_open(path, true, err, sizeof(err)), 0);
	assert_true(journal_epoch() == e);
	assert_int_equal(journal_each_pending(0, 16, collect, &s), 1);
	/* ids are never reused, even after the highest one was acknowledged */
	assert_int_equal(journal_ack(s.id[0]), 1);
	assert_int_equal(journal_add_report(2, AIOT_AP_INVENTORY_REPORT, d, 2, ies, 1), 1);
	s.n = 0;
	journal_each_pending(0, 16, collect, &s);
	assert_int_equal(s.n, 1);
	assert_true(s.id[0] > 1);
}

static void expire(void **state)
{
	struct request r = { .txn = 5, .type = AIOT_AP_COMMAND_REQUEST, .len = 1 };
	const uint8_t ies[] = { 0 };
	struct seen s = { 0 };
	sqlite3 *db;

	(void)state;
	assert_int_equal(journal_add_request(&r), 0);
	assert_int_equal(journal_add_report(5, AIOT_AP_COMMAND_RESPONSE, NULL, 0, ies, 1), 1);
	assert_int_equal(journal_set_request(5, REQ_DONE, 0, 1, false), 0);
	/* recent: kept */
	assert_int_equal(journal_expire(), 0);
	assert_int_equal(journal_get_request(5, NULL), 1);
	/* old but its response not acknowledged: kept */
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "UPDATE request SET created = 1", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	assert_int_equal(journal_expire(), 0);
	assert_int_equal(journal_get_request(5, NULL), 1);
	/* old and acknowledged: forgotten, with its report */
	journal_each_pending(0, 16, collect, &s);
	assert_int_equal(journal_ack(s.id[0]), 1);
	assert_int_equal(journal_expire(), 0);
	assert_int_equal(journal_get_request(5, NULL), 0);
	assert_int_equal(journal_pending(), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(requests, setup, teardown),
		cmocka_unit_test_setup_teardown(reports, setup, teardown),
		cmocka_unit_test_setup_teardown(epoch_and_reopen, setup, teardown),
		cmocka_unit_test_setup_teardown(expire, setup, teardown),
	};

	return cmocka_run_group_tests_name("journal", tests, NULL, NULL);
}
