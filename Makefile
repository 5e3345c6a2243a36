# Runsmith — the two commands a newcomer needs are `make site` and `make test`;
# both install the Debian packages first when they are missing.

DEBIAN_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libxml2-dev libpcre2-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_FLAGS ?=

.PHONY: site test check deps browser browser-tests screenshots build release bench bench-deps fuzz fuzz-build fuzz-regressions clean

## Build the embedded example content/ into _site/ and say where it is.
site: deps
	swift build $(SWIFT_FLAGS) --product runsmith
	$$(swift build $(SWIFT_FLAGS) --show-bin-path)/runsmith build content --out _site
	@echo "Open $(CURDIR)/_site/index.html (the docs) and $(CURDIR)/_tenants/index.html (each customer's folder)"

## Run every test: unit, golden, CommonMark parity, site builds, the fixture corpus and a real browser.
test: deps browser
	swift build $(SWIFT_FLAGS) --build-tests
	swift test $(SWIFT_FLAGS) --skip-build --disable-swift-testing
	$(MAKE) --no-print-directory browser-tests

## What a reader does in Chromium, driven by Selenium (Tests/Browser): keyboard, a phone's width, reloads.
## Selenium comes from PyPI, pinned, into a virtualenv of its own under .build/.
BROWSER_VENV := .build/browser-venv
SELENIUM := selenium==4.51.0
# axe-core 4.12 (the accessibility engine), as PyPI ships it inside axe-playwright-python: only its
# axe.min.js is used, injected by Selenium, so Playwright is not installed (--no-deps).
AXE := axe-playwright-python==0.1.8
# Pagefind (its binary from PyPI), to compare the search index with in `make bench`.
PAGEFIND := pagefind[bin]==1.5.2
browser-tests: deps browser $(BROWSER_VENV)/.selenium
	swift build $(SWIFT_FLAGS) --product runsmith
	RUNSMITH=$$(swift build $(SWIFT_FLAGS) --show-bin-path)/runsmith $(BROWSER_VENV)/bin/python -m unittest discover -s Tests/Browser -v
$(BROWSER_VENV)/.selenium: Makefile
	python3 -m venv $(BROWSER_VENV)
	$(BROWSER_VENV)/bin/pip install -q --disable-pip-version-check $(SELENIUM)
	$(BROWSER_VENV)/bin/pip install -q --disable-pip-version-check --no-deps $(AXE)
	touch $@

## Screenshots of the example (home, a rich page, a runbook, a checklist) at 1366 and 390 px, light and
## dark, into docs/screenshots/: what the README shows, taken again after a change to the theme.
screenshots: deps browser $(BROWSER_VENV)/.selenium
	swift build $(SWIFT_FLAGS) --product runsmith
	cd Tests/Browser && RUNSMITH=$$(cd ../.. && swift build $(SWIFT_FLAGS) --show-bin-path)/runsmith \
		../../$(BROWSER_VENV)/bin/python screenshots.py ../../content ../../docs/screenshots

## `runsmith check` on content/: everything build does, nothing written.
check: deps
	swift build $(SWIFT_FLAGS) --product runsmith
	$$(swift build $(SWIFT_FLAGS) --show-bin-path)/runsmith check content

build: deps
	swift build $(SWIFT_FLAGS)

release: deps
	swift build -c release

## libcmark-gfm (GitHub's CommonMark) and its extensions, libxml2 (the raw-HTML sanitizer) and PCRE2 (lexer rules), from Debian;
## Pygments (code colours) from Debian unless the python3 on the PATH already imports it.
deps:
	@dpkg -s $(DEBIAN_PACKAGES) >/dev/null 2>&1 || { \
		echo "Installing $(DEBIAN_PACKAGES)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(DEBIAN_PACKAGES); }
	@python3 -c "import pygments" 2>/dev/null || /usr/bin/python3 -c "import pygments" 2>/dev/null || { \
		echo "Installing python3-pygments"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq python3-pygments; }

## Headless Chromium (Debian's package) for the browser tests and `--pdf`, with fonts for CJK and emoji
## (without them a PDF shows boxes); chromium-driver for Selenium; poppler-utils to read the PDFs back.
BROWSER_PACKAGES := chromium chromium-driver poppler-utils fonts-noto-cjk fonts-noto-color-emoji
browser:
	@dpkg -s $(BROWSER_PACKAGES) >/dev/null 2>&1 || { \
		echo "Installing $(BROWSER_PACKAGES)"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(BROWSER_PACKAGES); }

## Benchmarks (numbers, never pass/fail): builds against cmark-gfm and Hugo, `runsmith serve`, pathological pages,
## and the search index against Pagefind (first queries loaded in headless Chromium).
## Prints tables and writes bench/results.json, then every speed goal with its ratio and PASS/MISS
## (bench/goals.py). Installs hugo and cmark-gfm when missing.
bench: deps bench-deps browser $(BROWSER_VENV)/.selenium
	swift build -c release --product runsmith
	$(BROWSER_VENV)/bin/pip install -q --disable-pip-version-check "$(PAGEFIND)"
	python3 bench/run.py .build/release/runsmith
	$(BROWSER_VENV)/bin/python bench/search.py .build/release/runsmith
	python3 bench/serve.py .build/release/runsmith
	python3 bench/pathological.py .build/release/runsmith
	python3 bench/goals.py

bench-deps:
	@command -v hugo >/dev/null 2>&1 && command -v cmark-gfm >/dev/null 2>&1 && [ -x /usr/bin/time ] || { \
		echo "Installing hugo cmark-gfm time"; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq hugo cmark-gfm time; }

## libFuzzer with AddressSanitizer over one page with includes (Sources/RunsmithFuzz): `make fuzz SECONDS=N`.
## Seeds: content/ and Tests/Fuzz/seeds; Tests/Fuzz/fuzz.dict holds UTF-8 sequences and our syntax's tokens; new inputs go to .fuzz/corpus, crashes and hangs to .fuzz/artifacts/.
## Leak checks are off: LeakSanitizer cannot see Swift's pointers kept in spare bits (false leaks of globals).
## FUZZ_FLAGS="-fork=1 -ignore_crashes=1 -ignore_timeouts=1" keeps going past a finding, for long runs.
SECONDS ?= 60
FUZZ_FLAGS ?=
FUZZER := .build-fuzz/debug/runsmith-fuzz
export ASAN_OPTIONS := detect_leaks=0
fuzz: fuzz-build
	mkdir -p .fuzz/corpus .fuzz/artifacts
	$(FUZZER) .fuzz/corpus Tests/Fuzz/seeds Tests/Fuzz/regressions content \
		-dict=Tests/Fuzz/fuzz.dict -max_total_time=$(SECONDS) -timeout=10 -max_len=65536 -rss_limit_mb=4096 $(FUZZ_FLAGS) \
		-artifact_prefix=.fuzz/artifacts/ -print_final_stats=1

## The instrumented target (lld: gold fails on AddressSanitizer's objects).
fuzz-build: deps
	swift build --scratch-path .build-fuzz --product runsmith-fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DRUNSMITH_FUZZ -Xswiftc -use-ld=lld

## Every input the fuzzer ever crashed on, and the seeds, once each under AddressSanitizer (in .ci/run).
fuzz-regressions: fuzz-build
	$(FUZZER) Tests/Fuzz/regressions/* Tests/Fuzz/seeds/*

clean:
	rm -rf .build .build-fuzz .fuzz _site _tenants
