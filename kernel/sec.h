/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiot security engine: 128-NIA2, 128-NEA2, the TS 33.220 KDF and the A-IoT
 * key derivations, on the kernel crypto API.
 *
 * The engine knows keys and algorithms only: no frames, no sockets.  Its
 * values (FC codes, lengths, NAS inputs) are in <aiot/sec_values.h>, shared
 * with the userspace twin (userspace/lib/aiot_sec.h), which has the same
 * functions with the same meaning.
 *
 * Transforms.  aiot_sec_init() allocates, once, a small pool of synchronous
 * transforms ("cmac(aes)", "ctr(aes)", "hmac(sha256)"), one slot per
 * possible CPU up to AIOT_SEC_SLOTS_MAX.  An operation takes the slot of the
 * CPU it runs on under the slot's spinlock (bottom halves off), loads the
 * context's key if the slot does not already hold it, and computes.
 * Nothing is allocated per operation and no transform belongs to a device
 * or a session; a security context is only key material.
 *
 * Context rules:
 *  - aiot_sec_init(), aiot_sec_exit(): process context (they allocate and
 *    free transforms, which may sleep and load modules).
 *  - aiot_sec_ctx_alloc(): may sleep with GFP_KERNEL; with GFP_ATOMIC it may
 *    be called where sleeping is not allowed.
 *  - Every other function (key setting, NIA2, NEA2, KDF, derivations,
 *    aiot_sec_ctx_free()) does not sleep and allocates nothing: it may be
 *    called in process context and in softirq context (a NAPI or timer
 *    path), with or without a spinlock held.  It must not be called in hard
 *    interrupt context or with interrupts disabled, because the slot lock
 *    is taken with spin_lock_bh().
 *  - The buffers given to aiot_nea2_crypt(), aiot_sec_protect() and
 *    aiot_sec_unprotect() are put in a scatterlist: they must be in the
 *    kernel's linear mapping (kmalloc, page allocator, skb data), never on
 *    the stack or in vmalloc memory.  The other functions take any buffer.
 *  - A context may be used by several CPUs at once for computing; setting
 *    its keys or freeing it must not race with a computation on it.
 *
 * Keys cannot be read back: struct aiot_sec_ctx is opaque, no function
 * returns a stored key, and the context, the stack copies and the slots
 * that held a context's key schedule are zeroised when it is cleared or
 * freed.  MAC comparison is constant time (crypto_memneq()).
 */
#ifndef _AIOT_SEC_H
#define _AIOT_SEC_H

#include <linux/types.h>
#include <aiot/sec_values.h>

/* Upper bound of the transform pool, whatever the number of CPUs */
#define AIOT_SEC_SLOTS_MAX	64
/* Most parameters P0..Pn one aiot_kdf() call takes */
#define AIOT_KDF_MAX_PARAMS	8

struct aiot_sec_ctx;

/**
 * struct aiot_kdf_param - one input parameter Pi of the TS 33.220 KDF
 * @data: the octets of Pi
 * @len: length of Pi in octets; it is also encoded as Li
 */
struct aiot_kdf_param {
	const u8 *data;
	u16 len;
};

/* The transforms of the pool, for aiot_sec_driver_name() */
enum aiot_sec_tfm {
	AIOT_SEC_TFM_CMAC,	/* cmac(aes): 128-NIA2 */
	AIOT_SEC_TFM_CTR,	/* ctr(aes): 128-NEA2, CMAC subkeys */
	AIOT_SEC_TFM_HMAC,	/* hmac(sha256): the KDF */
	AIOT_SEC_TFM_NUM,
};

int aiot_sec_init(void);
void aiot_sec_exit(void);
const char *aiot_sec_driver_name(enum aiot_sec_tfm which);

struct aiot_sec_ctx *aiot_sec_ctx_alloc(gfp_t gfp);
void aiot_sec_ctx_free(struct aiot_sec_ctx *ctx);
void aiot_sec_ctx_clear(struct aiot_sec_ctx *ctx);
int aiot_sec_ctx_set_keys(struct aiot_sec_ctx *ctx, const u8 *k_enc,
			  const u8 *k_int);
int aiot_sec_ctx_set_kaiotf(struct aiot_sec_ctx *ctx, const u8 *k_aiotf);

int aiot_sec_cmac(const struct aiot_sec_ctx *ctx, const u8 *prefix, u32 plen,
		  const u8 *msg, u32 bits, u8 *tag);
int aiot_nia2_mac(const struct aiot_sec_ctx *ctx, u32 count, u8 bearer,
		  u8 dir, const u8 *msg, u32 bits, u8 *mac);
int aiot_nia2_verify(const struct aiot_sec_ctx *ctx, u32 count, u8 bearer,
		     u8 dir, const u8 *msg, u32 bits, const u8 *mac);
int aiot_nea2_crypt(const struct aiot_sec_ctx *ctx, u32 count, u8 bearer,
		    u8 dir, const u8 *in, u8 *out, u32 bits);
int aiot_sec_protect(const struct aiot_sec_ctx *ctx, u32 count, u8 bearer,
		     u8 dir, u8 *buf, u32 bits, u8 *mac);
int aiot_sec_unprotect(const struct aiot_sec_ctx *ctx, u32 count, u8 bearer,
		       u8 dir, u8 *buf, u32 bits, const u8 *mac);

int aiot_hmac_sha256(const u8 *key, unsigned int keylen, const u8 *data,
		     unsigned int len, u8 *out);
int aiot_kdf(const u8 *key, unsigned int keylen, u8 fc,
	     const struct aiot_kdf_param *params, unsigned int nparams,
	     u8 *out);
int aiot_res_aiot(const u8 *k_root, const u8 *rand_n, const u8 *rand_d,
		  u8 *res);
int aiot_k_aiotf(const u8 *k_root, const u8 *rand_n, const u8 *rand_d,
		 u8 *k_aiotf);
int aiot_k_command(const u8 *k_aiotf, u8 *k_enc, u8 *k_int);

#if IS_ENABLED(CONFIG_KUNIT)
u64 aiot_sec_test_ctx_id(const struct aiot_sec_ctx *ctx);
bool aiot_sec_test_ctx_zeroed(const struct aiot_sec_ctx *ctx);
bool aiot_sec_test_slots_hold(u64 id);
#endif

#endif /* _AIOT_SEC_H */
