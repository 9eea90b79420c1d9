// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the kernel/userspace security cross-check.  Every case of
 * <aiot/sec_xcheck.h> is generated here from the seed the header below was
 * made with, computed with kernel/sec.c, and compared with what the
 * OpenSSL twin computed (build/gen/aiot_sec_xcheck_vectors.h, written by
 * tests/xcheck/gen_sec_xcheck.c when the module is built): the engine,
 * the AIoT NAS envelope and the study profiles' cryptography.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include <aiot/sec_xcheck.h>
#include "nas.h"
#include "profile.h"
#include "sec.h"
#include <aiot/profile_xcheck.h>
#include "aiot_sec_xcheck_vectors.h"

/* Report this many mismatches in full, then only count them */
#define XCHECK_REPORT	5

struct xcheck {
	struct aiot_xcheck_case c;
	struct aiot_sec_ctx *ctx;
	u8 *buf;		/* linear-mapped, for NEA2 scatterlists */
	u8 *out;
	unsigned int bad;
};

static int xcheck_init(struct kunit *test)
{
	struct xcheck *x = kunit_kzalloc(test, sizeof(*x), GFP_KERNEL);

	if (!x)
		return -ENOMEM;
	x->buf = kunit_kzalloc(test, AIOT_XCHECK_MAX_BYTES, GFP_KERNEL);
	x->out = kunit_kzalloc(test, AIOT_XCHECK_MAX_BYTES, GFP_KERNEL);
	x->ctx = aiot_sec_ctx_alloc(GFP_KERNEL);
	if (!x->buf || !x->out || !x->ctx) {
		aiot_sec_ctx_free(x->ctx);
		return -ENOMEM;
	}
	test->priv = x;
	return 0;
}

static void xcheck_exit(struct kunit *test)
{
	struct xcheck *x = test->priv;

	aiot_sec_ctx_free(x->ctx);
}

static u32 be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

static void mismatch(struct kunit *test, struct xcheck *x, unsigned int i,
		     const char *what, unsigned long long got,
		     unsigned long long want)
{
	if (x->bad++ < XCHECK_REPORT)
		KUNIT_FAIL(test,
			   "case %u (LENGTH %u, COUNT %#x, BEARER %u, DIR %u): %s %#llx, twin %#llx",
			   i, x->c.bits, x->c.count, x->c.bearer, x->c.dir,
			   what, got, want);
}

static void summary(struct kunit *test, struct xcheck *x, const char *what,
		    unsigned int cases)
{
	kunit_info(test, "%s: %u cases, seed %#llx, %u mismatches\n", what,
		   cases, AIOT_XCHECK_SEED, x->bad);
	KUNIT_EXPECT_EQ(test, x->bad, 0U);
}

/* Both sides generated the same inputs (else nothing below means much) */
static void xcheck_inputs_agree(struct kunit *test)
{
	unsigned long long digest = AIOT_XCHECK_FNV_INIT;
	struct xcheck *x = test->priv;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, ARRAY_SIZE(aiot_xcheck_expect),
			(size_t)AIOT_XCHECK_CASES);
	for (i = 0; i < AIOT_XCHECK_CASES; i++) {
		aiot_xcheck_case(AIOT_XCHECK_SEED, i, &x->c);
		digest = aiot_xcheck_input_digest(digest, &x->c);
	}
	KUNIT_EXPECT_EQ(test, digest, AIOT_XCHECK_INPUT_DIGEST);
}

/* 128-NIA2 of the plaintext, and its verification */
static void xcheck_nia2(struct kunit *test)
{
	struct xcheck *x = test->priv;
	unsigned int i;
	u8 mac[4];

	for (i = 0; i < AIOT_XCHECK_CASES; i++) {
		const struct aiot_xcheck_expect *e = &aiot_xcheck_expect[i];
		struct aiot_xcheck_case *c = &x->c;

		aiot_xcheck_case(AIOT_XCHECK_SEED, i, c);
		KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_keys(x->ctx, c->k_enc,
							    c->k_int), 0);
		KUNIT_ASSERT_EQ(test, aiot_nia2_mac(x->ctx, c->count, c->bearer,
						    c->dir, c->msg, c->bits,
						    mac), 0);
		if (be32(mac) != e->mac)
			mismatch(test, x, i, "MAC-I", be32(mac), e->mac);
		else if (aiot_nia2_verify(x->ctx, c->count, c->bearer, c->dir,
					  c->msg, c->bits, mac))
			mismatch(test, x, i, "verify of its own MAC-I", 1, 0);
	}
	summary(test, x, "NIA2", AIOT_XCHECK_CASES);
}

/* 128-NEA2, out of place */
static void xcheck_nea2(struct kunit *test)
{
	struct xcheck *x = test->priv;
	unsigned long long d;
	unsigned int i, len;

	for (i = 0; i < AIOT_XCHECK_CASES; i++) {
		const struct aiot_xcheck_expect *e = &aiot_xcheck_expect[i];
		struct aiot_xcheck_case *c = &x->c;

		aiot_xcheck_case(AIOT_XCHECK_SEED, i, c);
		len = DIV_ROUND_UP(c->bits, 8);
		memcpy(x->buf, c->msg, len);
		KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_keys(x->ctx, c->k_enc,
							    c->k_int), 0);
		KUNIT_ASSERT_EQ(test, aiot_nea2_crypt(x->ctx, c->count,
						      c->bearer, c->dir, x->buf,
						      x->out, c->bits), 0);
		d = aiot_xcheck_fnv(AIOT_XCHECK_FNV_INIT, x->out, len);
		if (d != e->ct_digest)
			mismatch(test, x, i, "ciphertext digest", d,
				 e->ct_digest);
	}
	summary(test, x, "NEA2", AIOT_XCHECK_CASES);
}

/*
 * protect (NEA2 in place, then NIA2 of the ciphertext), then unprotect
 * gives the plaintext back, with its bits after LENGTH cleared
 */
static void xcheck_protect_unprotect(struct kunit *test)
{
	struct xcheck *x = test->priv;
	unsigned int i, len;
	unsigned long long d;
	u8 mac[4];

	for (i = 0; i < AIOT_XCHECK_CASES; i++) {
		const struct aiot_xcheck_expect *e = &aiot_xcheck_expect[i];
		struct aiot_xcheck_case *c = &x->c;

		aiot_xcheck_case(AIOT_XCHECK_SEED, i, c);
		len = DIV_ROUND_UP(c->bits, 8);
		memcpy(x->buf, c->msg, len);
		KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_keys(x->ctx, c->k_enc,
							    c->k_int), 0);
		KUNIT_ASSERT_EQ(test, aiot_sec_protect(x->ctx, c->count,
						       c->bearer, c->dir,
						       x->buf, c->bits, mac),
				0);
		d = aiot_xcheck_fnv(AIOT_XCHECK_FNV_INIT, x->buf, len);
		if (be32(mac) != e->mac_protected) {
			mismatch(test, x, i, "MAC-I of the ciphertext",
				 be32(mac), e->mac_protected);
			continue;
		}
		if (d != e->ct_digest) {
			mismatch(test, x, i, "protected message digest", d,
				 e->ct_digest);
			continue;
		}
		if (aiot_sec_unprotect(x->ctx, c->count, c->bearer, c->dir,
				       x->buf, c->bits, mac)) {
			mismatch(test, x, i, "unprotect of its own output", 1,
				 0);
			continue;
		}
		if (c->bits % 8)
			c->msg[len - 1] &= (u8)(0xff00 >> (c->bits % 8));
		if (memcmp(x->buf, c->msg, len))
			mismatch(test, x, i, "round trip", 1, 0);
	}
	summary(test, x, "protect/unprotect", AIOT_XCHECK_CASES);
}

/* RES_AIOT, K_AIOTF, K_Command_enc/int on every KDF case */
static void xcheck_kdf(struct kunit *test)
{
	u8 kd[AIOT_RES_LEN + AIOT_K_AIOTF_LEN + 2 * AIOT_SEC_KEY_LEN];
	u8 *k_aiotf = kd + AIOT_RES_LEN, *k_enc = k_aiotf + AIOT_K_AIOTF_LEN;
	struct xcheck *x = test->priv;
	unsigned long long d;
	unsigned int i;

	for (i = 0; i < AIOT_XCHECK_CASES; i += AIOT_XCHECK_KDF_EVERY) {
		struct aiot_xcheck_case *c = &x->c;

		aiot_xcheck_case(AIOT_XCHECK_SEED, i, c);
		KUNIT_ASSERT_EQ(test, aiot_res_aiot(c->k_root, c->rand_n,
						    c->rand_d, kd), 0);
		KUNIT_ASSERT_EQ(test, aiot_k_aiotf(c->k_root, c->rand_n,
						   c->rand_d, k_aiotf), 0);
		KUNIT_ASSERT_EQ(test, aiot_k_command(k_aiotf, k_enc,
						     k_enc + AIOT_SEC_KEY_LEN),
				0);
		d = aiot_xcheck_fnv(AIOT_XCHECK_FNV_INIT, kd, sizeof(kd));
		if (d != aiot_xcheck_expect[i].kdf_digest)
			mismatch(test, x, i, "KDF digest", d,
				 aiot_xcheck_expect[i].kdf_digest);
	}
	memzero_explicit(kd, sizeof(kd));
	summary(test, x, "KDF",
		DIV_ROUND_UP(AIOT_XCHECK_CASES, AIOT_XCHECK_KDF_EVERY));
}

/* The AIoT NAS envelope (kernel/nas.c) against the twin's, sealed bit for bit */
static void xcheck_nas(struct kunit *test)
{
	struct aiot_nas_msg m = { .type = AIOT_NAS_MT_WRITE_REQ };
	struct xcheck *x = test->priv;
	unsigned long long d;
	unsigned int i;
	int plain, n;

	for (i = 0; i < AIOT_XCHECK_CASES; i++) {
		struct aiot_xcheck_case *c = &x->c;

		aiot_xcheck_case(AIOT_XCHECK_SEED, i, c);
		KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_keys(x->ctx, c->k_enc,
							    c->k_int), 0);
		m.offset = c->count & 0xffff;
		m.data = c->msg;
		m.data_len = aiot_xcheck_nas_len(c);
		plain = aiot_nas_encode(&m, x->out, AIOT_NAS_MAX_LEN);
		KUNIT_ASSERT_GT(test, plain, 0);
		memcpy(x->buf, x->out, plain);
		n = aiot_nas_seal(x->ctx, c->bearer & 1, c->dir, x->buf, plain,
				  AIOT_NAS_MAX_LEN);
		KUNIT_ASSERT_EQ(test, n, plain + AIOT_NAS_TRAILER_LEN);
		d = aiot_xcheck_fnv(AIOT_XCHECK_FNV_INIT, x->buf, n);
		if (d != aiot_xcheck_expect[i].nas_digest) {
			mismatch(test, x, i, "sealed NAS message digest", d,
				 aiot_xcheck_expect[i].nas_digest);
			continue;
		}
		if (aiot_nas_open(x->ctx, c->bearer & 1, x->buf, n) != plain ||
		    memcmp(x->buf, x->out, plain))
			mismatch(test, x, i, "NAS open of its own output", 1, 0);
	}
	summary(test, x, "AIoT NAS seal/open", AIOT_XCHECK_CASES);
}

/* The study profiles (kernel/profile.c) on every KDF case */
static void xcheck_profile(struct kunit *test)
{
	struct xcheck *x = test->priv;
	unsigned long long d;
	unsigned int i;
	int err;

	BUILD_BUG_ON(AIOT_XCHECK_PROF_BUF > AIOT_XCHECK_MAX_BYTES);
	for (i = 0; i < AIOT_XCHECK_CASES; i += AIOT_XCHECK_KDF_EVERY) {
		struct aiot_xcheck_case *c = &x->c;

		aiot_xcheck_case(AIOT_XCHECK_SEED, i, c);
		d = 0;
		err = aiot_xcheck_profile(x->ctx, c, x->buf, &d);
		if (err)
			mismatch(test, x, i, "profiles, error", err, 0);
		else if (d != aiot_xcheck_expect[i].prof_digest)
			mismatch(test, x, i, "profiles digest", d,
				 aiot_xcheck_expect[i].prof_digest);
	}
	summary(test, x, "study profiles",
		DIV_ROUND_UP(AIOT_XCHECK_CASES, AIOT_XCHECK_KDF_EVERY));
}

static struct kunit_case aiot_sec_xcheck_cases[] = {
	KUNIT_CASE(xcheck_inputs_agree),
	KUNIT_CASE(xcheck_nia2),
	KUNIT_CASE(xcheck_nea2),
	KUNIT_CASE(xcheck_protect_unprotect),
	KUNIT_CASE(xcheck_kdf),
	KUNIT_CASE(xcheck_nas),
	KUNIT_CASE(xcheck_profile),
	{}
};

static struct kunit_suite aiot_sec_xcheck_suite = {
	.name = "aiot_sec_xcheck",
	.init = xcheck_init,
	.exit = xcheck_exit,
	.test_cases = aiot_sec_xcheck_cases,
};

kunit_test_suite(aiot_sec_xcheck_suite);

MODULE_DESCRIPTION("KUnit cross-check of the aiot security engine against its userspace twin");
MODULE_LICENSE("GPL");
