/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test data shared by the air-interface tests: the KUnit suites
 * (kernel/tests/frame_test.c, anticoll_test.c) and the userspace unit tests
 * (tests/unit/test_frame.c, test_anticoll.c) run the same cases.
 *
 * Known answers were computed with an independent bitwise model of the
 * layouts in Documentation/air-interface.rst, not with the codec.
 */
#ifndef _AIOT_AIR_CASES_H
#define _AIOT_AIR_CASES_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>

#include "frame.h"

/* ---- Sample messages: every type, edge values included ------------------- */

static void air_paging_min(struct aiot_msg *m)
{
	m->type = AIOT_MSG_PAGING;
	m->paging.fs.q = 4;
	m->paging.txn = 0x99;
}

static void air_paging_rand(struct aiot_msg *m)
{
	static const u8 rand[4] = { 0xde, 0xad, 0xbe, 0xef };

	air_paging_min(m);
	m->paging.cont_type = AIOT_CONT_RAND;
	m->paging.cont_len = sizeof(rand);
	memcpy(m->paging.cont, rand, sizeof(rand));
}

/* 37-bit filter: everything after it sits off an octet boundary. */
static void air_paging_filter_nas(struct aiot_msg *m)
{
	unsigned int i;

	m->type = AIOT_MSG_PAGING;
	m->paging.id_type = AIOT_ID_FILTER;
	m->paging.id_bits = 37;
	m->paging.id[0] = 0xa5;
	m->paging.id[1] = 0x5a;
	m->paging.id[2] = 0xff;
	m->paging.id[3] = 0x01;
	m->paging.id[4] = 0xc0;		/* top 5 bits used */
	m->paging.cont_type = AIOT_CONT_NAS;
	m->paging.cont_len = AIOT_NAS_CONT_MAX_OCTETS;
	for (i = 0; i < AIOT_NAS_CONT_MAX_OCTETS; i++)
		m->paging.cont[i] = i * 7 + 3;
	m->paging.fs.explicit_size = true;
	m->paging.fs.slots = AIOT_FS_SLOTS_MAX;
	m->paging.txn = 0xff;
}

static void air_paging_cfra(struct aiot_msg *m)
{
	unsigned int i;

	m->type = AIOT_MSG_PAGING;
	m->paging.ra_type = AIOT_RA_CFRA;
	m->paging.id_type = AIOT_ID_PERMANENT;
	m->paging.id_bits = AIOT_ID_MAX_BITS;
	for (i = 0; i < AIOT_ID_MAX_OCTETS; i++)
		m->paging.id[i] = 0xf0 ^ i;
	m->paging.cont_type = AIOT_CONT_RAND;
	m->paging.cont_len = AIOT_RAND_MAX_OCTETS;
	for (i = 0; i < AIOT_RAND_MAX_OCTETS; i++)
		m->paging.cont[i] = 0x80 | i;
	m->paging.as_id = 0xab;
	m->paging.txn = 1;
}

static void air_trigger_repeat(struct aiot_msg *m)
{
	m->type = AIOT_MSG_TRIGGER;
	m->trigger.cmd = AIOT_TRIG_REPEAT;
	m->trigger.txn = 0x42;
}

static void air_trigger_adjust(struct aiot_msg *m)
{
	air_trigger_repeat(m);
	m->trigger.cmd = AIOT_TRIG_ADJUST;
	m->trigger.fs.q = 7;
}

static void air_trigger_adjust_explicit(struct aiot_msg *m)
{
	air_trigger_repeat(m);
	m->trigger.cmd = AIOT_TRIG_ADJUST;
	m->trigger.fs.explicit_size = true;
	m->trigger.fs.slots = 1;
}

static void air_trigger_end(struct aiot_msg *m)
{
	air_trigger_repeat(m);
	m->trigger.cmd = AIOT_TRIG_END;
}

static void air_msg2(struct aiot_msg *m)
{
	m->type = AIOT_MSG_MSG2;
	m->ra.rn16 = 0xbeef;
	m->ra.as_id = 0x5a;
}

static void air_nack(struct aiot_msg *m)
{
	m->type = AIOT_MSG_NACK;
	m->ra.rn16 = 0x0001;
	m->ra.as_id = 0xff;
}

static void air_r2d_data(struct aiot_msg *m)
{
	m->type = AIOT_MSG_R2D_DATA;
	m->data.as_id = 0x21;
	m->data.more = true;
	m->data.offset = 0x123;
	m->data.len = 12;
	m->data.data[0] = 0xab;
	m->data.data[1] = 0xc0;
}

/* No SDU: acknowledges the last D2R segment and asks for the next. */
static void air_r2d_data_empty(struct aiot_msg *m)
{
	m->type = AIOT_MSG_R2D_DATA;
	m->data.as_id = 3;
	m->data.offset = 1000;
}

static void air_r2d_ack(struct aiot_msg *m)
{
	m->type = AIOT_MSG_R2D_ACK;
	m->ack_as_id = 0x80;
}

static void air_msg1(struct aiot_msg *m)
{
	m->type = AIOT_MSG_MSG1;
	m->rn16 = 0xbeef;
}

static void air_msg3(struct aiot_msg *m)
{
	unsigned int i;

	m->type = AIOT_MSG_MSG3;
	m->data.as_id = 0x5a;
	m->data.more = true;
	m->data.len = 333;
	for (i = 0; i < (333 + 7) / 8; i++)
		m->data.data[i] = 0x3c ^ (i * 13);
	m->data.data[41] &= 0xe0;	/* 333 = 41 * 8 + 5 */
}

static void air_d2r_data_max(struct aiot_msg *m)
{
	unsigned int i;

	m->type = AIOT_MSG_D2R_DATA;
	m->data.as_id = 0x5a;
	m->data.offset = AIOT_SDU_MAX_BITS - AIOT_SEG_MAX_BITS;
	m->data.len = AIOT_SEG_MAX_BITS;
	for (i = 0; i < AIOT_SEG_MAX_OCTETS; i++)
		m->data.data[i] = 0xff - i;
}

static void air_nnr_integrity(struct aiot_msg *m)
{
	m->type = AIOT_MSG_NO_NAS_RSP;
	m->nnr.as_id = 0x11;
	m->nnr.cause = AIOT_NNR_INTEGRITY;
}

static void air_nnr_unknown(struct aiot_msg *m)
{
	air_nnr_integrity(m);
	m->nnr.cause = AIOT_NNR_UNKNOWN_MSG;
}

static void air_nnr_nocause(struct aiot_msg *m)
{
	air_nnr_integrity(m);
	m->nnr.cause = AIOT_NNR_NONE;
}

struct air_sample {
	const char *name;
	void (*build)(struct aiot_msg *m);
};

static const struct air_sample air_samples[] = {
	{ "paging_min", air_paging_min },
	{ "paging_rand", air_paging_rand },
	{ "paging_filter_nas", air_paging_filter_nas },
	{ "paging_cfra", air_paging_cfra },
	{ "trigger_repeat", air_trigger_repeat },
	{ "trigger_adjust", air_trigger_adjust },
	{ "trigger_adjust_explicit", air_trigger_adjust_explicit },
	{ "trigger_end", air_trigger_end },
	{ "msg2", air_msg2 },
	{ "nack", air_nack },
	{ "r2d_data", air_r2d_data },
	{ "r2d_data_empty", air_r2d_data_empty },
	{ "r2d_ack", air_r2d_ack },
	{ "msg1", air_msg1 },
	{ "msg3", air_msg3 },
	{ "d2r_data_max", air_d2r_data_max },
	{ "nnr_integrity", air_nnr_integrity },
	{ "nnr_unknown", air_nnr_unknown },
	{ "nnr_nocause", air_nnr_nocause },
};

#define AIR_N_SAMPLES	ARRAY_SIZE(air_samples)

/* ---- Known-answer frames (independent bitwise model) --------------------- */

struct air_golden {
	const char *name;
	void (*build)(struct aiot_msg *m);
	size_t bits;
	u8 bytes[12];
};

static const struct air_golden air_goldens[] = {
	{ "msg1", air_msg1, 26, { 0x1b, 0xee, 0xff, 0x40 } },
	{ "msg2", air_msg2, 48, { 0x3b, 0xee, 0xf5, 0xa0, 0x54, 0xd8 } },
	{ "trigger_adjust", air_trigger_adjust, 28,
	  { 0x24, 0x42, 0x1c, 0x10 } },
	{ "nnr_integrity", air_nnr_integrity, 22, { 0x41, 0x18, 0x44 } },
	{ "paging_rand", air_paging_rand, 79,
	  { 0x10, 0x42, 0x6f, 0x56, 0xdf, 0x77, 0x89, 0x33, 0x75, 0x6c } },
	{ "r2d_data", air_r2d_data, 68,
	  { 0x52, 0x18, 0x04, 0x8c, 0x0c, 0xab, 0xc9, 0x8b, 0xf0 } },
};

#define AIR_N_GOLDENS	ARRAY_SIZE(air_goldens)

/* CRC known answers over "123456789" (CRC-16/IBM-3740 and CRC-16/XMODEM
 * are catalogued check values; the CRC-6 ones come from the bitwise model).
 */
#define AIR_CHECK_STR		"123456789"
#define AIR_CRC16_CHECK		0x29b1	/* preset 0xffff */
#define AIR_CRC16_CHECK_0	0x31c3	/* preset 0 */
#define AIR_CRC6_CHECK		0x03	/* preset 0x3f */
#define AIR_CRC6_CHECK_0	0x15	/* preset 0 */
/* Bit-granular: first 12 / 13 bits of a5 c3. */
#define AIR_CRC16_12BITS	0x8a7c
#define AIR_CRC6_13BITS		0x15

/* ---- Field violations: overwrite @n bits at @pos of a valid PDU ---------- */

struct air_violation {
	const char *name;
	void (*build)(struct aiot_msg *m);
	unsigned int pos;
	unsigned int n;
	u32 value;
	int err;
};

static const struct air_violation air_violations[] = {
	/* reserved bits */
	{ "trigger_rsvd6", air_trigger_repeat, 6, 1, 1, -EPROTO },
	{ "trigger_rsvd7", air_trigger_repeat, 7, 1, 1, -EPROTO },
	{ "msg2_rsvd28", air_msg2, 28, 1, 1, -EPROTO },
	{ "msg2_rsvd31", air_msg2, 31, 1, 1, -EPROTO },
	{ "nack_rsvd", air_nack, 28, 4, 0xf, -EPROTO },
	{ "ack_rsvd12", air_r2d_ack, 12, 1, 1, -EPROTO },
	{ "ack_rsvd15", air_r2d_ack, 15, 1, 1, -EPROTO },
	{ "r2d_data_rsvd13", air_r2d_data, 13, 1, 1, -EPROTO },
	{ "r2d_data_rsvd18", air_r2d_data, 18, 1, 1, -EPROTO },
	{ "d2r_data_rsvd", air_d2r_data_max, 13, 6, 0x3f, -EPROTO },
	{ "msg3_rsvd13", air_msg3, 13, 1, 1, -EPROTO },
	{ "nnr_rsvd15", air_nnr_integrity, 15, 1, 1, -EPROTO },
	/* reserved code points and combinations */
	{ "paging_id_type5", air_paging_min, 5, 3, 5, -EPROTO },
	{ "paging_id_type7", air_paging_min, 5, 3, 7, -EPROTO },
	{ "paging_cont_type3", air_paging_min, 8, 2, 3, -EPROTO },
	{ "paging_q21", air_paging_min, 11, 5, 21, -EPROTO },
	{ "paging_q31", air_paging_min, 11, 5, 31, -EPROTO },
	{ "paging_cfra_no_id", air_paging_min, 4, 1, 1, -EPROTO },
	{ "paging_id_len0", air_paging_cfra, 8, 8, 0, -EPROTO },
	{ "paging_rand_len0", air_paging_rand, 10, 7, 0, -EPROTO },
	{ "trigger_cmd3", air_trigger_repeat, 4, 2, 3, -EPROTO },
	{ "trigger_q21", air_trigger_adjust, 17, 5, 21, -EPROTO },
	{ "nnr_cause2", air_nnr_integrity, 13, 2, 2, -EPROTO },
	{ "nnr_cause3", air_nnr_integrity, 13, 2, 3, -EPROTO },
	{ "nnr_cause_without_flag", air_nnr_unknown, 12, 1, 0, -EPROTO },
	/* overlong length fields */
	{ "paging_id_len129", air_paging_cfra, 8, 8, 129, -EOVERFLOW },
	{ "paging_id_len255", air_paging_cfra, 8, 8, 255, -EOVERFLOW },
	{ "paging_rand_len33", air_paging_rand, 10, 7, 33, -EOVERFLOW },
	{ "paging_nas_len126", air_paging_filter_nas, 8 + 8 + 37 + 2, 7, 126,
	  -EOVERFLOW },
	{ "r2d_data_len1001", air_r2d_data, 30, 10, 1001, -EOVERFLOW },
	{ "r2d_data_len1023", air_r2d_data, 30, 10, 1023, -EOVERFLOW },
	{ "r2d_data_offset", air_r2d_data, 19, 11, 2047, -EOVERFLOW },
	{ "d2r_data_offset", air_d2r_data_max, 19, 11, 1001, -EOVERFLOW },
	{ "msg3_len1001", air_msg3, 14, 10, 1001, -EOVERFLOW },
	/* reserved message types */
	{ "r2d_type0", air_msg2, 0, 4, 0, -ENOMSG },
	{ "r2d_type7", air_msg2, 0, 4, 7, -ENOMSG },
	{ "r2d_type15", air_msg2, 0, 4, 15, -ENOMSG },
	{ "d2r_type0", air_msg1, 0, 4, 0, -ENOMSG },
	{ "d2r_type5", air_msg1, 0, 4, 5, -ENOMSG },
	{ "d2r_type15", air_msg1, 0, 4, 15, -ENOMSG },
};

#define AIR_N_VIOLATIONS	ARRAY_SIZE(air_violations)

/* Overwrite @n bits at bit @pos of @buf (MSB first). */
static inline void air_put_bits(u8 *buf, unsigned int pos, u32 v,
				unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		unsigned int bit = (v >> (n - 1 - i)) & 1;
		unsigned int p = pos + i;

		buf[p / 8] &= ~(0x80 >> (p % 8));
		buf[p / 8] |= bit << (7 - p % 8);
	}
}

static inline bool air_fsize_equal(const struct aiot_fsize *a,
				   const struct aiot_fsize *b)
{
	return a->explicit_size == b->explicit_size && a->q == b->q &&
	       a->slots == b->slots;
}

static inline bool air_data_equal(const struct aiot_data *a,
				  const struct aiot_data *b)
{
	return a->as_id == b->as_id && a->more == b->more &&
	       a->offset == b->offset && a->len == b->len &&
	       !memcmp(a->data, b->data, sizeof(a->data));
}

/* Field-by-field comparison, whole arrays included. */
static inline bool air_msg_equal(const struct aiot_msg *a,
				 const struct aiot_msg *b)
{
	const struct aiot_paging *p = &a->paging, *q = &b->paging;

	if (a->type != b->type)
		return false;
	switch (a->type) {
	case AIOT_MSG_PAGING:
		return p->ra_type == q->ra_type && p->id_type == q->id_type &&
		       p->id_bits == q->id_bits &&
		       !memcmp(p->id, q->id, sizeof(p->id)) &&
		       p->cont_type == q->cont_type &&
		       p->cont_len == q->cont_len &&
		       !memcmp(p->cont, q->cont, sizeof(p->cont)) &&
		       air_fsize_equal(&p->fs, &q->fs) &&
		       p->as_id == q->as_id && p->txn == q->txn;
	case AIOT_MSG_TRIGGER:
		return a->trigger.cmd == b->trigger.cmd &&
		       a->trigger.txn == b->trigger.txn &&
		       air_fsize_equal(&a->trigger.fs, &b->trigger.fs);
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		return a->ra.rn16 == b->ra.rn16 && a->ra.as_id == b->ra.as_id;
	case AIOT_MSG_R2D_DATA:
	case AIOT_MSG_D2R_DATA:
	case AIOT_MSG_MSG3:
		return air_data_equal(&a->data, &b->data);
	case AIOT_MSG_R2D_ACK:
		return a->ack_as_id == b->ack_as_id;
	case AIOT_MSG_MSG1:
		return a->rn16 == b->rn16;
	case AIOT_MSG_NO_NAS_RSP:
		return a->nnr.as_id == b->nnr.as_id &&
		       a->nnr.cause == b->nnr.cause;
	default:
		return false;
	}
}

/* ---- Checks, run by both the KUnit and the userspace harness ------------- */

struct air_scratch {
	struct aiot_msg a;
	struct aiot_msg b;
	u8 buf[AIOT_FRAME_MAX_OCTETS + 16];
	u8 buf2[AIOT_FRAME_MAX_OCTETS + 16];
	char why[256];
};

#define AIR_FAIL(s, ...) \
	(snprintf((s)->why, sizeof((s)->why), __VA_ARGS__), -1)

static inline void air_build(const struct air_sample *c, struct aiot_msg *m)
{
	memset(m, 0, sizeof(*m));
	c->build(m);
}

/* Bitwise reference CRC, straight from the polynomial. */
static inline u32 air_ref_crc(const u8 *buf, size_t bits, u32 poly,
			      unsigned int width, u32 crc)
{
	u32 mask = (width == 32) ? ~0u : (1u << width) - 1;
	size_t i;

	for (i = 0; i < bits; i++) {
		u32 fb = ((crc >> (width - 1)) ^ (buf[i / 8] >> (7 - i % 8))) & 1;

		crc = (crc << 1) & mask;
		if (fb)
			crc ^= poly;
	}
	return crc;
}

static int air_check_crc_kat(struct air_scratch *s)
{
	static const u8 ab[2] = { 0xa5, 0xc3 };
	const u8 *chk = (const u8 *)AIR_CHECK_STR;
	size_t bits = 8 * strlen(AIR_CHECK_STR);

	if (aiot_crc16(chk, bits) != AIR_CRC16_CHECK)
		return AIR_FAIL(s, "crc16 check %04x", aiot_crc16(chk, bits));
	if (aiot_crc16_from(0, chk, bits) != AIR_CRC16_CHECK_0)
		return AIR_FAIL(s, "crc16/0 check");
	if (aiot_crc6(chk, bits) != AIR_CRC6_CHECK)
		return AIR_FAIL(s, "crc6 check %02x", aiot_crc6(chk, bits));
	if (aiot_crc6_from(0, chk, bits) != AIR_CRC6_CHECK_0)
		return AIR_FAIL(s, "crc6/0 check");
	if (aiot_crc16(ab, 12) != AIR_CRC16_12BITS)
		return AIR_FAIL(s, "crc16 over 12 bits %04x", aiot_crc16(ab, 12));
	if (aiot_crc6(ab, 13) != AIR_CRC6_13BITS)
		return AIR_FAIL(s, "crc6 over 13 bits %02x", aiot_crc6(ab, 13));
	/* x^6 mod g(x) = g(x) - x^6: one 1 bit from a zero register */
	s->buf[0] = 0x80;
	if (aiot_crc6_from(0, s->buf, 1) != AIOT_CRC6_POLY)
		return AIR_FAIL(s, "crc6 of a single 1 bit");
	if (aiot_crc16_from(0, s->buf, 1) != AIOT_CRC16_POLY)
		return AIR_FAIL(s, "crc16 of a single 1 bit");
	return 0;
}

/* Table-driven and library CRCs equal the bitwise definition everywhere. */
static int air_check_crc_tables(struct air_scratch *s)
{
	u32 x = 0x12345678;
	size_t i, bits;
	unsigned int v;

	for (v = 0; v < 256; v++) {
		s->buf[0] = v;
		for (i = 0; i < 64; i += 21) {
			if (aiot_crc6_from(i & 0x3f, s->buf, 8) !=
			    air_ref_crc(s->buf, 8, AIOT_CRC6_POLY, 6, i & 0x3f))
				return AIR_FAIL(s, "crc6 table at %u/%zu", v, i);
		}
	}
	for (i = 0; i < sizeof(s->buf); i++) {
		x = x * 1103515245 + 12345;
		s->buf[i] = x >> 16;
	}
	for (bits = 0; bits <= 8 * 40; bits += 7) {
		if (aiot_crc16(s->buf, bits) !=
		    air_ref_crc(s->buf, bits, AIOT_CRC16_POLY, 16,
				AIOT_CRC16_INIT))
			return AIR_FAIL(s, "crc16 over %zu bits", bits);
		if (aiot_crc6(s->buf, bits) !=
		    air_ref_crc(s->buf, bits, AIOT_CRC6_POLY, 6, AIOT_CRC6_INIT))
			return AIR_FAIL(s, "crc6 over %zu bits", bits);
	}
	return 0;
}

static int air_check_goldens(struct air_scratch *s)
{
	size_t i, bits;
	int err;

	for (i = 0; i < AIR_N_GOLDENS; i++) {
		const struct air_golden *g = &air_goldens[i];

		memset(&s->a, 0, sizeof(s->a));
		g->build(&s->a);
		memset(s->buf, 0xee, sizeof(s->buf));
		err = aiot_frame_encode(&s->a, s->buf, sizeof(s->buf), &bits);
		if (err || bits != g->bits)
			return AIR_FAIL(s, "%s: encode %d, %zu bits", g->name,
					err, bits);
		if (memcmp(s->buf, g->bytes, (bits + 7) / 8))
			return AIR_FAIL(s, "%s: bytes differ", g->name);
		err = aiot_frame_decode(g->bytes, g->bits,
					aiot_msg_link(s->a.type), &s->b);
		if (err || !air_msg_equal(&s->a, &s->b))
			return AIR_FAIL(s, "%s: decode %d", g->name, err);
	}
	return 0;
}

static int air_check_round_trip(struct air_scratch *s)
{
	size_t i, bits, pbits;
	int err, link;

	for (i = 0; i < AIR_N_SAMPLES; i++) {
		const struct air_sample *c = &air_samples[i];

		air_build(c, &s->a);
		link = aiot_msg_link(s->a.type);
		err = aiot_pdu_encode(&s->a, s->buf, sizeof(s->buf), &pbits);
		if (err || (int)pbits != aiot_pdu_bits(&s->a))
			return AIR_FAIL(s, "%s: pdu encode %d", c->name, err);
		err = aiot_pdu_decode(s->buf, pbits, link, &s->b);
		if (err || !air_msg_equal(&s->a, &s->b))
			return AIR_FAIL(s, "%s: pdu decode %d", c->name, err);
		err = aiot_frame_encode(&s->a, s->buf, sizeof(s->buf), &bits);
		if (err)
			return AIR_FAIL(s, "%s: frame encode %d", c->name, err);
		if (bits != pbits + (pbits <= AIOT_CRC6_MAX_INFO_BITS ? 6 : 16))
			return AIR_FAIL(s, "%s: CRC length", c->name);
		err = aiot_frame_decode(s->buf, bits, link, &s->b);
		if (err || !air_msg_equal(&s->a, &s->b))
			return AIR_FAIL(s, "%s: frame decode %d", c->name, err);
		/* the other direction never takes it for the same message */
		err = aiot_frame_decode(s->buf, bits, !link, &s->b);
		if (!err && s->b.type == s->a.type)
			return AIR_FAIL(s, "%s: decoded as the other link",
					c->name);
	}
	return 0;
}

/* Every prefix of every message: truncated, as a PDU and as a frame. */
static int air_check_truncation(struct air_scratch *s)
{
	size_t i, t, pbits, fbits;
	int err, link;

	for (i = 0; i < AIR_N_SAMPLES; i++) {
		const struct air_sample *c = &air_samples[i];

		air_build(c, &s->a);
		link = aiot_msg_link(s->a.type);
		aiot_pdu_encode(&s->a, s->buf, sizeof(s->buf), &pbits);
		for (t = 0; t < pbits; t++) {
			err = aiot_pdu_decode(s->buf, t, link, &s->b);
			if (err != -ENODATA)
				return AIR_FAIL(s, "%s: pdu cut at %zu: %d",
						c->name, t, err);
			memcpy(s->buf2, s->buf, sizeof(s->buf));
			if (aiot_frame_seal(s->buf2, sizeof(s->buf2), t, &fbits))
				return AIR_FAIL(s, "%s: seal", c->name);
			err = aiot_frame_decode(s->buf2, fbits, link, &s->b);
			if (err != -ENODATA)
				return AIR_FAIL(s, "%s: frame cut at %zu: %d",
						c->name, t, err);
		}
	}
	return 0;
}

/* Bits after the last field: overlong, whatever their value. */
static int air_check_overlong(struct air_scratch *s)
{
	size_t i, extra, pbits, fbits;
	unsigned int fill;
	int err, link;

	for (i = 0; i < AIR_N_SAMPLES; i++) {
		const struct air_sample *c = &air_samples[i];

		air_build(c, &s->a);
		link = aiot_msg_link(s->a.type);
		for (extra = 1; extra <= 9; extra++) {
			for (fill = 0; fill <= 1; fill++) {
				aiot_pdu_encode(&s->a, s->buf, sizeof(s->buf),
						&pbits);
				if (pbits + extra + 16 > AIOT_FRAME_MAX_BITS)
					continue;
				air_put_bits(s->buf, pbits, fill ? 0x1ff : 0,
					     extra);
				err = aiot_pdu_decode(s->buf, pbits + extra,
						      link, &s->b);
				if (err != -EOVERFLOW)
					return AIR_FAIL(s, "%s: +%zu bits: %d",
							c->name, extra, err);
				aiot_frame_seal(s->buf, sizeof(s->buf),
						pbits + extra, &fbits);
				err = aiot_frame_decode(s->buf, fbits, link,
							&s->b);
				if (err != -EOVERFLOW)
					return AIR_FAIL(s, "%s: frame +%zu: %d",
							c->name, extra, err);
			}
		}
	}
	return 0;
}

static int air_check_violations(struct air_scratch *s)
{
	size_t i, pbits, fbits;
	int err, link;

	for (i = 0; i < AIR_N_VIOLATIONS; i++) {
		const struct air_violation *v = &air_violations[i];

		memset(&s->a, 0, sizeof(s->a));
		v->build(&s->a);
		link = aiot_msg_link(s->a.type);
		if (aiot_pdu_encode(&s->a, s->buf, sizeof(s->buf), &pbits))
			return AIR_FAIL(s, "%s: base does not encode", v->name);
		air_put_bits(s->buf, v->pos, v->value, v->n);
		err = aiot_pdu_decode(s->buf, pbits, link, &s->b);
		if (err != v->err)
			return AIR_FAIL(s, "%s: pdu %d, want %d", v->name, err,
					v->err);
		aiot_frame_seal(s->buf, sizeof(s->buf), pbits, &fbits);
		err = aiot_frame_decode(s->buf, fbits, link, &s->b);
		if (err != v->err)
			return AIR_FAIL(s, "%s: frame %d, want %d", v->name,
					err, v->err);
	}
	return 0;
}

/* Any single flipped bit, CRC field included, is a CRC error. */
static int air_check_bad_crc(struct air_scratch *s)
{
	size_t i, b, bits;
	int err, link;

	for (i = 0; i < AIR_N_SAMPLES; i++) {
		const struct air_sample *c = &air_samples[i];

		air_build(c, &s->a);
		link = aiot_msg_link(s->a.type);
		aiot_frame_encode(&s->a, s->buf, sizeof(s->buf), &bits);
		for (b = 0; b < bits; b++) {
			s->buf[b / 8] ^= 0x80 >> (b % 8);
			err = aiot_frame_decode(s->buf, bits, link, &s->b);
			s->buf[b / 8] ^= 0x80 >> (b % 8);
			if (err != -EBADMSG)
				return AIR_FAIL(s, "%s: bit %zu flipped: %d",
						c->name, b, err);
		}
	}
	return 0;
}

/* -ENOMSG exactly for the code points no message of the link uses. */
static int air_check_types(struct air_scratch *s)
{
	static const u8 used[2][16] = {
		[AIOT_LINK_R2D] = {
			[AIOT_MT_R2D_PAGING] = 1, [AIOT_MT_R2D_TRIGGER] = 1,
			[AIOT_MT_R2D_MSG2] = 1, [AIOT_MT_R2D_NACK] = 1,
			[AIOT_MT_R2D_DATA] = 1, [AIOT_MT_R2D_ACK] = 1,
		},
		[AIOT_LINK_D2R] = {
			[AIOT_MT_D2R_MSG1] = 1, [AIOT_MT_D2R_MSG3] = 1,
			[AIOT_MT_D2R_DATA] = 1, [AIOT_MT_D2R_NO_NAS_RSP] = 1,
		},
	};
	unsigned int link, code;
	size_t fbits;
	int err;

	for (link = 0; link < 2; link++) {
		for (code = 0; code < 16; code++) {
			memset(s->buf, 0, sizeof(s->buf));
			air_put_bits(s->buf, 0, code, 4);
			aiot_frame_seal(s->buf, sizeof(s->buf), 48, &fbits);
			err = aiot_frame_decode(s->buf, fbits, link, &s->b);
			if ((err == -ENOMSG) != !used[link][code])
				return AIR_FAIL(s, "link %u code %u: %d", link,
						code, err);
		}
	}
	return 0;
}

static int air_check_frame_lengths(struct air_scratch *s)
{
	size_t bits;
	int err;

	memset(s->buf, 0, sizeof(s->buf));
	for (bits = 0; bits < AIOT_MT_BITS + AIOT_CRC6_BITS; bits++) {
		err = aiot_frame_decode(s->buf, bits, AIOT_LINK_R2D, &s->b);
		if (err != -ENODATA)
			return AIR_FAIL(s, "%zu-bit frame: %d", bits, err);
	}
	/* CRC-16 with <= 24 information bits does not exist */
	for (bits = 31; bits <= 40; bits++) {
		err = aiot_frame_decode(s->buf, bits, AIOT_LINK_D2R, &s->b);
		if (err != -EMSGSIZE)
			return AIR_FAIL(s, "%zu-bit frame: %d", bits, err);
	}
	err = aiot_frame_decode(s->buf, AIOT_FRAME_MAX_BITS + 1,
				AIOT_LINK_R2D, &s->b);
	if (err != -EMSGSIZE)
		return AIR_FAIL(s, "over-long frame: %d", err);
	err = aiot_frame_seal(s->buf, sizeof(s->buf),
			      AIOT_FRAME_MAX_BITS - 15, &bits);
	if (err != -EMSGSIZE)
		return AIR_FAIL(s, "seal past the maximum: %d", err);
	err = aiot_pdu_decode(s->buf, 16, 2, &s->b);
	if (err != -EINVAL)
		return AIR_FAIL(s, "bad link: %d", err);
	return 0;
}

static int air_check_encoder(struct air_scratch *s)
{
	struct aiot_msg *m = &s->a;
	size_t bits, need;
	int err;

	/* exact-size buffer works and nothing past it is written */
	air_build(&air_samples[2], m);
	need = (aiot_frame_bits_for(aiot_pdu_bits(m)) + 7) / 8;
	memset(s->buf, 0x5c, sizeof(s->buf));
	err = aiot_frame_encode(m, s->buf, need, &bits);
	if (err || s->buf[need] != 0x5c)
		return AIR_FAIL(s, "exact buffer: %d", err);
	if (aiot_frame_encode(m, s->buf, need - 1, &bits) != -EMSGSIZE)
		return AIR_FAIL(s, "short buffer accepted");
	if (aiot_pdu_encode(m, s->buf, 3, &bits) != -EMSGSIZE)
		return AIR_FAIL(s, "short pdu buffer accepted");

	air_paging_min(memset(m, 0, sizeof(*m)));
	m->paging.fs.q = AIOT_FS_Q_MAX + 1;
	if (aiot_pdu_bits(m) != -EINVAL)
		return AIR_FAIL(s, "q above the maximum");
	m->paging.fs.explicit_size = true;
	m->paging.fs.slots = 0;
	if (aiot_pdu_bits(m) != -EINVAL)
		return AIR_FAIL(s, "zero slots");
	m->paging.fs.slots = AIOT_FS_SLOTS_MAX + 1;
	if (aiot_pdu_bits(m) != -EOVERFLOW)
		return AIR_FAIL(s, "too many slots");
	air_paging_min(memset(m, 0, sizeof(*m)));
	m->paging.id_type = AIOT_ID_TEMPORARY;
	m->paging.id_bits = AIOT_ID_MAX_BITS + 1;
	if (aiot_pdu_bits(m) != -EOVERFLOW)
		return AIR_FAIL(s, "identity too long");
	m->paging.id_bits = 0;
	if (aiot_pdu_bits(m) != -EINVAL)
		return AIR_FAIL(s, "empty identity");
	air_paging_rand(memset(m, 0, sizeof(*m)));
	m->paging.cont_len = AIOT_RAND_MAX_OCTETS + 1;
	if (aiot_pdu_bits(m) != -EOVERFLOW)
		return AIR_FAIL(s, "RAND too long");
	air_paging_min(memset(m, 0, sizeof(*m)));
	m->paging.ra_type = AIOT_RA_CFRA;
	if (aiot_pdu_bits(m) != -EINVAL)
		return AIR_FAIL(s, "CFRA without identity");
	m->paging.ra_type = 2;
	if (aiot_pdu_bits(m) != -EINVAL)
		return AIR_FAIL(s, "RA type 2");

	air_msg3(memset(m, 0, sizeof(*m)));
	m->data.offset = 8;
	if (aiot_pdu_bits(m) != -EINVAL)
		return AIR_FAIL(s, "Msg3 with an offset");
	air_r2d_data(memset(m, 0, sizeof(*m)));
	m->data.len = AIOT_SEG_MAX_BITS + 1;
	if (aiot_pdu_bits(m) != -EOVERFLOW)
		return AIR_FAIL(s, "segment too long");
	m->data.len = AIOT_SEG_MAX_BITS;
	m->data.offset = AIOT_SDU_MAX_BITS - AIOT_SEG_MAX_BITS + 1;
	if (aiot_pdu_bits(m) != -EOVERFLOW)
		return AIR_FAIL(s, "segment past the SDU");

	air_msg2(memset(m, 0, sizeof(*m)));
	m->ra.as_id = 1u << AIOT_AS_ID_BITS;
	if (aiot_pdu_bits(m) != -EINVAL)
		return AIR_FAIL(s, "AS ID too wide");
	air_trigger_repeat(memset(m, 0, sizeof(*m)));
	m->trigger.cmd = 3;
	if (aiot_pdu_bits(m) != -EINVAL)
		return AIR_FAIL(s, "trigger command 3");
	air_nnr_integrity(memset(m, 0, sizeof(*m)));
	m->nnr.cause = 3;
	if (aiot_pdu_bits(m) != -EINVAL)
		return AIR_FAIL(s, "cause 3");
	memset(m, 0, sizeof(*m));
	if (aiot_frame_encode(m, s->buf, sizeof(s->buf), &bits) != -ENOMSG)
		return AIR_FAIL(s, "type NONE encoded");
	m->type = AIOT_MSG_COUNT;
	if (aiot_pdu_bits(m) != -ENOMSG)
		return AIR_FAIL(s, "type COUNT encoded");
	return 0;
}

static int air_check_distinct_errors(struct air_scratch *s)
{
	static const int errs[] = {
		-ENODATA, -EOVERFLOW, -EBADMSG, -ENOMSG, -EPROTO, -EMSGSIZE,
		-EINVAL,
	};
	size_t i, j;

	for (i = 0; i < ARRAY_SIZE(errs); i++)
		for (j = i + 1; j < ARRAY_SIZE(errs); j++)
			if (errs[i] == errs[j])
				return AIR_FAIL(s, "errors %zu and %zu equal",
						i, j);
	return 0;
}

/* The samples cover every message type; names and links are right. */
static int air_check_coverage(struct air_scratch *s)
{
	unsigned int seen = 0, t;
	size_t i;

	for (i = 0; i < AIR_N_SAMPLES; i++) {
		air_build(&air_samples[i], &s->a);
		seen |= 1u << s->a.type;
	}
	for (t = AIOT_MSG_PAGING; t < AIOT_MSG_COUNT; t++) {
		if (!(seen & (1u << t)))
			return AIR_FAIL(s, "no sample of %s", aiot_msg_name(t));
		if (aiot_msg_link(t) != (t <= AIOT_MSG_R2D_ACK ?
					 AIOT_LINK_R2D : AIOT_LINK_D2R))
			return AIR_FAIL(s, "link of %s", aiot_msg_name(t));
	}
	if (aiot_msg_link(AIOT_MSG_NONE) != -EINVAL ||
	    strcmp(aiot_msg_name(AIOT_MSG_COUNT), "?") ||
	    strcmp(aiot_msg_name(AIOT_MSG_NO_NAS_RSP), "no-nas-rsp"))
		return AIR_FAIL(s, "invalid type accepted");
	return 0;
}

/* ---- Fast paths against the general path --------------------------------- */

/*
 * aiot_frame_encode() and aiot_frame_decode() take fast paths for the fixed
 * layouts and the data messages. The general path is the PDU codec with the
 * CRC: aiot_pdu_encode() then aiot_frame_seal(), or the CRC checked then
 * aiot_pdu_decode(). Both must give the same frame, message and error.
 */

/* @n (<= 32) bits at bit @pos of @buf (MSB first) */
static inline u32 air_get_bits(const u8 *buf, size_t pos, unsigned int n)
{
	u32 v = 0;
	unsigned int i;

	for (i = 0; i < n; i++, pos++)
		v = v << 1 | ((buf[pos / 8] >> (7 - pos % 8)) & 1);
	return v;
}

static inline u32 air_rand(u32 *x)
{
	*x = *x * 1103515245 + 12345;
	return *x >> 8;
}

/* Decode the @bits-bit frame in s->buf both ways (10..30 or 41.. bits). */
static int air_decode_agrees(struct air_scratch *s, size_t bits, int link)
{
	size_t info = bits - (bits <= AIOT_CRC6_MAX_INFO_BITS + AIOT_CRC6_BITS ?
			      AIOT_CRC6_BITS : AIOT_CRC16_BITS);
	u32 crc = info <= AIOT_CRC6_MAX_INFO_BITS ? aiot_crc6(s->buf, info) :
						    aiot_crc16(s->buf, info);
	int want = -EBADMSG, got;

	memset(&s->b, 0, sizeof(s->b));
	if (air_get_bits(s->buf, info, bits - info) == crc)
		want = aiot_pdu_decode(s->buf, info, link, &s->b);
	got = aiot_frame_decode(s->buf, bits, link, &s->a);
	if (got != want || s->a.type != s->b.type ||
	    (!got && !air_msg_equal(&s->a, &s->b)))
		return AIR_FAIL(s, "%zu-bit frame, link %d: %d/%d, general %d/%d",
				bits, link, got, s->a.type, want, s->b.type);
	return 0;
}

/* Every PDU of @pbits bits in steps of @step, sealed, and its CRC broken. */
static int air_decode_all(struct air_scratch *s, unsigned int pbits, u32 step)
{
	size_t bits, pos;
	u64 v;
	int link;

	for (v = 0; v < (1ull << pbits); v += step) {
		for (link = 0; link < 2; link++) {
			memset(s->buf, 0, 8);
			air_put_bits(s->buf, 0, v, pbits);
			aiot_frame_seal(s->buf, sizeof(s->buf), pbits, &bits);
			if (air_decode_agrees(s, bits, link))
				return -1;
			pos = pbits + (u32)v % (bits - pbits);
			air_put_bits(s->buf, pos, ~air_get_bits(s->buf, pos, 1), 1);
			if (air_decode_agrees(s, bits, link))
				return -1;
		}
	}
	return 0;
}

/* Encode s->a into @len octets both ways. */
static int air_encode_agrees(struct air_scratch *s, size_t len)
{
	int pbits = aiot_pdu_bits(&s->a), want = pbits, got;
	size_t fbits = 0, bits = 0, pb;

	memset(s->buf, 0x5c, sizeof(s->buf));
	memset(s->buf2, 0x5c, sizeof(s->buf2));
	if (pbits >= 0) {
		want = -EMSGSIZE;
		if (aiot_frame_bits_for(pbits) <= AIOT_FRAME_MAX_BITS &&
		    len >= (aiot_frame_bits_for(pbits) + 7) / 8) {
			want = aiot_pdu_encode(&s->a, s->buf2, len, &pb);
			if (!want)
				want = aiot_frame_seal(s->buf2, len, pb, &fbits);
		}
	}
	got = aiot_frame_encode(&s->a, s->buf, len, &bits);
	if (got != want || (!got && bits != fbits) ||
	    memcmp(s->buf, s->buf2, sizeof(s->buf)))
		return AIR_FAIL(s, "%s into %zu octets: %d/%zu, general %d/%zu",
				aiot_msg_name(s->a.type), len, got, bits, want,
				fbits);
	return 0;
}

/* A random message of a fast-path type, its fields now and then invalid. */
static void air_rand_fast(struct aiot_msg *m, u32 *x)
{
	static const u8 types[] = {
		AIOT_MSG_TRIGGER, AIOT_MSG_MSG2, AIOT_MSG_NACK, AIOT_MSG_R2D_ACK,
		AIOT_MSG_MSG1, AIOT_MSG_NO_NAS_RSP, AIOT_MSG_MSG3,
		AIOT_MSG_R2D_DATA, AIOT_MSG_D2R_DATA,
	};
	unsigned int i, wide = air_rand(x) % 8 == 0;

	memset(m, 0, sizeof(*m));
	m->type = types[air_rand(x) % ARRAY_SIZE(types)];
	switch (m->type) {
	case AIOT_MSG_TRIGGER:
		m->trigger.cmd = air_rand(x) % 4;
		m->trigger.txn = air_rand(x);
		m->trigger.fs.q = air_rand(x) % 8;
		break;
	case AIOT_MSG_MSG2:
	case AIOT_MSG_NACK:
		m->ra.rn16 = air_rand(x);
		m->ra.as_id = air_rand(x) & (wide ? 0x1ff : 0xff);
		break;
	case AIOT_MSG_R2D_ACK:
		m->ack_as_id = air_rand(x) & (wide ? 0x1ff : 0xff);
		break;
	case AIOT_MSG_MSG1:
		m->rn16 = air_rand(x);
		break;
	case AIOT_MSG_NO_NAS_RSP:
		m->nnr.as_id = air_rand(x) & (wide ? 0x1ff : 0xff);
		m->nnr.cause = air_rand(x) % (wide ? 4 : 3);
		break;
	default:
		m->data.as_id = air_rand(x) & (wide ? 0x1ff : 0xff);
		m->data.more = air_rand(x) & 1;
		m->data.len = air_rand(x) % 4 ? air_rand(x) % 80 :
			      air_rand(x) % (AIOT_SEG_MAX_BITS + 2);
		if (m->type != AIOT_MSG_MSG3 || wide)
			m->data.offset = air_rand(x) %
					 (AIOT_SDU_MAX_BITS - m->data.len + 2);
		for (i = 0; i < sizeof(m->data.data); i++)
			m->data.data[i] = air_rand(x);
		break;
	}
}

static int air_check_fast_paths(struct air_scratch *s)
{
	size_t bits, need, len, i;
	u32 x = 0x6a09e667;
	unsigned int round, pos, n;
	int link;

	/* every frame of a trigger, R2D ack, "no NAS response" (16-bit PDUs) */
	if (air_decode_all(s, AIOT_MT_BITS + 12, 1))
		return -1;
	/* Msg1 (20 bits), Msg2 and NACK (32 bits), sampled */
	if (air_decode_all(s, AIOT_MT_BITS + 16, 5) ||
	    air_decode_all(s, AIOT_MT_BITS + 28, 65537))
		return -1;
	/* random messages: encode both ways, then decode variants */
	for (round = 0; round < 20000; round++) {
		air_rand_fast(&s->a, &x);
		need = (aiot_frame_bits_for(aiot_pdu_bits(&s->a)) + 7) / 8;
		len = round % 8 ? sizeof(s->buf) - 16 : need - air_rand(&x) % 2;
		if (air_encode_agrees(s, len))
			return -1;
		if (aiot_frame_encode(&s->a, s->buf, sizeof(s->buf) - 16, &bits))
			continue;
		link = aiot_msg_link(s->a.type);
		if (air_decode_agrees(s, bits, link) ||
		    air_decode_agrees(s, bits, !link))
			return -1;
		/* PDU bits rewritten, or the PDU cut or extended, resealed */
		aiot_pdu_encode(&s->a, s->buf, sizeof(s->buf) - 16, &bits);
		switch (round % 3) {
		case 0:
			pos = air_rand(&x) % bits;
			n = 1 + air_rand(&x) % 12;
			for (i = pos; i < pos + n && i < bits; i++)
				air_put_bits(s->buf, i, air_rand(&x), 1);
			break;
		case 1:
			bits -= air_rand(&x) % (bits + 1);
			break;
		default:
			n = 1 + air_rand(&x) % 16;
			for (i = bits; i < bits + n; i++)
				air_put_bits(s->buf, i, air_rand(&x), 1);
			bits += n;
			break;
		}
		if (bits + AIOT_CRC16_BITS > AIOT_FRAME_MAX_BITS ||
		    aiot_frame_seal(s->buf, sizeof(s->buf), bits, &bits))
			continue;
		if (bits < AIOT_MT_BITS + AIOT_CRC6_BITS)
			continue;
		if (air_decode_agrees(s, bits, link) ||
		    air_decode_agrees(s, bits, !link))
			return -1;
	}
	return 0;
}

#define AIR_N_CHECKS	ARRAY_SIZE(air_checks)

struct air_check {
	const char *name;
	int (*run)(struct air_scratch *s);
};

static const struct air_check air_checks[] __maybe_unused = {
	{ "crc_known_answers", air_check_crc_kat },
	{ "crc_tables", air_check_crc_tables },
	{ "golden_frames", air_check_goldens },
	{ "round_trip", air_check_round_trip },
	{ "every_truncation", air_check_truncation },
	{ "overlong", air_check_overlong },
	{ "field_violations", air_check_violations },
	{ "bad_crc", air_check_bad_crc },
	{ "message_types", air_check_types },
	{ "frame_lengths", air_check_frame_lengths },
	{ "encoder_rejects", air_check_encoder },
	{ "distinct_errors", air_check_distinct_errors },
	{ "coverage", air_check_coverage },
	{ "fast_paths", air_check_fast_paths },
};

#endif /* _AIOT_AIR_CASES_H */
