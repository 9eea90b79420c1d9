// SPDX-License-Identifier: GPL-2.0
/*
 * aiot security engine: 128-NIA2 (AES-CMAC), 128-NEA2 (AES-CTR), the
 * TS 33.220 KDF (HMAC-SHA-256) and the A-IoT key derivations, all through
 * the kernel crypto API so that an AES engine of the platform is used when
 * the crypto API has a driver for it.  Context rules: see sec.h.
 *
 * 128-NIA2 is AES-CMAC over a bit string.  The crypto API's cmac(aes) is
 * byte oriented; a message whose bit length is a multiple of 8 goes to it
 * as is.  For any other length the last, partial block is completed here:
 * SP 800-38B pads it with a 1 bit and zeros and XORs it with subkey K2,
 * while cmac(aes), given a whole number of blocks, XORs the last one with
 * K1.  Feeding it the padded block XOR (K1 ^ K2) therefore yields the bit
 * string's CMAC.  K1 ^ K2 is computed once per key, when the key is set,
 * from L = AES-K(0^128), which is the first CTR keystream block for IV 0.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <crypto/aes.h>
#include <crypto/algapi.h>
#include <crypto/hash.h>
#include <crypto/skcipher.h>
#include <kunit/visibility.h>
#include <linux/atomic.h>
#include <linux/cache.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/module.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>

#include "sec.h"

/**
 * struct aiot_sec_ctx - the keys of one security context (session)
 * @k_enc: K_Command_enc or any 128-NEA2 key
 * @k_int: K_Command_int or any 128-NIA2 key
 * @k1k2: K1 ^ K2, the CMAC subkeys of @k_int, for bit-granular messages
 * @id: names this key set in the transform slots; 0 when no key is set
 * @has_enc: @k_enc is set
 * @has_int: @k_int (and @k1k2) are set
 */
struct aiot_sec_ctx {
	u8 k_enc[AIOT_SEC_KEY_LEN] __aligned(16);
	u8 k_int[AIOT_SEC_KEY_LEN] __aligned(16);
	u8 k1k2[AES_BLOCK_SIZE];
	u64 id;
	bool has_enc;
	bool has_int;
};

/**
 * struct aiot_sec_slot - one set of shared transforms
 * @lock: serialises every use of the slot's transforms
 * @cmac: cmac(aes), for 128-NIA2
 * @ctr: ctr(aes), for 128-NEA2 and the CMAC subkeys
 * @hmac: hmac(sha256), for the KDF; re-keyed with zeros after each use
 * @cmac_tag: key tag loaded in @cmac (context id << 1 | 1), 0 for none
 * @ctr_tag: key tag loaded in @ctr (context id << 1 | 0 or 1), 0 for none
 * @block: one AES block of scratch in the linear mapping, for scatterlists
 */
struct aiot_sec_slot {
	spinlock_t lock;	/* serialises the use of the transforms */
	struct crypto_shash *cmac;
	struct crypto_sync_skcipher *ctr;
	struct crypto_shash *hmac;
	u64 cmac_tag;
	u64 ctr_tag;
	u8 block[AES_BLOCK_SIZE];
} ____cacheline_aligned_in_smp;

static struct aiot_sec_slot *aiot_sec_slots;
static unsigned int aiot_sec_nslots;
static atomic64_t aiot_sec_next_id = ATOMIC64_INIT(0);
static char aiot_sec_drivers[AIOT_SEC_TFM_NUM][CRYPTO_MAX_ALG_NAME];

/*
 * Loaded into a transform to overwrite a key schedule that must not stay.
 * Keys handed to setkey are aligned, so that the crypto API never needs
 * its (allocating) unaligned-key path.
 */
static const u8 aiot_sec_zero_key[AIOT_KDF_OUT_LEN] __aligned(16);

#define TAG_ENC(id)	((id) << 1)
#define TAG_INT(id)	((id) << 1 | 1)

/* The slot for this CPU. The caller takes its lock before using it. */
static struct aiot_sec_slot *slot_here(void)
{
	return &aiot_sec_slots[raw_smp_processor_id() % aiot_sec_nslots];
}

static int slot_load_cmac(struct aiot_sec_slot *s,
			  const struct aiot_sec_ctx *ctx)
{
	int err;

	if (s->cmac_tag == TAG_INT(ctx->id))
		return 0;
	s->cmac_tag = 0;
	err = crypto_shash_setkey(s->cmac, ctx->k_int, AIOT_SEC_KEY_LEN);
	if (!err)
		s->cmac_tag = TAG_INT(ctx->id);
	return err;
}

static int slot_load_ctr(struct aiot_sec_slot *s, const u8 *key, u64 tag)
{
	int err;

	if (s->ctr_tag == tag)
		return 0;
	s->ctr_tag = 0;
	err = crypto_sync_skcipher_setkey(s->ctr, key, AIOT_SEC_KEY_LEN);
	if (!err)
		s->ctr_tag = tag;
	return err;
}

/* COUNT[32] | BEARER[5] | DIRECTION[1] | 0^26 (TS 33.401 B.2.3) */
static void nas_header(u8 *hdr, u32 count, u8 bearer, u8 dir)
{
	hdr[0] = count >> 24;
	hdr[1] = count >> 16;
	hdr[2] = count >> 8;
	hdr[3] = count;
	hdr[4] = bearer << 3 | dir << 2;
	hdr[5] = 0;
	hdr[6] = 0;
	hdr[7] = 0;
}

/* Multiplication by x in GF(2^128), SP 800-38B, without secret branches */
static void gf128_double(u8 *out, const u8 *in)
{
	u8 msb = in[0] >> 7;
	int i;

	for (i = 0; i < AES_BLOCK_SIZE - 1; i++)
		out[i] = in[i] << 1 | in[i + 1] >> 7;
	out[AES_BLOCK_SIZE - 1] = in[AES_BLOCK_SIZE - 1] << 1 ^ (0x87 & -msb);
}

static int check_args(const struct aiot_sec_ctx *ctx, bool need_enc,
		      bool need_int, u8 bearer, u8 dir, const void *msg,
		      u32 bits)
{
	if (!ctx || bearer > AIOT_SEC_BEARER_MAX || dir > 1)
		return -EINVAL;
	if (bits > AIOT_SEC_MSG_MAX_LEN * 8U)
		return -EMSGSIZE;
	if (bits && !msg)
		return -EINVAL;
	if ((need_enc && !ctx->has_enc) || (need_int && !ctx->has_int))
		return -ENOKEY;
	return 0;
}

/* Octets [off, off + len) of the octet string prefix | message */
static void stream_copy(u8 *dst, const u8 *prefix, u32 plen, const u8 *msg,
			u32 off, u32 len)
{
	u32 i;

	for (i = off; i < off + len; i++)
		*dst++ = i < plen ? prefix[i] : msg[i - plen];
}

/* Hash octets [0, len) of prefix | message */
static int stream_update(struct shash_desc *desc, const u8 *prefix, u32 plen,
			 const u8 *msg, u32 len)
{
	u32 head = min(len, plen);
	int err = 0;

	if (head)
		err = crypto_shash_update(desc, prefix, head);
	if (!err && len > head)
		err = crypto_shash_update(desc, msg, len - head);
	return err;
}

/*
 * AES-CMAC tag of the bit string prefix (plen octets) | message (bits
 * bits), slot locked and keyed with ctx's integrity key.
 */
static int cmac_bits(struct aiot_sec_slot *s, const struct aiot_sec_ctx *ctx,
		     const u8 *prefix, u32 plen, const u8 *msg, u32 bits,
		     u8 *tag)
{
	SHASH_DESC_ON_STACK(desc, s->cmac);
	u32 total = plen * 8 + bits;
	u8 last[AES_BLOCK_SIZE];
	u32 whole, rem;
	int err;

	desc->tfm = s->cmac;
	err = crypto_shash_init(desc);
	if (err)
		goto out;
	if (bits % 8 == 0) {
		err = stream_update(desc, prefix, plen, msg, total / 8);
	} else {
		/* whole blocks before the last one, in octets */
		whole = total / 128 * AES_BLOCK_SIZE;
		rem = total % 128;	/* bits in the last block, not 0 */
		err = stream_update(desc, prefix, plen, msg, whole);
		memset(last, 0, sizeof(last));
		stream_copy(last, prefix, plen, msg, whole, rem / 8 + 1);
		last[rem / 8] &= (u8)(0xff00 >> (rem % 8));
		last[rem / 8] |= 0x80 >> (rem % 8);
		crypto_xor(last, ctx->k1k2, AES_BLOCK_SIZE);
		if (!err)
			err = crypto_shash_update(desc, last, AES_BLOCK_SIZE);
		memzero_explicit(last, sizeof(last));
	}
	if (!err)
		err = crypto_shash_final(desc, tag);
out:
	shash_desc_zero(desc);
	return err;
}

/* AES-CTR with IV = header | 0^64 over ceil(bits / 8) octets, slot locked */
static int nea2_run(struct aiot_sec_slot *s, const u8 *hdr, const u8 *in,
		    u8 *out, u32 bits)
{
	SYNC_SKCIPHER_REQUEST_ON_STACK(req, s->ctr);
	u32 len = DIV_ROUND_UP(bits, 8);
	struct scatterlist sg_in, sg_out;
	u8 iv[AES_BLOCK_SIZE];
	int err;

	if (!len)
		return 0;
	memcpy(iv, hdr, AIOT_SEC_NAS_HDR_LEN);
	memset(iv + AIOT_SEC_NAS_HDR_LEN, 0, sizeof(iv) - AIOT_SEC_NAS_HDR_LEN);
	sg_init_one(&sg_in, in, len);
	if (in == out)
		sg_out = sg_in;
	else
		sg_init_one(&sg_out, out, len);
	skcipher_request_set_sync_tfm(req, s->ctr);
	skcipher_request_set_callback(req, 0, NULL, NULL);
	skcipher_request_set_crypt(req, &sg_in, &sg_out, len, iv);
	err = crypto_skcipher_encrypt(req);
	skcipher_request_zero(req);
	/* the bits after the message in its last octet are zero */
	if (!err && bits % 8)
		out[len - 1] &= (u8)(0xff00 >> (bits % 8));
	return err;
}

/* Overwrite, in every slot, the key schedules loaded from key set @id. */
static void slots_forget(u64 id)
{
	struct aiot_sec_slot *s;
	unsigned int i;

	if (!id)
		return;
	for (i = 0; i < aiot_sec_nslots; i++) {
		s = &aiot_sec_slots[i];
		spin_lock_bh(&s->lock);
		if (s->cmac_tag >> 1 == id) {
			s->cmac_tag = 0;
			crypto_shash_setkey(s->cmac, aiot_sec_zero_key,
					    AIOT_SEC_KEY_LEN);
		}
		if (s->ctr_tag >> 1 == id) {
			s->ctr_tag = 0;
			crypto_sync_skcipher_setkey(s->ctr, aiot_sec_zero_key,
						    AIOT_SEC_KEY_LEN);
		}
		spin_unlock_bh(&s->lock);
	}
}

/**
 * aiot_sec_ctx_alloc() - allocate an empty security context
 * @gfp: allocation flags
 *
 * Return: the context, or NULL when out of memory.
 */
struct aiot_sec_ctx *aiot_sec_ctx_alloc(gfp_t gfp)
{
	return kzalloc(sizeof(struct aiot_sec_ctx), gfp);
}
EXPORT_SYMBOL_GPL(aiot_sec_ctx_alloc);

/**
 * aiot_sec_ctx_clear() - forget the keys of a context
 * @ctx: the context
 *
 * Zeroises the context and overwrites the key schedules that the shared
 * transforms still hold for it.  The context stays allocated, without keys.
 */
void aiot_sec_ctx_clear(struct aiot_sec_ctx *ctx)
{
	if (!ctx)
		return;
	slots_forget(ctx->id);
	memzero_explicit(ctx, sizeof(*ctx));
}
EXPORT_SYMBOL_GPL(aiot_sec_ctx_clear);

/**
 * aiot_sec_ctx_free() - clear and free a context
 * @ctx: the context, or NULL
 */
void aiot_sec_ctx_free(struct aiot_sec_ctx *ctx)
{
	if (!ctx)
		return;
	slots_forget(ctx->id);
	kfree_sensitive(ctx);
}
EXPORT_SYMBOL_GPL(aiot_sec_ctx_free);

/**
 * aiot_sec_ctx_set_keys() - set the 128-NEA2 and 128-NIA2 keys of a context
 * @ctx: the context
 * @k_enc: the 16-octet ciphering key, or NULL for none
 * @k_int: the 16-octet integrity key, or NULL for none
 *
 * Replaces whatever keys the context held.
 *
 * Return: 0, or -EINVAL, or an error of the crypto API.
 */
int aiot_sec_ctx_set_keys(struct aiot_sec_ctx *ctx, const u8 *k_enc,
			  const u8 *k_int)
{
	struct scatterlist sg;
	struct aiot_sec_slot *s;
	u8 iv[AES_BLOCK_SIZE] = {};
	u8 k1[AES_BLOCK_SIZE];
	int err = 0;

	if (!ctx)
		return -EINVAL;
	aiot_sec_ctx_clear(ctx);
	ctx->id = atomic64_inc_return(&aiot_sec_next_id);
	if (k_enc) {
		memcpy(ctx->k_enc, k_enc, AIOT_SEC_KEY_LEN);
		ctx->has_enc = true;
	}
	if (!k_int)
		return 0;
	memcpy(ctx->k_int, k_int, AIOT_SEC_KEY_LEN);

	/* L = AES-K(0^128) is the CTR keystream for IV 0; K1 ^ K2 from it */
	s = slot_here();
	spin_lock_bh(&s->lock);
	err = slot_load_ctr(s, ctx->k_int, TAG_INT(ctx->id));
	if (!err) {
		SYNC_SKCIPHER_REQUEST_ON_STACK(req, s->ctr);

		memset(s->block, 0, AES_BLOCK_SIZE);
		sg_init_one(&sg, s->block, AES_BLOCK_SIZE);
		skcipher_request_set_sync_tfm(req, s->ctr);
		skcipher_request_set_callback(req, 0, NULL, NULL);
		skcipher_request_set_crypt(req, &sg, &sg, AES_BLOCK_SIZE, iv);
		err = crypto_skcipher_encrypt(req);
		skcipher_request_zero(req);
		if (!err) {
			gf128_double(k1, s->block);
			gf128_double(ctx->k1k2, k1);
			crypto_xor(ctx->k1k2, k1, AES_BLOCK_SIZE);
		}
		memzero_explicit(s->block, AES_BLOCK_SIZE);
		memzero_explicit(k1, sizeof(k1));
	}
	spin_unlock_bh(&s->lock);
	if (err) {
		aiot_sec_ctx_clear(ctx);
		return err;
	}
	ctx->has_int = true;
	return 0;
}
EXPORT_SYMBOL_GPL(aiot_sec_ctx_set_keys);

/**
 * aiot_sec_ctx_set_kaiotf() - key a context for the command procedure
 * @ctx: the context
 * @k_aiotf: K_AIOTF, AIOT_K_AIOTF_LEN octets
 *
 * Derives K_Command_enc and K_Command_int (aiot_k_command()) and sets them.
 *
 * Return: 0 or a negative error.
 */
int aiot_sec_ctx_set_kaiotf(struct aiot_sec_ctx *ctx, const u8 *k_aiotf)
{
	u8 k_enc[AIOT_SEC_KEY_LEN], k_int[AIOT_SEC_KEY_LEN];
	int err;

	if (!ctx || !k_aiotf)
		return -EINVAL;
	err = aiot_k_command(k_aiotf, k_enc, k_int);
	if (!err)
		err = aiot_sec_ctx_set_keys(ctx, k_enc, k_int);
	memzero_explicit(k_enc, sizeof(k_enc));
	memzero_explicit(k_int, sizeof(k_int));
	return err;
}
EXPORT_SYMBOL_GPL(aiot_sec_ctx_set_kaiotf);

/**
 * aiot_sec_cmac() - AES-CMAC of a bit string (RFC 4493, NIST SP 800-38B)
 * @ctx: context whose integrity key is the CMAC key
 * @prefix: octets that come first, or NULL when @plen is 0
 * @plen: their number
 * @msg: then the first @bits bits of this
 * @bits: may be any number, not only a multiple of 8
 * @tag: AES_BLOCK_SIZE octets of output, the untruncated tag
 *
 * 128-NIA2 is this function with the 8-octet COUNT | BEARER | DIRECTION
 * header as @prefix, truncated to 32 bits.
 *
 * Return: 0 or a negative error, as aiot_nia2_mac().
 */
int aiot_sec_cmac(const struct aiot_sec_ctx *ctx, const u8 *prefix, u32 plen,
		  const u8 *msg, u32 bits, u8 *tag)
{
	struct aiot_sec_slot *s;
	int err;

	err = check_args(ctx, false, true, 0, 0, msg, bits);
	if (err)
		return err;
	if ((plen && !prefix) || plen > AIOT_SEC_MSG_MAX_LEN || !tag)
		return -EINVAL;
	s = slot_here();
	spin_lock_bh(&s->lock);
	err = slot_load_cmac(s, ctx);
	if (!err)
		err = cmac_bits(s, ctx, prefix, plen, msg, bits, tag);
	spin_unlock_bh(&s->lock);
	return err;
}
EXPORT_SYMBOL_GPL(aiot_sec_cmac);

/**
 * aiot_nia2_mac() - 128-NIA2 MAC-I of a message
 * @ctx: context with an integrity key
 * @count: COUNT
 * @bearer: BEARER, 0..31
 * @dir: DIRECTION, 0 (uplink) or 1 (downlink)
 * @msg: the message; only its first @bits bits are read
 * @bits: the message length in bits (LENGTH), may be 0
 * @mac: AIOT_SEC_NIA2_MAC_LEN octets of output
 *
 * Return: 0, -EINVAL or -EMSGSIZE for bad arguments, -ENOKEY without an
 * integrity key, or an error of the crypto API.
 */
int aiot_nia2_mac(const struct aiot_sec_ctx *ctx, u32 count, u8 bearer,
		  u8 dir, const u8 *msg, u32 bits, u8 *mac)
{
	u8 hdr[AIOT_SEC_NAS_HDR_LEN], tag[AES_BLOCK_SIZE];
	struct aiot_sec_slot *s;
	int err;

	err = check_args(ctx, false, true, bearer, dir, msg, bits);
	if (err || !mac)
		return err ?: -EINVAL;
	nas_header(hdr, count, bearer, dir);
	s = slot_here();
	spin_lock_bh(&s->lock);
	err = slot_load_cmac(s, ctx);
	if (!err)
		err = cmac_bits(s, ctx, hdr, AIOT_SEC_NAS_HDR_LEN, msg, bits, tag);
	spin_unlock_bh(&s->lock);
	if (!err)
		memcpy(mac, tag, AIOT_SEC_NIA2_MAC_LEN);
	memzero_explicit(tag, sizeof(tag));
	return err;
}
EXPORT_SYMBOL_GPL(aiot_nia2_mac);

/**
 * aiot_nia2_verify() - check a 128-NIA2 MAC-I in constant time
 * @ctx: context with an integrity key
 * @count: COUNT
 * @bearer: BEARER
 * @dir: DIRECTION
 * @msg: the message
 * @bits: its length in bits
 * @mac: the received MAC-I, AIOT_SEC_NIA2_MAC_LEN octets
 *
 * Return: 0 when the MAC-I is right, -EBADMSG when it is not, or an error
 * of aiot_nia2_mac().
 */
int aiot_nia2_verify(const struct aiot_sec_ctx *ctx, u32 count, u8 bearer,
		     u8 dir, const u8 *msg, u32 bits, const u8 *mac)
{
	u8 want[AIOT_SEC_NIA2_MAC_LEN];
	int err;

	if (!mac)
		return -EINVAL;
	err = aiot_nia2_mac(ctx, count, bearer, dir, msg, bits, want);
	if (!err && crypto_memneq(want, mac, AIOT_SEC_NIA2_MAC_LEN))
		err = -EBADMSG;
	memzero_explicit(want, sizeof(want));
	return err;
}
EXPORT_SYMBOL_GPL(aiot_nia2_verify);

/**
 * aiot_nea2_crypt() - 128-NEA2 ciphering or deciphering
 * @ctx: context with a ciphering key
 * @count: COUNT
 * @bearer: BEARER
 * @dir: DIRECTION
 * @in: input, ceil(@bits / 8) octets, in the linear mapping
 * @out: output, as long; may be @in
 * @bits: the message length in bits
 *
 * The bits of the last output octet after the message are set to 0.
 *
 * Return: 0 or a negative error, as aiot_nia2_mac().
 */
int aiot_nea2_crypt(const struct aiot_sec_ctx *ctx, u32 count, u8 bearer,
		    u8 dir, const u8 *in, u8 *out, u32 bits)
{
	u8 hdr[AIOT_SEC_NAS_HDR_LEN];
	struct aiot_sec_slot *s;
	int err;

	err = check_args(ctx, true, false, bearer, dir, in, bits);
	if (err || (bits && !out))
		return err ?: -EINVAL;
	nas_header(hdr, count, bearer, dir);
	s = slot_here();
	spin_lock_bh(&s->lock);
	err = slot_load_ctr(s, ctx->k_enc, TAG_ENC(ctx->id));
	if (!err)
		err = nea2_run(s, hdr, in, out, bits);
	spin_unlock_bh(&s->lock);
	return err;
}
EXPORT_SYMBOL_GPL(aiot_nea2_crypt);

/**
 * aiot_sec_protect() - cipher a message in place, then compute its MAC-I
 * @ctx: context with both keys
 * @count: COUNT
 * @bearer: BEARER
 * @dir: DIRECTION
 * @buf: the message, ceil(@bits / 8) octets in the linear mapping; on
 *	return, the ciphered message
 * @bits: the message length in bits
 * @mac: the MAC-I over the ciphered message, AIOT_SEC_NIA2_MAC_LEN octets
 *
 * Return: 0 or a negative error, as aiot_nia2_mac().
 */
int aiot_sec_protect(const struct aiot_sec_ctx *ctx, u32 count, u8 bearer,
		     u8 dir, u8 *buf, u32 bits, u8 *mac)
{
	u8 hdr[AIOT_SEC_NAS_HDR_LEN], tag[AES_BLOCK_SIZE];
	struct aiot_sec_slot *s;
	int err;

	err = check_args(ctx, true, true, bearer, dir, buf, bits);
	if (err || !mac)
		return err ?: -EINVAL;
	nas_header(hdr, count, bearer, dir);
	s = slot_here();
	spin_lock_bh(&s->lock);
	err = slot_load_ctr(s, ctx->k_enc, TAG_ENC(ctx->id));
	if (!err)
		err = nea2_run(s, hdr, buf, buf, bits);
	if (!err)
		err = slot_load_cmac(s, ctx);
	if (!err)
		err = cmac_bits(s, ctx, hdr, AIOT_SEC_NAS_HDR_LEN, buf, bits,
				tag);
	spin_unlock_bh(&s->lock);
	if (!err)
		memcpy(mac, tag, AIOT_SEC_NIA2_MAC_LEN);
	memzero_explicit(tag, sizeof(tag));
	return err;
}
EXPORT_SYMBOL_GPL(aiot_sec_protect);

/**
 * aiot_sec_unprotect() - verify the MAC-I of a ciphered message, then
 *	decipher it in place
 * @ctx: context with both keys
 * @count: COUNT
 * @bearer: BEARER
 * @dir: DIRECTION
 * @buf: the ciphered message, in the linear mapping; deciphered on success
 *	and left as it was on failure
 * @bits: the message length in bits
 * @mac: the received MAC-I
 *
 * Return: 0, -EBADMSG when the MAC-I is wrong, or another negative error.
 */
int aiot_sec_unprotect(const struct aiot_sec_ctx *ctx, u32 count, u8 bearer,
		       u8 dir, u8 *buf, u32 bits, const u8 *mac)
{
	u8 hdr[AIOT_SEC_NAS_HDR_LEN], tag[AES_BLOCK_SIZE];
	struct aiot_sec_slot *s;
	int err;

	err = check_args(ctx, true, true, bearer, dir, buf, bits);
	if (err || !mac)
		return err ?: -EINVAL;
	nas_header(hdr, count, bearer, dir);
	s = slot_here();
	spin_lock_bh(&s->lock);
	err = slot_load_cmac(s, ctx);
	if (!err)
		err = cmac_bits(s, ctx, hdr, AIOT_SEC_NAS_HDR_LEN, buf, bits,
				tag);
	if (!err && crypto_memneq(tag, mac, AIOT_SEC_NIA2_MAC_LEN))
		err = -EBADMSG;
	if (!err)
		err = slot_load_ctr(s, ctx->k_enc, TAG_ENC(ctx->id));
	if (!err)
		err = nea2_run(s, hdr, buf, buf, bits);
	spin_unlock_bh(&s->lock);
	memzero_explicit(tag, sizeof(tag));
	return err;
}
EXPORT_SYMBOL_GPL(aiot_sec_unprotect);

/* HMAC-SHA-256 of the concatenation of parts; the HMAC key is scrubbed */
static int hmac_parts(const u8 *key, unsigned int keylen,
		      const struct aiot_kdf_param *parts, unsigned int nparts,
		      u8 *out)
{
	struct aiot_sec_slot *s;
	unsigned int i;
	int err;

	s = slot_here();
	spin_lock_bh(&s->lock);
	{
		SHASH_DESC_ON_STACK(desc, s->hmac);

		desc->tfm = s->hmac;
		err = crypto_shash_setkey(s->hmac, key, keylen);
		if (!err)
			err = crypto_shash_init(desc);
		for (i = 0; !err && i < nparts; i++)
			if (parts[i].len)
				err = crypto_shash_update(desc, parts[i].data,
							  parts[i].len);
		if (!err)
			err = crypto_shash_final(desc, out);
		shash_desc_zero(desc);
		crypto_shash_setkey(s->hmac, aiot_sec_zero_key,
				    sizeof(aiot_sec_zero_key));
	}
	spin_unlock_bh(&s->lock);
	return err;
}

/**
 * aiot_hmac_sha256() - HMAC-SHA-256 (RFC 2104), the primitive of the KDF
 * @key: the key
 * @keylen: its length in octets
 * @data: the data, or NULL when @len is 0
 * @len: its length in octets
 * @out: AIOT_KDF_OUT_LEN octets of output
 *
 * Return: 0 or a negative error.
 */
int aiot_hmac_sha256(const u8 *key, unsigned int keylen, const u8 *data,
		     unsigned int len, u8 *out)
{
	const struct aiot_kdf_param part = { data, len };

	if ((!key && keylen) || (!data && len) || !out ||
	    len > AIOT_SEC_MSG_MAX_LEN)
		return -EINVAL;
	return hmac_parts(key, keylen, &part, 1, out);
}
EXPORT_SYMBOL_GPL(aiot_hmac_sha256);

/**
 * aiot_kdf() - the generic KDF of TS 33.220 Annex B.2.2
 * @key: KEY
 * @keylen: its length in octets
 * @fc: FC
 * @params: P0 .. Pn; each Li is the 2-octet big-endian length of Pi
 * @nparams: n + 1, at most AIOT_KDF_MAX_PARAMS, may be 0
 * @out: AIOT_KDF_OUT_LEN octets, HMAC-SHA-256(KEY, FC | P0 | L0 | ...)
 *
 * The shared HMAC transform is re-keyed with zeros before returning, so
 * KEY does not stay in it.
 *
 * Return: 0 or a negative error.
 */
int aiot_kdf(const u8 *key, unsigned int keylen, u8 fc,
	     const struct aiot_kdf_param *params, unsigned int nparams,
	     u8 *out)
{
	struct aiot_kdf_param parts[1 + 2 * AIOT_KDF_MAX_PARAMS];
	u8 lens[AIOT_KDF_MAX_PARAMS][2];
	unsigned int i;

	if ((!key && keylen) || (!params && nparams) || !out ||
	    nparams > AIOT_KDF_MAX_PARAMS)
		return -EINVAL;
	parts[0].data = &fc;
	parts[0].len = 1;
	for (i = 0; i < nparams; i++) {
		if (!params[i].data && params[i].len)
			return -EINVAL;
		lens[i][0] = params[i].len >> 8;
		lens[i][1] = params[i].len;
		parts[1 + 2 * i] = params[i];
		parts[2 + 2 * i].data = lens[i];
		parts[2 + 2 * i].len = 2;
	}
	return hmac_parts(key, keylen, parts, 1 + 2 * nparams, out);
}
EXPORT_SYMBOL_GPL(aiot_kdf);

/* KDF(K_AIoT_root, fc, RAND_AIOT_n, RAND_AIOT_d) into out[32] */
static int kdf_root(const u8 *k_root, u8 fc, const u8 *rand_n,
		    const u8 *rand_d, u8 *out)
{
	const struct aiot_kdf_param p[] = {
		{ rand_n, AIOT_RAND_N_LEN },
		{ rand_d, AIOT_RAND_D_LEN },
	};

	if (!k_root || !rand_n || !rand_d)
		return -EINVAL;
	return aiot_kdf(k_root, AIOT_K_ROOT_LEN, fc, p, ARRAY_SIZE(p), out);
}

/**
 * aiot_res_aiot() - RES_AIOT (XRES_AIOT) from K_AIoT_root and the RANDs
 * @k_root: K_AIoT_root, AIOT_K_ROOT_LEN octets
 * @rand_n: RAND_AIOT_n, AIOT_RAND_N_LEN octets
 * @rand_d: RAND_AIOT_d, AIOT_RAND_D_LEN octets
 * @res: AIOT_RES_LEN octets of output
 *
 * Project derivation pending TS 33.369 Annex A.2, see <aiot/sec_values.h>.
 *
 * Return: 0 or a negative error.
 */
int aiot_res_aiot(const u8 *k_root, const u8 *rand_n, const u8 *rand_d,
		  u8 *res)
{
	u8 out[AIOT_KDF_OUT_LEN];
	int err;

	if (!res)
		return -EINVAL;
	err = kdf_root(k_root, AIOT_FC_RES_AIOT, rand_n, rand_d, out);
	if (!err)
		memcpy(res, out + AIOT_RES_OFFSET, AIOT_RES_LEN);
	memzero_explicit(out, sizeof(out));
	return err;
}
EXPORT_SYMBOL_GPL(aiot_res_aiot);

/**
 * aiot_k_aiotf() - K_AIOTF from K_AIoT_root and the RANDs
 * @k_root: K_AIoT_root, AIOT_K_ROOT_LEN octets
 * @rand_n: RAND_AIOT_n
 * @rand_d: RAND_AIOT_d
 * @k_aiotf: AIOT_K_AIOTF_LEN octets of output
 *
 * Project derivation pending TS 33.369 Annex A.3, see <aiot/sec_values.h>.
 *
 * Return: 0 or a negative error.
 */
int aiot_k_aiotf(const u8 *k_root, const u8 *rand_n, const u8 *rand_d,
		 u8 *k_aiotf)
{
	if (!k_aiotf)
		return -EINVAL;
	return kdf_root(k_root, AIOT_FC_K_AIOTF, rand_n, rand_d, k_aiotf);
}
EXPORT_SYMBOL_GPL(aiot_k_aiotf);

static int kdf_alg_key(const u8 *k_aiotf, u8 type, u8 alg, u8 *key)
{
	const struct aiot_kdf_param p[] = { { &type, 1 }, { &alg, 1 } };
	u8 out[AIOT_KDF_OUT_LEN];
	int err;

	err = aiot_kdf(k_aiotf, AIOT_K_AIOTF_LEN, AIOT_FC_K_COMMAND, p,
		       ARRAY_SIZE(p), out);
	if (!err)
		memcpy(key, out + AIOT_KDF_KEY128_OFFSET, AIOT_SEC_KEY_LEN);
	memzero_explicit(out, sizeof(out));
	return err;
}

/**
 * aiot_k_command() - K_Command_enc and K_Command_int from K_AIOTF
 * @k_aiotf: K_AIOTF, AIOT_K_AIOTF_LEN octets
 * @k_enc: AIOT_SEC_KEY_LEN octets of output, the 128-NEA2 key
 * @k_int: AIOT_SEC_KEY_LEN octets of output, the 128-NIA2 key
 *
 * Project derivation pending TS 33.369 Annex A.4, see <aiot/sec_values.h>.
 *
 * Return: 0 or a negative error.
 */
int aiot_k_command(const u8 *k_aiotf, u8 *k_enc, u8 *k_int)
{
	int err;

	if (!k_aiotf || !k_enc || !k_int)
		return -EINVAL;
	err = kdf_alg_key(k_aiotf, AIOT_ALG_TYPE_CMD_ENC, AIOT_SEC_ALG_ID_NEA2,
			  k_enc);
	if (!err)
		err = kdf_alg_key(k_aiotf, AIOT_ALG_TYPE_CMD_INT,
				  AIOT_SEC_ALG_ID_NIA2, k_int);
	if (err) {
		memzero_explicit(k_enc, AIOT_SEC_KEY_LEN);
		memzero_explicit(k_int, AIOT_SEC_KEY_LEN);
	}
	return err;
}
EXPORT_SYMBOL_GPL(aiot_k_command);

#if IS_ENABLED(CONFIG_KUNIT)
/* For the KUnit suite only: what a context and the shared slots hold */
VISIBLE_IF_KUNIT u64 aiot_sec_test_ctx_id(const struct aiot_sec_ctx *ctx)
{
	return ctx->id;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_sec_test_ctx_id);

VISIBLE_IF_KUNIT bool aiot_sec_test_ctx_zeroed(const struct aiot_sec_ctx *ctx)
{
	return !memchr_inv(ctx, 0, sizeof(*ctx));
}
EXPORT_SYMBOL_IF_KUNIT(aiot_sec_test_ctx_zeroed);

/* Does any slot's transform still hold a key schedule of key set @id? */
VISIBLE_IF_KUNIT bool aiot_sec_test_slots_hold(u64 id)
{
	struct aiot_sec_slot *s;
	bool hold = false;
	unsigned int i;

	for (i = 0; i < aiot_sec_nslots; i++) {
		s = &aiot_sec_slots[i];
		spin_lock_bh(&s->lock);
		if (s->cmac_tag >> 1 == id || s->ctr_tag >> 1 == id)
			hold = true;
		spin_unlock_bh(&s->lock);
	}
	return hold;
}
EXPORT_SYMBOL_IF_KUNIT(aiot_sec_test_slots_hold);
#endif

/**
 * aiot_sec_driver_name() - the crypto driver behind one of the transforms
 * @which: the transform
 *
 * Return: the driver name, e.g. "cmac(aes-aesni)"; "" before init.
 */
const char *aiot_sec_driver_name(enum aiot_sec_tfm which)
{
	if (which >= AIOT_SEC_TFM_NUM)
		return "";
	return aiot_sec_drivers[which];
}
EXPORT_SYMBOL_GPL(aiot_sec_driver_name);

static void slot_free(struct aiot_sec_slot *s)
{
	if (!IS_ERR_OR_NULL(s->cmac))
		crypto_free_shash(s->cmac);
	if (!IS_ERR_OR_NULL(s->ctr))
		crypto_free_sync_skcipher(s->ctr);
	if (!IS_ERR_OR_NULL(s->hmac))
		crypto_free_shash(s->hmac);
}

static int slot_init(struct aiot_sec_slot *s)
{
	spin_lock_init(&s->lock);
	s->cmac = crypto_alloc_shash("cmac(aes)", 0, 0);
	if (IS_ERR(s->cmac))
		return PTR_ERR(s->cmac);
	s->ctr = crypto_alloc_sync_skcipher("ctr(aes)", 0, 0);
	if (IS_ERR(s->ctr))
		return PTR_ERR(s->ctr);
	s->hmac = crypto_alloc_shash("hmac(sha256)", 0, 0);
	if (IS_ERR(s->hmac))
		return PTR_ERR(s->hmac);
	return 0;
}

/*
 * Known answers checked at every load, on the drivers the crypto API
 * picked: 128-EIA2 set 1 (58 bits, not octet aligned) and 128-EEA2 set 1
 * (253 bits) of TS 33.401 Annex C, and the TS 33.501 A.8-shaped KDF
 * regression vector.  A driver that gets them wrong stops the load.
 */
static const u8 kat_eia2_key[] = {
	0x2b, 0xd6, 0x45, 0x9f, 0x82, 0xc5, 0xb3, 0x00,
	0x95, 0x2c, 0x49, 0x10, 0x48, 0x81, 0xff, 0x48,
};

static const u8 kat_eia2_msg[] = {
	0x33, 0x32, 0x34, 0x62, 0x63, 0x39, 0x38, 0x40,
};

static const u8 kat_eia2_mac[] = { 0x11, 0x8c, 0x6e, 0xb8 };
static const u8 kat_eea2_key[] = {
	0xd3, 0xc5, 0xd5, 0x92, 0x32, 0x7f, 0xb1, 0x1c,
	0x40, 0x35, 0xc6, 0x68, 0x0a, 0xf8, 0xc6, 0xd1,
};

static const u8 kat_eea2_in[] = {
	0x98, 0x1b, 0xa6, 0x82, 0x4c, 0x1b, 0xfb, 0x1a,
	0xb4, 0x85, 0x47, 0x20, 0x29, 0xb7, 0x1d, 0x80,
	0x8c, 0xe3, 0x3e, 0x2c, 0xc3, 0xc0, 0xb5, 0xfc,
	0x1f, 0x3d, 0xe8, 0xa6, 0xdc, 0x66, 0xb1, 0xf0,
};

static const u8 kat_eea2_out[] = {
	0xe9, 0xfe, 0xd8, 0xa6, 0x3d, 0x15, 0x53, 0x04,
	0xd7, 0x1d, 0xf2, 0x0b, 0xf3, 0xe8, 0x22, 0x14,
	0xb2, 0x0e, 0xd7, 0xda, 0xd2, 0xf2, 0x33, 0xdc,
	0x3c, 0x22, 0xd7, 0xbd, 0xee, 0xed, 0x8e, 0x78,
};

static const u8 kat_kdf_key128[] = {
	0xdd, 0xc7, 0x50, 0x2d, 0x98, 0xfa, 0xd8, 0xbb,
	0x62, 0x3b, 0xe6, 0xb5, 0x5f, 0x25, 0x3e, 0x93,
};

static int aiot_sec_selftest(void)
{
	static const u8 type = 0x01, alg = AIOT_SEC_ALG_ID_NEA2;
	const struct aiot_kdf_param p[] = { { &type, 1 }, { &alg, 1 } };
	u8 mac[AIOT_SEC_NIA2_MAC_LEN], key[AIOT_KDF_OUT_LEN], out[32];
	struct aiot_sec_ctx *ctx;
	const char *what = NULL;
	u8 *buf;
	unsigned int i;
	int err;

	ctx = aiot_sec_ctx_alloc(GFP_KERNEL);
	buf = kmalloc(sizeof(kat_eea2_in), GFP_KERNEL);
	err = ctx && buf ? 0 : -ENOMEM;
	if (!err)
		err = aiot_sec_ctx_set_keys(ctx, kat_eea2_key, kat_eia2_key);
	if (!err)
		err = aiot_nia2_mac(ctx, 0x38a6f056, 0x18, 0, kat_eia2_msg, 58,
				    mac);
	if (!err && memcmp(mac, kat_eia2_mac, sizeof(mac)))
		what = "128-NIA2";
	if (!err) {
		memcpy(buf, kat_eea2_in, sizeof(kat_eea2_in));
		err = aiot_nea2_crypt(ctx, 0x398a59b4, 0x15, 1, buf, buf, 253);
	}
	if (!err && memcmp(buf, kat_eea2_out, sizeof(kat_eea2_out)))
		what = "128-NEA2";
	for (i = 0; i < sizeof(key); i++)
		key[i] = i;
	if (!err)
		err = aiot_kdf(key, sizeof(key), 0x69, p, ARRAY_SIZE(p), out);
	if (!err && memcmp(out + AIOT_KDF_KEY128_OFFSET, kat_kdf_key128,
			   sizeof(kat_kdf_key128)))
		what = "the KDF";
	aiot_sec_ctx_free(ctx);
	kfree(buf);
	memzero_explicit(out, sizeof(out));
	if (err) {
		pr_err("security self-test could not run: %d\n", err);
		return err;
	}
	if (what) {
		pr_err("security self-test: %s gives a wrong known answer with %s, %s, %s\n",
		       what, aiot_sec_drivers[AIOT_SEC_TFM_CMAC],
		       aiot_sec_drivers[AIOT_SEC_TFM_CTR],
		       aiot_sec_drivers[AIOT_SEC_TFM_HMAC]);
		return -EIO;
	}
	return 0;
}

/**
 * aiot_sec_init() - allocate the shared transforms and test them
 *
 * Process context.  Return: 0 or a negative error; -EIO when a driver
 * fails the known-answer self-test.
 */
int aiot_sec_init(void)
{
	struct aiot_sec_slot *s;
	unsigned int i, n;
	int err = 0;

	n = min_t(unsigned int, num_possible_cpus(), AIOT_SEC_SLOTS_MAX);
	s = kcalloc(n, sizeof(*s), GFP_KERNEL);
	if (!s)
		return -ENOMEM;
	for (i = 0; i < n && !err; i++)
		err = slot_init(&s[i]);
	if (err) {
		pr_err("cannot allocate the crypto transforms (%d): the kernel needs cmac, ctr, aes, hmac and sha256\n",
		       err);
		while (i--)
			slot_free(&s[i]);
		kfree(s);
		return err;
	}
	strscpy(aiot_sec_drivers[AIOT_SEC_TFM_CMAC],
		crypto_shash_driver_name(s[0].cmac), CRYPTO_MAX_ALG_NAME);
	strscpy(aiot_sec_drivers[AIOT_SEC_TFM_CTR],
		crypto_skcipher_driver_name(&s[0].ctr->base),
		CRYPTO_MAX_ALG_NAME);
	strscpy(aiot_sec_drivers[AIOT_SEC_TFM_HMAC],
		crypto_shash_driver_name(s[0].hmac), CRYPTO_MAX_ALG_NAME);
	aiot_sec_slots = s;
	aiot_sec_nslots = n;
	err = aiot_sec_selftest();
	if (err) {
		aiot_sec_exit();
		return err;
	}
	pr_debug("security engine: %u slots, %s, %s, %s\n", n,
		 aiot_sec_drivers[AIOT_SEC_TFM_CMAC],
		 aiot_sec_drivers[AIOT_SEC_TFM_CTR],
		 aiot_sec_drivers[AIOT_SEC_TFM_HMAC]);
	return 0;
}

/**
 * aiot_sec_exit() - free the shared transforms
 *
 * Process context; no operation may be running or start afterwards.
 */
void aiot_sec_exit(void)
{
	unsigned int i;

	for (i = 0; i < aiot_sec_nslots; i++)
		slot_free(&aiot_sec_slots[i]);
	kfree_sensitive(aiot_sec_slots);
	aiot_sec_slots = NULL;
	aiot_sec_nslots = 0;
}
