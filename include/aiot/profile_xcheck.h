/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The study profiles' cryptography (kernel/profile.c) in the
 * kernel/userspace security cross-check: every function that computes
 * something, run once on the inputs of one case of <aiot/sec_xcheck.h>,
 * and a digest of everything they wrote.  The generator
 * (tests/xcheck/gen_sec_xcheck.c) computes it on the OpenSSL twin, the
 * KUnit module aiot_sec_xcheck_test with kernel/sec.c; the two must agree
 * bit for bit.
 *
 * Plain C with no header of its own: the includer includes
 * <aiot/sec_xcheck.h> and profile.h first.
 */
#ifndef _AIOT_PROFILE_XCHECK_H
#define _AIOT_PROFILE_XCHECK_H

/* Room aiot_xcheck_profile() needs at @buf; in the kernel, linear mapping */
#define AIOT_XCHECK_PROF_BUF	96

/*
 * A valid Security Policy from a case: every ID protection, ciphering and
 * integrity scope in turn
 */
static inline unsigned char aiot_xcheck_policy(const struct aiot_xcheck_case *c)
{
	unsigned int r = c->count >> 8;

	return (r % 3) | ((r / 3) & 1) << 2 | (r / 6 % 3) << 3;
}

/* The case's identity: 1..128 bits of its message, padding bits as they come */
static inline unsigned char aiot_xcheck_id_bits(const struct aiot_xcheck_case *c)
{
	return 1 + c->bits % 128;
}

/*
 * Run the profiles on case @c: K = k_root, nonce1 = NN = rand_n, Nonce2 =
 * DN = rand_d, the identity and the clear octets from msg, the counter
 * from count, a payload of 1..40 octets.  Return: 0 with the digest at
 * @digest, or the first error.
 */
static inline int aiot_xcheck_profile(struct aiot_sec_ctx *ctx,
				      const struct aiot_xcheck_case *c,
				      unsigned char *buf,
				      unsigned long long *digest)
{
	const unsigned char *k = c->k_root, *n1 = c->rand_n, *n2 = c->rand_d;
	unsigned char id_bits = aiot_xcheck_id_bits(c);
	unsigned char pol = aiot_xcheck_policy(c), apol;
	unsigned long long h = AIOT_XCHECK_FNV_INIT;
	unsigned int plen = 1 + c->bits % 40;
	unsigned char *pid = buf + 64;
	unsigned char k1[32], k2[32], out[32];
	struct aiot_sol9_paging pg;
	int n;

	/* solution-y */
	n = aiot_soly_k_aiot(k, n1, k1) ?: aiot_soly_k_ses(k1, n2, k2) ?:
	    aiot_soly_k_command(k2, out, out + 16);
	if (n)
		return n;
	h = aiot_xcheck_fnv(h, k1, 32);
	h = aiot_xcheck_fnv(h, k2, 32);
	h = aiot_xcheck_fnv(h, out, 32);
	memcpy(buf, c->msg + 200, 11);
	n = aiot_soly_pid_seal(ctx, k1, (c->count & 7) | AIOT_SOLY_PF_PID,
			       c->msg, id_bits, c->count, buf, 11, 64);
	if (n < 0)
		return n;
	h = aiot_xcheck_fnv(h, buf, n);
	n = aiot_soly_kid(ctx, k1, n1, out) ?: aiot_soly_nres(ctx, k2, n2, out + 4);
	if (n)
		return n;
	h = aiot_xcheck_fnv(h, out, 12);
	memcpy(buf, c->msg + 220, 15);
	n = aiot_prof_id_put(buf + 15, c->msg, id_bits);
	n = aiot_soly_access_seal(ctx, k2, n1, buf, 15, 15 + n, 64);
	if (n < 0)
		return n;
	h = aiot_xcheck_fnv(h, buf, n);
	memcpy(buf, c->msg + 240, 2);
	n = aiot_soly_ident_seal(ctx, k2, c->msg, id_bits, buf, 2, 64);
	if (n < 0)
		return n;
	h = aiot_xcheck_fnv(h, buf, n);

	/* solution-9 */
	n = aiot_sol9_k_n(k, n1, k1) ?: aiot_sol9_k_nd(k, n1, n2, k2) ?:
	    aiot_sol9_tid(k, n1, out) ?: aiot_sol9_tid_star(k, n1, n2, out + 8) ?:
	    aiot_sol9_pid_protect(ctx, k1, c->msg, id_bits, pid);
	if (n)
		return n;
	h = aiot_xcheck_fnv(h, k1, 32);
	h = aiot_xcheck_fnv(h, k2, 32);
	h = aiot_xcheck_fnv(h, out, 16);
	h = aiot_xcheck_fnv(h, pid, (id_bits + 7) / 8);
	apol = (pol & 3) == AIOT_SOL9_POL_IDP_TID ? AIOT_SOL9_POL_IDP_PID : pol;
	memcpy(buf, c->msg + 160, 11);
	n = aiot_sol9_auth_seal(ctx, k2, apol, c->msg, id_bits, buf, 11, 64);
	if (n < 0)
		return n;
	h = aiot_xcheck_fnv(h, buf, n);
	pg.nn = n1;
	pg.idf = pid;
	pg.idf_bits = id_bits;
	memcpy(buf, c->msg + 100, 3 + plen);
	n = aiot_sol9_req_seal(ctx, k1, pol, &pg, buf, 3, 3 + plen, 64);
	if (n < 0)
		return n;
	h = aiot_xcheck_fnv(h, buf, n);
	memcpy(buf, c->msg + 150, 11 + plen);
	n = aiot_sol9_rsp_seal(ctx, k2, pol, n1, buf, 11, 11 + plen, 64);
	if (n < 0)
		return n;
	*digest = aiot_xcheck_fnv(h, buf, n);
	return 0;
}

#endif /* _AIOT_PROFILE_XCHECK_H */
