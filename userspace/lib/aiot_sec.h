/* SPDX-License-Identifier: GPL-2.0 */
/*
 * libaiot security: the userspace twin of the kernel's security engine
 * (kernel/sec.h), on OpenSSL (EVP_MAC CMAC, AES-128-CTR, EVP_MAC HMAC with
 * SHA-256).  Same functions, same arguments, same results, same vectors;
 * the values come from the same <aiot/sec_values.h>.  The AIOTF simulator,
 * aiotctl crypto and the cross-check generator use it.
 *
 * Errors are negative errno values, as in the kernel: -EINVAL (bad
 * argument), -EMSGSIZE (message longer than AIOT_SEC_MSG_MAX_LEN octets),
 * -ENOKEY (the context lacks the key), -EBADMSG (wrong MAC), -ENOMEM, and
 * -EIO when OpenSSL fails.  aiot_sec_strerror() words them.
 *
 * Unlike the kernel's, a userspace context holds OpenSSL state: one thread
 * at a time may use a given context.  Different contexts are independent.
 * Contexts are cleansed (OPENSSL_cleanse) when cleared or freed; keys
 * cannot be read back.  Bit lengths are handled exactly: a message whose
 * length is not a multiple of 8 bits goes through a CMAC computed block by
 * block from AES-ECB (SP 800-38B), independently of EVP_MAC.
 */
#ifndef AIOT_SEC_H
#define AIOT_SEC_H

#include <stddef.h>
#include <stdint.h>
#include <aiot/sec_values.h>

#define AIOT_SEC_BLOCK_LEN	16	/* AES block, the untruncated CMAC tag */
#define AIOT_KDF_MAX_PARAMS	8

struct aiot_sec_ctx;

struct aiot_kdf_param {
	const uint8_t *data;
	uint16_t len;
};

struct aiot_sec_ctx *aiot_sec_ctx_alloc(void);
void aiot_sec_ctx_free(struct aiot_sec_ctx *ctx);
void aiot_sec_ctx_clear(struct aiot_sec_ctx *ctx);
int aiot_sec_ctx_set_keys(struct aiot_sec_ctx *ctx, const uint8_t *k_enc,
			  const uint8_t *k_int);
int aiot_sec_ctx_set_kaiotf(struct aiot_sec_ctx *ctx, const uint8_t *k_aiotf);

int aiot_sec_cmac(struct aiot_sec_ctx *ctx, const uint8_t *prefix,
		  uint32_t plen, const uint8_t *msg, uint32_t bits,
		  uint8_t *tag);
int aiot_nia2_mac(struct aiot_sec_ctx *ctx, uint32_t count, uint8_t bearer,
		  uint8_t dir, const uint8_t *msg, uint32_t bits, uint8_t *mac);
int aiot_nia2_verify(struct aiot_sec_ctx *ctx, uint32_t count,
		     uint8_t bearer, uint8_t dir, const uint8_t *msg,
		     uint32_t bits, const uint8_t *mac);
int aiot_nea2_crypt(struct aiot_sec_ctx *ctx, uint32_t count, uint8_t bearer,
		    uint8_t dir, const uint8_t *in, uint8_t *out,
		    uint32_t bits);
int aiot_sec_protect(struct aiot_sec_ctx *ctx, uint32_t count,
		     uint8_t bearer, uint8_t dir, uint8_t *buf, uint32_t bits,
		     uint8_t *mac);
int aiot_sec_unprotect(struct aiot_sec_ctx *ctx, uint32_t count,
		       uint8_t bearer, uint8_t dir, uint8_t *buf,
		       uint32_t bits, const uint8_t *mac);

int aiot_hmac_sha256(const uint8_t *key, unsigned int keylen,
		     const uint8_t *data, unsigned int len, uint8_t *out);
int aiot_kdf(const uint8_t *key, unsigned int keylen, uint8_t fc,
	     const struct aiot_kdf_param *params, unsigned int nparams,
	     uint8_t *out);
int aiot_res_aiot(const uint8_t *k_root, const uint8_t *rand_n,
		  const uint8_t *rand_d, uint8_t *res);
int aiot_k_aiotf(const uint8_t *k_root, const uint8_t *rand_n,
		 const uint8_t *rand_d, uint8_t *k_aiotf);
int aiot_k_command(const uint8_t *k_aiotf, uint8_t *k_enc, uint8_t *k_int);

const char *aiot_sec_strerror(int err);

/* Hex helpers for tools and tests: 0 on success, -EINVAL on bad input */
/*
 * K_AIoT_root of an aiot_hwsim device from its population's key seed and
 * its identity (@id_bits long, MSB first): the rule of
 * <aiot/hwsim_values.h>. Returns 0 or -EINVAL / an aiot_hmac_sha256() error.
 */
int aiot_hwsim_k_root(const uint8_t *seed, size_t seed_len, const uint8_t *id,
		      unsigned int id_bits, uint8_t *k_root);

int aiot_hex_decode(const char *hex, uint8_t *out, size_t max, size_t *len);
void aiot_hex_encode(const uint8_t *in, size_t len, char *out);

#endif /* AIOT_SEC_H */
