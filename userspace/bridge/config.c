// SPDX-License-Identifier: GPL-2.0
/*
 * aiot-bridge's settings: defaults, one "key = value" at a time (the file
 * and the command line), and the file (aiot-bridge(8), CONFIGURATION FILE).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bridge.h"

void config_defaults(struct config *c)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->aiotf, sizeof(c->aiotf), "sctp:127.0.0.1");
	if (gethostname(c->gateway_id, sizeof(c->gateway_id) - 1) || !c->gateway_id[0])
		snprintf(c->gateway_id, sizeof(c->gateway_id), "aiot-gateway");
	snprintf(c->journal, sizeof(c->journal), "/var/lib/aiot-bridge/journal.db");
	c->sync_full = true;
	c->reconnect_min_ms = 100;
	c->reconnect_max_ms = 5000;
	c->window = 256;
	c->report_batch = 64;
	c->max_runs = 3;
	c->log_level = LOG_INFO_;
}

static int number(const char *key, const char *v, unsigned long lo, unsigned long hi,
		  unsigned int *out, char *err, size_t errlen)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(v, &end, 10);
	if (!*v || *end || errno || n < lo || n > hi) {
		snprintf(err, errlen, "%s must be a number in %lu..%lu, not '%s'", key, lo, hi, v);
		return -1;
	}
	*out = n;
	return 0;
}

int config_set(struct config *c, const char *key, const char *v, char *err, size_t errlen)
{
	if (!strcmp(key, "aiotf")) {
		if (strlen(v) >= sizeof(c->aiotf))
			goto too_long;
		strcpy(c->aiotf, v);
	} else if (!strcmp(key, "gateway-id")) {
		if (!*v || strlen(v) >= sizeof(c->gateway_id))
			goto too_long;
		strcpy(c->gateway_id, v);
	} else if (!strcmp(key, "journal")) {
		if (!*v || strlen(v) >= sizeof(c->journal))
			goto too_long;
		strcpy(c->journal, v);
	} else if (!strcmp(key, "journal-sync")) {
		if (strcmp(v, "full") && strcmp(v, "normal")) {
			snprintf(err, errlen, "journal-sync is full or normal, not '%s'", v);
			return -1;
		}
		c->sync_full = !strcmp(v, "full");
	} else if (!strcmp(key, "reconnect-min-ms")) {
		return number(key, v, 1, 600000, &c->reconnect_min_ms, err, errlen);
	} else if (!strcmp(key, "reconnect-max-ms")) {
		return number(key, v, 1, 600000, &c->reconnect_max_ms, err, errlen);
	} else if (!strcmp(key, "window")) {
		return number(key, v, 1, 65536, &c->window, err, errlen);
	} else if (!strcmp(key, "report-batch")) {
		return number(key, v, 1, 256, &c->report_batch, err, errlen);
	} else if (!strcmp(key, "max-runs")) {
		return number(key, v, 1, 100, &c->max_runs, err, errlen);
	} else if (!strcmp(key, "log-level")) {
		static const char *const lv[] = { "error", "warning", "info", "debug" };
		unsigned int i;

		for (i = 0; i < 4; i++)
			if (!strcmp(v, lv[i])) {
				c->log_level = i;
				return 0;
			}
		snprintf(err, errlen, "log-level is error, warning, info or debug, not '%s'", v);
		return -1;
	} else {
		snprintf(err, errlen, "unknown setting '%s'", key);
		return -1;
	}
	return 0;
too_long:
	snprintf(err, errlen, "%s: '%s' is empty or too long", key, v);
	return -1;
}

/* key = value lines; '#' starts a comment. */
int config_load(struct config *c, const char *file, char *err, size_t errlen)
{
	char line[1024], e[256];
	unsigned int lineno = 0;
	FILE *f = fopen(file, "r");

	if (!f) {
		snprintf(err, errlen, "cannot read the configuration '%s': %s", file,
			 strerror(errno));
		return -1;
	}
	while (fgets(line, sizeof(line), f)) {
		char *k = line, *v, *end;

		lineno++;
		line[strcspn(line, "#\n")] = 0;
		k += strspn(k, " \t");
		if (!*k)
			continue;
		v = strchr(k, '=');
		if (!v) {
			snprintf(err, errlen, "%s:%u: expected 'key = value'", file, lineno);
			goto fail;
		}
		end = v;
		*v++ = 0;
		while (end > k && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = 0;
		v += strspn(v, " \t");
		end = v + strlen(v);
		while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = 0;
		if (config_set(c, k, v, e, sizeof(e))) {
			snprintf(err, errlen, "%s:%u: %s", file, lineno, e);
			goto fail;
		}
	}
	fclose(f);
	return 0;
fail:
	fclose(f);
	return -1;
}
