/* SPDX-License-Identifier: GPL-2.0 */
/*
 * aiotf-sim: what the subcommands (aiotf-sim.c), the scenario parser
 * (scenario.c), the AIoT-AP scenario runner (run.c) and its summary
 * (summary.c) share.
 */
#ifndef AIOTF_SIM_H
#define AIOTF_SIM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <json-c/json.h>

enum { EXIT_OK, EXIT_FAILED, EXIT_USAGE };

/* "aiotf-sim: " and a sentence on stderr */
void sim_err(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* HEX[/BITS] of at most 128 bits into id (16 octets, zero-filled): 0 or -1 */
int sim_parse_id(const char *s, uint8_t *id, unsigned int *bits);
/* The same, silent: for callers that word the error themselves */
int sim_parse_id_quiet(const char *s, uint8_t *id, unsigned int *bits);
/* An identity as sim_parse_id takes it: HEX, and /BITS when not whole octets */
void sim_format_id(const uint8_t *id, unsigned int bits, char *out, size_t size);

/* hex into a JSON object under key, or "key HEX" on stdout */
void sim_print_hex(const char *key, const uint8_t *p, size_t n, struct json_object *o);

/* aiotf-sim run FILE [--listen ADDR] [-j] */
int sim_run(const char *file, const char *listen, bool json);

#endif /* AIOTF_SIM_H */
