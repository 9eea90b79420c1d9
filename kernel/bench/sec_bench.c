// SPDX-License-Identifier: GPL-2.0
/*
 * aiot_sec_bench: benchmark P1, the kernel side.  At load it times
 * protect + unprotect (128-NEA2 + 128-NIA2, then MAC check and
 * deciphering) of 16, 64 and 125-octet messages through kernel/sec.c and
 * prints one line per size:
 *
 *   BENCH_P1 kernel <size> <ns per protect+verify> <iterations> <runs>
 *
 * then the crypto drivers used.  The userspace side (bench/p1_sec_user.c)
 * does the same with the OpenSSL twin; bench/p1_sec.sh runs both in one
 * guest and prints the ratios.  Built only with AIOT_BENCH=1.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include "sec.h"

#define BENCH_RUNS_MAX	15

static unsigned int runs = 5;
module_param(runs, uint, 0444);
MODULE_PARM_DESC(runs, "timed runs per size; the median is reported (1..15)");
static unsigned int run_ms = 200;
module_param(run_ms, uint, 0444);
MODULE_PARM_DESC(run_ms, "approximate length of one run, ms");

static const unsigned int bench_sizes[] = { 16, 64, 125 };

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* n protect + unprotect round trips; the elapsed ns, or 0 on an error */
static u64 timed(struct aiot_sec_ctx *ctx, u8 *buf, unsigned int size,
		 unsigned int n)
{
	u64 t0 = ktime_get_ns();
	unsigned int i;
	u8 mac[AIOT_SEC_NIA2_MAC_LEN];

	for (i = 0; i < n; i++) {
		if (aiot_sec_protect(ctx, i, 1, AIOT_NAS_DIR_R2D, buf, size * 8,
				     mac) ||
		    aiot_sec_unprotect(ctx, i, 1, AIOT_NAS_DIR_R2D, buf,
				       size * 8, mac))
			return 0;
	}
	return ktime_get_ns() - t0 ?: 1;
}

static int __init aiot_sec_bench_init(void)
{
	u8 k_enc[AIOT_SEC_KEY_LEN], k_int[AIOT_SEC_KEY_LEN];
	u64 ns[BENCH_RUNS_MAX], t;
	struct aiot_sec_ctx *ctx;
	unsigned int s, r, n;
	int err = -ENOMEM;
	u8 *buf;

	if (!runs || runs > BENCH_RUNS_MAX || !run_ms)
		return -EINVAL;
	ctx = aiot_sec_ctx_alloc(GFP_KERNEL);
	buf = kmalloc(128, GFP_KERNEL);
	if (!ctx || !buf)
		goto out;
	get_random_bytes(k_enc, sizeof(k_enc));
	get_random_bytes(k_int, sizeof(k_int));
	get_random_bytes(buf, 128);
	err = aiot_sec_ctx_set_keys(ctx, k_enc, k_int);
	memzero_explicit(k_enc, sizeof(k_enc));
	memzero_explicit(k_int, sizeof(k_int));
	if (err)
		goto out;
	for (s = 0; s < ARRAY_SIZE(bench_sizes); s++) {
		/* calibrate: grow n until one run takes run_ms / 4 */
		for (n = 64; n < (1U << 24); n *= 2) {
			t = timed(ctx, buf, bench_sizes[s], n);
			if (!t) {
				err = -EIO;
				goto out;
			}
			if (t >= (u64)run_ms * NSEC_PER_MSEC / 4)
				break;
		}
		n *= 4;
		for (r = 0; r < runs; r++) {
			t = timed(ctx, buf, bench_sizes[s], n);
			if (!t) {
				err = -EIO;
				goto out;
			}
			ns[r] = t;
			cond_resched();
		}
		sort(ns, runs, sizeof(ns[0]), cmp_u64, NULL);
		pr_info("BENCH_P1 kernel %u %llu %u %u\n", bench_sizes[s],
			div_u64(ns[runs / 2], n), n, runs);
	}
	pr_info("BENCH_P1 drivers cmac=%s ctr=%s hmac=%s\n",
		aiot_sec_driver_name(AIOT_SEC_TFM_CMAC),
		aiot_sec_driver_name(AIOT_SEC_TFM_CTR),
		aiot_sec_driver_name(AIOT_SEC_TFM_HMAC));
	err = 0;
out:
	if (err)
		pr_err("BENCH_P1 kernel failed: %d\n", err);
	aiot_sec_ctx_free(ctx);
	kfree(buf);
	return err;
}

static void __exit aiot_sec_bench_exit(void)
{
}

module_init(aiot_sec_bench_init);
module_exit(aiot_sec_bench_exit);

MODULE_DESCRIPTION("Benchmark P1 of the aiot security engine (kernel side)");
MODULE_LICENSE("GPL");
