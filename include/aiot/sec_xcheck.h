/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Random cases of the kernel/userspace security cross-check.
 *
 * Both sides generate exactly the same inputs from a seed: the generator
 * (tests/xcheck/gen_sec_xcheck.c, on the OpenSSL twin) writes the results
 * it computes into a header that the KUnit module aiot_sec_xcheck_test is
 * built with, and that module recomputes every case with kernel/sec.c in
 * the guest.  Documentation/security.rst describes the design.
 *
 * Plain C with no header: the same text compiles in the kernel and in
 * userspace.
 */
#ifndef _AIOT_SEC_XCHECK_H
#define _AIOT_SEC_XCHECK_H

/* Longest message of a case: 2048 bits */
#define AIOT_XCHECK_MAX_BITS	2048
#define AIOT_XCHECK_MAX_BYTES	(AIOT_XCHECK_MAX_BITS / 8)
/*
 * Every AIOT_XCHECK_KDF_EVERY-th case also checks the A-IoT derivations
 * and the study profiles' cryptography
 */
#define AIOT_XCHECK_KDF_EVERY	8

struct aiot_xcheck_case {
	unsigned char k_enc[16];
	unsigned char k_int[16];
	unsigned int count;
	unsigned char bearer;		/* 0..31 */
	unsigned char dir;		/* 0..1 */
	unsigned int bits;		/* 1..AIOT_XCHECK_MAX_BITS */
	unsigned char msg[AIOT_XCHECK_MAX_BYTES];	/* random to the end */
	unsigned char k_root[16];	/* for the KDF cases */
	unsigned char rand_n[8];
	unsigned char rand_d[8];
};

/* What one case must give; filled in by the generator */
struct aiot_xcheck_expect {
	unsigned int mac;		/* NIA2 MAC-I of the plaintext */
	unsigned int mac_protected;	/* NIA2 MAC-I of the NEA2 ciphertext */
	unsigned long long ct_digest;	/* aiot_xcheck_fnv() of the ciphertext */
	unsigned long long kdf_digest;	/* of RES | K_AIOTF | K_enc | K_int */
	unsigned long long nas_digest;	/* of the sealed AIoT NAS message */
	unsigned long long prof_digest;	/* <aiot/profile_xcheck.h>, KDF cases */
};

/*
 * The AIoT NAS case of a case (kernel/nas.c): a Write Request of
 * aiot_xcheck_nas_len() octets of @msg at offset @count & 0xffff, sealed
 * with K_enc and K_int, ciphered when @dir is 1, in direction @bearer & 1.
 */
#define AIOT_XCHECK_NAS_DATA_MAX	200

static inline unsigned int aiot_xcheck_nas_len(const struct aiot_xcheck_case *c)
{
	return 1 + c->bits % AIOT_XCHECK_NAS_DATA_MAX;
}

/* splitmix64 (Steele, Lea, Flood 2014): small, fast, well distributed */
static inline unsigned long long aiot_xcheck_next(unsigned long long *s)
{
	unsigned long long z;

	*s += 0x9e3779b97f4a7c15ULL;
	z = *s;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static inline void aiot_xcheck_fill(unsigned long long *s, unsigned char *p,
				    unsigned int n)
{
	unsigned long long r = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (i % 8 == 0)
			r = aiot_xcheck_next(s);
		p[i] = (unsigned char)(r >> (8 * (i % 8)));
	}
}

/* FNV-1a, 64 bits: a digest to compare outputs, not a security function */
static inline unsigned long long aiot_xcheck_fnv(unsigned long long h,
						 const unsigned char *p,
						 unsigned int n)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		h ^= p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define AIOT_XCHECK_FNV_INIT	0xcbf29ce484222325ULL

/*
 * Case @index of the run with @seed.  Lengths: a quarter uniform in
 * 1..2048, a quarter in 1..160, a quarter whole octets, a quarter one bit
 * off a block boundary, so that every padding path is hit often.
 */
static inline void aiot_xcheck_case(unsigned long long seed,
				    unsigned int index,
				    struct aiot_xcheck_case *c)
{
	unsigned long long s = seed ^ (0x6a09e667f3bcc909ULL * (index + 1ULL));
	unsigned long long r;

	aiot_xcheck_fill(&s, c->k_enc, sizeof(c->k_enc));
	aiot_xcheck_fill(&s, c->k_int, sizeof(c->k_int));
	r = aiot_xcheck_next(&s);
	c->count = (unsigned int)r;
	c->bearer = (r >> 32) & 0x1f;
	c->dir = (r >> 37) & 1;
	r = aiot_xcheck_next(&s);
	switch (index % 4) {
	case 0:
		c->bits = 1 + r % AIOT_XCHECK_MAX_BITS;
		break;
	case 1:
		c->bits = 1 + r % 160;
		break;
	case 2:
		c->bits = 8 * (1 + r % AIOT_XCHECK_MAX_BYTES);
		break;
	default:	/* 64 + bits = 128 k +- 1, for k = 1..16 */
		c->bits = 128 * (1 + r % 16) - 64 + ((r >> 8) & 1 ? 1 : -1);
		break;
	}
	aiot_xcheck_fill(&s, c->msg, sizeof(c->msg));
	aiot_xcheck_fill(&s, c->k_root, sizeof(c->k_root));
	aiot_xcheck_fill(&s, c->rand_n, sizeof(c->rand_n));
	aiot_xcheck_fill(&s, c->rand_d, sizeof(c->rand_d));
}

/* A digest of every input of a case, to prove both sides generated them */
static inline unsigned long long
aiot_xcheck_input_digest(unsigned long long h, const struct aiot_xcheck_case *c)
{
	unsigned char v[10];

	v[0] = c->count >> 24;
	v[1] = c->count >> 16;
	v[2] = c->count >> 8;
	v[3] = c->count;
	v[4] = c->bearer;
	v[5] = c->dir;
	v[6] = c->bits >> 24;
	v[7] = c->bits >> 16;
	v[8] = c->bits >> 8;
	v[9] = c->bits;
	h = aiot_xcheck_fnv(h, v, sizeof(v));
	h = aiot_xcheck_fnv(h, c->k_enc, sizeof(c->k_enc));
	h = aiot_xcheck_fnv(h, c->k_int, sizeof(c->k_int));
	h = aiot_xcheck_fnv(h, c->msg, sizeof(c->msg));
	h = aiot_xcheck_fnv(h, c->k_root, sizeof(c->k_root));
	h = aiot_xcheck_fnv(h, c->rand_n, sizeof(c->rand_n));
	return aiot_xcheck_fnv(h, c->rand_d, sizeof(c->rand_d));
}

#endif /* _AIOT_SEC_XCHECK_H */
