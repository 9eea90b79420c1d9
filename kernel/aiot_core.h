/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal declarations shared by the files of aiot.ko.
 */
#ifndef _AIOT_CORE_H
#define _AIOT_CORE_H

#include <linux/completion.h>
#include <linux/device.h>
#include <linux/hashtable.h>
#include <linux/mutex.h>
#include <linux/skbuff.h>
#include <linux/spinlock.h>
#include <net/aiot.h>
#include <net/netlink.h>

#include "frame.h"

#define AIOT_MODULE_VERSION	"0.1.0"

/*
 * How long past the D2R window the core waits for a front end's report
 * before it declares the exchange lost. A software watchdog for front-end
 * bugs, not an air-interface timer.
 */
#define AIOT_XCHG_GRACE_MS	500

/*
 * The netlink socket that owns jobs or security contexts: its port id in
 * its network namespace (port ids are per namespace).
 */
struct aiot_owner {
	u32 port;
	u64 net;	/* net_cookie of the namespace */
};

static inline bool aiot_owner_eq(const struct aiot_owner *a, const struct aiot_owner *b)
{
	return a->port == b->port && a->net == b->net;
}

struct aiot_reader_stats {
	u64 tx_frames;
	u64 tx_errors;
	u64 rx_frames;
	u64 rx_empty;
	u64 rx_collisions;
	u64 rx_crc_errors;
	u64 timeouts;
	u64 late_rx;
	u64 jobs;
	u64 devices;
	u64 commands;
	u64 cmd_retx;
	u64 cmd_nas_rsp;
	u64 cmd_as_ind;
	u64 cmd_no_rsp;
	u64 sec_protected;
	u64 sec_verified;
	u64 sec_failed;
};

/**
 * struct aiot_reader - a reader front end, as the core sees it
 * @dev: the "aiotN" device of class aiot
 * @list: entry in the list of registered readers
 * @index: N of "aiotN"
 * @ops: the front end's operations
 * @caps: AIOT_FE_CAP_* bits
 * @limits: what the front end supports
 * @lock: serialises @params, @registered, and parameter changes
 * @params: current radio parameters
 * @registered: between register and unregister
 * @xchg_lock: one R2D/D2R exchange at a time
 * @rx_lock: protects the fields below and @stats
 * @dead: unregistered; no new exchange starts
 * @cookie: the exchange aiot_fe_rx() is expected for
 * @rx_pending: an exchange waits for its report
 * @rx_done: completed by aiot_fe_rx() or by unregister
 * @rx_err: 0, or -ENODEV when the reader went away mid-exchange
 * @rx_status: what the front end reported
 * @rx_bits: length of the frame in @rx_buf
 * @rx_meta: reception metadata
 * @rx_buf: the received frame; no allocation per message
 * @stats: counters
 * @inv_queue: inventory jobs waiting for the reader (under @lock)
 * @inv_active: the job running on the reader (under @lock)
 * @inv_last: the last job that ended, for device dumps (under @lock)
 * @sec_ctx: security contexts by device identity (under @lock)
 * @n_sec: entries in @sec_ctx (under @lock)
 * @priv: the front end's private area
 */
struct aiot_reader {
	struct device dev;
	struct list_head list;
	int index;
	const struct aiot_fe_ops *ops;
	u32 caps;
	struct aiot_fe_limits limits;

	struct mutex lock;	/* params, registered, parameter changes */
	struct aiot_fe_params params;
	bool registered;

	struct mutex xchg_lock;	/* one exchange at a time */
	spinlock_t rx_lock;	/* the exchange state below, stats */
	bool dead;
	u32 cookie;
	bool rx_pending;
	struct completion rx_done;
	int rx_err;
	enum aiot_rx_status rx_status;
	unsigned int rx_bits;
	struct aiot_rx_meta rx_meta;
	u8 rx_buf[AIOT_FRAME_MAX_OCTETS];
	struct aiot_reader_stats stats;

	struct list_head inv_queue;
	struct aiot_inv_job *inv_active;
	struct aiot_inv_job *inv_last;
	DECLARE_HASHTABLE(sec_ctx, 6);
	unsigned int n_sec;

	u8 priv[] __aligned(sizeof(void *));
};

/* The outcome of one exchange; @frame is valid until the next one. */
struct aiot_inv_job;

struct aiot_rx {
	enum aiot_rx_status status;
	const u8 *frame;
	unsigned int bits;
	struct aiot_rx_meta meta;
};

/* Frames, bits and modelled air time of a procedure. */
struct aiot_air {
	u64 r2d_frames;
	u64 d2r_frames;
	u64 r2d_bits;
	u64 d2r_bits;
	u64 air_us;
};

int aiot_msg_xchg(struct aiot_reader *r, const struct aiot_fe_params *p,
		  const struct aiot_msg *msg, unsigned int answer_bits, u8 *buf,
		  struct aiot_rx *rx, struct aiot_air *air);
int aiot_msg_decode(struct aiot_reader *r, const struct aiot_rx *rx,
		    struct aiot_msg *msg);
void aiot_bits_put(u8 *dst, unsigned int at, const u8 *src, unsigned int bits);

int aiot_reader_init(void);
void aiot_reader_exit(void);

struct aiot_reader *aiot_reader_get_by_index(u32 index);
void aiot_reader_put(struct aiot_reader *r);
int aiot_reader_change(struct aiot_reader *r, const struct aiot_fe_params *p,
		       struct netlink_ext_ack *extack);
void aiot_reader_read_stats(struct aiot_reader *r,
			    struct aiot_reader_stats *out);

/* Add @n to the counter @ctr of r->stats. */
static inline void aiot_stat_add(struct aiot_reader *r, u64 *ctr, u64 n)
{
	unsigned long flags;

	spin_lock_irqsave(&r->rx_lock, flags);
	*ctr += n;
	spin_unlock_irqrestore(&r->rx_lock, flags);
}

int aiot_reader_xchg(struct aiot_reader *r, const u8 *frame,
		     unsigned int bits, unsigned int window_us,
		     struct aiot_rx *rx);

/* Iterate over registered readers: under aiot_readers_lock. */
extern struct mutex aiot_readers_lock;
extern struct list_head aiot_readers;
extern unsigned int aiot_readers_generation;

int aiot_netlink_init(void);
void aiot_netlink_exit(void);
void aiot_nl_reader_event(struct aiot_reader *r, u8 cmd);

#if IS_ENABLED(CONFIG_KUNIT)
int aiot_nl_fill_info(struct sk_buff *skb, u32 portid, u32 seq, int flags);
int aiot_nl_fill_reader(struct sk_buff *skb, struct aiot_reader *r, u8 cmd,
			u32 portid, u32 seq, int flags);
int aiot_nl_parse_set_reader(struct nlattr **tb, struct aiot_reader *r,
			     struct aiot_fe_params *p,
			     struct netlink_ext_ack *extack);
extern const struct nla_policy aiot_nl_policy[];
struct aiot_inv_cfg;
int aiot_nl_parse_inventory(struct nlattr **tb, struct aiot_inv_cfg *cfg,
			    struct netlink_ext_ack *extack);
struct aiot_cmd_req;
int aiot_nl_parse_command(struct nlattr **tb, struct aiot_cmd_req *req,
			  struct netlink_ext_ack *extack);
#endif

#endif /* _AIOT_CORE_H */
