// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests: anti-collision algorithms, built from the kernel source
 * through the userspace shim. Same checks as the KUnit suite
 * aiot_anticoll (kernel/tests/air_ac_cases.h), plus the estimator's
 * fixed-point tables against the C library's floating point.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "anticoll.h"
#include "air_ac_cases.h"

static void run_check(void **state)
{
	const struct air_ac_check *c = *state;
	struct air_ac_scratch *s = calloc(1, sizeof(*s));

	assert_non_null(s);
	if (c->run(s)) {
		print_error("%s: %s\n", c->name, s->why);
		free(s);
		fail();
	}
	free(s);
}

/* Every table entry within one Q16 unit of the exact value. */
static void tables_match_libm(void **state)
{
	int d;

	(void)state;
	for (d = AIOT_AC_D_MIN; d <= AIOT_AC_D_MAX; d++) {
		double l = pow(2, d / 16.0), p;

		p = l < 1e-3 ? l * l / 2 - l * l * l / 3 : 1 - (1 + l) * exp(-l);
		assert_true(fabs(aiot_ac_lc_q16(d) - 65536 * log(p)) <= 1.0);
		assert_true(fabs((double)aiot_ac_lambda_q16(d) - 65536 * l) <=
			    1.0 + 65536 * l * 1e-5);
	}
}

/* The grid maximum is the continuous maximum to within one grid step. */
static void argmax_matches_float(void **state)
{
	static const unsigned int counts[][3] = {
		{ 23, 24, 17 }, { 100, 10, 1 }, { 1, 10, 100 }, { 5, 5, 5 },
		{ 0, 3, 9 },
	};
	unsigned int i;
	int d, best;

	(void)state;
	for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++) {
		double e = counts[i][0], s = counts[i][1], c = counts[i][2];
		double x, fbest = -1e300, xbest = 0;

		for (x = -8; x <= 12; x += 1e-4) {
			double l = pow(2, x);
			double f = -(e + s) * l + s * log(l) +
				   c * log(1 - (1 + l) * exp(-l));

			if (f > fbest) {
				fbest = f;
				xbest = x;
			}
		}
		best = AIOT_AC_D_MIN;
		for (d = AIOT_AC_D_MIN; d <= AIOT_AC_D_MAX; d++)
			if (aiot_ac_loglik(d, e, s, c) >
			    aiot_ac_loglik(best, e, s, c))
				best = d;
		assert_true(fabs(best / 16.0 - xbest) <= 1.0 / 16);
	}
}

int main(void)
{
	struct CMUnitTest tests[AIR_AC_N_CHECKS + 2];
	size_t i;

	for (i = 0; i < AIR_AC_N_CHECKS; i++)
		tests[i] = (struct CMUnitTest){
			.name = air_ac_checks[i].name,
			.test_func = run_check,
			.initial_state = (void *)&air_ac_checks[i],
		};
	tests[i++] = (struct CMUnitTest)cmocka_unit_test(tables_match_libm);
	tests[i++] = (struct CMUnitTest)cmocka_unit_test(argmax_matches_float);
	return _cmocka_run_group_tests("anticoll", tests, i, NULL, NULL);
}
