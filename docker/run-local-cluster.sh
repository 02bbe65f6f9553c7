#!/usr/bin/env sh
# Scale-out on this machine, without Docker, on loopback (docs/scale-out.md): a replicated pair of standalone
# Artemis 2.44 brokers (docker/broker.xml with docker/broker-primary.properties and broker-backup.properties),
# PostgreSQL 16, the sandbox carriers, a load balancer and two or more packaged hubs in the prod profile sharing them,
# every secret fresh each run. The same cluster ClusterProdStackIT runs (io.switchboard.testing.prodstack.ClusterStack);
# everything comes through Maven. Data and logs: target/prod-stack/cluster-*.
#   docker/run-local-cluster.sh        # two hubs; prints the URLs, credentials and pids; Enter stops it
#   docker/run-local-cluster.sh 3      # three hubs
set -eu
cd "$(dirname "$0")/.."
# packages the jar and unpacks the Artemis distribution into target/artemis (the prod-stack profile)
./mvnw -B -q -DskipTests pre-integration-test
exec ./mvnw -B -q exec:java -Dexec.classpathScope=test \
    -Dexec.mainClass=io.switchboard.testing.prodstack.LocalCluster -Dexec.args="${1:-2}"
