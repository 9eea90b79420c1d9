// SPDX-License-Identifier: GPL-2.0
/*
 * What the bridge does with requests and events (Documentation/aiot-ap.rst,
 * "Reliability"):
 *
 * - A request is journaled, then acknowledged (Request Ack), then started.
 *   A request journaled before is acknowledged again and not run again.
 * - Each device an inventory reads becomes one Inventory Report, journaled
 *   under (txn, device identity): a device read twice for one request is
 *   reported once. A study security profile's Msg3 (9 Authentication
 *   Response, Y Access Response) shows no identity: it is journaled under
 *   (txn, its nonce), so the same answer twice is reported once. The job's
 *   end becomes the Inventory End.
 * - After a restart, an inventory that was running is run again with the
 *   same RAND_n (its job died with the bridge's socket); what it had
 *   already reported is not reported again. A command that was running is
 *   not sent again (a Write or a Disable must not happen twice): its
 *   Command Response says "interrupted".
 * - When the kernel's events overflowed the bridge's socket, running
 *   inventories are run once more when they end, and running commands are
 *   answered "interrupted".
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <linux/aiot.h>

#include "bridge.h"
#include "nas.h"

/* a study profile's Msg3 nonce (DN, Nonce2); the longest report key */
#define REPORT_NONCE_LEN	8
#define REPORT_KEY_MAX		(1 + 16)

_Static_assert(AIOT_SOL9_DN_LEN == REPORT_NONCE_LEN &&
	       AIOT_SOLY_NONCE2_LEN == REPORT_NONCE_LEN, "a Msg3 nonce is 8 octets");
_Static_assert(2 + REPORT_NONCE_LEN <= REPORT_KEY_MAX, "a nonce key fits");

static struct config *cfg;

void bridge_setup(struct config *c)
{
	cfg = c;
}

/* The raw request without its K_AIOTF IE: keys are never journaled. */
static size_t strip_keys(const uint8_t *raw, size_t len, uint8_t *out)
{
	size_t off = AIOT_AP_HDR_LEN, n = AIOT_AP_HDR_LEN;

	memcpy(out, raw, AIOT_AP_HDR_LEN);
	while (off + 4 <= len) {
		unsigned int ie = raw[off] << 8 | raw[off + 1];
		size_t l = raw[off + 2] << 8 | raw[off + 3];

		if (off + 4 + l > len)
			break;
		if (ie != AIOT_AP_IE_K_AIOTF) {
			memcpy(out + n, raw + off, 4 + l);
			n += 4 + l;
		}
		off += 4 + l;
	}
	out[4] = n >> 24;
	out[5] = n >> 16;
	out[6] = n >> 8;
	out[7] = n;
	return n;
}

static void add_report(uint64_t txn, uint8_t type, const uint8_t *dev, size_t dev_len,
		       struct aiot_ap_buf *b)
{
	/* the IEs after the header; the header and REPORT_ID are added when sent */
	if (aiot_ap_end(b) < 0) {
		log_err("txn %016llx: a report does not fit a message", (unsigned long long)txn);
		return;
	}
	if (journal_add_report(txn, type, dev, dev_len, b->p + AIOT_AP_HDR_LEN,
			       b->len - AIOT_AP_HDR_LEN) < 0)
		log_err("txn %016llx: the report could not be journaled", (unsigned long long)txn);
}

static void inventory_end(const struct request *req, uint8_t cause, const struct nl_error *e,
			  uint64_t slots, uint64_t coll, uint64_t air)
{
	uint8_t p[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;
	long n = journal_count_devices(req->txn);

	aiot_ap_begin(&b, p, sizeof(p), AIOT_AP_INVENTORY_END, req->txn);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, req->reader);
	aiot_ap_put_u8(&b, AIOT_AP_IE_END_CAUSE, cause);
	aiot_ap_put_u32(&b, AIOT_AP_IE_DEVICES, n < 0 ? 0 : n);
	aiot_ap_put_u64(&b, AIOT_AP_IE_SLOTS, slots);
	aiot_ap_put_u64(&b, AIOT_AP_IE_COLLISIONS, coll);
	aiot_ap_put_u64(&b, AIOT_AP_IE_AIR_US, air);
	if (e && e->err) {
		aiot_ap_put_u32(&b, AIOT_AP_IE_ERRNO, -e->err);
		aiot_ap_put_str(&b, AIOT_AP_IE_DIAG, e->msg[0] ? e->msg : strerror(-e->err));
	}
	add_report(req->txn, AIOT_AP_INVENTORY_END, NULL, 0, &b);
	journal_set_request(req->txn, REQ_DONE, req->job, req->runs, false);
	log_info("txn %016llx: inventory on reader %u ended (%s), %ld devices reported",
		 (unsigned long long)req->txn, req->reader,
		 cause == AIOT_INV_END_COMPLETE ? "complete" : "not complete", n);
}

static void command_response(const struct request *req, const struct aiot_ap_msg *r,
			     const struct nl_error *e)
{
	uint8_t p[AIOT_AP_MAX_LEN];
	struct aiot_ap_buf b;

	aiot_ap_begin(&b, p, sizeof(p), AIOT_AP_COMMAND_RESPONSE, req->txn);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, req->reader);
	aiot_ap_put_u8(&b, AIOT_AP_IE_OUTCOME, r->outcome);
	if (AIOT_AP_HAS(r, AIOT_AP_IE_NAS))
		aiot_ap_put(&b, AIOT_AP_IE_NAS, r->nas, r->nas_len);
	if (AIOT_AP_HAS(r, AIOT_AP_IE_AS_CAUSE))
		aiot_ap_put_u8(&b, AIOT_AP_IE_AS_CAUSE, r->as_cause);
	if (AIOT_AP_HAS(r, AIOT_AP_IE_SEC))
		aiot_ap_put_u8(&b, AIOT_AP_IE_SEC, r->sec);
	if (AIOT_AP_HAS(r, AIOT_AP_IE_ATTEMPTS) && r->attempts)
		aiot_ap_put_u8(&b, AIOT_AP_IE_ATTEMPTS, r->attempts > 16 ? 16 : r->attempts);
	if (AIOT_AP_HAS(r, AIOT_AP_IE_ERRNO))
		aiot_ap_put_u32(&b, AIOT_AP_IE_ERRNO, r->err_no);
	if (e && e->err)
		aiot_ap_put_str(&b, AIOT_AP_IE_DIAG, e->msg[0] ? e->msg : strerror(-e->err));
	else if (r->outcome == AIOT_AP_OUTCOME_INTERRUPTED)
		aiot_ap_put_str(&b, AIOT_AP_IE_DIAG,
				"the gateway lost track of the command; it may or may not have run");
	add_report(req->txn, AIOT_AP_COMMAND_RESPONSE, NULL, 0, &b);
	journal_set_request(req->txn, REQ_DONE, req->job, req->runs, false);
	log_info("txn %016llx: command on reader %u: %s", (unsigned long long)req->txn,
		 req->reader, aiot_ap_outcome_name(r->outcome));
}

/* Run a journaled request (now, or again after a restart). */
static void run(struct request *req)
{
	struct aiot_ap_msg m;
	struct nl_error e = { 0 };
	uint32_t job;

	if (aiot_ap_decode(req->msg, req->len, &m)) {
		log_err("txn %016llx: the journaled request does not decode", (unsigned long long)req->txn);
		journal_set_request(req->txn, REQ_DONE, 0, req->runs, false);
		return;
	}
	if (req->type == AIOT_AP_INVENTORY_REQUEST) {
		if (nl_start_inventory(&m, cfg->report_batch, &job, &e)) {
			log_warn("txn %016llx: reader %u refused the inventory: %s",
				 (unsigned long long)req->txn, m.reader,
				 e.msg[0] ? e.msg : strerror(-e.err));
			inventory_end(req, AIOT_INV_END_FAILED, &e, 0, 0, 0);
			return;
		}
		req->job = job;
		req->runs++;
		journal_set_request(req->txn, REQ_RUNNING, job, req->runs, false);
		log_info("txn %016llx: inventory on reader %u, job %u (run %u)",
			 (unsigned long long)req->txn, m.reader, job, req->runs);
	}
}

void bridge_request(const struct aiot_ap_msg *m, const uint8_t *raw, size_t len)
{
	static struct request req;
	struct nl_error e = { 0 };
	uint32_t job;
	int known;

	known = journal_get_request(m->txn, NULL);
	if (known < 0)
		return;		/* not journaled, so not acknowledged: the AIOTF resends */
	if (known) {
		log_debug("txn %016llx: a request journaled before", (unsigned long long)m->txn);
		link_send_request_ack(m->txn);
		return;
	}
	memset(&req, 0, sizeof(req));
	req.txn = m->txn;
	req.type = m->type;
	req.reader = m->reader;
	req.len = strip_keys(raw, len, req.msg);
	req.state = REQ_QUEUED;
	if (journal_begin() || journal_add_request(&req) || journal_commit()) {
		log_err("txn %016llx: the request could not be journaled", (unsigned long long)m->txn);
		return;
	}
	link_send_request_ack(m->txn);
	if (m->type == AIOT_AP_INVENTORY_REQUEST) {
		journal_begin();
		run(&req);
		journal_commit();
		link_pump();
		return;
	}
	/* a command: the keys (offload mode) go to the kernel, never to disk */
	journal_begin();
	if (nl_send_command(m, &job, &e)) {
		struct aiot_ap_msg r = { .outcome = AIOT_AP_OUTCOME_REJECTED,
					 .err_no = -e.err,
					 .present = 1ULL << AIOT_AP_IE_ERRNO };

		log_warn("txn %016llx: reader %u refused the command: %s",
			 (unsigned long long)m->txn, m->reader, e.msg[0] ? e.msg : strerror(-e.err));
		command_response(&req, &r, &e);
	} else {
		req.job = job;
		req.runs = 1;
		journal_set_request(req.txn, REQ_RUNNING, job, 1, false);
		log_info("txn %016llx: command to reader %u, job %u", (unsigned long long)m->txn,
			 m->reader, job);
	}
	journal_commit();
	link_pump();
}

static int recover_one(struct request *req, void *arg)
{
	struct aiot_ap_msg r = { .outcome = AIOT_AP_OUTCOME_INTERRUPTED };

	(void)arg;
	if (req->type == AIOT_AP_COMMAND_REQUEST) {
		/*
		 * running: it may have run, so it is not sent twice; queued: an
		 * offloaded command's keys were never journaled, so it cannot run
		 */
		command_response(req, &r, NULL);
		return 0;
	}
	if (req->runs >= cfg->max_runs) {
		struct nl_error e = { .err = -EINTR };

		snprintf(e.msg, sizeof(e.msg), "given up after %u runs", req->runs);
		inventory_end(req, AIOT_INV_END_STOPPED, &e, 0, 0, 0);
		return 0;
	}
	log_info("txn %016llx: the inventory was under way when the bridge stopped: running it again",
		 (unsigned long long)req->txn);
	run(req);
	return 0;
}

/* At start: what the previous bridge left unfinished. */
void bridge_recover(void)
{
	journal_begin();
	journal_each_unfinished(recover_one, NULL);
	journal_commit();
}

static int lost_one(struct request *req, void *arg)
{
	struct aiot_ap_msg r = { .outcome = AIOT_AP_OUTCOME_INTERRUPTED };

	(void)arg;
	if (req->type == AIOT_AP_COMMAND_REQUEST && req->state == REQ_RUNNING)
		command_response(req, &r, NULL);
	return 0;
}

void bridge_events_lost(void)
{
	log_warn("kernel events were lost (the socket overflowed): running inventories "
		 "will run again, running commands are reported interrupted");
	journal_mark_rerun_running();
	journal_each_unfinished(lost_one, NULL);
}

/*
 * What an Inventory Report is journaled under, beside its txn; its length,
 * 0 for a NAS PDU that is no answer to a paging. An Inventory Response: the
 * identity's length in bits (1..128), then the identity (IDs of different
 * lengths differ). A study profile's Msg3 carries no identity in clear: 0
 * (no identity has 0 bits), its message type, then its nonce (DN of a 9
 * Authentication Response, Nonce2 of a Y Access Response).
 */
static size_t report_key(const struct aiot_nas_msg *d, uint8_t *key)
{
	size_t n;

	switch (d->type) {
	case AIOT_NAS_MT_INVENTORY_RSP:
		n = (d->id_bits + 7) / 8;
		key[0] = d->id_bits;
		memcpy(key + 1, d->id, n);
		return n + 1;
	case AIOT_NAS_MT_SOL9_AUTH_RSP:
	case AIOT_NAS_MT_SOLY_ACCESS_RSP:
		key[0] = 0;
		key[1] = d->type;
		memcpy(key + 2, d->nonce, REPORT_NONCE_LEN);
		return 2 + REPORT_NONCE_LEN;
	}
	return 0;
}

void bridge_inventory_report(uint32_t reader, uint32_t job, const uint8_t *nas,
			     size_t nas_len, int32_t rssi, uint32_t seq, bool has_rssi)
{
	static struct request req;
	uint8_t p[AIOT_AP_MAX_LEN], key[REPORT_KEY_MAX];
	struct aiot_nas_msg d;
	struct aiot_ap_buf b;
	size_t klen = 0;
	int rc;

	rc = journal_find_job(reader, job, &req);
	if (rc <= 0)
		return;		/* somebody else's job (aiotctl) */
	if (!aiot_nas_decode(nas, nas_len, &d))
		klen = report_key(&d, key);
	if (!klen) {
		log_warn("txn %016llx: a device answered with a NAS PDU that is not an Inventory "
			 "Response, a 9 Authentication Response or a Y Access Response",
			 (unsigned long long)req.txn);
		return;
	}
	aiot_ap_begin(&b, p, sizeof(p), AIOT_AP_INVENTORY_REPORT, req.txn);
	aiot_ap_put_u32(&b, AIOT_AP_IE_READER, reader);
	aiot_ap_put(&b, AIOT_AP_IE_NAS, nas, nas_len);
	if (has_rssi)
		aiot_ap_put_u32(&b, AIOT_AP_IE_RSSI, (uint32_t)rssi);
	aiot_ap_put_u32(&b, AIOT_AP_IE_SEQ, seq);
	add_report(req.txn, AIOT_AP_INVENTORY_REPORT, key, klen, &b);
}

void bridge_inventory_done(uint32_t reader, uint32_t job, uint8_t cause, uint64_t slots,
			   uint64_t collisions, uint64_t air_us)
{
	static struct request req;

	if (journal_find_job(reader, job, &req) <= 0)
		return;
	if (req.rerun && req.runs < cfg->max_runs) {
		log_info("txn %016llx: running the inventory again for the reports that were lost",
			 (unsigned long long)req.txn);
		run(&req);
		return;
	}
	req.job = job;
	inventory_end(&req, cause, NULL, slots, collisions, air_us);
}

void bridge_command_result(uint32_t reader, uint32_t job, const struct aiot_ap_msg *r)
{
	static struct request req;

	if (journal_find_job(reader, job, &req) <= 0 || req.type != AIOT_AP_COMMAND_REQUEST)
		return;
	command_response(&req, r, NULL);
}
