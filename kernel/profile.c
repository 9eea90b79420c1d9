// SPDX-License-Identifier: GPL-2.0
/*
 * aiot: the cryptography of the study security profiles solution-y and
 * solution-9 (Documentation/security-profiles.rst), on the primitives of
 * the security engine.  Conventions, buffer rules, costs and errors: see
 * profile.h.
 *
 * No allocation, no locks of its own: the same file builds in the kernel
 * and, through the type shim, in userspace, where the calls go to the
 * OpenSSL twin of sec.c.
 */
#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>
#include <linux/types.h>

#include "profile.h"
#ifdef __KERNEL__
#include <crypto/algapi.h>
#include "sec.h"
#define prof_memneq(a, b, n)	crypto_memneq(a, b, n)
#define prof_wipe(p, n)		memzero_explicit(p, n)
#else
#include <openssl/crypto.h>
#include "aiot_sec.h"
#define prof_memneq(a, b, n)	CRYPTO_memcmp(a, b, n)
#define prof_wipe(p, n)		OPENSSL_cleanse(p, n)
#endif

/* AES-CMAC tag: the 16 octets NIA2 truncates to 4 and NIA2-64 to 8 */
#define PROF_TAG_LEN		16
/* Longest prefix of a MAC input: COUNT | BEARER | DIRECTION, NN', field */
#define PROF_HEAD_MAX		(AIOT_SEC_NAS_HDR_LEN + AIOT_SOL9_NN_LEN + \
				 AIOT_SOL9_IDF_MAX_LEN)

/**
 * struct prof_use - one use of a key pair on a message part
 * @count: COUNT
 * @bearer: BEARER
 * @dir: DIRECTION
 * @cipher: msg[off..len) is ciphered with 128-NEA2 under X.enc
 * @maclen: octets of the AES-CMAC tag under X.int kept as the MAC; 0: none
 * @payload_only: the MAC covers msg[off..len) only, without @pre
 * @pre: octets the MAC covers before the message, or NULL
 * @plen: their number
 */
struct prof_use {
	u32 count;
	u8 bearer;
	u8 dir;
	bool cipher;
	unsigned int maclen;
	bool payload_only;
	const u8 *pre;
	unsigned int plen;
};

static unsigned int id_octets(unsigned int bits)
{
	return (bits + 7) / 8;
}

/* The bits of the last octet of a @bits-long string that belong to it */
static u8 last_mask(unsigned int bits)
{
	return bits % 8 ? (u8)(0xff00 >> (bits % 8)) : 0xff;
}

static bool id_bits_ok(unsigned int bits)
{
	return bits >= 1 && bits <= AIOT_ID_MAX_BITS;
}

static void put_be32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static u32 get_be32(const u8 *p)
{
	return (u32)p[0] << 24 | (u32)p[1] << 16 | (u32)p[2] << 8 | p[3];
}

/*
 * Is @got (@bits long, its padding bits zero) the identity @id (whose
 * padding bits are ignored)?  Constant time in the octets compared.
 */
static bool id_equal(const u8 *got, const u8 *id, unsigned int bits)
{
	unsigned int n = id_octets(bits);
	u8 last = id[n - 1] & last_mask(bits);

	return !(prof_memneq(got, id, n - 1) | (got[n - 1] ^ last));
}

/* Load the halves of a 32-octet key pair that a use needs */
static int load(struct aiot_sec_ctx *ctx, const u8 *pair, bool enc,
		bool integ)
{
	return aiot_sec_ctx_set_keys(ctx,
				     enc ? pair + AIOT_PROF_KEY_ENC_OFFSET : NULL,
				     integ ? pair + AIOT_PROF_KEY_INT_OFFSET : NULL);
}

/*
 * The AES-CMAC tag under the loaded integrity key of
 * COUNT | BEARER | DIRECTION | pre | msg[0..len) (the 128-NIA2 input,
 * TS 33.401 B.2.3, with a prefix).
 */
static int mac_tag(struct aiot_sec_ctx *ctx, const struct prof_use *u,
		   const u8 *msg, unsigned int len, u8 *tag)
{
	u8 head[PROF_HEAD_MAX];

	if (u->plen > sizeof(head) - AIOT_SEC_NAS_HDR_LEN)
		return -EINVAL;
	put_be32(head, u->count);
	head[4] = u->bearer << 3 | u->dir << 2;
	head[5] = 0;
	head[6] = 0;
	head[7] = 0;
	if (u->plen)
		memcpy(head + AIOT_SEC_NAS_HDR_LEN, u->pre, u->plen);
	return aiot_sec_cmac(ctx, head, AIOT_SEC_NAS_HDR_LEN + u->plen, msg,
			     len * 8, tag);
}

static int mac_make(struct aiot_sec_ctx *ctx, const struct prof_use *u,
		    const u8 *msg, unsigned int len, u8 *mac)
{
	u8 tag[PROF_TAG_LEN];
	int err;

	err = mac_tag(ctx, u, msg, len, tag);
	if (!err)
		memcpy(mac, tag, u->maclen);
	prof_wipe(tag, sizeof(tag));
	return err;
}

static int mac_check(struct aiot_sec_ctx *ctx, const struct prof_use *u,
		     const u8 *msg, unsigned int len, const u8 *mac)
{
	u8 tag[PROF_TAG_LEN];
	int err;

	err = mac_tag(ctx, u, msg, len, tag);
	if (!err && prof_memneq(tag, mac, u->maclen))
		err = -EBADMSG;
	prof_wipe(tag, sizeof(tag));
	return err;
}

/*
 * Cipher msg[off..len) in place, then put the MAC over pre | msg[0..len)
 * (or msg[off..len) alone) at msg + len.  Return: the length with the MAC.
 */
static int part_seal(struct aiot_sec_ctx *ctx, const u8 *pair,
		     const struct prof_use *u, u8 *msg, unsigned int off,
		     unsigned int len, unsigned int size)
{
	bool cipher = u->cipher && len > off;
	int err;

	if (!ctx || !pair || !msg || off > len)
		return -EINVAL;
	if (len > size || size - len < u->maclen)
		return -EMSGSIZE;
	err = load(ctx, pair, cipher, u->maclen);
	if (!err && cipher)
		err = aiot_nea2_crypt(ctx, u->count, u->bearer, u->dir, msg + off,
				      msg + off, (len - off) * 8);
	if (!err && u->maclen) {
		if (u->payload_only)
			err = mac_make(ctx, u, msg + off, len - off, msg + len);
		else
			err = mac_make(ctx, u, msg, len, msg + len);
	}
	aiot_sec_ctx_clear(ctx);
	if (err) {
		prof_wipe(msg + off, len - off);
		return err;
	}
	return len + u->maclen;
}

/*
 * Check the MAC at the end of msg[0..len), then decipher msg[off..) in
 * place.  Return: the length without the MAC.
 */
static int part_open(struct aiot_sec_ctx *ctx, const u8 *pair,
		     const struct prof_use *u, u8 *msg, unsigned int off,
		     unsigned int len)
{
	unsigned int body;
	bool cipher;
	int err;

	if (!ctx || !pair || !msg)
		return -EINVAL;
	if (len < u->maclen || len - u->maclen < off)
		return -EPROTO;
	body = len - u->maclen;
	cipher = u->cipher && body > off;
	err = load(ctx, pair, cipher, u->maclen);
	if (!err && u->maclen) {
		if (u->payload_only)
			err = mac_check(ctx, u, msg + off, body - off, msg + body);
		else
			err = mac_check(ctx, u, msg, body, msg + body);
	}
	if (!err && cipher)
		err = aiot_nea2_crypt(ctx, u->count, u->bearer, u->dir, msg + off,
				      msg + off, (body - off) * 8);
	aiot_sec_ctx_clear(ctx);
	return err ?: (int)body;
}

/* KDF(key, fc, P0 [, P1]), 32 octets at out; P1 only when p1 is given */
static int kdf(const u8 *key, unsigned int keylen, u8 fc, const u8 *p0,
	       u16 l0, const u8 *p1, u16 l1, u8 *out)
{
	const struct aiot_kdf_param p[] = { { p0, l0 }, { p1, l1 } };

	if (!key || !p0 || !out)
		return -EINVAL;
	return aiot_kdf(key, keylen, fc, p, p1 ? 2 : 1, out);
}

/**
 * aiot_prof_id_put() - write id_bits | ID
 * @p: where, room for 1 + ceil(@id_bits / 8) octets (AIOT_PROF_ID_STR_MAX)
 * @id: the identity, MSB first
 * @id_bits: its length in bits, 1..AIOT_ID_MAX_BITS
 *
 * The form in which both profiles send an identity under a session key
 * (the ciphered part of a one-way Y Access Response, the Y Protected
 * Identity, the protected ID*): one octet with the length in bits, then
 * the identity zero padded to whole octets.
 *
 * Return: the octets written, 0 for a bad argument.
 */
unsigned int aiot_prof_id_put(u8 *p, const u8 *id, u8 id_bits)
{
	unsigned int n = id_octets(id_bits);

	if (!p || !id || !id_bits_ok(id_bits))
		return 0;
	p[0] = id_bits;
	memcpy(p + 1, id, n);
	p[n] &= last_mask(id_bits);
	return 1 + n;
}
EXPORT_SYMBOL_GPL(aiot_prof_id_put);

/**
 * aiot_prof_id_get() - check a received id_bits | ID
 * @p: the octets, deciphered
 * @len: their number
 * @id_bits: the length in bits, on success; the identity is at @p + 1
 *
 * Return: 0, or -EPROTO when the length is outside 1..AIOT_ID_MAX_BITS,
 * does not match @len, or a padding bit is set.
 */
int aiot_prof_id_get(const u8 *p, unsigned int len, u8 *id_bits)
{
	if (!p || !id_bits)
		return -EINVAL;
	if (len < 2 || !id_bits_ok(p[0]) || len != 1 + id_octets(p[0]) ||
	    (p[len - 1] & ~last_mask(p[0])))
		return -EPROTO;
	*id_bits = p[0];
	return 0;
}
EXPORT_SYMBOL_GPL(aiot_prof_id_get);

/* ---- solution-y ------------------------------------------------------ */

/**
 * aiot_soly_k_aiot() - k_AIoT = KDF(K, 0xA3, nonce1)
 * @k: K, AIOT_SOLY_K_LEN octets
 * @nonce1: AIOT_SOLY_NONCE1_LEN octets
 * @k_aiot: AIOT_SOLY_K_AIOT_LEN octets of output
 *
 * Cost: 1 KDF.  Return: 0 or a negative error.
 */
int aiot_soly_k_aiot(const u8 *k, const u8 *nonce1, u8 *k_aiot)
{
	return kdf(k, AIOT_SOLY_K_LEN, AIOT_SOLY_FC_K_AIOT, nonce1,
		   AIOT_SOLY_NONCE1_LEN, NULL, 0, k_aiot);
}
EXPORT_SYMBOL_GPL(aiot_soly_k_aiot);

/**
 * aiot_soly_k_ses() - k_AIoT_ses = KDF(k_AIoT, 0xA4, Nonce2)
 * @k_aiot: k_AIoT, all AIOT_SOLY_K_AIOT_LEN octets as the KDF key
 * @nonce2: AIOT_SOLY_NONCE2_LEN octets
 * @k_ses: AIOT_SOLY_K_SES_LEN octets of output
 *
 * Cost: 1 KDF.  Return: 0 or a negative error.
 */
int aiot_soly_k_ses(const u8 *k_aiot, const u8 *nonce2, u8 *k_ses)
{
	return kdf(k_aiot, AIOT_SOLY_K_AIOT_LEN, AIOT_SOLY_FC_K_SES, nonce2,
		   AIOT_SOLY_NONCE2_LEN, NULL, 0, k_ses);
}
EXPORT_SYMBOL_GPL(aiot_soly_k_ses);

/**
 * aiot_soly_k_command() - K_Command_enc and K_Command_int of a session
 * @k_ses: k_AIoT_ses, in the place of K_AIOTF
 * @k_enc: AIOT_SEC_KEY_LEN octets of output
 * @k_int: AIOT_SEC_KEY_LEN octets of output
 *
 * Exactly aiot_k_command() with k_AIoT_ses as K_AIOTF: KDF(k_AIoT_ses,
 * 0xA2, 0x01 / 0x02, 0x02), octets 16..31 of each.
 *
 * Cost: 2 KDF.  Return: 0 or a negative error.
 */
int aiot_soly_k_command(const u8 *k_ses, u8 *k_enc, u8 *k_int)
{
	BUILD_BUG_ON(AIOT_SOLY_K_SES_LEN != AIOT_K_AIOTF_LEN);
	return aiot_k_command(k_ses, k_enc, k_int);
}
EXPORT_SYMBOL_GPL(aiot_soly_k_command);

/**
 * aiot_soly_ctx_set_command() - key a context for a session's commands
 * @ctx: the context that will seal and open them (aiot_nas_seal(),
 *	aiot_nas_open()); it keeps the keys, unlike a scratch context
 * @k_ses: k_AIoT_ses
 *
 * aiot_sec_ctx_set_kaiotf() with k_AIoT_ses as K_AIOTF.
 *
 * Cost: 2 KDF.  Return: 0 or a negative error.
 */
int aiot_soly_ctx_set_command(struct aiot_sec_ctx *ctx, const u8 *k_ses)
{
	return aiot_sec_ctx_set_kaiotf(ctx, k_ses);
}
EXPORT_SYMBOL_GPL(aiot_soly_ctx_set_command);

/**
 * aiot_soly_pid_len() - length of a Y Paging Request's protected ID
 * @flags: AIOT_SOLY_PF_* of the paging
 * @id_bits: the identity's length in bits
 *
 * Return: ceil(@id_bits / 8), plus AIOT_SOLY_COUNTER_LEN with the COUNTER
 * flag; 0 without the PID flag (a group paging) or for a bad length.
 */
unsigned int aiot_soly_pid_len(u8 flags, u8 id_bits)
{
	if (!(flags & AIOT_SOLY_PF_PID) || !id_bits_ok(id_bits))
		return 0;
	return id_octets(id_bits) +
	       (flags & AIOT_SOLY_PF_COUNTER ? AIOT_SOLY_COUNTER_LEN : 0);
}
EXPORT_SYMBOL_GPL(aiot_soly_pid_len);

static const struct prof_use soly_paging = {
	.count = AIOT_SOLY_COUNT,
	.bearer = AIOT_SOLY_BEARER_PAGING,
	.dir = AIOT_NAS_DIR_R2D,
	.cipher = true,
	.maclen = AIOT_SOLY_MAC_LEN,
};

/**
 * aiot_soly_pid_seal() - the protected ID and MAC-P of a Y Paging Request
 * @ctx: scratch context
 * @k_aiot: k_AIoT of the paging's nonce1
 * @flags: AIOT_SOLY_PF_* of the paging: PID, and COUNTER and MAC as the
 *	configuration says (REPLAY, PAGING_MAC)
 * @id: the target's identity, MSB first (its padding bits are ignored)
 * @id_bits: its length, 1..AIOT_ID_MAX_BITS
 * @counter: the counter, sent with the COUNTER flag
 * @msg: the Y Paging Request being encoded, in the linear mapping:
 *	msg[0..off) holds the octets before the protected ID (security header
 *	type, message type, flags, nonce1)
 * @off: where the protected ID goes
 * @size: room at @msg
 *
 * Writes PID = NEA2(k_AIoT.enc, BEARER 1, R2D, ID | counter) at @msg +
 * @off, the ID zero padded to octets and the counter 4 octets big endian;
 * with the MAC flag, MAC-P = NIA2(k_AIoT.int, BEARER 1, R2D, msg[0..end of
 * PID)) right after it.
 *
 * Cost: ceil(p / 16) AES blocks for a PID of p octets, and with MAC-P
 * ceil((8 + off + p) / 16) + 1 more (32-bit ID, counter, MAC: 1 + 3).
 *
 * Return: @off + the PID's length [+ AIOT_SOLY_MAC_LEN], or a negative
 * error (-EINVAL for flags without PID or with spare bits).
 */
int aiot_soly_pid_seal(struct aiot_sec_ctx *ctx, const u8 *k_aiot, u8 flags,
		       const u8 *id, u8 id_bits, u32 counter, u8 *msg,
		       unsigned int off, unsigned int size)
{
	struct prof_use u = soly_paging;
	unsigned int plen = aiot_soly_pid_len(flags, id_bits);
	unsigned int n = id_octets(id_bits);

	if (!id || !msg || !plen || (flags & AIOT_SOLY_PF_SPARE_MASK))
		return -EINVAL;
	if (!(flags & AIOT_SOLY_PF_MAC))
		u.maclen = 0;
	if (off > size || size - off < plen + u.maclen)
		return -EMSGSIZE;
	memcpy(msg + off, id, n);
	msg[off + n - 1] &= last_mask(id_bits);
	if (flags & AIOT_SOLY_PF_COUNTER)
		put_be32(msg + off + n, counter);
	return part_seal(ctx, k_aiot, &u, msg, off, off + plen, size);
}
EXPORT_SYMBOL_GPL(aiot_soly_pid_seal);

/**
 * aiot_soly_pid_open() - is a Y Paging Request for this device?
 * @ctx: scratch context
 * @k_aiot: k_AIoT from the device's K and the paging's nonce1
 * @flags: AIOT_SOLY_PF_* of the paging
 * @msg: the received Y Paging Request, any memory (it is not changed)
 * @off: where its protected ID starts
 * @len: its length, MAC-P included
 * @id: the device's identity, MSB first (its padding bits are ignored)
 * @id_bits: its length
 * @plain: scratch of AIOT_SOLY_PID_MAX_LEN octets in the linear mapping;
 *	wiped on return
 * @counter: the paging's counter, on success with the COUNTER flag; may
 *	be NULL
 *
 * In the device's order (step 6): a protected ID of another length is not
 * this device's (no cost); else the PID is deciphered and compared with
 * the identity, padding bits included; only then, with the MAC flag, is
 * MAC-P checked over msg[0..len - 4).  Comparing the counter with the
 * device's own is the caller's (equality, the page's counter rule).
 *
 * Cost: ceil(p / 16) AES blocks for a PID of p octets (every device of the
 * length); the paged device, with MAC-P, ceil((len - 4 + 8) / 16) + 1 more.
 *
 * Return: 0 when the paging is for this device and authentic, -ENOENT
 * when it is not for it, -EBADMSG when MAC-P is wrong, -EPROTO for flags
 * without PID or with spare bits, or another negative error.
 */
int aiot_soly_pid_open(struct aiot_sec_ctx *ctx, const u8 *k_aiot, u8 flags,
		       const u8 *msg, unsigned int off, unsigned int len,
		       const u8 *id, u8 id_bits, u8 *plain, u32 *counter)
{
	struct prof_use u = soly_paging;
	unsigned int plen = aiot_soly_pid_len(flags, id_bits);
	unsigned int n = id_octets(id_bits);
	int err;

	if (!ctx || !k_aiot || !msg || !id || !plain || !id_bits_ok(id_bits) ||
	    off > len)
		return -EINVAL;
	if (!(flags & AIOT_SOLY_PF_PID) || (flags & AIOT_SOLY_PF_SPARE_MASK))
		return -EPROTO;
	if (!(flags & AIOT_SOLY_PF_MAC))
		u.maclen = 0;
	if (len - off != plen + u.maclen)
		return -ENOENT;
	memcpy(plain, msg + off, plen);
	err = load(ctx, k_aiot, true, false);
	if (!err)
		err = aiot_nea2_crypt(ctx, u.count, u.bearer, u.dir, plain, plain,
				      plen * 8);
	if (!err && !id_equal(plain, id, id_bits))
		err = -ENOENT;
	if (!err && u.maclen) {
		err = load(ctx, k_aiot, false, true);
		if (!err)
			err = mac_check(ctx, &u, msg, off + plen, msg + off + plen);
	}
	if (!err && counter && (flags & AIOT_SOLY_PF_COUNTER))
		*counter = get_be32(plain + n);
	aiot_sec_ctx_clear(ctx);
	prof_wipe(plain, plen);
	return err;
}
EXPORT_SYMBOL_GPL(aiot_soly_pid_open);

/**
 * aiot_soly_kid() - the key identifier of an answer to a group paging
 * @ctx: scratch context
 * @k_aiot: k_AIoT of the device and the paging's nonce1
 * @nonce1: the paging's nonce1
 * @kid: AIOT_SOLY_KID_LEN octets of output
 *
 * KID = the first 4 octets of AES-CMAC(k_AIoT.int, COUNT 0 | BEARER 5 |
 * D2R | nonce1), the CMAC of NIA2-64 (and so the 128-NIA2 MAC-I).  The
 * device sends it; the AIOTF computes it for every candidate device and
 * looks it up.
 *
 * Cost: ceil((8 + 8) / 16) + 1 = 2 AES blocks.  Return: 0 or a negative
 * error.
 */
int aiot_soly_kid(struct aiot_sec_ctx *ctx, const u8 *k_aiot,
		  const u8 *nonce1, u8 *kid)
{
	const struct prof_use u = {
		.count = AIOT_SOLY_COUNT,
		.bearer = AIOT_SOLY_BEARER_KID,
		.dir = AIOT_NAS_DIR_D2R,
		.maclen = AIOT_SOLY_KID_LEN,
	};
	int err;

	if (!ctx || !k_aiot || !nonce1 || !kid)
		return -EINVAL;
	err = load(ctx, k_aiot, false, true);
	if (!err)
		err = mac_make(ctx, &u, nonce1, AIOT_SOLY_NONCE1_LEN, kid);
	aiot_sec_ctx_clear(ctx);
	return err;
}
EXPORT_SYMBOL_GPL(aiot_soly_kid);

static void soly_access_use(struct prof_use *u, const u8 *nonce1)
{
	*u = (struct prof_use) {
		.count = AIOT_SOLY_COUNT,
		.bearer = AIOT_SOLY_BEARER_ACCESS,
		.dir = AIOT_NAS_DIR_D2R,
		.cipher = true,
		.maclen = AIOT_SOLY_ARES_LEN,
		.pre = nonce1,
		.plen = AIOT_SOLY_NONCE1_LEN,
	};
}

/**
 * aiot_soly_access_seal() - cipher a Y Access Response's part, add ARES
 * @ctx: scratch context
 * @k_ses: k_AIoT_ses of the access
 * @nonce1: the paging's nonce1
 * @msg: the Y Access Response being encoded, in the linear mapping:
 *	msg[0..off) the clear octets (security header type, message type,
 *	flags, Nonce2, KID), msg[off..len) the plain part to cipher: the
 *	counter, 4 octets big endian (RESYNC), or id_bits | ID
 *	(aiot_prof_id_put(), one-way); none when @off == @len
 * @off: start of the part
 * @len: its end
 * @size: room at @msg
 *
 * The part becomes NEA2(k_AIoT_ses.enc, BEARER 2, D2R, part); ARES =
 * NIA2-64(k_AIoT_ses.int, BEARER 2, D2R, nonce1 | msg[0..len)) follows it.
 *
 * Cost: ceil((len - off) / 16) + ceil((8 + 8 + len) / 16) + 1 AES blocks
 * (mutual, len 11: 3; one-way, 32-bit ID, len 16: 1 + 3).
 *
 * Return: @len + AIOT_SOLY_ARES_LEN, or a negative error.
 */
int aiot_soly_access_seal(struct aiot_sec_ctx *ctx, const u8 *k_ses,
			  const u8 *nonce1, u8 *msg, unsigned int off,
			  unsigned int len, unsigned int size)
{
	struct prof_use u;

	if (!nonce1)
		return -EINVAL;
	soly_access_use(&u, nonce1);
	return part_seal(ctx, k_ses, &u, msg, off, len, size);
}
EXPORT_SYMBOL_GPL(aiot_soly_access_seal);

/**
 * aiot_soly_access_open() - check ARES, decipher the part
 * @ctx: scratch context
 * @k_ses: k_AIoT_ses from the device's k_AIoT and the message's Nonce2
 * @nonce1: the nonce1 of the paging it answers
 * @msg: the received Y Access Response, ARES its last 8 octets, in the
 *	linear mapping
 * @off: start of its ciphered part (@len - AIOT_SOLY_ARES_LEN when none)
 * @len: its length
 *
 * Checks ARES over nonce1 | msg[0..len - 8) in constant time, then
 * deciphers msg[off..len - 8) in place; aiot_prof_id_get() then checks an
 * identity.
 *
 * Cost: as aiot_soly_access_seal() of the same message.
 *
 * Return: @len - AIOT_SOLY_ARES_LEN, -EBADMSG when ARES is wrong, -EPROTO
 * when the message is too short, or another negative error.
 */
int aiot_soly_access_open(struct aiot_sec_ctx *ctx, const u8 *k_ses,
			  const u8 *nonce1, u8 *msg, unsigned int off,
			  unsigned int len)
{
	struct prof_use u;

	if (!nonce1)
		return -EINVAL;
	soly_access_use(&u, nonce1);
	return part_open(ctx, k_ses, &u, msg, off, len);
}
EXPORT_SYMBOL_GPL(aiot_soly_access_open);

static const struct prof_use soly_nres = {
	.count = AIOT_SOLY_COUNT,
	.bearer = AIOT_SOLY_BEARER_NRES,
	.dir = AIOT_NAS_DIR_R2D,
	.maclen = AIOT_SOLY_NRES_LEN,
};

/**
 * aiot_soly_nres() - NRES = NIA2-64(k_AIoT_ses.int, BEARER 3, R2D, Nonce2)
 * @ctx: scratch context
 * @k_ses: k_AIoT_ses
 * @nonce2: the device's Nonce2
 * @nres: AIOT_SOLY_NRES_LEN octets of output
 *
 * Cost: ceil((8 + 8) / 16) + 1 = 2 AES blocks.  Return: 0 or a negative
 * error.
 */
int aiot_soly_nres(struct aiot_sec_ctx *ctx, const u8 *k_ses,
		   const u8 *nonce2, u8 *nres)
{
	int err;

	if (!ctx || !k_ses || !nonce2 || !nres)
		return -EINVAL;
	err = load(ctx, k_ses, false, true);
	if (!err)
		err = mac_make(ctx, &soly_nres, nonce2, AIOT_SOLY_NONCE2_LEN,
			       nres);
	aiot_sec_ctx_clear(ctx);
	return err;
}
EXPORT_SYMBOL_GPL(aiot_soly_nres);

/**
 * aiot_soly_nres_verify() - the device's check of NRES, constant time
 * @ctx: scratch context
 * @k_ses: k_AIoT_ses of the session
 * @nonce2: its Nonce2
 * @nres: the received NRES, AIOT_SOLY_NRES_LEN octets
 *
 * Cost: 2 AES blocks.  Return: 0, -EBADMSG when NRES is wrong, or another
 * negative error.
 */
int aiot_soly_nres_verify(struct aiot_sec_ctx *ctx, const u8 *k_ses,
			  const u8 *nonce2, const u8 *nres)
{
	int err;

	if (!ctx || !k_ses || !nonce2 || !nres)
		return -EINVAL;
	err = load(ctx, k_ses, false, true);
	if (!err)
		err = mac_check(ctx, &soly_nres, nonce2, AIOT_SOLY_NONCE2_LEN,
				nres);
	aiot_sec_ctx_clear(ctx);
	return err;
}
EXPORT_SYMBOL_GPL(aiot_soly_nres_verify);

static const struct prof_use soly_ident = {
	.count = AIOT_SOLY_COUNT,
	.bearer = AIOT_SOLY_BEARER_PID,
	.dir = AIOT_NAS_DIR_D2R,
	.cipher = true,
	.maclen = AIOT_SOLY_MAC_LEN,
};

/**
 * aiot_soly_ident_seal() - the protected identity of a Y Protected Identity
 * @ctx: scratch context
 * @k_ses: k_AIoT_ses of the session
 * @id: the device's identity
 * @id_bits: its length
 * @msg: the message being encoded, in the linear mapping: msg[0..off) its
 *	security header type and message type
 * @off: where the protected identity goes
 * @size: room at @msg
 *
 * PID_D = NEA2(k_AIoT_ses.enc, BEARER 4, D2R, id_bits | ID) at @msg + @off,
 * then MAC = NIA2(k_AIoT_ses.int, BEARER 4, D2R, msg[0..end of PID_D)).
 *
 * Cost: ceil(p / 16) + ceil((8 + off + p) / 16) + 1 AES blocks for p = 1 +
 * ceil(@id_bits / 8) (32-bit ID: 1 + 2).
 *
 * Return: the message's length with its MAC, or a negative error.
 */
int aiot_soly_ident_seal(struct aiot_sec_ctx *ctx, const u8 *k_ses,
			 const u8 *id, u8 id_bits, u8 *msg, unsigned int off,
			 unsigned int size)
{
	unsigned int p = 1 + id_octets(id_bits);

	if (!id || !msg || !id_bits_ok(id_bits))
		return -EINVAL;
	if (off > size || size - off < p + soly_ident.maclen)
		return -EMSGSIZE;
	aiot_prof_id_put(msg + off, id, id_bits);
	return part_seal(ctx, k_ses, &soly_ident, msg, off, off + p, size);
}
EXPORT_SYMBOL_GPL(aiot_soly_ident_seal);

/**
 * aiot_soly_ident_open() - check and decipher a Y Protected Identity
 * @ctx: scratch context
 * @k_ses: k_AIoT_ses of the session
 * @msg: the received message, MAC last, in the linear mapping
 * @off: where its protected identity starts
 * @len: its length
 * @id_bits: the identity's length, on success; the identity is then at
 *	@msg + @off + 1, deciphered
 *
 * Cost: as aiot_soly_ident_seal().
 *
 * Return: 0, -EBADMSG when the MAC is wrong (the message unchanged),
 * -EPROTO when the deciphered id_bits | ID is malformed, or another
 * negative error.
 */
int aiot_soly_ident_open(struct aiot_sec_ctx *ctx, const u8 *k_ses, u8 *msg,
			 unsigned int off, unsigned int len, u8 *id_bits)
{
	int n;

	if (!id_bits)
		return -EINVAL;
	n = part_open(ctx, k_ses, &soly_ident, msg, off, len);
	if (n < 0)
		return n;
	return aiot_prof_id_get(msg + off, n - off, id_bits);
}
EXPORT_SYMBOL_GPL(aiot_soly_ident_open);

/* ---- solution-9 ------------------------------------------------------ */

/**
 * aiot_sol9_k_n() - k_N = KDF(K, 0xA5, NN)
 * @k: K, AIOT_SOL9_K_LEN octets
 * @nn: the Network Nonce, AIOT_SOL9_NN_LEN octets
 * @k_n: AIOT_KDF_OUT_LEN octets of output
 *
 * Cost: 1 KDF.  Return: 0 or a negative error.
 */
int aiot_sol9_k_n(const u8 *k, const u8 *nn, u8 *k_n)
{
	return kdf(k, AIOT_SOL9_K_LEN, AIOT_SOL9_FC_K_N, nn, AIOT_SOL9_NN_LEN,
		   NULL, 0, k_n);
}
EXPORT_SYMBOL_GPL(aiot_sol9_k_n);

/**
 * aiot_sol9_k_nd() - k_ND = KDF(K, 0xA6, NN, DN)
 * @k: K
 * @nn: the Network Nonce
 * @dn: the Device Nonce, AIOT_SOL9_DN_LEN octets
 * @k_nd: AIOT_KDF_OUT_LEN octets of output
 *
 * Cost: 1 KDF.  Return: 0 or a negative error.
 */
int aiot_sol9_k_nd(const u8 *k, const u8 *nn, const u8 *dn, u8 *k_nd)
{
	if (!dn)
		return -EINVAL;
	return kdf(k, AIOT_SOL9_K_LEN, AIOT_SOL9_FC_K_ND, nn, AIOT_SOL9_NN_LEN,
		   dn, AIOT_SOL9_DN_LEN, k_nd);
}
EXPORT_SYMBOL_GPL(aiot_sol9_k_nd);

/* T-ID (dn NULL) or T-ID*: the last 8 octets of KDF(K, 0xA7, NN [, DN]) */
static int tid_any(const u8 *k, const u8 *nn, const u8 *dn, u8 *tid)
{
	u8 out[AIOT_KDF_OUT_LEN];
	int err;

	if (!tid)
		return -EINVAL;
	err = kdf(k, AIOT_SOL9_K_LEN, AIOT_SOL9_FC_TID, nn, AIOT_SOL9_NN_LEN,
		  dn, AIOT_SOL9_DN_LEN, out);
	if (!err)
		memcpy(tid, out + AIOT_SOL9_TID_OFFSET, AIOT_SOL9_TID_LEN);
	prof_wipe(out, sizeof(out));
	return err;
}

static int tid_cmp(const u8 *k, const u8 *nn, const u8 *dn, const u8 *tid,
		   int differ)
{
	u8 want[AIOT_SOL9_TID_LEN];
	int err;

	if (!tid)
		return -EINVAL;
	err = tid_any(k, nn, dn, want);
	if (!err && prof_memneq(want, tid, AIOT_SOL9_TID_LEN))
		err = differ;
	prof_wipe(want, sizeof(want));
	return err;
}

/**
 * aiot_sol9_tid() - the HMAC temporary ID of a paging
 * @k: K
 * @nn: the paging's Network Nonce
 * @tid: AIOT_SOL9_TID_LEN octets of output: the last ones of KDF(K, 0xA7,
 *	NN)
 *
 * Cost: 1 KDF.  Return: 0 or a negative error.
 */
int aiot_sol9_tid(const u8 *k, const u8 *nn, u8 *tid)
{
	return tid_any(k, nn, NULL, tid);
}
EXPORT_SYMBOL_GPL(aiot_sol9_tid);

/**
 * aiot_sol9_tid_star() - the device's temporary ID T-ID*
 * @k: K
 * @nn: the paging's Network Nonce
 * @dn: the device's Device Nonce
 * @tid: AIOT_SOL9_TID_LEN octets of output: the last ones of KDF(K, 0xA7,
 *	NN, DN)
 *
 * Cost: 1 KDF.  Return: 0 or a negative error.
 */
int aiot_sol9_tid_star(const u8 *k, const u8 *nn, const u8 *dn, u8 *tid)
{
	if (!dn)
		return -EINVAL;
	return tid_any(k, nn, dn, tid);
}
EXPORT_SYMBOL_GPL(aiot_sol9_tid_star);

/**
 * aiot_sol9_tid_match() - is a paging's T-ID this device's?
 * @k: the device's K
 * @nn: the paging's Network Nonce
 * @tid: the paging's T-ID, AIOT_SOL9_TID_LEN octets
 *
 * Cost: 1 KDF (every device).  Return: 0 when it is, -ENOENT when not
 * (compared in constant time), or another negative error.
 */
int aiot_sol9_tid_match(const u8 *k, const u8 *nn, const u8 *tid)
{
	return tid_cmp(k, nn, NULL, tid, -ENOENT);
}
EXPORT_SYMBOL_GPL(aiot_sol9_tid_match);

/**
 * aiot_sol9_tid_star_verify() - the AIOTF's check of a received T-ID*
 * @k: the paged device's K
 * @nn: the paging's Network Nonce
 * @dn: the answer's Device Nonce
 * @tid: the received T-ID*
 *
 * Cost: 1 KDF.  Return: 0 when it is the device's, -EBADMSG when not
 * (compared in constant time), or another negative error.
 */
int aiot_sol9_tid_star_verify(const u8 *k, const u8 *nn, const u8 *dn,
			      const u8 *tid)
{
	if (!dn)
		return -EINVAL;
	return tid_cmp(k, nn, dn, tid, -EBADMSG);
}
EXPORT_SYMBOL_GPL(aiot_sol9_tid_star_verify);

/**
 * aiot_sol9_pid_protect() - the protected ID of a solution-9 paging
 * @ctx: scratch context
 * @k_n: k_N of the paging's NN
 * @id: the target's identity, MSB first
 * @id_bits: its length, 1..AIOT_ID_MAX_BITS
 * @pid: ceil(@id_bits / 8) octets of output in the linear mapping: NEA2(
 *	k_N.enc, BEARER 1, R2D) over the identity's @id_bits bits, the bits
 *	after them zero.  It fills the paging's identity field (type 3) with
 *	the identity's length; there is no MAC.
 *
 * Cost: ceil(ceil(@id_bits / 8) / 16) AES blocks.  Return: 0 or a negative
 * error.
 */
int aiot_sol9_pid_protect(struct aiot_sec_ctx *ctx, const u8 *k_n,
			  const u8 *id, u8 id_bits, u8 *pid)
{
	unsigned int n = id_octets(id_bits);
	int err;

	if (!ctx || !k_n || !id || !pid || !id_bits_ok(id_bits))
		return -EINVAL;
	memcpy(pid, id, n);
	err = load(ctx, k_n, true, false);
	if (!err)
		err = aiot_nea2_crypt(ctx, AIOT_SOL9_COUNT, AIOT_SOL9_BEARER_ID,
				      AIOT_NAS_DIR_R2D, pid, pid, id_bits);
	aiot_sec_ctx_clear(ctx);
	if (err)
		prof_wipe(pid, n);
	return err;
}
EXPORT_SYMBOL_GPL(aiot_sol9_pid_protect);

/**
 * aiot_sol9_pid_match() - is a solution-9 paging's protected ID this
 *	device's?
 * @ctx: scratch context
 * @k_n: k_N from the device's K and the paging's NN
 * @pid: the paging's identity field, any memory
 * @pid_bits: its length in bits
 * @id: the device's identity
 * @id_bits: its length
 * @plain: scratch of ceil(@id_bits / 8) octets in the linear mapping,
 *	wiped on return
 *
 * Deciphering to one's own identity is the check (no MAC).
 *
 * Cost: none when the lengths differ, else ceil(ceil(@id_bits / 8) / 16)
 * AES blocks.  Return: 0 when it is, -ENOENT when not, or a negative error.
 */
int aiot_sol9_pid_match(struct aiot_sec_ctx *ctx, const u8 *k_n,
			const u8 *pid, u8 pid_bits, const u8 *id, u8 id_bits,
			u8 *plain)
{
	unsigned int n = id_octets(id_bits);
	int err;

	if (!ctx || !k_n || !pid || !id || !plain || !id_bits_ok(id_bits))
		return -EINVAL;
	if (pid_bits != id_bits)
		return -ENOENT;
	memcpy(plain, pid, n);
	err = load(ctx, k_n, true, false);
	if (!err)
		err = aiot_nea2_crypt(ctx, AIOT_SOL9_COUNT, AIOT_SOL9_BEARER_ID,
				      AIOT_NAS_DIR_R2D, plain, plain, id_bits);
	if (!err && !id_equal(plain, id, id_bits))
		err = -ENOENT;
	aiot_sec_ctx_clear(ctx);
	prof_wipe(plain, n);
	return err;
}
EXPORT_SYMBOL_GPL(aiot_sol9_pid_match);

/**
 * aiot_sol9_policy_valid() - is a Security Policy octet well formed?
 * @policy: the octet
 *
 * Return: false when a spare bit is set or the ID protection or the
 * integrity field holds its reserved value.
 */
bool aiot_sol9_policy_valid(u8 policy)
{
	return !(policy & AIOT_SOL9_POL_SPARE_MASK) &&
	       (policy & AIOT_SOL9_POL_IDP_MASK) != AIOT_SOL9_POL_IDP_RESERVED &&
	       (policy & AIOT_SOL9_POL_INT_MASK) != AIOT_SOL9_POL_INT_RESERVED;
}
EXPORT_SYMBOL_GPL(aiot_sol9_policy_valid);

/**
 * aiot_sol9_policy_check() - may a message with this policy be accepted?
 * @cfg: the receiver's configuration: AIOT_SOL9_CFG_*, its pre-configured
 *	Security Policy in the low octet (the AIOTF opening a response: the
 *	request's policy, with FLOOR)
 * @policy: the message's Security Policy octet
 *
 * With FLOOR the policy must not be weaker than the configured one: the
 * same ID protection, ciphered when the configured policy ciphers, and an
 * integrity scope at least as wide (none < payload < entire message).
 * Without FLOOR every valid policy is accepted (the seed's letter).
 *
 * Return: 0, -EPROTO for a policy with a reserved value or a spare bit,
 * -EACCES for one below the floor, -EINVAL for a bad @cfg.
 */
int aiot_sol9_policy_check(u32 cfg, u8 policy)
{
	u8 floor = cfg & AIOT_SOL9_CFG_POLICY_MASK;

	if ((cfg & ~AIOT_SOL9_CFG_ALL) || !aiot_sol9_policy_valid(floor))
		return -EINVAL;
	if (!aiot_sol9_policy_valid(policy))
		return -EPROTO;
	if (!(cfg & AIOT_SOL9_CFG_FLOOR))
		return 0;
	if ((policy & AIOT_SOL9_POL_IDP_MASK) != (floor & AIOT_SOL9_POL_IDP_MASK) ||
	    ((floor & AIOT_SOL9_POL_CIPHER) && !(policy & AIOT_SOL9_POL_CIPHER)) ||
	    (policy & AIOT_SOL9_POL_INT_MASK) < (floor & AIOT_SOL9_POL_INT_MASK))
		return -EACCES;
	return 0;
}
EXPORT_SYMBOL_GPL(aiot_sol9_policy_check);

static const struct prof_use sol9_auth = {
	.count = AIOT_SOL9_COUNT,
	.bearer = AIOT_SOL9_BEARER_AUTH,
	.dir = AIOT_NAS_DIR_D2R,
	.maclen = AIOT_SOL9_MAC_LEN,
};

/* The use of k_ND in a 9 Authentication Response, by its ID protection */
static int sol9_auth_use(u8 policy, struct prof_use *u)
{
	switch (policy & AIOT_SOL9_POL_IDP_MASK) {
	case AIOT_SOL9_POL_IDP_PID:
		*u = sol9_auth;
		u->cipher = true;
		return 0;
	case AIOT_SOL9_POL_IDP_CLEAR:
		*u = sol9_auth;
		return 0;
	default:	/* T-ID*: aiot_sol9_tid_star() */
		return -EINVAL;
	}
}

/**
 * aiot_sol9_auth_seal() - the identity part of a 9 Authentication Response
 * @ctx: scratch context
 * @k_nd: k_ND of the paging's NN and the device's DN
 * @policy: the device's Security Policy: protected ID or clear ID (the
 *	temporary ID policy sends T-ID*, aiot_sol9_tid_star(), instead)
 * @id: the device's identity
 * @id_bits: its length
 * @msg: the message being encoded, in the linear mapping: msg[0..off) its
 *	security header type, message type, policy and DN
 * @off: where the identity part goes
 * @size: room at @msg
 *
 * Writes id_bits | ID at @msg + @off, ciphered into PID* = NEA2(k_ND.enc,
 * BEARER 2, D2R, id_bits | ID) with the protected ID policy, then MAC* =
 * NIA2(k_ND.int, BEARER 2, D2R, msg[0..end of the part)).
 *
 * Cost: ceil(p / 16) (protected ID only) + ceil((8 + off + p) / 16) + 1
 * AES blocks for p = 1 + ceil(@id_bits / 8) (32-bit ID, off 11: 1 + 3).
 *
 * Return: the message's length with MAC*, or a negative error (-EINVAL for
 * a policy that is not valid or sends T-ID*).
 */
int aiot_sol9_auth_seal(struct aiot_sec_ctx *ctx, const u8 *k_nd, u8 policy,
			const u8 *id, u8 id_bits, u8 *msg, unsigned int off,
			unsigned int size)
{
	unsigned int p = 1 + id_octets(id_bits);
	struct prof_use u;

	if (!id || !msg || !id_bits_ok(id_bits) ||
	    !aiot_sol9_policy_valid(policy) || sol9_auth_use(policy, &u))
		return -EINVAL;
	if (off > size || size - off < p + u.maclen)
		return -EMSGSIZE;
	aiot_prof_id_put(msg + off, id, id_bits);
	return part_seal(ctx, k_nd, &u, msg, off, off + p, size);
}
EXPORT_SYMBOL_GPL(aiot_sol9_auth_seal);

/**
 * aiot_sol9_auth_open() - check a 9 Authentication Response's identity
 * @ctx: scratch context
 * @k_nd: k_ND of the paging's NN and the message's DN
 * @policy: the message's Security Policy octet
 * @msg: the received message, MAC* last, in the linear mapping
 * @off: where its identity part starts
 * @len: its length
 * @id_bits: the identity's length, on success; the identity is then at
 *	@msg + @off + 1, deciphered; comparing it with the paged one is the
 *	caller's
 *
 * Cost: as aiot_sol9_auth_seal().
 *
 * Return: 0, -EBADMSG when MAC* is wrong (the message unchanged), -EPROTO
 * for a reserved policy or a malformed id_bits | ID, -EINVAL for the
 * temporary ID policy, or another negative error.
 */
int aiot_sol9_auth_open(struct aiot_sec_ctx *ctx, const u8 *k_nd, u8 policy,
			u8 *msg, unsigned int off, unsigned int len,
			u8 *id_bits)
{
	struct prof_use u;
	int n;

	if (!id_bits)
		return -EINVAL;
	if (!aiot_sol9_policy_valid(policy))
		return -EPROTO;
	n = sol9_auth_use(policy, &u);
	if (!n)
		n = part_open(ctx, k_nd, &u, msg, off, len);
	if (n < 0)
		return n;
	return aiot_prof_id_get(msg + off, n - off, id_bits);
}
EXPORT_SYMBOL_GPL(aiot_sol9_auth_open);

/*
 * The use of a key in a command message under @policy; @pre (room for
 * PROF_HEAD_MAX octets) receives what an "entire message" MAC covers
 * before the message: NN' and, in a request, the paging's identity field
 * zero padded to whole octets.  A "payload" MAC covers the payload alone.
 */
static int sol9_cmd_use(u8 policy, u8 dir, const u8 *nn,
			const struct aiot_sol9_paging *pg, u8 *pre,
			struct prof_use *u)
{
	unsigned int n;

	*u = (struct prof_use) {
		.count = AIOT_SOL9_COUNT,
		.bearer = AIOT_SOL9_BEARER_CMD,
		.dir = dir,
		.cipher = policy & AIOT_SOL9_POL_CIPHER,
		.pre = pre,
	};
	if ((policy & AIOT_SOL9_POL_INT_MASK) != AIOT_SOL9_POL_INT_NONE)
		u->maclen = AIOT_SOL9_MAC_LEN;
	u->payload_only = (policy & AIOT_SOL9_POL_INT_MASK) ==
			  AIOT_SOL9_POL_INT_PAYLOAD;
	if (!nn || (pg && (!pg->idf || !id_bits_ok(pg->idf_bits))))
		return -EINVAL;
	if (u->payload_only || !u->maclen)
		return 0;
	memcpy(pre, nn, AIOT_SOL9_NN_LEN);
	u->plen = AIOT_SOL9_NN_LEN;
	if (!pg)
		return 0;
	n = id_octets(pg->idf_bits);
	memcpy(pre + u->plen, pg->idf, n);
	pre[u->plen + n - 1] &= last_mask(pg->idf_bits);
	u->plen += n;
	return 0;
}

/* A command's payload is at least its message type octet */
static int sol9_cmd_seal(struct aiot_sec_ctx *ctx, const u8 *key, u8 policy,
			 u8 dir, const u8 *nn,
			 const struct aiot_sol9_paging *pg, u8 *msg,
			 unsigned int off, unsigned int len, unsigned int size)
{
	u8 pre[PROF_HEAD_MAX];
	struct prof_use u;

	if (!aiot_sol9_policy_valid(policy) || off >= len ||
	    sol9_cmd_use(policy, dir, nn, pg, pre, &u))
		return -EINVAL;
	return part_seal(ctx, key, &u, msg, off, len, size);
}

static int sol9_cmd_open(struct aiot_sec_ctx *ctx, const u8 *key, u32 cfg,
			 u8 policy, u8 dir, const u8 *nn,
			 const struct aiot_sol9_paging *pg, u8 *msg,
			 unsigned int off, unsigned int len)
{
	u8 pre[PROF_HEAD_MAX];
	struct prof_use u;
	int err;

	err = aiot_sol9_policy_check(cfg, policy);
	if (!err)
		err = sol9_cmd_use(policy, dir, nn, pg, pre, &u);
	if (err)
		return err;
	if (len < u.maclen || len - u.maclen <= off)
		return -EPROTO;
	return part_open(ctx, key, &u, msg, off, len);
}

/**
 * aiot_sol9_req_seal() - protect a 9 Command Request
 * @ctx: scratch context
 * @k_n: k_N' of the command's paging's NN'
 * @policy: the Security Policy octet the message carries
 * @pg: NN' and the identity field of that paging
 * @msg: the message being encoded, in the linear mapping: msg[0..off) its
 *	security header type, message type and policy, msg[off..len) the
 *	payload (a plain Read, Write or Disable Request without its security
 *	header type octet, at least one octet)
 * @off: start of the payload
 * @len: its end
 * @size: room at @msg
 *
 * With the policy's CIPHER bit the payload becomes NEA2(k_N'.enc, BEARER 3,
 * R2D, payload); then, by its integrity field, MAC = NIA2(k_N'.int, BEARER
 * 3, R2D, NN' | identity field | msg[0..len)) ("entire message"; the field
 * zero padded to whole octets), or over msg[off..len) alone ("payload"), or
 * none.  Ciphered before the MAC: the MAC covers the payload as sent.
 *
 * Cost: ceil((len - off) / 16) when ciphered, plus ceil((8 + 8 + f + len) /
 * 16) + 1 ("entire message", f octets of identity field) or ceil((8 + len -
 * off) / 16) + 1 ("payload") AES blocks; a Read under the default policy,
 * 32-bit protected ID: 1 + 3.
 *
 * Return: @len [+ AIOT_SOL9_MAC_LEN], or a negative error (-EINVAL for a
 * policy with a reserved value or a spare bit).
 */
int aiot_sol9_req_seal(struct aiot_sec_ctx *ctx, const u8 *k_n, u8 policy,
		       const struct aiot_sol9_paging *pg, u8 *msg,
		       unsigned int off, unsigned int len, unsigned int size)
{
	if (!pg)
		return -EINVAL;
	return sol9_cmd_seal(ctx, k_n, policy, AIOT_NAS_DIR_R2D, pg->nn, pg,
			     msg, off, len, size);
}
EXPORT_SYMBOL_GPL(aiot_sol9_req_seal);

/**
 * aiot_sol9_req_open() - the device's checks of a 9 Command Request
 * @ctx: scratch context
 * @k_n: k_N' from the device's K and the paging's NN'
 * @cfg: the device's configuration (AIOT_SOL9_CFG_*)
 * @policy: the message's Security Policy octet
 * @pg: NN' and the identity field of the paging that selected the device
 * @msg: the received message, its MAC (if the policy has one) last, in the
 *	linear mapping
 * @off: start of its payload
 * @len: its length
 *
 * In the device's order (step 6): the policy (aiot_sol9_policy_check(): a
 * reserved value or, with FLOOR, a policy below the configured one is
 * refused before any cryptography), then the MAC in constant time, then
 * the payload deciphered in place.  A policy without integrity has no MAC
 * to check: without FLOOR such a request is accepted as it is (A7).
 *
 * Cost: as aiot_sol9_req_seal(); nothing when the policy is refused.
 *
 * Return: @len [- AIOT_SOL9_MAC_LEN], -EPROTO (reserved policy, no
 * payload), -EACCES (below the floor), -EBADMSG (MAC wrong; the message
 * unchanged), or another negative error.
 */
int aiot_sol9_req_open(struct aiot_sec_ctx *ctx, const u8 *k_n, u32 cfg,
		       u8 policy, const struct aiot_sol9_paging *pg, u8 *msg,
		       unsigned int off, unsigned int len)
{
	if (!pg)
		return -EINVAL;
	return sol9_cmd_open(ctx, k_n, cfg, policy, AIOT_NAS_DIR_R2D, pg->nn,
			     pg, msg, off, len);
}
EXPORT_SYMBOL_GPL(aiot_sol9_req_open);

/**
 * aiot_sol9_rsp_seal() - protect a 9 Command Response
 * @ctx: scratch context
 * @k_nd: k_ND' of the request's NN' and the response's DN'
 * @policy: that of the request
 * @nn: the request's NN'
 * @msg: the message being encoded, in the linear mapping: msg[0..off) its
 *	security header type, message type, policy and DN', msg[off..len) the
 *	payload (a plain response without its security header type octet)
 * @off: start of the payload
 * @len: its end
 * @size: room at @msg
 *
 * As aiot_sol9_req_seal() with k_ND', DIRECTION D2R, and NN' alone before
 * the message in an "entire message" MAC.
 *
 * Cost: ceil((len - off) / 16) when ciphered, plus ceil((8 + 8 + len) / 16)
 * + 1 ("entire message") or ceil((8 + len - off) / 16) + 1 ("payload") AES
 * blocks; a Read Response of 4 octets under the default policy: 1 + 4.
 *
 * Return: @len [+ AIOT_SOL9_MAC_LEN], or a negative error.
 */
int aiot_sol9_rsp_seal(struct aiot_sec_ctx *ctx, const u8 *k_nd, u8 policy,
		       const u8 *nn, u8 *msg, unsigned int off,
		       unsigned int len, unsigned int size)
{
	return sol9_cmd_seal(ctx, k_nd, policy, AIOT_NAS_DIR_D2R, nn, NULL, msg,
			     off, len, size);
}
EXPORT_SYMBOL_GPL(aiot_sol9_rsp_seal);

/**
 * aiot_sol9_rsp_open() - the AIOTF's checks of a 9 Command Response
 * @ctx: scratch context
 * @k_nd: k_ND' of the request's NN' and the message's DN'
 * @cfg: what the response may not go below: the request's policy with
 *	AIOT_SOL9_CFG_FLOOR
 * @policy: the message's Security Policy octet
 * @nn: the request's NN'
 * @msg: the received message, MAC last, in the linear mapping
 * @off: start of its payload
 * @len: its length
 *
 * As aiot_sol9_req_open() for the response.
 *
 * Cost: as aiot_sol9_rsp_seal().
 *
 * Return: as aiot_sol9_req_open().
 */
int aiot_sol9_rsp_open(struct aiot_sec_ctx *ctx, const u8 *k_nd, u32 cfg,
		       u8 policy, const u8 *nn, u8 *msg, unsigned int off,
		       unsigned int len)
{
	return sol9_cmd_open(ctx, k_nd, cfg, policy, AIOT_NAS_DIR_D2R, nn,
			     NULL, msg, off, len);
}
EXPORT_SYMBOL_GPL(aiot_sol9_rsp_open);
