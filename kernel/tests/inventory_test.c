// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the inventory engine against a fake front end that simulates a
 * population of devices on a slotted-ALOHA medium: collisions, lost
 * frames, CRC errors, segmented NAS PDUs, stop triggers, hot-unplug.
 */
#include <kunit/test.h>
#include <linux/bitmap.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <net/aiot.h>

#include "aiot_core.h"
#include "inventory.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

enum sim_state { S_WAIT, S_SLOT, S_REPLIED, S_SENT_MSG3, S_DONE };

struct sim_dev {
	u8 state;
	u32 slot;
	u16 rn16;
	u8 as_id;
	u32 seg_at;	/* bits of the NAS PDU sent so far */
};

struct sim {
	struct aiot_reader *r;
	struct sim_dev *devs;
	unsigned int n;
	unsigned int nas_bits;	/* every device's NAS PDU length */
	u64 rng;
	unsigned int drop_every;	/* lose every Nth D2R frame */
	unsigned int corrupt_every;	/* flip a bit of every Nth D2R frame */
	unsigned int d2r_count;
	unsigned int dropped, corrupted;
	bool silent;		/* stop answering (for the unplug test) */
	struct delayed_work unplug;
	u8 out[AIOT_FRAME_MAX_OCTETS];
};

static u32 sim_rand(struct sim *s)
{
	s->rng ^= s->rng << 13;
	s->rng ^= s->rng >> 7;
	s->rng ^= s->rng << 17;
	return s->rng >> 16;
}

/* Device i's NAS PDU: its index, then a pattern, nas_bits long. */
static void sim_nas(const struct sim *s, unsigned int i, u8 *buf)
{
	unsigned int k, len = DIV_ROUND_UP(s->nas_bits, 8);

	for (k = 0; k < len; k++)
		buf[k] = k < 4 ? (i >> (24 - 8 * k)) & 0xff : (u8)(k * 37 + i);
}

static void sim_new_frame(struct sim *s, u32 frame)
{
	unsigned int i;

	for (i = 0; i < s->n; i++) {
		struct sim_dev *d = &s->devs[i];

		if (d->state == S_SENT_MSG3)	/* implicit acknowledgment */
			d->state = S_DONE;
		if (d->state == S_DONE)
			continue;
		d->state = S_SLOT;
		d->slot = sim_rand(s) % frame;
	}
}

static u32 sim_frame_of(const struct aiot_fsize *fs)
{
	return fs->explicit_size ? fs->slots : 1U << fs->q;
}

/* Devices whose slot has come answer with Msg1. */
static int sim_slot_answers(struct sim *s, struct aiot_msg *ans)
{
	unsigned int i, count = 0;

	for (i = 0; i < s->n; i++) {
		struct sim_dev *d = &s->devs[i];

		if (d->state != S_SLOT || d->slot)
			continue;
		d->state = S_REPLIED;
		d->rn16 = sim_rand(s);
		count++;
		ans->type = AIOT_MSG_MSG1;
		ans->rn16 = d->rn16;
	}
	return count;
}

static void sim_next_slot(struct sim *s)
{
	unsigned int i;

	for (i = 0; i < s->n; i++) {
		struct sim_dev *d = &s->devs[i];

		if (d->state == S_SENT_MSG3)
			d->state = S_DONE;
		else if (d->state == S_REPLIED)	/* not acknowledged: next frame */
			d->state = S_WAIT;
		else if (d->state == S_SLOT)
			d->slot--;
	}
}

static void sim_segment(struct sim *s, struct sim_dev *d, unsigned int i,
			struct aiot_msg *ans, bool first)
{
	u8 nas[(AIOT_SDU_MAX_BITS + 7) / 8];
	unsigned int len = min(s->nas_bits - d->seg_at, (u32)AIOT_SEG_MAX_BITS);
	unsigned int k;

	sim_nas(s, i, nas);
	ans->type = first ? AIOT_MSG_MSG3 : AIOT_MSG_D2R_DATA;
	ans->data.as_id = d->as_id;
	ans->data.offset = d->seg_at;
	ans->data.len = len;
	ans->data.more = d->seg_at + len < s->nas_bits;
	memset(ans->data.data, 0, sizeof(ans->data.data));
	for (k = 0; k < len; k++) {
		unsigned int b = d->seg_at + k;

		if (nas[b / 8] & (0x80 >> (b % 8)))
			ans->data.data[k / 8] |= 0x80 >> (k % 8);
	}
	d->seg_at += len;
}

static int sim_xmit(struct aiot_reader *r, const u8 *frame, unsigned int bits,
		    unsigned int window_us, u32 cookie)
{
	struct sim *s = *(struct sim **)aiot_reader_priv(r);
	struct aiot_rx_meta meta = { .rssi_mbm = -7000 };
	struct aiot_msg m, ans = {};
	unsigned int i, answers = 0;
	size_t out_bits;

	if (s->silent)
		return 0;
	if (aiot_frame_decode(frame, bits, AIOT_LINK_R2D, &m))
		return -EINVAL;	/* the core sent a bad frame: fail loudly */

	switch (m.type) {
	case AIOT_MSG_PAGING:
		for (i = 0; i < s->n; i++)
			s->devs[i].state = S_WAIT;
		sim_new_frame(s, sim_frame_of(&m.paging.fs));
		answers = sim_slot_answers(s, &ans);
		break;
	case AIOT_MSG_TRIGGER:
		if (m.trigger.cmd == AIOT_TRIG_ADJUST) {
			sim_new_frame(s, sim_frame_of(&m.trigger.fs));
		} else if (m.trigger.cmd == AIOT_TRIG_REPEAT) {
			sim_next_slot(s);
		} else {
			sim_next_slot(s);
			break;
		}
		answers = sim_slot_answers(s, &ans);
		break;
	case AIOT_MSG_MSG2:
		for (i = 0; i < s->n; i++) {
			struct sim_dev *d = &s->devs[i];

			if ((d->state == S_REPLIED || d->state == S_SENT_MSG3) &&
			    d->rn16 == m.ra.rn16) {
				d->state = S_SENT_MSG3;
				d->as_id = m.ra.as_id;
				d->seg_at = 0;
				sim_segment(s, d, i, &ans, true);
				answers = 1;
				break;
			}
		}
		break;
	case AIOT_MSG_R2D_DATA:
		for (i = 0; i < s->n; i++) {
			struct sim_dev *d = &s->devs[i];

			if (d->state == S_SENT_MSG3 && d->as_id == m.data.as_id &&
			    d->seg_at == m.data.offset && d->seg_at < s->nas_bits) {
				sim_segment(s, d, i, &ans, false);
				answers = 1;
				break;
			}
		}
		break;
	case AIOT_MSG_NACK:
		for (i = 0; i < s->n; i++)
			if (s->devs[i].state == S_SENT_MSG3 &&
			    s->devs[i].rn16 == m.ra.rn16)
				s->devs[i].state = S_WAIT;
		break;
	default:
		break;
	}

	if (!answers) {
		aiot_fe_rx(r, cookie, AIOT_RX_EMPTY, NULL, 0, &meta);
		return 0;
	}
	if (answers > 1) {
		aiot_fe_rx(r, cookie, AIOT_RX_COLLISION, NULL, 0, &meta);
		return 0;
	}
	s->d2r_count++;
	if (s->drop_every && !(s->d2r_count % s->drop_every)) {
		s->dropped++;
		aiot_fe_rx(r, cookie, AIOT_RX_EMPTY, NULL, 0, &meta);
		return 0;
	}
	if (aiot_frame_encode(&ans, s->out, sizeof(s->out), &out_bits))
		return -EINVAL;
	if (s->corrupt_every && !(s->d2r_count % s->corrupt_every)) {
		s->out[(out_bits - 1) / 16] ^= 0x10;
		s->corrupted++;
	}
	aiot_fe_rx(r, cookie, AIOT_RX_FRAME, s->out, out_bits, &meta);
	return 0;
}

static const struct aiot_fe_ops sim_ops = { .xmit = sim_xmit };

struct seen {
	struct kunit *test;
	struct sim *sim;
	unsigned long *found;	/* one bit per device */
	unsigned int dups, phantoms, bad_nas;
	unsigned int stop_after;
	unsigned int unplug_after;
	enum aiot_inv_end_cause end;
	unsigned int done_calls;
};

static void seen_device(struct aiot_inv_job *job, const struct aiot_inv_dev *dev,
			const u8 *nas, unsigned int nas_bits)
{
	struct seen *sn = job->priv;
	u8 want[(AIOT_SDU_MAX_BITS + 7) / 8];
	u32 i;

	if (nas_bits != sn->sim->nas_bits || nas_bits < 32) {
		sn->bad_nas++;
		return;
	}
	i = (u32)nas[0] << 24 | (u32)nas[1] << 16 | (u32)nas[2] << 8 | nas[3];
	if (i >= sn->sim->n) {
		sn->phantoms++;
		return;
	}
	sim_nas(sn->sim, i, want);
	if (memcmp(want, nas, nas_bits / 8))
		sn->bad_nas++;
	if (test_and_set_bit(i, sn->found))
		sn->dups++;
	if (sn->stop_after && job->stats.devices >= sn->stop_after)
		WRITE_ONCE(job->stop, true);
	if (sn->unplug_after && job->stats.devices == sn->unplug_after) {
		sn->sim->silent = true;
		schedule_delayed_work(&sn->sim->unplug, msecs_to_jiffies(20));
	}
}

static void seen_done(struct aiot_inv_job *job, enum aiot_inv_end_cause end)
{
	struct seen *sn = job->priv;

	sn->end = end;
	sn->done_calls++;
}

static const struct aiot_inv_events seen_events = {
	.device = seen_device,
	.done = seen_done,
};

static void sim_unplug_work(struct work_struct *work)
{
	struct sim *s = container_of(to_delayed_work(work), struct sim, unplug);

	aiot_reader_unregister(s->r);
}

struct inv_fx {
	struct sim *sim;
	struct aiot_inv_job *job;
	struct seen seen;
	bool registered;
};

static int inv_test_init(struct kunit *test)
{
	struct inv_fx *fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, fx);
	fx->job = kunit_kzalloc(test, sizeof(*fx->job), GFP_KERNEL);
	fx->sim = kunit_kzalloc(test, sizeof(*fx->sim), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx->job);
	KUNIT_ASSERT_NOT_NULL(test, fx->sim);
	fx->sim->r = aiot_reader_alloc(&sim_ops, 0, sizeof(struct sim *), NULL);
	KUNIT_ASSERT_FALSE(test, IS_ERR(fx->sim->r));
	*(struct sim **)aiot_reader_priv(fx->sim->r) = fx->sim;
	INIT_DELAYED_WORK(&fx->sim->unplug, sim_unplug_work);
	KUNIT_ASSERT_EQ(test, aiot_reader_register(fx->sim->r), 0);
	fx->registered = true;
	fx->sim->rng = 0x9e3779b97f4a7c15ULL;
	fx->seen.test = test;
	fx->seen.sim = fx->sim;
	test->priv = fx;
	return 0;
}

static void inv_test_exit(struct kunit *test)
{
	struct inv_fx *fx = test->priv;

	if (!fx || IS_ERR_OR_NULL(fx->sim->r))
		return;
	cancel_delayed_work_sync(&fx->sim->unplug);
	aiot_inv_job_release(fx->job);
	if (fx->registered)
		aiot_reader_unregister(fx->sim->r);
	aiot_reader_free(fx->sim->r);
}

/* Populate @n devices with @nas_bits-bit NAS PDUs; run one inventory. */
static enum aiot_inv_end_cause run_inventory(struct kunit *test, unsigned int n,
					     unsigned int nas_bits,
					     const struct aiot_inv_cfg *cfg)
{
	struct inv_fx *fx = test->priv;

	fx->sim->n = n;
	fx->sim->nas_bits = nas_bits;
	fx->sim->devs = kunit_kcalloc(test, n, sizeof(struct sim_dev), GFP_KERNEL);
	fx->seen.found = kunit_kcalloc(test, BITS_TO_LONGS(n), sizeof(long), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx->sim->devs);
	KUNIT_ASSERT_NOT_NULL(test, fx->seen.found);
	KUNIT_ASSERT_EQ(test, aiot_inv_job_init(fx->job, fx->sim->r, cfg, &seen_events), 0);
	fx->job->priv = &fx->seen;
	return aiot_inv_run(fx->job);
}

static void expect_all_once(struct kunit *test, unsigned int n)
{
	struct inv_fx *fx = test->priv;

	KUNIT_EXPECT_EQ(test, bitmap_weight(fx->seen.found, n), n);
	KUNIT_EXPECT_EQ(test, fx->seen.dups, 0U);
	KUNIT_EXPECT_EQ(test, fx->seen.phantoms, 0U);
	KUNIT_EXPECT_EQ(test, fx->seen.bad_nas, 0U);
	KUNIT_EXPECT_EQ(test, fx->job->stats.devices, n);
	KUNIT_EXPECT_EQ(test, fx->seen.done_calls, 1U);
}

static const enum aiot_ac_algo algos[] = { AIOT_AC_QALG, AIOT_AC_SCHOUTE, AIOT_AC_ML };

static void algo_desc(const enum aiot_ac_algo *a, char *desc)
{
	strscpy(desc, aiot_ac_algo_name(*a), KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(algo, algos, algo_desc);

/* 300 devices with collisions: every one read exactly once, nothing else. */
static void inv_reads_each_once(struct kunit *test)
{
	struct aiot_inv_cfg cfg = { .ac.algo = *(const enum aiot_ac_algo *)test->param_value };
	struct inv_fx *fx = test->priv;

	KUNIT_EXPECT_EQ(test, run_inventory(test, 300, 64, &cfg), AIOT_INV_END_COMPLETE);
	expect_all_once(test, 300);
	KUNIT_EXPECT_GT(test, fx->job->stats.collisions, 0ULL);
	KUNIT_EXPECT_GT(test, fx->job->stats.air.air_us, 0ULL);
	KUNIT_EXPECT_EQ(test, fx->job->stats.msg3_lost, 0ULL);
	kunit_info(test, "%s: 300 devices in %llu slots, %llu frames, %llu us of air time",
		   aiot_ac_algo_name(cfg.ac.algo), fx->job->stats.slots,
		   fx->job->stats.frames, fx->job->stats.air.air_us);
}

/* Lost D2R frames: Msg3s lost and re-read, never duplicated. */
static void inv_lost_frames(struct kunit *test)
{
	struct aiot_inv_cfg cfg = { .ac.algo = AIOT_AC_ML };
	struct inv_fx *fx = test->priv;

	fx->sim->drop_every = 5;
	KUNIT_EXPECT_EQ(test, run_inventory(test, 120, 64, &cfg), AIOT_INV_END_COMPLETE);
	expect_all_once(test, 120);
	KUNIT_EXPECT_GT(test, fx->sim->dropped, 10U);
}

/* CRC errors: the core drops the frames; no phantom device appears. */
static void inv_crc_errors(struct kunit *test)
{
	struct aiot_inv_cfg cfg = { .ac.algo = AIOT_AC_SCHOUTE };
	struct inv_fx *fx = test->priv;

	fx->sim->corrupt_every = 4;
	KUNIT_EXPECT_EQ(test, run_inventory(test, 120, 64, &cfg), AIOT_INV_END_COMPLETE);
	expect_all_once(test, 120);
	KUNIT_EXPECT_GT(test, fx->sim->corrupted, 10U);
}

/* A NAS PDU longer than a segment is reassembled bit for bit. */
static void inv_segmented_nas(struct kunit *test)
{
	struct aiot_inv_cfg cfg = { .ac.algo = AIOT_AC_ML };
	struct inv_fx *fx = test->priv;

	KUNIT_EXPECT_EQ(test, run_inventory(test, 20, 1800, &cfg), AIOT_INV_END_COMPLETE);
	expect_all_once(test, 20);
	/* Msg2 + at least one R2D data PDU per device */
	KUNIT_EXPECT_GE(test, fx->job->stats.air.r2d_frames, 20ULL * 2);
}

/* The device-count stop trigger. */
static void inv_stop_devices(struct kunit *test)
{
	struct aiot_inv_cfg cfg = { .ac.algo = AIOT_AC_ML, .max_devices = 25 };
	struct inv_fx *fx = test->priv;

	KUNIT_EXPECT_EQ(test, run_inventory(test, 100, 64, &cfg), AIOT_INV_END_DEVICES_READ);
	KUNIT_EXPECT_EQ(test, fx->job->stats.devices, 25U);
	KUNIT_EXPECT_EQ(test, fx->seen.dups, 0U);
	KUNIT_EXPECT_EQ(test, fx->seen.end, AIOT_INV_END_DEVICES_READ);
}

/* Stopped from outside (a request, a closed socket). */
static void inv_stop_flag(struct kunit *test)
{
	struct aiot_inv_cfg cfg = { .ac.algo = AIOT_AC_QALG };
	struct inv_fx *fx = test->priv;

	fx->seen.stop_after = 7;
	KUNIT_EXPECT_EQ(test, run_inventory(test, 100, 64, &cfg), AIOT_INV_END_STOPPED);
	KUNIT_EXPECT_EQ(test, fx->job->stats.devices, 7U);
}

/* A target that nobody matches: empty rounds end the job. */
static void inv_empty_rounds(struct kunit *test)
{
	struct aiot_inv_cfg cfg = { .ac.algo = AIOT_AC_QALG, .max_empty_rounds = 2 };
	struct inv_fx *fx = test->priv;
	enum aiot_inv_end_cause end;

	end = run_inventory(test, 0, 64, &cfg);
	KUNIT_EXPECT_TRUE(test, end == AIOT_INV_END_COMPLETE || end == AIOT_INV_END_EMPTY_ROUNDS);
	KUNIT_EXPECT_EQ(test, fx->job->stats.devices, 0U);
	KUNIT_EXPECT_EQ(test, fx->job->stats.collisions, 0ULL);
}

/* The reader is unplugged mid-job: the job ends with that cause. */
static void inv_unplug_mid_job(struct kunit *test)
{
	struct aiot_inv_cfg cfg = { .ac.algo = AIOT_AC_ML };
	struct inv_fx *fx = test->priv;

	fx->seen.unplug_after = 10;
	KUNIT_EXPECT_EQ(test, run_inventory(test, 100, 64, &cfg), AIOT_INV_END_READER_GONE);
	flush_delayed_work(&fx->sim->unplug);
	fx->registered = false;
	KUNIT_EXPECT_EQ(test, fx->job->stats.devices, 10U);
	KUNIT_EXPECT_EQ(test, fx->seen.end, AIOT_INV_END_READER_GONE);
}

/* Inconsistent requests are refused before anything is sent. */
static void inv_bad_requests(struct kunit *test)
{
	struct inv_fx *fx = test->priv;
	struct aiot_inv_cfg cfg = {};

	cfg.id_type = AIOT_ID_FILTER;	/* a filter of no bits */
	KUNIT_EXPECT_EQ(test, aiot_inv_job_init(fx->job, fx->sim->r, &cfg, NULL), -EINVAL);
	cfg.id_type = AIOT_ID_NONE;
	cfg.id_bits = 8;		/* bits without a type */
	KUNIT_EXPECT_EQ(test, aiot_inv_job_init(fx->job, fx->sim->r, &cfg, NULL), -EINVAL);
	cfg.id_bits = 0;
	cfg.rand_len = AIOT_RAND_MAX_OCTETS + 1;
	KUNIT_EXPECT_EQ(test, aiot_inv_job_init(fx->job, fx->sim->r, &cfg, NULL), -EINVAL);
	cfg.nas_len = 4;		/* RAND_n and a NAS container */
	KUNIT_EXPECT_EQ(test, aiot_inv_job_init(fx->job, fx->sim->r, &cfg, NULL), -EINVAL);
	cfg.rand_len = 0;
	cfg.nas_len = AIOT_NAS_CONT_MAX_OCTETS + 1;
	KUNIT_EXPECT_EQ(test, aiot_inv_job_init(fx->job, fx->sim->r, &cfg, NULL), -EINVAL);
	cfg.nas_len = 0;
	cfg.ac.algo = AIOT_AC_ALGO_COUNT;
	KUNIT_EXPECT_EQ(test, aiot_inv_job_init(fx->job, fx->sim->r, &cfg, NULL), -EINVAL);
}

/* Goal P6: a tracked device costs at most 128 bytes. */
static void inv_device_size(struct kunit *test)
{
	kunit_info(test, "tracked device: %u bytes", aiot_inv_dev_size());
	KUNIT_EXPECT_LE(test, aiot_inv_dev_size(), 128U);
}

/* ---- Jobs queued on a reader -------------------------------------------- */

struct queued {
	struct completion done[3];
	enum aiot_inv_end_cause end[3];
	u32 devices[3];
	u64 r2d_frames[3];
	u32 order[3];
	unsigned int n_done;
	unsigned int n_devices;
	unsigned int hold_after;	/* go silent after this many devices */
	struct sim *sim;
};

static struct queued *queued_of(struct aiot_inv_job *job)
{
	return job->priv;
}

static void queued_device(struct aiot_inv_job *job, const struct aiot_inv_dev *dev,
			  const u8 *nas, unsigned int nas_bits)
{
	struct queued *q = queued_of(job);

	if (q->hold_after && ++q->n_devices == q->hold_after)
		q->sim->silent = true;
}

static void queued_done(struct aiot_inv_job *job, enum aiot_inv_end_cause end)
{
	struct queued *q = queued_of(job);
	unsigned int k = job->cfg.txn;	/* the test numbers its jobs by txn */

	q->end[k] = end;
	q->devices[k] = job->stats.devices;
	q->r2d_frames[k] = job->stats.air.r2d_frames;
	q->order[q->n_done++] = k;
	complete(&q->done[k]);
}

static const struct aiot_inv_events queued_events = {
	.device = queued_device,
	.done = queued_done,
};

static struct queued *queued_setup(struct kunit *test, unsigned int n)
{
	struct inv_fx *fx = test->priv;
	struct queued *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	int k;

	KUNIT_ASSERT_NOT_NULL(test, q);
	for (k = 0; k < 3; k++)
		init_completion(&q->done[k]);
	q->sim = fx->sim;
	fx->sim->n = n;
	fx->sim->nas_bits = 64;
	fx->sim->devs = kunit_kcalloc(test, n ?: 1, sizeof(struct sim_dev), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, fx->sim->devs);
	return q;
}

/* Submit job number @k (its txn) with @owner's port in namespace 1; returns its id. */
static u32 queued_submit(struct kunit *test, struct queued *q, u8 k, u32 owner)
{
	struct inv_fx *fx = test->priv;
	struct aiot_inv_cfg cfg = { .ac.algo = AIOT_AC_ML, .txn = k };
	struct aiot_inv_job *job = kzalloc(sizeof(*job), GFP_KERNEL);
	u32 id = 0;

	KUNIT_ASSERT_NOT_NULL(test, job);
	KUNIT_ASSERT_EQ(test, aiot_inv_job_init(job, fx->sim->r, &cfg, &queued_events), 0);
	job->priv = q;
	job->owner.port = owner;
	job->owner.net = 1;
	KUNIT_ASSERT_EQ(test, aiot_inv_submit(fx->sim->r, job, &id), 0);
	return id;
}

static void queued_wait(struct kunit *test, struct queued *q, int k)
{
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&q->done[k], 60 * HZ), 0UL);
}

/* Two jobs on one reader run one after the other, in order. */
static void inv_jobs_in_order(struct kunit *test)
{
	struct queued *q = queued_setup(test, 50);
	u32 a, b;

	a = queued_submit(test, q, 0, 0);
	b = queued_submit(test, q, 1, 0);
	KUNIT_EXPECT_GT(test, b, a);
	queued_wait(test, q, 0);
	queued_wait(test, q, 1);
	KUNIT_EXPECT_EQ(test, q->order[0], 0U);
	KUNIT_EXPECT_EQ(test, q->order[1], 1U);
	KUNIT_EXPECT_EQ(test, q->end[0], AIOT_INV_END_COMPLETE);
	KUNIT_EXPECT_EQ(test, q->end[1], AIOT_INV_END_COMPLETE);
	/* each paging resets the population: both read all 50 */
	KUNIT_EXPECT_EQ(test, q->devices[0], 50U);
	KUNIT_EXPECT_EQ(test, q->devices[1], 50U);
}

/*
 * Stopping: a queued job ends at once without sending a frame; the running
 * one at its next exchange; a closed socket stops only its own jobs.
 */
static void inv_jobs_stop(struct kunit *test)
{
	struct inv_fx *fx = test->priv;
	struct queued *q = queued_setup(test, 2000);
	u32 a, b;

	a = queued_submit(test, q, 0, 77);
	b = queued_submit(test, q, 1, 0);
	queued_submit(test, q, 2, 77);
	KUNIT_EXPECT_EQ(test, aiot_inv_stop(fx->sim->r, b), 0);
	queued_wait(test, q, 1);
	KUNIT_EXPECT_EQ(test, q->end[1], AIOT_INV_END_STOPPED);
	KUNIT_EXPECT_EQ(test, q->r2d_frames[1], 0ULL);
	KUNIT_EXPECT_EQ(test, aiot_inv_stop(fx->sim->r, b), -ENOENT);

	/* the same port in another namespace is another socket */
	aiot_inv_stop_owner(&(struct aiot_owner){ .port = 77, .net = 2 });
	KUNIT_EXPECT_FALSE(test, completion_done(&q->done[2]));
	aiot_inv_stop_owner(&(struct aiot_owner){ .port = 77, .net = 1 });
	/* job 0 (running) and job 2 (queued) */
	queued_wait(test, q, 0);
	queued_wait(test, q, 2);
	KUNIT_EXPECT_EQ(test, q->end[0], AIOT_INV_END_STOPPED);
	KUNIT_EXPECT_EQ(test, q->end[2], AIOT_INV_END_STOPPED);
	KUNIT_EXPECT_LT(test, q->devices[0], 2000U);
	KUNIT_EXPECT_EQ(test, q->r2d_frames[2], 0ULL);
	KUNIT_EXPECT_EQ(test, aiot_inv_stop(fx->sim->r, a), -ENOENT);
}

/* Unplug with a job running and one queued: both end, nothing leaks. */
static void inv_jobs_reader_gone(struct kunit *test)
{
	struct inv_fx *fx = test->priv;
	struct queued *q = queued_setup(test, 100);

	q->hold_after = 5;	/* the running job then waits on the front end */
	queued_submit(test, q, 0, 0);
	queued_submit(test, q, 1, 0);
	msleep(100);
	aiot_reader_unregister(fx->sim->r);
	fx->registered = false;
	queued_wait(test, q, 0);
	queued_wait(test, q, 1);
	KUNIT_EXPECT_EQ(test, q->end[0], AIOT_INV_END_READER_GONE);
	KUNIT_EXPECT_EQ(test, q->end[1], AIOT_INV_END_READER_GONE);
	KUNIT_EXPECT_EQ(test, q->devices[0], 5U);
	KUNIT_EXPECT_EQ(test, q->r2d_frames[1], 0ULL);
}

static struct kunit_case aiot_inventory_cases[] = {
	KUNIT_CASE_PARAM(inv_reads_each_once, algo_gen_params),
	KUNIT_CASE(inv_lost_frames),
	KUNIT_CASE(inv_crc_errors),
	KUNIT_CASE(inv_segmented_nas),
	KUNIT_CASE(inv_stop_devices),
	KUNIT_CASE(inv_stop_flag),
	KUNIT_CASE(inv_empty_rounds),
	KUNIT_CASE(inv_unplug_mid_job),
	KUNIT_CASE(inv_bad_requests),
	KUNIT_CASE(inv_device_size),
	KUNIT_CASE(inv_jobs_in_order),
	KUNIT_CASE(inv_jobs_stop),
	KUNIT_CASE(inv_jobs_reader_gone),
	{}
};

static struct kunit_suite aiot_inventory_suite = {
	.name = "aiot_inventory",
	.init = inv_test_init,
	.exit = inv_test_exit,
	.test_cases = aiot_inventory_cases,
};

kunit_test_suite(aiot_inventory_suite);

MODULE_DESCRIPTION("KUnit tests for the aiot inventory engine");
MODULE_LICENSE("GPL");
