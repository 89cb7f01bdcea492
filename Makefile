# The README's two commands are `make run` and `make test`; both set up what
# they need on a fresh machine and then do their job.

CARGO ?= cargo

.PHONY: run test lint unit

## Build and run the app (for now the command-line app: the registry listing).
run:
	$(CARGO) run --release --quiet -- registry list

## Every test and check, as CI runs them.
test: lint unit

lint:
	rustup component add rustfmt clippy >/dev/null 2>&1 || true
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets --locked -- -D warnings

unit:
	$(CARGO) test --locked
