/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiot: the inventory engine (paging + contention-based random access).
 */
#ifndef _AIOT_INVENTORY_H
#define _AIOT_INVENTORY_H

#include <linux/types.h>
#include <linux/aiot.h>
#include <net/aiot.h>

#include "aiot_core.h"
#include "anticoll.h"
#include "frame.h"

struct aiot_reader;
struct aiot_inv_job;
struct aiot_cmd_req;
struct aiot_cmd_result;

/**
 * struct aiot_inv_cfg - what an inventory looks for and when it stops
 * @id_type: AIOT_ID_* target: none (all), an identity, or a filter
 * @id_bits: length of @id in bits
 * @id: the identity or filter
 * @rand_len: length of @rand (RAND_n), octets; 0 for none
 * @rand: RAND_n, carried in the paging
 * @nas_len: length of @nas, octets; 0 for none (never with @rand_len)
 * @nas: an AIoT NAS container the paging carries instead of RAND_n (the
 *	study profiles' paging request, Documentation/security-profiles.rst)
 * @txn: transaction id
 * @ac: anti-collision algorithm and first frame
 * @max_devices: stop after this many devices (0: no limit)
 * @max_time_ms: stop after this long (0: no limit)
 * @max_empty_rounds: stop after this many frames in a row in which nobody
 *	was read (0: no limit)
 * @msg3_attempts: Msg2 sent for one Msg1 before giving up on it (>= 1)
 */
struct aiot_inv_cfg {
	u8 id_type;
	u16 id_bits;
	u8 id[AIOT_ID_MAX_OCTETS];
	u8 rand_len;
	u8 rand[AIOT_RAND_MAX_OCTETS];
	u8 nas_len;
	u8 nas[AIOT_NAS_CONT_MAX_OCTETS];
	u8 txn;
	struct aiot_ac_cfg ac;
	u32 max_devices;
	u32 max_time_ms;
	u32 max_empty_rounds;
	u32 msg3_attempts;
};

/**
 * struct aiot_inv_dev - one device read by a job: the per-job device table
 * @node: in the job's table
 * @seq: order in which it was read, from 0
 * @as_id: AS ID it was given
 * @rn16: the RN16 of its Msg1
 * @port: antenna port
 * @rssi_mbm: RSSI of its Msg3
 * @nas_bits: length of its AIoT NAS PDU (reported, not kept)
 * @tstamp_ns: when its Msg3 was received
 */
struct aiot_inv_dev {
	struct list_head node;
	u32 seq;
	u8 as_id;
	u8 port;
	u16 rn16;
	s32 rssi_mbm;
	u32 nas_bits;
	u64 tstamp_ns;
};

/* Counters of a job; air time from the reader's data rates. */
struct aiot_inv_stats {
	struct aiot_air air;
	u64 slots;
	u64 empty;
	u64 collisions;
	u64 frames;
	u64 msg3_lost;
	u32 devices;
};

/*
 * What a job reports, through one small interface (netlink.c implements
 * it; tests implement their own). Called from the job's context.
 */
struct aiot_inv_events {
	void (*device)(struct aiot_inv_job *job, const struct aiot_inv_dev *dev,
		       const u8 *nas, unsigned int nas_bits);
	void (*tick)(struct aiot_inv_job *job);
	void (*done)(struct aiot_inv_job *job, enum aiot_inv_end_cause end);
	void (*cmd_done)(struct aiot_inv_job *job, int err);
};

/**
 * struct aiot_inv_job - one inventory on one reader
 * @reader: the reader (a reference is held)
 * @params: the reader's radio parameters when the job started
 * @cfg: the request
 * @events: where results go
 * @owner: netlink socket of the requester (port 0: none)
 * @id: job id, unique per module load
 * @stop: set to end the job at the next exchange
 * @devices: the device table
 * @stats: counters
 * @end: why it ended
 * @ac: anti-collision state
 * @tx: R2D frame buffer
 * @nas: NAS PDU reassembly buffer
 * @priv: for the events' implementation
 * @work: runs the job (aiot_inv_submit())
 * @node: in the reader's queue of jobs
 * @lock: protects @devices and @generation against dumps
 * @generation: changes whenever @devices does
 * @report: the report being batched (netlink.c)
 * @report_count: devices in @report
 * @report_first_ns: when the oldest of them was read
 * @report_batch: devices per report
 * @report_ms: longest a device waits for its report
 * @cmd: for a command job (aiot_cmd_job_init()): the command; NULL for an
 *	inventory
 * @cmd_res: its result
 */
struct aiot_inv_job {
	struct aiot_reader *reader;
	struct aiot_fe_params params;
	struct aiot_inv_cfg cfg;
	const struct aiot_inv_events *events;
	struct aiot_owner owner;
	u32 id;
	bool stop;
	struct list_head devices;
	struct aiot_inv_stats stats;
	enum aiot_inv_end_cause end;
	struct aiot_ac ac;
	u8 tx[AIOT_FRAME_MAX_OCTETS];
	u8 nas[(AIOT_SDU_MAX_BITS + 7) / 8];
	void *priv;

	struct work_struct work;
	struct list_head node;
	struct mutex lock;	/* devices, generation */
	u32 generation;

	struct sk_buff *report;
	void *report_hdr;
	struct nlattr *report_nest;
	u32 report_count;
	u64 report_first_ns;
	u32 report_batch;
	u32 report_ms;

	struct aiot_cmd_req *cmd;
	struct aiot_cmd_result *cmd_res;
};

int aiot_inv_init(void);
void aiot_inv_exit(void);

int aiot_inv_job_init(struct aiot_inv_job *job, struct aiot_reader *r,
		      const struct aiot_inv_cfg *cfg,
		      const struct aiot_inv_events *events);
enum aiot_inv_end_cause aiot_inv_run(struct aiot_inv_job *job);
void aiot_inv_job_release(struct aiot_inv_job *job);
int aiot_cmd_job_init(struct aiot_inv_job *job, struct aiot_reader *r,
		      const struct aiot_cmd_req *req,
		      const struct aiot_inv_events *events);
unsigned int aiot_inv_dev_size(void);

int aiot_inv_submit(struct aiot_reader *r, struct aiot_inv_job *job, u32 *id);
int aiot_inv_stop(struct aiot_reader *r, u32 id);
void aiot_inv_stop_owner(const struct aiot_owner *owner);
void aiot_inv_reader_gone(struct aiot_reader *r);
struct aiot_inv_job *aiot_inv_current(struct aiot_reader *r);

#endif /* _AIOT_INVENTORY_H */
