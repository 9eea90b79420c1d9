// SPDX-License-Identifier: GPL-2.0
/*
 * aiot_hwsim: the simulated devices and the medium between them and the
 * reader. The core hands the front end one R2D frame at a time (xmit); the
 * devices that hear it act on it at once, in the caller's context, and the
 * medium turns their answers into what the reader hears in the D2R window:
 * nothing, a collision, or one frame (possibly with bit errors), with its
 * RSSI and the simulated time. Nothing is allocated per frame.
 *
 * Device side, normative profile (seed 001 inventory, seed 003 command):
 * paging by target, framed slotted access with a random RN16, Msg3 with an
 * AIoT NAS Inventory Response (RES_AIOT over K_AIoT_root, RAND_n, RAND_d),
 * then contention-free commands protected with K_Command_enc/int derived
 * from K_AIOTF of the last inventory.
 */
#include <linux/delay.h>
#include <linux/jhash.h>
#include <linux/kernel.h>
#include <linux/math64.h>
#include <linux/prandom.h>
#include <linux/string.h>
#include <kunit/visibility.h>

#include "hwsim.h"
#include "nas.h"
#include "sec.h"

/* ---- Bits and identities ---------------------------------------------------- */

static bool bit_at(const u8 *buf, unsigned int b)
{
	return buf[b / 8] & (0x80 >> (b % 8));
}

/* Copy @bits bits of @src (MSB first) to bit @at of @dst. */
static void bits_put(u8 *dst, unsigned int at, const u8 *src, unsigned int bits)
{
	unsigned int i;

	for (i = 0; i < bits; i++) {
		unsigned int d = at + i;

		if (bit_at(src, i))
			dst[d / 8] |= 0x80 >> (d % 8);
		else
			dst[d / 8] &= ~(0x80 >> (d % 8));
	}
}

/* Copy @bits bits from bit @at of @src to the start of @dst. */
static void bits_get(u8 *dst, const u8 *src, unsigned int at, unsigned int bits)
{
	unsigned int i;

	memset(dst, 0, DIV_ROUND_UP(bits, 8));
	for (i = 0; i < bits; i++)
		if (bit_at(src, at + i))
			dst[i / 8] |= 0x80 >> (i % 8);
}

/* The first @bits bits of @a and @b are equal. */
static bool bits_prefix_eq(const u8 *a, const u8 *b, unsigned int bits)
{
	unsigned int full = bits / 8, rest = bits % 8;

	if (memcmp(a, b, full))
		return false;
	return !rest || !((a[full] ^ b[full]) & (0xff00 >> rest));
}

/**
 * hwsim_key_rule - K_AIoT_root of a simulated device
 * @seed: the population's key seed
 * @seed_len: its length in octets
 * @id: the device's identity, MSB first, zero padded
 * @id_bits: its length in bits
 * @k_root: AIOT_K_ROOT_LEN octets out
 *
 * The rule of <aiot/hwsim_values.h>: the first AIOT_K_ROOT_LEN octets of
 * HMAC-SHA-256(seed, AIOT_HWSIM_KEY_LABEL | id_bits | ID).
 *
 * Return: 0 or an error of the security engine.
 */
int hwsim_key_rule(const u8 *seed, unsigned int seed_len, const u8 *id,
		   unsigned int id_bits, u8 *k_root)
{
	u8 data[AIOT_HWSIM_KEY_LABEL_LEN + 1 + AIOT_ID_MAX_OCTETS];
	u8 mac[AIOT_KDF_OUT_LEN];
	unsigned int idlen = DIV_ROUND_UP(id_bits, 8);
	int err;

	memcpy(data, AIOT_HWSIM_KEY_LABEL, AIOT_HWSIM_KEY_LABEL_LEN);
	data[AIOT_HWSIM_KEY_LABEL_LEN] = id_bits;
	memcpy(data + AIOT_HWSIM_KEY_LABEL_LEN + 1, id, idlen);
	err = aiot_hmac_sha256(seed, seed_len, data,
			       AIOT_HWSIM_KEY_LABEL_LEN + 1 + idlen, mac);
	if (!err)
		memcpy(k_root, mac, AIOT_K_ROOT_LEN);
	memzero_explicit(mac, sizeof(mac));
	return err;
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_key_rule);

/* D2R RSSI of @dev at the reader, mBm (the link model). */
s32 hwsim_dev_rssi(const struct hwsim_reader *hr, const struct hwsim_dev *dev)
{
	return hr->params.tx_power_mbm - 2 * (s32)dev->pathloss_mb -
	       AIOT_HWSIM_D2R_LOSS_MB;
}

/* ---- AES block count (the energy proxy) -------------------------------------- */

/*
 * 128-NIA2 over @len octets: AES-CMAC over the 8-octet COUNT | BEARER |
 * DIRECTION header and the message, one block per 16 octets (at least
 * one), plus one for the subkey L = AES(K, 0).
 */
unsigned int hwsim_aes_nia2(unsigned int len)
{
	return max(DIV_ROUND_UP(AIOT_SEC_NAS_HDR_LEN + len, 16), 1U) + 1;
}

/* 128-NEA2 over @len octets: one AES block of keystream per 16 octets. */
unsigned int hwsim_aes_nea2(unsigned int len)
{
	return DIV_ROUND_UP(len, 16);
}

/* @dev runs @kdf derivations and @blocks AES blocks: counted, and their energy into @nj. */
void hwsim_count(struct hwsim_dev *dev, unsigned int kdf, unsigned int blocks, u64 *nj)
{
	dev->kdf_ops += kdf;
	dev->aes_blocks += blocks;
	*nj += (u64)kdf * AIOT_HWSIM_E_KDF_NJ + (u64)blocks * AIOT_HWSIM_E_AES_BLOCK_NJ;
}

/* ---- Energy ------------------------------------------------------------------ */

/*
 * Charge @dev for the R2D bits it heard since it was last charged and for
 * @nj more. Returns false, and the device is out of energy and silent,
 * when its budget does not cover it.
 */
static bool hwsim_charge(struct hwsim_reader *hr, struct hwsim_dev *dev, u64 nj)
{
	u64 cost;

	if (dev->state == AIOT_HWSIM_DEV_STATE_NO_ENERGY)
		return false;
	dev->rx_bits += hr->r2d_bits - dev->r2d_mark;
	cost = nj + (hr->r2d_bits - dev->r2d_mark) * AIOT_HWSIM_E_RX_BIT_NJ;
	dev->r2d_mark = hr->r2d_bits;
	if (dev->energy == AIOT_HWSIM_ENERGY_UNLIMITED)
		return true;
	if (cost >= dev->energy) {
		dev->energy = 0;
		dev->state = AIOT_HWSIM_DEV_STATE_NO_ENERGY;
		hr->stats.energy_outs++;
		hwsimy_end(dev->ys);	/* only configuration, K and counter stay */
		return false;
	}
	dev->energy -= cost;
	return true;
}

/* A device starts to take part in a procedure with the frame just heard. */
static void hwsim_engage(struct hwsim_reader *hr, struct hwsim_dev *dev,
			 unsigned int bits)
{
	dev->r2d_mark = hr->r2d_bits - bits;
}

/* ---- What the reader hears ------------------------------------------------ */

/**
 * struct hwsim_air - the answers of one D2R window
 * @n: devices that sent
 * @best: the strongest of them
 * @best_rssi: its RSSI
 * @second_rssi: the RSSI of the next strongest
 */
struct hwsim_air {
	unsigned int n;
	struct hwsim_dev *best;
	s32 best_rssi;
	s32 second_rssi;
};

/*
 * @dev sends @msg: it pays for the bits (and @extra_nj), and the medium
 * keeps the strongest answer. Returns false when the device ran out of
 * energy and sent nothing.
 */
static bool hwsim_send(struct hwsim_reader *hr, struct hwsim_air *air,
		       struct hwsim_dev *dev, const struct aiot_msg *msg,
		       u64 extra_nj)
{
	int pdu = aiot_pdu_bits(msg);
	unsigned int bits;
	s32 rssi;

	if (pdu < 0)
		return false;
	bits = aiot_frame_bits_for(pdu);
	if (!hwsim_charge(hr, dev, extra_nj + (u64)bits * AIOT_HWSIM_E_TX_BIT_NJ))
		return false;
	dev->tx_frames++;
	dev->tx_bits += bits;
	hr->stats.d2r_frames++;
	rssi = hwsim_dev_rssi(hr, dev);
	if (!air->n || rssi > air->best_rssi) {
		air->second_rssi = air->n ? air->best_rssi : S32_MIN;
		air->best_rssi = rssi;
		air->best = dev;
		if (msg != &hr->ans_msg)
			hr->ans_msg = *msg;
	} else if (rssi > air->second_rssi) {
		air->second_rssi = rssi;
	}
	air->n++;
	return true;
}

/* ---- Inventory ------------------------------------------------------------ */

static u32 hwsim_rand(struct hwsim_reader *hr)
{
	return prandom_u32_state(&hr->rnd);
}

static u32 frame_slots(const struct aiot_fsize *fs)
{
	return fs->explicit_size ? fs->slots : 1U << fs->q;
}

static bool hwsim_matches(const struct hwsim_dev *dev, const struct aiot_paging *p)
{
	switch (p->id_type) {
	case AIOT_ID_NONE:
		return true;
	case AIOT_ID_PERMANENT:
		return p->id_bits == dev->id_bits &&
		       bits_prefix_eq(p->id, dev->id, p->id_bits);
	case AIOT_ID_FILTER:	/* the filter is a prefix of the identity */
		return p->id_bits <= dev->id_bits &&
		       bits_prefix_eq(p->id, dev->id, p->id_bits);
	default:		/* no T-ID in the normative profile */
		return false;
	}
}

/* The Msg3 sent last is acknowledged by any other R2D PDU. */
static void hwsim_ack_msg3(struct hwsim_reader *hr)
{
	if (hr->msg3_dev && hr->msg3_dev->state == AIOT_HWSIM_DEV_STATE_MSG3)
		hr->msg3_dev->state = AIOT_HWSIM_DEV_STATE_READ;
	hr->msg3_dev = NULL;
}

/* Devices that sent Msg1 in the slot that ends and got no Msg2 retry later. */
static void hwsim_end_slot(struct hwsim_reader *hr)
{
	u32 i;

	for (i = hr->slot_lo; i < hr->slot_hi; i++)
		if (hr->cont[i].dev->state == AIOT_HWSIM_DEV_STATE_REPLIED)
			hr->cont[i].dev->state = AIOT_HWSIM_DEV_STATE_CONTENDING;
	hr->slot_hi = hr->slot_lo;
}

/*
 * Slot choice. Every contender of an access frame of S slots picks one of
 * them uniformly and independently. Drawing that for every contender when
 * the frame starts costs O(contenders) per frame, and the reader's
 * estimator may start a new frame after a few slots, many times while the
 * backlog is large. So the medium draws a slot's contenders only when the
 * slot comes: with r contenders left and m slots left (this one included),
 * each is in this slot with probability 1/m, independently of the slots
 * already passed, so their number is binomial B(r, 1/m) and which of the r
 * they are is a uniform choice. The cost is O(log r + contenders of the
 * slot) per slot that comes. When a slot would hold more than about
 * HWSIM_LAZY_MAX_MEAN contenders on average, the binomial's probabilities
 * are too small for the fixed-point inversion; the medium then draws every
 * remaining contender's slot at once (hwsim_draw_all()), as before.
 */
#define HWSIM_Q62_ONE		BIT_ULL(62)
#define HWSIM_LAZY_MAX_MEAN	16
/* smallest P(0) the inversion starts from: 2^20 / 2^62 (n/m up to ~29) */
#define HWSIM_BINOM_MIN_P0	BIT_ULL(20)

/*
 * A sample of B(@n, 1/@m), @m >= 2, by inversion in Q62 fixed point, or
 * U32_MAX when P(0) = (1 - 1/m)^n is below HWSIM_BINOM_MIN_P0.
 */
VISIBLE_IF_KUNIT u32 hwsim_binomial(struct rnd_state *rnd, u32 n, u32 m)
{
	u64 q = mul_u64_u64_div_u64(HWSIM_Q62_ONE, m - 1, m);
	u64 p = HWSIM_Q62_ONE, u, cdf;
	u32 e = n, k = 0;

	while (e) {		/* p = q^n */
		if (e & 1)
			p = mul_u64_u64_shr(p, q, 62);
		e >>= 1;
		if (e)
			q = mul_u64_u64_shr(q, q, 62);
	}
	if (p < HWSIM_BINOM_MIN_P0)
		return U32_MAX;
	u = ((u64)prandom_u32_state(rnd) << 32 | prandom_u32_state(rnd)) >> 2;
	for (cdf = p; u >= cdf && k < n && p; cdf += p) {
		/* P(k + 1) = P(k) (n - k) / ((k + 1) (m - 1)) */
		p = mul_u64_u64_div_u64(p, n - k, (u64)(k + 1) * (m - 1));
		k++;
	}
	return k;
}
EXPORT_SYMBOL_IF_KUNIT(hwsim_binomial);

/*
 * Every contender still to be drawn picks its slot among the frame's slots
 * from the current one; they are sorted by slot, latest first, so that the
 * slots to come are taken from the end of the pool. A counting sort: the
 * frame has fewer slots than contenders.
 */
static void hwsim_draw_all(struct hwsim_reader *hr)
{
	u32 m = hr->frame_slots - hr->cur_slot, n = hr->pool_n, i, s;
	u32 *cnt = hr->slot_cnt;

	memset(cnt, 0, (m + 1) * sizeof(*cnt));
	for (i = 0; i < n; i++) {
		/* latest slot first: key 0 is the frame's last slot */
		u32 key = reciprocal_scale(hwsim_rand(hr), m);

		hr->cont[i].slot = hr->frame_slots - 1 - key;
		cnt[key + 1]++;
	}
	for (s = 1; s <= m; s++)
		cnt[s] += cnt[s - 1];
	for (i = 0; i < n; i++) {
		u32 key = hr->frame_slots - 1 - hr->cont[i].slot;

		hr->cont_tmp[cnt[key]++] = hr->cont[i];
	}
	memcpy(hr->cont, hr->cont_tmp, n * sizeof(*hr->cont));
	hr->eager = true;
}

/* The contenders of the current slot: [@slot_lo, @slot_hi) of @cont. */
static void hwsim_draw_slot(struct hwsim_reader *hr)
{
	u32 top = hr->pool_n, k;

	if (hr->cur_slot >= hr->frame_slots) {
		hr->slot_lo = top;
		hr->slot_hi = top;
		return;
	}
	if (!hr->eager) {
		u32 m = hr->frame_slots - hr->cur_slot;

		k = m == 1 ? hr->pool_n : hwsim_binomial(&hr->rnd, hr->pool_n, m);
		if (k == U32_MAX)
			hwsim_draw_all(hr);
		else
			while (k--) {	/* a uniform choice among the pool */
				u32 j = reciprocal_scale(hwsim_rand(hr), hr->pool_n);

				hr->pool_n--;
				swap(hr->cont[j], hr->cont[hr->pool_n]);
			}
	}
	if (hr->eager)
		while (hr->pool_n && hr->cont[hr->pool_n - 1].slot == hr->cur_slot)
			hr->pool_n--;
	hr->slot_lo = hr->pool_n;
	hr->slot_hi = top;
}

/*
 * A new access frame of @slots slots: the contenders that drew a slot in
 * the last frame and still contend join the ones that did not draw yet
 * (those are filtered when they draw: a device that stopped contending
 * without drawing, out of energy, sends nothing in its slot).
 */
static void hwsim_new_frame(struct hwsim_reader *hr, u32 slots)
{
	u32 i, n = hr->pool_n;

	for (i = hr->pool_n; i < hr->n_cont; i++)
		if (hr->cont[i].dev->state == AIOT_HWSIM_DEV_STATE_CONTENDING)
			hr->cont[n++] = hr->cont[i];
	hr->n_cont = n;
	hr->pool_n = n;
	hr->frame_slots = max(slots, 1U);
	hr->cur_slot = 0;
	hr->eager = false;
	if (n > HWSIM_LAZY_MAX_MEAN * hr->frame_slots)
		hwsim_draw_all(hr);
	hr->slot_lo = n;
	hr->slot_hi = n;
}

/* The contenders whose slot has come send Msg1. */
static void hwsim_slot(struct hwsim_reader *hr, struct hwsim_air *air)
{
	struct aiot_msg msg = { .type = AIOT_MSG_MSG1 };
	u32 i;

	hwsim_draw_slot(hr);
	for (i = hr->slot_lo; i < hr->slot_hi; i++) {
		struct hwsim_dev *dev = hr->cont[i].dev;

		if (dev->state != AIOT_HWSIM_DEV_STATE_CONTENDING)
			continue;
		msg.rn16 = hwsim_rand(hr);
		if (!hwsim_send(hr, air, dev, &msg, 0))
			continue;
		dev->rn16 = msg.rn16;
		dev->state = AIOT_HWSIM_DEV_STATE_REPLIED;
	}
}

static void hwsim_cbra_paging(struct hwsim_reader *hr, const struct aiot_paging *p,
			      unsigned int bits, struct hwsim_air *air)
{
	/*
	 * normative devices act on no NAS container; solution-9 ones need NN,
	 * solution-y ones a Y Paging Request
	 */
	bool normative = p->cont_type != AIOT_CONT_NAS, sol9 = hwsim9_paging_for_us(p);
	struct aiot_nas_msg ypr;
	bool soly = hwsimy_paging_request(p, &ypr);
	struct hwsim_pop *pop;
	u32 i, n = 0;

	hr->msg3_dev = NULL;
	hr->sel = NULL;
	hr->paged = true;
	hr->txn = p->txn;
	hr->s9_id_type = p->id_type;
	memset(hr->rand_n, 0, sizeof(hr->rand_n));
	if (p->cont_type == AIOT_CONT_RAND)
		memcpy(hr->rand_n, p->cont, min_t(u32, p->cont_len, AIOT_RAND_N_LEN));
	list_for_each_entry(pop, &hr->pops, node) {
		for (i = 0; i < pop->n; i++) {
			struct hwsim_dev *dev = &pop->devs[i];
			u64 nj = 0;

			if (dev->state == AIOT_HWSIM_DEV_STATE_NO_ENERGY)
				continue;
			dev->state = AIOT_HWSIM_DEV_STATE_IDLE;
			if (dev->disabled)
				continue;
			if (pop->profile == AIOT_HWSIM_SEC_PROFILE_SOLUTION_9) {
				bool match;

				if (!sol9)
					continue;
				/* every one of them pays to find out */
				hwsim_engage(hr, dev, bits);
				match = hwsim9_match(hr, dev, p, NULL, &nj);
				if (!hwsim_charge(hr, dev, nj) || !match)
					continue;
			} else if (pop->profile == AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y) {
				bool match;

				if (!soly)
					continue;
				hwsim_engage(hr, dev, bits);
				match = hwsimy_paged(hr, dev, p, &ypr, &nj);
				if (!hwsim_charge(hr, dev, nj) || !match)
					continue;
			} else if (!normative || !hwsim_matches(dev, p)) {
				continue;
			} else {
				hwsim_engage(hr, dev, bits);
			}
			dev->state = AIOT_HWSIM_DEV_STATE_CONTENDING;
			hr->cont[n++].dev = dev;
		}
	}
	hr->n_cont = n;
	hr->pool_n = n;
	hwsim_new_frame(hr, frame_slots(&p->fs));
	hwsim_slot(hr, air);
}

static void hwsim_trigger(struct hwsim_reader *hr, const struct aiot_trigger *t,
			  struct hwsim_air *air)
{
	u32 i;

	if (!hr->paged || t->txn != hr->txn)
		return;
	hwsim_end_slot(hr);
	switch (t->cmd) {
	case AIOT_TRIG_REPEAT:
		hr->cur_slot++;
		hwsim_slot(hr, air);
		break;
	case AIOT_TRIG_ADJUST:
		hr->stats.frames++;
		hwsim_new_frame(hr, frame_slots(&t->fs));
		hwsim_slot(hr, air);
		break;
	default:	/* end: the access window closes */
		for (i = 0; i < hr->n_cont; i++)
			if (hr->cont[i].dev->state == AIOT_HWSIM_DEV_STATE_CONTENDING)
				hr->cont[i].dev->state = AIOT_HWSIM_DEV_STATE_IDLE;
		hr->n_cont = 0;
		hr->pool_n = 0;
		hr->paged = false;
		break;
	}
}

/* One segment of the NAS PDU of @msg3_dev, from bit @at. */
static void hwsim_inv_segment(struct hwsim_reader *hr, unsigned int at,
			      struct aiot_msg *msg)
{
	unsigned int len = min_t(unsigned int, hr->inv_nas_bits - at, AIOT_SEG_MAX_BITS);

	memset(msg, 0, sizeof(*msg));
	msg->type = at ? AIOT_MSG_D2R_DATA : AIOT_MSG_MSG3;
	msg->data.as_id = hr->msg3_dev->as_id;
	msg->data.offset = at;
	msg->data.len = len;
	msg->data.more = at + len < hr->inv_nas_bits;
	bits_get(msg->data.data, hr->inv_nas, at, len);
}

/*
 * The answer in Msg3 of @dev: the AIoT NAS Inventory Response (RAND_d and
 * RES_AIOT), or its profile's; what it costs into @nj.
 */
static int hwsim_inv_response(struct hwsim_reader *hr, struct hwsim_dev *dev, u64 *nj)
{
	struct aiot_nas_msg m = {
		.type = AIOT_NAS_MT_INVENTORY_RSP,
		.id_type = AIOT_ID_PERMANENT,
		.id_bits = dev->id_bits,
		.id = dev->id,
	};
	u8 res[AIOT_RES_LEN];
	int len, err;

	if (dev->profile == AIOT_HWSIM_SEC_PROFILE_SOLUTION_9)
		return hwsim9_auth_response(hr, dev, nj);
	if (dev->profile == AIOT_HWSIM_SEC_PROFILE_SOLUTION_Y)
		return hwsimy_access_response(hr, dev, nj);
	*nj += AIOT_HWSIM_E_KDF_NJ;
	prandom_bytes_state(&hr->rnd, dev->rand_d, sizeof(dev->rand_d));
	memcpy(dev->rand_n, hr->rand_n, sizeof(dev->rand_n));
	err = aiot_res_aiot(dev->k_root, dev->rand_n, dev->rand_d, res);
	dev->kdf_ops++;
	if (err)
		return err;
	dev->auth = true;
	m.rand_d = dev->rand_d;
	m.res = res;
	len = aiot_nas_encode(&m, hr->inv_nas, sizeof(hr->inv_nas));
	if (len < 0)
		return len;
	hr->inv_nas_bits = len * 8;
	return 0;
}

static void hwsim_msg2(struct hwsim_reader *hr, const struct aiot_ra_rsp *ra,
		       struct hwsim_air *air)
{
	struct hwsim_dev *dev = NULL;
	u64 nj = 0;
	u32 i;

	if (hr->msg3_dev && hr->msg3_dev->rn16 == ra->rn16) {
		dev = hr->msg3_dev;	/* Msg3 lost: send it again */
	} else {
		hwsim_ack_msg3(hr);
		for (i = hr->slot_lo; i < hr->slot_hi; i++) {
			struct hwsim_dev *d = hr->cont[i].dev;

			if (d->state != AIOT_HWSIM_DEV_STATE_REPLIED)
				continue;
			if (d->rn16 != ra->rn16) {	/* lost the slot */
				d->state = AIOT_HWSIM_DEV_STATE_CONTENDING;
				continue;
			}
			if (dev)	/* same RN16: both answer */
				continue;
			dev = d;
		}
		if (!dev)
			return;
		if (hwsim_inv_response(hr, dev, &nj))
			return;
		hr->msg3_dev = dev;
	}
	dev->as_id = ra->as_id;
	dev->state = AIOT_HWSIM_DEV_STATE_MSG3;
	hr->msg3_at = 0;
	hwsim_inv_segment(hr, 0, &hr->ans_msg);
	if (hwsim_send(hr, air, dev, &hr->ans_msg, nj))
		hr->msg3_at = hr->ans_msg.data.len;
	else
		hr->msg3_dev = NULL;
}

static void hwsim_nack(struct hwsim_reader *hr, const struct aiot_ra_rsp *ra)
{
	struct hwsim_dev *dev = hr->msg3_dev;

	if (!dev || dev->rn16 != ra->rn16) {
		hwsim_ack_msg3(hr);
		return;
	}
	dev->state = AIOT_HWSIM_DEV_STATE_CONTENDING;	/* a later frame */
	hr->msg3_dev = NULL;
}

/* ---- Commands ------------------------------------------------------------- */

/*
 * A contention-free solution-9 paging: every solution-9 device that could
 * be meant derives and compares (by permanent identity, under the clear-ID
 * policy, only @dev); the first that finds itself is selected, with k_N'
 * of the paging.
 */
static struct hwsim_dev *hwsim9_cfra_select(struct hwsim_reader *hr,
					    const struct aiot_paging *p,
					    unsigned int bits, struct hwsim_dev *dev)
{
	struct hwsim_dev *sel = NULL;
	struct hwsim_pop *pop;
	u64 nj = 0;
	u32 i;

	memcpy(hr->s9_nn, p->cont, sizeof(hr->s9_nn));
	memcpy(hr->s9_idf, p->id, sizeof(hr->s9_idf));
	hr->s9_idf_bits = p->id_bits;
	if (dev) {
		hwsim_engage(hr, dev, bits);
		if (!hwsim9_match(hr, dev, p, hr->s9_kn, &nj) || !hwsim_charge(hr, dev, nj))
			return NULL;
		return dev;
	}
	list_for_each_entry(pop, &hr->pops, node) {
		if (pop->profile != AIOT_HWSIM_SEC_PROFILE_SOLUTION_9)
			continue;
		for (i = 0; i < pop->n; i++) {
			bool match;

			dev = &pop->devs[i];
			if (dev->disabled || dev->state == AIOT_HWSIM_DEV_STATE_NO_ENERGY)
				continue;
			nj = 0;
			hwsim_engage(hr, dev, bits);
			match = hwsim9_match(hr, dev, p, sel ? NULL : hr->s9_kn, &nj);
			if (hwsim_charge(hr, dev, nj) && match && !sel)
				sel = dev;
		}
	}
	return sel;
}

static void hwsim_cfra_paging(struct hwsim_reader *hr, const struct aiot_paging *p,
			      unsigned int bits)
{
	struct hwsim_dev *dev;

	hwsim_ack_msg3(hr);
	if (hr->sel && hr->sel->state == AIOT_HWSIM_DEV_STATE_SELECTED)
		hr->sel->state = AIOT_HWSIM_DEV_STATE_IDLE;
	hr->sel = NULL;
	memzero_explicit(hr->s9_kn, sizeof(hr->s9_kn));
	if (p->id_type == AIOT_ID_PERMANENT) {
		dev = hwsim_dev_find(hr, p->id, p->id_bits);
		if (!dev || dev->disabled || dev->state == AIOT_HWSIM_DEV_STATE_NO_ENERGY)
			return;
		if (dev->profile == AIOT_HWSIM_SEC_PROFILE_SOLUTION_9) {
			if (!hwsim9_paging_for_us(p) || !hwsim9_cfra_select(hr, p, bits, dev))
				return;
		} else {
			hwsim_engage(hr, dev, bits);
		}
	} else if (hwsim9_paging_for_us(p)) {
		dev = hwsim9_cfra_select(hr, p, bits, NULL);
		if (!dev)
			return;
	} else {
		/* a solution-y session's T-ID: only its device listens */
		dev = hwsimy_find(hr, p);
		if (!dev || dev->disabled || dev->state == AIOT_HWSIM_DEV_STATE_NO_ENERGY)
			return;
		hwsim_engage(hr, dev, bits);
	}
	dev->state = AIOT_HWSIM_DEV_STATE_SELECTED;
	dev->as_id = p->as_id;
	hr->sel = dev;
	hr->pdu_bits = 0;
	hr->rsp_bits = 0;
}

/* One segment of the command response, from bit @at. */
static void hwsim_rsp_segment(struct hwsim_reader *hr, unsigned int at,
			      struct aiot_msg *msg)
{
	unsigned int len = min_t(unsigned int, hr->rsp_bits - at, AIOT_SEG_MAX_BITS);

	memset(msg, 0, sizeof(*msg));
	msg->type = AIOT_MSG_D2R_DATA;
	msg->data.as_id = hr->sel->as_id;
	msg->data.offset = at;
	msg->data.len = len;
	msg->data.more = at + len < hr->rsp_bits;
	bits_get(msg->data.data, hr->rsp, at, len);
}

/* The AS "no NAS response expected" indication, or silence. */
static bool hwsim_nnr(struct hwsim_reader *hr, u8 cause, struct aiot_msg *msg)
{
	memset(msg, 0, sizeof(*msg));
	msg->type = AIOT_MSG_NO_NAS_RSP;
	msg->nnr.as_id = hr->sel->as_id;
	msg->nnr.cause = cause;
	return true;
}

static bool hwsim_integrity_failure(struct hwsim_reader *hr, struct aiot_msg *msg)
{
	switch (hr->sel->policy) {
	case AIOT_HWSIM_POLICY_AS_INDICATION:
		return hwsim_nnr(hr, AIOT_NNR_NONE, msg);
	case AIOT_HWSIM_POLICY_AS_INDICATION_CAUSE:
		return hwsim_nnr(hr, AIOT_NNR_INTEGRITY, msg);
	default:
		return false;
	}
}

/* K_Command_enc/int of the last inventory into the reader's context. */
static int hwsim_cmd_keys(struct hwsim_reader *hr, struct hwsim_dev *dev)
{
	u8 k_aiotf[AIOT_K_AIOTF_LEN], k_enc[AIOT_SEC_KEY_LEN], k_int[AIOT_SEC_KEY_LEN];
	int err;

	err = aiot_k_aiotf(dev->k_root, dev->rand_n, dev->rand_d, k_aiotf);
	if (!err)
		err = aiot_k_command(k_aiotf, k_enc, k_int);
	if (!err)
		err = aiot_sec_ctx_set_keys(hr->sec, k_enc, k_int);
	dev->kdf_ops += 3;
	memzero_explicit(k_aiotf, sizeof(k_aiotf));
	memzero_explicit(k_enc, sizeof(k_enc));
	memzero_explicit(k_int, sizeof(k_int));
	return err;
}

/* Execute a decoded request on @dev; the plain response into hr->rsp. */
int hwsim_execute(struct hwsim_reader *hr, struct hwsim_dev *dev,
		  const struct aiot_nas_msg *req, int derr)
{
	struct aiot_nas_msg rsp = { .status = AIOT_NAS_STATUS_SUCCESS };

	switch (req->type) {
	case AIOT_NAS_MT_READ_REQ:
		rsp.type = AIOT_NAS_MT_READ_RSP;
		if (derr)
			rsp.status = AIOT_NAS_STATUS_INVALID;
		else if ((u32)req->offset + req->length > dev->mem_len)
			rsp.status = AIOT_NAS_STATUS_OUT_OF_RANGE;
		rsp.data = rsp.status ? NULL : dev->mem + req->offset;
		rsp.data_len = rsp.status ? 0 : req->length;
		break;
	case AIOT_NAS_MT_WRITE_REQ:
		rsp.type = AIOT_NAS_MT_WRITE_RSP;
		if (derr)
			rsp.status = AIOT_NAS_STATUS_INVALID;
		else if ((u32)req->offset + req->data_len > dev->mem_len)
			rsp.status = AIOT_NAS_STATUS_OUT_OF_RANGE;
		else
			memcpy(dev->mem + req->offset, req->data, req->data_len);
		break;
	default:	/* Disable */
		rsp.type = AIOT_NAS_MT_DISABLE_RSP;
		if (derr)
			rsp.status = AIOT_NAS_STATUS_INVALID;
		else
			dev->disabled = true;	/* answers this one, then never */
		break;
	}
	return aiot_nas_encode(&rsp, hr->rsp, sizeof(hr->rsp));
}

/*
 * Seed 003's envelope on @dev, the command keys in the reader's context: the
 * PDU in hr->pdu (@len octets) opened (MAC-I, then deciphering; in clear
 * with security header type 0, the NULL algorithms), executed, and the
 * answer sealed the same way into hr->rsp; the AES blocks counted into @nj.
 * Which security header types the device accepts is the caller's. Return:
 * the answer's length, 0 for the device's integrity-failure policy, -ENOMSG
 * for an unknown request, or another negative error (silence).
 */
int hwsim_envelope(struct hwsim_reader *hr, struct hwsim_dev *dev, unsigned int len, u64 *nj)
{
	bool protect = hr->pdu[0] != AIOT_NAS_SHT_PLAIN;
	bool cipher = hr->pdu[0] == AIOT_NAS_SHT_INTEGRITY_CIPHERED;
	struct aiot_nas_msg req;
	int plain = len, err, n;

	if (protect) {
		if (len < AIOT_NAS_HDR_LEN + 1 + AIOT_NAS_TRAILER_LEN)
			return 0;
		hwsim_count(dev, 0, hwsim_aes_nia2(len - AIOT_NAS_TRAILER_LEN), nj);
		plain = aiot_nas_open(hr->sec, AIOT_NAS_DIR_R2D, hr->pdu, len);
		if (plain == -EBADMSG || plain == -EPROTO)
			return 0;
		if (plain < 0)
			return plain;
		if (cipher)
			hwsim_count(dev, 0, hwsim_aes_nea2(plain - AIOT_NAS_HDR_LEN), nj);
	}
	err = aiot_nas_decode(hr->pdu, plain, &req);
	if (err == -ENOMSG || !aiot_nas_is_request(req.type))
		return -ENOMSG;
	n = hwsim_execute(hr, dev, &req, err);
	if (n < 0 || !protect)
		return n;
	n = aiot_nas_seal(hr->sec, AIOT_NAS_DIR_D2R, cipher, hr->rsp, n, sizeof(hr->rsp));
	if (n < 0)
		return n;
	hwsim_count(dev, 0, hwsim_aes_nia2(n - AIOT_NAS_TRAILER_LEN) +
		    (cipher ? hwsim_aes_nea2(n - AIOT_NAS_TRAILER_LEN - AIOT_NAS_HDR_LEN) : 0),
		    nj);
	return n;
}

/*
 * A complete command PDU arrived for the selected device: verify,
 * decipher, execute, answer. Returns true when the device sends @msg.
 */
static bool hwsim_command(struct hwsim_reader *hr, struct aiot_msg *msg, u64 *nj)
{
	struct hwsim_dev *dev = hr->sel;
	unsigned int len = hr->pdu_bits / 8;
	int n;

	if (dev->profile != AIOT_HWSIM_SEC_PROFILE_NORMATIVE) {
		n = hr->pdu_bits % 8 || len > AIOT_NAS_MAX_LEN ? 0 :
		    dev->profile == AIOT_HWSIM_SEC_PROFILE_SOLUTION_9 ?
		    hwsim9_command(hr, dev, len, nj) : hwsimy_command(hr, dev, len, nj);
		if (n == -ENOMSG)
			return hwsim_nnr(hr, AIOT_NNR_UNKNOWN_MSG, msg);
		if (!n)
			return hwsim_integrity_failure(hr, msg);
		if (n < 0)
			return false;
		hr->rsp_bits = n * 8;
		hwsim_rsp_segment(hr, 0, msg);
		return true;
	}
	if (hr->pdu_bits % 8 || len < AIOT_NAS_HDR_LEN + 1 + AIOT_NAS_TRAILER_LEN ||
	    len > AIOT_NAS_MAX_LEN || !dev->auth ||
	    (hr->pdu[0] != AIOT_NAS_SHT_INTEGRITY &&
	     hr->pdu[0] != AIOT_NAS_SHT_INTEGRITY_CIPHERED))
		return hwsim_integrity_failure(hr, msg);	/* not protected */
	if (hwsim_cmd_keys(hr, dev))
		return false;
	*nj += 3 * AIOT_HWSIM_E_KDF_NJ;
	n = hwsim_envelope(hr, dev, len, nj);
	if (n == -ENOMSG)
		return hwsim_nnr(hr, AIOT_NNR_UNKNOWN_MSG, msg);
	if (!n)
		return hwsim_integrity_failure(hr, msg);
	if (n < 0)
		return false;
	hr->rsp_bits = n * 8;
	hwsim_rsp_segment(hr, 0, msg);
	return true;
}

static void hwsim_r2d_data(struct hwsim_reader *hr, const struct aiot_data *d,
			   struct hwsim_air *air)
{
	struct hwsim_dev *dev;
	u64 nj = 0;

	/* the next segment of a Msg3 */
	if (hr->msg3_dev && d->as_id == hr->msg3_dev->as_id && !d->len) {
		if (d->offset != hr->msg3_at || d->offset >= hr->inv_nas_bits)
			return;
		hwsim_inv_segment(hr, d->offset, &hr->ans_msg);
		if (hwsim_send(hr, air, hr->msg3_dev, &hr->ans_msg, 0))
			hr->msg3_at += hr->ans_msg.data.len;
		return;
	}
	hwsim_ack_msg3(hr);
	dev = hr->sel;
	if (!dev || d->as_id != dev->as_id ||
	    dev->state != AIOT_HWSIM_DEV_STATE_SELECTED)
		return;
	if (!d->len) {		/* the next segment of the response */
		if (d->offset < hr->rsp_bits) {
			hwsim_rsp_segment(hr, d->offset, &hr->ans_msg);
			hwsim_send(hr, air, dev, &hr->ans_msg, 0);
		}
		return;
	}
	if (!d->offset)
		hr->pdu_bits = 0;
	if (d->offset != hr->pdu_bits || d->offset + d->len > AIOT_SDU_MAX_BITS) {
		hr->pdu_bits = 0;	/* out of order: wait for a new PDU */
		return;
	}
	bits_put(hr->pdu, d->offset, d->data, d->len);
	hr->pdu_bits = d->offset + d->len;
	if (d->more)
		return;
	hr->rsp_bits = 0;
	if (hwsim_command(hr, &hr->ans_msg, &nj))
		hwsim_send(hr, air, dev, &hr->ans_msg, nj);
	else if (nj)
		hwsim_charge(hr, dev, nj);
	hr->pdu_bits = 0;
}

static void hwsim_r2d_ack(struct hwsim_reader *hr, u16 as_id)
{
	hwsim_ack_msg3(hr);
	if (hr->sel && hr->sel->as_id == as_id) {
		hwsimy_acked(hr->sel);
		if (hr->sel->state == AIOT_HWSIM_DEV_STATE_SELECTED)
			hr->sel->state = AIOT_HWSIM_DEV_STATE_IDLE;
		hr->sel = NULL;
	}
}

/* ---- The front end -------------------------------------------------------- */

/* Flip each bit of the frame with probability ber_ppm / 10^6. */
static bool hwsim_bit_errors(struct hwsim_reader *hr, unsigned int bits)
{
	bool hit = false;
	unsigned int i;

	if (!hr->ber_ppm)
		return false;
	for (i = 0; i < bits; i++) {
		if (hwsim_rand(hr) % AIOT_HWSIM_BER_PPM_MAX < hr->ber_ppm) {
			hr->out[i / 8] ^= 0x80 >> (i % 8);
			hit = true;
		}
	}
	return hit;
}

/*
 * debugfs monitor: keep a copy of a frame on the air, overwriting the
 * oldest when the ring is full. Under hr->lock; no allocation.
 */
static void hwsim_mon_put(struct hwsim_reader *hr, enum aiot_link link,
			  u64 tstamp_ns, const u8 *frame, unsigned int bits)
{
	struct hwsim_mon *mon = hr->mon;
	struct hwsim_mon_rec *rec;
	unsigned int len;

	if (!mon)
		return;
	bits = min_t(unsigned int, bits, AIOT_FRAME_MAX_BITS);
	len = DIV_ROUND_UP(bits, 8);
	rec = &mon->recs[mon->head];
	rec->seq = mon->count;
	rec->tstamp_ns = tstamp_ns;
	rec->bits = bits;
	rec->link = link;
	memcpy(rec->frame, frame, len);
	memset(rec->frame + len, 0, sizeof(rec->frame) - len);
	if (bits % 8)
		rec->frame[len - 1] &= 0xff00 >> (bits % 8);
	mon->head = mon->head + 1 == mon->cap ? 0 : mon->head + 1;
	mon->count++;
}

static u64 air_us(u64 bits, u32 bps)
{
	return DIV_ROUND_UP_ULL(bits * USEC_PER_SEC, bps ?: 1);
}

void hwsim_late_work(struct work_struct *work)
{
	struct hwsim_reader *hr = container_of(to_delayed_work(work),
					       struct hwsim_reader, late_work);
	struct hwsim_late *l = &hr->late;

	/* under the lock: a new delayed report may be stored meanwhile */
	mutex_lock(&hr->lock);
	aiot_fe_rx(hr->r, l->cookie, l->status, l->frame, l->bits, &l->meta);
	mutex_unlock(&hr->lock);
}

static int hwsim_xmit(struct aiot_reader *r, const u8 *frame, unsigned int bits,
		      unsigned int window_us, u32 cookie)
{
	struct hwsim_reader *hr = *(struct hwsim_reader **)aiot_reader_priv(r);
	struct aiot_rx_meta meta = { .rssi_mbm = S32_MIN };
	enum aiot_rx_status status = AIOT_RX_EMPTY;
	struct aiot_msg *m = &hr->rx_msg;
	struct hwsim_air air = {};
	size_t out_bits = 0;
	u64 r2d_us, d2r_us;
	bool paced;
	u32 delay;

	mutex_lock(&hr->lock);
	hwsim_mon_put(hr, AIOT_LINK_R2D, hr->clock_ns, frame, bits);
	meta.port = hr->params.port;
	hr->stats.r2d_frames++;
	hr->r2d_bits += bits;
	r2d_us = air_us(bits, hr->params.r2d_bps);
	hr->clock_ns += r2d_us * NSEC_PER_USEC;

	if (!aiot_frame_decode(frame, bits, AIOT_LINK_R2D, m)) {
		switch (m->type) {
		case AIOT_MSG_PAGING:
			if (m->paging.ra_type == AIOT_RA_CBRA)
				hwsim_cbra_paging(hr, &m->paging, bits, &air);
			else
				hwsim_cfra_paging(hr, &m->paging, bits);
			break;
		case AIOT_MSG_TRIGGER:
			hwsim_ack_msg3(hr);
			hwsim_trigger(hr, &m->trigger, &air);
			break;
		case AIOT_MSG_MSG2:
			hwsim_msg2(hr, &m->ra, &air);
			break;
		case AIOT_MSG_NACK:
			hwsim_nack(hr, &m->ra);
			break;
		case AIOT_MSG_R2D_DATA:
			hwsim_r2d_data(hr, &m->data, &air);
			break;
		case AIOT_MSG_R2D_ACK:
			hwsim_r2d_ack(hr, m->ack_as_id);
			break;
		default:
			break;
		}
	}
	/* a frame that does not decode is heard by nobody */

	if (air.n > 1) {
		hr->stats.collisions++;
		if (hr->capture && air.best_rssi >=
		    (s64)air.second_rssi + AIOT_HWSIM_CAPTURE_MARGIN_MB) {
			hr->stats.captures++;
			air.n = 1;
		} else {
			status = AIOT_RX_COLLISION;
			meta.rssi_mbm = air.best_rssi;
		}
	}
	if (air.n == 1) {
		meta.rssi_mbm = air.best_rssi;
		if (atomic_add_unless(&hr->drop_next, -1, 0) ||
		    (hr->ans_msg.type == AIOT_MSG_MSG3 &&
		     atomic_add_unless(&hr->drop_msg3, -1, 0))) {
			hr->stats.dropped++;
		} else if (!aiot_frame_encode(&hr->ans_msg, hr->out, sizeof(hr->out),
					      &out_bits)) {
			status = AIOT_RX_FRAME;
			if (hwsim_bit_errors(hr, out_bits))
				hr->stats.ber_frames++;
			if (atomic_add_unless(&hr->corrupt_next, -1, 0)) {
				hr->out[out_bits / 16] ^= 0x10;
				hr->stats.corrupted++;
			}
		}
	}
	if (status == AIOT_RX_FRAME) {
		meta.tstamp_ns = hr->clock_ns + AIOT_T_TURNAROUND_US * NSEC_PER_USEC;
		d2r_us = AIOT_T_TURNAROUND_US + air_us(out_bits, hr->params.d2r_bps);
		hwsim_mon_put(hr, AIOT_LINK_D2R, meta.tstamp_ns, hr->out, out_bits);
	} else {
		meta.tstamp_ns = hr->clock_ns;
		d2r_us = window_us;
	}
	hr->clock_ns += d2r_us * NSEC_PER_USEC;
	hr->stats.air_us += r2d_us + d2r_us;
	paced = hr->paced;
	delay = hr->delay_next_us;
	hr->delay_next_us = 0;
	if (delay) {
		hr->late.cookie = cookie;
		hr->late.status = status;
		hr->late.bits = out_bits;
		hr->late.meta = meta;
		memcpy(hr->late.frame, hr->out, sizeof(hr->late.frame));
	}
	mutex_unlock(&hr->lock);

	if (paced)
		usleep_range(r2d_us + d2r_us, r2d_us + d2r_us + 100);
	if (delay) {
		mod_delayed_work(system_wq, &hr->late_work,
				 usecs_to_jiffies(min_t(u32, delay, AIOT_HWSIM_DELAY_MAX_US)));
		return 0;
	}
	aiot_fe_rx(r, cookie, status, hr->out, out_bits, &meta);
	return 0;
}

static int hwsim_set_params(struct aiot_reader *r, const struct aiot_fe_params *p,
			    struct netlink_ext_ack *extack)
{
	struct hwsim_reader *hr = *(struct hwsim_reader **)aiot_reader_priv(r);

	mutex_lock(&hr->lock);
	hr->params = *p;
	mutex_unlock(&hr->lock);
	return 0;
}

const struct aiot_fe_ops hwsim_fe_ops = {
	.xmit = hwsim_xmit,
	.set_params = hwsim_set_params,
};
