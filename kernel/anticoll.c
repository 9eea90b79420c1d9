// SPDX-License-Identifier: GPL-2.0
/*
 * A-IoT anti-collision: frame-size algorithms for framed slotted ALOHA.
 *
 * Pure functions, integer arithmetic only (this runs in the kernel, where
 * floating point is not available). See anticoll.h for the interface and
 * Documentation/air-interface.rst for the algorithms and their evaluation.
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/types.h>

#include <aiot/air_values.h>
#include "anticoll.h"

/*
 * Maximum-likelihood estimator (AIOT_AC_ML).
 *
 * With n devices spread over a frame of L slots, the number of devices in
 * one slot is close to Poisson with mean l = n / L (the load). A slot is
 * empty with probability e^-l, successful with l e^-l, collided with
 * 1 - (1 + l) e^-l. After E empty, S successful and C collided slots the
 * log-likelihood of the load is
 *
 *	LL(l) = -(E + S) l + S ln l + C ln(1 - (1 + l) e^-l)
 *
 * which is concave in ln l. Loads are indexed on a grid l = 2^(d/16) and
 * every term is kept in Q16 fixed point; the maximum is tracked by hill
 * climbing from the previous slot's. When LL at the maximum exceeds LL at
 * the load the frame was sized for by more than AC_LLR, the frame is ended
 * early and the unread devices are re-estimated: n - S, where n is the
 * estimated number of devices at the start of the frame.
 */
#define AC_LN2_Q16	45426	/* ln 2, Q16 */
#define AC_LLR		(2 << 16)	/* early-end test threshold, nats Q16 */
#define AC_MIN_SLOTS	2	/* slots seen before an early end */
#define AC_MAX_STEP	48	/* load estimate within 8x of the plan */
#define AC_D_RANGE	(AIOT_AC_D_MAX - AIOT_AC_D_MIN)

/* 2^(f/16) and 2^((f + 1/2)/16), f = 0..15, Q16. */
static const u32 ac_frac_q16[16] = {
	65536, 68438, 71468, 74632, 77936, 81386, 84990, 88752,
	92682, 96785, 101070, 105545, 110218, 115098, 120194, 125515,
};

static const u32 ac_mid_q16[16] = {
	66971, 69936, 73032, 76266, 79642, 83169, 86851, 90696,
	94711, 98905, 103283, 107856, 112631, 117618, 122825, 128263,
};

/*
 * round(65536 * ln(1 - (1 + l) e^-l)), l = 2^(d/16), from d = AIOT_AC_D_MIN;
 * the entries past the end are 0 at this precision. The unit tests check
 * every entry against the C library's exp() and log().
 */
static const s32 ac_lc_q16[] = {
	-772414, -766744, -761073, -755403, -749733, -744064, -738395, -732727,
	-727059, -721391, -715724, -710057, -704391, -698726, -693061, -687396,
	-681733, -676069, -670407, -664745, -659084, -653424, -647764, -642106,
	-636448, -630791, -625135, -619480, -613826, -608173, -602521, -596871,
	-591221, -585573, -579927, -574281, -568637, -562995, -557354, -551715,
	-546078, -540442, -534808, -529177, -523547, -517919, -512294, -506671,
	-501051, -495433, -489817, -484205, -478595, -472989, -467385, -461785,
	-456188, -450595, -445006, -439420, -433839, -428262, -422689, -417121,
	-411558, -406000, -400448, -394900, -389359, -383824, -378295, -372772,
	-367256, -361748, -356247, -350753, -345268, -339791, -334323, -328864,
	-323415, -317976, -312548, -307130, -301724, -296329, -290947, -285578,
	-280223, -274881, -269554, -264243, -258947, -253668, -248406, -243163,
	-237938, -232733, -227548, -222385, -217244, -212126, -207032, -201963,
	-196920, -191905, -186918, -181960, -177033, -172138, -167277, -162450,
	-157659, -152905, -148190, -143516, -138884, -134295, -129752, -125256,
	-120809, -116412, -112068, -107779, -103546, -99372, -95258, -91207,
	-87221, -83303, -79453, -75676, -71972, -68345, -64796, -61328,
	-57944, -54645, -51434, -48313, -45285, -42351, -39514, -36775,
	-34137, -31601, -29168, -26841, -24620, -22506, -20500, -18602,
	-16813, -15132, -13559, -12092, -10730, -9472, -8315, -7257,
	-6295, -5424, -4642, -3944, -3325, -2780, -2305, -1894,
	-1542, -1243, -991, -782, -609, -469, -357, -268,
	-198, -144, -104, -73, -51, -35, -23, -15,
	-10, -6, -4, -2, -1, -1,
};

#define AC_LC_ENTRIES	((s32)ARRAY_SIZE(ac_lc_q16))

static s32 ac_clamp_d(s32 d)
{
	if (d < AIOT_AC_D_MIN)
		return AIOT_AC_D_MIN;
	if (d > AIOT_AC_D_MAX)
		return AIOT_AC_D_MAX;
	return d;
}

u64 aiot_ac_lambda_q16(s32 d)
{
	u32 i = ac_clamp_d(d) - AIOT_AC_D_MIN;
	s32 oct = (s32)(i / 16) + AIOT_AC_D_MIN / 16;
	u64 m = ac_frac_q16[i % 16];

	return oct >= 0 ? m << oct : m >> -oct;
}
EXPORT_SYMBOL_GPL(aiot_ac_lambda_q16);

s32 aiot_ac_lc_q16(s32 d)
{
	s32 i = ac_clamp_d(d) - AIOT_AC_D_MIN;

	return i < AC_LC_ENTRIES ? ac_lc_q16[i] : 0;
}
EXPORT_SYMBOL_GPL(aiot_ac_lc_q16);

s32 aiot_ac_log2_q4(u64 x)
{
	s32 k, f;
	u64 m;

	if (!x)
		return 0;
	k = 63 - __builtin_clzll(x);
	m = k >= 16 ? x >> (k - 16) : x << (16 - k);
	for (f = 0; f < 16 && m >= ac_mid_q16[f]; f++)
		;
	return 16 * k + f;
}
EXPORT_SYMBOL_GPL(aiot_ac_log2_q4);

s64 aiot_ac_loglik(s32 d, u32 n_empty, u32 n_single, u32 n_coll)
{
	s64 lam = aiot_ac_lambda_q16(d);
	s64 ln_lam = (s64)ac_clamp_d(d) * AC_LN2_Q16;

	/* ln l = d ln2 / 16, kept x16 and divided once at the end */
	return -((s64)n_empty + n_single) * lam +
	       ((s64)n_single * ln_lam) / 16 +
	       (s64)n_coll * aiot_ac_lc_q16(d);
}
EXPORT_SYMBOL_GPL(aiot_ac_loglik);

/* ---- Frame sizes --------------------------------------------------------- */

static u32 ac_ilog2(u64 x)
{
	return 63 - __builtin_clzll(x);
}

/*
 * Frame for an estimated @n unread devices: n slots (the throughput
 * maximum), or the power of two with the better Poisson throughput l e^-l
 * (the smaller one up to l = 2 ln 2).
 */
static u32 ac_frame_for(const struct aiot_ac *ac, u64 n)
{
	u64 small;

	if (n < 1)
		n = 1;
	if (n > AIOT_AC_SLOTS_MAX)
		n = AIOT_AC_SLOTS_MAX;
	if (!ac->pow2)
		return n;
	small = 1ull << ac_ilog2(n);
	if (small < AIOT_AC_SLOTS_MAX && n * 1000 > small * 1386)
		small <<= 1;
	return small;
}

static enum aiot_ac_next ac_new_frame(struct aiot_ac *ac, u64 backlog,
				      u32 frame)
{
	if (backlog > AIOT_AC_SLOTS_MAX * 16ull)
		backlog = AIOT_AC_SLOTS_MAX * 16ull;
	ac->backlog = backlog ? backlog : 1;
	ac->frame = frame;
	ac->slot = 0;
	ac->n_empty = 0;
	ac->n_single = 0;
	ac->n_coll = 0;
	ac->frames++;
	/* the load this frame is planned for */
	ac->d_hat = ac_clamp_d(aiot_ac_log2_q4(ac->backlog) -
			       aiot_ac_log2_q4(ac->frame));
	return AIOT_AC_NEW_FRAME;
}

static enum aiot_ac_next ac_finish(struct aiot_ac *ac)
{
	ac->done = true;
	return AIOT_AC_DONE;
}

/* ---- Q-algorithm --------------------------------------------------------- */

static enum aiot_ac_next qalg_slot(struct aiot_ac *ac, enum aiot_slot outcome)
{
	u32 q;

	if (outcome == AIOT_SLOT_EMPTY)
		ac->qfp = ac->qfp > ac->q_step ? ac->qfp - ac->q_step : 0;
	else if (outcome == AIOT_SLOT_COLLISION)
		ac->qfp = ac->qfp + ac->q_step < (AIOT_AC_Q_MAX << 8) ?
			  ac->qfp + ac->q_step : AIOT_AC_Q_MAX << 8;
	q = (ac->qfp + 128) >> 8;
	if (q != ac_ilog2(ac->frame))		/* QueryAdjust */
		return ac_new_frame(ac, 1u << q, 1u << q);
	if (ac->slot < ac->frame)		/* QueryRep */
		return AIOT_AC_NEXT_SLOT;
	if (!ac->n_coll)
		return ac_finish(ac);
	return ac_new_frame(ac, ac->frame, ac->frame);	/* Query */
}

/* ---- Schoute ------------------------------------------------------------- */

static enum aiot_ac_next schoute_end(struct aiot_ac *ac)
{
	/* 2.39 devices per collided slot at load 1 (Schoute 1983), 1/256 */
	u64 n = ((u64)ac->n_coll * 612 + 128) >> 8;

	if (!ac->n_coll)
		return ac_finish(ac);
	return ac_new_frame(ac, n, ac_frame_for(ac, n));
}

/* ---- Maximum likelihood -------------------------------------------------- */

static s32 ml_argmax(const struct aiot_ac *ac, s32 lo, s32 hi, s64 *ll_out)
{
	s32 d = ac->d_hat < lo ? lo : ac->d_hat > hi ? hi : ac->d_hat;
	s64 ll = aiot_ac_loglik(d, ac->n_empty, ac->n_single, ac->n_coll);
	s64 l2;

	while (d < hi) {
		l2 = aiot_ac_loglik(d + 1, ac->n_empty, ac->n_single,
				    ac->n_coll);
		if (l2 <= ll)
			break;
		d++;
		ll = l2;
	}
	while (d > lo) {
		l2 = aiot_ac_loglik(d - 1, ac->n_empty, ac->n_single,
				    ac->n_coll);
		if (l2 <= ll)
			break;
		d--;
		ll = l2;
	}
	*ll_out = ll;
	return d;
}

static enum aiot_ac_next ml_update(struct aiot_ac *ac)
{
	s32 plan = ac_clamp_d(aiot_ac_log2_q4(ac->backlog) -
			      aiot_ac_log2_q4(ac->frame));
	s32 lo = ac_clamp_d(plan - AC_MAX_STEP);
	s32 hi = ac_clamp_d(plan + AC_MAX_STEP);
	u64 n, left, floor;
	s64 ll;

	ac->d_hat = ml_argmax(ac, lo, hi, &ll);
	if (ac->slot < ac->frame) {
		if (ac->slot < AC_MIN_SLOTS ||
		    ll - aiot_ac_loglik(plan, ac->n_empty, ac->n_single,
					ac->n_coll) <= AC_LLR)
			return AIOT_AC_NEXT_SLOT;
	} else if (!ac->n_coll) {
		return ac_finish(ac);
	}
	/* devices at the start of this frame, less those read since */
	n = (aiot_ac_lambda_q16(ac->d_hat) * ac->frame + 32768) >> 16;
	left = n > ac->n_single ? n - ac->n_single : 0;
	floor = 2ull * ac->n_coll;	/* every collided slot held two */
	if (left < floor)
		left = floor;
	if (ac->slot < ac->frame && ac_frame_for(ac, left) == ac->frame)
		return AIOT_AC_NEXT_SLOT;	/* nothing to gain */
	return ac_new_frame(ac, left, ac_frame_for(ac, left));
}

/* ---- Interface ----------------------------------------------------------- */

int aiot_ac_init(struct aiot_ac *ac, const struct aiot_ac_cfg *cfg)
{
	u32 first = cfg->init_slots ? cfg->init_slots : AIOT_AC_INIT_SLOTS;

	if (cfg->algo >= AIOT_AC_ALGO_COUNT || first > AIOT_AC_SLOTS_MAX)
		return -EINVAL;
	*ac = (struct aiot_ac){
		.algo = cfg->algo,
		.pow2 = cfg->pow2 || cfg->algo == AIOT_AC_QALG,
		.q_step = cfg->q_step ? cfg->q_step : AIOT_AC_QSTEP_DEFAULT,
	};
	first = ac_frame_for(ac, first);
	ac->qfp = ac_ilog2(first) << 8;
	ac_new_frame(ac, first, first);
	return 0;
}
EXPORT_SYMBOL_GPL(aiot_ac_init);

enum aiot_ac_next aiot_ac_slot(struct aiot_ac *ac, enum aiot_slot outcome)
{
	if (ac->done)
		return AIOT_AC_DONE;
	ac->slot++;
	ac->slots++;
	if (outcome == AIOT_SLOT_EMPTY) {
		ac->n_empty++;
	} else if (outcome == AIOT_SLOT_SINGLE) {
		ac->n_single++;
		ac->read++;
	} else {
		ac->n_coll++;
	}
	switch (ac->algo) {
	case AIOT_AC_QALG:
		return qalg_slot(ac, outcome);
	case AIOT_AC_SCHOUTE:
		return ac->slot < ac->frame ? AIOT_AC_NEXT_SLOT :
					      schoute_end(ac);
	default:
		return ml_update(ac);
	}
}
EXPORT_SYMBOL_GPL(aiot_ac_slot);

int aiot_ac_round(struct aiot_ac *ac, u32 n_empty, u32 n_single, u32 n_coll)
{
	if (ac->done)
		return AIOT_AC_DONE;
	if (ac->algo == AIOT_AC_QALG || ac->slot ||
	    (u64)n_empty + n_single + n_coll != ac->frame)
		return -EINVAL;
	ac->slot = ac->frame;
	ac->slots += ac->frame;
	ac->read += n_single;
	ac->n_empty = n_empty;
	ac->n_single = n_single;
	ac->n_coll = n_coll;
	if (ac->algo == AIOT_AC_SCHOUTE)
		return schoute_end(ac);
	return ml_update(ac);
}
EXPORT_SYMBOL_GPL(aiot_ac_round);

int aiot_ac_frame_q(const struct aiot_ac *ac)
{
	if (!ac->frame || (ac->frame & (ac->frame - 1)))
		return -1;
	return ac_ilog2(ac->frame);
}
EXPORT_SYMBOL_GPL(aiot_ac_frame_q);

const char *aiot_ac_algo_name(enum aiot_ac_algo algo)
{
	static const char *const names[AIOT_AC_ALGO_COUNT] = {
		[AIOT_AC_QALG] = "q-algorithm",
		[AIOT_AC_SCHOUTE] = "schoute",
		[AIOT_AC_ML] = "ml",
	};

	return algo < AIOT_AC_ALGO_COUNT ? names[algo] : "?";
}
EXPORT_SYMBOL_GPL(aiot_ac_algo_name);
