// SPDX-License-Identifier: GPL-2.0
/*
 * aiotctl: the A-IoT reader command line.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "aiotctl.h"

#ifndef AIOT_TOOLS_VERSION
#define AIOT_TOOLS_VERSION "0.1.0"
#endif

extern const struct aiotctl_cmd *__start_aiotctl_cmds[];
extern const struct aiotctl_cmd *__stop_aiotctl_cmds[];

void aiotctl_err(const char *fmt, ...)
{
	va_list ap;

	fputs("aiotctl: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static void usage(FILE *f)
{
	const struct aiotctl_cmd **c;

	fprintf(f, "usage: aiotctl [-j|--json] <command> [args]\n"
		   "       aiotctl --version | --help\n\ncommands:\n");
	for (c = __start_aiotctl_cmds; c < __stop_aiotctl_cmds; c++)
		fprintf(f, "  %s%s%s %s\n      %s\n", (*c)->section,
			(*c)->name ? " " : "", (*c)->name ? (*c)->name : "",
			(*c)->args ? (*c)->args : "", (*c)->help);
}

/*
 * The words of @name (one or more, separated by one space) against
 * argv[1..]: the words used with the section's, or 0.
 */
static int match_name(const char *name, int argc, char **argv)
{
	int used = 1;
	size_t len;

	while (*name) {
		len = strcspn(name, " ");
		if (used >= argc || strlen(argv[used]) != len || strncmp(argv[used], name, len))
			return 0;
		used++;
		name += len;
		name += *name == ' ';
	}
	return used;
}

static const struct aiotctl_cmd *lookup(int argc, char **argv, int *used)
{
	const struct aiotctl_cmd **c;

	for (c = __start_aiotctl_cmds; c < __stop_aiotctl_cmds; c++) {
		if (strcmp((*c)->section, argv[0]))
			continue;
		if (!(*c)->name) {
			*used = 1;
			return *c;
		}
		*used = match_name((*c)->name, argc, argv);
		if (*used)
			return *c;
	}
	return NULL;
}

/* No command matched: name the words tried and, for a known section, its commands. */
static void unknown(int argc, char **argv)
{
	const struct aiotctl_cmd **c;
	size_t len = argc > 1 ? strlen(argv[1]) : 0;
	int words = argc > 1 ? 2 : 1, n = 0;
	char list[1024] = "";

	for (c = __start_aiotctl_cmds; c < __stop_aiotctl_cmds; c++) {
		if (strcmp((*c)->section, argv[0]) || !(*c)->name)
			continue;
		if (argc > 2 && !strncmp((*c)->name, argv[1], len) && (*c)->name[len] == ' ')
			words = 3;
		snprintf(list + strlen(list), sizeof(list) - strlen(list), "%s%s",
			 n++ ? ", " : "", (*c)->name);
	}
	if (!n) {
		aiotctl_err("unknown command '%s%s%s'; 'aiotctl --help' lists the commands",
			    argv[0], argc > 1 ? " " : "", argc > 1 ? argv[1] : "");
		return;
	}
	aiotctl_err("unknown command '%s%s%s%s%s'; the %s commands: %s", argv[0],
		    words > 1 ? " " : "", words > 1 ? argv[1] : "",
		    words > 2 ? " " : "", words > 2 ? argv[2] : "", argv[0], list);
}

int main(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct aiotctl_ctx ctx = { 0 };
	const struct aiotctl_cmd *cmd;
	int opt, used;

	while ((opt = getopt_long(argc, argv, "+jhV", opts, NULL)) != -1) {
		switch (opt) {
		case 'j':
			ctx.json = true;
			break;
		case 'h':
			usage(stdout);
			return AIOTCTL_EXIT_OK;
		case 'V':
			printf("aiotctl %s\n", AIOT_TOOLS_VERSION);
			return AIOTCTL_EXIT_OK;
		default:
			usage(stderr);
			return AIOTCTL_EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		usage(stderr);
		return AIOTCTL_EXIT_USAGE;
	}
	cmd = lookup(argc, argv, &used);
	if (!cmd) {
		unknown(argc, argv);
		return AIOTCTL_EXIT_USAGE;
	}
	return cmd->handler(&ctx, argc - used, argv + used);
}
