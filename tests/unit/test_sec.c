// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: the userspace security twin (userspace/lib/sec_openssl.c)
 * against the same vectors as the kernel's KUnit suite aiot_sec.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "aiot_sec.h"
#include "../../kernel/tests/sec_vectors.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

static void hex(const char *h, uint8_t *out, size_t max, size_t *len)
{
	assert_int_equal(aiot_hex_decode(h, out, max, len), 0);
}

static struct aiot_sec_ctx *ctx_with(const char *k_enc, const char *k_int)
{
	uint8_t enc[AIOT_SEC_KEY_LEN], in[AIOT_SEC_KEY_LEN];
	struct aiot_sec_ctx *ctx = aiot_sec_ctx_alloc();

	assert_non_null(ctx);
	if (k_enc)
		hex(k_enc, enc, sizeof(enc), NULL);
	if (k_int)
		hex(k_int, in, sizeof(in), NULL);
	assert_int_equal(aiot_sec_ctx_set_keys(ctx, k_enc ? enc : NULL,
					       k_int ? in : NULL), 0);
	return ctx;
}

/* 128-NIA2: all eight EIA2 sets, MAC-I and verification */
static void nia2_vectors(void **state)
{
	uint8_t mac[4], want[4];
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(aiot_tv_nia2); i++) {
		const struct aiot_tv_nia2 *v = &aiot_tv_nia2[i];
		struct aiot_sec_ctx *ctx = ctx_with(NULL, v->key);

		hex(v->mac, want, sizeof(want), NULL);
		assert_int_equal(aiot_nia2_mac(ctx, v->count, v->bearer, v->dir,
					       v->msg, v->bits, mac), 0);
		if (memcmp(mac, want, 4))
			fail_msg("%s: wrong MAC-I", v->name);
		assert_int_equal(aiot_nia2_verify(ctx, v->count, v->bearer,
						  v->dir, v->msg, v->bits,
						  want), 0);
		aiot_sec_ctx_free(ctx);
	}
}

/* the same sets split at every octet of header | message */
static void nia2_every_split(void **state)
{
	uint8_t tag[AIOT_SEC_BLOCK_LEN], want[4], *stream;
	size_t i, cut, len;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(aiot_tv_nia2); i++) {
		const struct aiot_tv_nia2 *v = &aiot_tv_nia2[i];
		struct aiot_sec_ctx *ctx = ctx_with(NULL, v->key);

		len = (v->bits + 7) / 8;
		stream = calloc(1, 8 + len);
		assert_non_null(stream);
		stream[0] = v->count >> 24;
		stream[1] = v->count >> 16;
		stream[2] = v->count >> 8;
		stream[3] = v->count;
		stream[4] = v->bearer << 3 | v->dir << 2;
		memcpy(stream + 8, v->msg, len);
		hex(v->mac, want, sizeof(want), NULL);
		for (cut = 0; cut <= 8 + v->bits / 8; cut++) {
			assert_int_equal(aiot_sec_cmac(ctx, stream, cut,
						       stream + cut,
						       v->bits + 64 - cut * 8,
						       tag), 0);
			if (memcmp(tag, want, 4))
				fail_msg("%s split after octet %zu: wrong MAC",
					 v->name, cut);
		}
		free(stream);
		aiot_sec_ctx_free(ctx);
	}
}

static void nia2_edge_lengths(void **state)
{
	const struct aiot_tv_nia2 *v = &aiot_tv_nia2[2];
	struct aiot_sec_ctx *ctx = ctx_with(NULL, v->key);
	uint8_t mac[4], want[4];
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(aiot_tv_nia2_edge); i++) {
		hex(aiot_tv_nia2_edge[i].mac, want, sizeof(want), NULL);
		assert_int_equal(aiot_nia2_mac(ctx, v->count, v->bearer, v->dir,
					       aiot_tv_nia2_edge_msg,
					       aiot_tv_nia2_edge[i].bits, mac),
				 0);
		if (memcmp(mac, want, 4))
			fail_msg("LENGTH %u: wrong MAC-I",
				 aiot_tv_nia2_edge[i].bits);
	}
	aiot_sec_ctx_free(ctx);
}

/* 128-NEA2: all six EEA2 sets, both ways, in and out of place */
static void nea2_vectors(void **state)
{
	uint8_t *in, *out;
	size_t i, len;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(aiot_tv_nea2); i++) {
		const struct aiot_tv_nea2 *v = &aiot_tv_nea2[i];
		struct aiot_sec_ctx *ctx = ctx_with(v->key, NULL);

		len = (v->bits + 7) / 8;
		in = malloc(len);
		out = malloc(len);
		assert_non_null(in);
		assert_non_null(out);
		memcpy(in, v->in, len);
		assert_int_equal(aiot_nea2_crypt(ctx, v->count, v->bearer,
						 v->dir, in, out, v->bits), 0);
		if (memcmp(out, v->out, len))
			fail_msg("%s: wrong ciphertext", v->name);
		assert_int_equal(aiot_nea2_crypt(ctx, v->count, v->bearer,
						 v->dir, out, out, v->bits), 0);
		assert_memory_equal(out, v->in, len);
		if (v->bits % 8) {	/* bits after LENGTH come out as 0 */
			in[len - 1] |= 0xff >> (v->bits % 8);
			assert_int_equal(aiot_nea2_crypt(ctx, v->count,
							 v->bearer, v->dir, in,
							 in, v->bits), 0);
			assert_memory_equal(in, v->out, len);
		}
		free(in);
		free(out);
		aiot_sec_ctx_free(ctx);
	}
}

/* RFC 4493, every message cut at every octet */
static void cmac_rfc4493_every_split(void **state)
{
	struct aiot_sec_ctx *ctx = ctx_with(NULL, AIOT_TV_RFC4493_KEY);
	uint8_t tag[AIOT_SEC_BLOCK_LEN], want[AIOT_SEC_BLOCK_LEN];
	const uint8_t *m = aiot_tv_rfc4493_msg;
	size_t i, cut;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(aiot_tv_rfc4493); i++) {
		const struct aiot_tv_cmac *v = &aiot_tv_rfc4493[i];

		hex(v->tag, want, sizeof(want), NULL);
		for (cut = 0; cut <= v->len; cut++) {
			assert_int_equal(aiot_sec_cmac(ctx, m, cut, m + cut,
						       (v->len - cut) * 8,
						       tag), 0);
			if (memcmp(tag, want, sizeof(tag)))
				fail_msg("Mlen %u cut at %zu: wrong tag",
					 v->len, cut);
		}
	}
	aiot_sec_ctx_free(ctx);
}

static void hmac_rfc4231(void **state)
{
	uint8_t out[32], want[32];
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(aiot_tv_rfc4231); i++) {
		const struct aiot_tv_hmac *v = &aiot_tv_rfc4231[i];

		hex(v->mac, want, sizeof(want), NULL);
		assert_int_equal(aiot_hmac_sha256(v->key, v->keylen, v->data,
						  v->len, out), 0);
		if (memcmp(out, want, 32))
			fail_msg("%s: wrong HMAC", v->name);
	}
}

static void kdf_regression(void **state)
{
	uint8_t key[64], p[2][32], out[32], want[32];
	struct aiot_kdf_param params[2];
	size_t i, j, klen, plen;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(aiot_tv_kdf); i++) {
		const struct aiot_tv_kdf *v = &aiot_tv_kdf[i];

		hex(v->key, key, sizeof(key), &klen);
		for (j = 0; j < v->nparams; j++) {
			hex(v->p[j], p[j], sizeof(p[j]), &plen);
			params[j].data = p[j];
			params[j].len = (uint16_t)plen;
		}
		hex(v->out, want, sizeof(want), NULL);
		assert_int_equal(aiot_kdf(key, klen, v->fc, params, v->nparams,
					  out), 0);
		if (memcmp(out, want, 32))
			fail_msg("KDF %s: wrong output", v->name);
	}
}

static void aiot_derivations(void **state)
{
	uint8_t k_root[16], rn[8], rd[8], res[8], kaiotf[32], enc[16], in[16];
	uint8_t want[32];

	(void)state;
	hex(AIOT_TV_AIOT_K_ROOT, k_root, sizeof(k_root), NULL);
	hex(AIOT_TV_AIOT_RAND_N, rn, sizeof(rn), NULL);
	hex(AIOT_TV_AIOT_RAND_D, rd, sizeof(rd), NULL);
	assert_int_equal(aiot_res_aiot(k_root, rn, rd, res), 0);
	hex(AIOT_TV_AIOT_RES, want, sizeof(want), NULL);
	assert_memory_equal(res, want, AIOT_RES_LEN);
	assert_int_equal(aiot_k_aiotf(k_root, rn, rd, kaiotf), 0);
	hex(AIOT_TV_AIOT_K_AIOTF, want, sizeof(want), NULL);
	assert_memory_equal(kaiotf, want, AIOT_K_AIOTF_LEN);
	assert_int_equal(aiot_k_command(kaiotf, enc, in), 0);
	hex(AIOT_TV_AIOT_K_CMD_ENC, want, sizeof(want), NULL);
	assert_memory_equal(enc, want, 16);
	hex(AIOT_TV_AIOT_K_CMD_INT, want, sizeof(want), NULL);
	assert_memory_equal(in, want, 16);
	rd[7] ^= 1;
	assert_int_equal(aiot_res_aiot(k_root, rn, rd, enc), 0);
	assert_memory_not_equal(enc, res, AIOT_RES_LEN);
}

static void kaiotf_context(void **state)
{
	struct aiot_sec_ctx *a = ctx_with(AIOT_TV_AIOT_K_CMD_ENC,
					  AIOT_TV_AIOT_K_CMD_INT);
	struct aiot_sec_ctx *b = aiot_sec_ctx_alloc();
	uint8_t kaiotf[32], m1[40], m2[40], mac1[4], mac2[4];

	(void)state;
	assert_non_null(b);
	hex(AIOT_TV_AIOT_K_AIOTF, kaiotf, sizeof(kaiotf), NULL);
	assert_int_equal(aiot_sec_ctx_set_kaiotf(b, kaiotf), 0);
	memcpy(m1, aiot_tv_nia2_edge_msg, 40);
	memcpy(m2, aiot_tv_nia2_edge_msg, 40);
	assert_int_equal(aiot_sec_protect(a, AIOT_NAS_COUNT, AIOT_NAS_BEARER,
					  AIOT_NAS_DIR_R2D, m1, 317, mac1), 0);
	assert_int_equal(aiot_sec_protect(b, AIOT_NAS_COUNT, AIOT_NAS_BEARER,
					  AIOT_NAS_DIR_R2D, m2, 317, mac2), 0);
	assert_memory_equal(m1, m2, 40);
	assert_memory_equal(mac1, mac2, 4);
	assert_memory_not_equal(m1, aiot_tv_nia2_edge_msg, 39);
	assert_int_equal(aiot_sec_unprotect(b, AIOT_NAS_COUNT, AIOT_NAS_BEARER,
					    AIOT_NAS_DIR_R2D, m2, 317, mac2),
			 0);
	assert_memory_equal(m2, aiot_tv_nia2_edge_msg, 39);
	assert_int_equal(m2[39], aiot_tv_nia2_edge_msg[39] & 0xf8);
	aiot_sec_ctx_free(a);
	aiot_sec_ctx_free(b);
}

/* one flipped bit of MAC, message, COUNT, BEARER or DIRECTION fails */
static void nia2_verify_failures(void **state)
{
	uint8_t mac[4], msg[8];
	unsigned int s, b;

	(void)state;
	for (s = 0; s < 2; s++) {
		const struct aiot_tv_nia2 *v = &aiot_tv_nia2[s];
		struct aiot_sec_ctx *ctx = ctx_with(NULL, v->key);

		hex(v->mac, mac, sizeof(mac), NULL);
		memcpy(msg, v->msg, 8);
		assert_int_equal(aiot_nia2_verify(ctx, v->count, v->bearer,
						  v->dir, msg, v->bits, mac),
				 0);
		for (b = 0; b < 32; b++) {
			mac[b / 8] ^= 0x80 >> (b % 8);
			assert_int_equal(aiot_nia2_verify(ctx, v->count,
							  v->bearer, v->dir,
							  msg, v->bits, mac),
					 -EBADMSG);
			mac[b / 8] ^= 0x80 >> (b % 8);
		}
		for (b = 0; b < 64; b++) {
			msg[b / 8] ^= 0x80 >> (b % 8);
			assert_int_equal(aiot_nia2_verify(ctx, v->count,
							  v->bearer, v->dir,
							  msg, v->bits, mac),
					 b < v->bits ? -EBADMSG : 0);
			msg[b / 8] ^= 0x80 >> (b % 8);
		}
		for (b = 0; b < 32; b++)
			assert_int_equal(aiot_nia2_verify(ctx,
							  v->count ^ (1U << b),
							  v->bearer, v->dir,
							  msg, v->bits, mac),
					 -EBADMSG);
		for (b = 0; b < 5; b++)
			assert_int_equal(aiot_nia2_verify(ctx, v->count,
							  v->bearer ^ (1U << b),
							  v->dir, msg, v->bits,
							  mac), -EBADMSG);
		assert_int_equal(aiot_nia2_verify(ctx, v->count, v->bearer,
						  !v->dir, msg, v->bits, mac),
				 -EBADMSG);
		assert_int_equal(aiot_nia2_verify(ctx, v->count, v->bearer,
						  v->dir, msg, v->bits - 1,
						  mac), -EBADMSG);
		aiot_sec_ctx_free(ctx);
	}
}

static void unprotect_failure_keeps_buffer(void **state)
{
	struct aiot_sec_ctx *ctx = ctx_with(AIOT_TV_AIOT_K_CMD_ENC,
					    AIOT_TV_AIOT_K_CMD_INT);
	uint8_t buf[40], copy[40], mac[4];

	(void)state;
	memcpy(buf, aiot_tv_nia2_edge_msg, 40);
	assert_int_equal(aiot_sec_protect(ctx, 7, 3, 1, buf, 320, mac), 0);
	buf[17] ^= 0x10;
	memcpy(copy, buf, 40);
	assert_int_equal(aiot_sec_unprotect(ctx, 7, 3, 1, buf, 320, mac),
			 -EBADMSG);
	assert_memory_equal(buf, copy, 40);
	buf[17] ^= 0x10;
	assert_int_equal(aiot_sec_unprotect(ctx, 7, 3, 1, buf, 320, mac), 0);
	assert_memory_equal(buf, aiot_tv_nia2_edge_msg, 40);
	aiot_sec_ctx_free(ctx);
}

static void bad_arguments(void **state)
{
	struct aiot_sec_ctx *both = ctx_with(AIOT_TV_AIOT_K_CMD_ENC,
					     AIOT_TV_AIOT_K_CMD_INT);
	struct aiot_sec_ctx *enc = ctx_with(AIOT_TV_AIOT_K_CMD_ENC, NULL);
	uint8_t buf[16] = { 0 }, mac[4], out[32];
	size_t n;

	(void)state;
	assert_int_equal(aiot_nia2_mac(both, 0, 32, 0, buf, 8, mac), -EINVAL);
	assert_int_equal(aiot_nia2_mac(both, 0, 0, 2, buf, 8, mac), -EINVAL);
	assert_int_equal(aiot_nia2_mac(both, 0, 0, 0, NULL, 8, mac), -EINVAL);
	assert_int_equal(aiot_nia2_mac(both, 0, 0, 0, buf,
				       AIOT_SEC_MSG_MAX_LEN * 8 + 1, mac),
			 -EMSGSIZE);
	assert_int_equal(aiot_nia2_mac(enc, 0, 0, 0, buf, 8, mac), -ENOKEY);
	assert_int_equal(aiot_sec_protect(enc, 0, 0, 0, buf, 8, mac), -ENOKEY);
	assert_int_equal(aiot_kdf(buf, 16, 0x10, NULL, 1, out), -EINVAL);
	assert_int_equal(aiot_nia2_mac(both, 0, 0, 0, NULL, 0, mac), 0);
	assert_int_equal(aiot_hex_decode("0x0a1", buf, 16, &n), -EINVAL);
	assert_int_equal(aiot_hex_decode("zz", buf, 16, &n), -EINVAL);
	assert_int_equal(aiot_hex_decode("0x0A1b", buf, 16, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(buf[0], 0x0a);
	assert_int_equal(buf[1], 0x1b);
	assert_string_equal(aiot_sec_strerror(-EBADMSG),
			    "MAC mismatch: the message is not authentic");
	aiot_sec_ctx_free(both);
	aiot_sec_ctx_free(enc);
}

/* re-keying and clearing a context change what it computes */
static void rekey_and_clear(void **state)
{
	const struct aiot_tv_nia2 *v1 = &aiot_tv_nia2[0], *v2 = &aiot_tv_nia2[1];
	struct aiot_sec_ctx *ctx = ctx_with(NULL, v2->key);
	uint8_t k1[16], w1[4], w2[4];

	(void)state;
	hex(v1->key, k1, sizeof(k1), NULL);
	hex(v1->mac, w1, sizeof(w1), NULL);
	hex(v2->mac, w2, sizeof(w2), NULL);
	assert_int_equal(aiot_nia2_verify(ctx, v2->count, v2->bearer, v2->dir,
					  v2->msg, v2->bits, w2), 0);
	assert_int_equal(aiot_sec_ctx_set_keys(ctx, NULL, k1), 0);
	assert_int_equal(aiot_nia2_verify(ctx, v1->count, v1->bearer, v1->dir,
					  v1->msg, v1->bits, w1), 0);
	assert_int_equal(aiot_nia2_verify(ctx, v2->count, v2->bearer, v2->dir,
					  v2->msg, v2->bits, w2), -EBADMSG);
	aiot_sec_ctx_clear(ctx);
	assert_int_equal(aiot_nia2_verify(ctx, v1->count, v1->bearer, v1->dir,
					  v1->msg, v1->bits, w1), -ENOKEY);
	aiot_sec_ctx_free(ctx);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nia2_vectors),
		cmocka_unit_test(nia2_every_split),
		cmocka_unit_test(nia2_edge_lengths),
		cmocka_unit_test(nea2_vectors),
		cmocka_unit_test(cmac_rfc4493_every_split),
		cmocka_unit_test(hmac_rfc4231),
		cmocka_unit_test(kdf_regression),
		cmocka_unit_test(aiot_derivations),
		cmocka_unit_test(kaiotf_context),
		cmocka_unit_test(nia2_verify_failures),
		cmocka_unit_test(unprotect_failure_keeps_buffer),
		cmocka_unit_test(bad_arguments),
		cmocka_unit_test(rekey_and_clear),
	};

	return cmocka_run_group_tests_name("aiot_sec", tests, NULL, NULL);
}
