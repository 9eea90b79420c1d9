// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the security engine (kernel/sec.c) against the published vectors
 * (TS 33.401 C.1/C.2, RFC 4493, RFC 4231), the KDF regression vectors, and
 * the ways a MAC check must fail.
 */
#include <crypto/aes.h>
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/kernel.h>
#include <linux/stdarg.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "sec.h"
#include "sec_vectors.h"

MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);

/*
 * Compare octet strings; on a difference, fail the test naming @what and
 * the first differing octet.  (KUnit of 6.1 has no KUNIT_EXPECT_MEMEQ.)
 */
static __printf(5, 6) bool expect_memeq(struct kunit *test, const u8 *got,
					const u8 *want, size_t len,
					const char *what, ...)
{
	char label[96];
	va_list ap;
	size_t i;

	for (i = 0; i < len && got[i] == want[i]; i++)
		;
	if (i == len)
		return true;
	va_start(ap, what);
	vsnprintf(label, sizeof(label), what, ap);
	va_end(ap);
	KUNIT_FAIL(test, "%s: octet %zu of %zu differs: got %*phN, want %*phN",
		   label, i, len, (int)min_t(size_t, len - i, 16), got + i,
		   (int)min_t(size_t, len - i, 16), want + i);
	return false;
}

#define EXPECT_MEMEQ(test, got, want, len) \
	expect_memeq(test, got, want, len, "%s", #got)
#define EXPECT_MEMEQ_MSG(test, got, want, len, fmt, ...) \
	expect_memeq(test, got, want, len, fmt, ##__VA_ARGS__)
#define EXPECT_MEMNEQ(test, a, b, len) \
	KUNIT_EXPECT_NE_MSG(test, memcmp(a, b, len), 0, "%s equals %s", #a, #b)

static int ctx_res_init(struct kunit_resource *res, void *unused)
{
	res->data = aiot_sec_ctx_alloc(GFP_KERNEL);
	return res->data ? 0 : -ENOMEM;
}

static void ctx_res_free(struct kunit_resource *res)
{
	aiot_sec_ctx_free(res->data);
}

/* A context freed by KUnit when the test ends, even on a failed assertion */
static struct aiot_sec_ctx *test_ctx(struct kunit *test, const char *k_enc,
				     const char *k_int)
{
	u8 enc[AIOT_SEC_KEY_LEN], inte[AIOT_SEC_KEY_LEN];
	struct aiot_sec_ctx *ctx;

	ctx = kunit_alloc_resource(test, ctx_res_init, ctx_res_free,
				   GFP_KERNEL, NULL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	if (k_enc)
		KUNIT_ASSERT_EQ(test, hex2bin(enc, k_enc, sizeof(enc)), 0);
	if (k_int)
		KUNIT_ASSERT_EQ(test, hex2bin(inte, k_int, sizeof(inte)), 0);
	KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_keys(ctx, k_enc ? enc : NULL,
						    k_int ? inte : NULL), 0);
	return ctx;
}

/* hex string to a KUnit-managed buffer in the linear mapping */
static u8 *test_hex(struct kunit *test, const char *hex, size_t *len)
{
	size_t n = strlen(hex) / 2;
	u8 *b = kunit_kzalloc(test, n + 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_ASSERT_EQ(test, hex2bin(b, hex, n), 0);
	if (len)
		*len = n;
	return b;
}

static u8 *test_copy(struct kunit *test, const u8 *src, size_t len)
{
	u8 *b = kunit_kzalloc(test, len + 1, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, b);
	memcpy(b, src, len);
	return b;
}

static void nia2_desc(const struct aiot_tv_nia2 *v, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s, %u bits", v->name, v->bits);
}

static void nea2_desc(const struct aiot_tv_nea2 *v, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s, %u bits", v->name, v->bits);
}

KUNIT_ARRAY_PARAM(nia2, aiot_tv_nia2, nia2_desc);
KUNIT_ARRAY_PARAM(nea2, aiot_tv_nea2, nea2_desc);

/* 128-NIA2: every EIA2 set, MAC-I and verification */
static void sec_nia2_vectors(struct kunit *test)
{
	const struct aiot_tv_nia2 *v = test->param_value;
	struct aiot_sec_ctx *ctx = test_ctx(test, NULL, v->key);
	u8 *want = test_hex(test, v->mac, NULL);
	u8 *msg = test_copy(test, v->msg, DIV_ROUND_UP(v->bits, 8));
	u8 mac[AIOT_SEC_NIA2_MAC_LEN];

	KUNIT_ASSERT_EQ(test, aiot_nia2_mac(ctx, v->count, v->bearer, v->dir,
					    msg, v->bits, mac), 0);
	EXPECT_MEMEQ(test, mac, want, sizeof(mac));
	KUNIT_EXPECT_EQ(test, aiot_nia2_verify(ctx, v->count, v->bearer,
					       v->dir, msg, v->bits, want), 0);
}

/*
 * The same sets through aiot_sec_cmac() with the bit string split at every
 * octet: prefix = header | first i octets, then the rest of the bits.
 */
static void sec_nia2_every_split(struct kunit *test)
{
	const struct aiot_tv_nia2 *v = test->param_value;
	struct aiot_sec_ctx *ctx = test_ctx(test, NULL, v->key);
	u8 *want = test_hex(test, v->mac, NULL);
	u32 nbytes = v->bits / 8, i, bad = 0;
	u8 tag[AES_BLOCK_SIZE];
	u8 *stream;

	stream = kunit_kzalloc(test, 8 + DIV_ROUND_UP(v->bits, 8), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, stream);
	stream[0] = v->count >> 24;
	stream[1] = v->count >> 16;
	stream[2] = v->count >> 8;
	stream[3] = v->count;
	stream[4] = v->bearer << 3 | v->dir << 2;
	memcpy(stream + 8, v->msg, DIV_ROUND_UP(v->bits, 8));
	for (i = 0; i <= 8 + nbytes; i++) {
		u32 rest = v->bits + 64 - i * 8;

		KUNIT_ASSERT_EQ(test, aiot_sec_cmac(ctx, stream, i, stream + i,
						    rest, tag), 0);
		if (memcmp(tag, want, AIOT_SEC_NIA2_MAC_LEN)) {
			if (!bad++)
				KUNIT_FAIL(test, "split after octet %u: wrong MAC %*phN",
					   i, AIOT_SEC_NIA2_MAC_LEN, tag);
		}
	}
	KUNIT_EXPECT_EQ(test, bad, 0U);
}

/* 128-NIA2 at the lengths where the CMAC padding changes */
static void sec_nia2_edge_lengths(struct kunit *test)
{
	const struct aiot_tv_nia2 *v = &aiot_tv_nia2[2];
	struct aiot_sec_ctx *ctx = test_ctx(test, NULL, v->key);
	u8 *msg = test_copy(test, aiot_tv_nia2_edge_msg,
			    sizeof(aiot_tv_nia2_edge_msg));
	u8 mac[AIOT_SEC_NIA2_MAC_LEN], want[AIOT_SEC_NIA2_MAC_LEN];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(aiot_tv_nia2_edge); i++) {
		const struct aiot_tv_nia2_edge *e = &aiot_tv_nia2_edge[i];

		KUNIT_ASSERT_EQ(test, hex2bin(want, e->mac, sizeof(want)), 0);
		KUNIT_ASSERT_EQ(test, aiot_nia2_mac(ctx, v->count, v->bearer,
						    v->dir, msg, e->bits, mac),
				0);
		EXPECT_MEMEQ_MSG(test, mac, want, sizeof(mac),
				 "LENGTH %u", e->bits);
	}
}

/* 128-NEA2: every EEA2 set, out of place and in place, both ways */
static void sec_nea2_vectors(struct kunit *test)
{
	const struct aiot_tv_nea2 *v = test->param_value;
	struct aiot_sec_ctx *ctx = test_ctx(test, v->key, NULL);
	size_t len = DIV_ROUND_UP(v->bits, 8);
	u8 *in = test_copy(test, v->in, len);
	u8 *out = kunit_kzalloc(test, len, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, out);
	KUNIT_ASSERT_EQ(test, aiot_nea2_crypt(ctx, v->count, v->bearer, v->dir,
					      in, out, v->bits), 0);
	EXPECT_MEMEQ(test, out, v->out, len);
	EXPECT_MEMEQ(test, in, v->in, len);

	/* deciphering in place gives the plaintext back */
	KUNIT_ASSERT_EQ(test, aiot_nea2_crypt(ctx, v->count, v->bearer, v->dir,
					      out, out, v->bits), 0);
	EXPECT_MEMEQ(test, out, v->in, len);

	/* the bits after LENGTH do not leak into the output: they are 0 */
	if (v->bits % 8) {
		in[len - 1] |= 0xff >> (v->bits % 8);
		KUNIT_ASSERT_EQ(test, aiot_nea2_crypt(ctx, v->count, v->bearer,
						      v->dir, in, in, v->bits),
				0);
		EXPECT_MEMEQ(test, in, v->out, len);
	}
}

/* RFC 4493: four messages, each cut at every octet */
static void sec_cmac_rfc4493_every_split(struct kunit *test)
{
	struct aiot_sec_ctx *ctx = test_ctx(test, NULL, AIOT_TV_RFC4493_KEY);
	u8 *msg = test_copy(test, aiot_tv_rfc4493_msg,
			    sizeof(aiot_tv_rfc4493_msg));
	u8 tag[AES_BLOCK_SIZE], want[AES_BLOCK_SIZE];
	unsigned int i, cut;

	for (i = 0; i < ARRAY_SIZE(aiot_tv_rfc4493); i++) {
		const struct aiot_tv_cmac *v = &aiot_tv_rfc4493[i];

		KUNIT_ASSERT_EQ(test, hex2bin(want, v->tag, sizeof(want)), 0);
		for (cut = 0; cut <= v->len; cut++) {
			KUNIT_ASSERT_EQ(test,
					aiot_sec_cmac(ctx, msg, cut, msg + cut,
						      (v->len - cut) * 8, tag),
					0);
			EXPECT_MEMEQ_MSG(test, tag, want, sizeof(tag),
					 "Mlen %u, cut at %u", v->len,
					 cut);
		}
	}
}

/* HMAC-SHA-256, RFC 4231 */
static void sec_hmac_rfc4231(struct kunit *test)
{
	u8 out[AIOT_KDF_OUT_LEN], want[AIOT_KDF_OUT_LEN];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(aiot_tv_rfc4231); i++) {
		const struct aiot_tv_hmac *v = &aiot_tv_rfc4231[i];

		KUNIT_ASSERT_EQ(test, hex2bin(want, v->mac, sizeof(want)), 0);
		KUNIT_ASSERT_EQ(test, aiot_hmac_sha256(v->key, v->keylen,
						       v->data, v->len, out),
				0);
		EXPECT_MEMEQ_MSG(test, out, want, sizeof(out), "%s",
				 v->name);
	}
}

/* TS 33.220 KDF: S assembly (FC, Pi, 2-octet Li), the regression vectors */
static void sec_kdf_regression(struct kunit *test)
{
	u8 out[AIOT_KDF_OUT_LEN], want[AIOT_KDF_OUT_LEN];
	struct aiot_kdf_param p[2];
	unsigned int i, j;
	size_t klen, plen;
	u8 *key;

	for (i = 0; i < ARRAY_SIZE(aiot_tv_kdf); i++) {
		const struct aiot_tv_kdf *v = &aiot_tv_kdf[i];

		key = test_hex(test, v->key, &klen);
		for (j = 0; j < v->nparams; j++) {
			p[j].data = test_hex(test, v->p[j], &plen);
			p[j].len = plen;
		}
		KUNIT_ASSERT_EQ(test, hex2bin(want, v->out, sizeof(want)), 0);
		KUNIT_ASSERT_EQ(test, aiot_kdf(key, klen, v->fc, p, v->nparams,
					       out), 0);
		EXPECT_MEMEQ_MSG(test, out, want, sizeof(out), "%s",
				 v->name);
	}
}

/* RES_AIOT, K_AIOTF, K_Command_enc/int with the project values */
static void sec_aiot_derivations(struct kunit *test)
{
	u8 *k_root = test_hex(test, AIOT_TV_AIOT_K_ROOT, NULL);
	u8 *rand_n = test_hex(test, AIOT_TV_AIOT_RAND_N, NULL);
	u8 *rand_d = test_hex(test, AIOT_TV_AIOT_RAND_D, NULL);
	u8 k_enc[AIOT_SEC_KEY_LEN], k_int[AIOT_SEC_KEY_LEN];
	u8 res[AIOT_RES_LEN], k_aiotf[AIOT_K_AIOTF_LEN];

	KUNIT_ASSERT_EQ(test, aiot_res_aiot(k_root, rand_n, rand_d, res), 0);
	EXPECT_MEMEQ(test, res, test_hex(test, AIOT_TV_AIOT_RES, NULL),
		     AIOT_RES_LEN);
	KUNIT_ASSERT_EQ(test, aiot_k_aiotf(k_root, rand_n, rand_d, k_aiotf), 0);
	EXPECT_MEMEQ(test, k_aiotf,
		     test_hex(test, AIOT_TV_AIOT_K_AIOTF, NULL),
		     AIOT_K_AIOTF_LEN);
	KUNIT_ASSERT_EQ(test, aiot_k_command(k_aiotf, k_enc, k_int), 0);
	EXPECT_MEMEQ(test, k_enc,
		     test_hex(test, AIOT_TV_AIOT_K_CMD_ENC, NULL),
		     AIOT_SEC_KEY_LEN);
	EXPECT_MEMEQ(test, k_int,
		     test_hex(test, AIOT_TV_AIOT_K_CMD_INT, NULL),
		     AIOT_SEC_KEY_LEN);

	/* a different RAND_AIOT_d gives a different RES_AIOT */
	rand_d[AIOT_RAND_D_LEN - 1] ^= 1;
	KUNIT_ASSERT_EQ(test, aiot_res_aiot(k_root, rand_n, rand_d, k_enc), 0);
	EXPECT_MEMNEQ(test, k_enc, res, AIOT_RES_LEN);
}

/*
 * A context keyed from K_AIOTF protects like one keyed with the derived
 * K_Command_enc/int; unprotect restores the message.
 */
static void sec_kaiotf_context(struct kunit *test)
{
	struct aiot_sec_ctx *a = test_ctx(test, AIOT_TV_AIOT_K_CMD_ENC,
					  AIOT_TV_AIOT_K_CMD_INT);
	struct aiot_sec_ctx *b = test_ctx(test, NULL, NULL);
	u8 *k_aiotf = test_hex(test, AIOT_TV_AIOT_K_AIOTF, NULL);
	u8 *m1 = test_copy(test, aiot_tv_nia2_edge_msg, 40);
	u8 *m2 = test_copy(test, aiot_tv_nia2_edge_msg, 40);
	u8 mac1[4], mac2[4];

	KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_kaiotf(b, k_aiotf), 0);
	KUNIT_ASSERT_EQ(test, aiot_sec_protect(a, AIOT_NAS_COUNT,
					       AIOT_NAS_BEARER,
					       AIOT_NAS_DIR_R2D, m1, 317, mac1),
			0);
	KUNIT_ASSERT_EQ(test, aiot_sec_protect(b, AIOT_NAS_COUNT,
					       AIOT_NAS_BEARER,
					       AIOT_NAS_DIR_R2D, m2, 317, mac2),
			0);
	EXPECT_MEMEQ(test, m1, m2, 40);
	EXPECT_MEMEQ(test, mac1, mac2, 4);
	EXPECT_MEMNEQ(test, m1, aiot_tv_nia2_edge_msg, 39);
	KUNIT_ASSERT_EQ(test, aiot_sec_unprotect(b, AIOT_NAS_COUNT,
						 AIOT_NAS_BEARER,
						 AIOT_NAS_DIR_R2D, m2, 317,
						 mac2), 0);
	/* 317 bits: octet 39 keeps its top 5 bits, the rest is zero */
	EXPECT_MEMEQ(test, m2, aiot_tv_nia2_edge_msg, 39);
	KUNIT_EXPECT_EQ(test, m2[39], aiot_tv_nia2_edge_msg[39] & 0xf8);
}

/*
 * Verification fails on one flipped bit anywhere it matters: the MAC, the
 * message, COUNT, BEARER, DIRECTION, for a non-aligned and an aligned set.
 * A flipped bit after LENGTH changes nothing.
 */
static void sec_nia2_verify_failures(struct kunit *test)
{
	static const unsigned int sets[] = { 0, 1 };	/* 58 and 64 bits */
	unsigned int s, b;

	for (s = 0; s < ARRAY_SIZE(sets); s++) {
		const struct aiot_tv_nia2 *v = &aiot_tv_nia2[sets[s]];
		struct aiot_sec_ctx *ctx = test_ctx(test, NULL, v->key);
		u32 len = DIV_ROUND_UP(v->bits, 8);
		u8 *mac = test_hex(test, v->mac, NULL);
		u8 *msg = test_copy(test, v->msg, len);

		KUNIT_ASSERT_EQ(test, aiot_nia2_verify(ctx, v->count, v->bearer,
						       v->dir, msg, v->bits,
						       mac), 0);
		for (b = 0; b < 32; b++) {
			mac[b / 8] ^= 0x80 >> (b % 8);
			KUNIT_EXPECT_EQ_MSG(test,
					    aiot_nia2_verify(ctx, v->count,
							     v->bearer, v->dir,
							     msg, v->bits, mac),
					    -EBADMSG, "%s MAC bit %u", v->name,
					    b);
			mac[b / 8] ^= 0x80 >> (b % 8);
		}
		for (b = 0; b < len * 8; b++) {
			msg[b / 8] ^= 0x80 >> (b % 8);
			KUNIT_EXPECT_EQ_MSG(test,
					    aiot_nia2_verify(ctx, v->count,
							     v->bearer, v->dir,
							     msg, v->bits, mac),
					    b < v->bits ? -EBADMSG : 0,
					    "%s message bit %u", v->name, b);
			msg[b / 8] ^= 0x80 >> (b % 8);
		}
		for (b = 0; b < 32; b++)
			KUNIT_EXPECT_EQ_MSG(test,
					    aiot_nia2_verify(ctx,
							     v->count ^ (1U << b),
							     v->bearer, v->dir,
							     msg, v->bits, mac),
					    -EBADMSG, "%s COUNT bit %u",
					    v->name, b);
		for (b = 0; b < 5; b++)
			KUNIT_EXPECT_EQ_MSG(test,
					    aiot_nia2_verify(ctx, v->count,
							     v->bearer ^ (1U << b),
							     v->dir, msg, v->bits,
							     mac),
					    -EBADMSG, "%s BEARER bit %u",
					    v->name, b);
		KUNIT_EXPECT_EQ(test, aiot_nia2_verify(ctx, v->count, v->bearer,
						       !v->dir, msg, v->bits,
						       mac), -EBADMSG);
		/* one bit more or less of LENGTH is another message */
		KUNIT_EXPECT_EQ(test, aiot_nia2_verify(ctx, v->count, v->bearer,
						       v->dir, msg,
						       v->bits - 1, mac),
				-EBADMSG);
		/* still right after all that */
		KUNIT_EXPECT_EQ(test, aiot_nia2_verify(ctx, v->count, v->bearer,
						       v->dir, msg, v->bits,
						       mac), 0);
	}
}

/* unprotect refuses a tampered message and leaves it as it was */
static void sec_unprotect_failure_keeps_buffer(struct kunit *test)
{
	struct aiot_sec_ctx *ctx = test_ctx(test, AIOT_TV_AIOT_K_CMD_ENC,
					    AIOT_TV_AIOT_K_CMD_INT);
	u8 *buf = test_copy(test, aiot_tv_nia2_edge_msg, 40);
	u8 *copy = kunit_kzalloc(test, 40, GFP_KERNEL);
	u8 mac[4];

	KUNIT_ASSERT_NOT_NULL(test, copy);
	KUNIT_ASSERT_EQ(test, aiot_sec_protect(ctx, 7, 3, 1, buf, 320, mac),
			0);
	buf[17] ^= 0x10;
	memcpy(copy, buf, 40);
	KUNIT_EXPECT_EQ(test, aiot_sec_unprotect(ctx, 7, 3, 1, buf, 320, mac),
			-EBADMSG);
	EXPECT_MEMEQ(test, buf, copy, 40);
	buf[17] ^= 0x10;
	KUNIT_EXPECT_EQ(test, aiot_sec_unprotect(ctx, 7, 3, 0, buf, 320, mac),
			-EBADMSG);
	KUNIT_EXPECT_EQ(test, aiot_sec_unprotect(ctx, 7, 3, 1, buf, 320, mac),
			0);
	EXPECT_MEMEQ(test, buf, aiot_tv_nia2_edge_msg, 40);
}

/* Bad arguments get an error, not a result */
static void sec_bad_arguments(struct kunit *test)
{
	struct aiot_sec_ctx *both = test_ctx(test, AIOT_TV_AIOT_K_CMD_ENC,
					     AIOT_TV_AIOT_K_CMD_INT);
	struct aiot_sec_ctx *enc = test_ctx(test, AIOT_TV_AIOT_K_CMD_ENC, NULL);
	struct aiot_sec_ctx *none = test_ctx(test, NULL, NULL);
	u8 *buf = kunit_kzalloc(test, 16, GFP_KERNEL);
	u8 mac[4], out[AIOT_KDF_OUT_LEN];

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, aiot_nia2_mac(both, 0, 32, 0, buf, 8, mac),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, aiot_nia2_mac(both, 0, 0, 2, buf, 8, mac),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, aiot_nia2_mac(both, 0, 0, 0, NULL, 8, mac),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, aiot_nia2_mac(both, 0, 0, 0, buf,
					    AIOT_SEC_MSG_MAX_LEN * 8 + 1, mac),
			-EMSGSIZE);
	KUNIT_EXPECT_EQ(test, aiot_nia2_mac(enc, 0, 0, 0, buf, 8, mac),
			-ENOKEY);
	KUNIT_EXPECT_EQ(test, aiot_nea2_crypt(none, 0, 0, 0, buf, buf, 8),
			-ENOKEY);
	KUNIT_EXPECT_EQ(test, aiot_sec_protect(enc, 0, 0, 0, buf, 8, mac),
			-ENOKEY);
	KUNIT_EXPECT_EQ(test, aiot_nia2_mac(NULL, 0, 0, 0, buf, 8, mac),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, aiot_kdf(buf, 16, 0x10, NULL, 1, out), -EINVAL);
	/* zero-length message: valid for both algorithms */
	KUNIT_EXPECT_EQ(test, aiot_nia2_mac(both, 0, 0, 0, NULL, 0, mac), 0);
	KUNIT_EXPECT_EQ(test, aiot_nea2_crypt(both, 0, 0, 0, NULL, NULL, 0),
			0);
}

/*
 * Keys live in the contexts, transforms are shared: interleaving contexts,
 * re-keying one and freeing another never mixes their keys up.
 */
static void sec_shared_transforms_keep_keys_apart(struct kunit *test)
{
	const struct aiot_tv_nia2 *v1 = &aiot_tv_nia2[0], *v2 = &aiot_tv_nia2[1];
	struct aiot_sec_ctx *a = test_ctx(test, NULL, v1->key);
	struct aiot_sec_ctx *b = test_ctx(test, NULL, v2->key);
	u8 *m1 = test_copy(test, v1->msg, 8), *m2 = test_copy(test, v2->msg, 8);
	u8 *w1 = test_hex(test, v1->mac, NULL), *w2 = test_hex(test, v2->mac,
								  NULL);
	struct aiot_sec_ctx *tmp;
	int i;

	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, aiot_nia2_verify(a, v1->count, v1->bearer,
						       v1->dir, m1, v1->bits,
						       w1), 0);
		KUNIT_EXPECT_EQ(test, aiot_nia2_verify(b, v2->count, v2->bearer,
						       v2->dir, m2, v2->bits,
						       w2), 0);
	}
	/* b takes a's key: b now verifies a's message, not its own */
	KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_keys(b, NULL,
						    test_hex(test, v1->key,
							     NULL)), 0);
	KUNIT_EXPECT_EQ(test, aiot_nia2_verify(b, v1->count, v1->bearer,
					       v1->dir, m1, v1->bits, w1), 0);
	KUNIT_EXPECT_EQ(test, aiot_nia2_verify(b, v2->count, v2->bearer,
					       v2->dir, m2, v2->bits, w2),
			-EBADMSG);
	/* a context freed right after use does not disturb the others */
	tmp = aiot_sec_ctx_alloc(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tmp);
	KUNIT_EXPECT_EQ(test, aiot_sec_ctx_set_keys(tmp, NULL,
						    test_hex(test, v2->key,
							     NULL)), 0);
	KUNIT_EXPECT_EQ(test, aiot_nia2_verify(tmp, v2->count, v2->bearer,
					       v2->dir, m2, v2->bits, w2), 0);
	aiot_sec_ctx_free(tmp);
	KUNIT_EXPECT_EQ(test, aiot_nia2_verify(a, v1->count, v1->bearer,
					       v1->dir, m1, v1->bits, w1), 0);
	/* a cleared context has no key any more */
	aiot_sec_ctx_clear(a);
	KUNIT_EXPECT_EQ(test, aiot_nia2_verify(a, v1->count, v1->bearer,
					       v1->dir, m1, v1->bits, w1),
			-ENOKEY);
}

/*
 * Releasing a context zeroises it and the key schedules the shared
 * transforms held for it: clear leaves a context of zeros, clear and free
 * leave no slot with its key.
 */
static void sec_release_zeroises(struct kunit *test)
{
	struct aiot_sec_ctx *ctx = test_ctx(test, AIOT_TV_AIOT_K_CMD_ENC,
					    AIOT_TV_AIOT_K_CMD_INT);
	struct aiot_sec_ctx *tmp;
	u8 *buf = kunit_kzalloc(test, 16, GFP_KERNEL);
	u8 mac[4];
	u64 id;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_EQ(test, aiot_sec_protect(ctx, 1, 2, 0, buf, 128, mac),
			0);
	id = aiot_sec_test_ctx_id(ctx);
	KUNIT_EXPECT_NE(test, id, 0ULL);
	KUNIT_EXPECT_TRUE(test, aiot_sec_test_slots_hold(id));
	KUNIT_EXPECT_FALSE(test, aiot_sec_test_ctx_zeroed(ctx));
	aiot_sec_ctx_clear(ctx);
	KUNIT_EXPECT_TRUE(test, aiot_sec_test_ctx_zeroed(ctx));
	KUNIT_EXPECT_FALSE(test, aiot_sec_test_slots_hold(id));

	/* re-keying forgets the previous key set too */
	KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_kaiotf(ctx,
						      test_hex(test,
							       AIOT_TV_AIOT_K_AIOTF,
							       NULL)), 0);
	KUNIT_ASSERT_EQ(test, aiot_nea2_crypt(ctx, 1, 2, 0, buf, buf, 128), 0);
	id = aiot_sec_test_ctx_id(ctx);
	KUNIT_EXPECT_TRUE(test, aiot_sec_test_slots_hold(id));
	KUNIT_ASSERT_EQ(test, aiot_sec_ctx_set_keys(ctx, NULL, NULL), 0);
	KUNIT_EXPECT_FALSE(test, aiot_sec_test_slots_hold(id));

	tmp = aiot_sec_ctx_alloc(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tmp);
	KUNIT_EXPECT_EQ(test, aiot_sec_ctx_set_kaiotf(tmp,
						      test_hex(test,
							       AIOT_TV_AIOT_K_AIOTF,
							       NULL)), 0);
	KUNIT_EXPECT_EQ(test, aiot_sec_protect(tmp, 1, 2, 0, buf, 128, mac), 0);
	id = aiot_sec_test_ctx_id(tmp);
	KUNIT_EXPECT_TRUE(test, aiot_sec_test_slots_hold(id));
	aiot_sec_ctx_free(tmp);
	KUNIT_EXPECT_FALSE(test, aiot_sec_test_slots_hold(id));
}

/*
 * The context rules of sec.h: everything but init/exit and a GFP_KERNEL
 * allocation works in softirq context and under a spinlock.  The debug
 * kernel (lockdep, DEBUG_ATOMIC_SLEEP) reports any sleep or lock misuse.
 */
struct atomic_job {
	struct tasklet_struct tasklet;
	struct completion done;
	const struct aiot_tv_nia2 *v;
	struct aiot_sec_ctx *ctx;
	const u8 *mac;
	u8 *buf;
	bool in_softirq;
	int verify, protect, unprotect, kdf, rekey;
	u8 kdf_out[AIOT_KDF_OUT_LEN];
};

static void atomic_job_run(struct atomic_job *j)
{
	const struct aiot_tv_kdf *k = &aiot_tv_kdf[0];
	static const u8 p0 = 0x01, p1 = 0x02;
	const struct aiot_kdf_param p[] = { { &p0, 1 }, { &p1, 1 } };
	struct aiot_sec_ctx *tmp;
	u8 key[32], mac[4];
	unsigned int i;

	for (i = 0; i < sizeof(key); i++)
		key[i] = i;
	j->verify = aiot_nia2_verify(j->ctx, j->v->count, j->v->bearer,
				     j->v->dir, j->v->msg, j->v->bits, j->mac);
	j->protect = aiot_sec_protect(j->ctx, 5, 1, 1, j->buf, 300, mac);
	j->unprotect = aiot_sec_unprotect(j->ctx, 5, 1, 1, j->buf, 300, mac);
	j->kdf = aiot_kdf(key, sizeof(key), k->fc, p, ARRAY_SIZE(p),
			  j->kdf_out);
	tmp = aiot_sec_ctx_alloc(GFP_ATOMIC);
	j->rekey = tmp ? aiot_sec_ctx_set_keys(tmp, key, key) : -ENOMEM;
	aiot_sec_ctx_free(tmp);
}

static void atomic_job_tasklet(struct tasklet_struct *t)
{
	struct atomic_job *j = from_tasklet(j, t, tasklet);

	j->in_softirq = in_softirq();
	atomic_job_run(j);
	complete(&j->done);
}

static void atomic_job_check(struct kunit *test, struct atomic_job *j,
			     const u8 *plain)
{
	u8 want[AIOT_KDF_OUT_LEN];

	KUNIT_EXPECT_EQ(test, j->verify, 0);
	KUNIT_EXPECT_EQ(test, j->protect, 0);
	KUNIT_EXPECT_EQ(test, j->unprotect, 0);
	EXPECT_MEMEQ(test, j->buf, plain, 38);
	KUNIT_EXPECT_EQ(test, j->kdf, 0);
	KUNIT_ASSERT_EQ(test, hex2bin(want, aiot_tv_kdf[0].out, sizeof(want)),
			0);
	EXPECT_MEMEQ(test, j->kdf_out, want, sizeof(want));
	KUNIT_EXPECT_EQ(test, j->rekey, 0);
}

static void sec_atomic_contexts(struct kunit *test)
{
	struct atomic_job *j = kunit_kzalloc(test, sizeof(*j), GFP_KERNEL);
	static DEFINE_SPINLOCK(lock);
	u8 *plain;

	KUNIT_ASSERT_NOT_NULL(test, j);
	j->v = &aiot_tv_nia2[0];
	j->ctx = test_ctx(test, AIOT_TV_AIOT_K_CMD_ENC, j->v->key);
	j->mac = test_hex(test, j->v->mac, NULL);
	j->buf = test_copy(test, aiot_tv_nia2_edge_msg, 40);
	plain = test_copy(test, aiot_tv_nia2_edge_msg, 40);
	plain[37] &= 0xf0;	/* 300 bits: octet 37 keeps 4 bits */

	/* softirq: a tasklet */
	init_completion(&j->done);
	tasklet_setup(&j->tasklet, atomic_job_tasklet);
	tasklet_schedule(&j->tasklet);
	KUNIT_ASSERT_NE(test, wait_for_completion_timeout(&j->done, 10 * HZ),
			0UL);
	tasklet_kill(&j->tasklet);
	KUNIT_EXPECT_TRUE(test, j->in_softirq);
	atomic_job_check(test, j, plain);

	/* process context, spinlock held; forget the first results */
	j->verify = -1;
	j->protect = -1;
	j->unprotect = -1;
	j->kdf = -1;
	j->rekey = -1;
	memset(j->kdf_out, 0, sizeof(j->kdf_out));
	spin_lock(&lock);
	atomic_job_run(j);
	spin_unlock(&lock);
	atomic_job_check(test, j, plain);
}

/* The drivers the crypto API picked, for the log (P1 reports them too) */
static void sec_driver_names(struct kunit *test)
{
	int i;

	for (i = 0; i < AIOT_SEC_TFM_NUM; i++) {
		KUNIT_EXPECT_GT(test, strlen(aiot_sec_driver_name(i)), 0UL);
		kunit_info(test, "driver %s\n", aiot_sec_driver_name(i));
	}
	KUNIT_EXPECT_STREQ(test, aiot_sec_driver_name(AIOT_SEC_TFM_NUM), "");
}

static struct kunit_case aiot_sec_cases[] = {
	KUNIT_CASE_PARAM(sec_nia2_vectors, nia2_gen_params),
	KUNIT_CASE_PARAM(sec_nia2_every_split, nia2_gen_params),
	KUNIT_CASE(sec_nia2_edge_lengths),
	KUNIT_CASE_PARAM(sec_nea2_vectors, nea2_gen_params),
	KUNIT_CASE(sec_cmac_rfc4493_every_split),
	KUNIT_CASE(sec_hmac_rfc4231),
	KUNIT_CASE(sec_kdf_regression),
	KUNIT_CASE(sec_aiot_derivations),
	KUNIT_CASE(sec_kaiotf_context),
	KUNIT_CASE(sec_nia2_verify_failures),
	KUNIT_CASE(sec_unprotect_failure_keeps_buffer),
	KUNIT_CASE(sec_bad_arguments),
	KUNIT_CASE(sec_shared_transforms_keep_keys_apart),
	KUNIT_CASE(sec_release_zeroises),
	KUNIT_CASE(sec_atomic_contexts),
	KUNIT_CASE(sec_driver_names),
	{}
};

static struct kunit_suite aiot_sec_suite = {
	.name = "aiot_sec",
	.test_cases = aiot_sec_cases,
};

kunit_test_suite(aiot_sec_suite);

MODULE_DESCRIPTION("KUnit tests of the aiot security engine");
MODULE_LICENSE("GPL");
