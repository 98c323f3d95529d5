# sayso: accessible feedback kiosk.
#
#   make run             install what is missing, build, start the kiosk on config/forum
#   make test            install what is missing, build, run every test (also under ASan/UBSan)
#   make bench           every figure beside its anchor, as a ratio (BENCH_CHROMIUM=1: and Chromium)
#   make screenshots     headless screenshots of every screen into docs/screens/
#   make symbols-sheet   contact sheet of all symbols into docs/symbols-sheet.png
#
# Dependencies come from Debian's archive and are found through pkg-config.

CC      ?= cc
PKGS    := sdl2 SDL2_ttf SDL2_image sqlite3 espeak-ng fontconfig inih uuid sndfile fribidi \
           libsodium jansson libpq libzip libxml-2.0
DEBS    := pkg-config libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev libsqlite3-dev \
           libespeak-ng-dev libcsv-dev libinih-dev libfontconfig-dev uuid-dev \
           libsndfile1-dev libfribidi-dev libsodium-dev libjansson-dev libpq-dev libzip-dev \
           libxml2-dev fonts-sil-andika fonts-noto-core
# The HTML report's test opens it in headless Chromium; the sync tests start
# their own PostgreSQL server (and make a throwaway CA with openssl); the
# survey tests write their own .xlsx workbooks with libxlsxwriter.
TEST_DEBS := chromium postgresql openssl libxlsxwriter-dev
TEST_PKGS := xlsxwriter
# The bench's anchors: the sqlite3 shell (exports, purge), Xvfb for a real window,
# PostgreSQL's psql \copy (sync); BENCH_CHROMIUM=1 also runs Chromium (TEST_DEBS).
BENCH_DEBS := xvfb sqlite3 postgresql

BUILD   ?= build
SAN     ?=
OPT     ?= -O2 -g
WARN    := -Wall -Wextra -Wshadow -Wno-unused-parameter
ALL_CFLAGS  = $(OPT) $(CFLAGS) -std=c11 -D_GNU_SOURCE $(WARN) -Isrc $(SAN)
ALL_LDFLAGS = $(LDFLAGS) $(SAN)

SRCS     := $(shell find src -name '*.c' ! -name main.c | sort)
OBJS     := $(SRCS:%.c=$(BUILD)/%.o)
MAIN_OBJ := $(BUILD)/src/main.o
TEST_SRCS := $(sort $(wildcard tests/test_*.c))
TESTS    := $(TEST_SRCS:tests/%.c=$(BUILD)/tests/%)
TOOLS    := $(BUILD)/tools/symbols_sheet $(BUILD)/tools/screens_sheet $(BUILD)/tools/bench \
            $(BUILD)/tools/sync_bench

# pkg-config is only asked once the packages are there (see `deps`).
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lcsv -lpthread -lm
TEST_PKG_CFLAGS = $(shell pkg-config --cflags $(TEST_PKGS) 2>/dev/null)
TEST_PKG_LIBS   = $(shell pkg-config --libs $(TEST_PKGS) 2>/dev/null)
# The sayso binary is not linked with SDL_image: src/ui/image_lib.c opens it
# when a picture is first decoded (its nine libraries were 40% of the
# dynamic linker's work at every start). Tests and tools link everything.
SAYSO_LIBS = $(shell pkg-config --libs $(filter-out SDL2_image,$(PKGS)) 2>/dev/null) -lcsv -lpthread -lm

.PHONY: all run test test-unit test-e2e test-asan bench deps screenshots symbols-sheet report clean

all: deps sayso

deps:
	@tools/ensure-debs.sh $(DEBS)

sayso: $(OBJS) $(MAIN_OBJ)
	@echo "  LD    $@"
	@$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SAYSO_LIBS)

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
test: deps
	@tools/ensure-debs.sh $(TEST_DEBS)
	@$(MAKE) --no-print-directory sayso $(TESTS)
	@$(MAKE) --no-print-directory BUILD=build/asan OPT="-O1 -g" \
	    SAN="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    build/asan/sayso-asan build-asan-tests
	@tests/run.sh build ./sayso build/asan ./build/asan/sayso-asan

build-asan-tests: $(TESTS)

# A binary inside the build folder: lets several builds (BUILD=build/x) sit side by side.
$(BUILD)/sayso $(BUILD)/sayso-asan: $(OBJS) $(MAIN_OBJ)
	@echo "  LD    $@"
	@$(CC) $(ALL_LDFLAGS) -o $@ $^ $(SAYSO_LIBS)

SHEET_SCREENS := welcome.png language.png consent.png positive.png change.png barriers.png \
                 involve.png review.png thanks.png

bench: deps sayso $(BUILD)/tools/bench $(BUILD)/tools/bare_window $(BUILD)/tools/commit_anchor \
       $(BUILD)/tools/sync_bench
	@tools/ensure-debs.sh $(BENCH_DEBS) $(if $(filter 1,$(BENCH_CHROMIUM)),$(TEST_DEBS))
	@$(BUILD)/tools/bench ./sayso
	@$(BUILD)/tools/sync_bench ./sayso

screenshots: deps sayso
	@tools/screenshots.sh ./sayso docs/screens
	@tools/screenshots.sh ./sayso docs/screens urdu
	@tools/screenshots.sh ./sayso docs/screens staff
	@tools/screenshots.sh ./sayso docs/screens xlsform

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

clean:
	rm -rf build sayso

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
