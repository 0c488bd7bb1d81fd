# The serverless-service archetype: build it, generate a sample service, run every test.
# `make help` lists the targets.
.DEFAULT_GOAL := help
SHELL := /usr/bin/env bash
.SHELLFLAGS := -eu -o pipefail -c
MAKEFLAGS += --no-print-directory

# A sample service lands here; pass archetype properties in ARGS, e.g. ARGS="-DjavaVersion=25".
GENERATE_DIR ?= build
ARGS ?=

# A JDK 21+ for every target (generated services target the Lambda Java 21 and 25 runtimes):
# JAVA_HOME, else the java on PATH, else the newest one installed in a usual place. The finder is
# the generated repository's own; it says which JDK it picked, or how to get one.
JDK_FINDER := src/main/resources/archetype-resources/scripts/jdk.sh
JDK := $(shell bash $(JDK_FINDER) find 21)
ifneq ($(JDK),)
export JAVA_HOME := $(JDK)
export PATH := $(JDK)/bin:$(PATH)
endif
NEED_JDK = $(if $(JDK),,$(error $(shell bash $(JDK_FINDER) missing 21)))
# Maven through its wrapper, at the version pom.xml names: the integration tests build every case
# with the Maven that runs them. `make` creates the wrapper with the Maven on PATH when it is missing.
pom_property = $(shell sed -n 's:.*<$(1)>\(.*\)</$(1)>.*:\1:p' pom.xml | head -n 1)
MVN = $(NEED_JDK)./mvnw -B -ntp

# `make install` runs Maven only when a source changed since the last install.
INSTALLED := target/installed.stamp
SOURCES := pom.xml $(shell find src -type f)

.PHONY: help prerequisites install generate test test-archetype test-options test-pipeline \
	test-upgrade release-dry-run options-and-release release format-templates docs clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-22s %s\n", $$1, $$2}'

mvnw:
	$(NEED_JDK)mvn -B -q -N org.apache.maven.plugins:maven-wrapper-plugin:$(call pom_property,maven.wrapper.version):wrapper \
	  -Dmaven=$(call pom_property,maven.wrapper.maven.version) -Dtype=only-script
	@echo "mvnw: created (Maven $(call pom_property,maven.wrapper.maven.version))"

$(INSTALLED): $(SOURCES) | mvnw
	$(MVN) install -Darchetype.test.skip=true
	@touch $@

prerequisites: ## Check that every tool `make test` needs is here; name each missing one with how to install it
	@bash scripts/prerequisites.sh

install: $(INSTALLED) ## Build the archetype and install it in the local Maven repository (no tests)

generate: install ## Generate a sample service into $(GENERATE_DIR)/ (ARGS="-DserviceName=... -DjavaVersion=25 ...")
	scripts/generate.sh $(GENERATE_DIR) $(ARGS)

# The tools first, then one install for the whole run; then three lanes side by side, each printed
# whole when it ends: the generated cases' builds, the pipeline of a fresh service with its
# gates, and the options then the release dry run.
TEST_LANES := test-archetype test-pipeline options-and-release

test: prerequisites install ## Run every test: generated projects build green, options are checked, the pipeline passes and its gates bite, a release builds
	@echo "test: $(TEST_LANES) run side by side; each prints when it ends"
	$(MAKE) -j3 --output-sync=target $(TEST_LANES)

test-archetype: | mvnw ## Generate each case under src/test/resources/projects and run its `mvn verify` (archetype:integration-test)
	$(MVN) verify

# One lane: the three run in turn.
options-and-release: install
	$(MAKE) test-options
	$(MAKE) release-dry-run
	$(MAKE) test-upgrade

test-options: install ## Bad option values are rejected in batch mode; the interactive prompts ask and confirm each once
	scripts/test-options.sh

test-pipeline: install ## A fresh service passes `make dev` and `make pr` with no JAVA_HOME, its gates bite, make check and api-diff work
	scripts/test-pipeline.sh

test-upgrade: install | mvnw ## A repository generated from one version takes the next with make upgrade: edits kept, conflicts marked, make pr green
	scripts/test-upgrade.sh

release-dry-run: install ## Build the signed-ready Central bundle offline, without a key and without publishing
	scripts/test-release.sh

release: | mvnw ## Sign and publish the release to Maven Central (CI, on a version tag: see docs/releasing.md)
	$(MVN) -P release deploy

format-templates: install ## Format the Java templates with the generated project's own formatter
	scripts/format-templates.sh

docs: ## Serve the archetype's docs on http://127.0.0.1:8000
	mkdocs serve

clean: ## Remove build output
	rm -rf target $(GENERATE_DIR)
