// SPDX-License-Identifier: GPL-2.0
/*
 * P2: cost of the R2D/D2R codec against the CRC it cannot avoid.
 *
 * A realistic message mix (an inventory of 100 devices with the Q-like
 * access, then a command round to a tenth of them; see mix_build()) is
 * encoded and decoded, frame by frame, CRC included. Two reference loops
 * compute only the CRCs of the same frames, once as the encoder generates
 * it and once as the decoder checks it:
 *
 *  - independent: both passes read the stored frame, so the CPU overlaps
 *    them (and consecutive frames) freely; the strictest reference;
 *  - chained: the check pass cannot start before the generate pass has
 *    finished, as a decoder cannot read a frame before the encoder has
 *    written it (and as encode then decode run in the codec loop).
 *
 * All loops run interleaved, many times, in one process, timed in thread
 * CPU time; the fastest run of each is kept (the least disturbed by other
 * load on the machine).
 *
 *	BENCH P2 codec_ns_per_msg        encode + decode, ns per message
 *	BENCH P2 crc_ns_per_msg          CRC generate + check, independent
 *	BENCH P2 codec_vs_crc            ratio to it (goal <= 1.5)
 *	BENCH P2 crc_chained_ns_per_msg  CRC generate then check, chained
 *	BENCH P2 codec_vs_crc_chained    ratio to it (goal <= 1.5)
 *	BENCH P2 codec_vs_one_crc        ratio to a single CRC pass
 *	BENCH P2 codec_msgs_per_s        encode + decode throughput, one core
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "frame.h"

#define MIX_MAX		1024

static struct aiot_msg mix[MIX_MAX];
static u8 frames[MIX_MAX][AIOT_FRAME_MAX_OCTETS];
static size_t frame_bits[MIX_MAX], info_bits[MIX_MAX];
static enum aiot_link mix_link[MIX_MAX];
static unsigned int n_mix;
static volatile unsigned long sink;

static struct aiot_msg *add(enum aiot_msg_type type)
{
	struct aiot_msg *m = &mix[n_mix++];

	memset(m, 0, sizeof(*m));
	m->type = type;
	return m;
}

static void fill(u8 *p, size_t n, unsigned int seed)
{
	while (n--)
		*p++ = (seed = seed * 1103515245 + 12345) >> 16;
}

/*
 * Per device of the inventory: e (2.7) R2D triggers for the slots it takes,
 * its Msg1, Msg2 with an AS ID, Msg3 with a 24-octet AIoT NAS PDU (RES and
 * RAND_d), an R2D acknowledgement; a NACK for one device in ten. One paging
 * with a 16-octet RAND_n per 100 devices. Then, for one device in ten, a
 * 40-octet protected command (R2D data), its 20-octet response (D2R data),
 * an acknowledgement; one of them answers "no NAS response expected".
 */
static void mix_build(void)
{
	struct aiot_msg *m;
	unsigned int d, i;

	m = add(AIOT_MSG_PAGING);
	m->paging.cont_type = AIOT_CONT_RAND;
	m->paging.cont_len = 16;
	fill(m->paging.cont, 16, 1);
	m->paging.fs.q = 7;
	m->paging.txn = 9;
	for (d = 0; d < 100; d++) {
		for (i = 0; i < (d % 10 < 7 ? 3u : 2u); i++) {
			m = add(AIOT_MSG_TRIGGER);
			m->trigger.txn = 9;
		}
		m = add(AIOT_MSG_MSG1);
		m->rn16 = d * 7919;
		m = add(AIOT_MSG_MSG2);
		m->ra.rn16 = d * 7919;
		m->ra.as_id = d;
		if (d % 10 == 3) {
			m = add(AIOT_MSG_NACK);
			m->ra.rn16 = d * 7919;
			m->ra.as_id = d;
		}
		m = add(AIOT_MSG_MSG3);
		m->data.as_id = d;
		m->data.len = 24 * 8;
		fill(m->data.data, 24, d);
		m = add(AIOT_MSG_R2D_ACK);
		m->ack_as_id = d;
	}
	for (d = 0; d < 100; d += 10) {
		m = add(AIOT_MSG_R2D_DATA);
		m->data.as_id = d;
		m->data.len = 40 * 8;
		fill(m->data.data, 40, d + 1);
		if (d == 50) {
			m = add(AIOT_MSG_NO_NAS_RSP);
			m->nnr.as_id = d;
			m->nnr.cause = AIOT_NNR_INTEGRITY;
			continue;
		}
		m = add(AIOT_MSG_D2R_DATA);
		m->data.as_id = d;
		m->data.len = 20 * 8;
		fill(m->data.data, 20, d + 2);
		m = add(AIOT_MSG_R2D_ACK);
		m->ack_as_id = d;
	}
}

static double now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static double run_codec(unsigned int reps)
{
	u8 buf[AIOT_FRAME_MAX_OCTETS];
	struct aiot_msg out;
	unsigned long acc = 0;
	unsigned int r, i;
	size_t bits;
	double t0 = now_ns();

	for (r = 0; r < reps; r++) {
		for (i = 0; i < n_mix; i++) {
			if (aiot_frame_encode(&mix[i], buf, sizeof(buf), &bits) ||
			    aiot_frame_decode(buf, bits, mix_link[i], &out))
				abort();
			acc += out.type + bits;
		}
	}
	sink = acc;
	return (now_ns() - t0) / ((double)reps * n_mix);
}

static unsigned int crc_of(unsigned int i)
{
	return info_bits[i] <= AIOT_CRC6_MAX_INFO_BITS ?
	       aiot_crc6(frames[i], info_bits[i]) :
	       aiot_crc16(frames[i], info_bits[i]);
}

/*
 * The check pass made to wait for the generate pass, as a decoder waits for
 * the encoder's frame: the second CRC's address carries a zero computed
 * from the first CRC, which the CPU cannot know in advance.
 */
static inline size_t opaque_zero(unsigned int v)
{
	size_t z = v;

#if defined(__x86_64__)
	__asm__ ("and $0, %0" : "+r" (z));
#else
	z = 0;
#endif
	return z;
}

static double run_crc_chained(unsigned int reps)
{
	unsigned long acc = 0;
	unsigned int r, i, c;
	double t0 = now_ns();

	for (r = 0; r < reps; r++) {
		for (i = 0; i < n_mix; i++) {
			c = crc_of(i);
			acc += c;
			acc += info_bits[i] <= AIOT_CRC6_MAX_INFO_BITS ?
			       aiot_crc6(frames[i] + opaque_zero(c), info_bits[i]) :
			       aiot_crc16(frames[i] + opaque_zero(c), info_bits[i]);
		}
	}
	sink = acc;
	return (now_ns() - t0) / ((double)reps * n_mix);
}

static double run_crc(unsigned int reps, unsigned int passes)
{
	unsigned long acc = 0;
	unsigned int r, i, p;
	double t0 = now_ns();

	for (r = 0; r < reps; r++)
		for (i = 0; i < n_mix; i++)
			for (p = 0; p < passes; p++)
				acc += crc_of(i);
	sink = acc;
	return (now_ns() - t0) / ((double)reps * n_mix);
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static void prepare(void)
{
	unsigned int i;

	for (i = 0; i < n_mix; i++) {
		mix_link[i] = aiot_msg_link(mix[i].type);
		if (aiot_frame_encode(&mix[i], frames[i], sizeof(frames[i]),
				      &frame_bits[i]))
			abort();
		info_bits[i] = frame_bits[i] -
			(frame_bits[i] <= AIOT_CRC6_MAX_INFO_BITS + AIOT_CRC6_BITS ?
			 AIOT_CRC6_BITS : AIOT_CRC16_BITS);
	}
}

/* The same comparison for each message type of the mix on its own. */
static void by_type(void)
{
	static struct aiot_msg all[MIX_MAX];
	unsigned int total = n_mix, t, i, k;
	double c, k2, kc, x;

	memcpy(all, mix, sizeof(all));
	for (t = AIOT_MSG_PAGING; t < AIOT_MSG_COUNT; t++) {
		for (i = 0, k = 0; i < total; i++)
			if (all[i].type == t)
				mix[k++] = all[i];
		if (!k)
			continue;
		n_mix = k;
		prepare();
		c = k2 = kc = 1e9;
		for (i = 0; i < 21; i++) {
			x = run_codec(100);
			c = x < c ? x : c;
			x = run_crc(100, 2);
			k2 = x < k2 ? x : k2;
			x = run_crc_chained(100);
			kc = x < kc ? x : kc;
		}
		printf("BENCH P2 %s_%zubit_codec_vs_crc %.2f ratio\n",
		       aiot_msg_name(t), frame_bits[0], c / k2);
		printf("BENCH P2 %s_%zubit_codec_vs_crc_chained %.2f ratio\n",
		       aiot_msg_name(t), frame_bits[0], c / kc);
	}
}

int main(void)
{
	enum { RUNS = 41 };
	double codec[RUNS], crc2[RUNS], crc1[RUNS], crcc[RUNS], c, k2, k1, kc;
	unsigned int i, reps = 400, bytes = 0;

	mix_build();
	prepare();
	for (i = 0; i < n_mix; i++)
		bytes += (frame_bits[i] + 7) / 8;
	run_codec(reps / 4);	/* warm up */
	run_crc(reps / 4, 2);
	for (i = 0; i < RUNS; i++) {
		codec[i] = run_codec(reps);
		crc2[i] = run_crc(reps, 2);
		crc1[i] = run_crc(reps, 1);
		crcc[i] = run_crc_chained(reps);
	}
	qsort(codec, RUNS, sizeof(double), cmp);
	qsort(crc2, RUNS, sizeof(double), cmp);
	qsort(crc1, RUNS, sizeof(double), cmp);
	qsort(crcc, RUNS, sizeof(double), cmp);
	c = codec[0];
	k2 = crc2[0];
	k1 = crc1[0];
	kc = crcc[0];
	printf("BENCH P2 mix_messages %u msgs\n", n_mix);
	printf("BENCH P2 mix_mean_frame %.1f octets\n", (double)bytes / n_mix);
	printf("BENCH P2 codec_ns_per_msg %.1f ns\n", c);
	printf("BENCH P2 crc_ns_per_msg %.1f ns\n", k2);
	printf("BENCH P2 codec_vs_crc %.3f ratio\n", c / k2);
	printf("BENCH P2 crc_chained_ns_per_msg %.1f ns\n", kc);
	printf("BENCH P2 codec_vs_crc_chained %.3f ratio\n", c / kc);
	printf("BENCH P2 codec_vs_one_crc %.3f ratio\n", c / k1);
	printf("BENCH P2 codec_msgs_per_s %.0f msg/s\n", 1e9 / c);
	by_type();
	return 0;
}
