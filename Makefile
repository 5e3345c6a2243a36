# Runsmith — the two commands a newcomer needs are `make site` and `make test`;
# both install the Debian packages first when they are missing.

DEBIAN_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_FLAGS ?=

.PHONY: site test check deps browser build release bench bench-deps clean

## Build the embedded example content/ into _site/ and say where it is.
site: deps
	swift build $(SWIFT_FLAGS) --product runsmith
	$$(swift build $(SWIFT_FLAGS) --show-bin-path)/runsmith build content --out _site
	@echo "Open $(CURDIR)/_site/index.html"

## Run every test: unit, golden, CommonMark parity, site builds, the fixture corpus and a real browser.
test: deps browser
	swift build $(SWIFT_FLAGS) --build-tests
	swift test $(SWIFT_FLAGS) --skip-build --disable-swift-testing

## `runsmith check` on content/: everything build does, nothing written.
check: deps
	swift build $(SWIFT_FLAGS) --product runsmith
	$$(swift build $(SWIFT_FLAGS) --show-bin-path)/runsmith check content

build: deps
	swift build $(SWIFT_FLAGS)

release: deps
	swift build -c release

## libcmark-gfm (GitHub's CommonMark) and its extensions, from Debian.
deps:
	@dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1 || { \
		echo "Installing $(DEBIAN_PACKAGES)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(DEBIAN_PACKAGES); }

## Headless Chromium (Debian's package) for the checklist browser test.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "Installing chromium"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }

## Benchmarks (numbers, never pass/fail): builds against cmark-gfm and Hugo, then `runsmith serve`.
## Prints tables and writes bench/results.json. Installs hugo and cmark-gfm when missing.
bench: deps bench-deps
	swift build -c release --product runsmith
	python3 bench/run.py .build/release/runsmith
	python3 bench/serve.py .build/release/runsmith

bench-deps:
	@command -v hugo >/dev/null 2>&1 && command -v cmark-gfm >/dev/null 2>&1 && [ -x /usr/bin/time ] || { \
		echo "Installing hugo cmark-gfm time"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq hugo cmark-gfm time; }

clean:
	rm -rf .build _site
