// SPDX-License-Identifier: GPL-2.0
/*
 * libaiot security on OpenSSL: the userspace twin of kernel/sec.c.
 */
#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include "aiot_sec.h"

struct aiot_sec_ctx {
	EVP_MAC *mac_alg;
	EVP_MAC_CTX *cmac;	/* CMAC keyed with k_int, restarted per message */
	EVP_CIPHER_CTX *ctr;	/* AES-128-CTR keyed with k_enc, IV per message */
	EVP_CIPHER_CTX *ecb;	/* AES-128-ECB keyed with k_int: bit-granular CMAC */
	uint8_t k1[AIOT_SEC_BLOCK_LEN];
	uint8_t k2[AIOT_SEC_BLOCK_LEN];
	bool has_enc;
	bool has_int;
};

static void nas_header(uint8_t *hdr, uint32_t count, uint8_t bearer,
		       uint8_t dir)
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

static int check_args(const struct aiot_sec_ctx *ctx, bool need_enc,
		      bool need_int, uint8_t bearer, uint8_t dir,
		      const void *msg, uint32_t bits)
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

struct aiot_sec_ctx *aiot_sec_ctx_alloc(void)
{
	struct aiot_sec_ctx *ctx = calloc(1, sizeof(*ctx));

	if (!ctx)
		return NULL;
	ctx->mac_alg = EVP_MAC_fetch(NULL, "CMAC", NULL);
	ctx->cmac = ctx->mac_alg ? EVP_MAC_CTX_new(ctx->mac_alg) : NULL;
	ctx->ctr = EVP_CIPHER_CTX_new();
	ctx->ecb = EVP_CIPHER_CTX_new();
	if (!ctx->cmac || !ctx->ctr || !ctx->ecb) {
		aiot_sec_ctx_free(ctx);
		return NULL;
	}
	return ctx;
}

void aiot_sec_ctx_clear(struct aiot_sec_ctx *ctx)
{
	if (!ctx)
		return;
	/* drop the key schedules with the OpenSSL contexts that hold them */
	EVP_CIPHER_CTX_reset(ctx->ctr);
	EVP_CIPHER_CTX_reset(ctx->ecb);
	EVP_MAC_CTX_free(ctx->cmac);
	ctx->cmac = ctx->mac_alg ? EVP_MAC_CTX_new(ctx->mac_alg) : NULL;
	OPENSSL_cleanse(ctx->k1, sizeof(ctx->k1));
	OPENSSL_cleanse(ctx->k2, sizeof(ctx->k2));
	ctx->has_enc = false;
	ctx->has_int = false;
}

void aiot_sec_ctx_free(struct aiot_sec_ctx *ctx)
{
	if (!ctx)
		return;
	EVP_MAC_CTX_free(ctx->cmac);
	EVP_MAC_free(ctx->mac_alg);
	EVP_CIPHER_CTX_free(ctx->ctr);
	EVP_CIPHER_CTX_free(ctx->ecb);
	OPENSSL_clear_free(ctx, sizeof(*ctx));
}

/* Multiplication by x in GF(2^128), SP 800-38B */
static void gf128_double(uint8_t *out, const uint8_t *in)
{
	uint8_t msb = in[0] >> 7;
	int i;

	for (i = 0; i < AIOT_SEC_BLOCK_LEN - 1; i++)
		out[i] = (uint8_t)(in[i] << 1 | in[i + 1] >> 7);
	out[AIOT_SEC_BLOCK_LEN - 1] =
		(uint8_t)(in[AIOT_SEC_BLOCK_LEN - 1] << 1 ^ (0x87 & -msb));
}

static int ecb_block(EVP_CIPHER_CTX *ecb, const uint8_t *in, uint8_t *out)
{
	int n = 0;

	if (EVP_EncryptUpdate(ecb, out, &n, in, AIOT_SEC_BLOCK_LEN) != 1 ||
	    n != AIOT_SEC_BLOCK_LEN)
		return -EIO;
	return 0;
}

int aiot_sec_ctx_set_keys(struct aiot_sec_ctx *ctx, const uint8_t *k_enc,
			  const uint8_t *k_int)
{
	static const uint8_t zero[AIOT_SEC_BLOCK_LEN];
	OSSL_PARAM params[2];
	uint8_t l[AIOT_SEC_BLOCK_LEN];
	int err = 0;

	if (!ctx)
		return -EINVAL;
	aiot_sec_ctx_clear(ctx);
	if (!ctx->cmac)
		return -ENOMEM;
	if (k_enc) {
		if (EVP_EncryptInit_ex(ctx->ctr, EVP_aes_128_ctr(), NULL,
				       k_enc, zero) != 1)
			return -EIO;
		ctx->has_enc = true;
	}
	if (!k_int)
		return 0;
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER,
						     "AES-128-CBC", 0);
	params[1] = OSSL_PARAM_construct_end();
	if (EVP_MAC_init(ctx->cmac, k_int, AIOT_SEC_KEY_LEN, params) != 1 ||
	    EVP_EncryptInit_ex(ctx->ecb, EVP_aes_128_ecb(), NULL, k_int,
			       NULL) != 1 ||
	    EVP_CIPHER_CTX_set_padding(ctx->ecb, 0) != 1)
		err = -EIO;
	if (!err)
		err = ecb_block(ctx->ecb, zero, l);
	if (err) {
		aiot_sec_ctx_clear(ctx);
		return err;
	}
	gf128_double(ctx->k1, l);
	gf128_double(ctx->k2, ctx->k1);
	OPENSSL_cleanse(l, sizeof(l));
	ctx->has_int = true;
	return 0;
}

/* Octet i of the string prefix | msg */
static uint8_t stream_at(const uint8_t *prefix, uint32_t plen,
			 const uint8_t *msg, uint32_t i)
{
	return i < plen ? prefix[i] : msg[i - plen];
}

/*
 * CMAC of a bit string, block by block (SP 800-38B section 6.2), for the
 * lengths EVP_MAC cannot take: the last block is padded with 1 0...0 right
 * after the last bit and XORed with K2.
 */
static int cmac_by_blocks(struct aiot_sec_ctx *ctx, const uint8_t *prefix,
			  uint32_t plen, const uint8_t *msg, uint32_t total,
			  uint8_t *tag)
{
	uint32_t nblocks = (total + 127) / 128, b, j, bit;
	uint8_t x[AIOT_SEC_BLOCK_LEN] = { 0 }, m[AIOT_SEC_BLOCK_LEN];
	int err = 0;

	for (b = 0; b < nblocks && !err; b++) {
		for (j = 0; j < AIOT_SEC_BLOCK_LEN; j++) {
			bit = (b * AIOT_SEC_BLOCK_LEN + j) * 8;
			if (bit + 8 <= total)
				m[j] = stream_at(prefix, plen, msg, bit / 8);
			else if (bit < total)	/* the octet with the last bit */
				m[j] = (stream_at(prefix, plen, msg, bit / 8) &
					(uint8_t)(0xff00 >> (total - bit))) |
				       (0x80 >> (total - bit));
			else
				m[j] = 0;
		}
		for (j = 0; j < AIOT_SEC_BLOCK_LEN; j++) {
			x[j] ^= m[j];
			if (b == nblocks - 1)
				x[j] ^= ctx->k2[j];
		}
		err = ecb_block(ctx->ecb, x, x);
	}
	if (!err)
		memcpy(tag, x, AIOT_SEC_BLOCK_LEN);
	OPENSSL_cleanse(x, sizeof(x));
	OPENSSL_cleanse(m, sizeof(m));
	return err;
}

static int cmac_any(struct aiot_sec_ctx *ctx, const uint8_t *prefix,
		    uint32_t plen, const uint8_t *msg, uint32_t bits,
		    uint8_t *tag)
{
	uint32_t total = plen * 8 + bits;
	size_t outl = 0;

	if (total % 8)
		return cmac_by_blocks(ctx, prefix, plen, msg, total, tag);
	if (EVP_MAC_init(ctx->cmac, NULL, 0, NULL) != 1 ||
	    (plen && EVP_MAC_update(ctx->cmac, prefix, plen) != 1) ||
	    (bits && EVP_MAC_update(ctx->cmac, msg, bits / 8) != 1) ||
	    EVP_MAC_final(ctx->cmac, tag, &outl, AIOT_SEC_BLOCK_LEN) != 1 ||
	    outl != AIOT_SEC_BLOCK_LEN)
		return -EIO;
	return 0;
}

int aiot_sec_cmac(struct aiot_sec_ctx *ctx, const uint8_t *prefix,
		  uint32_t plen, const uint8_t *msg, uint32_t bits,
		  uint8_t *tag)
{
	int err = check_args(ctx, false, true, 0, 0, msg, bits);

	if (err)
		return err;
	if ((plen && !prefix) || plen > AIOT_SEC_MSG_MAX_LEN || !tag)
		return -EINVAL;
	return cmac_any(ctx, prefix, plen, msg, bits, tag);
}

int aiot_nia2_mac(struct aiot_sec_ctx *ctx, uint32_t count, uint8_t bearer,
		  uint8_t dir, const uint8_t *msg, uint32_t bits, uint8_t *mac)
{
	uint8_t hdr[AIOT_SEC_NAS_HDR_LEN], tag[AIOT_SEC_BLOCK_LEN];
	int err = check_args(ctx, false, true, bearer, dir, msg, bits);

	if (err || !mac)
		return err ? err : -EINVAL;
	nas_header(hdr, count, bearer, dir);
	err = cmac_any(ctx, hdr, sizeof(hdr), msg, bits, tag);
	if (!err)
		memcpy(mac, tag, AIOT_SEC_NIA2_MAC_LEN);
	OPENSSL_cleanse(tag, sizeof(tag));
	return err;
}

int aiot_nia2_verify(struct aiot_sec_ctx *ctx, uint32_t count,
		     uint8_t bearer, uint8_t dir, const uint8_t *msg,
		     uint32_t bits, const uint8_t *mac)
{
	uint8_t want[AIOT_SEC_NIA2_MAC_LEN];
	int err;

	if (!mac)
		return -EINVAL;
	err = aiot_nia2_mac(ctx, count, bearer, dir, msg, bits, want);
	if (!err && CRYPTO_memcmp(want, mac, AIOT_SEC_NIA2_MAC_LEN))
		err = -EBADMSG;
	OPENSSL_cleanse(want, sizeof(want));
	return err;
}

static int nea2_run(struct aiot_sec_ctx *ctx, const uint8_t *hdr,
		    const uint8_t *in, uint8_t *out, uint32_t bits)
{
	uint8_t iv[AIOT_SEC_BLOCK_LEN] = { 0 };
	int len = (int)((bits + 7) / 8), n = 0;

	if (!len)
		return 0;
	memcpy(iv, hdr, AIOT_SEC_NAS_HDR_LEN);
	if (EVP_EncryptInit_ex(ctx->ctr, NULL, NULL, NULL, iv) != 1 ||
	    EVP_EncryptUpdate(ctx->ctr, out, &n, in, len) != 1 || n != len)
		return -EIO;
	if (bits % 8)
		out[len - 1] &= (uint8_t)(0xff00 >> (bits % 8));
	return 0;
}

int aiot_nea2_crypt(struct aiot_sec_ctx *ctx, uint32_t count, uint8_t bearer,
		    uint8_t dir, const uint8_t *in, uint8_t *out,
		    uint32_t bits)
{
	uint8_t hdr[AIOT_SEC_NAS_HDR_LEN];
	int err = check_args(ctx, true, false, bearer, dir, in, bits);

	if (err || (bits && !out))
		return err ? err : -EINVAL;
	nas_header(hdr, count, bearer, dir);
	return nea2_run(ctx, hdr, in, out, bits);
}

int aiot_sec_protect(struct aiot_sec_ctx *ctx, uint32_t count,
		     uint8_t bearer, uint8_t dir, uint8_t *buf, uint32_t bits,
		     uint8_t *mac)
{
	uint8_t hdr[AIOT_SEC_NAS_HDR_LEN], tag[AIOT_SEC_BLOCK_LEN];
	int err = check_args(ctx, true, true, bearer, dir, buf, bits);

	if (err || !mac)
		return err ? err : -EINVAL;
	nas_header(hdr, count, bearer, dir);
	err = nea2_run(ctx, hdr, buf, buf, bits);
	if (!err)
		err = cmac_any(ctx, hdr, sizeof(hdr), buf, bits, tag);
	if (!err)
		memcpy(mac, tag, AIOT_SEC_NIA2_MAC_LEN);
	OPENSSL_cleanse(tag, sizeof(tag));
	return err;
}

int aiot_sec_unprotect(struct aiot_sec_ctx *ctx, uint32_t count,
		       uint8_t bearer, uint8_t dir, uint8_t *buf,
		       uint32_t bits, const uint8_t *mac)
{
	uint8_t hdr[AIOT_SEC_NAS_HDR_LEN], tag[AIOT_SEC_BLOCK_LEN];
	int err = check_args(ctx, true, true, bearer, dir, buf, bits);

	if (err || !mac)
		return err ? err : -EINVAL;
	nas_header(hdr, count, bearer, dir);
	err = cmac_any(ctx, hdr, sizeof(hdr), buf, bits, tag);
	if (!err && CRYPTO_memcmp(tag, mac, AIOT_SEC_NIA2_MAC_LEN))
		err = -EBADMSG;
	if (!err)
		err = nea2_run(ctx, hdr, buf, buf, bits);
	OPENSSL_cleanse(tag, sizeof(tag));
	return err;
}

/* HMAC-SHA-256 over the concatenation of parts */
static int hmac_parts(const uint8_t *key, unsigned int keylen,
		      const struct aiot_kdf_param *parts, unsigned int nparts,
		      uint8_t *out)
{
	static const uint8_t nokey;
	OSSL_PARAM params[2];
	EVP_MAC_CTX *mctx;
	EVP_MAC *mac;
	size_t outl = 0;
	unsigned int i;
	int ok;

	mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
	mctx = mac ? EVP_MAC_CTX_new(mac) : NULL;
	if (!mctx) {
		EVP_MAC_free(mac);
		return -ENOMEM;
	}
	params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
						     "SHA256", 0);
	params[1] = OSSL_PARAM_construct_end();
	ok = EVP_MAC_init(mctx, keylen ? key : &nokey, keylen, params) == 1;
	for (i = 0; ok && i < nparts; i++)
		if (parts[i].len)
			ok = EVP_MAC_update(mctx, parts[i].data,
					    parts[i].len) == 1;
	ok = ok && EVP_MAC_final(mctx, out, &outl, AIOT_KDF_OUT_LEN) == 1 &&
	     outl == AIOT_KDF_OUT_LEN;
	EVP_MAC_CTX_free(mctx);
	EVP_MAC_free(mac);
	return ok ? 0 : -EIO;
}

int aiot_hmac_sha256(const uint8_t *key, unsigned int keylen,
		     const uint8_t *data, unsigned int len, uint8_t *out)
{
	const struct aiot_kdf_param part = { data, (uint16_t)len };

	if ((!key && keylen) || (!data && len) || !out ||
	    len > AIOT_SEC_MSG_MAX_LEN)
		return -EINVAL;
	return hmac_parts(key, keylen, &part, 1, out);
}

int aiot_kdf(const uint8_t *key, unsigned int keylen, uint8_t fc,
	     const struct aiot_kdf_param *params, unsigned int nparams,
	     uint8_t *out)
{
	struct aiot_kdf_param parts[1 + 2 * AIOT_KDF_MAX_PARAMS];
	uint8_t lens[AIOT_KDF_MAX_PARAMS][2];
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
		lens[i][1] = (uint8_t)params[i].len;
		parts[1 + 2 * i] = params[i];
		parts[2 + 2 * i].data = lens[i];
		parts[2 + 2 * i].len = 2;
	}
	return hmac_parts(key, keylen, parts, 1 + 2 * nparams, out);
}

static int kdf_root(const uint8_t *k_root, uint8_t fc, const uint8_t *rand_n,
		    const uint8_t *rand_d, uint8_t *out)
{
	const struct aiot_kdf_param p[] = {
		{ rand_n, AIOT_RAND_N_LEN },
		{ rand_d, AIOT_RAND_D_LEN },
	};

	if (!k_root || !rand_n || !rand_d)
		return -EINVAL;
	return aiot_kdf(k_root, AIOT_K_ROOT_LEN, fc, p, 2, out);
}

int aiot_res_aiot(const uint8_t *k_root, const uint8_t *rand_n,
		  const uint8_t *rand_d, uint8_t *res)
{
	uint8_t out[AIOT_KDF_OUT_LEN];
	int err;

	if (!res)
		return -EINVAL;
	err = kdf_root(k_root, AIOT_FC_RES_AIOT, rand_n, rand_d, out);
	if (!err)
		memcpy(res, out + AIOT_RES_OFFSET, AIOT_RES_LEN);
	OPENSSL_cleanse(out, sizeof(out));
	return err;
}

int aiot_k_aiotf(const uint8_t *k_root, const uint8_t *rand_n,
		 const uint8_t *rand_d, uint8_t *k_aiotf)
{
	if (!k_aiotf)
		return -EINVAL;
	return kdf_root(k_root, AIOT_FC_K_AIOTF, rand_n, rand_d, k_aiotf);
}

static int kdf_alg_key(const uint8_t *k_aiotf, uint8_t type, uint8_t alg,
		       uint8_t *key)
{
	const struct aiot_kdf_param p[] = { { &type, 1 }, { &alg, 1 } };
	uint8_t out[AIOT_KDF_OUT_LEN];
	int err;

	err = aiot_kdf(k_aiotf, AIOT_K_AIOTF_LEN, AIOT_FC_K_COMMAND, p, 2,
		       out);
	if (!err)
		memcpy(key, out + AIOT_KDF_KEY128_OFFSET, AIOT_SEC_KEY_LEN);
	OPENSSL_cleanse(out, sizeof(out));
	return err;
}

int aiot_k_command(const uint8_t *k_aiotf, uint8_t *k_enc, uint8_t *k_int)
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
		OPENSSL_cleanse(k_enc, AIOT_SEC_KEY_LEN);
		OPENSSL_cleanse(k_int, AIOT_SEC_KEY_LEN);
	}
	return err;
}

int aiot_sec_ctx_set_kaiotf(struct aiot_sec_ctx *ctx, const uint8_t *k_aiotf)
{
	uint8_t k_enc[AIOT_SEC_KEY_LEN], k_int[AIOT_SEC_KEY_LEN];
	int err;

	if (!ctx || !k_aiotf)
		return -EINVAL;
	err = aiot_k_command(k_aiotf, k_enc, k_int);
	if (!err)
		err = aiot_sec_ctx_set_keys(ctx, k_enc, k_int);
	OPENSSL_cleanse(k_enc, sizeof(k_enc));
	OPENSSL_cleanse(k_int, sizeof(k_int));
	return err;
}

const char *aiot_sec_strerror(int err)
{
	switch (err) {
	case 0:
		return "success";
	case -EINVAL:
		return "invalid argument";
	case -EMSGSIZE:
		return "message too long";
	case -ENOKEY:
		return "the context has no key for this algorithm";
	case -EBADMSG:
		return "MAC mismatch: the message is not authentic";
	case -ENOMEM:
		return "out of memory";
	case -EIO:
		return "the OpenSSL library failed";
	default:
		return "unknown error";
	}
}

static int hex_nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int aiot_hex_decode(const char *hex, uint8_t *out, size_t max, size_t *len)
{
	size_t n, i;
	int hi, lo;

	if (!hex)
		return -EINVAL;
	if (hex[0] == '0' && (hex[1] == 'x' || hex[1] == 'X'))
		hex += 2;
	n = strlen(hex);
	if (n % 2 || n / 2 > max)
		return -EINVAL;
	for (i = 0; i < n / 2; i++) {
		hi = hex_nibble(hex[2 * i]);
		lo = hex_nibble(hex[2 * i + 1]);
		if (hi < 0 || lo < 0)
			return -EINVAL;
		out[i] = (uint8_t)(hi << 4 | lo);
	}
	if (len)
		*len = n / 2;
	return 0;
}

void aiot_hex_encode(const uint8_t *in, size_t len, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < len; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * len] = '\0';
}
