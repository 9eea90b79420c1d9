// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: AIoT NAS messages (kernel/nas.c): every message type round trip,
 * malformed and unknown messages rejected with distinct errors, and the
 * security envelope: seal and open in both settings, the clear security
 * header, a flipped bit anywhere refused with the message left untouched,
 * the wrong key and the wrong direction refused.  The security profiles'
 * messages: byte for byte in every flag combination and policy the design
 * allows, in its sizes; every truncation and added octet, every other
 * flags and policy value refused; the identity and payload helpers.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <aiot/air_values.h>

#include "nas.h"
#include "sec.h"
#include "nas_cases.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

static const u8 id[] = { 0xa1, 0x07, 0x00, 0x2a, 0x50 };
static const u8 rand_d[AIOT_RAND_D_LEN] = { 1, 2, 3, 4, 5, 6, 7, 8 };
static const u8 res[AIOT_RES_LEN] = { 9, 10, 11, 12, 13, 14, 15, 16 };
static const u8 data[] = "user memory";

static void nas_roundtrip_one(struct kunit *test, const struct aiot_nas_msg *m,
			      int want_len)
{
	struct aiot_nas_msg got;
	u8 buf[AIOT_NAS_MAX_LEN];
	int n;

	n = aiot_nas_encode(m, buf, sizeof(buf));
	KUNIT_ASSERT_EQ(test, n, want_len);
	KUNIT_EXPECT_EQ(test, buf[0], AIOT_NAS_SHT_PLAIN);
	KUNIT_EXPECT_EQ(test, buf[1], m->type);
	KUNIT_ASSERT_EQ(test, aiot_nas_decode(buf, n, &got), 0);
	KUNIT_EXPECT_EQ(test, got.type, m->type);
	KUNIT_EXPECT_EQ(test, got.status, m->status);
	KUNIT_EXPECT_EQ(test, got.offset, m->offset);
	KUNIT_EXPECT_EQ(test, got.length, m->length);
	KUNIT_EXPECT_EQ(test, got.data_len, m->data_len);
	if (m->data_len)
		KUNIT_EXPECT_EQ(test, memcmp(got.data, m->data, m->data_len), 0);
	if (m->type == AIOT_NAS_MT_INVENTORY_RSP) {
		KUNIT_EXPECT_EQ(test, got.id_type, m->id_type);
		KUNIT_EXPECT_EQ(test, got.id_bits, m->id_bits);
		KUNIT_EXPECT_EQ(test, memcmp(got.id, m->id, (m->id_bits + 7) / 8), 0);
		KUNIT_EXPECT_EQ(test, memcmp(got.rand_d, rand_d, sizeof(rand_d)), 0);
		KUNIT_EXPECT_EQ(test, memcmp(got.res, res, sizeof(res)), 0);
	}
	/* every truncation and one octet too many are malformed */
	while (--n >= 0)
		KUNIT_EXPECT_EQ(test, aiot_nas_decode(buf, n, &got),
				n < 2 ? -EPROTO :
				(m->type == AIOT_NAS_MT_READ_RSP && n >= 3) ? 0 :
				(m->type == AIOT_NAS_MT_WRITE_REQ && n >= 5) ? 0 : -EPROTO);
	if (m->type != AIOT_NAS_MT_READ_RSP && m->type != AIOT_NAS_MT_WRITE_REQ)
		KUNIT_EXPECT_EQ(test, aiot_nas_decode(buf, want_len + 1, &got), -EPROTO);
}

static void nas_roundtrip(struct kunit *test)
{
	struct aiot_nas_msg m;

	memset(&m, 0, sizeof(m));
	m.type = AIOT_NAS_MT_INVENTORY_RSP;
	m.id_type = 1;
	m.id_bits = 36;
	m.id = id;
	m.rand_d = rand_d;
	m.res = res;
	nas_roundtrip_one(test, &m, 2 + 2 + 5 + AIOT_RAND_D_LEN + AIOT_RES_LEN);

	memset(&m, 0, sizeof(m));
	m.type = AIOT_NAS_MT_READ_REQ;
	m.offset = 0x1234;
	m.length = 0x0056;
	nas_roundtrip_one(test, &m, 6);

	memset(&m, 0, sizeof(m));
	m.type = AIOT_NAS_MT_READ_RSP;
	m.status = AIOT_NAS_STATUS_SUCCESS;
	m.data = data;
	m.data_len = sizeof(data);
	nas_roundtrip_one(test, &m, 3 + sizeof(data));

	memset(&m, 0, sizeof(m));
	m.type = AIOT_NAS_MT_WRITE_REQ;
	m.offset = 7;
	m.data = data;
	m.data_len = 4;
	nas_roundtrip_one(test, &m, 8);

	memset(&m, 0, sizeof(m));
	m.type = AIOT_NAS_MT_WRITE_RSP;
	m.status = AIOT_NAS_STATUS_OUT_OF_RANGE;
	nas_roundtrip_one(test, &m, 3);

	memset(&m, 0, sizeof(m));
	m.type = AIOT_NAS_MT_DISABLE_REQ;
	nas_roundtrip_one(test, &m, 2);

	memset(&m, 0, sizeof(m));
	m.type = AIOT_NAS_MT_DISABLE_RSP;
	nas_roundtrip_one(test, &m, 3);
}

/* Unknown types, bad fields, no room, protected input: distinct errors. */
static void nas_rejects(struct kunit *test)
{
	u8 buf[AIOT_NAS_MAX_LEN] = { AIOT_NAS_SHT_PLAIN, 0x7f, 0 };
	u8 *big = kunit_kzalloc(test, AIOT_NAS_MAX_LEN, GFP_KERNEL);
	struct aiot_nas_msg m;

	KUNIT_ASSERT_NOT_NULL(test, big);

	KUNIT_EXPECT_EQ(test, aiot_nas_decode(buf, 3, &m), -ENOMSG);
	memset(&m, 0, sizeof(m));
	m.type = 0x7f;
	KUNIT_EXPECT_EQ(test, aiot_nas_encode(&m, buf, sizeof(buf)), -ENOMSG);
	m.type = AIOT_NAS_MT_WRITE_REQ;		/* no data */
	KUNIT_EXPECT_EQ(test, aiot_nas_encode(&m, buf, sizeof(buf)), -EINVAL);
	m.type = AIOT_NAS_MT_READ_REQ;
	KUNIT_EXPECT_EQ(test, aiot_nas_encode(&m, buf, 5), -EMSGSIZE);
	m.type = AIOT_NAS_MT_READ_RSP;		/* no room for a MAC-I */
	m.data = big;
	m.data_len = AIOT_NAS_MAX_LEN - 3 - AIOT_NAS_TRAILER_LEN + 1;
	KUNIT_EXPECT_EQ(test, aiot_nas_encode(&m, buf, sizeof(buf)), -EMSGSIZE);
	m.data_len--;
	KUNIT_EXPECT_EQ(test, aiot_nas_encode(&m, buf, sizeof(buf)),
			AIOT_NAS_MAX_LEN - AIOT_NAS_TRAILER_LEN);
	/* a protected message or spare bits set is not a plain one */
	buf[0] = AIOT_NAS_SHT_INTEGRITY;
	KUNIT_EXPECT_EQ(test, aiot_nas_decode(buf, 10, &m), -EPROTO);
	buf[0] = 0x10;
	KUNIT_EXPECT_EQ(test, aiot_nas_decode(buf, 10, &m), -EPROTO);
	/* an inventory response with an identity of 0 or 129 bits */
	buf[0] = AIOT_NAS_SHT_PLAIN;
	buf[1] = AIOT_NAS_MT_INVENTORY_RSP;
	buf[2] = 1;
	buf[3] = 0;
	KUNIT_EXPECT_EQ(test, aiot_nas_decode(buf, 4 + AIOT_RAND_D_LEN + AIOT_RES_LEN, &m),
			-EPROTO);
	buf[3] = AIOT_ID_MAX_BITS + 1;
	KUNIT_EXPECT_EQ(test, aiot_nas_decode(buf, 4 + 17 + AIOT_RAND_D_LEN + AIOT_RES_LEN,
					      &m), -EPROTO);
}

struct nas_fx {
	struct aiot_sec_ctx *ctx;
	struct aiot_sec_ctx *other;
	u8 *buf;
	u8 *ref;
	int len;
};

static int nas_test_init(struct kunit *test)
{
	struct nas_fx *fx = kunit_kzalloc(test, sizeof(*fx), GFP_KERNEL);
	u8 k_aiotf[AIOT_K_AIOTF_LEN];
	struct aiot_nas_msg m = {
		.type = AIOT_NAS_MT_WRITE_REQ, .offset = 3, .data = data,
		.data_len = sizeof(data),
	};
	int i;

	KUNIT_ASSERT_NOT_NULL(test, fx);
	fx->buf = kunit_kzalloc(test, AIOT_NAS_MAX_LEN, GFP_KERNEL);
	fx->ref = kunit_kzalloc(test, AIOT_NAS_MAX_LEN, GFP_KERNEL);
	fx->ctx = aiot_sec_ctx_alloc(GFP_KERNEL);
	fx->other = aiot_sec_ctx_alloc(GFP_KERNEL);
	test->priv = fx;
	KUNIT_ASSERT_NOT_NULL(test, fx->buf);
	KUNIT_ASSERT_NOT_NULL(test, fx->ref);
	KUNIT_ASSERT_NOT_NULL(test, fx->ctx);
	KUNIT_ASSERT_NOT_NULL(test, fx->other);
	for (i = 0; i < sizeof(k_aiotf); i++)
		k_aiotf[i] = i * 7 + 1;
	KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_kaiotf(fx->ctx, k_aiotf), 0);
	k_aiotf[0] ^= 1;
	KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_kaiotf(fx->other, k_aiotf), 0);
	fx->len = aiot_nas_encode(&m, fx->ref, AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_GT(test, fx->len, 0);
	memcpy(fx->buf, fx->ref, fx->len);
	return 0;
}

static void nas_test_exit(struct kunit *test)
{
	struct nas_fx *fx = test->priv;

	if (!fx)
		return;
	aiot_sec_ctx_free(fx->ctx);
	aiot_sec_ctx_free(fx->other);
}

static void seal_open(struct kunit *test, bool cipher)
{
	struct nas_fx *fx = test->priv;
	int n;

	n = aiot_nas_seal(fx->ctx, AIOT_NAS_DIR_R2D, cipher, fx->buf, fx->len,
			  AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_EQ(test, n, fx->len + AIOT_NAS_TRAILER_LEN);
	/* the ciphering indication travels in clear */
	KUNIT_EXPECT_EQ(test, fx->buf[0], cipher ? AIOT_NAS_SHT_INTEGRITY_CIPHERED :
						   AIOT_NAS_SHT_INTEGRITY);
	if (cipher)
		KUNIT_EXPECT_NE(test, memcmp(fx->buf + 1, fx->ref + 1, fx->len - 1), 0);
	else
		KUNIT_EXPECT_EQ(test, memcmp(fx->buf + 1, fx->ref + 1, fx->len - 1), 0);
	KUNIT_EXPECT_EQ(test, aiot_nas_open(fx->ctx, AIOT_NAS_DIR_R2D, fx->buf, n), fx->len);
	KUNIT_EXPECT_EQ(test, memcmp(fx->buf, fx->ref, fx->len), 0);
}

static void nas_seal_open_ciphered(struct kunit *test)
{
	seal_open(test, true);
}

static void nas_seal_open_integrity(struct kunit *test)
{
	seal_open(test, false);
}

/* Any flipped bit, the wrong key or direction: -EBADMSG, buffer untouched. */
static void nas_open_refuses(struct kunit *test)
{
	struct nas_fx *fx = test->priv;
	u8 *sealed = kunit_kzalloc(test, AIOT_NAS_MAX_LEN, GFP_KERNEL);
	int n, bit;

	KUNIT_ASSERT_NOT_NULL(test, sealed);
	n = aiot_nas_seal(fx->ctx, AIOT_NAS_DIR_D2R, true, fx->buf, fx->len,
			  AIOT_NAS_MAX_LEN);
	KUNIT_ASSERT_GT(test, n, 0);
	memcpy(sealed, fx->buf, n);
	for (bit = 8; bit < n * 8; bit++) {	/* octet 0 changes the SHT */
		fx->buf[bit / 8] ^= 0x80 >> (bit % 8);
		KUNIT_EXPECT_EQ(test, aiot_nas_open(fx->ctx, AIOT_NAS_DIR_D2R, fx->buf, n),
				-EBADMSG);
		fx->buf[bit / 8] ^= 0x80 >> (bit % 8);
		KUNIT_ASSERT_EQ(test, memcmp(fx->buf, sealed, n), 0);
	}
	/* the clear header is covered too: ciphered -> integrity only */
	fx->buf[0] = AIOT_NAS_SHT_INTEGRITY;
	KUNIT_EXPECT_EQ(test, aiot_nas_open(fx->ctx, AIOT_NAS_DIR_D2R, fx->buf, n), -EBADMSG);
	fx->buf[0] = sealed[0];
	KUNIT_EXPECT_EQ(test, aiot_nas_open(fx->other, AIOT_NAS_DIR_D2R, fx->buf, n), -EBADMSG);
	KUNIT_EXPECT_EQ(test, aiot_nas_open(fx->ctx, AIOT_NAS_DIR_R2D, fx->buf, n), -EBADMSG);
	KUNIT_EXPECT_EQ(test, memcmp(fx->buf, sealed, n), 0);
	/* and only then does the right one open it */
	KUNIT_EXPECT_EQ(test, aiot_nas_open(fx->ctx, AIOT_NAS_DIR_D2R, fx->buf, n), fx->len);
}

/* Malformed envelopes: -EPROTO before any crypto. */
static void nas_envelope_malformed(struct kunit *test)
{
	struct nas_fx *fx = test->priv;

	/* a plain message does not open; a protected one does not seal */
	KUNIT_EXPECT_EQ(test, aiot_nas_open(fx->ctx, AIOT_NAS_DIR_R2D, fx->buf, fx->len),
			-EPROTO);
	KUNIT_EXPECT_EQ(test, aiot_nas_open(fx->ctx, AIOT_NAS_DIR_R2D, fx->buf, 5), -EPROTO);
	fx->buf[0] = AIOT_NAS_SHT_INTEGRITY;
	KUNIT_EXPECT_EQ(test, aiot_nas_seal(fx->ctx, AIOT_NAS_DIR_R2D, true, fx->buf,
					    fx->len, AIOT_NAS_MAX_LEN), -EPROTO);
	fx->buf[0] = AIOT_NAS_SHT_PLAIN;
	KUNIT_EXPECT_EQ(test, aiot_nas_seal(fx->ctx, AIOT_NAS_DIR_R2D, true, fx->buf,
					    fx->len, fx->len + 3), -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, memcmp(fx->buf, fx->ref, fx->len), 0);
}

static struct kunit_case aiot_nas_cases[] = {
	KUNIT_CASE(nas_roundtrip),
	KUNIT_CASE(nas_rejects),
	KUNIT_CASE(nas_seal_open_ciphered),
	KUNIT_CASE(nas_seal_open_integrity),
	KUNIT_CASE(nas_open_refuses),
	KUNIT_CASE(nas_envelope_malformed),
	KUNIT_CASE(nas_profile_messages),
	KUNIT_CASE(nas_profile_flags),
	KUNIT_CASE(nas_profile_policies),
	KUNIT_CASE(nas_profile_encode_refuses),
	KUNIT_CASE(nas_profile_mac_later),
	KUNIT_CASE(nas_profile_ciphered_id),
	KUNIT_CASE(nas_profile_payload),
	KUNIT_CASE(nas_profile_types),
	{}
};

static struct kunit_suite aiot_nas_suite = {
	.name = "aiot_nas",
	.init = nas_test_init,
	.exit = nas_test_exit,
	.test_cases = aiot_nas_cases,
};

kunit_test_suite(aiot_nas_suite);

MODULE_DESCRIPTION("KUnit tests for AIoT NAS messages");
MODULE_LICENSE("GPL");
