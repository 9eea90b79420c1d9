/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiot: the cryptography of the two study security profiles,
 * Documentation/security-profiles.rst: solution-y (seed 002) and
 * solution-9 (seed 004).  Key derivations, protected identities, the MACs
 * and ciphered parts of their messages, the solution-9 command envelope and
 * its Security Policy checks.  Every value is in <aiot/profile_values.h>.
 *
 * One source for the kernel and userspace, like nas.c: in aiot.ko on
 * sec.c's exported primitives (for aiot_hwsim.ko's devices), in libaiot on
 * the OpenSSL twin (for the AIOTF simulator).  The functions work on fields
 * (keys, nonces, identities) and on the octets of an encoded message as the
 * codec lays it out; they parse no message.
 *
 * A message part.  Every MAC of the two profiles covers the octets of its
 * message from the security header type up to the MAC, ciphered fields as
 * sent (cipher, then MAC), sometimes after a prefix of values sent
 * elsewhere (nonce1, NN', the paging's identity field); the MAC follows the
 * octets it covers.  So a function that protects part of a message takes
 * the encoded message @msg and two offsets:
 *  - *_seal(): msg[0..off) holds the clear octets (security header type,
 *    message type, flags or policy, nonces) and msg[off..len) the plain
 *    field to cipher (a *_seal() that takes an identity writes that field
 *    itself and takes no @len).  The field is ciphered in place, the MAC
 *    written at msg + len; the return value is the length with the MAC.
 *    @size is the room at @msg.  On failure msg[off..len) is wiped.
 *  - *_open(): msg[0..len) is the received message up to its end, the MAC
 *    being its last octets, msg[off..) the ciphered field.  The MAC is
 *    checked first, in constant time; only when it is right is the field
 *    deciphered, in place, and the return value is the length without the
 *    MAC.  On failure the message is left as it was.
 *
 * Rules:
 *  - @ctx is a scratch security context (aiot_sec_ctx_alloc()) that one
 *    call uses at a time.  A function loads the half of its key it needs
 *    (X.enc: octets 16..31, X.int: octets 0..15), computes, and clears the
 *    context again (aiot_sec_ctx_clear()) before it returns, on every path:
 *    no key stays in the context or in the shared transforms.  The context
 *    rules of sec.h apply: process or softirq context, never hard IRQ.
 *  - In the kernel, every buffer that is ciphered or deciphered must be in
 *    the linear mapping (kmalloc, page allocator, skb data), never on the
 *    stack or in vmalloc memory: @msg of the *_seal() and *_open()
 *    functions, @pid of aiot_sol9_pid_protect(), @plain of the *_match()
 *    and aiot_soly_pid_open() functions.  Keys, nonces, identities, MACs
 *    and the rest may be anywhere.
 *  - Nothing is allocated; MACs, ARES, NRES and temporary IDs are compared
 *    in constant time; the copies of keys and tags on the stack are wiped.
 *
 * Cost.  Each function's comment gives what it costs by the page's
 * counting rule (the one aiot_hwsim counts with): 128-NIA2 or NIA2-64 over
 * n octets ceil((8 + n) / 16) + 1 AES blocks, 128-NEA2 over n octets
 * ceil(n / 16), a KDF one HMAC-SHA-256.  Nothing is counted here.
 *
 * Errors (negative errno): -EINVAL a bad argument (a NULL pointer, an
 * identity length outside 1..AIOT_ID_MAX_BITS, spare flag bits or a
 * reserved policy given to a *_seal()), -EMSGSIZE no room at @msg,
 * -EPROTO a malformed received field (a length, spare flag bits, a
 * reserved Security Policy value, a bad id_bits | ID), -ENOENT the
 * identity is not this device's, -EBADMSG a MAC, ARES, NRES or T-ID* that
 * is wrong, -EACCES a Security Policy weaker than the configured floor; or
 * an error of the security engine.
 */
#ifndef _AIOT_PROFILE_H
#define _AIOT_PROFILE_H

#include <linux/types.h>
#include <aiot/air_values.h>
#include <aiot/profile_values.h>

struct aiot_sec_ctx;

/* id_bits (1) | ID, zero padded to whole octets: at most this long */
#define AIOT_PROF_ID_STR_MAX	(1 + AIOT_ID_MAX_BITS / 8)
/* The paging's protected ID of solution-y, ID | counter: at most */
#define AIOT_SOLY_PID_MAX_LEN	(AIOT_ID_MAX_BITS / 8 + AIOT_SOLY_COUNTER_LEN)
/* The identity field of a solution-9 paging (protected ID or T-ID), octets */
#define AIOT_SOL9_IDF_MAX_LEN	(AIOT_ID_MAX_BITS / 8)

/* Both profiles */
unsigned int aiot_prof_id_put(u8 *p, const u8 *id, u8 id_bits);
int aiot_prof_id_get(const u8 *p, unsigned int len, u8 *id_bits);

/* solution-y: keys */
int aiot_soly_k_aiot(const u8 *k, const u8 *nonce1, u8 *k_aiot);
int aiot_soly_k_ses(const u8 *k_aiot, const u8 *nonce2, u8 *k_ses);
int aiot_soly_k_command(const u8 *k_ses, u8 *k_enc, u8 *k_int);
int aiot_soly_ctx_set_command(struct aiot_sec_ctx *ctx, const u8 *k_ses);

/* solution-y: the Y Paging Request's protected ID and MAC-P, and the KID */
unsigned int aiot_soly_pid_len(u8 flags, u8 id_bits);
int aiot_soly_pid_seal(struct aiot_sec_ctx *ctx, const u8 *k_aiot, u8 flags,
		       const u8 *id, u8 id_bits, u32 counter, u8 *msg,
		       unsigned int off, unsigned int size);
int aiot_soly_pid_open(struct aiot_sec_ctx *ctx, const u8 *k_aiot, u8 flags,
		       const u8 *msg, unsigned int off, unsigned int len,
		       const u8 *id, u8 id_bits, u8 *plain, u32 *counter);
int aiot_soly_kid(struct aiot_sec_ctx *ctx, const u8 *k_aiot,
		  const u8 *nonce1, u8 *kid);

/* solution-y: the Y Access Response (Msg3), NRES, the protected identity */
int aiot_soly_access_seal(struct aiot_sec_ctx *ctx, const u8 *k_ses,
			  const u8 *nonce1, u8 *msg, unsigned int off,
			  unsigned int len, unsigned int size);
int aiot_soly_access_open(struct aiot_sec_ctx *ctx, const u8 *k_ses,
			  const u8 *nonce1, u8 *msg, unsigned int off,
			  unsigned int len);
int aiot_soly_nres(struct aiot_sec_ctx *ctx, const u8 *k_ses,
		   const u8 *nonce2, u8 *nres);
int aiot_soly_nres_verify(struct aiot_sec_ctx *ctx, const u8 *k_ses,
			  const u8 *nonce2, const u8 *nres);
int aiot_soly_ident_seal(struct aiot_sec_ctx *ctx, const u8 *k_ses,
			 const u8 *id, u8 id_bits, u8 *msg, unsigned int off,
			 unsigned int size);
int aiot_soly_ident_open(struct aiot_sec_ctx *ctx, const u8 *k_ses, u8 *msg,
			 unsigned int off, unsigned int len, u8 *id_bits);

/* solution-9: keys and temporary IDs */
int aiot_sol9_k_n(const u8 *k, const u8 *nn, u8 *k_n);
int aiot_sol9_k_nd(const u8 *k, const u8 *nn, const u8 *dn, u8 *k_nd);
int aiot_sol9_tid(const u8 *k, const u8 *nn, u8 *tid);
int aiot_sol9_tid_star(const u8 *k, const u8 *nn, const u8 *dn, u8 *tid);
int aiot_sol9_tid_match(const u8 *k, const u8 *nn, const u8 *tid);
int aiot_sol9_tid_star_verify(const u8 *k, const u8 *nn, const u8 *dn,
			      const u8 *tid);

/* solution-9: the paging's protected ID, the device's protected ID* */
int aiot_sol9_pid_protect(struct aiot_sec_ctx *ctx, const u8 *k_n,
			  const u8 *id, u8 id_bits, u8 *pid);
int aiot_sol9_pid_match(struct aiot_sec_ctx *ctx, const u8 *k_n,
			const u8 *pid, u8 pid_bits, const u8 *id, u8 id_bits,
			u8 *plain);
int aiot_sol9_auth_seal(struct aiot_sec_ctx *ctx, const u8 *k_nd, u8 policy,
			const u8 *id, u8 id_bits, u8 *msg, unsigned int off,
			unsigned int size);
int aiot_sol9_auth_open(struct aiot_sec_ctx *ctx, const u8 *k_nd, u8 policy,
			u8 *msg, unsigned int off, unsigned int len,
			u8 *id_bits);

/**
 * struct aiot_sol9_paging - what a command's paging carried, which an
 *	"entire message" MAC of the 9 Command Request covers
 * @nn: NN', AIOT_SOL9_NN_LEN octets
 * @idf: the paging's identity field (protected ID or T-ID), MSB first; its
 *	bits after @idf_bits are taken as zeros
 * @idf_bits: its length in bits, 1..AIOT_ID_MAX_BITS
 */
struct aiot_sol9_paging {
	const u8 *nn;
	const u8 *idf;
	u8 idf_bits;
};

/* solution-9: the Security Policy and the command envelope */
bool aiot_sol9_policy_valid(u8 policy);
int aiot_sol9_policy_check(u32 cfg, u8 policy);
int aiot_sol9_req_seal(struct aiot_sec_ctx *ctx, const u8 *k_n, u8 policy,
		       const struct aiot_sol9_paging *pg, u8 *msg,
		       unsigned int off, unsigned int len, unsigned int size);
int aiot_sol9_req_open(struct aiot_sec_ctx *ctx, const u8 *k_n, u32 cfg,
		       u8 policy, const struct aiot_sol9_paging *pg, u8 *msg,
		       unsigned int off, unsigned int len);
int aiot_sol9_rsp_seal(struct aiot_sec_ctx *ctx, const u8 *k_nd, u8 policy,
		       const u8 *nn, u8 *msg, unsigned int off,
		       unsigned int len, unsigned int size);
int aiot_sol9_rsp_open(struct aiot_sec_ctx *ctx, const u8 *k_nd, u32 cfg,
		       u8 policy, const u8 *nn, u8 *msg, unsigned int off,
		       unsigned int len);

#endif /* _AIOT_PROFILE_H */
