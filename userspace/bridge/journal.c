// SPDX-License-Identifier: GPL-2.0
/*
 * The bridge's journal: an SQLite database in WAL mode. Requests are
 * journaled before they are acknowledged to the AIOTF, reports before they
 * are sent; a report leaves the journal's pending set only when the AIOTF
 * acknowledged it. Report ids (the REPORT_ID IE) are the table's
 * AUTOINCREMENT row ids, so they never repeat within one journal; the
 * journal's random epoch tells journals apart.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <sqlite3.h>
#include <openssl/rand.h>

#include "bridge.h"

static sqlite3 *db;
static uint64_t epoch;

enum {
	ST_GET_REQ, ST_FIND_JOB, ST_ADD_REQ, ST_SET_REQ, ST_UNFINISHED, ST_ADD_REPORT,
	ST_COUNT_DEV, ST_ACK, ST_PENDING, ST_N_PENDING, ST_PURGE, ST_EXPIRE_REQ,
	ST_EXPIRE_REP, ST_MAX
};

static const char *const sql[ST_MAX] = {
	[ST_GET_REQ] = "SELECT txn, type, msg, state, reader, job, runs, rerun FROM request "
		       "WHERE txn = ?1",
	[ST_FIND_JOB] = "SELECT txn, type, msg, state, reader, job, runs, rerun FROM request "
			"WHERE state = 1 AND reader = ?1 AND job = ?2",
	[ST_ADD_REQ] = "INSERT INTO request (txn, type, msg, state, reader, job, runs, rerun) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 0)",
	[ST_SET_REQ] = "UPDATE request SET state = ?2, job = ?3, runs = ?4, rerun = ?5 "
		       "WHERE txn = ?1",
	[ST_UNFINISHED] = "SELECT txn, type, msg, state, reader, job, runs, rerun FROM request "
			  "WHERE state < 2 ORDER BY rowid",
	[ST_ADD_REPORT] = "INSERT OR IGNORE INTO report (txn, dev, type, ies) "
			  "VALUES (?1, ?2, ?3, ?4)",
	[ST_COUNT_DEV] = "SELECT count(*) FROM report WHERE txn = ?1 AND length(dev) > 0",
	[ST_ACK] = "UPDATE report SET acked = 1 WHERE id = ?1 AND acked = 0",
	[ST_PENDING] = "SELECT id, txn, type, ies FROM report WHERE acked = 0 AND id > ?1 "
		       "ORDER BY id LIMIT ?2",
	[ST_N_PENDING] = "SELECT count(*) FROM report WHERE acked = 0",
	/* once a request's last report is acknowledged, its devices go */
	[ST_PURGE] = "DELETE FROM report WHERE length(dev) > 0 AND acked = 1 AND txn = "
		     "(SELECT txn FROM report WHERE id = ?1 AND length(dev) = 0)",
	/*
	 * a request done and fully acknowledged is remembered for
	 * JOURNAL_KEEP_S (a resent txn is not run twice), then forgotten
	 */
	[ST_EXPIRE_REQ] = "DELETE FROM request WHERE state = 2 AND created < ?1 AND NOT EXISTS "
			  "(SELECT 1 FROM report WHERE report.txn = request.txn AND acked = 0)",
	[ST_EXPIRE_REP] = "DELETE FROM report WHERE acked = 1 AND NOT EXISTS "
			  "(SELECT 1 FROM request WHERE request.txn = report.txn)",
};

static sqlite3_stmt *st[ST_MAX];

static int fail(const char *what)
{
	log_err("journal: %s: %s", what, sqlite3_errmsg(db));
	return -1;
}

static int exec(const char *s)
{
	char *e = NULL;

	if (sqlite3_exec(db, s, NULL, NULL, &e) == SQLITE_OK)
		return 0;
	log_err("journal: %s: %s", s, e ? e : "?");
	sqlite3_free(e);
	return -1;
}

int journal_open(const char *path, bool sync_full, char *err, size_t errlen)
{
	sqlite3_stmt *s;
	int i;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			    SQLITE_OPEN_FULLMUTEX, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open the journal '%s': %s", path,
			 db ? sqlite3_errmsg(db) : "out of memory");
		sqlite3_close(db);
		db = NULL;
		return -1;
	}
	sqlite3_busy_timeout(db, 5000);
	if (exec("PRAGMA journal_mode = WAL") ||
	    exec(sync_full ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL") ||
	    exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER)") ||
	    exec("CREATE TABLE IF NOT EXISTS request (txn INTEGER PRIMARY KEY, "
		 "type INTEGER NOT NULL, msg BLOB NOT NULL, state INTEGER NOT NULL, "
		 "reader INTEGER, job INTEGER, runs INTEGER, rerun INTEGER, "
		 "created INTEGER NOT NULL DEFAULT (strftime('%s', 'now')))") ||
	    exec("CREATE INDEX IF NOT EXISTS request_job ON request (state, reader, job)") ||
	    exec("CREATE TABLE IF NOT EXISTS report (id INTEGER PRIMARY KEY AUTOINCREMENT, "
		 "txn INTEGER NOT NULL, dev BLOB NOT NULL, type INTEGER NOT NULL, "
		 "ies BLOB NOT NULL, acked INTEGER NOT NULL DEFAULT 0, UNIQUE (txn, dev))") ||
	    exec("CREATE INDEX IF NOT EXISTS report_pending ON report (acked, id)")) {
		snprintf(err, errlen, "the journal '%s' cannot be set up: %s", path,
			 sqlite3_errmsg(db));
		goto fail;
	}
	for (i = 0; i < ST_MAX; i++)
		if (sqlite3_prepare_v2(db, sql[i], -1, &st[i], NULL) != SQLITE_OK) {
			snprintf(err, errlen, "the journal '%s' is not this bridge's: %s", path,
				 sqlite3_errmsg(db));
			goto fail;
		}
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key = 'epoch'", -1, &s,
			       NULL) != SQLITE_OK)
		goto fail_msg;
	if (sqlite3_step(s) == SQLITE_ROW) {
		epoch = sqlite3_column_int64(s, 0);
	} else {
		char q[96];

		if (RAND_bytes((unsigned char *)&epoch, sizeof(epoch)) != 1)
			epoch = (uint64_t)time(NULL);
		snprintf(q, sizeof(q), "INSERT INTO meta VALUES ('epoch', %lld)",
			 (long long)epoch);
		if (exec(q))
			goto fail_stmt;
	}
	sqlite3_finalize(s);
	return 0;
fail_stmt:
	sqlite3_finalize(s);
fail_msg:
	snprintf(err, errlen, "the journal '%s' cannot be read: %s", path, sqlite3_errmsg(db));
fail:
	journal_close();
	return -1;
}

void journal_close(void)
{
	int i;

	for (i = 0; i < ST_MAX; i++) {
		sqlite3_finalize(st[i]);
		st[i] = NULL;
	}
	sqlite3_close(db);
	db = NULL;
}

uint64_t journal_epoch(void)
{
	return epoch;
}

int journal_begin(void)
{
	return exec("BEGIN IMMEDIATE");
}

int journal_commit(void)
{
	return exec("COMMIT");
}

static void row_request(sqlite3_stmt *s, struct request *req)
{
	size_t n = sqlite3_column_bytes(s, 2);

	req->txn = sqlite3_column_int64(s, 0);
	req->type = sqlite3_column_int(s, 1);
	if (n > sizeof(req->msg))
		n = 0;
	memcpy(req->msg, sqlite3_column_blob(s, 2), n);
	req->len = n;
	req->state = sqlite3_column_int(s, 3);
	req->reader = sqlite3_column_int64(s, 4);
	req->job = sqlite3_column_int64(s, 5);
	req->runs = sqlite3_column_int(s, 6);
	req->rerun = sqlite3_column_int(s, 7);
}

static int one_request(sqlite3_stmt *s, struct request *req)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		if (req)
			row_request(s, req);
		rc = 1;
	} else if (rc == SQLITE_DONE) {
		rc = 0;
	} else {
		rc = fail("reading a request");
	}
	sqlite3_reset(s);
	return rc;
}

int journal_get_request(uint64_t txn, struct request *req)
{
	sqlite3_bind_int64(st[ST_GET_REQ], 1, (sqlite3_int64)txn);
	return one_request(st[ST_GET_REQ], req);
}

int journal_find_job(uint32_t reader, uint32_t job, struct request *req)
{
	sqlite3_bind_int64(st[ST_FIND_JOB], 1, reader);
	sqlite3_bind_int64(st[ST_FIND_JOB], 2, job);
	return one_request(st[ST_FIND_JOB], req);
}

static int step_done(sqlite3_stmt *s, const char *what)
{
	int rc = sqlite3_step(s) == SQLITE_DONE ? 0 : fail(what);

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc;
}

int journal_add_request(const struct request *req)
{
	sqlite3_stmt *s = st[ST_ADD_REQ];

	sqlite3_bind_int64(s, 1, (sqlite3_int64)req->txn);
	sqlite3_bind_int(s, 2, req->type);
	sqlite3_bind_blob(s, 3, req->msg, req->len, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, req->state);
	sqlite3_bind_int64(s, 5, req->reader);
	sqlite3_bind_int64(s, 6, req->job);
	sqlite3_bind_int(s, 7, req->runs);
	return step_done(s, "adding a request");
}

int journal_set_request(uint64_t txn, int state, uint32_t job, unsigned int runs, bool rerun)
{
	sqlite3_stmt *s = st[ST_SET_REQ];

	sqlite3_bind_int64(s, 1, (sqlite3_int64)txn);
	sqlite3_bind_int(s, 2, state);
	sqlite3_bind_int64(s, 3, job);
	sqlite3_bind_int(s, 4, runs);
	sqlite3_bind_int(s, 5, rerun);
	return step_done(s, "updating a request");
}

int journal_mark_rerun_running(void)
{
	return exec("UPDATE request SET rerun = 1 WHERE state = 1 AND type = 3");
}

int journal_each_unfinished(int (*cb)(struct request *req, void *arg), void *arg)
{
	static struct request req;
	sqlite3_stmt *s = st[ST_UNFINISHED];
	uint64_t txns[256];
	int n = 0, i, rc;

	/* collect first: the callbacks write to the same table */
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && n < 256)
		txns[n++] = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail("listing requests");
	for (i = 0; i < n; i++)
		if (journal_get_request(txns[i], &req) == 1 && cb(&req, arg))
			break;
	return 0;
}

int journal_add_report(uint64_t txn, uint8_t type, const uint8_t *dev, size_t dev_len,
		       const uint8_t *ies, size_t ies_len)
{
	sqlite3_stmt *s = st[ST_ADD_REPORT];

	sqlite3_bind_int64(s, 1, (sqlite3_int64)txn);
	sqlite3_bind_blob(s, 2, dev_len ? (const void *)dev : "", dev_len, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, type);
	sqlite3_bind_blob(s, 4, ies, ies_len, SQLITE_STATIC);
	if (step_done(s, "adding a report"))
		return -1;
	return sqlite3_changes(db) > 0;
}

long journal_count_devices(uint64_t txn)
{
	sqlite3_stmt *s = st[ST_COUNT_DEV];
	long n = -1;

	sqlite3_bind_int64(s, 1, (sqlite3_int64)txn);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return n;
}

int journal_ack(uint64_t id)
{
	sqlite3_bind_int64(st[ST_ACK], 1, (sqlite3_int64)id);
	if (step_done(st[ST_ACK], "acknowledging a report"))
		return -1;
	if (!sqlite3_changes(db))
		return 0;
	sqlite3_bind_int64(st[ST_PURGE], 1, (sqlite3_int64)id);
	return step_done(st[ST_PURGE], "purging reports") ? -1 : 1;
}

int journal_each_pending(uint64_t after, unsigned int max,
			 int (*cb)(uint64_t id, uint64_t txn, uint8_t type,
				   const uint8_t *ies, size_t len, void *arg), void *arg)
{
	sqlite3_stmt *s = st[ST_PENDING];
	int rc, n = 0;

	sqlite3_bind_int64(s, 1, (sqlite3_int64)after);
	sqlite3_bind_int(s, 2, max);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		n++;
		if (cb(sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1),
		       sqlite3_column_int(s, 2), sqlite3_column_blob(s, 3),
		       sqlite3_column_bytes(s, 3), arg))
			break;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return fail("reading pending reports");
	return n;
}

int journal_expire(void)
{
	sqlite3_bind_int64(st[ST_EXPIRE_REQ], 1, (sqlite3_int64)time(NULL) - JOURNAL_KEEP_S);
	if (step_done(st[ST_EXPIRE_REQ], "forgetting old requests"))
		return -1;
	return step_done(st[ST_EXPIRE_REP], "forgetting old reports");
}

long journal_pending(void)
{
	long n = -1;

	if (sqlite3_step(st[ST_N_PENDING]) == SQLITE_ROW)
		n = sqlite3_column_int64(st[ST_N_PENDING], 0);
	sqlite3_reset(st[ST_N_PENDING]);
	return n;
}
