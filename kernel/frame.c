// SPDX-License-Identifier: GPL-2.0
/*
 * A-IoT R2D/D2R MAC PDU codec and CRC-6 / CRC-16.
 *
 * Pure functions on caller memory: no allocation, no locks, no kernel-only
 * headers beyond the few a userspace shim provides. Bit layouts and the
 * source of every value: Documentation/air-interface.rst and
 * include/aiot/air_values.h.
 *
 * aiot_frame_encode() and aiot_frame_decode() take fast paths for the
 * messages that make up most of the air traffic: the fixed layouts (trigger
 * without a frame size, Msg1, Msg2, NACK, R2D ack, "no NAS response
 * expected") are built and taken apart in one register, the data
 * messages (Msg3, R2D and D2R data) have their header in a register and
 * their segment copied whole. They share the field packing, unpacking and
 * checks with the general path (the bit writer and reader below), which
 * every other frame takes, and answer exactly as it would: the same
 * message, the same frame, the same error.
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

/* One octet @b into the CRC-6 register @crc. */
static __always_inline u8 crc6_octet(u8 crc, u8 b)
{
	return aiot_crc6_table[(u8)(crc << 2) ^ b];
}

/* @k (1..7) more bits @d: (crc z^k + d z^6) mod g, one table step. */
static __always_inline u8 crc6_tail(u8 crc, unsigned int d, unsigned int k)
{
	if (k <= AIOT_CRC6_BITS)
		crc = ((crc << k) & 0x3f) ^
		      aiot_crc6_table[(crc >> (AIOT_CRC6_BITS - k)) ^ d];
	else
		crc = aiot_crc6_table[(crc << (k - AIOT_CRC6_BITS)) ^ d];
	return crc;
}

static __always_inline u8 crc6_bits(u8 crc, const u8 *buf, size_t bits)
{
	size_t i, n = bits >> 3;
	unsigned int k = bits & 7;

	crc &= 0x3f;
	for (i = 0; i < n; i++)
		crc = crc6_octet(crc, buf[i]);
	if (k)
		crc = crc6_tail(crc, buf[n] >> (8 - k), k);
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

/* @k (1..7) more bits @d: (crc z^k + d z^16) mod g, one table step. */
static __always_inline u16 crc16_tail(u16 crc, unsigned int d, unsigned int k)
{
	return (crc << k) ^ crc_itu_t_table[(crc >> (16 - k)) ^ d];
}

/* Whole octets through the kernel's CRC-ITU-T library, the tail bitwise. */
static __always_inline u16 crc16_bits(u16 crc, const u8 *buf, size_t bits)
{
	size_t n = bits >> 3;
	unsigned int k = bits & 7;

	BUILD_BUG_ON(AIOT_CRC16_POLY != 0x1021);	/* crc_itu_t()'s */
	if (n)
		crc = crc_itu_t(crc, buf, n);
	if (k)
		crc = crc16_tail(crc, buf[n] >> (8 - k), k);
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

/*
 * The same two CRCs, same table steps, over the @bits (1..64) low bits of
 * @v, MSB first: for a PDU, or a header, the encoder still holds in a
 * register. @bits is a constant: the steps are unrolled.
 */
static __always_inline u8 crc6_reg(u8 crc, u64 v, unsigned int bits)
{
	unsigned int i, k = bits & 7;

#pragma GCC unroll 8
	for (i = 8; i <= bits; i += 8)
		crc = crc6_octet(crc, v >> (bits - i));
	if (k)
		crc = crc6_tail(crc, v & ((1u << k) - 1), k);
	return crc;
}

/* crc_itu_t() is crc_itu_t_byte() for each octet. */
static __always_inline u16 crc16_reg(u16 crc, u64 v, unsigned int bits)
{
	unsigned int i, k = bits & 7;

#pragma GCC unroll 8
	for (i = 8; i <= bits; i += 8)
		crc = crc_itu_t_byte(crc, v >> (bits - i));
	if (k)
		crc = crc16_tail(crc, v & ((1u << k) - 1), k);
	return crc;
}

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

/* ---- Registers and segment copies --------------------------------------- */

/*
 * The fixed layouts (at most 32 bits) and the data headers (at most 40) are
 * packed and unpacked in one integer with constant shifts; a fixed-layout
 * frame (at most 48 bits with its CRC) is stored and loaded in a constant
 * number of octet accesses, never one outside the frame.
 */

/* @v followed by the @n (0..32) low bits of @f. */
static __always_inline u64 pk(u64 v, u32 f, unsigned int n)
{
	return v << n | (f & ((1ull << n) - 1));
}

/* Fields of a right-aligned register, most significant first. */
struct aiot_rr {
	u64 v;
	unsigned int n;	/* bits not read yet */
};

/* The next @n (0..32) bits. */
static __always_inline u32 rr_get(struct aiot_rr *r, unsigned int n)
{
	r->n -= n;
	return (r->v >> r->n) & ((1ull << n) - 1);
}

/*
 * The first @bits (1..64) bits of @buf, right-aligned. Octet by octet: a
 * frame just stored by the encoder is read back from the store buffer, for
 * whatever widths the compiler gave the stores.
 */
static __always_inline u64 ld_bits(const u8 *buf, unsigned int bits)
{
	unsigned int i, n = (bits + 7) / 8;
	u64 v = 0;

	for (i = 0; i < n; i++)
		v = v << 8 | buf[i];
	return v >> (8 * n - bits);
}

/* The @bits (1..64) low bits of @v as octets, the last one zero-padded. */
static __always_inline void st_bits(u8 *buf, u64 v, unsigned int bits)
{
	unsigned int i, n = (bits + 7) / 8;

	v <<= 8 * n - bits;
#pragma GCC unroll 8
	for (i = 0; i < n; i++)
		buf[i] = v >> (8 * (n - 1 - i));
}

/*
 * Segments are copied 8 octets at a time, the last 8 overlapping, with no
 * call and no string instruction; no octet outside either range is touched.
 */
static __always_inline u64 ld8(const u8 *p)
{
	u64 v;

	memcpy(&v, p, 8);
	return v;
}

static __always_inline void st8(u8 *p, u64 v)
{
	memcpy(p, &v, 8);
}

static __always_inline void copy_octets(u8 *dst, const u8 *src, size_t n)
{
	size_t i;

	if (n < 8) {
		for (i = 0; i < n; i++)
			dst[i] = src[i];
		return;
	}
	for (i = 0; i + 8 < n; i += 8)
		st8(dst + i, ld8(src + i));
	st8(dst + n - 8, ld8(src + n - 8));
}

/* The @len-bit segment at @src into a segment buffer, zero-padded. */
static __always_inline void seg_copy(u8 *dst, const u8 *src, size_t len)
{
	size_t n = len >> 3;
	unsigned int i, k = len & 7;

	BUILD_BUG_ON(AIOT_SEG_MAX_OCTETS < 8);
#pragma GCC unroll 16
	for (i = 0; i + 8 < AIOT_SEG_MAX_OCTETS; i += 8)
		st8(dst + i, 0);
	st8(dst + AIOT_SEG_MAX_OCTETS - 8, 0);
	copy_octets(dst, src, n);
	if (k)
		dst[n] = src[n] & (0xff00u >> k);
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

/* PDU lengths of the fixed layouts (a trigger without a frame size) ... */
#define AIOT_TRIG_PDU_BITS	(AIOT_MT_BITS + AIOT_TRIG_CMD_BITS + \
				 AIOT_TRIG_RSVD + AIOT_TXN_BITS)
#define AIOT_RA_PDU_BITS	(AIOT_MT_BITS + AIOT_RN16_BITS + \
				 AIOT_AS_ID_BITS + AIOT_RA_RSVD)
#define AIOT_ACK_PDU_BITS	(AIOT_MT_BITS + AIOT_AS_ID_BITS + AIOT_ACK_RSVD)
#define AIOT_MSG1_PDU_BITS	(AIOT_MT_BITS + AIOT_RN16_BITS)
#define AIOT_NNR_PDU_BITS	(AIOT_MT_BITS + AIOT_AS_ID_BITS + 1 + \
				 AIOT_NNR_CAUSE_BITS + AIOT_NNR_RSVD)
/* ... and of the headers before a data segment */
#define AIOT_DATA_HDR_BITS	(AIOT_MT_BITS + AIOT_FIXED_SEG_HDR + AIOT_DATA_RSVD)
#define AIOT_MSG3_HDR_BITS	(AIOT_MT_BITS + AIOT_MSG3_FIXED + AIOT_MSG3_RSVD)
/* The bits after the message type */
#define AIOT_TRIG_BODY_BITS	(AIOT_TRIG_PDU_BITS - AIOT_MT_BITS)
#define AIOT_RA_BODY_BITS	(AIOT_RA_PDU_BITS - AIOT_MT_BITS)
#define AIOT_ACK_BODY_BITS	(AIOT_ACK_PDU_BITS - AIOT_MT_BITS)
#define AIOT_MSG1_BODY_BITS	(AIOT_MSG1_PDU_BITS - AIOT_MT_BITS)
#define AIOT_NNR_BODY_BITS	(AIOT_NNR_PDU_BITS - AIOT_MT_BITS)
#define AIOT_DATA_BODY_BITS	(AIOT_DATA_HDR_BITS - AIOT_MT_BITS)
#define AIOT_MSG3_BODY_BITS	(AIOT_MSG3_HDR_BITS - AIOT_MT_BITS)

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

static __always_inline int data_bits(const struct aiot_data *d, bool msg3)
{
	if (!fits(d->as_id, AIOT_AS_ID_BITS) || (msg3 && d->offset))
		return -EINVAL;
	if (d->len > AIOT_SEG_MAX_BITS ||
	    d->offset + d->len > AIOT_SDU_MAX_BITS)
		return -EOVERFLOW;
	return (msg3 ? AIOT_MSG3_HDR_BITS : AIOT_DATA_HDR_BITS) + d->len;
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
	return AIOT_TRIG_PDU_BITS + fsb;
}

static __always_inline int ra_bits(const struct aiot_ra_rsp *ra)
{
	if (!fits(ra->as_id, AIOT_AS_ID_BITS) ||
	    !fits(ra->rn16, AIOT_RN16_BITS))
		return -EINVAL;
	return AIOT_RA_PDU_BITS;
}

static __always_inline int ack_bits(u16 as_id)
{
	if (!fits(as_id, AIOT_AS_ID_BITS))
		return -EINVAL;
	return AIOT_ACK_PDU_BITS;
}

static __always_inline int msg1_bits(u16 rn16)
{
	if (!fits(rn16, AIOT_RN16_BITS))
		return -EINVAL;
	return AIOT_MSG1_PDU_BITS;
}

static __always_inline int nnr_bits(u16 as_id, u8 cause)
{
	if (!fits(as_id, AIOT_AS_ID_BITS) || cause > AIOT_NNR_UNKNOWN_MSG)
		return -EINVAL;
	return AIOT_NNR_PDU_BITS;
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

/* ---- Fixed layouts and data headers, both ways ------------------------- */

/* Whole PDUs of the fixed layouts, fields validated by *_bits(). */
static __always_inline u32 trigger_pdu(const struct aiot_trigger *t)
{
	u64 v = pk(AIOT_MT_R2D_TRIGGER, t->cmd, AIOT_TRIG_CMD_BITS);

	v = pk(v, 0, AIOT_TRIG_RSVD);
	return pk(v, t->txn, AIOT_TXN_BITS);	/* the frame size follows */
}

static __always_inline u32 ra_pdu(unsigned int code,
				  const struct aiot_ra_rsp *ra)
{
	u64 v = pk(code, ra->rn16, AIOT_RN16_BITS);

	v = pk(v, ra->as_id, AIOT_AS_ID_BITS);
	return pk(v, 0, AIOT_RA_RSVD);
}

static __always_inline u32 ack_pdu(u16 as_id)
{
	return pk(pk(AIOT_MT_R2D_ACK, as_id, AIOT_AS_ID_BITS), 0,
		  AIOT_ACK_RSVD);
}

static __always_inline u32 msg1_pdu(u16 rn16)
{
	return pk(AIOT_MT_D2R_MSG1, rn16, AIOT_RN16_BITS);
}

static __always_inline u32 nnr_pdu(u16 as_id, u8 cause)
{
	u64 v = pk(AIOT_MT_D2R_NO_NAS_RSP, as_id, AIOT_AS_ID_BITS);

	v = pk(v, cause != AIOT_NNR_NONE, 1);
	/* no cause: the cause field is zero */
	v = pk(v, cause == AIOT_NNR_UNKNOWN_MSG ? AIOT_NNR_CAUSE_UNKNOWN_MSG :
		  cause == AIOT_NNR_INTEGRITY ? AIOT_NNR_CAUSE_INTEGRITY : 0,
	       AIOT_NNR_CAUSE_BITS);
	return pk(v, 0, AIOT_NNR_RSVD);
}

/* The header of a data message, up to and including the segment length. */
static __always_inline u64 data_hdr(unsigned int code,
				    const struct aiot_data *d, bool msg3)
{
	u64 v = pk(code, d->as_id, AIOT_AS_ID_BITS);

	v = pk(v, d->more, 1);
	if (msg3) {
		v = pk(v, 0, AIOT_MSG3_RSVD);
	} else {
		v = pk(v, 0, AIOT_DATA_RSVD);
		v = pk(v, d->offset, AIOT_SEG_OFFSET_BITS);
	}
	return pk(v, d->len, AIOT_SEG_LEN_BITS);
}

/*
 * The fields after the message type, right-aligned in @body: written to the
 * message, then checked; 0 or -EPROTO (-EOVERFLOW: segment bounds).
 */
static __always_inline int trigger_unpack(u32 body, struct aiot_trigger *t)
{
	struct aiot_rr r = { .v = body, .n = AIOT_TRIG_BODY_BITS };
	unsigned int rsvd;

	t->fs.explicit_size = false;
	t->fs.q = 0;
	t->fs.slots = 0;
	t->cmd = rr_get(&r, AIOT_TRIG_CMD_BITS);
	rsvd = rr_get(&r, AIOT_TRIG_RSVD);
	t->txn = rr_get(&r, AIOT_TXN_BITS);
	return t->cmd > AIOT_TRIG_END || rsvd ? -EPROTO : 0;
}

static __always_inline int ra_unpack(u32 body, struct aiot_ra_rsp *ra)
{
	struct aiot_rr r = { .v = body, .n = AIOT_RA_BODY_BITS };

	ra->rn16 = rr_get(&r, AIOT_RN16_BITS);
	ra->as_id = rr_get(&r, AIOT_AS_ID_BITS);
	return rr_get(&r, AIOT_RA_RSVD) ? -EPROTO : 0;
}

static __always_inline int ack_unpack(u32 body, u16 *as_id)
{
	struct aiot_rr r = { .v = body, .n = AIOT_ACK_BODY_BITS };

	*as_id = rr_get(&r, AIOT_AS_ID_BITS);
	return rr_get(&r, AIOT_ACK_RSVD) ? -EPROTO : 0;
}

static __always_inline int msg1_unpack(u32 body, u16 *rn16)
{
	struct aiot_rr r = { .v = body, .n = AIOT_MSG1_BODY_BITS };

	*rn16 = rr_get(&r, AIOT_RN16_BITS);
	return 0;
}

static __always_inline int nnr_unpack(u32 body, struct aiot_msg *m)
{
	struct aiot_rr r = { .v = body, .n = AIOT_NNR_BODY_BITS };
	unsigned int present, cause, rsvd;

	m->nnr.as_id = rr_get(&r, AIOT_AS_ID_BITS);
	present = rr_get(&r, 1);
	cause = rr_get(&r, AIOT_NNR_CAUSE_BITS);
	rsvd = rr_get(&r, AIOT_NNR_RSVD);
	if (rsvd || (!present && cause) || cause > AIOT_NNR_CAUSE_UNKNOWN_MSG)
		return -EPROTO;
	if (!present)
		m->nnr.cause = AIOT_NNR_NONE;
	else if (cause == AIOT_NNR_CAUSE_INTEGRITY)
		m->nnr.cause = AIOT_NNR_INTEGRITY;
	else
		m->nnr.cause = AIOT_NNR_UNKNOWN_MSG;
	return 0;
}

static __always_inline int data_hdr_unpack(u64 body, struct aiot_data *d,
					   bool msg3)
{
	struct aiot_rr r = {
		.v = body,
		.n = msg3 ? AIOT_MSG3_BODY_BITS : AIOT_DATA_BODY_BITS,
	};
	unsigned int rsvd;

	d->as_id = rr_get(&r, AIOT_AS_ID_BITS);
	d->more = rr_get(&r, 1);
	if (msg3) {
		rsvd = rr_get(&r, AIOT_MSG3_RSVD);
		d->offset = 0;
	} else {
		rsvd = rr_get(&r, AIOT_DATA_RSVD);
		d->offset = rr_get(&r, AIOT_SEG_OFFSET_BITS);
	}
	d->len = rr_get(&r, AIOT_SEG_LEN_BITS);
	if (rsvd)
		return -EPROTO;
	if (d->len > AIOT_SEG_MAX_BITS ||
	    d->offset + d->len > AIOT_SDU_MAX_BITS)
		return -EOVERFLOW;
	return 0;
}

/* ---- Encode -------------------------------------------------------------- */

/* Append the @n (<= 64) low bits of @v. */
static __always_inline void bw_put64(struct aiot_bw *w, u64 v, unsigned int n)
{
	if (n > 32) {
		bw_put(w, v >> 32, n - 32);
		n = 32;
	}
	bw_put(w, v, n);
}

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
		bw_put(w, trigger_pdu(&msg->trigger), AIOT_TRIG_PDU_BITS);
		if (msg->trigger.cmd == AIOT_TRIG_ADJUST)
			put_fsize(w, &msg->trigger.fs);
		return bits;
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		bits = ra_bits(&msg->ra);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put(w, ra_pdu(aiot_mt_code[msg->type], &msg->ra),
		       AIOT_RA_PDU_BITS);
		return bits;
	case AIOT_MSG_R2D_DATA:
	case AIOT_MSG_D2R_DATA:
	case AIOT_MSG_MSG3:
		bits = data_bits(&msg->data, msg->type == AIOT_MSG_MSG3);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put64(w, data_hdr(aiot_mt_code[msg->type], &msg->data,
				     msg->type == AIOT_MSG_MSG3),
			 bits - msg->data.len);
		bw_copy(w, msg->data.data, msg->data.len);
		return bits;
	case AIOT_MSG_R2D_ACK:
		bits = ack_bits(msg->ack_as_id);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put(w, ack_pdu(msg->ack_as_id), AIOT_ACK_PDU_BITS);
		return bits;
	case AIOT_MSG_MSG1:
		bits = msg1_bits(msg->rn16);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put(w, msg1_pdu(msg->rn16), AIOT_MSG1_PDU_BITS);
		return bits;
	case AIOT_MSG_NO_NAS_RSP:
		bits = nnr_bits(msg->nnr.as_id, msg->nnr.cause);
		err = room(bits, len, crc);
		if (err)
			return err;
		bw_put(w, nnr_pdu(msg->nnr.as_id, msg->nnr.cause),
		       AIOT_NNR_PDU_BITS);
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

/*
 * Fast path: a fixed-layout message, @pdu of @info bits (a constant),
 * checked. The frame is built in the register, its CRC with the table
 * steps of crc6_bits() or crc16_bits(), and stored in whole octets: first
 * those holding only PDU bits, then the rest, so that a decoder reading the
 * frame at once can start on the PDU before the CRC is there.
 */
static __always_inline int fixed_frame_put(u32 pdu, unsigned int info,
					   u8 *buf, size_t len,
					   size_t *bits_out)
{
	const unsigned int fbits = aiot_frame_bits_for(info), k = info & 7;
	u64 f;

	BUILD_BUG_ON(AIOT_TRIG_PDU_BITS > 32 || AIOT_RA_PDU_BITS > 32 ||
		     AIOT_ACK_PDU_BITS > 32 || AIOT_MSG1_PDU_BITS > 32 ||
		     AIOT_NNR_PDU_BITS > 32);
	if (unlikely(len < (fbits + 7) / 8))
		return -EMSGSIZE;
	if (info <= AIOT_CRC6_MAX_INFO_BITS)
		f = (u64)pdu << AIOT_CRC6_BITS |
		    crc6_reg(AIOT_CRC6_INIT, pdu, info);
	else
		f = (u64)pdu << AIOT_CRC16_BITS |
		    crc16_reg(AIOT_CRC16_INIT, pdu, info);
	st_bits(buf, pdu >> k, info - k);
	st_bits(buf + info / 8, f, fbits - (info - k));
	*bits_out = fbits;
	return 0;
}

/*
 * Fast path: a data message with a CRC-16 (any Msg3 with a segment, every
 * R2D and D2R data). The header is one register; the CRC runs over it
 * (the table steps of crc16_bits()), then over the caller's segment with
 * crc_itu_t(); then the frame is stored: header, segment, the last segment
 * bits with the CRC.
 */
static __always_inline int data_frame_put(const struct aiot_msg *msg,
					  u8 *buf, size_t len,
					  size_t *bits_out, bool msg3)
{
	const unsigned int hbits = msg3 ? AIOT_MSG3_HDR_BITS :
					  AIOT_DATA_HDR_BITS;
	const struct aiot_data *d = &msg->data;
	int bits = data_bits(d, msg3);
	int err = room(bits, len, true);
	size_t n = d->len >> 3;
	unsigned int k = d->len & 7, t = 0;
	u8 *p = buf + hbits / 8;
	u64 h;
	u16 crc;

	BUILD_BUG_ON(AIOT_MSG3_HDR_BITS % 8 || AIOT_DATA_HDR_BITS % 8 ||
		     AIOT_DATA_HDR_BITS > 64 ||
		     AIOT_DATA_HDR_BITS <= AIOT_CRC6_MAX_INFO_BITS);
	if (unlikely(err))
		return err;
	h = data_hdr(aiot_mt_code[msg->type], d, msg3);
	crc = crc16_reg(AIOT_CRC16_INIT, h, hbits);
	crc = crc_itu_t(crc, d->data, n);
	if (k) {
		t = d->data[n] >> (8 - k);
		crc = crc16_tail(crc, t, k);
	}
	st_bits(buf, h, hbits);
	copy_octets(p, d->data, n);
	if (k)
		st_bits(p + n, (t << AIOT_CRC16_BITS | crc) << (8 - k), 24);
	else
		st_bits(p + n, crc, 16);
	*bits_out = bits + AIOT_CRC16_BITS;
	return 0;
}

int aiot_frame_encode(const struct aiot_msg *msg, u8 *buf, size_t len,
		      size_t *bits_out)
{
	struct aiot_bw w = { .p = buf };
	int bits;

	switch (msg->type) {
	case AIOT_MSG_TRIGGER:
		if (msg->trigger.cmd == AIOT_TRIG_ADJUST)
			break;	/* a frame size follows */
		bits = trigger_bits(&msg->trigger);
		if (unlikely(bits < 0))
			return bits;
		return fixed_frame_put(trigger_pdu(&msg->trigger),
				       AIOT_TRIG_PDU_BITS, buf, len, bits_out);
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		bits = ra_bits(&msg->ra);
		if (unlikely(bits < 0))
			return bits;
		return fixed_frame_put(ra_pdu(aiot_mt_code[msg->type],
					      &msg->ra),
				       AIOT_RA_PDU_BITS, buf, len, bits_out);
	case AIOT_MSG_R2D_ACK:
		bits = ack_bits(msg->ack_as_id);
		if (unlikely(bits < 0))
			return bits;
		return fixed_frame_put(ack_pdu(msg->ack_as_id),
				       AIOT_ACK_PDU_BITS, buf, len, bits_out);
	case AIOT_MSG_MSG1:
		bits = msg1_bits(msg->rn16);
		if (unlikely(bits < 0))
			return bits;
		return fixed_frame_put(msg1_pdu(msg->rn16),
				       AIOT_MSG1_PDU_BITS, buf, len, bits_out);
	case AIOT_MSG_NO_NAS_RSP:
		bits = nnr_bits(msg->nnr.as_id, msg->nnr.cause);
		if (unlikely(bits < 0))
			return bits;
		return fixed_frame_put(nnr_pdu(msg->nnr.as_id, msg->nnr.cause),
				       AIOT_NNR_PDU_BITS, buf, len, bits_out);
	case AIOT_MSG_MSG3:
		if (msg->data.len + AIOT_MSG3_HDR_BITS <= AIOT_CRC6_MAX_INFO_BITS)
			break;	/* no segment: a CRC-6 */
		return data_frame_put(msg, buf, len, bits_out, true);
	case AIOT_MSG_R2D_DATA:
	case AIOT_MSG_D2R_DATA:
		return data_frame_put(msg, buf, len, bits_out, false);
	default:
		break;
	}
	/* the general path: the bit writer, then the CRC */
	bits = pdu_emit(msg, &w, len, true);
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

/* Caller checked br_has(r, n); n <= 64. */
static __always_inline u64 br_get64(struct aiot_br *r, unsigned int n)
{
	u64 v = 0;

	if (n > 32) {
		v = (u64)br_get(r, n - 32) << 32;
		n = 32;
	}
	return v | br_get(r, n);
}

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
	int err;

	if (!br_has(r, AIOT_TRIG_BODY_BITS))
		return -ENODATA;
	err = trigger_unpack(br_get(r, AIOT_TRIG_BODY_BITS), t);
	if (!err && t->cmd == AIOT_TRIG_ADJUST)
		err = get_fsize(r, &t->fs);
	return err;
}

static __always_inline int get_data(struct aiot_br *r, struct aiot_data *d,
				    bool msg3)
{
	const unsigned int nb = msg3 ? AIOT_MSG3_BODY_BITS :
				       AIOT_DATA_BODY_BITS;
	int err;

	if (!br_has(r, nb))
		return -ENODATA;
	err = data_hdr_unpack(br_get64(r, nb), d, msg3);
	if (err)
		return err;
	if (!br_has(r, d->len))
		return -ENODATA;
	br_copy(r, d->data, d->len);
	memset(d->data + (d->len + 7) / 8, 0,
	       sizeof(d->data) - (d->len + 7) / 8);
	return 0;
}

static __always_inline int get_body(struct aiot_br *r, struct aiot_msg *m)
{
	switch (m->type) {
	case AIOT_MSG_PAGING:
		return get_paging(r, &m->paging);
	case AIOT_MSG_TRIGGER:
		return get_trigger(r, &m->trigger);
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		if (!br_has(r, AIOT_RA_BODY_BITS))
			return -ENODATA;
		return ra_unpack(br_get(r, AIOT_RA_BODY_BITS), &m->ra);
	case AIOT_MSG_R2D_DATA:
	case AIOT_MSG_D2R_DATA:
		return get_data(r, &m->data, false);
	case AIOT_MSG_MSG3:
		return get_data(r, &m->data, true);
	case AIOT_MSG_R2D_ACK:
		if (!br_has(r, AIOT_ACK_BODY_BITS))
			return -ENODATA;
		return ack_unpack(br_get(r, AIOT_ACK_BODY_BITS), &m->ack_as_id);
	case AIOT_MSG_MSG1:
		if (!br_has(r, AIOT_MSG1_BODY_BITS))
			return -ENODATA;
		return msg1_unpack(br_get(r, AIOT_MSG1_BODY_BITS), &m->rn16);
	case AIOT_MSG_NO_NAS_RSP:
		if (!br_has(r, AIOT_NNR_BODY_BITS))
			return -ENODATA;
		return nnr_unpack(br_get(r, AIOT_NNR_BODY_BITS), m);
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

/*
 * The general path: the CRC of the @bits-bit frame, then the general
 * parser on its PDU.
 */
static __always_inline int frame_check_parse(const u8 *buf, size_t bits,
					     enum aiot_link link,
					     struct aiot_msg *out)
{
	const u8 *last;
	size_t info;
	u32 crc;

	/* the CRC field: the last bits, at most three octets */
	last = buf + (bits - 1) / 8;
	crc = (u32)last[0] | (bits > 8 ? (u32)last[-1] << 8 : 0) |
	      (bits > 16 ? (u32)last[-2] << 16 : 0);
	crc >>= (8 - bits % 8) % 8;
	if (bits <= AIOT_CRC6_MAX_INFO_BITS + AIOT_CRC6_BITS) {
		info = bits - AIOT_CRC6_BITS;
		if ((crc & 0x3f) != aiot_crc6(buf, info))
			return -EBADMSG;
	} else {
		info = bits - AIOT_CRC16_BITS;
		if ((crc & 0xffff) != aiot_crc16(buf, info))
			return -EBADMSG;
	}
	return aiot_pdu_decode(buf, info, link, out);
}

/*
 * Fast path: a frame of exactly the length of the fixed-layout message
 * @type, whose PDU has @info bits (a constant). The CRC is checked first,
 * by crc6_bits() or crc16_bits() on the frame, then the fields are
 * unpacked from one register by the general path's own code. A trigger
 * that announces a frame size is too short for it: the general parser
 * says how.
 */
static __always_inline int fixed_frame_get(const u8 *buf, unsigned int info,
					   enum aiot_link link,
					   enum aiot_msg_type type,
					   struct aiot_msg *out)
{
	const unsigned int fbits = aiot_frame_bits_for(info);
	u64 f = ld_bits(buf, fbits);
	u32 body = (f >> (fbits - info)) & ((1ull << (info - AIOT_MT_BITS)) - 1);
	u32 fcs = f & ((1u << (fbits - info)) - 1);
	int err;

	if (info <= AIOT_CRC6_MAX_INFO_BITS ?
	    fcs != crc6_bits(AIOT_CRC6_INIT, buf, info) :
	    fcs != crc16_bits(AIOT_CRC16_INIT, buf, info))
		return -EBADMSG;
	switch (type) {
	case AIOT_MSG_TRIGGER:
		err = trigger_unpack(body, &out->trigger);
		if (unlikely(!err && out->trigger.cmd == AIOT_TRIG_ADJUST))
			return aiot_pdu_decode(buf, info, link, out);
		break;
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		err = ra_unpack(body, &out->ra);
		break;
	case AIOT_MSG_R2D_ACK:
		err = ack_unpack(body, &out->ack_as_id);
		break;
	case AIOT_MSG_MSG1:
		err = msg1_unpack(body, &out->rn16);
		break;
	case AIOT_MSG_NO_NAS_RSP:
		err = nnr_unpack(body, out);
		break;
	default:
		return -ENOMSG;
	}
	if (likely(!err))
		out->type = type;
	return err;
}

/*
 * Fast path: a data message in a frame of at least its header and a
 * CRC-16. The CRC is checked first, over the header register and the
 * segment with crc_itu_t(), as the encoder computes it. A header that does
 * not give exactly the frame's length, or breaks a rule, goes to the
 * general parser, which says how.
 */
static __always_inline int data_frame_get(const u8 *buf, size_t bits,
					  enum aiot_link link,
					  enum aiot_msg_type type,
					  struct aiot_msg *out, bool msg3)
{
	const unsigned int hbits = msg3 ? AIOT_MSG3_HDR_BITS :
					  AIOT_DATA_HDR_BITS;
	const size_t info = bits - AIOT_CRC16_BITS;
	const u8 *p = buf + hbits / 8, *q = buf + info / 8;
	struct aiot_data *d = &out->data;
	unsigned int fcs;
	u64 h;

	fcs = q[0] << 16 | q[1] << 8;
	if (info & 7)
		fcs |= q[2];
	fcs >>= 8 - (info & 7);
	h = ld_bits(buf, hbits);
	if ((fcs & 0xffff) != crc16_bits(crc16_reg(AIOT_CRC16_INIT, h, hbits),
					 p, info - hbits))
		return -EBADMSG;
	if (unlikely(data_hdr_unpack(h & ((1ull << (hbits - AIOT_MT_BITS)) - 1),
				     d, msg3) ||
		     info != hbits + d->len))
		return aiot_pdu_decode(buf, info, link, out);
	seg_copy(d->data, p, d->len);
	out->type = type;
	return 0;
}

int aiot_frame_decode(const u8 *buf, size_t bits, enum aiot_link link,
		      struct aiot_msg *out)
{
	enum aiot_msg_type type;

	BUILD_BUG_ON(AIOT_MT_BITS > 8);
	BUILD_BUG_ON(AIOT_MSG3_HDR_BITS + AIOT_CRC16_BITS <=
		     AIOT_CRC6_MAX_INFO_BITS + AIOT_CRC6_BITS);
	out->type = AIOT_MSG_NONE;
	if (link != AIOT_LINK_R2D && link != AIOT_LINK_D2R)
		return -EINVAL;
	if (bits > AIOT_FRAME_MAX_BITS ||
	    (bits > AIOT_CRC6_MAX_INFO_BITS + AIOT_CRC6_BITS &&
	     bits <= AIOT_CRC6_MAX_INFO_BITS + AIOT_CRC16_BITS))
		return -EMSGSIZE;
	if (bits < AIOT_MT_BITS + AIOT_CRC6_BITS)
		return -ENODATA;
	/* to a fast path by the message type, not trusted before the CRC */
	type = aiot_mt_type[link][buf[0] >> (8 - AIOT_MT_BITS)];
	switch (type) {
	case AIOT_MSG_TRIGGER:
		if (bits == aiot_frame_bits_for(AIOT_TRIG_PDU_BITS))
			return fixed_frame_get(buf, AIOT_TRIG_PDU_BITS, link,
					       type, out);
		break;
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		if (bits == aiot_frame_bits_for(AIOT_RA_PDU_BITS))
			return fixed_frame_get(buf, AIOT_RA_PDU_BITS, link,
					       type, out);
		break;
	case AIOT_MSG_R2D_ACK:
		if (bits == aiot_frame_bits_for(AIOT_ACK_PDU_BITS))
			return fixed_frame_get(buf, AIOT_ACK_PDU_BITS, link,
					       type, out);
		break;
	case AIOT_MSG_MSG1:
		if (bits == aiot_frame_bits_for(AIOT_MSG1_PDU_BITS))
			return fixed_frame_get(buf, AIOT_MSG1_PDU_BITS, link,
					       type, out);
		break;
	case AIOT_MSG_NO_NAS_RSP:
		if (bits == aiot_frame_bits_for(AIOT_NNR_PDU_BITS))
			return fixed_frame_get(buf, AIOT_NNR_PDU_BITS, link,
					       type, out);
		break;
	case AIOT_MSG_MSG3:
		if (bits >= AIOT_MSG3_HDR_BITS + AIOT_CRC16_BITS)
			return data_frame_get(buf, bits, link, type, out,
					      true);
		break;
	case AIOT_MSG_R2D_DATA:
	case AIOT_MSG_D2R_DATA:
		if (bits >= AIOT_DATA_HDR_BITS + AIOT_CRC16_BITS)
			return data_frame_get(buf, bits, link, type, out,
					      false);
		break;
	default:
		break;
	}
	return frame_check_parse(buf, bits, link, out);
}
EXPORT_SYMBOL_GPL(aiot_frame_decode);
