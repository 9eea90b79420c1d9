/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiot_hwsim: a simulated A-IoT front end with populations of simulated
 * devices. Internal declarations shared by the files of aiot_hwsim.ko and
 * its KUnit suite. Documentation/hwsim.rst describes the simulation.
 */
#ifndef _AIOT_HWSIM_H
#define _AIOT_HWSIM_H

#include <linux/atomic.h>
#include <linux/hashtable.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/prandom.h>
#include <linux/types.h>
#include <linux/workqueue.h>
#include <net/aiot.h>
#include <linux/aiot_hwsim.h>
#include <aiot/hwsim_values.h>
#include <aiot/nas_values.h>
#include <aiot/profile_values.h>
#include <aiot/sec_values.h>

#include "frame.h"
#include "profile.h"

struct dentry;
struct netlink_ext_ack;
struct aiot_sec_ctx;

/**
 * struct hwsim_dev - one simulated device
 * @hnode: in the reader's identity hash
 * @id: permanent identity, MSB first, @id_bits long, zero padded
 * @id_bits: identity length
 * @state: &enum aiot_hwsim_dev_state
 * @policy: &enum aiot_hwsim_policy
 * @type: &enum aiot_hwsim_device_type
 * @as_id: AS ID assigned by Msg2 or a contention-free paging
 * @disabled: a Disable command was executed: never answers again
 * @auth: @rand_n and @rand_d of the last Inventory Response are valid
 * @profile: &enum aiot_hwsim_sec_profile
 * @rn16: random number of the last Msg1
 * @pathloss_mb: one-way path loss to the reader (link model)
 * @energy: energy left, nJ, or AIOT_HWSIM_ENERGY_UNLIMITED
 * @r2d_mark: the reader's R2D bit counter when the device was last charged
 * @k_root: K_AIoT_root
 * @rand_n: RAND_AIOT_n of the last Inventory Response
 * @rand_d: RAND_AIOT_d of the last Inventory Response
 * @aes_blocks: AES block operations (see hwsim_aes_*())
 * @kdf_ops: HMAC-SHA-256 key derivations
 * @tx_frames: D2R frames sent
 * @tx_bits: D2R bits sent
 * @rx_bits: R2D bits heard while taking part in a procedure
 * @mem: user memory, @mem_len octets (in the population's block)
 * @mem_len: its size
 * @sec_config: the profile's configuration (AIOT_SOLY_CFG_*, AIOT_SOL9_CFG_*)
 * @counter: solution-y's non-volatile counter
 * @ys: solution-y: the device's session (in its population), else NULL
 */
struct hwsim_dev {
	struct hlist_node hnode;
	u8 id[AIOT_ID_MAX_OCTETS];
	u8 id_bits;
	u8 state;
	u8 policy;
	u8 type;
	u8 as_id;
	bool disabled;
	bool auth;
	u8 profile;
	u16 rn16;
	u16 pathloss_mb;
	u32 energy;
	u64 r2d_mark;
	u8 k_root[AIOT_K_ROOT_LEN];
	u8 rand_n[AIOT_RAND_N_LEN];
	u8 rand_d[AIOT_RAND_D_LEN];
	u64 aes_blocks;
	u64 kdf_ops;
	u64 tx_frames;
	u64 tx_bits;
	u64 rx_bits;
	u8 *mem;
	u16 mem_len;
	u16 sec_config;
	u32 counter;
	struct hwsim_ysess *ys;
};

/* States of a solution-y session (struct hwsim_ysess) */
enum {
	HWSIMY_NONE,	/* no session */
	HWSIMY_PAGED,	/* a paging accepted: nonce1, k_AIoT */
	HWSIMY_OPEN,	/* Msg3 sent: Nonce2 (the T-ID), k_AIoT_ses; NRES awaited */
	HWSIMY_AUTH,	/* both sides authenticated (or one-way): a command round */
};

/**
 * struct hwsim_ysess - a solution-y device's session (profiley.c)
 * @hnode: in the reader's table by T-ID (Nonce2), while OPEN or AUTH
 * @dev: its device
 * @k_aiot: k_AIoT of the accepted paging
 * @k_ses: k_AIoT_ses
 * @nonce1: the paging's nonce1
 * @nonce2: the device's Nonce2, the session's T-ID
 * @state: HWSIMY_*
 * @group: the paging was a group paging (the answer carries KID)
 * @resync: the counter did not match: the answer carries the counter
 * @counted: the paging carried the right counter: step it at Msg3
 * @stepped: it was stepped
 * @cmd_done: the command round was answered
 * @req_len: length of the request it answered
 * @req_hash: jhash of that request as received: only its retransmission
 *	is answered again
 */
struct hwsim_ysess {
	struct hlist_node hnode;
	struct hwsim_dev *dev;
	u8 k_aiot[AIOT_SOLY_K_AIOT_LEN];
	u8 k_ses[AIOT_SOLY_K_SES_LEN];
	u8 nonce1[AIOT_SOLY_NONCE1_LEN];
	u8 nonce2[AIOT_SOLY_NONCE2_LEN];
	u8 state;
	bool group;
	bool resync;
	bool counted;
	bool stepped;
	bool cmd_done;
	u16 req_len;
	u32 req_hash;
};

/* One bulk addition of devices, and their user memories. */
struct hwsim_pop {
	struct list_head node;
	u8 profile;
	u32 n;
	u8 *mem;
	struct hwsim_ysess *ys;
	struct hwsim_dev devs[];
};

/* A contender of the current access frame. */
struct hwsim_cont {
	u32 slot;
	struct hwsim_dev *dev;
};

/* Counters of a reader (AIOT_HWSIM_STATS_*). */
struct hwsim_stats {
	u64 r2d_frames;
	u64 d2r_frames;
	u64 collisions;
	u64 captures;
	u64 ber_frames;
	u64 dropped;
	u64 corrupted;
	u64 energy_outs;
	u64 air_us;
	u64 frames;
};

/**
 * struct hwsim_pop_cfg - a bulk addition
 * @count: devices
 * @id: the first identity, MSB first
 * @id_bits: identity length, 1..AIOT_ID_MAX_BITS
 * @scheme: &enum aiot_hwsim_id_scheme
 * @type: &enum aiot_hwsim_device_type
 * @profile: &enum aiot_hwsim_sec_profile
 * @sec_config: the profile's configuration (hwsim_sec_config_check())
 * @seed: key seed
 * @seed_len: its length, 1..AIOT_HWSIM_SEED_MAX_LEN
 * @policy: integrity-failure policy of every device
 * @energy: energy budget of every device, nJ
 * @mem_len: user memory of every device, 1..AIOT_HWSIM_USER_MEM_MAX octets
 */
struct hwsim_pop_cfg {
	u32 count;
	u8 id[AIOT_ID_MAX_OCTETS];
	u8 id_bits;
	u8 scheme;
	u8 type;
	u8 profile;
	u32 sec_config;
	u8 seed[AIOT_HWSIM_SEED_MAX_LEN];
	u8 seed_len;
	u8 policy;
	u32 energy;
	u16 mem_len;
};

/**
 * struct hwsim_mon_rec - one frame on the air, as debugfs monitor shows it
 * @seq: its number: frames captured before it since the ring was made
 * @tstamp_ns: simulated time at which the frame starts
 * @bits: its length, CRC included
 * @link: &enum aiot_link
 * @frame: the frame, MSB first, zero bits after @bits
 */
struct hwsim_mon_rec {
	u64 seq;
	u64 tstamp_ns;
	u16 bits;
	u8 link;
	u8 frame[AIOT_FRAME_MAX_OCTETS];
};

/**
 * struct hwsim_mon - the capture ring of debugfs monitor
 * @cap: records in @recs
 * @head: where the next frame goes
 * @count: frames captured since the ring was made (the oldest are
 *	overwritten: @count - @cap of them when @count > @cap)
 * @recs: the ring
 */
struct hwsim_mon {
	u32 cap;
	u32 head;
	u64 count;
	struct hwsim_mon_rec recs[];
};

/* A D2R report held back by fault injection (debugfs delay_next_us). */
struct hwsim_late {
	u32 cookie;
	enum aiot_rx_status status;
	unsigned int bits;
	struct aiot_rx_meta meta;
	u8 frame[AIOT_FRAME_MAX_OCTETS];
};

/**
 * struct hwsim_reader - one simulated reader
 * @r: its aiot reader
 * @node: in the list of simulated readers (under hwsim_lock)
 * @listed: on that list; cleared by whoever destroys the reader
 * @index: aiot reader index
 * @owner: netlink port that destroys it on close (0: none)
 * @owner_net: cookie of that port's network namespace
 * @lock: the population, the medium settings, the device model state
 * @pops: populations
 * @n_devs: devices in @pops
 * @gen: changes with the population (dump consistency)
 * @ids: devices by identity, 2^@ids_order buckets (at least one per device)
 * @ids_order: log2 of the buckets in @ids
 * @cont: contenders of the current access frame: [0, @pool_n) have not
 *	drawn their slot yet (their slot is still to come), [@pool_n,
 *	@n_cont) have, the current slot's last (see hwsim_draw_slot())
 * @cont_tmp: scratch for sorting @cont, as large
 * @slot_cnt: scratch for a counting sort by slot, @cont_cap + 1 entries
 * @cont_cap: room in @cont (the population's size)
 * @n_cont: entries in @cont
 * @pool_n: contenders whose slot is still to come
 * @slot_lo: first entry of the current slot
 * @slot_hi: one past its last entry
 * @cur_slot: the current slot
 * @frame_slots: slots in the current access frame
 * @eager: every contender of the frame drew its slot at once, and @cont's
 *	first @pool_n entries are sorted by slot, latest first
 * @paged: an access window is open
 * @txn: its transaction id
 * @rand_n: its RAND_n (zero padded)
 * @msg3_dev: the device whose Msg3 was sent last (until acknowledged)
 * @msg3_at: bits of its NAS PDU sent
 * @inv_nas_bits: length of its NAS PDU
 * @sel: the device paged contention free
 * @pdu_bits: bits of the command PDU received so far
 * @rsp_bits: length of the command response
 * @sec: security context of the device side
 * @ber_ppm: D2R bit error rate
 * @capture: capture effect
 * @paced: sleep for the air time
 * @seed: seed of @rnd
 * @rnd: the reader's random numbers (slots, RN16, RAND_d, bit errors)
 * @params: radio parameters (from the core)
 * @clock_ns: the simulated clock
 * @r2d_bits: R2D bits sent since creation (energy model)
 * @stats: counters
 * @drop_next: fault injection: drop the next N D2R frames
 * @drop_msg3: fault injection: drop the next N Msg3 frames
 * @corrupt_next: fault injection: corrupt the next N D2R frames
 * @delay_next_us: fault injection: delay the next D2R report
 * @mon: the frames on the air, while debugfs monitor captures (or NULL)
 * @dbg: debugfs directory
 * @unplug: debugfs unplug, deferred
 * @late_work: delivers @late
 * @late: the delayed report
 * @rx_msg: scratch: the decoded R2D frame
 * @ans_msg: scratch: the D2R answer
 * @out: scratch: the encoded D2R frame
 * @inv_nas: the Inventory Response of @msg3_dev
 * @pdu: the command PDU (linear memory, for the security engine)
 * @rsp: the command response (linear memory)
 * @s9_id_type: solution-9: the identity type of the current CBRA paging
 * @s9_idf_bits: solution-9: length of @s9_idf
 * @s9_nn: solution-9: NN' of the command paging of @sel
 * @s9_idf: solution-9: its identity field
 * @s9_kn: solution-9: k_N' that @sel derived from it
 * @s9_plain: solution-9: scratch for a deciphered paging identity (linear)
 * @y_plain: solution-y: scratch for a deciphered PID (linear)
 * @ytbl: solution-y: open sessions by T-ID (Nonce2)
 */
struct hwsim_reader {
	struct aiot_reader *r;
	struct list_head node;
	bool listed;
	int index;
	u32 owner;
	u64 owner_net;

	struct mutex lock;	/* population, medium, device model */
	struct list_head pops;
	u32 n_devs;
	u32 gen;
	struct hlist_head *ids;
	u8 ids_order;

	struct hwsim_cont *cont;
	struct hwsim_cont *cont_tmp;
	u32 *slot_cnt;
	u32 cont_cap;
	u32 n_cont;
	u32 pool_n;
	u32 slot_lo;
	u32 slot_hi;
	u32 cur_slot;
	u32 frame_slots;
	bool eager;
	bool paged;
	u8 txn;
	u8 rand_n[AIOT_RAND_N_LEN];
	struct hwsim_dev *msg3_dev;
	u16 msg3_at;
	u16 inv_nas_bits;
	struct hwsim_dev *sel;
	u16 pdu_bits;
	u16 rsp_bits;
	struct aiot_sec_ctx *sec;

	u32 ber_ppm;
	bool capture;
	bool paced;
	u64 seed;
	struct rnd_state rnd;
	struct aiot_fe_params params;
	u64 clock_ns;
	u64 r2d_bits;
	struct hwsim_stats stats;

	atomic_t drop_next;
	atomic_t drop_msg3;
	atomic_t corrupt_next;
	u32 delay_next_us;
	struct hwsim_mon *mon;
	struct dentry *dbg;
	struct work_struct unplug;
	struct delayed_work late_work;
	struct hwsim_late late;

	struct aiot_msg rx_msg;
	struct aiot_msg ans_msg;
	u8 out[AIOT_FRAME_MAX_OCTETS];
	u8 inv_nas[AIOT_NAS_MAX_LEN];
	u8 pdu[(AIOT_SDU_MAX_BITS + 7) / 8];
	u8 rsp[AIOT_NAS_MAX_LEN];
	u8 s9_id_type;
	u8 s9_idf_bits;
	u8 s9_nn[AIOT_SOL9_NN_LEN];
	u8 s9_idf[AIOT_ID_MAX_OCTETS];
	u8 s9_kn[AIOT_KDF_OUT_LEN];
	u8 s9_plain[AIOT_ID_MAX_OCTETS];
	u8 y_plain[AIOT_SOLY_PID_MAX_LEN];
	DECLARE_HASHTABLE(ytbl, 8);
};

/* device.c: the front end's operations, the device model and the medium */
extern const struct aiot_fe_ops hwsim_fe_ops;
int hwsim_key_rule(const u8 *seed, unsigned int seed_len, const u8 *id,
		   unsigned int id_bits, u8 *k_root);
s32 hwsim_dev_rssi(const struct hwsim_reader *hr, const struct hwsim_dev *dev);
void hwsim_late_work(struct work_struct *work);
#if IS_ENABLED(CONFIG_KUNIT)
u32 hwsim_binomial(struct rnd_state *rnd, u32 n, u32 m);
#endif
unsigned int hwsim_aes_nia2(unsigned int len);
unsigned int hwsim_aes_nea2(unsigned int len);
void hwsim_count(struct hwsim_dev *dev, unsigned int kdf, unsigned int blocks, u64 *nj);
struct aiot_nas_msg;
int hwsim_execute(struct hwsim_reader *hr, struct hwsim_dev *dev,
		  const struct aiot_nas_msg *req, int derr);
int hwsim_envelope(struct hwsim_reader *hr, struct hwsim_dev *dev, unsigned int len, u64 *nj);

/* profile9.c: the solution-9 security profile's device side */
bool hwsim9_paging_for_us(const struct aiot_paging *p);
bool hwsim9_match(struct hwsim_reader *hr, struct hwsim_dev *dev,
		  const struct aiot_paging *p, u8 *k_n, u64 *nj);
int hwsim9_auth_response(struct hwsim_reader *hr, struct hwsim_dev *dev, u64 *nj);
int hwsim9_command(struct hwsim_reader *hr, struct hwsim_dev *dev,
		   unsigned int len, u64 *nj);

/* profiley.c: the solution-y security profile's device side */
void hwsimy_end(struct hwsim_ysess *ys);
bool hwsimy_paging_request(const struct aiot_paging *p, struct aiot_nas_msg *m);
bool hwsimy_paged(struct hwsim_reader *hr, struct hwsim_dev *dev,
		  const struct aiot_paging *p, const struct aiot_nas_msg *m, u64 *nj);
int hwsimy_access_response(struct hwsim_reader *hr, struct hwsim_dev *dev, u64 *nj);
struct hwsim_dev *hwsimy_find(struct hwsim_reader *hr, const struct aiot_paging *p);
int hwsimy_command(struct hwsim_reader *hr, struct hwsim_dev *dev, unsigned int len, u64 *nj);
void hwsimy_acked(struct hwsim_dev *dev);

/* main.c: readers and populations */
extern struct mutex hwsim_lock;
extern struct list_head hwsim_readers;
extern unsigned int hwsim_readers_gen;
extern struct workqueue_struct *hwsim_wq;

struct hwsim_reader *hwsim_reader_new(u32 owner, u64 owner_net);
int hwsim_reader_destroy(struct hwsim_reader *hr);
struct hwsim_reader *hwsim_reader_find(int index);
int hwsim_reader_del_index(int index);
void hwsim_reader_unplug(struct hwsim_reader *hr);
void hwsim_flush(void);
void hwsim_reader_destroy_owner(u32 owner, u64 owner_net);
struct aiot_reader *hwsim_reader_aiot(struct hwsim_reader *hr);
int hwsim_sec_config_check(u8 profile, u32 config, struct netlink_ext_ack *extack);
u32 hwsim_sec_config_default(u8 profile);
int hwsim_pop_add(struct hwsim_reader *hr, const struct hwsim_pop_cfg *cfg,
		  struct netlink_ext_ack *extack);
void hwsim_pop_clear(struct hwsim_reader *hr);
struct hwsim_dev *hwsim_dev_find(struct hwsim_reader *hr, const u8 *id,
				 unsigned int id_bits);
void hwsim_dev_set_energy(struct hwsim_reader *hr, struct hwsim_dev *dev,
			  u32 energy);
void hwsim_medium_set(struct hwsim_reader *hr, u32 ber_ppm, bool capture,
		      bool paced, u64 seed);

/* netlink.c */
int hwsim_nl_init(void);
void hwsim_nl_exit(void);

#endif /* _AIOT_HWSIM_H */
