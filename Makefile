# Reel: `make run` builds and plays the demo; `make test` runs every test.
# Both first install the Debian packages that are missing (quietly, and only those).

SWIFT ?= swift
# ncurses-term: terminfo for direct-colour terminals (tmux-direct, xterm-direct), used by the tests.
DEBIAN_PACKAGES := pkg-config libncurses-dev libpng-dev libsndfile1-dev libfftw3-dev portaudio19-dev tmux ncurses-term
APT_LOG := /tmp/reel-apt.log

.PHONY: run test test-tsan deps build build-debug assets frames bench-baseline clean

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
