// SPDX-License-Identifier: GPL-2.0
/*
 * aiot: reader objects. A reader is a device of class "aiot" (aiotN) whose
 * front-end driver plays the radio; the core drives it one R2D/D2R exchange
 * at a time.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/idr.h>
#include <linux/jiffies.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include <linux/aiot.h>
#include "aiot_core.h"
#include "command.h"
#include "inventory.h"

/* protects aiot_readers and aiot_readers_generation */
DEFINE_MUTEX(aiot_readers_lock);
LIST_HEAD(aiot_readers);
unsigned int aiot_readers_generation;
static DEFINE_IDA(aiot_reader_ida);

static struct aiot_reader *to_reader(struct device *dev)
{
	return container_of(dev, struct aiot_reader, dev);
}

static ssize_t caps_show(struct device *dev, struct device_attribute *attr,
			 char *buf)
{
	return sysfs_emit(buf, "0x%x\n", to_reader(dev)->caps);
}
static DEVICE_ATTR_RO(caps);

static ssize_t index_show(struct device *dev, struct device_attribute *attr,
			  char *buf)
{
	return sysfs_emit(buf, "%d\n", to_reader(dev)->index);
}
static DEVICE_ATTR_RO(index);

static struct attribute *aiot_reader_attrs[] = {
	&dev_attr_caps.attr,
	&dev_attr_index.attr,
	NULL,
};
ATTRIBUTE_GROUPS(aiot_reader);

static void aiot_reader_release(struct device *dev)
{
	struct aiot_reader *r = to_reader(dev);

	ida_free(&aiot_reader_ida, r->index);
	kfree(r);
}

static struct class aiot_class = {
	.name = "aiot",
	.dev_groups = aiot_reader_groups,
};

/**
 * aiot_reader_alloc - allocate a reader for a front end
 * @ops: the front end's operations (xmit is mandatory)
 * @caps: AIOT_FE_CAP_* bits
 * @priv_size: size of the driver's private area (aiot_reader_priv())
 * @parent: the front end's device (may be NULL for virtual front ends)
 *
 * Return: the reader, or an ERR_PTR.
 */
struct aiot_reader *aiot_reader_alloc(const struct aiot_fe_ops *ops, u32 caps,
				      size_t priv_size, struct device *parent)
{
	struct aiot_reader *r;
	int index;

	if (!ops || !ops->xmit || (caps & ~AIOT_FE_CAP_ALL))
		return ERR_PTR(-EINVAL);
	r = kzalloc(struct_size(r, priv, priv_size), GFP_KERNEL);
	if (!r)
		return ERR_PTR(-ENOMEM);
	index = ida_alloc(&aiot_reader_ida, GFP_KERNEL);
	if (index < 0) {
		kfree(r);
		return ERR_PTR(index);
	}
	r->index = index;
	r->ops = ops;
	r->caps = caps;
	mutex_init(&r->lock);
	mutex_init(&r->xchg_lock);
	spin_lock_init(&r->rx_lock);
	init_completion(&r->rx_done);
	INIT_LIST_HEAD(&r->list);
	INIT_LIST_HEAD(&r->inv_queue);
	hash_init(r->sec_ctx);
	/* until the driver says otherwise: one port, today's defaults */
	r->limits = (struct aiot_fe_limits) {
		.tx_power_min_mbm = 0, .tx_power_max_mbm = 3000, .n_ports = 1,
		.rate_min_bps = AIOT_D2R_BPS, .rate_max_bps = AIOT_R2D_BPS,
	};
	r->params = (struct aiot_fe_params) {
		.tx_power_mbm = 3000, .port = 0,
		.r2d_bps = AIOT_R2D_BPS, .d2r_bps = AIOT_D2R_BPS,
	};

	device_initialize(&r->dev);
	r->dev.class = &aiot_class;
	r->dev.parent = parent;
	r->dev.release = aiot_reader_release;
	if (dev_set_name(&r->dev, "aiot%d", index)) {
		put_device(&r->dev);
		return ERR_PTR(-ENOMEM);
	}
	return r;
}
EXPORT_SYMBOL_GPL(aiot_reader_alloc);

void *aiot_reader_priv(struct aiot_reader *r)
{
	return r->priv;
}
EXPORT_SYMBOL_GPL(aiot_reader_priv);

int aiot_reader_index(const struct aiot_reader *r)
{
	return r->index;
}
EXPORT_SYMBOL_GPL(aiot_reader_index);

const char *aiot_reader_name(const struct aiot_reader *r)
{
	return dev_name(&r->dev);
}
EXPORT_SYMBOL_GPL(aiot_reader_name);

/** aiot_reader_set_limits - what the front end supports; before register */
void aiot_reader_set_limits(struct aiot_reader *r,
			    const struct aiot_fe_limits *limits)
{
	if (WARN_ON(r->registered || !limits->n_ports ||
		    limits->tx_power_min_mbm > limits->tx_power_max_mbm ||
		    !limits->rate_min_bps ||
		    limits->rate_min_bps > limits->rate_max_bps))
		return;
	r->limits = *limits;
}
EXPORT_SYMBOL_GPL(aiot_reader_set_limits);

/** aiot_reader_set_params - initial radio parameters; before register */
void aiot_reader_set_params(struct aiot_reader *r,
			    const struct aiot_fe_params *params)
{
	if (WARN_ON(r->registered))
		return;
	r->params = *params;
}
EXPORT_SYMBOL_GPL(aiot_reader_set_params);

/**
 * aiot_reader_register - make the reader visible (sysfs, netlink)
 * @r: a reader from aiot_reader_alloc()
 *
 * Return: 0 or a negative errno.
 */
int aiot_reader_register(struct aiot_reader *r)
{
	int err;

	err = device_add(&r->dev);
	if (err)
		return err;
	mutex_lock(&aiot_readers_lock);
	mutex_lock(&r->lock);
	r->registered = true;
	mutex_unlock(&r->lock);
	list_add_tail(&r->list, &aiot_readers);
	aiot_readers_generation++;
	mutex_unlock(&aiot_readers_lock);
	aiot_nl_reader_event(r, AIOT_CMD_NEW_READER);
	return 0;
}
EXPORT_SYMBOL_GPL(aiot_reader_register);

/**
 * aiot_reader_unregister - the front end is going away (hot-unplug safe)
 * @r: a registered reader
 *
 * An exchange in progress ends with -ENODEV; when this returns, the core
 * calls no operation of the front end any more. May sleep.
 */
void aiot_reader_unregister(struct aiot_reader *r)
{
	unsigned long flags;

	mutex_lock(&aiot_readers_lock);
	list_del_init(&r->list);
	aiot_readers_generation++;
	mutex_unlock(&aiot_readers_lock);

	mutex_lock(&r->lock);
	r->registered = false;
	mutex_unlock(&r->lock);

	/* wake an exchange waiting for a report that will never come */
	spin_lock_irqsave(&r->rx_lock, flags);
	r->dead = true;
	if (r->rx_pending) {
		r->rx_pending = false;
		r->rx_err = -ENODEV;
		complete(&r->rx_done);
	}
	spin_unlock_irqrestore(&r->rx_lock, flags);
	/* end the reader's inventories, then wait until no exchange runs */
	aiot_inv_reader_gone(r);
	aiot_cmd_sec_flush(r, NULL);
	mutex_lock(&r->xchg_lock);
	mutex_unlock(&r->xchg_lock);

	aiot_nl_reader_event(r, AIOT_CMD_DEL_READER);
	device_del(&r->dev);
}
EXPORT_SYMBOL_GPL(aiot_reader_unregister);

/** aiot_reader_free - drop the driver's reference; after unregister */
void aiot_reader_free(struct aiot_reader *r)
{
	put_device(&r->dev);
}
EXPORT_SYMBOL_GPL(aiot_reader_free);

/* A registered reader by index, with a reference; NULL if there is none. */
struct aiot_reader *aiot_reader_get_by_index(u32 index)
{
	struct aiot_reader *r, *found = NULL;

	mutex_lock(&aiot_readers_lock);
	list_for_each_entry(r, &aiot_readers, list) {
		if (r->index == index) {
			get_device(&r->dev);
			found = r;
			break;
		}
	}
	mutex_unlock(&aiot_readers_lock);
	return found;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_reader_get_by_index);

void aiot_reader_put(struct aiot_reader *r)
{
	put_device(&r->dev);
}
EXPORT_SYMBOL_IF_KUNIT(aiot_reader_put);

/*
 * Apply radio parameters: checked against the limits here, then handed to
 * the front end, which may refuse. Nothing changes on error.
 */
int aiot_reader_change(struct aiot_reader *r, const struct aiot_fe_params *p,
		       struct netlink_ext_ack *extack)
{
	int err = 0;

	if (p->tx_power_mbm < r->limits.tx_power_min_mbm ||
	    p->tx_power_mbm > r->limits.tx_power_max_mbm) {
		NL_SET_ERR_MSG(extack, "transmit power outside the reader's range");
		return -ERANGE;
	}
	if (p->port >= r->limits.n_ports) {
		NL_SET_ERR_MSG(extack, "the reader has no such antenna port");
		return -ERANGE;
	}
	if (p->r2d_bps < r->limits.rate_min_bps ||
	    p->r2d_bps > r->limits.rate_max_bps ||
	    p->d2r_bps < r->limits.rate_min_bps ||
	    p->d2r_bps > r->limits.rate_max_bps) {
		NL_SET_ERR_MSG(extack, "data rate outside the reader's range");
		return -ERANGE;
	}

	mutex_lock(&r->lock);
	if (!r->registered) {
		NL_SET_ERR_MSG(extack, "the reader is going away");
		err = -ENODEV;
	} else if (r->ops->set_params) {
		err = r->ops->set_params(r, p, extack);
	}
	if (!err)
		r->params = *p;
	mutex_unlock(&r->lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_reader_change);

void aiot_reader_read_stats(struct aiot_reader *r,
			    struct aiot_reader_stats *out)
{
	unsigned long flags;

	spin_lock_irqsave(&r->rx_lock, flags);
	*out = r->stats;
	spin_unlock_irqrestore(&r->rx_lock, flags);
}
EXPORT_SYMBOL_IF_KUNIT(aiot_reader_read_stats);

/**
 * aiot_reader_xchg - transmit one R2D frame and wait for its D2R window
 * @r: the reader
 * @frame: the R2D frame, @bits bits MSB first
 * @bits: its length
 * @window_us: length of the D2R window
 * @rx: what was heard; rx->frame points into the reader until the next
 *	exchange
 *
 * Process context; may sleep. Return: 0 (see rx->status), -ENODEV when the
 * reader is or goes away, -ETIMEDOUT when the front end never reported, or
 * the error of the front end's xmit.
 */
int aiot_reader_xchg(struct aiot_reader *r, const u8 *frame,
		     unsigned int bits, unsigned int window_us,
		     struct aiot_rx *rx)
{
	unsigned long timeout, flags;
	u32 cookie;
	int err;

	if (!bits || bits > AIOT_FRAME_MAX_BITS)
		return -EMSGSIZE;
	mutex_lock(&r->xchg_lock);
	spin_lock_irqsave(&r->rx_lock, flags);
	if (r->dead) {
		spin_unlock_irqrestore(&r->rx_lock, flags);
		err = -ENODEV;
		goto out;
	}
	cookie = ++r->cookie;
	r->rx_pending = true;
	r->rx_err = 0;
	reinit_completion(&r->rx_done);
	spin_unlock_irqrestore(&r->rx_lock, flags);

	err = r->ops->xmit(r, frame, bits, window_us, cookie);
	spin_lock_irqsave(&r->rx_lock, flags);
	if (err) {
		r->rx_pending = false;
		r->stats.tx_errors++;
		spin_unlock_irqrestore(&r->rx_lock, flags);
		goto out;
	}
	r->stats.tx_frames++;
	spin_unlock_irqrestore(&r->rx_lock, flags);

	timeout = usecs_to_jiffies(window_us) + msecs_to_jiffies(AIOT_XCHG_GRACE_MS);
	if (!wait_for_completion_timeout(&r->rx_done, timeout)) {
		spin_lock_irqsave(&r->rx_lock, flags);
		if (r->rx_pending) {
			r->rx_pending = false;
			r->stats.timeouts++;
			spin_unlock_irqrestore(&r->rx_lock, flags);
			err = -ETIMEDOUT;
			goto out;
		}
		/* reported just as we gave up: take it */
		spin_unlock_irqrestore(&r->rx_lock, flags);
		wait_for_completion(&r->rx_done);
	}
	err = r->rx_err;
	if (!err) {
		rx->status = r->rx_status;
		rx->frame = r->rx_buf;
		rx->bits = r->rx_status == AIOT_RX_FRAME ? r->rx_bits : 0;
		rx->meta = r->rx_meta;
	}
out:
	mutex_unlock(&r->xchg_lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_reader_xchg);

/* Length of a D2R window for an answer of @info_bits (0: none expected). */
static unsigned int aiot_window_us(const struct aiot_fe_params *p,
				   unsigned int info_bits)
{
	u32 bps = p->d2r_bps ?: AIOT_D2R_BPS;

	if (!info_bits)
		return AIOT_T_SILENT_WINDOW_US;
	return AIOT_T_TURNAROUND_US +
	       DIV_ROUND_UP_ULL((u64)aiot_frame_bits_for(info_bits) * USEC_PER_SEC, bps);
}

/**
 * aiot_msg_xchg - one exchange of a procedure
 * @r: the reader
 * @p: the radio parameters the procedure runs with (for air time)
 * @msg: the R2D PDU; encoded with its CRC unless the front end adds it
 * @answer_bits: longest D2R answer expected, information bits (0: none)
 * @buf: AIOT_FRAME_MAX_OCTETS of scratch for the encoded frame
 * @rx: what was heard
 * @air: frames, bits and air time, accumulated
 *
 * Return: as aiot_reader_xchg(), or the encoder's error.
 */
int aiot_msg_xchg(struct aiot_reader *r, const struct aiot_fe_params *p,
		  const struct aiot_msg *msg, unsigned int answer_bits, u8 *buf,
		  struct aiot_rx *rx, struct aiot_air *air)
{
	unsigned int window = aiot_window_us(p, answer_bits);
	u32 r2d = p->r2d_bps ?: AIOT_R2D_BPS;
	u32 d2r = p->d2r_bps ?: AIOT_D2R_BPS;
	size_t bits;
	int err;

	if (r->caps & AIOT_FE_CAP_HW_CRC)
		err = aiot_pdu_encode(msg, buf, AIOT_FRAME_MAX_OCTETS, &bits);
	else
		err = aiot_frame_encode(msg, buf, AIOT_FRAME_MAX_OCTETS, &bits);
	if (err)
		return err;
	err = aiot_reader_xchg(r, buf, bits, window, rx);
	if (err)
		return err;
	air->r2d_frames++;
	air->r2d_bits += bits;
	air->air_us += DIV_ROUND_UP_ULL((u64)bits * USEC_PER_SEC, r2d);
	if (rx->status == AIOT_RX_FRAME) {
		air->d2r_frames++;
		air->d2r_bits += rx->bits;
		air->air_us += AIOT_T_TURNAROUND_US +
			DIV_ROUND_UP_ULL((u64)rx->bits * USEC_PER_SEC, d2r);
	} else {
		air->air_us += window;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_msg_xchg);

/* Decode what was heard; -errno when nothing valid was (a collision). */
int aiot_msg_decode(struct aiot_reader *r, const struct aiot_rx *rx,
		    struct aiot_msg *msg)
{
	if (rx->status != AIOT_RX_FRAME)
		return -ENODATA;
	if (r->caps & AIOT_FE_CAP_HW_CRC)
		return aiot_pdu_decode(rx->frame, rx->bits, AIOT_LINK_D2R, msg);
	return aiot_frame_decode(rx->frame, rx->bits, AIOT_LINK_D2R, msg);
}
EXPORT_SYMBOL_IF_KUNIT(aiot_msg_decode);

/* Put @bits bits of @src (MSB first) at bit @at of @dst. */
void aiot_bits_put(u8 *dst, unsigned int at, const u8 *src, unsigned int bits)
{
	unsigned int i;

	for (i = 0; i < bits; i++) {
		unsigned int d = at + i;

		if (src[i / 8] & (0x80 >> (i % 8)))
			dst[d / 8] |= 0x80 >> (d % 8);
		else
			dst[d / 8] &= ~(0x80 >> (d % 8));
	}
}
EXPORT_SYMBOL_IF_KUNIT(aiot_bits_put);

/**
 * aiot_fe_rx - a front end reports the D2R window of an exchange
 * @r: the reader
 * @cookie: the cookie xmit was given
 * @status: what was heard
 * @frame: the frame for %AIOT_RX_FRAME (copied), else ignored
 * @bits: its length in bits
 * @meta: reception metadata, may be NULL
 *
 * Any context. A report for an exchange that is no longer pending (timed
 * out, reader gone) or a frame longer than any A-IoT frame is dropped and
 * counted; it never reaches the protocol.
 */
void aiot_fe_rx(struct aiot_reader *r, u32 cookie, enum aiot_rx_status status,
		const u8 *frame, unsigned int bits,
		const struct aiot_rx_meta *meta)
{
	unsigned long flags;

	spin_lock_irqsave(&r->rx_lock, flags);
	if (!r->rx_pending || cookie != r->cookie) {
		r->stats.late_rx++;
		goto out;
	}
	switch (status) {
	case AIOT_RX_FRAME:
		if (!frame || !bits || bits > AIOT_FRAME_MAX_BITS) {
			/* nothing usable: treat as energy without a frame */
			status = AIOT_RX_COLLISION;
			r->stats.rx_collisions++;
			break;
		}
		memcpy(r->rx_buf, frame, DIV_ROUND_UP(bits, 8));
		r->rx_bits = bits;
		r->stats.rx_frames++;
		break;
	case AIOT_RX_EMPTY:
		r->stats.rx_empty++;
		break;
	case AIOT_RX_COLLISION:
		r->stats.rx_collisions++;
		break;
	case AIOT_RX_CRC_ERROR:
		r->stats.rx_crc_errors++;
		break;
	default:
		status = AIOT_RX_COLLISION;
		r->stats.rx_collisions++;
		break;
	}
	r->rx_status = status;
	if (meta)
		r->rx_meta = *meta;
	else
		memset(&r->rx_meta, 0, sizeof(r->rx_meta));
	r->rx_pending = false;
	complete(&r->rx_done);
out:
	spin_unlock_irqrestore(&r->rx_lock, flags);
}
EXPORT_SYMBOL_GPL(aiot_fe_rx);

int __init aiot_reader_init(void)
{
	return class_register(&aiot_class);
}

void aiot_reader_exit(void)
{
	class_unregister(&aiot_class);
	ida_destroy(&aiot_reader_ida);
}
