/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Anti-collision test cases shared by the KUnit suite aiot_anticoll and the
 * userspace unit tests (tests/unit/test_anticoll.c). Integer only.
 */
#ifndef _AIOT_AIR_AC_CASES_H
#define _AIOT_AIR_AC_CASES_H

#include <linux/compiler.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <linux/types.h>

#include "anticoll.h"

struct air_ac_scratch {
	char why[256];
	u32 pick[512];		/* device -> slot picked in this frame */
	u8 state[512];		/* 0 unread, 1 sent this frame, 2 read */
};

#define AIR_AC_FAIL(s, ...) \
	(snprintf((s)->why, sizeof((s)->why), __VA_ARGS__), -1)

/* ---- Tabled decisions -------------------------------------------------- */

struct air_ac_step {
	u8 outcome;		/* enum aiot_slot */
	u8 next;		/* enum aiot_ac_next expected */
	u32 frame;		/* expected frame size afterwards */
};

struct air_ac_table {
	const char *name;
	struct aiot_ac_cfg cfg;
	unsigned int n;
	struct air_ac_step step[4];
};

#define E	AIOT_SLOT_EMPTY
#define S	AIOT_SLOT_SINGLE
#define C	AIOT_SLOT_COLLISION
#define NEXT	AIOT_AC_NEXT_SLOT
#define NEW	AIOT_AC_NEW_FRAME
#define DONE	AIOT_AC_DONE

static const struct air_ac_table air_ac_tables[] = {
	/* Q-algorithm: Qfp 4.0 + 0.5 = 4.5 rounds to 5: QueryAdjust to 32 */
	{ "qalg_collision_up", { AIOT_AC_QALG, true, 16, 128 }, 1,
	  { { C, NEW, 32 } } },
	/* 4.0 - 0.3 = 3.7 stays 4 (QueryRep); 3.4 rounds to 3 */
	{ "qalg_empty_down", { AIOT_AC_QALG, true, 16, 77 }, 2,
	  { { E, NEXT, 16 }, { E, NEW, 8 } } },
	{ "qalg_single_done", { AIOT_AC_QALG, true, 1, 77 }, 1,
	  { { S, DONE, 1 } } },
	/* Q stays 0 after one collision: same frame again (Query) */
	{ "qalg_query_again", { AIOT_AC_QALG, true, 1, 77 }, 2,
	  { { C, NEW, 1 }, { C, NEW, 2 } } },
	{ "qalg_frame_clean", { AIOT_AC_QALG, true, 2, 77 }, 2,
	  { { S, NEXT, 2 }, { E, DONE, 2 } } },
	/* Schoute: 2.39 x 2 collided slots = 4.78, rounded to 5 */
	{ "schoute_any", { AIOT_AC_SCHOUTE, false, 4, 0 }, 4,
	  { { C, NEXT, 4 }, { S, NEXT, 4 }, { E, NEXT, 4 }, { C, NEW, 5 } } },
	/* 5 devices: 4 slots (load 1.25 < 2 ln 2) beat 8 */
	{ "schoute_pow2", { AIOT_AC_SCHOUTE, true, 4, 0 }, 4,
	  { { C, NEXT, 4 }, { S, NEXT, 4 }, { E, NEXT, 4 }, { C, NEW, 4 } } },
	{ "schoute_done", { AIOT_AC_SCHOUTE, false, 2, 0 }, 2,
	  { { S, NEXT, 2 }, { E, DONE, 2 } } },
	/* ML: two collisions in a frame of 16 planned for 16 devices: LLR
	 * 2.66 nats > 2; the estimate is capped at 8x the plan: 128.
	 */
	{ "ml_two_collisions", { AIOT_AC_ML, false, 16, 0 }, 2,
	  { { C, NEXT, 16 }, { C, NEW, 128 } } },
	{ "ml_two_collisions_pow2", { AIOT_AC_ML, true, 16, 0 }, 2,
	  { { C, NEXT, 16 }, { C, NEW, 128 } } },
	/* three empty slots (LLR 2.63) but not two (1.75): 16 / 8 = 2 */
	{ "ml_three_empty", { AIOT_AC_ML, false, 16, 0 }, 3,
	  { { E, NEXT, 16 }, { E, NEXT, 16 }, { E, NEW, 2 } } },
	/* collision then success: load ~2, LLR 0.5: keep the frame */
	{ "ml_no_early_end", { AIOT_AC_ML, false, 4, 0 }, 3,
	  { { C, NEXT, 4 }, { S, NEXT, 4 }, { E, NEXT, 4 } } },
	{ "ml_done", { AIOT_AC_ML, false, 2, 0 }, 2,
	  { { S, NEXT, 2 }, { S, DONE, 2 } } },
};

#undef E
#undef S
#undef C
#undef NEXT
#undef NEW
#undef DONE

#define AIR_AC_N_TABLES	ARRAY_SIZE(air_ac_tables)

static int air_ac_check_tables(struct air_ac_scratch *s)
{
	struct aiot_ac ac;
	unsigned int i, j;
	int next;

	for (i = 0; i < AIR_AC_N_TABLES; i++) {
		const struct air_ac_table *t = &air_ac_tables[i];

		if (aiot_ac_init(&ac, &t->cfg))
			return AIR_AC_FAIL(s, "%s: init", t->name);
		for (j = 0; j < t->n; j++) {
			next = aiot_ac_slot(&ac, t->step[j].outcome);
			if (next != t->step[j].next ||
			    ac.frame != t->step[j].frame)
				return AIR_AC_FAIL(s,
						   "%s step %u: %d/%u, want %d/%u",
						   t->name, j, next, ac.frame,
						   t->step[j].next,
						   t->step[j].frame);
		}
	}
	return 0;
}

/* Whole-frame feedback. The ML figure is the continuous maximum of the
 * likelihood (load 1.012: 64.8 - 24 = 40.8 devices left) within the grid.
 */
static int air_ac_check_round(struct air_ac_scratch *s)
{
	struct aiot_ac_cfg cfg = { .algo = AIOT_AC_ML, .init_slots = 64 };
	struct aiot_ac ac;
	int next;

	aiot_ac_init(&ac, &cfg);
	if (aiot_ac_round(&ac, 23, 24, 16) != -EINVAL)
		return AIR_AC_FAIL(s, "counts not adding up accepted");
	next = aiot_ac_round(&ac, 23, 24, 17);
	if (next != AIOT_AC_NEW_FRAME || ac.frame < 39 || ac.frame > 43)
		return AIR_AC_FAIL(s, "ml round: %d, frame %u", next, ac.frame);
	if (ac.slots != 64 || ac.read != 24 || ac.frames != 2)
		return AIR_AC_FAIL(s, "ml round counters");
	next = aiot_ac_round(&ac, ac.frame - 10, 10, 0);
	if (next != AIOT_AC_DONE || !ac.done)
		return AIR_AC_FAIL(s, "clean round not done: %d", next);
	if (aiot_ac_slot(&ac, AIOT_SLOT_COLLISION) != AIOT_AC_DONE)
		return AIR_AC_FAIL(s, "slot after done");

	cfg = (struct aiot_ac_cfg){ .algo = AIOT_AC_SCHOUTE, .init_slots = 16 };
	aiot_ac_init(&ac, &cfg);
	next = aiot_ac_round(&ac, 5, 6, 5);
	if (next != AIOT_AC_NEW_FRAME || ac.frame != 12)
		return AIR_AC_FAIL(s, "schoute round: %d, frame %u", next,
				   ac.frame);
	cfg = (struct aiot_ac_cfg){ .algo = AIOT_AC_QALG };
	aiot_ac_init(&ac, &cfg);
	if (aiot_ac_round(&ac, 16, 0, 0) != -EINVAL)
		return AIR_AC_FAIL(s, "Q-algorithm took a whole round");
	return 0;
}

static int air_ac_check_init(struct air_ac_scratch *s)
{
	struct aiot_ac_cfg cfg = { .algo = AIOT_AC_ALGO_COUNT };
	struct aiot_ac ac;

	if (aiot_ac_init(&ac, &cfg) != -EINVAL)
		return AIR_AC_FAIL(s, "unknown algorithm accepted");
	cfg = (struct aiot_ac_cfg){ .algo = AIOT_AC_ML,
				    .init_slots = AIOT_AC_SLOTS_MAX + 1 };
	if (aiot_ac_init(&ac, &cfg) != -EINVAL)
		return AIR_AC_FAIL(s, "first frame too large accepted");
	cfg = (struct aiot_ac_cfg){ .algo = AIOT_AC_ML };
	aiot_ac_init(&ac, &cfg);
	if (ac.frame != AIOT_AC_INIT_SLOTS || ac.frames != 1 || ac.slots)
		return AIR_AC_FAIL(s, "default first frame %u", ac.frame);
	cfg.init_slots = 20;
	aiot_ac_init(&ac, &cfg);
	if (ac.frame != 20 || aiot_ac_frame_q(&ac) != -1)
		return AIR_AC_FAIL(s, "any-size first frame %u", ac.frame);
	cfg.pow2 = true;
	aiot_ac_init(&ac, &cfg);
	if (ac.frame != 16 || aiot_ac_frame_q(&ac) != 4)
		return AIR_AC_FAIL(s, "20 devices: %u, not 16", ac.frame);
	cfg.init_slots = 24;	/* load 1.5 > 2 ln 2: the larger frame */
	aiot_ac_init(&ac, &cfg);
	if (ac.frame != 32)
		return AIR_AC_FAIL(s, "24 devices: %u, not 32", ac.frame);
	cfg = (struct aiot_ac_cfg){ .algo = AIOT_AC_QALG, .init_slots = 20 };
	aiot_ac_init(&ac, &cfg);
	if (!ac.pow2 || ac.frame != 16 || ac.qfp != 4 << 8 ||
	    ac.q_step != AIOT_AC_QSTEP_DEFAULT)
		return AIR_AC_FAIL(s, "Q-algorithm defaults");
	if (strcmp(aiot_ac_algo_name(AIOT_AC_ML), "ml") ||
	    strcmp(aiot_ac_algo_name(AIOT_AC_ALGO_COUNT), "?"))
		return AIR_AC_FAIL(s, "names");
	return 0;
}

/* The fixed-point pieces of the estimator. */
static int air_ac_check_fixed_point(struct air_ac_scratch *s)
{
	s64 prev, cur, l0, l1, l2;
	s32 d;

	if (aiot_ac_log2_q4(1) != 0 || aiot_ac_log2_q4(2) != 16 ||
	    aiot_ac_log2_q4(3) != 25 || aiot_ac_log2_q4(1024) != 160 ||
	    aiot_ac_log2_q4(1ull << 40) != 640 ||
	    aiot_ac_log2_q4(100000) != 266)
		return AIR_AC_FAIL(s, "log2");
	if (aiot_ac_lambda_q16(0) != 65536 || aiot_ac_lambda_q16(16) != 131072 ||
	    aiot_ac_lambda_q16(-16) != 32768 ||
	    aiot_ac_lambda_q16(AIOT_AC_D_MIN) != 256 ||
	    aiot_ac_lambda_q16(AIOT_AC_D_MAX) != 4096ull << 16)
		return AIR_AC_FAIL(s, "lambda");
	prev = -(1ll << 40);
	for (d = AIOT_AC_D_MIN; d <= AIOT_AC_D_MAX; d++) {
		if (aiot_ac_log2_q4(aiot_ac_lambda_q16(d)) != d + 256)
			return AIR_AC_FAIL(s, "log2(lambda(%d))", d);
		cur = aiot_ac_lc_q16(d);
		if (cur < prev || cur > 0)
			return AIR_AC_FAIL(s, "ln P(collision) at %d", d);
		prev = cur;
	}
	/* small loads: ln P(coll) ~ 2 ln l - ln 2 */
	if (aiot_ac_lc_q16(AIOT_AC_D_MIN) > -772000 ||
	    aiot_ac_lc_q16(AIOT_AC_D_MIN) < -773000)
		return AIR_AC_FAIL(s, "ln P(collision) at the grid start");
	/* concave: second differences never positive (1 unit of rounding) */
	for (d = AIOT_AC_D_MIN + 1; d < AIOT_AC_D_MAX; d++) {
		l0 = aiot_ac_loglik(d - 1, 23, 24, 17);
		l1 = aiot_ac_loglik(d, 23, 24, 17);
		l2 = aiot_ac_loglik(d + 1, 23, 24, 17);
		if (l0 + l2 - 2 * l1 > 64)
			return AIR_AC_FAIL(s, "log-likelihood not concave at %d",
					   d);
	}
	return 0;
}

/* ---- Inventory of simulated devices, exact slot choices ------------------ */

/* xorshift32, mapped onto 0 .. @range - 1 by a multiply */
static u32 air_ac_rand(u32 *x, u32 range)
{
	*x ^= *x << 13;
	*x ^= *x >> 17;
	*x ^= *x << 5;
	return ((u64)*x * range) >> 32;
}

/*
 * Inventory @n devices (n <= 512): each unread device picks a slot of the
 * frame; a collided device waits for the next frame. Fails if the algorithm
 * reports DONE with devices unread, or takes more than 30 n + 100 slots.
 */
static int air_ac_inventory(struct air_ac_scratch *s,
			    const struct aiot_ac_cfg *cfg, u32 n, u32 *seed,
			    u64 *slots)
{
	u32 unread = n, i, slot = 0, hits, who = 0;
	struct aiot_ac ac;
	int next = AIOT_AC_NEW_FRAME;

	memset(s->state, 0, sizeof(s->state));
	aiot_ac_init(&ac, cfg);
	while (next != AIOT_AC_DONE) {
		if (next == AIOT_AC_NEW_FRAME) {
			for (i = 0; i < n; i++) {
				if (s->state[i] == 1)
					s->state[i] = 0;
				s->pick[i] = air_ac_rand(seed, ac.frame);
			}
			slot = 0;
		}
		for (i = 0, hits = 0; i < n; i++) {
			if (!s->state[i] && s->pick[i] == slot) {
				s->state[i] = 1;
				hits++;
				who = i;
			}
		}
		if (hits == 1) {
			s->state[who] = 2;
			unread--;
		}
		slot++;
		next = aiot_ac_slot(&ac, !hits ? AIOT_SLOT_EMPTY :
					 hits == 1 ? AIOT_SLOT_SINGLE :
					 AIOT_SLOT_COLLISION);
		if (ac.slots > 30ull * n + 100)
			return AIR_AC_FAIL(s, "%s: %u devices, no end",
					   aiot_ac_algo_name(cfg->algo), n);
	}
	if (unread || ac.read != n)
		return AIR_AC_FAIL(s, "%s: done with %u of %u unread",
				   aiot_ac_algo_name(cfg->algo), unread, n);
	*slots = ac.slots;
	return 0;
}

static int air_ac_check_inventory_complete(struct air_ac_scratch *s)
{
	static const u32 sizes[] = { 1, 2, 3, 5, 17, 64, 100, 300, 512 };
	unsigned int i, a, p;
	u32 seed = 99;
	u64 slots;

	for (a = 0; a < AIOT_AC_ALGO_COUNT; a++) {
		for (p = 0; p < 2; p++) {
			struct aiot_ac_cfg cfg = { .algo = a, .pow2 = p };

			for (i = 0; i < ARRAY_SIZE(sizes); i++)
				if (air_ac_inventory(s, &cfg, sizes[i], &seed,
						     &slots))
					return -1;
		}
	}
	return 0;
}

/*
 * 40 inventories of 300 devices, first frame 16: the ML estimator needs
 * fewer slots than the Q-algorithm at the best of C = 0.1 .. 0.5, and stays
 * within 10% of e N.
 */
static int air_ac_check_ml_beats_qalg(struct air_ac_scratch *s)
{
	static const u32 steps[] = { 26, 51, 77, 102, 128 };
	struct aiot_ac_cfg cfg = { .algo = AIOT_AC_ML };
	u64 ml = 0, q, q_best = ~0ull, slots, limit;
	unsigned int i, r;
	u32 seed;

	for (seed = 1, r = 0; r < 40; r++) {
		if (air_ac_inventory(s, &cfg, 300, &seed, &slots))
			return -1;
		ml += slots;
	}
	for (i = 0; i < ARRAY_SIZE(steps); i++) {
		cfg = (struct aiot_ac_cfg){ .algo = AIOT_AC_QALG,
					    .q_step = steps[i] };
		for (q = 0, seed = 1, r = 0; r < 40; r++) {
			if (air_ac_inventory(s, &cfg, 300, &seed, &slots))
				return -1;
			q += slots;
		}
		if (q < q_best)
			q_best = q;
	}
	limit = 40ull * 300 * 2718 * 110 / 100 / 1000;	/* 1.10 e N */
	if (ml >= q_best || ml > limit)
		return AIR_AC_FAIL(s, "ml %llu slots, Q-algorithm %llu, limit %llu",
				   (unsigned long long)ml,
				   (unsigned long long)q_best,
				   (unsigned long long)limit);
	return 0;
}

struct air_ac_check {
	const char *name;
	int (*run)(struct air_ac_scratch *s);
};

static const struct air_ac_check air_ac_checks[] __maybe_unused = {
	{ "tabled_decisions", air_ac_check_tables },
	{ "round_feedback", air_ac_check_round },
	{ "init", air_ac_check_init },
	{ "fixed_point", air_ac_check_fixed_point },
	{ "inventory_complete", air_ac_check_inventory_complete },
	{ "ml_beats_qalg", air_ac_check_ml_beats_qalg },
};

#define AIR_AC_N_CHECKS	ARRAY_SIZE(air_ac_checks)

#endif /* _AIOT_AIR_AC_CASES_H */
