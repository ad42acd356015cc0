#!/usr/bin/env bash
# Starts the Neo4j GraphQL Library server (comparison only) against a running PolicyGraph's Bolt:
#   bench/neo4j-graphql.sh BOLT_URI [PORT]     (installs from package-lock.json on first use)
set -euo pipefail
cd "$(dirname "$0")/neo4j-graphql"
[ -d node_modules ] || npm ci --no-audit --no-fund
exec node server.js "${1:-bolt://127.0.0.1:7687}" "${2:-4000}"
