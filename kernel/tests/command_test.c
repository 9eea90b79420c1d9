// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: command relay against a fake front end simulating a few devices
 * with their answer policies: NAS responses (segmented too), silence,
 * "no NAS response expected" with and without a cause.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/aiot.h>

#include "aiot_core.h"
#include "command.h"
#include "inventory.h"
#include "nas.h"
#include "sec.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

enum dev_policy { ANSWER, NNR_INTEGRITY, NNR_NO_CAUSE, DEAD, SECURE };

struct cdev {
	u32 id;
	enum dev_policy policy;
	unsigned int silent_first;	/* stay silent for this many PDUs */
	unsigned int extra_bits;	/* response = PDU inverted + this */
	bool selected;
	u8 as_id;
	u8 pdu[(AIOT_SDU_MAX_BITS + 7) / 8];
	unsigned int pdu_bits;
	unsigned int pdus;		/* complete PDUs received */
	unsigned int acks;
	u8 rsp[(AIOT_SDU_MAX_BITS + 7) / 8];
	unsigned int rsp_bits;
	/* SECURE: the device side of seed 003 */
	struct aiot_sec_ctx *ctx;
	bool tamper;			/* flip a bit of its response */
	u8 sht_seen;			/* security header of the request */
	u8 mem[16];			/* user memory */
};

struct csim {
	struct cdev devs[3];
	struct aiot_reader *r;
	bool unplug_on_pdu;
	bool hold;		/* accept every frame, never report */
	struct work_struct unplug;
	u8 out[AIOT_FRAME_MAX_OCTETS];
};

static void csim_segment(struct cdev *d, unsigned int at, struct aiot_msg *ans)
{
	unsigned int k, len = min_t(unsigned int, d->rsp_bits - at, AIOT_SEG_MAX_BITS);

	memset(ans, 0, sizeof(*ans));
	ans->type = AIOT_MSG_D2R_DATA;
	ans->data.as_id = d->as_id;
	ans->data.offset = at;
	ans->data.len = len;
	ans->data.more = at + len < d->rsp_bits;
	for (k = 0; k < len; k++) {
		unsigned int b = at + k;

		if (d->rsp[b / 8] & (0x80 >> (b % 8)))
			ans->data.data[k / 8] |= 0x80 >> (k % 8);
	}
}

/* SECURE: open the request, execute it, seal the response into d->rsp. */
static bool csim_secure(struct cdev *d, struct aiot_msg *ans)
{
	struct aiot_nas_msg req, rsp = { .status = AIOT_NAS_STATUS_SUCCESS };
	int n;

	d->sht_seen = d->pdu[0];
	n = aiot_nas_open(d->ctx, AIOT_NAS_DIR_R2D, d->pdu, d->pdu_bits / 8);
	if (n < 0 || aiot_nas_decode(d->pdu, n, &req)) {
		memset(ans, 0, sizeof(*ans));
		ans->type = AIOT_MSG_NO_NAS_RSP;
		ans->nnr.as_id = d->as_id;
		ans->nnr.cause = n == -EBADMSG ? AIOT_NNR_INTEGRITY : AIOT_NNR_UNKNOWN_MSG;
		return true;
	}
	if (req.type == AIOT_NAS_MT_READ_REQ) {
		rsp.type = AIOT_NAS_MT_READ_RSP;
		rsp.data = d->mem + req.offset;
		rsp.data_len = req.length;
	} else {
		rsp.type = AIOT_NAS_MT_WRITE_RSP;
		memcpy(d->mem + req.offset, req.data, req.data_len);
	}
	n = aiot_nas_encode(&rsp, d->rsp, sizeof(d->rsp));
	if (n > 0)
		n = aiot_nas_seal(d->ctx, AIOT_NAS_DIR_D2R,
				  d->sht_seen == AIOT_NAS_SHT_INTEGRITY_CIPHERED,
				  d->rsp, n, sizeof(d->rsp));
	if (n < 0)
		return false;
	if (d->tamper)
		d->rsp[2] ^= 0x04;
	d->rsp_bits = n * 8;
	csim_segment(d, 0, ans);
	return true;
}

/* The device's answer to a complete PDU; false for silence. */
static bool csim_pdu_done(struct cdev *d, struct aiot_msg *ans)
{
	unsigned int k;

	d->pdus++;
	if (d->silent_first) {
		d->silent_first--;
		return false;
	}
	switch (d->policy) {
	case DEAD:
		return false;
	case SECURE:
		return csim_secure(d, ans);
	case NNR_INTEGRITY:
	case NNR_NO_CAUSE:
		memset(ans, 0, sizeof(*ans));
		ans->type = AIOT_MSG_NO_NAS_RSP;
		ans->nnr.as_id = d->as_id;
		ans->nnr.cause = d->policy == NNR_INTEGRITY ? AIOT_NNR_INTEGRITY :
							      AIOT_NNR_NONE;
		return true;
	case ANSWER:
		break;
	}
	d->rsp_bits = min_t(unsigned int, d->pdu_bits + d->extra_bits, AIOT_SDU_MAX_BITS);
	for (k = 0; k < DIV_ROUND_UP(d->rsp_bits, 8); k++)
		d->rsp[k] = ~d->pdu[k % DIV_ROUND_UP(d->pdu_bits, 8)];
	if (d->rsp_bits % 8)
		d->rsp[d->rsp_bits / 8] &= 0xff00 >> (d->rsp_bits % 8);
	csim_segment(d, 0, ans);
	return true;
}

static int csim_xmit(struct aiot_reader *r, const u8 *frame, unsigned int bits,
		     unsigned int window_us, u32 cookie)
{
	struct csim *s = *(struct csim **)aiot_reader_priv(r);
	struct aiot_msg m, ans;
	bool answer = false;
	size_t out_bits;
	int i;

	if (s->hold)
		return 0;
	if (aiot_frame_decode(frame, bits, AIOT_LINK_R2D, &m))
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(s->devs); i++) {
		struct cdev *d = &s->devs[i];
		u32 id;

		switch (m.type) {
		case AIOT_MSG_PAGING:
			id = (u32)m.paging.id[0] << 24 | m.paging.id[1] << 16 |
			     m.paging.id[2] << 8 | m.paging.id[3];
			d->selected = m.paging.ra_type == AIOT_RA_CFRA &&
				      m.paging.id_bits == 32 && id == d->id;
			d->as_id = m.paging.as_id;
			d->pdu_bits = 0;
			break;
		case AIOT_MSG_R2D_DATA:
			if (!d->selected || m.data.as_id != d->as_id)
				break;
			if (!m.data.len) {	/* next response segment, please */
				if (m.data.offset < d->rsp_bits) {
					csim_segment(d, m.data.offset, &ans);
					answer = true;
				}
				break;
			}
			if (m.data.offset != d->pdu_bits)
				d->pdu_bits = 0;	/* out of order: restart */
			if (!m.data.offset) {
				d->pdu_bits = 0;
				memset(d->pdu, 0, sizeof(d->pdu));
			}
			aiot_bits_put(d->pdu, m.data.offset, m.data.data, m.data.len);
			d->pdu_bits = m.data.offset + m.data.len;
			if (!m.data.more) {
				if (s->unplug_on_pdu)
					schedule_work(&s->unplug);
				else
					answer = csim_pdu_done(d, &ans);
			}
			break;
		case AIOT_MSG_R2D_ACK:
			if (d->selected && m.ack_as_id == d->as_id)
				d->acks++;
			break;
		default:
			break;
		}
	}
	if (s->unplug_on_pdu && m.type == AIOT_MSG_R2D_DATA)
		return 0;	/* never answer: the reader goes away meanwhile */
	if (!answer) {
		aiot_fe_rx(r, cookie, AIOT_RX_EMPTY, NULL, 0, NULL);
		return 0;
	}
	if (aiot_frame_encode(&ans, s->out, sizeof(s->out), &out_bits))
		return -EINVAL;
	aiot_fe_rx(r, cookie, AIOT_RX_FRAME, s->out, out_bits, NULL);
	return 0;
}

static const struct aiot_fe_ops csim_ops = { .xmit = csim_xmit };

static void csim_unplug(struct work_struct *work)
{
	struct csim *s = container_of(work, struct csim, unplug);

	aiot_reader_unregister(s->r);
}

struct cmd_fx {
	struct csim *sim;
	struct aiot_cmd_req *req;
	struct aiot_cmd_result *res;
	bool registered;
};

static int cmd_test_init(struct kunit *test)
{
	struct cmd_fx *fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, fx);
	fx->sim = kunit_kzalloc(test, sizeof(*fx->sim), GFP_KERNEL);
	fx->req = kunit_kzalloc(test, sizeof(*fx->req), GFP_KERNEL);
	fx->res = kunit_kzalloc(test, sizeof(*fx->res), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx->sim);
	KUNIT_ASSERT_NOT_NULL(test, fx->req);
	KUNIT_ASSERT_NOT_NULL(test, fx->res);
	for (i = 0; i < ARRAY_SIZE(fx->sim->devs); i++)
		fx->sim->devs[i].id = 0xa1070000 + i;
	INIT_WORK(&fx->sim->unplug, csim_unplug);
	fx->sim->r = aiot_reader_alloc(&csim_ops, 0, sizeof(struct csim *), NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->sim->r));
	*(struct csim **)aiot_reader_priv(fx->sim->r) = fx->sim;
	KUNIT_ASSERT_EQ(test, aiot_reader_register(fx->sim->r), 0);
	fx->registered = true;

	/* a command to device 1: its 32-bit identity, a 64-bit PDU */
	fx->req->id_type = AIOT_ID_PERMANENT;
	fx->req->id_bits = 32;
	fx->req->id[0] = 0xa1;
	fx->req->id[1] = 0x07;
	fx->req->id[3] = 1;
	fx->req->as_id = 9;
	fx->req->nas_bits = 64;
	for (i = 0; i < 8; i++)
		fx->req->nas[i] = 0x10 + i;
	fx->req->attempts = 3;
	test->priv = fx;
	return 0;
}

static void cmd_test_exit(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;

	if (!fx || IS_ERR_OR_NULL(fx->sim->r))
		return;
	aiot_sec_ctx_free(fx->sim->devs[1].ctx);
	aiot_cmd_sec_free(fx->req->sec);
	flush_work(&fx->sim->unplug);
	if (fx->registered && fx->sim->unplug_on_pdu)
		fx->registered = false;
	if (fx->registered)
		aiot_reader_unregister(fx->sim->r);
	aiot_reader_free(fx->sim->r);
}

static void expect_response(struct kunit *test, unsigned int extra)
{
	struct cmd_fx *fx = test->priv;
	struct cdev *d = &fx->sim->devs[1];

	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NAS_RESPONSE);
	KUNIT_EXPECT_EQ(test, d->pdu_bits, (unsigned int)fx->req->nas_bits);
	KUNIT_EXPECT_EQ(test, memcmp(d->pdu, fx->req->nas, fx->req->nas_bits / 8), 0);
	KUNIT_EXPECT_EQ(test, fx->res->rsp_bits, fx->req->nas_bits + extra);
	KUNIT_EXPECT_EQ(test, memcmp(fx->res->rsp, d->rsp, fx->res->rsp_bits / 8), 0);
	KUNIT_EXPECT_EQ(test, d->acks, 1U);
	KUNIT_EXPECT_EQ(test, fx->sim->devs[0].pdus + fx->sim->devs[2].pdus, 0U);
}

/* A device that answers: the PDU arrives whole, the response comes back. */
static void cmd_nas_response(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;

	KUNIT_ASSERT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), 0);
	expect_response(test, 0);
	KUNIT_EXPECT_EQ(test, fx->res->attempts, 1);
	KUNIT_EXPECT_GT(test, fx->res->air.air_us, 0ULL);
}

/* PDU and response longer than a segment are carried in several. */
static void cmd_segmented(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;
	int i;

	fx->req->nas_bits = 1500;
	for (i = 0; i < 188; i++)
		fx->req->nas[i] = i * 7 + 3;
	fx->req->nas[187] &= 0xf0;
	fx->sim->devs[1].extra_bits = 300;
	KUNIT_ASSERT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), 0);
	expect_response(test, 300);
	/* paging, two PDU segments, one more response segment, the ack */
	KUNIT_EXPECT_EQ(test, fx->res->air.r2d_frames, 5ULL);
}

/* A device silent at first gets the PDU again and answers the third. */
static void cmd_retransmit(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;

	fx->sim->devs[1].silent_first = 2;
	KUNIT_ASSERT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), 0);
	expect_response(test, 0);
	KUNIT_EXPECT_EQ(test, fx->res->attempts, 3);
	KUNIT_EXPECT_EQ(test, fx->sim->devs[1].pdus, 3U);
}

/* A device that never answers: every attempt, then "no response". */
static void cmd_no_response(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;

	fx->sim->devs[1].policy = DEAD;
	KUNIT_ASSERT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), 0);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	KUNIT_EXPECT_EQ(test, fx->res->attempts, 3);
	KUNIT_EXPECT_EQ(test, fx->sim->devs[1].pdus, 3U);
	KUNIT_EXPECT_EQ(test, fx->res->rsp_bits, 0);
}

/* An AS indication with a cause: reported, and never retransmitted. */
static void cmd_as_indication(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;

	fx->sim->devs[1].policy = NNR_INTEGRITY;
	fx->req->attempts = 4;
	KUNIT_ASSERT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), 0);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION);
	KUNIT_EXPECT_EQ(test, fx->res->cause, AIOT_NNR_INTEGRITY);
	KUNIT_EXPECT_EQ(test, fx->res->attempts, 1);
	KUNIT_EXPECT_EQ(test, fx->sim->devs[1].pdus, 1U);
	KUNIT_EXPECT_EQ(test, fx->sim->devs[1].acks, 0U);
}

/* The same without a cause. */
static void cmd_as_indication_no_cause(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;

	fx->sim->devs[1].policy = NNR_NO_CAUSE;
	KUNIT_ASSERT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), 0);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION);
	KUNIT_EXPECT_EQ(test, fx->res->cause, AIOT_NNR_NONE);
	KUNIT_EXPECT_EQ(test, fx->sim->devs[1].pdus, 1U);
}

/* An identity nobody has: nobody takes the PDU. */
static void cmd_unknown_device(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;
	int i;

	fx->req->id[3] = 7;
	KUNIT_ASSERT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), 0);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NO_RESPONSE);
	for (i = 0; i < ARRAY_SIZE(fx->sim->devs); i++)
		KUNIT_EXPECT_EQ(test, fx->sim->devs[i].pdus, 0U);
}

/* Requests that cannot be sent are refused before anything is. */
static void cmd_bad_requests(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;
	struct aiot_reader_stats st;

	fx->req->id_type = AIOT_ID_FILTER;	/* CFRA pages one identity */
	KUNIT_EXPECT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), -EINVAL);
	fx->req->id_type = AIOT_ID_PERMANENT;
	fx->req->nas_bits = 0;
	KUNIT_EXPECT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), -EINVAL);
	fx->req->nas_bits = AIOT_SDU_MAX_BITS + 1;
	KUNIT_EXPECT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), -EINVAL);
	aiot_reader_read_stats(fx->sim->r, &st);
	KUNIT_EXPECT_EQ(test, st.tx_frames, 0ULL);
}

/* The reader goes away while the device "thinks": -ENODEV. */
static void cmd_reader_gone(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;

	fx->sim->unplug_on_pdu = true;
	KUNIT_EXPECT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), -ENODEV);
}

/* ---- Command jobs on the reader's queue --------------------------------- */

struct cmd_done_rec {
	struct completion done[2];
	int err[2];
	enum aiot_cmd_outcome outcome[2];
};

static void rec_cmd_done(struct aiot_inv_job *job, int err)
{
	struct cmd_done_rec *rec = job->priv;
	int k = job->cmd->txn;

	rec->err[k] = err;
	rec->outcome[k] = job->cmd_res->outcome;
	complete(&rec->done[k]);
}

static const struct aiot_inv_events rec_events = { .cmd_done = rec_cmd_done };

static void submit_cmd(struct kunit *test, struct cmd_done_rec *rec, u8 k, u32 *id)
{
	struct cmd_fx *fx = test->priv;
	struct aiot_inv_job *job = kzalloc(sizeof(*job), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, job);
	fx->req->txn = k;
	KUNIT_ASSERT_EQ(test, aiot_cmd_job_init(job, fx->sim->r, fx->req, &rec_events), 0);
	job->priv = rec;
	KUNIT_ASSERT_EQ(test, aiot_inv_submit(fx->sim->r, job, id), 0);
}

/* A command queued on the reader runs and reports its outcome. */
static void cmd_job_runs(struct kunit *test)
{
	struct cmd_done_rec *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	u32 id;

	KUNIT_ASSERT_NOT_NULL(test, rec);
	init_completion(&rec->done[0]);
	submit_cmd(test, rec, 0, &id);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&rec->done[0], 30 * HZ), 0UL);
	KUNIT_EXPECT_EQ(test, rec->err[0], 0);
	KUNIT_EXPECT_EQ(test, rec->outcome[0], AIOT_CMD_OUTCOME_NAS_RESPONSE);
}

/* A queued command stopped before it runs ends at once, cancelled. */
static void cmd_job_cancelled(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;
	struct cmd_done_rec *rec = kunit_kzalloc(test, sizeof(*rec), GFP_KERNEL);
	u32 a, b;

	KUNIT_ASSERT_NOT_NULL(test, rec);
	init_completion(&rec->done[0]);
	init_completion(&rec->done[1]);
	fx->sim->hold = true;	/* the first job waits on the front end */
	submit_cmd(test, rec, 0, &a);
	submit_cmd(test, rec, 1, &b);
	KUNIT_EXPECT_EQ(test, aiot_inv_stop(fx->sim->r, b), 0);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&rec->done[1], HZ / 10), 0UL);
	KUNIT_EXPECT_EQ(test, rec->err[1], -ECANCELED);
	/* the first one times out on the silent front end */
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&rec->done[0], 30 * HZ), 0UL);
	KUNIT_EXPECT_EQ(test, rec->err[0], -ETIMEDOUT);
}

/* ---- Offload mode: the reader protects and verifies -------------------- */

/*
 * Device 1 holds the command keys from K_AIOTF; the reader gets a context
 * from @k_aiotf (the same, or a wrong one) and a plain Read Request.
 */
static void offload_setup(struct kunit *test, bool same_key, bool cipher)
{
	struct cmd_fx *fx = test->priv;
	struct cdev *d = &fx->sim->devs[1];
	struct aiot_nas_msg rd = { .type = AIOT_NAS_MT_READ_REQ, .offset = 4, .length = 6 };
	u8 k[AIOT_K_AIOTF_LEN];
	int i, n;

	for (i = 0; i < sizeof(k); i++)
		k[i] = 0x40 + i;
	for (i = 0; i < sizeof(d->mem); i++)
		d->mem[i] = 0xc0 + i;
	d->policy = SECURE;
	d->ctx = aiot_sec_ctx_alloc(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, d->ctx);
	KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_kaiotf(d->ctx, k), 0);
	fx->req->sec = aiot_cmd_sec_alloc();
	KUNIT_ASSERT_NOT_NULL(test, fx->req->sec);
	k[5] ^= !same_key;
	KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_kaiotf(fx->req->sec->ctx, k), 0);
	fx->req->sec->cipher = cipher;
	n = aiot_nas_encode(&rd, fx->req->nas, sizeof(fx->req->nas));
	KUNIT_ASSERT_EQ(test, n, 6);
	fx->req->nas_bits = n * 8;
}

static void expect_read_response(struct kunit *test, bool cipher)
{
	struct cmd_fx *fx = test->priv;
	struct cdev *d = &fx->sim->devs[1];
	struct aiot_reader_stats st;
	struct aiot_nas_msg m;

	KUNIT_ASSERT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), 0);
	KUNIT_EXPECT_EQ(test, d->sht_seen, cipher ? AIOT_NAS_SHT_INTEGRITY_CIPHERED :
						    AIOT_NAS_SHT_INTEGRITY);
	KUNIT_ASSERT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NAS_RESPONSE);
	KUNIT_EXPECT_EQ(test, fx->res->sec, AIOT_CMD_SEC_VERIFIED);
	KUNIT_ASSERT_EQ(test, aiot_nas_decode(fx->res->rsp, fx->res->rsp_bits / 8, &m), 0);
	KUNIT_EXPECT_EQ(test, m.type, AIOT_NAS_MT_READ_RSP);
	KUNIT_EXPECT_EQ(test, m.status, AIOT_NAS_STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test, m.data_len, 6);
	KUNIT_EXPECT_EQ(test, memcmp(m.data, d->mem + 4, 6), 0);
	aiot_reader_read_stats(fx->sim->r, &st);
	KUNIT_EXPECT_EQ(test, st.sec_protected, 1ULL);
	KUNIT_EXPECT_EQ(test, st.sec_verified, 1ULL);
	KUNIT_EXPECT_EQ(test, st.sec_failed, 0ULL);
	KUNIT_EXPECT_EQ(test, st.cmd_nas_rsp, 1ULL);
}

/* A plain Read Request goes out ciphered; the plain response comes back. */
static void cmd_offload_ciphered(struct kunit *test)
{
	offload_setup(test, true, true);
	expect_read_response(test, true);
}

/* Integrity only: the device is told so by the clear security header. */
static void cmd_offload_integrity_only(struct kunit *test)
{
	offload_setup(test, true, false);
	expect_read_response(test, false);
}

/* The reader's key is wrong: the device's integrity check fails. */
static void cmd_offload_wrong_key(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;

	offload_setup(test, false, true);
	KUNIT_ASSERT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), 0);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_AS_INDICATION);
	KUNIT_EXPECT_EQ(test, fx->res->cause, AIOT_NNR_INTEGRITY);
	KUNIT_EXPECT_EQ(test, fx->res->attempts, 1);
}

/* A response altered on the way is reported, as received, not as plain. */
static void cmd_offload_tampered_response(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;
	struct aiot_reader_stats st;

	offload_setup(test, true, true);
	fx->sim->devs[1].tamper = true;
	KUNIT_ASSERT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), 0);
	KUNIT_EXPECT_EQ(test, fx->res->outcome, AIOT_CMD_OUTCOME_NAS_RESPONSE);
	KUNIT_EXPECT_EQ(test, fx->res->sec, AIOT_CMD_SEC_INTEGRITY_FAILURE);
	KUNIT_EXPECT_EQ(test, fx->res->rsp_bits, fx->sim->devs[1].rsp_bits);
	KUNIT_EXPECT_EQ(test, memcmp(fx->res->rsp, fx->sim->devs[1].rsp,
				     fx->res->rsp_bits / 8), 0);
	aiot_reader_read_stats(fx->sim->r, &st);
	KUNIT_EXPECT_EQ(test, st.sec_failed, 1ULL);
	KUNIT_EXPECT_EQ(test, st.sec_verified, 0ULL);
}

/* Offload needs a plain message in whole octets; nothing goes out else. */
static void cmd_offload_bad_plain(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;
	struct aiot_reader_stats st;

	offload_setup(test, true, true);
	fx->req->nas[0] = AIOT_NAS_SHT_INTEGRITY;	/* already protected */
	KUNIT_EXPECT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), -EINVAL);
	fx->req->nas[0] = AIOT_NAS_SHT_PLAIN;
	fx->req->nas_bits = 47;
	KUNIT_EXPECT_EQ(test, aiot_cmd_run(fx->sim->r, fx->req, fx->res), -EINVAL);
	aiot_reader_read_stats(fx->sim->r, &st);
	KUNIT_EXPECT_EQ(test, st.tx_frames, 0ULL);
}

/* The table of contexts: replace, take, delete, flush by owner, limit. */
static void cmd_sec_table(struct kunit *test)
{
	struct cmd_fx *fx = test->priv;
	struct aiot_reader *r = fx->sim->r;
	static const u8 id0[AIOT_ID_MAX_OCTETS], id1[AIOT_ID_MAX_OCTETS] = { 0, 0, 0, 1 };
	struct aiot_cmd_sec *s, *t;
	unsigned int i;

	for (i = 0; i < 3; i++) {
		s = aiot_cmd_sec_alloc();
		KUNIT_ASSERT_NOT_NULL(test, s);
		s->id_type = AIOT_ID_PERMANENT;
		s->id_bits = 32;
		s->id[3] = i == 2 ? 1 : i;	/* the third replaces the second */
		s->owner.port = 100 + i;
		s->owner.net = 1;
		KUNIT_ASSERT_EQ(test, aiot_cmd_sec_install(r, s), 0);
	}
	KUNIT_EXPECT_EQ(test, aiot_cmd_sec_count(r), 2U);
	s = aiot_cmd_sec_take(r, AIOT_ID_PERMANENT, 32, id1);
	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, s->owner.port, 102U);
	aiot_cmd_sec_free(s);
	/* a different identity type or length is a different device */
	KUNIT_EXPECT_NULL(test, aiot_cmd_sec_take(r, AIOT_ID_TEMPORARY, 32, id0));
	KUNIT_EXPECT_NULL(test, aiot_cmd_sec_take(r, AIOT_ID_PERMANENT, 31, id0));
	KUNIT_EXPECT_EQ(test, aiot_cmd_sec_delete(r, AIOT_ID_PERMANENT, 32, id1), -ENOENT);
	aiot_cmd_sec_flush(r, &(struct aiot_owner){ .port = 999, .net = 1 });
	KUNIT_EXPECT_EQ(test, aiot_cmd_sec_count(r), 1U);
	/* the same port in another namespace is another socket */
	aiot_cmd_sec_flush(r, &(struct aiot_owner){ .port = 100, .net = 2 });
	KUNIT_EXPECT_EQ(test, aiot_cmd_sec_count(r), 1U);
	aiot_cmd_sec_flush(r, &(struct aiot_owner){ .port = 100, .net = 1 });
	KUNIT_EXPECT_EQ(test, aiot_cmd_sec_count(r), 0U);

	/* up to AIOT_CMD_SEC_MAX, then -ENOSPC; unregister frees them all */
	for (i = 0; i <= AIOT_CMD_SEC_MAX; i++) {
		s = aiot_cmd_sec_alloc();
		KUNIT_ASSERT_NOT_NULL(test, s);
		s->id_type = AIOT_ID_PERMANENT;
		s->id_bits = 32;
		s->id[2] = i >> 8;
		s->id[3] = i;
		if (i < AIOT_CMD_SEC_MAX) {
			KUNIT_ASSERT_EQ(test, aiot_cmd_sec_install(r, s), 0);
			continue;
		}
		KUNIT_EXPECT_EQ(test, aiot_cmd_sec_install(r, s), -ENOSPC);
		aiot_cmd_sec_free(s);
	}
	KUNIT_EXPECT_EQ(test, aiot_cmd_sec_count(r), AIOT_CMD_SEC_MAX);
	aiot_reader_unregister(r);
	fx->registered = false;
	KUNIT_EXPECT_EQ(test, aiot_cmd_sec_count(r), 0U);
	t = aiot_cmd_sec_alloc();
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_EQ(test, aiot_cmd_sec_install(r, t), -ENODEV);
	aiot_cmd_sec_free(t);
}

static struct kunit_case aiot_command_cases[] = {
	KUNIT_CASE(cmd_nas_response),
	KUNIT_CASE(cmd_segmented),
	KUNIT_CASE(cmd_retransmit),
	KUNIT_CASE(cmd_no_response),
	KUNIT_CASE(cmd_as_indication),
	KUNIT_CASE(cmd_as_indication_no_cause),
	KUNIT_CASE(cmd_unknown_device),
	KUNIT_CASE(cmd_bad_requests),
	KUNIT_CASE(cmd_reader_gone),
	KUNIT_CASE(cmd_job_runs),
	KUNIT_CASE(cmd_job_cancelled),
	KUNIT_CASE(cmd_offload_ciphered),
	KUNIT_CASE(cmd_offload_integrity_only),
	KUNIT_CASE(cmd_offload_wrong_key),
	KUNIT_CASE(cmd_offload_tampered_response),
	KUNIT_CASE(cmd_offload_bad_plain),
	KUNIT_CASE(cmd_sec_table),
	{}
};

static struct kunit_suite aiot_command_suite = {
	.name = "aiot_command",
	.init = cmd_test_init,
	.exit = cmd_test_exit,
	.test_cases = aiot_command_cases,
};

kunit_test_suite(aiot_command_suite);

MODULE_DESCRIPTION("KUnit tests for the aiot command relay");
MODULE_LICENSE("GPL");
