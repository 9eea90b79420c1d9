// SPDX-License-Identifier: GPL-2.0
/*
 * aiot_hwsim: simulated A-IoT readers and their device populations.
 *
 * A front-end driver like any other: it registers its readers with the
 * aiot core through <net/aiot.h> and plays the radio for them (device.c).
 * Readers are made at load time (module parameter "readers") and over the
 * generic netlink family "aiot_hwsim" (netlink.c); each has a debugfs
 * directory for fault injection.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/hash.h>
#include <linux/jhash.h>
#include <linux/log2.h>
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/random.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <kunit/visibility.h>

#include "hwsim.h"
#include "sec.h"

/* Smallest identity hash: 1024 buckets */
#define HWSIM_IDS_MIN_ORDER	10

static unsigned int readers = 1;
module_param(readers, uint, 0444);
MODULE_PARM_DESC(readers, "simulated readers created at load (default 1)");

DEFINE_MUTEX(hwsim_lock);	/* hwsim_readers, its generation, hwsim_n_readers */
LIST_HEAD(hwsim_readers);
unsigned int hwsim_readers_gen;
static unsigned int hwsim_n_readers;
struct workqueue_struct *hwsim_wq;
static struct platform_device *hwsim_pdev;
static struct dentry *hwsim_dbg_root;

/* ---- Identities ------------------------------------------------------------ */

/* An identity of @bits bits (MSB first) as a 128-bit number. */
static void id_to_num(const u8 *id, unsigned int bits, u64 *hi, u64 *lo)
{
	unsigned int i;

	*hi = 0;
	*lo = 0;
	for (i = 0; i < bits; i++) {
		*hi = *hi << 1 | *lo >> 63;
		*lo = *lo << 1 | ((id[i / 8] >> (7 - i % 8)) & 1);
	}
}

static void num_to_id(u64 hi, u64 lo, unsigned int bits, u8 *id)
{
	unsigned int i;

	memset(id, 0, AIOT_ID_MAX_OCTETS);
	for (i = 0; i < bits; i++) {
		unsigned int k = bits - 1 - i;	/* bit k of the number */
		u64 w = k < 64 ? lo >> k : hi >> (k - 64);

		if (w & 1)
			id[i / 8] |= 0x80 >> (i % 8);
	}
}

static u32 id_hash(const u8 *id, unsigned int bits)
{
	return jhash(id, DIV_ROUND_UP(bits, 8), bits);
}

static u32 dev_bucket(const struct hwsim_dev *dev, unsigned int order)
{
	return hash_32(id_hash(dev->id, dev->id_bits), order);
}

/**
 * hwsim_dev_find - a device of @hr by identity
 * @hr: the reader; under hr->lock
 * @id: the identity, MSB first (bits past @id_bits are ignored)
 * @id_bits: its length
 *
 * Return: the device, or NULL.
 */
struct hwsim_dev *hwsim_dev_find(struct hwsim_reader *hr, const u8 *id,
				 unsigned int id_bits)
{
	u8 key[AIOT_ID_MAX_OCTETS] = {};
	unsigned int len = DIV_ROUND_UP(id_bits, 8);
	struct hwsim_dev *dev;

	lockdep_assert_held(&hr->lock);
	if (!id_bits || id_bits > AIOT_ID_MAX_BITS)
		return NULL;
	memcpy(key, id, len);
	if (id_bits % 8)
		key[len - 1] &= 0xff00 >> (id_bits % 8);
	if (!hr->ids)
		return NULL;
	hlist_for_each_entry(dev, &hr->ids[hash_32(id_hash(key, id_bits), hr->ids_order)], hnode)
		if (dev->id_bits == id_bits && !memcmp(dev->id, key, len))
			return dev;
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_dev_find);

/* ---- Populations ----------------------------------------------------------- */

static_assert(AIOT_HWSIM_SEC_PROFILE_NORMATIVE == (int)AIOT_SEC_PROFILE_NORMATIVE);
static_assert(AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y == (int)AIOT_SEC_PROFILE_SOLUTION_Y);
static_assert(AIOT_HWSIM_SEC_PROFILE_SOLUTION_9 == (int)AIOT_SEC_PROFILE_SOLUTION_9);
/* a device keeps its configuration in 16 bits */
static_assert(AIOT_SOLY_CFG_ALL <= U16_MAX && AIOT_SOL9_CFG_ALL <= U16_MAX);

/** hwsim_sec_config_default - the configuration of a profile when none is given */
u32 hwsim_sec_config_default(u8 profile)
{
	switch (profile) {
	case AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y:
		return AIOT_SOLY_CFG_DEFAULT;
	case AIOT_HWSIM_SEC_PROFILE_SOLUTION_9:
		return AIOT_SOL9_CFG_DEFAULT;
	default:
		return 0;
	}
}

/**
 * hwsim_sec_config_check - is @config a configuration of @profile?
 * @profile: &enum aiot_hwsim_sec_profile
 * @config: AIOT_SOLY_CFG_* or AIOT_SOL9_CFG_* bits
 * @extack: why not
 *
 * The bits and their dependencies are those of <aiot/profile_values.h>.
 * Return: 0, or -EINVAL with the reason in @extack.
 */
int hwsim_sec_config_check(u8 profile, u32 config, struct netlink_ext_ack *extack)
{
	u8 pol = config & AIOT_SOL9_CFG_POLICY_MASK;

	switch (profile) {
	case AIOT_HWSIM_SEC_PROFILE_NORMATIVE:
		if (config) {
			NL_SET_ERR_MSG(extack, "the normative profile has no configuration");
			return -EINVAL;
		}
		return 0;
	case AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y:
		if (config & ~AIOT_SOLY_CFG_ALL) {
			NL_SET_ERR_MSG(extack, "a bit solution-y does not define");
			return -EINVAL;
		}
		if ((config & (AIOT_SOLY_CFG_RESYNC | AIOT_SOLY_CFG_PAGING_MAC)) &&
		    !(config & AIOT_SOLY_CFG_REPLAY)) {
			NL_SET_ERR_MSG(extack, "resync and paging-mac need the counter (replay)");
			return -EINVAL;
		}
		if ((config & AIOT_SOLY_CFG_CMD_CIPHER) && !(config & AIOT_SOLY_CFG_CMD_INT)) {
			NL_SET_ERR_MSG(extack, "ciphered commands need integrity protection");
			return -EINVAL;
		}
		return 0;
	case AIOT_HWSIM_SEC_PROFILE_SOLUTION_9:
		if (config & ~AIOT_SOL9_CFG_ALL || pol & AIOT_SOL9_POL_SPARE_MASK ||
		    (pol & AIOT_SOL9_POL_IDP_MASK) == AIOT_SOL9_POL_IDP_MASK ||
		    (pol & AIOT_SOL9_POL_INT_MASK) == AIOT_SOL9_POL_INT_MASK) {
			NL_SET_ERR_MSG(extack,
				       "not a solution-9 configuration: spare or reserved bits");
			return -EINVAL;
		}
		return 0;
	default:
		NL_SET_ERR_MSG(extack, "unknown security profile");
		return -EINVAL;
	}
}

/**
 * hwsim_pop_add - add a population of devices to a reader
 * @hr: the reader
 * @cfg: what to add
 * @extack: why not
 *
 * Return: 0, -EINVAL, -ERANGE (identities beyond their bit length, too
 * many devices), -EEXIST (an identity already there), -ENOMEM.
 */
int hwsim_pop_add(struct hwsim_reader *hr, const struct hwsim_pop_cfg *cfg,
		  struct netlink_ext_ack *extack)
{
	struct hwsim_cont *cont = NULL, *tmp = NULL;
	struct hwsim_pop *pop = NULL;
	struct hlist_head *ids = NULL;
	unsigned int order;
	u64 hi, lo, top_hi, top_lo;
	u32 *cnt = NULL, cap;
	u8 id[AIOT_ID_MAX_OCTETS];
	u32 i;
	int err;

	if (!cfg->count || !cfg->id_bits || cfg->id_bits > AIOT_ID_MAX_BITS ||
	    cfg->scheme != AIOT_HWSIM_ID_SCHEME_SEQUENTIAL ||
	    cfg->profile > AIOT_HWSIM_SEC_PROFILE_SOLUTION_9 ||
	    cfg->type > AIOT_HWSIM_DEVICE_TYPE_2B ||
	    cfg->policy > AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE ||
	    !cfg->mem_len || cfg->mem_len > AIOT_HWSIM_USER_MEM_MAX ||
	    !cfg->seed_len || cfg->seed_len > AIOT_HWSIM_SEED_MAX_LEN) {
		NL_SET_ERR_MSG(extack, "invalid population");
		return -EINVAL;
	}
	err = hwsim_sec_config_check(cfg->profile, cfg->sec_config, extack);
	if (err)
		return err;

	id_to_num(cfg->id, cfg->id_bits, &hi, &lo);
	/* the last identity, first + count - 1, must fit in id_bits */
	top_lo = lo + cfg->count - 1;
	top_hi = hi + (top_lo < lo);
	if (top_hi < hi ||
	    (cfg->id_bits < 128 &&
	     (cfg->id_bits <= 64 ? top_hi || (cfg->id_bits < 64 && top_lo >> cfg->id_bits) :
	      top_hi >> (cfg->id_bits - 64)))) {
		NL_SET_ERR_MSG(extack, "the identities do not fit in their bit length");
		return -ERANGE;
	}

	mutex_lock(&hr->lock);
	if (cfg->count > AIOT_HWSIM_MAX_DEVICES - hr->n_devs) {
		NL_SET_ERR_MSG(extack, "too many devices on this reader");
		err = -ERANGE;
		goto out;
	}
	for (i = 0; i < cfg->count; i++) {
		num_to_id(hi + (lo + i < lo), lo + i, cfg->id_bits, id);
		if (hwsim_dev_find(hr, id, cfg->id_bits)) {
			NL_SET_ERR_MSG(extack, "a device with one of these identities exists");
			err = -EEXIST;
			goto out;
		}
	}
	cap = hr->n_devs + cfg->count;
	order = max_t(unsigned int, HWSIM_IDS_MIN_ORDER, order_base_2(cap));
	err = -ENOMEM;
	pop = kvzalloc(struct_size(pop, devs, cfg->count), GFP_KERNEL);
	if (pop)
		pop->mem = kvcalloc(cfg->count, cfg->mem_len, GFP_KERNEL);
	if (pop && cfg->profile == AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y)
		pop->ys = kvcalloc(cfg->count, sizeof(*pop->ys), GFP_KERNEL);
	cont = kvmalloc_array(cap, sizeof(*cont), GFP_KERNEL);
	tmp = kvmalloc_array(cap, sizeof(*tmp), GFP_KERNEL);
	cnt = kvmalloc_array(cap + 1, sizeof(*cnt), GFP_KERNEL);
	if (order != hr->ids_order)
		ids = kvcalloc(1U << order, sizeof(*ids), GFP_KERNEL);
	if (!pop || !pop->mem || !cont || !tmp || !cnt ||
	    (cfg->profile == AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y && !pop->ys) ||
	    (order != hr->ids_order && !ids))
		goto err_free;
	pop->n = cfg->count;
	pop->profile = cfg->profile;
	for (i = 0; i < cfg->count; i++) {
		struct hwsim_dev *dev = &pop->devs[i];
		u32 h;

		num_to_id(hi + (lo + i < lo), lo + i, cfg->id_bits, dev->id);
		dev->id_bits = cfg->id_bits;
		err = hwsim_key_rule(cfg->seed, cfg->seed_len, dev->id,
				     cfg->id_bits, dev->k_root);
		if (err) {
			NL_SET_ERR_MSG(extack, "key derivation failed");
			goto err_free;
		}
		h = id_hash(dev->id, dev->id_bits);
		dev->pathloss_mb = AIOT_HWSIM_PATHLOSS_MIN_MB + h %
			(AIOT_HWSIM_PATHLOSS_MAX_MB - AIOT_HWSIM_PATHLOSS_MIN_MB + 1);
		dev->type = cfg->type;
		dev->profile = cfg->profile;
		dev->sec_config = cfg->sec_config;
		dev->policy = cfg->policy;
		dev->energy = cfg->energy;
		dev->state = cfg->energy ? AIOT_HWSIM_DEV_STATE_IDLE :
					   AIOT_HWSIM_DEV_STATE_NO_ENERGY;
		dev->r2d_mark = hr->r2d_bits;
		dev->mem = pop->mem + (size_t)i * cfg->mem_len;
		dev->mem_len = cfg->mem_len;
		if (pop->ys) {
			dev->ys = &pop->ys[i];
			dev->ys->dev = dev;
			INIT_HLIST_NODE(&dev->ys->hnode);
		}
	}
	/* a larger hash: every device already there moves into it */
	if (ids) {
		struct hwsim_pop *p;

		list_for_each_entry(p, &hr->pops, node)
			for (i = 0; i < p->n; i++)
				hlist_add_head(&p->devs[i].hnode,
					       &ids[dev_bucket(&p->devs[i], order)]);
		kvfree(hr->ids);
		hr->ids = ids;
		hr->ids_order = order;
	}
	for (i = 0; i < cfg->count; i++)
		hlist_add_head(&pop->devs[i].hnode,
			       &hr->ids[dev_bucket(&pop->devs[i], hr->ids_order)]);
	if (hr->n_cont)
		memcpy(cont, hr->cont, hr->n_cont * sizeof(*cont));
	swap(hr->cont, cont);
	swap(hr->cont_tmp, tmp);
	swap(hr->slot_cnt, cnt);
	kvfree(cont);
	kvfree(tmp);
	kvfree(cnt);
	hr->cont_cap = cap;
	list_add_tail(&pop->node, &hr->pops);
	hr->n_devs += cfg->count;
	hr->gen++;
	mutex_unlock(&hr->lock);
	return 0;

err_free:
	kvfree(ids);
	kvfree(cnt);
	kvfree(tmp);
	kvfree(cont);
	if (pop) {
		kvfree(pop->mem);
		kvfree(pop->ys);
	}
	kvfree(pop);
out:
	mutex_unlock(&hr->lock);
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_pop_add);

/** hwsim_pop_clear - remove every device of @hr */
void hwsim_pop_clear(struct hwsim_reader *hr)
{
	struct hwsim_pop *pop, *tmp;

	mutex_lock(&hr->lock);
	list_for_each_entry_safe(pop, tmp, &hr->pops, node) {
		list_del(&pop->node);
		kvfree(pop->mem);
		if (pop->ys)	/* keys of open sessions */
			memzero_explicit(pop->ys, pop->n * sizeof(*pop->ys));
		kvfree(pop->ys);
		kvfree(pop);
	}
	hash_init(hr->ytbl);
	kvfree(hr->ids);
	hr->ids = NULL;
	hr->ids_order = 0;
	kvfree(hr->cont);
	kvfree(hr->cont_tmp);
	kvfree(hr->slot_cnt);
	hr->cont = NULL;
	hr->cont_tmp = NULL;
	hr->slot_cnt = NULL;
	hr->cont_cap = 0;
	hr->n_cont = 0;
	hr->pool_n = 0;
	hr->slot_lo = 0;
	hr->slot_hi = 0;
	hr->n_devs = 0;
	hr->msg3_dev = NULL;
	hr->sel = NULL;
	hr->paged = false;
	hr->gen++;
	mutex_unlock(&hr->lock);
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_pop_clear);

/** hwsim_dev_set_energy - a new energy budget (0: out of energy now) */
void hwsim_dev_set_energy(struct hwsim_reader *hr, struct hwsim_dev *dev,
			  u32 energy)
{
	lockdep_assert_held(&hr->lock);
	dev->energy = energy;
	dev->r2d_mark = hr->r2d_bits;
	if (!energy) {
		if (dev->state != AIOT_HWSIM_DEV_STATE_NO_ENERGY)
			hr->stats.energy_outs++;
		dev->state = AIOT_HWSIM_DEV_STATE_NO_ENERGY;
		hwsimy_end(dev->ys);	/* only configuration, K and counter stay */
	} else if (dev->state == AIOT_HWSIM_DEV_STATE_NO_ENERGY) {
		dev->state = AIOT_HWSIM_DEV_STATE_IDLE;
	}
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_dev_set_energy);

/** hwsim_medium_set - bit error rate, capture effect, pacing, random seed */
void hwsim_medium_set(struct hwsim_reader *hr, u32 ber_ppm, bool capture,
		      bool paced, u64 seed)
{
	mutex_lock(&hr->lock);
	hr->ber_ppm = min_t(u32, ber_ppm, AIOT_HWSIM_BER_PPM_MAX);
	hr->capture = capture;
	hr->paced = paced;
	if (seed != hr->seed) {
		hr->seed = seed;
		prandom_seed_state(&hr->rnd, seed);
	}
	mutex_unlock(&hr->lock);
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_medium_set);

/* ---- debugfs ----------------------------------------------------------------- */

/* kill_energy: "<hex identity>[/<bits>]"; bits default to 4 per digit. */
static ssize_t hwsim_kill_write(struct file *file, const char __user *ubuf,
				size_t count, loff_t *ppos)
{
	struct hwsim_reader *hr = file->private_data;
	char buf[48], *slash, *p;
	unsigned int bits, digits = 0, b;
	u8 id[AIOT_ID_MAX_OCTETS];
	struct hwsim_dev *dev;
	u64 hi = 0, lo = 0;
	int v;

	if (count >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, count))
		return -EFAULT;
	buf[count] = 0;
	strim(buf);
	slash = strchr(buf, '/');
	if (slash)
		*slash++ = 0;
	for (p = buf; *p; p++) {
		v = hex_to_bin(*p);
		if (v < 0 || ++digits > AIOT_ID_MAX_BITS / 4)
			return -EINVAL;
		hi = hi << 4 | lo >> 60;
		lo = lo << 4 | v;
	}
	bits = digits * 4;
	if (slash && (kstrtouint(slash, 0, &b) || !b || b > AIOT_ID_MAX_BITS))
		return -EINVAL;
	if (slash)
		bits = b;
	if (!bits)
		return -EINVAL;
	num_to_id(hi, lo, bits, id);
	mutex_lock(&hr->lock);
	dev = hwsim_dev_find(hr, id, bits);
	if (dev)
		hwsim_dev_set_energy(hr, dev, 0);
	mutex_unlock(&hr->lock);
	return dev ? count : -ENOENT;
}

static const struct file_operations hwsim_kill_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = hwsim_kill_write,
	.llseek = noop_llseek,
};

/**
 * hwsim_reader_unplug - unregister and destroy @hr soon, from a work item
 * @hr: the reader; it must not be used once hwsim_flush() returned
 *
 * For fault injection: the reader disappears as a hot-unplugged device
 * would, whatever runs on it. Any context that may queue work.
 */
void hwsim_reader_unplug(struct hwsim_reader *hr)
{
	queue_work(hwsim_wq, &hr->unplug);
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_reader_unplug);

/** hwsim_flush - wait for queued unplugs and socket releases */
void hwsim_flush(void)
{
	flush_workqueue(hwsim_wq);
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_flush);

static ssize_t hwsim_unplug_write(struct file *file, const char __user *ubuf,
				  size_t count, loff_t *ppos)
{
	hwsim_reader_unplug(file->private_data);
	return count;
}

static const struct file_operations hwsim_unplug_fops = {
	.owner = THIS_MODULE,
	.open = simple_open,
	.write = hwsim_unplug_write,
	.llseek = noop_llseek,
};

/*
 * monitor: the frames on the air. Writing N (1..AIOT_HWSIM_MONITOR_MAX_FRAMES)
 * starts a capture into a new ring of N frames, 0 stops it and frees the
 * ring. Reading shows a header line, then one line per frame still in the
 * ring, oldest first: "seq time_ns R2D|D2R bits hex". The seq_file position
 * is the frame's sequence number + 1, so a read that continues after the
 * ring moved on skips what was overwritten and repeats nothing.
 */
static struct hwsim_mon_rec *hwsim_mon_at(struct hwsim_reader *hr, loff_t *pos)
{
	struct hwsim_mon *mon = hr->mon;
	u64 first, seq;
	u32 i;

	if (!mon)
		return NULL;
	first = mon->count > mon->cap ? mon->count - mon->cap : 0;
	seq = *pos - 1;
	if (seq < first) {
		seq = first;
		*pos = seq + 1;
	}
	if (seq >= mon->count)
		return NULL;
	div_u64_rem(seq, mon->cap, &i);
	return &mon->recs[i];
}

static void *hwsim_mon_start(struct seq_file *m, loff_t *pos)
{
	struct hwsim_reader *hr = m->private;

	mutex_lock(&hr->lock);
	if (!*pos)
		return SEQ_START_TOKEN;
	return hwsim_mon_at(hr, pos);
}

static void *hwsim_mon_next(struct seq_file *m, void *v, loff_t *pos)
{
	++*pos;
	return hwsim_mon_at(m->private, pos);
}

static void hwsim_mon_stop(struct seq_file *m, void *v)
{
	struct hwsim_reader *hr = m->private;

	mutex_unlock(&hr->lock);
}

static int hwsim_mon_show(struct seq_file *m, void *v)
{
	struct hwsim_reader *hr = m->private;
	const struct hwsim_mon *mon = hr->mon;
	const struct hwsim_mon_rec *rec = v;
	unsigned int i;

	if (v == SEQ_START_TOKEN) {
		if (!mon) {
			seq_puts(m, "# ring 0 captured 0 overwritten 0\n");
			return 0;
		}
		seq_printf(m, "# ring %u captured %llu overwritten %llu\n", mon->cap,
			   mon->count, mon->count > mon->cap ? mon->count - mon->cap : 0);
		return 0;
	}
	seq_printf(m, "%llu %llu %s %u ", rec->seq, rec->tstamp_ns,
		   rec->link == AIOT_LINK_R2D ? "R2D" : "D2R", rec->bits);
	for (i = 0; i < DIV_ROUND_UP(rec->bits, 8); i++)
		seq_printf(m, "%02x", rec->frame[i]);
	seq_putc(m, '\n');
	return 0;
}

static const struct seq_operations hwsim_mon_sops = {
	.start = hwsim_mon_start,
	.next = hwsim_mon_next,
	.stop = hwsim_mon_stop,
	.show = hwsim_mon_show,
};

static int hwsim_mon_open(struct inode *inode, struct file *file)
{
	int err = seq_open(file, &hwsim_mon_sops);

	if (!err)
		((struct seq_file *)file->private_data)->private = inode->i_private;
	return err;
}

static ssize_t hwsim_mon_write(struct file *file, const char __user *ubuf,
			       size_t count, loff_t *ppos)
{
	struct hwsim_reader *hr = ((struct seq_file *)file->private_data)->private;
	struct hwsim_mon *mon = NULL;
	unsigned int n;
	int err;

	err = kstrtouint_from_user(ubuf, count, 0, &n);
	if (err)
		return err;
	if (n > AIOT_HWSIM_MONITOR_MAX_FRAMES)
		return -ERANGE;
	if (n) {
		mon = kvzalloc(struct_size(mon, recs, n), GFP_KERNEL);
		if (!mon)
			return -ENOMEM;
		mon->cap = n;
	}
	mutex_lock(&hr->lock);
	swap(hr->mon, mon);
	mutex_unlock(&hr->lock);
	kvfree(mon);
	return count;
}

static const struct file_operations hwsim_mon_fops = {
	.owner = THIS_MODULE,
	.open = hwsim_mon_open,
	.read = seq_read,
	.write = hwsim_mon_write,
	.llseek = seq_lseek,
	.release = seq_release,
};

static void hwsim_debugfs_add(struct hwsim_reader *hr)
{
	hr->dbg = debugfs_create_dir(aiot_reader_name(hr->r), hwsim_dbg_root);
	debugfs_create_atomic_t("drop_next", 0600, hr->dbg, &hr->drop_next);
	debugfs_create_atomic_t("drop_msg3", 0600, hr->dbg, &hr->drop_msg3);
	debugfs_create_atomic_t("corrupt_next", 0600, hr->dbg, &hr->corrupt_next);
	debugfs_create_u32("delay_next_us", 0600, hr->dbg, &hr->delay_next_us);
	debugfs_create_file("kill_energy", 0200, hr->dbg, hr, &hwsim_kill_fops);
	debugfs_create_file("unplug", 0200, hr->dbg, hr, &hwsim_unplug_fops);
	debugfs_create_file("monitor", 0600, hr->dbg, hr, &hwsim_mon_fops);
}

/* ---- Readers ------------------------------------------------------------------ */

static void hwsim_reader_teardown(struct hwsim_reader *hr, bool from_unplug)
{
	debugfs_remove_recursive(hr->dbg);
	if (!from_unplug)
		cancel_work_sync(&hr->unplug);
	aiot_reader_unregister(hr->r);
	cancel_delayed_work_sync(&hr->late_work);
	hwsim_pop_clear(hr);
	kvfree(hr->mon);
	aiot_sec_ctx_free(hr->sec);
	aiot_reader_free(hr->r);
	mutex_lock(&hwsim_lock);
	hwsim_n_readers--;
	mutex_unlock(&hwsim_lock);
	kfree(hr);
}

/* Take @hr off the list; false when someone else already did. */
static bool hwsim_reader_unlist(struct hwsim_reader *hr)
{
	bool mine;

	mutex_lock(&hwsim_lock);
	mine = hr->listed;
	if (mine) {
		list_del(&hr->node);
		hr->listed = false;
		hwsim_readers_gen++;
	}
	mutex_unlock(&hwsim_lock);
	return mine;
}

static void hwsim_unplug_work(struct work_struct *work)
{
	struct hwsim_reader *hr = container_of(work, struct hwsim_reader, unplug);

	if (hwsim_reader_unlist(hr))
		hwsim_reader_teardown(hr, true);
}

/**
 * hwsim_reader_new - create and register a simulated reader
 * @owner: netlink port whose closing destroys it (0: none)
 * @owner_net: the cookie of that port's network namespace
 *
 * Return: the reader or an ERR_PTR (-ENOSPC: AIOT_HWSIM_MAX_READERS).
 */
struct hwsim_reader *hwsim_reader_new(u32 owner, u64 owner_net)
{
	const struct aiot_fe_limits limits = {
		.tx_power_min_mbm = AIOT_HWSIM_TX_POWER_MIN_MBM,
		.tx_power_max_mbm = AIOT_HWSIM_TX_POWER_MAX_MBM,
		.n_ports = 1,
		.rate_min_bps = AIOT_HWSIM_RATE_MIN_BPS,
		.rate_max_bps = AIOT_HWSIM_RATE_MAX_BPS,
	};
	const struct aiot_fe_params params = {
		.tx_power_mbm = AIOT_HWSIM_TX_POWER_MBM,
		.port = 0,
		.r2d_bps = AIOT_R2D_BPS,
		.d2r_bps = AIOT_D2R_BPS,
	};
	struct hwsim_reader *hr;
	int err;

	mutex_lock(&hwsim_lock);
	if (hwsim_n_readers >= AIOT_HWSIM_MAX_READERS) {
		mutex_unlock(&hwsim_lock);
		return ERR_PTR(-ENOSPC);
	}
	hwsim_n_readers++;
	mutex_unlock(&hwsim_lock);

	err = -ENOMEM;
	hr = kzalloc(sizeof(*hr), GFP_KERNEL);
	if (!hr)
		goto err_count;
	mutex_init(&hr->lock);
	INIT_LIST_HEAD(&hr->pops);
	hash_init(hr->ytbl);
	INIT_WORK(&hr->unplug, hwsim_unplug_work);
	INIT_DELAYED_WORK(&hr->late_work, hwsim_late_work);
	hr->owner = owner;
	hr->owner_net = owner_net;
	hr->params = params;
	hr->seed = get_random_u64();
	prandom_seed_state(&hr->rnd, hr->seed);
	hr->sec = aiot_sec_ctx_alloc(GFP_KERNEL);
	if (!hr->sec)
		goto err_free;
	hr->r = aiot_reader_alloc(&hwsim_fe_ops, 0, sizeof(hr), &hwsim_pdev->dev);
	if (IS_ERR(hr->r)) {
		err = PTR_ERR(hr->r);
		goto err_sec;
	}
	*(struct hwsim_reader **)aiot_reader_priv(hr->r) = hr;
	aiot_reader_set_limits(hr->r, &limits);
	aiot_reader_set_params(hr->r, &params);
	err = aiot_reader_register(hr->r);
	if (err)
		goto err_reader;
	hr->index = aiot_reader_index(hr->r);
	hwsim_debugfs_add(hr);
	mutex_lock(&hwsim_lock);
	list_add_tail(&hr->node, &hwsim_readers);
	hr->listed = true;
	hwsim_readers_gen++;
	mutex_unlock(&hwsim_lock);
	return hr;

err_reader:
	aiot_reader_free(hr->r);
err_sec:
	aiot_sec_ctx_free(hr->sec);
err_free:
	kfree(hr);
err_count:
	mutex_lock(&hwsim_lock);
	hwsim_n_readers--;
	mutex_unlock(&hwsim_lock);
	return ERR_PTR(err);
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_reader_new);

/**
 * hwsim_reader_destroy - unregister and free a simulated reader
 * @hr: the reader
 *
 * A job running on it ends with cause reader-gone. May sleep.
 * Return: 0, or -ENODEV when it is already being destroyed.
 */
int hwsim_reader_destroy(struct hwsim_reader *hr)
{
	if (!hwsim_reader_unlist(hr))
		return -ENODEV;
	hwsim_reader_teardown(hr, false);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_reader_destroy);

/**
 * hwsim_reader_del_index - destroy the simulated reader with aiot index @index
 * @index: its index
 *
 * Return: 0, or -ENODEV when there is none.
 */
int hwsim_reader_del_index(int index)
{
	struct hwsim_reader *hr;

	mutex_lock(&hwsim_lock);
	hr = hwsim_reader_find(index);
	if (hr) {
		list_del(&hr->node);
		hr->listed = false;
		hwsim_readers_gen++;
	}
	mutex_unlock(&hwsim_lock);
	if (!hr)
		return -ENODEV;
	hwsim_reader_teardown(hr, false);
	return 0;
}

/* The simulated reader with aiot index @index; under hwsim_lock. */
struct hwsim_reader *hwsim_reader_find(int index)
{
	struct hwsim_reader *hr;

	lockdep_assert_held(&hwsim_lock);
	list_for_each_entry(hr, &hwsim_readers, node)
		if (hr->index == index)
			return hr;
	return NULL;
}

struct aiot_reader *hwsim_reader_aiot(struct hwsim_reader *hr)
{
	return hr->r;
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_reader_aiot);

/* The socket @owner of namespace @owner_net closed: destroy its readers. */
void hwsim_reader_destroy_owner(u32 owner, u64 owner_net)
{
	struct hwsim_reader *hr, *tmp;
	LIST_HEAD(gone);

	mutex_lock(&hwsim_lock);
	list_for_each_entry_safe(hr, tmp, &hwsim_readers, node) {
		if (!hr->owner || hr->owner != owner || hr->owner_net != owner_net)
			continue;
		list_move_tail(&hr->node, &gone);
		hr->listed = false;
		hwsim_readers_gen++;
	}
	mutex_unlock(&hwsim_lock);
	list_for_each_entry_safe(hr, tmp, &gone, node) {
		list_del(&hr->node);
		hwsim_reader_teardown(hr, false);
	}
}

static void hwsim_destroy_all(void)
{
	struct hwsim_reader *hr;

	for (;;) {
		mutex_lock(&hwsim_lock);
		hr = list_first_entry_or_null(&hwsim_readers, struct hwsim_reader, node);
		if (hr) {
			list_del(&hr->node);
			hr->listed = false;
			hwsim_readers_gen++;
		}
		mutex_unlock(&hwsim_lock);
		if (!hr)
			break;
		hwsim_reader_teardown(hr, false);
	}
}

static int __init hwsim_init(void)
{
	struct hwsim_reader *hr;
	unsigned int i;
	int err;

	if (readers > AIOT_HWSIM_MAX_READERS)
		return -EINVAL;
	hwsim_wq = alloc_ordered_workqueue("aiot_hwsim", 0);
	if (!hwsim_wq)
		return -ENOMEM;
	hwsim_pdev = platform_device_register_simple("aiot_hwsim", -1, NULL, 0);
	if (IS_ERR(hwsim_pdev)) {
		err = PTR_ERR(hwsim_pdev);
		goto err_wq;
	}
	hwsim_dbg_root = debugfs_create_dir("aiot_hwsim", NULL);
	for (i = 0; i < readers; i++) {
		hr = hwsim_reader_new(0, 0);
		if (IS_ERR(hr)) {
			err = PTR_ERR(hr);
			goto err_readers;
		}
	}
	err = hwsim_nl_init();
	if (err)
		goto err_readers;
	return 0;

err_readers:
	hwsim_destroy_all();
	debugfs_remove_recursive(hwsim_dbg_root);
	platform_device_unregister(hwsim_pdev);
err_wq:
	destroy_workqueue(hwsim_wq);
	return err;
}

static void __exit hwsim_exit(void)
{
	hwsim_nl_exit();
	hwsim_destroy_all();
	/* release and unplug work still queued finds nothing left to do */
	destroy_workqueue(hwsim_wq);
	debugfs_remove_recursive(hwsim_dbg_root);
	platform_device_unregister(hwsim_pdev);
}

module_init(hwsim_init);
module_exit(hwsim_exit);

MODULE_DESCRIPTION("Simulated A-IoT reader front end with simulated devices");
MODULE_LICENSE("GPL");
