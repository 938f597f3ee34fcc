#!/bin/bash
# docker-compose's Kafka (apache/kafka image): the broker of tools/stack, from the same server.properties.template,
# SASL/SCRAM users created at format time from the *_KAFKA_PASSWORD variables of infra/env/demo.env. The image's
# own start script cannot add SCRAM users, hence this one. The ACLs and the registry's topics are made by
# `tools/stack up kafka` (it uses a broker that answers, as the admin): run it once after `docker compose up`.
set -euo pipefail
props=/tmp/server.properties
data=/var/lib/kafka/data
sed -e "s#@LOG_DIRS@#${data}#" -e 's#@CONTROLLER_PORT@#9093#g' -e 's#@PORT@#9092#g' \
  -e "s#@ADMIN_PASSWORD@#${KAFKA_ADMIN_PASSWORD}#" \
  -e 's#^listeners=SASL_PLAINTEXT://127.0.0.1:9092#listeners=SASL_PLAINTEXT://0.0.0.0:9092#' \
  /infra/server.properties.template >"$props"
if [ ! -f "$data/meta.properties" ]; then
  scram=(--add-scram "SCRAM-SHA-256=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]")
  # REFERRALS_KAFKA_PASSWORD → user referrals, SPECIALTY_PLANNING_… → specialty-planning, PLATFORM_TESTS_… → platform-tests
  while IFS='=' read -r name value; do
    user=$(printf '%s' "${name%_KAFKA_PASSWORD}" | tr 'A-Z_' 'a-z-')
    scram+=(--add-scram "SCRAM-SHA-256=[name=${user},password=${value}]")
  done < <(env | grep -E '^[A-Z_]+_KAFKA_PASSWORD=' | grep -v '^KAFKA_ADMIN_PASSWORD=')
  /opt/kafka/bin/kafka-storage.sh format -t "$(/opt/kafka/bin/kafka-storage.sh random-uuid)" -c "$props" "${scram[@]}"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$props"
