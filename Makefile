# Reel: `make run` builds and plays the demo; `make test` runs every test.
# Both first install the Debian packages that are missing (quietly, and only those).

SWIFT ?= swift
# ncurses-term: terminfo for direct-colour terminals (tmux-direct, xterm-direct), used by the tests;
# xvfb, xterm, kitty, x11-utils and imagemagick: the sixel and kitty pictures checked in real
# terminals, screenshot and all.
DEBIAN_PACKAGES := pkg-config libncurses-dev libpng-dev libsndfile1-dev libfftw3-dev portaudio19-dev zlib1g-dev \
	libavutil-dev libavcodec-dev libavformat-dev libswscale-dev libswresample-dev ffmpeg \
	libturbojpeg0-dev libopenexr-dev libtiff-dev \
	tmux ncurses-term xvfb xterm kitty x11-utils imagemagick
APT_LOG := /tmp/reel-apt.log

.PHONY: run test test-tsan deps build build-debug install assets frames bench-baseline bench-jpeg bench-exr audio-files bench-audio soak-audio clean fuzz fuzz-build fuzz-smoke

run: build
	.build/release/reel

# Every test; beside them, from the start (they fill what the main build leaves idle while it
# waits on a module, and the minute the tmux tests mostly spend waiting on the terminal), the
# core's tests again under ThreadSanitizer (its own build folder, the core alone) and a few
# seconds of each fuzz target over its seeds, whose output follows once the main tests are done.
# Not at a lower priority: beside two busy loops a niced job all but stopped. Resolving first
# means the SwiftPM processes only ever read Package.resolved.
test: SHELL := /bin/bash
test: deps
	@mkdir -p .build
	$(SWIFT) package resolve
	@$(MAKE) --no-print-directory test-tsan fuzz-smoke > .build/test-beside.log 2>&1 & beside=$$!; \
	  $(TEST_BUILD) $(SWIFT) build --build-tests $(TEST_FLAGS) && $(TEST_BUILD) $(SWIFT) test --skip-build $(TEST_FLAGS); main=$$?; \
	  wait $$beside; other=$$?; \
	  echo "--- ThreadSanitizer and fuzz smoke (.build/test-beside.log) ---"; \
	  grep -v -e '^\[[0-9]*/[0-9]*\] Compiling' -e '^◇' -e '^✔ Test' .build/test-beside.log; \
	  test $$main -eq 0 && test $$other -eq 0

# The core's tests under ThreadSanitizer. REEL_CORE_ONLY=1 makes Package.swift declare the core
# alone, so the front end, the command line and their tests are not built a second time. Left
# out: suites with no threads of their own (the eviction model, the image decoders, probes, folder
# scans) and the spectrogram's numeric cases, whose analysis threads other tests run the same way.
# The test builds compile each module in one compiler process (whole-module, still -Onone):
# from scratch that is a fifth less CPU than one process per batch of files, which re-parse each
# other's declarations, and the tests are built on two cores beside ThreadSanitizer's build and
# the fuzz targets'. Per-file objects (-num-threads) are what SwiftPM links and indexes.
# The tests build in a folder of their own (.build-test): objects of a whole-module build and of
# `swift build`'s per-file one must not meet in one folder (they link to duplicate symbols).
WHOLE_MODULE := -Xswiftc -wmo -Xswiftc -num-threads -Xswiftc 1 -Xswiftc -disable-batch-mode
TEST_FLAGS := --scratch-path .build-test $(WHOLE_MODULE)
# The core and the front end are compiled optimized for the tests (REEL_OPTIMIZE=1 in
# Package.swift; preconditions and overflow checks stay): the end-to-end tests run the player
# dozens of times, and unoptimized it spent two thirds of the suite's CPU drawing frames
# (tests: 100 s of CPU, now 33 s, for 19 s more of building).
TEST_BUILD := REEL_OPTIMIZE=1

TSAN_SKIP := ReelCoreTests\.(EvictionOrderTests|PNGDecoderTests|JPEGDecoderTests|DPXDecoderTests|TIFFDecoderTests|EXRDecoderTests|ImageDescriptionTests|MediaProbeTests|SequenceScannerTests)|aChirpRises|aSineLightsTheRow
test-tsan: deps
	REEL_CORE_ONLY=1 $(TEST_BUILD) $(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan $(WHOLE_MODULE)
	REEL_CORE_ONLY=1 $(TEST_BUILD) $(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan $(WHOLE_MODULE) --skip '$(TSAN_SKIP)'

build: deps
	$(SWIFT) build -c release --product reel

build-debug: deps
	$(SWIFT) build --product reel

# The binary, its man page (written by swift-argument-parser's generate-manual plugin from the
# commands' own help) and its bash, zsh and fish completions, under $(DESTDIR)$(PREFIX).
PREFIX ?= /usr/local
MAN_OUT := .build/man
install: build
	mkdir -p $(MAN_OUT)
	$(SWIFT) package --allow-writing-to-directory $(MAN_OUT) generate-manual --output-directory $(MAN_OUT) >/dev/null
	install -D -m 755 .build/release/reel $(DESTDIR)$(PREFIX)/bin/reel
	install -D -m 644 $(MAN_OUT)/reel.1 $(DESTDIR)$(PREFIX)/share/man/man1/reel.1
	mkdir -p $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	    $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	.build/release/reel --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/reel
	.build/release/reel --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_reel
	.build/release/reel --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/reel.fish

# Makes Assets/ again from Reel's own generator (PNG writer + libsndfile).
assets: build-debug
	rm -f Assets/demo.*.png Assets/demo.wav
	.build/debug/reel make-demo Assets

# A render-like 1920x1080 sequence for `reel soak` and `reel bench decode` (about 300 MB).
FRAMES ?= /tmp/reel-frames
frames: build
	.build/release/reel make-frames $(FRAMES) --count 100

# The plain C loop over libpng that `reel bench decode` is measured against.
bench-baseline: deps
	cc -O2 -o .build/pngloop Benchmarks/pngloop.c $$(pkg-config --cflags --libs libpng16) -lpthread
	.build/pngloop $$(nproc) $(FRAMES)/*.png

# The 1080p frames again as JPEG (quality 95), and Reel's decode of them at a terminal's size and
# at full size against the plain C loop over tjDecompress2 at full size (Benchmarks/jpegloop.c).
JPEG_FRAMES ?= /tmp/reel-jpeg-frames
bench-jpeg: frames
	mkdir -p $(JPEG_FRAMES)
	[ -f $(JPEG_FRAMES)/render.0100.jpg ] || ffmpeg -nostdin -loglevel error -y -start_number 1 -i $(FRAMES)/render.%04d.png \
	    -q:v 2 -start_number 1 $(JPEG_FRAMES)/render.%04d.jpg
	cc -O2 -o .build/jpegloop Benchmarks/jpegloop.c $$(pkg-config --cflags --libs libturbojpeg) -lpthread
	.build/release/reel bench decode $(JPEG_FRAMES) --size 320x180 --json
	.build/release/reel bench decode $(JPEG_FRAMES) --json
	.build/jpegloop $$(nproc) $(JPEG_FRAMES)/*.jpg

# OpenEXR's Beachball sequence (8 frames of 2048x1556 half float) decoded by Reel at its own size
# and at a terminal's, against the plain C loop over OpenEXR's C core (Benchmarks/exrloop.c).
EXR_FRAMES ?= $(CORPUS)/exr/Beachball
bench-exr: build
	cc -O2 -o .build/exrloop Benchmarks/exrloop.c $$(pkg-config --cflags --libs OpenEXR) -lpthread
	for i in 1 2 3; do .build/release/reel bench decode $(EXR_FRAMES) --json; .build/release/reel bench decode $(EXR_FRAMES) --size 320x243 --json; \
	    .build/exrloop $$(nproc) $(EXR_FRAMES)/*.exr; done

# Three 10-minute stereo 48 kHz recordings for `reel soak --switch` and `reel bench spectrogram`.
AUDIO ?= /tmp/reel-audio
audio-files: build
	mkdir -p $(AUDIO)
	for n in 1 2 3; do [ -f $(AUDIO)/ten$$n.wav ] || .build/release/reel make-audio $(AUDIO)/ten$$n.wav --seconds 600; done

# Reel's STFT and peaks against the plain C loop over FFTW (Benchmarks/stftloop.c), in one run.
bench-audio: audio-files
	cc -O3 -ffast-math -march=native -o .build/stftloop Benchmarks/stftloop.c $$(pkg-config --cflags --libs sndfile fftw3f) -lm
	for i in 1 2 3; do .build/release/reel bench spectrogram $(AUDIO)/ten1.wav --json; .build/stftloop $(AUDIO)/ten1.wav; done
	.build/release/reel bench waveform $(AUDIO)/ten1.wav --json

# The second incident: switching between three 10-minute files, 100 cycles, plain and varied.
soak-audio: audio-files
	.build/release/reel soak $(AUDIO)/ten1.wav $(AUDIO)/ten2.wav $(AUDIO)/ten3.wav --switch --cycles 100
	.build/release/reel soak $(AUDIO)/ten1.wav $(AUDIO)/ten2.wav $(AUDIO)/ten3.wav --switch --cycles 100 --vary-analysis

# libFuzzer targets (Fuzz/Targets), built with swiftc -sanitize=fuzzer,address over the sources
# of ReelCore and ReelTUI, seeded from ../shared/corpus and Fuzz/Seeds. `make fuzz` runs each for
# FUZZ_SECONDS; what it finds is left in .build-fuzz/crashers/TARGET/ (make a regression test of it).
FUZZ_SECONDS ?= 60
FUZZ_SMOKE_SECONDS ?= 2
FUZZ := .build-fuzz
FUZZ_TARGETS := png images audio names keys
CORPUS := ../shared/corpus
FUZZ_SEEDS_png := $(CORPUS)/png/pngsuite $(CORPUS)/png/libpng-testpngs $(CORPUS)/png/image-png
FUZZ_SEEDS_audio := $(CORPUS)/audio/hound $(CORPUS)/audio/hound/fuzz $(CORPUS)/audio/flac-test-files/faulty $(CORPUS)/audio/freedesktop
FUZZ_SEEDS_images := Fuzz/Seeds/images $(CORPUS)/exr/Damaged
FUZZ_SEEDS_names := Fuzz/Seeds/names
FUZZ_SEEDS_keys := Fuzz/Seeds/keys
FUZZ_PKGS := ncursesw libpng16 sndfile fftw3f portaudio-2.0 zlib libavutil libavcodec libavformat libswscale libswresample \
	libturbojpeg libtiff-4 OpenEXR
FUZZ_SWIFT := swiftc -sanitize=fuzzer,address -parse-as-library -enable-testing -swift-version 6 -Onone -g -wmo \
	-I Sources/CPNG -I Sources/CSndfile -I Sources/CFFTW -I Sources/CPortAudio -I Sources/CMalloc \
	-I Sources/CNcurses -I Sources/CZlib -I Sources/CLibraryQuiet/include -I $(FUZZ) \
	-I Sources/CAVUtil -I Sources/CAVCodec -I Sources/CAVFormat -I Sources/CSwscale -I Sources/CSwresample \
	-I Sources/CTurboJPEG -I Sources/CTIFF -I Sources/COpenEXR \
	$(foreach flag,$(shell pkg-config --cflags $(FUZZ_PKGS) 2>/dev/null),-Xcc $(flag))
FUZZ_LIBS = $(shell pkg-config --libs $(FUZZ_PKGS) 2>/dev/null)
CORE_SOURCES := $(shell find Sources/ReelCore -name '*.swift')
TUI_SOURCES := $(shell find Sources/ReelTUI -name '*.swift')

$(FUZZ)/quiet.o: Sources/CLibraryQuiet/library_quiet.c Sources/CLibraryQuiet/include/library_quiet.h
	@mkdir -p $(FUZZ)
	clang -c -g -fsanitize=fuzzer-no-link,address -I Sources/CLibraryQuiet/include -o $@ $<

$(FUZZ)/libReelCore.a: $(CORE_SOURCES)
	@mkdir -p $(FUZZ)
	$(FUZZ_SWIFT) -emit-library -static -module-name ReelCore -emit-module -emit-module-path $(FUZZ)/ReelCore.swiftmodule \
	    -o $@ $(CORE_SOURCES)

$(FUZZ)/libReelTUI.a: $(TUI_SOURCES) $(FUZZ)/libReelCore.a
	$(FUZZ_SWIFT) -emit-library -static -module-name ReelTUI -emit-module -emit-module-path $(FUZZ)/ReelTUI.swiftmodule \
	    -o $@ $(TUI_SOURCES)

$(FUZZ)/fuzz-%: Fuzz/Targets/%.swift $(FUZZ)/libReelTUI.a $(FUZZ)/libReelCore.a $(FUZZ)/quiet.o
	$(FUZZ_SWIFT) -use-ld=lld -o $@ $< $(FUZZ)/libReelTUI.a $(FUZZ)/libReelCore.a $(FUZZ)/quiet.o $(FUZZ_LIBS)

fuzz-build: deps $(foreach t,$(FUZZ_TARGETS),$(FUZZ)/fuzz-$(t))

# One target for SECONDS over a corpus of its own (grown from the seeds) and the seeds; its whole
# output stays in .build-fuzz/TARGET.log, and a failure prints the end of it.
define fuzz_run
	mkdir -p $(FUZZ)/corpus/$(1) $(FUZZ)/crashers/$(1)
	ALSA_CONFIG_PATH=/dev/null ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
	  $(FUZZ)/fuzz-$(1) -max_total_time=$(2) -rss_limit_mb=3072 -max_len=1048576 -timeout=20 -print_final_stats=1 \
	  -artifact_prefix=$(FUZZ)/crashers/$(1)/ $(FUZZ)/corpus/$(1) $(FUZZ_SEEDS_$(1)) > $(FUZZ)/$(1).log 2>&1; status=$$?; \
	  grep -E '^(stat::number_of_executed_units|stat::new_units_added|==[0-9]+==|SUMMARY|artifact_prefix|Test unit written)' \
	    $(FUZZ)/$(1).log | sed 's/^/[$(1)] /'; \
	  if [ $$status -ne 0 ]; then echo "[$(1)] exit status $$status; the log ends:"; tail -n 20 $(FUZZ)/$(1).log; fi; \
	  test $$status -eq 0
endef

fuzz: SHELL := /bin/bash
fuzz: fuzz-build
	$(foreach t,$(FUZZ_TARGETS),$(call fuzz_run,$(t),$(FUZZ_SECONDS)) &&) true

# What `make test` runs: every target for a few seconds, failing on any crash.
fuzz-smoke: SHELL := /bin/bash
fuzz-smoke: fuzz-build
	$(foreach t,$(FUZZ_TARGETS),$(call fuzz_run,$(t),$(FUZZ_SMOKE_SECONDS)) &&) true

# Installs only what dpkg says is missing; with everything present this is one dpkg-query.
deps:
	@missing=$$(dpkg-query -W -f='$${Package} $${db:Status-Abbrev}\n' $(DEBIAN_PACKAGES) 2>/dev/null \
	    | awk '$$2 == "ii" { print $$1 }' | sort > /tmp/reel-present.$$$$; \
	  for p in $(DEBIAN_PACKAGES); do grep -qx "$$p" /tmp/reel-present.$$$$ || echo $$p; done; \
	  rm -f /tmp/reel-present.$$$$); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	  if ! { $$sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq \
	      --no-install-recommends $$missing; } >$(APT_LOG) 2>&1; then \
	    cat $(APT_LOG); echo "apt-get failed (log above, also in $(APT_LOG))"; exit 1; \
	  fi; \
	fi

clean:
	rm -rf .build .build-test .build-tsan .build-fuzz
