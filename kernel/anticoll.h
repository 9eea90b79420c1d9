/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A-IoT anti-collision: frame-size control for framed slotted ALOHA.
 *
 * Pure functions on a state the caller owns (no allocation, no locks, no
 * floating point), driven by the inventory state machine one slot at a
 * time:
 *
 *	aiot_ac_init(&ac, &cfg);
 *	page with a first frame of ac.frame slots;
 *	for each slot:
 *		switch (aiot_ac_slot(&ac, outcome)) {
 *		case AIOT_AC_NEXT_SLOT:	trigger "repeat": next slot, same frame
 *		case AIOT_AC_NEW_FRAME:	trigger "adjust": new frame of ac.frame
 *					slots; unread devices pick a new slot
 *		case AIOT_AC_DONE:	a whole frame without collision: every
 *					device has been read
 *		}
 *
 * A front end that runs whole frames itself reports per round with
 * aiot_ac_round() instead.
 *
 * Algorithms (enum aiot_ac_algo):
 *  - AIOT_AC_QALG: the EPC Gen2 Q-algorithm (Gen2 v2 Annex D): Qfp moves by
 *    C down on an empty slot and up on a collision; a change of round(Qfp)
 *    starts a new frame of 2^Q slots at once, as QueryAdjust does.
 *  - AIOT_AC_SCHOUTE: dynamic framed ALOHA with Schoute's backlog estimate
 *    (2.39 devices per collided slot), applied at the end of each frame.
 *  - AIOT_AC_ML: maximum-likelihood backlog estimate from the slots seen so
 *    far in the frame, with a likelihood-ratio test that ends a frame early
 *    when its size is measurably wrong; the project's default.
 */
#ifndef _AIOT_ANTICOLL_H
#define _AIOT_ANTICOLL_H

#include <linux/types.h>
#include <aiot/air_values.h>

enum aiot_ac_algo {
	AIOT_AC_QALG,
	AIOT_AC_SCHOUTE,
	AIOT_AC_ML,
	AIOT_AC_ALGO_COUNT,
};

enum aiot_slot {
	AIOT_SLOT_EMPTY,	/* no D2R energy */
	AIOT_SLOT_SINGLE,	/* one Msg1 decoded (CRC good) */
	AIOT_SLOT_COLLISION,	/* energy but no decodable Msg1 */
};

enum aiot_ac_next {
	AIOT_AC_NEXT_SLOT,
	AIOT_AC_NEW_FRAME,
	AIOT_AC_DONE,
};

/* Q-algorithm step C in 1/256 (Gen2 suggests 0.1 .. 0.5). */
#define AIOT_AC_QSTEP_DEFAULT	77	/* 0.3 */
#define AIOT_AC_Q_MAX		AIOT_FS_Q_MAX	/* largest signalled 2^Q */
#define AIOT_AC_SLOTS_MAX	AIOT_FS_SLOTS_MAX	/* largest explicit frame */

/**
 * struct aiot_ac_cfg - parameters of one inventory
 * @algo: enum aiot_ac_algo
 * @pow2: frames of 2^Q slots only (always true for AIOT_AC_QALG); false
 *	allows any size 1..AIOT_AC_SLOTS_MAX (explicit frame-size signalling)
 * @init_slots: first frame size; 0: AIOT_AC_INIT_SLOTS (population unknown).
 *	Rounded to a power of two when @pow2.
 * @q_step: AIOT_AC_QALG step C in 1/256; 0: AIOT_AC_QSTEP_DEFAULT
 */
struct aiot_ac_cfg {
	enum aiot_ac_algo algo;
	bool pow2;
	u32 init_slots;
	u32 q_step;
};

/**
 * struct aiot_ac - anti-collision state of one inventory (caller owned)
 * @algo: enum aiot_ac_algo
 * @pow2: see struct aiot_ac_cfg
 * @frame: size of the current frame, in slots
 * @slot: slots of the current frame already reported
 * @n_empty: empty slots reported in the current frame
 * @n_single: successful slots reported in the current frame
 * @n_coll: collided slots reported in the current frame
 * @backlog: estimated unread devices at the start of the current frame
 * @q_step: AIOT_AC_QALG step C, 1/256
 * @qfp: AIOT_AC_QALG Qfp, 1/256
 * @d_hat: AIOT_AC_ML most likely load index (see anticoll.c)
 * @done: a frame ended without collision
 * @slots: slots reported since aiot_ac_init()
 * @frames: frames started since aiot_ac_init(), the first included
 * @read: successful slots since aiot_ac_init()
 */
struct aiot_ac {
	u8 algo;
	bool pow2;
	u32 frame;
	u32 slot;
	u32 n_empty;
	u32 n_single;
	u32 n_coll;
	u32 backlog;
	u32 q_step;
	u32 qfp;
	s32 d_hat;
	bool done;
	u64 slots;
	u64 frames;
	u64 read;
};

/* 0, or -EINVAL for an unknown algorithm or a first frame out of range. */
int aiot_ac_init(struct aiot_ac *ac, const struct aiot_ac_cfg *cfg);
/* Feed back the outcome of the next slot of the current frame. */
enum aiot_ac_next aiot_ac_slot(struct aiot_ac *ac, enum aiot_slot outcome);
/* Feed back a whole frame at once (front ends that slot by themselves);
 * the counts must add up to ac->frame. Returns AIOT_AC_NEW_FRAME or
 * AIOT_AC_DONE, or -EINVAL if the counts do not match the frame.
 */
int aiot_ac_round(struct aiot_ac *ac, u32 n_empty, u32 n_single, u32 n_coll);
/* log2(ac->frame) if it is a power of two, else -1. */
int aiot_ac_frame_q(const struct aiot_ac *ac);
const char *aiot_ac_algo_name(enum aiot_ac_algo algo);

/*
 * The estimator's fixed-point pieces, for tests and diagnostics. A load
 * index d stands for a load (devices per slot) of 2^(d/16).
 */
#define AIOT_AC_D_MIN		(-128)	/* load 1/256 */
#define AIOT_AC_D_MAX		192	/* load 4096 */
/* Log-likelihood (Q16, Poisson slots) of the counts at load index d. */
s64 aiot_ac_loglik(s32 d, u32 n_empty, u32 n_single, u32 n_coll);
/* ln P(collision) = ln(1 - (1 + l) e^-l) at load index d, Q16. */
s32 aiot_ac_lc_q16(s32 d);
/* Load 2^(d/16), Q16. */
u64 aiot_ac_lambda_q16(s32 d);
/* round(16 * log2(x)) for x >= 1. */
s32 aiot_ac_log2_q4(u64 x);

#endif /* _AIOT_ANTICOLL_H */
