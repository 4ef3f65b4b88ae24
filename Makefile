# Reel: `make run` builds and plays the demo; `make test` runs every test.
# Both first install the Debian packages that are missing (quietly, and only those).

SWIFT ?= swift
# ncurses-term: terminfo for direct-colour terminals (tmux-direct, xterm-direct), used by the tests.
DEBIAN_PACKAGES := pkg-config libncurses-dev libpng-dev libsndfile1-dev libfftw3-dev portaudio19-dev tmux ncurses-term
APT_LOG := /tmp/reel-apt.log

.PHONY: run test test-tsan deps build build-debug assets frames bench-baseline audio-files bench-audio soak-audio clean

run: build
	.build/release/reel

# Every test, then the core's tests again under ThreadSanitizer (its own build folder).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build
	$(MAKE) --no-print-directory test-tsan

test-tsan: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan --filter ReelCoreTests

build: deps
	$(SWIFT) build -c release --product reel

build-debug: deps
	$(SWIFT) build --product reel

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
	rm -rf .build .build-tsan
