// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the study profiles' cryptography (kernel/profile.c) against the
 * known answers of an independent implementation (profile_vectors.h,
 * written by tests/vectors/gen_profile_vectors.py), round trips at every
 * identity length, and every way a check must fail: each bit of each
 * protected message flipped, a wrong key or nonce, another identity, a
 * Security Policy below the floor or with a reserved value.  The scratch
 * context holds no key after any call.  tests/unit/test_profile.c runs the
 * same checks on the OpenSSL twin.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "profile.h"
#include "sec.h"
#include "profile_vectors.h"
#include "profile_cases.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

/* Room for any message of the vectors, and more */
#define PT_BUF		64

/**
 * struct pt - one test's buffers, in the linear mapping
 * @ctx: the scratch context every call is given
 * @msg: the message under test
 * @plain: scratch for the *_open() and *_match() functions
 * @want: an expected message
 * @ref: a reference copy
 */
struct pt {
	struct aiot_sec_ctx *ctx;
	u8 *msg;
	u8 *plain;
	u8 *want;
	u8 *ref;
};

static int pt_init(struct kunit *test)
{
	struct pt *t = kunit_kzalloc(test, sizeof(*t), GFP_KERNEL);

	if (!t)
		return -ENOMEM;
	t->msg = kunit_kzalloc(test, PT_BUF, GFP_KERNEL);
	t->plain = kunit_kzalloc(test, PT_BUF, GFP_KERNEL);
	t->want = kunit_kzalloc(test, PT_BUF, GFP_KERNEL);
	t->ref = kunit_kzalloc(test, PT_BUF, GFP_KERNEL);
	if (!t->msg || !t->plain || !t->want || !t->ref)
		return -ENOMEM;
	t->ctx = aiot_sec_ctx_alloc(GFP_KERNEL);
	if (!t->ctx)
		return -ENOMEM;
	test->priv = t;
	return 0;
}

static void pt_exit(struct kunit *test)
{
	struct pt *t = test->priv;

	if (t)
		aiot_sec_ctx_free(t->ctx);
}

/* A hex string of the vectors into @out; its length in octets */
static unsigned int hex(struct kunit *test, const char *h, u8 *out, size_t max)
{
	size_t n = strlen(h) / 2;

	KUNIT_ASSERT_EQ(test, strlen(h) % 2, (size_t)0);
	KUNIT_ASSERT_LE(test, n, max);
	KUNIT_ASSERT_EQ(test, hex2bin(out, h, n), 0);
	return n;
}

#define HEX(test, h, out) hex(test, h, out, sizeof(out))

/* Equal octet strings, or a failure naming the first difference */
static bool expect_memeq(struct kunit *test, const u8 *got, const u8 *want,
			 size_t len, const char *what)
{
	size_t i;

	for (i = 0; i < len && got[i] == want[i]; i++)
		;
	if (i == len)
		return true;
	KUNIT_FAIL(test, "%s: octet %zu of %zu: got %*phN, want %*phN", what, i,
		   len, (int)min_t(size_t, len - i, 16), got + i,
		   (int)min_t(size_t, len - i, 16), want + i);
	return false;
}

/* The scratch context holds no key: zeroised, and refused by 128-NIA2 */
static void expect_no_key(struct kunit *test, struct pt *t)
{
	u8 mac[AIOT_SEC_NIA2_MAC_LEN];

	KUNIT_EXPECT_TRUE(test, aiot_sec_test_ctx_zeroed(t->ctx));
	KUNIT_EXPECT_EQ(test, aiot_nia2_mac(t->ctx, 0, 0, 0, mac, 8, mac),
			-ENOKEY);
}

static void flip(u8 *p, unsigned int bit)
{
	p[bit / 8] ^= 0x80 >> (bit % 8);
}

/* An identity of @bits bits, with its padding bits set */
static void make_id(u8 *id, unsigned int bits)
{
	unsigned int i;

	for (i = 0; i < AIOT_ID_MAX_BITS / 8; i++)
		id[i] = 0x5a ^ (u8)(bits * 7 + i * 13);
	if (bits % 8)
		id[bits / 8] |= 0xff >> (bits % 8);
}

/* ---- solution-y ---------------------------------------------------------- */

/* A parameter's description: its vector's name */
#define PT_NAME_DESC(fn, type)						\
static void fn(const struct type *v, char *desc)			\
{									\
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s", v->name);		\
}

PT_NAME_DESC(y_desc, aiot_pv_y_paging)
PT_NAME_DESC(ya_desc, aiot_pv_y_access)
PT_NAME_DESC(yi_desc, aiot_pv_ident)
KUNIT_ARRAY_PARAM(y_paging, aiot_pv_y_paging, y_desc);
KUNIT_ARRAY_PARAM(y_access, aiot_pv_y_access, ya_desc);
KUNIT_ARRAY_PARAM(y_ident, aiot_pv_y_ident, yi_desc);

/* k_AIoT, k_AIoT_ses, the command keys, KID and NRES */
static void profile_y_keys(struct kunit *test)
{
	u8 k[16], n1[8], n2[8], k_aiot[32], k_ses[32], w[32];
	u8 enc[16], integ[16], kid[4], nres[8], m1[4], m2[4];
	struct aiot_sec_ctx *cmd;
	struct pt *t = test->priv;
	unsigned int i;

	HEX(test, AIOT_PV_K, k);
	HEX(test, AIOT_PV_NONCE1, n1);
	HEX(test, AIOT_PV_NONCE2, n2);
	KUNIT_ASSERT_EQ(test, aiot_soly_k_aiot(k, n1, k_aiot), 0);
	expect_memeq(test, k_aiot, w, HEX(test, AIOT_PV_Y_K_AIOT, w), "k_AIoT");
	KUNIT_ASSERT_EQ(test, aiot_soly_k_ses(k_aiot, n2, k_ses), 0);
	expect_memeq(test, k_ses, w, HEX(test, AIOT_PV_Y_K_SES, w), "k_AIoT_ses");
	KUNIT_ASSERT_EQ(test, aiot_soly_k_command(k_ses, enc, integ), 0);
	expect_memeq(test, enc, w, HEX(test, AIOT_PV_Y_K_CMD_ENC, w), "K_enc");
	expect_memeq(test, integ, w, HEX(test, AIOT_PV_Y_K_CMD_INT, w), "K_int");
	KUNIT_ASSERT_EQ(test, aiot_soly_kid(t->ctx, k_aiot, n1, kid), 0);
	expect_memeq(test, kid, w, HEX(test, AIOT_PV_Y_KID, w), "KID");
	expect_no_key(test, t);
	KUNIT_ASSERT_EQ(test, aiot_soly_nres(t->ctx, k_ses, n2, nres), 0);
	expect_memeq(test, nres, w, HEX(test, AIOT_PV_Y_NRES, w), "NRES");
	expect_no_key(test, t);

	/* the device's check of NRES: right, each bit, wrong nonce and key */
	KUNIT_EXPECT_EQ(test, aiot_soly_nres_verify(t->ctx, k_ses, n2, nres), 0);
	expect_no_key(test, t);
	for (i = 0; i < 8 * sizeof(nres); i++) {
		flip(nres, i);
		KUNIT_EXPECT_EQ_MSG(test, aiot_soly_nres_verify(t->ctx, k_ses, n2,
								nres),
				    -EBADMSG, "bit %u", i);
		flip(nres, i);
	}
	KUNIT_EXPECT_EQ(test, aiot_soly_nres_verify(t->ctx, k_ses, n1, nres),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, aiot_soly_nres_verify(t->ctx, k_aiot, n2, nres),
			-EBADMSG);
	expect_no_key(test, t);

	/* a command context keyed from k_AIoT_ses holds exactly those keys */
	cmd = aiot_sec_ctx_alloc(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cmd);
	KUNIT_EXPECT_EQ(test, aiot_soly_ctx_set_command(cmd, k_ses), 0);
	KUNIT_EXPECT_EQ(test, aiot_nia2_mac(cmd, 0, 0, 1, n1, 64, m1), 0);
	KUNIT_EXPECT_EQ(test, aiot_sec_ctx_set_keys(t->ctx, enc, integ), 0);
	KUNIT_EXPECT_EQ(test, aiot_nia2_mac(t->ctx, 0, 0, 1, n1, 64, m2), 0);
	expect_memeq(test, m1, m2, sizeof(m1), "MAC under the command keys");
	aiot_sec_ctx_free(cmd);
	aiot_sec_ctx_clear(t->ctx);
}

/*
 * Y Paging Request: the known answer, then the device's check: its own
 * identity, another, a wrong key, and every bit of the message flipped.
 */
static void profile_y_paging(struct kunit *test)
{
	const struct aiot_pv_y_paging *v = test->param_value;
	unsigned int len, n, plen, i, bit_id_end, maclen;
	u8 k[16], n1[8], k_aiot[32], other_k[32], id[16], other[16];
	struct pt *t = test->priv;
	u32 counter;
	int err, want;

	HEX(test, AIOT_PV_Y_K_AIOT, k_aiot);
	n = HEX(test, v->id, id);
	len = hex(test, v->msg, t->want, PT_BUF);
	plen = aiot_soly_pid_len(v->flags, v->id_bits);
	maclen = v->flags & AIOT_SOLY_PF_MAC ? AIOT_SOLY_MAC_LEN : 0;
	KUNIT_ASSERT_EQ(test, len, v->off + plen + maclen);

	memset(t->msg, 0xa5, PT_BUF);
	memcpy(t->msg, t->want, v->off);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_seal(t->ctx, k_aiot, v->flags, id,
						 v->id_bits, v->counter, t->msg,
						 v->off, PT_BUF), (int)len);
	expect_memeq(test, t->msg, t->want, len, "Y Paging Request");
	expect_no_key(test, t);

	counter = 0xdeadbeef;
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_open(t->ctx, k_aiot, v->flags,
						 t->want, v->off, len, id,
						 v->id_bits, t->plain, &counter),
			0);
	KUNIT_EXPECT_EQ(test, counter, v->flags & AIOT_SOLY_PF_COUNTER ?
			v->counter : 0xdeadbeef);
	KUNIT_EXPECT_NULL(test, memchr_inv(t->plain, 0, PT_BUF));
	expect_no_key(test, t);

	/* another identity of the same length: the last bit of the ID */
	memcpy(other, id, n);
	flip(other, v->id_bits - 1);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_open(t->ctx, k_aiot, v->flags,
						 t->want, v->off, len, other,
						 v->id_bits, t->plain, NULL),
			-ENOENT);
	/* another length of identity: not even deciphered */
	if (v->id_bits > 8)
		KUNIT_EXPECT_EQ(test,
				aiot_soly_pid_open(t->ctx, k_aiot, v->flags,
						   t->want, v->off, len, id,
						   v->id_bits - 8, t->plain,
						   NULL), -ENOENT);
	/* the device's own K with another nonce1: not for it */
	HEX(test, AIOT_PV_K, k);
	HEX(test, AIOT_PV_NONCE2, n1);
	KUNIT_ASSERT_EQ(test, aiot_soly_k_aiot(k, n1, other_k), 0);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_open(t->ctx, other_k, v->flags,
						 t->want, v->off, len, id,
						 v->id_bits, t->plain, NULL),
			-ENOENT);
	/* the MAC flag dropped or added: another layout, not for it */
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_open(t->ctx, k_aiot,
						 v->flags ^ AIOT_SOLY_PF_MAC,
						 t->want, v->off, len, id,
						 v->id_bits, t->plain, NULL),
			-ENOENT);
	expect_no_key(test, t);

	/*
	 * Every bit: in the identity (padding included) the device does not
	 * find itself; elsewhere MAC-P fails; without MAC-P nothing else is
	 * checked: a flipped counter bit is accepted as another counter (A6).
	 */
	bit_id_end = 8 * (v->off + DIV_ROUND_UP(v->id_bits, 8));
	for (i = 0; i < 8 * len; i++) {
		memcpy(t->msg, t->want, len);
		flip(t->msg, i);
		counter = 0;
		err = aiot_soly_pid_open(t->ctx, k_aiot, v->flags, t->msg, v->off,
					 len, id, v->id_bits, t->plain, &counter);
		if (i >= 8 * v->off && i < bit_id_end)
			want = -ENOENT;
		else
			want = maclen ? -EBADMSG : 0;
		KUNIT_EXPECT_EQ_MSG(test, err, want, "bit %u of %u", i, 8 * len);
		if (!err && (v->flags & AIOT_SOLY_PF_COUNTER) && i >= bit_id_end)
			KUNIT_EXPECT_EQ_MSG(test, counter,
					    v->counter ^ (0x80000000U >> (i - bit_id_end)),
					    "bit %u", i);
	}
	expect_no_key(test, t);
}

static void profile_y_paging_args(struct kunit *test)
{
	u8 k_aiot[32] = {}, id[4] = { 1, 2, 3, 4 };
	struct pt *t = test->priv;
	u8 pf = AIOT_SOLY_PF_PID | AIOT_SOLY_PF_COUNTER | AIOT_SOLY_PF_MAC;
	u32 c;
	int i;

	KUNIT_EXPECT_EQ(test, aiot_soly_pid_len(pf, 32), 8U);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_len(AIOT_SOLY_PF_PID, 27), 4U);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_len(AIOT_SOLY_PF_COUNTER, 32), 0U);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_len(pf, 0), 0U);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_len(pf, AIOT_ID_MAX_BITS + 1), 0U);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_len(pf, AIOT_ID_MAX_BITS),
			(unsigned int)AIOT_SOLY_PID_MAX_LEN);
	for (i = 0; i < 8; i++) {
		if (!(AIOT_SOLY_PF_SPARE_MASK & BIT(i)))
			continue;
		KUNIT_EXPECT_EQ(test, aiot_soly_pid_seal(t->ctx, k_aiot, pf | BIT(i),
							 id, 32, 0, t->msg, 11,
							 PT_BUF), -EINVAL);
		KUNIT_EXPECT_EQ(test, aiot_soly_pid_open(t->ctx, k_aiot, pf | BIT(i),
							 t->msg, 11, 23, id, 32,
							 t->plain, &c), -EPROTO);
	}
	/* a group paging has no protected ID to seal or open */
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_seal(t->ctx, k_aiot, 0, id, 32, 0,
						 t->msg, 11, PT_BUF), -EINVAL);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_open(t->ctx, k_aiot,
						 AIOT_SOLY_PF_MAC, t->msg, 11,
						 15, id, 32, t->plain, &c),
			-EPROTO);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_seal(t->ctx, k_aiot, pf, id, 0, 0,
						 t->msg, 11, PT_BUF), -EINVAL);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_seal(t->ctx, k_aiot, pf, id, 129, 0,
						 t->msg, 11, PT_BUF), -EINVAL);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_seal(t->ctx, k_aiot, pf, id, 32, 0,
						 t->msg, 11, 22), -EMSGSIZE);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_seal(t->ctx, k_aiot, pf, id, 32, 0,
						 t->msg, 11, 23), 23);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_seal(NULL, k_aiot, pf, id, 32, 0,
						 t->msg, 11, 23), -EINVAL);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_open(t->ctx, k_aiot, pf, t->msg, 24,
						 23, id, 32, t->plain, &c),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, aiot_soly_pid_open(t->ctx, k_aiot, pf, t->msg, 11,
						 23, id, 32, NULL, &c), -EINVAL);
	expect_no_key(test, t);
}

/* Y Access Response: the known answer, ARES checked, the part deciphered */
static void profile_y_access(struct kunit *test)
{
	const struct aiot_pv_y_access *v = test->param_value;
	u8 k_ses[32], k_aiot[32], n1[8], n2[8], id[16], bits;
	struct pt *t = test->priv;
	unsigned int len, i;

	HEX(test, AIOT_PV_Y_K_SES, k_ses);
	HEX(test, AIOT_PV_Y_K_AIOT, k_aiot);
	HEX(test, AIOT_PV_NONCE1, n1);
	HEX(test, AIOT_PV_NONCE2, n2);
	KUNIT_ASSERT_EQ(test, hex(test, v->plain, t->ref, PT_BUF), v->len);
	len = hex(test, v->msg, t->want, PT_BUF);
	KUNIT_ASSERT_EQ(test, len, v->len + AIOT_SOLY_ARES_LEN);

	memcpy(t->msg, t->ref, v->len);
	KUNIT_EXPECT_EQ(test, aiot_soly_access_seal(t->ctx, k_ses, n1, t->msg,
						    v->off, v->len, PT_BUF),
			(int)len);
	expect_memeq(test, t->msg, t->want, len, "Y Access Response");
	expect_no_key(test, t);
	KUNIT_EXPECT_EQ(test, aiot_soly_access_seal(t->ctx, k_ses, n1, t->msg,
						    v->off, v->len, len - 1),
			-EMSGSIZE);

	KUNIT_EXPECT_EQ(test, aiot_soly_access_open(t->ctx, k_ses, n1, t->msg,
						    v->off, len), (int)v->len);
	expect_memeq(test, t->msg, t->ref, v->len, "deciphered part");
	expect_no_key(test, t);
	if (v->len > v->off && t->ref[2] & AIOT_SOLY_AF_PID) {
		KUNIT_EXPECT_EQ(test, aiot_prof_id_get(t->msg + v->off,
						       v->len - v->off, &bits), 0);
		KUNIT_EXPECT_EQ(test, HEX(test, "a2170003", id), 4U);
		if (bits == 32)
			expect_memeq(test, t->msg + v->off + 1, id, 4, "identity");
	}

	/* every bit flipped, wrong nonce1, wrong key, truncated: refused */
	for (i = 0; i < 8 * len; i++) {
		memcpy(t->msg, t->want, len);
		flip(t->msg, i);
		memcpy(t->plain, t->msg, len);
		KUNIT_EXPECT_EQ_MSG(test, aiot_soly_access_open(t->ctx, k_ses, n1,
								t->msg, v->off,
								len),
				    -EBADMSG, "bit %u", i);
		KUNIT_EXPECT_EQ_MSG(test, memcmp(t->msg, t->plain, len), 0,
				    "bit %u: the refused message was changed", i);
	}
	memcpy(t->msg, t->want, len);
	KUNIT_EXPECT_EQ(test, aiot_soly_access_open(t->ctx, k_ses, n2, t->msg,
						    v->off, len), -EBADMSG);
	KUNIT_EXPECT_EQ(test, aiot_soly_access_open(t->ctx, k_aiot, n1, t->msg,
						    v->off, len), -EBADMSG);
	KUNIT_EXPECT_EQ(test, aiot_soly_access_open(t->ctx, k_ses, n1, t->msg,
						    v->off, len - 1),
			v->len > v->off ? -EBADMSG : -EPROTO);
	KUNIT_EXPECT_EQ(test, aiot_soly_access_open(t->ctx, k_ses, n1, t->msg,
						    v->off, v->off + 7), -EPROTO);
	expect_memeq(test, t->msg, t->want, len, "refused message");
	expect_no_key(test, t);
}

/* Y Protected Identity: the known answer, opened, every bit, wrong key */
static void profile_y_ident(struct kunit *test)
{
	const struct aiot_pv_ident *v = test->param_value;
	u8 k_ses[32], k_aiot[32], id[16], bits = 0;
	struct pt *t = test->priv;
	unsigned int len, n, i;

	HEX(test, AIOT_PV_Y_K_SES, k_ses);
	HEX(test, AIOT_PV_Y_K_AIOT, k_aiot);
	n = HEX(test, v->id, id);
	len = hex(test, v->msg, t->want, PT_BUF);

	memcpy(t->msg, t->want, v->off);
	KUNIT_EXPECT_EQ(test, aiot_soly_ident_seal(t->ctx, k_ses, id, v->id_bits,
						   t->msg, v->off, PT_BUF),
			(int)len);
	expect_memeq(test, t->msg, t->want, len, "Y Protected Identity");
	expect_no_key(test, t);
	KUNIT_EXPECT_EQ(test, aiot_soly_ident_seal(t->ctx, k_ses, id, v->id_bits,
						   t->msg, v->off, len - 1),
			-EMSGSIZE);

	memcpy(t->msg, t->want, len);
	KUNIT_EXPECT_EQ(test, aiot_soly_ident_open(t->ctx, k_ses, t->msg, v->off,
						   len, &bits), 0);
	KUNIT_EXPECT_EQ(test, bits, (u8)v->id_bits);
	id[n - 1] &= (u8)(0xff00 >> (v->id_bits % 8 ?: 8));
	expect_memeq(test, t->msg + v->off + 1, id, n, "identity");
	expect_no_key(test, t);

	for (i = 0; i < 8 * len; i++) {
		memcpy(t->msg, t->want, len);
		flip(t->msg, i);
		KUNIT_EXPECT_EQ_MSG(test, aiot_soly_ident_open(t->ctx, k_ses, t->msg,
							       v->off, len, &bits),
				    -EBADMSG, "bit %u", i);
	}
	memcpy(t->msg, t->want, len);
	KUNIT_EXPECT_EQ(test, aiot_soly_ident_open(t->ctx, k_aiot, t->msg, v->off,
						   len, &bits), -EBADMSG);
	expect_memeq(test, t->msg, t->want, len, "refused message");
	expect_no_key(test, t);
}

/* id_bits | ID: every length, and every way to be malformed */
static void profile_id_string(struct kunit *test)
{
	u8 id[16], s[AIOT_PROF_ID_STR_MAX + 1], bits;
	unsigned int b, n;

	for (b = 1; b <= AIOT_ID_MAX_BITS; b++) {
		make_id(id, b);
		n = aiot_prof_id_put(s, id, b);
		KUNIT_ASSERT_EQ(test, n, 1 + DIV_ROUND_UP(b, 8));
		KUNIT_EXPECT_EQ(test, aiot_prof_id_get(s, n, &bits), 0);
		KUNIT_EXPECT_EQ(test, bits, (u8)b);
		KUNIT_EXPECT_EQ(test, aiot_prof_id_get(s, n - 1, &bits), -EPROTO);
		KUNIT_EXPECT_EQ(test, aiot_prof_id_get(s, n + 1, &bits), -EPROTO);
		if (b % 8) {
			s[n - 1] |= 1;
			KUNIT_EXPECT_EQ_MSG(test, aiot_prof_id_get(s, n, &bits),
					    -EPROTO, "padding bit, %u bits", b);
		}
	}
	s[0] = 0;
	KUNIT_EXPECT_EQ(test, aiot_prof_id_get(s, 1, &bits), -EPROTO);
	s[0] = AIOT_ID_MAX_BITS + 1;
	KUNIT_EXPECT_EQ(test, aiot_prof_id_get(s, 1 + 17, &bits), -EPROTO);
	KUNIT_EXPECT_EQ(test, aiot_prof_id_put(s, id, 0), 0U);
	KUNIT_EXPECT_EQ(test, aiot_prof_id_put(s, id, AIOT_ID_MAX_BITS + 1), 0U);
}

/* Round trips of every protected identity at every length 1..128 */
static void profile_roundtrip_lengths(struct kunit *test)
{
	u8 k_aiot[32], k_ses[32], k_n[32], id[16], bits;
	u8 pf = AIOT_SOLY_PF_PID | AIOT_SOLY_PF_COUNTER | AIOT_SOLY_PF_MAC;
	struct pt *t = test->priv;
	unsigned int b;
	u32 c;
	int n;

	HEX(test, AIOT_PV_Y_K_AIOT, k_aiot);
	HEX(test, AIOT_PV_Y_K_SES, k_ses);
	HEX(test, AIOT_PV_9_K_N, k_n);
	for (b = 1; b <= AIOT_ID_MAX_BITS; b++) {
		make_id(id, b);
		n = aiot_soly_pid_seal(t->ctx, k_aiot, pf, id, b, b, t->msg, 3,
				       PT_BUF);
		KUNIT_ASSERT_GT(test, n, 0);
		c = 0;
		KUNIT_EXPECT_EQ_MSG(test, aiot_soly_pid_open(t->ctx, k_aiot, pf,
							     t->msg, 3, n, id, b,
							     t->plain, &c),
				    0, "%u bits", b);
		KUNIT_EXPECT_EQ(test, c, (u32)b);

		n = aiot_soly_ident_seal(t->ctx, k_ses, id, b, t->msg, 2, PT_BUF);
		KUNIT_ASSERT_GT(test, n, 0);
		KUNIT_EXPECT_EQ_MSG(test, aiot_soly_ident_open(t->ctx, k_ses,
							       t->msg, 2, n,
							       &bits),
				    0, "%u bits", b);
		KUNIT_EXPECT_EQ(test, bits, (u8)b);

		KUNIT_ASSERT_EQ(test, aiot_sol9_pid_protect(t->ctx, k_n, id, b,
							    t->want), 0);
		KUNIT_EXPECT_EQ_MSG(test, aiot_sol9_pid_match(t->ctx, k_n, t->want,
							      b, id, b, t->plain),
				    0, "%u bits", b);

		n = aiot_sol9_auth_seal(t->ctx, k_n, AIOT_SOL9_POL_DEFAULT, id, b,
					t->msg, 11, PT_BUF);
		KUNIT_ASSERT_GT(test, n, 0);
		KUNIT_EXPECT_EQ_MSG(test, aiot_sol9_auth_open(t->ctx, k_n,
							      AIOT_SOL9_POL_DEFAULT,
							      t->msg, 11, n,
							      &bits),
				    0, "%u bits", b);
		KUNIT_EXPECT_EQ(test, bits, (u8)b);
	}
	expect_no_key(test, t);
}

/* ---- solution-9 ---------------------------------------------------------- */

static void p9_desc(const struct aiot_pv_9_pid *v, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%u-bit ID", v->id_bits);
}

PT_NAME_DESC(a9_desc, aiot_pv_9_auth)
PT_NAME_DESC(c9_desc, aiot_pv_9_cmd)
KUNIT_ARRAY_PARAM(s9_pid, aiot_pv_9_pid, p9_desc);
KUNIT_ARRAY_PARAM(s9_auth, aiot_pv_9_auth, a9_desc);
KUNIT_ARRAY_PARAM(s9_cmd, aiot_pv_9_cmd, c9_desc);

/* k_N, k_ND, T-ID and T-ID*, and the checks of the temporary IDs */
static void profile_9_keys(struct kunit *test)
{
	u8 k[16], nn[8], dn[8], out[32], w[32], tid[8], tids[8];
	unsigned int i;

	HEX(test, AIOT_PV_K, k);
	HEX(test, AIOT_PV_NN, nn);
	HEX(test, AIOT_PV_DN, dn);
	KUNIT_ASSERT_EQ(test, aiot_sol9_k_n(k, nn, out), 0);
	expect_memeq(test, out, w, HEX(test, AIOT_PV_9_K_N, w), "k_N");
	KUNIT_ASSERT_EQ(test, aiot_sol9_k_nd(k, nn, dn, out), 0);
	expect_memeq(test, out, w, HEX(test, AIOT_PV_9_K_ND, w), "k_ND");
	KUNIT_ASSERT_EQ(test, aiot_sol9_tid(k, nn, tid), 0);
	expect_memeq(test, tid, w, HEX(test, AIOT_PV_9_TID, w), "T-ID");
	KUNIT_ASSERT_EQ(test, aiot_sol9_tid_star(k, nn, dn, tids), 0);
	expect_memeq(test, tids, w, HEX(test, AIOT_PV_9_TID_STAR, w), "T-ID*");
	HEX(test, AIOT_PV_NN_CMD, w);
	KUNIT_ASSERT_EQ(test, aiot_sol9_k_n(k, w, out), 0);
	HEX(test, AIOT_PV_9_K_N_CMD, w);
	expect_memeq(test, out, w, 32, "k_N'");

	KUNIT_EXPECT_EQ(test, aiot_sol9_tid_match(k, nn, tid), 0);
	KUNIT_EXPECT_EQ(test, aiot_sol9_tid_star_verify(k, nn, dn, tids), 0);
	for (i = 0; i < 64; i++) {
		flip(tid, i);
		flip(tids, i);
		KUNIT_EXPECT_EQ_MSG(test, aiot_sol9_tid_match(k, nn, tid), -ENOENT,
				    "bit %u", i);
		KUNIT_EXPECT_EQ_MSG(test, aiot_sol9_tid_star_verify(k, nn, dn, tids),
				    -EBADMSG, "bit %u", i);
		flip(tid, i);
		flip(tids, i);
	}
	/* another device's K, another NN, the nonces swapped */
	KUNIT_EXPECT_EQ(test, aiot_sol9_tid_match(k, dn, tid), -ENOENT);
	KUNIT_EXPECT_EQ(test, aiot_sol9_tid_star_verify(k, dn, nn, tids),
			-EBADMSG);
	k[15] ^= 1;
	KUNIT_EXPECT_EQ(test, aiot_sol9_tid_match(k, nn, tid), -ENOENT);
	KUNIT_EXPECT_EQ(test, aiot_sol9_tid_star_verify(k, nn, dn, tids),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, aiot_sol9_tid_star(k, nn, NULL, tids), -EINVAL);
	KUNIT_EXPECT_EQ(test, aiot_sol9_k_nd(k, nn, NULL, out), -EINVAL);
}

/* The paging's protected ID: known answer, match, and every way not to */
static void profile_9_pid(struct kunit *test)
{
	const struct aiot_pv_9_pid *v = test->param_value;
	u8 k_n[32], k_nd[32], id[16], other[16];
	struct pt *t = test->priv;
	unsigned int n, i;

	HEX(test, AIOT_PV_9_K_N, k_n);
	HEX(test, AIOT_PV_9_K_ND, k_nd);
	n = HEX(test, v->id, id);
	KUNIT_ASSERT_EQ(test, hex(test, v->pid, t->want, PT_BUF), n);
	memset(t->msg, 0xa5, PT_BUF);
	KUNIT_EXPECT_EQ(test, aiot_sol9_pid_protect(t->ctx, k_n, id, v->id_bits,
						    t->msg), 0);
	expect_memeq(test, t->msg, t->want, n, "protected ID");
	expect_no_key(test, t);

	KUNIT_EXPECT_EQ(test, aiot_sol9_pid_match(t->ctx, k_n, t->want,
						  v->id_bits, id, v->id_bits,
						  t->plain), 0);
	KUNIT_EXPECT_NULL(test, memchr_inv(t->plain, 0, PT_BUF));
	expect_no_key(test, t);
	/* the bits after the field's length are not part of it */
	if (v->id_bits % 8) {
		memcpy(t->msg, t->want, n);
		t->msg[n - 1] |= 0xff >> (v->id_bits % 8);
		KUNIT_EXPECT_EQ(test, aiot_sol9_pid_match(t->ctx, k_n, t->msg,
							  v->id_bits, id,
							  v->id_bits, t->plain),
				0);
	}
	for (i = 0; i < v->id_bits; i++) {
		memcpy(t->msg, t->want, n);
		flip(t->msg, i);
		KUNIT_EXPECT_EQ_MSG(test, aiot_sol9_pid_match(t->ctx, k_n, t->msg,
							      v->id_bits, id,
							      v->id_bits,
							      t->plain),
				    -ENOENT, "bit %u", i);
	}
	memcpy(other, id, n);
	flip(other, 0);
	KUNIT_EXPECT_EQ(test, aiot_sol9_pid_match(t->ctx, k_n, t->want,
						  v->id_bits, other, v->id_bits,
						  t->plain), -ENOENT);
	KUNIT_EXPECT_EQ(test, aiot_sol9_pid_match(t->ctx, k_nd, t->want,
						  v->id_bits, id, v->id_bits,
						  t->plain), -ENOENT);
	KUNIT_EXPECT_EQ(test, aiot_sol9_pid_match(t->ctx, k_n, t->want,
						  v->id_bits - 1, id, v->id_bits,
						  t->plain), -ENOENT);
	KUNIT_EXPECT_EQ(test, aiot_sol9_pid_protect(t->ctx, k_n, id, 0, t->msg),
			-EINVAL);
	expect_no_key(test, t);
}

/* 9 Authentication Response: known answer, opened, every bit, wrong key */
static void profile_9_auth(struct kunit *test)
{
	const struct aiot_pv_9_auth *v = test->param_value;
	u8 k_nd[32], k_n[32], id[16], bits = 0, pol;
	struct pt *t = test->priv;
	unsigned int len, n, i;

	HEX(test, AIOT_PV_9_K_ND, k_nd);
	HEX(test, AIOT_PV_9_K_N, k_n);
	n = HEX(test, v->id, id);
	len = hex(test, v->msg, t->want, PT_BUF);

	memcpy(t->msg, t->want, v->off);
	KUNIT_EXPECT_EQ(test, aiot_sol9_auth_seal(t->ctx, k_nd, v->policy, id,
						  v->id_bits, t->msg, v->off,
						  PT_BUF), (int)len);
	expect_memeq(test, t->msg, t->want, len, "9 Authentication Response");
	expect_no_key(test, t);

	memcpy(t->msg, t->want, len);
	KUNIT_EXPECT_EQ(test, aiot_sol9_auth_open(t->ctx, k_nd, v->policy, t->msg,
						  v->off, len, &bits), 0);
	KUNIT_EXPECT_EQ(test, bits, (u8)v->id_bits);
	id[n - 1] &= (u8)(0xff00 >> (v->id_bits % 8 ?: 8));
	expect_memeq(test, t->msg + v->off + 1, id, n, "identity");
	expect_no_key(test, t);

	for (i = 0; i < 8 * len; i++) {
		memcpy(t->msg, t->want, len);
		flip(t->msg, i);
		KUNIT_EXPECT_EQ_MSG(test, aiot_sol9_auth_open(t->ctx, k_nd,
							      v->policy, t->msg,
							      v->off, len, &bits),
				    -EBADMSG, "bit %u", i);
	}
	memcpy(t->msg, t->want, len);
	KUNIT_EXPECT_EQ(test, aiot_sol9_auth_open(t->ctx, k_n, v->policy, t->msg,
						  v->off, len, &bits), -EBADMSG);
	/* the temporary ID policy and reserved values are no identity part */
	memcpy(t->msg, t->want, len);
	pol = (v->policy & ~AIOT_SOL9_POL_IDP_MASK) | AIOT_SOL9_POL_IDP_TID;
	KUNIT_EXPECT_EQ(test, aiot_sol9_auth_open(t->ctx, k_nd, pol, t->msg,
						  v->off, len, &bits), -EINVAL);
	KUNIT_EXPECT_EQ(test, aiot_sol9_auth_seal(t->ctx, k_nd, pol, id,
						  v->id_bits, t->msg, v->off,
						  PT_BUF), -EINVAL);
	pol = v->policy | AIOT_SOL9_POL_IDP_RESERVED;
	KUNIT_EXPECT_EQ(test, aiot_sol9_auth_open(t->ctx, k_nd, pol, t->want,
						  v->off, len, &bits), -EPROTO);
	KUNIT_EXPECT_EQ(test, aiot_sol9_auth_seal(t->ctx, k_nd, pol, id,
						  v->id_bits, t->msg, v->off,
						  PT_BUF), -EINVAL);
	expect_no_key(test, t);
}

/*
 * 9 Command Request / Response: the known answer, opened under a floor
 * equal to its policy, and every bit flipped: refused where the policy's
 * MAC covers it, accepted where nothing does.
 */
static void profile_9_cmd(struct kunit *test)
{
	const struct aiot_pv_9_cmd *v = test->param_value;
	u8 k[32], wrong[32], nn[8], idf[16], pol = v->policy;
	unsigned int len, plen, maclen, i, scope, nbits;
	struct aiot_sol9_paging pg;
	struct pt *t = test->priv;
	u32 cfg = v->policy | AIOT_SOL9_CFG_FLOOR;
	int err, want;

	HEX(test, v->request ? AIOT_PV_9_K_N_CMD : AIOT_PV_9_K_ND_CMD, k);
	HEX(test, v->request ? AIOT_PV_9_K_ND_CMD : AIOT_PV_9_K_N_CMD, wrong);
	HEX(test, AIOT_PV_NN_CMD, nn);
	HEX(test, v->idf, idf);
	pg.nn = nn;
	pg.idf = idf;
	pg.idf_bits = v->idf_bits;
	plen = hex(test, v->plain, t->ref, PT_BUF);
	len = hex(test, v->msg, t->want, PT_BUF);
	scope = pol & AIOT_SOL9_POL_INT_MASK;
	maclen = scope == AIOT_SOL9_POL_INT_NONE ? 0 : AIOT_SOL9_MAC_LEN;
	KUNIT_ASSERT_EQ(test, len, plen + maclen);

	memcpy(t->msg, t->ref, plen);
	if (v->request)
		err = aiot_sol9_req_seal(t->ctx, k, pol, &pg, t->msg, v->off, plen,
					 PT_BUF);
	else
		err = aiot_sol9_rsp_seal(t->ctx, k, pol, nn, t->msg, v->off, plen,
					 PT_BUF);
	KUNIT_EXPECT_EQ(test, err, (int)len);
	expect_memeq(test, t->msg, t->want, len, "command message");
	expect_no_key(test, t);

	nbits = 8 * len + (v->request ? 64 + 8 * DIV_ROUND_UP(v->idf_bits, 8) : 64);
	for (i = 0; i <= nbits; i++) {
		/* i < 8 * len: the message; then NN', then the identity field */
		memcpy(t->msg, t->want, len);
		HEX(test, AIOT_PV_NN_CMD, nn);
		HEX(test, v->idf, idf);
		if (i < 8 * len)
			flip(t->msg, i);
		else if (i < 8 * len + 64)
			flip(nn, i - 8 * len);
		else if (i < nbits)
			flip(idf, i - 8 * len - 64);
		if (v->request)
			err = aiot_sol9_req_open(t->ctx, k, cfg, pol, &pg, t->msg,
						 v->off, len);
		else
			err = aiot_sol9_rsp_open(t->ctx, k, cfg, pol, nn, t->msg,
						 v->off, len);
		if (i == nbits)		/* nothing flipped */
			want = plen;
		else if (i >= 8 * len + 64 && i - 8 * len - 64 >= v->idf_bits)
			want = plen;	/* after the identity field: not in it */
		else if (scope == AIOT_SOL9_POL_INT_MESSAGE)
			want = -EBADMSG;
		else if (scope == AIOT_SOL9_POL_INT_PAYLOAD &&
			 i >= 8 * v->off && i < 8 * len)
			want = -EBADMSG;
		else
			want = plen;	/* nothing covers it */
		KUNIT_EXPECT_EQ_MSG(test, err, want, "bit %u of %u", i, nbits);
	}
	/* what the last round opened: the payload in clear */
	expect_memeq(test, t->msg, t->ref, plen, "opened message");

	/* the other side's key: refused where there is a MAC */
	memcpy(t->msg, t->want, len);
	if (v->request)
		err = aiot_sol9_req_open(t->ctx, wrong, cfg, pol, &pg, t->msg,
					 v->off, len);
	else
		err = aiot_sol9_rsp_open(t->ctx, wrong, cfg, pol, nn, t->msg,
					 v->off, len);
	KUNIT_EXPECT_EQ(test, err, maclen ? -EBADMSG : (int)plen);
	/* truncated below the payload and MAC */
	KUNIT_EXPECT_EQ(test, aiot_sol9_rsp_open(t->ctx, k, cfg, pol, nn, t->want,
						 v->off, v->off + maclen),
			-EPROTO);
	expect_no_key(test, t);
}

/* The Security Policy: reserved values, the floor, every octet */
static void profile_9_policy(struct kunit *test)
{
	const struct aiot_pc_policy *c;
	unsigned int i, p, valid = 0, above = 0;

	for (i = 0; i < ARRAY_SIZE(aiot_pc_policy); i++) {
		c = &aiot_pc_policy[i];
		KUNIT_EXPECT_EQ_MSG(test, aiot_sol9_policy_check(c->cfg, c->policy),
				    c->want, "cfg %#x, policy %#x", c->cfg, c->policy);
	}
	for (p = 0; p < 256; p++) {
		if (!aiot_sol9_policy_valid(p)) {
			KUNIT_EXPECT_EQ(test, aiot_sol9_policy_check(0, p), -EPROTO);
			continue;
		}
		valid++;
		KUNIT_EXPECT_EQ(test, aiot_sol9_policy_check(p, p), 0);
		KUNIT_EXPECT_EQ(test, aiot_sol9_policy_check(p | AIOT_SOL9_CFG_FLOOR,
							     p), 0);
		KUNIT_EXPECT_EQ(test, aiot_sol9_policy_check(AIOT_SOL9_POL_DEFAULT,
							     p), 0);
		if (!aiot_sol9_policy_check(AIOT_SOL9_CFG_DEFAULT, p))
			above++;
	}
	KUNIT_EXPECT_EQ(test, valid, AIOT_PC_POLICY_VALID);
	KUNIT_EXPECT_EQ(test, above, AIOT_PC_POLICY_ABOVE_DEFAULT);
}

/* A7: a weak Write, refused below the floor (profile_cases.h) */
static void profile_9_downgrade(struct kunit *test)
{
	const struct aiot_pc_downgrade *c;
	u8 k_n[32], nn[8], idf[4] = { 1, 2, 3, 4 };
	struct aiot_sol9_paging pg = { nn, idf, 32 };
	struct pt *t = test->priv;
	unsigned int i;
	int err;

	HEX(test, AIOT_PV_9_K_N_CMD, k_n);
	HEX(test, AIOT_PV_NN_CMD, nn);
	memcpy(t->msg, aiot_pc_write, AIOT_PC_WRITE_LEN);
	for (i = 0; i < ARRAY_SIZE(aiot_pc_downgrade); i++) {
		c = &aiot_pc_downgrade[i];
		pg.idf_bits = c->idf_bits;
		if (c->seal)
			err = aiot_sol9_req_seal(t->ctx, k_n, c->policy, &pg, t->msg,
						 AIOT_PC_WRITE_OFF, c->len, c->max);
		else
			err = aiot_sol9_req_open(t->ctx, k_n, c->cfg, c->policy, &pg,
						 t->msg, AIOT_PC_WRITE_OFF, c->len);
		KUNIT_EXPECT_EQ_MSG(test, err, c->want, "step %u", i);
		if (c->intact)
			expect_memeq(test, t->msg, aiot_pc_write, AIOT_PC_WRITE_LEN,
				     c->intact);
	}
	expect_no_key(test, t);
}

static struct kunit_case aiot_profile_cases[] = {
	KUNIT_CASE(profile_y_keys),
	KUNIT_CASE_PARAM(profile_y_paging, y_paging_gen_params),
	KUNIT_CASE(profile_y_paging_args),
	KUNIT_CASE_PARAM(profile_y_access, y_access_gen_params),
	KUNIT_CASE_PARAM(profile_y_ident, y_ident_gen_params),
	KUNIT_CASE(profile_id_string),
	KUNIT_CASE(profile_roundtrip_lengths),
	KUNIT_CASE(profile_9_keys),
	KUNIT_CASE_PARAM(profile_9_pid, s9_pid_gen_params),
	KUNIT_CASE_PARAM(profile_9_auth, s9_auth_gen_params),
	KUNIT_CASE_PARAM(profile_9_cmd, s9_cmd_gen_params),
	KUNIT_CASE(profile_9_policy),
	KUNIT_CASE(profile_9_downgrade),
	{}
};

static struct kunit_suite aiot_profile_suite = {
	.name = "aiot_profile",
	.init = pt_init,
	.exit = pt_exit,
	.test_cases = aiot_profile_cases,
};

kunit_test_suite(aiot_profile_suite);

MODULE_DESCRIPTION("KUnit tests of the aiot study security profiles");
MODULE_LICENSE("GPL");
