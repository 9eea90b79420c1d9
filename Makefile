# SPDX-License-Identifier: GPL-2.0
#
# linux-aiot top-level Makefile.
#
#   make            module(s) against KDIR, and the userspace tools
#   make check      every test (installs missing Debian packages as root)
#   make demo       the main job, in a QEMU guest
#   make lint       checkpatch --strict, sparse, W=1: zero findings
#   make compat     the module against every installed kernel header set
#   make deps       install the Debian packages the project needs (root)

KVER_RUNNING := $(shell uname -r)
ifeq ($(wildcard /lib/modules/$(KVER_RUNNING)/build/Makefile),)
KDIR ?= $(shell . tests/vm/lib.sh; d=$$(newest_headers) && echo /usr/src/linux-headers-$$d)
else
KDIR ?= /lib/modules/$(KVER_RUNNING)/build
endif

# Module objects go into a per-kernel build tree, so builds against several
# kernels (compat, the KUnit kernel, DKMS) never share object files.
KNAME = $(shell cat $(KDIR)/include/config/kernel.release 2>/dev/null || basename $(KDIR))
KBUILD_OUT ?= build/kmod/$(KNAME)
KSRC := Kbuild kernel include

CC ?= cc
CFLAGS ?= -O2 -g
USER_CFLAGS := -std=gnu11 -Wall -Wextra -Werror -D_GNU_SOURCE \
	-Iinclude/uapi -Iinclude -Iuserspace/lib \
	$(shell pkg-config --cflags libnl-genl-3.0 json-c libcrypto 2>/dev/null)
USER_LIBS := $(shell pkg-config --libs libnl-genl-3.0 json-c libcrypto 2>/dev/null)
B := build/bin
O := build/obj

LIBAIOT_SRC := $(wildcard userspace/lib/*.c)
AIOTCTL_SRC := $(wildcard userspace/aiotctl/*.c)
HDRS := $(wildcard userspace/lib/*.h userspace/aiotctl/*.h include/uapi/linux/*.h include/aiot/*.h)

# Security cross-check (Documentation/security.rst): against a kernel with
# KUnit, the module build also writes the OpenSSL twin's results for
# XCHECK_CASES random cases from XCHECK_SEED, which the KUnit module
# aiot_sec_xcheck_test recomputes with kernel/sec.c in the guest.
XCHECK_SEED ?= 0x41494f5453454331
XCHECK_CASES ?= 10000
XCHECK_HDR := build/gen/aiot_sec_xcheck_vectors.h
KDIR_HAS_KUNIT = $(shell grep -qs '^CONFIG_KUNIT=y' $(KDIR)/.config && echo y)

.PHONY: all modules userspace check demo lint compat deps clean unit

all: modules userspace

modules: $(if $(KDIR_HAS_KUNIT),xcheck-vectors)
	@test -f $(KDIR)/Makefile || { echo "no kernel build tree at KDIR=$(KDIR): install linux-headers-amd64 or set KDIR"; exit 1; }
	@mkdir -p $(KBUILD_OUT)
	@cp -a -u --parents $$(find $(KSRC) -type f \( -name '*.[ch]' -o -name Kbuild \)) $(KBUILD_OUT)/
	@if [ -f $(XCHECK_HDR) ]; then mkdir -p $(KBUILD_OUT)/generated && cp -u $(XCHECK_HDR) $(KBUILD_OUT)/generated/; fi
	$(MAKE) -C $(KDIR) M=$(abspath $(KBUILD_OUT)) $(if $(W),W=$(W)) $(if $(C),C=$(C)) modules

userspace: $(B)/aiotctl $(B)/aiotf-sim $(B)/aiot-bridge $(B)/aiot-nltest $(B)/aiot-hwsim-test \
	$(B)/aiot-attack-test

# Guest test programs (run inside the QEMU guests, never on the host).
$(B)/aiot-nltest: tests/guest/aiot-nltest.c include/uapi/linux/aiot.h
	@mkdir -p $(B)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -o $@ $< $(shell pkg-config --libs libmnl)

# aiot-hwsim-test and aiot-attack-test share tests/guest/guest_nl.c
GUEST_NL := tests/guest/guest_nl.c tests/guest/guest_nl.h

$(B)/aiot-hwsim-test: tests/guest/aiot-hwsim-test.c $(GUEST_NL) $(O)/libaiot.a include/uapi/linux/aiot.h \
		include/uapi/linux/aiot_hwsim.h include/aiot/nas_values.h include/aiot/hwsim_values.h
	@mkdir -p $(B)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -o $@ $< tests/guest/guest_nl.c $(O)/libaiot.a \
		$(shell pkg-config --libs libmnl libcrypto)

# The attacks of Documentation/security-profiles.rst: decodes aiot_hwsim's
# capture with kernel/frame.c and kernel/nas.c, from libaiot.
$(B)/aiot-attack-test: tests/guest/aiot-attack-test.c $(GUEST_NL) $(O)/libaiot.a $(HDRS) \
		kernel/frame.h kernel/nas.h
	@mkdir -p $(B)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -Iuserspace/shim -Ikernel -o $@ $< tests/guest/guest_nl.c \
		$(O)/libaiot.a \
		$(shell pkg-config --libs libmnl libcrypto)

# Userspace unit tests: tests/unit/test_*.c, one cmocka binary each, linked
# with libaiot. tests/unit/run.sh runs them all and counts.
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/tests/unit/%)
UNIT_LIBS := $(shell pkg-config --libs cmocka 2>/dev/null)

build/tests/unit/%: tests/unit/%.c $(O)/libaiot.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -o $@ $< $(O)/libaiot.a $(USER_LIBS) $(UNIT_LIBS)

unit: $(UNIT_BIN)
	tests/unit/run.sh

$(O)/lib/%.o: userspace/lib/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -c -o $@ $<

$(O)/libaiot.a: $(LIBAIOT_SRC:userspace/lib/%.c=$(O)/lib/%.o)
	$(AR) rcs $@ $^

$(O)/aiotctl/%.o: userspace/aiotctl/%.c $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -c -o $@ $<

# aiotctl --version is the module's version (kernel/aiot_core.h)
$(O)/aiotctl/aiotctl.o: private USER_CFLAGS += -DAIOT_TOOLS_VERSION='"$(shell sed -n \
	's/^\#define AIOT_MODULE_VERSION[[:space:]]*"\(.*\)"/\1/p' kernel/aiot_core.h)"'
$(O)/aiotctl/aiotctl.o: kernel/aiot_core.h

# reader.c builds plain AIoT NAS requests (command read|write|disable)
$(O)/aiotctl/reader.o: private USER_CFLAGS += -Iuserspace/shim -Ikernel
$(O)/aiotctl/reader.o: $(AIR_HDRS)
# decode.c decodes frames of the air with kernel/frame.c (decode, hwsim capture show)
$(O)/aiotctl/decode.o: private USER_CFLAGS += -Iuserspace/shim -Ikernel
$(O)/aiotctl/decode.o: $(AIR_HDRS)

$(B)/aiotctl: $(AIOTCTL_SRC:userspace/aiotctl/%.c=$(O)/aiotctl/%.o) $(O)/libaiot.a
	@mkdir -p $(B)
	$(CC) $(CFLAGS) -o $@ $^ $(USER_LIBS)

# The reference AIOTF + ADM: libaiot's OpenSSL twin and kernel/nas.c.
$(B)/aiotf-sim: $(wildcard userspace/aiotf-sim/*.c userspace/aiotf-sim/*.h) $(O)/libaiot.a \
		$(HDRS) $(AIR_HDRS)
	@mkdir -p $(B)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -Iuserspace/shim -Ikernel -o $@ \
		$(wildcard userspace/aiotf-sim/*.c) $(O)/libaiot.a $(USER_LIBS)

# The gateway daemon: libmnl, SQLite, and the NAS codec for device identities.
BRIDGE_SRC := $(wildcard userspace/bridge/*.c)
$(B)/aiot-bridge: $(BRIDGE_SRC) userspace/bridge/bridge.h $(O)/libaiot.a $(HDRS) $(AIR_HDRS)
	@mkdir -p $(B)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -Iuserspace/shim -Ikernel -o $@ $(BRIDGE_SRC) $(O)/libaiot.a \
		$(shell pkg-config --libs libmnl sqlite3 libcrypto)

# The evaluation (Documentation/evaluation.rst): real guest runs, tables and
# plots. Not part of check, which runs `eval/run.sh smoke`.
.PHONY: evaluate
evaluate:
	eval/run.sh

# the bridge's journal, tested on its own
build/tests/unit/test_journal: tests/unit/test_journal.c userspace/bridge/journal.c \
		userspace/bridge/bridge.h tests/unit/journal_tmp.h $(O)/libaiot.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -Iuserspace/bridge -o $@ tests/unit/test_journal.c \
		userspace/bridge/journal.c $(shell pkg-config --libs sqlite3 libcrypto) $(UNIT_LIBS)

# the bridge's request logic with the kernel and the link stubbed
build/tests/unit/test_bridge: tests/unit/test_bridge.c userspace/bridge/bridge.c \
		userspace/bridge/journal.c userspace/bridge/config.c userspace/bridge/bridge.h \
		tests/unit/journal_tmp.h $(O)/libaiot.a $(HDRS) $(AIR_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -Iuserspace/bridge -Iuserspace/shim -Ikernel -o $@ \
		tests/unit/test_bridge.c userspace/bridge/bridge.c userspace/bridge/journal.c \
		userspace/bridge/config.c \
		$(O)/libaiot.a $(shell pkg-config --libs sqlite3 libcrypto) $(UNIT_LIBS)

deps:
	tests/deps.sh

check:
	tests/check.sh

demo: all
	tests/vm/demo.sh

lint:
	tests/lint.sh

compat:
	tests/compat.sh

clean:
	rm -rf build

# ---- Air interface in userspace -------------------------------------------
# kernel/frame.c, kernel/anticoll.c and kernel/nas.c (whose crypto calls
# then go to the OpenSSL twin) build unchanged through the type shim in
# userspace/shim and go into libaiot.a; their unit tests, the fuzz target
# and the benchmarks use them from there.
AIR_CFLAGS := -Iuserspace/shim -Iinclude -Ikernel -Ikernel/tests
AIR_HDRS := $(wildcard kernel/frame.h kernel/anticoll.h include/aiot/air_values.h \
	kernel/nas.h include/aiot/nas_values.h userspace/lib/aiot_sec.h \
	userspace/shim/linux/*.h kernel/tests/air_*.h)
AIR_OBJ := $(O)/air/frame.o $(O)/air/anticoll.o $(O)/air/crc-itu-t.o $(O)/air/nas.o
# kernel/profile.c, the study profiles' cryptography, on the OpenSSL twin too
AIR_HDRS += kernel/profile.h include/aiot/profile_values.h
AIR_OBJ += $(O)/air/profile.o

$(O)/air/%.o: kernel/%.c $(AIR_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(USER_CFLAGS) $(AIR_CFLAGS) -c -o $@ $<

$(O)/air/crc-itu-t.o: userspace/shim/crc-itu-t.c $(AIR_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(USER_CFLAGS) $(AIR_CFLAGS) -c -o $@ $<

$(O)/libaiot.a: $(AIR_OBJ)

AIR_UNIT := build/tests/unit/test_frame build/tests/unit/test_anticoll build/tests/unit/test_nas \
	build/tests/unit/test_profile
$(AIR_UNIT): private USER_CFLAGS += $(AIR_CFLAGS)
$(AIR_UNIT): private UNIT_LIBS += -lm
$(AIR_UNIT): $(AIR_HDRS)
build/tests/unit/test_profile: kernel/tests/profile_vectors.h kernel/tests/profile_cases.h
build/tests/unit/test_nas: kernel/tests/nas_cases.h

# ---- Fuzzing (clang libFuzzer, ASan + UBSan) --------------------------------
#   make fuzz [FUZZ_TIME=seconds] [FUZZ_ARGS=...]     air interface, as long as asked
#   make fuzz-ap [FUZZ_TIME=seconds] [FUZZ_ARGS=...]  AIoT-AP codec, as long as asked
#   make fuzz-smoke                                   both, bounded, for make check
FUZZ_CC ?= clang
FUZZ_TIME ?= 600
FUZZ_ARGS ?=
FUZZ_FLAGS := -std=gnu11 -g -O1 -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=all $(AIR_CFLAGS)
FUZZ_BIN := build/fuzz/fuzz_air
FUZZ_AP_BIN := build/fuzz/fuzz_ap

$(FUZZ_BIN): tests/fuzz/fuzz_air.c kernel/frame.c kernel/anticoll.c \
		userspace/shim/crc-itu-t.c $(AIR_HDRS)
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -o $@ $(filter %.c,$^)

$(FUZZ_AP_BIN): tests/fuzz/fuzz_ap.c userspace/lib/aiot_ap.c userspace/lib/aiot_ap.h \
		include/uapi/linux/aiot.h
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(FUZZ_FLAGS) -Iuserspace/lib -Iinclude/uapi -o $@ $(filter %.c,$^)

.PHONY: fuzz fuzz-ap fuzz-smoke fuzz-corpus bench
fuzz: $(FUZZ_BIN)
	@mkdir -p build/fuzz/corpus build/fuzz/artifacts
	$(FUZZ_BIN) -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
		-artifact_prefix=build/fuzz/artifacts/ $(FUZZ_ARGS) \
		build/fuzz/corpus tests/fuzz/corpus

fuzz-ap: $(FUZZ_AP_BIN)
	@mkdir -p build/fuzz/corpus-ap build/fuzz/artifacts-ap
	$(FUZZ_AP_BIN) -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
		-artifact_prefix=build/fuzz/artifacts-ap/ $(FUZZ_ARGS) \
		build/fuzz/corpus-ap tests/fuzz/corpus-ap

fuzz-smoke: $(FUZZ_BIN) $(FUZZ_AP_BIN)
	@tests/fuzz/smoke.sh $(FUZZ_BIN) tests/fuzz/corpus $(FUZZ_AP_BIN) tests/fuzz/corpus-ap

# Regenerate the seed corpora: the air interface's from the test samples
# (kernel/tests/air_cases.h), the AIoT-AP codec's from tests/fuzz/mkcorpus_ap.c.
fuzz-corpus:
	@mkdir -p build/fuzz tests/fuzz/corpus-ap
	$(CC) $(CFLAGS) $(USER_CFLAGS) $(AIR_CFLAGS) -o build/fuzz/mkcorpus \
		tests/fuzz/mkcorpus.c kernel/frame.c userspace/shim/crc-itu-t.c
	build/fuzz/mkcorpus tests/fuzz/corpus
	$(CC) $(CFLAGS) $(USER_CFLAGS) -o build/fuzz/mkcorpus_ap \
		tests/fuzz/mkcorpus_ap.c userspace/lib/aiot_ap.c
	build/fuzz/mkcorpus_ap tests/fuzz/corpus-ap

# ---- Benchmarks (not part of check) -----------------------------------------
BENCH_CFLAGS := -std=gnu11 -O2 -g -Wall -Wextra -Werror -D_GNU_SOURCE $(AIR_CFLAGS)

# libaiot.a: the air objects, and the OpenSSL twin that nas.o calls
build/bench/%: bench/%.c $(O)/libaiot.a $(AIR_HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(BENCH_CFLAGS) -o $@ $< $(O)/libaiot.a $(USER_LIBS) -lm

bench: build/bench/p2_codec build/bench/p3_anticoll build/bench/p1_sec_user
	@bench/run.sh

# ---- Security engine: the cross-check generator ---------------------------
build/tests/xcheck/gen_sec_xcheck: tests/xcheck/gen_sec_xcheck.c $(O)/libaiot.a $(HDRS) \
		kernel/nas.h include/aiot/nas_values.h include/aiot/sec_xcheck.h kernel/profile.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -Iuserspace/shim -Ikernel -o $@ $< $(O)/libaiot.a $(USER_LIBS)

# The header is replaced only when its content changes, so that the test
# module is not rebuilt for nothing.
.PHONY: xcheck-vectors
xcheck-vectors: build/tests/xcheck/gen_sec_xcheck
	@mkdir -p $(dir $(XCHECK_HDR))
	@$< $(XCHECK_SEED) $(XCHECK_CASES) >$(XCHECK_HDR).tmp
	@if cmp -s $(XCHECK_HDR).tmp $(XCHECK_HDR); then rm -f $(XCHECK_HDR).tmp; \
	else mv $(XCHECK_HDR).tmp $(XCHECK_HDR); fi

# ---- Security engine: benchmark P1 (kernel vs OpenSSL, in a guest) ----------
build/bench/p1_sec_user: bench/p1_sec_user.c $(O)/libaiot.a $(HDRS)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(USER_CFLAGS) -o $@ $< $(O)/libaiot.a $(USER_LIBS)

.PHONY: bench-p1
bench-p1:
	bench/p1_sec.sh

# ---- Packaging: DKMS and Debian packages (Documentation/admin-guide.rst) ----
#   make dkms-install [DKMS_KVER=release]  the tree's module version into DKMS
#                                           instead of any other: add, build and
#                                           install (root)
#   make dkms-remove                        every version of aiot out of DKMS
#   make deb                                aiot-dkms and aiot-tools in build/deb/,
#                                           built in a copy of the tree; lintian
#   make dkms-src DKMS_DEST=dir             the module sources as DKMS takes them
# The version is kernel/aiot_core.h's; dkms.conf and debian/changelog must
# say the same.
AIOT_VERSION := $(shell sed -n 's/^\#define AIOT_MODULE_VERSION[[:space:]]*"\(.*\)"/\1/p' kernel/aiot_core.h)
DKMS_DEST ?= /usr/src/aiot-$(AIOT_VERSION)
DKMS_KVER ?= $(KVER_RUNNING)

.PHONY: dkms-src dkms-version dkms-install dkms-remove deb
dkms-version:
	@v=$$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' dkms.conf); \
	if [ "$$v" != "$(AIOT_VERSION)" ]; then \
		echo "dkms.conf says PACKAGE_VERSION=$$v, kernel/aiot_core.h $(AIOT_VERSION): make them agree"; \
		exit 1; fi

dkms-src: dkms-version
	@mkdir -p $(DKMS_DEST)
	@cp --parents Kbuild dkms.conf $$(find kernel include -type f \( -name '*.[ch]' ! -name '*.mod.c' \)) $(DKMS_DEST)/

dkms-install: dkms-version
	@command -v dkms >/dev/null || { echo "dkms is not installed (apt-get install dkms)"; exit 1; }
	@if dpkg-query -W -f '$${Status}' aiot-dkms 2>/dev/null | grep -q 'ok installed'; then \
		echo "the aiot-dkms package is installed: remove it first (apt-get remove aiot-dkms)"; \
		exit 1; fi
	@$(MAKE) -s dkms-remove
	rm -rf $(DKMS_DEST)
	$(MAKE) -s dkms-src DKMS_DEST=$(DKMS_DEST)
	dkms add aiot/$(AIOT_VERSION)
	@dkms build aiot/$(AIOT_VERSION) -k $(DKMS_KVER); rc=$$?; \
	if [ $$rc = 77 ]; then echo "DKMS skipped kernel $(DKMS_KVER) (see above why)"; exit 1; \
	elif [ $$rc != 0 ]; then \
		echo "the build log: /var/lib/dkms/aiot/$(AIOT_VERSION)/build/make.log"; exit $$rc; fi
	dkms install aiot/$(AIOT_VERSION) -k $(DKMS_KVER)

dkms-remove:
	@command -v dkms >/dev/null || { echo "dkms is not installed"; exit 1; }
	@for v in $$(ls /var/lib/dkms/aiot 2>/dev/null); do \
		[ -d /var/lib/dkms/aiot/$$v/source ] || continue; \
		if dpkg -S /usr/src/aiot-$$v >/dev/null 2>&1; then \
			echo "aiot/$$v belongs to the aiot-dkms package: left alone (apt-get remove aiot-dkms)"; \
			continue; fi; \
		echo "dkms remove aiot/$$v --all"; dkms remove aiot/$$v --all || exit 1; \
		rm -rf /usr/src/aiot-$$v; \
	done

# The packages are built from a copy of the tree (the files git knows,
# committed or not), so the tree stays clean; they are rebuilt only when one
# of those files changed.
DEB_DIR := build/deb
DEB_FILES = $(shell git ls-files -co --exclude-standard 2>/dev/null || \
	find . -path ./build -prune -o -path ./.git -prune -o -type f -print)
DEB_NEEDS := dpkg-buildpackage dh dh_dkms dh_bash-completion rst2man lintian

deb: $(DEB_DIR)/.built

$(DEB_DIR)/.built: $(filter-out $(DEB_DIR)/%,$(wildcard $(DEB_FILES)))
	@for c in $(DEB_NEEDS); do command -v $$c >/dev/null || \
		{ echo "make deb: $$c is missing (make deps)"; exit 1; }; done
	@$(MAKE) -s dkms-version
	@v=$$(dpkg-parsechangelog -S Version); case "$$v" in $(AIOT_VERSION)|$(AIOT_VERSION)+*) ;; \
	*) echo "debian/changelog says $$v, kernel/aiot_core.h $(AIOT_VERSION): make them agree"; exit 1 ;; esac
	@rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/src/aiot-$(AIOT_VERSION)
	@for f in $(DEB_FILES); do [ -f "$$f" ] && printf '%s\n' "$$f"; done | \
		tar -cf - -T - | tar -xf - -C $(DEB_DIR)/src/aiot-$(AIOT_VERSION)
	@echo "deb: dpkg-buildpackage in $(DEB_DIR)/src/aiot-$(AIOT_VERSION) (log: $(DEB_DIR)/build.log)"
	@cd $(DEB_DIR)/src/aiot-$(AIOT_VERSION) && \
		dpkg-buildpackage -us -uc -b -j$$(nproc) >../../build.log 2>&1 || \
		{ tail -n 40 ../../build.log; echo "make deb: dpkg-buildpackage failed (log: $(DEB_DIR)/build.log)"; exit 1; }
	@mv $(DEB_DIR)/src/*.deb $(DEB_DIR)/src/*.buildinfo $(DEB_DIR)/src/*.changes $(DEB_DIR)/
	@rm -rf $(DEB_DIR)/src
	@ls $(DEB_DIR)/*.deb
	@echo "deb: lintian (overrides and their reasons: debian/*.lintian-overrides)"
	@lintian --display-info --fail-on error,warning $(DEB_DIR)/*.changes
	@touch $@
