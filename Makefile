# sayso: accessible feedback kiosk.
#
#   make run             install what is missing, build, start the kiosk on config/forum
#   make test            install what is missing, build, run every test (also under ASan/UBSan)
#   make bench           every figure beside its anchor, as a ratio (BENCH_CHROMIUM=1: and Chromium)
#   make fuzz            every libFuzzer target in tests/fuzz/ for FUZZ_SECONDS each (60)
#   make soak            10,000 scripted sessions on one database: RSS, descriptors, time per session
#   make screenshots     headless screenshots of every screen into docs/screens/
#   make symbols-sheet   contact sheet of all symbols into docs/symbols-sheet.png
#   make install         the binary, its data, config and systemd units (PREFIX, DESTDIR)
#   make deb             a Debian package, built by the Debian tools, into build/
#
# Dependencies come from Debian's archive and are found through pkg-config.

CC      ?= cc
PKGS    := sdl2 SDL2_ttf SDL2_image sqlite3 espeak-ng fontconfig inih uuid sndfile fribidi \
           libsodium jansson libpq libsystemd libzip libxml-2.0
DEBS    := pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libsqlite3-dev \
           libespeak-ng-dev libcsv-dev libinih-dev libfontconfig-dev uuid-dev \
           libsndfile1-dev libfribidi-dev libsodium-dev libjansson-dev libpq-dev libsystemd-dev \
           libzip-dev libxml2-dev fonts-sil-andika fonts-noto-core
# `make deb`: the Debian tools, and lintian to check what they made.
DEB_DEBS := debhelper dpkg-dev fakeroot lintian
# The HTML report's test opens it in headless Chromium; the sync tests start
# their own PostgreSQL server (and make a throwaway CA with openssl); the fuzz
# targets (built for make test too) need clang and its libFuzzer runtime;
# tests/sys_package.sh builds and installs the package, checks its units
# with systemd-analyze and runs the kiosk under cage (headless wlroots,
# Xwayland) and under a systemd of its own, grabbing its window with xwd,
# reading it with netpbm; the survey tests write their own .xlsx workbooks
# with libxlsxwriter.
TEST_DEBS := chromium postgresql openssl clang libclang-rt-14-dev $(DEB_DEBS) systemd cage xwayland \
             seatd x11-apps netpbm procps libxlsxwriter-dev sqlite3
TEST_PKGS := xlsxwriter
# The bench's anchors: the sqlite3 shell (exports, purge), Xvfb for a real window,
# PostgreSQL's psql \copy (sync); BENCH_CHROMIUM=1 also runs Chromium (TEST_DEBS).
BENCH_DEBS := xvfb sqlite3 postgresql

BUILD   ?= build
SAN     ?=
OPT     ?= -O2 -g
WARN    := -Wall -Wextra -Wshadow -Wno-unused-parameter
ALL_CFLAGS  = $(OPT) $(CPPFLAGS) $(CFLAGS) -std=c11 -D_GNU_SOURCE $(WARN) -Isrc $(SAN)
ALL_LDFLAGS = $(LDFLAGS) $(SAN)

SRCS     := $(shell find src -name '*.c' ! -name main.c | sort)
OBJS     := $(SRCS:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/src/main.o
TEST_SRCS := $(sort $(wildcard tests/test_*.c))
TESTS    := $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%)
TOOLS    := $(BUILD)/tools/symbols_sheet $(BUILD)/tools/screens_sheet $(BUILD)/tools/bench \
            $(BUILD)/tools/sync_bench $(BUILD)/tools/soak

# pkg-config is only asked once the packages are there (see `deps`).
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lpthread -lm
TEST_PKG_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null)
TEST_PKG_LIBS   = $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)
# The sayso binary is not linked with the libraries it needs only now and
# then: src/ui/image_lib.c opens SDL_image when a picture is first decoded,
# src/lazy/ opens libpq (sync), libsndfile (sound files), libzip and libxml2
# (XLSForm workbooks) and libsystemd (only under systemd) on first use. Each
# start of the kiosk used to wait for them and their ~50 dependencies
# (libpq alone brings Kerberos, LDAP and GnuTLS). Tests and tools link
# everything; debian/control names them, as dpkg-shlibdeps cannot see them.
LAZY_PKGS := SDL2_image libpq sndfile libzip libxml-2.0 libsystemd
SAYSO_LIBS = $(shell pkg-config --libs $(filter-out $(LAZY_PKGS),$(PKGS)) 2>/dev/null) -lcsv -lpthread -lm

# Where `make install` puts things (GNU conventions; the Debian package
# uses PREFIX=/usr). An installed sayso has these folders compiled in
# (src/cli/cli_paths.c): it finds its data, kiosk.ini and database from
# any folder it is started in.
PREFIX      ?= /usr/local
BINDIR      ?= $(PREFIX)/bin
DATADIR     ?= $(PREFIX)/share/sayso
SYSCONFDIR  ?= /etc
STATEDIR    ?= /var/lib/sayso
UNITDIR     ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
TMPFILESDIR ?= $(PREFIX)/lib/tmpfiles.d
MANDIR      ?= $(PREFIX)/share/man
DESTDIR     ?=
# The USB stick's mount point: kiosk.ini's export_dir when installed.
EXPORTDIR   ?= /media/sayso

PATH_DEFS := -DSAYSO_BINDIR='"$(BINDIR)"' -DSAYSO_DATADIR='"$(DATADIR)"' \
             -DSAYSO_SYSCONFDIR='"$(SYSCONFDIR)"' -DSAYSO_STATEDIR='"$(STATEDIR)"'

.PHONY: all run test test-unit test-e2e test-asan bench deps screenshots symbols-sheet report clean \
        fuzz fuzz-build soak install uninstall deb FORCE

all: deps sayso

deps:
	@tools/ensure-debs.sh $(DEBS)

sayso: $(OBJS) $(MAIN_OBJ)
	@echo "  LD    $@"
	@$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SAYSO_LIBS)

# cli_paths.o is rebuilt whenever the install folders change.
$(BUILD)/src/cli/cli_paths.o: ALL_CFLAGS += $(PATH_DEFS)
$(BUILD)/src/cli/cli_paths.o: $(BUILD)/install-paths
$(BUILD)/install-paths: FORCE
	@mkdir -p $(dir $@)
	@echo '$(PATH_DEFS)' | cmp -s - $@ || echo '$(PATH_DEFS)' > $@

$(BUILD)/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC    $<"
	@$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/tests/%: tests/%.c $(OBJS) $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	@echo "  TEST  $@"
	@$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) $(TEST_PKG_CFLAGS) -Itests -o $@ $< $(OBJS) $(ALL_LDFLAGS) $(PKG_LIBS) $(TEST_PKG_LIBS)

$(BUILD)/tools/%: tools/%.c $(OBJS) $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	@echo "  TOOL  $@"
	@$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -o $@ $< $(OBJS) $(ALL_LDFLAGS) $(PKG_LIBS)

BENCH_SRCS := tools/bench.c tools/bench_ui.c tools/bench_data.c tools/bench_chromium.c

$(BUILD)/tools/bench: $(BENCH_SRCS) tools/bench.h $(OBJS)
	@mkdir -p $(dir $@)
	@echo "  TOOL  $@"
	@$(CC) $(ALL_CFLAGS) $(PKG_CFLAGS) -Itools -o $@ $(BENCH_SRCS) $(OBJS) $(ALL_LDFLAGS) $(PKG_LIBS)

# The anchors link only what they measure against: SDL2 alone, SQLite alone.
$(BUILD)/tools/bare_window: tools/bare_window.c
	@mkdir -p $(dir $@)
	@echo "  TOOL  $@"
	@$(CC) $(ALL_CFLAGS) $(shell pkg-config --cflags sdl2) -o $@ $< $(ALL_LDFLAGS) $(shell pkg-config --libs sdl2)

$(BUILD)/tools/commit_anchor: tools/commit_anchor.c
	@mkdir -p $(dir $@)
	@echo "  TOOL  $@"
	@$(CC) $(ALL_CFLAGS) -o $@ $< $(ALL_LDFLAGS) -lsqlite3

# exports/ is kiosk.ini's export_dir: the staff menu's exports go there.
# ./kiosk.ini is make run's own (untracked), copied from config/kiosk.ini
# the first time: `./sayso pin --kiosk kiosk.ini` sets a PIN there.
run: deps sayso
	@mkdir -p exports
	@[ -f kiosk.ini ] || cp config/kiosk.ini kiosk.ini
	./sayso --config config/forum --db sayso.db --kiosk kiosk.ini

# The plain build runs every test, then a sanitizer build in its own folder
# runs them again; tests/run.sh prints the closing "N passed, N failed".
# The builds use every core (JOBS): CI's machine has two.
JOBS ?= $(shell nproc 2>/dev/null || echo 2)
test: deps
	@tools/ensure-debs.sh $(TEST_DEBS)
	@$(MAKE) -j$(JOBS) --no-print-directory sayso $(TESTS) fuzz-build
	@$(MAKE) -j$(JOBS) --no-print-directory BUILD=build/asan OPT="-O1 -g" \
	    SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    build/asan/sayso-asan build-asan-tests
	@tests/run.sh build ./sayso build/asan ./build/asan/sayso-asan

build-asan-tests: $(TESTS)

# A binary inside the build folder: lets several builds (BUILD=build/x) sit side by side.
$(BUILD)/sayso $(BUILD)/sayso-asan: $(OBJS) $(MAIN_OBJ)
	@echo "  LD    $@"
	@$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SAYSO_LIBS)

# ---- fuzzing (tests/fuzz/README.md) ----
# Every tests/fuzz/fuzz_NAME.c is a libFuzzer target with its seed corpus in
# tests/fuzz/corpus/NAME/. Its " * sources:" comment line names the files
# (or folders/, for every .c in them) it is built from, so each target
# compiles only what it needs. Objects are clang's, with ASan and UBSan.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_SAN     := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_CFLAGS   = -g -O1 -std=c11 -D_GNU_SOURCE -Isrc -Itests/fuzz $(FUZZ_SAN) $(PKG_CFLAGS)
FUZZ_SRCS    := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_NAMES   := $(FUZZ_SRCS:tests/fuzz/fuzz_%.c=%)
FUZZ_BINS    := $(FUZZ_NAMES:%=$(BUILD)/fuzz/fuzz_%)
fuzz_sources  = $(foreach s,$(shell sed -n 's/^ \* sources: //p' $(1)),$(if $(filter %/,$(s)),$(wildcard $(s)*.c),$(s)))

$(BUILD)/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  FUZZCC $<"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

define FUZZ_TARGET
$(BUILD)/fuzz/fuzz_$(1): tests/fuzz/fuzz_$(1).c tests/fuzz/fuzz_support.h \
    $(patsubst %.c,$(BUILD)/fuzz/obj/%.o,$(call fuzz_sources,tests/fuzz/fuzz_$(1).c))
	@echo "  FUZZ  $$@"
	@$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $$@ $$< $$(filter %.o,$$^) $(PKG_LIBS)
endef
$(foreach n,$(FUZZ_NAMES),$(eval $(call FUZZ_TARGET,$(n))))

fuzz-build: $(FUZZ_BINS)

# Each target runs FUZZ_SECONDS on its corpus; new inputs go to
# build/fuzz/corpus/NAME, a crash to build/fuzz/artifacts/ with the line
# that reproduces it. make test runs each for a few seconds (tests/sys_fuzz.sh).
fuzz: deps
	@tools/ensure-debs.sh $(TEST_DEBS)
	@$(MAKE) -j$(JOBS) --no-print-directory fuzz-build
	@tests/fuzz/run.sh $(BUILD)/fuzz $(FUZZ_SECONDS) $(FUZZ_NAMES)

SHEET_SCREENS := welcome.png language.png consent.png positive.png change.png barriers.png \
                 involve.png review.png thanks.png

bench: deps sayso $(BUILD)/tools/bench $(BUILD)/tools/bare_window $(BUILD)/tools/commit_anchor \
       $(BUILD)/tools/sync_bench
	@tools/ensure-debs.sh $(BENCH_DEBS) $(if $(filter 1,$(BENCH_CHROMIUM)),$(TEST_DEBS))
	@$(BUILD)/tools/bench ./sayso

# 10,000 people one after another on one kiosk and one database: memory,
# open descriptors and time per session must stay flat (tools/soak.c).
# About 20 minutes; not part of make test. SOAK_SESSIONS=N for another count.
SOAK_SESSIONS ?= 10000
soak: deps sayso $(BUILD)/tools/soak
	@$(BUILD)/tools/soak ./sayso $(SOAK_SESSIONS)

screenshots: deps sayso
	@tools/screenshots.sh ./sayso docs/screens
	@tools/screenshots.sh ./sayso docs/screens urdu
	@tools/screenshots.sh ./sayso docs/screens staff
	@tools/screenshots.sh ./sayso docs/screens xlsform
	@tools/screenshots.sh ./sayso docs/screens largest
	@tools/screenshots.sh ./sayso docs/screens keyboards

# Two sheets to review: every symbol (128 px with name and alt text, and a
# row at 48 px), and every screen of config/forum with symbol-supported text.
symbols-sheet: deps sayso $(BUILD)/tools/symbols_sheet $(BUILD)/tools/screens_sheet
	@mkdir -p docs
	@$(BUILD)/tools/symbols_sheet assets/symbols docs/symbols-sheet.png
	@tools/screenshots.sh ./sayso docs/screens symbol-text
	@$(BUILD)/tools/screens_sheet docs/screens-symbol-text.png \
	    "config/forum with symbol-supported text (settings.csv symbol_text = yes)" \
	    $(addprefix docs/screens/symbol-text/,$(SHEET_SCREENS))

# The HTML report of a few dozen scripted sessions and its screenshot, made
# by the report test (headless Chromium), into docs/report/ for the README.
report: deps sayso $(BUILD)/tests/test_report
	@tools/ensure-debs.sh $(TEST_DEBS)
	@SDL_VIDEODRIVER=dummy SDL_AUDIODRIVER=dummy SDL_FRAMEBUFFER_ACCELERATION=0 \
	    SAYSO_BIN=./sayso SAYSO_REPORT_DIR=docs/report $(BUILD)/tests/test_report

# The units name the installed paths: systemd/*.in with @BINDIR@ and
# friends filled in.
UNIT_SED = -e 's|@BINDIR@|$(BINDIR)|g' -e 's|@STATEDIR@|$(STATEDIR)|g' \
           -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' -e 's|@EXPORTDIR@|$(EXPORTDIR)|g'
UNITS := sayso.service sayso-sync.service sayso-sync.timer

install: sayso
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/symbols $(DESTDIR)$(DATADIR)/keyboards $(DESTDIR)$(DATADIR)/forum \
	    $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR) \
	    $(DESTDIR)$(SYSCONFDIR)/sayso $(DESTDIR)$(MANDIR)/man1
	install -m 0755 sayso $(DESTDIR)$(BINDIR)/sayso
	install -m 0644 docs/sayso.1 $(DESTDIR)$(MANDIR)/man1/sayso.1
	install -m 0644 assets/symbols/*.svg assets/symbols/*.csv $(DESTDIR)$(DATADIR)/symbols/
	install -m 0644 assets/words.csv $(DESTDIR)$(DATADIR)/words.csv
	install -m 0644 assets/keyboards/*.csv $(DESTDIR)$(DATADIR)/keyboards/
	install -m 0644 config/forum/* $(DESTDIR)$(DATADIR)/forum/
	install -m 0644 config/kiosk.ini $(DESTDIR)$(DATADIR)/kiosk.ini.example
	for u in $(UNITS); do sed $(UNIT_SED) systemd/$$u.in > $(DESTDIR)$(UNITDIR)/$$u; \
	    chmod 0644 $(DESTDIR)$(UNITDIR)/$$u; done
	sed $(UNIT_SED) systemd/sayso.tmpfiles.in > $(DESTDIR)$(TMPFILESDIR)/sayso.conf
	install -m 0644 systemd/sayso.sysusers $(DESTDIR)$(SYSUSERSDIR)/sayso.conf
	@# kiosk.ini is the administrator's: written once, never replaced.
	if [ ! -e $(DESTDIR)$(SYSCONFDIR)/sayso/kiosk.ini ]; then \
	    sed 's|^export_dir = .*|export_dir = $(EXPORTDIR)|' config/kiosk.ini > $(DESTDIR)$(SYSCONFDIR)/sayso/kiosk.ini && \
	    chmod 0640 $(DESTDIR)$(SYSCONFDIR)/sayso/kiosk.ini; fi
	@# Straight onto this machine (no DESTDIR), as root: the sayso user,
	@# /var/lib/sayso, and kiosk.ini readable by the sayso group.
	if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" = 0 ]; then \
	    systemd-sysusers $(SYSUSERSDIR)/sayso.conf && systemd-tmpfiles --create $(TMPFILESDIR)/sayso.conf && \
	    chgrp sayso $(SYSCONFDIR)/sayso/kiosk.ini; fi

# The data and units; kiosk.ini, /var/lib/sayso (the answers) and the
# sayso user stay.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/sayso $(DESTDIR)$(MANDIR)/man1/sayso.1 $(DESTDIR)$(SYSUSERSDIR)/sayso.conf \
	    $(DESTDIR)$(TMPFILESDIR)/sayso.conf \
	    $(addprefix $(DESTDIR)$(UNITDIR)/,$(UNITS))
	rm -rf $(DESTDIR)$(DATADIR)

# The package is built from a copy of the tree (the files git knows, and
# new ones not ignored) in build/deb/, so the Debian tools' clean and build
# never touch this tree's own build; the .deb lands in build/.
DEB_TREE := build/deb/sayso
deb: deps
	@tools/ensure-debs.sh $(DEB_DEBS)
	@# Every library the Makefile builds with must be a Build-Depends too.
	@missing=$$(for p in $(filter %-dev pkg-config,$(DEBS)); do \
	    awk '/^Build-Depends:/ { f = 1; sub(/^Build-Depends:/, "") } /^[^ ]/ && !/^Build-Depends:/ { f = 0 } f' \
	    debian/control | tr ', ' '\n\n' | grep -qx $$p || \
	    echo $$p; done); \
	    [ -z "$$missing" ] || { echo "debian/control: Build-Depends lacks" $$missing "(in DEBS)"; exit 1; }
	@rm -rf build/deb build/sayso_*.deb && mkdir -p $(DEB_TREE)
	@git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf - | tar -xf - -C $(DEB_TREE)
	@cd $(DEB_TREE) && DEB_BUILD_OPTIONS="nocheck noddebs parallel=2 $(DEB_BUILD_OPTIONS)" \
	    dpkg-buildpackage -us -uc -b > ../build.log 2>&1 || { tail -n 40 ../build.log; exit 1; }
	@mv build/deb/sayso_*.deb build/
	@rm -f build/deb/*.buildinfo build/deb/*.changes build/deb/*dbgsym*.deb
	@# lintian: warnings are shown, errors fail the build.
	@out=$$(lintian --fail-on error build/sayso_*.deb 2>&1); status=$$?; \
	    echo "$$out" | grep -v "root privileges" || true; exit $$status
	@ls build/sayso_*.deb

clean:
	rm -rf build sayso

-include $(shell find $(BUILD) -path build/deb -prune -o -name '*.d' -type f -print 2>/dev/null)
