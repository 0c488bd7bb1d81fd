# The serverless-service archetype: build it, generate a sample service, run every test.
# `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /usr/bin/env bash
.SHELLFLAGS := -eu -o pipefail -c

# A sample service lands here; pass archetype properties in ARGS, e.g. ARGS="-DjavaVersion=25".
GENERATE_DIR ?= build
ARGS ?=

MVN := mvn -B -ntp

.PHONY: help check-jdk install generate test test-archetype test-bad-properties test-pipeline docs clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-22s %s\n", $$1, $$2}'

check-jdk: ## Fail unless the JDK is 21 or newer (generated services target the Lambda Java 21/25 runtimes)
	@command -v mvn >/dev/null || { echo "Maven is missing: install Apache Maven 3.8 or newer." >&2; exit 1; }
	@version=$$(mvn -v 2>/dev/null | sed -n 's/^Java version: \([0-9]*\).*/\1/p'); \
	if [ -z "$$version" ] || [ "$$version" -lt 21 ]; then \
	  echo "Maven runs on JDK $${version:-unknown}; a JDK 21 or newer is needed: set JAVA_HOME to one." >&2; exit 1; fi

install: check-jdk ## Build the archetype and install it in the local Maven repository (no tests)
	$(MVN) install -Darchetype.test.skip=true

generate: install ## Generate a sample service into $(GENERATE_DIR)/ (ARGS="-DserviceName=... -DjavaVersion=25 ...")
	scripts/generate.sh $(GENERATE_DIR) $(ARGS)

test: test-archetype test-bad-properties test-pipeline ## Run every test: generated projects build green, bad values are rejected, the pipeline passes

test-archetype: check-jdk ## Generate each case under src/test/resources/projects and run its build (archetype:integration-test)
	$(MVN) install

test-bad-properties: install ## Batch generation rejects bad property values and leaves nothing behind
	scripts/test-bad-properties.sh

test-pipeline: install ## A fresh service passes `make dev` and `make pr`, and its quality gates bite
	scripts/test-pipeline.sh

docs: ## Serve the archetype's docs on http://127.0.0.1:8000
	mkdocs serve

clean: ## Remove build output
	rm -rf target $(GENERATE_DIR)
