// SPDX-License-Identifier: GPL-2.0
/*
 * A-IoT R2D/D2R MAC PDU codec and CRC-6 / CRC-16.
 *
 * Pure functions on caller memory: no allocation, no locks, no kernel-only
 * headers beyond the few a userspace shim provides. Bit layouts and the
 * source of every value: Documentation/air-interface.rst and
 * include/aiot/air_values.h.
 */
#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <linux/crc-itu-t.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>
#include <linux/types.h>

#include "frame.h"

/* ---- CRC ---------------------------------------------------------------- */

/*
 * CRC-6 one octet at a time: the 6-bit register is kept in the top of an
 * octet, so this is a CRC-8 table for AIOT_CRC6_POLY << 2, shifted back.
 * Entry x is x z^6 mod g(z). Checked entry by entry against the bitwise
 * definition by the unit tests. The tail of a frame that does not end on
 * an octet boundary (k < 8 bits) takes one more lookup, in this table or
 * in the CRC-ITU-T one: both hold t z^w mod g for any t < 2^k.
 */
static const u8 aiot_crc6_table[256] = {
	0x00, 0x21, 0x23, 0x02, 0x27, 0x06, 0x04, 0x25,
	0x2f, 0x0e, 0x0c, 0x2d, 0x08, 0x29, 0x2b, 0x0a,
	0x3f, 0x1e, 0x1c, 0x3d, 0x18, 0x39, 0x3b, 0x1a,
	0x10, 0x31, 0x33, 0x12, 0x37, 0x16, 0x14, 0x35,
	0x1f, 0x3e, 0x3c, 0x1d, 0x38, 0x19, 0x1b, 0x3a,
	0x30, 0x11, 0x13, 0x32, 0x17, 0x36, 0x34, 0x15,
	0x20, 0x01, 0x03, 0x22, 0x07, 0x26, 0x24, 0x05,
	0x0f, 0x2e, 0x2c, 0x0d, 0x28, 0x09, 0x0b, 0x2a,
	0x3e, 0x1f, 0x1d, 0x3c, 0x19, 0x38, 0x3a, 0x1b,
	0x11, 0x30, 0x32, 0x13, 0x36, 0x17, 0x15, 0x34,
	0x01, 0x20, 0x22, 0x03, 0x26, 0x07, 0x05, 0x24,
	0x2e, 0x0f, 0x0d, 0x2c, 0x09, 0x28, 0x2a, 0x0b,
	0x21, 0x00, 0x02, 0x23, 0x06, 0x27, 0x25, 0x04,
	0x0e, 0x2f, 0x2d, 0x0c, 0x29, 0x08, 0x0a, 0x2b,
	0x1e, 0x3f, 0x3d, 0x1c, 0x39, 0x18, 0x1a, 0x3b,
	0x31, 0x10, 0x12, 0x33, 0x16, 0x37, 0x35, 0x14,
	0x1d, 0x3c, 0x3e, 0x1f, 0x3a, 0x1b, 0x19, 0x38,
	0x32, 0x13, 0x11, 0x30, 0x15, 0x34, 0x36, 0x17,
	0x22, 0x03, 0x01, 0x20, 0x05, 0x24, 0x26, 0x07,
	0x0d, 0x2c, 0x2e, 0x0f, 0x2a, 0x0b, 0x09, 0x28,
	0x02, 0x23, 0x21, 0x00, 0x25, 0x04, 0x06, 0x27,
	0x2d, 0x0c, 0x0e, 0x2f, 0x0a, 0x2b, 0x29, 0x08,
	0x3d, 0x1c, 0x1e, 0x3f, 0x1a, 0x3b, 0x39, 0x18,
	0x12, 0x33, 0x31, 0x10, 0x35, 0x14, 0x16, 0x37,
	0x23, 0x02, 0x00, 0x21, 0x04, 0x25, 0x27, 0x06,
	0x0c, 0x2d, 0x2f, 0x0e, 0x2b, 0x0a, 0x08, 0x29,
	0x1c, 0x3d, 0x3f, 0x1e, 0x3b, 0x1a, 0x18, 0x39,
	0x33, 0x12, 0x10, 0x31, 0x14, 0x35, 0x37, 0x16,
	0x3c, 0x1d, 0x1f, 0x3e, 0x1b, 0x3a, 0x38, 0x19,
	0x13, 0x32, 0x30, 0x11, 0x34, 0x15, 0x17, 0x36,
	0x03, 0x22, 0x20, 0x01, 0x24, 0x05, 0x07, 0x26,
	0x2c, 0x0d, 0x0f, 0x2e, 0x0b, 0x2a, 0x28, 0x09,
};

static __always_inline u8 crc6_bits(u8 crc, const u8 *buf, size_t bits)
{
	size_t i, n = bits >> 3;
	unsigned int k = bits & 7, d;

	crc &= 0x3f;
	for (i = 0; i < n; i++)
		crc = aiot_crc6_table[(u8)(crc << 2) ^ buf[i]];
	if (k) {
		/* k more bits d: (crc z^k + d z^6) mod g, one table step */
		d = buf[n] >> (8 - k);
		if (k <= AIOT_CRC6_BITS)
			crc = ((crc << k) & 0x3f) ^
			      aiot_crc6_table[(crc >> (AIOT_CRC6_BITS - k)) ^ d];
		else
			crc = aiot_crc6_table[(crc << (k - AIOT_CRC6_BITS)) ^ d];
	}
	return crc;
}

u8 aiot_crc6_from(u8 crc, const u8 *buf, size_t bits)
{
	return crc6_bits(crc, buf, bits);
}
EXPORT_SYMBOL_GPL(aiot_crc6_from);

u8 aiot_crc6(const u8 *buf, size_t bits)
{
	return crc6_bits(AIOT_CRC6_INIT, buf, bits);
}
EXPORT_SYMBOL_GPL(aiot_crc6);

/* Whole octets through the kernel's CRC-ITU-T library, the tail bitwise. */
static __always_inline u16 crc16_bits(u16 crc, const u8 *buf, size_t bits)
{
	size_t n = bits >> 3;
	unsigned int k = bits & 7, d;

	BUILD_BUG_ON(AIOT_CRC16_POLY != 0x1021);	/* crc_itu_t()'s */
	if (n)
		crc = crc_itu_t(crc, buf, n);
	if (k) {
		/* k more bits d: (crc z^k + d z^16) mod g, one table step */
		d = buf[n] >> (8 - k);
		crc = (crc << k) ^ crc_itu_t_table[(crc >> (16 - k)) ^ d];
	}
	return crc;
}

u16 aiot_crc16_from(u16 crc, const u8 *buf, size_t bits)
{
	return crc16_bits(crc, buf, bits);
}
EXPORT_SYMBOL_GPL(aiot_crc16_from);

u16 aiot_crc16(const u8 *buf, size_t bits)
{
	return crc16_bits(AIOT_CRC16_INIT, buf, bits);
}
EXPORT_SYMBOL_GPL(aiot_crc16);

/* ---- Bit writer / reader (MSB first) ------------------------------------ */

/*
 * Both keep up to 64 pending bits in a register and touch memory one whole
 * octet at a time, in order: the writer never reads the buffer and never
 * stores past the frame's last octet; the reader never loads past it.
 */
struct aiot_bw {
	u8 *p;		/* next octet to store */
	u64 acc;	/* pending bits, most significant first */
	unsigned int n;	/* pending bits in @acc */
	size_t pos;	/* bits written */
};

static __always_inline void bw_flush(struct aiot_bw *w)
{
	if (w->n >= 32) {
		w->p[0] = w->acc >> 56;
		w->p[1] = w->acc >> 48;
		w->p[2] = w->acc >> 40;
		w->p[3] = w->acc >> 32;
		w->p += 4;
		w->acc <<= 32;
		w->n -= 32;
	}
	while (w->n >= 8) {
		*w->p++ = w->acc >> 56;
		w->acc <<= 8;
		w->n -= 8;
	}
}

/* Append the @n (<= 32) low bits of @v. */
static __always_inline void bw_put(struct aiot_bw *w, u32 v, unsigned int n)
{
	if (!n)
		return;
	if (w->n + n > 64)
		bw_flush(w);
	w->acc |= ((u64)v & ((1ull << n) - 1)) << (64 - w->n - n);
	w->n += n;
	w->pos += n;
}

/* Store everything, the last octet padded with zero bits. */
static __always_inline void bw_finish(struct aiot_bw *w)
{
	bw_flush(w);
	if (w->n) {
		*w->p++ = w->acc >> 56;
		w->acc = 0;
		w->n = 0;
	}
}

/* Append the first @bits bits of @src. */
static __always_inline void bw_copy(struct aiot_bw *w, const u8 *src,
				    size_t bits)
{
	size_t i, n = bits >> 3;
	unsigned int rem = bits & 7;

	bw_flush(w);
	if (!w->n) {
		memcpy(w->p, src, n);
		w->p += n;
		w->pos += n << 3;
	} else {
		for (i = 0; i < n; i++)
			bw_put(w, src[i], 8);
	}
	if (rem)
		bw_put(w, src[n] >> (8 - rem), rem);
}

struct aiot_br {
	const u8 *p;	/* next octet to load */
	const u8 *lim;	/* one past the frame's last octet */
	u64 acc;	/* loaded bits not consumed yet, most significant first */
	unsigned int n;	/* bits in @acc */
	size_t pos;	/* bits consumed */
	size_t end;	/* bits in the frame */
};

static __always_inline void br_init(struct aiot_br *r, const u8 *buf,
				    size_t bits)
{
	r->p = buf;
	r->lim = buf + (bits + 7) / 8;
	r->acc = 0;
	r->n = 0;
	r->pos = 0;
	r->end = bits;
}

static __always_inline bool br_has(const struct aiot_br *r, size_t n)
{
	return r->end - r->pos >= n;
}

/* Enough for any one field (<= 32 bits) that the frame still holds. */
static __always_inline void br_fill(struct aiot_br *r)
{
	if (r->n <= 32 && r->lim - r->p >= 4) {
		r->acc |= ((u64)r->p[0] << 24 | (u64)r->p[1] << 16 |
			   (u64)r->p[2] << 8 | r->p[3]) << (32 - r->n);
		r->p += 4;
		r->n += 32;
		return;
	}
	while (r->n < 32 && r->p < r->lim) {
		r->acc |= (u64)*r->p++ << (56 - r->n);
		r->n += 8;
	}
}

/* Caller checked br_has(r, n); n <= 32. */
static __always_inline u32 br_get(struct aiot_br *r, unsigned int n)
{
	u32 v;

	if (!n)
		return 0;
	if (r->n < n)
		br_fill(r);
	v = r->acc >> (64 - n);
	r->acc <<= n;
	r->n -= n;
	r->pos += n;
	return v;
}

/* Caller checked br_has(r, bits). */
static __always_inline void br_copy(struct aiot_br *r, u8 *dst, size_t bits)
{
	size_t i, n = bits >> 3;
	unsigned int rem = bits & 7;

	if (!(r->pos & 7)) {
		/*
		 * Octet aligned: @acc holds whole octets loaded ahead; give
		 * them back and copy straight from memory.
		 */
		r->p -= r->n >> 3;
		r->acc = 0;
		r->n = 0;
		memcpy(dst, r->p, n);
		r->p += n;
		r->pos += n << 3;
	} else {
		for (i = 0; i < n; i++)
			dst[i] = br_get(r, 8);
	}
	if (rem)
		dst[n] = br_get(r, rem) << (8 - rem);
}

/* ---- Message types ------------------------------------------------------- */

static const u8 aiot_mt_code[AIOT_MSG_COUNT] = {
	[AIOT_MSG_PAGING]	= AIOT_MT_R2D_PAGING,
	[AIOT_MSG_TRIGGER]	= AIOT_MT_R2D_TRIGGER,
	[AIOT_MSG_MSG2]		= AIOT_MT_R2D_MSG2,
	[AIOT_MSG_NACK]		= AIOT_MT_R2D_NACK,
	[AIOT_MSG_R2D_DATA]	= AIOT_MT_R2D_DATA,
	[AIOT_MSG_R2D_ACK]	= AIOT_MT_R2D_ACK,
	[AIOT_MSG_MSG1]		= AIOT_MT_D2R_MSG1,
	[AIOT_MSG_MSG3]		= AIOT_MT_D2R_MSG3,
	[AIOT_MSG_D2R_DATA]	= AIOT_MT_D2R_DATA,
	[AIOT_MSG_NO_NAS_RSP]	= AIOT_MT_D2R_NO_NAS_RSP,
};

static const char *const aiot_mt_name[AIOT_MSG_COUNT] = {
	[AIOT_MSG_PAGING]	= "paging",
	[AIOT_MSG_TRIGGER]	= "trigger",
	[AIOT_MSG_MSG2]		= "msg2",
	[AIOT_MSG_NACK]		= "nack",
	[AIOT_MSG_R2D_DATA]	= "r2d-data",
	[AIOT_MSG_R2D_ACK]	= "r2d-ack",
	[AIOT_MSG_MSG1]		= "msg1",
	[AIOT_MSG_MSG3]		= "msg3",
	[AIOT_MSG_D2R_DATA]	= "d2r-data",
	[AIOT_MSG_NO_NAS_RSP]	= "no-nas-rsp",
};

int aiot_msg_link(enum aiot_msg_type type)
{
	if (type >= AIOT_MSG_PAGING && type <= AIOT_MSG_R2D_ACK)
		return AIOT_LINK_R2D;
	if (type >= AIOT_MSG_MSG1 && type < AIOT_MSG_COUNT)
		return AIOT_LINK_D2R;
	return -EINVAL;
}
EXPORT_SYMBOL_GPL(aiot_msg_link);

const char *aiot_msg_name(enum aiot_msg_type type)
{
	if (type <= AIOT_MSG_NONE || type >= AIOT_MSG_COUNT)
		return "?";
	return aiot_mt_name[type];
}
EXPORT_SYMBOL_GPL(aiot_msg_name);

/* Wire code -> message type, per direction; AIOT_MSG_NONE if reserved. */
static const u8 aiot_mt_type[2][1 << AIOT_MT_BITS] = {
	[AIOT_LINK_R2D] = {
		[AIOT_MT_R2D_PAGING]	= AIOT_MSG_PAGING,
		[AIOT_MT_R2D_TRIGGER]	= AIOT_MSG_TRIGGER,
		[AIOT_MT_R2D_MSG2]	= AIOT_MSG_MSG2,
		[AIOT_MT_R2D_NACK]	= AIOT_MSG_NACK,
		[AIOT_MT_R2D_DATA]	= AIOT_MSG_R2D_DATA,
		[AIOT_MT_R2D_ACK]	= AIOT_MSG_R2D_ACK,
	},
	[AIOT_LINK_D2R] = {
		[AIOT_MT_D2R_MSG1]	= AIOT_MSG_MSG1,
		[AIOT_MT_D2R_MSG3]	= AIOT_MSG_MSG3,
		[AIOT_MT_D2R_DATA]	= AIOT_MSG_D2R_DATA,
		[AIOT_MT_D2R_NO_NAS_RSP] = AIOT_MSG_NO_NAS_RSP,
	},
};

/* ---- Field sizes and validation (encode side) ---------------------------- */

#define AIOT_FIXED_SEG_HDR	(AIOT_AS_ID_BITS + 1 + AIOT_SEG_OFFSET_BITS + \
				 AIOT_SEG_LEN_BITS)
/* Reserved bits that put the data segment on an octet boundary. */
#define AIOT_DATA_RSVD		((8 - (AIOT_MT_BITS + AIOT_FIXED_SEG_HDR) % 8) % 8)
#define AIOT_MSG3_FIXED		(AIOT_AS_ID_BITS + 1 + AIOT_SEG_LEN_BITS)
#define AIOT_MSG3_RSVD		((8 - (AIOT_MT_BITS + AIOT_MSG3_FIXED) % 8) % 8)
/* Reserved bits after RN16 + AS ID in Msg2 / NACK (to 32 bits). */
#define AIOT_RA_RSVD		4
#define AIOT_ACK_RSVD		4
#define AIOT_TRIG_RSVD		2
#define AIOT_NNR_RSVD		1

static bool fits(u32 v, unsigned int bits)
{
	return bits >= 32 || v < (1u << bits);
}

static int fsize_bits(const struct aiot_fsize *fs)
{
	if (!fs->explicit_size)
		return fs->q <= AIOT_FS_Q_MAX ?
			AIOT_FS_FMT_BITS + AIOT_FS_Q_BITS : -EINVAL;
	if (!fs->slots)
		return -EINVAL;
	if (fs->slots > AIOT_FS_SLOTS_MAX)
		return -EOVERFLOW;
	return AIOT_FS_FMT_BITS + AIOT_FS_SLOTS_BITS;
}

static int paging_bits(const struct aiot_paging *p)
{
	int bits = AIOT_MT_BITS + AIOT_RA_TYPE_BITS + AIOT_ID_TYPE_BITS +
		   AIOT_CONT_TYPE_BITS + AIOT_TXN_BITS;
	int fsb;

	if (p->ra_type > AIOT_RA_CFRA || p->id_type > AIOT_ID_FILTER ||
	    p->cont_type > AIOT_CONT_NAS || !fits(p->txn, AIOT_TXN_BITS))
		return -EINVAL;
	if (p->id_type != AIOT_ID_NONE) {
		if (!p->id_bits)
			return -EINVAL;
		if (p->id_bits > AIOT_ID_MAX_BITS)
			return -EOVERFLOW;
		bits += AIOT_ID_LEN_BITS + p->id_bits;
	}
	if (p->cont_type != AIOT_CONT_NONE) {
		if (!p->cont_len)
			return -EINVAL;
		if (p->cont_len > (p->cont_type == AIOT_CONT_RAND ?
				   AIOT_RAND_MAX_OCTETS : AIOT_NAS_CONT_MAX_OCTETS))
			return -EOVERFLOW;
		bits += AIOT_CONT_LEN_BITS + 8 * p->cont_len;
	}
	if (p->ra_type == AIOT_RA_CBRA) {
		fsb = fsize_bits(&p->fs);
		if (fsb < 0)
			return fsb;
		bits += fsb;
	} else {
		/* Contention free: one identified device, given its AS ID. */
		if (p->id_type == AIOT_ID_NONE || p->id_type == AIOT_ID_FILTER ||
		    !fits(p->as_id, AIOT_AS_ID_BITS))
			return -EINVAL;
		bits += AIOT_AS_ID_BITS;
	}
	return bits;
}

static int data_bits(const struct aiot_data *d, bool msg3)
{
	if (!fits(d->as_id, AIOT_AS_ID_BITS) || (msg3 && d->offset))
		return -EINVAL;
	if (d->len > AIOT_SEG_MAX_BITS ||
	    d->offset + d->len > AIOT_SDU_MAX_BITS)
		return -EOVERFLOW;
	if (msg3)
		return AIOT_MT_BITS + AIOT_MSG3_FIXED + AIOT_MSG3_RSVD + d->len;
	return AIOT_MT_BITS + AIOT_FIXED_SEG_HDR + AIOT_DATA_RSVD + d->len;
}

static __always_inline int trigger_bits(const struct aiot_trigger *t)
{
	int fsb = 0;

	if (t->cmd > AIOT_TRIG_END || !fits(t->txn, AIOT_TXN_BITS))
		return -EINVAL;
	if (t->cmd == AIOT_TRIG_ADJUST) {
		fsb = fsize_bits(&t->fs);
		if (fsb < 0)
			return fsb;
	}
	return AIOT_MT_BITS + AIOT_TRIG_CMD_BITS + AIOT_TRIG_RSVD +
	       AIOT_TXN_BITS + fsb;
}

static __always_inline int ra_bits(const struct aiot_ra_rsp *ra)
{
	if (!fits(ra->as_id, AIOT_AS_ID_BITS) ||
	    !fits(ra->rn16, AIOT_RN16_BITS))
		return -EINVAL;
	return AIOT_MT_BITS + AIOT_RN16_BITS + AIOT_AS_ID_BITS + AIOT_RA_RSVD;
}

static __always_inline int ack_bits(u16 as_id)
{
	if (!fits(as_id, AIOT_AS_ID_BITS))
		return -EINVAL;
	return AIOT_MT_BITS + AIOT_AS_ID_BITS + AIOT_ACK_RSVD;
}

static __always_inline int msg1_bits(u16 rn16)
{
	if (!fits(rn16, AIOT_RN16_BITS))
		return -EINVAL;
	return AIOT_MT_BITS + AIOT_RN16_BITS;
}

static __always_inline int nnr_bits(u16 as_id, u8 cause)
{
	if (!fits(as_id, AIOT_AS_ID_BITS) || cause > AIOT_NNR_UNKNOWN_MSG)
		return -EINVAL;
	return AIOT_MT_BITS + AIOT_AS_ID_BITS + 1 + AIOT_NNR_CAUSE_BITS +
	       AIOT_NNR_RSVD;
}

static __always_inline int pdu_bits(const struct aiot_msg *msg)
{
	switch (msg->type) {
	case AIOT_MSG_PAGING:
		return paging_bits(&msg->paging);
	case AIOT_MSG_TRIGGER:
		return trigger_bits(&msg->trigger);
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		return ra_bits(&msg->ra);
	case AIOT_MSG_R2D_DATA:
	case AIOT_MSG_D2R_DATA:
		return data_bits(&msg->data, false);
	case AIOT_MSG_MSG3:
		return data_bits(&msg->data, true);
	case AIOT_MSG_R2D_ACK:
		return ack_bits(msg->ack_as_id);
	case AIOT_MSG_MSG1:
		return msg1_bits(msg->rn16);
	case AIOT_MSG_NO_NAS_RSP:
		return nnr_bits(msg->nnr.as_id, msg->nnr.cause);
	default:
		return -ENOMSG;
	}
}

int aiot_pdu_bits(const struct aiot_msg *msg)
{
	return pdu_bits(msg);
}
EXPORT_SYMBOL_GPL(aiot_pdu_bits);

/* ---- Encode -------------------------------------------------------------- */

static __always_inline void put_fsize(struct aiot_bw *w,
				      const struct aiot_fsize *fs)
{
	bw_put(w, fs->explicit_size, AIOT_FS_FMT_BITS);
	if (fs->explicit_size)
		bw_put(w, fs->slots - 1, AIOT_FS_SLOTS_BITS);
	else
		bw_put(w, fs->q, AIOT_FS_Q_BITS);
}

static __always_inline void put_paging(struct aiot_bw *w,
				       const struct aiot_paging *p)
{
	bw_put(w, p->ra_type, AIOT_RA_TYPE_BITS);
	bw_put(w, p->id_type, AIOT_ID_TYPE_BITS);
	if (p->id_type != AIOT_ID_NONE) {
		bw_put(w, p->id_bits, AIOT_ID_LEN_BITS);
		bw_copy(w, p->id, p->id_bits);
	}
	bw_put(w, p->cont_type, AIOT_CONT_TYPE_BITS);
	if (p->cont_type != AIOT_CONT_NONE) {
		bw_put(w, p->cont_len, AIOT_CONT_LEN_BITS);
		bw_copy(w, p->cont, 8 * (size_t)p->cont_len);
	}
	if (p->ra_type == AIOT_RA_CBRA)
		put_fsize(w, &p->fs);
	else
		bw_put(w, p->as_id, AIOT_AS_ID_BITS);
	bw_put(w, p->txn, AIOT_TXN_BITS);
}

static __always_inline void put_data(struct aiot_bw *w,
				     const struct aiot_data *d, bool msg3)
{
	bw_put(w, d->as_id, AIOT_AS_ID_BITS);
	bw_put(w, d->more, 1);
	if (msg3) {
		bw_put(w, 0, AIOT_MSG3_RSVD);
	} else {
		bw_put(w, 0, AIOT_DATA_RSVD);
		bw_put(w, d->offset, AIOT_SEG_OFFSET_BITS);
	}
	bw_put(w, d->len, AIOT_SEG_LEN_BITS);
	bw_copy(w, d->data, d->len);
}

/*
 * 0 if a PDU of @bits bits (-errno: invalid) fits @len octets, with its CRC
 * when @crc.
 */
static __always_inline int room(int bits, size_t len, bool crc)
{
	size_t fbits;

	if (bits < 0)
		return bits;
	fbits = crc ? aiot_frame_bits_for(bits) : (size_t)bits;
	if (fbits > AIOT_FRAME_MAX_BITS || len < (fbits + 7) / 8)
		return -EMSGSIZE;
	return 0;
}

/*
 * Validate @msg and, if it fits @len octets (with its CRC when @crc), write
 * its PDU through @w, in one pass over the type. Returns the PDU length in
 * bits or -errno; the caller finishes @w.
 */
static __always_inline int pdu_emit(const struct aiot_msg *msg,
				    struct aiot_bw *w, size_t len, bool crc)
{
	int bits, err;

	switch (msg->type) {
	case AIOT_MSG_PAGING:
		bits = paging_bits(&msg->paging);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put(w, AIOT_MT_R2D_PAGING, AIOT_MT_BITS);
		put_paging(w, &msg->paging);
		return bits;
	case AIOT_MSG_TRIGGER:
		bits = trigger_bits(&msg->trigger);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put(w, AIOT_MT_R2D_TRIGGER, AIOT_MT_BITS);
		bw_put(w, msg->trigger.cmd, AIOT_TRIG_CMD_BITS);
		bw_put(w, 0, AIOT_TRIG_RSVD);
		bw_put(w, msg->trigger.txn, AIOT_TXN_BITS);
		if (msg->trigger.cmd == AIOT_TRIG_ADJUST)
			put_fsize(w, &msg->trigger.fs);
		return bits;
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		bits = ra_bits(&msg->ra);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put(w, aiot_mt_code[msg->type], AIOT_MT_BITS);
		bw_put(w, msg->ra.rn16, AIOT_RN16_BITS);
		bw_put(w, msg->ra.as_id, AIOT_AS_ID_BITS);
		bw_put(w, 0, AIOT_RA_RSVD);
		return bits;
	case AIOT_MSG_R2D_DATA:
	case AIOT_MSG_D2R_DATA:
	case AIOT_MSG_MSG3:
		bits = data_bits(&msg->data, msg->type == AIOT_MSG_MSG3);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put(w, aiot_mt_code[msg->type], AIOT_MT_BITS);
		put_data(w, &msg->data, msg->type == AIOT_MSG_MSG3);
		return bits;
	case AIOT_MSG_R2D_ACK:
		bits = ack_bits(msg->ack_as_id);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put(w, AIOT_MT_R2D_ACK, AIOT_MT_BITS);
		bw_put(w, msg->ack_as_id, AIOT_AS_ID_BITS);
		bw_put(w, 0, AIOT_ACK_RSVD);
		return bits;
	case AIOT_MSG_MSG1:
		bits = msg1_bits(msg->rn16);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put(w, AIOT_MT_D2R_MSG1, AIOT_MT_BITS);
		bw_put(w, msg->rn16, AIOT_RN16_BITS);
		return bits;
	case AIOT_MSG_NO_NAS_RSP:
		bits = nnr_bits(msg->nnr.as_id, msg->nnr.cause);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put(w, AIOT_MT_D2R_NO_NAS_RSP, AIOT_MT_BITS);
		bw_put(w, msg->nnr.as_id, AIOT_AS_ID_BITS);
		bw_put(w, msg->nnr.cause != AIOT_NNR_NONE, 1);
		/* no cause: the cause field is zero */
		bw_put(w, msg->nnr.cause == AIOT_NNR_UNKNOWN_MSG ?
		       AIOT_NNR_CAUSE_UNKNOWN_MSG :
		       msg->nnr.cause == AIOT_NNR_INTEGRITY ?
		       AIOT_NNR_CAUSE_INTEGRITY : 0, AIOT_NNR_CAUSE_BITS);
		bw_put(w, 0, AIOT_NNR_RSVD);
		return bits;
	default:
		return -ENOMSG;
	}
}

int aiot_pdu_encode(const struct aiot_msg *msg, u8 *buf, size_t len,
		    size_t *bits_out)
{
	struct aiot_bw w = { .p = buf };
	int bits = pdu_emit(msg, &w, len, false);

	if (bits < 0)
		return bits;
	bw_finish(&w);
	*bits_out = bits;
	return 0;
}
EXPORT_SYMBOL_GPL(aiot_pdu_encode);

/*
 * Append the CRC of the information bits: the whole octets already stored
 * at @buf, then the pending bits of @w.
 */
static __always_inline void aiot_crc_put(struct aiot_bw *w, const u8 *buf)
{
	size_t info = w->pos;
	u8 tail;

	/* the whole octets are in @buf; the last 0..7 bits still in @w */
	bw_flush(w);
	tail = w->acc >> 56;
	if (info <= AIOT_CRC6_MAX_INFO_BITS) {
		u8 crc = crc6_bits(AIOT_CRC6_INIT, buf, info & ~7ul);

		bw_put(w, crc6_bits(crc, &tail, info & 7), AIOT_CRC6_BITS);
	} else {
		u16 crc = crc16_bits(AIOT_CRC16_INIT, buf, info & ~7ul);

		bw_put(w, crc16_bits(crc, &tail, info & 7),
		       AIOT_CRC16_BITS);
	}
	bw_finish(w);
}

int aiot_frame_encode(const struct aiot_msg *msg, u8 *buf, size_t len,
		      size_t *bits_out)
{
	struct aiot_bw w = { .p = buf };
	int bits = pdu_emit(msg, &w, len, true);

	if (bits < 0)
		return bits;
	aiot_crc_put(&w, buf);
	*bits_out = aiot_frame_bits_for(bits);
	return 0;
}
EXPORT_SYMBOL_GPL(aiot_frame_encode);

int aiot_frame_seal(u8 *buf, size_t len, size_t info_bits, size_t *bits_out)
{
	size_t fbits = aiot_frame_bits_for(info_bits);
	unsigned int k = info_bits & 7;
	struct aiot_bw w = {
		.p = buf + (info_bits >> 3),
		.pos = info_bits,
	};

	if (fbits > AIOT_FRAME_MAX_BITS || len < (fbits + 7) / 8)
		return -EMSGSIZE;
	/* keep the information bits, drop whatever follows them */
	if (k) {
		w.acc = (u64)(buf[info_bits >> 3] & (0xff00u >> k)) << 56;
		w.n = k;
	}
	aiot_crc_put(&w, buf);
	*bits_out = fbits;
	return 0;
}
EXPORT_SYMBOL_GPL(aiot_frame_seal);

/* ---- Decode -------------------------------------------------------------- */

static __always_inline int get_fsize(struct aiot_br *r, struct aiot_fsize *fs)
{
	if (!br_has(r, AIOT_FS_FMT_BITS))
		return -ENODATA;
	fs->explicit_size = br_get(r, AIOT_FS_FMT_BITS);
	if (fs->explicit_size) {
		if (!br_has(r, AIOT_FS_SLOTS_BITS))
			return -ENODATA;
		fs->slots = br_get(r, AIOT_FS_SLOTS_BITS) + 1;
		return 0;
	}
	if (!br_has(r, AIOT_FS_Q_BITS))
		return -ENODATA;
	fs->q = br_get(r, AIOT_FS_Q_BITS);
	return fs->q > AIOT_FS_Q_MAX ? -EPROTO : 0;
}

static __always_inline int get_paging(struct aiot_br *r, struct aiot_paging *p)
{
	unsigned int max;
	int err;

	memset(p, 0, sizeof(*p));

	if (!br_has(r, AIOT_RA_TYPE_BITS + AIOT_ID_TYPE_BITS))
		return -ENODATA;
	p->ra_type = br_get(r, AIOT_RA_TYPE_BITS);
	p->id_type = br_get(r, AIOT_ID_TYPE_BITS);
	if (p->id_type > AIOT_ID_FILTER)
		return -EPROTO;
	if (p->ra_type == AIOT_RA_CFRA &&
	    (p->id_type == AIOT_ID_NONE || p->id_type == AIOT_ID_FILTER))
		return -EPROTO;
	if (p->id_type != AIOT_ID_NONE) {
		if (!br_has(r, AIOT_ID_LEN_BITS))
			return -ENODATA;
		p->id_bits = br_get(r, AIOT_ID_LEN_BITS);
		if (!p->id_bits)
			return -EPROTO;
		if (p->id_bits > AIOT_ID_MAX_BITS)
			return -EOVERFLOW;
		if (!br_has(r, p->id_bits))
			return -ENODATA;
		br_copy(r, p->id, p->id_bits);
	}
	if (!br_has(r, AIOT_CONT_TYPE_BITS))
		return -ENODATA;
	p->cont_type = br_get(r, AIOT_CONT_TYPE_BITS);
	if (p->cont_type > AIOT_CONT_NAS)
		return -EPROTO;
	if (p->cont_type != AIOT_CONT_NONE) {
		if (!br_has(r, AIOT_CONT_LEN_BITS))
			return -ENODATA;
		p->cont_len = br_get(r, AIOT_CONT_LEN_BITS);
		max = p->cont_type == AIOT_CONT_RAND ? AIOT_RAND_MAX_OCTETS :
						       AIOT_NAS_CONT_MAX_OCTETS;
		if (!p->cont_len)
			return -EPROTO;
		if (p->cont_len > max)
			return -EOVERFLOW;
		if (!br_has(r, 8 * (size_t)p->cont_len))
			return -ENODATA;
		br_copy(r, p->cont, 8 * (size_t)p->cont_len);
	}
	if (p->ra_type == AIOT_RA_CBRA) {
		err = get_fsize(r, &p->fs);
		if (err)
			return err;
	} else {
		if (!br_has(r, AIOT_AS_ID_BITS))
			return -ENODATA;
		p->as_id = br_get(r, AIOT_AS_ID_BITS);
	}
	if (!br_has(r, AIOT_TXN_BITS))
		return -ENODATA;
	p->txn = br_get(r, AIOT_TXN_BITS);
	return 0;
}

static __always_inline int get_trigger(struct aiot_br *r,
				       struct aiot_trigger *t)
{
	unsigned int rsvd;

	t->fs.explicit_size = false;
	t->fs.q = 0;
	t->fs.slots = 0;

	if (!br_has(r, AIOT_TRIG_CMD_BITS + AIOT_TRIG_RSVD + AIOT_TXN_BITS))
		return -ENODATA;
	t->cmd = br_get(r, AIOT_TRIG_CMD_BITS);
	rsvd = br_get(r, AIOT_TRIG_RSVD);
	t->txn = br_get(r, AIOT_TXN_BITS);
	if (t->cmd > AIOT_TRIG_END || rsvd)
		return -EPROTO;
	if (t->cmd == AIOT_TRIG_ADJUST)
		return get_fsize(r, &t->fs);
	return 0;
}

static __always_inline int get_data(struct aiot_br *r, struct aiot_data *d,
				    bool msg3)
{
	unsigned int rsvd;

	if (!br_has(r, msg3 ? AIOT_MSG3_FIXED + AIOT_MSG3_RSVD :
			      AIOT_FIXED_SEG_HDR + AIOT_DATA_RSVD))
		return -ENODATA;
	d->as_id = br_get(r, AIOT_AS_ID_BITS);
	d->more = br_get(r, 1);
	if (msg3) {
		rsvd = br_get(r, AIOT_MSG3_RSVD);
		d->offset = 0;
	} else {
		rsvd = br_get(r, AIOT_DATA_RSVD);
		d->offset = br_get(r, AIOT_SEG_OFFSET_BITS);
	}
	d->len = br_get(r, AIOT_SEG_LEN_BITS);
	if (rsvd)
		return -EPROTO;
	if (d->len > AIOT_SEG_MAX_BITS ||
	    d->offset + d->len > AIOT_SDU_MAX_BITS)
		return -EOVERFLOW;
	if (!br_has(r, d->len))
		return -ENODATA;
	br_copy(r, d->data, d->len);
	memset(d->data + (d->len + 7) / 8, 0,
	       sizeof(d->data) - (d->len + 7) / 8);
	return 0;
}

static __always_inline int get_body(struct aiot_br *r, struct aiot_msg *m)
{
	unsigned int rsvd, present, cause;

	switch (m->type) {
	case AIOT_MSG_PAGING:
		return get_paging(r, &m->paging);
	case AIOT_MSG_TRIGGER:
		return get_trigger(r, &m->trigger);
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		if (!br_has(r, AIOT_RN16_BITS + AIOT_AS_ID_BITS + AIOT_RA_RSVD))
			return -ENODATA;
		m->ra.rn16 = br_get(r, AIOT_RN16_BITS);
		m->ra.as_id = br_get(r, AIOT_AS_ID_BITS);
		return br_get(r, AIOT_RA_RSVD) ? -EPROTO : 0;
	case AIOT_MSG_R2D_DATA:
	case AIOT_MSG_D2R_DATA:
		return get_data(r, &m->data, false);
	case AIOT_MSG_MSG3:
		return get_data(r, &m->data, true);
	case AIOT_MSG_R2D_ACK:
		if (!br_has(r, AIOT_AS_ID_BITS + AIOT_ACK_RSVD))
			return -ENODATA;
		m->ack_as_id = br_get(r, AIOT_AS_ID_BITS);
		return br_get(r, AIOT_ACK_RSVD) ? -EPROTO : 0;
	case AIOT_MSG_MSG1:
		if (!br_has(r, AIOT_RN16_BITS))
			return -ENODATA;
		m->rn16 = br_get(r, AIOT_RN16_BITS);
		return 0;
	case AIOT_MSG_NO_NAS_RSP:
		if (!br_has(r, AIOT_AS_ID_BITS + 1 + AIOT_NNR_CAUSE_BITS +
			       AIOT_NNR_RSVD))
			return -ENODATA;
		m->nnr.as_id = br_get(r, AIOT_AS_ID_BITS);
		present = br_get(r, 1);
		cause = br_get(r, AIOT_NNR_CAUSE_BITS);
		rsvd = br_get(r, AIOT_NNR_RSVD);
		if (rsvd || (!present && cause) ||
		    cause > AIOT_NNR_CAUSE_UNKNOWN_MSG)
			return -EPROTO;
		if (!present)
			m->nnr.cause = AIOT_NNR_NONE;
		else if (cause == AIOT_NNR_CAUSE_INTEGRITY)
			m->nnr.cause = AIOT_NNR_INTEGRITY;
		else
			m->nnr.cause = AIOT_NNR_UNKNOWN_MSG;
		return 0;
	default:
		return -ENOMSG;
	}
}

static __always_inline int aiot_pdu_parse(const u8 *buf, size_t bits,
					  enum aiot_link link,
					  struct aiot_msg *out)
{
	struct aiot_br r;
	int err;

	br_init(&r, buf, bits);
	out->type = AIOT_MSG_NONE;
	if (!br_has(&r, AIOT_MT_BITS))
		return -ENODATA;
	out->type = aiot_mt_type[link][br_get(&r, AIOT_MT_BITS)];
	if (out->type == AIOT_MSG_NONE)
		return -ENOMSG;
	err = get_body(&r, out);
	if (!err && r.pos != r.end)
		err = -EOVERFLOW;
	if (err)
		out->type = AIOT_MSG_NONE;
	return err;
}

int aiot_pdu_decode(const u8 *buf, size_t bits, enum aiot_link link,
		    struct aiot_msg *out)
{
	out->type = AIOT_MSG_NONE;
	if (link != AIOT_LINK_R2D && link != AIOT_LINK_D2R)
		return -EINVAL;
	if (bits > AIOT_FRAME_MAX_BITS)
		return -EOVERFLOW;	/* longer than any PDU */
	return aiot_pdu_parse(buf, bits, link, out);
}
EXPORT_SYMBOL_GPL(aiot_pdu_decode);

int aiot_frame_decode(const u8 *buf, size_t bits, enum aiot_link link,
		      struct aiot_msg *out)
{
	const u8 *last;
	size_t info;
	u32 crc;

	out->type = AIOT_MSG_NONE;
	if (link != AIOT_LINK_R2D && link != AIOT_LINK_D2R)
		return -EINVAL;
	if (bits > AIOT_FRAME_MAX_BITS ||
	    (bits > AIOT_CRC6_MAX_INFO_BITS + AIOT_CRC6_BITS &&
	     bits <= AIOT_CRC6_MAX_INFO_BITS + AIOT_CRC16_BITS))
		return -EMSGSIZE;
	if (bits < AIOT_MT_BITS + AIOT_CRC6_BITS)
		return -ENODATA;
	/* the CRC field: the last bits, at most three octets */
	last = buf + (bits - 1) / 8;
	crc = (u32)last[0] | (bits > 8 ? (u32)last[-1] << 8 : 0) |
	      (bits > 16 ? (u32)last[-2] << 16 : 0);
	crc >>= (8 - bits % 8) % 8;
	if (bits <= AIOT_CRC6_MAX_INFO_BITS + AIOT_CRC6_BITS) {
		info = bits - AIOT_CRC6_BITS;
		if ((crc & 0x3f) != crc6_bits(AIOT_CRC6_INIT, buf, info))
			return -EBADMSG;
	} else {
		info = bits - AIOT_CRC16_BITS;
		if ((crc & 0xffff) != crc16_bits(AIOT_CRC16_INIT, buf, info))
			return -EBADMSG;
	}
	return aiot_pdu_parse(buf, info, link, out);
}
EXPORT_SYMBOL_GPL(aiot_frame_decode);
