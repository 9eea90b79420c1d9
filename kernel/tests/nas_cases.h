/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The security profiles' NAS messages (Documentation/security-profiles.rst,
 * "New AIoT NAS messages"), shared by the KUnit suite aiot_nas
 * (kernel/tests/nas_test.c) and the userspace unit test
 * (tests/unit/test_nas.c): the wire vectors, the flags and policy tables,
 * and the checks over them, written once.
 *
 * Each check is a test function of either harness: NAS_TEST is its
 * argument, and the NAS_EXPECT_* and NAS_ASSERT_* macros map to KUnit's
 * in the kernel and to cmocka's in userspace (where an expectation stops
 * the test, as an assertion does).  The userspace includer has included
 * <cmocka.h> first.
 */
#ifndef _AIOT_NAS_CASES_H
#define _AIOT_NAS_CASES_H

#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>
#include <aiot/air_values.h>

#include "nas.h"

#ifdef __KERNEL__
#include <kunit/test.h>

#define NAS_TEST	struct kunit *
#define NAS_EXPECT_EQ			KUNIT_EXPECT_EQ
#define NAS_EXPECT_EQ_MSG		KUNIT_EXPECT_EQ_MSG
#define NAS_ASSERT_EQ			KUNIT_ASSERT_EQ
#define NAS_ASSERT_EQ_MSG		KUNIT_ASSERT_EQ_MSG
#define NAS_ASSERT_GT			KUNIT_ASSERT_GT
#define NAS_EXPECT_PTR_EQ		KUNIT_EXPECT_PTR_EQ
#define NAS_EXPECT_PTR_EQ_MSG		KUNIT_EXPECT_PTR_EQ_MSG
#define NAS_ASSERT_NOT_NULL_MSG		KUNIT_ASSERT_NOT_NULL_MSG
#else
#define NAS_TEST	void **

/* assert_int_equal() that says which case failed */
#define NAS_EXPECT_EQ_MSG(t, a, b, ...) do {				\
	long long a_ = (a), b_ = (b);					\
									\
	(void)(t);							\
	if (a_ != b_) {							\
		print_error(__VA_ARGS__);				\
		print_error(": %lld, expected %lld\n", a_, b_);		\
	}								\
	assert_int_equal(a_, b_);					\
} while (0)
#define NAS_EXPECT_EQ(t, a, b)	NAS_EXPECT_EQ_MSG(t, a, b, "%s", #a)
#define NAS_ASSERT_EQ		NAS_EXPECT_EQ
#define NAS_ASSERT_EQ_MSG	NAS_EXPECT_EQ_MSG
#define NAS_ASSERT_GT(t, a, b)	NAS_EXPECT_EQ_MSG(t, (a) > (b), 1, "%s", #a)
#define NAS_EXPECT_PTR_EQ_MSG(t, a, b, ...) \
	NAS_EXPECT_EQ_MSG(t, (uintptr_t)(a), (uintptr_t)(b), __VA_ARGS__)
#define NAS_EXPECT_PTR_EQ(t, a, b)	NAS_EXPECT_PTR_EQ_MSG(t, a, b, "%s", #a)
#define NAS_ASSERT_NOT_NULL_MSG(t, p, ...) \
	NAS_EXPECT_EQ_MSG(t, !(p), 0, __VA_ARGS__)
#endif

/*
 * The messages of the security profiles (Documentation/security-profiles.rst,
 * "New AIoT NAS messages"): each flag combination the page allows, with the
 * page's size for a 32-bit identity.  The field octets are all different,
 * so a field read from the wrong place shows.  Ciphered parts are opaque
 * to the codec: any octets do.
 */
static const u8 p_nonce[] = { 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17 };

static const u8 p_kid[] = { 0x20, 0x21, 0x22, 0x23 };

static const u8 p_enc[] = {
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39,
	0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f, 0x40, 0x41, 0x42, 0x43,
};

static const u8 p_ares[] = { 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57 };

static const u8 p_nres[] = { 0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f };

static const u8 p_mac[] = { 0x60, 0x61, 0x62, 0x63 };

static const u8 p_tid[] = { 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f };

static const u8 p_id32[] = { 0xa1, 0x07, 0x00, 0x2a };

static const u8 p_read[] = { 0x50, 0x00, 0x04, 0x00, 0x04 };

static const u8 p_rdrsp[] = { 0x51, 0x00, 0xde, 0xad, 0xbe, 0xef };

static const u8 w_yp_group[] = {
	0x00, 0x60, 0x00,				/* SHT, type, flags: group */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* nonce1 */
};

static const u8 w_yp_pid[] = {
	0x00, 0x60, 0x01,				/* SHT, type, flags: PID */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* nonce1 */
	0x30, 0x31, 0x32, 0x33,				/* PID: ID */
};

static const u8 w_yp_ctr[] = {
	0x00, 0x60, 0x03,				/* SHT, type, flags: PID, counter */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* nonce1 */
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37,	/* PID: ID, counter */
};

static const u8 w_yp_mac[] = {
	0x00, 0x60, 0x07,				/* SHT, type, flags: PID, counter, MAC-P */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* nonce1 */
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37,	/* PID: ID, counter */
	0x60, 0x61, 0x62, 0x63,				/* MAC-P */
};

static const u8 w_yp_128[] = {
	0x00, 0x60, 0x07,				/* SHT, type, flags: PID, counter, MAC-P */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* nonce1 */
	0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37,	/* PID: ID (16 octets), */
	0x38, 0x39, 0x3a, 0x3b, 0x3c, 0x3d, 0x3e, 0x3f,
	0x40, 0x41, 0x42, 0x43,				/* counter */
	0x60, 0x61, 0x62, 0x63,				/* MAC-P */
};

static const u8 w_ya_mutual[] = {
	0x00, 0x61, 0x00,				/* SHT, type, flags: none (mutual) */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* Nonce2 */
	0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57,	/* ARES */
};

static const u8 w_ya_resync[] = {
	0x00, 0x61, 0x01,				/* SHT, type, flags: RESYNC */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* Nonce2 */
	0x30, 0x31, 0x32, 0x33,				/* ciphered counter */
	0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57,	/* ARES */
};

static const u8 w_ya_oneway[] = {
	0x00, 0x61, 0x02,				/* SHT, type, flags: PID (one-way) */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* Nonce2 */
	0x30, 0x31, 0x32, 0x33, 0x34,			/* ciphered id_bits | ID */
	0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57,	/* ARES */
};

static const u8 w_ya_group[] = {
	0x00, 0x61, 0x04,				/* SHT, type, flags: KID */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* Nonce2 */
	0x20, 0x21, 0x22, 0x23,				/* KID */
	0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57,	/* ARES */
};

static const u8 w_ya_group1[] = {
	0x00, 0x61, 0x06,				/* SHT, type, flags: KID, PID */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* Nonce2 */
	0x20, 0x21, 0x22, 0x23,				/* KID */
	0x30, 0x31, 0x32, 0x33, 0x34,			/* ciphered id_bits | ID */
	0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57,	/* ARES */
};

static const u8 w_ynet[] = {
	0x00, 0x62,					/* SHT, type */
	0x58, 0x59, 0x5a, 0x5b, 0x5c, 0x5d, 0x5e, 0x5f,	/* NRES */
};

static const u8 w_yid[] = {
	0x00, 0x63,			/* SHT, type */
	0x30, 0x31, 0x32, 0x33, 0x34,	/* ciphered id_bits | ID */
	0x60, 0x61, 0x62, 0x63,		/* MAC */
};

static const u8 w_9a_pid[] = {
	0x00, 0x71, 0x15,				/* SHT, type, policy 0x15 */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* DN */
	0x30, 0x31, 0x32, 0x33, 0x34,			/* ciphered id_bits | ID */
	0x60, 0x61, 0x62, 0x63,				/* MAC* */
};

static const u8 w_9a_tid[] = {
	0x00, 0x71, 0x16,				/* SHT, type, policy 0x16 */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* DN */
	0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f,	/* T-ID* */
};

static const u8 w_9a_clear[] = {
	0x00, 0x71, 0x14,				/* SHT, type, policy 0x14 */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* DN */
	0x20, 0xa1, 0x07, 0x00, 0x2a,			/* id_bits | ID */
	0x60, 0x61, 0x62, 0x63,				/* MAC* */
};

static const u8 w_9c_read[] = {
	0x00, 0x72, 0x15,		/* SHT, type, policy 0x15 */
	0x50, 0x00, 0x04, 0x00, 0x04,	/* payload: Read Request */
	0x60, 0x61, 0x62, 0x63,		/* MAC */
};

static const u8 w_9c_noint[] = {
	0x00, 0x72, 0x00,		/* SHT, type, policy 0 */
	0x50, 0x00, 0x04, 0x00, 0x04,	/* payload: Read Request */
};

static const u8 w_9r_read[] = {
	0x00, 0x73, 0x15,				/* SHT, type, policy 0x15 */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* DN */
	0x51, 0x00, 0xde, 0xad, 0xbe, 0xef,		/* payload: Read Response */
	0x60, 0x61, 0x62, 0x63,				/* MAC */
};

static const u8 w_9r_noint[] = {
	0x00, 0x73, 0x05,				/* SHT, type, policy 0x05 */
	0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17,	/* DN */
	0x51, 0x00, 0xde, 0xad, 0xbe, 0xef,		/* payload: Read Response */
};

/*
 * @size is the page's size (and that of @wire); @lo..@hi the lengths a message with this
 * flags or policy octet may have: a PID or a ciphered identity of 1 to 16
 * octets, any payload of at least its type, or one length.
 */
struct prof_case {
	const char *name;
	struct aiot_nas_msg m;
	const u8 *wire;
	int wire_len;
	int size;
	int lo, hi;
};

#define PCASE(n, w, s, l, h, ...) { .name = n, .wire = w, .wire_len = sizeof(w), \
	.size = s, .lo = l, .hi = h, .m = { __VA_ARGS__ } }

static const struct prof_case prof_cases[] = {
	PCASE("Y Paging Request, group", w_yp_group, 11, 11, 11,
	      .type = AIOT_NAS_MT_SOLY_PAGING_REQ, .nonce = p_nonce),
	PCASE("Y Paging Request, PID", w_yp_pid, 15, 12, 27,
	      .type = AIOT_NAS_MT_SOLY_PAGING_REQ, .flags = AIOT_SOLY_PF_PID,
	      .nonce = p_nonce, .enc = p_enc, .enc_len = 4),
	PCASE("Y Paging Request, PID and counter", w_yp_ctr, 19, 16, 31,
	      .type = AIOT_NAS_MT_SOLY_PAGING_REQ,
	      .flags = AIOT_SOLY_PF_PID | AIOT_SOLY_PF_COUNTER,
	      .nonce = p_nonce, .enc = p_enc, .enc_len = 8),
	PCASE("Y Paging Request, targeted", w_yp_mac, 23, 20, 35,
	      .type = AIOT_NAS_MT_SOLY_PAGING_REQ,
	      .flags = AIOT_SOLY_PF_PID | AIOT_SOLY_PF_COUNTER | AIOT_SOLY_PF_MAC,
	      .nonce = p_nonce, .enc = p_enc, .enc_len = 8, .mac = p_mac),
	PCASE("Y Paging Request, 128-bit ID", w_yp_128, 35, 20, 35,
	      .type = AIOT_NAS_MT_SOLY_PAGING_REQ,
	      .flags = AIOT_SOLY_PF_PID | AIOT_SOLY_PF_COUNTER | AIOT_SOLY_PF_MAC,
	      .nonce = p_nonce, .enc = p_enc, .enc_len = 20, .mac = p_mac),
	PCASE("Y Access Response, mutual", w_ya_mutual, 19, 19, 19,
	      .type = AIOT_NAS_MT_SOLY_ACCESS_RSP, .nonce = p_nonce,
	      .ares = p_ares),
	PCASE("Y Access Response, resync", w_ya_resync, 23, 23, 23,
	      .type = AIOT_NAS_MT_SOLY_ACCESS_RSP, .flags = AIOT_SOLY_AF_RESYNC,
	      .nonce = p_nonce, .enc = p_enc, .enc_len = 4, .ares = p_ares),
	PCASE("Y Access Response, one-way", w_ya_oneway, 24, 21, 36,
	      .type = AIOT_NAS_MT_SOLY_ACCESS_RSP, .flags = AIOT_SOLY_AF_PID,
	      .nonce = p_nonce, .enc = p_enc, .enc_len = 5, .ares = p_ares),
	PCASE("Y Access Response, group", w_ya_group, 23, 23, 23,
	      .type = AIOT_NAS_MT_SOLY_ACCESS_RSP, .flags = AIOT_SOLY_AF_KID,
	      .nonce = p_nonce, .kid = p_kid, .ares = p_ares),
	PCASE("Y Access Response, group, one-way", w_ya_group1, 28, 25, 40,
	      .type = AIOT_NAS_MT_SOLY_ACCESS_RSP,
	      .flags = AIOT_SOLY_AF_KID | AIOT_SOLY_AF_PID, .nonce = p_nonce,
	      .kid = p_kid, .enc = p_enc, .enc_len = 5, .ares = p_ares),
	PCASE("Y Network Authentication", w_ynet, 10, 10, 10,
	      .type = AIOT_NAS_MT_SOLY_NET_AUTH, .nres = p_nres),
	PCASE("Y Protected Identity", w_yid, 11, 8, 23,
	      .type = AIOT_NAS_MT_SOLY_PROT_ID, .enc = p_enc, .enc_len = 5,
	      .mac = p_mac),
	PCASE("9 Authentication Response, protected ID", w_9a_pid, 20, 17, 32,
	      .type = AIOT_NAS_MT_SOL9_AUTH_RSP, .policy = AIOT_SOL9_POL_DEFAULT,
	      .nonce = p_nonce, .enc = p_enc, .enc_len = 5, .mac = p_mac),
	PCASE("9 Authentication Response, T-ID", w_9a_tid, 19, 19, 19,
	      .type = AIOT_NAS_MT_SOL9_AUTH_RSP,
	      .policy = AIOT_SOL9_POL_IDP_TID | AIOT_SOL9_POL_CIPHER |
			AIOT_SOL9_POL_INT_MESSAGE,
	      .nonce = p_nonce, .tid = p_tid),
	PCASE("9 Authentication Response, clear ID", w_9a_clear, 20, 20, 20,
	      .type = AIOT_NAS_MT_SOL9_AUTH_RSP,
	      .policy = AIOT_SOL9_POL_IDP_CLEAR | AIOT_SOL9_POL_CIPHER |
			AIOT_SOL9_POL_INT_MESSAGE,
	      .nonce = p_nonce, .id_bits = 32, .id = p_id32, .mac = p_mac),
	PCASE("9 Command Request, Read", w_9c_read, 12, 8, AIOT_NAS_MAX_LEN,
	      .type = AIOT_NAS_MT_SOL9_CMD_REQ, .policy = AIOT_SOL9_POL_DEFAULT,
	      .payload = p_read, .payload_len = 5, .mac = p_mac),
	PCASE("9 Command Request, no integrity", w_9c_noint, 8, 4, AIOT_NAS_MAX_LEN,
	      .type = AIOT_NAS_MT_SOL9_CMD_REQ, .payload = p_read,
	      .payload_len = 5),
	PCASE("9 Command Response, Read of 4", w_9r_read, 21, 16, AIOT_NAS_MAX_LEN,
	      .type = AIOT_NAS_MT_SOL9_CMD_RSP, .policy = AIOT_SOL9_POL_DEFAULT,
	      .nonce = p_nonce, .payload = p_rdrsp, .payload_len = 6,
	      .mac = p_mac),
	PCASE("9 Command Response, no integrity", w_9r_noint, 17, 12, AIOT_NAS_MAX_LEN,
	      .type = AIOT_NAS_MT_SOL9_CMD_RSP,
	      .policy = AIOT_SOL9_POL_IDP_PID | AIOT_SOL9_POL_CIPHER,
	      .nonce = p_nonce, .payload = p_rdrsp, .payload_len = 6),
};

/* Flags and policies the page allows; every other value is refused. */
static const u8 pf_ok[] = { 0x00, 0x01, 0x03, 0x07 };
static const u8 af_ok[] = { 0x00, 0x01, 0x02, 0x04, 0x06 };
static const u8 pol_ok[] = {
	0x00, 0x01, 0x02, 0x04, 0x05, 0x06, 0x08, 0x09, 0x0a,
	0x0c, 0x0d, 0x0e, 0x10, 0x11, 0x12, 0x14, 0x15, 0x16,
};

static bool in_list(const u8 *l, unsigned int n, unsigned int v)
{
	while (n--)
		if (l[n] == v)
			return true;
	return false;
}

static void expect_octets(NAS_TEST test, const char *name, const char *what,
			  const u8 *want, const u8 *got, unsigned int n)
{
	if (!want) {
		NAS_EXPECT_PTR_EQ_MSG(test, got, (const u8 *)NULL, "%s: %s", name, what);
		return;
	}
	NAS_ASSERT_NOT_NULL_MSG(test, got, "%s: %s", name, what);
	NAS_EXPECT_EQ_MSG(test, memcmp(got, want, n), 0, "%s: %s", name, what);
}

/* Every field of @got as in @want, pointer fields octet for octet. */
static void expect_fields(NAS_TEST test, const char *name,
			  const struct aiot_nas_msg *want, const struct aiot_nas_msg *got)
{
	NAS_EXPECT_EQ_MSG(test, got->type, want->type, "%s", name);
	NAS_EXPECT_EQ_MSG(test, got->flags, want->flags, "%s", name);
	NAS_EXPECT_EQ_MSG(test, got->policy, want->policy, "%s", name);
	NAS_EXPECT_EQ_MSG(test, got->enc_len, want->enc_len, "%s", name);
	NAS_EXPECT_EQ_MSG(test, got->payload_len, want->payload_len, "%s", name);
	NAS_EXPECT_EQ_MSG(test, got->id_bits, want->id_bits, "%s", name);
	NAS_EXPECT_EQ_MSG(test, got->status + got->offset + got->length +
			    got->data_len + got->id_type, 0, "%s", name);
	NAS_EXPECT_PTR_EQ_MSG(test, got->data, (const u8 *)NULL, "%s", name);
	expect_octets(test, name, "nonce", want->nonce, got->nonce, 8);
	expect_octets(test, name, "KID", want->kid, got->kid, AIOT_SOLY_KID_LEN);
	expect_octets(test, name, "ciphered part", want->enc, got->enc, want->enc_len);
	expect_octets(test, name, "T-ID*", want->tid, got->tid, AIOT_SOL9_TID_LEN);
	expect_octets(test, name, "payload", want->payload, got->payload,
		      want->payload_len);
	expect_octets(test, name, "ARES", want->ares, got->ares, AIOT_SOLY_ARES_LEN);
	expect_octets(test, name, "NRES", want->nres, got->nres, AIOT_SOLY_NRES_LEN);
	expect_octets(test, name, "MAC", want->mac, got->mac, 4);
	expect_octets(test, name, "ID", want->id, got->id, (want->id_bits + 7) / 8);
}

/* @m encodes to @wire, which decodes to @m and encodes back to itself. */
static void prof_roundtrip(NAS_TEST test, const char *name,
			   const struct aiot_nas_msg *m, const u8 *wire, int size)
{
	struct aiot_nas_msg got;
	u8 out[AIOT_NAS_MAX_LEN];

	NAS_ASSERT_EQ_MSG(test, aiot_nas_encode(m, out, sizeof(out)), size, "%s", name);
	NAS_EXPECT_EQ_MSG(test, memcmp(out, wire, size), 0, "%s", name);
	NAS_EXPECT_EQ_MSG(test, aiot_nas_encode(m, out, size - 1), -EMSGSIZE, "%s", name);
	NAS_ASSERT_EQ_MSG(test, aiot_nas_decode(wire, size, &got), 0, "%s", name);
	expect_fields(test, name, m, &got);
	memset(out, 0, sizeof(out));
	NAS_ASSERT_EQ_MSG(test, aiot_nas_encode(&got, out, size), size, "%s", name);
	NAS_EXPECT_EQ_MSG(test, memcmp(out, wire, size), 0, "%s", name);
}

/*
 * Each case byte for byte, in the page's size; every truncation and every
 * added octet up to one past the longest message: only @lo..@hi decode,
 * and then only the part without a length in clear has another length.
 */
static void nas_profile_messages(NAS_TEST test)
{
	struct aiot_nas_msg got;
	u8 buf[AIOT_NAS_MAX_LEN + 1];
	unsigned int i;
	int k, want;

	for (i = 0; i < ARRAY_SIZE(prof_cases); i++) {
		const struct prof_case *c = &prof_cases[i];

		NAS_ASSERT_EQ_MSG(test, c->wire_len, c->size, "%s", c->name);
		prof_roundtrip(test, c->name, &c->m, c->wire, c->size);
		memset(buf, 0xa5, sizeof(buf));
		memcpy(buf, c->wire, c->size);
		for (k = 0; k <= (int)sizeof(buf); k++) {
			want = k >= c->lo && k <= c->hi ? 0 : -EPROTO;
			NAS_EXPECT_EQ_MSG(test, aiot_nas_decode(buf, k, &got), want,
					  "%s, %d octets", c->name, k);
			if (want || k == c->size)
				continue;
			if (c->m.payload)
				NAS_EXPECT_EQ(test, got.payload_len,
					      c->m.payload_len + k - c->size);
			else
				NAS_EXPECT_EQ(test, got.enc_len, c->m.enc_len + k - c->size);
		}
		/* a protected or malformed security header */
		buf[0] = AIOT_NAS_SHT_INTEGRITY;
		NAS_EXPECT_EQ(test, aiot_nas_decode(buf, c->size, &got), -EPROTO);
		buf[0] = AIOT_NAS_SHT_INTEGRITY_CIPHERED;
		NAS_EXPECT_EQ(test, aiot_nas_decode(buf, c->size, &got), -EPROTO);
		buf[0] = 0x10;
		NAS_EXPECT_EQ(test, aiot_nas_decode(buf, c->size, &got), -EPROTO);
	}
}

/* Every flags or policy value the page does not allow: no length decodes. */
static void refuse_opt(NAS_TEST test, const struct prof_case *c,
		       const u8 *ok, unsigned int n_ok)
{
	struct aiot_nas_msg m, got;
	u8 buf[48], out[AIOT_NAS_MAX_LEN];
	unsigned int v, refused = 0;
	int k;

	memset(buf, 0x5a, sizeof(buf));
	memcpy(buf, c->wire, c->size);
	for (v = 0; v < 256; v++) {
		if (in_list(ok, n_ok, v))
			continue;
		refused++;
		buf[2] = v;
		for (k = 0; k <= (int)sizeof(buf); k++)
			NAS_EXPECT_EQ_MSG(test, aiot_nas_decode(buf, k, &got), -EPROTO,
					  "%s, 0x%02x, %d octets", c->name, v, k);
		m = c->m;
		if (c->m.type == AIOT_NAS_MT_SOLY_PAGING_REQ ||
		    c->m.type == AIOT_NAS_MT_SOLY_ACCESS_RSP)
			m.flags = v;
		else
			m.policy = v;
		NAS_EXPECT_EQ_MSG(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL,
				  "%s, 0x%02x", c->name, v);
	}
	NAS_EXPECT_EQ(test, refused, 256 - n_ok);
}

/* @wire with flags or policy @opt at one length: refused */
static void expect_refused(NAS_TEST test, const u8 *wire, int len, u8 opt)
{
	struct aiot_nas_msg got;
	u8 buf[48];

	memcpy(buf, wire, len);
	buf[2] = opt;
	NAS_EXPECT_EQ_MSG(test, aiot_nas_decode(buf, len, &got), -EPROTO,
			  "type 0x%02x, 0x%02x", buf[1], opt);
}

static void nas_profile_flags(NAS_TEST test)
{
	refuse_opt(test, &prof_cases[3], pf_ok, sizeof(pf_ok));	/* Y Paging Request */
	refuse_opt(test, &prof_cases[9], af_ok, sizeof(af_ok));	/* Y Access Response */
	refuse_opt(test, &prof_cases[12], pol_ok, sizeof(pol_ok));	/* 9 Authentication */
	refuse_opt(test, &prof_cases[15], pol_ok, sizeof(pol_ok));	/* 9 Command Request */
	refuse_opt(test, &prof_cases[17], pol_ok, sizeof(pol_ok));	/* 9 Command Response */

	/* the named ones: a spare bit, a counter or MAC-P without a PID, ... */
	expect_refused(test, w_yp_group, sizeof(w_yp_group), 0x08);
	expect_refused(test, w_yp_pid, sizeof(w_yp_pid), AIOT_SOLY_PF_COUNTER);
	expect_refused(test, w_yp_mac, sizeof(w_yp_mac), AIOT_SOLY_PF_MAC);
	/* ... MAC-P without the counter, a resync with an identity or a KID */
	expect_refused(test, w_yp_mac, sizeof(w_yp_mac) - AIOT_SOLY_COUNTER_LEN,
		       AIOT_SOLY_PF_PID | AIOT_SOLY_PF_MAC);
	expect_refused(test, w_ya_oneway, sizeof(w_ya_oneway),
		       AIOT_SOLY_AF_RESYNC | AIOT_SOLY_AF_PID);
	expect_refused(test, w_ya_group1, sizeof(w_ya_group1) - 1,
		       AIOT_SOLY_AF_RESYNC | AIOT_SOLY_AF_KID);
	expect_refused(test, w_ya_mutual, sizeof(w_ya_mutual), 0x80);
	/* reserved ID protection and integrity values, a spare policy bit */
	expect_refused(test, w_9c_noint, sizeof(w_9c_noint), 0x03);
	expect_refused(test, w_9c_read, sizeof(w_9c_read), 0x18);
	expect_refused(test, w_9a_tid, sizeof(w_9a_tid), 0x1a);
	expect_refused(test, w_9r_noint, sizeof(w_9r_noint), 0x21);
}

static int put_octets(u8 *p, const u8 *src, unsigned int n)
{
	memcpy(p, src, n);
	return n;
}

static int put_head(u8 *p, u8 type, u8 policy)
{
	p[0] = AIOT_NAS_SHT_PLAIN;
	p[1] = type;
	p[2] = policy;
	return 3;
}

/*
 * Every policy the page allows, in the three solution-9 messages: only the
 * ID protection (authentication) and whether there is integrity (commands)
 * change the layout.
 */
static void nas_profile_policies(NAS_TEST test)
{
	static const u8 clear_id[] = { 32, 0xa1, 0x07, 0x00, 0x2a };
	u8 want[32];
	unsigned int i;
	int n;

	for (i = 0; i < ARRAY_SIZE(pol_ok); i++) {
		u8 pol = pol_ok[i], idp = pol & AIOT_SOL9_POL_IDP_MASK;
		bool integ = pol & AIOT_SOL9_POL_INT_MASK;
		struct aiot_nas_msg m = {
			.type = AIOT_NAS_MT_SOL9_AUTH_RSP, .policy = pol,
			.nonce = p_nonce,
		};

		n = put_head(want, 0x71, pol);
		n += put_octets(want + n, p_nonce, 8);
		if (idp == AIOT_SOL9_POL_IDP_TID) {
			m.tid = p_tid;
			n += put_octets(want + n, p_tid, 8);
		} else {
			if (idp == AIOT_SOL9_POL_IDP_PID) {
				m.enc = p_enc;
				m.enc_len = 5;
				n += put_octets(want + n, p_enc, 5);
			} else {
				m.id_bits = 32;
				m.id = p_id32;
				n += put_octets(want + n, clear_id, 5);
			}
			m.mac = p_mac;
			n += put_octets(want + n, p_mac, 4);
		}
		NAS_EXPECT_EQ(test, n, idp == AIOT_SOL9_POL_IDP_TID ? 19 : 20);
		prof_roundtrip(test, "9 Authentication Response", &m, want, n);

		memset(&m, 0, sizeof(m));
		m.type = AIOT_NAS_MT_SOL9_CMD_REQ;
		m.policy = pol;
		m.payload = p_read;
		m.payload_len = sizeof(p_read);
		m.mac = integ ? p_mac : NULL;
		n = put_head(want, 0x72, pol);
		n += put_octets(want + n, p_read, sizeof(p_read));
		if (integ)
			n += put_octets(want + n, p_mac, 4);
		NAS_EXPECT_EQ(test, n, integ ? 12 : 8);
		prof_roundtrip(test, "9 Command Request", &m, want, n);

		m.type = AIOT_NAS_MT_SOL9_CMD_RSP;
		m.nonce = p_nonce;
		m.payload = p_rdrsp;
		m.payload_len = sizeof(p_rdrsp);
		n = put_head(want, 0x73, pol);
		n += put_octets(want + n, p_nonce, 8);
		n += put_octets(want + n, p_rdrsp, sizeof(p_rdrsp));
		if (integ)
			n += put_octets(want + n, p_mac, 4);
		NAS_EXPECT_EQ(test, n, integ ? 21 : 17);
		prof_roundtrip(test, "9 Command Response", &m, want, n);
	}
}

/* Missing fields, lengths out of the layout, no room: the encoder refuses. */
static void nas_profile_encode_refuses(NAS_TEST test)
{
	static const u8 big[AIOT_NAS_MAX_LEN] = { AIOT_NAS_MT_WRITE_REQ };
	struct aiot_nas_msg m;
	u8 out[AIOT_NAS_MAX_LEN];

	m = prof_cases[3].m;			/* targeted Y Paging Request */
	m.nonce = NULL;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m = prof_cases[3].m;
	m.enc = NULL;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m.enc = p_enc;
	m.enc_len = 4;				/* a counter, no ID */
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m.enc_len = 5;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), 20);
	m.enc_len = 21;				/* a 17-octet ID */
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m = prof_cases[1].m;			/* PID without a counter */
	m.enc_len = 0;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m.enc_len = 16;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), 27);
	m.enc_len = 17;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);

	m = prof_cases[6].m;			/* resync: a counter of 4 */
	m.enc_len = 3;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m.enc_len = 5;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m = prof_cases[9].m;			/* group, one-way */
	m.kid = NULL;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m.kid = p_kid;
	m.enc_len = 1;				/* id_bits and no ID */
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m.enc_len = 17;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), 40);
	m.enc_len = 18;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);

	m = prof_cases[10].m;			/* NRES is not computed in place */
	m.nres = NULL;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m = prof_cases[11].m;
	m.enc_len = 18;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);

	m = prof_cases[13].m;			/* T-ID* neither */
	m.tid = NULL;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m = prof_cases[14].m;			/* clear ID of 0, 129 bits, none */
	m.id_bits = 0;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m.id_bits = AIOT_ID_MAX_BITS + 1;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m.id_bits = AIOT_ID_MAX_BITS;
	m.id = p_enc;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), 2 + 1 + 8 + 17 + 4);
	m.id = NULL;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m = prof_cases[12].m;
	m.nonce = NULL;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);

	/* payloads: at least the type, within AIOT_NAS_MAX_LEN in all */
	m = prof_cases[15].m;
	m.payload_len = 0;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m.payload = NULL;
	m.payload_len = 5;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
	m.payload = big;
	m.payload_len = AIOT_NAS_MAX_LEN - 3 - 4;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), AIOT_NAS_MAX_LEN);
	m.payload_len++;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EMSGSIZE);
	m.policy = 0;				/* no MAC: 4 octets more */
	m.payload_len = AIOT_NAS_MAX_LEN - 3;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), AIOT_NAS_MAX_LEN);
	NAS_EXPECT_EQ(test, aiot_nas_decode(out, AIOT_NAS_MAX_LEN, &m), 0);
	NAS_EXPECT_EQ(test, m.payload_len, AIOT_NAS_MAX_LEN - 3);
	m = prof_cases[17].m;
	m.payload = big;
	m.payload_len = AIOT_NAS_MAX_LEN - 11 - 4;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), AIOT_NAS_MAX_LEN);
	m.payload_len++;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EMSGSIZE);
	m.nonce = NULL;
	m.payload_len--;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, out, sizeof(out)), -EINVAL);
}

/*
 * A NULL MAC-P, ARES or MAC is encoded as zeros in the last octets, for
 * the caller to compute over the octets before it and write in place.
 */
static void nas_profile_mac_later(NAS_TEST test)
{
	static const unsigned int idx[] = { 3, 5, 9, 11, 12, 14, 15, 17 };
	static const u8 zero[8];
	struct aiot_nas_msg m;
	u8 out[AIOT_NAS_MAX_LEN];
	unsigned int i, tail;
	int n;

	for (i = 0; i < ARRAY_SIZE(idx); i++) {
		const struct prof_case *c = &prof_cases[idx[i]];

		m = c->m;
		tail = m.type == AIOT_NAS_MT_SOLY_ACCESS_RSP ? 8 : 4;
		m.ares = NULL;
		m.mac = NULL;
		memset(out, 0xff, sizeof(out));
		n = aiot_nas_encode(&m, out, sizeof(out));
		NAS_ASSERT_EQ_MSG(test, n, c->size, "%s", c->name);
		NAS_EXPECT_EQ_MSG(test, memcmp(out, c->wire, n - tail), 0, "%s", c->name);
		NAS_EXPECT_EQ_MSG(test, memcmp(out + n - tail, zero, tail), 0, "%s", c->name);
		/* and it is where the decoder finds it */
		NAS_ASSERT_EQ(test, aiot_nas_decode(c->wire, c->size, &m), 0);
		NAS_EXPECT_PTR_EQ(test, tail == 8 ? m.ares : m.mac, c->wire + n - tail);
	}
}

/*
 * The ciphered part decodes as it is; once deciphered, its identity is
 * checked against its length with aiot_nas_decode_id().  An XOR stands in
 * for 128-NEA2 here.
 */
static void nas_profile_ciphered_id(NAS_TEST test)
{
	static const u8 id128[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
	struct aiot_nas_msg idm = { .id_bits = 32, .id = p_id32 }, m, got;
	u8 plain[20], ct[20], wire[AIOT_NAS_MAX_LEN];
	int n, len, i;

	n = aiot_nas_encode_id(&idm, plain, sizeof(plain));
	NAS_ASSERT_EQ(test, n, 5);
	NAS_EXPECT_EQ(test, plain[0], 32);
	NAS_EXPECT_EQ(test, memcmp(plain + 1, p_id32, 4), 0);
	for (i = 0; i < n; i++)
		ct[i] = plain[i] ^ 0x5c;
	m = prof_cases[7].m;			/* one-way Y Access Response */
	m.enc = ct;
	m.enc_len = n;
	len = aiot_nas_encode(&m, wire, sizeof(wire));
	NAS_ASSERT_EQ(test, len, 24);
	NAS_ASSERT_EQ(test, aiot_nas_decode(wire, len, &got), 0);
	NAS_EXPECT_PTR_EQ(test, got.enc, (const u8 *)wire + 11);
	NAS_ASSERT_EQ(test, got.enc_len, 5);
	NAS_EXPECT_EQ(test, got.id_bits, 0);
	for (i = 0; i < got.enc_len; i++)
		plain[i] = got.enc[i] ^ 0x5c;
	NAS_ASSERT_EQ(test, aiot_nas_decode_id(plain, got.enc_len, &got), 0);
	NAS_EXPECT_EQ(test, got.id_bits, 32);
	NAS_EXPECT_PTR_EQ(test, got.id, (const u8 *)plain + 1);
	NAS_EXPECT_EQ(test, got.flags, AIOT_SOLY_AF_PID);	/* the rest stays */
	NAS_EXPECT_PTR_EQ(test, got.ares, (const u8 *)wire + 16);

	/* id_bits that disagree with the length: refused, @m untouched */
	for (i = 0; i <= 6; i++)
		NAS_EXPECT_EQ(test, aiot_nas_decode_id(plain, i, &got),
			      i == 5 ? 0 : -EPROTO);
	plain[0] = 24;
	NAS_EXPECT_EQ(test, aiot_nas_decode_id(plain, 5, &got), -EPROTO);
	plain[0] = 33;
	NAS_EXPECT_EQ(test, aiot_nas_decode_id(plain, 5, &got), -EPROTO);
	plain[0] = 25;
	NAS_EXPECT_EQ(test, aiot_nas_decode_id(plain, 5, &got), 0);
	NAS_EXPECT_EQ(test, got.id_bits, 25);
	plain[0] = 0;
	NAS_EXPECT_EQ(test, aiot_nas_decode_id(plain, 1, &got), -EPROTO);
	NAS_EXPECT_EQ(test, aiot_nas_decode_id(plain, 2, &got), -EPROTO);
	NAS_EXPECT_EQ(test, got.id_bits, 25);

	/* the extremes: 1 and 128 bits; 0 and 129 are refused */
	idm.id_bits = 1;
	NAS_EXPECT_EQ(test, aiot_nas_encode_id(&idm, plain, sizeof(plain)), 2);
	NAS_EXPECT_EQ(test, aiot_nas_decode_id(plain, 2, &got), 0);
	NAS_EXPECT_EQ(test, got.id_bits, 1);
	idm.id_bits = AIOT_ID_MAX_BITS;
	idm.id = id128;
	NAS_EXPECT_EQ(test, aiot_nas_encode_id(&idm, plain, sizeof(plain)), 17);
	NAS_EXPECT_EQ(test, aiot_nas_encode_id(&idm, plain, 16), -EMSGSIZE);
	NAS_EXPECT_EQ(test, aiot_nas_decode_id(plain, 17, &got), 0);
	NAS_EXPECT_EQ(test, memcmp(got.id, id128, 16), 0);
	plain[0] = AIOT_ID_MAX_BITS + 1;
	NAS_EXPECT_EQ(test, aiot_nas_decode_id(plain, 18, &got), -EPROTO);
	idm.id_bits = 0;
	NAS_EXPECT_EQ(test, aiot_nas_encode_id(&idm, plain, sizeof(plain)), -EINVAL);
	idm.id_bits = AIOT_ID_MAX_BITS + 1;
	NAS_EXPECT_EQ(test, aiot_nas_encode_id(&idm, plain, sizeof(plain)), -EINVAL);
	idm.id_bits = 8;
	idm.id = NULL;
	NAS_EXPECT_EQ(test, aiot_nas_encode_id(&idm, plain, sizeof(plain)), -EINVAL);

	/* a Y Paging Request's PID: the ID's octets, then the counter */
	NAS_ASSERT_EQ(test, aiot_nas_decode(w_yp_mac, sizeof(w_yp_mac), &got), 0);
	NAS_EXPECT_PTR_EQ(test, got.enc, w_yp_mac + 11);
	NAS_EXPECT_EQ(test, got.enc_len, 4 + AIOT_SOLY_COUNTER_LEN);
	NAS_EXPECT_PTR_EQ(test, got.mac, w_yp_mac + 19);
}

/*
 * A 9 Command message's payload is a command message without its SHT
 * octet: aiot_nas_encode_payload() and aiot_nas_decode_payload() are
 * aiot_nas_encode() and aiot_nas_decode() without it, for those six only.
 */
static void nas_profile_payload(NAS_TEST test)
{
	static const u8 d[] = { 0xde, 0xad, 0xbe, 0xef };
	static const u8 big[AIOT_NAS_MAX_LEN] = { AIOT_NAS_MT_WRITE_REQ };
	const struct aiot_nas_msg cmds[] = {
		{ .type = AIOT_NAS_MT_READ_REQ, .offset = 4, .length = 4 },
		{ .type = AIOT_NAS_MT_READ_RSP, .data = d, .data_len = 4 },
		{ .type = AIOT_NAS_MT_WRITE_REQ, .offset = 0x102, .data = d, .data_len = 3 },
		{ .type = AIOT_NAS_MT_WRITE_RSP, .status = AIOT_NAS_STATUS_OUT_OF_RANGE },
		{ .type = AIOT_NAS_MT_DISABLE_REQ },
		{ .type = AIOT_NAS_MT_DISABLE_RSP, .status = AIOT_NAS_STATUS_INVALID },
	};
	static const u8 others[] = {
		AIOT_NAS_MT_INVENTORY_RSP, AIOT_NAS_MT_SOLY_PAGING_REQ,
		AIOT_NAS_MT_SOLY_NET_AUTH, AIOT_NAS_MT_SOL9_CMD_REQ,
		AIOT_NAS_MT_SOL9_CMD_RSP, 0x7f,
	};
	static u8 full[AIOT_NAS_MAX_LEN], pay[AIOT_NAS_MAX_LEN], wire[AIOT_NAS_MAX_LEN];
	struct aiot_nas_msg m, a, b;
	unsigned int i;
	int n, p, k;

	for (i = 0; i < ARRAY_SIZE(cmds); i++) {
		n = aiot_nas_encode(&cmds[i], full, AIOT_NAS_MAX_LEN);
		p = aiot_nas_encode_payload(&cmds[i], pay, AIOT_NAS_MAX_LEN);
		NAS_ASSERT_GT(test, n, 0);
		NAS_ASSERT_EQ(test, p, n - 1);
		NAS_EXPECT_EQ(test, memcmp(pay, full + 1, p), 0);
		NAS_EXPECT_EQ(test, aiot_nas_encode_payload(&cmds[i], pay, p - 1), -EMSGSIZE);
		NAS_ASSERT_EQ(test, aiot_nas_decode(full, n, &a), 0);
		NAS_ASSERT_EQ(test, aiot_nas_decode_payload(pay, p, &b), 0);
		NAS_EXPECT_EQ(test, b.type, a.type);
		NAS_EXPECT_EQ(test, b.status, a.status);
		NAS_EXPECT_EQ(test, b.offset, a.offset);
		NAS_EXPECT_EQ(test, b.length, a.length);
		NAS_EXPECT_EQ(test, b.data_len, a.data_len);
		NAS_EXPECT_PTR_EQ(test, b.data, a.data ? a.data - full - 1 + pay : NULL);
		/* malformed the same way as the whole message */
		for (k = 0; k < p + 2; k++)
			NAS_EXPECT_EQ(test, aiot_nas_decode_payload(pay, k, &b),
				      k ? aiot_nas_decode(full, k + 1, &a) : -EPROTO);
	}
	for (i = 0; i < ARRAY_SIZE(others); i++) {
		m = prof_cases[0].m;
		m.type = others[i];
		NAS_EXPECT_EQ(test, aiot_nas_encode_payload(&m, pay, AIOT_NAS_MAX_LEN),
			      -ENOMSG);
		memset(pay, 0, AIOT_NAS_MAX_LEN);
		pay[0] = others[i];
		NAS_EXPECT_EQ(test, aiot_nas_decode_payload(pay, 24, &b), -ENOMSG);
	}
	/* as long as a whole message may be, without its SHT octet */
	NAS_EXPECT_EQ(test, aiot_nas_decode_payload(big, AIOT_NAS_MAX_LEN - 1, &b), 0);
	NAS_EXPECT_EQ(test, b.data_len, AIOT_NAS_MAX_LEN - 4);
	NAS_EXPECT_EQ(test, aiot_nas_decode_payload(big, AIOT_NAS_MAX_LEN, &b), -EPROTO);

	/* a Read in a 9 Command Request and back */
	p = aiot_nas_encode_payload(&cmds[0], pay, AIOT_NAS_MAX_LEN);
	m = prof_cases[15].m;
	m.payload = pay;
	m.payload_len = p;
	n = aiot_nas_encode(&m, wire, AIOT_NAS_MAX_LEN);
	NAS_ASSERT_EQ(test, n, 12);
	NAS_EXPECT_EQ(test, memcmp(wire, w_9c_read, n), 0);
	NAS_ASSERT_EQ(test, aiot_nas_decode(wire, n, &a), 0);
	NAS_ASSERT_EQ(test, aiot_nas_decode_payload(a.payload, a.payload_len, &b), 0);
	NAS_EXPECT_EQ(test, b.type, AIOT_NAS_MT_READ_REQ);
	NAS_EXPECT_EQ(test, b.offset, 4);
	NAS_EXPECT_EQ(test, b.length, 4);
}

/*
 * The message types: what decodes (the rest is -ENOMSG, 0x70 included),
 * and aiot_nas_is_request() true for the three command requests only.
 */
static void nas_profile_types(NAS_TEST test)
{
	static const u8 known[] = {
		0x41, 0x50, 0x51, 0x52, 0x53, 0x54, 0x55,
		0x60, 0x61, 0x62, 0x63, 0x71, 0x72, 0x73,
	};
	u8 buf[24] = { AIOT_NAS_SHT_PLAIN };
	struct aiot_nas_msg m;
	unsigned int t;

	for (t = 0; t < 256; t++) {
		buf[1] = t;
		if (!in_list(known, sizeof(known), t))
			NAS_EXPECT_EQ_MSG(test, aiot_nas_decode(buf, sizeof(buf), &m),
					  -ENOMSG, "type 0x%02x", t);
		NAS_EXPECT_EQ_MSG(test, aiot_nas_is_request(t),
				  t == 0x50 || t == 0x52 || t == 0x54, "type 0x%02x", t);
	}
	memset(&m, 0, sizeof(m));
	m.type = 0x70;
	NAS_EXPECT_EQ(test, aiot_nas_encode(&m, buf, sizeof(buf)), -ENOMSG);
	NAS_EXPECT_EQ(test, AIOT_NAS_MT_SOLY_PAGING_REQ, 0x60);
	NAS_EXPECT_EQ(test, AIOT_NAS_MT_SOLY_ACCESS_RSP, 0x61);
	NAS_EXPECT_EQ(test, AIOT_NAS_MT_SOLY_NET_AUTH, 0x62);
	NAS_EXPECT_EQ(test, AIOT_NAS_MT_SOLY_PROT_ID, 0x63);
	NAS_EXPECT_EQ(test, AIOT_NAS_MT_SOL9_AUTH_RSP, 0x71);
	NAS_EXPECT_EQ(test, AIOT_NAS_MT_SOL9_CMD_REQ, 0x72);
	NAS_EXPECT_EQ(test, AIOT_NAS_MT_SOL9_CMD_RSP, 0x73);
}

#endif /* _AIOT_NAS_CASES_H */
