// SPDX-License-Identifier: GPL-2.0
/*
 * aiot: the inventory engine. A job pages the devices it looks for and
 * reads them through framed slotted ALOHA: Msg1 (RN16) in a slot, Msg2
 * (RN16 echo, AS ID), Msg3 (the AIoT NAS PDU, possibly in segments), a NACK
 * when Msg3 is lost. anticoll.c sizes the frames; frame.c encodes and
 * decodes every PDU; the reader's exchange primitive carries them.
 *
 * The next R2D PDU implicitly acknowledges a Msg3 (R2-2503345), so a read
 * costs Msg1, Msg2 and Msg3 and no explicit acknowledgment.
 */
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/skbuff.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <kunit/visibility.h>

#include "aiot_core.h"
#include "command.h"
#include "inventory.h"

static struct kmem_cache *aiot_inv_dev_cache;
static struct workqueue_struct *aiot_inv_wq;
static atomic_t aiot_inv_ids = ATOMIC_INIT(0);

/* Longest D2R answer to each R2D PDU the job sends, in bits with CRC. */
#define INV_MSG1_BITS	(AIOT_MT_BITS + AIOT_RN16_BITS)
#define INV_SEG_BITS	(AIOT_MT_BITS + AIOT_AS_ID_BITS + 1 + 6 + \
			 AIOT_SEG_OFFSET_BITS + AIOT_SEG_LEN_BITS + AIOT_SEG_MAX_BITS)

static int inv_xchg(struct aiot_inv_job *job, const struct aiot_msg *msg,
		    unsigned int answer_bits, struct aiot_rx *rx)
{
	return aiot_msg_xchg(job->reader, &job->params, msg, answer_bits, job->tx,
			     rx, &job->stats.air);
}

static int inv_decode(struct aiot_inv_job *job, const struct aiot_rx *rx,
		      struct aiot_msg *msg)
{
	return aiot_msg_decode(job->reader, rx, msg);
}

static void inv_fill_fs(const struct aiot_inv_job *job, struct aiot_fsize *fs)
{
	int q = aiot_ac_frame_q(&job->ac);

	if (q >= 0) {
		fs->explicit_size = false;
		fs->q = q;
	} else {
		fs->explicit_size = true;
		fs->slots = job->ac.frame;
	}
}

/*
 * Read the NAS PDU of the device whose Msg1 carried @rn16. Returns its
 * length in bits (> 0), 0 when its Msg3 was lost, or -errno when the reader
 * failed.
 */
static int inv_read_device(struct aiot_inv_job *job, u16 rn16, u8 as_id,
			   struct aiot_rx_meta *meta)
{
	struct aiot_msg tx = {}, msg;
	struct aiot_rx rx;
	unsigned int have, attempt;
	int err;

	for (attempt = 0; attempt < job->cfg.msg3_attempts; attempt++) {
		tx.type = AIOT_MSG_MSG2;
		tx.ra.rn16 = rn16;
		tx.ra.as_id = as_id;
		err = inv_xchg(job, &tx, INV_SEG_BITS, &rx);
		if (err)
			return err;
		if (inv_decode(job, &rx, &msg) || msg.type != AIOT_MSG_MSG3 ||
		    msg.data.as_id != as_id)
			continue;
		*meta = rx.meta;
		aiot_bits_put(job->nas, 0, msg.data.data, msg.data.len);
		have = msg.data.len;
		/* the rest of the PDU, one segment per empty R2D data PDU */
		while (msg.data.more) {
			tx.type = AIOT_MSG_R2D_DATA;
			tx.data = (struct aiot_data){ .as_id = as_id, .offset = have };
			err = inv_xchg(job, &tx, INV_SEG_BITS, &rx);
			if (err)
				return err;
			if (inv_decode(job, &rx, &msg) ||
			    msg.type != AIOT_MSG_D2R_DATA ||
			    msg.data.as_id != as_id || msg.data.offset != have ||
			    have + msg.data.len > AIOT_SDU_MAX_BITS) {
				have = 0;
				break;
			}
			aiot_bits_put(job->nas, have, msg.data.data, msg.data.len);
			have += msg.data.len;
		}
		if (have)
			return have;
	}
	/* Msg3 lost: the device accesses again in a later frame */
	job->stats.msg3_lost++;
	tx.type = AIOT_MSG_NACK;
	tx.ra.rn16 = rn16;
	tx.ra.as_id = as_id;
	err = inv_xchg(job, &tx, 0, &rx);
	return err ?: 0;
}

static int inv_record(struct aiot_inv_job *job, u8 as_id, u16 rn16,
		      const struct aiot_rx_meta *meta, unsigned int nas_bits)
{
	struct aiot_inv_dev *dev;

	dev = kmem_cache_zalloc(aiot_inv_dev_cache, GFP_KERNEL);
	if (!dev)
		return -ENOMEM;
	dev->seq = job->stats.devices++;
	aiot_stat_add(job->reader, &job->reader->stats.devices, 1);
	dev->as_id = as_id;
	dev->rn16 = rn16;
	dev->port = meta->port;
	dev->rssi_mbm = meta->rssi_mbm;
	dev->tstamp_ns = meta->tstamp_ns;
	dev->nas_bits = nas_bits;
	mutex_lock(&job->lock);
	list_add_tail(&dev->node, &job->devices);
	job->generation++;
	mutex_unlock(&job->lock);
	if (job->events && job->events->device)
		job->events->device(job, dev, job->nas, nas_bits);
	return 0;
}

/**
 * aiot_inv_job_init - check a request and prepare a job
 * @job: the job (zeroed by the caller or not: everything is set here)
 * @r: the reader; a reference is taken
 * @cfg: the request
 * @events: where results go (may be NULL)
 *
 * Return: 0, or -EINVAL for an inconsistent request.
 */
int aiot_inv_job_init(struct aiot_inv_job *job, struct aiot_reader *r,
		      const struct aiot_inv_cfg *cfg,
		      const struct aiot_inv_events *events)
{
	bool all = cfg->id_type == AIOT_ID_NONE;

	/* an identity or filter has bits; "every device" has none */
	if (cfg->id_type > AIOT_ID_FILTER || cfg->id_bits > AIOT_ID_MAX_BITS ||
	    all != !cfg->id_bits || cfg->rand_len > AIOT_RAND_MAX_OCTETS ||
	    cfg->nas_len > AIOT_NAS_CONT_MAX_OCTETS || (cfg->rand_len && cfg->nas_len))
		return -EINVAL;
	memset(job, 0, sizeof(*job));
	if (aiot_ac_init(&job->ac, &cfg->ac))
		return -EINVAL;	/* job->reader stays NULL: nothing to release */
	job->cfg = *cfg;
	if (!job->cfg.msg3_attempts)
		job->cfg.msg3_attempts = AIOT_MSG3_ATTEMPTS;
	job->events = events;
	INIT_LIST_HEAD(&job->devices);
	INIT_LIST_HEAD(&job->node);
	mutex_init(&job->lock);
	mutex_lock(&r->lock);
	job->params = r->params;
	mutex_unlock(&r->lock);
	get_device(&r->dev);
	job->reader = r;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_inv_job_init);

/** aiot_inv_job_release - free the device table, drop the reader */
void aiot_inv_job_release(struct aiot_inv_job *job)
{
	struct aiot_inv_dev *dev, *tmp;

	if (!job->reader)	/* never initialised */
		return;
	list_for_each_entry_safe(dev, tmp, &job->devices, node) {
		list_del(&dev->node);
		kmem_cache_free(aiot_inv_dev_cache, dev);
	}
	kfree_skb(job->report);
	job->report = NULL;
	if (job->cmd)
		aiot_cmd_sec_free(job->cmd->sec);
	kfree_sensitive(job->cmd);
	kfree_sensitive(job->cmd_res);
	job->cmd = NULL;
	job->cmd_res = NULL;
	put_device(&job->reader->dev);
	job->reader = NULL;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_inv_job_release);

static enum aiot_inv_end_cause inv_end_for(int err)
{
	return err == -ENODEV ? AIOT_INV_END_READER_GONE : AIOT_INV_END_FAILED;
}

/**
 * aiot_inv_run - run a job to its end
 * @job: a job from aiot_inv_job_init()
 *
 * Process context; returns when a stop trigger fires, the population is
 * read, job->stop is set, or the reader fails or goes away. The reason is
 * returned, kept in job->end and given to the done event.
 */
enum aiot_inv_end_cause aiot_inv_run(struct aiot_inv_job *job)
{
	const struct aiot_inv_cfg *cfg = &job->cfg;
	u64 deadline = cfg->max_time_ms ?
		ktime_get_ns() + (u64)cfg->max_time_ms * NSEC_PER_MSEC : 0;
	struct aiot_msg tx = {}, msg;
	struct aiot_rx_meta meta;
	u32 frame_reads = 0, empty_rounds = 0;
	u64 frame_lost = 0;
	enum aiot_ac_next next;
	enum aiot_inv_end_cause end;
	enum aiot_slot slot;
	struct aiot_rx rx;
	u8 as_id = 0;
	int err, nas;

	tx.type = AIOT_MSG_PAGING;
	tx.paging.ra_type = AIOT_RA_CBRA;
	tx.paging.id_type = cfg->id_type;
	tx.paging.id_bits = cfg->id_bits;
	memcpy(tx.paging.id, cfg->id, sizeof(tx.paging.id));
	if (cfg->rand_len) {
		tx.paging.cont_type = AIOT_CONT_RAND;
		tx.paging.cont_len = cfg->rand_len;
		memcpy(tx.paging.cont, cfg->rand, cfg->rand_len);
	} else if (cfg->nas_len) {
		tx.paging.cont_type = AIOT_CONT_NAS;
		tx.paging.cont_len = cfg->nas_len;
		memcpy(tx.paging.cont, cfg->nas, cfg->nas_len);
	}
	inv_fill_fs(job, &tx.paging.fs);
	tx.paging.txn = cfg->txn;
	/* the window after the paging is the first slot */
	err = inv_xchg(job, &tx, INV_MSG1_BITS, &rx);

	for (;;) {
		if (err) {
			end = inv_end_for(err);
			break;
		}
		job->stats.slots++;
		slot = AIOT_SLOT_COLLISION;
		if (!inv_decode(job, &rx, &msg) && msg.type == AIOT_MSG_MSG1) {
			u16 rn16 = msg.rn16;

			slot = AIOT_SLOT_SINGLE;
			nas = inv_read_device(job, rn16, as_id, &meta);
			if (nas < 0) {
				end = inv_end_for(nas);
				break;
			}
			if (nas > 0) {
				err = inv_record(job, as_id, rn16, &meta, nas);
				if (err) {
					end = AIOT_INV_END_FAILED;
					break;
				}
				frame_reads++;
			}
			as_id++;	/* AS IDs are reused modulo 2^8 */
		} else if (rx.status == AIOT_RX_EMPTY) {
			slot = AIOT_SLOT_EMPTY;
			job->stats.empty++;
		} else {
			job->stats.collisions++;
		}

		next = aiot_ac_slot(&job->ac, slot);
		if (READ_ONCE(job->stop)) {
			end = AIOT_INV_END_STOPPED;
			break;
		}
		if (cfg->max_devices && job->stats.devices >= cfg->max_devices) {
			end = AIOT_INV_END_DEVICES_READ;
			break;
		}
		if (deadline && ktime_get_ns() >= deadline) {
			end = AIOT_INV_END_TIME;
			break;
		}
		if (next == AIOT_AC_DONE) {
			struct aiot_ac_cfg confirm = cfg->ac;

			if (!frame_reads && frame_lost == job->stats.msg3_lost) {
				end = AIOT_INV_END_COMPLETE;
				break;
			}
			/*
			 * A lost Msg1 looks like an empty slot: before calling
			 * the population read, page once more with a small
			 * frame and end only when it stays silent.
			 */
			confirm.init_slots = AIOT_AC_CONFIRM_SLOTS;
			aiot_ac_init(&job->ac, &confirm);
			next = AIOT_AC_NEW_FRAME;
		}
		tx = (struct aiot_msg){ .type = AIOT_MSG_TRIGGER };
		tx.trigger.txn = cfg->txn;
		if (next == AIOT_AC_NEW_FRAME) {
			job->stats.frames++;
			empty_rounds = frame_reads ? 0 : empty_rounds + 1;
			frame_reads = 0;
			frame_lost = job->stats.msg3_lost;
			if (job->events && job->events->tick)
				job->events->tick(job);
			if (cfg->max_empty_rounds && empty_rounds >= cfg->max_empty_rounds) {
				end = AIOT_INV_END_EMPTY_ROUNDS;
				break;
			}
			tx.trigger.cmd = AIOT_TRIG_ADJUST;
			inv_fill_fs(job, &tx.trigger.fs);
		} else {
			tx.trigger.cmd = AIOT_TRIG_REPEAT;
		}
		err = inv_xchg(job, &tx, INV_MSG1_BITS, &rx);
	}

	/* close the access window, unless the reader is gone */
	if (end != AIOT_INV_END_READER_GONE) {
		tx = (struct aiot_msg){ .type = AIOT_MSG_TRIGGER };
		tx.trigger.cmd = AIOT_TRIG_END;
		tx.trigger.txn = cfg->txn;
		err = inv_xchg(job, &tx, 0, &rx);
		if (err == -ENODEV)
			end = AIOT_INV_END_READER_GONE;
	}
	job->end = end;
	if (job->events && job->events->done)
		job->events->done(job, end);
	return end;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_inv_run);

/**
 * aiot_cmd_job_init - prepare a job that relays one command
 * @job: the job
 * @r: the reader; a reference is taken
 * @req: the command (copied); its security context, if any, becomes the
 *	job's on success and stays the caller's on failure
 * @events: where the result goes (cmd_done)
 *
 * Return: 0 or -ENOMEM.
 */
int aiot_cmd_job_init(struct aiot_inv_job *job, struct aiot_reader *r,
		      const struct aiot_cmd_req *req,
		      const struct aiot_inv_events *events)
{
	memset(job, 0, sizeof(*job));
	job->cmd = kmemdup(req, sizeof(*req), GFP_KERNEL);
	job->cmd_res = kzalloc(sizeof(*job->cmd_res), GFP_KERNEL);
	if (!job->cmd || !job->cmd_res) {
		kfree_sensitive(job->cmd);
		kfree(job->cmd_res);
		job->cmd = NULL;
		job->cmd_res = NULL;
		return -ENOMEM;
	}
	job->events = events;
	INIT_LIST_HEAD(&job->devices);
	INIT_LIST_HEAD(&job->node);
	mutex_init(&job->lock);
	get_device(&r->dev);
	job->reader = r;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_cmd_job_init);

/* A job ends without running, for @why. */
static void aiot_job_cancel(struct aiot_inv_job *job, enum aiot_inv_end_cause why)
{
	job->end = why;
	if (job->cmd) {
		if (job->events && job->events->cmd_done)
			job->events->cmd_done(job, why == AIOT_INV_END_READER_GONE ?
					      -ENODEV : -ECANCELED);
	} else if (job->events && job->events->done) {
		job->events->done(job, why);
	}
}

/* ---- Jobs of a reader: one runs, the others wait ------------------------- */

static void aiot_inv_free(struct aiot_inv_job *job)
{
	if (!job)
		return;
	aiot_inv_job_release(job);
	kfree(job);
}

/* Start the next queued job; under r->lock. */
static void aiot_inv_kick(struct aiot_reader *r)
{
	struct aiot_inv_job *next;

	lockdep_assert_held(&r->lock);
	if (r->inv_active || list_empty(&r->inv_queue))
		return;
	next = list_first_entry(&r->inv_queue, struct aiot_inv_job, node);
	list_del_init(&next->node);
	r->inv_active = next;
	queue_work(aiot_inv_wq, &next->work);
}

static void aiot_inv_work(struct work_struct *work)
{
	struct aiot_inv_job *job = container_of(work, struct aiot_inv_job, work);
	struct aiot_reader *r = job->reader;
	struct aiot_inv_job *old;

	if (job->cmd) {
		int err = aiot_cmd_run(r, job->cmd, job->cmd_res);

		/* one command per context: its keys go now, zeroised */
		aiot_cmd_sec_free(job->cmd->sec);
		job->cmd->sec = NULL;
		if (job->events && job->events->cmd_done)
			job->events->cmd_done(job, err);
	} else {
		aiot_stat_add(r, &r->stats.jobs, 1);
		aiot_inv_run(job);
	}
	mutex_lock(&r->lock);
	r->inv_active = NULL;
	old = r->inv_last;
	r->inv_last = job;
	if (r->registered)
		aiot_inv_kick(r);
	mutex_unlock(&r->lock);
	aiot_inv_free(old);
}

/**
 * aiot_inv_submit - queue a job on its reader; it runs when the reader is free
 * @r: the reader the job was initialised for
 * @job: a kmalloc()ed job from aiot_inv_job_init(); the reader owns it now
 * @id: set to the job's id
 *
 * Return: 0, or -ENODEV (the job is freed) when the reader is going away.
 */
int aiot_inv_submit(struct aiot_reader *r, struct aiot_inv_job *job, u32 *id)
{
	INIT_WORK(&job->work, aiot_inv_work);
	job->id = atomic_inc_return(&aiot_inv_ids);
	*id = job->id;
	mutex_lock(&r->lock);
	if (!r->registered) {
		mutex_unlock(&r->lock);
		aiot_inv_free(job);
		return -ENODEV;
	}
	list_add_tail(&job->node, &r->inv_queue);
	aiot_inv_kick(r);
	mutex_unlock(&r->lock);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_inv_submit);

/* Stop matching jobs of @r: the running one ends at its next exchange. */
static int aiot_inv_stop_match(struct aiot_reader *r, u32 id,
			       const struct aiot_owner *owner,
			       enum aiot_inv_end_cause why)
{
	struct aiot_inv_job *job, *tmp;
	LIST_HEAD(gone);
	int found = 0;

	mutex_lock(&r->lock);
	if (r->inv_active && (!id || r->inv_active->id == id) &&
	    (!owner || aiot_owner_eq(&r->inv_active->owner, owner))) {
		WRITE_ONCE(r->inv_active->stop, true);
		found++;
	}
	list_for_each_entry_safe(job, tmp, &r->inv_queue, node) {
		if ((id && job->id != id) || (owner && !aiot_owner_eq(&job->owner, owner)))
			continue;
		list_move_tail(&job->node, &gone);
		found++;
	}
	mutex_unlock(&r->lock);
	/* queued jobs end without running */
	list_for_each_entry_safe(job, tmp, &gone, node) {
		list_del(&job->node);
		aiot_job_cancel(job, why);
		aiot_inv_free(job);
	}
	return found;
}

/** aiot_inv_stop - stop job @id (0: every job) of @r */
int aiot_inv_stop(struct aiot_reader *r, u32 id)
{
	return aiot_inv_stop_match(r, id, NULL, AIOT_INV_END_STOPPED) ? 0 : -ENOENT;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_inv_stop);

/** aiot_inv_stop_owner - the netlink socket @owner closed: stop its jobs */
void aiot_inv_stop_owner(const struct aiot_owner *owner)
{
	struct aiot_reader *r;

	if (!owner->port)
		return;
	mutex_lock(&aiot_readers_lock);
	list_for_each_entry(r, &aiot_readers, list)
		aiot_inv_stop_match(r, 0, owner, AIOT_INV_END_STOPPED);
	mutex_unlock(&aiot_readers_lock);
}
EXPORT_SYMBOL_IF_KUNIT(aiot_inv_stop_owner);

/*
 * The reader is being unregistered (no new job can start): end its jobs,
 * wait for the running one, free them all.
 */
void aiot_inv_reader_gone(struct aiot_reader *r)
{
	struct aiot_inv_job *active, *last;

	aiot_inv_stop_match(r, 0, NULL, AIOT_INV_END_READER_GONE);
	mutex_lock(&r->lock);
	active = r->inv_active;
	mutex_unlock(&r->lock);
	if (active)
		flush_work(&active->work);
	mutex_lock(&r->lock);
	last = r->inv_last;
	r->inv_last = NULL;
	mutex_unlock(&r->lock);
	aiot_inv_free(last);
}

/* The running job, else the last one; under r->lock. */
struct aiot_inv_job *aiot_inv_current(struct aiot_reader *r)
{
	lockdep_assert_held(&r->lock);
	return r->inv_active ?: r->inv_last;
}

/* Bytes one tracked device costs (its slab object). */
unsigned int aiot_inv_dev_size(void)
{
	return kmem_cache_size(aiot_inv_dev_cache);
}
EXPORT_SYMBOL_IF_KUNIT(aiot_inv_dev_size);

int __init aiot_inv_init(void)
{
	aiot_inv_dev_cache = KMEM_CACHE(aiot_inv_dev, 0);
	if (!aiot_inv_dev_cache)
		return -ENOMEM;
	aiot_inv_wq = alloc_workqueue("aiot_inv", WQ_UNBOUND, 0);
	if (!aiot_inv_wq) {
		kmem_cache_destroy(aiot_inv_dev_cache);
		return -ENOMEM;
	}
	return 0;
}

void aiot_inv_exit(void)
{
	destroy_workqueue(aiot_inv_wq);
	kmem_cache_destroy(aiot_inv_dev_cache);
}
