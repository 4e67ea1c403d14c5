# The commands a person types. Everything a target needs it finds (JDK 25) or builds itself.
SHELL := /bin/bash
.DEFAULT_GOAL := help

# JDK 25+: $JAVA_HOME when it is one, else the Temurin JDK installed beside the default JDK 17.
JDK_CANDIDATES := $(JAVA_HOME) /usr/lib/jvm/temurin-25-jdk-amd64 $(wildcard /usr/lib/jvm/*25* /usr/lib/jvm/*26* /opt/java/*)
JDK := $(firstword $(foreach d,$(JDK_CANDIDATES),$(shell "$(d)/bin/java" -XshowSettings:properties -version 2>&1 | grep -qE 'java.specification.version = (2[5-9]|[3-9][0-9])' && echo $(d))))
ifeq ($(JDK),)
$(error No JDK 25 found. Looked at JAVA_HOME ($(or $(JAVA_HOME),unset)) and /usr/lib/jvm. Install Temurin 25 at /usr/lib/jvm/temurin-25-jdk-amd64 or set JAVA_HOME to a JDK 25+)
endif
export JAVA_HOME := $(JDK)
export PATH := $(JDK)/bin:$(PATH)

MVN := mvn -B -ntp
JAR := app/target/queuescope.jar
export QUEUESCOPE_DATA ?= $(CURDIR)/data
SHOP_URL ?= http://localhost:8080

PERF_JAR := perf/target/queuescope-perf.jar
# Empty: the run command's defaults (mixed at 100 req/s, or a single LAB's own scenario and rate).
SCENARIO ?=
RATE ?=
DURATION ?= 60s
WARMUP ?= 30s

.PHONY: help build run deps test seed docs clean perf perf-sweep perf-capacity perf-analyse perf-blind perf-compare perf-selftest perf-clean test-labs bench

help: ## list the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

build: ## build the executable JAR (app/target/queuescope.jar), tests skipped
	$(MVN) -DskipTests package

$(JAR): $(shell find pom.xml codegen modules app -name pom.xml -o -path '*/src/main/*' -type f 2>/dev/null)
	$(MVN) -DskipTests package

run: $(JAR) ## build if needed, then start the shop on :8080 (actuator on 127.0.0.1:8081)
	@mkdir -p "$(QUEUESCOPE_DATA)"
	exec java $$(grep -v '^#' app/jvm.options | xargs) -XX:HeapDumpPath="$(QUEUESCOPE_DATA)" -jar $(JAR)

deps: ## install what the tests need beyond Maven: headless Chromium (Debian package) for the report test
	@command -v chromium >/dev/null 2>&1 || { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; }

test: ## the whole test suite: unit, module, HTTP, architecture
	$(MVN) verify

$(PERF_JAR): $(shell find perf -name pom.xml -o -path 'perf/src/main/*' -type f 2>/dev/null)
	$(MVN) -pl perf -DskipTests package

perf: $(JAR) $(PERF_JAR) ## load + capture: [SCENARIO=mixed RATE=100] DURATION=60s WARMUP=30s [LAB=a,b] [TARGET=url PID=pid] [KNEE=req/s for SCENARIO=overload|provider-outage]
	java -jar $(PERF_JAR) run $(if $(SCENARIO),--scenario=$(SCENARIO)) $(if $(RATE),--rate=$(RATE)) $(if $(KNEE),--knee=$(KNEE)) --duration=$(DURATION) --warmup=$(WARMUP) \
		$(if $(LAB),--lab=$(LAB)) \
		$(if $(TARGET),--target=$(TARGET)) $(if $(PID),--pid=$(PID)) $(if $(MANAGEMENT),--management=$(MANAGEMENT)) \
		$(if $(PROVIDER_CONTROL),--provider-control=$(PROVIDER_CONTROL))

perf-sweep: $(JAR) $(PERF_JAR) ## rising load steps: the knee, the queue that grew first, a USL fit: SCENARIO=mixed [CAPACITY=req/s STEPS=10,25,...]
	java -jar $(PERF_JAR) sweep --scenario=$(or $(SCENARIO),mixed) $(if $(CAPACITY),--capacity=$(CAPACITY)) $(if $(STEPS),--steps=$(STEPS))

perf-capacity: $(JAR) $(PERF_JAR) ## the most the shop serves of a scenario on this machine now (closed loop, about 2 minutes): SCENARIO=mixed [CONNECTIONS=8]
	java -jar $(PERF_JAR) capacity --scenario=$(or $(SCENARIO),mixed) $(if $(CONNECTIONS),--connections=$(CONNECTIONS))

perf-analyse: $(PERF_JAR) ## the queue ledger and verdict of a finished run: RUN=perf/results/<id> (default: latest)
	java -jar $(PERF_JAR) analyse $(or $(RUN),perf/results/latest)

perf-blind: $(PERF_JAR) ## copy a run with only its captured data to <RUN>-blind (then: make perf-analyse RUN=<RUN>-blind)
	java -jar $(PERF_JAR) blind $(or $(RUN),perf/results/latest)

perf-compare: $(PERF_JAR) ## run B against run A: A=<run-id> B=<run-id> (faster, slower or same within noise)
	java -jar $(PERF_JAR) compare $(A) $(B)

bench: $(JAR) $(PERF_JAR) ## the shop against plain pgjdbc and raw COPY on the same database (~15 min): perf/results/latest-bench/bench.json
	java -jar $(PERF_JAR) bench $(if $(REPEATS),--repeats=$(REPEATS)) $(if $(ROWS),--rows=$(ROWS))

perf-selftest: $(PERF_JAR) ## the generator against a null responder (pinned cores): µs/request, highest honest rate
	java -jar $(PERF_JAR) selftest

test-labs: $(JAR) $(PERF_JAR) ## live proof: each lab of perf/labs.json runs, is analysed blind, and the verdict names its queue
	$(MVN) -pl perf verify -Dgroups=labs -DexcludedGroups=none

perf-clean: ## remove every perf run (and the seeded data template)
	rm -rf perf/results

ADMIN_EMAIL ?= $(or $(QUEUESCOPE_ADMIN_EMAIL),admin@localhost)

seed: ## load the demo data set into the running shop, as its admin (password: QUEUESCOPE_ADMIN_PASSWORD, else data/admin-password)
	@password="$${QUEUESCOPE_ADMIN_PASSWORD:-$$(cat "$(QUEUESCOPE_DATA)/admin-password" 2>/dev/null)}"; \
	[ -n "$$password" ] || { echo "No admin password: set QUEUESCOPE_ADMIN_PASSWORD or QUEUESCOPE_DATA (the shop writes admin-password there)" >&2; exit 1; }; \
	token=$$(printf '{"email":"%s","password":"%s"}' "$(ADMIN_EMAIL)" "$$password" \
		| curl -sS --fail-with-body -H 'Content-Type: application/json' --data-binary @- $(SHOP_URL)/api/v1/auth/login \
		| sed -n 's/.*"token":"\([^"]*\)".*/\1/p'); \
	[ -n "$$token" ] || { echo "Login as $(ADMIN_EMAIL) failed" >&2; exit 1; }; \
	curl -sS --fail-with-body -X POST -H "Authorization: Bearer $$token" $(SHOP_URL)/api/v1/admin/seed; echo

docs: ## regenerate the module diagrams in docs/modules
	$(MVN) -pl archunit-tests -am verify -Dtest=ModularityTests -Dsurefire.failIfNoSpecifiedTests=false

clean: ## remove build output (keeps ./data)
	$(MVN) -q clean
