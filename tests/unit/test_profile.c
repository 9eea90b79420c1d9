// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: kernel/profile.c built in userspace on the OpenSSL twin (the
 * AIOTF simulator's configuration), against the known answers of an
 * independent implementation (kernel/tests/profile_vectors.h, written by
 * tests/vectors/gen_profile_vectors.py), with the checks of the KUnit suite
 * aiot_profile: round trips at every identity length, each bit of each
 * protected message flipped, wrong keys and nonces, other identities, the
 * Security Policy's floor and reserved values, and no key left in the
 * scratch context.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "profile.h"
#include "aiot_sec.h"
#include "profile_vectors.h"
#include "profile_cases.h"

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define PT_BUF		64

/* A test that runs fn##_one() on each vector of @table */
#define FOR_EACH_VECTOR(fn, table)					\
static void fn(void **state)						\
{									\
	size_t i;							\
									\
	(void)state;							\
	for (i = 0; i < ARRAY_SIZE(table); i++)				\
		fn##_one(&table[i]);					\
}

static struct aiot_sec_ctx *ctx;

static int setup(void **state)
{
	(void)state;
	ctx = aiot_sec_ctx_alloc();
	return ctx ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	aiot_sec_ctx_free(ctx);
	return 0;
}

static unsigned int hex(const char *h, uint8_t *out, size_t max)
{
	size_t n = 0;

	assert_int_equal(aiot_hex_decode(h, out, max, &n), 0);
	return (unsigned int)n;
}

#define HEX(h, out) hex(h, out, sizeof(out))

static void memeq(const uint8_t *got, const uint8_t *want, size_t len,
		  const char *what)
{
	size_t i;

	for (i = 0; i < len && got[i] == want[i]; i++)
		;
	if (i < len)
		fail_msg("%s: octet %zu of %zu: got %02x, want %02x", what, i,
			 len, got[i], want[i]);
}

/* The scratch context holds no key: 128-NIA2 refuses it */
static void no_key(void)
{
	uint8_t mac[4] = { 0 };

	assert_int_equal(aiot_nia2_mac(ctx, 0, 0, 0, mac, 8, mac), -ENOKEY);
}

static void flip(uint8_t *p, unsigned int bit)
{
	p[bit / 8] ^= (uint8_t)(0x80 >> (bit % 8));
}

static bool all_zero(const uint8_t *p, size_t n)
{
	while (n--)
		if (*p++)
			return false;
	return true;
}

/* An identity of @bits bits, with its padding bits set */
static void make_id(uint8_t *id, unsigned int bits)
{
	unsigned int i;

	for (i = 0; i < AIOT_ID_MAX_BITS / 8; i++)
		id[i] = 0x5a ^ (uint8_t)(bits * 7 + i * 13);
	if (bits % 8)
		id[bits / 8] |= 0xff >> (bits % 8);
}

static uint8_t mask(unsigned int bits)
{
	return bits % 8 ? (uint8_t)(0xff00 >> (bits % 8)) : 0xff;
}

/* ---- solution-y ---------------------------------------------------------- */

static void y_keys(void **state)
{
	uint8_t k[16], n1[8], n2[8], k_aiot[32], k_ses[32], w[32];
	uint8_t enc[16], in[16], kid[4], nres[8], m1[4], m2[4];
	struct aiot_sec_ctx *cmd;
	unsigned int i;

	(void)state;
	HEX(AIOT_PV_K, k);
	HEX(AIOT_PV_NONCE1, n1);
	HEX(AIOT_PV_NONCE2, n2);
	assert_int_equal(aiot_soly_k_aiot(k, n1, k_aiot), 0);
	memeq(k_aiot, w, HEX(AIOT_PV_Y_K_AIOT, w), "k_AIoT");
	assert_int_equal(aiot_soly_k_ses(k_aiot, n2, k_ses), 0);
	memeq(k_ses, w, HEX(AIOT_PV_Y_K_SES, w), "k_AIoT_ses");
	assert_int_equal(aiot_soly_k_command(k_ses, enc, in), 0);
	memeq(enc, w, HEX(AIOT_PV_Y_K_CMD_ENC, w), "K_enc");
	memeq(in, w, HEX(AIOT_PV_Y_K_CMD_INT, w), "K_int");
	assert_int_equal(aiot_soly_kid(ctx, k_aiot, n1, kid), 0);
	memeq(kid, w, HEX(AIOT_PV_Y_KID, w), "KID");
	no_key();
	assert_int_equal(aiot_soly_nres(ctx, k_ses, n2, nres), 0);
	memeq(nres, w, HEX(AIOT_PV_Y_NRES, w), "NRES");
	no_key();

	assert_int_equal(aiot_soly_nres_verify(ctx, k_ses, n2, nres), 0);
	for (i = 0; i < 8 * sizeof(nres); i++) {
		flip(nres, i);
		assert_int_equal(aiot_soly_nres_verify(ctx, k_ses, n2, nres),
				 -EBADMSG);
		flip(nres, i);
	}
	assert_int_equal(aiot_soly_nres_verify(ctx, k_ses, n1, nres), -EBADMSG);
	assert_int_equal(aiot_soly_nres_verify(ctx, k_aiot, n2, nres), -EBADMSG);
	no_key();

	cmd = aiot_sec_ctx_alloc();
	assert_non_null(cmd);
	assert_int_equal(aiot_soly_ctx_set_command(cmd, k_ses), 0);
	assert_int_equal(aiot_nia2_mac(cmd, 0, 0, 1, n1, 64, m1), 0);
	assert_int_equal(aiot_sec_ctx_set_keys(ctx, enc, in), 0);
	assert_int_equal(aiot_nia2_mac(ctx, 0, 0, 1, n1, 64, m2), 0);
	memeq(m1, m2, sizeof(m1), "MAC under the command keys");
	aiot_sec_ctx_free(cmd);
	aiot_sec_ctx_clear(ctx);
}

static void y_paging_one(const struct aiot_pv_y_paging *v)
{
	uint8_t k[16], n1[8], k_aiot[32], other_k[32], id[16], other[16];
	uint8_t want[PT_BUF], msg[PT_BUF], plain[PT_BUF];
	unsigned int len, n, plen, i, bit_id_end, maclen;
	uint32_t counter;
	int err, exp;

	HEX(AIOT_PV_Y_K_AIOT, k_aiot);
	n = HEX(v->id, id);
	len = HEX(v->msg, want);
	plen = aiot_soly_pid_len(v->flags, v->id_bits);
	maclen = v->flags & AIOT_SOLY_PF_MAC ? AIOT_SOLY_MAC_LEN : 0;
	assert_int_equal(len, v->off + plen + maclen);

	memset(msg, 0xa5, sizeof(msg));
	memcpy(msg, want, v->off);
	assert_int_equal(aiot_soly_pid_seal(ctx, k_aiot, v->flags, id, v->id_bits,
					    v->counter, msg, v->off, PT_BUF),
			 len);
	memeq(msg, want, len, v->name);
	no_key();

	counter = 0xdeadbeef;
	memset(plain, 0x33, sizeof(plain));
	assert_int_equal(aiot_soly_pid_open(ctx, k_aiot, v->flags, want, v->off,
					    len, id, v->id_bits, plain, &counter),
			 0);
	assert_int_equal(counter, v->flags & AIOT_SOLY_PF_COUNTER ?
			 v->counter : 0xdeadbeef);
	assert_true(all_zero(plain, plen));
	no_key();

	memcpy(other, id, n);
	flip(other, v->id_bits - 1);
	assert_int_equal(aiot_soly_pid_open(ctx, k_aiot, v->flags, want, v->off,
					    len, other, v->id_bits, plain, NULL),
			 -ENOENT);
	if (v->id_bits > 8)
		assert_int_equal(aiot_soly_pid_open(ctx, k_aiot, v->flags, want,
						    v->off, len, id, v->id_bits - 8,
						    plain, NULL), -ENOENT);
	HEX(AIOT_PV_K, k);
	HEX(AIOT_PV_NONCE2, n1);
	assert_int_equal(aiot_soly_k_aiot(k, n1, other_k), 0);
	assert_int_equal(aiot_soly_pid_open(ctx, other_k, v->flags, want, v->off,
					    len, id, v->id_bits, plain, NULL),
			 -ENOENT);
	assert_int_equal(aiot_soly_pid_open(ctx, k_aiot, v->flags ^ AIOT_SOLY_PF_MAC,
					    want, v->off, len, id, v->id_bits,
					    plain, NULL), -ENOENT);
	no_key();

	bit_id_end = 8 * (v->off + (v->id_bits + 7) / 8);
	for (i = 0; i < 8 * len; i++) {
		memcpy(msg, want, len);
		flip(msg, i);
		counter = 0;
		err = aiot_soly_pid_open(ctx, k_aiot, v->flags, msg, v->off, len,
					 id, v->id_bits, plain, &counter);
		if (i >= 8 * v->off && i < bit_id_end)
			exp = -ENOENT;
		else
			exp = maclen ? -EBADMSG : 0;
		if (err != exp)
			fail_msg("%s: bit %u: %d, want %d", v->name, i, err, exp);
		if (!err && (v->flags & AIOT_SOLY_PF_COUNTER) && i >= bit_id_end)
			assert_int_equal(counter,
					 v->counter ^ (0x80000000U >> (i - bit_id_end)));
	}
	no_key();
}

FOR_EACH_VECTOR(y_paging, aiot_pv_y_paging)

static void y_paging_args(void **state)
{
	uint8_t k_aiot[32] = { 0 }, id[4] = { 1, 2, 3, 4 };
	uint8_t msg[PT_BUF] = { 0 }, plain[PT_BUF];
	uint8_t pf = AIOT_SOLY_PF_PID | AIOT_SOLY_PF_COUNTER | AIOT_SOLY_PF_MAC;
	uint32_t c;
	int i;

	(void)state;
	assert_int_equal(aiot_soly_pid_len(pf, 32), 8);
	assert_int_equal(aiot_soly_pid_len(AIOT_SOLY_PF_PID, 27), 4);
	assert_int_equal(aiot_soly_pid_len(AIOT_SOLY_PF_COUNTER, 32), 0);
	assert_int_equal(aiot_soly_pid_len(pf, 0), 0);
	assert_int_equal(aiot_soly_pid_len(pf, AIOT_ID_MAX_BITS + 1), 0);
	assert_int_equal(aiot_soly_pid_len(pf, AIOT_ID_MAX_BITS),
			 AIOT_SOLY_PID_MAX_LEN);
	for (i = 0; i < 8; i++) {
		if (!(AIOT_SOLY_PF_SPARE_MASK & (1 << i)))
			continue;
		assert_int_equal(aiot_soly_pid_seal(ctx, k_aiot, pf | 1 << i, id, 32,
						    0, msg, 11, PT_BUF), -EINVAL);
		assert_int_equal(aiot_soly_pid_open(ctx, k_aiot, pf | 1 << i, msg, 11,
						    23, id, 32, plain, &c), -EPROTO);
	}
	assert_int_equal(aiot_soly_pid_seal(ctx, k_aiot, 0, id, 32, 0, msg, 11,
					    PT_BUF), -EINVAL);
	assert_int_equal(aiot_soly_pid_open(ctx, k_aiot, AIOT_SOLY_PF_MAC, msg, 11,
					    15, id, 32, plain, &c), -EPROTO);
	assert_int_equal(aiot_soly_pid_seal(ctx, k_aiot, pf, id, 0, 0, msg, 11,
					    PT_BUF), -EINVAL);
	assert_int_equal(aiot_soly_pid_seal(ctx, k_aiot, pf, id, 129, 0, msg, 11,
					    PT_BUF), -EINVAL);
	assert_int_equal(aiot_soly_pid_seal(ctx, k_aiot, pf, id, 32, 0, msg, 11,
					    22), -EMSGSIZE);
	assert_int_equal(aiot_soly_pid_seal(ctx, k_aiot, pf, id, 32, 0, msg, 11,
					    23), 23);
	assert_int_equal(aiot_soly_pid_seal(NULL, k_aiot, pf, id, 32, 0, msg, 11,
					    23), -EINVAL);
	assert_int_equal(aiot_soly_pid_open(ctx, k_aiot, pf, msg, 24, 23, id, 32,
					    plain, &c), -EINVAL);
	assert_int_equal(aiot_soly_pid_open(ctx, k_aiot, pf, msg, 11, 23, id, 32,
					    NULL, &c), -EINVAL);
	no_key();
}

static void y_access(void **state)
{
	uint8_t k_ses[32], k_aiot[32], n1[8], n2[8], bits;
	uint8_t ref[PT_BUF], want[PT_BUF], msg[PT_BUF], copy[PT_BUF];
	unsigned int len, i;
	size_t j;

	(void)state;
	HEX(AIOT_PV_Y_K_SES, k_ses);
	HEX(AIOT_PV_Y_K_AIOT, k_aiot);
	HEX(AIOT_PV_NONCE1, n1);
	HEX(AIOT_PV_NONCE2, n2);
	for (j = 0; j < ARRAY_SIZE(aiot_pv_y_access); j++) {
		const struct aiot_pv_y_access *v = &aiot_pv_y_access[j];

		assert_int_equal(HEX(v->plain, ref), v->len);
		len = HEX(v->msg, want);
		assert_int_equal(len, v->len + AIOT_SOLY_ARES_LEN);
		memcpy(msg, ref, v->len);
		assert_int_equal(aiot_soly_access_seal(ctx, k_ses, n1, msg, v->off,
						       v->len, PT_BUF), len);
		memeq(msg, want, len, v->name);
		no_key();
		assert_int_equal(aiot_soly_access_seal(ctx, k_ses, n1, msg, v->off,
						       v->len, len - 1), -EMSGSIZE);
		assert_int_equal(aiot_soly_access_open(ctx, k_ses, n1, msg, v->off,
						       len), v->len);
		memeq(msg, ref, v->len, "deciphered part");
		no_key();
		if (v->len > v->off && (ref[2] & AIOT_SOLY_AF_PID))
			assert_int_equal(aiot_prof_id_get(msg + v->off,
							  v->len - v->off, &bits), 0);

		for (i = 0; i < 8 * len; i++) {
			memcpy(msg, want, len);
			flip(msg, i);
			memcpy(copy, msg, len);
			assert_int_equal(aiot_soly_access_open(ctx, k_ses, n1, msg,
							       v->off, len), -EBADMSG);
			memeq(msg, copy, len, "refused message");
		}
		memcpy(msg, want, len);
		assert_int_equal(aiot_soly_access_open(ctx, k_ses, n2, msg, v->off,
						       len), -EBADMSG);
		assert_int_equal(aiot_soly_access_open(ctx, k_aiot, n1, msg, v->off,
						       len), -EBADMSG);
		assert_int_equal(aiot_soly_access_open(ctx, k_ses, n1, msg, v->off,
						       len - 1),
				 v->len > v->off ? -EBADMSG : -EPROTO);
		assert_int_equal(aiot_soly_access_open(ctx, k_ses, n1, msg, v->off,
						       v->off + 7), -EPROTO);
		memeq(msg, want, len, "refused message");
		no_key();
	}
}

static void y_ident(void **state)
{
	uint8_t k_ses[32], k_aiot[32], id[16], bits = 0;
	uint8_t want[PT_BUF], msg[PT_BUF];
	unsigned int len, n, i;
	size_t j;

	(void)state;
	HEX(AIOT_PV_Y_K_SES, k_ses);
	HEX(AIOT_PV_Y_K_AIOT, k_aiot);
	for (j = 0; j < ARRAY_SIZE(aiot_pv_y_ident); j++) {
		const struct aiot_pv_ident *v = &aiot_pv_y_ident[j];

		n = HEX(v->id, id);
		len = HEX(v->msg, want);
		memcpy(msg, want, v->off);
		assert_int_equal(aiot_soly_ident_seal(ctx, k_ses, id, v->id_bits, msg,
						      v->off, PT_BUF), len);
		memeq(msg, want, len, v->name);
		no_key();
		assert_int_equal(aiot_soly_ident_seal(ctx, k_ses, id, v->id_bits, msg,
						      v->off, len - 1), -EMSGSIZE);
		memcpy(msg, want, len);
		assert_int_equal(aiot_soly_ident_open(ctx, k_ses, msg, v->off, len,
						      &bits), 0);
		assert_int_equal(bits, v->id_bits);
		id[n - 1] &= mask(v->id_bits);
		memeq(msg + v->off + 1, id, n, "identity");
		no_key();
		for (i = 0; i < 8 * len; i++) {
			memcpy(msg, want, len);
			flip(msg, i);
			assert_int_equal(aiot_soly_ident_open(ctx, k_ses, msg, v->off,
							      len, &bits), -EBADMSG);
		}
		memcpy(msg, want, len);
		assert_int_equal(aiot_soly_ident_open(ctx, k_aiot, msg, v->off, len,
						      &bits), -EBADMSG);
		memeq(msg, want, len, "refused message");
		no_key();
	}
}

static void id_string(void **state)
{
	uint8_t id[16], s[AIOT_PROF_ID_STR_MAX + 1], bits;
	unsigned int b, n;

	(void)state;
	for (b = 1; b <= AIOT_ID_MAX_BITS; b++) {
		make_id(id, b);
		n = aiot_prof_id_put(s, id, (uint8_t)b);
		assert_int_equal(n, 1 + (b + 7) / 8);
		assert_int_equal(aiot_prof_id_get(s, n, &bits), 0);
		assert_int_equal(bits, b);
		assert_int_equal(aiot_prof_id_get(s, n - 1, &bits), -EPROTO);
		assert_int_equal(aiot_prof_id_get(s, n + 1, &bits), -EPROTO);
		if (b % 8) {
			s[n - 1] |= 1;
			assert_int_equal(aiot_prof_id_get(s, n, &bits), -EPROTO);
		}
	}
	s[0] = 0;
	assert_int_equal(aiot_prof_id_get(s, 1, &bits), -EPROTO);
	s[0] = AIOT_ID_MAX_BITS + 1;
	assert_int_equal(aiot_prof_id_get(s, 1 + 17, &bits), -EPROTO);
	assert_int_equal(aiot_prof_id_put(s, id, 0), 0);
	assert_int_equal(aiot_prof_id_put(s, id, AIOT_ID_MAX_BITS + 1), 0);
}

static void roundtrip_lengths(void **state)
{
	uint8_t k_aiot[32], k_ses[32], k_n[32], id[16], bits;
	uint8_t msg[PT_BUF], plain[PT_BUF], pid[PT_BUF];
	uint8_t pf = AIOT_SOLY_PF_PID | AIOT_SOLY_PF_COUNTER | AIOT_SOLY_PF_MAC;
	unsigned int b;
	uint32_t c;
	int n;

	(void)state;
	HEX(AIOT_PV_Y_K_AIOT, k_aiot);
	HEX(AIOT_PV_Y_K_SES, k_ses);
	HEX(AIOT_PV_9_K_N, k_n);
	for (b = 1; b <= AIOT_ID_MAX_BITS; b++) {
		make_id(id, b);
		n = aiot_soly_pid_seal(ctx, k_aiot, pf, id, (uint8_t)b, b, msg, 3,
				       PT_BUF);
		assert_true(n > 0);
		c = 0;
		assert_int_equal(aiot_soly_pid_open(ctx, k_aiot, pf, msg, 3, n, id,
						    (uint8_t)b, plain, &c), 0);
		assert_int_equal(c, b);
		n = aiot_soly_ident_seal(ctx, k_ses, id, (uint8_t)b, msg, 2, PT_BUF);
		assert_true(n > 0);
		assert_int_equal(aiot_soly_ident_open(ctx, k_ses, msg, 2, n, &bits), 0);
		assert_int_equal(bits, b);
		assert_int_equal(aiot_sol9_pid_protect(ctx, k_n, id, (uint8_t)b, pid),
				 0);
		assert_int_equal(aiot_sol9_pid_match(ctx, k_n, pid, (uint8_t)b, id,
						     (uint8_t)b, plain), 0);
		n = aiot_sol9_auth_seal(ctx, k_n, AIOT_SOL9_POL_DEFAULT, id,
					(uint8_t)b, msg, 11, PT_BUF);
		assert_true(n > 0);
		assert_int_equal(aiot_sol9_auth_open(ctx, k_n, AIOT_SOL9_POL_DEFAULT,
						     msg, 11, n, &bits), 0);
		assert_int_equal(bits, b);
	}
	no_key();
}

/* ---- solution-9 ---------------------------------------------------------- */

static void s9_keys(void **state)
{
	uint8_t k[16], nn[8], dn[8], out[32], w[32], tid[8], tids[8];
	unsigned int i;

	(void)state;
	HEX(AIOT_PV_K, k);
	HEX(AIOT_PV_NN, nn);
	HEX(AIOT_PV_DN, dn);
	assert_int_equal(aiot_sol9_k_n(k, nn, out), 0);
	memeq(out, w, HEX(AIOT_PV_9_K_N, w), "k_N");
	assert_int_equal(aiot_sol9_k_nd(k, nn, dn, out), 0);
	memeq(out, w, HEX(AIOT_PV_9_K_ND, w), "k_ND");
	assert_int_equal(aiot_sol9_tid(k, nn, tid), 0);
	memeq(tid, w, HEX(AIOT_PV_9_TID, w), "T-ID");
	assert_int_equal(aiot_sol9_tid_star(k, nn, dn, tids), 0);
	memeq(tids, w, HEX(AIOT_PV_9_TID_STAR, w), "T-ID*");
	HEX(AIOT_PV_NN_CMD, w);
	assert_int_equal(aiot_sol9_k_n(k, w, out), 0);
	HEX(AIOT_PV_9_K_N_CMD, w);
	memeq(out, w, 32, "k_N'");

	assert_int_equal(aiot_sol9_tid_match(k, nn, tid), 0);
	assert_int_equal(aiot_sol9_tid_star_verify(k, nn, dn, tids), 0);
	for (i = 0; i < 64; i++) {
		flip(tid, i);
		flip(tids, i);
		assert_int_equal(aiot_sol9_tid_match(k, nn, tid), -ENOENT);
		assert_int_equal(aiot_sol9_tid_star_verify(k, nn, dn, tids), -EBADMSG);
		flip(tid, i);
		flip(tids, i);
	}
	assert_int_equal(aiot_sol9_tid_match(k, dn, tid), -ENOENT);
	assert_int_equal(aiot_sol9_tid_star_verify(k, dn, nn, tids), -EBADMSG);
	k[15] ^= 1;
	assert_int_equal(aiot_sol9_tid_match(k, nn, tid), -ENOENT);
	assert_int_equal(aiot_sol9_tid_star_verify(k, nn, dn, tids), -EBADMSG);
	assert_int_equal(aiot_sol9_tid_star(k, nn, NULL, tids), -EINVAL);
	assert_int_equal(aiot_sol9_k_nd(k, nn, NULL, out), -EINVAL);
}

static void s9_pid(void **state)
{
	uint8_t k_n[32], k_nd[32], id[16], other[16];
	uint8_t want[PT_BUF], msg[PT_BUF], plain[PT_BUF];
	unsigned int n, i;
	size_t j;

	(void)state;
	HEX(AIOT_PV_9_K_N, k_n);
	HEX(AIOT_PV_9_K_ND, k_nd);
	for (j = 0; j < ARRAY_SIZE(aiot_pv_9_pid); j++) {
		const struct aiot_pv_9_pid *v = &aiot_pv_9_pid[j];

		n = HEX(v->id, id);
		assert_int_equal(HEX(v->pid, want), n);
		memset(msg, 0xa5, sizeof(msg));
		assert_int_equal(aiot_sol9_pid_protect(ctx, k_n, id, v->id_bits, msg),
				 0);
		memeq(msg, want, n, "protected ID");
		no_key();
		memset(plain, 0x33, sizeof(plain));
		assert_int_equal(aiot_sol9_pid_match(ctx, k_n, want, v->id_bits, id,
						     v->id_bits, plain), 0);
		assert_true(all_zero(plain, n));
		no_key();
		if (v->id_bits % 8) {
			memcpy(msg, want, n);
			msg[n - 1] |= 0xff >> (v->id_bits % 8);
			assert_int_equal(aiot_sol9_pid_match(ctx, k_n, msg, v->id_bits,
							     id, v->id_bits, plain), 0);
		}
		for (i = 0; i < v->id_bits; i++) {
			memcpy(msg, want, n);
			flip(msg, i);
			assert_int_equal(aiot_sol9_pid_match(ctx, k_n, msg, v->id_bits,
							     id, v->id_bits, plain),
					 -ENOENT);
		}
		memcpy(other, id, n);
		flip(other, 0);
		assert_int_equal(aiot_sol9_pid_match(ctx, k_n, want, v->id_bits, other,
						     v->id_bits, plain), -ENOENT);
		assert_int_equal(aiot_sol9_pid_match(ctx, k_nd, want, v->id_bits, id,
						     v->id_bits, plain), -ENOENT);
		assert_int_equal(aiot_sol9_pid_match(ctx, k_n, want, v->id_bits - 1,
						     id, v->id_bits, plain), -ENOENT);
		assert_int_equal(aiot_sol9_pid_protect(ctx, k_n, id, 0, msg), -EINVAL);
		no_key();
	}
}

static void s9_auth(void **state)
{
	uint8_t k_nd[32], k_n[32], id[16], bits = 0, pol;
	uint8_t want[PT_BUF], msg[PT_BUF];
	unsigned int len, n, i;
	size_t j;

	(void)state;
	HEX(AIOT_PV_9_K_ND, k_nd);
	HEX(AIOT_PV_9_K_N, k_n);
	for (j = 0; j < ARRAY_SIZE(aiot_pv_9_auth); j++) {
		const struct aiot_pv_9_auth *v = &aiot_pv_9_auth[j];

		n = HEX(v->id, id);
		len = HEX(v->msg, want);
		memcpy(msg, want, v->off);
		assert_int_equal(aiot_sol9_auth_seal(ctx, k_nd, v->policy, id,
						     v->id_bits, msg, v->off, PT_BUF),
				 len);
		memeq(msg, want, len, v->name);
		no_key();
		memcpy(msg, want, len);
		assert_int_equal(aiot_sol9_auth_open(ctx, k_nd, v->policy, msg, v->off,
						     len, &bits), 0);
		assert_int_equal(bits, v->id_bits);
		id[n - 1] &= mask(v->id_bits);
		memeq(msg + v->off + 1, id, n, "identity");
		no_key();
		for (i = 0; i < 8 * len; i++) {
			memcpy(msg, want, len);
			flip(msg, i);
			assert_int_equal(aiot_sol9_auth_open(ctx, k_nd, v->policy, msg,
							     v->off, len, &bits),
					 -EBADMSG);
		}
		memcpy(msg, want, len);
		assert_int_equal(aiot_sol9_auth_open(ctx, k_n, v->policy, msg, v->off,
						     len, &bits), -EBADMSG);
		pol = (v->policy & ~AIOT_SOL9_POL_IDP_MASK) | AIOT_SOL9_POL_IDP_TID;
		assert_int_equal(aiot_sol9_auth_open(ctx, k_nd, pol, msg, v->off, len,
						     &bits), -EINVAL);
		assert_int_equal(aiot_sol9_auth_seal(ctx, k_nd, pol, id, v->id_bits,
						     msg, v->off, PT_BUF), -EINVAL);
		pol = v->policy | AIOT_SOL9_POL_IDP_RESERVED;
		assert_int_equal(aiot_sol9_auth_open(ctx, k_nd, pol, want, v->off, len,
						     &bits), -EPROTO);
		assert_int_equal(aiot_sol9_auth_seal(ctx, k_nd, pol, id, v->id_bits,
						     msg, v->off, PT_BUF), -EINVAL);
		no_key();
	}
}

static int cmd_open(const struct aiot_pv_9_cmd *v, const uint8_t *k, uint32_t cfg,
		    const struct aiot_sol9_paging *pg, uint8_t *msg,
		    unsigned int len)
{
	if (v->request)
		return aiot_sol9_req_open(ctx, k, cfg, v->policy, pg, msg, v->off, len);
	return aiot_sol9_rsp_open(ctx, k, cfg, v->policy, pg->nn, msg, v->off, len);
}

static void s9_cmd_one(const struct aiot_pv_9_cmd *v)
{
	uint8_t k[32], wrong[32], nn[8], idf[16], pol = v->policy;
	uint8_t ref[PT_BUF], want[PT_BUF], msg[PT_BUF];
	unsigned int len, plen, maclen, i, scope, nbits;
	struct aiot_sol9_paging pg = { nn, idf, v->idf_bits };
	uint32_t cfg = v->policy | AIOT_SOL9_CFG_FLOOR;
	int err, exp;

	HEX(v->request ? AIOT_PV_9_K_N_CMD : AIOT_PV_9_K_ND_CMD, k);
	HEX(v->request ? AIOT_PV_9_K_ND_CMD : AIOT_PV_9_K_N_CMD, wrong);
	HEX(AIOT_PV_NN_CMD, nn);
	HEX(v->idf, idf);
	plen = HEX(v->plain, ref);
	len = HEX(v->msg, want);
	scope = pol & AIOT_SOL9_POL_INT_MASK;
	maclen = scope == AIOT_SOL9_POL_INT_NONE ? 0 : AIOT_SOL9_MAC_LEN;
	assert_int_equal(len, plen + maclen);

	memcpy(msg, ref, plen);
	if (v->request)
		err = aiot_sol9_req_seal(ctx, k, pol, &pg, msg, v->off, plen, PT_BUF);
	else
		err = aiot_sol9_rsp_seal(ctx, k, pol, nn, msg, v->off, plen, PT_BUF);
	assert_int_equal(err, len);
	memeq(msg, want, len, v->name);
	no_key();

	nbits = 8 * len + (v->request ? 64 + 8 * ((v->idf_bits + 7) / 8) : 64);
	for (i = 0; i <= nbits; i++) {
		memcpy(msg, want, len);
		HEX(AIOT_PV_NN_CMD, nn);
		HEX(v->idf, idf);
		if (i < 8 * len)
			flip(msg, i);
		else if (i < 8 * len + 64)
			flip(nn, i - 8 * len);
		else if (i < nbits)
			flip(idf, i - 8 * len - 64);
		err = cmd_open(v, k, cfg, &pg, msg, len);
		if (i == nbits)
			exp = plen;
		else if (i >= 8 * len + 64 && i - 8 * len - 64 >= v->idf_bits)
			exp = plen;
		else if (scope == AIOT_SOL9_POL_INT_MESSAGE)
			exp = -EBADMSG;
		else if (scope == AIOT_SOL9_POL_INT_PAYLOAD && i >= 8 * v->off &&
			 i < 8 * len)
			exp = -EBADMSG;
		else
			exp = plen;
		if (err != exp)
			fail_msg("%s: bit %u of %u: %d, want %d", v->name, i, nbits,
				 err, exp);
	}
	memeq(msg, ref, plen, "opened message");

	memcpy(msg, want, len);
	assert_int_equal(cmd_open(v, wrong, cfg, &pg, msg, len),
			 maclen ? -EBADMSG : (int)plen);
	assert_int_equal(aiot_sol9_rsp_open(ctx, k, cfg, pol, nn, want, v->off,
					    v->off + maclen), -EPROTO);
	no_key();
}

FOR_EACH_VECTOR(s9_cmd, aiot_pv_9_cmd)

static void s9_policy(void **state)
{
	const struct aiot_pc_policy *c;
	unsigned int i, p, valid = 0, above = 0;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(aiot_pc_policy); i++) {
		c = &aiot_pc_policy[i];
		if (aiot_sol9_policy_check(c->cfg, c->policy) != c->want)
			fail_msg("cfg %#x, policy %#x: %d, want %d", c->cfg, c->policy,
				 aiot_sol9_policy_check(c->cfg, c->policy), c->want);
	}
	for (p = 0; p < 256; p++) {
		if (!aiot_sol9_policy_valid((uint8_t)p)) {
			assert_int_equal(aiot_sol9_policy_check(0, (uint8_t)p), -EPROTO);
			continue;
		}
		valid++;
		assert_int_equal(aiot_sol9_policy_check(p, (uint8_t)p), 0);
		assert_int_equal(aiot_sol9_policy_check(p | AIOT_SOL9_CFG_FLOOR,
							(uint8_t)p), 0);
		assert_int_equal(aiot_sol9_policy_check(AIOT_SOL9_POL_DEFAULT,
							(uint8_t)p), 0);
		if (!aiot_sol9_policy_check(AIOT_SOL9_CFG_DEFAULT, (uint8_t)p))
			above++;
	}
	assert_int_equal(valid, AIOT_PC_POLICY_VALID);
	assert_int_equal(above, AIOT_PC_POLICY_ABOVE_DEFAULT);
}

static void s9_downgrade(void **state)
{
	const struct aiot_pc_downgrade *c;
	uint8_t k_n[32], nn[8], idf[4] = { 1, 2, 3, 4 }, msg[PT_BUF];
	struct aiot_sol9_paging pg = { nn, idf, 32 };
	unsigned int i;
	int err;

	(void)state;
	HEX(AIOT_PV_9_K_N_CMD, k_n);
	HEX(AIOT_PV_NN_CMD, nn);
	memcpy(msg, aiot_pc_write, AIOT_PC_WRITE_LEN);
	for (i = 0; i < ARRAY_SIZE(aiot_pc_downgrade); i++) {
		c = &aiot_pc_downgrade[i];
		pg.idf_bits = c->idf_bits;
		if (c->seal)
			err = aiot_sol9_req_seal(ctx, k_n, c->policy, &pg, msg,
						 AIOT_PC_WRITE_OFF, c->len, c->max);
		else
			err = aiot_sol9_req_open(ctx, k_n, c->cfg, c->policy, &pg, msg,
						 AIOT_PC_WRITE_OFF, c->len);
		if (err != c->want)
			fail_msg("step %u: %d, want %d", i, err, c->want);
		if (c->intact)
			memeq(msg, aiot_pc_write, AIOT_PC_WRITE_LEN, c->intact);
	}
	no_key();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(y_keys),
		cmocka_unit_test(y_paging),
		cmocka_unit_test(y_paging_args),
		cmocka_unit_test(y_access),
		cmocka_unit_test(y_ident),
		cmocka_unit_test(id_string),
		cmocka_unit_test(roundtrip_lengths),
		cmocka_unit_test(s9_keys),
		cmocka_unit_test(s9_pid),
		cmocka_unit_test(s9_auth),
		cmocka_unit_test(s9_cmd),
		cmocka_unit_test(s9_policy),
		cmocka_unit_test(s9_downgrade),
	};

	return cmocka_run_group_tests_name("aiot_profile", tests, setup, teardown);
}
