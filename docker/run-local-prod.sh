#!/usr/bin/env sh
# The production stack on this machine, without Docker, on loopback: a standalone Artemis 2.44 configured by
# docker/broker.xml, PostgreSQL 16, the packaged hub in the prod profile (every secret from its environment, fresh
# random ones each run) and the sandbox carriers in a process of their own. The same stack the *ProdStackIT tests run
# (io.switchboard.testing.prodstack.ProdStack); everything comes through Maven. Data and logs: target/prod-stack/local-*.
#   docker/run-local-prod.sh        # prints the URLs and credentials; Enter stops it
set -eu
cd "$(dirname "$0")/.."
# packages the jar and unpacks the Artemis distribution into target/artemis (the prod-stack profile)
./mvnw -B -q -DskipTests pre-integration-test
exec ./mvnw -B -q exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=io.switchboard.testing.prodstack.LocalProdStack
