// SPDX-License-Identifier: GPL-2.0
/*
 * Benchmark P1, the userspace side: protect + unprotect (128-NEA2 +
 * 128-NIA2, then MAC check and deciphering) of 16, 64 and 125-octet
 * messages with the OpenSSL twin (libaiot), timed exactly as the kernel
 * side (kernel/bench/sec_bench.c) times kernel/sec.c:
 *
 *   BENCH_P1 openssl <size> <ns per protect+verify> <iterations> <runs>
 *
 * usage: p1_sec_user [RUNS [RUN_MS]]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include "aiot_sec.h"

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static uint64_t timed(struct aiot_sec_ctx *ctx, uint8_t *buf, unsigned int size,
		      unsigned int n)
{
	uint64_t t0 = now_ns(), t;
	uint8_t mac[AIOT_SEC_NIA2_MAC_LEN];
	unsigned int i;

	for (i = 0; i < n; i++) {
		if (aiot_sec_protect(ctx, i, 1, AIOT_NAS_DIR_R2D, buf, size * 8,
				     mac) ||
		    aiot_sec_unprotect(ctx, i, 1, AIOT_NAS_DIR_R2D, buf,
				       size * 8, mac))
			return 0;
	}
	t = now_ns() - t0;
	return t ? t : 1;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	static const unsigned int sizes[] = { 16, 64, 125 };
	unsigned int runs = argc > 1 ? (unsigned int)atoi(argv[1]) : 5;
	unsigned int run_ms = argc > 2 ? (unsigned int)atoi(argv[2]) : 200;
	uint8_t k_enc[16], k_int[16], buf[128];
	uint64_t ns[15], t;
	struct aiot_sec_ctx *ctx;
	unsigned int s, r, n;

	if (!runs || runs > 15 || !run_ms) {
		fprintf(stderr, "p1_sec_user: RUNS must be 1..15 and RUN_MS positive\n");
		return 2;
	}
	ctx = aiot_sec_ctx_alloc();
	if (!ctx || RAND_bytes(k_enc, 16) != 1 || RAND_bytes(k_int, 16) != 1 ||
	    RAND_bytes(buf, sizeof(buf)) != 1 ||
	    aiot_sec_ctx_set_keys(ctx, k_enc, k_int)) {
		fprintf(stderr, "p1_sec_user: cannot set up the context\n");
		return 1;
	}
	for (s = 0; s < sizeof(sizes) / sizeof(sizes[0]); s++) {
		for (n = 64; n < (1U << 24); n *= 2) {
			t = timed(ctx, buf, sizes[s], n);
			if (!t)
				goto fail;
			if (t >= (uint64_t)run_ms * 1000000 / 4)
				break;
		}
		n *= 4;
		for (r = 0; r < runs; r++) {
			ns[r] = timed(ctx, buf, sizes[s], n);
			if (!ns[r])
				goto fail;
		}
		qsort(ns, runs, sizeof(ns[0]), cmp_u64);
		printf("BENCH_P1 openssl %u %llu %u %u\n", sizes[s],
		       (unsigned long long)(ns[runs / 2] / n), n, runs);
	}
	printf("BENCH_P1 openssl_version %s\n", OpenSSL_version(OPENSSL_VERSION));
	printf("BENCH_P1 cpu_aes %s\n", __builtin_cpu_supports("aes") ? "yes" : "no");
	aiot_sec_ctx_free(ctx);
	return 0;
fail:
	fprintf(stderr, "p1_sec_user: protect/unprotect failed\n");
	aiot_sec_ctx_free(ctx);
	return 1;
}
