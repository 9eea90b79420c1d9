// SPDX-License-Identifier: GPL-2.0
/*
 * P3: Monte-Carlo inventory of N devices, population unknown at the start.
 *
 * Framed slotted ALOHA as EPC Gen2 and A-IoT random access run it: at the
 * start of a frame every unread device picks one of its L slots uniformly;
 * a device whose Msg1 collided waits for the next frame. The channel is
 * ideal (no capture, no loss) and the reader tells empty, single and
 * collided slots apart. Each algorithm is the kernel's own code
 * (kernel/anticoll.c), driven slot by slot; the simulation ends when the
 * last device has been read, and "slots" counts every slot up to then.
 *
 * Prints, for each N: slots / (e * N) per algorithm (mean over the runs)
 * and the ratio of the best algorithm to the tuned Q-algorithm, as
 *	BENCH P3 <name> <value> <unit>
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "anticoll.h"

static uint64_t rng_s[4];

static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* xoshiro256** */
static uint64_t rng_next(void)
{
	uint64_t r = rotl(rng_s[1] * 5, 7) * 9, t = rng_s[1] << 17;

	rng_s[2] ^= rng_s[0];
	rng_s[3] ^= rng_s[1];
	rng_s[1] ^= rng_s[2];
	rng_s[0] ^= rng_s[3];
	rng_s[2] ^= t;
	rng_s[3] = rotl(rng_s[3], 45);
	return r;
}

static void rng_seed(uint64_t seed)
{
	int i;

	for (i = 0; i < 4; i++) {	/* splitmix64 */
		uint64_t z = (seed += 0x9e3779b97f4a7c15ull);

		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
		z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
		rng_s[i] = z ^ (z >> 31);
	}
}

static double rng_unit(void)
{
	return (rng_next() >> 11) * (1.0 / 9007199254740992.0);
}

/* Binomial(m, p): inversion for small means, normal beyond. */
static uint64_t binomial(uint64_t m, double p)
{
	double mean = m * p, u, pk, cdf;
	uint64_t k;

	if (!m || p <= 0)
		return 0;
	if (p >= 1)
		return m;
	if (mean > 40) {
		double u1 = rng_unit(), u2 = rng_unit(), z, v;

		z = sqrt(-2 * log(u1 + 1e-300)) * cos(2 * M_PI * u2);
		v = mean + z * sqrt(mean * (1 - p)) + 0.5;
		if (v < 0)
			return 0;
		return v > m ? m : (uint64_t)v;
	}
	u = rng_unit();
	pk = exp(m * log1p(-p));
	cdf = pk;
	for (k = 0; cdf < u && k < m; k++) {
		pk *= (double)(m - k) / (k + 1) * p / (1 - p);
		cdf += pk;
	}
	return k;
}

/* One inventory; returns the slots used to read all n devices. */
static uint64_t inventory(const struct aiot_ac_cfg *cfg, uint64_t n)
{
	struct aiot_ac ac;
	uint64_t unread = n, waiting = n, left;	/* waiting: not yet sent */
	enum aiot_ac_next next;

	aiot_ac_init(&ac, cfg);
	left = ac.frame;
	while (unread) {
		uint64_t k = binomial(waiting, 1.0 / left);
		enum aiot_slot o = k == 0 ? AIOT_SLOT_EMPTY :
				   k == 1 ? AIOT_SLOT_SINGLE :
					    AIOT_SLOT_COLLISION;

		waiting -= k;
		left--;
		if (k == 1)
			unread--;
		next = aiot_ac_slot(&ac, o);
		if (!unread)
			break;
		if (next == AIOT_AC_DONE) {
			fprintf(stderr, "algorithm stopped with %llu unread\n",
				(unsigned long long)unread);
			exit(1);
		}
		if (next == AIOT_AC_NEW_FRAME) {
			waiting = unread;
			left = ac.frame;
		}
	}
	return ac.slots;
}

static double mean_ratio(const struct aiot_ac_cfg *cfg, uint64_t n, int runs,
			 uint64_t seed)
{
	double sum = 0;
	int r;

	rng_seed(seed);
	for (r = 0; r < runs; r++)
		sum += inventory(cfg, n);
	return sum / runs / (M_E * n);
}

static int runs_for(uint64_t n, int scale)
{
	int r = n <= 10 ? 20000 : n <= 100 ? 4000 : n <= 1000 ? 600 :
		n <= 10000 ? 80 : 12;

	return r * scale / 100 > 2 ? r * scale / 100 : 2;
}

int main(int argc, char **argv)
{
	static const uint64_t ns[] = { 10, 100, 1000, 10000, 100000 };
	static const unsigned int q_steps[] = {
		2, 4, 8, 13, 19, 26, 38, 51, 64, 77, 102, 128, 154,
	};
	int scale = argc > 1 ? atoi(argv[1]) : 100;	/* % of the runs */
	unsigned int i, c;

	for (i = 0; i < sizeof(ns) / sizeof(ns[0]); i++) {
		uint64_t n = ns[i];
		int runs = runs_for(n, scale);
		struct aiot_ac_cfg cfg = { 0 };
		double q_best = 1e9, sch, ml2, mla;
		unsigned int c_best = 0;
		char name[64];

		/* Q-algorithm, C = 0.016 .. 0.6: keep its best for this N */
		for (c = 0; c < sizeof(q_steps) / sizeof(q_steps[0]); c++) {
			cfg = (struct aiot_ac_cfg){ .algo = AIOT_AC_QALG,
						    .q_step = q_steps[c] };
			double v = mean_ratio(&cfg, n, runs, 1000 + n);

			if (v < q_best) {
				q_best = v;
				c_best = q_steps[c];
			}
		}
		cfg = (struct aiot_ac_cfg){ .algo = AIOT_AC_SCHOUTE, .pow2 = true };
		sch = mean_ratio(&cfg, n, runs, 1000 + n);
		cfg = (struct aiot_ac_cfg){ .algo = AIOT_AC_ML, .pow2 = true };
		ml2 = mean_ratio(&cfg, n, runs, 1000 + n);
		cfg = (struct aiot_ac_cfg){ .algo = AIOT_AC_ML };
		mla = mean_ratio(&cfg, n, runs, 1000 + n);

		printf("BENCH P3 qalg_c%.2f_N%llu %.4f slots/eN\n",
		       c_best / 256.0, (unsigned long long)n, q_best);
		printf("BENCH P3 schoute_pow2_N%llu %.4f slots/eN\n",
		       (unsigned long long)n, sch);
		printf("BENCH P3 ml_pow2_N%llu %.4f slots/eN\n",
		       (unsigned long long)n, ml2);
		printf("BENCH P3 ml_any_N%llu %.4f slots/eN\n",
		       (unsigned long long)n, mla);
		snprintf(name, sizeof(name), "ml_any_vs_qalg_N%llu",
			 (unsigned long long)n);
		printf("BENCH P3 %s %.4f ratio\n", name, mla / q_best);
		printf("BENCH P3 ml_pow2_vs_qalg_N%llu %.4f ratio\n",
		       (unsigned long long)n, ml2 / q_best);
		fflush(stdout);
	}
	return 0;
}
